/*
 * ranking.c
 *		The ranking SQL type: text and binary I/O, equality, and reading
 *		placements and scores.
 *
 * Text form: {31:"Aabenraa"=78, 47:"Tønder"=91, -:"Læsø"}, i.e. placement,
 * double-quoted entity (with \" and \\ escapes) and score; entities that were
 * left out are written -:"entity".  Input is validated as strictly as a
 * computed ranking is built: entities are unique and valid in the database
 * encoding, placements form a competition ranking (1224) of scores that run
 * in one direction, and tied entries have equal scores.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "parser/scansup.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "ranking.h"

PG_FUNCTION_INFO_V1(ranking_in);
PG_FUNCTION_INFO_V1(ranking_out);
PG_FUNCTION_INFO_V1(ranking_text);
PG_FUNCTION_INFO_V1(ranking_recv);
PG_FUNCTION_INFO_V1(ranking_send);
PG_FUNCTION_INFO_V1(ranking_eq);
PG_FUNCTION_INFO_V1(ranking_ne);
PG_FUNCTION_INFO_V1(ranking_unnest);
PG_FUNCTION_INFO_V1(ranking_placement);
PG_FUNCTION_INFO_V1(ranking_score);
PG_FUNCTION_INFO_V1(ranking_ranked_count);
PG_FUNCTION_INFO_V1(ranking_entity_count);

/*
 * Returns a ranking in memory, in one piece.  A value stored out of line is
 * read from its TOAST table by an index scan, which PostgreSQL interrupts
 * page by page; a compressed value (stored before version 1.6, or in a
 * column set to a compressing storage) is then decompressed by PostgreSQL in
 * one uninterruptible step.
 */
Ranking *
ranking_detoast(Datum datum)
{
	Ranking    *ranking = (Ranking *) PG_DETOAST_DATUM(datum);

	if (VARATT_IS_EXTERNAL_ONDISK(DatumGetPointer(datum)))
		elog(DEBUG2, "read a stored ranking of %d bytes", (int) VARSIZE(ranking));
	return ranking;
}

