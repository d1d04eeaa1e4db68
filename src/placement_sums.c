/*
 * placement_sums.c
 *		The rank_sum_rerank and weighted_placement aggregates.
 *
 * Both keep, per entity, how many rows it has, how many carry a placement,
 * and the exact sum of its placements (times their weights).  The final
 * function scores every entity by the missing-data policy and ranks the
 * scores ascending, lowest = 1, ties sharing the lowest placement.  Numbers
 * are exact 128-bit decimals; a sum that leaves that range is an error, never
 * a rounded answer.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "ranking.h"

PG_FUNCTION_INFO_V1(placement_sum_transfn);
PG_FUNCTION_INFO_V1(placement_sum_ranking_transfn);
PG_FUNCTION_INFO_V1(weighted_placement_transfn);
PG_FUNCTION_INFO_V1(weighted_placement_ranking_transfn);
PG_FUNCTION_INFO_V1(placement_sum_combine);
PG_FUNCTION_INFO_V1(placement_sum_serialize);
PG_FUNCTION_INFO_V1(placement_sum_deserialize);
PG_FUNCTION_INFO_V1(placement_sum_final);

typedef struct SumsState
{
	RkAllocator mem;
	RkSums		sums;
} SumsState;

/* The SQL name of the aggregate a mode belongs to, for messages. */
static const char *
aggregate_name(RkMode mode)
{
	return mode == RK_MODE_WEIGHTED ? "weighted_placement" : "rank_sum_rerank";
}

/* The state argument, or a new, empty state in the aggregate context. */
static SumsState *
get_state(FunctionCallInfo fcinfo, const char *function)
{
	MemoryContext context = aggregate_memory_context(fcinfo, function);
	SumsState  *state;

	if (!PG_ARGISNULL(0))
		return (SumsState *) PG_GETARG_POINTER(0);
	state = MemoryContextAlloc(context, sizeof(SumsState));
	state->mem = rk_allocator(context);
	rk_sums_init(&state->sums);
	return state;
}

/* Reads the optional missing-data policy argument (default exclude). */
static RkPolicy
policy_argument(FunctionCallInfo fcinfo, int argno, RkMode mode)
{
	char	   *policy;

	if (PG_NARGS() <= argno)
		return RK_POLICY_EXCLUDE;
	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s missing-data policy must not be null", aggregate_name(mode))));
	policy = text_to_cstring(PG_GETARG_TEXT_PP(argno));
	if (strcmp(policy, "exclude") == 0)
		return RK_POLICY_EXCLUDE;
	if (strcmp(policy, "scale") == 0)
		return RK_POLICY_SCALE;
	if (strcmp(policy, "worst") == 0 && mode == RK_MODE_SUM)
		return RK_POLICY_WORST;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown %s missing-data policy \"%s\"", aggregate_name(mode), policy),
			 errhint(mode == RK_MODE_SUM
					 ? "The policies are \"exclude\", \"worst\" and \"scale\"."
					 : "The policies are \"exclude\" and \"scale\".")));
	return RK_POLICY_UNSET;		/* keep compiler quiet */
}

/* Fixes the state's mode and policy on the first row; later rows must agree. */
static void
configure(SumsState *state, RkMode mode, RkPolicy policy)
{
	if (rk_sums_configure(&state->sums, mode, policy) != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s rows disagree on the missing-data policy", aggregate_name(mode))));
}

/* Converts a numeric placement or weight to an exact decimal. */
static RkDecimal
numeric_decimal(Datum value, const char *what, RkMode mode, const char *entity, int len)
{
	Numeric		num = DatumGetNumeric(value);
	char	   *text;
	RkDecimal	result;
	RkStatus	status;

	if (numeric_is_nan(num)
#if PG_VERSION_NUM >= 140000
		|| numeric_is_inf(num)
#endif
		)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s of entity \"%.*s\" is not a finite number",
						aggregate_name(mode), what, len, entity)));
	text = DatumGetCString(DirectFunctionCall1(numeric_out, value));
	status = rk_decimal_parse(text, strlen(text), &result);
	if (status != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s of entity \"%.*s\" has more than %d significant digits",
						aggregate_name(mode), what, len, entity, RK_MAX_DIGITS)));
	return result;
}

