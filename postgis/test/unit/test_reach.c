/*
 * test_reach.c — unit tests of the PostGIS wing's core
 * (postgis/src/core/reach.c), no server, no PostGIS.
 *
 * Built and run by `make unit`, with the harness of the core's tests
 * (test/unit/harness.h, without the mix core): CHECK() records a pass or a
 * failure, each test is a function, the last line printed is
 * "N passed, M failed" and the exit code is non-zero when anything failed.
 */
#define HARNESS_NO_MIX
#include "harness.h"

#include "reach.h"

static bool
close_to(double a, double b, double tol)
{
	return fabs(a - b) <= tol;
}

/* A deterministic generator (xorshift64*), so failures reproduce. */
static uint64 rnd_state = 88172645463325252ULL;

static double
rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (double) ((rnd_state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* ---- checks and decay ---------------------------------------------------- */

static void
test_checks(void)
{
	CHECK(prox_check_nonnegative(0) == PROX_OK, "0");
	CHECK(prox_check_nonnegative(-0.0) == PROX_OK, "-0");
	CHECK(prox_check_nonnegative(DBL_MAX) == PROX_OK, "DBL_MAX");
	CHECK(prox_check_nonnegative(-1e-300) == PROX_NEGATIVE, "tiny negative");
	CHECK(prox_check_nonnegative(NAN) == PROX_NOT_FINITE, "NaN");
	CHECK(prox_check_nonnegative(INFINITY) == PROX_NOT_FINITE, "inf");
	CHECK(prox_check_nonnegative(-INFINITY) == PROX_NOT_FINITE, "-inf");
	CHECK(prox_check_positive(0) == PROX_NOT_POSITIVE, "0 is not positive");
	CHECK(prox_check_positive(-0.0) == PROX_NOT_POSITIVE, "-0 is not positive");
	CHECK(prox_check_positive(5e-324) == PROX_OK, "denormal is positive");
	CHECK(prox_check_positive(-2) == PROX_NEGATIVE, "-2");
}

static void
test_decay(void)
{
	CHECK(prox_decay(0, 1000) == 1.0, "at the source");
	CHECK(prox_decay(1000, 1000) == 0.5, "at the half-distance");
	CHECK(prox_decay(3000, 1000) == 0.125, "three half-distances");
	CHECK(prox_decay(1e7, 5e-324) == 0.0, "d/h overflows: 0");
	CHECK(close_to(prox_decay(1234.5, 678.9), pow(2, -1234.5 / 678.9), 1e-15), "against pow");
}

/* ---- sums --------------------------------------------------------------- */

static void
test_decay_sum(void)
{
	double		s[PROX_DECAY_STATE_LEN] = {0, 0};

	CHECK(prox_decay_add(s, 10, 0, 100) == PROX_OK, "add");
	CHECK(prox_decay_add(s, 10, 100, 100) == PROX_OK, "add");
	CHECK(prox_decay_add(s, 10, 200, 100) == PROX_OK, "add");
	CHECK(prox_decay_result(s) == 17.5, "10 + 5 + 2.5, got %.17g", prox_decay_result(s));
	CHECK(prox_check_state(s, PROX_DECAY_STATE_LEN) == PROX_OK, "state ok");

	/* compensation: 1 + many tiny values that a plain sum drops */
	{
		double		t[2] = {0, 0};

		prox_decay_add(t, 1, 0, 1);
		for (int i = 0; i < 1000; i++)
			prox_decay_add(t, 1e-16, 0, 1);
		CHECK(close_to(prox_decay_result(t), 1 + 1e-13, 1e-28), "compensated: %.17g",
			  prox_decay_result(t));
	}
	/* overflow */
	{
		double		t[2] = {0, 0};

		CHECK(prox_decay_add(t, DBL_MAX, 0, 1) == PROX_OK, "max");
		CHECK(prox_decay_add(t, DBL_MAX, 0, 1) == PROX_OVERFLOW, "overflow");
	}
}

static void
test_mean(void)
{
	double		s[PROX_MEAN_STATE_LEN] = {0, 0, 0, 0};
	double		m;

	CHECK(!prox_mean_result(s, &m), "no rows: undefined");
	CHECK(prox_mean_add(s, 0, 500) == PROX_OK, "zero quantity");
	CHECK(!prox_mean_result(s, &m), "zero quantities: undefined");
	prox_mean_add(s, 3, 100);
	prox_mean_add(s, 1, 500);
	CHECK(prox_mean_result(s, &m) && m == 200, "(300 + 500) / 4, got %.17g", m);
	CHECK(prox_mean_add(s, 1e300, 1e300) == PROX_OVERFLOW, "q * d overflows");
}

/* Merging partial states gives the sums of the whole, in any split. */
static void
test_merge_order(void)
{
	double		whole[PROX_MEAN_STATE_LEN] = {0, 0, 0, 0};
	double		parts[4][PROX_MEAN_STATE_LEN] = {{0}};
	double		merged[PROX_MEAN_STATE_LEN] = {0, 0, 0, 0};
	double		m1,
				m2;

	for (int i = 0; i < 10000; i++)
	{
		double		q = rnd() * 1000;
		double		d = rnd() * 2e7;

		prox_mean_add(whole, q, d);
		prox_mean_add(parts[i % 4], q, d);
	}
	for (int k = 3; k >= 0; k--)
		CHECK(prox_pairs_merge(merged, parts[k], PROX_MEAN_STATE_LEN) == PROX_OK, "merge");
	prox_mean_result(whole, &m1);
	prox_mean_result(merged, &m2);
	CHECK(fabs(m1 - m2) <= 1e-15 * m1, "serial %.17g vs merged %.17g", m1, m2);
}

/* ---- the centroid -------------------------------------------------------- */

static void
test_unit_vector(void)
{
	double		v[3];

	prox_unit_vector(0, 0, v);
	CHECK(v[0] == 1 && v[1] == 0 && v[2] == 0, "(0, 0)");
	prox_unit_vector(90, 0, v);
	CHECK(v[0] == 0 && v[1] == 1 && v[2] == 0, "(90, 0) exact: %.17g %.17g %.17g", v[0], v[1], v[2]);
	prox_unit_vector(180, 0, v);
	CHECK(v[0] == -1 && v[1] == 0 && v[2] == 0, "(180, 0) exact");
	prox_unit_vector(-180, 0, v);
	CHECK(v[0] == -1 && v[1] == 0, "(-180, 0) exact");
	prox_unit_vector(17, 90, v);
	CHECK(v[0] == 0 && v[1] == 0 && v[2] == 1, "north pole exact");
	prox_unit_vector(540, 0, v);
	CHECK(v[0] == -1 && v[1] == 0, "540 = 180");
	for (int i = 0; i < 1000; i++)
	{
		double		lon = rnd() * 360 - 180;
		double		lat = rnd() * 180 - 90;

		prox_unit_vector(lon, lat, v);
		CHECK(close_to(sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]), 1, 1e-15), "unit length");
		CHECK(close_to(v[0], cos(lat * M_PI / 180) * cos(lon * M_PI / 180), 1e-15) &&
			  close_to(v[2], sin(lat * M_PI / 180), 1e-15), "against sin/cos at (%g, %g)", lon, lat);
	}
}

