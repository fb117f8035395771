/*
 * supply_mix.c — the supply_mix type in the server: its SQL input and
 * output (text as a JSON object, binary send/recv), equality, hashing and
 * merging; and the glue every topic shares: memory for the core, errors,
 * and the conversions between varlena, view and table.
 */
#include "supply_mix.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"

#include "pg_compat.h"

PG_MODULE_MAGIC;

static void *
mcxt_alloc(void *cx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) cx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

static void
mcxt_release(void *cx, void *ptr)
{
	pfree(ptr);
}

static void
mcxt_fail(void *cx, const char *message)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("%s", message)));
}

MixMemory
mix_memory(MemoryContext cx)
{
	MixMemory	mem = {mcxt_alloc, mcxt_release, mcxt_fail, cx};

	return mem;
}

/*
 * A producer name for a message: at most 64 bytes, cut on a character
 * boundary (a cut inside a character would make the message invalid in the
 * client's encoding), "..." when cut.
 */
char *
key_for_message(const char *key, size_t keylen)
{
	int			len = pg_mbcliplen(key, (int) keylen, 64);
	char	   *s = pnstrdup(key, len);

	return len < (int) keylen ? psprintf("%s...", s) : s;
}

void
mix_raise(MixStatus st, const char *key, size_t keylen)
{
	int			code;
	const char *hint = NULL;

	switch (st)
	{
		case MIX_NEGATIVE:
		case MIX_NOT_FINITE:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			hint = "Quantities must be finite numbers of zero or more.";
			break;
		case MIX_BAD_WEIGHT:
		case MIX_WEIGHT_CONFLICT:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			hint = "A producer's weight (scaled WGI times trade factor) must be one finite number of zero or more per mix.";
			break;
		case MIX_WEIGHT_MISSING:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			hint = "In a weighted mix every named producer has a weight; a mix without weights takes none.";
			break;
		case MIX_EMPTY_KEY:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			hint = "An empty name is not a producer: the unattributed remainder is a NULL producer in aggregates and the key \"\" in the text form.";
			break;
		case MIX_NUMBER_RANGE:
		case MIX_SUM_OVERFLOW:
			code = ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
			break;
		case MIX_KEY_TOO_LONG:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			hint = psprintf("Producer names are limited to %d bytes.", MIX_MAX_KEY_LEN);
			break;
		case MIX_TOO_MANY:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			hint = psprintf("A supply_mix holds at most %d producers.", MIX_MAX_PRODUCERS);
			break;
		case MIX_TOO_LARGE:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			hint = "A supply_mix is limited to 1 GB.";
			break;
		default:
			code = ERRCODE_INTERNAL_ERROR;
			break;
	}
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s", mix_status_text(st)),
			 (key && keylen > 0 && st != MIX_KEY_TOO_LONG) ?
			 errdetail("Producer: \"%s\".", key_for_message(key, keylen)) : 0,
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}

void
mix_view_of(const struct varlena *flat, MixView *view)
{
	MixStatus	st = mix_view(flat, VARSIZE(flat), view);

	if (st != MIX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid supply_mix value: %s", mix_status_text(st))));
}

Datum
mix_table_datum(const MixTable *t)
{
	size_t		size = mix_table_flat_size(t);
	struct varlena *result = palloc(size);

	SET_VARSIZE(result, size);
	mix_table_flatten(t, result, size);
	PG_RETURN_POINTER(result);
}

MixTable *
mix_table_from_view(const MixView *v, const MixMemory *mem)
{
	MixTable   *t = mix_table_create(mem, v->count);

	mix_check(mix_table_add_view(t, v), NULL, 0);
	return t;
}

const char *
mix_producer_arg(text *t, size_t *len)
{
	*len = VARSIZE_ANY_EXHDR(t);
	if (*len == 0)
		mix_raise(MIX_EMPTY_KEY, NULL, 0);
	return VARDATA_ANY(t);
}

/* ---- SQL input and output, equality, hashing, merging ------------------ */

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

Datum
mix_rebuild(const MixView *v, MixProducerEdit edit, void *arg, double remainder)
{
	MixMemory	mem = MIX_MEMORY();
	MixTable   *t = mix_table_create(&mem, v->count);

	for (uint32 i = 0; i < v->count; i++)
	{
		MixProducer p;

		p.key = mix_view_key(v, i, &p.len);
		p.quantity = v->quantity[i];
		p.weighted = v->weight != NULL;
		p.weight = p.weighted ? v->weight[i] : 0.0;
		if (!edit(arg, &p))
			continue;
		mix_check(p.weighted ?
				  mix_table_add_weighted(t, p.key, p.len, p.quantity, p.weight) :
				  mix_table_add(t, p.key, p.len, p.quantity),
				  p.key, p.len);
	}
	mix_check(mix_table_add(t, NULL, 0, remainder), NULL, 0);
	return mix_table_datum(t);
}
