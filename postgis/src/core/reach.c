/*
 * proximity.c — the arithmetic behind mineral_supply_postgis (see
 * reach.h): checks, decay, compensated sums, the weighted centroid on
 * the sphere, and reading/writing extended WKB points.
 */
#include "c.h"

#include <math.h>

#include "neumaier.h"
#include "reach.h"

/* EWKB type flags (PostGIS' extension of OGC WKB). */
#define EWKB_Z_FLAG		0x80000000U
#define EWKB_M_FLAG		0x40000000U
#define EWKB_SRID_FLAG	0x20000000U

ProxStatus
prox_check_nonnegative(double x)
{
	if (isnan(x) || isinf(x))
		return PROX_NOT_FINITE;
	if (x < 0)
		return PROX_NEGATIVE;
	return PROX_OK;
}

ProxStatus
prox_check_positive(double x)
{
	ProxStatus	st = prox_check_nonnegative(x);

	if (st == PROX_OK && x == 0)
		return PROX_NOT_POSITIVE;
	return st;
}

double
prox_decay(double distance, double half_distance)
{
	/* d / h may overflow to +inf for a tiny h: exp2(-inf) is 0, as it should be */
	return exp2(-(distance / half_distance));
}

/* Adds x to the pair at p; false when the sum leaves the doubles. */
static bool
pair_add(double *p, double x)
{
	neumaier_add(&p[0], &p[1], x);
	return isfinite(p[0]) && isfinite(p[1]);
}

ProxStatus
prox_check_state(const double *state, int len)
{
	int			npairs_len = (len == PROX_CENTROID_STATE_LEN) ? len - 1 : len;

	if (len != PROX_DECAY_STATE_LEN && len != PROX_MEAN_STATE_LEN &&
		len != PROX_CENTROID_STATE_LEN)
		return PROX_BAD_STATE;
	for (int i = 0; i < len; i++)
		if (!isfinite(state[i]))
			return PROX_BAD_STATE;
	/* the first pair is a sum of quantities (or of decayed quantities) */
	if (prox_pair_value(state) < 0)
		return PROX_BAD_STATE;
	/* a sum of quantity * distance */
	if (len == PROX_MEAN_STATE_LEN && prox_pair_value(state + 2) < 0)
		return PROX_BAD_STATE;
	if (len == PROX_CENTROID_STATE_LEN)
	{
		double		srid = state[npairs_len];

		if (srid < 0 || srid > PG_INT32_MAX || srid != floor(srid))
			return PROX_BAD_STATE;
	}
	return PROX_OK;
}

ProxStatus
prox_decay_add(double *state, double quantity, double distance, double half_distance)
{
	if (!pair_add(state, quantity * prox_decay(distance, half_distance)))
		return PROX_OVERFLOW;
	return PROX_OK;
}

ProxStatus
prox_mean_add(double *state, double quantity, double distance)
{
	double		qd = quantity * distance;

	if (!isfinite(qd) || !pair_add(state, quantity) || !pair_add(state + 2, qd))
		return PROX_OVERFLOW;
	return PROX_OK;
}

ProxStatus
prox_centroid_add(double *state, double quantity, double lon, double lat, int32 srid)
{
	double		v[3];

	if (srid != 0)
	{
		if (state[8] == 0)
			state[8] = srid;
		else if (state[8] != srid)
			return PROX_SRID_MISMATCH;
	}
	prox_unit_vector(lon, lat, v);
	if (!pair_add(state, quantity))
		return PROX_OVERFLOW;
	for (int i = 0; i < 3; i++)
		if (!pair_add(state + 2 + 2 * i, quantity * v[i]))
			return PROX_OVERFLOW;
	return PROX_OK;
}

ProxStatus
prox_pairs_merge(double *state, const double *other, int len)
{
	for (int i = 0; i + 1 < len; i += 2)
		if (!pair_add(state + i, other[i]) || !pair_add(state + i, other[i + 1]))
			return PROX_OVERFLOW;
	return PROX_OK;
}

