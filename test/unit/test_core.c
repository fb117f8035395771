/*
 * test_core.c — unit tests of the supply_mix core (src/core), no server.
 *
 * Built and run by `make unit`.  No framework: CHECK() records a pass or a
 * failure (with file:line and a message), each test is a function, and the
 * last line printed is "N passed, M failed"; the exit code is non-zero when
 * anything failed.
 *
 * The MixMemory used here is calloc/free with a live-allocation counter;
 * every test must leave the counter at zero (checked by the runner).
 */
#include "c.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>

#include "mix.h"
#include "measures.h"

/* ---- the runner --------------------------------------------------------- */

static int	n_passed;
static int	n_failed;
static const char *current_test = "";

static void
check_at(bool ok, const char *file, int line, const char *expr, const char *fmt,...)
{
	va_list		ap;

	if (ok)
	{
		n_passed++;
		return;
	}
	n_failed++;
	fprintf(stdout, "FAIL %s:%d [%s] %s: ", file, line, current_test, expr);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

#define CHECK(cond, ...) check_at((cond) ? true : false, __FILE__, __LINE__, #cond, __VA_ARGS__)

/* Status names, for messages. */
static const char *
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

static uint64
bits_of(double d)
{
	uint64		u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

/* ---- memory ------------------------------------------------------------- */

static long live_allocs;

static void *
t_alloc(void *cx, size_t size)
{
	void	   *p = calloc(1, size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "test_core: out of memory (%zu bytes)\n", size);
		abort();
	}
	live_allocs++;
	return p;
}

static void
t_release(void *cx, void *ptr)
{
	if (ptr != NULL)
		live_allocs--;
	free(ptr);
}

static void
t_fail(void *cx, const char *message)
{
	fprintf(stderr, "test_core: MixMemory fail: %s\n", message);
	fflush(stdout);
	abort();
}

static const MixMemory MEM = {t_alloc, t_release, t_fail, NULL};

/* Test-side buffers (not counted: they are the test's, not the core's). */
static void *
xmalloc(size_t size)
{
	void	   *p = calloc(1, size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

/* ---- helpers ------------------------------------------------------------ */

typedef struct Flat
{
	char	   *buf;
	size_t		size;
	MixView		v;
} Flat;

static void
flat_from_table(const MixTable *t, Flat *f)
{
	MixStatus	st;

	f->size = mix_table_flat_size(t);
	f->buf = xmalloc(f->size);
	mix_table_flatten(t, f->buf, f->size);
	st = mix_view(f->buf, f->size, &f->v);
	if (st != MIX_OK)
		CHECK_ST(st, MIX_OK);
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
	return a->size == b->size && memcmp(a->buf, b->buf, a->size) == 0;
}

/* Parses text into a flat mix (only on MIX_OK; f->buf NULL otherwise). */
static MixStatus
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

static MixStatus
parse_flat_str(const char *s, Flat *f, MixParseError *err)
{
	return parse_flat(s, strlen(s), f, err);
}

/* The text form of a flat mix, in a buffer of exactly the bound's size. */
static char *
format_flat(const Flat *f, size_t *outlen)
{
	size_t		bound = mix_text_size_bound(&f->v);
	char	   *buf = xmalloc(bound);
	size_t		n = mix_format_text(&f->v, buf);

	if (n + 1 > bound)
		CHECK(n + 1 <= bound, "formatted %zu bytes + terminator > bound %zu", n, bound);
	if (outlen)
		*outlen = n;
	return buf;
}

/*
 * Parses `in`, checks the text form is `want`, and that the text form
 * parses back to the same flat bytes.
 */
static void
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

static bool
view_key_is(const MixView *v, uint32 i, const char *key, size_t len)
{
	uint32		klen;
	const char *k = mix_view_key(v, i, &klen);

	return klen == len && memcmp(k, key, len) == 0;
}

/* Deterministic PRNG: splitmix64. */
static uint64 rng_state;

static uint64
rng_next(void)
{
	uint64		z = (rng_state += UINT64CONST(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* uniform in [0, n) */
static uint32
rng_below(uint32 n)
{
	return (uint32) (rng_next() % n);
}

/* A growable byte buffer (test side). */
typedef struct Buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buf;

static void
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

static void
buf_str(Buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static void
buf_byte(Buf *b, int c)
{
	char		ch = (char) c;

	buf_put(b, &ch, 1);
}

static void
buf_free(Buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

/* big-endian writers for hand-built wire messages */
static void
buf_be32(Buf *b, int32 v)
{
	uint32		u = (uint32) v;
	unsigned char c[4] = {u >> 24, u >> 16, u >> 8, u};

	buf_put(b, c, 4);
}

static void
buf_be64d(Buf *b, double d)
{
	uint64		u = bits_of(d);
	unsigned char c[8];

	for (int i = 0; i < 8; i++)
		c[i] = (unsigned char) (u >> (56 - 8 * i));
	buf_put(b, c, 8);
}

static void
wire_write(void *arg, const void *bytes, size_t len)
{
	buf_put((Buf *) arg, bytes, len);
}

/* Decodes wire bytes (copied into an exactly-sized buffer) into a flat mix. */
static MixStatus
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

static size_t
utf8_put(char *out, uint32 cp)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* ======================================================================== */
/* text form                                                                */
/* ======================================================================== */

static void
test_text_canonical_order(void)
{
	Flat		f;
	MixParseError err;

	/* memcmp order, a prefix first: "" (remainder, printed first), "B" (0x42) < "a" (0x61) < "ab" < "b" */
	check_text("{\"b\": 1, \"ab\": 2, \"a\": 3, \"B\": 4, \"\": 5}",
			   "{\"\": 5, \"B\": 4, \"a\": 3, \"ab\": 2, \"b\": 1}");
	check_text("{}", "{}");
	check_text(" \t\r\n{ \"x\" :\n7 ,\"y\":8 } \n", "{\"x\": 7, \"y\": 8}");

	CHECK_ST(parse_flat_str("{\"b\":1,\"ab\":2,\"a\":3,\"B\":4,\"\":5}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(f.v.count == 4, "count %u", f.v.count);
		CHECK(f.v.remainder == 5.0, "remainder %g", f.v.remainder);
		CHECK(view_key_is(&f.v, 0, "B", 1) && view_key_is(&f.v, 1, "a", 1) &&
			  view_key_is(&f.v, 2, "ab", 2) && view_key_is(&f.v, 3, "b", 1), "key order");
		CHECK(f.v.quantity[0] == 4 && f.v.quantity[1] == 3 && f.v.quantity[2] == 2 &&
			  f.v.quantity[3] == 1, "quantities follow their keys");
		/* flat header: version 1, flags 0, reserved 0, n, keybytes 1+1+2+1 */
		CHECK(f.buf[4] == 1 && f.buf[5] == 0 && f.buf[6] == 0 && f.buf[7] == 0, "header bytes");
		CHECK(f.size == (size_t) 24 + 12 * 4 + 5, "flat size %zu", f.size);
		CHECK(f.v.key_end[0] == 1 && f.v.key_end[1] == 2 && f.v.key_end[2] == 4 && f.v.key_end[3] == 5 &&
			  memcmp(f.v.keys, "Baabb", 5) == 0, "key area");
		flat_free(&f);
	}

	/*
	 * flatten writes every byte but the varlena header: into a buffer
	 * filled with 0xAA it gives the same bytes 4.. as into a zeroed one,
	 * and leaves bytes 0..3 alone
	 */
	{
		MixTable   *t = mix_table_create(&MEM, 0);
		Flat		z;
		char	   *dirty;

		mix_table_add(t, "xyz", 3, 1.0);
		mix_table_add(t, "w", 1, 2.0);
		mix_table_add(t, NULL, 0, 0.5);
		flat_from_table(t, &z);
		dirty = xmalloc(z.size);
		memset(dirty, 0xAA, z.size);
		mix_table_flatten(t, dirty, z.size);
		CHECK((unsigned char) dirty[0] == 0xAA && (unsigned char) dirty[3] == 0xAA, "varlena header touched");
		CHECK(memcmp(dirty + 4, z.buf + 4, z.size - 4) == 0, "flatten leaves bytes unwritten");
		free(dirty);
		flat_free(&z);
		mix_table_destroy(t);

		/* an empty table: the header alone */
		t = mix_table_create(&MEM, 0);
		CHECK(mix_table_flat_size(t) == MIX_HEADER_SIZE && mix_table_count(t) == 0, "empty table size");
		mix_table_destroy(t);
	}
}

static void
test_text_duplicates_and_remainder(void)
{
	/* duplicates add up, for names and for the remainder */
	check_text("{\"a\":1,\"b\":2,\"a\":3.5,\"\":1,\"\":2}", "{\"\": 3, \"a\": 4.5, \"b\": 2}");
	/* a remainder of 0 is not printed */
	check_text("{\"\":0,\"a\":1}", "{\"a\": 1}");
	check_text("{\"\":0}", "{}");
	/* a named producer of 0 stays */
	check_text("{\"a\":0}", "{\"a\": 0}");
	/* the same name written two ways is one producer */
	check_text("{\"a\":1,\"\\u0061\":2,\"\u00e9\":1,\"\xc3\xa9\":1}", "{\"a\": 3, \"\xc3\xa9\": 2}");
	/* only a remainder */
	check_text("{\"\":2.5}", "{\"\": 2.5}");
}

static void
test_text_negative_zero(void)
{
	Flat		f;
	MixParseError err;

	check_text("{\"a\":-0}", "{\"a\": 0}");
	check_text("{\"a\":-0.0e5, \"\":-0}", "{\"a\": 0}");
	CHECK_ST(parse_flat_str("{\"a\":-0,\"\":-0.0}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(!signbit(f.v.quantity[0]), "-0 stored with its sign");
		CHECK(!signbit(f.v.remainder), "-0 remainder stored with its sign");
		flat_free(&f);
	}
	/* -0 added to a positive sum changes nothing */
	check_text("{\"a\":2,\"a\":-0}", "{\"a\": 2}");
}

static void
test_text_escapes(void)
{
	Flat		f;
	MixParseError err;
	MixStatus	st;

	/* the two-character escapes: key bytes " \ / BS FF LF CR TAB (8 bytes) */
	st = parse_flat_str("{\"\\\"\\\\\\/\\b\\f\\n\\r\\t\":1}", &f, &err);
	CHECK_ST(st, MIX_OK);
	if (f.buf)
	{
		CHECK(f.v.count == 1 && view_key_is(&f.v, 0, "\"\\/\b\f\n\r\t", 8), "escapes decoded");
		CHECK(!err.non_ascii_escape, "no non-ASCII escape");
		flat_free(&f);
	}
	/* output escapes " \ and the controls; / is printed as is */
	check_text("{\"\\\"\\\\\\/\\b\\f\\n\\r\\t\":1}", "{\"\\\"\\\\/\\b\\f\\n\\r\\t\": 1}");

	/* \u00e9 -> C3 A9, and the flag */
	st = parse_flat_str("{\"caf\\u00e9\":1}", &f, &err);
	CHECK_ST(st, MIX_OK);
	CHECK(err.non_ascii_escape, "\\u00e9 sets non_ascii_escape");
	if (f.buf)
	{
		CHECK(view_key_is(&f.v, 0, "caf\xc3\xa9", 5), "\\u00e9 is C3 A9");
		flat_free(&f);
	}
	check_text("{\"caf\\u00E9\":1}", "{\"caf\xc3\xa9\": 1}");

	/* surrogate pair U+1F600 -> F0 9F 98 80 */
	st = parse_flat_str("{\"\\ud83d\\ude00\":1}", &f, &err);
	CHECK_ST(st, MIX_OK);
	CHECK(err.non_ascii_escape, "surrogate pair sets non_ascii_escape");
	if (f.buf)
	{
		CHECK(view_key_is(&f.v, 0, "\xf0\x9f\x98\x80", 4), "U+1F600 is 4 UTF-8 bytes");
		flat_free(&f);
	}
	/* highest code point: \udbff\udfff -> U+10FFFF -> F4 8F BF BF */
	st = parse_flat_str("{\"\\uDBFF\\uDFFF\":1}", &f, &err);
	CHECK_ST(st, MIX_OK);
	if (f.buf)
	{
		CHECK(view_key_is(&f.v, 0, "\xf4\x8f\xbf\xbf", 4), "U+10FFFF");
		flat_free(&f);
	}

	/* \u escapes at or below 0x7F do not set the flag; 0x80 and 0x800 do */
	st = parse_flat_str("{\"\\u0041\\u007f\":1}", &f, &err);
	CHECK_ST(st, MIX_OK);
	CHECK(!err.non_ascii_escape, "\\u0041\\u007f: flag not set");
	if (f.buf)
	{
		CHECK(view_key_is(&f.v, 0, "A\x7f", 2), "\\u0041\\u007f");
		flat_free(&f);
	}
	st = parse_flat_str("{\"\\u0080\":1}", &f, &err);
	CHECK(st == MIX_OK && err.non_ascii_escape, "\\u0080 sets the flag");
	if (f.buf)
	{
		CHECK(view_key_is(&f.v, 0, "\xc2\x80", 2), "\\u0080 is C2 80");
		flat_free(&f);
	}
	st = parse_flat_str("{\"\\u20ac\":1}", &f, &err);
	CHECK(st == MIX_OK && err.non_ascii_escape, "\\u20ac sets the flag");
	if (f.buf)
	{
		CHECK(view_key_is(&f.v, 0, "\xe2\x82\xac", 3), "\\u20ac is E2 82 AC");
		flat_free(&f);
	}
	/* raw UTF-8 (no escape) passes through and does not set the flag */
	st = parse_flat_str("{\"caf\xc3\xa9\":1}", &f, &err);
	CHECK(st == MIX_OK && !err.non_ascii_escape, "raw UTF-8 does not set the flag");
	if (f.buf)
		flat_free(&f);
	/* the flag is per call: reset by a later parse */
	st = parse_flat_str("{\"\\u00e9\":1}", &f, &err);
	if (f.buf)
		flat_free(&f);
	st = parse_flat_str("{\"e\":1}", &f, &err);
	CHECK(st == MIX_OK && !err.non_ascii_escape, "flag cleared by the next parse");
	if (f.buf)
		flat_free(&f);

	/* controls without a short escape print as \u00XX (lower-case hex); DEL as is */
	check_text("{\"\\u0001\\u001F\\u000b\\u007f\":1}", "{\"\\u0001\\u001f\\u000b\x7f\": 1}");
	/* \u0008 etc. print with their short escape */
	check_text("{\"\\u0008\\u000C\\u000a\\u000D\\u0009\\u0022\\u005C\\u002F\":1}",
			   "{\"\\b\\f\\n\\r\\t\\\"\\\\/\": 1}");
	/* bytes >= 0x80 print as they are */
	check_text("{\"\xff\x80\":1}", "{\"\xff\x80\": 1}");
}

typedef struct NumCase
{
	const char *in;
	double		value;
	const char *out;
} NumCase;

static void
test_text_numbers(void)
{
	static const NumCase cases[] = {
		{"0.1", 0.1, "0.1"},
		{"5e-324", 5e-324, "5e-324"},
		{"4.9406564584124654e-324", 5e-324, "5e-324"},
		{"1.7976931348623157e308", 1.7976931348623157e308, "1.7976931348623157e+308"},
		{"1e22", 1e22, "1e+22"},
		{"1E+22", 1e22, "1e+22"},
		{"10000000000000000000000", 1e22, "1e+22"},
		{"2.2250738585072014e-308", 2.2250738585072014e-308, "2.2250738585072014e-308"},
		{"0.30000000000000004", 0.30000000000000004, "0.30000000000000004"},
		{"123456", 123456.0, "123456"},
		{"9007199254740993", 9007199254740992.0, "9.007199254740992e+15"},	/* 2^53+1 rounds to even; exponent >= 15 prints in e form */
		{"100000000000000", 1e14, "100000000000000"},
		{"1000000000000000", 1e15, "1e+15"},
		{"10000000000000002", 10000000000000002.0, "1.0000000000000002e+16"},
		{"0.5e-1", 0.05, "0.05"},
		{"0.0001", 0.0001, "0.0001"},
		{"0", 0.0, "0"},
		{"0e0", 0.0, "0"},
	};

	for (int i = 0; i < (int) lengthof(cases); i++)
	{
		char		in[128],
					want[128];
		Flat		f,
					g;
		MixParseError err;
		MixStatus	st;
		char	   *out;
		size_t		outlen;

		snprintf(in, sizeof(in), "{\"a\":%s}", cases[i].in);
		snprintf(want, sizeof(want), "{\"a\": %s}", cases[i].out);
		st = parse_flat_str(in, &f, &err);
		CHECK(st == MIX_OK, "%s: %s", in, st_name(st));
		if (st != MIX_OK)
			continue;
		CHECK_BITS(f.v.quantity[0], cases[i].value);
		out = format_flat(&f, &outlen);
		CHECK(strcmp(out, want) == 0, "%s formats as %s, expected %s", in, out, want);
		st = parse_flat(out, outlen, &g, &err);
		CHECK(st == MIX_OK && g.v.count == 1 &&
			  bits_of(g.v.quantity[0]) == bits_of(cases[i].value),
			  "%s: %s does not read back to the same bits", in, out);
		free(out);
		flat_free(&f);
		flat_free(&g);
	}
	/* the same for the remainder */
	check_text("{\"\":5e-324}", "{\"\": 5e-324}");
	check_text("{\"\":1.7976931348623157e308}", "{\"\": 1.7976931348623157e+308}");
}

typedef struct BadCase
{
	const char *in;
	MixStatus	status;
	size_t		offset;
} BadCase;

static void
test_text_malformed(void)
{
	static const BadCase cases[] = {
		{"", MIX_SYNTAX, 0},
		{"   ", MIX_SYNTAX, 3},
		{"{", MIX_SYNTAX, 1},
		{"{\"a\":}", MIX_SYNTAX, 5},
		{"{\"a\":1,}", MIX_SYNTAX, 7},
		{"{\"a\":1} x", MIX_SYNTAX, 8},
		{"{\"a\":1}}", MIX_SYNTAX, 7},
		{"[1]", MIX_SYNTAX, 0},
		{"{\"a\":\"1\"}", MIX_SYNTAX, 5},
		{"{\"a\":null}", MIX_SYNTAX, 5},
		{"{\"a\":NaN}", MIX_SYNTAX, 5},
		{"{\"a\":Infinity}", MIX_SYNTAX, 5},
		{"{a:1}", MIX_SYNTAX, 1},
		{"{,}", MIX_SYNTAX, 1},
		{"{\"a\" 1}", MIX_SYNTAX, 5},
		{"{\"a\":1 \"b\":2}", MIX_SYNTAX, 7},
		{"{\"a\":1", MIX_SYNTAX, 6},
		{"{\"a\"", MIX_SYNTAX, 4},
		{"{\"a", MIX_SYNTAX, 1},	/* unterminated string: where it opened */
		{"{\"a\\", MIX_SYNTAX, 4},	/* nothing after the backslash */
		{"{\"a\":-1}", MIX_NEGATIVE, 5},
		{"{\"a\":-5e-324}", MIX_NEGATIVE, 5},
		{"{\"b\":1, \"a\":-0.5}", MIX_NEGATIVE, 12},
		{"{\"\":-1}", MIX_NEGATIVE, 4},
		{"{\"a\":01}", MIX_SYNTAX, 5},
		{"{\"a\":-01}", MIX_SYNTAX, 5},
		{"{\"a\":+1}", MIX_SYNTAX, 5},
		{"{\"a\":.5}", MIX_SYNTAX, 5},
		{"{\"a\":-}", MIX_SYNTAX, 5},
		{"{\"a\":1.}", MIX_SYNTAX, 7},
		{"{\"a\":1.e5}", MIX_SYNTAX, 7},
		{"{\"a\":1e}", MIX_SYNTAX, 7},
		{"{\"a\":1e+}", MIX_SYNTAX, 8},
		{"{\"a\":0x10}", MIX_SYNTAX, 6},
		{"{\"\\u0000\":1}", MIX_SYNTAX, 2},
		{"{\"ab\\u0000\":1}", MIX_SYNTAX, 4},
		{"{\"\\x\":1}", MIX_SYNTAX, 2},
		{"{\"\\U00e9\":1}", MIX_SYNTAX, 2},
		{"{\"\\u00g0\":1}", MIX_SYNTAX, 6},	/* the bad hex digit */
		{"{\"\\u00", MIX_SYNTAX, 4},
		{"{\"\\ud800\":1}", MIX_SYNTAX, 2},	/* lone high surrogate */
		{"{\"\\ud800x\":1}", MIX_SYNTAX, 2},
		{"{\"\\udc00\":1}", MIX_SYNTAX, 2},	/* lone low surrogate */
		{"{\"x\\udfff\\ud800\":1}", MIX_SYNTAX, 3},
		{"{\"\\ud800\\u0041\":1}", MIX_SYNTAX, 2},	/* high then not low */
		{"{\"\\ud800\\ud800\":1}", MIX_SYNTAX, 2},
		{"{\"x\\ud83dy\":1}", MIX_SYNTAX, 3},
		{"{\"a\":1e309}", MIX_NUMBER_RANGE, 5},
		{"{\"a\":1e-400}", MIX_NUMBER_RANGE, 5},
		{"{\"a\":-1e-400}", MIX_NUMBER_RANGE, 5},
		{"{\"a\":1.8e308}", MIX_NUMBER_RANGE, 5},
		{"{\"a\":2e-324}", MIX_NUMBER_RANGE, 5},	/* rounds to 0 */
		/* the second 1.7e308 for "a" overflows: the error is at that member (offset 13) */
		{"{\"a\":1.7e308,\"a\":1.7e308}", MIX_SUM_OVERFLOW, 13},
		{"{\"\":1.7e308,\"\":1.7e308}", MIX_SUM_OVERFLOW, 12},
	};

	for (int i = 0; i < (int) lengthof(cases); i++)
	{
		MixTable   *t = mix_table_create(&MEM, 0);
		MixParseError err;
		MixStatus	st;

		memset(&err, 0x7f, sizeof(err));
		st = mix_parse_text(cases[i].in, strlen(cases[i].in), t, &MEM, &err);
		CHECK(st == cases[i].status && err.status == st && err.offset == cases[i].offset &&
			  err.what != NULL,
			  "'%s': %s at %zu (%s), expected %s at %zu", cases[i].in, st_name(st), err.offset,
			  st == cases[i].status && err.what ? err.what : "", st_name(cases[i].status),
			  cases[i].offset);
		mix_table_destroy(t);
	}

	/* a raw control character inside a string, and a NUL byte in the input */
	{
		static const char nul_in[] = "{\"a\0\":1}";
		const char *ctl_in = "{\"a\x01\":1}";
		MixTable   *t = mix_table_create(&MEM, 0);
		MixParseError err;
		MixStatus	st;

		st = mix_parse_text(ctl_in, strlen(ctl_in), t, &MEM, &err);
		CHECK(st == MIX_SYNTAX && err.offset == 3, "raw control char: %s at %zu", st_name(st), err.offset);
		st = mix_parse_text(nul_in, sizeof(nul_in) - 1, t, &MEM, &err);
		CHECK(st == MIX_SYNTAX && err.offset == 3, "raw NUL: %s at %zu", st_name(st), err.offset);
		/* the length is honoured: the text stops before "}" */
		st = mix_parse_text("{\"a\":1}", 6, t, &MEM, &err);
		CHECK(st == MIX_SYNTAX && err.offset == 6, "length honoured: %s at %zu", st_name(st), err.offset);
		mix_table_destroy(t);
	}
}

static void
test_text_key_length(void)
{
	Buf			b = {0};
	Flat		f;
	MixParseError err;
	MixStatus	st;
	char		key[1025];

	memset(key, 'k', sizeof(key));

	/* 1024 bytes: accepted */
	buf_str(&b, "{\"");
	buf_put(&b, key, 1024);
	buf_str(&b, "\":1}");
	st = parse_flat(b.data, b.len, &f, &err);
	CHECK_ST(st, MIX_OK);
	if (f.buf)
	{
		CHECK(f.v.count == 1 && view_key_is(&f.v, 0, key, 1024), "1024-byte key kept");
		flat_free(&f);
	}
	buf_free(&b);

	/* 1025 bytes: too long, at the opening quote (offset 1) */
	buf_str(&b, "{\"");
	buf_put(&b, key, 1025);
	buf_str(&b, "\":1}");
	st = parse_flat(b.data, b.len, &f, &err);
	CHECK(st == MIX_KEY_TOO_LONG && err.offset == 1, "1025-byte key: %s at %zu", st_name(st), err.offset);
	buf_free(&b);

	/* the limit is on decoded bytes: 512 x \u00e9 = 1024 bytes is fine ... */
	buf_str(&b, "{\"a\":1, \"");
	for (int i = 0; i < 512; i++)
		buf_str(&b, "\\u00e9");
	buf_str(&b, "\":1}");
	st = parse_flat(b.data, b.len, &f, &err);
	CHECK_ST(st, MIX_OK);
	if (f.buf)
	{
		uint32		len;

		(void) mix_view_key(&f.v, 1, &len);
		CHECK(f.v.count == 2 && len == 1024, "escaped 1024-byte key: count %u, len %u", f.v.count, len);
		flat_free(&f);
	}
	buf_free(&b);
	/* ... and 341 x \u20ac (1023 bytes) + "ab" = 1025 is not (key opens at 8) */
	buf_str(&b, "{\"a\":1, \"");
	for (int i = 0; i < 341; i++)
		buf_str(&b, "\\u20ac");
	buf_str(&b, "ab\":1}");
	st = parse_flat(b.data, b.len, &f, &err);
	CHECK(st == MIX_KEY_TOO_LONG && err.offset == 8, "escaped 1025-byte key: %s at %zu", st_name(st), err.offset);
	buf_free(&b);
}

/*
 * Random mixes: the JSON text and, alongside, the raw key bytes and the
 * quantities, so the parse can be checked against a table built directly.
 */
typedef struct RandKey
{
	char		raw[1100];
	size_t		rawlen;
	Buf			json;			/* the key, JSON-escaped, with its quotes */
} RandKey;

static void
rand_key(RandKey *k)
{
	int			pieces = 1 + (int) rng_below(rng_below(20) == 0 ? 200 : 12);

	k->rawlen = 0;
	memset(&k->json, 0, sizeof(k->json));
	buf_byte(&k->json, '"');
	for (int i = 0; i < pieces && k->rawlen < 1000; i++)
	{
		char		esc[16];
		uint32		kind = rng_below(12);

		switch (kind)
		{
			case 0:
			case 1:
			case 2:
				{
					/* printable ASCII */
					char		c = (char) (0x20 + rng_below(0x5f));

					k->raw[k->rawlen++] = c;
					if (c == '"' || c == '\\')
						buf_byte(&k->json, '\\');
					buf_byte(&k->json, c);
					break;
				}
			case 3:
				{
					/* a raw byte >= 0x80 */
					char		c = (char) (0x80 + rng_below(0x80));

					k->raw[k->rawlen++] = c;
					buf_byte(&k->json, c);
					break;
				}
			case 4:
				{
					static const char shorts[] = "\"\\/bfnrt";
					static const char decoded[] = "\"\\/\b\f\n\r\t";
					int			j = (int) rng_below(8);

					k->raw[k->rawlen++] = decoded[j];
					buf_byte(&k->json, '\\');
					buf_byte(&k->json, shorts[j]);
					break;
				}
			case 5:
				{
					/* a control character as \u00XX, upper or lower hex */
					uint32		c = 1 + rng_below(0x1f);

					k->raw[k->rawlen++] = (char) c;
					snprintf(esc, sizeof(esc), rng_below(2) ? "\\u%04x" : "\\u%04X", c);
					buf_str(&k->json, esc);
					break;
				}
			case 6:
				{
					/* any BMP code point but the surrogates and U+0000, as \uXXXX */
					uint32		cp;

					do
						cp = 1 + rng_below(0xFFFF);
					while (cp >= 0xD800 && cp <= 0xDFFF);
					k->rawlen += utf8_put(k->raw + k->rawlen, cp);
					snprintf(esc, sizeof(esc), "\\u%04x", cp);
					buf_str(&k->json, esc);
					break;
				}
			case 7:
				{
					/* an astral code point as a surrogate pair */
					uint32		cp = 0x10000 + rng_below(0x100000);

					k->rawlen += utf8_put(k->raw + k->rawlen, cp);
					snprintf(esc, sizeof(esc), "\\u%04X\\u%04x", 0xD800 + ((cp - 0x10000) >> 10),
							 0xDC00 + ((cp - 0x10000) & 0x3FF));
					buf_str(&k->json, esc);
					break;
				}
			case 8:
				k->rawlen += utf8_put(k->raw + k->rawlen, 0xe9);
				buf_str(&k->json, "\\u00e9");
				break;
			default:
				{
					/* short ASCII run from a small alphabet: many shared prefixes */
					char		c = "abAB"[rng_below(4)];

					k->raw[k->rawlen++] = c;
					buf_byte(&k->json, c);
					break;
				}
		}
	}
	buf_byte(&k->json, '"');
}

/* A random quantity as JSON text, and its value. */
static double
rand_quantity(char *text, size_t size)
{
	uint32		kind = rng_below(6);

	if (kind == 0)
	{
		/* an exact integer up to 2^53 */
		uint64		v = rng_next() >> (11 + rng_below(53));

		snprintf(text, size, "%llu", (unsigned long long) v);
	}
	else if (kind == 1)
	{
		/* small integer */
		snprintf(text, size, "%u", rng_below(1000));
	}
	else if (kind == 2)
	{
		/* a decimal fraction */
		snprintf(text, size, "%u.%03u", rng_below(100000), rng_below(1000));
	}
	else
	{
		/* up to 17 significant digits, value within 1e-300 .. 1e300 */
		uint64		m = 1 + rng_next() % UINT64CONST(99999999999999999);
		int			e = -300 + (int) rng_below(300 - 17 + 300 + 1);

		snprintf(text, size, rng_below(2) ? "%llue%d" : "%lluE%+d", (unsigned long long) m, e);
	}
	return strtod(text, NULL);
}

static void
test_text_round_trip_random(void)
{
	int			bad_parse = 0,
				bad_model = 0,
				bad_reparse = 0,
				bad_text = 0,
				bad_wire = 0,
				bad_bound = 0;
	int			mixes = 400;

	rng_state = 20261127;
	for (int m = 0; m < mixes; m++)
	{
		int			nmembers = (int) rng_below(m % 10 == 0 ? 200 : 20);
		RandKey    *keys = xmalloc(sizeof(RandKey) * (nmembers + 1));
		int			nkeys = 0;
		Buf			text = {0};
		MixTable   *model = mix_table_create(&MEM, 0);
		Flat		f1,
					f2,
					fw;
		MixParseError err;
		MixStatus	st;
		char	   *t2,
				   *t3;
		size_t		t2len,
					t3len;
		Buf			wire = {0};

		buf_byte(&text, '{');
		for (int i = 0; i < nmembers; i++)
		{
			char		qtext[64];
			double		q = rand_quantity(qtext, sizeof(qtext));
			uint32		what = rng_below(10);
			RandKey    *k;

			if (i > 0)
				buf_str(&text, rng_below(2) ? "," : " ,\n ");
			if (what == 0)
			{
				/* the remainder */
				buf_str(&text, "\"\"");
				mix_table_add(model, NULL, 0, q);
			}
			else
			{
				if (what == 1 && nkeys > 0)
					k = &keys[rng_below(nkeys)];	/* a repeated name */
				else
				{
					k = &keys[nkeys++];
					rand_key(k);
				}
				buf_put(&text, k->json.data, k->json.len);
				mix_table_add(model, k->raw, k->rawlen, q);
			}
			buf_str(&text, rng_below(2) ? ":" : " : ");
			buf_str(&text, qtext);
		}
		buf_byte(&text, '}');

		st = parse_flat(text.data, text.len, &f1, &err);
		if (st != MIX_OK)
		{
			if (bad_parse++ == 0)
				CHECK(st == MIX_OK, "random mix %d: %s at %zu (%s) in %s", m, st_name(st), err.offset,
					  err.what ? err.what : "", text.data);
		}
		else
		{
			Flat		fm;

			flat_from_table(model, &fm);
			if (!flat_eq(&f1, &fm) && bad_model++ == 0)
				CHECK(false, "random mix %d: parse differs from the table built from raw keys: %s",
					  m, text.data);
			flat_free(&fm);

			t2 = format_flat(&f1, &t2len);
			if (t2len + 1 > mix_text_size_bound(&f1.v))
				bad_bound++;
			st = parse_flat(t2, t2len, &f2, &err);
			if ((st != MIX_OK || !flat_eq(&f1, &f2)) && bad_reparse++ == 0)
				CHECK(false, "random mix %d: text form does not parse back (%s at %zu): %s", m,
					  st_name(st), err.offset, t2);
			if (st == MIX_OK)
			{
				t3 = format_flat(&f2, &t3len);
				if ((t3len != t2len || memcmp(t2, t3, t2len) != 0) && bad_text++ == 0)
					CHECK(false, "random mix %d: text differs on the second round: %s / %s", m, t2, t3);
				free(t3);
				flat_free(&f2);
			}
			free(t2);

			/* and the wire format */
			mix_encode_wire(&f1.v, NULL, NULL, wire_write, &wire);
			st = decode_flat(wire.data, wire.len, &fw, NULL);
			if ((st != MIX_OK || !flat_eq(&f1, &fw)) && bad_wire++ == 0)
				CHECK(false, "random mix %d: wire round trip: %s", m, st_name(st));
			if (fw.buf)
				flat_free(&fw);
			flat_free(&f1);
		}
		buf_free(&wire);
		buf_free(&text);
		for (int i = 0; i < nkeys; i++)
			buf_free(&keys[i].json);
		free(keys);
		mix_table_destroy(model);
	}
	CHECK(bad_parse == 0, "%d of %d random mixes failed to parse", bad_parse, mixes);
	CHECK(bad_model == 0, "%d of %d random mixes differ from the directly built table", bad_model, mixes);
	CHECK(bad_reparse == 0, "%d of %d random mixes: parse(format(x)) != x", bad_reparse, mixes);
	CHECK(bad_text == 0, "%d of %d random mixes: format not stable", bad_text, mixes);
	CHECK(bad_bound == 0, "%d of %d random mixes: text longer than the bound", bad_bound, mixes);
	CHECK(bad_wire == 0, "%d of %d random mixes: decode(encode(x)) != x", bad_wire, mixes);
}

/* ======================================================================== */
/* the table                                                                */
/* ======================================================================== */

static void
test_table_add_errors(void)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		before,
				after;
	char		long_key[1025];

	memset(long_key, 'x', sizeof(long_key));
	CHECK_ST(mix_table_add(t, "a", 1, 1.5), MIX_OK);
	CHECK_ST(mix_table_add(t, NULL, 0, 2.0), MIX_OK);
	flat_from_table(t, &before);

	CHECK_ST(mix_table_add(t, "a", 1, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "a", 1, INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "a", 1, -INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "new", 3, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, NULL, 0, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, NULL, 0, INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_add(t, "a", 1, -1.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, "a", 1, -5e-324), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, "new", 3, -1.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, NULL, 0, -1.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_add(t, "", 0, 1.0), MIX_EMPTY_KEY);
	CHECK_ST(mix_table_add(t, long_key, 1025, 1.0), MIX_KEY_TOO_LONG);
	CHECK_ST(mix_table_set(t, "a", 1, NAN), MIX_NOT_FINITE);
	CHECK_ST(mix_table_set(t, "a", 1, -2.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_set(t, NULL, 0, -2.0), MIX_NEGATIVE);
	CHECK_ST(mix_table_set(t, NULL, 0, INFINITY), MIX_NOT_FINITE);
	CHECK_ST(mix_table_set(t, "", 0, 1.0), MIX_EMPTY_KEY);
	CHECK_ST(mix_table_set(t, long_key, 1025, 1.0), MIX_KEY_TOO_LONG);
	/* -0 is fine and changes nothing */
	CHECK_ST(mix_table_add(t, "a", 1, -0.0), MIX_OK);
	CHECK_ST(mix_table_add(t, NULL, 0, -0.0), MIX_OK);

	CHECK(mix_table_count(t) == 1, "count %u after errors", mix_table_count(t));
	flat_from_table(t, &after);
	CHECK(flat_eq(&before, &after), "table changed by failed adds");
	flat_free(&before);
	flat_free(&after);

	/* a 1024-byte key is fine */
	CHECK_ST(mix_table_add(t, long_key, 1024, 1.0), MIX_OK);
	CHECK(mix_table_count(t) == 2, "count %u", mix_table_count(t));
	mix_table_destroy(t);

	/* -0 into a fresh entry and remainder: stored as +0 */
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add(t, "z", 1, -0.0), MIX_OK);
	CHECK_ST(mix_table_set(t, NULL, 0, -0.0), MIX_OK);
	flat_from_table(t, &after);
	CHECK(after.v.count == 1 && !signbit(after.v.quantity[0]) && !signbit(after.v.remainder),
		  "-0 stored as +0");
	flat_free(&after);
	mix_table_destroy(t);
}

static void
test_table_compensated(void)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;
	double		naive = 0.0;

	for (int i = 0; i < 10; i++)
	{
		CHECK_ST(mix_table_add(t, "a", 1, 0.1), MIX_OK);
		CHECK_ST(mix_table_add(t, NULL, 0, 0.1), MIX_OK);
		naive += 0.1;
	}
	/* the plain sum is 0.9999999999999999: the test means something */
	CHECK(naive != 1.0, "naive sum of ten 0.1 is %.17g", naive);
	CHECK_ST(mix_table_add(t, "b", 1, 1e16), MIX_OK);
	CHECK_ST(mix_table_add(t, "b", 1, 1.0), MIX_OK);
	CHECK_ST(mix_table_add(t, "b", 1, 1.0), MIX_OK);
	flat_from_table(t, &f);
	CHECK_BITS(f.v.quantity[0], 1.0);
	CHECK_BITS(f.v.remainder, 1.0);
	/* 1e16 + 1 rounds back to 1e16 (a tie, to even) in plain sums */
	CHECK_BITS(f.v.quantity[1], 10000000000000002.0);
	flat_free(&f);
	mix_table_destroy(t);
}

/*
 * A sum that fits while adding must fit once flattened: every add below
 * returns MIX_OK, so the flat form must hold finite quantities.
 * DBL_MAX's ulp is 2^971; 2^969 is a quarter of it, so each add leaves the
 * running sum at DBL_MAX and puts 2^969 into the compensation; after three,
 * sum + comp = DBL_MAX + 1.5 * 2^970 rounds to infinity.
 */
static void
test_table_sum_overflow(void)
{
	MixTable   *t;
	Flat		f;
	double		quarter = ldexp(1.0, 969);
	MixStatus	st[4];
	bool		reported;

	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add(t, "a", 1, 1.7e308), MIX_OK);
	CHECK_ST(mix_table_add(t, "a", 1, 1.7e308), MIX_SUM_OVERFLOW);
	mix_table_destroy(t);

	t = mix_table_create(&MEM, 0);
	st[0] = mix_table_add(t, "a", 1, DBL_MAX);
	st[1] = mix_table_add(t, "a", 1, quarter);
	st[2] = mix_table_add(t, "a", 1, quarter);
	st[3] = mix_table_add(t, "a", 1, quarter);
	reported = st[0] == MIX_SUM_OVERFLOW || st[1] == MIX_SUM_OVERFLOW ||
		st[2] == MIX_SUM_OVERFLOW || st[3] == MIX_SUM_OVERFLOW;
	flat_from_table(t, &f);
	CHECK(reported || isfinite(f.v.quantity[0]),
		  "adds of DBL_MAX + 3 x 2^969 returned %s %s %s %s but the flat quantity is %g",
		  st_name(st[0]), st_name(st[1]), st_name(st[2]), st_name(st[3]), f.v.quantity[0]);
	flat_free(&f);
	mix_table_destroy(t);

	/* the same for the remainder */
	t = mix_table_create(&MEM, 0);
	st[0] = mix_table_add(t, NULL, 0, DBL_MAX);
	st[1] = mix_table_add(t, NULL, 0, quarter);
	st[2] = mix_table_add(t, NULL, 0, quarter);
	st[3] = mix_table_add(t, NULL, 0, quarter);
	reported = st[0] == MIX_SUM_OVERFLOW || st[1] == MIX_SUM_OVERFLOW ||
		st[2] == MIX_SUM_OVERFLOW || st[3] == MIX_SUM_OVERFLOW;
	flat_from_table(t, &f);
	CHECK(reported || isfinite(f.v.remainder),
		  "remainder adds of DBL_MAX + 3 x 2^969 returned %s %s %s %s but the flat remainder is %g",
		  st_name(st[0]), st_name(st[1]), st_name(st[2]), st_name(st[3]), f.v.remainder);
	flat_free(&f);
	mix_table_destroy(t);

	/* through the text form: the parse must fail, or print something that parses */
	{
		char		text[256];
		Flat		g,
					h;
		MixParseError err;
		MixStatus	s;

		snprintf(text, sizeof(text), "{\"a\":%.17g,\"a\":%.17g,\"a\":%.17g,\"a\":%.17g}",
				 DBL_MAX, quarter, quarter, quarter);
		s = parse_flat_str(text, &g, &err);
		if (s == MIX_OK)
		{
			size_t		len;
			char	   *out = format_flat(&g, &len);

			s = parse_flat(out, len, &h, &err);
			CHECK(s == MIX_OK, "%s parses, but its text form %s does not (%s)", text, out, st_name(s));
			if (h.buf)
				flat_free(&h);
			free(out);
			flat_free(&g);
		}
		else
			CHECK_ST(s, MIX_SUM_OVERFLOW);
	}
}

/* Fisher-Yates with the test PRNG */
static void
shuffle(int *a, int n)
{
	for (int i = n - 1; i > 0; i--)
	{
		int			j = (int) rng_below((uint32) i + 1);
		int			tmp = a[i];

		a[i] = a[j];
		a[j] = tmp;
	}
}

typedef struct Row
{
	const char *key;			/* NULL: remainder */
	double		q;
} Row;

static void
build_from_rows(const Row *rows, const int *order, int n, Flat *f)
{
	MixTable   *t = mix_table_create(&MEM, 0);

	for (int i = 0; i < n; i++)
	{
		const Row  *r = &rows[order[i]];

		mix_table_add(t, r->key, r->key ? strlen(r->key) : 0, r->q);
	}
	flat_from_table(t, f);
	mix_table_destroy(t);
}

static void
test_table_order_independence(void)
{
	/*
	 * Rows whose plain sums depend on the order: 1e16 with small addends
	 * (each lost alone), 0.1/0.2/0.3 (0.1+0.2+0.3 = 0.6000000000000001 but
	 * 0.3+0.2+0.1 = 0.6).
	 */
	static const Row rows[] = {
		{"x", 1e16}, {"x", 1.0}, {"x", 1.0}, {"x", 0.5}, {"x", 0.25},
		{"y", 0.1}, {"y", 0.2}, {"y", 0.3}, {"y", 0.7}, {"y", 1e-17},
		{NULL, 0.1}, {NULL, 0.2}, {NULL, 0.3},
		{"z", 3.0}, {"w", 1e300}, {"w", 2e284}, {"w", 1.0},
	};
	int			n = (int) lengthof(rows);
	int			order[lengthof(rows)];
	Flat		first,
				other;
	int			differ = 0;
	double		plain_a,
				plain_b;

	/* the orders matter for plain sums */
	plain_a = (0.1 + 0.2) + 0.3;
	plain_b = (0.3 + 0.2) + 0.1;
	CHECK(plain_a != plain_b, "plain sums %.17g %.17g", plain_a, plain_b);

	for (int i = 0; i < n; i++)
		order[i] = i;
	build_from_rows(rows, order, n, &first);
	/* reversed */
	for (int i = 0; i < n; i++)
		order[i] = n - 1 - i;
	build_from_rows(rows, order, n, &other);
	CHECK(flat_eq(&first, &other), "reversed row order gives different bytes");
	flat_free(&other);

	rng_state = 42;
	for (int round = 0; round < 300; round++)
	{
		shuffle(order, n);
		build_from_rows(rows, order, n, &other);
		if (!flat_eq(&first, &other))
			differ++;
		flat_free(&other);
	}
	CHECK(differ == 0, "%d of 300 shuffled row orders give different bytes", differ);
	/* and the values are the exact sums, correctly rounded */
	CHECK(first.v.count == 4, "count %u", first.v.count);
	if (first.v.count == 4)
	{
		/*
		 * w: the ulp of 1e300 is 2^944 = 2.9e284, so 2e284 (more than half
		 * an ulp) rounds 1e300 up by one ulp; the 1 changes nothing.
		 */
		CHECK_BITS(first.v.quantity[0], 1e300 + 2e284);
		CHECK(first.v.quantity[0] != 1e300, "w rounded up");
		/* x: 1e16 + 2.75; doubles there are 2 apart: 1e16 + 2 */
		CHECK_BITS(first.v.quantity[1], 10000000000000002.0);
		/* z */
		CHECK_BITS(first.v.quantity[3], 3.0);
	}
	flat_free(&first);
}

/*
 * Random positive rows, one producer and the remainder, in a random order
 * and its shuffle: the compensated sums agree to the last bit.  (Magnitudes:
 * uniform in [0,1), spread over 2^-60..2^60, and over 1e-30..1e30.)
 */
static void
test_table_order_independence_random(void)
{
	static double q[600];
	static int	order[600];
	int			differ = 0,
				trials = 600;

	rng_state = 4242;
	for (int trial = 0; trial < trials; trial++)
	{
		int			n = 2 + (int) rng_below(trial % 10 == 0 ? 598 : 30);
		int			mode = trial % 3;
		Flat		a,
					b;

		for (int i = 0; i < n; i++)
		{
			double		u = (double) (rng_next() >> 11) / 9007199254740992.0;

			q[i] = mode == 0 ? u :
				mode == 1 ? ldexp(u, (int) rng_below(121) - 60) :
				u * pow(10.0, (double) rng_below(601) / 10.0 - 30.0);
			order[i] = i;
		}
		for (int pass = 0; pass < 2; pass++)
		{
			MixTable   *t = mix_table_create(&MEM, 0);

			if (pass == 1)
				shuffle(order, n);
			for (int i = 0; i < n; i++)
			{
				mix_table_add(t, "p", 1, q[order[i]]);
				mix_table_add(t, NULL, 0, q[order[n - 1 - i]]);
			}
			flat_from_table(t, pass == 0 ? &a : &b);
			mix_table_destroy(t);
		}
		if (!flat_eq(&a, &b))
		{
			if (differ++ == 0)
				CHECK(false, "trial %d (%d rows): %.17g vs %.17g", trial, n, a.v.quantity[0], b.v.quantity[0]);
		}
		flat_free(&a);
		flat_free(&b);
	}
	CHECK(differ == 0, "%d of %d random row sets depend on the order", differ, trials);
}

static void
test_table_growth(void)
{
	const int	N = 100000;
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;
	int			bad_order = 0,
				bad_value = 0,
				bad_find = 0;
	size_t		keybytes = 0;

	/*
	 * Names "p<i>" in decimal without padding, so lengths vary (p0..p99999)
	 * and many are prefixes of others; inserted in a scrambled order
	 * (i * 7919 mod N is a permutation: 7919 is prime and does not divide
	 * 100000).  Quantity of p<i> is i + 0.5, added in two halves for odd i.
	 */
	for (int j = 0; j < N; j++)
	{
		int			i = (int) (((int64) j * 7919) % N);
		char		name[16];
		int			len = snprintf(name, sizeof(name), "p%d", i);

		keybytes += len;
		if (i % 2)
		{
			mix_table_add(t, name, len, i * 0.5);
			mix_table_add(t, name, len, i * 0.5 + 0.5);
		}
		else
			mix_table_add(t, name, len, i + 0.5);
	}
	CHECK(mix_table_count(t) == (uint32) N, "count %u", mix_table_count(t));
	CHECK(mix_table_flat_size(t) == mix_flat_size(N, keybytes, false), "flat size %zu", mix_table_flat_size(t));
	flat_from_table(t, &f);
	CHECK(f.v.count == (uint32) N, "view count %u", f.v.count);
	for (uint32 k = 0; k < f.v.count; k++)
	{
		uint32		len;
		const char *key = mix_view_key(&f.v, k, &len);
		char		name[16];
		int			i;

		if (k > 0)
		{
			uint32		plen;
			const char *prev = mix_view_key(&f.v, k - 1, &plen);

			if (mix_key_cmp(prev, plen, key, len) >= 0)
				bad_order++;
		}
		memcpy(name, key + 1, len - 1);
		name[len - 1] = '\0';
		i = atoi(name);
		if (f.v.quantity[k] != i + 0.5)
			bad_value++;
		if (mix_view_find(&f.v, key, len) != (int64) k)
			bad_find++;
	}
	CHECK(bad_order == 0, "%d names out of order", bad_order);
	CHECK(bad_value == 0, "%d quantities wrong", bad_value);
	CHECK(bad_find == 0, "%d names not found at their index", bad_find);
	/* first names in order: p0, p1, p10, p100, p1000, p10000, p10001 */
	CHECK(view_key_is(&f.v, 0, "p0", 2) && view_key_is(&f.v, 1, "p1", 2) &&
		  view_key_is(&f.v, 2, "p10", 3) && view_key_is(&f.v, 3, "p100", 4) &&
		  view_key_is(&f.v, 4, "p1000", 5) && view_key_is(&f.v, 5, "p10000", 6) &&
		  view_key_is(&f.v, 6, "p10001", 6), "first names");
	CHECK(view_key_is(&f.v, N - 1, "p99999", 6), "last name");
	CHECK(mix_view_find(&f.v, "p100000", 7) == -1 && mix_view_find(&f.v, "p", 1) == -1,
		  "misses in a big view");
	flat_free(&f);
	mix_table_destroy(t);
}

static void
test_table_set(void)
{
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;

	CHECK_ST(mix_table_add(t, "a", 1, 5.0), MIX_OK);
	CHECK_ST(mix_table_add(t, NULL, 0, 1.0), MIX_OK);
	CHECK_ST(mix_table_set(t, "a", 1, 2.0), MIX_OK);	/* replaces */
	CHECK_ST(mix_table_set(t, "b", 1, 3.0), MIX_OK);	/* creates */
	CHECK_ST(mix_table_set(t, NULL, 0, 7.0), MIX_OK);	/* remainder */
	CHECK(mix_table_count(t) == 2, "count %u", mix_table_count(t));
	flat_from_table(t, &f);
	CHECK(f.v.count == 2 && f.v.quantity[0] == 2.0 && f.v.quantity[1] == 3.0 && f.v.remainder == 7.0,
		  "after set: a=%g b=%g rem=%g", f.v.quantity[0], f.v.quantity[1], f.v.remainder);
	flat_free(&f);

	/* set clears the compensation: 0.1 x 10 then set 1e16, then + 1 + 1 */
	for (int i = 0; i < 10; i++)
		mix_table_add(t, "c", 1, 0.1);
	CHECK_ST(mix_table_set(t, "c", 1, 1e16), MIX_OK);
	mix_table_add(t, "c", 1, 1.0);
	mix_table_add(t, "c", 1, 1.0);
	/* set to 0 keeps the producer */
	CHECK_ST(mix_table_set(t, "a", 1, 0.0), MIX_OK);
	CHECK_ST(mix_table_set(t, NULL, 0, 0.0), MIX_OK);
	flat_from_table(t, &f);
	CHECK(f.v.count == 3, "count %u", f.v.count);
	if (f.v.count == 3)
	{
		CHECK_BITS(f.v.quantity[0], 0.0);
		CHECK_BITS(f.v.quantity[2], 10000000000000002.0);
		CHECK_BITS(f.v.remainder, 0.0);
	}
	flat_free(&f);
	mix_table_destroy(t);
}

/* Merges b into a fresh copy of a, returns the flat form. */
static void
merge_flat(const Flat *a, const Flat *b, Flat *out)
{
	MixTable   *t = mix_table_create(&MEM, 0);

	CHECK_ST(mix_table_add_view(t, &a->v), MIX_OK);
	CHECK_ST(mix_table_add_view(t, &b->v), MIX_OK);
	flat_from_table(t, out);
	mix_table_destroy(t);
}

static void
test_table_add_view(void)
{
	Flat		a,
				b,
				ab,
				ba,
				want;
	MixParseError err;
	int			noncomm = 0;

	parse_flat_str("{\"a\":1,\"b\":2,\"\":3}", &a, &err);
	parse_flat_str("{\"b\":5,\"c\":7}", &b, &err);
	parse_flat_str("{\"\":3,\"a\":1,\"b\":7,\"c\":7}", &want, &err);
	merge_flat(&a, &b, &ab);
	merge_flat(&b, &a, &ba);
	CHECK(flat_eq(&ab, &want), "a + b");
	CHECK(flat_eq(&ba, &want), "b + a");
	flat_free(&ab);
	flat_free(&ba);
	/* merging a mix into itself doubles it */
	merge_flat(&a, &a, &ab);
	flat_free(&want);
	parse_flat_str("{\"\":6,\"a\":2,\"b\":4}", &want, &err);
	CHECK(flat_eq(&ab, &want), "a + a");
	flat_free(&ab);
	flat_free(&want);
	flat_free(&a);
	flat_free(&b);

	/* random integer-valued mixes over a small name space: merge commutes */
	rng_state = 7;
	for (int round = 0; round < 100; round++)
	{
		Flat		x[2];

		for (int s = 0; s < 2; s++)
		{
			MixTable   *t = mix_table_create(&MEM, 0);
			int			n = (int) rng_below(30);

			for (int i = 0; i < n; i++)
			{
				char		name[8];
				int			len = snprintf(name, sizeof(name), "k%u", rng_below(40));

				if (rng_below(8) == 0)
					mix_table_add(t, NULL, 0, (double) rng_below(1000000));
				else
					mix_table_add(t, name, len, (double) (rng_next() >> 12));
			}
			flat_from_table(t, &x[s]);
			mix_table_destroy(t);
		}
		merge_flat(&x[0], &x[1], &ab);
		merge_flat(&x[1], &x[0], &ba);
		if (!flat_eq(&ab, &ba))
			noncomm++;
		flat_free(&ab);
		flat_free(&ba);
		flat_free(&x[0]);
		flat_free(&x[1]);
	}
	CHECK(noncomm == 0, "%d of 100 integer merges not commutative", noncomm);
}

/* ======================================================================== */
/* the flat form                                                            */
/* ======================================================================== */

static void
test_view_find(void)
{
	Flat		f;
	MixParseError err;
	static const char *const names[] = {"B", "a", "ab", "abc", "b", "\xc3\xa9"};

	CHECK_ST(parse_flat_str("{\"b\":1,\"abc\":2,\"ab\":3,\"a\":4,\"B\":5,\"\\u00e9\":6,\"\":9}", &f, &err),
			 MIX_OK);
	if (f.buf == NULL)
		return;
	for (int i = 0; i < (int) lengthof(names); i++)
		CHECK(mix_view_find(&f.v, names[i], strlen(names[i])) == i, "find %s -> %lld", names[i],
			  (long long) mix_view_find(&f.v, names[i], strlen(names[i])));
	/* misses: before, between, after, prefixes and extensions that are not names */
	CHECK(mix_view_find(&f.v, "A", 1) == -1, "A");
	CHECK(mix_view_find(&f.v, "aa", 2) == -1, "aa");
	CHECK(mix_view_find(&f.v, "abcd", 4) == -1, "abcd");
	CHECK(mix_view_find(&f.v, "abd", 3) == -1, "abd");
	CHECK(mix_view_find(&f.v, "c", 1) == -1, "c");
	CHECK(mix_view_find(&f.v, "\xc3", 1) == -1, "prefix of a multibyte name");
	CHECK(mix_view_find(&f.v, "\xff", 1) == -1, "after all");
	CHECK(mix_view_find(&f.v, "", 0) == -1, "the remainder is not a name");
	/* the length is honoured: "abc" with length 2 is "ab" */
	CHECK(mix_view_find(&f.v, "abc", 2) == 2, "length honoured");
	flat_free(&f);

	/* an empty view */
	CHECK_ST(parse_flat_str("{\"\":1}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(f.v.count == 0 && mix_view_find(&f.v, "a", 1) == -1, "empty view");
		flat_free(&f);
	}
}

static void
test_view_header(void)
{
	Flat		f;
	MixParseError err;
	MixView		v;

	CHECK_ST(parse_flat_str("{\"a\":1,\"bb\":2}", &f, &err), MIX_OK);
	if (f.buf == NULL)
		return;
	CHECK(f.size == 24 + 24 + 3, "size %zu", f.size);
	CHECK_ST(mix_view(f.buf, 23, &v), MIX_SYNTAX);
	CHECK_ST(mix_view(f.buf, f.size - 1, &v), MIX_SYNTAX);
	f.buf[4] = 2;
	CHECK_ST(mix_view(f.buf, f.size, &v), MIX_BAD_VERSION);
	f.buf[4] = 1;
	f.buf[5] = 2;				/* an unknown flag */
	CHECK_ST(mix_view(f.buf, f.size, &v), MIX_BAD_FLAGS);
	f.buf[5] = MIX_FLAG_WEIGHTS;	/* weights announced, not there: wrong size */
	CHECK_ST(mix_view(f.buf, f.size, &v), MIX_SYNTAX);
	f.buf[5] = 0;
	CHECK_ST(mix_view(f.buf, f.size, &v), MIX_OK);
	CHECK(v.count == 2 && v.key_end[0] == 1 && v.key_end[1] == 3 && memcmp(v.keys, "abb", 3) == 0,
		  "view layout");
	flat_free(&f);
}

/* ======================================================================== */
/* the wire format                                                          */
/* ======================================================================== */

static void
test_wire_round_trip(void)
{
	Flat		f,
				g;
	MixParseError err;
	Buf			w = {0};
	size_t		eo;
	static const unsigned char want[] = {
		1, 0, 0, 0, 0, 2,		/* version, flags, n = 2 */
		0x40, 0, 0, 0, 0, 0, 0, 0,	/* remainder 2.0 */
		0, 0, 0, 1, 'a', 0x3f, 0xf0, 0, 0, 0, 0, 0, 0,	/* "a": 1.0 */
		0, 0, 0, 2, 'b', 'c', 0x3f, 0xe0, 0, 0, 0, 0, 0, 0,	/* "bc": 0.5 */
	};

	CHECK_ST(parse_flat_str("{\"bc\":0.5,\"\":2,\"a\":1}", &f, &err), MIX_OK);
	mix_encode_wire(&f.v, NULL, NULL, wire_write, &w);
	CHECK(w.len == sizeof(want) && memcmp(w.data, want, sizeof(want)) == 0, "encoded bytes (%zu)", w.len);
	CHECK_ST(decode_flat(w.data, w.len, &g, &eo), MIX_OK);
	CHECK(g.buf && flat_eq(&f, &g), "decode(encode(x)) == x");
	if (g.buf)
		flat_free(&g);
	flat_free(&f);
	buf_free(&w);

	/* the empty mix: 14 bytes */
	CHECK_ST(parse_flat_str("{}", &f, &err), MIX_OK);
	mix_encode_wire(&f.v, NULL, NULL, wire_write, &w);
	CHECK(w.len == 14, "empty mix encodes in %zu bytes", w.len);
	CHECK_ST(decode_flat(w.data, w.len, &g, &eo), MIX_OK);
	CHECK(g.buf && flat_eq(&f, &g), "empty mix round trip");
	if (g.buf)
		flat_free(&g);
	flat_free(&f);
	buf_free(&w);
}

/* A hand-built message: header, then members (name, quantity). */
static void
wire_msg(Buf *b, int version, int flags, int32 n, double remainder)
{
	memset(b, 0, sizeof(*b));
	buf_byte(b, version);
	buf_byte(b, flags);
	buf_be32(b, n);
	buf_be64d(b, remainder);
}

static void
wire_member(Buf *b, const char *name, int32 len, double q)
{
	buf_be32(b, len);
	buf_put(b, name, len > 0 ? (size_t) len : 0);
	buf_be64d(b, q);
}

static MixStatus
wire_status(const Buf *b, size_t *eo)
{
	Flat		f;
	MixStatus	st = decode_flat(b->data, b->len, &f, eo);

	if (f.buf)
		flat_free(&f);
	return st;
}

static void
test_wire_truncated(void)
{
	Flat		f;
	MixParseError err;
	Buf			w = {0};
	int			accepted = 0;

	CHECK_ST(parse_flat_str("{\"\":1,\"alpha\":2,\"b\":3.25,\"\\u00e9t\\u00e9\":4}", &f, &err), MIX_OK);
	mix_encode_wire(&f.v, NULL, NULL, wire_write, &w);
	CHECK(w.len == 14 + (4 + 5 + 8) + (4 + 1 + 8) + (4 + 5 + 8), "encoding length %zu", w.len);
	for (size_t len = 0; len < w.len; len++)
	{
		size_t		eo;
		Flat		g;
		MixStatus	st = decode_flat(w.data, len, &g, &eo);

		if (st == MIX_OK)
		{
			accepted++;
			flat_free(&g);
			CHECK(false, "prefix of %zu bytes (of %zu) accepted", len, w.len);
		}
		else if (eo > len)
			CHECK(eo <= len, "prefix of %zu: error offset %zu beyond input", len, eo);
	}
	CHECK(accepted == 0, "%d truncated inputs accepted", accepted);
	flat_free(&f);
	buf_free(&w);
}

static void
test_wire_errors(void)
{
	Buf			b;
	size_t		eo;
	char		big[1025];

	memset(big, 'n', sizeof(big));

	/* version */
	wire_msg(&b, 0, 0, 0, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_BAD_VERSION);
	buf_free(&b);
	wire_msg(&b, 2, 0, 0, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_BAD_VERSION);
	buf_free(&b);
	wire_msg(&b, 255, 0, 0, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_BAD_VERSION);
	buf_free(&b);
	/* flags */
	wire_msg(&b, 1, 2, 0, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_BAD_FLAGS);
	CHECK(eo == 1, "bad flags offset %zu", eo);
	buf_free(&b);
	wire_msg(&b, 1, 0x80, 0, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_BAD_FLAGS);
	buf_free(&b);
	/* a valid empty message, for reference */
	wire_msg(&b, 1, 0, 0, 3.0);
	CHECK_ST(wire_status(&b, &eo), MIX_OK);
	buf_free(&b);

	/* counts */
	wire_msg(&b, 1, 0, -1, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	buf_free(&b);
	wire_msg(&b, 1, 0, PG_INT32_MIN, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	buf_free(&b);
	wire_msg(&b, 1, 0, 2, 0.0);	/* says 2, holds 1 */
	wire_member(&b, "a", 1, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1000000, 0.0);	/* a lying count, refused before reading on */
	wire_member(&b, "a", 1, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	buf_free(&b);
	wire_msg(&b, 1, 0, PG_INT32_MAX, 0.0);
	CHECK_ST(wire_status(&b, &eo), MIX_TOO_MANY);	/* beyond MIX_MAX_PRODUCERS */
	buf_free(&b);
	wire_msg(&b, 1, 0, MIX_MAX_PRODUCERS, 0.0);	/* within the limit, but 14 bytes */
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	buf_free(&b);
	wire_msg(&b, 1, 0, 0, 0.0);	/* says 0, holds 1: trailing bytes */
	wire_member(&b, "a", 1, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	CHECK(eo == 14, "trailing bytes offset %zu", eo);
	buf_free(&b);

	/* name lengths */
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, "", -1, 1.0);
	/* a negative length is malformed (22P03 in the server), not an empty name */
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	CHECK(eo == 14, "name length -1 offset %zu", eo);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);
	buf_be32(&b, PG_INT32_MIN);
	buf_put(&b, "abcdefghijklm", 13);
	CHECK(wire_status(&b, &eo) != MIX_OK, "name length INT32_MIN");
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, "", 0, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_EMPTY_KEY);
	CHECK(eo == 14, "name length 0 offset %zu", eo);
	buf_free(&b);
	wire_msg(&b, 1, 0, 2, 0.0);	/* the second name empty: offset of its length */
	wire_member(&b, "ab", 2, 1.0);
	wire_member(&b, "", 0, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_EMPTY_KEY);
	CHECK(eo == 14 + 4 + 2 + 8, "second name length 0 offset %zu", eo);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, big, 1025, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_KEY_TOO_LONG);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);	/* a zero byte in a name: text cannot hold it */
	wire_member(&b, "a\0b", 3, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	CHECK(eo == 14, "zero byte in name offset %zu", eo);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, big, 1024, 1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_OK);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);	/* a name longer than the bytes left */
	buf_be32(&b, 100);
	buf_put(&b, "abcdefghijklmnopqrstuvwxyz", 26);
	CHECK_ST(wire_status(&b, &eo), MIX_SYNTAX);
	buf_free(&b);

	/* quantities */
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, "a", 1, NAN);
	CHECK_ST(wire_status(&b, &eo), MIX_NOT_FINITE);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, "a", 1, INFINITY);
	CHECK_ST(wire_status(&b, &eo), MIX_NOT_FINITE);
	buf_free(&b);
	wire_msg(&b, 1, 0, 1, 0.0);
	wire_member(&b, "a", 1, -1.0);
	CHECK_ST(wire_status(&b, &eo), MIX_NEGATIVE);
	buf_free(&b);
	wire_msg(&b, 1, 0, 0, NAN);
	CHECK_ST(wire_status(&b, &eo), MIX_NOT_FINITE);
	buf_free(&b);
	wire_msg(&b, 1, 0, 0, -2.0);
	CHECK_ST(wire_status(&b, &eo), MIX_NEGATIVE);
	buf_free(&b);
	wire_msg(&b, 1, 0, 2, 0.0);
	wire_member(&b, "a", 1, 1.7e308);
	wire_member(&b, "a", 1, 1.7e308);
	CHECK_ST(wire_status(&b, &eo), MIX_SUM_OVERFLOW);
	buf_free(&b);
	/* -0 is accepted and stored as +0 */
	{
		Flat		f;

		wire_msg(&b, 1, 0, 1, -0.0);
		wire_member(&b, "a", 1, -0.0);
		CHECK_ST(decode_flat(b.data, b.len, &f, &eo), MIX_OK);
		if (f.buf)
		{
			CHECK(!signbit(f.v.quantity[0]) && !signbit(f.v.remainder), "-0 on the wire stored as +0");
			flat_free(&f);
		}
		buf_free(&b);
	}
}

static void
test_wire_canonicalises(void)
{
	Buf			b;
	Flat		f,
				want;
	MixParseError err;

	/* unsorted, repeated names */
	wire_msg(&b, 1, 0, 5, 1.5);
	wire_member(&b, "b", 1, 1.0);
	wire_member(&b, "a", 1, 2.0);
	wire_member(&b, "b", 1, 3.0);
	wire_member(&b, "ca", 2, 4.0);
	wire_member(&b, "c", 1, 0.5);
	CHECK_ST(decode_flat(b.data, b.len, &f, NULL), MIX_OK);
	CHECK_ST(parse_flat_str("{\"\":1.5,\"a\":2,\"b\":4,\"c\":0.5,\"ca\":4}", &want, &err), MIX_OK);
	CHECK(f.buf && flat_eq(&f, &want), "decoded mix canonicalised");
	if (f.buf)
		flat_free(&f);
	flat_free(&want);
	buf_free(&b);
}

/* key_convert: upper-cases ASCII into the caller's buffer */
typedef struct Conv
{
	char		buf[MIX_MAX_KEY_LEN + 8];
	int			calls;
} Conv;

static const char *
conv_upper(void *arg, const char *key, size_t len, size_t *outlen)
{
	Conv	   *c = arg;

	c->calls++;
	for (size_t i = 0; i < len; i++)
		c->buf[i] = (key[i] >= 'a' && key[i] <= 'z') ? key[i] - 32 : key[i];
	*outlen = len;
	return c->buf;
}

/* adds a suffix: the converted name is longer */
static const char *
conv_suffix(void *arg, const char *key, size_t len, size_t *outlen)
{
	Conv	   *c = arg;

	c->calls++;
	memcpy(c->buf, key, len);
	memcpy(c->buf + len, "!!", 2);
	*outlen = len + 2;
	return c->buf;
}

static void
test_wire_key_convert(void)
{
	Flat		f,
				g,
				want;
	MixParseError err;
	Buf			w = {0};
	Conv		conv = {{0}, 0};
	MixTable   *t;
	size_t		eo;
	char		big[1024];

	CHECK_ST(parse_flat_str("{\"b\":2,\"a\":1}", &f, &err), MIX_OK);
	/* encode through a converter: names are converted, lengths follow */
	mix_encode_wire(&f.v, conv_suffix, &conv, wire_write, &w);
	CHECK(conv.calls == 2 && w.len == 14 + 2 * (4 + 3 + 8), "encode with convert: %d calls, %zu bytes",
		  conv.calls, w.len);
	/* decode through a converter */
	t = mix_table_create(&MEM, 0);
	conv.calls = 0;
	CHECK_ST(mix_decode_wire(w.data, w.len, t, conv_upper, &conv, &eo), MIX_OK);
	CHECK(conv.calls == 2, "decode called convert %d times", conv.calls);
	flat_from_table(t, &g);
	CHECK_ST(parse_flat_str("{\"A!!\":1,\"B!!\":2}", &want, &err), MIX_OK);
	CHECK(flat_eq(&g, &want), "decoded through the converter");
	flat_free(&g);
	flat_free(&want);
	flat_free(&f);
	mix_table_destroy(t);
	buf_free(&w);

	/* a converted name beyond the limit is refused */
	memset(big, 'q', sizeof(big));
	wire_msg(&w, 1, 0, 1, 0.0);
	wire_member(&w, big, 1024, 1.0);
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_decode_wire(w.data, w.len, t, conv_suffix, &conv, &eo), MIX_KEY_TOO_LONG);
	mix_table_destroy(t);
	buf_free(&w);
}

/* ======================================================================== */
/* measures                                                                 */
/* ======================================================================== */

static void
test_measures_basic(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		x,
				total;

	/* s = (0.6, 0.2, 0.1, 0.1) */
	CHECK_ST(parse_flat_str("{\"a\":6,\"b\":2,\"c\":1,\"d\":1}", &f, &err), MIX_OK);
	if (f.buf == NULL)
		return;
	CHECK(mix_shares_init(&f.v, &s), "shares");
	CHECK(s.shift == 0 && s.denom == 10.0, "shift %d denom %g", s.shift, s.denom);
	CHECK_ST(mix_total(&f.v, &total), MIX_OK);
	CHECK(total == 10.0, "total %g", total);
	CHECK(mix_positive_count(&f.v) == 4, "positive count");
	/* HHI = 10000 (0.36 + 0.04 + 0.01 + 0.01) = 4200 */
	CHECK_NEAR(mix_hhi_lower(&f.v, &s), 4200.0, 1e-9);
	CHECK_NEAR(mix_hhi_upper(&f.v, &s), 4200.0, 1e-9);
	/* effective number of producers 10000 / HHI */
	CHECK_NEAR(10000.0 / mix_hhi_upper(&f.v, &s), 10000.0 / 4200.0, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 1, &MEM), 0.6, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 2, &MEM), 0.8, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 3, &MEM), 0.9, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 4, &MEM), 1.0, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 100, &MEM), 1.0, 1e-12);
	CHECK(mix_concentration_ratio(&f.v, &s, 0, &MEM) == 0.0, "CR0");

	/*
	 * entropy = -(0.6 ln 0.6 + 0.2 ln 0.2 + 2 * 0.1 ln 0.1)
	 *         = 0.30649537425959 + 0.32188758248682 + 0.46051701859881
	 *         = 1.0888999753452238;  / ln 4 = 0.785475...
	 */
	CHECK_NEAR(mix_entropy(&f.v, &s), 1.0888999753452238, 1e-12);
	CHECK(mix_entropy_normalized(&f.v, &s, &x), "normalised entropy defined");
	CHECK_NEAR(x, 0.7855, 5e-5);
	CHECK_NEAR(x, 1.0888999753452238 / log(4.0), 1e-12);
	/*
	 * Gini over 1,1,2,6: sum i x_(i) = 1 + 2 + 6 + 24 = 33, total 10,
	 * G = (2 * 33/10 - 5) / 4 = 0.4
	 */
	CHECK_NEAR(mix_gini(&f.v, &MEM), 0.4, 1e-12);
	/* (0.42 - 1/4) / (1 - 1/4) = 0.17 / 0.75 = 0.226666... */
	CHECK(mix_hhi_normalized(&f.v, &s, &x), "normalised HHI defined");
	CHECK_NEAR(x, 0.17 / 0.75, 1e-12);
	CHECK_NEAR(x, 0.22667, 5e-6);
	flat_free(&f);

	/* the same in another scale and order gives the same shares */
	CHECK_ST(parse_flat_str("{\"d\":1e-300,\"c\":1e-300,\"b\":2e-300,\"a\":6e-300}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "tiny shares");
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 4200.0, 1e-9);
		CHECK_NEAR(mix_gini(&f.v, &MEM), 0.4, 1e-12);
		flat_free(&f);
	}
}

