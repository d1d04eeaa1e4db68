/*
 * jobindsats.c
 *		The glue of the readers of jobindsats downloads: from the core's rows
 *		of cells (jobindsats_core.c) to SQL rows, one per measure cell,
 *
 *		(table_id, area, kommune, period, dimensions, measure, value, line).
 *
 * A document is read twice, in place, row by row: the first reading checks
 * its shape and gathers what the cells of each column show, from which the
 * columns' roles and decimal marks are decided (jobindsats_core.c); the
 * second turns every row into SQL rows as it reads it and hands them to the
 * result's tuplestore, which spills to disk beyond work_mem.  So memory
 * holds the document, a row, and a few numbers per column, whatever the
 * number of rows; every row checks for interrupts.
 *
 * For the loader the second reading can group the cells by series instead
 * (ji_read_document with by_series): a row per series (area, kommune,
 * dimensions, measure) with its cells as two arrays of one length, periods
 * and values, the series in the order of the store's key (measure,
 * breakdown, area as stored) and each one's cells in the order read.
 * Memory then holds the document and, per cell, 14 bytes (its period, its
 * value's digits, up to seven in place, and the next cell of its series)
 * allocated once for the cells the first reading counted, besides a row's
 * labels once; a series with a period twice is an error (21000) after which
 * the loader reads the document cell by cell.  A row's area, breakdown and
 * period are read only where their text is first met.
 *
 * A value of up to 18 digits becomes a numeric from its integer and its
 * number of decimals, the value and scale numeric_in gives; longer ones by
 * numeric_in.
 *
 * Areas: a municipality's name is read as the kommune type reads it; the
 * whole country ("Hele landet"), the regions, the landsdele, the RAR areas
 * and "Uoplyst område" give a NULL kommune (see kommune_area_kind); any
 * other area is an error naming the row and column.  Periods are read by
 * period_parse.  Text garbled by a wrong encoding in an area or a dimension
 * is an error (22021).
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/relation.h"
#include "catalog/pg_collation.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "optimizer/plancat.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

#include "jobindsats.h"
#include "kommune.h"
#include "label_ids.h"
#include "period.h"

PG_FUNCTION_INFO_V1(jobindsats_number);
PG_FUNCTION_INFO_V1(jobindsats_reader_rows);

/*
 * The bytes of a document per cell it holds, for the planner's estimate: a
 * line of Y01A02's CSV (about 80 bytes) holds four cells; JSON spends more
 * per cell, so its rows are overestimated, which only makes a large
 * document's plan the one for a large document.
 */
#define DOCUMENT_BYTES_PER_CELL 20.0

#define NUMBER_RULES \
	"A number is written with a decimal comma (7,17) or a decimal point (7.17), optionally with a " \
	"sign and with thousands in groups of three, separated by spaces or, with a decimal comma, by " \
	"dots (1.234.567,5); an empty cell, \"-\", \"..\" or \".\" is a suppressed or missing value."

#define RESULT_COLUMNS 8
#define SERIES_COLUMNS 6

/*
 * A pair of numbers the grouping met, and the number it was given: a row
 * key by its area's and breakdown's numbers, a series by its row key's and
 * its measure's (pair_key).
 */
typedef struct SeriesPair
{
	uint64		key;
	int32		id;
	char		status;
} SeriesPair;

#define SH_PREFIX series_pairs
#define SH_ELEMENT_TYPE SeriesPair
#define SH_KEY_TYPE uint64
#define SH_KEY key
#define SH_HASH_KEY(tb, k) hash_combine(murmurhash32((uint32) ((k) >> 32)), murmurhash32((uint32) (k)))
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* Two numbers as one key of series_pairs. */
static inline uint64
pair_key(int32 first, int32 second)
{
	return ((uint64) (uint32) first << 32) | (uint32) second;
}

/*
 * A row key (area and dimensions) as the grouping met it written: the area
 * and dimensions it stands for, and the number of the row key they make
 * (two spellings of a municipality, met as two, make one).
 */
typedef struct GroupedRow
{
	int32		row_id;
	Datum		area;
	Datum		kommune;
	bool		kommune_null;
	Datum		dimensions;
	int32		breakdown;		/* the number of its dimensions among the distinct ones */
	int32		stored_area;	/* the number of the area as stored among the distinct ones */
} GroupedRow;

/* A series the grouping met: its row as its first cell had it written, its measure, and its cells (a chain through cell_next). */
typedef struct GroupedSeries
{
	int32		row;			/* in the grouping's rows */
	int32		measure_id;		/* the number of its measure label */
	Datum		measure;
	int32		first_cell;
	int32		last_cell;
	int32		ncells;
} GroupedSeries;

/*
 * A value's digits as the grouping keeps them: up to 7 in the 8 bytes
 * themselves (a positive number, its first byte a digit, sign or point),
 * longer ones in the grouping's arena (-1 - offset), none (suppressed) as
 * CELL_NO_VALUE.
 */
#define CELL_NO_VALUE PG_INT64_MIN
#define CELL_INLINE_DIGITS 7

/*
 * A document's cells grouped by series: the series and periods met, each
 * numbered in the order first met, and per cell (in the order read) its
 * period, its value and the next cell of its series: 14 bytes a cell,
 * allocated once for the cells the first reading counted.  A row's area,
 * dimensions and period are looked up by their bytes as written, and read
 * (kommune, jsonb, canonical label) only where first met so.
 */
typedef struct SeriesGrouping
{
	MemoryContext context;
	label_ids_hash *written_rows;	/* a row's area and dimensions as written: their GroupedRow */
	series_pairs_hash *row_ids; /* a row's area as stored and breakdown (their numbers): its row key */
	label_ids_hash *measure_ids;	/* a measure's label */
	series_pairs_hash *series_ids;	/* a row key's and a measure's numbers */
	label_ids_hash *written_periods;	/* a period as written: its number */
	label_ids_hash *period_ids; /* a canonical period label: its number */
	GroupedRow *rows;
	int32		nwritten_rows;
	int32		max_written_rows;
	label_ids_hash *breakdown_ids;	/* a row's dimensions (jsonb bytes): their number */
	label_ids_hash *stored_area_ids;	/* a row's area as stored (a municipality's official name) */
	Datum	   *breakdowns;		/* by number */
	Datum	   *stored_areas;	/* by number */
	int32		nbreakdowns;
	int32		nstored_areas;
	int32		max_breakdowns;
	int32		max_stored_areas;
	int32		nrows;
	int32		nmeasures;
	GroupedSeries *series;
	int32		nseries;
	int32		max_series;
	Datum	   *periods;
	int32		nperiods;
	int32		max_periods;
	uint16	   *cell_period;
	int64	   *cell_value;
	int32	   *cell_next;
	int64		ncells;
	int64		max_cells;
	StringInfoData values;		/* the digits of longer values, each ended by a NUL */
	StringInfoData row_key;		/* a row's area and dimensions, or its period, as written */
	int32		row;			/* the current row's GroupedRow */
	int32		row_period;		/* the current row's period */
} SeriesGrouping;

