/*
 * proximity.c — the C functions of mineral_supply_postgis (its SQL is in
 * postgis/src/sql/): the checks the selection helpers wrap around their
 * arguments, the distance decay, and the proximity aggregates.
 *
 * mineral_supply.so never links against PostGIS, so that the core
 * extension loads where PostGIS is absent and any PostGIS 3.x works.
 * Distances reach us as float8 metres that PostGIS computed in SQL.  A
 * geography argument (a location, a hub, a route) is read through the
 * geography type's own binary send function, looked up in pg_type and
 * called through the function manager: it writes extended WKB, a
 * documented standard format, from which postgis/src/core/reach.c reads the
 * geometry type, the SRID and a point's coordinates.  The centroid goes
 * back the same way, through the type's receive function.
 *
 * The aggregate states are float8[] (see postgis/src/core/reach.h for the
 * layouts): a real SQL type with text and binary I/O, so that parallel
 * query and Citus can move partial states, as core PostgreSQL's
 * avg(float8) does.  Inside an aggregate the transition and combine
 * functions update the state array in place (it belongs to the aggregate
 * context), so a row costs no allocation; called directly they return a
 * new array.  Every state read from SQL is checked first.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"

#include "reach.h"

/*
 * Errors
 */

/* The ERROR for a number that failed prox_check_*; what names it. */
static void
raise_number(ProxStatus st, const char *what, double x)
{
	if (st == PROX_NOT_POSITIVE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be greater than zero", what),
				 errhint("A half-distance is the distance in metres at which the weight halves.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(st == PROX_NEGATIVE ? "%s is negative" : "%s is not a finite number", what),
			 errdetail("The value is %s.", float8out_internal(x)),
			 errhint("Quantities and distances (metres) must be finite numbers of zero or more.")));
}

static inline void
check_nonnegative(double x, const char *what)
{
	ProxStatus	st = prox_check_nonnegative(x);

	if (unlikely(st != PROX_OK))
		raise_number(st, what, x);
}

static void
raise_status(ProxStatus st, const char *aggregate)
{
	switch (st)
	{
		case PROX_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s: sum is out of range for type double precision", aggregate)));
			break;
		default:
			elog(ERROR, "%s: unexpected status %d", aggregate, (int) st);
	}
}

static inline void
check_status(ProxStatus st, const char *aggregate)
{
	if (unlikely(st != PROX_OK))
		raise_status(st, aggregate);
}

/* The ERROR for points of two SRIDs in one centroid. */
static void
check_srids(ProxStatus st, double srid1, double srid2)
{
	if (st == PROX_SRID_MISMATCH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("supply_centroid: locations have different SRIDs"),
				 errdetail("SRID %d and SRID %d.", (int) srid1, (int) srid2),
				 errhint("Transform every location to one spatial reference system first, e.g. with ST_Transform(location::geometry, 4326)::geography.")));
	check_status(st, "supply_centroid");
}

/*
 * The geography type's binary I/O, found from the function's declared
 * argument or result type and kept in fn_extra.
 */
typedef struct GeographyIO
{
	Oid			typid;
	bool		have_send;
	bool		have_recv;
	Oid			recv_ioparam;
	FmgrInfo	send;
	FmgrInfo	recv;
} GeographyIO;

static GeographyIO *
geography_io(FunctionCallInfo fcinfo)
{
	GeographyIO *io = (GeographyIO *) fcinfo->flinfo->fn_extra;

	if (io == NULL)
	{
		io = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(GeographyIO));
		fcinfo->flinfo->fn_extra = io;
	}
	return io;
}

/* The type the function declares for argument argno (no polymorphism here). */
static Oid
declared_arg_type(FunctionCallInfo fcinfo, int argno)
{
	Oid		   *argtypes;
	int			nargs;

	get_func_signature(fcinfo->flinfo->fn_oid, &argtypes, &nargs);
	if (argno >= nargs)
		elog(ERROR, "function %u has no argument %d", fcinfo->flinfo->fn_oid, argno);
	return argtypes[argno];
}