/* Reads an unaligned int32. */
static inline int32
read_int32(const char *p)
{
	int32		v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Reads the entry at an offset from the start of the entries. */
static void
entry_at(const Ranking *ranking, uint32 offset, RankingEntry *entry)
{
	const char *pos = RANKING_ENTRIES(ranking) + offset;

	entry->placement = read_int32(pos);
	entry->entity_len = read_int32(pos + sizeof(int32));
	entry->score_len = read_int32(pos + 2 * sizeof(int32));
	entry->entity = pos + RANKING_ENTRY_HEADER_SIZE;
	entry->score = entry->entity + entry->entity_len;
}

/* Starts walking the entries in output order: placement, then entity. */
void
ranking_iterate(const Ranking *ranking, RankingIterator *it)
{
	it->ranking = ranking;
	it->offsets = ranking->offsets + ranking->n_entries;
	it->index = 0;
}

/* Starts walking the entries in entity order. */
void
ranking_iterate_by_entity(const Ranking *ranking, RankingIterator *it)
{
	it->ranking = ranking;
	it->offsets = ranking->offsets;
	it->index = 0;
}

/* Asks the CPU to fetch memory that will be read soon, where the compiler can. */
#if defined(__GNUC__)
#define prefetch_memory(p) __builtin_prefetch(p)
#else
#define prefetch_memory(p) ((void) (p))
#endif

/*
 * Fetches the next entry; false after the last one.  The entry a few ahead is
 * prefetched: output order jumps about the entries, stored in entity order.
 */
bool
ranking_next(RankingIterator *it, RankingEntry *entry)
{
	if (it->index >= it->ranking->n_entries)
		return false;
	if (it->index + 8 < it->ranking->n_entries)
		prefetch_memory(RANKING_ENTRIES(it->ranking) + it->offsets[it->index + 8]);
	entry_at(it->ranking, it->offsets[it->index++], entry);
	return true;
}

/* Compares two entity names bytewise, a shorter name first on a common prefix. */
static int
compare_entities(const char *a, int32 alen, const char *b, int32 blen)
{
	int			cmp = memcmp(a, b, Min(alen, blen));

	if (cmp != 0)
		return cmp;
	return (alen > blen) - (alen < blen);
}

/* Finds an entity's entry by binary search; false when the ranking does not hold it. */
bool
ranking_find(const Ranking *ranking, const char *entity, int32 len, RankingEntry *entry)
{
	int32		low = 0;
	int32		high = ranking->n_entries - 1;

	while (low <= high)
	{
		int32		mid = low + (high - low) / 2;
		int			cmp;

		entry_at(ranking, ranking->offsets[mid], entry);
		cmp = compare_entities(entry->entity, entry->entity_len, entity, len);
		if (cmp == 0)
			return true;
		if (cmp < 0)
			low = mid + 1;
		else
			high = mid - 1;
	}
	return false;
}

/*
 * Builds a ranking from a computed order: entries are stored in entity order,
 * followed by nothing else; the header holds the offsets of the entries in
 * entity order and in output order.  write_score gives the score of each
 * placed entity.
 */
Ranking *
ranking_from_core(const RkEntities *entities, const RkOrder *order,
				  ScoreWriter write_score, const void *arg)
{
	StringInfoData buf;
	size_t		n = entities->count;
	size_t		header;
	uint32	   *entity_offset;
	Ranking    *ranking;
	size_t		k;

	if (n > MaxAllocSize / (2 * sizeof(uint32) + RANKING_ENTRY_HEADER_SIZE))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many entities to rank: %zu", n)));
	header = offsetof(Ranking, offsets) + 2 * n * sizeof(uint32);
	entity_offset = palloc(Max(n, 1) * sizeof(uint32));
	initStringInfo(&buf);
	enlargeStringInfo(&buf, header + n * (RANKING_ENTRY_HEADER_SIZE + 16));
	memset(buf.data, 0, header);
	buf.len = header;
	for (k = 0; k < n; k++)
	{
		uint32		entity = order->by_name[k];
		int32		placement = order->placement[entity];
		size_t		len;
		const char *name = rk_entity_name(entities, entity, &len);
		int32		name_len = (int32) len;
		int32		score_len;
		char	   *pos;

		CHECK_FOR_INTERRUPTS();
		/* room for the entry with the longest score, written in place */
		enlargeStringInfo(&buf, RANKING_ENTRY_HEADER_SIZE + name_len + SCORE_BUFSIZE);
		pos = buf.data + buf.len;
		score_len = placement > 0 ? write_score(entity, pos + RANKING_ENTRY_HEADER_SIZE + name_len, arg) : 0;
		memcpy(pos, &placement, sizeof(int32));
		memcpy(pos + sizeof(int32), &name_len, sizeof(int32));
		memcpy(pos + 2 * sizeof(int32), &score_len, sizeof(int32));
		memcpy(pos + RANKING_ENTRY_HEADER_SIZE, name, name_len);
		entity_offset[entity] = buf.len - header;
		buf.len += RANKING_ENTRY_HEADER_SIZE + name_len + score_len;
	}
	buf.data[buf.len] = '\0';
	ranking = (Ranking *) buf.data;
	SET_VARSIZE(ranking, buf.len);
	ranking->version = RANKING_VERSION;
	ranking->n_entries = (int32) n;
	ranking->n_placed = (int32) order->placed;
	for (k = 0; k < n; k++)
	{
		ranking->offsets[k] = entity_offset[order->by_name[k]];
		ranking->offsets[n + k] = entity_offset[order->by_placement[k]];
	}
	return ranking;
}

/* The canonical text of a numeric: trailing fractional zeros trimmed. */
char *
canonical_numeric_text(Datum numeric)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   DirectFunctionCall1(numeric_trim_scale, numeric)));
}

/*
 * Input validation, shared by text and binary input
 */

/* Reports an invalid ranking value about one entity. */
static void
invalid_ranking(const char *detail_fmt, const char *entity, int len, bool binary)
{
	ereport(ERROR,
			(errcode(binary ? ERRCODE_INVALID_BINARY_REPRESENTATION : ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid ranking value"),
			 errdetail(detail_fmt, len, entity)));
}

/* Writes the canonical text of a parsed input score. */
static int
write_input_score(uint32 entity, char *buf, const void *arg)
{
	char	   *score = canonical_numeric_text(((const Datum *) arg)[entity]);

	if (strlen(score) >= SCORE_BUFSIZE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("ranking score is too long"),
				 errdetail("A score has at most %d characters.", SCORE_BUFSIZE - 1)));
	return strlcpy(buf, score, SCORE_BUFSIZE);
}