ProxStatus
prox_centroid_merge(double *state, const double *other)
{
	if (other[8] != 0)
	{
		if (state[8] == 0)
			state[8] = other[8];
		else if (state[8] != other[8])
			return PROX_SRID_MISMATCH;
	}
	return prox_pairs_merge(state, other, PROX_CENTROID_STATE_LEN - 1);
}

double
prox_decay_result(const double *state)
{
	return prox_pair_value(state);
}

bool
prox_mean_result(const double *state, double *mean)
{
	double		w = prox_pair_value(state);

	if (!(w > 0))
		return false;
	*mean = prox_pair_value(state + 2) / w;
	return true;
}

/*
 * Sine and cosine of an angle in degrees.  The angle is reduced exactly to
 * [-45, 45] degrees and a quadrant first, so that multiples of 90 degrees
 * give exact zeros and ones and points that are exact antipodes cancel
 * exactly (sin(180) is 0, not 1.2e-16).
 */
static void
sincos_degrees(double deg, double *s, double *c)
{
	double		r = remainder(deg, 360.0);	/* exact, in [-180, 180] */
	double		q = nearbyint(r / 90.0);	/* quadrant, -2 .. 2 */
	double		a = (r - 90.0 * q) * (M_PI / 180.0);	/* r - 90 q is exact */
	double		sa = sin(a);
	double		ca = cos(a);

	switch (((int) q) & 3)
	{
		case 0:
			*s = sa;
			*c = ca;
			break;
		case 1:
			*s = ca;
			*c = -sa;
			break;
		case 2:
			*s = -sa;
			*c = -ca;
			break;
		default:
			*s = -ca;
			*c = sa;
			break;
	}
	/* no negative zeros: they would make atan2 pick -180 over 180 */
	*s += 0.0;
	*c += 0.0;
}

/*
 * atan2 in degrees, computed where atan2 is most accurate ([-45, 45]
 * degrees) and moved to its quadrant exactly, so that axis directions
 * give exact multiples of 90.
 */
static double
atan2_degrees(double y, double x)
{
	int			quadrant = 0;
	double		ang;

	if (fabs(y) > fabs(x))
	{
		double		t = x;

		x = y;
		y = t;
		quadrant = 2;
	}
	if (signbit(x))
	{
		x = -x;
		quadrant++;
	}
	ang = atan2(y, x) * (180.0 / M_PI);		/* in [-45, 45] */
	switch (quadrant)
	{
		case 1:
			ang = copysign(180.0, y) - ang;
			break;
		case 2:
			ang = 90.0 - ang;
			break;
		case 3:
			ang = -90.0 + ang;
			break;
		default:
			break;
	}
	return ang;
}

void
prox_unit_vector(double lon, double lat, double v[3])
{
	double		slon,
				clon,
				slat,
				clat;

	sincos_degrees(lon, &slon, &clon);
	sincos_degrees(lat, &slat, &clat);
	v[0] = clat * clon;
	v[1] = clat * slon;
	v[2] = slat;
}

bool
prox_centroid_result(const double *state, double *lon, double *lat)
{
	double		w = prox_pair_value(state);
	double		x,
				y,
				z,
				r,
				h;

	if (!(w > 0))
		return false;
	/* divided by the weight first: components in [-1, 1], no overflow below */
	x = prox_pair_value(state + 2) / w;
	y = prox_pair_value(state + 4) / w;
	z = prox_pair_value(state + 6) / w;
	r = sqrt(x * x + y * y + z * z);
	if (!(r >= PROX_CENTROID_MIN_RESULTANT))
		return false;
	h = hypot(x, y);
	*lat = atan2_degrees(z, h);
	/* at a pole (to about 1e-7 m) the longitude is 0 */
	*lon = (h <= r * 1e-14) ? 0.0 : atan2_degrees(y, x);
	*lat = Max(-90.0, Min(90.0, *lat));
	*lon = Max(-180.0, Min(180.0, *lon));
	return true;
}

