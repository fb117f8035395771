/*
 * mix_table.c — building a mix: a hash table producer -> compensated sum,
 * and its canonical flat form.
 *
 * The table is PostgreSQL's lib/simplehash.h, with every allocation routed
 * to the caller's MixMemory.  An entry is 32 bytes: the producer name lives
 * once in a separate name area and the entry keeps its offset, so a table
 * of ~200 producers costs ~10 kB whatever the length of the names.
 */
#include "c.h"

#include "mix.h"
#include "neumaier.h"

/*
 * hash_bytes() of common/hashfn.c (libpgcommon, and the server); its
 * header's inline helpers need the backend's Datum in PostgreSQL 15.
 */
extern uint32 hash_bytes(const unsigned char *k, int keylen);

/* The key value used while probing for the name in MixTable.probe. */
#define MIX_PROBE PG_UINT32_MAX

typedef struct MixEntry
{
	uint32		key;			/* offset of the name in the name area */
	uint32		hash;
	char		status;
	double		sum;			/* compensated sum: sum + comp */
	double		comp;
} MixEntry;

struct MixTable
{
	MixMemory	mem;
	struct mixhash_hash *hash;
	char	   *names;			/* records: uint16 length, [float8 weight], bytes */
	size_t		names_used;
	size_t		names_cap;
	size_t		keybytes;		/* total length of the names */
	bool		weighted;		/* records carry a weight (MIX_FLAG_WEIGHTS) */
	const char *probe;			/* the name being looked up */
	uint32		probe_len;
	double		remainder;
	double		remainder_comp;
};

/* bytes before the name in a name record */
#define RECORD_HEAD(t) (sizeof(uint16) + ((t)->weighted ? sizeof(double) : 0))

static inline const char *
name_of(const MixTable *t, uint32 key, uint32 *len)
{
	uint16		l;

	if (key == MIX_PROBE)
	{
		*len = t->probe_len;
		return t->probe;
	}
	memcpy(&l, t->names + key, sizeof(uint16));
	*len = l;
	return t->names + key + RECORD_HEAD(t);
}

static inline double
weight_of(const MixTable *t, uint32 key)
{
	double		w;

	memcpy(&w, t->names + key + sizeof(uint16), sizeof(double));
	return w;
}

static inline uint32
name_hash(const MixTable *t, uint32 key)
{
	uint32		len;
	const char *p = name_of(t, key, &len);

	return hash_bytes((const unsigned char *) p, (int) len);
}

static inline bool
name_equal(const MixTable *t, uint32 a, uint32 b)
{
	uint32		alen,
				blen;
	const char *ap = name_of(t, a, &alen);
	const char *bp = name_of(t, b, &blen);

	return alen == blen && memcmp(ap, bp, alen) == 0;
}

static void
table_fail(MixTable *t, const char *fmt,...)
{
	t->mem.fail(t->mem.cx, "producer hash table too large");
}

/*
 * simplehash.h names the backend's elog() for tables beyond 2^32 buckets
 * (MIX_MAX_PRODUCERS keeps us far below), and palloc0()/pfree() in
 * SH_STAT/SH_DESTROY; route all of them to the table's MixMemory so the
 * header compiles without the backend.  `tb` and `private_data` are the
 * names simplehash.h uses where these macros expand.
 */
#define MIXTABLE(tb) ((MixTable *) (tb)->private_data)
#define elog(elevel, ...) table_fail(MIXTABLE(tb), __VA_ARGS__)
#define palloc0(size) MIXTABLE(tb)->mem.alloc(MIXTABLE(tb)->mem.cx, (size))
#define pfree(ptr) MIXTABLE(tb)->mem.release(MIXTABLE(tb)->mem.cx, (ptr))

#define SH_PREFIX mixhash
#define SH_ELEMENT_TYPE MixEntry
#define SH_KEY_TYPE uint32
#define SH_KEY key
#define SH_HASH_KEY(tb, k) name_hash(MIXTABLE(tb), (k))
#define SH_EQUAL(tb, a, b) name_equal(MIXTABLE(tb), (a), (b))
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_RAW_ALLOCATOR(size) \
	((MixTable *) private_data)->mem.alloc(((MixTable *) private_data)->mem.cx, (size))