/* Reads a placement argument (integer or numeric), which must be positive. */
static RkDecimal
placement_argument(FunctionCallInfo fcinfo, int argno, RkMode mode, const char *entity, int len)
{
	RkDecimal	result;

	if (get_fn_expr_argtype(fcinfo->flinfo, argno) == INT4OID)
	{
		result.mantissa = PG_GETARG_INT32(argno);
		result.scale = 0;
	}
	else
		result = numeric_decimal(PG_GETARG_DATUM(argno), "placement", mode, entity, len);
	if (result.mantissa <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s placement of entity \"%.*s\" must be positive",
						aggregate_name(mode), len, entity),
				 errdetail("Placements count from 1 = best.")));
	return result;
}

/*
 * Reads a weight argument, which must be finite and not negative; entity is
 * the row's entity, or "" for a whole ranking.
 */
static RkDecimal
weight_argument(FunctionCallInfo fcinfo, int argno, const char *entity, int len)
{
	RkDecimal	result;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("weighted_placement weight of entity \"%.*s\" must not be null", len, entity)));
	result = numeric_decimal(PG_GETARG_DATUM(argno), "weight", RK_MODE_WEIGHTED, entity, len);
	if (result.mantissa < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement weight of entity \"%.*s\" must not be negative", len, entity),
				 errhint("Weights are relative: 7 and 1 weigh as 0.875 and 0.125.")));
	return result;
}

/* Adds one row to the state, reporting a sum out of range. */
static void
add_row(SumsState *state, const char *entity, int len, const RkDecimal *placement,
		const RkDecimal *weight)
{
	RkStatus	status = rk_sums_add(&state->sums, &state->mem, entity, len, placement, weight);

	if (status == RK_ERR_OVERFLOW || status == RK_ERR_PRECISION)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s sum of entity \"%.*s\" is out of range",
						aggregate_name(state->sums.mode), len, entity),
				 errdetail("Exact sums hold at most %d significant digits at the finest decimal scale of their inputs.", RK_MAX_DIGITS)));
	if (status != RK_OK)
		elog(ERROR, "unexpected ranking core status %d", (int) status);
}

/* The entity argument, which must not be NULL. */
static const char *
required_entity(FunctionCallInfo fcinfo, RkMode mode, int *len)
{
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s entity must not be null", aggregate_name(mode))));
	return entity_argument(fcinfo, 1, len);
}

/* rank_sum_rerank(entity, rank [, missing]) transition */
Datum
placement_sum_transfn(PG_FUNCTION_ARGS)
{
	SumsState  *state = get_state(fcinfo, "placement_sum_transfn");
	int			len;
	const char *entity = required_entity(fcinfo, RK_MODE_SUM, &len);
	RkDecimal	placement;

	configure(state, RK_MODE_SUM, policy_argument(fcinfo, 3, RK_MODE_SUM));
	if (!PG_ARGISNULL(2))
		placement = placement_argument(fcinfo, 2, RK_MODE_SUM, entity, len);
	add_row(state, entity, len, PG_ARGISNULL(2) ? NULL : &placement, NULL);
	PG_RETURN_POINTER(state);
}

/* weighted_placement(entity, placement, weight [, missing]) transition */
Datum
weighted_placement_transfn(PG_FUNCTION_ARGS)
{
	SumsState  *state = get_state(fcinfo, "weighted_placement_transfn");
	int			len;
	const char *entity = required_entity(fcinfo, RK_MODE_WEIGHTED, &len);
	RkDecimal	placement;
	RkDecimal	weight = weight_argument(fcinfo, 3, entity, len);

	configure(state, RK_MODE_WEIGHTED, policy_argument(fcinfo, 4, RK_MODE_WEIGHTED));
	if (!PG_ARGISNULL(2))
		placement = placement_argument(fcinfo, 2, RK_MODE_WEIGHTED, entity, len);
	add_row(state, entity, len, PG_ARGISNULL(2) ? NULL : &placement, &weight);
	PG_RETURN_POINTER(state);
}

