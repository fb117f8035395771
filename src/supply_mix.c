/*
 * supply_mix.c — the supply_mix datum in the server: memory for the core,
 * errors, and the conversions between varlena, view and table.
 */
#include "supply_mix.h"

#include "mb/pg_wchar.h"

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

/* A producer name for a message: at most 64 bytes, cut on a character boundary. */
static char *
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
