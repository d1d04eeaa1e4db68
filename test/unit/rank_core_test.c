/*
 * rank_core_test.c
 *		Unit tests of the pure-C ranking core, run under AddressSanitizer and
 *		UBSan by `make unittest`.
 *
 * Ranking results are checked against a brute-force oracle: an entity's
 * placement is one more than the number of placed entities with a strictly
 * better score.
 */
#include "rank_core.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	failures = 0;
static int	checks = 0;

#define CHECK(cond) \
	do { \
		checks++; \
		if (!(cond)) \
		{ \
			failures++; \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

/*
 * A test allocator: every block is remembered and released at once by
 * arena_reset, as a PostgreSQL memory context would.
 */
typedef struct Arena
{
	void	  **blocks;
	size_t		count;
	size_t		cap;
} Arena;

/* Remembers a block of the arena. */
static void
arena_remember(Arena *arena, void *block)
{
	if (arena->count == arena->cap)
	{
		arena->cap = arena->cap ? arena->cap * 2 : 64;
		arena->blocks = realloc(arena->blocks, arena->cap * sizeof(void *));
		if (arena->blocks == NULL)
			abort();
	}
	arena->blocks[arena->count++] = block;
}

/* Allocates from the arena; aborts when memory runs out. */
static void *
arena_alloc(void *ctx, size_t size)
{
	void	   *block = malloc(size ? size : 1);

	if (block == NULL)
		abort();
	arena_remember(ctx, block);
	return block;
}

/* Grows a block: a new block with the old contents. */
static void *
arena_grow(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	void	   *block = arena_alloc(ctx, new_size);

	memcpy(block, ptr, old_size < new_size ? old_size : new_size);
	return block;
}

/* Frees one block early, as the core does with scratch memory. */
static void
arena_release(void *ctx, void *ptr)
{
	Arena	   *arena = ctx;
	size_t		i;

	for (i = arena->count; i > 0; i--)
	{
		if (arena->blocks[i - 1] == ptr)
		{
			free(ptr);
			arena->blocks[i - 1] = NULL;
			return;
		}
	}
	abort();
}

/* Releases every block of the arena. */
static void
arena_reset(Arena *arena)
{
	size_t		i;

	for (i = 0; i < arena->count; i++)
		free(arena->blocks[i]);
	free(arena->blocks);
	memset(arena, 0, sizeof(*arena));
}

static Arena arena;
static RkAllocator mem = {arena_alloc, arena_grow, &arena, arena_release};

/* A deterministic pseudo-random generator (xorshift). */
static uint64_t rng_state = 88172645463325252ull;

/* The next pseudo-random number below bound. */
static uint64_t
rng(uint64_t bound)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state % bound;
}

/* A decimal from a string, which must parse. */
static RkDecimal
dec(const char *s)
{
	RkDecimal	d;

	if (rk_decimal_parse(s, strlen(s), &d) != RK_OK)
	{
		fprintf(stderr, "cannot parse %s\n", s);
		abort();
	}
	return d;
}

/* Decimal parsing and formatting. */
static void
test_decimals(void)
{
	RkDecimal	d;
	char		buf[RK_DECIMAL_BUFSIZE];
	const char *big = "99999999999999999999999999999999999999";

	CHECK(rk_decimal_parse("12.500", 6, &d) == RK_OK && d.mantissa == 125 && d.scale == 1);
	CHECK(rk_decimal_parse("-0.07", 5, &d) == RK_OK && d.mantissa == -7 && d.scale == 2);
	CHECK(rk_decimal_parse(".5", 2, &d) == RK_OK && d.mantissa == 5 && d.scale == 1);
	CHECK(rk_decimal_parse("", 0, &d) == RK_ERR_SYNTAX);
	CHECK(rk_decimal_parse("-", 1, &d) == RK_ERR_SYNTAX);
	CHECK(rk_decimal_parse("1.2.3", 5, &d) == RK_ERR_SYNTAX);
	CHECK(rk_decimal_parse("1e5", 3, &d) == RK_ERR_SYNTAX);
	CHECK(rk_decimal_parse("NaN", 3, &d) == RK_ERR_SYNTAX);
	CHECK(rk_decimal_parse(big, strlen(big), &d) == RK_OK);
	CHECK(rk_decimal_parse("999999999999999999999999999999999999999", 39, &d) == RK_ERR_PRECISION);
	CHECK(rk_decimal_parse("0.00000000000000000000000000000000000000001", 43, &d) == RK_ERR_PRECISION);

	d = dec("0.07142857142857142857");
	CHECK(d.scale == 20);
	CHECK(d.mantissa == (rk_int128) 7142857142857142857ll);
	CHECK(rk_decimal_rescale(&d, 22) == RK_OK && d.scale == 22 &&
		  d.mantissa == (rk_int128) 7142857142857142857ll * 100);
	CHECK(rk_decimal_rescale(&d, 21) == RK_ERR_PRECISION);
	d = dec(big);
	CHECK(rk_decimal_rescale(&d, 1) == RK_ERR_OVERFLOW);

	CHECK(rk_decimal_format(1250, 3, buf) == 4 && strcmp(buf, "1.25") == 0);
	rk_decimal_format(-5, 3, buf);
	CHECK(strcmp(buf, "-0.005") == 0);
	rk_decimal_format(0, 5, buf);
	CHECK(strcmp(buf, "0") == 0);
	rk_decimal_format(78, 0, buf);
	CHECK(strcmp(buf, "78") == 0);
	d = dec(big);
	rk_decimal_format(d.mantissa, 0, buf);
	CHECK(strcmp(buf, big) == 0);

	/* fractions: exact when they terminate, else rounded to 16 digits */
	CHECK(rk_fraction_format(13, 6, 0, buf) > 0 && strcmp(buf, "2.1666666666666667") == 0);
	CHECK(rk_fraction_format(1, 3, 0, buf) > 0 && strcmp(buf, "0.3333333333333333") == 0);
	CHECK(rk_fraction_format(7, 8, 0, buf) > 0 && strcmp(buf, "0.875") == 0);
	CHECK(rk_fraction_format(35, 2, 1, buf) > 0 && strcmp(buf, "1.75") == 0);
	CHECK(rk_fraction_format(-1, 6, 2, buf) > 0 && strcmp(buf, "-0.0016666666666667") == 0);
	CHECK(rk_fraction_format(55, 3, 1, buf) > 0 && strcmp(buf, "1.8333333333333333") == 0);
	CHECK(rk_fraction_format(1, 3, 17, buf) == 0);
	CHECK(rk_fraction_format(210, 14, 0, buf) > 0 && strcmp(buf, "15") == 0);
	CHECK(rk_fraction_format(1, dec(big).mantissa, 0, buf) == 0);
	CHECK(rk_fraction_format(dec(big).mantissa, 3, 0, buf) == 0);
}

/* Exact comparison of fractions, including products beyond 128 bits. */
static void
test_fractions(void)
{
	rk_int128	huge = dec("99999999999999999999999999999999999999").mantissa;
	int			i;

	CHECK(rk_compare_fractions(1, 3, 2, 6) == 0);
	CHECK(rk_compare_fractions(1, 3, 1, 4) == 1);
	CHECK(rk_compare_fractions(-1, 3, 1, 4) == -1);
	CHECK(rk_compare_fractions(-1, 3, -1, 4) == -1);
	CHECK(rk_compare_fractions(0, 7, 0, 9) == 0);
	CHECK(rk_compare_fractions(huge, huge - 1, huge - 1, huge - 2) == -1);
	CHECK(rk_compare_fractions(huge, huge, 1, 1) == 0);
	CHECK(rk_compare_fractions(huge - 1, huge, huge - 2, huge - 1) == 1);
	CHECK(rk_compare_fractions(-huge, 1, -huge, 1) == 0);

	/* small fractions against 64-bit cross-multiplication */
	for (i = 0; i < 20000; i++)
	{
		int64_t		an = (int64_t) rng(2001) - 1000,
					ad = (int64_t) rng(1000) + 1,
					bn = (int64_t) rng(2001) - 1000,
					bd = (int64_t) rng(1000) + 1;
		int64_t		l = an * bd,
					r = bn * ad;

		CHECK(rk_compare_fractions(an, ad, bn, bd) == (l > r) - (l < r));
	}
}

/* Ranking one measure: directions, ties, NULLs, infinities, duplicates, NaN. */
static void
test_values_basic(void)
{
	RkValues	v;
	RkOrder		order;
	size_t		duplicate;
	const char *names[] = {"Sønderborg", "Haderslev", "Tønder", "Aabenraa", "Læsø", "Ærø"};
	double		values[] = {80.5, 80.5, 70.0, 90.0, 0.0, INFINITY};
	int			expected_rank[] = {3, 3, 5, 2, 0, 1};
	size_t		i;

	rk_values_init(&v);
	CHECK(rk_values_set_direction(&v, true) == RK_OK);
	for (i = 0; i < 6; i++)
		CHECK(rk_values_add(&v, &mem, names[i], strlen(names[i]), i == 4, values[i]) == RK_OK);
	CHECK(rk_values_set_direction(&v, false) == RK_ERR_DIRECTION);
	CHECK(rk_values_add(&v, &mem, "X", 1, false, NAN) == RK_ERR_NAN);
	CHECK(rk_values_rank(&v, NULL, 0, &mem, &order, &duplicate) == RK_OK);
	CHECK(order.placed == 5);
	for (i = 0; i < v.entities.count; i++)
		CHECK(order.placement[i] == expected_rank[i]);
	/* output order: placement, then name bytewise, left out last */
	CHECK(order.by_placement[0] == 5 && order.by_placement[1] == 3);
	CHECK(order.by_placement[2] == 1 && order.by_placement[3] == 0);
	CHECK(order.by_placement[5] == 4);
	/* entity order is bytewise: "Aabenraa" < "Haderslev" < "Læsø" < "Sønderborg" < ... */
	CHECK(order.by_name[0] == 3 && order.by_name[1] == 1 && order.by_name[2] == 4);

	/* an entity given twice is found when ranking */
	CHECK(rk_values_add(&v, &mem, "Tønder", strlen("Tønder"), false, 1.0) == RK_OK);
	CHECK(rk_values_rank(&v, NULL, 0, &mem, &order, &duplicate) == RK_ERR_DUPLICATE);
	CHECK(duplicate == 2 || duplicate == 6);

	/* an empty state ranks to nothing */
	rk_values_init(&v);
	CHECK(rk_values_rank(&v, NULL, 0, &mem, &order, &duplicate) == RK_OK && order.placed == 0);
	arena_reset(&arena);
}

/* Random measures with many ties and NULLs against the brute-force oracle. */
static void
test_values_oracle(void)
{
	int			round;

	for (round = 0; round < 204; round++)
	{
		RkValues	v;
		RkOrder		order;
		size_t		duplicate;
		/* short lists are merge-sorted, long ones radix-sorted: test both */
		size_t		n = round < 200 ? rng(300) : 1024 + rng(3000);
		bool		higher = rng(2) == 1;
		double	   *vals = malloc(sizeof(double) * (n + 1));
		bool	   *nulls = malloc(sizeof(bool) * (n + 1));
		size_t		i,
					j;

		rk_values_init(&v);
		rk_values_set_direction(&v, higher);
		for (i = 0; i < n; i++)
		{
			char		name[32];

			snprintf(name, sizeof(name), "k%zu", rng(1000000) * 1000 + i);
			nulls[i] = rng(8) == 0;
			vals[i] = (double) rng(20) / 4.0 - 2.0;
			if (rng(50) == 0)
				vals[i] = rng(2) ? INFINITY : -INFINITY;
			if (vals[i] == 0.0 && rng(2))
				vals[i] = -0.0;
			CHECK(rk_values_add(&v, &mem, name, strlen(name), nulls[i], vals[i]) == RK_OK);
		}
		CHECK(rk_values_rank(&v, NULL, 0, &mem, &order, &duplicate) == RK_OK);
		for (i = 0; i < n; i++)
		{
			size_t		who = order.by_placement[i];
			int32_t		expected = 0;

			if (!nulls[who])
			{
				expected = 1;
				for (j = 0; j < n; j++)
					if (!nulls[j] && (higher ? vals[j] > vals[who] : vals[j] < vals[who]))
						expected++;
			}
			CHECK(order.placement[who] == expected);
			if (i > 0 && nulls[who] == nulls[order.by_placement[i - 1]])
			{
				size_t		la,
							lb;
				const char *a = rk_entity_name(&v.entities, order.by_placement[i - 1], &la);
				const char *b = rk_entity_name(&v.entities, who, &lb);

				CHECK(order.placement[who] >= order.placement[order.by_placement[i - 1]]);
				if (order.placement[who] == order.placement[order.by_placement[i - 1]])
					CHECK(memcmp(a, b, la < lb ? la : lb) < 0 || (memcmp(a, b, la < lb ? la : lb) == 0 && la < lb));
			}
			if (i > 0)
			{
				size_t		la,
							lb;
				const char *a = rk_entity_name(&v.entities, order.by_name[i - 1], &la);
				const char *b = rk_entity_name(&v.entities, order.by_name[i], &lb);
				int			cmp = memcmp(a, b, la < lb ? la : lb);

				CHECK(cmp < 0 || (cmp == 0 && la < lb));
			}
		}
		free(vals);
		free(nulls);
		arena_reset(&arena);
	}
}

/* The seed's worked example: sums 78, 91, 111, 114 keep their order. */
static void
test_rank_sum_example(void)
{
	RkSums		s;
	RkOrder		o;
	size_t		culprit;
	const char *names[] = {"Sønderborg", "Haderslev", "Tønder", "Aabenraa"};
	const char *first[] = {"35", "35", "62", "70"};
	const char *second[] = {"76", "79", "29", "8"};
	int			i;

	rk_sums_init(&s);
	CHECK(rk_sums_configure(&s, RK_MODE_SUM, RK_POLICY_EXCLUDE) == RK_OK);
	for (i = 0; i < 4; i++)
	{
		RkDecimal	a = dec(first[i]),
					b = dec(second[i]);

		CHECK(rk_sums_add(&s, &mem, names[i], strlen(names[i]), &a, NULL) == RK_OK);
		CHECK(rk_sums_add(&s, &mem, names[i], strlen(names[i]), &b, NULL) == RK_OK);
	}
	CHECK(rk_sums_rank(&s, &mem, &o, &culprit) == RK_OK);
	CHECK(o.placed == 4);
	CHECK(o.by_placement[0] == 3 && o.nums[3] == 78 && o.placement[3] == 1);
	CHECK(o.by_placement[1] == 2 && o.nums[2] == 91 && o.placement[2] == 2);
	CHECK(o.by_placement[2] == 0 && o.nums[0] == 111 && o.placement[0] == 3);
	CHECK(o.by_placement[3] == 1 && o.nums[1] == 114 && o.placement[1] == 4);
	arena_reset(&arena);
}

/* Missing ranks under the three policies. */
static void
test_rank_sum_policies(void)
{
	RkPolicy	policies[] = {RK_POLICY_EXCLUDE, RK_POLICY_WORST, RK_POLICY_SCALE};
	int			p;

	for (p = 0; p < 3; p++)
	{
		RkSums		s;
		RkOrder		o;
		size_t		culprit;
		RkDecimal	one = dec("1"),
					two = dec("2"),
					three = dec("3");

		rk_sums_init(&s);
		rk_sums_configure(&s, RK_MODE_SUM, policies[p]);
		/* A: 1+2 ; B: 3 and a NULL ; C: 1 only (one row short) */
		rk_sums_add(&s, &mem, "A", 1, &one, NULL);
		rk_sums_add(&s, &mem, "A", 1, &two, NULL);
		rk_sums_add(&s, &mem, "B", 1, &three, NULL);
		rk_sums_add(&s, &mem, "B", 1, NULL, NULL);
		rk_sums_add(&s, &mem, "C", 1, &one, NULL);
		CHECK(rk_sums_rank(&s, &mem, &o, &culprit) == RK_OK);
		if (policies[p] == RK_POLICY_EXCLUDE)
		{
			CHECK(o.placed == 1 && o.by_placement[0] == 0 && o.placement[0] == 1);
			CHECK(o.placement[1] == 0 && o.placement[2] == 0);
		}
		else if (policies[p] == RK_POLICY_WORST)
		{
			/* worst = 3 entities: B = 3+3 = 6, C = 1+3 = 4 */
			CHECK(o.placed == 3);
			CHECK(o.by_placement[0] == 0 && o.nums[0] == 3);
			CHECK(o.by_placement[1] == 2 && o.nums[2] == 4 && o.placement[2] == 2);
			CHECK(o.by_placement[2] == 1 && o.nums[1] == 6 && o.placement[1] == 3);
		}
		else
		{
			/* scaled to 2 rows: B = 3*2/1 = 6, C = 1*2/1 = 2 */
			CHECK(o.placed == 3);
			CHECK(o.by_placement[0] == 2 && o.nums[2] == 2 && o.dens[2] == 1);
			CHECK(o.by_placement[1] == 0 && o.nums[0] == 3);
			CHECK(o.by_placement[2] == 1 && o.nums[1] == 6);
		}
		arena_reset(&arena);
	}
}

/* Exact weights: 0.1/0.2/0.3 and 7:1 tie where binary floating point splits. */
static void
test_weighted_exact(void)
{
	RkSums		s;
	RkOrder		o;
	size_t		culprit;
	const char *w[] = {"0.1", "0.2", "0.3"};
	int			pa[] = {1, 3, 2};
	int			pb[] = {2, 1, 3};
	int			i;
	double		fa = 0.0,
				fb = 0.0;

	rk_sums_init(&s);
	rk_sums_configure(&s, RK_MODE_WEIGHTED, RK_POLICY_EXCLUDE);
	for (i = 0; i < 3; i++)
	{
		RkDecimal	weight = dec(w[i]);
		RkDecimal	a = {pa[i], 0},
					b = {pb[i], 0};

		CHECK(rk_sums_add(&s, &mem, "A", 1, &a, &weight) == RK_OK);
		CHECK(rk_sums_add(&s, &mem, "B", 1, &b, &weight) == RK_OK);
		fa += atof(w[i]) * pa[i];
		fb += atof(w[i]) * pb[i];
	}
	CHECK(fa != fb);			/* binary floating point splits the tie ... */
	CHECK(rk_sums_rank(&s, &mem, &o, &culprit) == RK_OK);
	CHECK(o.placement[0] == 1 && o.placement[1] == 1);	/* ... we do not */
	arena_reset(&arena);

	/* goal weight 0.5, seven areas 0.5/7 each, against 7:1 */
	{
		RkSums		a,
					b;
		RkOrder		oa,
					ob;
		RkDecimal	half = dec("0.5"),
					seventh = dec("0.07142857142857142857"),
					seven = dec("7"),
					one = dec("1");
		int			goal[] = {10, 20, 30};
		int			areas[3][7] = {{20, 20, 20, 20, 20, 20, 20},
		{10, 10, 10, 10, 10, 10, 10},
		{5, 5, 5, 5, 5, 5, 5}};
		int			e,
					k;

		rk_sums_init(&a);
		rk_sums_init(&b);
		rk_sums_configure(&a, RK_MODE_WEIGHTED, RK_POLICY_EXCLUDE);
		rk_sums_configure(&b, RK_MODE_WEIGHTED, RK_POLICY_EXCLUDE);
		for (e = 0; e < 3; e++)
		{
			char		name[2] = {(char) ('A' + e), 0};
			RkDecimal	g = {goal[e], 0};

			rk_sums_add(&a, &mem, name, 1, &g, &half);
			rk_sums_add(&b, &mem, name, 1, &g, &seven);
			for (k = 0; k < 7; k++)
			{
				RkDecimal	p = {areas[e][k], 0};

				rk_sums_add(&a, &mem, name, 1, &p, &seventh);
				rk_sums_add(&b, &mem, name, 1, &p, &one);
			}
		}
		CHECK(rk_sums_rank(&a, &mem, &oa, &culprit) == RK_OK);
		/* 0.5 and a truncated 0.5/7 are not 7:1, and exact arithmetic says so */
		CHECK(oa.by_placement[0] == 0 && oa.placement[0] == 1 && oa.placement[1] == 2);
		CHECK(rk_sums_rank(&b, &mem, &ob, &culprit) == RK_OK);
		/* 7:1 gives A = (70+140)/14 = 15, B = (140+70)/14 = 15, C = (210+35)/14 */
		CHECK(ob.placement[0] == 1 && ob.placement[1] == 1 && ob.placement[2] == 3);
		CHECK(rk_compare_fractions(ob.nums[0], ob.dens[0], 15, 1) == 0);
		arena_reset(&arena);
	}
}

/* Zero weights, negative input and overflow are reported, not rounded. */
static void
test_errors(void)
{
	RkSums		s;
	RkOrder		o;
	size_t		culprit;
	RkDecimal	zero = dec("0"),
				two = dec("2"),
				minus = dec("-1"),
				big = dec("90000000000000000000000000000000000000");

	rk_sums_init(&s);
	rk_sums_configure(&s, RK_MODE_WEIGHTED, RK_POLICY_EXCLUDE);
	CHECK(rk_sums_configure(&s, RK_MODE_WEIGHTED, RK_POLICY_SCALE) == RK_ERR_POLICY);
	CHECK(rk_sums_configure(&s, RK_MODE_SUM, RK_POLICY_EXCLUDE) == RK_ERR_MODE);
	CHECK(rk_sums_add(&s, &mem, "A", 1, &two, &minus) == RK_ERR_NEGATIVE);
	CHECK(rk_sums_add(&s, &mem, "A", 1, &minus, &two) == RK_ERR_NEGATIVE);
	CHECK(rk_sums_add(&s, &mem, "A", 1, &two, &zero) == RK_OK);
	CHECK(rk_sums_add(&s, &mem, "B", 1, &two, &two) == RK_OK);
	CHECK(rk_sums_rank(&s, &mem, &o, &culprit) == RK_ERR_ZERO_WEIGHT && culprit == 0);

	rk_sums_init(&s);
	rk_sums_configure(&s, RK_MODE_SUM, RK_POLICY_EXCLUDE);
	CHECK(rk_sums_add(&s, &mem, "A", 1, &big, NULL) == RK_OK);
	CHECK(rk_sums_add(&s, &mem, "A", 1, &big, NULL) == RK_ERR_OVERFLOW);
	{
		/* sums stay within 38 digits: 99...9 (38 nines) + 1 = 10^38 is out */
		RkDecimal	nines = dec("99999999999999999999999999999999999999"),
					one = dec("1");

		CHECK(rk_sums_add(&s, &mem, "N", 1, &nines, NULL) == RK_OK);
		CHECK(rk_sums_add(&s, &mem, "N", 1, &one, NULL) == RK_ERR_OVERFLOW);
	}

	/* a finer scale that no longer fits is an overflow, not a rounding */
	rk_sums_init(&s);
	rk_sums_configure(&s, RK_MODE_SUM, RK_POLICY_EXCLUDE);
	CHECK(rk_sums_add(&s, &mem, "A", 1, &big, NULL) == RK_OK);
	{
		RkDecimal	fine = dec("0.5");

		CHECK(rk_sums_add(&s, &mem, "B", 1, &fine, NULL) == RK_ERR_OVERFLOW);
	}
	arena_reset(&arena);
}

/* Builds a random rank-sum state from rows [from, to) of a fixed row set. */
static void
fill_sums(RkSums *s, RkMode mode, RkPolicy policy, int from, int to, uint64_t seed)
{
	int			i;

	rk_sums_init(s);
	rk_sums_configure(s, mode, policy);
	rng_state = seed;
	for (i = 0; i < to; i++)
	{
		char		name[16];
		int			entity = (int) rng(40);
		bool		missing = rng(10) == 0;
		RkDecimal	placement = {(rk_int128) rng(50) + 1, (int) rng(3)};
		RkDecimal	weight = {(rk_int128) rng(4), (int) rng(2)};

		if (i < from)
			continue;
		snprintf(name, sizeof(name), "e%d", entity);
		CHECK(rk_sums_add(s, &mem, name, strlen(name), missing ? NULL : &placement,
						  mode == RK_MODE_WEIGHTED ? &weight : NULL) == RK_OK);
	}
}

/* Ranks two states; the answers must agree in entity names, placements and scores. */
static void
same_ranking(const RkSums *a, const RkSums *b)
{
	RkOrder		oa,
				ob;
	size_t		culprit;
	RkStatus	sa = rk_sums_rank(a, &mem, &oa, &culprit);
	RkStatus	sb = rk_sums_rank(b, &mem, &ob, &culprit);
	size_t		i;

	CHECK(sa == sb);
	if (sa != RK_OK || sb != RK_OK)
		return;
	CHECK(oa.placed == ob.placed && a->entities.count == b->entities.count);
	for (i = 0; i < a->entities.count && i < b->entities.count; i++)
	{
		size_t		la,
					lb;
		uint32_t	ea = oa.by_placement[i],
					eb = ob.by_placement[i];
		const char *na = rk_entity_name(&a->entities, ea, &la);
		const char *nb = rk_entity_name(&b->entities, eb, &lb);

		CHECK(la == lb && memcmp(na, nb, la) == 0);
		CHECK(oa.placement[ea] == ob.placement[eb]);
		if (oa.placement[ea] > 0)
			CHECK(rk_compare_fractions(oa.nums[ea], oa.dens[ea], ob.nums[eb], ob.dens[eb]) == 0);
	}
}

/* Combining partial states gives the answer of one state (parallel plans). */
static void
test_merge(void)
{
	RkMode		modes[] = {RK_MODE_SUM, RK_MODE_SUM, RK_MODE_SUM, RK_MODE_WEIGHTED, RK_MODE_WEIGHTED};
	RkPolicy	policies[] = {RK_POLICY_EXCLUDE, RK_POLICY_WORST, RK_POLICY_SCALE,
	RK_POLICY_EXCLUDE, RK_POLICY_SCALE};
	int			m;

	for (m = 0; m < 5; m++)
	{
		RkSums		whole,
					left,
					right,
					merged;

		fill_sums(&whole, modes[m], policies[m], 0, 400, 42 + m);
		fill_sums(&left, modes[m], policies[m], 0, 150, 42 + m);
		fill_sums(&right, modes[m], policies[m], 150, 400, 42 + m);
		rk_sums_init(&merged);
		CHECK(rk_sums_merge(&merged, &mem, &right) == RK_OK);
		CHECK(rk_sums_merge(&merged, &mem, &left) == RK_OK);
		same_ranking(&whole, &merged);
		arena_reset(&arena);
	}
}

/* Serialization round-trips; truncated or corrupted bytes never crash. */
static void
test_serialization(void)
{
	RkSums		s,
				back;
	RkValues	v,
				vback;
	char	   *buf;
	size_t		len,
				cut;
	int			i;

	fill_sums(&s, RK_MODE_WEIGHTED, RK_POLICY_SCALE, 0, 200, 7);
	len = rk_sums_serialized_size(&s);
	buf = arena_alloc(&arena, len);
	rk_sums_serialize(&s, buf);
	CHECK(rk_sums_deserialize(&back, &mem, buf, len) == RK_OK);
	same_ranking(&s, &back);
	for (cut = 0; cut < len; cut++)
		CHECK(rk_sums_deserialize(&back, &mem, buf, cut) == RK_ERR_CORRUPT);
	for (i = 0; i < 3000; i++)
	{
		size_t		at = rng(len);
		char		saved = buf[at];

		buf[at] = (char) rng(256);
		(void) rk_sums_deserialize(&back, &mem, buf, len);
		buf[at] = saved;
	}
	buf[0] = 9;
	CHECK(rk_sums_deserialize(&back, &mem, buf, len) == RK_ERR_CORRUPT);
	arena_reset(&arena);

	rk_values_init(&v);
	rk_values_set_direction(&v, false);
	for (i = 0; i < 50; i++)
	{
		char		name[16];

		snprintf(name, sizeof(name), "v%d", i);
		rk_values_add(&v, &mem, name, strlen(name), i % 7 == 0, i % 5);
	}
	len = rk_values_serialized_size(&v);
	buf = arena_alloc(&arena, len);
	rk_values_serialize(&v, buf);
	CHECK(rk_values_deserialize(&vback, &mem, buf, len) == RK_OK);
	CHECK(vback.entities.count == 50 && vback.direction == 0);
	for (cut = 0; cut < len; cut++)
		CHECK(rk_values_deserialize(&vback, &mem, buf, cut) == RK_ERR_CORRUPT);
	for (i = 0; i < 3000; i++)
	{
		size_t		at = rng(len);
		char		saved = buf[at];

		buf[at] = (char) rng(256);
		(void) rk_values_deserialize(&vback, &mem, buf, len);
		buf[at] = saved;
	}
	arena_reset(&arena);
}

/* Given placements are ordered by name and by placement; their own numbering is recomputed. */
static void
test_order_given(void)
{
	RkEntities	e;
	RkOrder		o;
	size_t		duplicate;
	const char *names[] = {"c", "a", "b", "z", "y"};
	int32_t		placements[] = {3, 1, 1, 0, 0};
	int32_t		wrong[] = {2, 1, 1, 0, 0};
	int			i;

	rk_entities_init(&e, 0);
	for (i = 0; i < 5; i++)
		rk_entities_append(&e, &mem, names[i], 1);
	CHECK(rk_order_given(&e, placements, &mem, &o, &duplicate) == RK_OK);
	CHECK(o.placed == 3);
	CHECK(o.by_name[0] == 1 && o.by_name[1] == 2 && o.by_name[2] == 0 &&
		  o.by_name[3] == 4 && o.by_name[4] == 3);
	CHECK(o.by_placement[0] == 1 && o.by_placement[1] == 2 && o.by_placement[2] == 0 &&
		  o.by_placement[3] == 4 && o.by_placement[4] == 3);
	for (i = 0; i < 5; i++)
		CHECK(o.placement[i] == placements[i]);
	/* a placement that is not a competition ranking shows as a difference */
	CHECK(rk_order_given(&e, wrong, &mem, &o, &duplicate) == RK_OK);
	CHECK(o.placement[0] == 3);
	rk_entities_append(&e, &mem, "a", 1);
	{
		int32_t		six[] = {3, 1, 1, 0, 0, 0};

		CHECK(rk_order_given(&e, six, &mem, &o, &duplicate) == RK_ERR_DUPLICATE);
		CHECK(duplicate == 1 || duplicate == 5);
	}
	arena_reset(&arena);
}

/* Interning finds names in the order of an earlier pass, and out of it. */
static void
test_intern_order(void)
{
	RkEntities	e;
	bool		found;
	char		name[16];
	int			i;

	rk_entities_init(&e, 0);
	for (i = 0; i < 1000; i++)
	{
		snprintf(name, sizeof(name), "n%04d", i);
		CHECK(rk_entities_intern(&e, &mem, name, strlen(name), &found) == (size_t) i && !found);
	}
	/* the same names again, in order, with gaps, and backwards */
	e.cursor = 0;
	for (i = 0; i < 1000; i += (i % 7 == 0) ? 2 : 1)
	{
		snprintf(name, sizeof(name), "n%04d", i);
		CHECK(rk_entities_intern(&e, &mem, name, strlen(name), &found) == (size_t) i && found);
	}
	for (i = 999; i >= 0; i--)
	{
		snprintf(name, sizeof(name), "n%04d", i);
		CHECK(rk_entities_intern(&e, &mem, name, strlen(name), &found) == (size_t) i && found);
	}
	CHECK(rk_entities_intern(&e, &mem, "new", 3, &found) == 1000 && !found);
	CHECK(e.count == 1001);
	/* names in increasing order need no hash table; the first one out of order builds it */
	CHECK(e.nslots == 0);
	CHECK(rk_entities_intern(&e, &mem, "a", 1, &found) == 1001 && !found);
	CHECK(e.nslots >= 2 * e.count);
	for (i = 0; i < 1000; i++)
	{
		snprintf(name, sizeof(name), "n%04d", (i * 7) % 1000);
		CHECK(rk_entities_intern(&e, &mem, name, strlen(name), &found) == (size_t) ((i * 7) % 1000) && found);
	}
	CHECK(rk_entities_intern(&e, &mem, "a", 1, &found) == 1001 && found);
	arena_reset(&arena);
}

/* Calls of the interrupt hook, and after how many of them it leaves by longjmp (0: never). */
static size_t hook_calls = 0;
static size_t hook_jump_after = 0;
static jmp_buf hook_jump;

/* A test interrupt hook: counts its calls, and may leave like a query cancel. */
static void
counting_hook(void)
{
	hook_calls++;
	if (hook_jump_after > 0 && hook_calls == hook_jump_after)
		longjmp(hook_jump, 1);
}

/* Calls of the hook made by fn, run with the counting hook installed. */
#define HOOK_CALLS(fn) (hook_calls = 0, rk_interrupt_hook = counting_hook, (fn), \
						rk_interrupt_hook = NULL, hook_calls)

