/*
 * measures.h — concentration measures over a flat mix (MixView).
 *
 * Shares are of the complete total: named producers plus the remainder.
 * Where a measure needs the remainder's shape it says which convention it
 * takes: "lower" treats the remainder as split infinitely fine (it adds
 * nothing), "as one producer" treats it as a single supplier.
 */
#ifndef MEASURES_H
#define MEASURES_H

#include <math.h>

#include "mix.h"

/*
 * Turns quantities into shares.  share = ldexp(q, -shift) / denom: shift is
 * 0 unless the plain total overflows float8, in which case every quantity
 * is scaled down by the same power of two first (exactly).
 */
typedef struct MixShares
{
	double		denom;
	int			shift;
} MixShares;

/* false when the total is zero (every measure is then undefined). */
extern bool mix_shares_init(const MixView *v, MixShares *s);

static inline double
mix_share(const MixShares *s, double q)
{
	return (s->shift != 0 ? ldexp(q, -s->shift) : q) / s->denom;
}

/* Complete total; MIX_SUM_OVERFLOW when it exceeds float8. */
extern MixStatus mix_total(const MixView *v, double *total);

/* Named producers with a quantity above zero. */
extern uint32 mix_positive_count(const MixView *v);

/* HHI on the 0-10000 scale: lower bound and upper bound. */
extern double mix_hhi_lower(const MixView *v, const MixShares *s);
extern double mix_hhi_upper(const MixView *v, const MixShares *s);

/*
 * Governance-weighted HHI of a weighted mix: sum of share^2 x weight over
 * the named producers, shares as fractions of the complete total (the
 * remainder adds nothing: a lower bound, as mix_hhi_lower).
 */
extern double mix_hhi_weighted(const MixView *v, const MixShares *s);

/* (H - 1/n)/(1 - 1/n) with the remainder as one producer; false if n < 2. */
extern bool mix_hhi_normalized(const MixView *v, const MixShares *s, double *out);

/* Shannon entropy in nats, remainder as one producer; and over ln n. */
extern double mix_entropy(const MixView *v, const MixShares *s);
extern bool mix_entropy_normalized(const MixView *v, const MixShares *s, double *out);

/* Gini of the positive quantities, remainder as one producer. */
extern double mix_gini(const MixView *v, const MixMemory *mem);

/*
 * The min(n, count) largest named producers, by quantity descending then
 * name ascending, as indexes into the view, written to out.
 */
extern uint32 mix_top(const MixView *v, uint32 n, const MixMemory *mem, uint32 *out);

/*
 * The rank (1 = largest) of producer i in the order of mix_top: quantity
 * descending, then name ascending.
 */
extern uint32 mix_rank(const MixView *v, uint32 i);

/* CRn: combined share of the n largest named producers (0-1). */
extern double mix_concentration_ratio(const MixView *v, const MixShares *s, uint32 n,
									  const MixMemory *mem);

#endif							/* MEASURES_H */
