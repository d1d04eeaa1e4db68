/*
 * jobindsats_core_fuzz.c
 *		libFuzzer target for the readers of jobindsats downloads without
 *		PostgreSQL (src/jobindsats_core.c): CSV and JSON documents read as
 *		the glue reads them, and numbers.
 *
 * The first byte picks the reader and the decimal mark, the rest is its
 * input.  A document is read twice, as jobindsats.c does: the first reading
 * gathers the columns' statistics and decides them (a conflict is looked up
 * again), the second reads the measure cells with their column's mark; both
 * readings must see the same rows.  A number's kind must agree with how it
 * reads with each mark.  The seeds are the real files of
 * test/data/jobindsats (Makefile, target fuzz).
 */
#include "jobindsats_core.h"

#include <stdlib.h>
#include <string.h>

/* malloc for the core; every block is freed after each input. */
typedef struct Block
{
	struct Block *next;
	size_t		size;
	char		data[];
} Block;

/* Allocates and remembers a block. */
static void *
fuzz_alloc(void *ctx, size_t size)
{
	Block	  **blocks = ctx;
	Block	   *b = malloc(sizeof(Block) + (size ? size : 1));

	if (b == NULL)
		abort();
	b->next = *blocks;
	b->size = size;
	*blocks = b;
	return b->data;
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
release(Block **blocks)
{
	while (*blocks != NULL)
	{
		Block	   *next = (*blocks)->next;

		free(*blocks);
		*blocks = next;
	}
}

/* Whether s is what a number reads as: -?digits(.digits)? */
static int
is_ascii_number(const char *s)
{
	size_t		i = s[0] == '-';
	size_t		digits = i;

	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == digits)
		return 0;
	if (s[i] == '.')
	{
		digits = ++i;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == digits)
			return 0;
	}
	return s[i] == '\0';
}

/* Checks that a number's kind agrees with its readings. */
static void
check_number(const char *s, size_t len, Block **blocks)
{
	char	   *comma = fuzz_alloc(blocks, len + 4);
	char	   *point = fuzz_alloc(blocks, len + 4);
	JiNumberKind kind = ji_number_kind(s, len);
	JiNumberKind c = ji_number_read(s, len, ',', comma);
	JiNumberKind p = ji_number_read(s, len, '.', point);
	int			same;

	if ((c == JI_NUMBER_PLAIN && !is_ascii_number(comma)) || (p == JI_NUMBER_PLAIN && !is_ascii_number(point)))
		abort();
	same = c == JI_NUMBER_PLAIN && p == JI_NUMBER_PLAIN && strcmp(comma, point) == 0;
	switch (kind)
	{
		case JI_NUMBER_MISSING:
			if (c != JI_NUMBER_MISSING || p != JI_NUMBER_MISSING)
				abort();
			break;
		case JI_NUMBER_INVALID:
			if (c != JI_NUMBER_INVALID || p != JI_NUMBER_INVALID)
				abort();
			break;
		case JI_NUMBER_PLAIN:
			if (!same)
				abort();
			break;
		case JI_NUMBER_COMMA:
			if (c != JI_NUMBER_PLAIN || p != JI_NUMBER_INVALID)
				abort();
			break;
		case JI_NUMBER_POINT:
			if (p != JI_NUMBER_PLAIN || c != JI_NUMBER_INVALID)
				abort();
			break;
		case JI_NUMBER_EITHER:
			if (c != JI_NUMBER_PLAIN || p != JI_NUMBER_PLAIN || same)
				abort();
			break;
	}
}

/* Reads a document twice, as the glue does. */
static void
read_document(const char *doc, size_t len, JiFormat format, char mark, const JiAllocator *mem, Block **blocks)
{
	JiReader	r;
	JiReader	again;
	JiError		error;
	bool		more;
	uint64_t	rows_first = 0;
	uint64_t	rows_second = 0;
	int			tables = 0;
	int			table;

	/* the first reading */
	ji_reader_start(&r, doc, len, format, mem, &error);
	for (;;)
	{
		JiColumnStats *stats;
		JiColumnRole *roles;
		char	   *marks;
		int			conflict;

		if (ji_reader_next_table(&r, &more) != JI_OK)
			return;
		if (!more)
			break;
		tables++;
		stats = fuzz_alloc(blocks, sizeof(JiColumnStats) * (r.ncols + 1));
		memset(stats, 0, sizeof(JiColumnStats) * (r.ncols + 1));
		roles = fuzz_alloc(blocks, sizeof(JiColumnRole) * (r.ncols + 1));
		marks = fuzz_alloc(blocks, r.ncols + 1);
		for (;;)
		{
			if (ji_reader_next_row(&r, &more) != JI_OK)
				return;
			if (!more)
				break;
			rows_first++;
			ji_stats_add_row(&r, stats);
		}
		if (ji_decide_columns(&r, stats, NULL, NULL, 0, mark, roles, marks, &conflict) != JI_OK)
		{
			if (conflict >= 0)
			{
				ji_reader_start(&again, doc, len, format, mem, &error);
				if (ji_conflict_error(&again, r.table, conflict, &stats[conflict], &error) != JI_ERR_SYNTAX)
					abort();
			}
			return;
		}
	}

	/* the second reading: the same rows, and every measure cell read with a mark */
	ji_reader_start(&r, doc, len, format, mem, &error);
	for (table = 0; table < tables; table++)
	{
		if (ji_reader_next_table(&r, &more) != JI_OK || !more)
			abort();
		for (;;)
		{
			int			col;

			if (ji_reader_next_row(&r, &more) != JI_OK)
				abort();
			if (!more)
				break;
			rows_second++;
			for (col = 0; col < r.ncols; col++)
				if (r.cells[col].type == JI_STRING)
				{
					char	   *out = fuzz_alloc(blocks, r.cells[col].len + 4);
					JiNumberKind kind = ji_number_read(r.cells[col].str, r.cells[col].len, mark ? mark : ',', out);

					if (kind == JI_NUMBER_PLAIN && !is_ascii_number(out))
						abort();
				}
		}
	}
	if (ji_reader_next_table(&r, &more) != JI_OK || more || rows_first != rows_second)
		abort();
}

/* One input: the first byte picks the reader and the mark, the rest is its input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Block *blocks = NULL;
	JiAllocator mem = {fuzz_alloc, fuzz_grow, &blocks};
	const char *bytes = (const char *) data + 1;
	size_t		len = size > 0 ? size - 1 : 0;
	char		mark;

	if (size == 0)
		return 0;
	mark = (data[0] >> 4) % 3 == 0 ? 0 : (data[0] >> 4) % 3 == 1 ? ',' : '.';
	switch (data[0] % 3)
	{
		case 0:
			read_document(bytes, len, JI_FORMAT_CSV, mark, &mem, &blocks);
			break;
		case 1:
			read_document(bytes, len, JI_FORMAT_JSON, mark, &mem, &blocks);
			break;
		default:
			{
				char		excerpt[JI_EXCERPT_MAX + 8];

				check_number(bytes, len, &blocks);
				ji_excerpt(bytes, len, excerpt, sizeof(excerpt));
				if (strlen(excerpt) > JI_EXCERPT_MAX + 3)
					abort();
				(void) ji_looks_garbled(bytes, len);
				break;
			}
	}
	release(&blocks);
	return 0;
}
