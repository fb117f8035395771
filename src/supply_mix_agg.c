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
 * aggregate's output, a stored result).
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
 * The aggregate state in argument 0 as an expanded mix we may change: the
 * one we made on an earlier row, or a new one in aggcx holding what the
 * (flat) state holds.
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

	cx = AllocSetContextCreate(aggcx, "supply_mix aggregate state", ALLOCSET_SMALL_SIZES);
	em = MemoryContextAlloc(cx, sizeof(ExpandedMix));
	EOH_init_header(&em->hdr, &expanded_mix_methods, cx);
	mem = mix_memory(cx);
	em->table = mix_table_create(&mem, 8);
	if (!PG_ARGISNULL(0))
	{
		MixView		v;

		PG_GETARG_MIX_VIEW(0, &v);
		mix_check(mix_table_add_view(em->table, &v), NULL, 0);
	}
	return em;
}

/* What the producer argument of a transition function is. */
typedef enum RowKind
{
	ROW_TEXT,					/* (producer text, quantity) */
	ROW_COUNTRY,				/* (producer country_code, quantity) */
	ROW_WEIGHTED				/* (producer text, quantity, wgi [, trade factor]) */
} RowKind;

/* The weight of a weighted row: scaled WGI times the trade factor (1 if absent). */
static double
row_weight(FunctionCallInfo fcinfo, const char *key, size_t len)
{
	double		wgi,
				tf = 1.0;

	if (PG_ARGISNULL(3) || (PG_NARGS() > 4 && PG_ARGISNULL(4)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("producer \"%s\" has no %s", pnstrdup(key, Min(len, 64)),
						PG_ARGISNULL(3) ? "governance score" : "trade factor"),
				 errhint("Give a default where it is missing, e.g. coalesce(wgi, 5), coalesce(trade_factor, 1).")));
	wgi = PG_GETARG_FLOAT8(3);
	if (PG_NARGS() > 4)
		tf = PG_GETARG_FLOAT8(4);
	if (isnan(wgi) || isinf(wgi) || wgi < 0.0 || isnan(tf) || isinf(tf) || tf < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("governance score and trade factor must be finite numbers of zero or more"),
				 errdetail("Producer \"%s\": score %g, trade factor %g.", pnstrdup(key, Min(len, 64)), wgi, tf)));
	return wgi * tf;
}

/*
 * Adds one row (producer, quantity[, weight]) to a table.  The producer is
 * text, or a country_code whose alpha-2 letters are the key.  Rows without
 * a producer go to the remainder, whatever their weight.
 */
static void
add_row(FunctionCallInfo fcinfo, MixTable *t, RowKind kind)
{
	double		q;
	const char *key;
	size_t		len;
	char		alpha2[2];

	if (PG_ARGISNULL(2))
		return;					/* a NULL quantity is ignored */
	q = PG_GETARG_FLOAT8(2);
	if (PG_ARGISNULL(1))
	{
		mix_check(mix_table_add(t, NULL, 0, q), NULL, 0);
		return;
	}
	if (kind == ROW_COUNTRY)
	{
		uint16		code = (uint16) PG_GETARG_INT16(1);

		alpha2[0] = (char) (code >> 8);
		alpha2[1] = (char) (code & 0xFF);
		key = alpha2;
		len = 2;
	}
	else
	{
		text	   *producer = PG_GETARG_TEXT_PP(1);

		key = VARDATA_ANY(producer);
		len = VARSIZE_ANY_EXHDR(producer);
	}
	if (kind == ROW_WEIGHTED)
		mix_check(mix_table_add_weighted(t, key, len, q, row_weight(fcinfo, key, len)), key, len);
	else
		mix_check(mix_table_add(t, key, len, q), key, len);
}

/*
 * The transition functions.  Outside an aggregate they return a new mix and
 * leave their argument alone.
 */
static Datum
accum(FunctionCallInfo fcinfo, RowKind kind)
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
	return accum(fcinfo, ROW_TEXT);
}

/* supply_mix_accum(state, producer country_code, quantity) */
PG_FUNCTION_INFO_V1(supply_mix_accum_country);
Datum
supply_mix_accum_country(PG_FUNCTION_ARGS)
{
	return accum(fcinfo, ROW_COUNTRY);
}

/* supply_mix_accum_weighted(state, producer text, quantity, wgi [, trade_factor]) */
PG_FUNCTION_INFO_V1(supply_mix_accum_weighted);
Datum
supply_mix_accum_weighted(PG_FUNCTION_ARGS)
{
	return accum(fcinfo, ROW_WEIGHTED);
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