static double
centroid_of(int n, const double *lon, const double *lat, const double *w, double *clon, double *clat)
{
	double		s[PROX_CENTROID_STATE_LEN] = {0};

	for (int i = 0; i < n; i++)
		if (prox_centroid_add(s, w[i], lon[i], lat[i], 4326) != PROX_OK)
			return -1;
	return prox_centroid_result(s, clon, clat) ? 1 : 0;
}

static void
test_centroid(void)
{
	double		lon,
				lat;

	{
		double		xs[] = {0, 90},
					ys[] = {0, 0},
					ws[] = {3, 1};

		CHECK(centroid_of(2, xs, ys, ws, &lon, &lat) == 1, "defined");
		CHECK(close_to(lon, atan2(1, 3) * 180 / M_PI, 1e-12) && lat == 0, "3:1 -> %.17g %.17g", lon, lat);
	}
	{
		double		xs[] = {179, -179},
					ys[] = {10, 10},
					ws[] = {1, 1};

		CHECK(centroid_of(2, xs, ys, ws, &lon, &lat) == 1, "defined");
		CHECK(lon == 180, "antimeridian: lon %.17g", lon);
		CHECK(close_to(lat, atan2(sin(10 * M_PI / 180), cos(10 * M_PI / 180) * cos(M_PI / 180)) * 180 / M_PI, 1e-12),
			  "antimeridian: lat %.17g", lat);
	}
	{
		double		xs[] = {0, 90, 180, -90},
					ys[] = {80, 80, 80, 80},
					ws[] = {1, 1, 1, 1};

		CHECK(centroid_of(4, xs, ys, ws, &lon, &lat) == 1, "defined");
		CHECK(lon == 0 && lat == 90, "pole: %.17g %.17g", lon, lat);
	}
	{
		double		xs[] = {30, -150},
					ys[] = {10, -10},
					ws[] = {2, 2};

		CHECK(centroid_of(2, xs, ys, ws, &lon, &lat) == 0, "antipodes cancel");
	}
	{
		double		xs[] = {0, 0},
					ys[] = {90, -90},
					ws[] = {1, 1};

		CHECK(centroid_of(2, xs, ys, ws, &lon, &lat) == 0, "poles cancel");
	}
	{
		double		xs[] = {10, 20},
					ys[] = {20, 30},
					ws[] = {0, 0};

		CHECK(centroid_of(2, xs, ys, ws, &lon, &lat) == 0, "zero weights");
	}
	{
		double		xs[] = {82.62857},
					ys[] = {49.98608},
					ws[] = {1e-300};

		CHECK(centroid_of(1, xs, ys, ws, &lon, &lat) == 1, "tiny weight");
		CHECK(close_to(lon, 82.62857, 1e-12) && close_to(lat, 49.98608, 1e-12), "own point: %.17g %.17g",
			  lon, lat);
	}
	{
		double		xs[] = {1, 2},
					ys[] = {1, 2},
					ws[] = {DBL_MAX, DBL_MAX};

		CHECK(centroid_of(2, xs, ys, ws, &lon, &lat) == -1, "weights overflow");
	}
}

