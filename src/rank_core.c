/*
 * rank_core.c
 *		Competition ranking, rank sums and exact weighted placements,
 *		without PostgreSQL.
 *
 * Ranking is "standard competition ranking" (1224): an entity's placement is
 * one more than the number of entities with a strictly better score, so ties
 * share the lowest placement.  Scores of rank sums and weighted placements
 * are exact fractions of 128-bit decimals, compared by 256-bit
 * cross-multiplication, so that equal sums are equal however the weights are
 * written.
 */
#include "rank_core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RK_INT128_MAX ((rk_int128) (((unsigned __int128) 1 << 127) - 1))
#define SERIAL_VERSION 1

RkInterruptHook rk_interrupt_hook = NULL;

/* Powers of ten that fit in 128 bits, 10^0 .. 10^38. */
static rk_int128
pow10_128(int exponent)
{
	rk_int128	result = 1;

	while (exponent-- > 0)
		result *= 10;
	return result;
}

/* True when a number has at most RK_MAX_DIGITS digits: below 10^38 in magnitude. */
static inline bool
within_digits(rk_int128 value)
{
	static const rk_int128 limit = (rk_int128) 10000000000000000000ull * 10000000000000000000ull;	/* 10^38 */

	return value < limit && value > -limit;
}

/* a + b, false when the result has more than RK_MAX_DIGITS digits. */
static inline bool
add_exact(rk_int128 a, rk_int128 b, rk_int128 *result)
{
	return !__builtin_add_overflow(a, b, result) && within_digits(*result);
}

/* a * b, false when the result has more than RK_MAX_DIGITS digits. */
static inline bool
mul_exact(rk_int128 a, rk_int128 b, rk_int128 *result)
{
	return !__builtin_mul_overflow(a, b, result) && within_digits(*result);
}

/* Multiplies by 10^exponent; false when the result has more than RK_MAX_DIGITS digits. */
static bool
mul_pow10(rk_int128 value, int exponent, rk_int128 *result)
{
	if (exponent > RK_MAX_SCALE)
		return value == 0 ? (*result = 0, true) : false;
	return mul_exact(value, pow10_128(exponent), result);
}

/*
 * Parses a plain decimal string ("-12.50", "7", ".5") into an exact decimal,
 * dropping trailing fractional zeros.
 */
RkStatus
rk_decimal_parse(const char *str, size_t len, RkDecimal *out)
{
	size_t		i = 0;
	bool		negative = false;
	bool		seen_digit = false;
	bool		seen_point = false;
	int			digits = 0;
	int			scale = 0;
	rk_int128	mantissa = 0;

	if (i < len && (str[i] == '-' || str[i] == '+'))
		negative = (str[i++] == '-');
	for (; i < len; i++)
	{
		char		c = str[i];

		if (c == '.' && !seen_point)
		{
			seen_point = true;
			continue;
		}
		if (c < '0' || c > '9')
			return RK_ERR_SYNTAX;
		seen_digit = true;
		if (mantissa != 0 || c != '0')
			digits++;
		if (digits > RK_MAX_DIGITS)
			return RK_ERR_PRECISION;
		mantissa = mantissa * 10 + (c - '0');
		if (seen_point)
			scale++;
	}
	if (!seen_digit)
		return RK_ERR_SYNTAX;
	while (scale > 0 && mantissa % 10 == 0)
	{
		mantissa /= 10;
		scale--;
	}
	if (scale > RK_MAX_SCALE)
		return RK_ERR_PRECISION;
	out->mantissa = negative ? -mantissa : mantissa;
	out->scale = scale;
	return RK_OK;
}

/* Brings a decimal to a larger scale without changing its value. */
RkStatus
rk_decimal_rescale(RkDecimal *d, int scale)
{
	if (scale < d->scale)
		return RK_ERR_PRECISION;
	if (!mul_pow10(d->mantissa, scale - d->scale, &d->mantissa))
		return RK_ERR_OVERFLOW;
	d->scale = scale;
	return RK_OK;
}

/* The magnitude of a signed 128-bit number. */
static unsigned __int128
magnitude_128(rk_int128 v)
{
	return v < 0 ? (unsigned __int128) (-(v + 1)) + 1 : (unsigned __int128) v;
}

/*
 * Writes mantissa * 10^-scale as a plain decimal without trailing fractional
 * zeros into buf (at least RK_DECIMAL_BUFSIZE bytes), NUL-terminated; returns
 * its length.
 */
size_t
rk_decimal_format(rk_int128 mantissa, int scale, char *buf)
{
	char		digits[80];
	int			ndigits = 0;
	unsigned __int128 magnitude;
	size_t		len = 0;

	magnitude = magnitude_128(mantissa);
	while (scale > 0 && magnitude % 10 == 0)
	{
		magnitude /= 10;
		scale--;
	}
	/* 128-bit division is slow: the digits beyond 64 bits first, then 64-bit */
	while (magnitude > UINT64_MAX)
	{
		digits[ndigits++] = (char) ('0' + (int) (magnitude % 10));
		magnitude /= 10;
	}
	{
		uint64_t	small = (uint64_t) magnitude;

		do
		{
			digits[ndigits++] = (char) ('0' + (int) (small % 10));
			small /= 10;
		} while (small > 0);
	}
	while (ndigits <= scale)
		digits[ndigits++] = '0';
	if (mantissa < 0)
		buf[len++] = '-';
	while (ndigits > 0)
	{
		if (ndigits == scale)
			buf[len++] = '.';
		buf[len++] = digits[--ndigits];
	}
	buf[len] = '\0';
	return len;
}

/*
 * Writes num / den * 10^-scale (den > 0) as a plain decimal into buf (at least
 * RK_DECIMAL_BUFSIZE bytes): exact when it has at most RK_FRACTION_DIGITS
 * decimals, otherwise rounded half away from zero to that many, trailing
 * zeros trimmed.  Returns its length, or 0 when 128-bit long division cannot
 * do it (the caller then divides otherwise).
 */
