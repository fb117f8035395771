/*
 * test_measures.c — unit tests of the concentration measures (src/core/measures.c), no server.
 *
 * HHI (bounds with the remainder), CRn, entropy, Gini and their normalised
 * forms on worked examples, degenerate and overflowing mixes, and mix_top
 * against a brute-force ranking.
 *
 * Built and run by `make unit` (one program; the harness is harness.h):
 * each test is a function, the last line printed is "N passed, M failed"
 * and the exit code is non-zero when anything failed.
 */
#include "harness.h"

#include "measures.h"

static void
test_measures_basic(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		x,
				total;

	/* s = (0.6, 0.2, 0.1, 0.1) */
	CHECK_ST(parse_flat_str("{\"a\":6,\"b\":2,\"c\":1,\"d\":1}", &f, &err), MIX_OK);
	if (f.buf == NULL)
		return;
	CHECK(mix_shares_init(&f.v, &s), "shares");
	CHECK(s.shift == 0 && s.denom == 10.0, "shift %d denom %g", s.shift, s.denom);
	CHECK_ST(mix_total(&f.v, &total), MIX_OK);
	CHECK(total == 10.0, "total %g", total);
	CHECK(mix_positive_count(&f.v) == 4, "positive count");
	/* HHI = 10000 (0.36 + 0.04 + 0.01 + 0.01) = 4200 */
	CHECK_NEAR(mix_hhi_lower(&f.v, &s), 4200.0, 1e-9);
	CHECK_NEAR(mix_hhi_upper(&f.v, &s), 4200.0, 1e-9);
	/* effective number of producers 10000 / HHI */
	CHECK_NEAR(10000.0 / mix_hhi_upper(&f.v, &s), 10000.0 / 4200.0, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 1, &MEM), 0.6, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 2, &MEM), 0.8, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 3, &MEM), 0.9, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 4, &MEM), 1.0, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 100, &MEM), 1.0, 1e-12);
	CHECK(mix_concentration_ratio(&f.v, &s, 0, &MEM) == 0.0, "CR0");

	/*
	 * entropy = -(0.6 ln 0.6 + 0.2 ln 0.2 + 2 * 0.1 ln 0.1)
	 *         = 0.30649537425959 + 0.32188758248682 + 0.46051701859881
	 *         = 1.0888999753452238;  / ln 4 = 0.785475...
	 */
	CHECK_NEAR(mix_entropy(&f.v, &s), 1.0888999753452238, 1e-12);
	CHECK(mix_entropy_normalized(&f.v, &s, &x), "normalised entropy defined");
	CHECK_NEAR(x, 0.7855, 5e-5);
	CHECK_NEAR(x, 1.0888999753452238 / log(4.0), 1e-12);
	/*
	 * Gini over 1,1,2,6: sum i x_(i) = 1 + 2 + 6 + 24 = 33, total 10,
	 * G = (2 * 33/10 - 5) / 4 = 0.4
	 */
	CHECK_NEAR(mix_gini(&f.v, &MEM), 0.4, 1e-12);
	/* (0.42 - 1/4) / (1 - 1/4) = 0.17 / 0.75 = 0.226666... */
	CHECK(mix_hhi_normalized(&f.v, &s, &x), "normalised HHI defined");
	CHECK_NEAR(x, 0.17 / 0.75, 1e-12);
	CHECK_NEAR(x, 0.22667, 5e-6);
	flat_free(&f);

	/* the same in another scale and order gives the same shares */
	CHECK_ST(parse_flat_str("{\"d\":1e-300,\"c\":1e-300,\"b\":2e-300,\"a\":6e-300}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "tiny shares");
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 4200.0, 1e-9);
		CHECK_NEAR(mix_gini(&f.v, &MEM), 0.4, 1e-12);
		flat_free(&f);
	}
}

