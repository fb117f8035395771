/*
 * fuzz_common.h — what the libFuzzer targets of the core share beyond the
 * harness of the unit tests (test/unit/harness.h, included here; fuzz/run
 * compiles with -Itest/unit).
 *
 * Included by every fuzz_*.c (each is one binary; everything here is
 * static).  From the harness: the core's MixMemory (MEM) counts live
 * allocations, and every input must leave the count at zero
 * (check_no_leak()), so a leak inside the core is reported at once, on the
 * input that caused it (LeakSanitizer sees the rest).  The harness is
 * built with HARNESS_CHECK_CANONICAL, so that flat_from_table() checks
 * every flat mix is canonical, and HARNESS_ABORT_ON_FAILURE: a failed CHECK
 * prints what failed and aborts, which libFuzzer reports as a crash and
 * saves the input.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#define HARNESS_ABORT_ON_FAILURE
#define HARNESS_CHECK_CANONICAL
#include "harness.h"

#include "measures.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The core's Assert()s are on (USE_ASSERT_CHECKING): a failed one aborts. */
void
ExceptionalCondition(const char *conditionName, const char *errorType,
					 const char *fileName, int lineNumber)
{
	harness_fatal(fileName, lineNumber, "Assert(%s) failed", conditionName);
}

/*
 * flat -> text -> flat and flat -> wire -> flat must give the same bytes,
 * and printing the re-read mix must give the same text.
 */
static inline void
check_round_trips(const Flat *f)
{
	size_t		len,
				len2;
	char	   *text = format_flat(f, &len);
	Flat		back;
	MixParseError err;
	MixStatus	st = parse_flat(text, len, &back, &err);
	Buf			w = {0};
	MixTable   *t;
	size_t		off;
	char	   *text2;

	CHECK(st == MIX_OK, "printed mix does not read back: %s at byte %zu (%s): %.200s",
		  mix_status_text(st), err.offset, err.what ? err.what : "", text);
	CHECK(flat_eq(f, &back), "parse(print(m)) differs from m: %.200s", text);
	text2 = format_flat(&back, &len2);
	CHECK(len == len2 && memcmp(text, text2, len) == 0, "print(parse(print(m))) differs: %.200s / %.200s",
		  text, text2);
	free(text2);
	flat_free(&back);
	free(text);

	mix_encode_wire(&f->v, NULL, NULL, wire_write, &w);
	t = mix_table_create(&MEM, f->v.count);
	st = mix_decode_wire(w.data, w.len, t, NULL, NULL, &off);
	CHECK(st == MIX_OK, "encoded mix does not decode: %s at %zu", mix_status_text(st), off);
	flat_from_table(t, &back);
	CHECK(flat_eq(f, &back), "decode(encode(m)) differs from m");
	flat_free(&back);
	mix_table_destroy(t);
	buf_free(&w);
}

#endif							/* FUZZ_COMMON_H */
