/*
 * harness.h — the harness of the C unit tests (test/unit/test_*.c,
 * postgis/test/unit/test_*.c) and of the libFuzzer targets (fuzz/, through
 * fuzz/fuzz_common.h).  Each test program and each fuzz target is one
 * translation unit that includes this header once; everything here is
 * static, and the functions are static inline so that a program that does
 * not call one is not warned about it.
 *
 * No framework:
 *  - CHECK(cond, fmt, ...) counts a pass, or prints a failure with
 *    file:line, the test, the condition and the message, and counts it;
 *    CHECK_QUIET is the same but counts only failures (for the harness'
 *    own helpers, whose checks would otherwise add to every test's count);
 *    CHECK_ST, CHECK_NEAR and CHECK_BITS compare a status, a double within
 *    a tolerance, a double to the bit;
 *  - a test is a function; run_tests() runs a table of them (T(fn)),
 *    prints a line per test and, last, "N passed, M failed", and returns
 *    the exit status (non-zero when anything failed);
 *  - the MixMemory given to the core (MEM) is calloc/free with a counter
 *    of live allocations: run_tests() checks after each test, and a fuzz
 *    target after each input (check_no_leak()), that it is back to zero.
 *
 * Before including it:
 *  - HARNESS_ABORT_ON_FAILURE (the fuzzers): a failed check prints to
 *    stderr and aborts, which libFuzzer reports as a crash and saves the
 *    input;
 *  - HARNESS_CHECK_CANONICAL (the fuzzers): flat_from_table() checks every
 *    flat mix it makes against what mix.h promises (check_canonical());
 *  - HARNESS_NO_MIX (tests of code that does not use the mix core, e.g. the
 *    PostGIS wing's reach.c): only the runner and the checks, no mix.h.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include "c.h"
#include "pg_compat.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef HARNESS_NO_MIX
#include "mix.h"
#endif

/* ---- failing loudly ----------------------------------------------------- */

/* printf checking (plain printf: clang ignores pg_attribute_printf's gnu_printf) */
#if defined(__GNUC__) || defined(__clang__)
#define harness_printf(f, a) __attribute__((format(printf, f, a)))
#else
#define harness_printf(f, a)
#endif

static const char *current_test = "";

/* The rest of a report: the message and a newline, flushed. */
static inline void harness_vreport(FILE *out, const char *fmt, va_list ap) harness_printf(2, 0);

static inline void
harness_vreport(FILE *out, const char *fmt, va_list ap)
{
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	fflush(out);
}

pg_noreturn static inline void harness_fatal(const char *file, int line, const char *fmt,...) harness_printf(3, 4);

/* Something that cannot go on (out of memory, a failed Assert): aborts. */
static inline void
harness_fatal(const char *file, int line, const char *fmt,...)
{
	va_list		ap;

	fflush(stdout);
	fprintf(stderr, "\nFATAL at %s:%d [%s]: ", file, line, current_test);
	va_start(ap, fmt);
	harness_vreport(stderr, fmt, ap);
	va_end(ap);
	abort();
}

/* ---- checks ------------------------------------------------------------- */

static int	n_passed;
static int	n_failed;

#ifdef HARNESS_ABORT_ON_FAILURE
#define HARNESS_ABORTS true
#else
#define HARNESS_ABORTS false
#endif

static inline void check_failed(const char *file, int line, const char *expr, const char *fmt,...) harness_printf(4, 5);

static inline void
check_failed(const char *file, int line, const char *expr, const char *fmt,...)
{
	FILE	   *out = HARNESS_ABORTS ? stderr : stdout;
	va_list		ap;

	n_failed++;
	fflush(stdout);
	if (HARNESS_ABORTS)
		fprintf(out, "\nCHECK FAILED at %s:%d: (%s) ", file, line, expr);
	else
		fprintf(out, "FAIL %s:%d [%s] %s: ", file, line, current_test, expr);
	va_start(ap, fmt);
	harness_vreport(out, fmt, ap);
	va_end(ap);
	if (HARNESS_ABORTS)
		abort();
}