static void
test_measures_remainder(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		x;

	CHECK_ST(parse_flat_str("{\"a\":6,\"b\":2,\"\":2}", &f, &err), MIX_OK);
	if (f.buf == NULL)
		return;
	CHECK(mix_shares_init(&f.v, &s), "shares");
	/* lower: the remainder adds nothing: 10000 (0.36 + 0.04) = 4000 */
	CHECK_NEAR(mix_hhi_lower(&f.v, &s), 4000.0, 1e-9);
	/* upper: the remainder as one producer: 4000 + 10000 * 0.04 = 4400 */
	CHECK_NEAR(mix_hhi_upper(&f.v, &s), 4400.0, 1e-9);
	/* normalised HHI counts the remainder as one: n = 3, (0.44 - 1/3) / (2/3) = 0.16 */
	CHECK(mix_hhi_normalized(&f.v, &s, &x), "normalised HHI defined");
	CHECK_NEAR(x, 0.16, 1e-12);
	/* entropy -(0.6 ln 0.6 + 2 * 0.2 ln 0.2) = 0.9502705392332347; / ln 3 */
	CHECK_NEAR(mix_entropy(&f.v, &s), 0.9502705392332347, 1e-12);
	CHECK(mix_entropy_normalized(&f.v, &s, &x), "normalised entropy defined");
	CHECK_NEAR(x, 0.9502705392332347 / log(3.0), 1e-12);
	/* Gini over 2,2,6: sum i x_(i) = 2 + 4 + 18 = 24, G = (2 * 2.4 - 4) / 3 = 0.2666... */
	CHECK_NEAR(mix_gini(&f.v, &MEM), 0.8 / 3.0, 1e-12);
	/* CRn counts named producers only */
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 1, &MEM), 0.6, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 3, &MEM), 0.8, 1e-12);
	CHECK(mix_positive_count(&f.v) == 2, "positive count");
	flat_free(&f);

	/* zero producers do not count */
	CHECK_ST(parse_flat_str("{\"a\":6,\"b\":2,\"c\":0,\"\":0}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK(mix_positive_count(&f.v) == 2, "positive count with a zero");
		/* shares 0.75, 0.25, n = 2: H = 0.625, (0.625 - 0.5) / 0.5 = 0.25 */
		CHECK(mix_hhi_normalized(&f.v, &s, &x), "normalised HHI");
		CHECK_NEAR(x, 0.25, 1e-12);
		/* Gini over 2,6: (2 (2 + 12)/8 - 3) / 2 = 0.25 */
		CHECK_NEAR(mix_gini(&f.v, &MEM), 0.25, 1e-12);
		flat_free(&f);
	}
}

