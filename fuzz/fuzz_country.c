/*
 * fuzz_country.c — the country-code parser (country_parse, behind
 * country_code_in and the EU measures of a mix) and the EU calendar.
 *
 * For every input:
 *  - no crash, no sanitizer report;
 *  - country_parse(input) agrees with a reference written here from the
 *    contract in countries.h: surrounding blanks ignored, then 1-3 digits
 *    (numeric code) or 2 or 3 letters in any case (alpha-2, alpha-3),
 *    looked up by a linear scan of the table; a hint only for a refused
 *    2-letter code that is a known mistake (UK, EL, ...);
 *  - a parsed country parses back from its alpha-2, alpha-3 and numeric
 *    codes (zero-padded or not, lower case, padded with blanks);
 *  - for an input "#" + 4 bytes of day + 4 bytes of date (the calendar is
 *    slow to check whole, so only inputs of that shape do): member state, OCT and EU
 *    territory exclude each other, third_country is none of them, and
 *    country_eu_members() lists exactly the members, in code order;
 *    country_days() agrees with a reference day count for the date.
 */
#include "fuzz_common.h"

#include "countries.h"

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *const known_mistakes[] = {"UK", "EL", "EU", "XK", "AN"};

/* The reference: trims, classifies, scans the whole table. */
static bool
reference_parse(const char *s, size_t len, CountryCode *out, bool *hinted)
{
	char		up[4];
	bool		digits = true,
				letters = true;

	*hinted = false;
	while (len > 0 && is_blank(s[0]))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	if (len < 1 || len > 3)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		digits &= c >= '0' && c <= '9';
		letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		up[i] = (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
	}
	up[len] = '\0';
	for (int i = 0; i < country_count(); i++)
	{
		const CountryEntry *e = country_at(i);

		if ((digits && e->numeric == atoi(up)) ||
			(letters && len == 2 && strcmp(e->alpha2, up) == 0) ||
			(letters && len == 3 && strcmp(e->alpha3, up) == 0))
		{
			*out = COUNTRY_CODE(e->alpha2[0], e->alpha2[1]);
			return true;
		}
	}
	if (letters && len == 2)
		for (size_t i = 0; i < lengthof(known_mistakes); i++)
			if (strcmp(known_mistakes[i], up) == 0)
				*hinted = true;
	return false;
}

static void
check_parses_to(const char *s, CountryCode want)
{
	CountryCode c = 0;
	const char *hint;

	CHECK(country_parse(s, strlen(s), &c, &hint), "\"%s\" does not parse", s);
	CHECK(c == want, "\"%s\" parses to %04x, not %04x", s, c, want);
	CHECK(hint == NULL, "hint for a valid code \"%s\"", s);
}

/* Days since 2000-01-01 by counting years and months (proleptic Gregorian). */
static bool
leap(int64 y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int64
floordiv(int64 a, int64 b)
{
	return a / b - (a % b != 0 && ((a < 0) != (b < 0)));
}

static int64
reference_days(int y, int m, int d)
{
	static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	int64		y1 = (int64) y - 1;
	/* days from 0001-01-01 to y-01-01 */
	int64		days = 365 * y1 + floordiv(y1, 4) - floordiv(y1, 100) + floordiv(y1, 400);
	int64		epoch = 365 * 1999 + 1999 / 4 - 1999 / 100 + 1999 / 400;

	days += before[m - 1] + (m > 2 && leap(y)) + d - 1;
	return days - epoch;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	CountryCode c = 0,
				rc = 0;
	const char *hint = (const char *) 1;
	bool		ok,
				rok,
				hinted;

	ok = country_parse(s, size, &c, &hint);
	rok = reference_parse(s, size, &rc, &hinted);
	CHECK(ok == rok, "country_parse %d, reference %d", (int) ok, (int) rok);
	if (ok)
	{
		const CountryEntry *e = country_entry(c);
		char		buf[16];

		CHECK(c == rc, "country_parse gives %04x, reference %04x", c, rc);
		CHECK(hint == NULL, "a hint with a valid code");
		CHECK(e != NULL, "parsed code %04x has no table entry", c);
		CHECK(COUNTRY_CODE(e->alpha2[0], e->alpha2[1]) == c, "entry of %04x is %s", c, e->alpha2);
		check_parses_to(e->alpha2, c);
		check_parses_to(e->alpha3, c);
		snprintf(buf, sizeof(buf), "%03d", e->numeric);
		check_parses_to(buf, c);
		snprintf(buf, sizeof(buf), "%d", e->numeric);
		check_parses_to(buf, c);
		snprintf(buf, sizeof(buf), " \t%c%c\r\n", e->alpha2[0] - 'A' + 'a', e->alpha2[1] - 'A' + 'a');
		check_parses_to(buf, c);
	}
	else
		CHECK((hint != NULL) == hinted, "hint %s, reference %s", hint ? hint : "none",
			  hinted ? "one" : "none");

	/* the EU calendar on a day taken from the input */
	if (size >= 5 && data[0] == '#')
	{
		int32		day;
		CountryCode *members = xmalloc(sizeof(CountryCode) * 64);	/* the documented bound */
		int			n,
					k = 0;

		memcpy(&day, data + 1, sizeof(day));
		/* dates PostgreSQL can hold: roughly 4713 BC to 5874897 AD */
		day = (int32) ((int64) day % 2200000000LL);
		n = country_eu_members(day, members);
		CHECK(n >= 0 && n <= 64, "%d member states", n);
		for (int i = 1; i < n; i++)
			CHECK(members[i - 1] < members[i], "member states not in code order");
		for (int i = 0; i < country_count(); i++)
		{
			const CountryEntry *e = country_at(i);
			CountryCode cc = COUNTRY_CODE(e->alpha2[0], e->alpha2[1]);
			bool		member = country_eu_member(cc, day),
						oct = country_eu_oct(cc, day),
						territory = country_eu_territory(cc, day);

			CHECK(member + oct + territory <= 1, "%s on day %d: member %d, OCT %d, territory %d",
				  e->alpha2, day, member, oct, territory);
			CHECK(country_third(cc, day) == !(member || oct || territory),
				  "%s on day %d: third_country disagrees", e->alpha2, day);
			if (member)
			{
				CHECK(k < n && members[k] == cc, "%s a member on day %d but not listed", e->alpha2, day);
				k++;
			}
		}
		CHECK(k == n, "%d members listed, %d found", n, k);
		/* before the Treaty of Rome nobody; the founders ever since */
		if (day < country_days(1958, 1, 1))
			CHECK(n == 0, "%d members on day %d, before 1958", n, day);
		else
			CHECK(country_eu_member(COUNTRY_CODE('D', 'E'), day), "DE not a member on day %d", day);
		free(members);
	}

	/* country_days against the reference, for a date from the input */
	if (size >= 9 && data[0] == '#')
	{
		int			y = (int) ((int16) (data[5] | (data[6] << 8))) % 6000,
					m = 1 + data[7] % 12,
					d = 1 + data[8] % 28;

		CHECK(country_days(y, m, d) == reference_days(y, m, d), "country_days(%d, %d, %d) = %d, expected %lld",
			  y, m, d, country_days(y, m, d), (long long) reference_days(y, m, d));
	}
	return 0;
}
