/*
 * rank_values.c
 *		The rank_values aggregate: competition ranking of one measure.
 *
 * The state holds each entity once with its value; the final function sorts
 * in the measure's direction and numbers by competition ranking.  NULL values
 * are kept, so that the ranking can tell who was left out.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "ranking.h"

PG_FUNCTION_INFO_V1(rank_values_transfn);
PG_FUNCTION_INFO_V1(rank_values_combine);
PG_FUNCTION_INFO_V1(rank_values_serialize);
PG_FUNCTION_INFO_V1(rank_values_deserialize);
PG_FUNCTION_INFO_V1(rank_values_final);

typedef struct ValuesState
{
	RkAllocator mem;
	RkValues	values;
} ValuesState;

/* A new, empty state in the aggregate context. */
static ValuesState *
new_state(MemoryContext context)
{
	ValuesState *state = MemoryContextAlloc(context, sizeof(ValuesState));

	state->mem = rk_allocator(context);
	rk_values_init(&state->values);
	return state;
}

/* Reports rows that disagree on the direction. */
static void
direction_error(const char *entity, int len)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("rank_values rows disagree on the direction"),
			 errdetail("Entity \"%.*s\" has a higher_is_better that differs from earlier rows.", len, entity),
			 errhint("Rank each measure in its own group, with one direction.")));
}

/* Reports an entity that appears twice. */
static void
duplicate_error(const char *entity, int len)
{
	ereport(ERROR,
			(errcode(ERRCODE_CARDINALITY_VIOLATION),
			 errmsg("entity \"%.*s\" appears more than once in rank_values", len, entity),
			 errhint("Rank one value per entity, e.g. group by the measure and the period.")));
}

/* rank_values(entity, value, higher_is_better) transition */
Datum
rank_values_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext context = aggregate_memory_context(fcinfo, "rank_values_transfn");
	ValuesState *state = PG_ARGISNULL(0) ? new_state(context) : (ValuesState *) PG_GETARG_POINTER(0);
	const char *entity;
	int			len;
	RkStatus	status;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("rank_values entity must not be null")));
	entity = entity_argument(fcinfo, 1, &len);
	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("rank_values higher_is_better must not be null"),
				 errdetail("Entity \"%.*s\" has no direction.", len, entity)));
	if (rk_values_set_direction(&state->values, PG_GETARG_BOOL(3)) != RK_OK)
		direction_error(entity, len);

	status = rk_values_add(&state->values, &state->mem, entity, len, PG_ARGISNULL(2),
						   PG_ARGISNULL(2) ? 0.0 : PG_GETARG_FLOAT8(2));
	if (status == RK_ERR_NAN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rank_values value of entity \"%.*s\" is NaN", len, entity),
				 errhint("Use NULL for a missing value.")));
	PG_RETURN_POINTER(state);
}

/* rank_values combine: adds the second state's entities to the first */
Datum
rank_values_combine(PG_FUNCTION_ARGS)
{
	MemoryContext context = aggregate_memory_context(fcinfo, "rank_values_combine");
	ValuesState *state1 = PG_ARGISNULL(0) ? NULL : (ValuesState *) PG_GETARG_POINTER(0);
	ValuesState *state2 = PG_ARGISNULL(1) ? NULL : (ValuesState *) PG_GETARG_POINTER(1);

	if (state2 == NULL)
		PG_RETURN_POINTER(state1);
	elog(DEBUG2, "rank_values: combining a state of %zu entities", state2->values.entities.count);
	if (state1 == NULL)
		state1 = new_state(context);
	if (rk_values_merge(&state1->values, &state1->mem, &state2->values) != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rank_values rows disagree on the direction"),
				 errhint("Rank each measure in its own group, with one direction.")));
	PG_RETURN_POINTER(state1);
}