size_t
rk_fraction_format(rk_int128 num, rk_int128 den, int scale, char *buf)
{
	unsigned __int128 magnitude = magnitude_128(num);
	unsigned __int128 divisor = (unsigned __int128) den;
	unsigned __int128 quotient = magnitude / divisor;
	unsigned __int128 remainder = magnitude % divisor;
	unsigned __int128 limit = ((unsigned __int128) 1 << 127) / 10;
	rk_int128	mantissa;
	int			i;

	if (den == 1)
		return rk_decimal_format(num, scale, buf);
	if (divisor > limit || scale > RK_FRACTION_DIGITS)
		return 0;
	/* num / den carries scale decimals already: compute the rest */
	for (i = 0; i < RK_FRACTION_DIGITS - scale; i++)
	{
		if (quotient > limit)
			return 0;
		if (divisor < ((uint64_t) 1 << 59) && quotient < UINT64_MAX / 10)
		{
			/* the common case, in fast 64-bit arithmetic */
			uint64_t	r = (uint64_t) remainder * 10;

			quotient = quotient * 10 + r / (uint64_t) divisor;
			remainder = r % (uint64_t) divisor;
			continue;
		}
		remainder *= 10;
		quotient = quotient * 10 + remainder / divisor;
		remainder %= divisor;
	}
	if (remainder * 2 >= divisor)
		quotient++;
	if (quotient > (unsigned __int128) RK_INT128_MAX)
		return 0;
	mantissa = num < 0 ? -(rk_int128) quotient : (rk_int128) quotient;
	return rk_decimal_format(mantissa, RK_FRACTION_DIGITS, buf);
}

/* Multiplies two unsigned 128-bit numbers into four 64-bit limbs, low first. */
static void
mul_128x128(unsigned __int128 a, unsigned __int128 b, uint64_t limbs[4])
{
	uint64_t	a0 = (uint64_t) a,
				a1 = (uint64_t) (a >> 64),
				b0 = (uint64_t) b,
				b1 = (uint64_t) (b >> 64);
	unsigned __int128 p00 = (unsigned __int128) a0 * b0;
	unsigned __int128 p01 = (unsigned __int128) a0 * b1;
	unsigned __int128 p10 = (unsigned __int128) a1 * b0;
	unsigned __int128 p11 = (unsigned __int128) a1 * b1;
	unsigned __int128 middle;
	unsigned __int128 high;

	middle = (p00 >> 64) + (uint64_t) p01 + (uint64_t) p10;
	high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
	limbs[0] = (uint64_t) p00;
	limbs[1] = (uint64_t) middle;
	limbs[2] = (uint64_t) high;
	limbs[3] = (uint64_t) (high >> 64);
}

/* Compares an/ad with bn/bd exactly, for positive denominators: -1, 0 or 1. */
int
rk_compare_fractions(rk_int128 an, rk_int128 ad, rk_int128 bn, rk_int128 bd)
{
	uint64_t	left[4],
				right[4];
	int			sign_a = (an > 0) - (an < 0);
	int			sign_b = (bn > 0) - (bn < 0);
	int			i;

	if (ad == bd)
		return (an > bn) - (an < bn);
	if (sign_a != sign_b)
		return sign_a < sign_b ? -1 : 1;
	if (sign_a == 0)
		return 0;
	mul_128x128(magnitude_128(an), (unsigned __int128) bd, left);
	mul_128x128(magnitude_128(bn), (unsigned __int128) ad, right);
	for (i = 3; i >= 0; i--)
	{
		if (left[i] != right[i])
		{
			int			cmp = left[i] < right[i] ? -1 : 1;

			return sign_a < 0 ? -cmp : cmp;
		}
	}
	return 0;
}

/* FNV-1a hash of a name. */
static uint32_t
hash_name(const char *name, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= (unsigned char) name[i];
		h *= 16777619u;
	}
	return h;
}

/* Sets up an empty entity table. */
void
rk_entities_init(RkEntities *e, size_t payload_size)
{
	memset(e, 0, sizeof(*e));
	e->payload_size = payload_size;
}

/* Hands scratch memory back to the caller's allocator, when it takes it. */
static void
release(const RkAllocator *mem, void *ptr)
{
	if (mem->release != NULL)
		mem->release(mem->ctx, ptr);
}

/* Compares two entity names bytewise, shorter first on a common prefix. */
static int
compare_names(const char *a, size_t alen, const char *b, size_t blen)
{
	int			cmp = memcmp(a, b, alen < blen ? alen : blen);

	if (cmp != 0)
		return cmp;
	return (alen > blen) - (alen < blen);
}

/* Grows an array of count elements of elem bytes to new_count elements. */
static void *
grow_array(const RkAllocator *mem, void *ptr, size_t elem, size_t count, size_t new_count)
{
	if (ptr == NULL)
		return mem->alloc(mem->ctx, elem * new_count);
	return mem->grow(mem->ctx, ptr, elem * count, elem * new_count);
}

/* Rebuilds the hash slots for nslots slots. */
static void
rehash(RkEntities *e, const RkAllocator *mem, size_t nslots)
{
	size_t		i;

	if (e->slots != NULL)
		release(mem, e->slots);
	e->slots = mem->alloc(mem->ctx, nslots * sizeof(uint64_t));
	memset(e->slots, 0, nslots * sizeof(uint64_t));
	e->nslots = nslots;
	for (i = 0; i < e->count; i++)
	{
		size_t		slot = e->items[i].hash & (nslots - 1);

		rk_check_interrupts(i);

		while (e->slots[slot] != 0)
			slot = (slot + 1) & (nslots - 1);
		e->slots[slot] = ((uint64_t) e->items[i].hash << 32) | (uint64_t) (i + 1);
	}
}

/*
 * Grows the per-entity arrays to hold count entities.  Tables start with room
 * for 128, enough for the 98 Danish municipalities without growing.
 */
static void
grow_entities(RkEntities *e, const RkAllocator *mem, size_t count)
{
	if (count > e->cap)
	{
		e->items = grow_array(mem, e->items, sizeof(RkEntity), e->cap, count);
		e->payload = grow_array(mem, e->payload, e->payload_size, e->cap, count);
		e->cap = count;
	}
}

/* The number of hash slots for count entities: a power of two, at most half full. */
static size_t
slots_for(size_t count)
{
	size_t		nslots = 16;

	while (nslots < count * 2)
		nslots *= 2;
	return nslots;
}

/*
 * Makes room for count entities, and their hash slots if the table has them,
 * without further growth.
 */
void
rk_entities_reserve(RkEntities *e, const RkAllocator *mem, size_t count)
{
	grow_entities(e, mem, count);
	if (e->nslots > 0 && slots_for(count) > e->nslots)
		rehash(e, mem, slots_for(count));
}

