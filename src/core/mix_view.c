/*
 * mix_view.c — reading the stored (flat) form of a supply_mix: checking
 * its header and finding a producer, without copying anything.  The layout
 * is documented in mix.h; mix_table.c writes it.
 */
#include "c.h"

#include "mix.h"

MixStatus
mix_view(const void *flat, size_t size, MixView *view)
{
	const char *base = flat;
	uint32		n,
				keybytes;
	bool		weighted;

	if (size < MIX_HEADER_SIZE)
		return MIX_SYNTAX;
	if ((uint8) base[4] != MIX_FORMAT_VERSION)
		return MIX_BAD_VERSION;
	if ((base[5] & ~MIX_FLAG_WEIGHTS) != 0)
		return MIX_BAD_FLAGS;
	weighted = (base[5] & MIX_FLAG_WEIGHTS) != 0;
	memcpy(&n, base + 8, sizeof(uint32));
	memcpy(&keybytes, base + 12, sizeof(uint32));
	if (n > MIX_MAX_PRODUCERS || size != mix_flat_size(n, keybytes, weighted))
		return MIX_SYNTAX;

	view->count = n;
	memcpy(&view->remainder, base + 16, sizeof(double));
	view->quantity = (const double *) (base + MIX_HEADER_SIZE);
	view->weight = weighted ? view->quantity + n : NULL;
	view->key_end = (const uint32 *) (view->quantity + (weighted ? 2 * n : n));
	view->keys = (const char *) (view->key_end + n);
	return MIX_OK;
}

int64
mix_view_find(const MixView *v, const char *key, size_t len)
{
	int64		lo = 0,
				hi = (int64) v->count - 1;

	while (lo <= hi)
	{
		int64		mid = lo + (hi - lo) / 2;
		uint32		mlen;
		const char *m = mix_view_key(v, (uint32) mid, &mlen);
		int			c = mix_key_cmp(m, mlen, key, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}