/* Reads argument argno, a geography, through the type's send function. */
static void
read_geography(FunctionCallInfo fcinfo, int argno, ProxGeom *g)
{
	GeographyIO *io = geography_io(fcinfo);
	bytea	   *wkb;

	if (!io->have_send)
	{
		Oid			sendfn;
		bool		varlena;

		io->typid = declared_arg_type(fcinfo, argno);
		getTypeBinaryOutputInfo(io->typid, &sendfn, &varlena);
		fmgr_info_cxt(sendfn, &io->send, fcinfo->flinfo->fn_mcxt);
		io->have_send = true;
	}
	wkb = SendFunctionCall(&io->send, PG_GETARG_DATUM(argno));
	if (prox_wkb_read((const unsigned char *) VARDATA_ANY(wkb), VARSIZE_ANY_EXHDR(wkb), g) != PROX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("could not read the binary form of a %s value", format_type_be(io->typid))));
	pfree(wkb);
}

/* "a LINESTRING" for messages (every OGC type name starts with a consonant) */
static const char *
type_phrase(uint32 type)
{
	const char *name = prox_geom_type_name(type);

	return name ? psprintf("a %s", name) : psprintf("a geometry of type code %u", type);
}

/*
 * checked_point(geography) — its argument, which must be a point (or POINT
 * EMPTY).  within_radius() wraps its centre in it.
 */
PG_FUNCTION_INFO_V1(proximity_checked_point);
Datum
proximity_checked_point(PG_FUNCTION_ARGS)
{
	ProxGeom	g;

	read_geography(fcinfo, 0, &g);
	if (g.type != PROX_POINT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("center is not a point"),
				 errdetail("The center is %s.", type_phrase(g.type)),
				 errhint("within_radius() measures from a point; use within_corridor() for a line, or ST_DWithin() for any geography.")));
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/*
 * checked_line(geography) — its argument, which must be a LINESTRING or a
 * MULTILINESTRING.  within_corridor() wraps its route in it.
 */
PG_FUNCTION_INFO_V1(proximity_checked_line);
Datum
proximity_checked_line(PG_FUNCTION_ARGS)
{
	ProxGeom	g;

	read_geography(fcinfo, 0, &g);
	if (g.type != PROX_LINESTRING && g.type != PROX_MULTILINESTRING)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("route is not a line"),
				 errdetail("The route is %s.", type_phrase(g.type)),
				 errhint("A corridor follows a LINESTRING or MULTILINESTRING; use within_radius() around a point.")));
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/*
 * checked_distance(float8) — its argument, which must be a finite number
 * of metres, zero or more.  The selection helpers wrap radii and corridor
 * half-widths in it: ST_DWithin() itself answers false for a negative or
 * NaN distance.
 */
PG_FUNCTION_INFO_V1(proximity_checked_distance);
Datum
proximity_checked_distance(PG_FUNCTION_ARGS)
{
	double		d = PG_GETARG_FLOAT8(0);

	check_nonnegative(d, "distance");
	PG_RETURN_FLOAT8(d + 0.0);	/* -0 reads as 0 */
}

/* distance_decay(distance_m, half_distance_m) = 2^(-distance / half_distance) */
PG_FUNCTION_INFO_V1(proximity_distance_decay);
Datum
proximity_distance_decay(PG_FUNCTION_ARGS)
{
	double		d = PG_GETARG_FLOAT8(0);
	double		h = PG_GETARG_FLOAT8(1);
	ProxStatus	st;

	check_nonnegative(d, "distance");
	if ((st = prox_check_positive(h)) != PROX_OK)
		raise_number(st, "half-distance", h);
	PG_RETURN_FLOAT8(prox_decay(d, h));
}

/*
 * Aggregate states
 */

/*
 * The state in argument argno as an array of len float8, checked.  In an
 * aggregate, the array itself (to be changed in place); otherwise a copy.
 * A NULL state (a direct call) reads as the empty state.
 */
