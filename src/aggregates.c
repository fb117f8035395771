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
 *
 * These functions are called by more than nodeAgg: window aggregation,
 * parallel workers, and Citus' worker_partial_agg and coord_combine_agg,
 * which call them through an FmgrInfo built afresh on their own stack for
 * every row.  So nothing here keeps anything in fn_extra or fn_mcxt: what
 * must outlive a call lives in the aggregate context, and an aggregate's
 * extra argument (concentration_ratio's n) travels in the state.
 */
#include "supply_mix.h"

#include "common/string.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"

#include "countries.h"

/*
 * The state of concentration_ratio(producer, quantity, n) is a
 * supply_mix_top_n: a supply_mix with the n of the call.  Flat form:
 *
 *   offset  size  field
 *   0       4     varlena header
 *   4       4     reserved, 0
 *   8       8     n (int64): 0 while no row has given one
 *   16      ...   the mix, a complete supply_mix varlena (its own header)
 *
 * Text form: n, a colon, the mix's text form: 3:{"CN": 270000, "US": 45000}.
 * Citus moves partial states between nodes through that text.
 */
#define TOP_N_HEADER_SIZE 16

typedef struct ExpandedMix
{
	ExpandedObjectHeader hdr;
	MixTable   *table;
	bool		top_n_state;	/* a supply_mix_top_n, not a supply_mix */
	int64		top_n;			/* its n; 0 while none was given */
} ExpandedMix;

static Size
expanded_mix_flat_size(ExpandedObjectHeader *eohptr)
{
	ExpandedMix *em = (ExpandedMix *) eohptr;

	return mix_table_flat_size(em->table) + (em->top_n_state ? TOP_N_HEADER_SIZE : 0);
}

/* Writes the flat supply_mix_top_n of a table and its n into dest (size bytes). */
static void
top_n_flatten(const MixTable *t, int64 n, char *dest, Size size)
{
	memset(dest, 0, TOP_N_HEADER_SIZE);
	SET_VARSIZE(dest, size);
	memcpy(dest + 8, &n, sizeof(int64));
	mix_table_flatten(t, dest + TOP_N_HEADER_SIZE, size - TOP_N_HEADER_SIZE);
	SET_VARSIZE(dest + TOP_N_HEADER_SIZE, size - TOP_N_HEADER_SIZE);
}

static void
expanded_mix_flatten(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedMix *em = (ExpandedMix *) eohptr;

	if (em->top_n_state)
		top_n_flatten(em->table, em->top_n, result, allocated_size);
	else
	{
		mix_table_flatten(em->table, result, allocated_size);
		SET_VARSIZE(result, allocated_size);
	}
}

static const ExpandedObjectMethods expanded_mix_methods = {
	expanded_mix_flat_size,
	expanded_mix_flatten
};

/* The n and the mix of a flat supply_mix_top_n (detoasted). */
static struct varlena *
top_n_parts(const struct varlena *flat, int64 *n)
{
	struct varlena *mix = (struct varlena *) ((char *) flat + TOP_N_HEADER_SIZE);

	if (VARSIZE(flat) < TOP_N_HEADER_SIZE + VARHDRSZ ||
		VARSIZE(mix) != VARSIZE(flat) - TOP_N_HEADER_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid supply_mix_top_n value")));
	memcpy(n, (const char *) flat + 8, sizeof(int64));
	return mix;
}

/* The n of a state meeting another n (0: none given): they must agree. */
static void
merge_top_n(int64 *top_n, int64 n)
{
	if (n == 0 || n == *top_n)
		return;
	if (*top_n != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must be the same for every row"),
				 errdetail("This aggregate was given n = " INT64_FORMAT " and n = " INT64_FORMAT ".",
						   *top_n, n),
				 errhint("Compute it on the mix to vary n: concentration_ratio(supply_mix_agg(producer, quantity), n).")));
	*top_n = n;
}

/*
 * The name area the groups of one aggregate share (see mix_table.c): one
 * per aggregate context (grouping sets have several).  It lives in a child
 * context of the aggregate context, as the groups' states do, so it goes
 * when they go.  The live ones are found through a backend-local list
 * whose entries live in the name area's own context; deleting that context
 * (with the aggregate context, or at a reset of it) takes its entry off
 * the list first, by a callback registered on that same context.
 */
typedef struct SharedNames
{
	MemoryContext aggcx;
	MixNames   *names;
	MemoryContextCallback gone;
	struct SharedNames *next;
} SharedNames;

static SharedNames *live_names = NULL;

static void
shared_names_gone(void *arg)
{
	for (SharedNames **p = &live_names; *p != NULL; p = &(*p)->next)
		if (*p == arg)
		{
			*p = (*p)->next;
			return;
		}
}

static MixNames *
shared_names(MemoryContext aggcx)
{
	SharedNames *sn;
	MemoryContext cx;
	MixMemory	mem;

	for (sn = live_names; sn != NULL; sn = sn->next)
		if (sn->aggcx == aggcx)
			return sn->names;
	cx = AllocSetContextCreate(aggcx, "supply_mix aggregate names", ALLOCSET_SMALL_SIZES);
	sn = MemoryContextAllocZero(cx, sizeof(SharedNames));
	mem = mix_memory(cx);
	sn->names = mix_names_create(&mem);
	sn->aggcx = aggcx;
	sn->gone.func = shared_names_gone;
	sn->gone.arg = sn;
	MemoryContextRegisterResetCallback(cx, &sn->gone);
	sn->next = live_names;
	live_names = sn;
	return sn->names;
}

/*
 * The aggregate state in argument 0 as an expanded mix we may change: the
 * one we made on an earlier row, or a new one in aggcx holding what the
 * (flat) state holds.  The groups' tables share their names.  top_n_state:
 * the state is a supply_mix_top_n.
 */
static ExpandedMix *
state_arg(FunctionCallInfo fcinfo, MemoryContext aggcx, bool top_n_state)
{
	Datum		d = PG_GETARG_DATUM(0);
	MemoryContext cx;
	ExpandedMix *em;
	MixMemory	mem;

	if (!PG_ARGISNULL(0) && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &expanded_mix_methods &&
			((ExpandedMix *) eoh)->top_n_state == top_n_state)
			return (ExpandedMix *) eoh;
	}

	/*
	 * One small block: a table's arrays (the hash table, grown by doubling)
	 * then get blocks of their own, which go back to malloc when they are
	 * replaced, instead of staying on the context's free lists.
	 */
	cx = AllocSetContextCreate(aggcx, "supply_mix aggregate state", 0, 1024, 1024);
	em = MemoryContextAllocZero(cx, sizeof(ExpandedMix));
	EOH_init_header(&em->hdr, &expanded_mix_methods, cx);
	mem = mix_memory(cx);
	em->table = mix_table_create_shared(&mem, 8, shared_names(aggcx));
	em->top_n_state = top_n_state;
	if (!PG_ARGISNULL(0))
	{
		struct varlena *flat = (struct varlena *) PG_DETOAST_DATUM(d);
		MixView		v;

		if (top_n_state)
			flat = top_n_parts(flat, &em->top_n);
		mix_view_of(flat, &v);
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
		ExpandedMix *em = state_arg(fcinfo, aggcx, false);

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

/* supply_mix_accum(state, producer text, quantity) */
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
		ExpandedMix *em = state_arg(fcinfo, aggcx, false);

		PG_GETARG_MIX_VIEW(1, &v);
		mix_check(mix_table_add_view(em->table, &v), NULL, 0);
		PG_RETURN_DATUM(EOHPGetRWDatum(&em->hdr));
	}
}