/* The core's memory: palloc in the context given. */
static void *
glue_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size > 0 ? size : 1);
}

/* Grows a block of the core's memory. */
static void *
glue_grow(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	return repalloc_huge(ptr, new_size);
}

/* UTF-8 text from the server encoding. */
char *
ji_utf8_from_server(const char *s, int len)
{
	char	   *utf8 = pg_server_to_any(s, len, PG_UTF8);

	return utf8 == s ? pnstrdup(s, len) : utf8;
}

/* A NUL-terminated string in the server encoding from UTF-8. */
char *
ji_server_string(const char *utf8, int len)
{
	char	   *s = pg_any_to_server(utf8, len, PG_UTF8);

	return s == utf8 ? pnstrdup(utf8, len) : s;
}

/* A text datum in the server encoding from UTF-8. */
static text *
text_from_utf8(const char *utf8, int len)
{
	char	   *s = pg_any_to_server(utf8, len, PG_UTF8);

	return s == utf8 ? cstring_to_text_with_len(utf8, len) : cstring_to_text(s);
}

/* Raises an error of the core (see jobindsats.h). */
void
ji_raise(const JiError *error)
{
	int			code;

	switch (error->status)
	{
		case JI_ERR_SYNTAX:
			code = ERRCODE_INVALID_TEXT_REPRESENTATION;
			break;
		case JI_ERR_ENCODING:
			code = ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
			break;
		case JI_ERR_ARGUMENT:
		case JI_ERR_API:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			break;
		case JI_ERR_NULL_ARGUMENT:
			code = ERRCODE_NULL_VALUE_NOT_ALLOWED;
			break;
		case JI_ERR_KEY:
			code = ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION;
			break;
		default:
			code = ERRCODE_BAD_COPY_FILE_FORMAT;
			break;
	}
	ereport(ERROR,
			(errcode(code),
			 errmsg_internal("%s", ji_server_string(error->message, strlen(error->message))),
			 error->detail[0] ? errdetail_internal("%s", ji_server_string(error->detail, strlen(error->detail))) : 0,
			 error->hint[0] ? errhint("%s", ji_server_string(error->hint, strlen(error->hint))) : 0));
	pg_unreachable();
}

/* Raises the core's error when a status is one. */
static inline void
check(JiStatus status, const JiError *error)
{
	if (status != JI_OK)
		ji_raise(error);
}

/* Checks for interrupts from the core's loops (see jobindsats.h). */
void
ji_check_for_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* A jsonb document as UTF-8 text (see jobindsats.h). */
const char *
ji_jsonb_utf8(Jsonb *doc, size_t *len)
{
	char	   *json = JsonbToCString(NULL, &doc->root, VARSIZE(doc));
	size_t		json_len = strlen(json);
	char	   *utf8 = pg_server_to_any(json, json_len, PG_UTF8);

	*len = utf8 == json ? json_len : strlen(utf8);
	return utf8;
}

/* A text argument as UTF-8 (see jobindsats.h). */
const char *
ji_text_utf8(text *doc, size_t *len)
{
	const char *s = VARDATA_ANY(doc);
	int			n = VARSIZE_ANY_EXHDR(doc);
	char	   *utf8 = pg_server_to_any(s, n, PG_UTF8);

	*len = utf8 == s ? (size_t) n : strlen(utf8);
	return utf8;
}

/* The line of a byte offset, for messages. */
static int64
line_of(const char *s, size_t offset)
{
	int64		line = 1;
	size_t		i;

	for (i = 0; i < offset; i++)
	{
		if ((i & 0xFFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		line += s[i] == '\n';
	}
	return line;
}

/* Bytes as UTF-8 (see jobindsats.h). */
const char *
ji_bytes_utf8(bytea *doc, const char *encoding_name, const char *format, size_t *len)
{
	const char *data = VARDATA_ANY(doc);
	int			n = VARSIZE_ANY_EXHDR(doc);
	int			encoding = pg_char_to_encoding(encoding_name);
	const char *nul = memchr(data, '\0', n);
	int			valid;

	if (encoding < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown encoding \"%s\"", encoding_name),
				 errhint("Give an encoding name PostgreSQL knows, e.g. UTF8, LATIN1 or WIN1252.")));
	if (n >= 2 && (((unsigned char) data[0] == 0xFF && (unsigned char) data[1] == 0xFE) ||
				   ((unsigned char) data[0] == 0xFE && (unsigned char) data[1] == 0xFF)))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("jobindsats %s is in UTF-16", format),
				 errdetail("It starts with a UTF-16 byte order mark."),
				 errhint("Save the file as UTF-8.")));
	if (nul != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("jobindsats %s holds a NUL byte, line %lld", format,
						(long long) line_of(data, nul - data)),
				 errhint("A text file has no NUL bytes: is this a spreadsheet or a UTF-16 file?")));
	if (encoding != PG_UTF8 && encoding != PG_SQL_ASCII)
	{
		char	   *utf8 = (char *) pg_do_encoding_conversion((unsigned char *) data, n, encoding, PG_UTF8);

		*len = utf8 == data ? (size_t) n : strlen(utf8);
		return utf8;
	}
	valid = pg_encoding_verifymbstr(PG_UTF8, data, n);
	if (valid < n)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("jobindsats %s is not valid UTF-8: line %lld has the byte 0x%02x", format,
						(long long) line_of(data, valid), (unsigned char) data[valid]),
				 errdetail("Letters such as %s written in ISO-8859-1 or Windows-1252 (0xF8 for %s) are not UTF-8.",
						   ji_server_string("\xC3\xA6, \xC3\xB8 and \xC3\xA5", 13),
						   ji_server_string("\xC3\xB8", 2)),
				 errhint("If the file is in ISO-8859-1 or Windows-1252, give encoding => 'LATIN1' or 'WIN1252'.")));
	*len = n;
	return data;
}

/* The decimal mark an argument says: ',' or '.', 0 for NULL. */
static char
decimal_mark_of(text *arg)
{
	if (arg == NULL)
		return 0;
	if (VARSIZE_ANY_EXHDR(arg) == 1 && (*VARDATA_ANY(arg) == ',' || *VARDATA_ANY(arg) == '.'))
		return *VARDATA_ANY(arg);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("decimal_mark must be ',' or '.', not \"%s\"", text_to_cstring(arg)),
			 errhint("Leave it NULL to decide every column's decimal mark from its cells.")));
	return 0;
}