static ArrayType *
state_arg(FunctionCallInfo fcinfo, int argno, int len, const char *aggregate, bool writable)
{
	ArrayType  *a;
	double	   *v;
	ProxStatus	st;

	if (PG_ARGISNULL(argno))
	{
		Datum	   *zeros = palloc(len * sizeof(Datum));

		for (int i = 0; i < len; i++)
			zeros[i] = Float8GetDatum(0.0);
		return construct_array(zeros, len, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	}
	a = (writable && !AggCheckCallContext(fcinfo, NULL)) ?
		PG_GETARG_ARRAYTYPE_P_COPY(argno) : PG_GETARG_ARRAYTYPE_P(argno);
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != len || ARR_HASNULL(a) ||
		ARR_ELEMTYPE(a) != FLOAT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid state for %s", aggregate),
				 errdetail("The state is a float8 array of %d elements without NULLs.", len)));
	v = (double *) ARR_DATA_PTR(a);
	st = prox_check_state(v, len);
	if (st != PROX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid state for %s", aggregate),
				 errdetail("A state holds finite sums, sums of quantities of zero or more, and an integer SRID.")));
	return a;
}

#define STATE_VALUES(a) ((double *) ARR_DATA_PTR(a))

/*
 * accessible_supply_accum(state, quantity, distance_m, half_distance_m):
 * adds quantity * 2^(-distance / half_distance).  A NULL quantity or
 * distance skips the row; a NULL half-distance is an error.
 */
PG_FUNCTION_INFO_V1(proximity_decay_accum);
Datum
proximity_decay_accum(PG_FUNCTION_ARGS)
{
	const char *agg = "accessible_supply";
	ArrayType  *state = state_arg(fcinfo, 0, PROX_DECAY_STATE_LEN, agg, true);
	double		q,
				d,
				h;
	ProxStatus	st;

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("half-distance must not be NULL")));
	h = PG_GETARG_FLOAT8(3);
	if ((st = prox_check_positive(h)) != PROX_OK)
		raise_number(st, "half-distance", h);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(state);
	q = PG_GETARG_FLOAT8(1);
	d = PG_GETARG_FLOAT8(2);
	check_nonnegative(q, "quantity");
	check_nonnegative(d, "distance");
	check_status(prox_decay_add(STATE_VALUES(state), q, d, h), agg);
	PG_RETURN_ARRAYTYPE_P(state);
}

/*
 * supply_mean_distance_accum(state, quantity, distance_m): adds quantity
 * and quantity * distance.  A NULL quantity or distance skips the row.
 */
PG_FUNCTION_INFO_V1(proximity_mean_accum);
Datum
proximity_mean_accum(PG_FUNCTION_ARGS)
{
	const char *agg = "supply_mean_distance";
	ArrayType  *state = state_arg(fcinfo, 0, PROX_MEAN_STATE_LEN, agg, true);
	double		q,
				d;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(state);
	q = PG_GETARG_FLOAT8(1);
	d = PG_GETARG_FLOAT8(2);
	check_nonnegative(q, "quantity");
	check_nonnegative(d, "distance");
	check_status(prox_mean_add(STATE_VALUES(state), q, d), agg);
	PG_RETURN_ARRAYTYPE_P(state);
}

/*
 * proximity_sums_combine(state, state): the combine function of
 * accessible_supply and supply_mean_distance (arrays of pairs).
 */
PG_FUNCTION_INFO_V1(proximity_sums_combine);
Datum
proximity_sums_combine(PG_FUNCTION_ARGS)
{
	const char *agg = "accessible_supply or supply_mean_distance";
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	int			len = (ARR_NDIM(a) == 1) ? ARR_DIMS(a)[0] : 0;
	ArrayType  *state;
	ArrayType  *other;

	if (len != PROX_DECAY_STATE_LEN && len != PROX_MEAN_STATE_LEN)
		len = PROX_DECAY_STATE_LEN; /* state_arg reports the bad state */
	state = state_arg(fcinfo, 0, len, agg, true);
	other = state_arg(fcinfo, 1, len, agg, false);
	check_status(prox_pairs_merge(STATE_VALUES(state), STATE_VALUES(other), len), agg);
	PG_RETURN_ARRAYTYPE_P(state);
}

/* accessible_supply_final(state): the sum; 0 for no rows */
PG_FUNCTION_INFO_V1(proximity_decay_final);
Datum
proximity_decay_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = state_arg(fcinfo, 0, PROX_DECAY_STATE_LEN, "accessible_supply", false);

	PG_RETURN_FLOAT8(prox_decay_result(STATE_VALUES(state)));
}

