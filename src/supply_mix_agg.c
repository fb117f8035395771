/*
 * supply_mix_agg.c — the aggregates that build and merge mixes.
 *
 * The state type is supply_mix itself (see DESIGN.md: parallel query and
 * Citus combine partial states through it), but inside an aggregate the
 * state is an expanded object: a MixTable in its own memory context, a
 * child of the aggregate context, handed back to the executor as a
 * read-write expanded datum.  nodeAgg keeps such a datum as it is (the
 * same mechanism array_append uses), so a row costs one hash probe and a
 * compensated addition; the table is flattened to the canonical varlena
 * only when the state leaves the node (a final function, a partial
 * aggregate's output, a stored result).  The groups of one aggregate share
 * one area of producer names (shared_names below), so a group's table holds
 * 24 bytes per producer and a probe compares names that stay in the cache.
 */
#include "supply_mix.h"

#include "executor/executor.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/expandeddatum.h"

typedef struct ExpandedMix
{
	ExpandedObjectHeader hdr;
	MixTable   *table;
} ExpandedMix;

static Size
expanded_mix_flat_size(ExpandedObjectHeader *eohptr)
{
	return mix_table_flat_size(((ExpandedMix *) eohptr)->table);
}

static void
expanded_mix_flatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	mix_table_flatten(((ExpandedMix *) eohptr)->table, result, allocated_size);
	SET_VARSIZE(result, allocated_size);
}

static const ExpandedObjectMethods expanded_mix_methods = {
	expanded_mix_flat_size,
	expanded_mix_flatten
};

/*
 * The name area the groups of one aggregate call share (see mix_table.c):
 * one per aggregate context (grouping sets have several), listed in the
 * transition function's fn_extra.  It lives in a child context of the
 * aggregate context, as the groups' states do, so it goes when they go; a
 * callback on that context then frees its slot for the next one.
 */
typedef struct SharedNames
{
	MemoryContext aggcx;
	MixNames   *names;			/* NULL: a free slot */
	MemoryContextCallback reset;
	struct SharedNames *next;
} SharedNames;

static void
shared_names_gone(void *arg)
{
	SharedNames *sn = arg;

	sn->aggcx = NULL;
	sn->names = NULL;
}

static MixNames *
shared_names(FunctionCallInfo fcinfo, MemoryContext aggcx)
{
	SharedNames *sn;
	SharedNames *free_slot = NULL;
	MemoryContext cx;
	MixMemory	mem;

	for (sn = fcinfo->flinfo->fn_extra; sn != NULL; sn = sn->next)
	{
		if (sn->names != NULL && sn->aggcx == aggcx)
			return sn->names;
		if (sn->names == NULL && free_slot == NULL)
			free_slot = sn;
	}
	if ((sn = free_slot) == NULL)
	{
		sn = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SharedNames));
		sn->next = fcinfo->flinfo->fn_extra;
		fcinfo->flinfo->fn_extra = sn;
	}
	cx = AllocSetContextCreate(aggcx, "supply_mix aggregate names", ALLOCSET_SMALL_SIZES);
	mem = mix_memory(cx);
	sn->names = mix_names_create(&mem);
	sn->aggcx = aggcx;
	sn->reset.func = shared_names_gone;
	sn->reset.arg = sn;
	MemoryContextRegisterResetCallback(cx, &sn->reset);
	return sn->names;
}

/*
 * The aggregate state in argument 0 as an expanded mix we may change: the
 * one we made on an earlier row, or a new one in aggcx holding what the
 * (flat) state holds.  The groups' tables share their names.
 */
static ExpandedMix *
state_arg(FunctionCallInfo fcinfo, MemoryContext aggcx)
{
	Datum		d = PG_GETARG_DATUM(0);
	MemoryContext cx;
	ExpandedMix *em;
	MixMemory	mem;

	if (!PG_ARGISNULL(0) && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &expanded_mix_methods)
			return (ExpandedMix *) eoh;
	}

	/*
	 * One small block: a table's arrays (the hash table, grown by doubling)
	 * then get blocks of their own, which go back to malloc when they are
	 * replaced, instead of staying on the context's free lists.
	 */
	cx = AllocSetContextCreate(aggcx, "supply_mix aggregate state", 0, 1024, 1024);
	em = MemoryContextAlloc(cx, sizeof(ExpandedMix));
	EOH_init_header(&em->hdr, &expanded_mix_methods, cx);
	mem = mix_memory(cx);
	em->table = mix_table_create_shared(&mem, 8, shared_names(fcinfo, aggcx));
	if (!PG_ARGISNULL(0))
	{
		MixView		v;

		PG_GETARG_MIX_VIEW(0, &v);
		mix_check(mix_table_add_view(em->table, &v), NULL, 0);
	}
	return em;
}

/* What the arguments of a transition function are. */
#define ROW_COUNTRY_KEY 0x01	/* the producer is a country_code, not text */
#define ROW_WEIGHTED	0x02	/* a governance score [and trade factor] follow */

/*
 * The weight of a weighted row: scaled WGI times the trade factor (1 if
 * the aggregate has none).  Given values are always checked; a missing one
 * is an error only where it is needed (required), else the weight is NaN.
 */
