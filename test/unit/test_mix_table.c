/*
 * test_mix_table.c — unit tests of the hash table (src/core/mix_table.c: add, set,
 * add_view, weights, shared name areas, flatten), no server.
 *
 * Refused adds leave the table as it was, compensated sums independent of
 * the order, overflow, growth to 100 000 producers, shared name areas, the
 * sort of names, merges, and weighted mixes.
 *
 * Built and run by `make unit` (one program; the harness is harness.h):
 * each test is a function, the last line printed is "N passed, M failed"
 * and the exit code is non-zero when anything failed.
 */
#include "harness.h"

static void
test_table_add_errors(void)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		before,
				after;
	char		long_key[1025];

	memset(long_key, 'x', sizeof(long_key));
	CHECK_ST(mix_table_add(t, "a", 1, 1.5), MIX_OK);
	CHECK_ST(mix_table_add(t, NULL, 0, 2.0), MIX_OK);
	flat_from_table(t, &before);

	CHECK_ST(mix_table_add(t, "a", 1, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "a", 1, INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "a", 1, -INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "new", 3, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, NULL, 0, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, NULL, 0, INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "a", 1, -1.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, "a", 1, -5e-324), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, "new", 3, -1.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, NULL, 0, -1.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, "", 0, 1.0), MIX_EMPTY_KEY);
	CHECK_ST(mix_table_add(t, long_key, 1025, 1.0), MIX_KEY_TOO_LONG);
	CHECK_ST(mix_table_set(t, "a", 1, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_set(t, "a", 1, -2.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_set(t, NULL, 0, -2.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_set(t, NULL, 0, INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_set(t, "", 0, 1.0), MIX_EMPTY_KEY);
	CHECK_ST(mix_table_set(t, long_key, 1025, 1.0), MIX_KEY_TOO_LONG);
	/* -0 is fine and changes nothing */
	CHECK_ST(mix_table_add(t, "a", 1, -0.0), MIX_OK);
	CHECK_ST(mix_table_add(t, NULL, 0, -0.0), MIX_OK);

	CHECK(mix_table_count(t) == 1, "count %u after errors", mix_table_count(t));
	flat_from_table(t, &after);
	CHECK(flat_eq(&before, &after), "table changed by failed adds");
	flat_free(&before);
	flat_free(&after);

	/* a 1024-byte key is fine */
	CHECK_ST(mix_table_add(t, long_key, 1024, 1.0), MIX_OK);
	CHECK(mix_table_count(t) == 2, "count %u", mix_table_count(t));
	mix_table_destroy(t);

	/* -0 into a fresh entry and remainder: stored as +0 */
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add(t, "z", 1, -0.0), MIX_OK);
	CHECK_ST(mix_table_set(t, NULL, 0, -0.0), MIX_OK);
	flat_from_table(t, &after);
	CHECK(after.v.count == 1 && !signbit(after.v.quantity[0]) && !signbit(after.v.remainder),
		  "-0 stored as +0");
	flat_free(&after);
	mix_table_destroy(t);
}

static void
test_table_compensated(void)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;
	double		naive = 0.0;

	for (int i = 0; i < 10; i++)
	{
		CHECK_ST(mix_table_add(t, "a", 1, 0.1), MIX_OK);
		CHECK_ST(mix_table_add(t, NULL, 0, 0.1), MIX_OK);
		naive += 0.1;
	}
	/* the plain sum is 0.9999999999999999: the test means something */
	CHECK(naive != 1.0, "naive sum of ten 0.1 is %.17g", naive);
	CHECK_ST(mix_table_add(t, "b", 1, 1e16), MIX_OK);
	CHECK_ST(mix_table_add(t, "b", 1, 1.0), MIX_OK);
	CHECK_ST(mix_table_add(t, "b", 1, 1.0), MIX_OK);
	flat_from_table(t, &f);
	CHECK_BITS(f.v.quantity[0], 1.0);
	CHECK_BITS(f.v.remainder, 1.0);
	/* 1e16 + 1 rounds back to 1e16 (a tie, to even) in plain sums */
	CHECK_BITS(f.v.quantity[1], 10000000000000002.0);
	flat_free(&f);
	mix_table_destroy(t);
}

/*
 * A sum that fits while adding must fit once flattened: every add below
 * returns MIX_OK, so the flat form must hold finite quantities.
 * DBL_MAX's ulp is 2^971; 2^969 is a quarter of it, so each add leaves the
 * running sum at DBL_MAX and puts 2^969 into the compensation; after three,
 * sum + comp = DBL_MAX + 1.5 * 2^970 rounds to infinity.
 */
static void
test_table_sum_overflow(void)
{
	MixTable   *t;
	Flat		f;
	double		quarter = ldexp(1.0, 969);
	MixStatus	st[4];
	bool		reported;

	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add(t, "a", 1, 1.7e308), MIX_OK);
	CHECK_ST(mix_table_add(t, "a", 1, 1.7e308), MIX_SUM_OVERFLOW);
	mix_table_destroy(t);

	t = mix_table_create(&MEM, 0);
	st[0] = mix_table_add(t, "a", 1, DBL_MAX);
	st[1] = mix_table_add(t, "a", 1, quarter);
	st[2] = mix_table_add(t, "a", 1, quarter);
	st[3] = mix_table_add(t, "a", 1, quarter);
	reported = st[0] == MIX_SUM_OVERFLOW || st[1] == MIX_SUM_OVERFLOW ||
		st[2] == MIX_SUM_OVERFLOW || st[3] == MIX_SUM_OVERFLOW;
	flat_from_table(t, &f);
	CHECK(reported || isfinite(f.v.quantity[0]),
		  "adds of DBL_MAX + 3 x 2^969 returned %s %s %s %s but the flat quantity is %g",
		  st_name(st[0]), st_name(st[1]), st_name(st[2]), st_name(st[3]), f.v.quantity[0]);
	flat_free(&f);
	mix_table_destroy(t);

	/* the same for the remainder */
	t = mix_table_create(&MEM, 0);
	st[0] = mix_table_add(t, NULL, 0, DBL_MAX);
	st[1] = mix_table_add(t, NULL, 0, quarter);
	st[2] = mix_table_add(t, NULL, 0, quarter);
	st[3] = mix_table_add(t, NULL, 0, quarter);
	reported = st[0] == MIX_SUM_OVERFLOW || st[1] == MIX_SUM_OVERFLOW ||
		st[2] == MIX_SUM_OVERFLOW || st[3] == MIX_SUM_OVERFLOW;
	flat_from_table(t, &f);
	CHECK(reported || isfinite(f.v.remainder),
		  "remainder adds of DBL_MAX + 3 x 2^969 returned %s %s %s %s but the flat remainder is %g",
		  st_name(st[0]), st_name(st[1]), st_name(st[2]), st_name(st[3]), f.v.remainder);
	flat_free(&f);
	mix_table_destroy(t);

	/* through the text form: the parse must fail, or print something that parses */
	{
		char		text[256];
		Flat		g,
					h;
		MixParseError err;
		MixStatus	s;

		snprintf(text, sizeof(text), "{\"a\":%.17g,\"a\":%.17g,\"a\":%.17g,\"a\":%.17g}",
				 DBL_MAX, quarter, quarter, quarter);
		s = parse_flat_str(text, &g, &err);
		if (s == MIX_OK)
		{
			size_t		len;
			char	   *out = format_flat(&g, &len);

			s = parse_flat(out, len, &h, &err);
			CHECK(s == MIX_OK, "%s parses, but its text form %s does not (%s)", text, out, st_name(s));
			if (h.buf)
				flat_free(&h);
			free(out);
			flat_free(&g);
		}
		else
			CHECK_ST(s, MIX_SUM_OVERFLOW);
	}
}

