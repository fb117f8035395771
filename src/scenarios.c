/*
 * scenarios.c — scenario edits: each takes a mix and returns a new one
 * (a new plant, a supplier that stops supplying, a unit conversion).
 */
#include "supply_mix.h"

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"

static void
check_finite(double x, const char *what)
{
	if (isnan(x) || isinf(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number", what)));
}

/* A table holding argument 0, for an edit. */
static MixTable *
table_of_arg0(FunctionCallInfo fcinfo, MixView *v)
{
	MixMemory	mem = MIX_MEMORY();

	PG_GETARG_MIX_VIEW(0, v);
	return mix_table_from_view(v, &mem);
}

PG_FUNCTION_INFO_V1(supply_mix_adjust_producer);
Datum
supply_mix_adjust_producer(PG_FUNCTION_ARGS)
{
	MixView		v;
	size_t		len;
	const char *key = mix_producer_arg(PG_GETARG_TEXT_PP(1), &len);
	double		delta = PG_GETARG_FLOAT8(2);
	MixTable   *t;
	int64		i;
	double		q;

	check_finite(delta, "delta");
	t = table_of_arg0(fcinfo, &v);
	i = mix_view_find(&v, key, len);
	q = (i < 0 ? 0.0 : v.quantity[i]) + delta;
	if (isinf(q))
		mix_raise(MIX_SUM_OVERFLOW, key, len);
	if (q < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("adjusted quantity of producer \"%s\" would be negative",
						key_for_message(key, len)),
				 errdetail("Quantity %s plus delta %s is %s.",
						   float8out_internal(i < 0 ? 0.0 : v.quantity[i]),
						   float8out_internal(delta), float8out_internal(q))));
	mix_check(mix_table_set(t, key, len, q), key, len);
	return mix_table_datum(t);
}

PG_FUNCTION_INFO_V1(supply_mix_set_producer);
Datum
supply_mix_set_producer(PG_FUNCTION_ARGS)
{
	MixView		v;
	size_t		len;
	const char *key = mix_producer_arg(PG_GETARG_TEXT_PP(1), &len);
	MixTable   *t = table_of_arg0(fcinfo, &v);

	mix_check(mix_table_set(t, key, len, PG_GETARG_FLOAT8(2)), key, len);
	return mix_table_datum(t);
}

/*
 * The producers named by a text[] argument, as a table used as a set.
 * NULL elements are an error: a NULL producer is not a name.
 */
static MixTable *
producer_set(ArrayType *arr, const MixMemory *mem)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	MixTable   *set;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	set = mix_table_create(mem, (uint32) n);
	for (int i = 0; i < n; i++)
	{
		text	   *name;
		size_t		len;
		const char *key;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("producer list must not contain NULL"),
					 errhint("The unattributed remainder is kept by drop_producers and dropped by keep_producers.")));
		name = DatumGetTextPP(elems[i]);
		key = mix_producer_arg(name, &len);
		mix_check(mix_table_add(set, key, len, 0.0), key, len);
	}
	return set;
}

/* The producers of a mix that are (keep) or are not (!keep) in a set. */
typedef struct FilterEdit
{
	MixView		set;			/* sorted: a binary search per producer */
	bool		keep;
} FilterEdit;

static bool
filter_edit(void *arg, MixProducer *p)
{
	FilterEdit *f = arg;

	return (mix_view_find(&f->set, p->key, p->len) >= 0) == f->keep;
}

static Datum
filter_producers(FunctionCallInfo fcinfo, bool keep)
{
	MixView		v;
	MixMemory	mem = MIX_MEMORY();
	MixTable   *set = producer_set(PG_GETARG_ARRAYTYPE_P(1), &mem);
	size_t		setsize = mix_table_flat_size(set);
	struct varlena *flatset = palloc(setsize);
	FilterEdit	f = {.keep = keep};

	SET_VARSIZE(flatset, setsize);
	mix_table_flatten(set, flatset, setsize);
	mix_view_of(flatset, &f.set);

	PG_GETARG_MIX_VIEW(0, &v);
	return mix_rebuild(&v, filter_edit, &f, keep ? 0.0 : v.remainder);
}

PG_FUNCTION_INFO_V1(supply_mix_keep_producers);
Datum
supply_mix_keep_producers(PG_FUNCTION_ARGS)
{
	return filter_producers(fcinfo, true);
}

PG_FUNCTION_INFO_V1(supply_mix_drop_producers);
Datum
supply_mix_drop_producers(PG_FUNCTION_ARGS)
{
	return filter_producers(fcinfo, false);
}

static void
scale_overflow(const char *key, size_t len)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("scaled quantity is out of range for type double precision"),
			 len > 0 ? errdetail("Producer: \"%s\".", key_for_message(key, len)) :
			 errdetail("The remainder overflows.")));
}

static bool
scale_edit(void *arg, MixProducer *p)
{
	p->quantity *= *(double *) arg;
	if (isinf(p->quantity))
		scale_overflow(p->key, p->len);
	return true;
}

PG_FUNCTION_INFO_V1(supply_mix_scale);
Datum
supply_mix_scale(PG_FUNCTION_ARGS)
{
	MixView		v;
	double		factor = PG_GETARG_FLOAT8(1);
	double		remainder;
	Datum		result;

	check_finite(factor, "factor");
	if (factor < 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("factor must not be negative")));
	PG_GETARG_MIX_VIEW(0, &v);
	remainder = v.remainder * factor;
	result = mix_rebuild(&v, scale_edit, &factor, isinf(remainder) ? 0.0 : remainder);
	if (isinf(remainder))
		scale_overflow("", 0);
	return result;
}