/*
 * Binary search of a table whose names are in strictly increasing order:
 * the index of a name, or (*found false) the index it would be inserted at.
 */
static size_t
sorted_position(const RkEntities *e, const char *name, size_t len, bool *found)
{
	size_t		low = 0;
	size_t		high = e->count;

	while (low < high)
	{
		size_t		mid = low + (high - low) / 2;
		const RkEntity *item = &e->items[mid];
		int			cmp = compare_names(e->names + item->offset, item->length, name, len);

		if (cmp == 0)
		{
			*found = true;
			return mid;
		}
		if (cmp < 0)
			low = mid + 1;
		else
			high = mid;
	}
	*found = false;
	return low;
}

/* Finds the slot of a name: its entity, or the empty slot where it belongs. */
static size_t
find_slot(const RkEntities *e, const char *name, size_t len, uint32_t hash)
{
	size_t		slot = hash & (e->nslots - 1);
	uint64_t	tag = (uint64_t) hash << 32;

	while (e->slots[slot] != 0)
	{
		if ((e->slots[slot] & 0xFFFFFFFF00000000ull) == tag)
		{
			const RkEntity *item = &e->items[(e->slots[slot] & 0xFFFFFFFFu) - 1];

			if (item->length == len && memcmp(e->names + item->offset, name, len) == 0)
				break;
		}
		slot = (slot + 1) & (e->nslots - 1);
	}
	return slot;
}

/* Stores a new entity's name and zeroes its payload; returns its index. */
static size_t
add_entity(RkEntities *e, const RkAllocator *mem, const char *name, size_t len, uint32_t hash)
{
	size_t		index;

	if (e->names == NULL || e->names_len + len > e->names_cap)
	{
		size_t		cap = e->names_cap < 256 ? 256 : e->names_cap;

		while (cap < e->names_len + len)
			cap *= 2;
		e->names = grow_array(mem, e->names, 1, e->names_cap, cap);
		e->names_cap = cap;
	}
	index = e->count++;
	memcpy(e->names + e->names_len, name, len);
	e->items[index].offset = e->names_len;
	e->items[index].length = (uint32_t) len;
	e->items[index].hash = hash;
	e->names_len += len;
	memset(rk_entity_payload(e, index), 0, e->payload_size);
	return index;
}

/*
 * Adds an entity without looking for it: for states that find duplicates
 * later.  Such a table must not be used with rk_entities_intern.
 */
size_t
rk_entities_append(RkEntities *e, const RkAllocator *mem, const char *name, size_t len)
{
	if (e->count == e->cap)
		grow_entities(e, mem, e->cap < 128 ? 128 : e->cap * 2);
	return add_entity(e, mem, name, len, 0);
}

/*
 * Returns the index of a name, adding it (zero payload) when new.  Names
 * often come in the order of an earlier pass (each ranking lists the same
 * entities in name order), so the entity after the last one found is tried
 * before the search.
 */
size_t
rk_entities_intern(RkEntities *e, const RkAllocator *mem, const char *name, size_t len,
				   bool *found)
{
	uint32_t	hash;
	size_t		slot;
	size_t		index;

	if (e->cursor < e->count)
	{
		const RkEntity *next = &e->items[e->cursor];

		if (next->length == len && memcmp(e->names + next->offset, name, len) == 0)
		{
			*found = true;
			return e->cursor++;
		}
	}
	hash = hash_name(name, len);
	if (e->nslots == 0)
	{
		index = sorted_position(e, name, len, found);
		if (*found || index == e->count)
		{
			if (!*found)
			{
				/* still in order: appended, no hash table needed */
				if (e->count == e->cap)
					grow_entities(e, mem, e->cap < 128 ? 128 : e->cap * 2);
				index = add_entity(e, mem, name, len, hash);
			}
			e->cursor = index + 1;
			return index;
		}
		/* a name out of order: from now on, names are found by hash */
		rehash(e, mem, slots_for(e->cap));
	}
	if (e->count == e->cap)
		rk_entities_reserve(e, mem, e->cap < 128 ? 128 : e->cap * 2);
	slot = find_slot(e, name, len, hash);
	if (e->slots[slot] != 0)
	{
		*found = true;
		index = (e->slots[slot] & 0xFFFFFFFFu) - 1;
	}
	else
	{
		*found = false;
		index = add_entity(e, mem, name, len, hash);
		e->slots[slot] = ((uint64_t) hash << 32) | (uint64_t) (index + 1);
	}
	e->cursor = index + 1;
	return index;
}

/* The name of an entity (not NUL-terminated). */
const char *
rk_entity_name(const RkEntities *e, size_t index, size_t *len)
{
	*len = e->items[index].length;
	return e->names + e->items[index].offset;
}

/*
 * Sort items, kept small because the sort moves them: the score as a double
 * (a measure's value, or a fraction's approximation), the first bytes of the
 * entity name or its position in name order, and the entity.
 */
typedef struct SortItem
{
	double		key;			/* the score, or an approximation of it */
	uint64_t	prefix;			/* name order: first 8 name bytes, big-endian; else name rank */
	uint32_t	entity;
	bool		placed;
} SortItem;

/* What the sorts compare with: names, and exact fraction scores if any. */
typedef struct SortContext
{
	const RkEntities *entities;
	const rk_int128 *nums;		/* per entity, NULL when keys are exact */
	const rk_int128 *dens;
} SortContext;

/* The first 8 bytes of an entity name, big-endian, zero-padded. */
static uint64_t
name_prefix(const RkEntities *e, size_t index)
{
	const RkEntity *entity = &e->items[index];
	const unsigned char *name = (const unsigned char *) e->names + entity->offset;
	uint64_t	prefix = 0;
	uint32_t	i;

	for (i = 0; i < 8; i++)
		prefix = (prefix << 8) | (i < entity->length ? name[i] : 0);
	return prefix;
}

/* Name order: bytewise, a shorter name first on a common prefix. */
static inline int
compare_by_name(const SortItem *a, const SortItem *b, const SortContext *ctx)
{
	const RkEntities *e = ctx->entities;
	const RkEntity *ea;
	const RkEntity *eb;

	if (a->prefix != b->prefix)
		return a->prefix < b->prefix ? -1 : 1;
	ea = &e->items[a->entity];
	eb = &e->items[b->entity];
	return compare_names(e->names + ea->offset, ea->length, e->names + eb->offset, eb->length);
}