/*
 * Validates entries read from text or binary input and builds the ranking:
 * unique entities in the database encoding, and placements that are the
 * competition ranking of scores running in one direction.
 */
static Ranking *
ranking_from_entries(const RankingEntry *entries, int32 n, bool binary)
{
	RkAllocator mem = rk_allocator(CurrentMemoryContext);
	RkEntities	entities;
	RkOrder		order;
	int32	   *placements = palloc(sizeof(int32) * Max(n, 1));
	Datum	   *scores = palloc0(sizeof(Datum) * Max(n, 1));
	size_t		duplicate;
	size_t		len;
	const char *name;
	int			direction = 0;
	int32		k;

	rk_entities_init(&entities, 0);
	for (k = 0; k < n; k++)
	{
		const RankingEntry *e = &entries[k];

		CHECK_FOR_INTERRUPTS();
		pg_verify_mbstr(GetDatabaseEncoding(), e->entity, e->entity_len, false);
		rk_entities_append(&entities, &mem, e->entity, e->entity_len);
		placements[k] = e->placement;
		if (e->placement < 0)
			invalid_ranking("The placement of entity \"%.*s\" is negative.", e->entity, e->entity_len, binary);
		if ((e->placement > 0) != (e->score != NULL))
			invalid_ranking(e->placement > 0
							? "Placed entity \"%.*s\" has no score."
							: "Entity \"%.*s\" was left out but has a score.",
							e->entity, e->entity_len, binary);
		if (e->placement > 0)
		{
			scores[k] = DirectFunctionCall3(numeric_in,
											CStringGetDatum(pnstrdup(e->score, e->score_len)),
											ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
			if (numeric_is_nan(DatumGetNumeric(scores[k])))
				invalid_ranking("The score of entity \"%.*s\" is NaN.", e->entity, e->entity_len, binary);
		}
	}
	if (rk_order_given(&entities, placements, &mem, &order, &duplicate) == RK_ERR_DUPLICATE)
	{
		name = rk_entity_name(&entities, duplicate, &len);
		invalid_ranking("Entity \"%.*s\" appears more than once.", name, (int) len, binary);
	}

	/* placed entries come first in output order */
	for (k = 0; k < n && placements[order.by_placement[k]] > 0; k++)
	{
		uint32		entity = order.by_placement[k];
		uint32		prev = k > 0 ? order.by_placement[k - 1] : 0;

		CHECK_FOR_INTERRUPTS();
		name = rk_entity_name(&entities, entity, &len);
		if (order.placement[entity] != placements[entity])
			invalid_ranking(k == 0
							? "The best placement must be 1, but the best entity \"%.*s\" has another."
							: "Entity \"%.*s\" has a placement that is not its position in a competition ranking.",
							name, (int) len, binary);
		if (k > 0)
		{
			int			cmp = DatumGetInt32(DirectFunctionCall2(numeric_cmp, scores[entity], scores[prev]));

			if (placements[entity] == placements[prev])
			{
				if (cmp != 0)
					invalid_ranking("Entity \"%.*s\" shares a placement but not the score.", name, (int) len, binary);
			}
			else if (cmp == 0)
				invalid_ranking("Entity \"%.*s\" has the score of a better placement.", name, (int) len, binary);
			else if (direction != 0 && cmp != direction)
				invalid_ranking("The score of entity \"%.*s\" runs against the order of the others.", name, (int) len, binary);
			else
				direction = cmp;
		}
	}
	return ranking_from_core(&entities, &order, write_input_score, scores);
}

/*
 * Text input
 */

/* Skips whitespace. */
static const char *
skip_space(const char *p)
{
	while (*p && scanner_isspace(*p))
		p++;
	return p;
}

/* Reports a syntax error in a ranking literal. */
static void
ranking_syntax_error(const char *input, const char *at, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("malformed ranking literal: \"%s\"", input),
			 errdetail("Expected %s at position %d.", what, (int) (at - input) + 1),
			 errhint("A ranking is written {1:\"entity\"=score, 2:\"other\"=score, -:\"left out\"}.")));
}

