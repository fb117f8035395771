/*
 * mix_table.c — building a mix: a hash table producer -> compensated sum,
 * and writing its canonical flat form (read back by mix_view.c).
 *
 * The table is PostgreSQL's lib/simplehash.h, with every allocation routed
 * to the caller's MixMemory.  An entry is 24 bytes: the producer name lives
 * once in a separate name area and the entry keeps its offset, so a table
 * of ~200 producers costs ~8 kB whatever the length of the names.
 *
 * The name area is the table's own, or shared by the tables of one
 * aggregate (mix_table_create_shared): its groups mostly name the same
 * producers, so each name is then stored once, and the names a probe
 * compares with stay in the CPU cache however many groups there are.  A
 * shared area finds the names it holds through an index of its own, built
 * when a second table joins; a row that adds to a producer its group has
 * already seen never touches that index.
 */
#include "c.h"

#include "mix.h"
#include "neumaier.h"

/*
 * hash_bytes() of common/hashfn.c (libpgcommon, and the server); its
 * header's inline helpers need the backend's Datum in PostgreSQL 15.
 */
extern uint32 hash_bytes(const unsigned char *k, int keylen);

/*
 * The hash of a producer name, 31 bits (HASH_MASK, below).  Names are mostly
 * short (a country code, a company): up to 16 bytes are read as two
 * overlapping 64-bit words, or for shorter names smaller pieces, and mixed
 * with the length by multiplications; longer names go to hash_bytes().  Only
 * this file's hash tables use it.
 */
static inline uint64
load_bytes(const char *p, int n)
{
	uint64		v = 0;

	memcpy(&v, p, n);
	return v;
}

static inline uint32
hash_name(const char *p, uint32 len)
{
	uint64		a,
				b,
				h;

	if (len > 16)
		return hash_bytes((const unsigned char *) p, (int) len);
	if (len >= 8)
	{
		a = load_bytes(p, 8);
		b = load_bytes(p + len - 8, 8);
	}
	else if (len >= 4)
	{
		a = load_bytes(p, 4);
		b = load_bytes(p + len - 4, 4);
	}
	else
	{
		a = len > 0 ? (uint8) p[0] : 0;
		b = len > 0 ? ((uint64) (uint8) p[len / 2] << 8) | (uint8) p[len - 1] : 0;
	}
	h = (a ^ UINT64CONST(0x9E3779B97F4A7C15)) * (b ^ UINT64CONST(0xC2B2AE3D27D4EB4F) ^ len);
	h ^= h >> 29;
	h *= UINT64CONST(0xBF58476D1CE4E5B9);
	h ^= h >> 32;
	return (uint32) h;
}

/* The key value used while probing for the name in MixTable.probe. */
#define MIX_PROBE PG_UINT32_MAX

/* Hashes are 31 bits: the 32nd holds simplehash's status (24-byte entries). */
#define HASH_MASK 0x7FFFFFFF

typedef struct MixEntry
{
	uint32		key;			/* offset of the name in the name area */
	uint32		hash:31,
				status:1;
	double		sum;			/* compensated sum: sum + comp */
	double		comp;
} MixEntry;

/* An entry of a shared name area's index. */
typedef struct NameEntry
{
	uint32		key;			/* offset of the name in the area */
	uint32		hash:31,
				status:1;
} NameEntry;

/* A name area: a table's own, or shared. */
struct MixNames
{
	MixMemory	mem;
	char	   *names;			/* records: uint16 length, [float8 weight], bytes */
	size_t		used;
	size_t		cap;
	uint32		tables;			/* tables created on this area (shared ones) */
	struct namehash_hash *index;	/* name -> offset; shared areas, from the 2nd table */
	const char *probe;			/* the name being looked up in the index */
	uint32		probe_len;
};

/*
 * What a row reads comes first, and the struct is small: in an aggregate it
 * sits next to the state's header and the hash table's, so a row that finds
 * them out of the CPU cache pays for one or two cache lines, not five.
 */
struct MixTable
{
	struct mixhash_hash *hash;
	MixNames   *names;			/* the table's own, or shared with other tables */
	const char *probe;			/* the name being looked up */
	uint32		probe_len;
	bool		weighted;		/* records carry a weight (MIX_FLAG_WEIGHTS) */
	bool		own_names;		/* names is the table's own */
	size_t		keybytes;		/* total length of the names */
	double		remainder;
	double		remainder_comp;
	MixMemory	mem;
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
	memcpy(&l, t->names->names + key, sizeof(uint16));
	*len = l;
	return t->names->names + key + RECORD_HEAD(t);
}