/*
 * Compares two placed items' scores.  Fraction scores are decided by their
 * double approximations only when these differ by far more than rounding
 * could (relative error below 1e-15), and exactly otherwise.
 */
static inline int
compare_scores(const SortItem *a, const SortItem *b, const SortContext *ctx)
{
	if (ctx->nums != NULL)
	{
		double		scale = fabs(a->key) > fabs(b->key) ? fabs(a->key) : fabs(b->key);

		if (fabs(a->key - b->key) > scale * 1e-9)
			return a->key < b->key ? -1 : 1;
		return rk_compare_fractions(ctx->nums[a->entity], ctx->dens[a->entity],
									ctx->nums[b->entity], ctx->dens[b->entity]);
	}
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return 0;
}

/* Output order: placed by score, then name rank; left-out ones last by name rank. */
static inline int
compare_for_output(const SortItem *a, const SortItem *b, const SortContext *ctx)
{
	if (a->placed != b->placed)
		return a->placed ? -1 : 1;
	if (a->placed)
	{
		int			cmp = compare_scores(a, b, ctx);

		if (cmp != 0)
			return cmp;
	}
	return (a->prefix > b->prefix) - (a->prefix < b->prefix);
}

/*
 * Stable merge sorts (insertion sort on short runs; tmp holds n items), one
 * per comparison so that the comparison is inlined.
 */
#define DEFINE_SORT(name, compare) \
static void \
name(SortItem *items, SortItem *tmp, size_t n, const SortContext *ctx) \
{ \
	const size_t run = 16; \
	SortItem   *from = items; \
	SortItem   *to = tmp; \
	size_t		width; \
	size_t		i; \
\
	for (i = 0; i < n; i += run) \
	{ \
		size_t		end = i + run < n ? i + run : n; \
		size_t		j; \
\
		rk_check_interrupts(i); \
		for (j = i + 1; j < end; j++) \
		{ \
			SortItem	item = items[j]; \
			size_t		k = j; \
\
			while (k > i && compare(&items[k - 1], &item, ctx) > 0) \
			{ \
				items[k] = items[k - 1]; \
				k--; \
			} \
			items[k] = item; \
		} \
	} \
	for (width = run; width < n; width *= 2) \
	{ \
		SortItem   *swap; \
\
		for (i = 0; i < n; i += 2 * width) \
		{ \
			size_t		mid = i + width < n ? i + width : n; \
			size_t		end = i + 2 * width < n ? i + 2 * width : n; \
			size_t		l = i, \
						r = mid, \
						o = i; \
\
			while (l < mid && r < end) \
			{ \
				rk_check_interrupts(o); \
				to[o++] = compare(&from[r], &from[l], ctx) < 0 ? from[r++] : from[l++]; \
			} \
			while (l < mid) \
				to[o++] = from[l++]; \
			while (r < end) \
				to[o++] = from[r++]; \
		} \
		swap = from; \
		from = to; \
		to = swap; \
	} \
	if (from != items) \
		memcpy(items, from, n * sizeof(SortItem)); \
}

DEFINE_SORT(sort_by_name, compare_by_name)
DEFINE_SORT(sort_for_output, compare_for_output)

/* A key whose unsigned order is the output order: placed by score, left-out last. */
static inline uint64_t
radix_key(const SortItem *item)
{
	double		key = item->key == 0.0 ? 0.0 : item->key;	/* -0 ties with 0 */
	uint64_t	bits;

	if (!item->placed)
		return UINT64_MAX;
	memcpy(&bits, &key, sizeof(bits));
	return (bits & ((uint64_t) 1 << 63)) ? ~bits : bits | ((uint64_t) 1 << 63);
}

/*
 * Stable least-significant-digit radix sort of items by radix_key, for exact
 * double scores; passes whose byte is the same for every item are skipped
 * (small integer rank sums need two or three passes).
 */
static void
radix_sort_items(SortItem *items, SortItem *tmp, size_t n)
{
	SortItem   *from = items;
	SortItem   *to = tmp;
	int			shift;

	for (shift = 0; shift < 64; shift += 8)
	{
		size_t		count[256] = {0};
		size_t		pos = 0;
		size_t		i;
		int			b;
		SortItem   *swap;

		for (i = 0; i < n; i++)
		{
			rk_check_interrupts(i);
			count[(radix_key(&from[i]) >> shift) & 0xFF]++;
		}
		if (n == 0 || count[(radix_key(&from[0]) >> shift) & 0xFF] == n)
			continue;
		for (b = 0; b < 256; b++)
		{
			size_t		c = count[b];

			count[b] = pos;
			pos += c;
		}
		for (i = 0; i < n; i++)
		{
			rk_check_interrupts(i);
			to[count[(radix_key(&from[i]) >> shift) & 0xFF]++] = from[i];
		}
		swap = from;
		from = to;
		to = swap;
	}
	if (from != items)
		memcpy(items, from, n * sizeof(SortItem));
}

/*
 * True when hint lists the n entities in strictly increasing name order: a
 * permutation (checked with marks, n bytes of scratch) whose neighbours
 * compare below.
 */
static bool
hint_orders_names(const uint32_t *hint, size_t n, const SortItem *items, char *marks,
				  const SortContext *ctx)
{
	size_t		i;

	memset(marks, 0, n);
	for (i = 0; i < n; i++)
	{
		rk_check_interrupts(i);
		if (hint[i] >= n || marks[hint[i]])
			return false;
		marks[hint[i]] = 1;
		if (i > 0 && compare_by_name(&items[hint[i - 1]], &items[hint[i]], ctx) >= 0)
			return false;
	}
	return true;
}

/*
 * Orders the items' entities by name into out->by_name and replaces each
 * item's prefix by its name rank.  No sort is needed when the entities are
 * interned in name order (as those read from rankings are), or when hint (a
 * name order of an earlier group, or NULL) fits these entities too, as it
 * does when every group of a query lists the same entities in the same
 * order.  Two equal names are a duplicate: *duplicate gets the entity.
 */
