/*
 * jobindsats.c
 *		What the readers of jobindsats downloads share: numbers, areas,
 *		periods, the roles of columns and the rows they return.
 *
 * A reader (jobindsats_csv.c, jobindsats_json.c) turns a document into a
 * JiTable: the header's labels and rows of cells.  Here its columns get
 * their roles and every measure cell becomes one row
 *
 *		(table_id, area, kommune, period, dimensions, measure, value).
 *
 * The roles of the columns:
 *
 *	- the area column is labelled Area (API v2) or Område (v3 and the
 *	  databank), the period column Period or Periode;
 *	- a reader may know the others (the v2 JSON names dimensions _kon, ...);
 *	- else, when the caller names the dimension columns, every other column
 *	  is a measure;
 *	- else the dimension columns are the leading columns, after the area and
 *	  the period, in which more than half of the cells that are not missing
 *	  are not numbers ("Kvinder", "Ydelsesgrupper i alt"); the first column
 *	  that is not such a column starts the measures, and every column after it
 *	  is a measure.  So a stray text among the numbers of a measure column is
 *	  an error, not a dimension, and a column of suppressed cells only is a
 *	  measure.  A dimension whose labels are numbers must be named.
 *
 * Numbers (measure cells and jobindsats_number):
 *
 *	- white space (also no-break spaces) around the number is ignored; an
 *	  empty text, "-", ".." or "." is a suppressed or missing value: NULL,
 *	  never 0;
 *	- a sign (+, - or U+2212) may come first;
 *	- a comma is the decimal comma (7,17); there is at most one;
 *	- thousands may be separated by dots or by spaces, in groups of three
 *	  (1.234.567,5 or 1 234 567,5);
 *	- without a comma, one dot is a decimal point (7.17, 0.125), except when
 *	  it separates thousands in the Danish way: a first group of one to three
 *	  digits that does not start with 0, then three digits (1.234 is 1234;
 *	  jobindsats writes decimal commas);
 *	- anything else is not a number.  The value keeps the digits written
 *	  (2,80 is 2.80).
 *
 * Areas: a municipality's name is read as the kommune type reads it; the
 * whole country ("Hele landet"), regions, landsdele, RAR areas and "Uoplyst
 * område" give a NULL kommune; any other area is an error naming the line.
 *
 * Text garbled by a wrong encoding (UTF-8 read as ISO-8859-1 or
 * Windows-1252: "SÃ¸nderborg"; or U+FFFD for bytes that were not UTF-8) in
 * the header, an area or a dimension is an error (22021).
 */
#include "postgres.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "jobindsats.h"
#include "kommune.h"
#include "period.h"

PG_FUNCTION_INFO_V1(jobindsats_number);

#define NUMBER_RULES \
	"A number is written with a decimal comma (7,17) or a decimal point (7.17), optionally with a " \
	"sign and with thousands separated by dots or spaces in groups of three (1.234.567,5); an " \
	"empty cell, \"-\", \"..\" or \".\" is a suppressed or missing value."

/* A table with ncols columns. */
JiTable *
ji_table_new(const char *format, const char *row_word, int ncols)
{
	JiTable    *table = palloc0(sizeof(JiTable));

	table->format = format;
	table->row_word = row_word;
	table->part = "";
	table->ncols = ncols;
	table->labels = palloc0(sizeof(char *) * Max(ncols, 1));
	table->roles = palloc0(sizeof(JiColumnRole) * Max(ncols, 1));
	table->maxrows = 64;
	table->rows = palloc(sizeof(JiCell *) * table->maxrows);
	table->row_numbers = palloc(sizeof(int) * table->maxrows);
	return table;
}

/* Appends a row. */
void
ji_table_add_row(JiTable *table, JiCell *cells, int row_number)
{
	if (table->nrows == table->maxrows)
	{
		table->maxrows *= 2;
		table->rows = repalloc_huge(table->rows, sizeof(JiCell *) * table->maxrows);
		table->row_numbers = repalloc_huge(table->row_numbers, sizeof(int) * table->maxrows);
	}
	table->rows[table->nrows] = cells;
	table->row_numbers[table->nrows++] = row_number;
}