/* Fisher-Yates with the test PRNG */
static void
shuffle(int *a, int n)
{
	for (int i = n - 1; i > 0; i--)
	{
		int			j = (int) rng_below((uint32) i + 1);
		int			tmp = a[i];

		a[i] = a[j];
		a[j] = tmp;
	}
}

typedef struct Row
{
	const char *key;			/* NULL: remainder */
	double		q;
} Row;

static void
build_from_rows(const Row *rows, const int *order, int n, Flat *f)
{
	MixTable   *t = mix_table_create(&MEM, 0);

	for (int i = 0; i < n; i++)
	{
		const Row  *r = &rows[order[i]];

		mix_table_add(t, r->key, r->key ? strlen(r->key) : 0, r->q);
	}
	flat_from_table(t, f);
	mix_table_destroy(t);
}

static void
test_table_order_independence(void)
{
	/*
	 * Rows whose plain sums depend on the order: 1e16 with small addends
	 * (each lost alone), 0.1/0.2/0.3 (0.1+0.2+0.3 = 0.6000000000000001 but
	 * 0.3+0.2+0.1 = 0.6).
	 */
	static const Row rows[] = {
		{"x", 1e16}, {"x", 1.0}, {"x", 1.0}, {"x", 0.5}, {"x", 0.25},
		{"y", 0.1}, {"y", 0.2}, {"y", 0.3}, {"y", 0.7}, {"y", 1e-17},
		{NULL, 0.1}, {NULL, 0.2}, {NULL, 0.3},
		{"z", 3.0}, {"w", 1e300}, {"w", 2e284}, {"w", 1.0},
	};
	int			n = (int) lengthof(rows);
	int			order[lengthof(rows)];
	Flat		first,
				other;
	int			differ = 0;
	double		plain_a,
				plain_b;

	/* the orders matter for plain sums */
	plain_a = (0.1 + 0.2) + 0.3;
	plain_b = (0.3 + 0.2) + 0.1;
	CHECK(plain_a != plain_b, "plain sums %.17g %.17g", plain_a, plain_b);

	for (int i = 0; i < n; i++)
		order[i] = i;
	build_from_rows(rows, order, n, &first);
	/* reversed */
	for (int i = 0; i < n; i++)
		order[i] = n - 1 - i;
	build_from_rows(rows, order, n, &other);
	CHECK(flat_eq(&first, &other), "reversed row order gives different bytes");
	flat_free(&other);

	rng_state = 42;
	for (int round = 0; round < 300; round++)
	{
		shuffle(order, n);
		build_from_rows(rows, order, n, &other);
		if (!flat_eq(&first, &other))
			differ++;
		flat_free(&other);
	}
	CHECK(differ == 0, "%d of 300 shuffled row orders give different bytes", differ);
	/* and the values are the exact sums, correctly rounded */
	CHECK(first.v.count == 4, "count %u", first.v.count);
	if (first.v.count == 4)
	{
		/*
		 * w: the ulp of 1e300 is 2^944 = 2.9e284, so 2e284 (more than half
		 * an ulp) rounds 1e300 up by one ulp; the 1 changes nothing.
		 */
		CHECK_BITS(first.v.quantity[0], 1e300 + 2e284);
		CHECK(first.v.quantity[0] != 1e300, "w rounded up");
		/* x: 1e16 + 2.75; doubles there are 2 apart: 1e16 + 2 */
		CHECK_BITS(first.v.quantity[1], 10000000000000002.0);
		/* z */
		CHECK_BITS(first.v.quantity[3], 3.0);
	}
	flat_free(&first);
}