static RkStatus
order_by_name(SortItem *items, SortItem *tmp, size_t n, const SortContext *ctx,
			  const uint32_t *hint, size_t hint_n, RkOrder *out, size_t *duplicate)
{
	const RkEntities *e = ctx->entities;
	uint32_t   *rank_of = (uint32_t *) tmp;	/* per entity, while tmp is free */
	bool		sorted = true;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		rk_check_interrupts(i);
		items[i].prefix = name_prefix(e, items[i].entity);
	}
	for (i = 1; i < n && sorted; i++)
	{
		rk_check_interrupts(i);
		sorted = compare_by_name(&items[i - 1], &items[i], ctx) < 0;
	}
	if (!sorted && hint != NULL && hint_n == n &&
		hint_orders_names(hint, n, items, (char *) tmp, ctx))
	{
		/* items are in entity order: gather them in the hint's order */
		for (i = 0; i < n; i++)
			tmp[i] = items[hint[i]];
		memcpy(items, tmp, n * sizeof(SortItem));
		sorted = true;
	}
	if (!sorted)
		sort_by_name(items, tmp, n, ctx);
	for (i = 0; i < n; i++)
	{
		rk_check_interrupts(i);
		if (i > 0 && compare_by_name(&items[i - 1], &items[i], ctx) == 0)
		{
			*duplicate = items[i].entity;
			return RK_ERR_DUPLICATE;
		}
		out->by_name[i] = items[i].entity;
	}
	for (i = 0; i < n; i++)
		rank_of[items[i].entity] = (uint32_t) i;
	for (i = 0; i < n; i++)
		items[i].prefix = rank_of[items[i].entity];
	return RK_OK;
}

/* Allocates the arrays of an order of n entities. */
static void
order_init(RkOrder *out, size_t n, bool fractions, const RkAllocator *mem)
{
	size_t		alloc_n = n > 0 ? n : 1;

	out->by_name = mem->alloc(mem->ctx, alloc_n * sizeof(uint32_t));
	out->by_placement = mem->alloc(mem->ctx, alloc_n * sizeof(uint32_t));
	out->placement = mem->alloc(mem->ctx, alloc_n * sizeof(int32_t));
	out->nums = fractions ? mem->alloc(mem->ctx, alloc_n * sizeof(rk_int128)) : NULL;
	out->dens = fractions ? mem->alloc(mem->ctx, alloc_n * sizeof(rk_int128)) : NULL;
	out->placed = 0;
}

/*
 * Completes an order from items holding scores: sorts by name (finding
 * duplicates), then by score, and numbers by competition ranking.  The items
 * are released once the order is complete.
 */
static RkStatus
rank_items(SortItem *items, size_t n, const SortContext *ctx, const uint32_t *hint,
		   size_t hint_n, const RkAllocator *mem, RkOrder *out, size_t *duplicate)
{
	SortItem   *tmp = mem->alloc(mem->ctx, (n > 0 ? n : 1) * sizeof(SortItem));
	RkStatus	status;
	size_t		i;

	if (n > (size_t) INT32_MAX)
		return RK_ERR_TOO_MANY;
	status = order_by_name(items, tmp, n, ctx, hint, hint_n, out, duplicate);
	if (status != RK_OK)
		return status;
	/*
	 * items are in name order now: a stable sort by score keeps it among ties.
	 * Radix passes pay off for long lists only.
	 */
	if (ctx->nums == NULL && n >= 1024)
		radix_sort_items(items, tmp, n);
	else
		sort_for_output(items, tmp, n, ctx);
	for (i = 0; i < n; i++)
	{
		uint32_t	entity = items[i].entity;

		rk_check_interrupts(i);
		out->by_placement[i] = entity;
		if (!items[i].placed)
		{
			out->placement[entity] = 0;
			continue;
		}
		out->placed++;
		if (i > 0 && compare_scores(&items[i], &items[i - 1], ctx) == 0)
			out->placement[entity] = out->placement[items[i - 1].entity];
		else
			out->placement[entity] = (int32_t) (i + 1);
	}
	release(mem, tmp);
	release(mem, items);
	return RK_OK;
}

/*
 * Orders entities with given placements (0 = left out), as text input of a
 * ranking reads them: by name, and by placement then name.  The caller checks
 * that the placements form a competition ranking.
 */
RkStatus
rk_order_given(const RkEntities *e, const int32_t *placements, const RkAllocator *mem,
			   RkOrder *out, size_t *duplicate)
{
	size_t		n = e->count;
	SortItem   *items = mem->alloc(mem->ctx, (n > 0 ? n : 1) * sizeof(SortItem));
	SortContext ctx = {e, NULL, NULL};
	size_t		i;

	order_init(out, n, false, mem);
	for (i = 0; i < n; i++)
	{
		rk_check_interrupts(i);
		items[i].entity = (uint32_t) i;
		items[i].placed = placements[i] > 0;
		items[i].key = placements[i];
	}
	return rank_items(items, n, &ctx, NULL, 0, mem, out, duplicate);
}

/* Sets up an empty rank_values state. */
void
rk_values_init(RkValues *v)
{
	rk_entities_init(&v->entities, sizeof(RkValue));
	v->direction = -1;
}

/* Records the direction of a row; rows must agree. */
RkStatus
rk_values_set_direction(RkValues *v, bool higher_is_better)
{
	if (v->direction == -1)
		v->direction = higher_is_better ? 1 : 0;
	else if (v->direction != (higher_is_better ? 1 : 0))
		return RK_ERR_DIRECTION;
	return RK_OK;
}

/* Adds one entity's value (or its absence); duplicates are found when ranking. */
RkStatus
rk_values_add(RkValues *v, const RkAllocator *mem, const char *name, size_t len,
			  bool is_null, double value)
{
	RkValue    *payload;

	if (!is_null && isnan(value))
		return RK_ERR_NAN;
	payload = rk_entity_payload(&v->entities, rk_entities_append(&v->entities, mem, name, len));
	payload->is_null = is_null;
	payload->value = is_null ? 0.0 : value;
	return RK_OK;
}

/* Adds every entity of src to dst (parallel combine). */
RkStatus
rk_values_merge(RkValues *dst, const RkAllocator *mem, const RkValues *src)
{
	size_t		i;

	if (src->direction != -1 && rk_values_set_direction(dst, src->direction == 1) != RK_OK)
		return RK_ERR_DIRECTION;
	for (i = 0; i < src->entities.count; i++)
	{
		const RkValue *value = rk_entity_payload(&src->entities, i);
		size_t		len;
		const char *name = rk_entity_name(&src->entities, i, &len);

		rk_check_interrupts(i);
		rk_values_add(dst, mem, name, len, value->is_null, value->value);
	}
	return RK_OK;
}

/*
 * Ranks the values in their direction: the result of rank_values.  hint may
 * give the name order of an earlier group (hint_n entities) to try before
 * sorting.  An entity that appears twice is RK_ERR_DUPLICATE, with
 * *duplicate one of its rows.
 */
