/*
 * rank_core_fuzz.c
 *		libFuzzer target for the byte parsers of the ranking core: serialized
 *		aggregate states (what parallel workers pass around) and decimals.
 *
 * Whatever deserializes must rank without error and serialize back to the
 * same bytes.
 */
#include "rank_core.h"

#include <stdlib.h>
#include <string.h>

/* malloc for the core; the fuzzer's leak checker sees every block freed. */
typedef struct Blocks
{
	void	   *ptr[4096];
	size_t		count;
} Blocks;

/* Allocates and remembers a block. */
static void *
fuzz_alloc(void *ctx, size_t size)
{
	Blocks	   *blocks = ctx;
	void	   *p = malloc(size ? size : 1);

	if (p == NULL || blocks->count == sizeof(blocks->ptr) / sizeof(blocks->ptr[0]))
		abort();
	blocks->ptr[blocks->count++] = p;
	return p;
}

/* Grows a block into a new one. */
static void *
fuzz_grow(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	void	   *p = fuzz_alloc(ctx, new_size);

	memcpy(p, ptr, old_size < new_size ? old_size : new_size);
	return p;
}

/* Frees every block. */
static void
release(Blocks *blocks)
{
	while (blocks->count > 0)
		free(blocks->ptr[--blocks->count]);
}

/* One input: the first byte picks the parser, the rest is its input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Blocks blocks;
	RkAllocator mem = {fuzz_alloc, fuzz_grow, &blocks, NULL};
	const char *bytes = (const char *) data + 1;
	size_t		len = size > 0 ? size - 1 : 0;

	if (size == 0)
		return 0;
	switch (data[0] % 3)
	{
		case 0:
			{
				RkValues	v;
				RkOrder		order;
				size_t		duplicate;

				if (rk_values_deserialize(&v, &mem, bytes, len) == RK_OK)
				{
					char	   *again = fuzz_alloc(&blocks, rk_values_serialized_size(&v));

					rk_values_serialize(&v, again);
					if (rk_values_serialized_size(&v) != len || memcmp(again, bytes, len) != 0)
						abort();
					(void) rk_values_rank(&v, NULL, 0, &mem, &order, &duplicate);
				}
				break;
			}
		case 1:
			{
				RkSums		s;
				RkOrder		order;
				size_t		culprit;

				if (rk_sums_deserialize(&s, &mem, bytes, len) == RK_OK)
				{
					char	   *again = fuzz_alloc(&blocks, rk_sums_serialized_size(&s));

					rk_sums_serialize(&s, again);
					if (rk_sums_serialized_size(&s) != len || memcmp(again, bytes, len) != 0)
						abort();
					(void) rk_sums_rank(&s, &mem, &order, &culprit);
				}
				break;
			}
		default:
			{
				RkDecimal	d;
				char		buf[RK_DECIMAL_BUFSIZE];

				if (rk_decimal_parse(bytes, len, &d) == RK_OK)
				{
					RkDecimal	back;

					rk_decimal_format(d.mantissa, d.scale, buf);
					if (rk_decimal_parse(buf, strlen(buf), &back) != RK_OK ||
						back.mantissa != d.mantissa || back.scale != d.scale)
						abort();
				}
				break;
			}
	}
	release(&blocks);
	return 0;
}