/* Adds every entry of a ranking as a row: its placement, or NULL if left out. */
static void
add_ranking(SumsState *state, const Ranking *ranking, const RkDecimal *weight)
{
	RankingIterator it;
	RankingEntry e;

	rk_entities_reserve(&state->sums.entities, &state->mem,
						Max(state->sums.entities.count, (size_t) ranking->n_entries));
	state->sums.entities.cursor = 0;
	ranking_iterate_by_entity(ranking, &it);
	while (ranking_next(&it, &e))
	{
		RkDecimal	placement = {e.placement, 0};

		CHECK_FOR_INTERRUPTS();
		add_row(state, e.entity, e.entity_len, e.placement > 0 ? &placement : NULL, weight);
	}
}

/* rank_sum_rerank(ranking [, missing]) transition; a NULL ranking adds nothing */
Datum
placement_sum_ranking_transfn(PG_FUNCTION_ARGS)
{
	SumsState  *state = get_state(fcinfo, "placement_sum_ranking_transfn");

	configure(state, RK_MODE_SUM, policy_argument(fcinfo, 2, RK_MODE_SUM));
	if (!PG_ARGISNULL(1))
		add_ranking(state, PG_GETARG_RANKING_P(1), NULL);
	PG_RETURN_POINTER(state);
}

/* weighted_placement(ranking, weight [, missing]) transition */
Datum
weighted_placement_ranking_transfn(PG_FUNCTION_ARGS)
{
	SumsState  *state = get_state(fcinfo, "weighted_placement_ranking_transfn");
	RkDecimal	weight;

	configure(state, RK_MODE_WEIGHTED, policy_argument(fcinfo, 3, RK_MODE_WEIGHTED));
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	weight = weight_argument(fcinfo, 2, "", 0);
	add_ranking(state, PG_GETARG_RANKING_P(1), &weight);
	PG_RETURN_POINTER(state);
}

/* Combine: adds the second state's sums to the first. */
Datum
placement_sum_combine(PG_FUNCTION_ARGS)
{
	MemoryContext context = aggregate_memory_context(fcinfo, "placement_sum_combine");
	SumsState  *state1 = PG_ARGISNULL(0) ? NULL : (SumsState *) PG_GETARG_POINTER(0);
	SumsState  *state2 = PG_ARGISNULL(1) ? NULL : (SumsState *) PG_GETARG_POINTER(1);
	RkStatus	status;

	if (state2 == NULL)
		PG_RETURN_POINTER(state1);
	elog(DEBUG2, "%s: combining a state of %zu entities",
		 aggregate_name(state2->sums.mode), state2->sums.entities.count);
	if (state1 == NULL)
	{
		state1 = MemoryContextAlloc(context, sizeof(SumsState));
		state1->mem = rk_allocator(context);
		rk_sums_init(&state1->sums);
	}
	status = rk_sums_merge(&state1->sums, &state1->mem, &state2->sums);
	if (status == RK_ERR_POLICY || status == RK_ERR_MODE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s rows disagree on the missing-data policy",
						aggregate_name(state2->sums.mode))));
	if (status != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s sum is out of range", aggregate_name(state2->sums.mode)),
				 errdetail("Exact sums hold at most %d significant digits at the finest decimal scale of their inputs.", RK_MAX_DIGITS)));
	PG_RETURN_POINTER(state1);
}

