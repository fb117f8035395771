/*
 * concentration.c — SQL functions for the concentration measures of a
 * supply_mix (the arithmetic is in core/measures.c).
 *
 * Every measure of a mix whose total is zero is NULL: shares are undefined.
 */
#include "supply_mix.h"

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "executor/executor.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/syscache.h"

#include "pg_compat.h"

/* The view of argument 0 and its shares; returns NULL from the caller when the total is zero. */
#define MIX_ARG_WITH_SHARES(v, s) \
	do { \
		PG_GETARG_MIX_VIEW(0, &(v)); \
		if (!mix_shares_init(&(v), &(s))) \
			PG_RETURN_NULL(); \
	} while (0)

/* n of the top-n functions: at least 1; beyond the producer count it is the count. */
static uint32
top_n_arg(int64 n)
{
	if (n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must be at least 1"),
				 errdetail("n is " INT64_FORMAT ".", n)));
	return (uint32) Min(n, (int64) MIX_MAX_PRODUCERS);
}

PG_FUNCTION_INFO_V1(supply_mix_total);
Datum
supply_mix_total(PG_FUNCTION_ARGS)
{
	MixView		v;
	double		total;

	PG_GETARG_MIX_VIEW(0, &v);
	if (mix_total(&v, &total) != MIX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("total of supply_mix is out of range for type double precision"),
				 errhint("Shares and concentration measures of this mix are still defined.")));
	PG_RETURN_FLOAT8(total);
}

PG_FUNCTION_INFO_V1(supply_mix_remainder);
Datum
supply_mix_remainder(PG_FUNCTION_ARGS)
{
	MixView		v;

	PG_GETARG_MIX_VIEW(0, &v);
	PG_RETURN_FLOAT8(v.remainder);
}

PG_FUNCTION_INFO_V1(supply_mix_producer_count);
Datum
supply_mix_producer_count(PG_FUNCTION_ARGS)
{
	MixView		v;

	PG_GETARG_MIX_VIEW(0, &v);
	PG_RETURN_INT32((int32) mix_positive_count(&v));
}

/* Index of the producer named by argument 1, or -1. */
static int64
producer_index(FunctionCallInfo fcinfo, const MixView *v)
{
	size_t		len;
	const char *key = mix_producer_arg(PG_GETARG_TEXT_PP(1), &len);

	return mix_view_find(v, key, len);
}

PG_FUNCTION_INFO_V1(supply_mix_quantity);
Datum
supply_mix_quantity(PG_FUNCTION_ARGS)
{
	MixView		v;
	int64		i;

	PG_GETARG_MIX_VIEW(0, &v);
	i = producer_index(fcinfo, &v);
	PG_RETURN_FLOAT8(i < 0 ? 0.0 : v.quantity[i]);
}

PG_FUNCTION_INFO_V1(supply_mix_share);
Datum
supply_mix_share(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	int64		i;

	MIX_ARG_WITH_SHARES(v, s);
	i = producer_index(fcinfo, &v);
	PG_RETURN_FLOAT8(i < 0 ? 0.0 : mix_share(&s, v.quantity[i]));
}

PG_FUNCTION_INFO_V1(supply_mix_hhi);
Datum
supply_mix_hhi(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;

	MIX_ARG_WITH_SHARES(v, s);
	PG_RETURN_FLOAT8(mix_hhi_lower(&v, &s));
}

PG_FUNCTION_INFO_V1(supply_mix_hhi_bounds);
Datum
supply_mix_hhi_bounds(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	PG_GETARG_MIX_VIEW(0, &v);
	if (mix_shares_init(&v, &s))
	{
		values[0] = Float8GetDatum(mix_hhi_lower(&v, &s));
		values[1] = Float8GetDatum(mix_hhi_upper(&v, &s));
	}
	else
		nulls[0] = nulls[1] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}

PG_FUNCTION_INFO_V1(supply_mix_hhi_normalized);
Datum
supply_mix_hhi_normalized(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	double		h;

	MIX_ARG_WITH_SHARES(v, s);
	if (!mix_hhi_normalized(&v, &s, &h))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(h);
}

static Datum
concentration_ratio(FunctionCallInfo fcinfo, int64 n)
{
	MixView		v;
	MixShares	s;
	MixMemory	mem = MIX_MEMORY();
	uint32		k = top_n_arg(n);

	MIX_ARG_WITH_SHARES(v, s);
	PG_RETURN_FLOAT8(mix_concentration_ratio(&v, &s, k, &mem));
}