/* supply_mean_distance_final(state): NULL when the quantities add up to 0 */
PG_FUNCTION_INFO_V1(proximity_mean_final);
Datum
proximity_mean_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = state_arg(fcinfo, 0, PROX_MEAN_STATE_LEN, "supply_mean_distance", false);
	double		mean;

	if (!prox_mean_result(STATE_VALUES(state), &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/*
 * supply_centroid_accum(state, location geography, quantity): adds
 * quantity times the unit vector of the location, which must be a point.
 * A NULL location or quantity, or POINT EMPTY, skips the row.
 */
PG_FUNCTION_INFO_V1(proximity_centroid_accum);
Datum
proximity_centroid_accum(PG_FUNCTION_ARGS)
{
	const char *agg = "supply_centroid";
	ArrayType  *state = state_arg(fcinfo, 0, PROX_CENTROID_STATE_LEN, agg, true);
	ProxGeom	g;
	double		q;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_ARRAYTYPE_P(state);
	q = PG_GETARG_FLOAT8(2);
	check_nonnegative(q, "quantity");
	read_geography(fcinfo, 1, &g);
	if (g.type != PROX_POINT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("location is not a point"),
				 errdetail("supply_centroid() got %s.", type_phrase(g.type)),
				 errhint("Reduce a line or an area to a point first, e.g. ST_Centroid(location); split a MULTIPOINT with ST_Dump().")));
	if (g.empty)
		PG_RETURN_ARRAYTYPE_P(state);
	check_srids(prox_centroid_add(STATE_VALUES(state), q, g.x, g.y, g.srid),
				STATE_VALUES(state)[PROX_CENTROID_STATE_LEN - 1], g.srid);
	PG_RETURN_ARRAYTYPE_P(state);
}

/* supply_centroid_combine(state, state) */
PG_FUNCTION_INFO_V1(proximity_centroid_combine);
Datum
proximity_centroid_combine(PG_FUNCTION_ARGS)
{
	const char *agg = "supply_centroid";
	ArrayType  *state = state_arg(fcinfo, 0, PROX_CENTROID_STATE_LEN, agg, true);
	ArrayType  *other = state_arg(fcinfo, 1, PROX_CENTROID_STATE_LEN, agg, false);

	check_srids(prox_centroid_merge(STATE_VALUES(state), STATE_VALUES(other)),
				STATE_VALUES(state)[PROX_CENTROID_STATE_LEN - 1],
				STATE_VALUES(other)[PROX_CENTROID_STATE_LEN - 1]);
	PG_RETURN_ARRAYTYPE_P(state);
}

/*
 * supply_centroid_final(state) returns geography: the point, built as
 * extended WKB and read by the geography type's receive function; NULL for
 * no weight or for points that cancel out.
 */
PG_FUNCTION_INFO_V1(proximity_centroid_final);
Datum
proximity_centroid_final(PG_FUNCTION_ARGS)
{
	ArrayType  *state = state_arg(fcinfo, 0, PROX_CENTROID_STATE_LEN, "supply_centroid", false);
	double	   *v = STATE_VALUES(state);
	GeographyIO *io = geography_io(fcinfo);
	unsigned char wkb[PROX_WKB_POINT_SIZE];
	StringInfoData buf;
	double		lon,
				lat;
	int32		srid;

	if (!prox_centroid_result(v, &lon, &lat))
		PG_RETURN_NULL();
	if (!io->have_recv)
	{
		Oid			recvfn;

		io->typid = get_func_rettype(fcinfo->flinfo->fn_oid);
		getTypeBinaryInputInfo(io->typid, &recvfn, &io->recv_ioparam);
		fmgr_info_cxt(recvfn, &io->recv, fcinfo->flinfo->fn_mcxt);
		io->have_recv = true;
	}
	srid = (int32) v[PROX_CENTROID_STATE_LEN - 1];
	prox_wkb_write_point(wkb, srid != 0 ? srid : 4326, lon, lat);
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, (const char *) wkb, sizeof(wkb));
	PG_RETURN_DATUM(ReceiveFunctionCall(&io->recv, &buf, io->recv_ioparam, -1));
}