/* UTF-8 text from the server encoding. */
char *
ji_utf8_from_server(const char *s, int len)
{
	char	   *utf8 = pg_server_to_any(s, len, PG_UTF8);

	return utf8 == s ? pnstrdup(s, len) : utf8;
}

/* A text datum in the server encoding from UTF-8. */
text *
ji_text_from_utf8(const char *utf8, int len)
{
	char	   *s = pg_any_to_server(utf8, len, PG_UTF8);

	return s == utf8 ? cstring_to_text_with_len(utf8, len) : cstring_to_text(s);
}

/* A NUL-terminated string in the server encoding from UTF-8. */
char *
ji_server_string(const char *utf8, int len)
{
	char	   *s = pg_any_to_server(utf8, len, PG_UTF8);

	return s == utf8 ? pnstrdup(utf8, len) : s;
}

/* The width of the white space at the start of s (ASCII, U+00A0, U+202F), or 0. */
static int
space_width(const unsigned char *s, int n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

/* The width of the white space at the end of s, or 0. */
static int
trailing_space_width(const unsigned char *s, int n)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		return 1;
	if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)
		return 2;
	if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xAF)
		return 3;
	return 0;
}

/* Trims white space from both ends of s[*start, *end). */
static void
trim_spaces(const char *s, int *start, int *end)
{
	int			w;

	while (*start < *end && (w = space_width((const unsigned char *) s + *start, *end - *start)) > 0)
		*start += w;
	while (*end > *start && (w = trailing_space_width((const unsigned char *) s + *start, *end - *start)) > 0)
		*end -= w;
}

/*
 * Whether s[0, n) is digits in groups of three separated by one kind of
 * separator (a dot or a space), the first group of one to three digits.
 */
static bool
grouped_digits(const char *s, int n)
{
	char		sep = 0;
	int			group = 0;
	int			groups = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (s[i] >= '0' && s[i] <= '9')
		{
			group++;
			continue;
		}
		if ((sep != 0 && s[i] != sep) || s[i] == ',' ||
			group == 0 || (groups == 0 ? group > 3 : group != 3))
			return false;
		sep = s[i];
		groups++;
		group = 0;
	}
	return groups > 0 && group == 3;
}