/* Parses the text form of a ranking. */
Datum
ranking_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	const char *p = skip_space(input);
	int32		cap = 16;
	int32		n = 0;
	RankingEntry *entries = palloc(sizeof(RankingEntry) * cap);

	if (*p != '{')
		ranking_syntax_error(input, p, "\"{\"");
	p = skip_space(p + 1);
	if (*p == '}')
		p++;
	else
	{
		for (;;)
		{
			RankingEntry *e;
			StringInfoData entity;

			CHECK_FOR_INTERRUPTS();
			if (n == cap)
			{
				if (cap >= PG_INT32_MAX / 4)
					ranking_syntax_error(input, p, "fewer entries");
				cap *= 2;
				entries = repalloc_huge(entries, sizeof(RankingEntry) * cap);
			}
			e = &entries[n++];

			/* placement */
			if (*p == '-')
			{
				e->placement = 0;
				p++;
			}
			else
			{
				int64		placement = 0;

				if (!isdigit((unsigned char) *p))
					ranking_syntax_error(input, p, "a placement or \"-\"");
				while (isdigit((unsigned char) *p))
				{
					placement = placement * 10 + (*p++ - '0');
					if (placement > PG_INT32_MAX)
						ranking_syntax_error(input, p, "a placement within the integer range");
				}
				if (placement == 0)
					ranking_syntax_error(input, p, "a placement of at least 1");
				e->placement = (int32) placement;
			}
			p = skip_space(p);
			if (*p != ':')
				ranking_syntax_error(input, p, "\":\"");
			p = skip_space(p + 1);

			/* entity */
			if (*p != '"')
				ranking_syntax_error(input, p, "a double-quoted entity");
			p++;
			initStringInfo(&entity);
			while (*p != '"')
			{
				if (*p == '\0')
					ranking_syntax_error(input, p, "a closing double quote");
				if (*p == '\\')
				{
					p++;
					if (*p != '"' && *p != '\\')
						ranking_syntax_error(input, p, "\\\" or \\\\ after a backslash");
				}
				appendStringInfoChar(&entity, *p++);
			}
			p = skip_space(p + 1);
			e->entity = entity.data;
			e->entity_len = entity.len;

			/* score */
			e->score = NULL;
			e->score_len = 0;
			if (*p == '=')
			{
				const char *start;

				p = skip_space(p + 1);
				start = p;
				while (*p && *p != ',' && *p != '}' && !scanner_isspace(*p))
					p++;
				if (p == start)
					ranking_syntax_error(input, p, "a score");
				e->score = start;
				e->score_len = p - start;
				p = skip_space(p);
			}

			if (*p == ',')
			{
				p = skip_space(p + 1);
				continue;
			}
			if (*p == '}')
			{
				p++;
				break;
			}
			ranking_syntax_error(input, p, "\",\" or \"}\"");
		}
	}
	p = skip_space(p);
	if (*p != '\0')
		ranking_syntax_error(input, p, "the end of the input");

	PG_RETURN_POINTER(ranking_from_entries(entries, n, false));
}

/* Refuses a text or binary form (named by form) of len bytes that a value cannot hold. */
static void
check_form_size(const Ranking *ranking, Size len, const char *form)
{
	if (len > MaxAllocSize - VARHDRSZ - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the %s form of this ranking would exceed 1 GB", form),
				 errdetail("The ranking has %d entities.", ranking->n_entries),
				 errhint("Read its placements with unnest() instead.")));
}

/* Puts one character of a text form at dst[len] when there is a dst, and counts it. */
#define PUT_CHAR(dst, len, c) \
	do { if (dst) (dst)[len] = (c); (len)++; } while (0)

/*
 * Walks a ranking's text form: writes it at dst, which has room for it, when
 * dst is not NULL, and returns its length without a terminating zero byte.
 * Walked once to count and once to write, the text goes into one allocation
 * of its final size: growing a buffer by doubling would copy hundreds of
 * megabytes in steps that no cancel interrupts.
 */
