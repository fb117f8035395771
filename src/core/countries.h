/*
 * countries.h — ISO 3166-1 countries, EU membership by date, and the
 * overseas countries and territories (OCTs) of the EU.
 *
 * Plain C (see mix.h).  A country is held as its alpha-2 code packed into
 * 16 bits, ('K' << 8) | 'Z': stable whatever the version of the table,
 * sortable, and pass-by-value in SQL.  The table is generated at build time
 * from Debian's iso-codes package (scripts/gen_countries).
 *
 * Dates are days since 2000-01-01, PostgreSQL's DateADT.
 */
#ifndef COUNTRY_H
#define COUNTRY_H

#include "c.h"

typedef uint16 CountryCode;

#define COUNTRY_CODE(a, b) ((CountryCode) (((uint8) (a) << 8) | (uint8) (b)))

/* The two letters of a code into buf[0..1] (no terminator): COUNTRY_CODE undone. */
#define COUNTRY_ALPHA2(c, buf) \
	((buf)[0] = (char) ((c) >> 8), (buf)[1] = (char) ((c) & 0xFF))

typedef struct CountryEntry
{
	char		alpha2[3];
	char		alpha3[4];
	uint16		numeric;
	const char *name;			/* UTF-8 */
} CountryEntry;

/*
 * Reads an alpha-2, alpha-3 or numeric code (1 to 3 digits), any case,
 * surrounding spaces ignored.  On failure returns false and, where one is
 * obvious, a hint ("UK" -> "GB"); *hint is NULL otherwise.
 */
extern bool country_parse(const char *s, size_t len, CountryCode *out, const char **hint);

/* The table entry of a code, or NULL when the code is not an ISO country. */
extern const CountryEntry *country_entry(CountryCode c);

/* "iso-codes <version>": where the table came from. */
extern const char *country_table_source(void);

/* Number of entries, and the i-th in alpha-2 order. */
extern int	country_count(void);
extern const CountryEntry *country_at(int i);

/* Days since 2000-01-01 of a calendar date (proleptic Gregorian). */
extern int32 country_days(int y, int m, int d);

/* A member state of the EU (EEC before 1993) on that day. */
extern bool country_eu_member(CountryCode c, int32 day);

/* The member states on that day, in code order; returns how many (<= 64). */
extern int	country_eu_members(int32 day, CountryCode *out);

/* One of the overseas countries and territories (Annex II TFEU) on that day. */
extern bool country_eu_oct(CountryCode c, int32 day);

/*
 * A territory with its own ISO code where EU law applies as part of a
 * member state (the outermost regions, the Aland Islands, Gibraltar until
 * the United Kingdom left) on that day.
 */
extern bool country_eu_territory(CountryCode c, int32 day);

/* A third country in the sense of the CRMA: none of the three above. */
extern bool country_third(CountryCode c, int32 day);

#endif							/* COUNTRY_H */