/* Whether s[0, n) is digits only (or nothing). */
static bool
all_digits(const char *s, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Reads a number (see the file header). */
JiNumberStatus
ji_parse_number(const char *utf8, int len, Datum *result)
{
	const unsigned char *s = (const unsigned char *) utf8;
	int			start = 0;
	int			end = len;
	char	   *compact;
	int			n = 0;
	int			commas = 0;
	int			dots = 0;
	int			int_len;
	int			frac_start = -1;
	bool		negative = false;
	StringInfoData ascii;
	int			i;

	trim_spaces(utf8, &start, &end);
	if (end == start ||
		(end - start == 1 && (s[start] == '-' || s[start] == '.')) ||
		(end - start == 2 && s[start] == '.' && s[start + 1] == '.'))
		return JI_NUMBER_MISSING;

	if (s[start] == '-' || s[start] == '+')
		negative = s[start++] == '-';
	else if (end - start >= 3 && s[start] == 0xE2 && s[start + 1] == 0x88 && s[start + 2] == 0x92)
	{
		negative = true;
		start += 3;
	}

	/* digits, dots, commas and single spaces (of any kind) only */
	compact = palloc(end - start + 1);
	for (i = start; i < end;)
	{
		int			w = space_width(s + i, end - i);

		if (w > 0)
		{
			compact[n++] = ' ';
			i += w;
			continue;
		}
		if (!isdigit(s[i]) && s[i] != '.' && s[i] != ',')
			return JI_NUMBER_INVALID;
		commas += s[i] == ',';
		dots += s[i] == '.';
		compact[n++] = (char) s[i++];
	}
	if (n == 0 || commas > 1)
		return JI_NUMBER_INVALID;

	/* where the integer part ends and the fraction starts */
	int_len = n;
	if (commas == 1)
	{
		int_len = strchr(compact, ',') - compact;
		frac_start = int_len + 1;
	}
	else if (dots == 1 && !(compact[0] != '0' && grouped_digits(compact, n)))
	{
		int_len = (char *) memchr(compact, '.', n) - compact;
		frac_start = int_len + 1;
	}
	if (frac_start >= 0 && (frac_start == n || !all_digits(compact + frac_start, n - frac_start)))
		return JI_NUMBER_INVALID;
	if (int_len == 0 ? frac_start < 0 :
		!all_digits(compact, int_len) && !grouped_digits(compact, int_len))
		return JI_NUMBER_INVALID;

	if (result == NULL)
		return JI_NUMBER_VALID;
	initStringInfo(&ascii);
	if (negative)
		appendStringInfoChar(&ascii, '-');
	for (i = 0; i < int_len; i++)
		if (isdigit((unsigned char) compact[i]))
			appendStringInfoChar(&ascii, compact[i]);
	if (int_len == 0)
		appendStringInfoChar(&ascii, '0');
	if (frac_start >= 0)
	{
		appendStringInfoChar(&ascii, '.');
		appendBinaryStringInfo(&ascii, compact + frac_start, n - frac_start);
	}
	*result = DirectFunctionCall3(numeric_in, CStringGetDatum(ascii.data),
								  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	return JI_NUMBER_VALID;
}

/* The first line of a text, at most 200 bytes of it, in the server encoding. */
static char *
first_line(const char *utf8, int len)
{
	int			n = 0;

	while (n < len && n < 200 && utf8[n] != '\n' && utf8[n] != '\r')
		n++;
	while (n > 0 && n < len && (((unsigned char) utf8[n]) & 0xC0) == 0x80)
		n--;				/* not in the middle of a character */
	return ji_server_string(utf8, n);
}

/* Reports the wrong-key reply and HTML pages (see jobindsats.h). */
void
ji_check_not_data(const char *utf8, int len, const char *format)
{
	static const char wrong_key[] = "Forkert n\xC3\xB8gle";
	int			start = 0;
	int			end = len;

	trim_spaces(utf8, &start, &end);
	utf8 += start;
	len = end - start;
	if (len >= (int) strlen(wrong_key) && memcmp(utf8, wrong_key, strlen(wrong_key)) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
				 errmsg("the jobindsats API refused the key: \"%s\"", first_line(utf8, len)),
				 errdetail("The document is the API's answer to a wrong or expired key, not data."),
				 errhint("Download the data again with a valid key in the Authorization header.")));
	if (len > 0 && utf8[0] == '<')
	{
		char	   *copy = pnstrdup(utf8, len);
		char	   *title = strstr(copy, "<title>");
		char	   *title_end = title ? strstr(title, "</title>") : NULL;

		if (title_end == NULL)
		{
			title = strstr(copy, "<TITLE>");
			title_end = title ? strstr(title, "</TITLE>") : NULL;
		}
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the document is an HTML page, not jobindsats %s data", format),
				 title_end ? errdetail("The page's title is \"%s\".",
									   ji_server_string(title + 7, title_end - title - 7)) :
				 errdetail("It starts with \"%s\".", first_line(utf8, len)),
				 errhint("The API or a proxy answered with a web page (a login, an error or a "
						 "maintenance page): check the address and the key of the request.")));
	}
}

/* Reports an error reply of the API. */
void
ji_report_api_error(const char *code, const char *cause)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the jobindsats API answered with error %s: %s", code, cause),
			 errdetail("The document is the API's error reply, not data."),
			 errhint("Correct the request (table, periods, areas and variables) and download again.")));
}