RkStatus
rk_values_rank(const RkValues *v, const uint32_t *hint, size_t hint_n, const RkAllocator *mem,
			   RkOrder *out, size_t *duplicate)
{
	size_t		n = v->entities.count;
	SortItem   *items = mem->alloc(mem->ctx, (n > 0 ? n : 1) * sizeof(SortItem));
	SortContext ctx = {&v->entities, NULL, NULL};
	size_t		i;

	order_init(out, n, false, mem);
	for (i = 0; i < n; i++)
	{
		const RkValue *value = rk_entity_payload(&v->entities, i);

		rk_check_interrupts(i);
		items[i].entity = (uint32_t) i;
		items[i].placed = !value->is_null;
		items[i].key = value->is_null ? 0.0 : v->direction == 1 ? -value->value : value->value;
	}
	return rank_items(items, n, &ctx, hint, hint_n, mem, out, duplicate);
}

/* Serialization helpers: append and read fixed-size fields. */
#define PUT(buf, pos, field) (memcpy((buf) + (pos), &(field), sizeof(field)), (pos) += sizeof(field))

/* Reads a fixed-size field; false when the buffer is too short. */
static bool
take(const char *buf, size_t len, size_t *pos, void *field, size_t size)
{
	if (len - *pos < size)
		return false;
	memcpy(field, buf + *pos, size);
	*pos += size;
	return true;
}

/* Writes an entity's name as a uint32 length and its bytes. */
static void
put_name(char *buf, size_t *pos, const RkEntities *e, size_t index)
{
	size_t		len;
	const char *name = rk_entity_name(e, index, &len);
	uint32_t	len32 = (uint32_t) len;

	memcpy(buf + *pos, &len32, sizeof(len32));
	memcpy(buf + *pos + sizeof(len32), name, len);
	*pos += sizeof(len32) + len;
}

/* Reads a name written by put_name; false when the buffer is too short. */
static bool
take_name(const char *buf, size_t len, size_t *pos, const char **name, uint32_t *name_len)
{
	if (!take(buf, len, pos, name_len, sizeof(*name_len)) || len - *pos < *name_len)
		return false;
	*name = buf + *pos;
	*pos += *name_len;
	return true;
}

/* Bytes needed to serialize a rank_values state. */
size_t
rk_values_serialized_size(const RkValues *v)
{
	return 2 + sizeof(uint64_t) +
		v->entities.count * (sizeof(uint32_t) + 1 + sizeof(double)) + v->entities.names_len;
}

/* Writes a rank_values state: version, direction, count, then the entities. */
void
rk_values_serialize(const RkValues *v, char *buf)
{
	size_t		pos = 0;
	uint64_t	count = v->entities.count;
	size_t		i;

	buf[pos++] = SERIAL_VERSION;
	buf[pos++] = (char) v->direction;
	PUT(buf, pos, count);
	for (i = 0; i < v->entities.count; i++)
	{
		const RkValue *value = rk_entity_payload(&v->entities, i);

		rk_check_interrupts(i);
		put_name(buf, &pos, &v->entities, i);
		buf[pos++] = value->is_null ? 1 : 0;
		PUT(buf, pos, value->value);
	}
}

/*
 * Reads a rank_values state, rejecting truncated or inconsistent bytes
 * (duplicate entities are found when ranking, as for any state).
 */
RkStatus
rk_values_deserialize(RkValues *v, const RkAllocator *mem, const char *buf, size_t len)
{
	size_t		pos = 0;
	uint64_t	count;
	uint64_t	i;
	signed char direction;
	const double zero = 0.0;

	rk_values_init(v);
	if (len < 2 || buf[0] != SERIAL_VERSION)
		return RK_ERR_CORRUPT;
	direction = (signed char) buf[1];
	if (direction < -1 || direction > 1)
		return RK_ERR_CORRUPT;
	v->direction = direction;
	pos = 2;
	if (!take(buf, len, &pos, &count, sizeof(count)))
		return RK_ERR_CORRUPT;
	/* every entity needs at least 13 bytes */
	if (count > (len - pos) / (sizeof(uint32_t) + 1 + sizeof(double)))
		return RK_ERR_CORRUPT;
	for (i = 0; i < count; i++)
	{
		uint32_t	name_len;
		const char *name;
		char		is_null;
		double		value;

		rk_check_interrupts(i);
		if (!take_name(buf, len, &pos, &name, &name_len))
			return RK_ERR_CORRUPT;
		if (!take(buf, len, &pos, &is_null, 1) || (is_null != 0 && is_null != 1) ||
			!take(buf, len, &pos, &value, sizeof(value)))
			return RK_ERR_CORRUPT;
		/* a missing value is written as +0.0, nothing else */
		if (is_null == 1 && memcmp(&value, &zero, sizeof(value)) != 0)
			return RK_ERR_CORRUPT;
		if (rk_values_add(v, mem, name, name_len, is_null == 1, value) != RK_OK)
			return RK_ERR_CORRUPT;
	}
	return pos == len ? RK_OK : RK_ERR_CORRUPT;
}

/* Sets up an empty rank-sum or weighted-placement state. */
void
rk_sums_init(RkSums *s)
{
	rk_entities_init(&s->entities, sizeof(RkEntitySum));
	s->mode = RK_MODE_UNSET;
	s->policy = RK_POLICY_UNSET;
	s->placement_scale = 0;
	s->weight_scale = 0;
}

/*
 * Sets a state's mode; an empty rank-sum state drops the weight from each
 * entity's payload.
 */
static void
set_mode(RkSums *s, RkMode mode)
{
	s->mode = mode;
	if (s->entities.count == 0 && s->entities.cap == 0)
		s->entities.payload_size = mode == RK_MODE_WEIGHTED ? sizeof(RkEntitySum)
			: offsetof(RkEntitySum, weight);
}

/* Fixes what the state computes and its policy; later rows must agree. */
RkStatus
rk_sums_configure(RkSums *s, RkMode mode, RkPolicy policy)
{
	if (s->mode == RK_MODE_UNSET)
	{
		set_mode(s, mode);
		s->policy = policy;
		return RK_OK;
	}
	if (s->mode != mode)
		return RK_ERR_MODE;
	if (s->policy != policy)
		return RK_ERR_POLICY;
	return RK_OK;
}