PG_FUNCTION_INFO_V1(supply_mix_concentration_ratio);
Datum
supply_mix_concentration_ratio(PG_FUNCTION_ARGS)
{
	return concentration_ratio(fcinfo, PG_GETARG_INT64(1));
}

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
	return concentration_ratio(fcinfo, DatumGetInt64(n));
}

PG_FUNCTION_INFO_V1(supply_mix_top_producers);
Datum
supply_mix_top_producers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MixView		v;
	MixShares	s;
	MixMemory	mem = MIX_MEMORY();
	uint32		k = top_n_arg(PG_GETARG_INT64(1));
	bool		have_shares;
	uint32	   *top;

	InitMaterializedSRF(fcinfo, 0);
	PG_GETARG_MIX_VIEW(0, &v);
	have_shares = mix_shares_init(&v, &s);
	k = Min(k, v.count);
	if (k == 0)
		return (Datum) 0;
	top = palloc(sizeof(uint32) * k);
	k = mix_top(&v, k, &mem, top);
	for (uint32 r = 0; r < k; r++)
	{
		uint32		len;
		const char *key = mix_view_key(&v, top[r], &len);
		double		q = v.quantity[top[r]];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, !have_shares};

		values[0] = Int32GetDatum((int32) r + 1);
		values[1] = PointerGetDatum(cstring_to_text_with_len(key, (int) len));
		values[2] = Float8GetDatum(q);
		values[3] = have_shares ? Float8GetDatum(mix_share(&s, q)) : (Datum) 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(supply_mix_producers);
Datum
supply_mix_producers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MixView		v;
	MixShares	s;
	bool		have_shares;

	InitMaterializedSRF(fcinfo, 0);
	PG_GETARG_MIX_VIEW(0, &v);
	have_shares = mix_shares_init(&v, &s);
	for (uint32 i = 0; i <= v.count; i++)
	{
		bool		is_remainder = i == v.count;
		double		q = is_remainder ? v.remainder : v.quantity[i];
		Datum		values[3];
		bool		nulls[3] = {is_remainder, false, !have_shares};

		if (is_remainder && q == 0.0)
			break;
		if (!is_remainder)
		{
			uint32		len;
			const char *key = mix_view_key(&v, i, &len);

			values[0] = PointerGetDatum(cstring_to_text_with_len(key, (int) len));
		}
		values[1] = Float8GetDatum(q);
		values[2] = have_shares ? Float8GetDatum(mix_share(&s, q)) : (Datum) 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(supply_mix_shannon_entropy);
Datum
supply_mix_shannon_entropy(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;

	MIX_ARG_WITH_SHARES(v, s);
	PG_RETURN_FLOAT8(mix_entropy(&v, &s));
}

PG_FUNCTION_INFO_V1(supply_mix_shannon_entropy_normalized);
Datum
supply_mix_shannon_entropy_normalized(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	double		h;

	MIX_ARG_WITH_SHARES(v, s);
	if (!mix_entropy_normalized(&v, &s, &h))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(h);
}

PG_FUNCTION_INFO_V1(supply_mix_effective_suppliers);
Datum
supply_mix_effective_suppliers(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	double		hhi;

	MIX_ARG_WITH_SHARES(v, s);
	hhi = mix_hhi_lower(&v, &s);
	/* a mix that is all remainder names no supplier */
	if (hhi == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(10000.0 / hhi);
}

PG_FUNCTION_INFO_V1(supply_mix_gini);
Datum
supply_mix_gini(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	MixMemory	mem = MIX_MEMORY();

	MIX_ARG_WITH_SHARES(v, s);
	PG_RETURN_FLOAT8(mix_gini(&v, &mem));
}

/*
 * mix_summary(m): every measure of a mix as one row of standard types, the
 * shape a BI tool's table widget wants.  One pass over the mix.
 */
PG_FUNCTION_INFO_V1(supply_mix_summary);
Datum
supply_mix_summary(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;
	MixMemory	mem = MIX_MEMORY();
	TupleDesc	tupdesc;
	Datum		values[12];
	bool		nulls[12];
	double		total;
	double		h;
	uint32		top[3];
	uint32		k;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	PG_GETARG_MIX_VIEW(0, &v);
	memset(nulls, true, sizeof(nulls));

	/* total: NULL when it overflows float8 (the measures stay defined) */
	if (mix_total(&v, &total) == MIX_OK)
	{
		values[0] = Float8GetDatum(total);
		nulls[0] = false;
	}
	values[1] = Float8GetDatum(v.remainder);
	values[2] = Int32GetDatum((int32) mix_positive_count(&v));
	nulls[1] = nulls[2] = false;

	if (mix_shares_init(&v, &s))
	{
		double		lower = mix_hhi_lower(&v, &s);

		k = mix_top(&v, 3, &mem, top);
		if (k > 0)
		{
			uint32		len;
			const char *key = mix_view_key(&v, top[0], &len);

			values[3] = PointerGetDatum(cstring_to_text_with_len(key, (int) len));
			values[4] = Float8GetDatum(mix_share(&s, v.quantity[top[0]]));
			nulls[3] = nulls[4] = false;
		}
		values[5] = Float8GetDatum(mix_concentration_ratio(&v, &s, 3, &mem));
		values[6] = Float8GetDatum(lower);
		values[7] = Float8GetDatum(mix_hhi_upper(&v, &s));
		nulls[5] = nulls[6] = nulls[7] = false;
		if (mix_hhi_normalized(&v, &s, &h))
		{
			values[8] = Float8GetDatum(h);
			nulls[8] = false;
		}
		values[9] = Float8GetDatum(mix_entropy(&v, &s));
		nulls[9] = false;
		if (lower > 0.0)
		{
			values[10] = Float8GetDatum(10000.0 / lower);
			nulls[10] = false;
		}
		values[11] = Float8GetDatum(mix_gini(&v, &mem));
		nulls[11] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}

/*
 * hhi_wgi(m): the governance-weighted HHI of a weighted mix, sum of
 * share^2 x weight with shares as fractions (0-1) of the complete total;
 * the final function of the hhi_wgi aggregates.
 */
PG_FUNCTION_INFO_V1(supply_mix_hhi_wgi);
Datum
supply_mix_hhi_wgi(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;

	MIX_ARG_WITH_SHARES(v, s);
	if (v.count > 0 && v.weight == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("supply_mix has no weights"),
				 errhint("Build it with the aggregate hhi_wgi(producer, quantity, wgi[, trade_factor]), "
						 "or give a stored mix its weights: hhi_wgi(with_weights(mix, wgi_scaled jsonb)).")));
	PG_RETURN_FLOAT8(mix_hhi_weighted(&v, &s));
}

/* A number from a jsonb object by key; false when the key is absent. */
static bool
jsonb_number(Jsonb *jb, const char *key, uint32 len, const char *what, double *out)
{
	JsonbValue	v;

	if (jb == NULL || getKeyJsonValueFromContainer(&jb->root, key, len, &v) == NULL)
		return false;
	if (v.type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s of producer \"%s\" is not a number", what, pnstrdup(key, Min(len, 64)))));
	*out = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
	return true;
}