/*
 * Long loops call the interrupt hook about every RK_INTERRUPT_INTERVAL items:
 * the sorts by name and by score (merge and radix), merges, serialization and
 * scoring; a hook that leaves by longjmp stops a sort midway, and the state
 * ranks as before afterwards.
 */
static void
test_interrupt_hook(void)
{
	const size_t n = 50000;
	const size_t least = n / RK_INTERRUPT_INTERVAL;
	RkValues	v;
	RkSums		s,
				merged,
				back;
	RkOrder		o,
				again;
	size_t		duplicate;
	size_t		len;
	char	   *buf;
	size_t		i;

	CHECK(rk_interrupt_hook == NULL);
	rk_values_init(&v);
	rk_values_set_direction(&v, true);
	rk_sums_init(&s);
	rk_sums_configure(&s, RK_MODE_SUM, RK_POLICY_EXCLUDE);
	for (i = 0; i < n; i++)
	{
		char		name[16];
		RkDecimal	rank = {(rk_int128) (i % 97) + 1, 0};

		/* names out of order: the sort by name runs */
		snprintf(name, sizeof(name), "e%zu", (i * 7919) % n);
		rk_values_add(&v, &mem, name, strlen(name), false, (double) (i % 1000));
		CHECK(rk_sums_add(&s, &mem, name, strlen(name), &rank, NULL) == RK_OK);
	}
	/* radix sort of exact scores, merge sort of names */
	CHECK(HOOK_CALLS(rk_values_rank(&v, NULL, 0, &mem, &o, &duplicate)) >= 4 * least);
	CHECK(HOOK_CALLS(rk_sums_rank(&s, &mem, &o, &duplicate)) >= 4 * least);
	rk_sums_init(&merged);
	CHECK(HOOK_CALLS(rk_sums_merge(&merged, &mem, &s)) >= least);
	len = rk_sums_serialized_size(&s);
	buf = arena_alloc(&arena, len);
	CHECK(HOOK_CALLS(rk_sums_serialize(&s, buf)) >= least);
	CHECK(HOOK_CALLS(rk_sums_deserialize(&back, &mem, buf, len)) >= least);

	/* a cancel in the middle of the sort by name leaves the state as it was */
	CHECK(rk_values_rank(&v, NULL, 0, &mem, &o, &duplicate) == RK_OK);
	hook_calls = 0;
	hook_jump_after = 3;
	rk_interrupt_hook = counting_hook;
	if (setjmp(hook_jump) == 0)
	{
		rk_values_rank(&v, NULL, 0, &mem, &again, &duplicate);
		CHECK(!"the hook did not stop the ranking");
	}
	rk_interrupt_hook = NULL;
	hook_jump_after = 0;
	CHECK(hook_calls == 3);
	CHECK(rk_values_rank(&v, NULL, 0, &mem, &again, &duplicate) == RK_OK);
	CHECK(memcmp(o.by_placement, again.by_placement, n * sizeof(uint32_t)) == 0);
	CHECK(memcmp(o.placement, again.placement, n * sizeof(int32_t)) == 0);
	arena_reset(&arena);
}

