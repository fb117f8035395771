/*
 * mix.h — the supply_mix core: a distribution of quantity over producers.
 *
 * Plain C over frontend-safe PostgreSQL headers (c.h, lib/simplehash.h,
 * common/...): no postgres.h, fmgr or memory contexts.  Memory comes from a
 * MixMemory the caller passes in, so the same code runs in the server, in
 * the unit tests and under the fuzzers.
 *
 * Two forms:
 *  - MixTable: a hash table producer -> compensated (Neumaier) sum, used to
 *    build a mix row by row and to merge mixes;
 *  - the flat form: the canonical, sorted, immutable layout stored on disk
 *    (the body of the supply_mix varlena), read through a MixView.
 *
 * Flat form, version 1 (all fields in host byte order, padding zeroed):
 *
 *   offset  size      field
 *   0       4         varlena header (written by the caller)
 *   4       1         format version (MIX_FORMAT_VERSION)
 *   5       1         flags: MIX_FLAG_WEIGHTS or 0
 *   6       2         reserved, 0
 *   8       4         n: number of named producers
 *   12      4         total bytes of the producer names
 *   16      8         remainder (float8)
 *   24      8 n       quantities (float8), in producer order
 *   (24+8n  8 n       weights (float8), only with MIX_FLAG_WEIGHTS)
 *   ...     4 n       end offset of each name in the name area
 *   ...     ...       names, concatenated, no terminator
 *
 * Producers are sorted by name bytes (memcmp order, a prefix first), names
 * are unique and non-empty, quantities and the remainder are finite, >= 0
 * and never -0.  The remainder is the unattributed quantity ("Other
 * countries"); 0 means none.
 *
 * A mix may carry a weight per producer (MIX_FLAG_WEIGHTS), e.g. a
 * governance score times a trade factor for the governance-weighted HHI:
 * then every named producer has one, finite and >= 0, and merging two
 * mixes requires the same weight for a producer present in both.  The
 * remainder has no weight.  Later versions may add fields and announce them
 * in the flags; version-1 values stay readable.
 */
#ifndef MIX_H
#define MIX_H

#include "c.h"

/* Limits: beyond them, an error (SQLSTATE 54000 in the server). */
#define MIX_MAX_KEY_LEN 1024			/* bytes of one producer name */
#define MIX_MAX_PRODUCERS 10000000		/* named producers in one mix */
#define MIX_MAX_FLAT_SIZE ((size_t) 0x3fffffff)	/* PostgreSQL's MaxAllocSize */

#define MIX_FORMAT_VERSION 1
#define MIX_HEADER_SIZE 24
#define MIX_FLAG_WEIGHTS 0x01			/* a weight per producer */

typedef enum MixStatus
{
	MIX_OK = 0,
	MIX_SYNTAX,					/* malformed text or binary input */
	MIX_NEGATIVE,				/* a quantity below zero */
	MIX_NOT_FINITE,				/* NaN or infinity */
	MIX_NUMBER_RANGE,			/* a number beyond float8 (or underflowing to 0) */
	MIX_SUM_OVERFLOW,			/* a sum of quantities beyond float8 */
	MIX_EMPTY_KEY,				/* a producer name of zero length */
	MIX_KEY_TOO_LONG,			/* a name longer than MIX_MAX_KEY_LEN */
	MIX_TOO_MANY,				/* more than MIX_MAX_PRODUCERS */
	MIX_TOO_LARGE,				/* flat form beyond MIX_MAX_FLAT_SIZE */
	MIX_BAD_VERSION,			/* unknown binary format version */
	MIX_BAD_FLAGS,				/* unknown binary format flags */
	MIX_BAD_WEIGHT,				/* a weight that is negative, NaN or infinite */
	MIX_WEIGHT_CONFLICT,		/* one producer with two different weights */
	MIX_WEIGHT_MISSING			/* weighted and unweighted producers mixed */
} MixStatus;

/* A short English description of a status, for error details. */
extern const char *mix_status_text(MixStatus status);

/*
 * Memory for the core.  alloc returns zeroed memory or does not return
 * (the server's allocator raises an error; the tests abort).  fail reports
 * an impossible size (never returns).
 */
typedef struct MixMemory
{
	void	   *(*alloc) (void *cx, size_t size);
	void		(*release) (void *cx, void *ptr);
	void		(*fail) (void *cx, const char *message);
	void	   *cx;
} MixMemory;

/* ---- the flat form ---------------------------------------------------- */

typedef struct MixView
{
	uint32		count;			/* named producers */
	double		remainder;
	const double *quantity;		/* [count] */
	const double *weight;		/* [count], or NULL for an unweighted mix */
	const uint32 *key_end;		/* [count] end offsets into keys */
	const char *keys;			/* concatenated names */
} MixView;

static inline size_t
mix_flat_size(size_t count, size_t keybytes, bool weighted)
{
	return MIX_HEADER_SIZE + count * (sizeof(double) * (weighted ? 2 : 1) + sizeof(uint32)) + keybytes;
}

/* Reads the header of a flat mix of `size` bytes (varlena header included). */
extern MixStatus mix_view(const void *flat, size_t size, MixView *view);

static inline const char *
mix_view_key(const MixView *v, uint32 i, uint32 *len)
{
	uint32		start = i == 0 ? 0 : v->key_end[i - 1];

	*len = v->key_end[i] - start;
	return v->keys + start;
}