static void
test_measures_remainder(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		x;

	CHECK_ST(parse_flat_str("{\"a\":6,\"b\":2,\"\":2}", &f, &err), MIX_OK);
	if (f.buf == NULL)
		return;
	CHECK(mix_shares_init(&f.v, &s), "shares");
	/* lower: the remainder adds nothing: 10000 (0.36 + 0.04) = 4000 */
	CHECK_NEAR(mix_hhi_lower(&f.v, &s), 4000.0, 1e-9);
	/* upper: the remainder as one producer: 4000 + 10000 * 0.04 = 4400 */
	CHECK_NEAR(mix_hhi_upper(&f.v, &s), 4400.0, 1e-9);
	/* normalised HHI counts the remainder as one: n = 3, (0.44 - 1/3) / (2/3) = 0.16 */
	CHECK(mix_hhi_normalized(&f.v, &s, &x), "normalised HHI defined");
	CHECK_NEAR(x, 0.16, 1e-12);
	/* entropy -(0.6 ln 0.6 + 2 * 0.2 ln 0.2) = 0.9502705392332347; / ln 3 */
	CHECK_NEAR(mix_entropy(&f.v, &s), 0.9502705392332347, 1e-12);
	CHECK(mix_entropy_normalized(&f.v, &s, &x), "normalised entropy defined");
	CHECK_NEAR(x, 0.9502705392332347 / log(3.0), 1e-12);
	/* Gini over 2,2,6: sum i x_(i) = 2 + 4 + 18 = 24, G = (2 * 2.4 - 4) / 3 = 0.2666... */
	CHECK_NEAR(mix_gini(&f.v, &MEM), 0.8 / 3.0, 1e-12);
	/* CRn counts named producers only */
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 1, &MEM), 0.6, 1e-12);
	CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 3, &MEM), 0.8, 1e-12);
	CHECK(mix_positive_count(&f.v) == 2, "positive count");
	flat_free(&f);

	/* zero producers do not count */
	CHECK_ST(parse_flat_str("{\"a\":6,\"b\":2,\"c\":0,\"\":0}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK(mix_positive_count(&f.v) == 2, "positive count with a zero");
		/* shares 0.75, 0.25, n = 2: H = 0.625, (0.625 - 0.5) / 0.5 = 0.25 */
		CHECK(mix_hhi_normalized(&f.v, &s, &x), "normalised HHI");
		CHECK_NEAR(x, 0.25, 1e-12);
		/* Gini over 2,6: (2 (2 + 12)/8 - 3) / 2 = 0.25 */
		CHECK_NEAR(mix_gini(&f.v, &MEM), 0.25, 1e-12);
		flat_free(&f);
	}
}

