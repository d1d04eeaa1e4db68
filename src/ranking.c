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
#include "parser/scansup.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "ranking.h"

PG_FUNCTION_INFO_V1(ranking_in);
PG_FUNCTION_INFO_V1(ranking_out);
PG_FUNCTION_INFO_V1(ranking_recv);
PG_FUNCTION_INFO_V1(ranking_send);
PG_FUNCTION_INFO_V1(ranking_eq);
PG_FUNCTION_INFO_V1(ranking_ne);
PG_FUNCTION_INFO_V1(ranking_unnest);
PG_FUNCTION_INFO_V1(ranking_placement);
PG_FUNCTION_INFO_V1(ranking_score);
PG_FUNCTION_INFO_V1(ranking_ranked_count);
PG_FUNCTION_INFO_V1(ranking_entity_count);

/* Reads an unaligned int32. */
static inline int32
read_int32(const char *p)
{
	int32		v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Starts walking the entries of a ranking. */
void
ranking_iterate(const Ranking *ranking, RankingIterator *it)
{
	it->pos = ranking->entries;
	it->remaining = ranking->n_entries;
}

/* Fetches the next entry; false after the last one. */
bool
ranking_next(RankingIterator *it, RankingEntry *entry)
{
	if (it->remaining <= 0)
		return false;
	entry->placement = read_int32(it->pos);
	entry->entity_len = read_int32(it->pos + sizeof(int32));
	entry->score_len = read_int32(it->pos + 2 * sizeof(int32));
	entry->entity = it->pos + RANKING_ENTRY_HEADER_SIZE;
	entry->score = entry->entity + entry->entity_len;
	it->pos = entry->score + entry->score_len;
	it->remaining--;
	return true;
}

/* Starts a ranking in buf, leaving room for the header. */
void
ranking_builder_init(StringInfo buf, int32 n_entries)
{
	initStringInfo(buf);
	enlargeStringInfo(buf, RANKING_HEADER_SIZE + n_entries * (RANKING_ENTRY_HEADER_SIZE + 16));
	buf->len = RANKING_HEADER_SIZE;
}

/* Appends one entry; entries must come in output order. */
void
ranking_builder_add(StringInfo buf, int32 placement, const char *entity, int32 entity_len,
					const char *score, int32 score_len)
{
	appendBinaryStringInfo(buf, (const char *) &placement, sizeof(int32));
	appendBinaryStringInfo(buf, (const char *) &entity_len, sizeof(int32));
	appendBinaryStringInfo(buf, (const char *) &score_len, sizeof(int32));
	appendBinaryStringInfo(buf, entity, entity_len);
	appendBinaryStringInfo(buf, score, score_len);
}

/* Fills in the header and returns the finished ranking. */
Ranking *
ranking_builder_finish(StringInfo buf, int32 n_entries, int32 n_placed)
{
	Ranking    *ranking = (Ranking *) buf->data;

	SET_VARSIZE(ranking, buf->len);
	ranking->version = RANKING_VERSION;
	ranking->n_entries = n_entries;
	ranking->n_placed = n_placed;
	return ranking;
}

/* palloc for the ranking core, in a given memory context. */
static void *
rk_palloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

/* repalloc for the ranking core. */
static void *
rk_repalloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	return repalloc_huge(ptr, new_size);
}

/* An allocator for the ranking core that takes memory from context. */
RkAllocator
rk_allocator(MemoryContext context)
{
	RkAllocator mem;

	mem.alloc = rk_palloc;
	mem.grow = rk_repalloc;
	mem.ctx = context;
	return mem;
}

/* The aggregate memory context, or an error outside an aggregate. */
MemoryContext
aggregate_memory_context(FunctionCallInfo fcinfo, const char *function)
{
	MemoryContext context;

	if (!AggCheckCallContext(fcinfo, &context))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", function)));
	return context;
}

/* The output function of an entity argument's type, cached in fn_extra. */
typedef struct EntityOutput
{
	Oid			type;
	FmgrInfo	output;
} EntityOutput;

/*
 * The bytes of an entity argument: text as it is, any other type (such as
 * kommune) as its output function prints it.  The argument must not be NULL.
 */
const char *
entity_argument(FunctionCallInfo fcinfo, int argno, int *len)
{
	Oid			type = get_fn_expr_argtype(fcinfo->flinfo, argno);
	EntityOutput *cache = (EntityOutput *) fcinfo->flinfo->fn_extra;
	char	   *printed;

	if (type == TEXTOID || type == VARCHAROID)
	{
		text	   *entity = PG_GETARG_TEXT_PP(argno);

		*len = VARSIZE_ANY_EXHDR(entity);
		return VARDATA_ANY(entity);
	}
	if (!OidIsValid(type))
		elog(ERROR, "could not determine the type of the entity argument");
	if (cache == NULL || cache->type != type)
	{
		Oid			output;
		bool		varlena;

		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(EntityOutput));
		getTypeOutputInfo(type, &output, &varlena);
		fmgr_info_cxt(output, &cache->output, fcinfo->flinfo->fn_mcxt);
		cache->type = type;
		fcinfo->flinfo->fn_extra = cache;
	}
	printed = OutputFunctionCall(&cache->output, PG_GETARG_DATUM(argno));
	*len = strlen(printed);
	return printed;
}