/* The message is only formatted when the check fails. */
#define CHECK(cond, ...) \
	(likely(cond) ? (void) n_passed++ : check_failed(__FILE__, __LINE__, #cond, __VA_ARGS__))
#define CHECK_QUIET(cond, ...) \
	(likely(cond) ? (void) 0 : check_failed(__FILE__, __LINE__, #cond, __VA_ARGS__))

static inline uint64
bits_of(double d)
{
	uint64		u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

#define CHECK_NEAR(got, want, tol) \
	do { \
		double		got_ = (got), want_ = (want); \
		CHECK(fabs(got_ - want_) <= (tol), "got %.17g, expected %.17g (tolerance %g)", got_, want_, (double) (tol)); \
	} while (0)

#define CHECK_BITS(got, want) \
	do { \
		double		got_ = (got), want_ = (want); \
		CHECK(memcmp(&got_, &want_, sizeof(double)) == 0, "got %.17g (%016llx), expected %.17g (%016llx)", \
			  got_, (unsigned long long) bits_of(got_), want_, (unsigned long long) bits_of(want_)); \
	} while (0)

/* Test-side buffers (not counted: they are the test's, not the core's). */
static inline void *
xmalloc(size_t size)
{
	void	   *p = calloc(1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

/* Deterministic PRNG: splitmix64.  Tests that use it seed rng_state first. */
static uint64 rng_state;

static inline uint64
rng_next(void)
{
	uint64		z = (rng_state += UINT64CONST(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* uniform in [0, n) */
static inline uint32
rng_below(uint32 n)
{
	return (uint32) (rng_next() % n);
}

/* A growable byte buffer (test side), kept NUL-terminated. */
typedef struct Buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buf;

static inline void
buf_put(Buf *b, const void *bytes, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		size_t		cap = Max(b->cap * 2, b->len + n + 64);
		char	   *d = realloc(b->data, cap);

		if (d == NULL)
			abort();
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
buf_str(Buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static inline void
buf_byte(Buf *b, int c)
{
	char		ch = (char) c;

	buf_put(b, &ch, 1);
}

static inline void
buf_free(Buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

#ifndef HARNESS_NO_MIX

/* ---- memory for the core ------------------------------------------------ */

static long live_allocs;

static inline void *
harness_alloc(void *cx, size_t size)
{
	void	   *p;

	/* the server refuses beyond MaxAllocHuge; nothing here should come close */
	if (size >= ((size_t) 1 << 32))
		harness_fatal(__FILE__, __LINE__, "the core asked for %zu bytes", size);
	p = calloc(1, size ? size : 1);
	if (p == NULL)
		harness_fatal(__FILE__, __LINE__, "out of memory (%zu bytes)", size);
	live_allocs++;
	return p;
}

static inline void
harness_release(void *cx, void *ptr)
{
	if (ptr != NULL)
		live_allocs--;
	free(ptr);
}

static inline void
harness_mem_fail(void *cx, const char *message)
{
	harness_fatal(__FILE__, __LINE__, "MixMemory.fail: %s", message);
}

static const MixMemory MEM = {harness_alloc, harness_release, harness_mem_fail, NULL};

/* Every allocation of the core released (after each test, each fuzz input). */
static inline void
check_no_leak(void)
{
	CHECK(live_allocs == 0, "%ld allocations of the core not released", live_allocs);
}

/* Status names, for messages. */
static inline const char *
st_name(MixStatus st)
{
	static const char *const names[] = {
		"MIX_OK", "MIX_SYNTAX", "MIX_NEGATIVE", "MIX_NOT_FINITE", "MIX_NUMBER_RANGE",
		"MIX_SUM_OVERFLOW", "MIX_EMPTY_KEY", "MIX_KEY_TOO_LONG", "MIX_TOO_MANY",
		"MIX_TOO_LARGE", "MIX_BAD_VERSION", "MIX_BAD_FLAGS", "MIX_BAD_WEIGHT",
		"MIX_WEIGHT_CONFLICT", "MIX_WEIGHT_MISSING"
	};

	if ((int) st >= 0 && (int) st < (int) lengthof(names))
		return names[st];
	return "?";
}

#define CHECK_ST(got, want) \
	do { \
		MixStatus	got_ = (got), want_ = (want); \
		CHECK(got_ == want_, "status %s, expected %s", st_name(got_), st_name(want_)); \
	} while (0)

/* ---- flat mixes ----------------------------------------------------------- */

typedef struct Flat
{
	char	   *buf;			/* varlena header space + flat form */
	size_t		size;
	MixView		v;
} Flat;

/*
 * Checks what the flat form promises (mix.h): header fields, names sorted
 * by bytes and unique, non-empty, at most MIX_MAX_KEY_LEN; quantities and
 * remainder finite, >= 0 and never -0; padding zero; sizes consistent.
 * Quiet: it runs on every flat mix a fuzz input makes.
 */
static inline void
check_canonical(const Flat *f)
{
	const MixView *v = &f->v;
	uint32		keybytes;

	CHECK_QUIET((uint8) f->buf[4] == MIX_FORMAT_VERSION, "version byte %u", (uint8) f->buf[4]);
	CHECK_QUIET(f->buf[5] == (v->weight ? MIX_FLAG_WEIGHTS : 0) && f->buf[6] == 0 && f->buf[7] == 0,
				"flags %02x, reserved %02x %02x", (uint8) f->buf[5], (uint8) f->buf[6], (uint8) f->buf[7]);
	memcpy(&keybytes, f->buf + 12, sizeof(uint32));
	CHECK_QUIET(f->size == mix_flat_size(v->count, keybytes, v->weight != NULL),
				"size %zu for %u producers, %u name bytes", f->size, v->count, keybytes);
	CHECK_QUIET(v->count <= MIX_MAX_PRODUCERS, "count %u", v->count);
	CHECK_QUIET(isfinite(v->remainder) && v->remainder >= 0.0 && !signbit(v->remainder),
				"remainder %.17g (bits %016llx)", v->remainder, (unsigned long long) bits_of(v->remainder));
	for (uint32 i = 0; i < v->count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(v, i, &len);
		double		q = v->quantity[i];

		CHECK_QUIET(len >= 1 && len <= MIX_MAX_KEY_LEN, "producer %u has a name of %u bytes", i, len);
		CHECK_QUIET(v->key_end[i] <= keybytes, "name end %u beyond %u", v->key_end[i], keybytes);
		CHECK_QUIET(isfinite(q) && q >= 0.0 && !signbit(q),
					"producer %u quantity %.17g (bits %016llx)", i, q, (unsigned long long) bits_of(q));
		if (v->weight)
			CHECK_QUIET(isfinite(v->weight[i]) && v->weight[i] >= 0.0 && !signbit(v->weight[i]),
						"producer %u weight %.17g", i, v->weight[i]);
		if (i > 0)
		{
			uint32		plen;
			const char *prev = mix_view_key(v, i - 1, &plen);

			CHECK_QUIET(mix_key_cmp(prev, plen, key, len) < 0, "names %u and %u not in strict order", i - 1, i);
		}
		CHECK_QUIET(mix_view_find(v, key, len) == (int64) i, "mix_view_find does not find producer %u", i);
	}
	if (v->count > 0)
		CHECK_QUIET(v->key_end[v->count - 1] == keybytes, "last name end %u, name bytes %u",
					v->key_end[v->count - 1], keybytes);
}

/*
 * Flattens a table (the table stays); with HARNESS_CHECK_CANONICAL (the
 * fuzzers), checks the result is canonical.  The unit tests do not: one
 * flattens a table after an add refused with MIX_SUM_OVERFLOW, which holds
 * an infinite sum.
 */
static inline void
flat_from_table(const MixTable *t, Flat *f)
{
	MixStatus	st;

	f->size = mix_table_flat_size(t);
	f->buf = xmalloc(f->size);
	/* garbage where the core must write: padding must come out zeroed */
	memset(f->buf, 0xA5, f->size);
	mix_table_flatten(t, f->buf, f->size);
	st = mix_view(f->buf, f->size, &f->v);
	CHECK_QUIET(st == MIX_OK, "mix_view of a fresh flat form: %s", st_name(st));
#ifdef HARNESS_CHECK_CANONICAL
	if (st == MIX_OK)
		check_canonical(f);
#endif
}

static inline void
flat_free(Flat *f)
{
	free(f->buf);
	f->buf = NULL;
}

static inline bool
flat_eq(const Flat *a, const Flat *b)
{
	/* bytes 0-3 are the caller's varlena header, not written by the core */
	return a->size == b->size && memcmp(a->buf + 4, b->buf + 4, a->size - 4) == 0;
}

static inline bool
view_key_is(const MixView *v, uint32 i, const char *key, size_t len)
{
	uint32		klen;
	const char *k = mix_view_key(v, i, &klen);

	return klen == len && memcmp(k, key, len) == 0;
}

/* ---- text and wire forms ------------------------------------------------ */

/* Parses text into a flat mix (only on MIX_OK; f->buf NULL otherwise). */
static inline MixStatus
parse_flat(const char *s, size_t len, Flat *f, MixParseError *err)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	MixStatus	st = mix_parse_text(s, len, t, &MEM, err);

	memset(f, 0, sizeof(*f));
	if (st == MIX_OK)
		flat_from_table(t, f);
	mix_table_destroy(t);
	return st;
}

static inline MixStatus
parse_flat_str(const char *s, Flat *f, MixParseError *err)
{
	return parse_flat(s, strlen(s), f, err);
}

/* The text form of a flat mix (malloc'd, in exactly the bound's size). */
static inline char *
format_flat(const Flat *f, size_t *outlen)
{
	size_t		bound = mix_text_size_bound(&f->v);
	char	   *buf = xmalloc(bound);
	size_t		n = mix_format_text(&f->v, buf);

	CHECK_QUIET(n < bound, "formatted %zu bytes + terminator > bound %zu", n, bound);
	CHECK_QUIET(strlen(buf) == n, "text has a NUL inside (strlen %zu, length %zu)", strlen(buf), n);
	if (outlen)
		*outlen = n;
	return buf;
}

/*
 * Parses `in`, checks the text form is `want`, and that the text form
 * parses back to the same flat bytes.
 */
static inline void
check_text(const char *in, const char *want)
{
	Flat		f,
				g;
	MixParseError err;
	MixStatus	st = parse_flat_str(in, &f, &err);
	char	   *out;
	size_t		outlen;

	CHECK(st == MIX_OK, "parse of %s: %s at %zu (%s)", in, st_name(st), err.offset,
		  err.what ? err.what : "");
	if (st != MIX_OK)
		return;
	out = format_flat(&f, &outlen);
	CHECK(strcmp(out, want) == 0 && outlen == strlen(want), "%s formats as %s, expected %s", in, out, want);
	st = parse_flat(out, outlen, &g, &err);
	CHECK(st == MIX_OK && flat_eq(&f, &g), "%s: text form %s does not parse back to the same mix (%s)",
		  in, out, st_name(st));
	free(out);
	flat_free(&f);
	flat_free(&g);
}

/* mix_encode_wire's writer: appends to a Buf. */
static inline void
wire_write(void *arg, const void *bytes, size_t len)
{
	buf_put((Buf *) arg, bytes, len);
}

/* Decodes wire bytes (copied into an exactly-sized buffer) into a flat mix. */
static inline MixStatus
decode_flat(const char *bytes, size_t len, Flat *f, size_t *error_offset)
{
	char	   *copy = malloc(len ? len : 1);
	MixTable   *t = mix_table_create(&MEM, 0);
	MixStatus	st;
	size_t		eo = (size_t) -1;

	if (copy == NULL)
		abort();
	memcpy(copy, bytes, len);
	st = mix_decode_wire(copy, len, t, NULL, NULL, &eo);
	memset(f, 0, sizeof(*f));
	if (st == MIX_OK)
		flat_from_table(t, f);
	mix_table_destroy(t);
	free(copy);
	if (error_offset)
		*error_offset = eo;
	return st;
}

#endif							/* HARNESS_NO_MIX */

/* ---- the runner --------------------------------------------------------- */

typedef struct Test
{
	const char *name;
	void		(*fn) (void);
} Test;

#define T(fn) {#fn, fn}

/*
 * Runs the tests in order, a line each; with the mix core, each must
 * release every allocation of the core (one check per test).  Returns the
 * exit status.
 */
static inline int
run_tests(const Test *tests, int ntests)
{
	for (int i = 0; i < ntests; i++)
	{
		int			failed_before = n_failed;

		current_test = tests[i].name;
#ifndef HARNESS_NO_MIX
		live_allocs = 0;
#endif
		tests[i].fn();
#ifndef HARNESS_NO_MIX
		check_no_leak();
#endif
		printf("%-40s %s\n", tests[i].name, n_failed == failed_before ? "ok" : "FAILED");
	}
	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed == 0 ? 0 : 1;
}

#endif							/* HARNESS_H */