static inline double
weight_of(const MixTable *t, uint32 key)
{
	double		w;

	memcpy(&w, t->names->names + key + sizeof(uint16), sizeof(double));
	return w;
}

static inline uint32
name_hash(const MixTable *t, uint32 key)
{
	uint32		len;
	const char *p = name_of(t, key, &len);

	return hash_name(p, len) & HASH_MASK;
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

/* The same for a name of a shared area (key MIX_PROBE: the probe). */
static inline const char *
area_name_of(const MixNames *nm, uint32 key, uint32 *len)
{
	uint16		l;

	if (key == MIX_PROBE)
	{
		*len = nm->probe_len;
		return nm->probe;
	}
	memcpy(&l, nm->names + key, sizeof(uint16));
	*len = l;
	return nm->names + key + sizeof(uint16);
}

static inline uint32
area_name_hash(const MixNames *nm, uint32 key)
{
	uint32		len;
	const char *p = area_name_of(nm, key, &len);

	return hash_name(p, len) & HASH_MASK;
}

static inline bool
area_name_equal(const MixNames *nm, uint32 a, uint32 b)
{
	uint32		alen,
				blen;
	const char *ap = area_name_of(nm, a, &alen);
	const char *bp = area_name_of(nm, b, &blen);

	return alen == blen && memcmp(ap, bp, alen) == 0;
}

/*
 * simplehash.h reports a table of 2^32 buckets, or of more than SIZE_MAX/2
 * bytes, through the backend's elog().  Neither can happen here: a table
 * holds at most MIX_MAX_PRODUCERS producers, and a name area at most 4 GB
 * of names (append_name), so fewer than 2^31 names, and a table never
 * reaches 2^32 buckets.  So the core, which has no elog(), gives the header
 * its own sh_error() (from PostgreSQL 18 it is called where no table is at
 * hand) and aborts if the impossible happens.
 */
static pg_noinline void
mix_table_impossible(void)
{
	abort();
}

/* SH_STAT's report, never called: its arguments are used, and dropped. */
static inline void
mix_table_stat_ignored(const char *fmt,...)
{
}

#define SIMPLEHASH_H			/* sh_error and sh_log are ours */
#define sh_error(...) mix_table_impossible()
#define sh_log(...) mix_table_stat_ignored(__VA_ARGS__)

/*
 * palloc0() and pfree() in SH_STAT/SH_DESTROY go to the MixMemory of the
 * table (and below, of the name area), so the header compiles without the
 * backend.  `tb` and `private_data` are the names simplehash.h uses where
 * these macros expand.
 */
#define MIXTABLE(tb) ((MixTable *) (tb)->private_data)
#define MIXNAMES(tb) ((MixNames *) (tb)->private_data)
#define MIXMEM(tb) (&MIXTABLE(tb)->mem)
#define palloc0(size) MIXMEM(tb)->alloc(MIXMEM(tb)->cx, (size))
#define pfree(ptr) MIXMEM(tb)->release(MIXMEM(tb)->cx, (ptr))

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

static inline void *
mixhash_allocate(mixhash_hash * tb, Size size)
{
	return MIXMEM(tb)->alloc(MIXMEM(tb)->cx, size);
}

static inline void
mixhash_free(mixhash_hash * tb, void *pointer)
{
	MIXMEM(tb)->release(MIXMEM(tb)->cx, pointer);
}

/* The index of a shared name area: name -> offset. */
#undef MIXMEM
#define MIXMEM(tb) (&MIXNAMES(tb)->mem)
#undef SH_RAW_ALLOCATOR
#define SH_PREFIX namehash
#define SH_ELEMENT_TYPE NameEntry
#define SH_KEY_TYPE uint32
#define SH_KEY key
#define SH_HASH_KEY(tb, k) area_name_hash(MIXNAMES(tb), (k))
#define SH_EQUAL(tb, a, b) area_name_equal(MIXNAMES(tb), (a), (b))
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_RAW_ALLOCATOR(size) \
	((MixNames *) private_data)->mem.alloc(((MixNames *) private_data)->mem.cx, (size))
#define SH_USE_NONDEFAULT_ALLOCATOR
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#undef palloc0
#undef pfree

static inline void *
namehash_allocate(namehash_hash * tb, Size size)
{
	return MIXMEM(tb)->alloc(MIXMEM(tb)->cx, size);
}

static inline void
namehash_free(namehash_hash * tb, void *pointer)
{
	MIXMEM(tb)->release(MIXMEM(tb)->cx, pointer);
}

/*
 * Sorting producers by name, with PostgreSQL's sort template.  An item
 * carries the first 16 bytes of the name as two big-endian integers (zero
 * padded), which order names as mix_key_cmp does whenever they differ; only
 * names that agree on them are compared in the name area.  The sort then
 * runs over one contiguous array, not through pointers to the entries and
 * on to the names: for a million producers that is several times faster.
 */
typedef struct SortItem
{
	uint64		prefix[2];
	uint32		key;			/* offset of the name */
	double		quantity;		/* sum + comp */
} SortItem;

static inline uint64
name_prefix(const char *name, uint32 len)
{
	unsigned char buf[8] = {0};

	memcpy(buf, name, Min(len, 8));
	return ((uint64) buf[0] << 56) | ((uint64) buf[1] << 48) | ((uint64) buf[2] << 40) |
		((uint64) buf[3] << 32) | ((uint64) buf[4] << 24) | ((uint64) buf[5] << 16) |
		((uint64) buf[6] << 8) | (uint64) buf[7];
}

static inline int
item_cmp(const SortItem *a, const SortItem *b, const MixTable *t)
{
	uint32		alen,
				blen;
	const char *ap;
	const char *bp;

	if (a->prefix[0] != b->prefix[0])
		return a->prefix[0] < b->prefix[0] ? -1 : 1;
	if (a->prefix[1] != b->prefix[1])
		return a->prefix[1] < b->prefix[1] ? -1 : 1;
	ap = name_of(t, a->key, &alen);
	bp = name_of(t, b->key, &blen);
	return mix_key_cmp(ap, alen, bp, blen);
}

#define ST_SORT sort_items
#define ST_ELEMENT_TYPE SortItem
#define ST_COMPARE_ARG_TYPE const MixTable
#define ST_COMPARE(a, b, arg) item_cmp((a), (b), (arg))
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

MixNames *
mix_names_create(const MixMemory *mem)
{
	MixNames   *nm = mem->alloc(mem->cx, sizeof(MixNames));

	nm->mem = *mem;
	return nm;
}

void
mix_names_destroy(MixNames *nm)
{
	MixMemory	mem = nm->mem;

	if (nm->index)
		namehash_destroy(nm->index);
	if (nm->names)
		mem.release(mem.cx, nm->names);
	mem.release(mem.cx, nm);
}

/* A table on a name area, or (names NULL) with its own. */
static MixTable *
table_create(const MixMemory *mem, uint32 expected, MixNames *names)
{
	MixTable   *t = mem->alloc(mem->cx, sizeof(MixTable));

	t->mem = *mem;
	t->own_names = names == NULL;
	t->names = names ? names : mix_names_create(mem);
	t->hash = mixhash_create(Max(expected, 8), t);
	return t;
}

MixTable *
mix_table_create(const MixMemory *mem, uint32 expected)
{
	return table_create(mem, expected, NULL);
}

/* Indexes the names of a shared area (each stored once, no weights). */
static void
index_names(MixNames *nm)
{
	nm->index = namehash_create(64, nm);
	for (size_t off = 0; off < nm->used;)
	{
		uint16		l;
		bool		found;
		NameEntry  *e;

		memcpy(&l, nm->names + off, sizeof(uint16));
		e = namehash_insert_hash(nm->index, (uint32) off,
								 area_name_hash(nm, (uint32) off), &found);
		Assert(!found);
		e->key = (uint32) off;
		off += sizeof(uint16) + l;
	}
}

MixTable *
mix_table_create_shared(const MixMemory *mem, uint32 expected, MixNames *names)
{
	MixTable   *t = table_create(mem, expected, names);

	if (++names->tables == 2)
		index_names(names);
	return t;
}

void
mix_table_destroy(MixTable *t)
{
	MixMemory	mem = t->mem;

	mixhash_destroy(t->hash);
	if (t->own_names)
		mix_names_destroy(t->names);
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

/* Appends a name record to an area; head is RECORD_HEAD of the table. */
static uint32
append_name(MixNames *nm, const char *key, uint32 len, size_t head, double weight)
{
	size_t		need = nm->used + head + len;
	uint16		l = (uint16) len;
	uint32		off;

	if (need > PG_UINT32_MAX)	/* names are found by 32-bit offsets */
		nm->mem.fail(nm->mem.cx, "producer names of one aggregate exceed 4 GB");
	if (need > nm->cap)
	{
		size_t		cap = Max(nm->cap * 2, Max(need, 256));
		char	   *names = nm->mem.alloc(nm->mem.cx, cap);

		if (nm->names)
		{
			memcpy(names, nm->names, nm->used);
			nm->mem.release(nm->mem.cx, nm->names);
		}
		nm->names = names;
		nm->cap = cap;
	}
	off = (uint32) nm->used;
	memcpy(nm->names + off, &l, sizeof(uint16));
	if (head > sizeof(uint16))
		memcpy(nm->names + off + sizeof(uint16), &weight, sizeof(double));
	memcpy(nm->names + off + head, key, len);
	nm->used = need;
	return off;
}

/* The offset of a producer's name in the table's area, stored if new there. */
static uint32
store_name(MixTable *t, const char *key, uint32 len, double weight, uint32 hash)
{
	MixNames   *nm = t->names;
	uint32		off;

	t->keybytes += len;
	if (nm->index == NULL)
		return append_name(nm, key, len, RECORD_HEAD(t), weight);

	/* a shared area: the name may be there already, stored by another table */
	{
		bool		found;
		NameEntry  *e;

		nm->probe = key;
		nm->probe_len = len;
		e = namehash_insert_hash(nm->index, MIX_PROBE, hash, &found);
		if (!found)
			e->key = append_name(nm, key, len, sizeof(uint16), 0.0);
		off = e->key;
	}
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

	hash = hash_name(key, (uint32) len) & HASH_MASK;
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
		e->key = store_name(t, key, (uint32) len, weight, hash);
		e->sum = 0.0;
		e->comp = 0.0;
	}
	*entry = e;
	*created = !found;
	return MIX_OK;
}

static inline MixStatus
add_to_sum(double *sum, double *comp, double quantity)
{
	double		s = *sum,
				c = *comp;

	neumaier_add(&s, &c, quantity);
	/* the value is sum + comp: it can overflow while sum alone has not */
	if (unlikely(!isfinite(s + c)))
		return MIX_SUM_OVERFLOW;	/* the sum keeps its finite value */
	*sum = s;
	*comp = c;
	return MIX_OK;
}

static inline MixStatus
add_to_entry(MixEntry *e, double quantity)
{
	return add_to_sum(&e->sum, &e->comp, quantity);
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
		return add_to_sum(&t->remainder, &t->remainder_comp, quantity);
	/* a weighted mix takes weighted quantities only, as the converse */
	if (unlikely(t->weighted))
		return MIX_WEIGHT_MISSING;
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
		if (!t->own_names)
		{
			/* and weights are the table's own */
			t->names = mix_names_create(&t->mem);
			t->own_names = true;
		}
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
	SortItem   *order = NULL;
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

	order = t->mem.alloc(t->mem.cx, sizeof(SortItem) * n);
	mixhash_start_iterate(t->hash, &it);
	while ((e = mixhash_iterate(t->hash, &it)) != NULL)
	{
		uint32		len;
		const char *name = name_of(t, e->key, &len);

		order[i].prefix[0] = name_prefix(name, len);
		order[i].prefix[1] = len > 8 ? name_prefix(name + 8, len - 8) : 0;
		order[i].key = e->key;
		order[i].quantity = e->sum + e->comp;
		i++;
	}
	Assert(i == n);
	sort_items(order, n, t);

	for (i = 0; i < n; i++)
	{
		uint32		len;
		const char *name = name_of(t, order[i].key, &len);

		quantity[i] = order[i].quantity;
		if (weight)
			weight[i] = weight_of(t, order[i].key);
		memcpy(keys + end, name, len);
		end += len;
		key_end[i] = end;
	}
	t->mem.release(t->mem.cx, order);
}
