/*
 * measures.c — SQL functions for the concentration measures of a
 * supply_mix (the arithmetic is in core/measures.c), and mix_summary.
 *
 * Every measure of a mix whose total is zero is NULL: shares are undefined.
 */
#include "supply_mix.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "pg_compat.h"

void
check_top_n(int64 n)
{
	if (n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must be at least 1"),
				 errdetail("n is " INT64_FORMAT ".", n)));
}

/* n of the top-n functions: at least 1; beyond the producer count it is the count. */
static uint32
top_n_arg(int64 n)
{
	check_top_n(n);
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

/*
 * Index of the producer named by argument 1, or -1.  An empty name is no
 * producer: the error points to the remainder's own functions.
 */
static int64
producer_index(FunctionCallInfo fcinfo, const MixView *v)
{
	text	   *name = PG_GETARG_TEXT_PP(1);
	const char *key;
	size_t		len;

	if (VARSIZE_ANY_EXHDR(name) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", mix_status_text(MIX_EMPTY_KEY)),
				 errdetail("The key \"\" is the unattributed remainder, not a producer."),
				 errhint("The remainder's quantity is remainder(m), its share remainder(m) / total(m).")));
	key = mix_producer_arg(name, &len);
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

/* producer_rank(m, producer): its place in top_producers' order, NULL when absent. */
PG_FUNCTION_INFO_V1(supply_mix_producer_rank);
Datum
supply_mix_producer_rank(PG_FUNCTION_ARGS)
{
	MixView		v;
	int64		i;

	PG_GETARG_MIX_VIEW(0, &v);
	i = producer_index(fcinfo, &v);
	if (i < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32((int32) mix_rank(&v, (uint32) i));
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

bool
mix_concentration_ratio_view(const MixView *v, int64 n, double *cr)
{
	MixShares	s;
	MixMemory	mem = MIX_MEMORY();
	uint32		k = top_n_arg(n);

	if (!mix_shares_init(v, &s))
		return false;
	*cr = mix_concentration_ratio(v, &s, k, &mem);
	return true;
}

PG_FUNCTION_INFO_V1(supply_mix_concentration_ratio);
Datum
supply_mix_concentration_ratio(PG_FUNCTION_ARGS)
{
	MixView		v;
	double		cr;

	PG_GETARG_MIX_VIEW(0, &v);
	if (!mix_concentration_ratio_view(&v, PG_GETARG_INT64(1), &cr))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(cr);
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
