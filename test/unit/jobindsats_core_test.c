/*
 * jobindsats_core_test.c
 *		Unit tests of the readers of jobindsats downloads without PostgreSQL
 *		(src/jobindsats_core.c), run under AddressSanitizer and UBSan by
 *		`make unittest`: numbers with each decimal mark, CSV and JSON read
 *		row by row with their lines, the decision of columns, and the checks
 *		of large headers in linear time.
 */
#include "jobindsats_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* A test allocator: every block is remembered and released at once, as a memory context would. */
typedef struct Arena
{
	void	  **blocks;
	size_t		count;
	size_t		cap;
} Arena;

/* Allocates from the arena; aborts when memory runs out. */
static void *
arena_alloc(void *ctx, size_t size)
{
	Arena	   *arena = ctx;
	void	   *block = malloc(size ? size : 1);

	if (block == NULL)
		abort();
	if (arena->count == arena->cap)
	{
		arena->cap = arena->cap ? arena->cap * 2 : 64;
		arena->blocks = realloc(arena->blocks, arena->cap * sizeof(void *));
		if (arena->blocks == NULL)
			abort();
	}
	arena->blocks[arena->count++] = block;
	return block;
}

/* Grows a block into a new one of the arena. */
static void *
arena_grow(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	void	   *block = arena_alloc(ctx, new_size);

	memcpy(block, ptr, old_size < new_size ? old_size : new_size);
	return block;
}

/* Releases every block of the arena. */
static void
arena_reset(Arena *arena)
{
	while (arena->count > 0)
		free(arena->blocks[--arena->count]);
}

static Arena arena;
static JiAllocator mem = {arena_alloc, arena_grow, &arena};

/* How a text reads with a mark: its ASCII, "missing" or "invalid". */
static const char *
reads(const char *s, char mark)
{
	static char out[256];

	switch (ji_number_read(s, strlen(s), mark, out))
	{
		case JI_NUMBER_MISSING:
			return "missing";
		case JI_NUMBER_PLAIN:
			return out;
		default:
			return "invalid";
	}
}

/* Numbers: each mark's reading and the kind. */
static void
test_numbers(void)
{
	static const struct
	{
		const char *text;
		JiNumberKind kind;
		const char *comma;
		const char *point;
	}			cases[] = {
		{"7,17", JI_NUMBER_COMMA, "7.17", "invalid"},
		{"7.17", JI_NUMBER_POINT, "invalid", "7.17"},
		{"7.175", JI_NUMBER_EITHER, "7175", "7.175"},
		{"1.234", JI_NUMBER_EITHER, "1234", "1.234"},
		{"1.234.567", JI_NUMBER_COMMA, "1234567", "invalid"},
		{"1.234.567,89", JI_NUMBER_COMMA, "1234567.89", "invalid"},
		{"0.125", JI_NUMBER_POINT, "invalid", "0.125"},
		{"1 234.5", JI_NUMBER_POINT, "invalid", "1234.5"},
		{"12 345,6", JI_NUMBER_COMMA, "12345.6", "invalid"},
		{"12\xC2\xA0" "345", JI_NUMBER_PLAIN, "12345", "12345"},
		{"144315", JI_NUMBER_PLAIN, "144315", "144315"},
		{"\xE2\x88\x92" "12", JI_NUMBER_PLAIN, "-12", "-12"},
		{"+3", JI_NUMBER_PLAIN, "3", "3"},
		{",5", JI_NUMBER_COMMA, "0.5", "invalid"},
		{".5", JI_NUMBER_POINT, "invalid", "0.5"},
		{"2,80", JI_NUMBER_COMMA, "2.80", "invalid"},
		{"  42  ", JI_NUMBER_PLAIN, "42", "42"},
		{"", JI_NUMBER_MISSING, "missing", "missing"},
		{"-", JI_NUMBER_MISSING, "missing", "missing"},
		{"..", JI_NUMBER_MISSING, "missing", "missing"},
		{".", JI_NUMBER_MISSING, "missing", "missing"},
		{"1,234.5", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"12.34.5", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"1 2", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"5,", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"1e3", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"--5", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"0.125.000", JI_NUMBER_INVALID, "invalid", "invalid"},
		{"+", JI_NUMBER_INVALID, "invalid", "invalid"},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		size_t		len = strlen(cases[i].text);

		CHECK(ji_number_kind(cases[i].text, len) == cases[i].kind);
		CHECK(strcmp(reads(cases[i].text, ','), cases[i].comma) == 0);
		CHECK(strcmp(reads(cases[i].text, '.'), cases[i].point) == 0);
	}
	CHECK(ji_number_mark_alone(JI_NUMBER_EITHER) == ',');
	CHECK(ji_number_mark_alone(JI_NUMBER_POINT) == '.');
}

