/*
 * sensitivity.c
 *		How robust is a weighted placement?  Re-ranks a set of rankings by
 *		weighted placement many times, each time with every weight multiplied
 *		by a random factor, and reports each entity's placement statistics.
 *
 * The random factors are uniform on a grid of millionths in
 * [1 - spread, 1 + spread], drawn from a small, fixed pseudo-random
 * generator (splitmix64) seeded by the caller, so that the same seed gives
 * the same answer on every platform.  A perturbed weight is the weight times
 * the factor, an exact decimal with six more fractional digits: every draw is
 * ranked by the core's exact weighted placement, so that ties stay ties.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "ranking.h"

PG_FUNCTION_INFO_V1(weighted_placement_draws);

/* Factors are multiples of 10^-FACTOR_SCALE. */
#define FACTOR_SCALE 6
#define FACTOR_ONE INT64CONST(1000000)

/* Most placements kept in memory at once: entities times draws. */
#define MAX_CELLS (INT64CONST(1) << 28)

/* The splitmix64 generator: one 64-bit state, a full-period sequence. */
typedef struct Prng
{
	uint64		state;
} Prng;

/* The next 64 pseudo-random bits. */
static uint64
prng_next(Prng *prng)
{
	uint64		z = (prng->state += UINT64CONST(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A uniform integer in [0, n), n > 0, by the high half of a 128-bit product. */
static uint64
prng_below(Prng *prng, uint64 n)
{
	return (uint64) (((unsigned __int128) prng_next(prng) * n) >> 64);
}

/* Converts a numeric weight to an exact decimal; it must be finite and not negative. */
static RkDecimal
weight_decimal(Datum value, int index)
{
	Numeric		num = DatumGetNumeric(value);
	char	   *text;
	RkDecimal	result;

	if (numeric_is_nan(num) || numeric_is_inf(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement_draws weight %d is not a finite number", index + 1)));
	text = DatumGetCString(DirectFunctionCall1(numeric_out, value));
	if (rk_decimal_parse(text, strlen(text), &result) != RK_OK ||
		result.scale + FACTOR_SCALE > RK_MAX_SCALE ||
		result.mantissa > ((rk_int128) 1 << 100))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("weighted_placement_draws weight %d has too many significant digits", index + 1),
				 errdetail("A weight times a factor of millionths must stay within %d significant digits.", RK_MAX_DIGITS)));
	if (result.mantissa < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement_draws weight %d must not be negative", index + 1),
				 errhint("Weights are relative: 7 and 1 weigh as 0.875 and 0.125.")));
	return result;
}

/* Reads the spread, 0 <= spread < 1, as a count of millionths (rounded down). */
static int64
spread_millionths(Datum spread)
{
	Numeric		num = DatumGetNumeric(spread);
	Datum		zero = NumericGetDatum(int64_to_numeric(0));
	Datum		one = NumericGetDatum(int64_to_numeric(1));
	Datum		scaled;

	if (numeric_is_nan(num) || numeric_is_inf(num) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, spread, zero)) < 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, spread, one)) >= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement_draws spread must be at least 0 and less than 1"),
				 errdetail("The spread is %s.", DatumGetCString(DirectFunctionCall1(numeric_out, spread))),
				 errhint("Each weight is multiplied by a factor drawn uniformly from [1 - spread, 1 + spread], e.g. 0.2 for plus or minus 20 %%.")));
	scaled = DirectFunctionCall2(numeric_mul, spread, NumericGetDatum(int64_to_numeric(FACTOR_ONE)));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, DirectFunctionCall1(numeric_floor, scaled)));
}

/* Reads the missing-data policy of the weighted placement. */
static RkPolicy
policy_value(text *policy_text)
{
	char	   *policy = text_to_cstring(policy_text);

	if (strcmp(policy, "exclude") == 0)
		return RK_POLICY_EXCLUDE;
	if (strcmp(policy, "scale") == 0)
		return RK_POLICY_SCALE;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown weighted_placement missing-data policy \"%s\"", policy),
			 errhint("The policies are \"exclude\" and \"scale\".")));
	return RK_POLICY_UNSET;		/* keep compiler quiet */
}

/* The inputs of the draws: rankings with their weights. */
typedef struct DrawInput
{
	int			count;
	Ranking   **rankings;
	RkDecimal  *weights;
	size_t		entities;		/* most entities of one ranking */
} DrawInput;

/*
 * Ranks one draw: each ranking's placements added with its weight times its
 * factor (in millionths), then scored and re-ranked by the core.
 */