/* Serialize, for parallel aggregation. */
Datum
placement_sum_serialize(PG_FUNCTION_ARGS)
{
	SumsState  *state;
	bytea	   *result;

	aggregate_memory_context(fcinfo, "placement_sum_serialize");
	state = (SumsState *) PG_GETARG_POINTER(0);
	result = state_bytea(rk_sums_serialized_size(&state->sums), aggregate_name(state->sums.mode));
	rk_sums_serialize(&state->sums, VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

/* Deserialize, rejecting inconsistent bytes. */
Datum
placement_sum_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext context = aggregate_memory_context(fcinfo, "placement_sum_deserialize");
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	SumsState  *state = MemoryContextAlloc(context, sizeof(SumsState));

	state->mem = rk_allocator(context);
	if (rk_sums_deserialize(&state->sums, &state->mem, VARDATA_ANY(bytes),
							VARSIZE_ANY_EXHDR(bytes)) != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid serialized rank sum state")));
	PG_RETURN_POINTER(state);
}

/* A final function's view of a state: the sums and their computed order. */
typedef struct SumsScores
{
	const RkSums *sums;
	const RkOrder *order;
} SumsScores;

/*
 * Writes the canonical text of a fraction score, num / den * 10^-scale,
 * rounded to RK_FRACTION_DIGITS fractional digits where it does not
 * terminate; numeric division covers what 128-bit long division cannot.
 */
static int
write_fraction_score(uint32 entity, char *buf, const void *arg)
{
	const SumsScores *scores = arg;
	rk_int128	num = scores->order->nums[entity];
	rk_int128	den = scores->order->dens[entity];
	int			scale = scores->sums->placement_scale;
	int			len = (int) rk_fraction_format(num, den, scale, buf);
	char		digits[RK_DECIMAL_BUFSIZE];
	Datum		numerator;
	Datum		denominator;
	char	   *quotient;

	if (len > 0)
		return len;
	rk_decimal_format(num, scale, digits);
	numerator = DirectFunctionCall3(numeric_in, CStringGetDatum(digits),
									ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	rk_decimal_format(den, 0, digits);
	denominator = DirectFunctionCall3(numeric_in, CStringGetDatum(digits),
									  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	quotient = canonical_numeric_text(DirectFunctionCall2(numeric_round,
														  DirectFunctionCall2(numeric_div, numerator, denominator),
														  Int32GetDatum(RK_FRACTION_DIGITS)));
	if (strlen(quotient) >= SCORE_BUFSIZE)
		elog(ERROR, "score of %zu characters does not fit", strlen(quotient));
	return strlcpy(buf, quotient, SCORE_BUFSIZE);
}

/* Final: scores by the policy and re-ranks (an empty ranking over no rows). */
Datum
placement_sum_final(PG_FUNCTION_ARGS)
{
	SumsState  *state;
	RkAllocator mem = rk_allocator(CurrentMemoryContext);
	RkSums		empty;
	SumsScores	scores;
	RkOrder		order;
	size_t		culprit;
	RkStatus	status;

	aggregate_memory_context(fcinfo, "placement_sum_final");
	state = PG_ARGISNULL(0) ? NULL : (SumsState *) PG_GETARG_POINTER(0);
	rk_sums_init(&empty);
	scores.sums = state ? &state->sums : &empty;
	scores.order = &order;
	elog(DEBUG2, "%s: scoring and ranking %zu entities",
		 aggregate_name(scores.sums->mode), scores.sums->entities.count);
	status = rk_sums_rank(scores.sums, &mem, &order, &culprit);
	if (status == RK_ERR_ZERO_WEIGHT)
	{
		size_t		len;
		const char *entity = rk_entity_name(&scores.sums->entities, culprit, &len);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement weights of the placements of entity \"%.*s\" are all zero", (int) len, entity),
				 errhint("Give at least one of its placements a positive weight.")));
	}
	if (status == RK_ERR_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s score is out of range", aggregate_name(scores.sums->mode))));
	if (status != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many entities to rank")));
	PG_RETURN_POINTER(ranking_from_core(&scores.sums->entities, &order,
										write_fraction_score, &scores));
}
