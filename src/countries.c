/*
 * countries.c — the country_code type (ISO 3166-1, two bytes, by
 * value), EU membership by date, third countries, and the EU measures of a
 * mix whose producers are countries.
 *
 * Comparison and hashing reuse PostgreSQL's int2 functions (the packed
 * alpha-2 code orders as the letters do); see the install script.
 */
#include "supply_mix.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"

#include "countries.h"
#include "pg_compat.h"

#define PG_GETARG_COUNTRY(n) ((CountryCode) PG_GETARG_INT16(n))
#define PG_RETURN_COUNTRY(c) PG_RETURN_INT16((int16) (c))

static char *
alpha2_cstring(CountryCode c)
{
	char	   *s = palloc(3);

	COUNTRY_ALPHA2(c, s);
	s[2] = '\0';
	return s;
}

static const CountryEntry *
entry_of(CountryCode c)
{
	const CountryEntry *e = country_entry(c);

	if (e == NULL)				/* only a corrupted value gets here */
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid country_code value %d", (int) c)));
	return e;
}

PG_FUNCTION_INFO_V1(country_code_in);
Datum
country_code_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	CountryCode c;
	const char *hint;

	if (!country_parse(str, strlen(str), &c, &hint))
	{
		mix_input_error(fcinfo->context,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"", "country_code", str),
						 errdetail("Not an ISO 3166-1 alpha-2, alpha-3 or numeric code (%s).",
								   country_table_source()),
						 hint ? errhint("%s", hint) : 0));
		PG_RETURN_NULL();
	}
	PG_RETURN_COUNTRY(c);
}

PG_FUNCTION_INFO_V1(country_code_out);
Datum
country_code_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(alpha2_cstring(PG_GETARG_COUNTRY(0)));
}

/* Binary form: the alpha-2 letters as two bytes. */
PG_FUNCTION_INFO_V1(country_code_recv);
Datum
country_code_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	CountryCode c = (CountryCode) pq_getmsgint(buf, 2);

	if (country_entry(c) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external country_code value"),
				 errdetail("Bytes 0x%04x are not an ISO 3166-1 alpha-2 code.", (unsigned) c)));
	PG_RETURN_COUNTRY(c);
}

PG_FUNCTION_INFO_V1(country_code_send);
Datum
country_code_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, (uint16) PG_GETARG_COUNTRY(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The table's names are UTF-8; convert to the database encoding. */
static text *
utf8_text(const char *s)
{
	char	   *conv = pg_any_to_server(s, (int) strlen(s), PG_UTF8);

	return cstring_to_text(conv);
}

PG_FUNCTION_INFO_V1(country_code_name);
Datum
country_code_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(utf8_text(entry_of(PG_GETARG_COUNTRY(0))->name));
}

PG_FUNCTION_INFO_V1(country_code_alpha3);
Datum
country_code_alpha3(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(entry_of(PG_GETARG_COUNTRY(0))->alpha3));
}

PG_FUNCTION_INFO_V1(country_code_numeric);
Datum
country_code_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%03d", entry_of(PG_GETARG_COUNTRY(0))->numeric)));
}

PG_FUNCTION_INFO_V1(country_code_table_source);
Datum
country_code_table_source(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(country_table_source()));
}

/* A date argument as days since 2000-01-01; infinite dates are refused. */
static int32
day_arg(FunctionCallInfo fcinfo, int n)
{
	DateADT		d = PG_GETARG_DATEADT(n);

	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("date must be finite")));
	return (int32) d;
}

