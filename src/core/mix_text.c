/*
 * mix_text.c — the text form of a supply_mix: a JSON object
 *
 *     {"": 1100, "AU": 13000, "CN": 270000}
 *
 * mapping producer names to quantities; the key "" is the unattributed
 * remainder.  Output lists the keys in canonical order with the shortest
 * decimal that reads back to the same float8 (PostgreSQL's own
 * double_to_shortest_decimal_buf, as float8out uses), so text round trips
 * are exact.  Input accepts any valid JSON object of numbers; duplicate
 * keys add up.  A weighted mix writes "producer": [quantity, weight].
 *
 * The parser is written for this one shape rather than on common/jsonapi.c,
 * which in PostgreSQL 15 allocates through palloc for every token and field
 * name: here the only allocation is one scratch buffer per call, and every
 * error carries the byte offset where it happened.
 */
#include "c.h"

#include <errno.h>
#include <math.h>

#include "common/shortest_dec.h"

#include "mix.h"

typedef struct Parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	char	   *scratch;		/* the decoded producer name */
	char	   *number;			/* the number token, terminated for strtod */
	MixParseError *err;
} Parser;

static bool
fail(Parser *p, MixStatus status, size_t offset, const char *what)
{
	p->err->status = status;
	p->err->offset = offset;
	p->err->what = what;
	return false;
}