/* The sentence that says which areas there are (see jobindsats.h). */
char *
ji_area_rules(void)
{
	static const char rules[] =
		"An area is one of the 98 municipalities (as the kommune type reads them), the whole country "
		"(\"Hele landet\"), one of the 5 regions (\"Region Syddanmark\"), the 11 landsdele (\"Landsdel "
		"Sydjylland\"), the 8 RAR areas (\"RAR Sydjylland\") or \"Uoplyst omr\xC3\xA5" "de\".";

	return ji_server_string(rules, strlen(rules));
}

/* What the second reading of a table needs: where its columns are, and their texts. */
typedef struct TableOut
{
	const JiReader *reader;
	const JiColumnRole *roles;
	const char *marks;
	int			area_col;
	int			period_col;
	Datum	   *measure_labels;	/* text, for measure columns */
	char	  **dimension_keys;	/* server encoding, for dimension columns */
	Datum		table_id;
	bool		table_id_null;

	/* the area and period of the last row, kept while rows repeat them */
	MemoryContext area_context;
	char	   *area_utf8;
	size_t		area_len;
	Datum		area;
	Datum		kommune;
	bool		kommune_null;
	MemoryContext period_context;
	char	   *period_utf8;
	size_t		period_len;
	Datum		period;

	SeriesGrouping *grouping;	/* the cells grouped by series, or NULL: a row per cell */
} TableOut;

/* Where a row and column are, for messages: "line 5, column \"Område\"". */
static char *
cell_where(const TableOut *out, int col)
{
	const JiReader *r = out->reader;

	return psprintf("%s%s %lld, column \"%s\"", r->part, r->row_word, (long long) r->row_number,
					ji_server_string(r->labels[col], r->label_lens[col]));
}

/* The format's name, for messages. */
static const char *
format_of(const TableOut *out)
{
	return out->reader->format == JI_FORMAT_CSV ? "CSV" : "JSON";
}

/* Reports garbled text in a cell. */
static void
check_garbled(const TableOut *out, int col, const char *utf8, size_t len)
{
	if (!ji_looks_garbled(utf8, len))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
			 errmsg("text garbled by a wrong character encoding in jobindsats %s, %s: \"%s\"",
					format_of(out), cell_where(out, col), ji_server_string(utf8, Min(len, JI_EXCERPT_MAX))),
			 errdetail("\"%s\" followed by another non-ASCII character is UTF-8 read as ISO-8859-1 "
					   "or Windows-1252 (\"%s\" for \"%s\"); U+FFFD stands for bytes that were not UTF-8.",
					   ji_server_string("\xC3\x83", 2), ji_server_string("S\xC3\x83\xC2\xB8nderborg", 13),
					   ji_server_string("S\xC3\xB8nderborg", 11)),
			 errhint("Load the file with its real encoding, or pass its bytes with the encoding "
					 "argument, e.g. jobindsats_csv(pg_read_binary_file(...), encoding => 'LATIN1').")));
}

/* A cell's text for messages, at most a few hundred bytes. */
static char *
cell_excerpt(const JiCell *cell)
{
	char		buf[JI_EXCERPT_MAX + 8];

	if (cell->type != JI_STRING)
		return pnstrdup(cell->str, cell->len);
	ji_excerpt(cell->str, cell->len, buf, sizeof(buf));
	return psprintf("\"%s\"", ji_server_string(buf, strlen(buf)));
}

/* Sets the area and kommune of the current row. */
static void
read_area(TableOut *out)
{
	const JiCell *cell = &out->reader->cells[out->area_col];
	MemoryContext old;
	int			code;

	if (out->area_utf8 != NULL && cell->type == JI_STRING && cell->len == out->area_len &&
		memcmp(cell->str, out->area_utf8, cell->len) == 0)
		return;					/* rows come grouped by area */
	if (cell->type != JI_STRING || cell->len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("missing area in jobindsats %s, %s", format_of(out), cell_where(out, out->area_col))));
	check_garbled(out, out->area_col, cell->str, cell->len);
	code = kommune_code_of_utf8(cell->str, cell->len);
	if (code == 0 && kommune_area_kind(cell->str, cell->len) == KOMMUNE_AREA_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unknown area in jobindsats %s, %s: %s", format_of(out),
						cell_where(out, out->area_col), cell_excerpt(cell)),
				 errdetail_internal("%s", ji_area_rules())));

	MemoryContextReset(out->area_context);
	old = MemoryContextSwitchTo(out->area_context);
	out->area_utf8 = pnstrdup(cell->str, cell->len);
	out->area_len = cell->len;
	out->area = PointerGetDatum(text_from_utf8(cell->str, cell->len));
	out->kommune = Int16GetDatum((int16) code);
	out->kommune_null = code == 0;
	MemoryContextSwitchTo(old);
}

/* Sets the canonical period label of the current row. */
static void
read_period(TableOut *out)
{
	const JiCell *cell = &out->reader->cells[out->period_col];
	const char *s = cell->str;
	size_t		start = 0;
	size_t		end = cell->len;
	JobindsatsPeriod period;
	const char *detail;
	PeriodStatus status;
	char		buf[PERIOD_LABEL_SIZE];
	MemoryContext old;

	if (out->period_utf8 != NULL && cell->type != JI_NULL && cell->len == out->period_len &&
		memcmp(cell->str, out->period_utf8, cell->len) == 0)
		return;
	if (cell->type != JI_STRING && cell->type != JI_NUMBER)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("missing period in jobindsats %s, %s", format_of(out), cell_where(out, out->period_col))));
	while (start < end && isspace((unsigned char) s[start]))
		start++;
	while (end > start && isspace((unsigned char) s[end - 1]))
		end--;
	status = period_parse(s + start, end - start, &period, &detail);
	if (status != PERIOD_VALID)
		ereport(ERROR,
				(errcode(status == PERIOD_MALFORMED ? ERRCODE_INVALID_TEXT_REPRESENTATION :
						 ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("%s jobindsats period label in %s, %s: %s",
						status == PERIOD_MALFORMED ? "invalid" : "out-of-range",
						format_of(out), cell_where(out, out->period_col), cell_excerpt(cell)),
				 errdetail_internal("%s", detail)));
	MemoryContextReset(out->period_context);
	old = MemoryContextSwitchTo(out->period_context);
	out->period_utf8 = pnstrdup(cell->str, cell->len);
	out->period_len = cell->len;
	out->period = PointerGetDatum(cstring_to_text_with_len(buf, period_format(&period, buf)));
	MemoryContextSwitchTo(old);
}