static void
test_centroid_srid(void)
{
	double		a[PROX_CENTROID_STATE_LEN] = {0};
	double		b[PROX_CENTROID_STATE_LEN] = {0};
	double		empty[PROX_CENTROID_STATE_LEN] = {0};

	CHECK(prox_centroid_add(a, 1, 0, 0, 4326) == PROX_OK, "first SRID");
	CHECK(a[8] == 4326, "SRID kept");
	CHECK(prox_centroid_add(a, 1, 1, 1, 4269) == PROX_SRID_MISMATCH, "second SRID");
	CHECK(prox_centroid_add(b, 1, 0, 0, 4269) == PROX_OK, "b");
	CHECK(prox_centroid_merge(a, b) == PROX_SRID_MISMATCH, "merge of two SRIDs");
	CHECK(prox_centroid_merge(empty, a) == PROX_OK && empty[8] == 4326, "empty takes the SRID");
	CHECK(prox_centroid_merge(a, (double[PROX_CENTROID_STATE_LEN]) {0}) == PROX_OK, "merge with empty");
}

/* ---- states ------------------------------------------------------------- */

static void
test_state_check(void)
{
	double		ok9[9] = {1, 0, 1, 0, 0, 0, 0, 0, 4326};
	double		frac[9] = {1, 0, 1, 0, 0, 0, 0, 0, 4326.5};
	double		neg[9] = {1, 0, 1, 0, 0, 0, 0, 0, -1};
	double		nan2[2] = {NAN, 0};
	double		neg2[2] = {-1, 0};
	double		neg4[4] = {1, 0, -5, 0};

	CHECK(prox_check_state(ok9, 9) == PROX_OK, "centroid state");
	CHECK(prox_check_state(frac, 9) == PROX_BAD_STATE, "fractional SRID");
	CHECK(prox_check_state(neg, 9) == PROX_BAD_STATE, "negative SRID");
	CHECK(prox_check_state(nan2, 2) == PROX_BAD_STATE, "NaN");
	CHECK(prox_check_state(neg2, 2) == PROX_BAD_STATE, "negative sum");
	CHECK(prox_check_state(neg4, 4) == PROX_BAD_STATE, "negative q*d sum");
	CHECK(prox_check_state(ok9, 3) == PROX_BAD_STATE, "unknown length");
}