/* Raises the scale of every entity's sums (and weights) to new scales. */
static RkStatus
raise_scales(RkSums *s, int placement_scale, int weight_scale)
{
	int			sum_shift = (placement_scale - s->placement_scale) + (weight_scale - s->weight_scale);
	int			weight_shift = weight_scale - s->weight_scale;
	size_t		i;

	if (placement_scale > RK_MAX_SCALE || weight_scale > RK_MAX_SCALE)
		return RK_ERR_PRECISION;
	for (i = 0; i < s->entities.count; i++)
	{
		RkEntitySum *sum = rk_entity_payload(&s->entities, i);

		rk_check_interrupts(i);
		if (!mul_pow10(sum->sum, sum_shift, &sum->sum) ||
			(s->mode == RK_MODE_WEIGHTED && !mul_pow10(sum->weight, weight_shift, &sum->weight)))
			return RK_ERR_OVERFLOW;
	}
	s->placement_scale = placement_scale;
	s->weight_scale = weight_scale;
	return RK_OK;
}

/*
 * Adds one row: an entity and its placement (NULL when missing) with a weight
 * (NULL for a rank sum).  Placements must be positive, weights not negative.
 */
RkStatus
rk_sums_add(RkSums *s, const RkAllocator *mem, const char *name, size_t len,
			const RkDecimal *placement, const RkDecimal *weight)
{
	bool		found;
	size_t		index;
	RkEntitySum *sum;
	RkStatus	status;

	if (placement && placement->mantissa <= 0)
		return RK_ERR_NEGATIVE;
	if (weight && weight->mantissa < 0)
		return RK_ERR_NEGATIVE;
	if ((placement && placement->scale > s->placement_scale) ||
		(weight && weight->scale > s->weight_scale))
	{
		status = raise_scales(s,
							  placement && placement->scale > s->placement_scale ? placement->scale : s->placement_scale,
							  weight && weight->scale > s->weight_scale ? weight->scale : s->weight_scale);
		if (status != RK_OK)
			return status;
	}
	index = rk_entities_intern(&s->entities, mem, name, len, &found);
	sum = rk_entity_payload(&s->entities, index);
	sum->rows++;
	if (placement)
	{
		RkDecimal	p = *placement;
		rk_int128	term;

		if (rk_decimal_rescale(&p, s->placement_scale) != RK_OK)
			return RK_ERR_OVERFLOW;
		term = p.mantissa;
		if (s->mode == RK_MODE_WEIGHTED)
		{
			RkDecimal	w = *weight;

			if (rk_decimal_rescale(&w, s->weight_scale) != RK_OK ||
				!mul_exact(term, w.mantissa, &term) ||
				!add_exact(sum->weight, w.mantissa, &sum->weight))
				return RK_ERR_OVERFLOW;
		}
		if (!add_exact(sum->sum, term, &sum->sum))
			return RK_ERR_OVERFLOW;
		sum->present++;
	}
	return RK_OK;
}

/* Adds src's sums into dst (parallel combine). */
RkStatus
rk_sums_merge(RkSums *dst, const RkAllocator *mem, const RkSums *src)
{
	size_t		i;
	RkStatus	status;
	int			shift_src;

	if (src->mode == RK_MODE_UNSET)
		return RK_OK;
	status = rk_sums_configure(dst, src->mode, src->policy);
	if (status != RK_OK)
		return status;
	if (src->placement_scale > dst->placement_scale || src->weight_scale > dst->weight_scale)
	{
		status = raise_scales(dst,
							  src->placement_scale > dst->placement_scale ? src->placement_scale : dst->placement_scale,
							  src->weight_scale > dst->weight_scale ? src->weight_scale : dst->weight_scale);
		if (status != RK_OK)
			return status;
	}
	shift_src = (dst->placement_scale - src->placement_scale) + (dst->weight_scale - src->weight_scale);
	rk_entities_reserve(&dst->entities, mem, dst->entities.count + src->entities.count);
	for (i = 0; i < src->entities.count; i++)
	{
		const RkEntitySum *from = rk_entity_payload(&src->entities, i);
		size_t		len;
		const char *name = rk_entity_name(&src->entities, i, &len);
		bool		found;
		RkEntitySum *to = rk_entity_payload(&dst->entities,
											rk_entities_intern(&dst->entities, mem, name, len, &found));
		rk_int128	sum,
					weight;

		rk_check_interrupts(i);
		if (!mul_pow10(from->sum, shift_src, &sum) ||
			!add_exact(to->sum, sum, &to->sum) ||
			(dst->mode == RK_MODE_WEIGHTED &&
			 (!mul_pow10(from->weight, dst->weight_scale - src->weight_scale, &weight) ||
			  !add_exact(to->weight, weight, &to->weight))) ||
			__builtin_add_overflow(to->rows, from->rows, &to->rows) ||
			__builtin_add_overflow(to->present, from->present, &to->present))
			return RK_ERR_OVERFLOW;
	}
	return RK_OK;
}

/*
 * Scores every entity by its policy and ranks the scores ascending: the result
 * of rank_sum_rerank and weighted_placement.  Scores are num / den at the
 * state's placement scale.  On RK_ERR_ZERO_WEIGHT *culprit is the entity.
 */