/* The dimensions of the current row as a jsonb object: label -> value as written. */
static Datum
row_dimensions(const TableOut *out)
{
	const JiReader *r = out->reader;
	JsonbParseState *state = NULL;
	JsonbValue *object;
	int			col;

	pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	for (col = 0; col < r->ncols; col++)
	{
		const JiCell *cell = &r->cells[col];
		JsonbValue	key;
		JsonbValue	value;

		if (out->roles[col] != JI_DIMENSION)
			continue;
		key.type = jbvString;
		key.val.string.val = out->dimension_keys[col];
		key.val.string.len = strlen(out->dimension_keys[col]);
		pushJsonbValue(&state, WJB_KEY, &key);
		if (cell->type == JI_STRING || cell->type == JI_NUMBER)
		{
			if (cell->type == JI_STRING)
				check_garbled(out, col, cell->str, cell->len);
			value.type = jbvString;
			value.val.string.val = ji_server_string(cell->str, cell->len);
			value.val.string.len = strlen(value.val.string.val);
		}
		else if (cell->type == JI_NULL)
			value.type = jbvNull;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid dimension value in jobindsats %s, %s: %s",
							format_of(out), cell_where(out, col), cell_excerpt(cell))));
		pushJsonbValue(&state, WJB_VALUE, &value);
	}
	object = pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	return JsonbPGetDatum(JsonbValueToJsonb(object));
}

/* The digits of a measure cell's value as numeric_in reads them; NULL when suppressed or missing. */
static char *
measure_digits(const TableOut *out, int col)
{
	const JiCell *cell = &out->reader->cells[col];
	char	   *ascii;

	switch (cell->type)
	{
		case JI_NULL:
			return NULL;
		case JI_NUMBER:
			ascii = pnstrdup(cell->str, cell->len);
			break;
		case JI_STRING:
			ascii = palloc(cell->len + 4);
			switch (ji_number_read(cell->str, cell->len, out->marks[col], ascii))
			{
				case JI_NUMBER_MISSING:
					return NULL;
				case JI_NUMBER_PLAIN:
					break;
				default:
					{
						JiNumberKind kind = ji_number_kind(cell->str, cell->len);
						bool		other_mark = kind == JI_NUMBER_COMMA || kind == JI_NUMBER_POINT;

						ereport(ERROR,
								(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								 errmsg("invalid number in jobindsats %s, %s: %s", format_of(out),
										cell_where(out, col), cell_excerpt(cell)),
								 errdetail("%s", NUMBER_RULES),
								 other_mark ?
								 errhint("The column is read with a decimal %s; this cell is a number with a decimal %s.",
										 out->marks[col] == ',' ? "comma" : "point",
										 out->marks[col] == ',' ? "point" : "comma") :
								 errhint("If the column holds labels, it is a dimension: name the dimension columns "
										 "with the argument dimensions.")));
					}
			}
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid number in jobindsats %s, %s: %s", format_of(out),
							cell_where(out, col), cell_excerpt(cell)),
					 errdetail("%s", NUMBER_RULES),
					 errhint("If the column holds labels, it is a dimension: name the dimension columns "
							 "with the argument dimensions.")));
	}
	return ascii;
}

/*
 * A numeric from the digits measure_digits gives ([-]digits[.digits]): up
 * to 18 digits from their integer and the number of decimals, as numeric_in
 * would read them (the same value and scale), longer ones by numeric_in.
 */
static Datum
numeric_of_digits(const char *digits)
{
	const char *c = digits;
	bool		negative = *c == '-';
	int64		mantissa = 0;
	int			ndigits = 0;
	int			decimals = -1;

	if (negative)
		c++;
	for (; *c != '\0'; c++)
	{
		if (*c == '.')
		{
			decimals = 0;
			continue;
		}
		if (++ndigits > 18)
			return DirectFunctionCall3(numeric_in, CStringGetDatum(digits), ObjectIdGetDatum(InvalidOid),
									   Int32GetDatum(-1));
		mantissa = mantissa * 10 + (*c - '0');
		if (decimals >= 0)
			decimals++;
	}
	if (negative)
		mantissa = -mantissa;
	return NumericGetDatum(decimals > 0 ? int64_div_fast_to_numeric(mantissa, decimals) : int64_to_numeric(mantissa));
}

/* The value of a measure cell; *isnull when suppressed or missing. */
static Datum
measure_value(const TableOut *out, int col, bool *isnull)
{
	char	   *digits = measure_digits(out, col);

	*isnull = digits == NULL;
	return digits == NULL ? (Datum) 0 : numeric_of_digits(digits);
}

/* Starts grouping a document's cells (as many as the first reading counted) by series, in a context of its own under parent. */
static SeriesGrouping *
grouping_start(MemoryContext parent, int64 cells)
{
	MemoryContext context = AllocSetContextCreate(parent, "jobindsats series", ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(context);
	SeriesGrouping *g = palloc0(sizeof(SeriesGrouping));

	g->context = context;
	g->written_rows = label_ids_create(context, 1024, NULL);
	g->row_ids = series_pairs_create(context, 1024, NULL);
	g->measure_ids = label_ids_create(context, 16, NULL);
	g->series_ids = series_pairs_create(context, 1024, NULL);
	g->written_periods = label_ids_create(context, 64, NULL);
	g->period_ids = label_ids_create(context, 64, NULL);
	g->max_written_rows = 1024;
	g->rows = palloc(sizeof(GroupedRow) * g->max_written_rows);
	g->breakdown_ids = label_ids_create(context, 64, NULL);
	g->stored_area_ids = label_ids_create(context, 128, NULL);
	g->max_breakdowns = 64;
	g->breakdowns = palloc(sizeof(Datum) * g->max_breakdowns);
	g->max_stored_areas = 128;
	g->stored_areas = palloc(sizeof(Datum) * g->max_stored_areas);
	g->max_series = 1024;
	g->series = palloc(sizeof(GroupedSeries) * g->max_series);
	g->max_periods = 64;
	g->periods = palloc(sizeof(Datum) * g->max_periods);
	if (cells > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a jobindsats document of more than %d cells cannot be loaded at once", PG_INT32_MAX),
				 errhint("Load it in parts, a range of periods each.")));
	g->max_cells = Max(cells, 1);
	g->cell_period = MemoryContextAllocHuge(context, sizeof(uint16) * g->max_cells);
	g->cell_value = MemoryContextAllocHuge(context, sizeof(int64) * g->max_cells);
	g->cell_next = MemoryContextAllocHuge(context, sizeof(int32) * g->max_cells);
	initStringInfo(&g->values);
	initStringInfo(&g->row_key);
	MemoryContextSwitchTo(old);
	return g;
}

/* Appends a cell's type and bytes as written to a key. */
static void
append_written_cell(StringInfo key, const JiCell *cell)
{
	uint32		len = (uint32) cell->len;

	appendStringInfoChar(key, (char) cell->type);
	appendBinaryStringInfo(key, (const char *) &len, sizeof(len));
	appendBinaryStringInfo(key, cell->str, cell->len);
}