PG_FUNCTION_INFO_V1(country_code_eu_member);
Datum
country_code_eu_member(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(country_eu_member(PG_GETARG_COUNTRY(0), day_arg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(country_code_eu_oct);
Datum
country_code_eu_oct(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(country_eu_oct(PG_GETARG_COUNTRY(0), day_arg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(country_code_third_country);
Datum
country_code_third_country(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(country_third(PG_GETARG_COUNTRY(0), day_arg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(country_code_eu_members);
Datum
country_code_eu_members(PG_FUNCTION_ARGS)
{
	CountryCode codes[64];
	Datum		elems[64];
	int			n = country_eu_members(day_arg(fcinfo, 0), codes);
	Oid			elemtype = get_element_type(get_fn_expr_rettype(fcinfo->flinfo));

	if (!OidIsValid(elemtype))
		elog(ERROR, "eu_members must return an array");
	for (int i = 0; i < n; i++)
		elems[i] = Int16GetDatum((int16) codes[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, elemtype, 2, true, TYPALIGN_SHORT));
}

/* ---- mixes whose producers are countries -------------------------------- */

/* The country of a mix key (alpha-2, alpha-3 or numeric), or an error naming it. */
static CountryCode
key_country(const char *key, uint32 len)
{
	CountryCode c;
	const char *hint;

	if (!country_parse(key, len, &c, &hint))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("producer \"%s\" is not a country",
						key_for_message(key, len)),
				 errdetail("EU measures need producers named by ISO 3166-1 codes (%s); "
						   "the unattributed remainder is reported apart.", country_table_source()),
				 hint ? errhint("%s", hint) : 0));
	return c;
}

/*
 * The mix's quantities by country, keys in any ISO form merged:
 * quantities[c] for the CountryCode c.  Countries are 16-bit codes, so a
 * flat array over the alpha-2 range is simplest.
 */
#define ALPHA2_MIN COUNTRY_CODE('A', 'A')
#define ALPHA2_SPAN (COUNTRY_CODE('Z', 'Z') - ALPHA2_MIN + 1)

static double *
quantities_by_country(const MixView *v)
{
	double	   *q = palloc0(sizeof(double) * ALPHA2_SPAN);

	for (uint32 i = 0; i < v->count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(v, i, &len);

		q[key_country(key, len) - ALPHA2_MIN] += v->quantity[i];
	}
	return q;
}

/*
 * eu_share(mix, day): the share of the EU, member states and the EU
 * territory with codes of its own (the outermost regions, Aland): their
 * production is EU production.  OCTs are not the EU.
 */
PG_FUNCTION_INFO_V1(supply_mix_eu_share);
Datum
supply_mix_eu_share(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	int32		day = day_arg(fcinfo, 1);
	double	   *q;
	double		share = 0.0;

	PG_GETARG_MIX_VIEW(0, &v);
	q = quantities_by_country(&v);	/* checks every key, even for a zero total */
	if (!mix_shares_init(&v, &s))
		PG_RETURN_NULL();
	for (int i = 0; i < ALPHA2_SPAN; i++)
		if (q[i] > 0.0 && (country_eu_member((CountryCode) (i + ALPHA2_MIN), day) ||
						   country_eu_territory((CountryCode) (i + ALPHA2_MIN), day)))
			share += mix_share(&s, q[i]);
	PG_RETURN_FLOAT8(share);
}

PG_FUNCTION_INFO_V1(supply_mix_top_third_country);
Datum
supply_mix_top_third_country(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	int32		day = day_arg(fcinfo, 1);
	double	   *q;
	int			best = -1;
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {true, true, true};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	PG_GETARG_MIX_VIEW(0, &v);
	q = quantities_by_country(&v);
	/* largest quantity; ties go to the first code */
	for (int i = 0; i < ALPHA2_SPAN; i++)
		if (q[i] > 0.0 && (best < 0 || q[i] > q[best]) &&
			country_third((CountryCode) (i + ALPHA2_MIN), day))
			best = i;
	if (best >= 0)
	{
		values[0] = Int16GetDatum((int16) (best + ALPHA2_MIN));
		values[1] = Float8GetDatum(q[best]);
		nulls[0] = nulls[1] = false;
		if (mix_shares_init(&v, &s))
		{
			values[2] = Float8GetDatum(mix_share(&s, q[best]));
			nulls[2] = false;
		}
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