static void
test_measures_degenerate(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		x,
				total;

	/* total zero */
	static const char *const zeros[] = {"{}", "{\"a\":0}", "{\"a\":0,\"b\":0,\"\":0}"};

	for (int i = 0; i < (int) lengthof(zeros); i++)
	{
		CHECK_ST(parse_flat_str(zeros[i], &f, &err), MIX_OK);
		if (f.buf == NULL)
			continue;
		CHECK(!mix_shares_init(&f.v, &s), "%s: shares undefined", zeros[i]);
		CHECK(mix_total(&f.v, &total) == MIX_OK && total == 0.0, "%s: total 0", zeros[i]);
		CHECK(isnan(mix_gini(&f.v, &MEM)), "%s: Gini undefined", zeros[i]);
		flat_free(&f);
	}

	/* a single producer */
	CHECK_ST(parse_flat_str("{\"a\":5}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK(mix_hhi_lower(&f.v, &s) == 10000.0 && mix_hhi_upper(&f.v, &s) == 10000.0, "HHI 10000");
		CHECK(mix_entropy(&f.v, &s) == 0.0 && !signbit(mix_entropy(&f.v, &s)), "entropy 0");
		CHECK(mix_gini(&f.v, &MEM) == 0.0, "Gini 0");
		CHECK(!mix_hhi_normalized(&f.v, &s, &x), "normalised HHI undefined");
		CHECK(!mix_entropy_normalized(&f.v, &s, &x), "normalised entropy undefined");
		CHECK(mix_concentration_ratio(&f.v, &s, 1, &MEM) == 1.0, "CR1 1");
		flat_free(&f);
	}
	/* one producer and zeros */
	CHECK_ST(parse_flat_str("{\"a\":0,\"b\":3,\"c\":0}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK_NEAR(mix_hhi_upper(&f.v, &s), 10000.0, 0);
		CHECK(!mix_hhi_normalized(&f.v, &s, &x), "normalised HHI undefined");
		CHECK(mix_gini(&f.v, &MEM) == 0.0, "Gini 0");
		flat_free(&f);
	}
	/* only a remainder */
	CHECK_ST(parse_flat_str("{\"\":5}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK(mix_shares_init(&f.v, &s), "shares");
		CHECK(mix_hhi_lower(&f.v, &s) == 0.0, "lower 0");
		CHECK(mix_hhi_upper(&f.v, &s) == 10000.0, "upper 10000");
		CHECK(!mix_hhi_normalized(&f.v, &s, &x), "normalised HHI undefined");
		CHECK(mix_concentration_ratio(&f.v, &s, 3, &MEM) == 0.0, "CR3 0");
		CHECK(mix_gini(&f.v, &MEM) == 0.0, "Gini 0");
		flat_free(&f);
	}
}

static void
test_measures_overflowing_total(void)
{
	Flat		f;
	MixParseError err;
	MixShares	s;
	double		total;

	/* 1.7e308 + 1.7e308 overflows float8; the shares are still 1/2 each */
	CHECK_ST(parse_flat_str("{\"a\":1.7e308,\"b\":1.7e308}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK_ST(mix_total(&f.v, &total), MIX_SUM_OVERFLOW);
		CHECK(mix_shares_init(&f.v, &s), "shares defined");
		CHECK(s.shift != 0, "scaled (shift %d)", s.shift);
		CHECK_BITS(mix_share(&s, f.v.quantity[0]), 0.5);
		CHECK_BITS(mix_share(&s, f.v.quantity[1]), 0.5);
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 5000.0, 1e-9);
		CHECK_NEAR(mix_hhi_upper(&f.v, &s), 5000.0, 1e-9);
		CHECK_NEAR(mix_entropy(&f.v, &s), log(2.0), 1e-12);
		CHECK_NEAR(mix_gini(&f.v, &MEM), 0.0, 1e-12);
		CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 1, &MEM), 0.5, 1e-12);
		flat_free(&f);
	}
	/* with the remainder among the big ones: 1e308 x 3 + remainder 1e308 -> 1/4 each */
	CHECK_ST(parse_flat_str("{\"a\":1e308,\"b\":1e308,\"c\":1e308,\"\":1e308}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK_ST(mix_total(&f.v, &total), MIX_SUM_OVERFLOW);
		CHECK(mix_shares_init(&f.v, &s), "shares defined");
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 3 * 625.0, 1e-9);
		CHECK_NEAR(mix_hhi_upper(&f.v, &s), 2500.0, 1e-9);
		CHECK_NEAR(mix_entropy(&f.v, &s), log(4.0), 1e-12);
		CHECK_NEAR(mix_concentration_ratio(&f.v, &s, 2, &MEM), 0.5, 1e-12);
		flat_free(&f);
	}
	/* the largest finite total is not an overflow */
	CHECK_ST(parse_flat_str("{\"a\":8.988465674311579e307,\"b\":8.988465674311579e307}", &f, &err), MIX_OK);
	if (f.buf)
	{
		CHECK_ST(mix_total(&f.v, &total), MIX_OK);
		CHECK(mix_shares_init(&f.v, &s) && s.shift == 0, "no scaling needed");
		CHECK_NEAR(mix_hhi_lower(&f.v, &s), 5000.0, 1e-9);
		flat_free(&f);
	}
}

/* brute force rank order: quantity descending, then name ascending */
static const MixView *rank_view;

static int
brute_cmp(const void *a, const void *b)
{
	uint32		ia = *(const uint32 *) a,
				ib = *(const uint32 *) b;
	double		qa = rank_view->quantity[ia],
				qb = rank_view->quantity[ib];
	uint32		la,
				lb;
	const char *ka,
			   *kb;

	if (qa > qb)
		return -1;
	if (qa < qb)
		return 1;
	ka = mix_view_key(rank_view, ia, &la);
	kb = mix_view_key(rank_view, ib, &lb);
	return mix_key_cmp(ka, la, kb, lb);
}

static void
check_top_against_brute(const Flat *f, const uint32 *ks, int nks, const char *label)
{
	uint32		count = f->v.count;
	uint32	   *brute = xmalloc(sizeof(uint32) * (count + 1));
	uint32	   *out = xmalloc(sizeof(uint32) * (count + 300));

	for (uint32 i = 0; i < count; i++)
		brute[i] = i;
	rank_view = &f->v;
	qsort(brute, count, sizeof(uint32), brute_cmp);
	for (int j = 0; j < nks; j++)
	{
		uint32		k = ks[j];
		uint32		want = Min(k, count);
		uint32		got;

		memset(out, 0xff, sizeof(uint32) * (count + 300));
		got = mix_top(&f->v, k, &MEM, out);
		CHECK(got == want && memcmp(out, brute, sizeof(uint32) * want) == 0,
			  "%s: mix_top(k=%u) over %u producers: returned %u, expected %u%s", label, k, count, got, want,
			  got == want ? ", order differs" : "");
		/* nothing written beyond the k returned */
		CHECK(want == count || out[want] == 0xffffffff, "%s: k=%u wrote beyond its result", label, k);
	}
	free(out);
	free(brute);
}

static void
test_measures_top(void)
{
	Flat		f;
	MixTable   *t;
	static const uint32 ks[] = {0, 1, 2, 3, 10, 20, 63, 64, 65, 100, 199, 200, 201, 1000};

	/*
	 * 200 producers, quantities (i * 37) mod 10 for producer i (scrambled
	 * against the names; 20 producers per value, including 20 zeros), names
	 * of varying length so name order is not index-insertion order.
	 */
	t = mix_table_create(&MEM, 0);
	for (int i = 0; i < 200; i++)
	{
		char		name[16];
		int			len = snprintf(name, sizeof(name), "%c%d", 'a' + (i * 7) % 26, i);

		mix_table_add(t, name, len, (double) ((i * 37) % 10));
	}
	mix_table_add(t, NULL, 0, 1000.0);	/* the remainder never ranks */
	flat_from_table(t, &f);
	mix_table_destroy(t);
	check_top_against_brute(&f, ks, (int) lengthof(ks), "200 with ties");
	flat_free(&f);

	/* random quantities from a small set, random names */
	rng_state = 99;
	t = mix_table_create(&MEM, 0);
	for (int i = 0; i < 300; i++)
	{
		char		name[8];
		int			len = 1 + (int) rng_below(4);

		for (int c = 0; c < len; c++)
			name[c] = "abc\xe9"[rng_below(4)];
		mix_table_set(t, name, len, (double) rng_below(6) * 0.25);
	}
	flat_from_table(t, &f);
	mix_table_destroy(t);
	check_top_against_brute(&f, ks, (int) lengthof(ks), "random small set");
	/* each k from 0 to count + 1 */
	{
		uint32	   *all = xmalloc(sizeof(uint32) * (f.v.count + 2));

		for (uint32 k = 0; k <= f.v.count + 1; k++)
			all[k] = k;
		check_top_against_brute(&f, all, (int) f.v.count + 2, "every k");
		free(all);
	}
	flat_free(&f);

	/* tiny mixes: k == count, k > count, on the sort path */
	{
		MixParseError err;
		static const uint32 small_ks[] = {0, 1, 2, 3, 4, 70};

		CHECK_ST(parse_flat_str("{\"b\":2,\"a\":2,\"c\":5}", &f, &err), MIX_OK);
		check_top_against_brute(&f, small_ks, (int) lengthof(small_ks), "three");
		flat_free(&f);
		CHECK_ST(parse_flat_str("{\"\":2}", &f, &err), MIX_OK);
		check_top_against_brute(&f, small_ks, (int) lengthof(small_ks), "none");
		flat_free(&f);
	}
}

/* ======================================================================== */

typedef struct Test
{
	const char *name;
	void		(*fn) (void);
} Test;

#define T(fn) {#fn, fn}

/* Weighted mixes: [quantity, weight] per producer (MIX_FLAG_WEIGHTS). */
static void
test_weighted(void)
{
	Flat		f,
				g;
	MixParseError err;
	MixTable   *t;
	Buf			b = {0};
	size_t		eo;

	check_text("{\"CN\": [270000, 5.6], \"\": 1100, \"AU\": [13000, 2.4]}",
			   "{\"\": 1100, \"AU\": [13000, 2.4], \"CN\": [270000, 5.6]}");
	/* the same producer twice with one weight adds up */
	check_text("{\"CN\": [1, 5.6], \"CN\": [2, 5.6]}", "{\"CN\": [3, 5.6]}");
	check_text("{\"CN\": [1, 0], \"AU\": [0, 1e-300]}", "{\"AU\": [0, 1e-300], \"CN\": [1, 0]}");

	CHECK_ST(parse_flat_str("{\"CN\": [270000, 5.6]}", &f, &err), MIX_OK);
	CHECK(f.v.weight != NULL && f.v.weight[0] == 5.6 && f.v.quantity[0] == 270000.0, "weight in the view");
	CHECK(((unsigned char *) f.buf)[5] == MIX_FLAG_WEIGHTS, "flags byte");
	CHECK(f.size == mix_flat_size(1, 2, true), "weighted flat size %zu", f.size);
	/* wire round trip keeps the weights */
	mix_encode_wire(&f.v, NULL, NULL, wire_write, &b);
	CHECK_ST(decode_flat(b.data, b.len, &g, &eo), MIX_OK);
	CHECK(flat_eq(&f, &g), "weighted wire round trip");
	flat_free(&g);
	free(b.data);
	memset(&b, 0, sizeof(b));

	/* merging keeps weights; a different weight is a conflict */
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add_view(t, &f.v), MIX_OK);
	CHECK_ST(mix_table_add_view(t, &f.v), MIX_OK);
	CHECK_ST(mix_table_add_weighted(t, "CN", 2, 1.0, 5.7), MIX_WEIGHT_CONFLICT);
	CHECK_ST(mix_table_add(t, "CN", 2, 1.0), MIX_WEIGHT_MISSING);	/* weighted quantities only */
	CHECK_ST(mix_table_add(t, "AU", 2, 1.0), MIX_WEIGHT_MISSING);	/* new one needs a weight */
	CHECK_ST(mix_table_set(t, "AU", 2, 1.0), MIX_WEIGHT_MISSING);
	CHECK_ST(mix_table_add_weighted(t, NULL, 0, 1.0, 1.0), MIX_WEIGHT_MISSING);
	CHECK_ST(mix_table_add_weighted(t, "AU", 2, 1.0, -1.0), MIX_BAD_WEIGHT);
	CHECK_ST(mix_table_add_weighted(t, "AU", 2, 1.0, NAN), MIX_BAD_WEIGHT);
	CHECK_ST(mix_table_add(t, NULL, 0, 5.0), MIX_OK);	/* the remainder needs none */
	CHECK(mix_table_count(t) == 1 && mix_table_weighted(t), "table after refusals");
	flat_free(&g);
	flat_from_table(t, &g);
	CHECK(g.v.count == 1 && g.v.quantity[0] == 540000.0 && g.v.weight[0] == 5.6 && g.v.remainder == 5.0,
		  "merged weighted mix");
	flat_free(&g);
	mix_table_destroy(t);

	/* an unweighted table with producers refuses a weighted one, and back */
	t = mix_table_create(&MEM, 0);
	CHECK_ST(mix_table_add(t, "AU", 2, 1.0), MIX_OK);
	CHECK_ST(mix_table_add_weighted(t, "CN", 2, 1.0, 1.0), MIX_WEIGHT_MISSING);
	mix_table_destroy(t);
	CHECK_ST(parse_flat_str("{\"AU\": 1, \"CN\": [1, 2]}", &g, &err), MIX_WEIGHT_MISSING);
	CHECK_ST(parse_flat_str("{\"CN\": [1, 2], \"AU\": 1}", &g, &err), MIX_WEIGHT_MISSING);
	CHECK_ST(parse_flat_str("{\"CN\": [1, 2], \"CN\": [1, 3]}", &g, &err), MIX_WEIGHT_CONFLICT);
	CHECK_ST(parse_flat_str("{\"CN\": [1, -2]}", &g, &err), MIX_BAD_WEIGHT);
	CHECK(err.offset == 11, "bad weight offset %zu", err.offset);
	CHECK_ST(parse_flat_str("{\"\": [1, 2]}", &g, &err), MIX_WEIGHT_MISSING);
	CHECK_ST(parse_flat_str("{\"CN\": [1]}", &g, &err), MIX_SYNTAX);
	CHECK_ST(parse_flat_str("{\"CN\": [1, 2, 3]}", &g, &err), MIX_SYNTAX);
	CHECK_ST(parse_flat_str("{\"CN\": [-1, 2]}", &g, &err), MIX_NEGATIVE);
	flat_free(&f);
}