/*
 * Random positive rows, one producer and the remainder, in a random order
 * and its shuffle: the compensated sums agree to the last bit.  (Magnitudes:
 * uniform in [0,1), spread over 2^-60..2^60, and over 1e-30..1e30.)
 */
static void
test_table_order_independence_random(void)
{
	static double q[600];
	static int	order[600];
	int			differ = 0,
				trials = 600;

	rng_state = 4242;
	for (int trial = 0; trial < trials; trial++)
	{
		int			n = 2 + (int) rng_below(trial % 10 == 0 ? 598 : 30);
		int			mode = trial % 3;
		Flat		a,
					b;

		for (int i = 0; i < n; i++)
		{
			double		u = (double) (rng_next() >> 11) / 9007199254740992.0;

			q[i] = mode == 0 ? u :
				mode == 1 ? ldexp(u, (int) rng_below(121) - 60) :
				u * pow(10.0, (double) rng_below(601) / 10.0 - 30.0);
			order[i] = i;
		}
		for (int pass = 0; pass < 2; pass++)
		{
			MixTable   *t = mix_table_create(&MEM, 0);

			if (pass == 1)
				shuffle(order, n);
			for (int i = 0; i < n; i++)
			{
				mix_table_add(t, "p", 1, q[order[i]]);
				mix_table_add(t, NULL, 0, q[order[n - 1 - i]]);
			}
			flat_from_table(t, pass == 0 ? &a : &b);
			mix_table_destroy(t);
		}
		if (!flat_eq(&a, &b))
		{
			if (differ++ == 0)
				CHECK(false, "trial %d (%d rows): %.17g vs %.17g", trial, n, a.v.quantity[0], b.v.quantity[0]);
		}
		flat_free(&a);
		flat_free(&b);
	}
	CHECK(differ == 0, "%d of %d random row sets depend on the order", differ, trials);
}