/* The number of the current row's period, read where its text is first met. */
static int32
group_period(SeriesGrouping *g, TableOut *out)
{
	const JiCell *cell = &out->reader->cells[out->period_col];
	LabelId    *written;
	bool		found;
	int32		id;
	text	   *period;

	resetStringInfo(&g->row_key);
	append_written_cell(&g->row_key, cell);
	written = label_ids_lookup(g->written_periods, (LabelKey) {g->row_key.data, g->row_key.len});
	if (written != NULL)
		return written->id;
	read_period(out);
	period = DatumGetTextPP(out->period);
	id = label_ids_number(g->period_ids, g->context, VARDATA_ANY(period), VARSIZE_ANY_EXHDR(period), g->nperiods, &found);
	if (!found)
	{
		if (g->nperiods == PG_UINT16_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("a jobindsats document of more than %d periods cannot be loaded at once", PG_UINT16_MAX),
					 errhint("Load it in parts, a range of periods each.")));
		if (g->nperiods == g->max_periods)
			g->periods = repalloc(g->periods, sizeof(Datum) * (g->max_periods *= 2));
		g->periods[g->nperiods] = PointerGetDatum(MemoryContextAlloc(g->context, VARSIZE_ANY(DatumGetPointer(out->period))));
		memcpy(DatumGetPointer(g->periods[g->nperiods]), DatumGetPointer(out->period), VARSIZE_ANY(DatumGetPointer(out->period)));
		g->nperiods++;
	}
	label_ids_number(g->written_periods, g->context, g->row_key.data, g->row_key.len, id, &found);
	return id;
}

/* The number of a row's dimensions among the distinct ones the grouping met (by their jsonb bytes). */
static int32
group_breakdown(SeriesGrouping *g, Datum dimensions)
{
	Jsonb	   *dims = DatumGetJsonbP(dimensions);
	bool		found;
	int32		id = label_ids_number(g->breakdown_ids, g->context, VARDATA(dims), VARSIZE(dims) - VARHDRSZ,
									  g->nbreakdowns, &found);

	if (!found)
	{
		if (g->nbreakdowns == g->max_breakdowns)
			g->breakdowns = repalloc_huge(g->breakdowns, sizeof(Datum) * (g->max_breakdowns *= 2));
		g->breakdowns[g->nbreakdowns++] = dimensions;
	}
	return id;
}

/* The number of a row's area as the store keeps it (a municipality's official name, another area as written) among the distinct ones. */
static int32
group_stored_area(SeriesGrouping *g, const GroupedRow *row)
{
	text	   *area;
	bool		found;
	int32		id;

	if (!row->kommune_null)
	{
		const KommuneInfo *info = kommune_info_by_code(DatumGetInt16(row->kommune));
		MemoryContext old = MemoryContextSwitchTo(g->context);

		area = text_from_utf8(info->name, strlen(info->name));
		MemoryContextSwitchTo(old);
	}
	else
		area = DatumGetTextPP(row->area);
	id = label_ids_number(g->stored_area_ids, g->context, VARDATA_ANY(area), VARSIZE_ANY_EXHDR(area),
						  g->nstored_areas, &found);
	if (!found)
	{
		if (g->nstored_areas == g->max_stored_areas)
			g->stored_areas = repalloc_huge(g->stored_areas, sizeof(Datum) * (g->max_stored_areas *= 2));
		g->stored_areas[g->nstored_areas++] = PointerGetDatum(area);
	}
	return id;
}

/*
 * Sets the current row's area and dimensions and its period for the cells
 * of the row that group_cell adds: by their text as written where met
 * before, else read (the area, the period, then the dimensions, as a row is
 * read for jobindsats_csv) and numbered.
 */
static void
group_row(SeriesGrouping *g, TableOut *out)
{
	const JiReader *r = out->reader;
	bool		found;
	int32		row;
	int			col;
	GroupedRow *grouped;
	SeriesPair *row_key;
	Datum		dimensions;
	MemoryContext old;

	/* the table, the area and the dimensions as written */
	resetStringInfo(&g->row_key);
	appendBinaryStringInfo(&g->row_key, (const char *) &r->table, sizeof(r->table));
	append_written_cell(&g->row_key, &r->cells[out->area_col]);
	for (col = 0; col < r->ncols; col++)
		if (out->roles[col] == JI_DIMENSION)
			append_written_cell(&g->row_key, &r->cells[col]);
	row = label_ids_number(g->written_rows, g->context, g->row_key.data, g->row_key.len, g->nwritten_rows, &found);
	if (found)
	{
		g->row = row;
		g->row_period = group_period(g, out);
		return;
	}
	read_area(out);
	g->row_period = group_period(g, out);
	dimensions = row_dimensions(out);

	if (g->nwritten_rows == g->max_written_rows)
		g->rows = repalloc_huge(g->rows, sizeof(GroupedRow) * (g->max_written_rows *= 2));
	grouped = &g->rows[g->nwritten_rows];
	old = MemoryContextSwitchTo(g->context);
	grouped->area = datumCopy(out->area, false, -1);
	grouped->kommune = out->kommune;
	grouped->kommune_null = out->kommune_null;
	grouped->dimensions = datumCopy(dimensions, false, -1);
	MemoryContextSwitchTo(old);
	grouped->breakdown = group_breakdown(g, grouped->dimensions);
	grouped->stored_area = group_stored_area(g, grouped);

	/* the row key as read: its area as stored (two spellings of a municipality are one) and breakdown */
	row_key = series_pairs_insert(g->row_ids, pair_key(grouped->stored_area, grouped->breakdown), &found);
	if (!found)
		row_key->id = g->nrows++;
	grouped->row_id = row_key->id;
	g->row = g->nwritten_rows++;
}

/* The number of a measure column's label in a grouping (a series' key is its row key's number and this). */
static int32
group_measure(SeriesGrouping *g, const JiReader *r, int col)
{
	bool		found;
	int32		id = label_ids_number(g->measure_ids, g->context, r->labels[col], r->label_lens[col], g->nmeasures, &found);

	if (!found)
		g->nmeasures++;
	return id;
}

