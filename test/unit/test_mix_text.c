/*
 * test_mix_text.c — unit tests of the text form (src/core/mix_text.c: mix_parse_text,
 * mix_format_text, mix_text_size_bound), no server.
 *
 * Canonical order and printing, duplicates and the remainder, -0, escapes,
 * numbers (shortest round trip), malformed input with its status and offset,
 * the key length limit, and random mixes through text and wire.
 *
 * Built and run by `make unit` (one program; the harness is harness.h):
 * each test is a function, the last line printed is "N passed, M failed"
 * and the exit code is non-zero when anything failed.
 */
#include "harness.h"

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

static const Test tests[] = {
	T(test_text_canonical_order),
	T(test_text_duplicates_and_remainder),
	T(test_text_negative_zero),
	T(test_text_escapes),
	T(test_text_numbers),
	T(test_text_malformed),
	T(test_text_key_length),
	T(test_text_round_trip_random),
};

int
main(int argc, char **argv)
{
	return run_tests(tests, (int) lengthof(tests));
}