static void
test_table_growth(void)
{
	const int	N = 100000;
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;
	int			bad_order = 0,
				bad_value = 0,
				bad_find = 0;
	size_t		keybytes = 0;

	/*
	 * Names "p<i>" in decimal without padding, so lengths vary (p0..p99999)
	 * and many are prefixes of others; inserted in a scrambled order
	 * (i * 7919 mod N is a permutation: 7919 is prime and does not divide
	 * 100000).  Quantity of p<i> is i + 0.5, added in two halves for odd i.
	 */
	for (int j = 0; j < N; j++)
	{
		int			i = (int) (((int64) j * 7919) % N);
		char		name[16];
		int			len = snprintf(name, sizeof(name), "p%d", i);

		keybytes += len;
		if (i % 2)
		{
			mix_table_add(t, name, len, i * 0.5);
			mix_table_add(t, name, len, i * 0.5 + 0.5);
		}
		else
			mix_table_add(t, name, len, i + 0.5);
	}
	CHECK(mix_table_count(t) == (uint32) N, "count %u", mix_table_count(t));
	CHECK(mix_table_flat_size(t) == mix_flat_size(N, keybytes, false), "flat size %zu", mix_table_flat_size(t));
	flat_from_table(t, &f);
	CHECK(f.v.count == (uint32) N, "view count %u", f.v.count);
	for (uint32 k = 0; k < f.v.count; k++)
	{
		uint32		len;
		const char *key = mix_view_key(&f.v, k, &len);
		char		name[16];
		int			i;

		if (k > 0)
		{
			uint32		plen;
			const char *prev = mix_view_key(&f.v, k - 1, &plen);

			if (mix_key_cmp(prev, plen, key, len) >= 0)
				bad_order++;
		}
		memcpy(name, key + 1, len - 1);
		name[len - 1] = '\0';
		i = atoi(name);
		if (f.v.quantity[k] != i + 0.5)
			bad_value++;
		if (mix_view_find(&f.v, key, len) != (int64) k)
			bad_find++;
	}
	CHECK(bad_order == 0, "%d names out of order", bad_order);
	CHECK(bad_value == 0, "%d quantities wrong", bad_value);
	CHECK(bad_find == 0, "%d names not found at their index", bad_find);
	/* first names in order: p0, p1, p10, p100, p1000, p10000, p10001 */
	CHECK(view_key_is(&f.v, 0, "p0", 2) && view_key_is(&f.v, 1, "p1", 2) &&
		  view_key_is(&f.v, 2, "p10", 3) && view_key_is(&f.v, 3, "p100", 4) &&
		  view_key_is(&f.v, 4, "p1000", 5) && view_key_is(&f.v, 5, "p10000", 6) &&
		  view_key_is(&f.v, 6, "p10001", 6), "first names");
	CHECK(view_key_is(&f.v, N - 1, "p99999", 6), "last name");
	CHECK(mix_view_find(&f.v, "p100000", 7) == -1 && mix_view_find(&f.v, "p", 1) == -1,
		  "misses in a big view");
	flat_free(&f);
	mix_table_destroy(t);
}

