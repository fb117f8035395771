/*
 * measures.c — concentration measures over a flat mix.
 *
 * Sums are compensated and run in canonical (name) order, so a measure of
 * a mix is the same whichever way the mix was built.
 */
#include "c.h"

#include "measures.h"
#include "neumaier.h"

MixStatus
mix_total(const MixView *v, double *total)
{
	double		sum = 0.0,
				comp = 0.0;

	for (uint32 i = 0; i < v->count; i++)
		neumaier_add(&sum, &comp, v->quantity[i]);
	neumaier_add(&sum, &comp, v->remainder);
	*total = sum + comp;
	/* inf, or NaN from inf - inf in the compensation */
	return isfinite(*total) ? MIX_OK : MIX_SUM_OVERFLOW;
}

bool
mix_shares_init(const MixView *v, MixShares *s)
{
	double		sum;

	s->shift = 0;
	if (mix_total(v, &sum) != MIX_OK)
	{
		/* scale by the largest quantity's power of two, then add again */
		double		max = v->remainder,
					comp = 0.0;

		for (uint32 i = 0; i < v->count; i++)
			max = Max(max, v->quantity[i]);
		(void) frexp(max, &s->shift);
		sum = 0.0;
		for (uint32 i = 0; i < v->count; i++)
			neumaier_add(&sum, &comp, ldexp(v->quantity[i], -s->shift));
		neumaier_add(&sum, &comp, ldexp(v->remainder, -s->shift));
		sum += comp;
	}
	s->denom = sum;
	return sum > 0.0;
}

uint32
mix_positive_count(const MixView *v)
{
	uint32		n = 0;

	for (uint32 i = 0; i < v->count; i++)
		n += v->quantity[i] > 0.0;
	return n;
}

double
mix_hhi_lower(const MixView *v, const MixShares *s)
{
	double		sum = 0.0,
				comp = 0.0;

	for (uint32 i = 0; i < v->count; i++)
	{
		double		sh = mix_share(s, v->quantity[i]);

		neumaier_add(&sum, &comp, sh * sh);
	}
	return (sum + comp) * 10000.0;
}

double
mix_hhi_upper(const MixView *v, const MixShares *s)
{
	double		r = mix_share(s, v->remainder);

	return mix_hhi_lower(v, s) + r * r * 10000.0;
}

double
mix_hhi_weighted(const MixView *v, const MixShares *s)
{
	double		sum = 0.0,
				comp = 0.0;

	Assert(v->weight != NULL || v->count == 0);
	for (uint32 i = 0; i < v->count; i++)
	{
		double		sh = mix_share(s, v->quantity[i]);

		neumaier_add(&sum, &comp, sh * sh * v->weight[i]);
	}
	return sum + comp;
}

/* producers for the measures that count the remainder as one */
static uint32
producers_with_remainder(const MixView *v)
{
	return mix_positive_count(v) + (v->remainder > 0.0);
}

bool
mix_hhi_normalized(const MixView *v, const MixShares *s, double *out)
{
	uint32		n = producers_with_remainder(v);
	double		h;

	if (n < 2)
		return false;
	h = mix_hhi_upper(v, s) / 10000.0;
	/* rounding can step an ulp outside [0, 1]; the exact value cannot */
	*out = Min(Max((h - 1.0 / n) / (1.0 - 1.0 / n), 0.0), 1.0);
	return true;
}

static inline void
add_entropy_term(double *sum, double *comp, double share)
{
	if (share > 0.0)
		neumaier_add(sum, comp, -share * log(share));
}

double
mix_entropy(const MixView *v, const MixShares *s)
{
	double		sum = 0.0,
				comp = 0.0;

	for (uint32 i = 0; i < v->count; i++)
		add_entropy_term(&sum, &comp, mix_share(s, v->quantity[i]));
	add_entropy_term(&sum, &comp, mix_share(s, v->remainder));
	/* rounding can leave -0 or a hair below 0 for a single producer */
	return Max(sum + comp, 0.0);
}

bool
mix_entropy_normalized(const MixView *v, const MixShares *s, double *out)
{
	uint32		n = producers_with_remainder(v);

	if (n < 2)
		return false;
	*out = Min(mix_entropy(v, s) / log((double) n), 1.0);
	return true;
}