/* ---- concentration_ratio(producer, quantity, n) ---------------------- */

/*
 * The transition (combine = false: supply_mix_top_n_accum(state, producer
 * text, quantity, n)) and combine (supply_mix_top_n_combine(state, state))
 * functions of concentration_ratio(producer, quantity, n).  n must be the
 * same on every row that gives one (a NULL n gives none).  Outside an
 * aggregate they return a new state and leave their argument alone.
 */
static Datum
top_n_step(FunctionCallInfo fcinfo, bool combine)
{
	MemoryContext aggcx;
	MixTable   *t;
	int64	   *top_n;
	int64		n = 0;
	ExpandedMix *em = NULL;
	MixMemory	mem;

	if (AggCheckCallContext(fcinfo, &aggcx))
	{
		em = state_arg(fcinfo, aggcx, true);
		t = em->table;
		top_n = &em->top_n;
	}
	else
	{
		mem = MIX_MEMORY();
		t = mix_table_create(&mem, 8);
		top_n = &n;
		if (!PG_ARGISNULL(0))
		{
			MixView		v;

			mix_view_of(top_n_parts((struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), top_n), &v);
			mix_check(mix_table_add_view(t, &v), NULL, 0);
		}
	}

	if (combine)
	{
		MixView		v;
		int64		other;

		mix_view_of(top_n_parts((struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(1)), &other), &v);
		merge_top_n(top_n, other);
		mix_check(mix_table_add_view(t, &v), NULL, 0);
	}
	else
	{
		if (!PG_ARGISNULL(3))
		{
			int64		row_n = PG_GETARG_INT64(3);

			check_top_n(row_n);
			merge_top_n(top_n, row_n);
		}
		add_row(fcinfo, t, 0);
	}

	if (em != NULL)
		PG_RETURN_DATUM(EOHPGetRWDatum(&em->hdr));
	{
		Size		size = TOP_N_HEADER_SIZE + mix_table_flat_size(t);
		char	   *result = palloc(size);

		top_n_flatten(t, *top_n, result, size);
		PG_RETURN_POINTER(result);
	}
}