static uint32
get_u32(const unsigned char *p, bool little_endian)
{
	if (little_endian)
		return (uint32) p[0] | (uint32) p[1] << 8 | (uint32) p[2] << 16 | (uint32) p[3] << 24;
	return (uint32) p[3] | (uint32) p[2] << 8 | (uint32) p[1] << 16 | (uint32) p[0] << 24;
}

static double
get_f64(const unsigned char *p, bool little_endian)
{
	uint64		bits = 0;
	double		d;

	for (int i = 0; i < 8; i++)
		bits |= (uint64) p[little_endian ? i : 7 - i] << (8 * i);
	memcpy(&d, &bits, sizeof(d));
	return d;
}

static void
put_u32_le(unsigned char *p, uint32 v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char) (v >> (8 * i));
}

static void
put_f64_le(unsigned char *p, double d)
{
	uint64		bits;

	memcpy(&bits, &d, sizeof(bits));
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char) (bits >> (8 * i));
}

ProxStatus
prox_wkb_read(const unsigned char *wkb, size_t len, ProxGeom *g)
{
	bool		little_endian;
	uint32		type,
				base;
	size_t		pos = 5;
	size_t		dims = 2;
	double		x,
				y;

	memset(g, 0, sizeof(*g));
	if (len < 5 || wkb[0] > 1)
		return PROX_BAD_WKB;
	little_endian = (wkb[0] == 1);
	type = get_u32(wkb + 1, little_endian);
	if (type & EWKB_SRID_FLAG)
	{
		if (len < 9)
			return PROX_BAD_WKB;
		g->srid = (int32) get_u32(wkb + 5, little_endian);
		pos = 9;
	}
	if (type & EWKB_Z_FLAG)
		dims++;
	if (type & EWKB_M_FLAG)
		dims++;
	base = type & 0x0FFFFFFFU;
	if (base >= 1000)
	{
		/* ISO WKB: 1000 + type with Z, 2000 + with M, 3000 + with both */
		if (base >= 4000)
			return PROX_BAD_WKB;
		dims += (base / 1000 == 3) ? 2 : 1;
		base %= 1000;
	}
	if (base == 0)
		return PROX_BAD_WKB;
	g->type = base;
	if (base != PROX_POINT)
		return PROX_OK;

	if (len - pos < 8 * dims)
		return PROX_BAD_WKB;
	x = get_f64(wkb + pos, little_endian);
	y = get_f64(wkb + pos + 8, little_endian);
	if (isnan(x) && isnan(y))
	{
		g->empty = true;		/* POINT EMPTY is written with NaN coordinates */
		return PROX_OK;
	}
	if (!isfinite(x) || !isfinite(y))
		return PROX_BAD_WKB;
	g->x = x;
	g->y = y;
	return PROX_OK;
}

void
prox_wkb_write_point(unsigned char *buf, int32 srid, double x, double y)
{
	buf[0] = 1;					/* little-endian (NDR) */
	put_u32_le(buf + 1, PROX_POINT | EWKB_SRID_FLAG);
	put_u32_le(buf + 5, (uint32) srid);
	put_f64_le(buf + 9, x);
	put_f64_le(buf + 17, y);
}

const char *
prox_geom_type_name(uint32 type)
{
	switch (type)
	{
		case PROX_POINT:
			return "POINT";
		case PROX_LINESTRING:
			return "LINESTRING";
		case PROX_POLYGON:
			return "POLYGON";
		case PROX_MULTIPOINT:
			return "MULTIPOINT";
		case PROX_MULTILINESTRING:
			return "MULTILINESTRING";
		case PROX_MULTIPOLYGON:
			return "MULTIPOLYGON";
		case PROX_GEOMETRYCOLLECTION:
			return "GEOMETRYCOLLECTION";
		case 8:
			return "CIRCULARSTRING";
		case 9:
			return "COMPOUNDCURVE";
		case 10:
			return "CURVEPOLYGON";
		case 11:
			return "MULTICURVE";
		case 12:
			return "MULTISURFACE";
		case 15:
			return "POLYHEDRALSURFACE";
		case 16:
			return "TIN";
		case 17:
			return "TRIANGLE";
		default:
			return NULL;
	}
}