/* Where a row is, for messages: "line 5", "row 3", "the header". */
static char *
row_where(const JiTable *table, int row)
{
	if (row < 0)
		return psprintf("%sthe header", table->part);
	return psprintf("%s%s %d", table->part, table->row_word, table->row_numbers[row]);
}

/* A column's label in the server encoding, for messages. */
static char *
column_name(const JiTable *table, int col)
{
	return ji_server_string(table->labels[col], strlen(table->labels[col]));
}

/* Whether UTF-8 text looks garbled by a wrong encoding (see the file header). */
static bool
looks_garbled(const char *utf8, int len)
{
	const unsigned char *s = (const unsigned char *) utf8;
	int			i;

	for (i = 0; i + 2 < len; i++)
		if ((s[i] == 0xC3 && s[i + 1] == 0x83 && s[i + 2] >= 0x80) ||
			(s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD))
			return true;
	return false;
}

/* Reports garbled text in a row (or the header, row -1) and column. */
static void
check_garbled(const JiTable *table, int row, int col, const char *utf8, int len)
{
	if (!looks_garbled(utf8, len))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
			 errmsg("text garbled by a wrong character encoding in jobindsats %s, %s, column %d: \"%s\"",
					table->format, row_where(table, row), col + 1, ji_server_string(utf8, len)),
			 errdetail("\"%s\" followed by another non-ASCII character is UTF-8 read as ISO-8859-1 "
					   "or Windows-1252 (\"%s\" for \"%s\"); U+FFFD stands for bytes that were not UTF-8.",
					   ji_server_string("\xC3\x83", 2), ji_server_string("S\xC3\x83\xC2\xB8nderborg", 13),
					   ji_server_string("S\xC3\xB8nderborg", 11)),
			 errhint("Load the file with its real encoding, or pass its bytes with the encoding "
					 "argument, e.g. jobindsats_csv(pg_read_binary_file(...), encoding => 'LATIN1').")));
}

/* Whether a label is one of the names (ASCII compared without case, others exactly). */
static bool
label_is(const char *label, const char *const *names)
{
	for (; *names != NULL; names++)
		if (pg_strcasecmp(label, *names) == 0)
			return true;
	return false;
}

/* The labels of a table, separated by "; ", for messages. */
static char *
header_list(const JiTable *table)
{
	StringInfoData buf;
	int			col;

	initStringInfo(&buf);
	for (col = 0; col < table->ncols; col++)
		appendStringInfo(&buf, "%s%s", col > 0 ? "; " : "", column_name(table, col));
	return buf.data;
}

/* Whether a cell is a number, missing or neither. */
static JiNumberStatus
cell_number(const JiCell *cell, Datum *result)
{
	switch (cell->type)
	{
		case JI_NULL:
			return JI_NUMBER_MISSING;
		case JI_NUMBER:
			if (result != NULL)
				*result = cell->number;
			return JI_NUMBER_VALID;
		case JI_STRING:
			return ji_parse_number(cell->str, cell->len, result);
		case JI_OTHER:
			break;
	}
	return JI_NUMBER_INVALID;
}

/* Sets the roles of the columns a caller names as dimensions; every other is a measure. */
static void
name_dimensions(JiTable *table, ArrayType *dimensions)
{
	Datum	   *names;
	bool	   *nulls;
	int			count;
	int			i;
	int			col;

	deconstruct_array(dimensions, TEXTOID, -1, false, TYPALIGN_INT, &names, &nulls, &count);
	for (col = 0; col < table->ncols; col++)
		if (table->roles[col] != JI_AREA && table->roles[col] != JI_PERIOD)
			table->roles[col] = JI_MEASURE;
	for (i = 0; i < count; i++)
	{
		char	   *name;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("the names of the dimension columns must not be NULL")));
		name = ji_utf8_from_server(VARDATA_ANY(names[i]), VARSIZE_ANY_EXHDR(names[i]));
		for (col = 0; col < table->ncols; col++)
			if (strcmp(table->labels[col], name) == 0)
				break;
		if (col == table->ncols)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("dimension column \"%s\" is not in the jobindsats %s data",
							TextDatumGetCString(names[i]), table->format),
					 errdetail("The columns are: %s.", header_list(table))));
		if (table->roles[col] == JI_AREA || table->roles[col] == JI_PERIOD)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("column \"%s\" is the %s column, not a dimension",
							TextDatumGetCString(names[i]),
							table->roles[col] == JI_AREA ? "area" : "period")));
		table->roles[col] = JI_DIMENSION;
	}
}