static void
test_table_set(void)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;

	CHECK_ST(mix_table_add(t, "a", 1, 5.0), MIX_OK);
	CHECK_ST(mix_table_add(t, NULL, 0, 1.0), MIX_OK);
	CHECK_ST(mix_table_set(t, "a", 1, 2.0), MIX_OK);	/* replaces */
	CHECK_ST(mix_table_set(t, "b", 1, 3.0), MIX_OK);	/* creates */
	CHECK_ST(mix_table_set(t, NULL, 0, 7.0), MIX_OK);	/* remainder */
	CHECK(mix_table_count(t) == 2, "count %u", mix_table_count(t));
	flat_from_table(t, &f);
	CHECK(f.v.count == 2 && f.v.quantity[0] == 2.0 && f.v.quantity[1] == 3.0 && f.v.remainder == 7.0,
		  "after set: a=%g b=%g rem=%g", f.v.quantity[0], f.v.quantity[1], f.v.remainder);
	flat_free(&f);

	/* set clears the compensation: 0.1 x 10 then set 1e16, then + 1 + 1 */
	for (int i = 0; i < 10; i++)
		mix_table_add(t, "c", 1, 0.1);
	CHECK_ST(mix_table_set(t, "c", 1, 1e16), MIX_OK);
	mix_table_add(t, "c", 1, 1.0);
	mix_table_add(t, "c", 1, 1.0);
	/* set to 0 keeps the producer */
	CHECK_ST(mix_table_set(t, "a", 1, 0.0), MIX_OK);
	CHECK_ST(mix_table_set(t, NULL, 0, 0.0), MIX_OK);
	flat_from_table(t, &f);
	CHECK(f.v.count == 3, "count %u", f.v.count);
	if (f.v.count == 3)
	{
		CHECK_BITS(f.v.quantity[0], 0.0);
		CHECK_BITS(f.v.quantity[2], 10000000000000002.0);
		CHECK_BITS(f.v.remainder, 0.0);
	}
	flat_free(&f);
	mix_table_destroy(t);
}

/* Merges b into a fresh copy of a, returns the flat form. */
static void
merge_flat(const Flat *a, const Flat *b, Flat *out)
{
	MixTable   *t = mix_table_create(&MEM, 0);

	CHECK_ST(mix_table_add_view(t, &a->v), MIX_OK);
	CHECK_ST(mix_table_add_view(t, &b->v), MIX_OK);
	flat_from_table(t, out);
	mix_table_destroy(t);
}