static void
rank_draw(const DrawInput *in, const int64 *factors, RkPolicy policy, RkAllocator *mem,
		  RkSums *sums, RkOrder *order)
{
	size_t		culprit;
	RkStatus	status;
	int			r;

	rk_sums_init(sums);
	if (rk_sums_configure(sums, RK_MODE_WEIGHTED, policy) != RK_OK)
		elog(ERROR, "could not configure the weighted placement of a draw");
	rk_entities_reserve(&sums->entities, mem, in->entities);
	for (r = 0; r < in->count; r++)
	{
		RkDecimal	weight;
		RankingIterator it;
		RankingEntry e;

		weight.mantissa = in->weights[r].mantissa * factors[r];
		weight.scale = in->weights[r].scale + FACTOR_SCALE;
		sums->entities.cursor = 0;
		ranking_iterate_by_entity(in->rankings[r], &it);
		while (ranking_next(&it, &e))
		{
			RkDecimal	placement = {e.placement, 0};

			CHECK_FOR_INTERRUPTS();
			status = rk_sums_add(sums, mem, e.entity, e.entity_len,
								 e.placement > 0 ? &placement : NULL, &weight);
			if (status != RK_OK)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("weighted_placement_draws sum of entity \"%.*s\" is out of range", e.entity_len, e.entity),
						 errdetail("Exact sums hold at most %d significant digits at the finest decimal scale of their inputs.", RK_MAX_DIGITS)));
		}
	}
	status = rk_sums_rank(sums, mem, order, &culprit);
	if (status == RK_ERR_ZERO_WEIGHT)
	{
		size_t		len;
		const char *entity = rk_entity_name(&sums->entities, culprit, &len);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement_draws weights of the placements of entity \"%.*s\" are all zero", (int) len, entity),
				 errhint("Give at least one of its placements a positive weight.")));
	}
	if (status == RK_ERR_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("weighted_placement_draws score is out of range")));
	if (status != RK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many entities to rank")));
}

/* Compares two placements for qsort. */
static int
compare_int32(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

/* The nearest-rank percentile pct of m sorted placements (m > 0). */
static int32
percentile(const int32 *sorted, int64 m, int pct)
{
	int64		rank = (m * pct + 99) / 100;

	return sorted[Max(rank, 1) - 1];
}

/* Reads the rankings and weights arguments into in, checking that they match. */
static void
read_inputs(ArrayType *rankings, ArrayType *weights, DrawInput *in)
{
	Datum	   *ranking_values;
	bool	   *ranking_nulls;
	int			nrankings;
	Datum	   *weight_values;
	bool	   *weight_nulls;
	int			nweights;
	int			i;

	if (ARR_NDIM(rankings) > 1 || ARR_NDIM(weights) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("weighted_placement_draws takes one-dimensional arrays of rankings and weights")));
	deconstruct_array(rankings, ARR_ELEMTYPE(rankings), -1, false, TYPALIGN_INT,
					  &ranking_values, &ranking_nulls, &nrankings);
	deconstruct_array(weights, NUMERICOID, -1, false, TYPALIGN_INT,
					  &weight_values, &weight_nulls, &nweights);
	if (nrankings != nweights)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("weighted_placement_draws has %d rankings but %d weights", nrankings, nweights),
				 errhint("Give one weight per ranking, in the same order.")));
	in->count = 0;
	in->entities = 0;
	in->rankings = palloc(sizeof(Ranking *) * Max(nrankings, 1));
	in->weights = palloc(sizeof(RkDecimal) * Max(nrankings, 1));
	for (i = 0; i < nrankings; i++)
	{
		if (weight_nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("weighted_placement_draws weight %d must not be null", i + 1)));
		/* as in weighted_placement(ranking, weight): a NULL ranking adds nothing */
		if (ranking_nulls[i])
			continue;
		in->rankings[in->count] = DatumGetRankingP(ranking_values[i]);
		in->weights[in->count] = weight_decimal(weight_values[i], i);
		in->entities = Max(in->entities, (size_t) in->rankings[in->count]->n_entries);
		in->count++;
	}
}

/*
 * weighted_placement_draws(rankings ranking[], weights numeric[], missing text,
 * draws integer, spread numeric, seed integer, top integer): per entity its
 * placement with the given weights, and over the draws its best, 5th
 * percentile, median, 95th percentile and worst placement, how many draws
 * placed it within the top placements and how many placed it at all.
 */