/* The canonical text of a numeric: trailing fractional zeros trimmed. */
char *
canonical_numeric_text(Datum numeric)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   DirectFunctionCall1(numeric_trim_scale, numeric)));
}

/*
 * Builds a ranking from the core's ordered result, asking write_score for the
 * score of each placed entry.
 */
Ranking *
ranking_from_core(const RkEntities *entities, const RkRanked *ranked, size_t placed,
				  ScoreWriter write_score, const void *arg)
{
	StringInfoData buf;
	size_t		n = entities->count;
	size_t		i;

	if (n > (size_t) PG_INT32_MAX / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many entities to rank: %zu", n)));
	ranking_builder_init(&buf, (int32) n);
	for (i = 0; i < n; i++)
	{
		size_t		len;
		const char *name = rk_entity_name(entities, ranked[i].entity, &len);
		char		score[SCORE_BUFSIZE];
		int			score_len = ranked[i].placement > 0 ? write_score(&ranked[i], score, arg) : 0;

		if ((size_t) buf.len > MaxAllocSize - RANKING_ENTRY_HEADER_SIZE - len - SCORE_BUFSIZE)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("ranking is too large"),
					 errdetail("A ranking cannot exceed 1 GB.")));
		ranking_builder_add(&buf, ranked[i].placement, name, (int32) len, score, score_len);
	}
	return ranking_builder_finish(&buf, (int32) n, (int32) placed);
}

/*
 * Input validation, shared by text and binary input
 */

/* An input entry with its parsed score. */
typedef struct InputEntry
{
	RankingEntry entry;
	Datum		score;
} InputEntry;

/* Orders input entries: placed by placement then entity, then left-out by entity. */
static int
compare_input_entries(const void *pa, const void *pb)
{
	const RankingEntry *a = &((const InputEntry *) pa)->entry;
	const RankingEntry *b = &((const InputEntry *) pb)->entry;
	int			cmp;

	if ((a->placement == 0) != (b->placement == 0))
		return a->placement == 0 ? 1 : -1;
	if (a->placement != b->placement)
		return a->placement < b->placement ? -1 : 1;
	cmp = memcmp(a->entity, b->entity, Min(a->entity_len, b->entity_len));
	if (cmp != 0)
		return cmp;
	return (a->entity_len > b->entity_len) - (a->entity_len < b->entity_len);
}