/* rank_values serialize, for parallel aggregation */
Datum
rank_values_serialize(PG_FUNCTION_ARGS)
{
	ValuesState *state;
	bytea	   *result;

	aggregate_memory_context(fcinfo, "rank_values_serialize");
	state = (ValuesState *) PG_GETARG_POINTER(0);
	result = state_bytea(rk_values_serialized_size(&state->values), "rank_values");
	rk_values_serialize(&state->values, VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

/* rank_values deserialize, rejecting inconsistent bytes */
Datum
rank_values_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext context = aggregate_memory_context(fcinfo, "rank_values_deserialize");
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	ValuesState *state = new_state(context);

	if (rk_values_deserialize(&state->values, &state->mem, VARDATA_ANY(bytes),
							  VARSIZE_ANY_EXHDR(bytes)) != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized rank_values state")));
	PG_RETURN_POINTER(state);
}

/*
 * Writes the canonical numeric text of a value: its shortest exact digits.
 * Whole numbers below 10^15 are exact in a double and print as their integer
 * digits, which are written without the shortest-digits search.
 */
static int
write_value_score(uint32 entity, char *buf, const void *arg)
{
	const RkValues *values = arg;
	double		value = ((const RkValue *) rk_entity_payload(&values->entities, entity))->value;
	char	   *canonical;

	if (isinf(value))
		return strlcpy(buf, value > 0 ? "Infinity" : "-Infinity", SCORE_BUFSIZE);
	if (value == 0.0)
		return strlcpy(buf, "0", SCORE_BUFSIZE);
	if (fabs(value) < 1e15 && value == (double) (int64) value)
		return pg_lltoa((int64) value, buf);
	double_to_shortest_decimal_buf(value, buf);
	if (strchr(buf, 'e') == NULL)
		return strlen(buf);
	/* 1e+22 and 1e-05 are written out as numeric prints them */
	canonical = canonical_numeric_text(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
														   ObjectIdGetDatum(InvalidOid),
														   Int32GetDatum(-1)));
	if (strlen(canonical) >= SCORE_BUFSIZE)
		elog(ERROR, "score of %zu characters does not fit", strlen(canonical));
	return strlcpy(buf, canonical, SCORE_BUFSIZE);
}

/*
 * The name order of the last group ranked by this aggregate call site: the
 * groups of one query usually list the same entities in the same order, and
 * then need no sort by name.
 */
typedef struct NameOrderHint
{
	uint32	   *by_name;
	size_t		n;
	size_t		cap;
} NameOrderHint;

/* Remembers a group's name order for the next group, in the function's memory. */
static void
remember_name_order(FunctionCallInfo fcinfo, const RkOrder *order, size_t n)
{
	NameOrderHint *hint = fcinfo->flinfo->fn_extra;

	if (hint == NULL)
		hint = fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
																 sizeof(NameOrderHint));
	if (n > hint->cap)
	{
		if (hint->by_name)
			pfree(hint->by_name);
		hint->by_name = MemoryContextAllocHuge(fcinfo->flinfo->fn_mcxt, n * sizeof(uint32));
		hint->cap = n;
	}
	memcpy(hint->by_name, order->by_name, n * sizeof(uint32));
	hint->n = n;
}

/* rank_values final: the ranking (an empty ranking over no rows) */
Datum
rank_values_final(PG_FUNCTION_ARGS)
{
	ValuesState *state;
	RkAllocator mem = rk_allocator(CurrentMemoryContext);
	RkValues	empty;
	const RkValues *values;
	const NameOrderHint *hint = fcinfo->flinfo->fn_extra;
	RkOrder		order;
	size_t		duplicate;
	RkStatus	status;

	aggregate_memory_context(fcinfo, "rank_values_final");
	state = PG_ARGISNULL(0) ? NULL : (ValuesState *) PG_GETARG_POINTER(0);
	rk_values_init(&empty);
	values = state ? &state->values : &empty;
	elog(DEBUG2, "rank_values: ranking %zu entities", values->entities.count);
	status = rk_values_rank(values, hint ? hint->by_name : NULL, hint ? hint->n : 0,
							&mem, &order, &duplicate);
	if (status == RK_ERR_DUPLICATE)
	{
		size_t		len;
		const char *entity = rk_entity_name(&values->entities, duplicate, &len);

		duplicate_error(entity, (int) len);
	}
	if (status != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many entities to rank")));
	remember_name_order(fcinfo, &order, values->entities.count);
	PG_RETURN_POINTER(ranking_from_core(&values->entities, &order, write_value_score, values));
}
