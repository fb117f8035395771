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

/* A MixMemory that allocates in a memory context (errors on failure). */
extern MixMemory mix_memory(MemoryContext cx);

/* The caller's current memory context, for transient work. */
#define MIX_MEMORY() mix_memory(CurrentMemoryContext)

/*
 * Raises the ERROR for a core status met by a function or aggregate:
 * 22023 for a bad quantity or name, 22003 for float8 overflow, 54000 for
 * the limits.  key (may be NULL) names the producer concerned.
 */
extern void mix_raise(MixStatus st, const char *key, size_t keylen) pg_attribute_noreturn();

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

/* A new flat supply_mix datum from a table. */
extern Datum mix_table_datum(const MixTable *t);

/* A new table holding what a view holds. */
extern MixTable *mix_table_from_view(const MixView *v, const MixMemory *mem);

/* The producer named by a text argument: checks it is not empty. */
extern const char *mix_producer_arg(text *t, size_t *len);

/* supply_mix + supply_mix (supply_mix_io.c) */
extern Datum supply_mix_merge(PG_FUNCTION_ARGS);

#endif							/* SUPPLY_MIX_H */