static Size
walk_ranking_text(const Ranking *ranking, char *dst)
{
	RankingIterator it;
	RankingEntry e;
	Size		len = 0;
	bool		first = true;
	char		digits[MAXINT8LEN];
	int32		i;

	PUT_CHAR(dst, len, '{');
	ranking_iterate(ranking, &it);
	while (ranking_next(&it, &e))
	{
		CHECK_FOR_INTERRUPTS();
		if (!first)
		{
			PUT_CHAR(dst, len, ',');
			PUT_CHAR(dst, len, ' ');
		}
		first = false;
		if (e.placement > 0)
			len += pg_ultoa_n((uint32) e.placement, dst ? dst + len : digits);
		else
			PUT_CHAR(dst, len, '-');
		PUT_CHAR(dst, len, ':');
		PUT_CHAR(dst, len, '"');
		for (i = 0; i < e.entity_len; i++)
		{
			if (e.entity[i] == '"' || e.entity[i] == '\\')
				PUT_CHAR(dst, len, '\\');
			PUT_CHAR(dst, len, e.entity[i]);
		}
		PUT_CHAR(dst, len, '"');
		if (e.placement > 0)
		{
			PUT_CHAR(dst, len, '=');
			if (dst)
				memcpy(dst + len, e.score, e.score_len);
			len += e.score_len;
		}
	}
	PUT_CHAR(dst, len, '}');
	return len;
}

/*
 * Writes a ranking's text form, zero-terminated, into one new allocation
 * after offset bytes left free for a header; sets *len to the text's length.
 */
static char *
ranking_text_after(const Ranking *ranking, Size offset, Size *len)
{
	char	   *buf;

	elog(DEBUG2, "writing the text of a ranking of %d entries", ranking->n_entries);
	*len = walk_ranking_text(ranking, NULL);
	check_form_size(ranking, *len, "text");
	buf = palloc(offset + *len + 1);
	walk_ranking_text(ranking, buf + offset);
	buf[offset + *len] = '\0';
	return buf;
}

/* Prints a ranking in its text form. */
Datum
ranking_out(PG_FUNCTION_ARGS)
{
	Size		len;

	PG_RETURN_CSTRING(ranking_text_after(PG_GETARG_RANKING_P(0), 0, &len));
}

/*
 * The cast to text: the text form written straight into a text value, where
 * the conversion through ranking_out would copy it once more, uninterrupted.
 */
Datum
ranking_text(PG_FUNCTION_ARGS)
{
	Size		len;
	text	   *result = (text *) ranking_text_after(PG_GETARG_RANKING_P(0), VARHDRSZ, &len);

	SET_VARSIZE(result, VARHDRSZ + len);
	PG_RETURN_TEXT_P(result);
}

/*
 * Binary I/O: int32 count, then per entry int32 placement (0 = left out),
 * the entity as counted bytes, and the score as counted text (-1 = none).
 */