/* ---- extended WKB ------------------------------------------------------- */

static int
unhex(const char *hex, unsigned char *out)
{
	int			n = 0;

	for (; hex[0] && hex[1]; hex += 2)
	{
		unsigned int b;

		sscanf(hex, "%2x", &b);
		out[n++] = (unsigned char) b;
	}
	return n;
}

static void
test_wkb(void)
{
	unsigned char buf[128];
	ProxGeom	g;
	int			n;

	/* what geography_send writes for SRID=4326;POINT(1 2) */
	n = unhex("0101000020e6100000000000000000f03f0000000000000040", buf);
	CHECK(prox_wkb_read(buf, n, &g) == PROX_OK, "point");
	CHECK(g.type == PROX_POINT && g.srid == 4326 && g.x == 1 && g.y == 2 && !g.empty, "POINT(1 2)");
	/* SRID=4269;POINT(1 2 3): Z read past */
	n = unhex("01010000a0ad100000000000000000f03f00000000000000400000000000000840", buf);
	CHECK(prox_wkb_read(buf, n, &g) == PROX_OK && g.srid == 4269 && g.x == 1 && g.y == 2, "POINT Z");
	CHECK(prox_wkb_read(buf, n - 1, &g) == PROX_BAD_WKB, "POINT Z truncated");
	/* POINT EMPTY */
	n = unhex("0101000020e6100000000000000000f87f000000000000f87f", buf);
	CHECK(prox_wkb_read(buf, n, &g) == PROX_OK && g.empty, "POINT EMPTY");
	/* LINESTRING: type only */
	n = unhex("0102000020e61000000200000000000000000000000000000000000000000000000000f03f000000000000f03f", buf);
	CHECK(prox_wkb_read(buf, n, &g) == PROX_OK && g.type == PROX_LINESTRING && g.srid == 4326, "LINESTRING");
	/* big-endian, ISO WKB POINT Z (1001) without SRID */
	n = unhex("00000003e93ff000000000000040000000000000004008000000000000", buf);
	CHECK(prox_wkb_read(buf, n, &g) == PROX_OK && g.type == PROX_POINT && g.srid == 0 && g.x == 1 && g.y == 2,
		  "XDR ISO POINT Z");
	/* malformed */
	CHECK(prox_wkb_read(buf, 3, &g) == PROX_BAD_WKB, "too short");
	buf[0] = 7;
	CHECK(prox_wkb_read(buf, n, &g) == PROX_BAD_WKB, "bad byte order");
	n = unhex("0101000000000000000000f07f0000000000000000", buf);
	CHECK(prox_wkb_read(buf, n, &g) == PROX_BAD_WKB, "infinite coordinate");

	/* round trip of the writer */
	prox_wkb_write_point(buf, 4326, -117.5, 37.25);
	CHECK(prox_wkb_read(buf, PROX_WKB_POINT_SIZE, &g) == PROX_OK && g.srid == 4326 && g.x == -117.5 &&
		  g.y == 37.25, "write/read");
	n = unhex("0101000020e6100000000000000000f03f0000000000000040", buf + 64);
	prox_wkb_write_point(buf, 4326, 1, 2);
	CHECK(memcmp(buf, buf + 64, PROX_WKB_POINT_SIZE) == 0, "writes what PostGIS writes");

	CHECK(strcmp(prox_geom_type_name(PROX_MULTIPOINT), "MULTIPOINT") == 0, "type names");
	CHECK(prox_geom_type_name(99) == NULL, "unknown type name");
}

/* ---- main --------------------------------------------------------------- */

static const Test tests[] = {
	T(test_checks),
	T(test_decay),
	T(test_decay_sum),
	T(test_mean),
	T(test_merge_order),
	T(test_unit_vector),
	T(test_centroid),
	T(test_centroid_srid),
	T(test_state_check),
	T(test_wkb),
};

int
main(int argc, char **argv)
{
	return run_tests(tests, (int) lengthof(tests));
}