#define SH_USE_NONDEFAULT_ALLOCATOR
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#undef elog
#undef palloc0
#undef pfree

static inline void *
mixhash_allocate(mixhash_hash * tb, Size size)
{
	return MIXTABLE(tb)->mem.alloc(MIXTABLE(tb)->mem.cx, size);
}

static inline void
mixhash_free(mixhash_hash * tb, void *pointer)
{
	MIXTABLE(tb)->mem.release(MIXTABLE(tb)->mem.cx, pointer);
}

/* Sorting entries by name, with PostgreSQL's sort template. */
typedef MixEntry *MixEntryPtr;

static inline int
entry_cmp(const MixEntryPtr *a, const MixEntryPtr *b, const MixTable *t)
{
	uint32		alen,
				blen;
	const char *ap = name_of(t, (*a)->key, &alen);
	const char *bp = name_of(t, (*b)->key, &blen);

	return mix_key_cmp(ap, alen, bp, blen);
}

#define ST_SORT sort_entries
#define ST_ELEMENT_TYPE MixEntryPtr
#define ST_COMPARE_ARG_TYPE const MixTable
#define ST_COMPARE(a, b, arg) entry_cmp((a), (b), (arg))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

const char *
mix_status_text(MixStatus status)
{
	switch (status)
	{
		case MIX_OK:
			return "no error";
		case MIX_SYNTAX:
			return "malformed input";
		case MIX_NEGATIVE:
			return "quantity is negative";
		case MIX_NOT_FINITE:
			return "quantity is not a finite number";
		case MIX_NUMBER_RANGE:
			return "number is out of range for type double precision";
		case MIX_SUM_OVERFLOW:
			return "sum of quantities is out of range for type double precision";
		case MIX_EMPTY_KEY:
			return "producer name is empty";
		case MIX_KEY_TOO_LONG:
			return "producer name is too long";
		case MIX_TOO_MANY:
			return "too many producers";
		case MIX_TOO_LARGE:
			return "mix is too large";
		case MIX_BAD_VERSION:
			return "unknown format version";
		case MIX_BAD_FLAGS:
			return "unknown format flags";
		case MIX_BAD_WEIGHT:
			return "weight is not a finite number of zero or more";
		case MIX_WEIGHT_CONFLICT:
			return "producer has two different weights";
		case MIX_WEIGHT_MISSING:
			return "producer has no weight in a weighted mix, or a weight in an unweighted one";
	}
	return "unknown error";
}

MixTable *
mix_table_create(const MixMemory *mem, uint32 expected)
{
	MixTable   *t = mem->alloc(mem->cx, sizeof(MixTable));

	t->mem = *mem;
	t->hash = mixhash_create(Max(expected, 8), t);
	return t;
}

void
mix_table_destroy(MixTable *t)
{
	MixMemory	mem = t->mem;

	mixhash_destroy(t->hash);
	if (t->names)
		mem.release(mem.cx, t->names);
	mem.release(mem.cx, t);
}

uint32
mix_table_count(const MixTable *t)
{
	return t->hash->members;
}

bool
mix_table_weighted(const MixTable *t)
{
	return t->weighted;
}

/* Checks a quantity; turns -0 into 0 so equal mixes are equal bytes. */
static inline MixStatus
check_quantity(double *q)
{
	if (unlikely(isnan(*q) || isinf(*q)))
		return MIX_NOT_FINITE;
	if (unlikely(*q < 0.0))
		return MIX_NEGATIVE;
	*q += 0.0;
	return MIX_OK;
}

static uint32
store_name(MixTable *t, const char *key, uint32 len, double weight)
{
	size_t		head = RECORD_HEAD(t);
	size_t		need = t->names_used + head + len;
	uint16		l = (uint16) len;
	uint32		off;

	if (need > t->names_cap)
	{
		size_t		cap = Max(t->names_cap * 2, Max(need, 256));
		char	   *names = t->mem.alloc(t->mem.cx, cap);

		if (t->names)
		{
			memcpy(names, t->names, t->names_used);
			t->mem.release(t->mem.cx, t->names);
		}
		t->names = names;
		t->names_cap = cap;
	}
	off = (uint32) t->names_used;
	memcpy(t->names + off, &l, sizeof(uint16));
	if (t->weighted)
		memcpy(t->names + off + sizeof(uint16), &weight, sizeof(double));
	memcpy(t->names + off + head, key, len);
	t->names_used = need;
	t->keybytes += len;
	return off;
}