static void
test_measures_degenerate(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		x,
				total;

	/* total zero */
	static const char *const zeros[] = {"{}", "{\"a\":0}", "{\"a\":0,\"b\":0,\"\":0}"};

	for (int i = 0; i < (int) lengthof(zeros); i++)
	{
		CHECK_ST(parse_flat_str(zeros[i], &f, &err), MIX_OK);
		if (f.buf == NULL)
			continue;
		CHECK(!mix_shares_init(&f.v, &s), "%s: shares undefined", zeros[i]);
		CHECK(mix_total(&f.v, &total) == MIX_OK && total == 0.0, "%s: total 0", zeros[i]);
		CHECK(isnan(mix_gini(&f.v, &MEM)), "%s: Gini undefined", zeros[i]);
		flat_free(&f);
	}

	/* a single producer */
	CHECK_ST(parse_flat_str("{\"a\":5}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK(mix_hhi_lower(&f.v, &s) == 10000.0 && mix_hhi_upper(&f.v, &s) == 10000.0, "HHI 10000");
		CHECK(mix_entropy(&f.v, &s) == 0.0 && !signbit(mix_entropy(&f.v, &s)), "entropy 0");
		CHECK(mix_gini(&f.v, &MEM) == 0.0, "Gini 0");
		CHECK(!mix_hhi_normalized(&f.v, &s, &x), "normalised HHI undefined");
		CHECK(!mix_entropy_normalized(&f.v, &s, &x), "normalised entropy undefined");
		CHECK(mix_concentration_ratio(&f.v, &s, 1, &MEM) == 1.0, "CR1 1");
		flat_free(&f);
	}
	/* one producer and zeros */
	CHECK_ST(parse_flat_str("{\"a\":0,\"b\":3,\"c\":0}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK_NEAR(mix_hhi_upper(&f.v, &s), 10000.0, 0);
		CHECK(!mix_hhi_normalized(&f.v, &s, &x), "normalised HHI undefined");
		CHECK(mix_gini(&f.v, &MEM) == 0.0, "Gini 0");
		flat_free(&f);
	}
	/* only a remainder */
	CHECK_ST(parse_flat_str("{\"\":5}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK(mix_hhi_lower(&f.v, &s) == 0.0, "lower 0");
		CHECK(mix_hhi_upper(&f.v, &s) == 10000.0, "upper 10000");
		CHECK(!mix_hhi_normalized(&f.v, &s, &x), "normalised HHI undefined");
		CHECK(mix_concentration_ratio(&f.v, &s, 3, &MEM) == 0.0, "CR3 0");
		CHECK(mix_gini(&f.v, &MEM) == 0.0, "Gini 0");
		flat_free(&f);
	}
}

static void
test_measures_overflowing_total(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		total;

	/* 1.7e308 + 1.7e308 overflows float8; the shares are still 1/2 each */
	CHECK_ST(parse_flat_str("{\"a\":1.7e308,\"b\":1.7e308}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK_ST(mix_total(&f.v, &total), MIX_SUM_OVERFLOW);
		CHECK(mix_shares_init(&f.v, &s), "shares defined");
		CHECK(s.shift != 0, "scaled (shift %d)", s.shift);
		CHECK_BITS(mix_share(&s, f.v.quantity[0]), 0.5);
		CHECK_BITS(mix_share(&s, f.v.quantity[1]), 0.5);
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 5000.0, 1e-9);
		CHECK_NEAR(mix_hhi_upper(&f.v, &s), 5000.0, 1e-9);
		CHECK_NEAR(mix_entropy(&f.v, &s), log(2.0), 1e-12);
		CHECK_NEAR(mix_gini(&f.v, &MEM), 0.0, 1e-12);
		CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 1, &MEM), 0.5, 1e-12);
		flat_free(&f);
	}
	/* with the remainder among the big ones: 1e308 x 3 + remainder 1e308 -> 1/4 each */
	CHECK_ST(parse_flat_str("{\"a\":1e308,\"b\":1e308,\"c\":1e308,\"\":1e308}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK_ST(mix_total(&f.v, &total), MIX_SUM_OVERFLOW);
		CHECK(mix_shares_init(&f.v, &s), "shares defined");
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 3 * 625.0, 1e-9);
		CHECK_NEAR(mix_hhi_upper(&f.v, &s), 2500.0, 1e-9);
		CHECK_NEAR(mix_entropy(&f.v, &s), log(4.0), 1e-12);
		CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 2, &MEM), 0.5, 1e-12);
		flat_free(&f);
	}
	/* the largest finite total is not an overflow */
	CHECK_ST(parse_flat_str("{\"a\":8.988465674311579e307,\"b\":8.988465674311579e307}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK_ST(mix_total(&f.v, &total), MIX_OK);
		CHECK(mix_shares_init(&f.v, &s) && s.shift == 0, "no scaling needed");
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 5000.0, 1e-9);
		flat_free(&f);
	}
}

/* brute force rank order: quantity descending, then name ascending */
static const MixView *rank_view;

static int
brute_cmp(const void *a, const void *b)
{
	uint32		ia = *(const uint32 *) a,
				ib = *(const uint32 *) b;
	double		qa = rank_view->quantity[ia],
				qb = rank_view->quantity[ib];
	uint32		la,
				lb;
	const char *ka,
			   *kb;

	if (qa > qb)
		return -1;
	if (qa < qb)
		return 1;
	ka = mix_view_key(rank_view, ia, &la);
	kb = mix_view_key(rank_view, ib, &lb);
	return mix_key_cmp(ka, la, kb, lb);
}

