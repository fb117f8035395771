/*
 * fuzz_text.c — the supply_mix text parser (mix_parse_text, behind
 * supply_mix_in and the json/jsonb casts).
 *
 * For every input:
 *  - no crash, no sanitizer report, no leak (see fuzz_common.h);
 *  - differential against PostgreSQL's own JSON parser (common/jsonapi.c,
 *    from libpgcommon): the input is accepted exactly when it is a valid
 *    JSON object whose values are all numbers or all [quantity, weight]
 *    pairs (a weighted mix) and no limit is hit; the
 *    status on rejection is the one the first offending member calls for;
 *    an accepted mix holds exactly the members jsonapi decoded, added up
 *    in document order;
 *  - an accepted mix is canonical, and parse -> print -> parse is the
 *    identity (print is a fixpoint), through text and the wire format.
 */
#include "fuzz_common.h"

#include <errno.h>

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"

/* ---- palloc for jsonapi: an arena emptied after every input ---------------- */

/*
 * jsonapi.c allocates through palloc and, stopping on a syntax error,
 * leaves some of it behind (PostgreSQL 15 has no freeJsonLexContext; the
 * server frees by memory context).  Defining the palloc family here keeps
 * libpgcommon's fe_memutils.o out of the link: every allocation of the
 * reference parser joins a list that is freed after each input, so the
 * reference leaks nothing and LeakSanitizer stays quiet (and fast).
 */
typedef union ArenaChunk
{
	struct
	{
		union ArenaChunk *prev,
				   *next;
		size_t		size;
	}			h;
	long double align;
	char		pad[32];
} ArenaChunk;

static ArenaChunk arena = {{&arena, &arena, 0}};

void	   *palloc(size_t size);
void	   *palloc0(size_t size);
void	   *repalloc(void *pointer, size_t size);
void		pfree(void *pointer);
char	   *pstrdup(const char *in);

void *
palloc(size_t size)
{
	ArenaChunk *c = malloc(sizeof(ArenaChunk) + (size ? size : 1));

	if (c == NULL)
		abort();
	c->h.size = size;
	c->h.prev = arena.h.prev;
	c->h.next = &arena;
	arena.h.prev->h.next = c;
	arena.h.prev = c;
	return c + 1;
}

void *
palloc0(size_t size)
{
	void	   *p = palloc(size);

	memset(p, 0, size);
	return p;
}

void
pfree(void *pointer)
{
	ArenaChunk *c = (ArenaChunk *) pointer - 1;

	c->h.prev->h.next = c->h.next;
	c->h.next->h.prev = c->h.prev;
	free(c);
}

void *
repalloc(void *pointer, size_t size)
{
	ArenaChunk *old = (ArenaChunk *) pointer - 1;
	void	   *p = palloc(size);

	memcpy(p, pointer, Min(old->h.size, size));
	pfree(pointer);
	return p;
}

char *
pstrdup(const char *in)
{
	size_t		n = strlen(in);
	char	   *p = palloc(n + 1);

	memcpy(p, in, n + 1);
	return p;
}

static void
arena_reset(void)
{
	while (arena.h.next != &arena)
		pfree(arena.h.next + 1);
}

/* ---- the reference: PostgreSQL's JSON parser ---------------------------- */

/*
 * The shapes the core reads: {"name": number, ...} and, for a weighted
 * mix, {"name": [quantity, weight], ...}.  The callbacks follow the depth
 * themselves (jsonapi's lex_level is not passed to them).
 */
typedef struct RefState
{
	bool		shape_ok;		/* an object of numbers or [number, number] */
	int			depth;			/* objects and arrays open */
	char	   *field;			/* the current member's decoded name */
	bool		in_pair;		/* inside a member's [quantity, weight] */
	int			npair;			/* values seen in the pair */
	int			nstored;		/* number tokens kept in pair[] */
	char	   *pair[2];
	MixTable   *table;			/* the members, as the core should see them */
	MixStatus	status;			/* what the first refused member calls for */
} RefState;

/* Reads a number token as the core does: range first, then the sign. */
static MixStatus
ref_number(const char *token, double *v, MixStatus negative)
{
	char	   *end;

	errno = 0;
	*v = strtod(token, &end);
	CHECK(*end == '\0', "jsonapi number token %s not read whole by strtod", token);
	if (errno == ERANGE && (*v == 0.0 || isinf(*v)))
		return MIX_NUMBER_RANGE;
	if (*v < 0.0)
		return negative;
	return MIX_OK;
}

/* One member, checked in the order the core checks it. */
static void
ref_member(RefState *s, const char *qtok, const char *wtok)
{
	size_t		keylen = strlen(s->field);
	double		q,
				w;
	MixStatus	st;

	if (s->status != MIX_OK)
		return;
	if (keylen > MIX_MAX_KEY_LEN)
		st = MIX_KEY_TOO_LONG;
	else if ((st = ref_number(qtok, &q, MIX_NEGATIVE)) != MIX_OK)
		;
	else if (wtok && (st = ref_number(wtok, &w, MIX_BAD_WEIGHT)) != MIX_OK)
		;
	else if (wtok)
		st = mix_table_add_weighted(s->table, keylen == 0 ? NULL : s->field, keylen, q, w);
	else
		st = mix_table_add(s->table, keylen == 0 ? NULL : s->field, keylen, q);
	s->status = st;
}

static void
ref_object_start(void *state)
{
	RefState   *s = state;

	if (++s->depth > 1)
		s->shape_ok = false;
}

static void
ref_object_end(void *state)
{
	((RefState *) state)->depth--;
}