/*
 * Finds or creates a producer's entry; a new one gets the weight (ignored
 * by an unweighted table; NaN: none given, refused by a weighted one).  On a limit, the table is left as it was and the
 * status says which.  *created tells whether the entry is new.
 */
static MixStatus
entry_for(MixTable *t, const char *key, size_t len, double weight,
		  MixEntry **entry, bool *created)
{
	bool		found;
	MixEntry   *e;
	uint32		hash;

	if (unlikely(len == 0))
		return MIX_EMPTY_KEY;
	if (unlikely(len > MIX_MAX_KEY_LEN))
		return MIX_KEY_TOO_LONG;

	hash = hash_bytes((const unsigned char *) key, (int) len);
	t->probe = key;
	t->probe_len = (uint32) len;
	e = mixhash_insert_hash(t->hash, MIX_PROBE, hash, &found);
	if (!found)
	{
		uint32		count = t->hash->members;

		if (unlikely(t->weighted && isnan(weight)))
		{
			/* a new producer of a weighted mix, given no weight */
			mixhash_delete_item(t->hash, e);
			return MIX_WEIGHT_MISSING;
		}

		if (unlikely(count > MIX_MAX_PRODUCERS ||
					 mix_flat_size(count, t->keybytes + len, t->weighted) > MIX_MAX_FLAT_SIZE))
		{
			mixhash_delete_item(t->hash, e);
			return count > MIX_MAX_PRODUCERS ? MIX_TOO_MANY : MIX_TOO_LARGE;
		}
		e->key = store_name(t, key, (uint32) len, weight);
		e->sum = 0.0;
		e->comp = 0.0;
	}
	*entry = e;
	*created = !found;
	return MIX_OK;
}

static inline MixStatus
add_to_entry(MixEntry *e, double quantity)
{
	neumaier_add(&e->sum, &e->comp, quantity);
	/* the value is sum + comp: it can overflow while sum alone has not */
	return likely(isfinite(e->sum + e->comp)) ? MIX_OK : MIX_SUM_OVERFLOW;
}

MixStatus
mix_table_add(MixTable *t, const char *key, size_t len, double quantity)
{
	MixStatus	st = check_quantity(&quantity);
	MixEntry   *e;
	bool		created;

	if (unlikely(st != MIX_OK))
		return st;
	if (key == NULL)
	{
		neumaier_add(&t->remainder, &t->remainder_comp, quantity);
		return likely(isfinite(t->remainder + t->remainder_comp)) ? MIX_OK : MIX_SUM_OVERFLOW;
	}
	st = entry_for(t, key, len, NAN, &e, &created);
	if (unlikely(st != MIX_OK))
		return st;
	return add_to_entry(e, quantity);
}

MixStatus
mix_table_add_weighted(MixTable *t, const char *key, size_t len, double quantity, double weight)
{
	MixStatus	st = check_quantity(&quantity);
	MixEntry   *e;
	bool		created;

	if (unlikely(st != MIX_OK))
		return st;
	if (unlikely(isnan(weight) || isinf(weight) || weight < 0.0))
		return MIX_BAD_WEIGHT;
	weight += 0.0;
	if (key == NULL)
		return MIX_WEIGHT_MISSING;	/* the remainder has no weight */
	if (!t->weighted)
	{
		if (t->hash->members > 0)
			return MIX_WEIGHT_MISSING;
		t->weighted = true;		/* no name stored yet: records can change shape */
	}
	st = entry_for(t, key, len, weight, &e, &created);
	if (unlikely(st != MIX_OK))
		return st;
	if (!created && weight_of(t, e->key) != weight)
		return MIX_WEIGHT_CONFLICT;
	return add_to_entry(e, quantity);
}

MixStatus
mix_table_set(MixTable *t, const char *key, size_t len, double quantity)
{
	MixStatus	st = check_quantity(&quantity);
	MixEntry   *e;
	bool		created;

	if (st != MIX_OK)
		return st;
	if (key == NULL)
	{
		t->remainder = quantity;
		t->remainder_comp = 0.0;
		return MIX_OK;
	}
	st = entry_for(t, key, len, NAN, &e, &created);
	if (st != MIX_OK)
		return st;
	e->sum = quantity;
	e->comp = 0.0;
	return MIX_OK;
}