/* A name order from an earlier group is used when it fits, and ignored when not. */
static void
test_name_hint(void)
{
	RkValues	v;
	RkOrder		first,
				again;
	size_t		duplicate;
	uint32_t	wrong[5] = {4, 3, 2, 1, 0};
	uint32_t	repeated[5] = {0, 0, 1, 2, 3};
	const char *names[] = {"d", "b", "e", "a", "c"};
	int			i;
	int			k;

	rk_values_init(&v);
	rk_values_set_direction(&v, true);
	for (i = 0; i < 5; i++)
		rk_values_add(&v, &mem, names[i], 1, false, i % 2);
	CHECK(rk_values_rank(&v, NULL, 0, &mem, &first, &duplicate) == RK_OK);
	CHECK(rk_values_rank(&v, first.by_name, 5, &mem, &again, &duplicate) == RK_OK);
	for (k = 0; k < 3; k++)
	{
		const uint32_t *hint = k == 0 ? first.by_name : k == 1 ? wrong : repeated;

		CHECK(rk_values_rank(&v, hint, 5, &mem, &again, &duplicate) == RK_OK);
		for (i = 0; i < 5; i++)
		{
			CHECK(again.by_name[i] == first.by_name[i]);
			CHECK(again.by_placement[i] == first.by_placement[i]);
			CHECK(again.placement[i] == first.placement[i]);
		}
	}
	/* a hint of another size is not used */
	CHECK(rk_values_rank(&v, first.by_name, 4, &mem, &again, &duplicate) == RK_OK);
	CHECK(again.by_name[0] == 3 && again.by_name[4] == 2);
	arena_reset(&arena);
}