/*
 * Tables that share one name area (the groups of an aggregate) flatten to
 * the same bytes as tables with their own names fed the same rows: also
 * tables that turn weighted, with weights that differ from table to table.
 */
static void
test_table_shared_names(void)
{
#define NT 6
	MixNames   *nm = mix_names_create(&MEM);
	MixTable   *shared[NT];
	MixTable   *own[NT];
	int			bad_status = 0;

	rng_state = 11;
	for (int k = 0; k < NT; k++)
	{
		shared[k] = mix_table_create_shared(&MEM, 0, nm);
		own[k] = mix_table_create(&MEM, 0);
	}
	for (int r = 0; r < 30000; r++)
	{
		int			k = (int) rng_below(NT);
		uint32		p = (uint32) rng_below(400);
		char		name[64];
		int			len = snprintf(name, sizeof(name),
								   p % 3 ? "producer %u" : "a long name that shares its first bytes %u", p);
		double		q = (double) rng_below(1000) / 8;

		if (k >= NT - 2)
		{
			/* weighted tables: the same producer weighs differently in each */
			double		w = (double) (p % 7 + k);

			bad_status += mix_table_add_weighted(shared[k], name, len, q, w) != MIX_OK;
			bad_status += mix_table_add_weighted(own[k], name, len, q, w) != MIX_OK;
		}
		else if (p % 50 == 0)
		{
			bad_status += mix_table_add(shared[k], NULL, 0, q) != MIX_OK;
			bad_status += mix_table_add(own[k], NULL, 0, q) != MIX_OK;
		}
		else
		{
			bad_status += mix_table_add(shared[k], name, len, q) != MIX_OK;
			bad_status += mix_table_add(own[k], name, len, q) != MIX_OK;
		}
	}
	CHECK(bad_status == 0, "%d adds failed", bad_status);
	for (int k = 0; k < NT; k++)
	{
		Flat		a,
					b;

		CHECK(mix_table_count(shared[k]) == mix_table_count(own[k]) && mix_table_count(own[k]) > 300,
			  "table %d: %u and %u producers", k, mix_table_count(shared[k]), mix_table_count(own[k]));
		CHECK(mix_table_weighted(shared[k]) == (k >= NT - 2), "table %d weighted", k);
		flat_from_table(shared[k], &a);
		flat_from_table(own[k], &b);
		CHECK(flat_eq(&a, &b), "table %d: shared and own names give different mixes", k);
		flat_free(&a);
		flat_free(&b);
		mix_table_destroy(shared[k]);
		mix_table_destroy(own[k]);
	}
	mix_names_destroy(nm);
#undef NT
}

