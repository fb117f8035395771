/*
 * aggregates.c — the aggregates that build and merge mixes.
 *
 * The state type is supply_mix itself (see doc/design.md: parallel query and
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

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "executor/executor.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/expandeddatum.h"
#include "utils/syscache.h"

#include "countries.h"

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

	check_weight(wgi, !PG_ARGISNULL(3), tf, has_tf && !PG_ARGISNULL(4), key, len);
	if (required && (PG_ARGISNULL(3) || (has_tf && PG_ARGISNULL(4))))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("producer \"%s\" has no %s", key_for_message(key, len),
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
		CountryCode code = (CountryCode) PG_GETARG_INT16(1);

		COUNTRY_ALPHA2(code, alpha2);
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
Datum
mix_accum(FunctionCallInfo fcinfo, int kind)
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
	return mix_accum(fcinfo, 0);
}

/* supply_mix_accum(state, producer country_code, quantity) */
PG_FUNCTION_INFO_V1(supply_mix_accum_country);
Datum
supply_mix_accum_country(PG_FUNCTION_ARGS)
{
	return mix_accum(fcinfo, ROW_COUNTRY_KEY);
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

/* ---- concentration_ratio(producer, quantity, n) ---------------------- */

/*
 * In a parallel plan the Finalize Aggregate's Aggref no longer carries the
 * call's arguments: its one argument is a Var for the partial aggregate's
 * output.  Follow that Var down the plan (Gather, Sort, Append pass it
 * through) to the Partial Aggregate's Aggref, which has them all.
 */
static Expr *
partial_aggregate_arg(Plan *plan, Expr *expr, int argno)
{
	for (int depth = 0; depth < 32 && plan != NULL; depth++)
	{
		Var		   *var;
		Plan	   *child;

		if (IsA(expr, Aggref))
		{
			List	   *args = ((Aggref *) expr)->args;

			return list_length(args) > argno ?
				castNode(TargetEntry, list_nth(args, argno))->expr : NULL;
		}
		if (!IsA(expr, Var) || ((Var *) expr)->varno != OUTER_VAR)
			return NULL;
		var = (Var *) expr;
		if (IsA(plan, Append))
			child = linitial(((Append *) plan)->appendplans);
		else if (IsA(plan, MergeAppend))
			child = linitial(((MergeAppend *) plan)->mergeplans);
		else
			child = outerPlan(plan);
		if (child == NULL || var->varattno < 1 || var->varattno > list_length(child->targetlist))
			return NULL;
		expr = castNode(TargetEntry, list_nth(child->targetlist, var->varattno - 1))->expr;
		plan = child;
	}
	return NULL;
}

/*
 * Whether an aggregate call is one whose final function is the running one:
 * only then are its arguments those of our aggregate.  Not so when another
 * aggregate calls our final function itself, as Citus's coord_combine_agg
 * does on the coordinator (its call carries the aggregate's oid, the
 * workers' partial states and a placeholder, not n).
 */
static bool
aggref_is_ours(Aggref *aggref, FunctionCallInfo fcinfo)
{
	HeapTuple	tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(aggref->aggfnoid));
	bool		ours;

	if (!HeapTupleIsValid(tup))
		return false;
	ours = ((Form_pg_aggregate) GETSTRUCT(tup))->aggfinalfn == fcinfo->flinfo->fn_oid;
	ReleaseSysCache(tup);
	return ours;
}

/*
 * The value of an aggregate's argument that must be the same for every row
 * (concentration_ratio's n), read by its final function from the call.
 * false when it is NULL.
 */
static bool
aggregate_constant_arg(FunctionCallInfo fcinfo, int argno, const char *what, Datum *value)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	Expr	   *expr = NULL;
	bool		isnull;

	if (aggref != NULL && IsA(fcinfo->context, AggState) && aggref_is_ours(aggref, fcinfo))
	{
		if (DO_AGGSPLIT_COMBINE(aggref->aggsplit))
			expr = partial_aggregate_arg(((PlanState *) fcinfo->context)->plan,
										 castNode(TargetEntry, linitial(aggref->args))->expr,
										 argno);
		else if (list_length(aggref->args) > argno)
			expr = castNode(TargetEntry, list_nth(aggref->args, argno))->expr;
	}
	if (expr == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot find the argument %s of this aggregate call", what),
				 errhint("Compute it on the mix instead: concentration_ratio(supply_mix_agg(producer, quantity), n).")));
	if (IsA(expr, Const))
	{
		*value = ((Const *) expr)->constvalue;
		return !((Const *) expr)->constisnull;
	}
	if (contain_var_clause((Node *) expr) || contain_volatile_functions((Node *) expr))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be the same for every row", what),
				 errhint("Pass a constant or a parameter, or compute it on the mix: "
						 "concentration_ratio(supply_mix_agg(producer, quantity), n).")));
	{
		/* a parameter or a stable expression: evaluate it once here */
		PlanState  *ps = (PlanState *) fcinfo->context;
		ExprState  *es = ExecInitExpr(expr, ps);

		*value = ExecEvalExprSwitchContext(es, ps->ps_ExprContext, &isnull);
	}
	return !isnull;
}

PG_FUNCTION_INFO_V1(concentration_ratio_final);
Datum
concentration_ratio_final(PG_FUNCTION_ARGS)
{
	Datum		n;

	if (PG_ARGISNULL(0) || !aggregate_constant_arg(fcinfo, 2, "n", &n))
		PG_RETURN_NULL();
	return mix_concentration_ratio_of(fcinfo, DatumGetInt64(n));
}