/* Decides the undecided columns by their cells (see the file header). */
static void
decide_by_cells(JiTable *table)
{
	bool		measures = false;
	int			col;

	for (col = 0; col < table->ncols; col++)
	{
		int			present = 0;
		int			labels = 0;
		int			row;

		if (table->roles[col] != JI_UNDECIDED)
			continue;
		for (row = 0; !measures && row < table->nrows; row++)
		{
			JiNumberStatus status = cell_number(&table->rows[row][col], NULL);

			present += status != JI_NUMBER_MISSING;
			labels += status == JI_NUMBER_INVALID;
		}
		if (!measures && 2 * labels > present)
			table->roles[col] = JI_DIMENSION;
		else
		{
			measures = true;
			table->roles[col] = JI_MEASURE;
		}
	}
}

/* Checks the header and gives every column its role. */
static void
decide_roles(JiTable *table, ArrayType *dimensions)
{
	static const char *const area_labels[] = {"Area", "Omr\xC3\xA5" "de", "OMR\xC3\x85" "DE", NULL};
	static const char *const period_labels[] = {"Period", "Periode", NULL};
	int			area = -1;
	int			period = -1;
	int			col;
	int			other;

	for (col = 0; col < table->ncols; col++)
	{
		const char *label = table->labels[col];

		check_garbled(table, -1, col, label, strlen(label));
		if (label[0] == '\0')
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("column %d of jobindsats %s data has no label", col + 1, table->format),
					 errdetail("The columns are: %s.", header_list(table))));
		for (other = 0; other < col; other++)
			if (strcmp(table->labels[other], label) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("columns %d and %d of jobindsats %s data are both labelled \"%s\"",
								other + 1, col + 1, table->format, column_name(table, col))));
		if (table->roles[col] == JI_UNDECIDED && label_is(label, area_labels))
			table->roles[col] = JI_AREA;
		if (table->roles[col] == JI_UNDECIDED && label_is(label, period_labels))
			table->roles[col] = JI_PERIOD;
		if (table->roles[col] == JI_AREA || table->roles[col] == JI_PERIOD)
		{
			int		   *found = table->roles[col] == JI_AREA ? &area : &period;

			if (*found >= 0)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("jobindsats %s data has two %s columns, \"%s\" and \"%s\"", table->format,
								table->roles[col] == JI_AREA ? "area" : "period",
								column_name(table, *found), column_name(table, col))));
			*found = col;
		}
	}
	if (area < 0 || period < 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("jobindsats %s data has no %s column", table->format,
						area < 0 ? "area" : "period"),
				 errdetail("The columns are: %s.", header_list(table)),
				 area < 0 ?
				 errhint("The area column is labelled Area (API v2) or %s (API v3 and the databank).",
						 ji_server_string("Omr\xC3\xA5" "de", 7)) :
				 errhint("The period column is labelled Period or Periode.")));

	if (dimensions != NULL)
		name_dimensions(table, dimensions);
	else
		decide_by_cells(table);

	for (col = 0; col < table->ncols; col++)
		if (table->roles[col] == JI_MEASURE)
			return;
	if (table->nrows > 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("jobindsats %s data has no measure column", table->format),
				 errdetail("Every column besides the area and the period holds labels, not numbers: %s.",
						   header_list(table))));
}

