/*
 * country.c — ISO 3166-1 countries, EU membership by date, the overseas
 * countries and territories, and the CRMA's "third country".
 */
#include "c.h"

#include "countries.h"

#include "iso3166.h"			/* generated: iso3166[], iso3166_by_alpha3[], ... */

/* ---- the ISO table ------------------------------------------------------ */

const char *
country_table_source(void)
{
	return ISO3166_SOURCE;
}

int
country_count(void)
{
	return ISO3166_COUNT;
}

const CountryEntry *
country_at(int i)
{
	return (i >= 0 && i < ISO3166_COUNT) ? &iso3166[i] : NULL;
}

static CountryCode
code_of(const CountryEntry *e)
{
	return COUNTRY_CODE(e->alpha2[0], e->alpha2[1]);
}

const CountryEntry *
country_entry(CountryCode c)
{
	int			lo = 0,
				hi = ISO3166_COUNT - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		CountryCode m = code_of(&iso3166[mid]);

		if (m == c)
			return &iso3166[mid];
		if (m < c)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static const CountryEntry *
by_alpha3(const char *a3)
{
	int			lo = 0,
				hi = ISO3166_COUNT - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const CountryEntry *e = &iso3166[iso3166_by_alpha3[mid]];
		int			c = memcmp(e->alpha3, a3, 3);

		if (c == 0)
			return e;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static const CountryEntry *
by_numeric(int n)
{
	int			lo = 0,
				hi = ISO3166_COUNT - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const CountryEntry *e = &iso3166[iso3166_by_numeric[mid]];

		if (e->numeric == n)
			return e;
		if (e->numeric < n)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* Codes that are not ISO 3166-1 but are met in data, with what to use. */
static const struct
{
	const char *code;
	const char *hint;
}			known_mistakes[] = {
	{"UK", "The United Kingdom's ISO 3166-1 code is GB."},
	{"EL", "Greece's ISO 3166-1 code is GR (EL is the EU's own abbreviation)."},
	{"EU", "The European Union is not a country; see eu_members() for its member states."},
	{"XK", "Kosovo has no ISO 3166-1 code (XK is a user-assigned code)."},
	{"AN", "The Netherlands Antilles (AN) were dissolved in 2010: use CW, SX or BQ."},
};

bool
country_parse(const char *s, size_t len, CountryCode *out, const char **hint)
{
	char		buf[4];
	size_t		n = 0;
	const CountryEntry *e = NULL;

	*hint = NULL;
	while (len > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (len < 1 || len > 3)
		return false;

	if (s[0] >= '0' && s[0] <= '9')
	{
		int			v = 0;

		for (; n < len; n++)
		{
			if (s[n] < '0' || s[n] > '9')
				return false;
			v = v * 10 + (s[n] - '0');
		}
		e = by_numeric(v);
	}
	else
	{
		for (; n < len; n++)
		{
			char		c = s[n];

			if (c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (c < 'A' || c > 'Z')
				return false;
			buf[n] = c;
		}
		if (len == 2)
			e = country_entry(COUNTRY_CODE(buf[0], buf[1]));
		else if (len == 3)
			e = by_alpha3(buf);
		if (e == NULL && len == 2)
			for (size_t i = 0; i < lengthof(known_mistakes); i++)
				if (memcmp(known_mistakes[i].code, buf, 2) == 0)
					*hint = known_mistakes[i].hint;
	}
	if (e == NULL)
		return false;
	*out = code_of(e);
	return true;
}

/* ---- dates ------------------------------------------------------------- */

int32
country_days(int y, int m, int d)
{
	/* days from civil (H. Hinnant), shifted to 2000-01-01 = 0 */
	int			era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 - 10957;
}

/* ---- the EU, by date ------------------------------------------------------ */

typedef enum EuStatus
{
	EU_MEMBER,					/* a member state */
	EU_OCT,						/* an overseas country or territory */
	EU_TERRITORY				/* EU territory with its own ISO code */
} EuStatus;

typedef struct EuPeriod
{
	char		code[3];
	EuStatus	status;
	int			from[3];		/* first day, y m d */
	int			until[3];		/* last day, y m d; 0 0 0: still */
} EuPeriod;

#define STILL {0, 0, 0}
#define EEC_1958 {1958, 1, 1}

/*
 * Member states: Treaty of Rome (in force 1958-01-01) and the accession
 * treaties; the United Kingdom left at the end of 2020-01-31 (Withdrawal
 * Agreement, OJ L 29, 31.1.2020).
 *
 * OCTs: Annex II TFEU (Part Four), as amended: Greenland from 1985-02-01
 * (Greenland Treaty, OJ L 29, 1.2.1985); Saint-Barthelemy from 2012-01-01
 * (European Council Decision 2010/718/EU); Mayotte until 2013-12-31, then
 * an outermost region (European Council Decision 2012/419/EU); the British
 * OCTs from the UK's accession until its withdrawal.  Earlier changes (e.g.
 * Saint Pierre and Miquelon's years as a French department, 1976-1985) are
 * not modelled.
 *
 * EU territory with its own code: the outermost regions (Art. 349 and 355(1)
 * TFEU) French Guiana, Guadeloupe, Martinique, Reunion, Saint-Martin, and
 * Mayotte from 2014; Saint-Barthelemy as part of Guadeloupe until 2011; the
 * Aland Islands (Art. 355(4) TFEU) from Finland's accession; Gibraltar
 * (Art. 355(3)) from the UK's accession until its withdrawal; Greenland, as
 * part of Denmark, from Denmark's accession (1973-01-01) until it left the
 * Communities (Greenland Treaty, in force 1985-02-01) and became an OCT.
 */
static const EuPeriod eu_periods[] = {
	/* founders */
	{"BE", EU_MEMBER, EEC_1958, STILL},
	{"DE", EU_MEMBER, EEC_1958, STILL},
	{"FR", EU_MEMBER, EEC_1958, STILL},
	{"IT", EU_MEMBER, EEC_1958, STILL},
	{"LU", EU_MEMBER, EEC_1958, STILL},
	{"NL", EU_MEMBER, EEC_1958, STILL},
	/* 1973 */
	{"DK", EU_MEMBER, {1973, 1, 1}, STILL},
	{"IE", EU_MEMBER, {1973, 1, 1}, STILL},
	{"GB", EU_MEMBER, {1973, 1, 1}, {2020, 1, 31}},
	/* 1981, 1986, 1995 */
	{"GR", EU_MEMBER, {1981, 1, 1}, STILL},
	{"ES", EU_MEMBER, {1986, 1, 1}, STILL},
	{"PT", EU_MEMBER, {1986, 1, 1}, STILL},
	{"AT", EU_MEMBER, {1995, 1, 1}, STILL},
	{"FI", EU_MEMBER, {1995, 1, 1}, STILL},
	{"SE", EU_MEMBER, {1995, 1, 1}, STILL},
	/* 2004-05-01 */
	{"CY", EU_MEMBER, {2004, 5, 1}, STILL},
	{"CZ", EU_MEMBER, {2004, 5, 1}, STILL},
	{"EE", EU_MEMBER, {2004, 5, 1}, STILL},
	{"HU", EU_MEMBER, {2004, 5, 1}, STILL},
	{"LT", EU_MEMBER, {2004, 5, 1}, STILL},
	{"LV", EU_MEMBER, {2004, 5, 1}, STILL},
	{"MT", EU_MEMBER, {2004, 5, 1}, STILL},
	{"PL", EU_MEMBER, {2004, 5, 1}, STILL},
	{"SI", EU_MEMBER, {2004, 5, 1}, STILL},
	{"SK", EU_MEMBER, {2004, 5, 1}, STILL},
	/* 2007, 2013 */
	{"BG", EU_MEMBER, {2007, 1, 1}, STILL},
	{"RO", EU_MEMBER, {2007, 1, 1}, STILL},
	{"HR", EU_MEMBER, {2013, 7, 1}, STILL},

	/* overseas countries and territories */
	{"GL", EU_OCT, {1985, 2, 1}, STILL},
	{"NC", EU_OCT, EEC_1958, STILL},
	{"PF", EU_OCT, EEC_1958, STILL},
	{"TF", EU_OCT, EEC_1958, STILL},
	{"WF", EU_OCT, EEC_1958, STILL},
	{"PM", EU_OCT, EEC_1958, STILL},
	{"BL", EU_OCT, {2012, 1, 1}, STILL},
	{"YT", EU_OCT, EEC_1958, {2013, 12, 31}},
	{"AW", EU_OCT, EEC_1958, STILL},
	{"BQ", EU_OCT, EEC_1958, STILL},
	{"CW", EU_OCT, EEC_1958, STILL},
	{"SX", EU_OCT, EEC_1958, STILL},
	{"AI", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"BM", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"FK", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"GS", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"IO", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"KY", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"MS", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"PN", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"SH", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"TC", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},
	{"VG", EU_OCT, {1973, 1, 1}, {2020, 1, 31}},

	/* EU territory with its own ISO code */
	{"GF", EU_TERRITORY, EEC_1958, STILL},
	{"GP", EU_TERRITORY, EEC_1958, STILL},
	{"MQ", EU_TERRITORY, EEC_1958, STILL},
	{"RE", EU_TERRITORY, EEC_1958, STILL},
	{"MF", EU_TERRITORY, EEC_1958, STILL},
	{"BL", EU_TERRITORY, EEC_1958, {2011, 12, 31}},
	{"YT", EU_TERRITORY, {2014, 1, 1}, STILL},
	{"AX", EU_TERRITORY, {1995, 1, 1}, STILL},
	{"GI", EU_TERRITORY, {1973, 1, 1}, {2020, 1, 31}},
	{"GL", EU_TERRITORY, {1973, 1, 1}, {1985, 1, 31}},
};

static bool
in_period(const EuPeriod *p, int32 day)
{
	int32		from = country_days(p->from[0], p->from[1], p->from[2]);

	if (day < from)
		return false;
	return p->until[0] == 0 || day <= country_days(p->until[0], p->until[1], p->until[2]);
}

static bool
has_status(CountryCode c, int32 day, EuStatus status)
{
	for (size_t i = 0; i < lengthof(eu_periods); i++)
	{
		const EuPeriod *p = &eu_periods[i];

		if (p->status == status && COUNTRY_CODE(p->code[0], p->code[1]) == c && in_period(p, day))
			return true;
	}
	return false;
}

bool
country_eu_member(CountryCode c, int32 day)
{
	return has_status(c, day, EU_MEMBER);
}

int
country_eu_members(int32 day, CountryCode *out)
{
	int			n = 0;

	/* the periods are not in code order: walk the codes */
	for (int i = 0; i < ISO3166_COUNT; i++)
	{
		CountryCode c = code_of(&iso3166[i]);

		if (country_eu_member(c, day))
			out[n++] = c;
	}
	return n;
}

bool
country_eu_oct(CountryCode c, int32 day)
{
	return has_status(c, day, EU_OCT);
}

bool
country_eu_territory(CountryCode c, int32 day)
{
	return has_status(c, day, EU_TERRITORY);
}

bool
country_third(CountryCode c, int32 day)
{
	return !country_eu_member(c, day) && !country_eu_oct(c, day) && !country_eu_territory(c, day);
}
