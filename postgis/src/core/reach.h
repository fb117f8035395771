/*
 * reach.h — the arithmetic behind mineral_supply_postgis.
 *
 * Plain C (c.h, no postgres.h): the server glue is postgis/src/proximity.c, the
 * unit tests are postgis/test/unit/test_reach.c.  Nothing here measures a
 * distance: distances are metres that PostGIS computed on the spheroid
 * (ST_Distance, ST_DWithin on geography) and reach us as numbers.  What is
 * here:
 *
 *  - validation of quantities, distances and half-distances;
 *  - the exponential distance decay 2^(-d/h);
 *  - compensated (Neumaier) sums kept as (sum, compensation) pairs of
 *    doubles, which is how the aggregate states are laid out;
 *  - the supply-weighted centroid on the sphere: the weighted mean of the
 *    3-D unit vectors of the points, turned back into longitude/latitude
 *    (the method of PostGIS' own ST_Centroid(geography) for multipoints,
 *    with weights);
 *  - reading a point (or just the type and SRID of any geometry) from
 *    extended WKB, the binary form PostGIS' geography send function
 *    writes, and writing a 2-D point back in that form.
 *
 * Aggregate states are float8 arrays (a SQL type with exact text and binary
 * round trips) with these layouts; each "pair" is (sum, compensation) and
 * its value is sum + compensation:
 *
 *   accessible_supply   [0..1] pair: sum of quantity * 2^(-d/h)
 *   supply_mean_distance [0..1] pair: sum of quantity
 *                        [2..3] pair: sum of quantity * distance
 *   supply_centroid     [0..1] pair: sum of quantity
 *                        [2..7] pairs: sum of quantity * x, * y, * z
 *                        [8]    SRID of the points (0: no point yet)
 */
#ifndef PROXIMITY_H
#define PROXIMITY_H

#include "c.h"

#define PROX_DECAY_STATE_LEN	2
#define PROX_MEAN_STATE_LEN		4
#define PROX_CENTROID_STATE_LEN	9

/*
 * The mean resultant length (|sum of q * unit vector| / sum of q, between
 * 0 and 1) below which a centroid is undefined: the points cancel out (two
 * antipodes, points spread evenly round a great circle).
 */
#define PROX_CENTROID_MIN_RESULTANT 1e-12

typedef enum ProxStatus
{
	PROX_OK = 0,
	PROX_NEGATIVE,				/* a quantity or distance below zero */
	PROX_NOT_FINITE,			/* NaN or infinite */
	PROX_NOT_POSITIVE,			/* a half-distance of zero (or below) */
	PROX_OVERFLOW,				/* a sum or product beyond double */
	PROX_SRID_MISMATCH,			/* points of two SRIDs in one centroid */
	PROX_BAD_STATE,				/* an aggregate state that no aggregate made */
	PROX_BAD_WKB				/* truncated or unknown extended WKB */
} ProxStatus;

/* OGC geometry type codes, as in WKB. */
typedef enum ProxGeomType
{
	PROX_POINT = 1,
	PROX_LINESTRING = 2,
	PROX_POLYGON = 3,
	PROX_MULTIPOINT = 4,
	PROX_MULTILINESTRING = 5,
	PROX_MULTIPOLYGON = 6,
	PROX_GEOMETRYCOLLECTION = 7
} ProxGeomType;

/* What the glue needs to know of a geometry. */
typedef struct ProxGeom
{
	uint32		type;			/* ProxGeomType, or another OGC code */
	int32		srid;			/* 0 when the WKB carries none */
	bool		empty;			/* a point: POINT EMPTY (NaN coordinates) */
	double		x;				/* a point: longitude in degrees */
	double		y;				/* a point: latitude in degrees */
} ProxGeom;

/* Size of the extended WKB of a 2-D point with an SRID. */
#define PROX_WKB_POINT_SIZE 25

/* Checks: finite and >= 0; finite and > 0. */
extern ProxStatus prox_check_nonnegative(double x);
extern ProxStatus prox_check_positive(double x);

/* 2^(-distance / half_distance); arguments already checked. */
extern double prox_decay(double distance, double half_distance);

/* The value of a (sum, compensation) pair. */
static inline double
prox_pair_value(const double *pair)
{
	return pair[0] + pair[1];
}

/* A state read from SQL: every value finite, sums of weights >= 0, SRID an integer. */
extern ProxStatus prox_check_state(const double *state, int len);

/*
 * Adding one row to a state, and merging two states.  On an error status
 * the state may be changed; the caller raises an ERROR and drops it.
 */
extern ProxStatus prox_decay_add(double *state, double quantity, double distance,
								 double half_distance);
extern ProxStatus prox_mean_add(double *state, double quantity, double distance);
extern ProxStatus prox_centroid_add(double *state, double quantity, double lon, double lat,
									int32 srid);
extern ProxStatus prox_pairs_merge(double *state, const double *other, int len);
extern ProxStatus prox_centroid_merge(double *state, const double *other);

/*
 * Results.  prox_mean_result and prox_centroid_result return false when
 * the result is undefined (no weight; for the centroid also points that
 * cancel out).  The centroid's longitude is in [-180, 180], its latitude in
 * [-90, 90]; at a pole the longitude is 0.
 */
extern double prox_decay_result(const double *state);
extern bool prox_mean_result(const double *state, double *mean);
extern bool prox_centroid_result(const double *state, double *lon, double *lat);

/* Unit vector of a longitude/latitude in degrees (exact at multiples of 90). */
extern void prox_unit_vector(double lon, double lat, double v[3]);

/*
 * Reads extended (or ISO) WKB: the type and SRID of any geometry, and the
 * coordinates of a point.  Z and M are read past and ignored.
 */
extern ProxStatus prox_wkb_read(const unsigned char *wkb, size_t len, ProxGeom *g);

/* Writes the extended WKB (little-endian) of POINT(x y) with an SRID. */
extern void prox_wkb_write_point(unsigned char *buf, int32 srid, double x, double y);

/* "POINT", "LINESTRING", ... for an OGC type code; "geometry type <n>" otherwise. */
extern const char *prox_geom_type_name(uint32 type);

#endif							/* PROXIMITY_H */