static inline void
skip_ws(Parser *p)
{
	while (p->pos < p->len &&
		   (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
			p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
		p->pos++;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads 4 hex digits after "\u" at p->pos. */
static bool
read_hex4(Parser *p, uint32 *cp)
{
	uint32		v = 0;

	if (p->len - p->pos < 4)
		return fail(p, MIX_SYNTAX, p->pos, "four hexadecimal digits after \\u");
	for (int i = 0; i < 4; i++)
	{
		int			h = hex_value(p->s[p->pos + i]);

		if (h < 0)
			return fail(p, MIX_SYNTAX, p->pos + i, "four hexadecimal digits after \\u");
		v = (v << 4) | (uint32) h;
	}
	p->pos += 4;
	*cp = v;
	return true;
}

static size_t
put_utf8(char *out, uint32 cp)
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

/* Decodes a JSON string at p->pos into p->scratch. */
static bool
parse_string(Parser *p, size_t *outlen)
{
	size_t		n = 0;
	size_t		start = p->pos;

	if (p->pos >= p->len || p->s[p->pos] != '"')
		return fail(p, MIX_SYNTAX, p->pos, "a producer name in double quotes");
	p->pos++;
	for (;;)
	{
		unsigned char c;

		if (p->pos >= p->len)
			return fail(p, MIX_SYNTAX, start, "a closing double quote");
		c = (unsigned char) p->s[p->pos];
		if (c == '"')
		{
			p->pos++;
			break;
		}
		if (c < 0x20)
			return fail(p, MIX_SYNTAX, p->pos, "no control characters inside a string");
		if (c != '\\')
		{
			p->scratch[n++] = (char) c;
			p->pos++;
			continue;
		}
		/* an escape */
		if (++p->pos >= p->len)
			return fail(p, MIX_SYNTAX, p->pos, "an escape after the backslash");
		c = (unsigned char) p->s[p->pos++];
		switch (c)
		{
			case '"':
			case '\\':
			case '/':
				p->scratch[n++] = (char) c;
				break;
			case 'b':
				p->scratch[n++] = '\b';
				break;
			case 'f':
				p->scratch[n++] = '\f';
				break;
			case 'n':
				p->scratch[n++] = '\n';
				break;
			case 'r':
				p->scratch[n++] = '\r';
				break;
			case 't':
				p->scratch[n++] = '\t';
				break;
			case 'u':
				{
					uint32		cp;
					size_t		at = p->pos - 2;

					if (!read_hex4(p, &cp))
						return false;
					if (cp >= 0xDC00 && cp <= 0xDFFF)
						return fail(p, MIX_SYNTAX, at, "no lone low surrogate");
					if (cp >= 0xD800 && cp <= 0xDBFF)
					{
						uint32		lo;

						if (p->len - p->pos < 2 || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u')
							return fail(p, MIX_SYNTAX, at, "a low surrogate after a high surrogate");
						p->pos += 2;
						if (!read_hex4(p, &lo))
							return false;
						if (lo < 0xDC00 || lo > 0xDFFF)
							return fail(p, MIX_SYNTAX, at, "a low surrogate after a high surrogate");
						cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					}
					if (cp == 0)
						return fail(p, MIX_SYNTAX, at, "no \\u0000 (text cannot hold it)");
					if (cp > 0x7F)
						p->err->non_ascii_escape = true;
					n += put_utf8(p->scratch + n, cp);
					break;
				}
			default:
				return fail(p, MIX_SYNTAX, p->pos - 2, "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
		}
	}
	if (n > MIX_MAX_KEY_LEN)
		return fail(p, MIX_KEY_TOO_LONG, start, mix_status_text(MIX_KEY_TOO_LONG));
	*outlen = n;
	return true;
}

static inline bool
is_digit(Parser *p)
{
	return p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9';
}

/* Reads a JSON number at p->pos; checks the float8 range. */
static bool
parse_json_number(Parser *p, double *value)
{
	size_t		start = p->pos;
	size_t		n;
	char	   *end;
	double		v;

	if (p->pos < p->len && p->s[p->pos] == '-')
		p->pos++;
	if (!is_digit(p))
		return fail(p, MIX_SYNTAX, start, "a number");
	if (p->s[p->pos] == '0')
	{
		p->pos++;
		if (is_digit(p))
			return fail(p, MIX_SYNTAX, start, "a number without leading zeros");
	}
	else
		while (is_digit(p))
			p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '.')
	{
		p->pos++;
		if (!is_digit(p))
			return fail(p, MIX_SYNTAX, p->pos, "digits after the decimal point");
		while (is_digit(p))
			p->pos++;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E'))
	{
		p->pos++;
		if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		if (!is_digit(p))
			return fail(p, MIX_SYNTAX, p->pos, "digits in the exponent");
		while (is_digit(p))
			p->pos++;
	}

	n = p->pos - start;
	memcpy(p->number, p->s + start, n);
	p->number[n] = '\0';
	errno = 0;
	v = strtod(p->number, &end);
	Assert(end == p->number + n);
	/* as float8in: denormal results are fine, overflow and underflow to 0 are not */
	if (errno == ERANGE && (v == 0.0 || isinf(v)))
		return fail(p, MIX_NUMBER_RANGE, start, mix_status_text(MIX_NUMBER_RANGE));
	*value = v;
	return true;
}

/* A quantity: a number of zero or more. */
static bool
parse_number(Parser *p, double *value)
{
	size_t		start = p->pos;

	if (!parse_json_number(p, value))
		return false;
	if (*value < 0.0)
		return fail(p, MIX_NEGATIVE, start, mix_status_text(MIX_NEGATIVE));
	return true;
}

/* A weight: a number of zero or more too, reported as a weight. */
static bool
parse_weight(Parser *p, double *value)
{
	size_t		start = p->pos;

	if (!parse_json_number(p, value))
		return false;
	if (*value < 0.0)
		return fail(p, MIX_BAD_WEIGHT, start, mix_status_text(MIX_BAD_WEIGHT));
	return true;
}

static bool
expect(Parser *p, char c, const char *what)
{
	skip_ws(p);
	if (p->pos >= p->len || p->s[p->pos] != c)
		return fail(p, MIX_SYNTAX, p->pos, what);
	p->pos++;
	return true;
}

static bool
parse_object(Parser *p, MixTable *t)
{
	if (!expect(p, '{', "\"{\" to open the object"))
		return false;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == '}')
		p->pos++;
	else
		for (;;)
		{
			size_t		keylen;
			size_t		at;
			double		v;
			MixStatus	st;

			skip_ws(p);
			at = p->pos;
			if (!parse_string(p, &keylen))
				return false;
			if (!expect(p, ':', "\":\" after the producer name"))
				return false;
			skip_ws(p);
			if (p->pos < p->len && p->s[p->pos] == '[')
			{
				/* [quantity, weight] */
				double		w;
				size_t		wat;

				p->pos++;
				skip_ws(p);
				if (!parse_number(p, &v))
					return false;
				if (!expect(p, ',', "\",\" between quantity and weight"))
					return false;
				skip_ws(p);
				wat = p->pos;
				if (!parse_weight(p, &w))
					return false;
				if (!expect(p, ']', "\"]\" after the weight"))
					return false;
				st = mix_table_add_weighted(t, keylen == 0 ? NULL : p->scratch, keylen, v, w);
				if (st == MIX_BAD_WEIGHT)
					at = wat;
			}
			else
			{
				if (!parse_number(p, &v))
					return false;
				st = mix_table_add(t, keylen == 0 ? NULL : p->scratch, keylen, v);
			}
			if (st != MIX_OK)
				return fail(p, st, at, mix_status_text(st));
			skip_ws(p);
			if (p->pos < p->len && p->s[p->pos] == ',')
			{
				p->pos++;
				continue;
			}
			if (!expect(p, '}', "\",\" or \"}\""))
				return false;
			break;
		}
	skip_ws(p);
	if (p->pos != p->len)
		return fail(p, MIX_SYNTAX, p->pos, "the end of input after the object");
	return true;
}

MixStatus
mix_parse_text(const char *str, size_t len, MixTable *t, const MixMemory *mem,
			   MixParseError *err)
{
	Parser		p;
	bool		ok;

	memset(err, 0, sizeof(*err));
	p.s = str;
	p.len = len;
	p.pos = 0;
	p.err = err;
	p.scratch = mem->alloc(mem->cx, 2 * (len + 1));
	p.number = p.scratch + len + 1;
	ok = parse_object(&p, t);
	mem->release(mem->cx, p.scratch);
	return ok ? MIX_OK : err->status;
}

/* ---- output ------------------------------------------------------------ */

static const char hexdigits[] = "0123456789abcdef";

static size_t
escaped_len(const char *s, size_t len)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
			n += 2;
		else if (c < 0x20)
			n += 6;
		else
			n += 1;
	}
	return n;
}

static size_t
put_escaped(char *out, const char *s, size_t len)
{
	char	   *o = out;

	*o++ = '"';
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		switch (c)
		{
			case '"':
				*o++ = '\\';
				*o++ = '"';
				break;
			case '\\':
				*o++ = '\\';
				*o++ = '\\';
				break;
			case '\b':
				*o++ = '\\';
				*o++ = 'b';
				break;
			case '\f':
				*o++ = '\\';
				*o++ = 'f';
				break;
			case '\n':
				*o++ = '\\';
				*o++ = 'n';
				break;
			case '\r':
				*o++ = '\\';
				*o++ = 'r';
				break;
			case '\t':
				*o++ = '\\';
				*o++ = 't';
				break;
			default:
				if (c < 0x20)
				{
					memcpy(o, "\\u00", 4);
					o[4] = hexdigits[c >> 4];
					o[5] = hexdigits[c & 0xF];
					o += 6;
				}
				else
					*o++ = (char) c;
		}
	}
	*o++ = '"';
	return o - out;
}

/* per member: quotes, ": ", [the number, ", ", the weight], ", " */
#define MEMBER_OVERHEAD (2 + 2 + 2 * DOUBLE_SHORTEST_DECIMAL_LEN + 4 + 2)

size_t
mix_text_size_bound(const MixView *v)
{
	size_t		n = 3 + MEMBER_OVERHEAD;	/* braces, terminator, remainder */

	for (uint32 i = 0; i < v->count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(v, i, &len);

		n += escaped_len(key, len) + MEMBER_OVERHEAD;
	}
	return n;
}

static size_t
put_member(char *out, const char *key, size_t len, double value, const double *weight, bool first)
{
	char	   *o = out;

	if (!first)
	{
		*o++ = ',';
		*o++ = ' ';
	}
	o += put_escaped(o, key, len);
	*o++ = ':';
	*o++ = ' ';
	if (weight)
		*o++ = '[';
	o += double_to_shortest_decimal_buf(value, o);
	if (weight)
	{
		*o++ = ',';
		*o++ = ' ';
		o += double_to_shortest_decimal_buf(*weight, o);
		*o++ = ']';
	}
	return o - out;
}

size_t
mix_format_text(const MixView *v, char *buf)
{
	char	   *o = buf;
	bool		first = true;

	*o++ = '{';
	if (v->remainder > 0.0)
	{
		o += put_member(o, "", 0, v->remainder, NULL, first);
		first = false;
	}
	for (uint32 i = 0; i < v->count; i++)
	{
		uint32		len;
		const char *key = mix_view_key(v, i, &len);

		o += put_member(o, key, len, v->quantity[i], v->weight ? &v->weight[i] : NULL, first);
		first = false;
	}
	*o++ = '}';
	*o = '\0';
	return o - buf;
}