static void
test_table_add_view(void)
{
	Flat		a,
				b,
				ab,
				ba,
				want;
	MixParseError err;
	int			noncomm = 0;

	parse_flat_str("{\"a\":1,\"b\":2,\"\":3}", &a, &err);
	parse_flat_str("{\"b\":5,\"c\":7}", &b, &err);
	parse_flat_str("{\"\":3,\"a\":1,\"b\":7,\"c\":7}", &want, &err);
	merge_flat(&a, &b, &ab);
	merge_flat(&b, &a, &ba);
	CHECK(flat_eq(&ab, &want), "a + b");
	CHECK(flat_eq(&ba, &want), "b + a");
	flat_free(&ab);
	flat_free(&ba);
	/* merging a mix into itself doubles it */
	merge_flat(&a, &a, &ab);
	flat_free(&want);
	parse_flat_str("{\"\":6,\"a\":2,\"b\":4}", &want, &err);
	CHECK(flat_eq(&ab, &want), "a + a");
	flat_free(&ab);
	flat_free(&want);
	flat_free(&a);
	flat_free(&b);

	/* random integer-valued mixes over a small name space: merge commutes */
	rng_state = 7;
	for (int round = 0; round < 100; round++)
	{
		Flat		x[2];

		for (int s = 0; s < 2; s++)
		{
			MixTable   *t = mix_table_create(&MEM, 0);
			int			n = (int) rng_below(30);

			for (int i = 0; i < n; i++)
			{
				char		name[8];
				int			len = snprintf(name, sizeof(name), "k%u", rng_below(40));

				if (rng_below(8) == 0)
					mix_table_add(t, NULL, 0, (double) rng_below(1000000));
				else
					mix_table_add(t, name, len, (double) (rng_next() >> 12));
			}
			flat_from_table(t, &x[s]);
			mix_table_destroy(t);
		}
		merge_flat(&x[0], &x[1], &ab);
		merge_flat(&x[1], &x[0], &ba);
		if (!flat_eq(&ab, &ba))
			noncomm++;
		flat_free(&ab);
		flat_free(&ba);
		flat_free(&x[0]);
		flat_free(&x[1]);
	}
	CHECK(noncomm == 0, "%d of 100 integer merges not commutative", noncomm);
}

/* Weighted mixes: [quantity, weight] per producer (MIX_FLAG_WEIGHTS). */
static void
test_weighted(void)
{
	Flat		f,
				g;
	MixParseError err;
	MixTable   *t;
	Buf			b = {0};
	size_t		eo;

	check_text("{\"CN\": [270000, 5.6], \"\": 1100, \"AU\": [13000, 2.4]}",
			   "{\"\": 1100, \"AU\": [13000, 2.4], \"CN\": [270000, 5.6]}");
	/* the same producer twice with one weight adds up */
	check_text("{\"CN\": [1, 5.6], \"CN\": [2, 5.6]}", "{\"CN\": [3, 5.6]}");
	check_text("{\"CN\": [1, 0], \"AU\": [0, 1e-300]}", "{\"AU\": [0, 1e-300], \"CN\": [1, 0]}");

	CHECK_ST(parse_flat_str("{\"CN\": [270000, 5.6]}", &f, &err), MIX_OK);
	CHECK(f.v.weight != NULL && f.v.weight[0] == 5.6 && f.v.quantity[0] == 270000.0, "weight in the view");
	CHECK(((unsigned char *) f.buf)[5] == MIX_FLAG_WEIGHTS, "flags byte");
	CHECK(f.size == mix_flat_size(1, 2, true), "weighted flat size %zu", f.size);
	/* wire round trip keeps the weights */
	mix_encode_wire(&f.v, NULL, NULL, wire_write, &b);
	CHECK_ST(decode_flat(b.data, b.len, &g, &eo), MIX_OK);
	CHECK(flat_eq(&f, &g), "weighted wire round trip");
	flat_free(&g);
	free(b.data);
	memset(&b, 0, sizeof(b));

	/* merging keeps weights; a different weight is a conflict */
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add_view(t, &f.v), MIX_OK);
	CHECK_ST(mix_table_add_view(t, &f.v), MIX_OK);
	CHECK_ST(mix_table_add_weighted(t, "CN", 2, 1.0, 5.7), MIX_WEIGHT_CONFLICT);
	CHECK_ST(mix_table_add(t, "CN", 2, 1.0), MIX_WEIGHT_MISSING);	/* weighted quantities only */
	CHECK_ST(mix_table_add(t, "AU", 2, 1.0), MIX_WEIGHT_MISSING);	/* new one needs a weight */
	CHECK_ST(mix_table_set(t, "AU", 2, 1.0), MIX_WEIGHT_MISSING);
	CHECK_ST(mix_table_add_weighted(t, NULL, 0, 1.0, 1.0), MIX_WEIGHT_MISSING);
	CHECK_ST(mix_table_add_weighted(t, "AU", 2, 1.0, -1.0), MIX_BAD_WEIGHT);
	CHECK_ST(mix_table_add_weighted(t, "AU", 2, 1.0, NAN), MIX_BAD_WEIGHT);
	CHECK_ST(mix_table_add(t, NULL, 0, 5.0), MIX_OK);	/* the remainder needs none */
	CHECK(mix_table_count(t) == 1 && mix_table_weighted(t), "table after refusals");
	flat_free(&g);
	flat_from_table(t, &g);
	CHECK(g.v.count == 1 && g.v.quantity[0] == 540000.0 && g.v.weight[0] == 5.6 && g.v.remainder == 5.0,
		  "merged weighted mix");
	flat_free(&g);
	mix_table_destroy(t);

	/* an unweighted table with producers refuses a weighted one, and back */
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add(t, "AU", 2, 1.0), MIX_OK);
	CHECK_ST(mix_table_add_weighted(t, "CN", 2, 1.0, 1.0), MIX_WEIGHT_MISSING);
	mix_table_destroy(t);
	CHECK_ST(parse_flat_str("{\"AU\": 1, \"CN\": [1, 2]}", &g, &err), MIX_WEIGHT_MISSING);
	CHECK_ST(parse_flat_str("{\"CN\": [1, 2], \"AU\": 1}", &g, &err), MIX_WEIGHT_MISSING);
	CHECK_ST(parse_flat_str("{\"CN\": [1, 2], \"CN\": [1, 3]}", &g, &err), MIX_WEIGHT_CONFLICT);
	CHECK_ST(parse_flat_str("{\"CN\": [1, -2]}", &g, &err), MIX_BAD_WEIGHT);
	CHECK(err.offset == 11, "bad weight offset %zu", err.offset);
	CHECK_ST(parse_flat_str("{\"\": [1, 2]}", &g, &err), MIX_WEIGHT_MISSING);
	CHECK_ST(parse_flat_str("{\"CN\": [1]}", &g, &err), MIX_SYNTAX);
	CHECK_ST(parse_flat_str("{\"CN\": [1, 2, 3]}", &g, &err), MIX_SYNTAX);
	CHECK_ST(parse_flat_str("{\"CN\": [-1, 2]}", &g, &err), MIX_NEGATIVE);
	flat_free(&f);
}

