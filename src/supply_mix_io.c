/*
 * supply_mix_io.c — SQL input/output of supply_mix: text (a JSON object),
 * binary send/recv, equality, hashing and merging.
 */
#include "supply_mix.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"

#include "pg_compat.h"

PG_FUNCTION_INFO_V1(supply_mix_in);
PG_FUNCTION_INFO_V1(supply_mix_out);
PG_FUNCTION_INFO_V1(supply_mix_recv);
PG_FUNCTION_INFO_V1(supply_mix_send);
PG_FUNCTION_INFO_V1(supply_mix_eq);
PG_FUNCTION_INFO_V1(supply_mix_ne);
PG_FUNCTION_INFO_V1(supply_mix_hash);
PG_FUNCTION_INFO_V1(supply_mix_merge);

/* SQLSTATE of an input error: limits are 54000, float8 range 22003. */
static int
input_errcode(MixStatus st, int malformed)
{
	switch (st)
	{
		case MIX_NUMBER_RANGE:
		case MIX_SUM_OVERFLOW:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case MIX_KEY_TOO_LONG:
		case MIX_TOO_MANY:
		case MIX_TOO_LARGE:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		default:
			return malformed;
	}
}

/* The input for a message: at most 100 bytes. */
static char *
clip_input(const char *str)
{
	size_t		len = strlen(str);
	int			clip = pg_mbcliplen(str, (int) len, 100);

	return clip < (int) len ? psprintf("%s...", pnstrdup(str, clip)) : (char *) str;
}

Datum
supply_mix_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	MixMemory	mem = MIX_MEMORY();
	MixTable   *t = mix_table_create(&mem, 16);
	MixParseError err;
	MixStatus	st = mix_parse_text(str, strlen(str), t, &mem, &err);

	if (st == MIX_OK && err.non_ascii_escape && GetDatabaseEncoding() != PG_UTF8)
	{
		mix_input_error(fcinfo->context,
						(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
						 errmsg("invalid input syntax for type %s: \"%s\"", "supply_mix", clip_input(str)),
						 errdetail("Unicode escape values above 007F are supported only when the server encoding is UTF8.")));
		PG_RETURN_NULL();
	}
	if (st == MIX_SYNTAX || st == MIX_NEGATIVE)
	{
		mix_input_error(fcinfo->context,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"", "supply_mix", clip_input(str)),
						 st == MIX_SYNTAX ?
						 errdetail("Expected %s at byte %zu.", err.what, err.offset + 1) :
						 errdetail("At byte %zu: %s.", err.offset + 1, err.what),
						 errhint("A supply_mix is a JSON object of producer names and quantities, "
								 "e.g. {\"CN\": 270000, \"US\": 45000}; the key \"\" holds the unattributed remainder.")));
		PG_RETURN_NULL();
	}
	if (st != MIX_OK)
	{
		/* a number beyond float8 or a limit: say that, not "syntax" */
		mix_input_error(fcinfo->context,
						(errcode(input_errcode(st, ERRCODE_INVALID_TEXT_REPRESENTATION)),
						 errmsg("%s in supply_mix input", err.what),
						 errdetail("At byte %zu of \"%s\".", err.offset + 1, clip_input(str))));
		PG_RETURN_NULL();
	}
	return mix_table_datum(t);
}

Datum
supply_mix_out(PG_FUNCTION_ARGS)
{
	MixView		v;
	size_t		bound;
	char	   *buf;

	PG_GETARG_MIX_VIEW(0, &v);
	bound = mix_text_size_bound(&v);
	if (bound > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("supply_mix is too large to write as text")));
	buf = palloc(bound);
	mix_format_text(&v, buf);
	PG_RETURN_CSTRING(buf);
}

/* Names travel in the client encoding, as text does. */
static const char *
key_to_server(void *arg, const char *key, size_t len, size_t *outlen)
{
	char	   *s = pg_client_to_server(key, (int) len);
	*outlen = s == key ? len : strlen(s);
	return s;
}

static const char *
key_to_client(void *arg, const char *key, size_t len, size_t *outlen)
{
	char	   *s = pg_server_to_client(key, (int) len);

	*outlen = s == key ? len : strlen(s);
	return s;
}

static void
append_bytes(void *arg, const void *bytes, size_t len)
{
	appendBinaryStringInfo((StringInfo) arg, bytes, (int) len);
}

Datum
supply_mix_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	MixMemory	mem = MIX_MEMORY();
	MixTable   *t = mix_table_create(&mem, 16);
	size_t		offset;
	MixStatus	st;

	st = mix_decode_wire(buf->data + buf->cursor, buf->len - buf->cursor, t,
						 key_to_server, NULL, &offset);
	if (st != MIX_OK)
		ereport(ERROR,
				(errcode(input_errcode(st, ERRCODE_INVALID_BINARY_REPRESENTATION)),
				 errmsg("invalid external supply_mix value"),
				 errdetail("At byte %zu: %s.", offset + 1, mix_status_text(st))));
	buf->cursor = buf->len;
	return mix_table_datum(t);
}

Datum
supply_mix_send(PG_FUNCTION_ARGS)
{
	MixView		v;
	StringInfoData buf;

	PG_GETARG_MIX_VIEW(0, &v);
	pq_begintypsend(&buf);
	mix_encode_wire(&v, key_to_client, NULL, append_bytes, &buf);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The canonical form makes equality a byte comparison. */
static bool
mix_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM(PG_GETARG_DATUM(1));

	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

Datum
supply_mix_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(mix_equal(fcinfo));
}

Datum
supply_mix_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!mix_equal(fcinfo));
}

Datum
supply_mix_hash(PG_FUNCTION_ARGS)
{
	struct varlena *m = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_UINT32(hash_bytes((const unsigned char *) VARDATA(m), VARSIZE(m) - VARHDRSZ));
}

Datum
supply_mix_merge(PG_FUNCTION_ARGS)
{
	MixView		a,
				b;
	MixMemory	mem = MIX_MEMORY();
	MixTable   *t;

	PG_GETARG_MIX_VIEW(0, &a);
	PG_GETARG_MIX_VIEW(1, &b);
	t = mix_table_from_view(&a, &mem);
	mix_check(mix_table_add_view(t, &b), NULL, 0);
	return mix_table_datum(t);
}