/* Whether an area is the unknown area ("Uoplyst område" and the like). */
static bool
is_unknown_area(const char *utf8, int len)
{
	return len >= 7 && pg_strncasecmp(utf8, "uoplyst", 7) == 0;
}

/* The kommune of a row's area cell; *isnull for the other areas. */
static Datum
area_kommune(const JiTable *table, int row, int col, bool *isnull)
{
	const JiCell *cell = &table->rows[row][col];
	int			code;

	if (cell->type != JI_STRING || cell->len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("missing area in jobindsats %s, %s", table->format, row_where(table, row))));
	check_garbled(table, row, col, cell->str, cell->len);
	code = kommune_code_of_utf8(cell->str, cell->len);
	*isnull = code == 0;
	if (code == 0 && !is_unknown_area(cell->str, cell->len) &&
		kommune_other_area(cell->str, cell->len) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unknown area in jobindsats %s, %s: \"%s\"", table->format,
						row_where(table, row), ji_server_string(cell->str, cell->len)),
				 errdetail("An area is one of the 98 municipalities, the whole country (\"Hele landet\"), "
						   "a region, a landsdel, a RAR area or \"%s\".",
						   ji_server_string("Uoplyst omr\xC3\xA5" "de", 15))));
	return Int16GetDatum((int16) code);
}

/* The canonical period label of a row's period cell. */
static Datum
row_period(const JiTable *table, int row, int col)
{
	const JiCell *cell = &table->rows[row][col];
	const char *s = cell->str;
	int			start = 0;
	int			end = cell->len;
	int			written;
	JobindsatsPeriod period;
	const char *detail;
	PeriodStatus status;
	char		buf[PERIOD_LABEL_SIZE];

	if (cell->type == JI_NUMBER)
	{
		s = DatumGetCString(DirectFunctionCall1(numeric_out, cell->number));
		end = strlen(s);
	}
	else if (cell->type != JI_STRING)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("missing period in jobindsats %s, %s", table->format, row_where(table, row))));
	written = end;
	trim_spaces(s, &start, &end);
	status = period_parse(s + start, end - start, &period, &detail);
	if (status != PERIOD_VALID)
		ereport(ERROR,
				(errcode(status == PERIOD_MALFORMED ? ERRCODE_INVALID_TEXT_REPRESENTATION :
						 ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("%s jobindsats period label in %s, %s: \"%s\"",
						status == PERIOD_MALFORMED ? "invalid" : "out-of-range",
						table->format, row_where(table, row), ji_server_string(s, written)),
				 errdetail_internal("%s", detail)));
	return PointerGetDatum(cstring_to_text_with_len(buf, period_format(&period, buf)));
}

/* The dimensions of a row as a jsonb object: label -> value as written. */
static Datum
row_dimensions(const JiTable *table, int row)
{
	JsonbParseState *state = NULL;
	JsonbValue *object;
	int			col;

	pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	for (col = 0; col < table->ncols; col++)
	{
		const JiCell *cell = &table->rows[row][col];
		JsonbValue	key;
		JsonbValue	value;

		if (table->roles[col] != JI_DIMENSION)
			continue;
		key.type = jbvString;
		key.val.string.val = column_name(table, col);
		key.val.string.len = strlen(key.val.string.val);
		pushJsonbValue(&state, WJB_KEY, &key);
		if (cell->type == JI_STRING)
		{
			check_garbled(table, row, col, cell->str, cell->len);
			value.type = jbvString;
			value.val.string.val = ji_server_string(cell->str, cell->len);
			value.val.string.len = strlen(value.val.string.val);
		}
		else if (cell->type == JI_NUMBER)
		{
			value.type = jbvString;
			value.val.string.val = DatumGetCString(DirectFunctionCall1(numeric_out, cell->number));
			value.val.string.len = strlen(value.val.string.val);
		}
		else if (cell->type == JI_NULL)
			value.type = jbvNull;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid dimension value in jobindsats %s, %s, column \"%s\": %s",
							table->format, row_where(table, row), column_name(table, col), cell->str)));
		pushJsonbValue(&state, WJB_VALUE, &value);
	}
	object = pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	return JsonbPGetDatum(JsonbValueToJsonb(object));
}