/* Adds a measure cell of the current row to its series (new when first met); measure is its label's number. */
static void
group_cell(SeriesGrouping *g, const TableOut *out, int col, int32 measure)
{
	char	   *digits = measure_digits(out, col);
	bool		found;
	SeriesPair *pair = series_pairs_insert(g->series_ids, pair_key(g->rows[g->row].row_id, measure), &found);
	int32		series;

	if (!found)
		pair->id = g->nseries;
	series = pair->id;
	if (!found)
	{
		GroupedSeries *s;

		if (g->nseries == g->max_series)
			g->series = repalloc_huge(g->series, sizeof(GroupedSeries) * (g->max_series *= 2));
		s = &g->series[g->nseries++];
		s->row = g->row;
		s->measure_id = measure;
		s->measure = out->measure_labels[col];
		s->first_cell = -1;
		s->ncells = 0;
	}
	if (g->ncells == g->max_cells)
		elog(ERROR, "the jobindsats document holds more cells than its first reading counted");
	g->cell_period[g->ncells] = (uint16) g->row_period;
	if (digits == NULL)
		g->cell_value[g->ncells] = CELL_NO_VALUE;
	else if (strlen(digits) <= CELL_INLINE_DIGITS)
	{
		char		inline_digits[sizeof(int64)] = {0};

		memcpy(inline_digits, digits, strlen(digits));
		memcpy(&g->cell_value[g->ncells], inline_digits, sizeof(int64));
	}
	else
	{
		g->cell_value[g->ncells] = -1 - (int64) g->values.len;
		appendBinaryStringInfo(&g->values, digits, strlen(digits) + 1);
	}
	/* the cell ends its series' chain */
	g->cell_next[g->ncells] = -1;
	if (g->series[series].first_cell < 0)
		g->series[series].first_cell = (int32) g->ncells;
	else
		g->cell_next[g->series[series].last_cell] = (int32) g->ncells;
	g->series[series].last_cell = (int32) g->ncells;
	g->series[series].ncells++;
	g->ncells++;
}

/* A cell's value as numeric (see CELL_NO_VALUE); *isnull when it has none. */
static Datum
cell_numeric(const SeriesGrouping *g, int64 value, bool *isnull)
{
	char		inline_digits[sizeof(int64) + 1] = {0};

	*isnull = value == CELL_NO_VALUE;
	if (*isnull)
		return (Datum) 0;
	if (value < 0)
		return numeric_of_digits(g->values.data + (-1 - value));
	memcpy(inline_digits, &value, sizeof(int64));
	return numeric_of_digits(inline_digits);
}

/* Labels by their numbers, and whether they are jsonb (else text): what label_ranks sorts. */
typedef struct LabelOrder
{
	const Datum *labels;
	bool		is_jsonb;
} LabelOrder;

/* Compares two labels' numbers by their labels as the store's key orders them: text by the database's collation, jsonb as jsonb. */
static int
label_order_cmp(const void *a, const void *b, void *arg)
{
	const LabelOrder *order = (const LabelOrder *) arg;
	Datum		x = order->labels[*(const int32 *) a];
	Datum		y = order->labels[*(const int32 *) b];

	CHECK_FOR_INTERRUPTS();
	if (order->is_jsonb)
		return DatumGetInt32(DirectFunctionCall2(jsonb_cmp, x, y));
	return DatumGetInt32(DirectFunctionCall2Coll(bttextcmp, DEFAULT_COLLATION_OID, x, y));
}

/* The rank of each of n labels (by their numbers) in the order of the store's key. */
static int32 *
label_ranks(const Datum *labels, int32 n, bool is_jsonb)
{
	int32	   *by_rank = palloc(sizeof(int32) * Max(n, 1));
	int32	   *rank = palloc(sizeof(int32) * Max(n, 1));
	LabelOrder	order = {labels, is_jsonb};
	int32		i;

	for (i = 0; i < n; i++)
		by_rank[i] = i;
	qsort_arg(by_rank, n, sizeof(int32), label_order_cmp, &order);
	for (i = 0; i < n; i++)
		rank[by_rank[i]] = i;
	pfree(by_rank);
	return rank;
}

/* A grouping and the ranks of its measures, breakdowns and areas: what series_order_cmp sorts by. */
typedef struct SeriesOrder
{
	const SeriesGrouping *g;
	const int32 *measure_rank;
	const int32 *breakdown_rank;
	const int32 *area_rank;
} SeriesOrder;

/* Compares two series' numbers as the store's key orders the series: by measure, breakdown, then area. */
static int
series_order_cmp(const void *a, const void *b, void *arg)
{
	const SeriesOrder *order = (const SeriesOrder *) arg;
	const GroupedSeries *x = &order->g->series[*(const int32 *) a];
	const GroupedSeries *y = &order->g->series[*(const int32 *) b];
	const GroupedRow *x_row = &order->g->rows[x->row];
	const GroupedRow *y_row = &order->g->rows[y->row];

	CHECK_FOR_INTERRUPTS();
	if (x->measure_id != y->measure_id)
		return order->measure_rank[x->measure_id] - order->measure_rank[y->measure_id];
	if (x_row->breakdown != y_row->breakdown)
		return order->breakdown_rank[x_row->breakdown] - order->breakdown_rank[y_row->breakdown];
	return order->area_rank[x_row->stored_area] - order->area_rank[y_row->stored_area];
}

/*
 * The grouping's series in the order of the store's key (measure,
 * breakdown, area): a first load then adds each series' key after the last
 * one, where an index inserts fastest.  Only the distinct labels are
 * compared as text or jsonb; the series are sorted by their ranks.  The
 * comparisons check for interrupts.
 */
static int32 *
series_in_key_order(const SeriesGrouping *g)
{
	Datum	   *measures = palloc(sizeof(Datum) * Max(g->nmeasures, 1));
	int32	   *order = palloc(sizeof(int32) * Max(g->nseries, 1));
	SeriesOrder ranks;
	int32		s;

	for (s = 0; s < g->nseries; s++)
	{
		measures[g->series[s].measure_id] = g->series[s].measure;
		order[s] = s;
	}
	ranks.g = g;
	ranks.measure_rank = label_ranks(measures, g->nmeasures, false);
	ranks.breakdown_rank = label_ranks(g->breakdowns, g->nbreakdowns, true);
	ranks.area_rank = label_ranks(g->stored_areas, g->nstored_areas, false);
	qsort_arg(order, g->nseries, sizeof(int32), series_order_cmp, &ranks);
	return order;
}

/*
 * Appends a row per series to the result set, in the order of the store's
 * key: its labels, its periods and its values in the order read (the
 * series' chain of cells); 21000 for a series with a period twice.
 */