/* Long rank-sum lists (radix-sorted) against the brute-force oracle. */
static void
test_rank_sum_oracle(void)
{
	size_t		n = 2500;
	int64_t    *sums = malloc(sizeof(int64_t) * n);
	bool	   *complete = malloc(sizeof(bool) * n);
	RkSums		s;
	RkOrder		o;
	size_t		culprit;
	size_t		i,
				j;
	int			row;

	rk_sums_init(&s);
	rk_sums_configure(&s, RK_MODE_SUM, RK_POLICY_EXCLUDE);
	for (i = 0; i < n; i++)
	{
		sums[i] = 0;
		complete[i] = true;
	}
	for (row = 0; row < 3; row++)
	{
		for (i = 0; i < n; i++)
		{
			char		name[16];
			RkDecimal	rank = {(rk_int128) rng(40) + 1, 0};
			bool		missing = rng(30) == 0;

			snprintf(name, sizeof(name), "m%zu", (i * 7919) % n);
			CHECK(rk_sums_add(&s, &mem, name, strlen(name), missing ? NULL : &rank, NULL) == RK_OK);
			if (missing)
				complete[(i * 7919) % n] = false;
			else
				sums[(i * 7919) % n] += (int64_t) rank.mantissa;
		}
	}
	CHECK(rk_sums_rank(&s, &mem, &o, &culprit) == RK_OK);
	for (i = 0; i < n; i++)
	{
		size_t		len;
		const char *name = rk_entity_name(&s.entities, i, &len);
		size_t		who = (size_t) atol(name + 1);
		int32_t		expected = 0;

		if (complete[who])
		{
			expected = 1;
			for (j = 0; j < n; j++)
				if (complete[j] && sums[j] < sums[who])
					expected++;
		}
		CHECK(o.placement[i] == expected);
		if (expected > 0)
			CHECK(o.nums[i] == sums[who] && o.dens[i] == 1);
	}
	/* output order: by placement, ties by name, left out last */
	for (i = 1; i < n; i++)
	{
		int32_t		a = o.placement[o.by_placement[i - 1]];
		int32_t		b = o.placement[o.by_placement[i]];

		CHECK(b == 0 || (a > 0 && a <= b));
		if (a == b)
		{
			size_t		la,
						lb;
			const char *na = rk_entity_name(&s.entities, o.by_placement[i - 1], &la);
			const char *nb = rk_entity_name(&s.entities, o.by_placement[i], &lb);
			int			cmp = memcmp(na, nb, la < lb ? la : lb);

			CHECK(cmp < 0 || (cmp == 0 && la < lb));
		}
	}
	free(sums);
	free(complete);
	arena_reset(&arena);
}

/* Runs every test; exits non-zero on a failed check. */
int
main(void)
{
	test_decimals();
	test_fractions();
	test_values_basic();
	test_values_oracle();
	test_rank_sum_example();
	test_rank_sum_policies();
	test_weighted_exact();
	test_errors();
	test_merge();
	test_serialization();
	test_order_given();
	test_intern_order();
	test_interrupt_hook();
	test_name_hint();
	test_rank_sum_oracle();
	arena_reset(&arena);
	printf("rank_core: %d checks, %d failures\n", checks, failures);
	return failures == 0 ? 0 : 1;
}