PG_FUNCTION_INFO_V1(supply_mix_top_n_accum);
Datum
supply_mix_top_n_accum(PG_FUNCTION_ARGS)
{
	return top_n_step(fcinfo, false);
}

PG_FUNCTION_INFO_V1(supply_mix_top_n_combine);
Datum
supply_mix_top_n_combine(PG_FUNCTION_ARGS)
{
	return top_n_step(fcinfo, true);
}

/* concentration_ratio(producer, quantity, n)'s final function: CRn of the state. */
PG_FUNCTION_INFO_V1(supply_mix_top_n_concentration_ratio);
Datum
supply_mix_top_n_concentration_ratio(PG_FUNCTION_ARGS)
{
	MixView		v;
	int64		n;
	double		cr;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	mix_view_of(top_n_parts((struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), &n), &v);
	if (n == 0 || !mix_concentration_ratio_view(&v, n, &cr))
		PG_RETURN_NULL();			/* no n given, or a zero total */
	PG_RETURN_FLOAT8(cr);
}

PG_FUNCTION_INFO_V1(supply_mix_top_n_in);
Datum
supply_mix_top_n_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	char	   *colon = strchr(str, ':');
	char	   *end;
	int64		n;
	struct varlena *mix;
	struct varlena *result;

	errno = 0;
	n = colon ? strtoi64(str, &end, 10) : 0;
	if (colon == NULL || end != colon || errno != 0 || n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "supply_mix_top_n", str),
				 errhint("A supply_mix_top_n is n, a colon and a supply_mix, e.g. 3:{\"CN\": 270000}.")));
	mix = (struct varlena *) DatumGetPointer(DirectFunctionCall1(supply_mix_in, CStringGetDatum(colon + 1)));
	result = palloc0(TOP_N_HEADER_SIZE + VARSIZE(mix));
	SET_VARSIZE(result, TOP_N_HEADER_SIZE + VARSIZE(mix));
	memcpy((char *) result + 8, &n, sizeof(int64));
	memcpy((char *) result + TOP_N_HEADER_SIZE, mix, VARSIZE(mix));
	PG_RETURN_POINTER(result);
}

PG_FUNCTION_INFO_V1(supply_mix_top_n_out);
Datum
supply_mix_top_n_out(PG_FUNCTION_ARGS)
{
	int64		n;
	struct varlena *mix = top_n_parts((struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0)), &n);
	char	   *text = DatumGetCString(DirectFunctionCall1(supply_mix_out, PointerGetDatum(mix)));

	PG_RETURN_CSTRING(psprintf(INT64_FORMAT ":%s", n, text));
}

/*
 * The final function of concentration_ratio(producer, quantity, n) in
 * version 0.1.0, which read n from the plan.  A database still on 0.1.0
 * after the library was updated gets this error until it runs ALTER
 * EXTENSION mineral_supply UPDATE.
 */
PG_FUNCTION_INFO_V1(concentration_ratio_final);
Datum
concentration_ratio_final(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("concentration_ratio(producer, quantity, n) of mineral_supply 0.1.0 is replaced"),
			 errhint("Run ALTER EXTENSION mineral_supply UPDATE.")));
	PG_RETURN_NULL();
}