static void
emit_series(ReturnSetInfo *rsinfo, SeriesGrouping *g)
{
	MemoryContext row_context = AllocSetContextCreate(g->context, "jobindsats series row", ALLOCSET_DEFAULT_SIZES);
	int32	   *seen = MemoryContextAllocZero(g->context, sizeof(int32) * Max(g->nperiods, 1));
	int32	   *order = series_in_key_order(g);
	int32		i;

	for (i = 0; i < g->nseries; i++)
	{
		int32		s = order[i];
		GroupedSeries *series = &g->series[s];
		GroupedRow *row = &g->rows[series->row];
		int			n = series->ncells;
		MemoryContext old;
		Datum	   *periods;
		Datum	   *values;
		bool	   *nulls;
		Datum		columns[SERIES_COLUMNS];
		bool		nulls_of_columns[SERIES_COLUMNS] = {false};
		int			dims[1];
		int			lbs[1] = {1};
		int32		cell;
		int			k;

		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(row_context);
		periods = palloc(sizeof(Datum) * n);
		values = palloc(sizeof(Datum) * n);
		nulls = palloc(sizeof(bool) * n);
		for (k = 0, cell = series->first_cell; cell >= 0; k++, cell = g->cell_next[cell])
		{
			int			period = g->cell_period[cell];

			if (seen[period] == s + 1)
				ereport(ERROR,
						(errcode(ERRCODE_CARDINALITY_VIOLATION),
						 errmsg("the jobindsats document holds a cell twice")));
			seen[period] = s + 1;
			periods[k] = g->periods[period];
			values[k] = cell_numeric(g, g->cell_value[cell], &nulls[k]);
		}
		dims[0] = n;
		columns[0] = row->area;
		columns[1] = row->kommune;
		nulls_of_columns[1] = row->kommune_null;
		columns[2] = row->dimensions;
		columns[3] = series->measure;
		columns[4] = PointerGetDatum(construct_md_array(periods, NULL, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
		columns[5] = PointerGetDatum(construct_md_array(values, nulls, 1, dims, lbs, NUMERICOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, columns, nulls_of_columns);
		MemoryContextSwitchTo(old);
		MemoryContextReset(row_context);
	}
}

/* Reads the rows of the current table, appending a row per measure cell to the result set. */
static void
emit_table(ReturnSetInfo *rsinfo, JiReader *r, TableOut *out, MemoryContext row_context)
{
	int32	   *measure_ids;	/* the grouping's numbers of the measure columns' labels */
	int			col;
	bool		found;

	out->area_col = out->period_col = -1;
	out->measure_labels = palloc(sizeof(Datum) * Max(r->ncols, 1));
	out->dimension_keys = palloc(sizeof(char *) * Max(r->ncols, 1));
	measure_ids = palloc(sizeof(int32) * Max(r->ncols, 1));
	for (col = 0; col < r->ncols; col++)
	{
		CHECK_FOR_INTERRUPTS();
		if (out->roles[col] == JI_AREA)
			out->area_col = col;
		else if (out->roles[col] == JI_PERIOD)
			out->period_col = col;
		else if (out->roles[col] == JI_MEASURE)
		{
			out->measure_labels[col] = PointerGetDatum(text_from_utf8(r->labels[col], r->label_lens[col]));
			if (out->grouping != NULL)
				measure_ids[col] = group_measure(out->grouping, r, col);
		}
		else
			out->dimension_keys[col] = ji_server_string(r->labels[col], r->label_lens[col]);
	}
	out->area_utf8 = out->period_utf8 = NULL;

	for (;;)
	{
		Datum		values[RESULT_COLUMNS];
		bool		nulls[RESULT_COLUMNS] = {false};
		MemoryContext old;
		JiError    *error = r->error;

		CHECK_FOR_INTERRUPTS();
		MemoryContextReset(row_context);
		check(ji_reader_next_row(r, &found), error);
		if (!found)
			return;
		old = MemoryContextSwitchTo(row_context);
		if (out->grouping != NULL)
		{
			group_row(out->grouping, out);
			for (col = 0; col < r->ncols; col++)
				if (out->roles[col] == JI_MEASURE)
					group_cell(out->grouping, out, col, measure_ids[col]);
			MemoryContextSwitchTo(old);
			continue;
		}
		read_area(out);
		read_period(out);
		values[0] = out->table_id;
		nulls[0] = out->table_id_null;
		values[1] = out->area;
		values[2] = out->kommune;
		nulls[2] = out->kommune_null;
		values[3] = out->period;
		values[4] = row_dimensions(out);
		values[7] = Int64GetDatum(r->row_number);
		for (col = 0; col < r->ncols; col++)
		{
			if (out->roles[col] != JI_MEASURE)
				continue;
			values[5] = out->measure_labels[col];
			values[6] = measure_value(out, col, &nulls[6]);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
		MemoryContextSwitchTo(old);
	}
}

/* What the first reading decided for a table. */
typedef struct TableDecision
{
	JiColumnRole *roles;
	char	   *marks;
} TableDecision;

/* Reads a document into the result set (see jobindsats.h). */
void
ji_read_document(FunctionCallInfo fcinfo, const char *doc, size_t len, JiFormat format,
				 Datum table_id, bool table_id_null, ArrayType *dimensions, text *decimal_mark,
				 bool by_series)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext doc_context = AllocSetContextCreate(CurrentMemoryContext, "jobindsats document",
													  ALLOCSET_DEFAULT_SIZES);
	MemoryContext row_context = AllocSetContextCreate(doc_context, "jobindsats row", ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(doc_context);
	JiAllocator mem = {glue_alloc, glue_grow, doc_context};
	char		mark = decimal_mark_of(decimal_mark);
	const char **names = NULL;
	size_t	   *name_lens = NULL;
	int			nnames = 0;
	TableDecision *decisions = palloc(sizeof(TableDecision) * 4);
	int			ndecisions = 0;
	int			max_decisions = 4;
	JiReader	reader;
	JiError		error;
	SeriesGrouping *grouping;
	int64		rows = 0;
	int64		cells = 0;
	bool		found;
	int			i;

	if (dimensions != NULL)
	{
		Datum	   *texts;
		bool	   *nulls;

		deconstruct_array(dimensions, TEXTOID, -1, false, TYPALIGN_INT, &texts, &nulls, &nnames);
		names = palloc(sizeof(char *) * Max(nnames, 1));
		name_lens = palloc(sizeof(size_t) * Max(nnames, 1));
		for (i = 0; i < nnames; i++)
		{
			names[i] = nulls[i] ? NULL : ji_utf8_from_server(VARDATA_ANY(texts[i]), VARSIZE_ANY_EXHDR(texts[i]));
			name_lens[i] = nulls[i] ? 0 : strlen(names[i]);
		}
	}

	/* the first reading: the shape, and what the columns hold */
	ji_reader_start(&reader, doc, len, format, &mem, &error);
	for (;;)
	{
		JiColumnStats *stats;
		TableDecision *decision;
		int			conflict;

		check(ji_reader_next_table(&reader, &found), &error);
		if (!found)
			break;
		stats = MemoryContextAllocHuge(doc_context, sizeof(JiColumnStats) * Max(reader.ncols, 1));
		memset(stats, 0, sizeof(JiColumnStats) * Max(reader.ncols, 1));
		for (;;)
		{
			CHECK_FOR_INTERRUPTS();
			check(ji_reader_next_row(&reader, &found), &error);
			if (!found)
				break;
			ji_stats_add_row(&reader, stats);
			rows++;
		}
		if (ndecisions == max_decisions)
			decisions = repalloc_huge(decisions, sizeof(TableDecision) * (max_decisions *= 2));
		decision = &decisions[ndecisions++];
		decision->roles = MemoryContextAllocHuge(doc_context, sizeof(JiColumnRole) * Max(reader.ncols, 1));
		decision->marks = MemoryContextAllocHuge(doc_context, Max(reader.ncols, 1));
		if (ji_decide_columns(&reader, stats, dimensions ? names : NULL, name_lens, nnames, mark,
							  decision->roles, decision->marks, &conflict) != JI_OK)
		{
			if (conflict >= 0)
			{
				JiReader	again;

				ji_reader_start(&again, doc, len, format, &mem, &error);
				ji_conflict_error(&again, reader.table, conflict, &stats[conflict], &error);
			}
			ji_raise(&error);
		}
		for (i = 0; i < reader.ncols; i++)
			if (decision->roles[i] == JI_MEASURE)
				cells += rows;
		rows = 0;
		pfree(stats);
	}

	/* the second reading: the rows (the line marks the phase for test/402_readers_limits.sh) */
	elog(DEBUG2, "jobindsats: second reading of the document");
	grouping = by_series ? grouping_start(doc_context, cells) : NULL;
	ji_reader_start(&reader, doc, len, format, &mem, &error);
	for (i = 0;; i++)
	{
		TableOut	out;

		check(ji_reader_next_table(&reader, &found), &error);
		if (!found)
			break;
		memset(&out, 0, sizeof(out));
		out.reader = &reader;
		out.roles = decisions[i].roles;
		out.marks = decisions[i].marks;
		out.table_id = table_id;
		out.table_id_null = table_id_null;
		out.area_context = AllocSetContextCreate(doc_context, "jobindsats area", ALLOCSET_SMALL_SIZES);
		out.period_context = AllocSetContextCreate(doc_context, "jobindsats period", ALLOCSET_SMALL_SIZES);
		out.grouping = grouping;
		emit_table(rsinfo, &reader, &out, row_context);
		MemoryContextDelete(out.area_context);
		MemoryContextDelete(out.period_context);
	}
	if (grouping != NULL)
		emit_series(rsinfo, grouping);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(doc_context);
	elog(DEBUG2, "jobindsats: the rows are read");
}

/* jobindsats_number(cell text, decimal_mark text): a number as jobindsats writes it; NULL when suppressed */
Datum
jobindsats_number(PG_FUNCTION_ARGS)
{
	text	   *input;
	char	   *utf8;
	size_t		len;
	char	   *ascii;
	char		mark;
	JiNumberKind kind;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	input = PG_GETARG_TEXT_PP(0);
	utf8 = ji_utf8_from_server(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input));
	len = strlen(utf8);
	ascii = palloc(len + 4);
	mark = decimal_mark_of(PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1));
	kind = ji_number_kind(utf8, len);
	if (mark == 0)
		mark = ji_number_mark_alone(kind);
	switch (ji_number_read(utf8, len, mark, ascii))
	{
		case JI_NUMBER_PLAIN:
			PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(ascii),
												ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
		case JI_NUMBER_MISSING:
			PG_RETURN_NULL();
		default:
			break;
	}
	{
		char		excerpt[JI_EXCERPT_MAX + 8];

		ji_excerpt(utf8, len, excerpt, sizeof(excerpt));
		utf8 = ji_server_string(excerpt, strlen(excerpt));
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid jobindsats number: \"%s\"", utf8),
			 errdetail("%s", NUMBER_RULES),
			 kind == JI_NUMBER_COMMA || kind == JI_NUMBER_POINT ?
			 errhint("It is a number with a decimal %s, read here with a decimal %s.",
					 kind == JI_NUMBER_COMMA ? "comma" : "point", mark == ',' ? "comma" : "point") : 0));
	PG_RETURN_NULL();
}