static double
row_weight(FunctionCallInfo fcinfo, const char *key, size_t len, bool required)
{
	bool		has_tf = PG_NARGS() > 4;
	double		wgi = PG_ARGISNULL(3) ? NAN : PG_GETARG_FLOAT8(3);
	double		tf = !has_tf ? 1.0 : PG_ARGISNULL(4) ? NAN : PG_GETARG_FLOAT8(4);

	if ((!PG_ARGISNULL(3) && (isnan(wgi) || isinf(wgi) || wgi < 0.0)) ||
		(has_tf && !PG_ARGISNULL(4) && (isnan(tf) || isinf(tf) || tf < 0.0)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("governance score and trade factor must be finite numbers of zero or more"),
				 errdetail("Producer \"%s\": score %g, trade factor %g.",
						   key ? pnstrdup(key, Min(len, 64)) : "(none)", wgi, tf)));
	if (required && (PG_ARGISNULL(3) || (has_tf && PG_ARGISNULL(4))))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("producer \"%s\" has no %s", pnstrdup(key, Min(len, 64)),
						PG_ARGISNULL(3) ? "governance score" : "trade factor"),
				 errhint("Give a default where it is missing, e.g. coalesce(wgi, 5), coalesce(trade_factor, 1).")));
	return wgi * tf;
}

/*
 * Adds one row (producer, quantity[, score[, trade factor]]) to a table.
 * Rows without a producer go to the remainder (their weight, if given, is
 * checked and not used); rows without a quantity are ignored.
 */
static void
add_row(FunctionCallInfo fcinfo, MixTable *t, int kind)
{
	const char *key = NULL;
	size_t		len = 0;
	char		alpha2[2];
	double		w = 0.0;

	if (!PG_ARGISNULL(1) && (kind & ROW_COUNTRY_KEY))
	{
		uint16		code = (uint16) PG_GETARG_INT16(1);

		alpha2[0] = (char) (code >> 8);
		alpha2[1] = (char) (code & 0xFF);
		key = alpha2;
		len = 2;
	}
	else if (!PG_ARGISNULL(1))
	{
		text	   *producer = PG_GETARG_TEXT_PP(1);

		key = VARDATA_ANY(producer);
		len = VARSIZE_ANY_EXHDR(producer);
	}
	if (kind & ROW_WEIGHTED)
		w = row_weight(fcinfo, key, len, key != NULL && !PG_ARGISNULL(2));
	if (PG_ARGISNULL(2))
		return;					/* a NULL quantity is ignored */
	if (key == NULL)
		mix_check(mix_table_add(t, NULL, 0, PG_GETARG_FLOAT8(2)), NULL, 0);
	else if (kind & ROW_WEIGHTED)
		mix_check(mix_table_add_weighted(t, key, len, PG_GETARG_FLOAT8(2), w), key, len);
	else
		mix_check(mix_table_add(t, key, len, PG_GETARG_FLOAT8(2)), key, len);
}

/*
 * The transition functions.  Outside an aggregate they return a new mix and
 * leave their argument alone.
 */
static Datum
accum(FunctionCallInfo fcinfo, int kind)
{
	MemoryContext aggcx;
	MixTable   *t;
	MixMemory	mem;

	if (AggCheckCallContext(fcinfo, &aggcx))
	{
		ExpandedMix *em = state_arg(fcinfo, aggcx);

		add_row(fcinfo, em->table, kind);
		PG_RETURN_DATUM(EOHPGetRWDatum(&em->hdr));
	}

	mem = MIX_MEMORY();
	t = mix_table_create(&mem, 8);
	if (!PG_ARGISNULL(0))
	{
		MixView		v;

		PG_GETARG_MIX_VIEW(0, &v);
		mix_check(mix_table_add_view(t, &v), NULL, 0);
	}
	add_row(fcinfo, t, kind);
	return mix_table_datum(t);
}

/* supply_mix_accum(state, producer text, quantity [, n]) */
PG_FUNCTION_INFO_V1(supply_mix_accum);
Datum
supply_mix_accum(PG_FUNCTION_ARGS)
{
	return accum(fcinfo, 0);
}

/* supply_mix_accum(state, producer country_code, quantity) */
PG_FUNCTION_INFO_V1(supply_mix_accum_country);
Datum
supply_mix_accum_country(PG_FUNCTION_ARGS)
{
	return accum(fcinfo, ROW_COUNTRY_KEY);
}

/* supply_mix_accum_weighted(state, producer text, quantity, wgi [, trade_factor]) */
PG_FUNCTION_INFO_V1(supply_mix_accum_weighted);
Datum
supply_mix_accum_weighted(PG_FUNCTION_ARGS)
{
	return accum(fcinfo, ROW_WEIGHTED);
}

/* supply_mix_accum_weighted(state, producer country_code, quantity, wgi [, trade_factor]) */
PG_FUNCTION_INFO_V1(supply_mix_accum_weighted_country);
Datum
supply_mix_accum_weighted_country(PG_FUNCTION_ARGS)
{
	return accum(fcinfo, ROW_WEIGHTED | ROW_COUNTRY_KEY);
}

/*
 * supply_mix_combine(state, mix) — merges a mix into the state: the
 * combine function of every supply_mix aggregate and the transition
 * function of supply_mix_agg(supply_mix).
 */
PG_FUNCTION_INFO_V1(supply_mix_combine);
Datum
supply_mix_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcx;
	MixView		v;

	if (!AggCheckCallContext(fcinfo, &aggcx))
		return DirectFunctionCall2(supply_mix_merge, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1));

	{
		ExpandedMix *em = state_arg(fcinfo, aggcx);

		PG_GETARG_MIX_VIEW(1, &v);
		mix_check(mix_table_add_view(em->table, &v), NULL, 0);
		PG_RETURN_DATUM(EOHPGetRWDatum(&em->hdr));
	}
}