RkStatus
rk_sums_rank(const RkSums *s, const RkAllocator *mem, RkOrder *out, size_t *culprit)
{
	size_t		n = s->entities.count;
	SortItem   *items = mem->alloc(mem->ctx, (n > 0 ? n : 1) * sizeof(SortItem));
	SortContext ctx;
	int64_t		most_rows = 0;
	rk_int128	worst;
	size_t		i;

	order_init(out, n, true, mem);
	ctx.entities = &s->entities;
	ctx.nums = out->nums;
	ctx.dens = out->dens;
	for (i = 0; i < n; i++)
	{
		const RkEntitySum *sum = rk_entity_payload(&s->entities, i);

		rk_check_interrupts(i);
		if (sum->rows > most_rows)
			most_rows = sum->rows;
	}
	if (!mul_pow10((rk_int128) n, s->placement_scale, &worst))
		return RK_ERR_OVERFLOW;

	for (i = 0; i < n; i++)
	{
		const RkEntitySum *sum = rk_entity_payload(&s->entities, i);
		int64_t		missing = most_rows - sum->present;
		SortItem   *item = &items[i];
		rk_int128	num = sum->sum;
		rk_int128	den = 1;

		rk_check_interrupts(i);
		item->entity = (uint32_t) i;
		item->placed = (missing == 0 || s->policy != RK_POLICY_EXCLUDE) && sum->present > 0;

		if (s->mode == RK_MODE_WEIGHTED)
		{
			/* a mean over the placements present: scaled by construction */
			if (item->placed && sum->weight == 0)
			{
				*culprit = i;
				return RK_ERR_ZERO_WEIGHT;
			}
			den = item->placed ? sum->weight : 1;
		}
		else if (s->policy == RK_POLICY_WORST && missing > 0)
		{
			rk_int128	penalty;

			item->placed = true;
			if (!mul_exact(worst, (rk_int128) missing, &penalty) ||
				!add_exact(num, penalty, &num))
				return RK_ERR_OVERFLOW;
		}
		else if (s->policy == RK_POLICY_SCALE && item->placed && missing > 0)
		{
			if (!mul_exact(num, (rk_int128) most_rows, &num))
				return RK_ERR_OVERFLOW;
			den = sum->present;
		}
		if (!item->placed)
		{
			num = 0;
			den = 1;
		}
		out->nums[i] = num;
		out->dens[i] = den;
		item->key = (double) num / (double) den;
	}
	/* integer scores below 2^53 are exact as doubles: compare those alone */
	for (i = 0; i < n && ctx.nums != NULL; i++)
	{
		rk_check_interrupts(i);
		if (out->dens[i] != 1 || out->nums[i] > ((rk_int128) 1 << 53) ||
			out->nums[i] < -((rk_int128) 1 << 53))
			break;
	}
	if (i == n)
		ctx.nums = ctx.dens = NULL;
	/* the entities of a sum state are unique: no duplicate can be reported */
	return rank_items(items, n, &ctx, NULL, 0, mem, out, culprit);
}

/* Bytes of one serialized entity sum, besides its name. */
#define SUM_ENTRY_SIZE (sizeof(uint32_t) + 2 * sizeof(int64_t) + 2 * sizeof(rk_int128))

/* Bytes needed to serialize a rank-sum state. */
size_t
rk_sums_serialized_size(const RkSums *s)
{
	return 5 + sizeof(uint64_t) + s->entities.count * SUM_ENTRY_SIZE + s->entities.names_len;
}

/* Writes a rank-sum state: version, mode, policy, scales, count, entities. */
void
rk_sums_serialize(const RkSums *s, char *buf)
{
	size_t		pos = 0;
	uint64_t	count = s->entities.count;
	const rk_int128 zero = 0;
	size_t		i;

	buf[pos++] = SERIAL_VERSION;
	buf[pos++] = (char) s->mode;
	buf[pos++] = (char) s->policy;
	buf[pos++] = (char) s->placement_scale;
	buf[pos++] = (char) s->weight_scale;
	PUT(buf, pos, count);
	for (i = 0; i < s->entities.count; i++)
	{
		const RkEntitySum *sum = rk_entity_payload(&s->entities, i);

		rk_check_interrupts(i);
		put_name(buf, &pos, &s->entities, i);
		PUT(buf, pos, sum->rows);
		PUT(buf, pos, sum->present);
		PUT(buf, pos, sum->sum);
		if (s->mode == RK_MODE_WEIGHTED)
			PUT(buf, pos, sum->weight);
		else
			PUT(buf, pos, zero);
	}
}

/* Reads a rank-sum state, rejecting truncated or inconsistent bytes. */
RkStatus
rk_sums_deserialize(RkSums *s, const RkAllocator *mem, const char *buf, size_t len)
{
	size_t		pos = 5;
	uint64_t	count;
	uint64_t	i;

	rk_sums_init(s);
	if (len < 5 || buf[0] != SERIAL_VERSION)
		return RK_ERR_CORRUPT;
	set_mode(s, (RkMode) buf[1]);
	s->policy = (RkPolicy) buf[2];
	s->placement_scale = buf[3];
	s->weight_scale = buf[4];
	if (s->mode < RK_MODE_UNSET || s->mode > RK_MODE_WEIGHTED ||
		s->policy < RK_POLICY_UNSET || s->policy > RK_POLICY_SCALE ||
		(s->mode == RK_MODE_UNSET) != (s->policy == RK_POLICY_UNSET) ||
		(s->mode == RK_MODE_WEIGHTED && s->policy == RK_POLICY_WORST) ||
		s->placement_scale < 0 || s->placement_scale > RK_MAX_SCALE ||
		s->weight_scale < 0 || s->weight_scale > RK_MAX_SCALE ||
		(s->mode != RK_MODE_WEIGHTED && s->weight_scale != 0))
		return RK_ERR_CORRUPT;
	if (!take(buf, len, &pos, &count, sizeof(count)) ||
		count > (len - pos) / SUM_ENTRY_SIZE ||
		(s->mode == RK_MODE_UNSET && count != 0))
		return RK_ERR_CORRUPT;
	rk_entities_reserve(&s->entities, mem, (size_t) count);
	for (i = 0; i < count; i++)
	{
		uint32_t	name_len;
		const char *name;
		bool		found;
		RkEntitySum sum;

		rk_check_interrupts(i);
		if (!take_name(buf, len, &pos, &name, &name_len))
			return RK_ERR_CORRUPT;
		if (!take(buf, len, &pos, &sum.rows, sizeof(sum.rows)) ||
			!take(buf, len, &pos, &sum.present, sizeof(sum.present)) ||
			!take(buf, len, &pos, &sum.sum, sizeof(sum.sum)) ||
			!take(buf, len, &pos, &sum.weight, sizeof(sum.weight)))
			return RK_ERR_CORRUPT;
		if (sum.rows < 1 || sum.present < 0 || sum.present > sum.rows ||
			sum.sum < 0 || sum.weight < 0 ||
			(sum.present == 0 && (sum.sum != 0 || sum.weight != 0)) ||
			(s->mode == RK_MODE_SUM && sum.present > 0 && sum.sum == 0) ||
			(s->mode != RK_MODE_WEIGHTED && sum.weight != 0))
			return RK_ERR_CORRUPT;
		memcpy(rk_entity_payload(&s->entities,
								 rk_entities_intern(&s->entities, mem, name, name_len, &found)),
			   &sum, s->entities.payload_size);
		if (found)
			return RK_ERR_CORRUPT;
	}
	return pos == len ? RK_OK : RK_ERR_CORRUPT;
}