/* A document read as the glue does: the cells of every row as "a|b|c@line", and the decided marks. */
static JiStatus
read_all(const char *doc, JiFormat format, char mark, char *rows, size_t rows_size, char *marks_out, JiError *error)
{
	JiReader	r;
	bool		found;
	JiStatus	status;
	size_t		n = 0;

	rows[0] = '\0';
	marks_out[0] = '\0';
	ji_reader_start(&r, doc, strlen(doc), format, &mem, error);
	for (;;)
	{
		JiColumnStats stats[16];
		JiColumnRole roles[16];
		char		marks[16];
		int			conflict;
		int			col;

		if ((status = ji_reader_next_table(&r, &found)) != JI_OK || !found)
			return status;
		memset(stats, 0, sizeof(stats));
		for (;;)
		{
			if ((status = ji_reader_next_row(&r, &found)) != JI_OK)
				return status;
			if (!found)
				break;
			ji_stats_add_row(&r, stats);
			for (col = 0; col < r.ncols; col++)
				n += snprintf(rows + n, rows_size - n, "%s%.*s", col ? "|" : "",
							  (int) r.cells[col].len, r.cells[col].type == JI_NULL ? "" : r.cells[col].str);
			n += snprintf(rows + n, rows_size - n, "@%lld;", (long long) r.row_number);
		}
		if ((status = ji_decide_columns(&r, stats, NULL, NULL, 0, mark, roles, marks, &conflict)) != JI_OK)
		{
			if (conflict >= 0)
			{
				JiReader	again;

				ji_reader_start(&again, doc, strlen(doc), format, &mem, error);
				status = ji_conflict_error(&again, r.table, conflict, &stats[conflict], error);
			}
			return status;
		}
		for (col = 0; col < r.ncols; col++)
		{
			size_t		len = strlen(marks_out);

			marks_out[len] = roles[col] == JI_AREA ? 'A' : roles[col] == JI_PERIOD ? 'P' :
				roles[col] == JI_DIMENSION ? 'D' : marks[col];
			marks_out[len + 1] = '\0';
		}
	}
}

