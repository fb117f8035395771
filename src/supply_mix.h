/*
 * supply_mix.h — the supply_mix datum in the server: the glue between the
 * core (src/core) and the function manager.
 */
#ifndef SUPPLY_MIX_H
#define SUPPLY_MIX_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/memutils.h"

#include "mix.h"
#include "measures.h"
#include "pg_compat.h"

/* A MixMemory that allocates in a memory context (errors on failure). */
extern MixMemory mix_memory(MemoryContext cx);

/* The caller's current memory context, for transient work. */
#define MIX_MEMORY() mix_memory(CurrentMemoryContext)

/*
 * Raises the ERROR for a core status met by a function or aggregate:
 * 22023 for a bad quantity or name, 22003 for float8 overflow, 54000 for
 * the limits.  key (may be NULL) names the producer concerned.
 */
pg_noreturn extern void mix_raise(MixStatus st, const char *key, size_t keylen);

static inline void
mix_check(MixStatus st, const char *key, size_t keylen)
{
	if (unlikely(st != MIX_OK))
		mix_raise(st, key, keylen);
}

/* Reads the view of a (detoasted, 4-byte-header) supply_mix varlena. */
extern void mix_view_of(const struct varlena *flat, MixView *view);

/* The argument as a view; works for flat, toasted and expanded datums. */
#define PG_GETARG_MIX_VIEW(n, view) \
	mix_view_of((const struct varlena *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)), (view))

/*
 * The view of argument 0 and its shares; returns NULL from the calling
 * function when the total is zero.
 */
#define MIX_ARG_WITH_SHARES(v, s) \
	do { \
		PG_GETARG_MIX_VIEW(0, &(v)); \
		if (!mix_shares_init(&(v), &(s))) \
			PG_RETURN_NULL(); \
	} while (0)

/* A new flat supply_mix datum from a table. */
extern Datum mix_table_datum(const MixTable *t);

/* A new table holding what a view holds. */
extern MixTable *mix_table_from_view(const MixView *v, const MixMemory *mem);

/* The producer named by a text argument: checks it is not empty. */
extern const char *mix_producer_arg(text *t, size_t *len);

/*
 * A producer name for an error message: at most 64 bytes, cut on a
 * character boundary.  Every message that names a producer uses it.
 */
extern char *key_for_message(const char *key, size_t keylen);

/*
 * One producer of a mix being rebuilt (mix_rebuild): an edit may change
 * its quantity and weight, or leave it out.
 */
typedef struct MixProducer
{
	const char *key;
	uint32		len;
	double		quantity;
	bool		weighted;		/* weight applies */
	double		weight;
} MixProducer;

/* Returns false to leave the producer out of the new mix. */
typedef bool (*MixProducerEdit) (void *arg, MixProducer *p);

/*
 * A new flat mix from a view, producer by producer through edit, with the
 * given remainder: the one loop of every edit that walks a mix.
 */
extern Datum mix_rebuild(const MixView *v, MixProducerEdit edit, void *arg, double remainder);

/*
 * CRn of a mix (measures.c): false for a zero total; an error for n < 1.
 */
extern bool mix_concentration_ratio_view(const MixView *v, int64 n, double *cr);

/* The n of a top-n measure or aggregate must be at least 1 (measures.c). */
extern void check_top_n(int64 n);
extern Datum supply_mix_in(PG_FUNCTION_ARGS);
extern Datum supply_mix_out(PG_FUNCTION_ARGS);

/* supply_mix + supply_mix (supply_mix.c) */
extern Datum supply_mix_merge(PG_FUNCTION_ARGS);

/* The aggregates' transition (aggregates.c), for the topics that add kinds. */
#define ROW_COUNTRY_KEY 0x01	/* the producer is a country_code, not text */
#define ROW_WEIGHTED	0x02	/* a governance score [and trade factor] follow */
extern Datum mix_accum(FunctionCallInfo fcinfo, int kind);

/*
 * Checks a governance score and trade factor where given (supply_risk.c):
 * finite and >= 0, else an error naming the producer.
 */
extern void check_weight(double wgi, bool has_wgi, double trade_factor, bool has_tf,
						 const char *key, size_t len);

#endif							/* SUPPLY_MIX_H */