/*
 * with_weights(mix, wgi_scaled jsonb, trade_factors jsonb, default_wgi):
 * the mix with a weight per producer, WGI x trade factor, from jsonb
 * objects {"CN": 5.6, ...}.  A producer missing from wgi_scaled takes
 * default_wgi, or is an error when that is NULL; trade factors default to 1.
 */
PG_FUNCTION_INFO_V1(supply_mix_with_weights);
Datum
supply_mix_with_weights(PG_FUNCTION_ARGS)
{
	MixView		v;
	Jsonb	   *wgi;
	Jsonb	   *tf = PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2);
	MixMemory	mem = MIX_MEMORY();
	MixTable   *t;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	wgi = PG_GETARG_JSONB_P(1);
	if (!JB_ROOT_IS_OBJECT(wgi) || (tf && !JB_ROOT_IS_OBJECT(tf)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weights must be jsonb objects of producer -> number")));
	PG_GETARG_MIX_VIEW(0, &v);
	t = mix_table_create(&mem, v.count);
	for (uint32 i = 0; i < v.count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(&v, i, &len);
		double		w,
					f = 1.0;

		if (!jsonb_number(wgi, key, len, "governance score", &w))
		{
			if (PG_ARGISNULL(3))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("producer \"%s\" has no governance score in the weights",
								pnstrdup(key, Min(len, 64))),
						 errhint("Add it, or pass default_wgi for the producers without one.")));
			w = PG_GETARG_FLOAT8(3);
		}
		(void) jsonb_number(tf, key, len, "trade factor", &f);
		if (isnan(w) || isinf(w) || w < 0.0 || isnan(f) || isinf(f) || f < 0.0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("governance score and trade factor must be finite numbers of zero or more"),
					 errdetail("Producer \"%s\": score %g, trade factor %g.", pnstrdup(key, Min(len, 64)), w, f)));
		mix_check(mix_table_add_weighted(t, key, len, v.quantity[i], w * f), key, len);
	}
	mix_check(mix_table_add(t, NULL, 0, v.remainder), NULL, 0);
	return mix_table_datum(t);
}
