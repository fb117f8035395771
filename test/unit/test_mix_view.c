/*
 * test_mix_view.c — unit tests of the stored-form reader (src/core/mix_view.c: mix_view,
 * mix_view_find), no server.
 *
 * The header checks of mix_view and lookups by name.
 *
 * Built and run by `make unit` (one program; the harness is harness.h):
 * each test is a function, the last line printed is "N passed, M failed"
 * and the exit code is non-zero when anything failed.
 */
#include "harness.h"

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

static const Test tests[] = {
	T(test_view_find),
	T(test_view_header),
};

int
main(int argc, char **argv)
{
	return run_tests(tests, (int) lengthof(tests));
}