/*
 * Tables that share one name area (the groups of an aggregate) flatten to
 * the same bytes as tables with their own names fed the same rows: also
 * tables that turn weighted, with weights that differ from table to table.
 */
static void
test_table_shared_names(void)
{
#define NT 6
	MixNames   *nm = mix_names_create(&MEM);
	MixTable   *shared[NT];
	MixTable   *own[NT];
	int			bad_status = 0;

	rng_state = 11;
	for (int k = 0; k < NT; k++)
	{
		shared[k] = mix_table_create_shared(&MEM, 0, nm);
		own[k] = mix_table_create(&MEM, 0);
	}
	for (int r = 0; r < 30000; r++)
	{
		int			k = (int) rng_below(NT);
		uint32		p = (uint32) rng_below(400);
		char		name[64];
		int			len = snprintf(name, sizeof(name),
								   p % 3 ? "producer %u" : "a long name that shares its first bytes %u", p);
		double		q = (double) rng_below(1000) / 8;

		if (k >= NT - 2)
		{
			/* weighted tables: the same producer weighs differently in each */
			double		w = (double) (p % 7 + k);

			bad_status += mix_table_add_weighted(shared[k], name, len, q, w) != MIX_OK;
			bad_status += mix_table_add_weighted(own[k], name, len, q, w) != MIX_OK;
		}
		else if (p % 50 == 0)
		{
			bad_status += mix_table_add(shared[k], NULL, 0, q) != MIX_OK;
			bad_status += mix_table_add(own[k], NULL, 0, q) != MIX_OK;
		}
		else
		{
			bad_status += mix_table_add(shared[k], name, len, q) != MIX_OK;
			bad_status += mix_table_add(own[k], name, len, q) != MIX_OK;
		}
	}
	CHECK(bad_status == 0, "%d adds failed", bad_status);
	for (int k = 0; k < NT; k++)
	{
		Flat		a,
					b;

		CHECK(mix_table_count(shared[k]) == mix_table_count(own[k]) && mix_table_count(own[k]) > 300,
			  "table %d: %u and %u producers", k, mix_table_count(shared[k]), mix_table_count(own[k]));
		CHECK(mix_table_weighted(shared[k]) == (k >= NT - 2), "table %d weighted", k);
		flat_from_table(shared[k], &a);
		flat_from_table(own[k], &b);
		CHECK(flat_eq(&a, &b), "table %d: shared and own names give different mixes", k);
		flat_free(&a);
		flat_free(&b);
		mix_table_destroy(shared[k]);
		mix_table_destroy(own[k]);
	}
	mix_names_destroy(nm);
#undef NT
}

