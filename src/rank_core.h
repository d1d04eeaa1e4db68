/*
 * rank_core.h
 *		The ranking core of benchmark: competition ranking, rank sums and
 *		exact weighted placements.
 *
 * This part knows nothing of PostgreSQL, so that it can be unit-tested and
 * fuzzed on its own.  Memory comes from a caller-supplied allocator that
 * never returns NULL (PostgreSQL's palloc raises an error instead); the core
 * never frees, the caller releases everything at once (a memory context).
 *
 * Entities are byte strings compared bytewise.  Ties between entities with
 * the same score are listed in bytewise entity order.
 */
#ifndef RANK_CORE_H
#define RANK_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A 128-bit integer that needs only 8-byte alignment: PostgreSQL's palloc
 * aligns to 8 bytes, not 16.
 */
typedef __int128 rk_int128 __attribute__((aligned(8)));

/* Decimal scale limits of exact numbers: mantissa * 10^-scale. */
#define RK_MAX_SCALE 38
#define RK_MAX_DIGITS 38
#define RK_DECIMAL_BUFSIZE 96
/* Fractional digits shown of a score that is not a terminating decimal. */
#define RK_FRACTION_DIGITS 16

typedef enum RkStatus
{
	RK_OK = 0,
	RK_ERR_OVERFLOW,			/* an exact sum left the 128-bit range */
	RK_ERR_SYNTAX,				/* a decimal string could not be parsed */
	RK_ERR_PRECISION,			/* a decimal has more than RK_MAX_DIGITS digits */
	RK_ERR_DUPLICATE,			/* an entity appears twice where it may not */
	RK_ERR_DIRECTION,			/* rows disagree on the ranking direction */
	RK_ERR_NAN,					/* a value is NaN */
	RK_ERR_NEGATIVE,			/* a weight is negative or a placement is not positive */
	RK_ERR_ZERO_WEIGHT,			/* an entity's weights are all zero */
	RK_ERR_POLICY,				/* rows disagree on the missing-data policy */
	RK_ERR_MODE,				/* states of different aggregates were combined */
	RK_ERR_TOO_MANY,			/* more entities than a placement can number */
	RK_ERR_CORRUPT				/* serialized bytes are truncated or inconsistent */
} RkStatus;

typedef struct RkAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*grow) (void *ctx, void *ptr, size_t old_size, size_t new_size);
	void	   *ctx;
	/* optional: hands back scratch memory early, lowering the peak */
	void		(*release) (void *ctx, void *ptr);
} RkAllocator;

/*
 * Loops over entities call rk_interrupt_hook, when set, every
 * RK_INTERRUPT_INTERVAL items: in sorts, merges, (de)serialization and
 * scoring.  PostgreSQL's glue sets it to a function that checks for query
 * cancel and statement_timeout, and so may leave the core by longjmp; the
 * core keeps nothing half-done outside the caller's memory when it does.
 */
typedef void (*RkInterruptHook) (void);
extern RkInterruptHook rk_interrupt_hook;

#define RK_INTERRUPT_INTERVAL 4096

/* Calls the interrupt hook when item i is a multiple of RK_INTERRUPT_INTERVAL. */
static inline void
rk_check_interrupts(size_t i)
{
	if ((i & (RK_INTERRUPT_INTERVAL - 1)) == 0 && rk_interrupt_hook != NULL)
		rk_interrupt_hook();
}

/* An exact decimal: mantissa * 10^-scale. */
typedef struct RkDecimal
{
	rk_int128	mantissa;
	int			scale;
} RkDecimal;

/* Where an entity's name lives, and its hash. */
typedef struct RkEntity
{
	uint64_t	offset;			/* start in names */
	uint32_t	length;			/* name length */
	uint32_t	hash;			/* name hash */
} RkEntity;

/*
 * Interned entities with a fixed-size, zero-initialised payload each.  While
 * names arrive in strictly increasing order (as they do from rankings, which
 * list their entities in name order) they are found by binary search and no
 * hash table is kept; the first name out of order builds one.  Hash slots
 * hold the hash and the entity index, so that a probe touches the entity
 * only when the hashes match.
 */
typedef struct RkEntities
{
	char	   *names;			/* all names, back to back */
	size_t		names_len;
	size_t		names_cap;
	RkEntity   *items;			/* per entity */
	char	   *payload;		/* per entity: payload_size bytes */
	size_t		payload_size;
	size_t		count;
	size_t		cap;
	uint64_t   *slots;			/* hash << 32 | (index + 1); 0 = empty */
	size_t		nslots;			/* a power of two; 0 while names are in order */
	size_t		cursor;			/* the entity tried first by the next lookup */
} RkEntities;

/* Missing-data policies of rank sums and weighted placements. */
typedef enum RkPolicy
{
	RK_POLICY_UNSET = 0,
	RK_POLICY_EXCLUDE,			/* incomplete entities are left out */
	RK_POLICY_WORST,			/* a missing rank counts as last place */
	RK_POLICY_SCALE				/* the sum is scaled to the ranks present */
} RkPolicy;