/* Index of a producer, or -1.  Binary search over the sorted names. */
extern int64 mix_view_find(const MixView *v, const char *key, size_t len);

/* Orders names as the flat form does: memcmp, a prefix first. */
static inline int
mix_key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c = memcmp(a, b, Min(alen, blen));

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* ---- the hash table --------------------------------------------------- */

typedef struct MixTable MixTable;

extern MixTable *mix_table_create(const MixMemory *mem, uint32 expected);
extern void mix_table_destroy(MixTable *t);

/*
 * Tables that share one name area store each producer name once (the
 * groups of an aggregate: see mix_table.c).  The area must outlive its
 * tables; a table that turns weighted keeps its own names instead.
 */
typedef struct MixNames MixNames;

extern MixNames *mix_names_create(const MixMemory *mem);
extern void mix_names_destroy(MixNames *names);
extern MixTable *mix_table_create_shared(const MixMemory *mem, uint32 expected, MixNames *names);

/*
 * Adds quantity to a producer (key NULL: to the remainder).  The quantity
 * must be finite and >= 0 (checked).  Names must be 1..MIX_MAX_KEY_LEN
 * bytes.  Sums are compensated, so the result does not depend on row order
 * beyond the last bits.  A sum that would leave float8 is refused
 * (MIX_SUM_OVERFLOW) and leaves the producer's quantity as it was.
 */
extern MixStatus mix_table_add(MixTable *t, const char *key, size_t len, double quantity);

/*
 * Adds quantity to a producer of a weighted mix, with its weight: the
 * first producer of an empty table makes it weighted; a producer already
 * there must come with the same weight (else MIX_WEIGHT_CONFLICT); an
 * unweighted table with producers refuses it (MIX_WEIGHT_MISSING), as a
 * weighted one refuses mix_table_add of a new producer.
 */
extern MixStatus mix_table_add_weighted(MixTable *t, const char *key, size_t len,
										double quantity, double weight);

/* Sets a producer's quantity, replacing what it had (key NULL: remainder). */
extern MixStatus mix_table_set(MixTable *t, const char *key, size_t len, double quantity);

/* Adds producer i of a view with quantity q, with its weight if it has one. */
static inline MixStatus
mix_table_add_from(MixTable *t, const MixView *v, uint32 i, double q)
{
	uint32		len;
	const char *key = mix_view_key(v, i, &len);

	return v->weight ? mix_table_add_weighted(t, key, len, q, v->weight[i])
		: mix_table_add(t, key, len, q);
}

/* Adds every producer and the remainder of a flat mix. */
extern MixStatus mix_table_add_view(MixTable *t, const MixView *v);

extern uint32 mix_table_count(const MixTable *t);
extern bool mix_table_weighted(const MixTable *t);

/* Size of the flat form, varlena header included. */
extern size_t mix_table_flat_size(const MixTable *t);

/*
 * Writes the canonical flat form into dest (flat_size bytes, the varlena
 * header left for the caller).  The table is not changed.
 */
extern void mix_table_flatten(const MixTable *t, void *dest, size_t size);

/* ---- the text form (mix_text.c) ---------------------------------------- */

typedef struct MixParseError
{
	MixStatus	status;
	size_t		offset;			/* byte offset in the input */
	const char *what;			/* static text: what was expected or wrong */
	bool		non_ascii_escape;	/* a \u escape above U+007F was decoded */
} MixParseError;

/*
 * Parses a JSON object of "producer": quantity into t.  The key "" is the
 * remainder; duplicate keys add up.  A weighted mix writes each producer
 * as "producer": [quantity, weight].  Returns MIX_OK or an error in *err.
 */
extern MixStatus mix_parse_text(const char *str, size_t len, MixTable *t,
								const MixMemory *mem, MixParseError *err);

/* Upper bound of the text form's length, terminator included. */
extern size_t mix_text_size_bound(const MixView *v);

/* Writes the text form into buf (at least mix_text_size_bound bytes). */
extern size_t mix_format_text(const MixView *v, char *buf);

/* ---- the binary wire format (mix_wire.c) ------------------------------- */

/*
 * Wire format, version 1, big-endian:
 *   uint8 version (1), uint8 flags (0 or MIX_FLAG_WEIGHTS), int32 n,
 *   float8 remainder, n times: int32 name length, name bytes, float8
 *   quantity (and float8 weight with MIX_FLAG_WEIGHTS).
 * Names may come unsorted and repeated: the decoder canonicalises.
 *
 * key_convert, when not NULL, turns a received name into the server
 * encoding (it may return the same pointer); the server passes one, the
 * fuzzers do not.
 */
typedef const char *(*MixKeyConvert) (void *arg, const char *key, size_t len, size_t *outlen);

extern MixStatus mix_decode_wire(const char *buf, size_t len, MixTable *t,
								 MixKeyConvert key_convert, void *arg,
								 size_t *error_offset);

/*
 * Encodes a view in the wire format through write(); names pass through
 * key_convert first when it is not NULL (the server converts them to the
 * client encoding).
 */
typedef void (*MixWireWrite) (void *arg, const void *bytes, size_t len);

extern void mix_encode_wire(const MixView *v, MixKeyConvert key_convert, void *convert_arg,
							MixWireWrite write, void *write_arg);

#endif							/* MIX_H */