/* ---- orderings, with PostgreSQL's sort template ------------------------ */

#define ST_SORT sort_doubles
#define ST_ELEMENT_TYPE double
#define ST_COMPARE(a, b) ((*(a) > *(b)) - (*(a) < *(b)))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* rank order: quantity descending, then name ascending (= index order) */
static inline int
rank_cmp(const uint32 *a, const uint32 *b, const MixView *v)
{
	double		qa = v->quantity[*a],
				qb = v->quantity[*b];

	if (qa != qb)
		return qa > qb ? -1 : 1;
	return (*a > *b) - (*a < *b);
}

uint32
mix_rank(const MixView *v, uint32 i)
{
	uint32		rank = 1;

	for (uint32 j = 0; j < v->count; j++)
		if (rank_cmp(&j, &i, v) < 0)
			rank++;
	return rank;
}

#define ST_SORT sort_ranks
#define ST_ELEMENT_TYPE uint32
#define ST_COMPARE_ARG_TYPE const MixView
#define ST_COMPARE(a, b, arg) rank_cmp((a), (b), (arg))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

double
mix_gini(const MixView *v, const MixMemory *mem)
{
	uint32		n = 0;
	double	   *x = mem->alloc(mem->cx, sizeof(double) * ((size_t) v->count + 1));
	double		total = 0.0,
				tcomp = 0.0,
				weighted = 0.0,
				wcomp = 0.0,
				g;
	double		scale = 1.0;

	for (uint32 i = 0; i < v->count; i++)
		if (v->quantity[i] > 0.0)
			x[n++] = v->quantity[i];
	if (v->remainder > 0.0)
		x[n++] = v->remainder;
	if (n == 0)
	{
		mem->release(mem->cx, x);
		return NAN;
	}
	sort_doubles(x, n);
	/* scale into a range where n * total cannot overflow */
	if (x[n - 1] > 1e300)
		scale = ldexp(1.0, -64);
	for (uint32 i = 0; i < n; i++)
	{
		double		q = x[i] * scale;

		neumaier_add(&total, &tcomp, q);
		neumaier_add(&weighted, &wcomp, (double) (i + 1) * q);
	}
	total += tcomp;
	weighted += wcomp;
	g = (2.0 * (weighted / total) - (n + 1)) / n;
	mem->release(mem->cx, x);
	return Max(g, 0.0);
}

uint32
mix_top(const MixView *v, uint32 n, const MixMemory *mem, uint32 *out)
{
	uint32		k = Min(n, v->count);

	if (k == 0)
		return 0;
	if (k <= 64 && k < v->count)
	{
		/* keep the k best in out[], sorted; most producers fail the first test */
		uint32		filled = 0;

		for (uint32 i = 0; i < v->count; i++)
		{
			uint32		j;

			if (filled == k && rank_cmp(&i, &out[k - 1], v) >= 0)
				continue;
			j = filled < k ? filled++ : k - 1;
			while (j > 0 && rank_cmp(&i, &out[j - 1], v) < 0)
			{
				out[j] = out[j - 1];
				j--;
			}
			out[j] = i;
		}
		return k;
	}
	else
	{
		uint32	   *all = mem->alloc(mem->cx, sizeof(uint32) * (size_t) v->count);

		for (uint32 i = 0; i < v->count; i++)
			all[i] = i;
		sort_ranks(all, v->count, v);
		memcpy(out, all, sizeof(uint32) * k);
		mem->release(mem->cx, all);
		return k;
	}
}

double
mix_concentration_ratio(const MixView *v, const MixShares *s, uint32 n,
						const MixMemory *mem)
{
	uint32		k = Min(n, v->count);
	uint32	   *top;
	double		sum = 0.0,
				comp = 0.0;

	if (k == 0)
		return 0.0;
	top = mem->alloc(mem->cx, sizeof(uint32) * k);
	k = mix_top(v, k, mem, top);
	for (uint32 i = 0; i < k; i++)
		neumaier_add(&sum, &comp, mix_share(s, v->quantity[top[i]]));
	mem->release(mem->cx, top);
	/* rounded shares can add up to an ulp above 1; the ratio itself cannot */
	return Min(sum + comp, 1.0);
}