/* The value of a measure cell; *isnull when suppressed or missing. */
static Datum
measure_value(const JiTable *table, int row, int col, bool *isnull)
{
	const JiCell *cell = &table->rows[row][col];
	Datum		value = (Datum) 0;
	JiNumberStatus status = cell_number(cell, &value);

	*isnull = status == JI_NUMBER_MISSING;
	if (status == JI_NUMBER_INVALID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid number in jobindsats %s, %s, column \"%s\": %s%s%s",
						table->format, row_where(table, row), column_name(table, col),
						cell->type == JI_STRING ? "\"" : "",
						cell->type == JI_STRING ? ji_server_string(cell->str, cell->len) : cell->str,
						cell->type == JI_STRING ? "\"" : ""),
				 errdetail("%s", NUMBER_RULES),
				 errhint("If the column holds labels, it is a dimension: name the dimension columns "
						 "with the argument dimensions.")));
	return value;
}

/* Decides the roles and appends a row per measure cell to the result set. */
void
ji_table_emit(FunctionCallInfo fcinfo, JiTable *table, Datum table_id, bool table_id_null,
			  ArrayType *dimensions)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum	   *measure_labels;
	int			area_col = -1;
	int			period_col = -1;
	int			row;
	int			col;
	const char *last_area = NULL;
	int			last_area_len = 0;
	Datum		kommune = (Datum) 0;
	bool		kommune_null = true;

	decide_roles(table, dimensions);
	measure_labels = palloc(sizeof(Datum) * Max(table->ncols, 1));
	for (col = 0; col < table->ncols; col++)
	{
		if (table->roles[col] == JI_AREA)
			area_col = col;
		else if (table->roles[col] == JI_PERIOD)
			period_col = col;
		else if (table->roles[col] == JI_MEASURE)
			measure_labels[col] = PointerGetDatum(ji_text_from_utf8(table->labels[col],
																	strlen(table->labels[col])));
	}

	for (row = 0; row < table->nrows; row++)
	{
		const JiCell *area = &table->rows[row][area_col];
		Datum		values[7];
		bool		nulls[7] = {false};

		/* rows come grouped by area: look an area up once per group */
		if (last_area == NULL || area->type != JI_STRING || area->len != last_area_len ||
			memcmp(area->str, last_area, area->len) != 0)
		{
			kommune = area_kommune(table, row, area_col, &kommune_null);
			last_area = area->str;
			last_area_len = area->len;
		}
		values[0] = table_id;
		nulls[0] = table_id_null;
		values[1] = PointerGetDatum(ji_text_from_utf8(area->str, area->len));
		values[2] = kommune;
		nulls[2] = kommune_null;
		values[3] = row_period(table, row, period_col);
		values[4] = row_dimensions(table, row);
		for (col = 0; col < table->ncols; col++)
		{
			if (table->roles[col] != JI_MEASURE)
				continue;
			values[5] = measure_labels[col];
			values[6] = measure_value(table, row, col, &nulls[6]);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
}

/* jobindsats_number(text): a number as jobindsats writes it; NULL when suppressed */
Datum
jobindsats_number(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	char	   *utf8 = ji_utf8_from_server(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input));
	Datum		result;

	switch (ji_parse_number(utf8, strlen(utf8), &result))
	{
		case JI_NUMBER_VALID:
			PG_RETURN_DATUM(result);
		case JI_NUMBER_MISSING:
			PG_RETURN_NULL();
		case JI_NUMBER_INVALID:
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid jobindsats number: \"%s\"", text_to_cstring(input)),
			 errdetail("%s", NUMBER_RULES)));
	PG_RETURN_NULL();
}