/* Reports an invalid ranking value about one entity. */
static void
invalid_ranking(const char *detail_fmt, const RankingEntry *e, bool binary)
{
	ereport(ERROR,
			(errcode(binary ? ERRCODE_INVALID_BINARY_REPRESENTATION : ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid ranking value"),
			 errdetail(detail_fmt, e->entity_len, e->entity)));
}

/*
 * Validates entries read from text or binary input and builds the ranking:
 * the placements must be a competition ranking of the scores.
 */
static Ranking *
ranking_from_entries(const RankingEntry *entries, int32 n, bool binary)
{
	StringInfoData buf;
	RkAllocator mem = rk_allocator(CurrentMemoryContext);
	RkEntities	seen;
	InputEntry *input = palloc(sizeof(InputEntry) * Max(n, 1));
	int			direction = 0;
	int32		placed = 0;
	int32		i;

	rk_entities_init(&seen, 0);
	rk_entities_reserve(&seen, &mem, n);
	for (i = 0; i < n; i++)
	{
		const RankingEntry *e = &entries[i];
		bool		found;

		input[i].entry = *e;
		input[i].score = (Datum) 0;
		pg_verify_mbstr(GetDatabaseEncoding(), e->entity, e->entity_len, false);
		rk_entities_intern(&seen, &mem, e->entity, e->entity_len, &found);
		if (found)
			invalid_ranking("Entity \"%.*s\" appears more than once.", e, binary);
		if (e->placement < 0)
			invalid_ranking("The placement of entity \"%.*s\" is negative.", e, binary);
		if ((e->placement > 0) != (e->score != NULL))
			invalid_ranking(e->placement > 0
							? "Placed entity \"%.*s\" has no score."
							: "Entity \"%.*s\" was left out but has a score.", e, binary);
		if (e->placement > 0)
		{
			char	   *score = pnstrdup(e->score, e->score_len);

			input[i].score = DirectFunctionCall3(numeric_in, CStringGetDatum(score),
												 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
			if (numeric_is_nan(DatumGetNumeric(input[i].score)))
				invalid_ranking("The score of entity \"%.*s\" is NaN.", e, binary);
			placed++;
		}
	}
	qsort(input, n, sizeof(InputEntry), compare_input_entries);

	ranking_builder_init(&buf, n);
	for (i = 0; i < n; i++)
	{
		const RankingEntry *e = &input[i].entry;
		char	   *score = "";

		if (e->placement > 0)
		{
			if (i == 0 && e->placement != 1)
				invalid_ranking("The best placement must be 1, but the best entity \"%.*s\" has another.", e, binary);
			if (i > 0)
			{
				const RankingEntry *prev = &input[i - 1].entry;
				int			cmp = DatumGetInt32(DirectFunctionCall2(numeric_cmp, input[i].score,
																	input[i - 1].score));

				if (e->placement == prev->placement)
				{
					if (cmp != 0)
						invalid_ranking("Entity \"%.*s\" shares a placement but not the score.", e, binary);
				}
				else if (e->placement != i + 1)
					invalid_ranking("Entity \"%.*s\" has a placement that is not its position in a competition ranking.", e, binary);
				else if (cmp == 0)
					invalid_ranking("Entity \"%.*s\" has the score of a better placement.", e, binary);
				else if (direction != 0 && cmp != direction)
					invalid_ranking("The score of entity \"%.*s\" runs against the order of the others.", e, binary);
				else
					direction = cmp;
			}
			score = canonical_numeric_text(input[i].score);
		}
		ranking_builder_add(&buf, e->placement, e->entity, e->entity_len, score, strlen(score));
	}
	return ranking_builder_finish(&buf, n, placed);
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

/* Appends an entity, double-quoted with \" and \\ escaped. */
static void
append_quoted(StringInfo buf, const char *entity, int32 len)
{
	int32		i;

	appendStringInfoChar(buf, '"');
	for (i = 0; i < len; i++)
	{
		if (entity[i] == '"' || entity[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, entity[i]);
	}
	appendStringInfoChar(buf, '"');
}

/* Prints a ranking in its text form. */
Datum
ranking_out(PG_FUNCTION_ARGS)
{
	Ranking    *ranking = PG_GETARG_RANKING_P(0);
	RankingIterator it;
	RankingEntry e;
	StringInfoData buf;
	bool		first = true;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	ranking_iterate(ranking, &it);
	while (ranking_next(&it, &e))
	{
		if (!first)
			appendStringInfoString(&buf, ", ");
		first = false;
		if (e.placement > 0)
			appendStringInfo(&buf, "%d:", e.placement);
		else
			appendStringInfoString(&buf, "-:");
		append_quoted(&buf, e.entity, e.entity_len);
		if (e.placement > 0)
		{
			appendStringInfoChar(&buf, '=');
			appendBinaryStringInfo(&buf, e.score, e.score_len);
		}
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
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

	pq_begintypsend(&buf);
	pq_sendint32(&buf, ranking->n_entries);
	ranking_iterate(ranking, &it);
	while (ranking_next(&it, &e))
	{
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

/* The numeric value of a stored score. */
static Datum
score_numeric(const RankingEntry *e)
{
	char	   *score = pnstrdup(e->score, e->score_len);

	return DirectFunctionCall3(numeric_in, CStringGetDatum(score),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* Finds an entity's entry; false when the ranking does not hold it. */
static bool
find_entity(const Ranking *ranking, text *entity, RankingEntry *e)
{
	RankingIterator it;
	const char *name = VARDATA_ANY(entity);
	int32		len = VARSIZE_ANY_EXHDR(entity);

	ranking_iterate(ranking, &it);
	while (ranking_next(&it, e))
	{
		if (e->entity_len == len && memcmp(e->entity, name, len) == 0)
			return true;
	}
	return false;
}

/* placement(ranking, entity) and ranking -> entity */
Datum
ranking_placement(PG_FUNCTION_ARGS)
{
	RankingEntry e;

	if (!find_entity(PG_GETARG_RANKING_P(0), PG_GETARG_TEXT_PP(1), &e) || e.placement == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(e.placement);
}

/* score(ranking, entity) */
Datum
ranking_score(PG_FUNCTION_ARGS)
{
	RankingEntry e;

	if (!find_entity(PG_GETARG_RANKING_P(0), PG_GETARG_TEXT_PP(1), &e) || e.placement == 0)
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

/* unnest(ranking): one row per entity, in output order */
Datum
ranking_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	RankingIterator *it;
	RankingEntry e;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		it = palloc(sizeof(RankingIterator));
		ranking_iterate(PG_GETARG_RANKING_P(0), it);
		funcctx->user_fctx = it;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	it = funcctx->user_fctx;
	if (ranking_next(it, &e))
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(cstring_to_text_with_len(e.entity, e.entity_len));
		if (e.placement > 0)
		{
			values[1] = score_numeric(&e);
			values[2] = Int32GetDatum(e.placement);
		}
		else
			nulls[1] = nulls[2] = true;
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
																	values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