/* What a placement state computes. */
typedef enum RkMode
{
	RK_MODE_UNSET = 0,
	RK_MODE_SUM,				/* rank sum, then re-rank */
	RK_MODE_WEIGHTED			/* weighted mean placement, then re-rank */
} RkMode;

/* One measure's values: the state of rank_values. */
typedef struct RkValue
{
	double		value;
	bool		is_null;
} RkValue;

typedef struct RkValues
{
	RkEntities	entities;		/* payload: RkValue */
	int			direction;		/* -1 unset, 0 lower is better, 1 higher is better */
} RkValues;

/*
 * Per entity sums: the state of rank_sum_rerank and weighted_placement.  The
 * payload of a rank-sum state stops before weight, which only weighted mode
 * has.
 */
typedef struct RkEntitySum
{
	int64_t		rows;			/* rows seen, with or without a placement */
	int64_t		present;		/* rows with a placement */
	rk_int128	sum;			/* sum of placement (times weight) */
	rk_int128	weight;			/* sum of weights (weighted mode only) */
} RkEntitySum;

typedef struct RkSums
{
	RkEntities	entities;		/* payload: RkEntitySum */
	RkMode		mode;
	RkPolicy	policy;
	int			placement_scale;	/* decimal scale of placements */
	int			weight_scale;	/* decimal scale of weights */
} RkSums;

/*
 * A computed ranking: the entities in name order and in output order
 * (placement, then name; left-out entities last), each entity's placement,
 * and for rank sums and weighted placements each entity's exact score
 * num / den * 10^-placement_scale.
 */
typedef struct RkOrder
{
	uint32_t   *by_name;
	uint32_t   *by_placement;
	int32_t    *placement;		/* per entity; 0 when left out */
	rk_int128  *nums;			/* per entity, or NULL */
	rk_int128  *dens;
	size_t		placed;
} RkOrder;

/* Decimals */
extern RkStatus rk_decimal_parse(const char *str, size_t len, RkDecimal *out);
extern RkStatus rk_decimal_rescale(RkDecimal *d, int scale);
extern size_t rk_decimal_format(rk_int128 mantissa, int scale, char *buf);
extern size_t rk_fraction_format(rk_int128 num, rk_int128 den, int scale, char *buf);
extern int	rk_compare_fractions(rk_int128 an, rk_int128 ad, rk_int128 bn, rk_int128 bd);

/* Entities */
extern void rk_entities_init(RkEntities *e, size_t payload_size);
extern void rk_entities_reserve(RkEntities *e, const RkAllocator *mem, size_t count);
extern size_t rk_entities_intern(RkEntities *e, const RkAllocator *mem,
								 const char *name, size_t len, bool *found);
extern size_t rk_entities_append(RkEntities *e, const RkAllocator *mem,
								 const char *name, size_t len);
extern RkStatus rk_order_given(const RkEntities *e, const int32_t *placements,
							   const RkAllocator *mem, RkOrder *out, size_t *duplicate);
extern const char *rk_entity_name(const RkEntities *e, size_t index, size_t *len);

/* Payload of an entity */
static inline void *
rk_entity_payload(const RkEntities *e, size_t index)
{
	return e->payload + index * e->payload_size;
}

/* rank_values */
extern void rk_values_init(RkValues *v);
extern RkStatus rk_values_set_direction(RkValues *v, bool higher_is_better);
extern RkStatus rk_values_add(RkValues *v, const RkAllocator *mem, const char *name,
							  size_t len, bool is_null, double value);
extern RkStatus rk_values_merge(RkValues *dst, const RkAllocator *mem, const RkValues *src);
extern RkStatus rk_values_rank(const RkValues *v, const uint32_t *hint, size_t hint_n,
							   const RkAllocator *mem, RkOrder *out, size_t *duplicate);
extern size_t rk_values_serialized_size(const RkValues *v);
extern void rk_values_serialize(const RkValues *v, char *buf);
extern RkStatus rk_values_deserialize(RkValues *v, const RkAllocator *mem,
									  const char *buf, size_t len);

/* rank_sum_rerank and weighted_placement */
extern void rk_sums_init(RkSums *s);
extern RkStatus rk_sums_configure(RkSums *s, RkMode mode, RkPolicy policy);
extern RkStatus rk_sums_add(RkSums *s, const RkAllocator *mem, const char *name, size_t len,
							const RkDecimal *placement, const RkDecimal *weight);
extern RkStatus rk_sums_merge(RkSums *dst, const RkAllocator *mem, const RkSums *src);
extern RkStatus rk_sums_rank(const RkSums *s, const RkAllocator *mem, RkOrder *out,
							 size_t *culprit);
extern size_t rk_sums_serialized_size(const RkSums *s);
extern void rk_sums_serialize(const RkSums *s, char *buf);
extern RkStatus rk_sums_deserialize(RkSums *s, const RkAllocator *mem,
									const char *buf, size_t len);

#endif							/* RANK_CORE_H */
