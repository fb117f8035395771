/*
 * test_mix_wire.c — unit tests of the binary wire format (src/core/mix_wire.c:
 * mix_encode_wire, mix_decode_wire), no server.
 *
 * Bytes of the encoding, round trips, truncated and malformed messages
 * with their status and offset, canonicalisation of decoded mixes, and key
 * conversion.
 *
 * Built and run by `make unit` (one program; the harness is harness.h):
 * each test is a function, the last line printed is "N passed, M failed"
 * and the exit code is non-zero when anything failed.
 */
#include "harness.h"

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

static const Test tests[] = {
	T(test_wire_round_trip),
	T(test_wire_truncated),
	T(test_wire_errors),
	T(test_wire_canonicalises),
	T(test_wire_key_convert),
};

int
main(int argc, char **argv)
{
	return run_tests(tests, (int) lengthof(tests));
}