/*
 * The flat form sorts names by their first 16 bytes, then by the rest:
 * names that agree on 8 or 16 bytes, hold zero bytes, or are prefixes of
 * one another still come out in mix_key_cmp order.
 */
static void
test_table_sort_prefixes(void)
{
	static const struct
	{
		const char *s;
		int			len;
	}			names[] = {
		{"abcdefgh", 8}, {"abcdefghijklmnop", 16}, {"abcdefghijklmnopq", 17},
		{"abcdefghijklmnop\0", 17}, {"abcdefghijklmnoo", 16}, {"abcdefgh\0", 9},
		{"abcdefg", 7}, {"abcdefgh\xff", 9}, {"ab\0", 3}, {"ab", 2}, {"ab\0\0", 4},
		{"\xff\xff", 2}, {"abcdefghijklmnop\xff", 17}, {"\0", 1}, {"\0\0\0\0\0\0\0\0\0", 9},
		{"abcdefghijklmnopqrstuvwxyz0123456789a", 37}, {"abcdefghijklmnopqrstuvwxyz0123456789", 36},
		{"abcdefghijklmnopqrstuvwxyz0123456780", 36}, {"abcdefghijklmnop\0\0", 18},
	};
	int			n = (int) lengthof(names);
	MixTable   *t = mix_table_create(&MEM, 0);
	Flat		f;
	int			bad_order = 0;

	for (int i = n - 1; i >= 0; i--)
		CHECK_ST(mix_table_add(t, names[i].s, names[i].len, i + 1.0), MIX_OK);
	flat_from_table(t, &f);
	CHECK(f.v.count == (uint32) n, "count %u", f.v.count);
	for (uint32 k = 1; k < f.v.count; k++)
	{
		uint32		alen,
					blen;
		const char *a = mix_view_key(&f.v, k - 1, &alen);
		const char *b = mix_view_key(&f.v, k, &blen);

		if (mix_key_cmp(a, alen, b, blen) >= 0)
			bad_order++;
	}
	CHECK(bad_order == 0, "%d names out of order", bad_order);
	for (int i = 0; i < n; i++)
	{
		int64		k = mix_view_find(&f.v, names[i].s, names[i].len);

		CHECK(k >= 0 && f.v.quantity[k] == i + 1.0, "name %d", i);
	}
	flat_free(&f);
	mix_table_destroy(t);
}