/* CSV: quoting, line breaks, lines, empty lines, errors. */
static void
test_csv(void)
{
	char		rows[2048];
	char		marks[64];
	JiError		error;

	CHECK(read_all("\xEF\xBB\xBFOmr\xC3\xA5" "de;Periode;K\xC3\xB8n;Antal;Andel\r\n\r\nSor\xC3\xB8;2022;\"Kvin\r\nder\";5;7.17\r\n"
				   "Sor\xC3\xB8;2022;\"M\"\"\";6;7.175",
				   JI_FORMAT_CSV, 0, rows, sizeof(rows), marks, &error) == JI_OK);
	CHECK(strcmp(rows, "Sor\xC3\xB8|2022|Kvin\r\nder|5|7.17@3;Sor\xC3\xB8|2022|M\"|6|7.175@5;") == 0);
	CHECK(strcmp(marks, "APD,.") == 0);
	CHECK(read_all("Area;Period;Antal\nSor\xC3\xB8;2022;1;2\n", JI_FORMAT_CSV, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SHAPE);
	CHECK(strstr(error.message, "line 2 of jobindsats CSV has 4 fields, the header has 3") != NULL);
	CHECK(read_all("Area;Period;Antal\n\"Sor;2022;1\n", JI_FORMAT_CSV, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SHAPE);
	CHECK(strstr(error.message, "unterminated quoted field") != NULL);
	CHECK(read_all("Area;Period;Antal\nA;2022;7.17\nB;2022;7.175\nC;2022;7,175\n", JI_FORMAT_CSV, 0,
				   rows, sizeof(rows), marks, &error) == JI_ERR_SYNTAX);
	CHECK(strstr(error.message, "line 2 has \"7.17\", line 4 has \"7,175\"") != NULL);
	CHECK(read_all("Area;Period;Antal\nA;2022;7.17\nC;2022;7,175\n", JI_FORMAT_CSV, ',',
				   rows, sizeof(rows), marks, &error) == JI_OK);
	CHECK(strcmp(marks, "AP,") == 0);
	CHECK(read_all("Area,Period,Antal\n", JI_FORMAT_CSV, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SHAPE);
	CHECK(read_all("Forkert n\xC3\xB8gle eller n\xC3\xB8glen er udl\xC3\xB8" "bet.", JI_FORMAT_CSV, 0,
				   rows, sizeof(rows), marks, &error) == JI_ERR_KEY);
	CHECK(read_all("{\"code\": 422, \"cause\": \"Unknown period type: M\"}", JI_FORMAT_CSV, 0,
				   rows, sizeof(rows), marks, &error) == JI_ERR_API);
	arena_reset(&arena);
}

/* JSON: v3, v2, records, JSON lines, duplicate keys, escapes, errors. */
static void
test_json(void)
{
	char		rows[2048];
	char		marks[64];
	JiError		error;

	CHECK(read_all("{\"rows\": [[\"2022\", \"Sor\\u00f8\", 1, \"2,5\"], [\"2023\", \"S\\\"\", null, \"-\"]],"
				   " \"columns\": [\"Periode\", \"Omr\\u00e5de\", \"Antal\", \"Andel\"]}",
				   JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_OK);
	CHECK(strcmp(rows, "2022|Sor\xC3\xB8|1|2,5@1;2023|S\"||-@2;") == 0);
	CHECK(strcmp(marks, "PA,,") == 0);
	CHECK(read_all("[{\"Variables\": [{\"Name\": \"area\"}, {\"Name\": \"period\"}, {\"Name\": \"_kon\", \"Label\": \"K\"},"
				   " {\"Name\": \"n\"}], \"Data\": [[\"A\", \"2022\", \"M\", 1]]},"
				   " {\"Variables\": [{\"Name\": \"area\"}, {\"Name\": \"period\"}, {\"Name\": \"m\"}], \"Data\": [[\"B\", \"2023\", \"0.5\"]]}]",
				   JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_OK);
	CHECK(strcmp(rows, "A|2022|M|1@1;B|2023|0.5@1;") == 0);
	CHECK(strcmp(marks, "APD,AP.") == 0);
	CHECK(read_all("[{\"Area\": \"A\", \"Period\": \"2022\", \"n\": 1}, {\"n\": 2, \"Period\": \"2023\", \"Area\": \"B\"}]",
				   JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_OK);
	CHECK(strcmp(rows, "A|2022|1@1;B|2023|2@2;") == 0);
	CHECK(read_all("{\"Area\": \"A\", \"Period\": \"2022\", \"n\": 1}\n\n{\"Area\": \"B\", \"Period\": \"2023\", \"n\": 2}\n",
				   JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_OK);
	CHECK(strcmp(rows, "A|2022|1@1;B|2023|2@3;") == 0);
	CHECK(read_all("{\"columns\": [], \"rows\": [], \"rows\": []}", JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SHAPE);
	CHECK(strstr(error.message, "the key \"rows\" twice") != NULL);
	CHECK(read_all("[{\"Area\": \"A\", \"Period\": \"2022\", \"n\": 1}, {\"Area\": \"A\", \"Period\": \"2022\", \"n\": 1, \"n\": 2}]",
				   JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SHAPE);
	CHECK(strstr(error.message, "row 2 of the jobindsats JSON records has the key \"n\" twice") != NULL);
	CHECK(read_all("{\"columns\": [\"Periode\"], \"rows\": [[1 2]]}", JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SYNTAX);
	CHECK(read_all("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
				   JI_FORMAT_JSON, 0, rows, sizeof(rows), marks, &error) == JI_ERR_SHAPE);
	arena_reset(&arena);
}

/* The seconds a header of n distinct labels (and a row) takes to read and check. */
static double
header_seconds(int n, JiStatus *status, int *ncols)
{
	size_t		size = 64 + (size_t) n * 24;
	char	   *doc = malloc(size);
	size_t		len;
	JiReader	r;
	JiError		error;
	bool		found;
	clock_t		start;
	int			i;

	len = (size_t) snprintf(doc, size, "Area;Period");
	for (i = 0; i < n; i++)
		len += snprintf(doc + len, size - len, ";Antal %d", i);
	len += snprintf(doc + len, size - len, "\nA;2022");
	for (i = 0; i < n; i++)
		len += snprintf(doc + len, size - len, ";%d", i % 10);
	start = clock();
	ji_reader_start(&r, doc, len, JI_FORMAT_CSV, &mem, &error);
	*status = ji_reader_next_table(&r, &found);
	if (*status == JI_OK)
		*status = ji_reader_next_row(&r, &found);
	*ncols = r.ncols;
	free(doc);
	arena_reset(&arena);
	return (double) (clock() - start) / CLOCKS_PER_SEC;
}

/* Headers: checked in linear time (a doubled header takes about twice as long, not four times). */
static void
test_large_header(void)
{
	JiStatus	status;
	int			ncols;
	double		small = 0;
	double		large = 0;
	int			i;

	for (i = 0; i < 3; i++)
	{
		small += header_seconds(80000, &status, &ncols);
		CHECK(status == JI_OK && ncols == 80002);
		large += header_seconds(320000, &status, &ncols);
		CHECK(status == JI_OK && ncols == 320002);
	}
	printf("header of 80,000 labels: %.3f s, 320,000: %.3f s (ratio %.1f; quadratic would be 16)\n",
		   small / 3, large / 3, large / small);
	CHECK(large / small < 8);
}

/* Runs the tests. */
int
main(void)
{
	test_numbers();
	test_csv();
	test_json();
	test_large_header();
	free(arena.blocks);
	printf("jobindsats core: %d checks, %d failures\n", checks, failures);
	return failures > 0;
}