Datum
weighted_placement_draws(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RkPolicy	policy = policy_value(PG_GETARG_TEXT_PP(2));
	int32		draws = PG_GETARG_INT32(3);
	int64		spread = spread_millionths(PG_GETARG_DATUM(4));
	int32		seed = PG_GETARG_INT32(5);
	int32		top = PG_GETARG_INT32(6);
	DrawInput	in;
	MemoryContext draw_context;
	MemoryContext old_context;
	RkAllocator mem;
	RkSums		sums;
	RkOrder		order;
	Prng		prng;
	int64	   *factors;
	size_t		n;
	int32	   *nominal;
	uint32	   *nominal_order;
	char	  **names;
	int32	   *placements;
	int32	   *sorted;
	int64		d;
	size_t		i;
	int			r;

	if (draws < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement_draws draws must not be negative"),
				 errdetail("The number of draws is %d.", draws)));
	if (top < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weighted_placement_draws top must be at least 1")));
	read_inputs(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), &in);
	InitMaterializedSRF(fcinfo, 0);

	draw_context = AllocSetContextCreate(CurrentMemoryContext, "weighted_placement_draws",
										 ALLOCSET_DEFAULT_SIZES);
	factors = palloc(sizeof(int64) * Max(in.count, 1));

	/* the nominal draw: every factor 1 */
	for (r = 0; r < in.count; r++)
		factors[r] = FACTOR_ONE;
	old_context = MemoryContextSwitchTo(draw_context);
	mem = rk_allocator(draw_context);
	rank_draw(&in, factors, policy, &mem, &sums, &order);
	MemoryContextSwitchTo(old_context);
	n = sums.entities.count;
	if (n > 0 && (int64) n * (int64) draws > MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("weighted_placement_draws would keep %lld placements", (long long) ((int64) n * draws)),
				 errdetail("At most %lld placements (entities times draws) are kept at once.", (long long) MAX_CELLS),
				 errhint("Use fewer draws.")));
	nominal = palloc(sizeof(int32) * Max(n, 1));
	nominal_order = palloc(sizeof(uint32) * Max(n, 1));
	names = palloc(sizeof(char *) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		size_t		len;
		const char *name = rk_entity_name(&sums.entities, i, &len);

		nominal[i] = order.placement[i];
		nominal_order[i] = order.by_placement[i];
		names[i] = pnstrdup(name, len);
	}
	MemoryContextReset(draw_context);

	/* the draws, placements kept per entity */
	placements = palloc_extended(sizeof(int32) * Max((int64) n * draws, 1), MCXT_ALLOC_HUGE);
	prng.state = (uint64) (int64) seed;
	for (d = 0; d < draws; d++)
	{
		CHECK_FOR_INTERRUPTS();
		for (r = 0; r < in.count; r++)
			factors[r] = FACTOR_ONE - spread + (int64) prng_below(&prng, (uint64) (2 * spread + 1));
		old_context = MemoryContextSwitchTo(draw_context);
		rank_draw(&in, factors, policy, &mem, &sums, &order);
		MemoryContextSwitchTo(old_context);
		/* the same rankings in the same order intern the same entities alike */
		if (sums.entities.count != n)
			elog(ERROR, "draw %lld ranked %zu entities, the nominal draw %zu",
				 (long long) d + 1, sums.entities.count, n);
		for (i = 0; i < n; i++)
			placements[i * draws + d] = order.placement[i];
		MemoryContextReset(draw_context);
	}

	/* per entity, in nominal order: the statistics of its placed draws */
	sorted = palloc_extended(sizeof(int32) * Max(draws, 1), MCXT_ALLOC_HUGE);
	for (i = 0; i < n; i++)
	{
		uint32		e = nominal_order[i];
		const int32 *mine = placements + (int64) e * draws;
		int64		m = 0;
		int64		in_top = 0;
		Datum		values[9];
		bool		nulls[9] = {false};

		CHECK_FOR_INTERRUPTS();
		for (d = 0; d < draws; d++)
		{
			if (mine[d] <= 0)
				continue;
			sorted[m++] = mine[d];
			if (mine[d] <= top)
				in_top++;
		}
		qsort(sorted, m, sizeof(int32), compare_int32);
		values[0] = CStringGetTextDatum(names[e]);
		values[1] = Int32GetDatum(nominal[e]);
		nulls[1] = nominal[e] <= 0;
		if (m > 0)
		{
			values[2] = Int32GetDatum(sorted[0]);
			values[3] = Int32GetDatum(percentile(sorted, m, 5));
			values[4] = Int32GetDatum(percentile(sorted, m, 50));
			values[5] = Int32GetDatum(percentile(sorted, m, 95));
			values[6] = Int32GetDatum(sorted[m - 1]);
		}
		else
			nulls[2] = nulls[3] = nulls[4] = nulls[5] = nulls[6] = true;
		values[7] = Int32GetDatum((int32) in_top);
		values[8] = Int32GetDatum((int32) m);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(draw_context);
	return (Datum) 0;
}