/*
 * The flat form sorts names by their first 16 bytes, then by the rest:
 * names that agree on 8 or 16 bytes, hold zero bytes, or are prefixes of
 * one another still come out in mix_key_cmp order.
 */
static void
test_table_sort_prefixes(void)
{
	static const struct
	{
		const char *s;
		int			len;
	}			names[] = {
		{"abcdefgh", 8}, {"abcdefghijklmnop", 16}, {"abcdefghijklmnopq", 17},
		{"abcdefghijklmnop\0", 17}, {"abcdefghijklmnoo", 16}, {"abcdefgh\0", 9},
		{"abcdefg", 7}, {"abcdefgh\xff", 9}, {"ab\0", 3}, {"ab", 2}, {"ab\0\0", 4},
		{"\xff\xff", 2}, {"abcdefghijklmnop\xff", 17}, {"\0", 1}, {"\0\0\0\0\0\0\0\0\0", 9},
		{"abcdefghijklmnopqrstuvwxyz0123456789a", 37}, {"abcdefghijklmnopqrstuvwxyz0123456789", 36},
		{"abcdefghijklmnopqrstuvwxyz0123456780", 36}, {"abcdefghijklmnop\0\0", 18},
	};
	int			n = (int) lengthof(names);
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;
	int			bad_order = 0;

	for (int i = n - 1; i >= 0; i--)
		CHECK_ST(mix_table_add(t, names[i].s, names[i].len, i + 1.0), MIX_OK);
	flat_from_table(t, &f);
	CHECK(f.v.count == (uint32) n, "count %u", f.v.count);
	for (uint32 k = 1; k < f.v.count; k++)
	{
		uint32		alen,
					blen;
		const char *a = mix_view_key(&f.v, k - 1, &alen);
		const char *b = mix_view_key(&f.v, k, &blen);

		if (mix_key_cmp(a, alen, b, blen) >= 0)
			bad_order++;
	}
	CHECK(bad_order == 0, "%d names out of order", bad_order);
	for (int i = 0; i < n; i++)
	{
		int64		k = mix_view_find(&f.v, names[i].s, names[i].len);

		CHECK(k >= 0 && f.v.quantity[k] == i + 1.0, "name %d", i);
	}
	flat_free(&f);
	mix_table_destroy(t);
}

static const Test tests[] = {
	T(test_table_add_errors),
	T(test_table_compensated),
	T(test_table_sum_overflow),
	T(test_table_order_independence),
	T(test_table_order_independence_random),
	T(test_table_growth),
	T(test_table_shared_names),
	T(test_table_sort_prefixes),
	T(test_table_set),
	T(test_table_add_view),
	T(test_weighted),
};

int
main(int argc, char **argv)
{
	return run_tests(tests, (int) lengthof(tests));
}