static void
check_top_against_brute(const Flat *f, const uint32 *ks, int nks, const char *label)
{
	uint32		count = f->v.count;
	uint32	   *brute = xmalloc(sizeof(uint32) * (count + 1));
	uint32	   *out = xmalloc(sizeof(uint32) * (count + 300));

	for (uint32 i = 0; i < count; i++)
		brute[i] = i;
	rank_view = &f->v;
	qsort(brute, count, sizeof(uint32), brute_cmp);
	for (int j = 0; j < nks; j++)
	{
		uint32		k = ks[j];
		uint32		want = Min(k, count);
		uint32		got;

		memset(out, 0xff, sizeof(uint32) * (count + 300));
		got = mix_top(&f->v, k, &MEM, out);
		CHECK(got == want && memcmp(out, brute, sizeof(uint32) * want) == 0,
			  "%s: mix_top(k=%u) over %u producers: returned %u, expected %u%s", label, k, count, got, want,
			  got == want ? ", order differs" : "");
		/* nothing written beyond the k returned */
		CHECK(want == count || out[want] == 0xffffffff, "%s: k=%u wrote beyond its result", label, k);
	}
	free(out);
	free(brute);
}

static void
test_measures_top(void)
{
	Flat		f;
	MixTable   *t;
	static const uint32 ks[] = {0, 1, 2, 3, 10, 20, 63, 64, 65, 100, 199, 200, 201, 1000};

	/*
	 * 200 producers, quantities (i * 37) mod 10 for producer i (scrambled
	 * against the names; 20 producers per value, including 20 zeros), names
	 * of varying length so name order is not index-insertion order.
	 */
	t = mix_table_create(&MEM, 0);
	for (int i = 0; i < 200; i++)
	{
		char		name[16];
		int			len = snprintf(name, sizeof(name), "%c%d", 'a' + (i * 7) % 26, i);

		mix_table_add(t, name, len, (double) ((i * 37) % 10));
	}
	mix_table_add(t, NULL, 0, 1000.0);	/* the remainder never ranks */
	flat_from_table(t, &f);
	mix_table_destroy(t);
	check_top_against_brute(&f, ks, (int) lengthof(ks), "200 with ties");
	flat_free(&f);

	/* random quantities from a small set, random names */
	rng_state = 99;
	t = mix_table_create(&MEM, 0);
	for (int i = 0; i < 300; i++)
	{
		char		name[8];
		int			len = 1 + (int) rng_below(4);

		for (int c = 0; c < len; c++)
			name[c] = "abc\xe9"[rng_below(4)];
		mix_table_set(t, name, len, (double) rng_below(6) * 0.25);
	}
	flat_from_table(t, &f);
	mix_table_destroy(t);
	check_top_against_brute(&f, ks, (int) lengthof(ks), "random small set");
	/* each k from 0 to count + 1 */
	{
		uint32	   *all = xmalloc(sizeof(uint32) * (f.v.count + 2));

		for (uint32 k = 0; k <= f.v.count + 1; k++)
			all[k] = k;
		check_top_against_brute(&f, all, (int) f.v.count + 2, "every k");
		free(all);
	}
	flat_free(&f);

	/* tiny mixes: k == count, k > count, on the sort path */
	{
		MixParseError err;
		static const uint32 small_ks[] = {0, 1, 2, 3, 4, 70};

		CHECK_ST(parse_flat_str("{\"b\":2,\"a\":2,\"c\":5}", &f, &err), MIX_OK);
		check_top_against_brute(&f, small_ks, (int) lengthof(small_ks), "three");
		flat_free(&f);
		CHECK_ST(parse_flat_str("{\"\":2}", &f, &err), MIX_OK);
		check_top_against_brute(&f, small_ks, (int) lengthof(small_ks), "none");
		flat_free(&f);
	}
}

static const Test tests[] = {
	T(test_measures_basic),
	T(test_measures_remainder),
	T(test_measures_degenerate),
	T(test_measures_overflowing_total),
	T(test_measures_top),
};

int
main(int argc, char **argv)
{
	return run_tests(tests, (int) lengthof(tests));
}