/*
 * jobindsats_reader_rows(internal): the planner's estimate of a reader's
 * rows from the size of its document, or for a wide table's reader from the
 * table's rows times its columns but two (the area and the period), when the
 * document or table is known at planning time (a constant, or a parameter of
 * a one-shot plan such as a load's); otherwise the declared ROWS.
 */
/* The cells a wide table holds as the planner would estimate its rows: rows times columns but two; 0 when it is no table. */
static double
wide_table_cells(Oid relid)
{
	Relation	rel = try_relation_open(relid, AccessShareLock);
	BlockNumber pages;
	double		tuples;
	double		allvisfrac;
	int			columns;

	if (rel == NULL)
		return 0;
	if (rel->rd_rel->relkind != RELKIND_RELATION && rel->rd_rel->relkind != RELKIND_MATVIEW)
	{
		relation_close(rel, AccessShareLock);
		return 0;
	}
	estimate_rel_size(rel, NULL, &pages, &tuples, &allvisfrac);
	columns = RelationGetNumberOfAttributes(rel);
	relation_close(rel, AccessShareLock);
	return Max(1.0, tuples * Max(1, columns - 2));
}

Datum
jobindsats_reader_rows(PG_FUNCTION_ARGS)
{
	Node	   *request = (Node *) PG_GETARG_POINTER(0);
	SupportRequestRows *rows_request;
	Node	   *doc;
	Const	   *known;

	if (!IsA(request, SupportRequestRows))
		PG_RETURN_POINTER(NULL);
	rows_request = (SupportRequestRows *) request;
	if (!is_funcclause(rows_request->node) || ((FuncExpr *) rows_request->node)->args == NIL)
		PG_RETURN_POINTER(NULL);
	doc = linitial(((FuncExpr *) rows_request->node)->args);
	if (rows_request->root != NULL)
		doc = estimate_expression_value(rows_request->root, doc);
	if (!IsA(doc, Const))
		PG_RETURN_POINTER(NULL);
	known = (Const *) doc;
	if (known->constisnull)
		PG_RETURN_POINTER(NULL);
	if (known->consttype == REGCLASSOID)
	{
		rows_request->rows = wide_table_cells(DatumGetObjectId(known->constvalue));
		PG_RETURN_POINTER(rows_request->rows > 0 ? rows_request : NULL);
	}
	if (known->constlen != -1)
		PG_RETURN_POINTER(NULL);
	rows_request->rows = Max(1.0, (toast_raw_datum_size(known->constvalue) - VARHDRSZ) / DOCUMENT_BYTES_PER_CELL);
	PG_RETURN_POINTER(rows_request);
}