MixStatus
mix_table_add_view(MixTable *t, const MixView *v)
{
	MixStatus	st = MIX_OK;

	for (uint32 i = 0; i < v->count && st == MIX_OK; i++)
		st = mix_table_add_from(t, v, i, v->quantity[i]);
	if (st == MIX_OK && v->remainder > 0.0)
		st = mix_table_add(t, NULL, 0, v->remainder);
	return st;
}

size_t
mix_table_flat_size(const MixTable *t)
{
	return mix_flat_size(t->hash->members, t->keybytes, t->weighted);
}

void
mix_table_flatten(const MixTable *t, void *dest, size_t size)
{
	uint32		n = t->hash->members;
	char	   *base = dest;
	MixEntry  **order = NULL;
	mixhash_iterator it;
	MixEntry   *e;
	uint32		i = 0;
	uint32		end = 0;
	double	   *quantity = (double *) (base + MIX_HEADER_SIZE);
	double	   *weight = t->weighted ? quantity + n : NULL;
	uint32	   *key_end = (uint32 *) (quantity + (t->weighted ? 2 * n : n));
	char	   *keys = (char *) (key_end + n);
	uint32		keybytes = (uint32) t->keybytes;
	double		remainder = t->remainder + t->remainder_comp;

	Assert(size == mix_table_flat_size(t));

	/* header; the varlena length word is the caller's */
	memset(base + 4, 0, MIX_HEADER_SIZE - 4);
	base[4] = MIX_FORMAT_VERSION;
	base[5] = t->weighted ? MIX_FLAG_WEIGHTS : 0;
	memcpy(base + 8, &n, sizeof(uint32));
	memcpy(base + 12, &keybytes, sizeof(uint32));
	remainder += 0.0;
	memcpy(base + 16, &remainder, sizeof(double));

	if (n == 0)
		return;

	order = t->mem.alloc(t->mem.cx, sizeof(MixEntry *) * n);
	mixhash_start_iterate(t->hash, &it);
	while ((e = mixhash_iterate(t->hash, &it)) != NULL)
		order[i++] = e;
	Assert(i == n);
	sort_entries(order, n, t);

	for (i = 0; i < n; i++)
	{
		uint32		len;
		const char *name = name_of(t, order[i]->key, &len);

		quantity[i] = order[i]->sum + order[i]->comp;
		if (weight)
			weight[i] = weight_of(t, order[i]->key);
		memcpy(keys + end, name, len);
		end += len;
		key_end[i] = end;
	}
	t->mem.release(t->mem.cx, order);
}

MixStatus
mix_view(const void *flat, size_t size, MixView *view)
{
	const char *base = flat;
	uint32		n,
				keybytes;
	bool		weighted;

	if (size < MIX_HEADER_SIZE)
		return MIX_SYNTAX;
	if ((uint8) base[4] != MIX_FORMAT_VERSION)
		return MIX_BAD_VERSION;
	if ((base[5] & ~MIX_FLAG_WEIGHTS) != 0)
		return MIX_BAD_FLAGS;
	weighted = (base[5] & MIX_FLAG_WEIGHTS) != 0;
	memcpy(&n, base + 8, sizeof(uint32));
	memcpy(&keybytes, base + 12, sizeof(uint32));
	if (n > MIX_MAX_PRODUCERS || size != mix_flat_size(n, keybytes, weighted))
		return MIX_SYNTAX;

	view->count = n;
	memcpy(&view->remainder, base + 16, sizeof(double));
	view->quantity = (const double *) (base + MIX_HEADER_SIZE);
	view->weight = weighted ? view->quantity + n : NULL;
	view->key_end = (const uint32 *) (view->quantity + (weighted ? 2 * n : n));
	view->keys = (const char *) (view->key_end + n);
	return MIX_OK;
}

int64
mix_view_find(const MixView *v, const char *key, size_t len)
{
	int64		lo = 0,
				hi = (int64) v->count - 1;

	while (lo <= hi)
	{
		int64		mid = lo + (hi - lo) / 2;
		uint32		mlen;
		const char *m = mix_view_key(v, (uint32) mid, &mlen);
		int			c = mix_key_cmp(m, mlen, key, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}