static void
ref_array_start(void *state)
{
	RefState   *s = state;

	if (++s->depth != 2 || s->field == NULL)
		s->shape_ok = false;
	else
	{
		s->in_pair = true;
		s->npair = s->nstored = 0;
	}
}

static void
ref_array_end(void *state)
{
	RefState   *s = state;

	if (s->depth-- == 2 && s->in_pair)
	{
		if (s->npair != 2)
			s->shape_ok = false;
		else if (s->shape_ok)
			ref_member(s, s->pair[0], s->pair[1]);
		for (int i = 0; i < s->nstored; i++)
			pfree(s->pair[i]);
		s->in_pair = false;
		s->npair = s->nstored = 0;
	}
}

static void
ref_field_start(void *state, char *fname, bool isnull)
{
	RefState   *s = state;

	if (s->field)
		pfree(s->field);
	s->field = fname;
	if (isnull)
		s->shape_ok = false;
}

static void
ref_scalar(void *state, char *token, JsonTokenType type)
{
	RefState   *s = state;

	if (type != JSON_TOKEN_NUMBER || s->field == NULL)
		s->shape_ok = false;
	else if (s->depth == 1)
	{
		if (s->shape_ok)
			ref_member(s, token, NULL);
	}
	else if (s->depth == 2 && s->in_pair && s->npair < 2)
	{
		s->npair++;
		s->pair[s->nstored++] = token;
		return;
	}
	else
	{
		s->shape_ok = false;
		if (s->in_pair)
			s->npair++;
	}
	pfree(token);
}

/* Parses with jsonapi; true when the input is one JSON object of numbers. */
static bool
reference_parse(const uint8_t *data, size_t size, RefState *s)
{
	char	   *copy = palloc(size + 1);
	JsonLexContext *lex;
	JsonSemAction sem = {0};
	JsonParseErrorType rc;

	memcpy(copy, data, size);
	copy[size] = '\0';
	lex = makeJsonLexContextCstringLen(copy, (int) size, PG_UTF8, true);
	sem.semstate = s;
	sem.object_start = ref_object_start;
	sem.object_end = ref_object_end;
	sem.array_start = ref_array_start;
	sem.array_end = ref_array_end;
	sem.object_field_start = ref_field_start;
	sem.scalar = ref_scalar;

	s->shape_ok = true;
	s->depth = 0;
	s->field = NULL;
	s->in_pair = false;
	s->npair = s->nstored = 0;
	s->status = MIX_OK;
	rc = pg_parse_json(lex, &sem);

	/* a top-level scalar or array is not an object */
	if (rc == JSON_SUCCESS)
	{
		const char *p = copy;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p != '{')
			s->shape_ok = false;
	}
	if (s->field)
		pfree(s->field);
	s->field = NULL;
	/* a pair left open by a syntax error */
	for (int i = 0; i < s->nstored; i++)
		pfree(s->pair[i]);
	if (lex->strval)
	{
		pfree(lex->strval->data);
		pfree(lex->strval);
	}
	pfree(lex);
	pfree(copy);
	return rc == JSON_SUCCESS && s->shape_ok;
}

/*
 * Deeply nested input is left to the core alone: jsonapi recurses per
 * level, with no stack depth check outside the server.  Such input is never
 * a mix anyway.  Brackets inside strings count too: conservative.
 */
static bool
too_deep(const uint8_t *data, size_t size)
{
	int			depth = 0;

	for (size_t i = 0; i < size; i++)
	{
		if (data[i] == '[' || data[i] == '{')
			depth++;
		else if ((data[i] == ']' || data[i] == '}') && depth > 0)
			depth--;
		if (depth > 64)
			return true;
	}
	return false;
}

static bool
statuses_text_can_give(MixStatus st)
{
	switch (st)
	{
		case MIX_SYNTAX:
		case MIX_NEGATIVE:
		case MIX_NUMBER_RANGE:
		case MIX_SUM_OVERFLOW:
		case MIX_KEY_TOO_LONG:
		case MIX_TOO_MANY:
		case MIX_TOO_LARGE:
		case MIX_BAD_WEIGHT:
		case MIX_WEIGHT_CONFLICT:
		case MIX_WEIGHT_MISSING:
			return true;
		default:
			return false;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	MixTable   *t = mix_table_create(&MEM, 16);
	MixParseError err;
	MixStatus	st = mix_parse_text((const char *) data, size, t, &MEM, &err);
	Flat		f = {0};

	if (st != MIX_OK)
	{
		CHECK(st == err.status, "returned %d, err.status %d", (int) st, (int) err.status);
		CHECK(statuses_text_can_give(st), "text input gave status %s", mix_status_text(st));
		CHECK(err.offset <= size, "error offset %zu beyond %zu bytes", err.offset, size);
		CHECK(err.what != NULL && err.what[0] != '\0', "no error text");
	}
	else
	{
		flat_from_table(t, &f);
		check_round_trips(&f);
	}

	if (!too_deep(data, size))
	{
		RefState	ref;
		bool		valid;

		ref.table = mix_table_create(&MEM, 16);
		valid = reference_parse(data, size, &ref);
		if (valid)
		{
			CHECK(st == ref.status, "a JSON object of numbers: parser says %s, expected %s",
				  mix_status_text(st), mix_status_text(ref.status));
			if (st == MIX_OK)
			{
				Flat		rf;

				flat_from_table(ref.table, &rf);
				CHECK(flat_eq(&f, &rf), "parsed mix differs from jsonapi's members");
				flat_free(&rf);
			}
		}
		else
			CHECK(st != MIX_OK, "accepted input that is not a JSON object of numbers");
		mix_table_destroy(ref.table);
		arena_reset();
	}

	if (f.buf)
		flat_free(&f);
	mix_table_destroy(t);
	check_no_leak();
	return 0;
}
