/*
 * neumaier.h — compensated summation (Neumaier's variant of Kahan's).
 *
 * A sum carries a compensation term that collects the low-order bits lost
 * in each addition; sum + comp is the result.  It makes mixes built from
 * the same rows agree whatever the row order or the parallel plan, to the
 * last bits.
 */
#ifndef NEUMAIER_H
#define NEUMAIER_H

#include <math.h>

static inline void
neumaier_add(double *sum, double *comp, double x)
{
	double		t = *sum + x;

	if (fabs(*sum) >= fabs(x))
		*comp += (*sum - t) + x;
	else
		*comp += (x - t) + *sum;
	*sum = t;
}

#endif							/* NEUMAIER_H */