static const Test tests[] = {
	T(test_text_canonical_order),
	T(test_text_duplicates_and_remainder),
	T(test_text_negative_zero),
	T(test_text_escapes),
	T(test_text_numbers),
	T(test_text_malformed),
	T(test_text_key_length),
	T(test_text_round_trip_random),
	T(test_table_add_errors),
	T(test_table_compensated),
	T(test_table_sum_overflow),
	T(test_table_order_independence),
	T(test_table_order_independence_random),
	T(test_table_growth),
	T(test_table_shared_names),
	T(test_table_sort_prefixes),
	T(test_table_set),
	T(test_table_add_view),
	T(test_view_find),
	T(test_view_header),
	T(test_wire_round_trip),
	T(test_wire_truncated),
	T(test_wire_errors),
	T(test_wire_canonicalises),
	T(test_wire_key_convert),
	T(test_measures_basic),
	T(test_measures_remainder),
	T(test_measures_degenerate),
	T(test_measures_overflowing_total),
	T(test_measures_top),
	T(test_weighted),
};

int
main(int argc, char **argv)
{
	for (int i = 0; i < (int) lengthof(tests); i++)
	{
		int			failed_before = n_failed;

		current_test = tests[i].name;
		live_allocs = 0;
		tests[i].fn();
		CHECK(live_allocs == 0, "%ld allocations not released", live_allocs);
		printf("%-40s %s\n", tests[i].name, n_failed == failed_before ? "ok" : "FAILED");
	}
	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed == 0 ? 0 : 1;
}
