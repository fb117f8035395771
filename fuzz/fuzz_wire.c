/*
 * fuzz_wire.c — the binary wire decoder (mix_decode_wire, behind
 * supply_mix_recv and COPY ... (FORMAT binary)).
 *
 * For every input:
 *  - no crash, no sanitizer report, no leak;
 *  - differential against a reference decoder written here from the
 *    format's description in mix.h / mix_wire.c (version, flags, count,
 *    remainder, then length-prefixed names and quantities, big-endian,
 *    nothing after): same status, and on success the same canonical mix
 *    (repeated names added up in input order);
 *  - the same again with a key conversion that changes names and their
 *    length (as the server's client-to-server encoding conversion may):
 *    every name's bytes >= 0x80 become two bytes, as Latin-1 -> UTF-8 does;
 *  - a decoded mix is canonical, and decode -> encode -> decode and
 *    text print -> parse are the identity.
 */
#include "fuzz_common.h"

#include "port/pg_bswap.h"

/* ---- a key conversion that lengthens names -------------------------------- */

static char convert_buf[2 * 65536];

static size_t
expand_key(const char *key, size_t len, char *out)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) key[i];

		if (c >= 0x80)
		{
			out[n++] = (char) (0xC0 | (c >> 6));
			out[n++] = (char) (0x80 | (c & 0x3F));
		}
		else
			out[n++] = (char) c;
	}
	return n;
}

static int	convert_calls;

static const char *
convert_key(void *arg, const char *key, size_t len, size_t *outlen)
{
	CHECK(arg == &convert_calls, "key_convert got the wrong argument");
	CHECK(len <= MIX_MAX_KEY_LEN, "key_convert called with %zu bytes", len);
	convert_calls++;
	*outlen = expand_key(key, len, convert_buf);
	return convert_buf;
}

/* ---- the reference decoder ---------------------------------------------- */

static uint32
be32(const uint8_t *p)
{
	return ((uint32) p[0] << 24) | ((uint32) p[1] << 16) | ((uint32) p[2] << 8) | p[3];
}

static double
be_double(const uint8_t *p)
{
	uint64		u = ((uint64) be32(p) << 32) | be32(p + 4);
	double		d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

static MixStatus
reference_decode(const uint8_t *buf, size_t len, MixTable *t, bool expand)
{
	size_t		pos = 6;
	int32		n;
	bool		weighted;
	size_t		rec_min;
	MixStatus	st;
	static char namebuf[2 * 65536];

	if (len < 2)
		return MIX_SYNTAX;
	if (buf[0] != 1)
		return MIX_BAD_VERSION;
	if ((buf[1] & ~MIX_FLAG_WEIGHTS) != 0)
		return MIX_BAD_FLAGS;
	weighted = (buf[1] & MIX_FLAG_WEIGHTS) != 0;
	if (len < 6)
		return MIX_SYNTAX;
	n = (int32) be32(buf + 2);
	if (n < 0)
		return MIX_SYNTAX;
	if (n > MIX_MAX_PRODUCERS)
		return MIX_TOO_MANY;
	/* a record is at least length + one byte + quantity (+ weight) */
	rec_min = 4 + 1 + 8 + (weighted ? 8 : 0);
	if ((size_t) n * rec_min > len - 6)
		return MIX_SYNTAX;
	if (len - pos < 8)
		return MIX_SYNTAX;
	if ((st = mix_table_add(t, NULL, 0, be_double(buf + pos))) != MIX_OK)
		return st;
	pos += 8;
	for (int32 i = 0; i < n; i++)
	{
		int32		klen;
		const char *key;
		size_t		keylen;
		double		q,
					w = 0;

		if (len - pos < 4)
			return MIX_SYNTAX;
		klen = (int32) be32(buf + pos);
		pos += 4;
		if (klen < 0)
			return MIX_SYNTAX;
		if (klen == 0)
			return MIX_EMPTY_KEY;
		if (klen > MIX_MAX_KEY_LEN)
			return MIX_KEY_TOO_LONG;
		if (len - pos < (size_t) klen)
			return MIX_SYNTAX;
		key = (const char *) buf + pos;
		keylen = klen;
		for (size_t j = 0; j < keylen; j++)
			if (key[j] == '\0')
				return MIX_SYNTAX;
		pos += klen;
		if (len - pos < 8 + (weighted ? 8 : 0))
			return MIX_SYNTAX;
		q = be_double(buf + pos);
		pos += 8;
		if (weighted)
		{
			w = be_double(buf + pos);
			pos += 8;
		}
		if (expand)
		{
			keylen = expand_key(key, keylen, namebuf);
			key = namebuf;
		}
		st = weighted ? mix_table_add_weighted(t, key, keylen, q, w) : mix_table_add(t, key, keylen, q);
		if (st != MIX_OK)
			return st;
	}
	if (pos != len)
		return MIX_SYNTAX;
	return MIX_OK;
}

static bool
statuses_wire_can_give(MixStatus st)
{
	switch (st)
	{
		case MIX_OK:
		case MIX_SYNTAX:
		case MIX_NEGATIVE:
		case MIX_NOT_FINITE:
		case MIX_SUM_OVERFLOW:
		case MIX_EMPTY_KEY:
		case MIX_KEY_TOO_LONG:
		case MIX_TOO_MANY:
		case MIX_TOO_LARGE:
		case MIX_BAD_VERSION:
		case MIX_BAD_FLAGS:
		case MIX_BAD_WEIGHT:
		case MIX_WEIGHT_CONFLICT:
		case MIX_WEIGHT_MISSING:
			return true;
		default:
			return false;
	}
}

/* Decodes with and without the conversion; compares with the reference. */
static void
check_decode(const uint8_t *data, size_t size, bool expand)
{
	MixTable   *t = mix_table_create(&MEM, 16);
	MixTable   *rt = mix_table_create(&MEM, 16);
	size_t		off = (size_t) -1;
	MixStatus	st,
				rst;

	convert_calls = 0;
	st = mix_decode_wire((const char *) data, size, t,
						 expand ? convert_key : NULL, expand ? &convert_calls : NULL, &off);
	rst = reference_decode(data, size, rt, expand);

	CHECK(statuses_wire_can_give(st), "status %d", (int) st);
	CHECK(off <= size, "error offset %zu beyond %zu bytes", off, size);
	CHECK(st == rst, "decoder says %s, reference %s (expand %d)",
		  mix_status_text(st), mix_status_text(rst), (int) expand);
	if (st == MIX_OK)
	{
		Flat		f,
					rf;

		flat_from_table(t, &f);
		flat_from_table(rt, &rf);
		CHECK(flat_eq(&f, &rf), "decoded mix differs from the reference (expand %d)", (int) expand);
		check_round_trips(&f);
		flat_free(&f);
		flat_free(&rf);
	}
	mix_table_destroy(t);
	mix_table_destroy(rt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_decode(data, size, false);
	check_decode(data, size, true);
	check_no_leak();
	return 0;
}
