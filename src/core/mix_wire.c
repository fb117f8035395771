/*
 * mix_wire.c — the binary wire format of a supply_mix (send/recv, COPY
 * BINARY), version 1, big-endian:
 *
 *   uint8  version (1)
 *   uint8  flags (0, or MIX_FLAG_WEIGHTS; any other value is rejected)
 *   int32  n, the number of producers that follow
 *   float8 remainder
 *   n times: int32 name length, the name's bytes, float8 quantity
 *            (and float8 weight with MIX_FLAG_WEIGHTS)
 *
 * The decoder trusts nothing: it checks every length against the bytes
 * left, every quantity as text input does, and canonicalises (sorts,
 * adds up repeated names) by feeding a MixTable.
 */
#include "c.h"

#include "port/pg_bswap.h"

#include "mix.h"

typedef struct Reader
{
	const char *buf;
	size_t		len;
	size_t		pos;
} Reader;

static bool
read_bytes(Reader *r, void *out, size_t n)
{
	if (r->len - r->pos < n)
		return false;
	memcpy(out, r->buf + r->pos, n);
	r->pos += n;
	return true;
}

static bool
read_int32(Reader *r, int32 *v)
{
	uint32		n;

	if (!read_bytes(r, &n, sizeof(n)))
		return false;
	*v = (int32) pg_ntoh32(n);
	return true;
}

static bool
read_float8(Reader *r, double *v)
{
	uint64		n;

	if (!read_bytes(r, &n, sizeof(n)))
		return false;
	n = pg_ntoh64(n);
	memcpy(v, &n, sizeof(double));
	return true;
}

MixStatus
mix_decode_wire(const char *buf, size_t len, MixTable *t,
				MixKeyConvert key_convert, void *arg, size_t *error_offset)
{
	Reader		r = {buf, len, 0};
	uint8		version,
				flags;
	bool		weighted;
	int32		n;
	double		remainder;
	MixStatus	st;

	*error_offset = 0;
	if (!read_bytes(&r, &version, 1) || !read_bytes(&r, &flags, 1))
		return MIX_SYNTAX;
	if (version != MIX_FORMAT_VERSION)
		return MIX_BAD_VERSION;
	*error_offset = 1;
	if ((flags & ~MIX_FLAG_WEIGHTS) != 0)
		return MIX_BAD_FLAGS;
	weighted = (flags & MIX_FLAG_WEIGHTS) != 0;
	*error_offset = r.pos;
	if (!read_int32(&r, &n) || n < 0)
		return MIX_SYNTAX;
	if (n > MIX_MAX_PRODUCERS)
		return MIX_TOO_MANY;
	/* each producer takes at least 4 + 1 + 8 (+ 8) bytes: refuse a lying count */
	if ((size_t) n > (len - r.pos) / (weighted ? 21 : 13))
		return MIX_SYNTAX;
	*error_offset = r.pos;
	if (!read_float8(&r, &remainder))
		return MIX_SYNTAX;
	if ((st = mix_table_add(t, NULL, 0, remainder)) != MIX_OK)
		return st;

	for (int32 i = 0; i < n; i++)
	{
		int32		klen;
		const char *key;
		size_t		keylen;
		double		q,
					w = 0.0;

		*error_offset = r.pos;
		if (!read_int32(&r, &klen) || klen < 0)
			return MIX_SYNTAX;
		if (klen == 0)
			return MIX_EMPTY_KEY;
		if (klen > MIX_MAX_KEY_LEN)
			return MIX_KEY_TOO_LONG;
		if (r.len - r.pos < (size_t) klen)
			return MIX_SYNTAX;
		key = r.buf + r.pos;
		keylen = (size_t) klen;
		if (memchr(key, '\0', keylen) != NULL)
			return MIX_SYNTAX;	/* text cannot hold a zero byte */
		r.pos += keylen;
		if (!read_float8(&r, &q) || (weighted && !read_float8(&r, &w)))
			return MIX_SYNTAX;
		if (key_convert)
			key = key_convert(arg, key, keylen, &keylen);
		st = weighted ? mix_table_add_weighted(t, key, keylen, q, w) : mix_table_add(t, key, keylen, q);
		if (st != MIX_OK)
			return st;
	}
	*error_offset = r.pos;
	if (r.pos != r.len)
		return MIX_SYNTAX;
	return MIX_OK;
}

static void
write_int32(MixWireWrite write, void *arg, int32 v)
{
	uint32		n = pg_hton32((uint32) v);

	write(arg, &n, sizeof(n));
}

static void
write_float8(MixWireWrite write, void *arg, double v)
{
	uint64		n;

	memcpy(&n, &v, sizeof(n));
	n = pg_hton64(n);
	write(arg, &n, sizeof(n));
}

void
mix_encode_wire(const MixView *v, MixKeyConvert key_convert, void *convert_arg,
				MixWireWrite write, void *write_arg)
{
	uint8		head[2] = {MIX_FORMAT_VERSION, v->weight ? MIX_FLAG_WEIGHTS : 0};

	write(write_arg, head, 2);
	write_int32(write, write_arg, (int32) v->count);
	write_float8(write, write_arg, v->remainder);
	for (uint32 i = 0; i < v->count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(v, i, &len);
		size_t		outlen = len;

		if (key_convert)
			key = key_convert(convert_arg, key, len, &outlen);
		write_int32(write, write_arg, (int32) outlen);
		write(write_arg, key, outlen);
		write_float8(write, write_arg, v->quantity[i]);
		if (v->weight)
			write_float8(write, write_arg, v->weight[i]);
	}
}
