/*
 * fuzz_common.h — shared helpers of the libFuzzer targets of the core.
 *
 * Included by every fuzz_*.c (each is one binary; everything here is
 * static).  The core gets a MixMemory over calloc/free with a counter of
 * live allocations: every input must leave it at zero, so a leak inside the
 * core is reported at once, on the input that caused it (LeakSanitizer
 * sees the rest).  A failed check prints what failed and aborts, which
 * libFuzzer reports as a crash and saves the input.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include "c.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "mix.h"
#include "measures.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- failing loudly ----------------------------------------------------- */

static void fuzz_fail(const char *file, int line, const char *fmt,...) pg_attribute_printf(3, 4) pg_attribute_noreturn();

static void
fuzz_fail(const char *file, int line, const char *fmt,...)
{
	va_list		ap;

	fprintf(stderr, "\nFUZZ CHECK FAILED at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

#define FUZZ_CHECK(cond, ...) \
	do { \
		if (unlikely(!(cond))) \
			fuzz_fail(__FILE__, __LINE__, "(" #cond ") " __VA_ARGS__); \
	} while (0)

/* The core's Assert()s are on (USE_ASSERT_CHECKING): a failed one aborts. */
void
ExceptionalCondition(const char *conditionName, const char *errorType,
					 const char *fileName, int lineNumber)
{
	fuzz_fail(fileName, lineNumber, "Assert(%s) failed", conditionName);
}

/* ---- memory for the core ------------------------------------------------ */

static long fuzz_live_allocs;

static void *
fuzz_alloc(void *cx, size_t size)
{
	void	   *p;

	/* the server refuses beyond MaxAllocHuge; nothing here should come close */
	FUZZ_CHECK(size < ((size_t) 1 << 32), "core asked for %zu bytes", size);
	p = calloc(1, size ? size : 1);
	if (p == NULL)
		fuzz_fail(__FILE__, __LINE__, "out of memory (%zu bytes)", size);
	fuzz_live_allocs++;
	return p;
}

static void
fuzz_release(void *cx, void *ptr)
{
	if (ptr != NULL)
		fuzz_live_allocs--;
	free(ptr);
}

static void
fuzz_mem_fail(void *cx, const char *message)
{
	fuzz_fail(__FILE__, __LINE__, "MixMemory.fail: %s", message);
}

static const MixMemory FUZZ_MEM = {fuzz_alloc, fuzz_release, fuzz_mem_fail, NULL};

/* Called at the end of each input. */
static inline void
fuzz_check_no_leak(void)
{
	FUZZ_CHECK(fuzz_live_allocs == 0, "%ld allocations of the core not released", fuzz_live_allocs);
}

/* Buffers of the harness itself (not counted). */
static void *
xmalloc(size_t size)
{
	void	   *p = calloc(1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

/* ---- flat mixes ----------------------------------------------------------- */

typedef struct Flat
{
	char	   *buf;			/* varlena header space + flat form */
	size_t		size;
	MixView		v;
} Flat;

static uint64
bits_of(double d)
{
	uint64		u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

/*
 * Checks what the flat form promises (mix.h): header fields, names sorted
 * by bytes and unique, non-empty, at most MIX_MAX_KEY_LEN; quantities and
 * remainder finite, >= 0 and never -0; padding zero; sizes consistent.
 */
static void
check_canonical(const Flat *f)
{
	const MixView *v = &f->v;
	uint32		keybytes;

	FUZZ_CHECK((uint8) f->buf[4] == MIX_FORMAT_VERSION, "version byte %u", (uint8) f->buf[4]);
	FUZZ_CHECK(f->buf[5] == (v->weight ? MIX_FLAG_WEIGHTS : 0) && f->buf[6] == 0 && f->buf[7] == 0,
			   "flags %02x, reserved %02x %02x", (uint8) f->buf[5], (uint8) f->buf[6], (uint8) f->buf[7]);
	memcpy(&keybytes, f->buf + 12, sizeof(uint32));
	FUZZ_CHECK(f->size == mix_flat_size(v->count, keybytes, v->weight != NULL),
			   "size %zu for %u producers, %u name bytes", f->size, v->count, keybytes);
	FUZZ_CHECK(v->count <= MIX_MAX_PRODUCERS, "count %u", v->count);
	FUZZ_CHECK(isfinite(v->remainder) && v->remainder >= 0.0 && !signbit(v->remainder),
			   "remainder %.17g (bits %016llx)", v->remainder, (unsigned long long) bits_of(v->remainder));
	for (uint32 i = 0; i < v->count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(v, i, &len);
		double		q = v->quantity[i];

		FUZZ_CHECK(len >= 1 && len <= MIX_MAX_KEY_LEN, "producer %u has a name of %u bytes", i, len);
		FUZZ_CHECK(v->key_end[i] <= keybytes, "name end %u beyond %u", v->key_end[i], keybytes);
		FUZZ_CHECK(isfinite(q) && q >= 0.0 && !signbit(q),
				   "producer %u quantity %.17g (bits %016llx)", i, q, (unsigned long long) bits_of(q));
		if (v->weight)
			FUZZ_CHECK(isfinite(v->weight[i]) && v->weight[i] >= 0.0 && !signbit(v->weight[i]),
					   "producer %u weight %.17g", i, v->weight[i]);
		if (i > 0)
		{
			uint32		plen;
			const char *prev = mix_view_key(v, i - 1, &plen);

			FUZZ_CHECK(mix_key_cmp(prev, plen, key, len) < 0, "names %u and %u not in strict order", i - 1, i);
		}
		FUZZ_CHECK(mix_view_find(v, key, len) == (int64) i, "mix_view_find does not find producer %u", i);
	}
	if (v->count > 0)
		FUZZ_CHECK(v->key_end[v->count - 1] == keybytes, "last name end %u, name bytes %u",
				   v->key_end[v->count - 1], keybytes);
}

/* Flattens a table (the table stays), checks the result is canonical. */
static void
flat_from_table(const MixTable *t, Flat *f)
{
	MixStatus	st;

	f->size = mix_table_flat_size(t);
	f->buf = xmalloc(f->size);
	/* garbage where the core must write: padding must come out zeroed */
	memset(f->buf, 0xA5, f->size);
	mix_table_flatten(t, f->buf, f->size);
	st = mix_view(f->buf, f->size, &f->v);
	FUZZ_CHECK(st == MIX_OK, "mix_view of a fresh flat form: %s", mix_status_text(st));
	check_canonical(f);
}

static void
flat_free(Flat *f)
{
	free(f->buf);
	f->buf = NULL;
}

static bool
flat_eq(const Flat *a, const Flat *b)
{
	/* bytes 0-3 are the caller's varlena header, not written by the core */
	return a->size == b->size && memcmp(a->buf + 4, b->buf + 4, a->size - 4) == 0;
}

/* The text form of a flat mix (malloc'd); checks length and bound. */
static char *
format_flat(const Flat *f, size_t *outlen)
{
	size_t		bound = mix_text_size_bound(&f->v);
	char	   *buf = xmalloc(bound);
	size_t		n = mix_format_text(&f->v, buf);

	FUZZ_CHECK(n < bound, "text of %zu bytes, bound %zu", n, bound);
	FUZZ_CHECK(strlen(buf) == n, "text has a NUL inside (strlen %zu, length %zu)", strlen(buf), n);
	*outlen = n;
	return buf;
}

/* Text -> flat; MIX_OK or the status (f->buf NULL then). */
static MixStatus
parse_flat(const char *s, size_t len, Flat *f, MixParseError *err)
{
	MixTable   *t = mix_table_create(&FUZZ_MEM, 16);
	MixStatus	st = mix_parse_text(s, len, t, &FUZZ_MEM, err);

	memset(f, 0, sizeof(*f));
	if (st == MIX_OK)
		flat_from_table(t, f);
	mix_table_destroy(t);
	return st;
}

/* Wire encoding into a growing buffer. */
typedef struct WireBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} WireBuf;

static void
wire_write(void *arg, const void *bytes, size_t len)
{
	WireBuf    *w = arg;

	if (w->len + len > w->cap)
	{
		size_t		cap = Max(w->cap * 2, w->len + len + 64);
		char	   *d = xmalloc(cap);

		if (w->data)
			memcpy(d, w->data, w->len);
		free(w->data);
		w->data = d;
		w->cap = cap;
	}
	memcpy(w->data + w->len, bytes, len);
	w->len += len;
}

/*
 * flat -> text -> flat and flat -> wire -> flat must give the same bytes,
 * and printing the re-read mix must give the same text.
 */
static void
check_round_trips(const Flat *f)
{
	size_t		len,
				len2;
	char	   *text = format_flat(f, &len);
	Flat		back;
	MixParseError err;
	MixStatus	st = parse_flat(text, len, &back, &err);
	WireBuf		w = {0};
	MixTable   *t;
	size_t		off;
	char	   *text2;

	FUZZ_CHECK(st == MIX_OK, "printed mix does not read back: %s at byte %zu (%s): %.200s",
			   mix_status_text(st), err.offset, err.what ? err.what : "", text);
	FUZZ_CHECK(flat_eq(f, &back), "parse(print(m)) differs from m: %.200s", text);
	text2 = format_flat(&back, &len2);
	FUZZ_CHECK(len == len2 && memcmp(text, text2, len) == 0, "print(parse(print(m))) differs: %.200s / %.200s",
			   text, text2);
	free(text2);
	flat_free(&back);
	free(text);

	mix_encode_wire(&f->v, NULL, NULL, wire_write, &w);
	t = mix_table_create(&FUZZ_MEM, f->v.count);
	st = mix_decode_wire(w.data, w.len, t, NULL, NULL, &off);
	FUZZ_CHECK(st == MIX_OK, "encoded mix does not decode: %s at %zu", mix_status_text(st), off);
	flat_from_table(t, &back);
	FUZZ_CHECK(flat_eq(f, &back), "decode(encode(m)) differs from m");
	flat_free(&back);
	mix_table_destroy(t);
	free(w.data);
}

#endif							/* FUZZ_COMMON_H */