/* Reads a ranking in binary form, validated like text input. */
Datum
ranking_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	int32		n = pq_getmsgint(msg, 4);
	RankingEntry *entries;
	int32		i;

	/* every entry needs at least 12 bytes: bound the count before allocating */
	if (n < 0 || n > (msg->len - msg->cursor) / 12)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid entry count %d in external ranking value", n)));
	entries = palloc(sizeof(RankingEntry) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		RankingEntry *e = &entries[i];
		int32		score_len;

		CHECK_FOR_INTERRUPTS();
		e->placement = pq_getmsgint(msg, 4);
		e->entity_len = pq_getmsgint(msg, 4);
		if (e->entity_len < 0 || e->entity_len > msg->len - msg->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid entity length %d in external ranking value", e->entity_len)));
		e->entity = pq_getmsgbytes(msg, e->entity_len);
		score_len = pq_getmsgint(msg, 4);
		if (score_len < -1 || score_len > msg->len - msg->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid score length %d in external ranking value", score_len)));
		e->score = score_len < 0 ? NULL : pq_getmsgbytes(msg, score_len);
		e->score_len = Max(score_len, 0);
	}
	pq_getmsgend(msg);
	PG_RETURN_POINTER(ranking_from_entries(entries, n, true));
}

/* Writes a ranking in binary form. */
Datum
ranking_send(PG_FUNCTION_ARGS)
{
	Ranking    *ranking = PG_GETARG_RANKING_P(0);
	RankingIterator it;
	RankingEntry e;
	StringInfoData buf;
	Size		len = sizeof(int32);

	/* sized first, so that the buffer is not copied as it grows */
	ranking_iterate(ranking, &it);
	while (ranking_next(&it, &e))
	{
		CHECK_FOR_INTERRUPTS();
		len += 3 * sizeof(int32) + e.entity_len + (e.placement > 0 ? e.score_len : 0);
	}
	check_form_size(ranking, len, "binary");
	pq_begintypsend(&buf);
	enlargeStringInfo(&buf, len);
	pq_sendint32(&buf, ranking->n_entries);
	ranking_iterate(ranking, &it);
	while (ranking_next(&it, &e))
	{
		CHECK_FOR_INTERRUPTS();
		pq_sendint32(&buf, e.placement);
		pq_sendint32(&buf, e.entity_len);
		pq_sendbytes(&buf, e.entity, e.entity_len);
		if (e.placement > 0)
		{
			pq_sendint32(&buf, e.score_len);
			pq_sendbytes(&buf, e.score, e.score_len);
		}
		else
			pq_sendint32(&buf, -1);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* True when two rankings are byte-for-byte equal (their form is canonical). */
static bool
rankings_equal(FunctionCallInfo fcinfo)
{
	Ranking    *a = PG_GETARG_RANKING_P(0);
	Ranking    *b = PG_GETARG_RANKING_P(1);

	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

/* ranking = ranking */
Datum
ranking_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(rankings_equal(fcinfo));
}

/* ranking <> ranking */
Datum
ranking_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!rankings_equal(fcinfo));
}

/*
 * The numeric value of a stored score.  A canonical score of at most 18
 * digits (-123.45) is built from its digits as an int64 and a decimal scale,
 * which gives what numeric_in gives for the text at a fraction of the cost;
 * longer scores are parsed by numeric_in.
 */
static Datum
score_numeric(const RankingEntry *e)
{
	const char *p = e->score;
	const char *end = e->score + e->score_len;
	bool		negative = false;
	int64		mantissa = 0;
	int			digits = 0;
	int			scale = -1;

	if (p < end && *p == '-')
	{
		negative = true;
		p++;
	}
	for (; p < end; p++)
	{
		if (*p == '.' && scale < 0)
			scale = 0;
		else if (*p >= '0' && *p <= '9' && digits < 18)
		{
			mantissa = mantissa * 10 + (*p - '0');
			digits++;
			if (scale >= 0)
				scale++;
		}
		else
			break;
	}
	if (p == end && digits > 0 && scale != 0)
	{
		if (negative)
			mantissa = -mantissa;
		if (scale < 0)
			return NumericGetDatum(int64_to_numeric(mantissa));
		return NumericGetDatum(int64_div_fast_to_numeric(mantissa, scale));
	}
	return DirectFunctionCall3(numeric_in, CStringGetDatum(pnstrdup(e->score, e->score_len)),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * Finds the entry of the entity argument: text, or a type such as kommune
 * that is found by its printed form.
 */
static bool
find_entity(FunctionCallInfo fcinfo, RankingEntry *e)
{
	int			len;
	const char *entity = entity_argument(fcinfo, 1, &len);

	return ranking_find(PG_GETARG_RANKING_P(0), entity, len, e);
}

/* placement(ranking, entity) and ranking -> entity */
Datum
ranking_placement(PG_FUNCTION_ARGS)
{
	RankingEntry e;

	if (!find_entity(fcinfo, &e) || e.placement == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(e.placement);
}

/* score(ranking, entity) */
Datum
ranking_score(PG_FUNCTION_ARGS)
{
	RankingEntry e;

	if (!find_entity(fcinfo, &e) || e.placement == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(score_numeric(&e));
}

/* ranked_count(ranking): the number of placed entities */
Datum
ranking_ranked_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_RANKING_P(0)->n_placed);
}

/* entity_count(ranking): placed and left-out entities */
Datum
ranking_entity_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_RANKING_P(0)->n_entries);
}

/*
 * The rows of unnest(ranking), formed one at a time in output order: the
 * entity's text in one buffer that grows to the longest name, and a score
 * equal to the previous row's (tied entries are neighbours in output order)
 * reusing its numeric.  A row's datums stay valid until the next row.
 */
typedef struct UnnestRows
{
	RankingIterator it;
	text	   *entity;			/* the entity's text, reused */
	int32		entity_room;	/* bytes the buffer holds after its header */
	MemoryContext score_context;	/* holds the current score's numeric */
	RankingEntry previous;
	Datum		values[3];
	bool		nulls[3];
} UnnestRows;

/* Starts the rows of a ranking, in the current memory context. */
static void
unnest_rows_start(UnnestRows *rows, const Ranking *ranking)
{
	ranking_iterate(ranking, &rows->it);
	rows->entity_room = 64;
	rows->entity = palloc(VARHDRSZ + rows->entity_room);
	rows->score_context = AllocSetContextCreate(CurrentMemoryContext, "unnest scores",
												ALLOCSET_SMALL_SIZES);
	rows->previous.placement = 0;
	rows->values[0] = PointerGetDatum(rows->entity);
	rows->nulls[0] = false;
}

/* Forms the next row: entity, score and placement; false after the last one. */
static bool
unnest_rows_next(UnnestRows *rows)
{
	RankingEntry e;

	if (!ranking_next(&rows->it, &e))
		return false;
	if (e.entity_len > rows->entity_room)
	{
		rows->entity_room = e.entity_len;
		rows->entity = repalloc(rows->entity, VARHDRSZ + rows->entity_room);
		rows->values[0] = PointerGetDatum(rows->entity);
	}
	SET_VARSIZE(rows->entity, VARHDRSZ + e.entity_len);
	memcpy(VARDATA(rows->entity), e.entity, e.entity_len);
	rows->nulls[1] = rows->nulls[2] = (e.placement == 0);
	if (e.placement > 0)
	{
		if (rows->previous.placement == 0 || rows->previous.score_len != e.score_len ||
			memcmp(rows->previous.score, e.score, e.score_len) != 0)
		{
			MemoryContext old;

			MemoryContextReset(rows->score_context);
			old = MemoryContextSwitchTo(rows->score_context);
			rows->values[1] = score_numeric(&e);
			MemoryContextSwitchTo(old);
		}
		rows->values[2] = Int32GetDatum(e.placement);
	}
	rows->previous = e;
	return true;
}

/*
 * unnest(ranking): one row per entity, in output order.  Where the caller
 * prefers a whole result (a function scan, which would copy rows handed back
 * one at a time into a tuplestore of its own), the rows go straight into the
 * result tuplestore.  Elsewhere (unnest in the select list) they are handed
 * back row by row, so that the caller holds one row at a time.
 */
Datum
ranking_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	UnnestRows *rows;

	if (SRF_IS_FIRSTCALL())
	{
		ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
		MemoryContext old;
		TupleDesc	tupdesc;

		if (rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) &&
			(rsinfo->allowedModes & SFRM_Materialize) != 0 &&
			(rsinfo->allowedModes & SFRM_Materialize_Preferred) != 0)
		{
			UnnestRows	all;
			int32		i = 0;

			InitMaterializedSRF(fcinfo, MAT_SRF_BLESS);
			unnest_rows_start(&all, PG_GETARG_RANKING_P(0));
			while (unnest_rows_next(&all))
			{
				if ((++i & 4095) == 0)
					CHECK_FOR_INTERRUPTS();
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, all.values, all.nulls);
			}
			MemoryContextDelete(all.score_context);
			pfree(all.entity);
			return (Datum) 0;
		}

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		rows = palloc(sizeof(UnnestRows));
		unnest_rows_start(rows, PG_GETARG_RANKING_P(0));
		funcctx->user_fctx = rows;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	rows = funcctx->user_fctx;
	if (unnest_rows_next(rows))
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
																	rows->values, rows->nulls)));
	SRF_RETURN_DONE(funcctx);
}
