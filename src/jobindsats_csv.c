/*
 * jobindsats_csv.c
 *		jobindsats_csv: the CSV of the jobindsats API and databank, one row
 *		per measure cell.
 *
 * The format: fields separated by semicolons, a field may be quoted ("...",
 * a quote inside written ""), so that it holds semicolons and line breaks;
 * lines end with LF or CRLF; a UTF-8 byte order mark and empty lines are
 * skipped.  The first line holds the columns' labels; every other line has
 * as many fields.  Numbers have a decimal comma.  What the cells mean is
 * decided in jobindsats.c.
 *
 * Text is already in the server encoding.  Bytes (the bytea form) are read
 * in the encoding given (UTF-8 unless told otherwise); bytes that are not
 * valid in it are an error naming the line, with a hint to the encoding
 * they probably are in.
 */
#include "postgres.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "jobindsats.h"

PG_FUNCTION_INFO_V1(jobindsats_csv_text);
PG_FUNCTION_INFO_V1(jobindsats_csv_bytea);

/* A position in a CSV document. */
typedef struct CsvReader
{
	const char *s;				/* UTF-8 */
	int			len;
	int			pos;
	int			line;			/* of pos, from 1 */
} CsvReader;

/* The line of a byte offset, for messages. */
static int
line_of(const char *s, int offset)
{
	int			line = 1;
	int			i;

	for (i = 0; i < offset; i++)
		line += s[i] == '\n';
	return line;
}

/* Steps over a line break at the reader's position, if there is one. */
static bool
skip_line_break(CsvReader *r)
{
	if (r->pos < r->len && r->s[r->pos] == '\r')
	{
		r->pos++;
		if (r->pos < r->len && r->s[r->pos] == '\n')
			r->pos++;
	}
	else if (r->pos < r->len && r->s[r->pos] == '\n')
		r->pos++;
	else
		return false;
	r->line++;
	return true;
}

/* Reads a quoted field whose opening quote is at the reader's position. */
static JiCell
read_quoted(CsvReader *r)
{
	StringInfoData buf;
	int			first_line = r->line;
	JiCell		cell = {JI_STRING};

	initStringInfo(&buf);
	r->pos++;
	for (;;)
	{
		char		c;

		if (r->pos >= r->len)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("unterminated quoted field in jobindsats CSV, line %d", first_line),
					 errdetail("A field that starts with a quote (\") ends with a quote; a quote inside it is written twice (\"\").")));
		c = r->s[r->pos++];
		if (c == '"')
		{
			if (r->pos < r->len && r->s[r->pos] == '"')
				r->pos++;
			else
				break;
		}
		else if (c == '\n' || (c == '\r' && (r->pos >= r->len || r->s[r->pos] != '\n')))
			r->line++;
		appendStringInfoChar(&buf, c);
	}
	if (r->pos < r->len && r->s[r->pos] != ';' && r->s[r->pos] != '\n' && r->s[r->pos] != '\r')
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("text after a closing quote in jobindsats CSV, line %d", r->line),
				 errdetail("A quoted field ends with its closing quote; a quote inside it is written twice (\"\").")));
	cell.str = buf.data;
	cell.len = buf.len;
	return cell;
}

/*
 * Reads the next record, skipping empty lines: its fields in *cells (a new
 * array) and its first line in *line; returns the number of fields, 0 at
 * the end.
 */
static int
read_record(CsvReader *r, JiCell **cells, int *line)
{
	int			n = 0;
	int			max = 16;

	while (r->pos < r->len && skip_line_break(r))
		;
	if (r->pos >= r->len)
		return 0;
	*line = r->line;
	*cells = palloc(sizeof(JiCell) * max);
	for (;;)
	{
		JiCell		cell = {JI_STRING};

		if (r->s[r->pos] == '"')
			cell = read_quoted(r);
		else
		{
			int			start = r->pos;

			while (r->pos < r->len && r->s[r->pos] != ';' && r->s[r->pos] != '\n' && r->s[r->pos] != '\r')
				r->pos++;
			cell.str = r->s + start;
			cell.len = r->pos - start;
		}
		if (n == max)
			*cells = repalloc(*cells, sizeof(JiCell) * (max *= 2));
		(*cells)[n++] = cell;
		if (r->pos < r->len && r->s[r->pos] == ';')
		{
			r->pos++;
			if (r->pos < r->len)
				continue;
			/* a semicolon at the very end: one more, empty field */
			cell.str = "";
			cell.len = 0;
			if (n == max)
				*cells = repalloc(*cells, sizeof(JiCell) * (max *= 2));
			(*cells)[n++] = cell;
		}
		skip_line_break(r);
		return n;
	}
}

/* The text of a JSON string member of an error reply ("cause": "..."), or NULL. */
static char *
json_member(const char *s, int len, const char *name)
{
	char	   *copy = pnstrdup(s, len);
	char	   *p = strstr(copy, name);
	char	   *end;

	if (p == NULL)
		return NULL;
	p += strlen(name);
	while (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p == '"')
	{
		end = ++p;
		while (*end != '\0' && (*end != '"' || end[-1] == '\\'))
			end++;
	}
	else
		for (end = p; isdigit((unsigned char) *end); end++)
			;
	return end > p ? ji_server_string(p, end - p) : NULL;
}

/* Reports documents that are no CSV: the wrong-key reply, HTML, JSON. */
static void
check_csv_document(const char *s, int len)
{
	int			start = 0;

	ji_check_not_data(s, len, "CSV");
	while (start < len && isspace((unsigned char) s[start]))
		start++;
	if (start == len)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the jobindsats CSV document is empty")));
	if (s[start] == '{' || s[start] == '[')
	{
		char	   *cause = json_member(s, len, "\"cause\"");

		if (cause != NULL)
		{
			char	   *code = json_member(s, len, "\"code\"");

			ji_report_api_error(code ? code : "(no code)", cause);
		}
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the document is JSON, not jobindsats CSV"),
				 errhint("Read a JSON reply with jobindsats_json(doc::jsonb).")));
	}
}

/* Reads a CSV document (UTF-8) into the result set. */
static void
read_csv(FunctionCallInfo fcinfo, const char *s, int len)
{
	CsvReader	reader = {s, len, 0, 1};
	JiTable    *table;
	JiCell	   *cells;
	int			line;
	int			n;
	int			col;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		reader.pos = 3;
	check_csv_document(s + reader.pos, len - reader.pos);

	n = read_record(&reader, &cells, &line);
	if (n == 1 && (strchr(pnstrdup(cells[0].str, cells[0].len), ',') != NULL ||
				   strchr(pnstrdup(cells[0].str, cells[0].len), '\t') != NULL))
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the header of jobindsats CSV, line %d, has no semicolons", line),
				 errdetail("It is separated by %s.",
						   strchr(pnstrdup(cells[0].str, cells[0].len), '\t') ? "tabs" : "commas"),
				 errhint("jobindsats CSV separates fields with semicolons (;); convert the file first.")));
	table = ji_table_new("CSV", "line", n);
	for (col = 0; col < n; col++)
		table->labels[col] = pnstrdup(cells[col].str, cells[col].len);

	while ((n = read_record(&reader, &cells, &line)) > 0)
	{
		if (n != table->ncols)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("line %d of jobindsats CSV has %d fields, the header has %d",
							line, n, table->ncols),
					 errdetail("Fields are separated by semicolons; a field that holds a semicolon "
							   "or a line break is quoted (\"...\").")));
		ji_table_add_row(table, cells, line);
	}

	ji_table_emit(fcinfo, table, PG_GETARG_DATUM(1), PG_ARGISNULL(1),
				  PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2));
}

/* jobindsats_csv(doc text, table_id, dimensions): a row per measure cell */
Datum
jobindsats_csv_text(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		text	   *doc = PG_GETARG_TEXT_PP(0);
		char	   *utf8 = ji_utf8_from_server(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc));

		read_csv(fcinfo, utf8, strlen(utf8));
	}
	return (Datum) 0;
}

/* Bytes in an encoding as UTF-8, or an error saying where they are not valid. */
static char *
bytes_to_utf8(const char *data, int len, const char *encoding_name)
{
	int			encoding = pg_char_to_encoding(encoding_name);
	const char *nul = memchr(data, '\0', len);
	int			valid;

	if (encoding < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown encoding \"%s\"", encoding_name),
				 errhint("Give an encoding name PostgreSQL knows, e.g. UTF8, LATIN1 or WIN1252.")));
	if (len >= 2 && (((unsigned char) data[0] == 0xFF && (unsigned char) data[1] == 0xFE) ||
					 ((unsigned char) data[0] == 0xFE && (unsigned char) data[1] == 0xFF)))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("jobindsats CSV is in UTF-16"),
				 errdetail("It starts with a UTF-16 byte order mark."),
				 errhint("Save the file as UTF-8.")));
	if (nul != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("jobindsats CSV holds a NUL byte, line %d", line_of(data, nul - data)),
				 errhint("A text file has no NUL bytes: is this a spreadsheet or a UTF-16 file?")));
	if (encoding != PG_UTF8 && encoding != PG_SQL_ASCII)
		return (char *) pg_do_encoding_conversion((unsigned char *) pnstrdup(data, len), len,
												  encoding, PG_UTF8);
	valid = pg_encoding_verifymbstr(PG_UTF8, data, len);
	if (valid < len)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("jobindsats CSV is not valid UTF-8: line %d has the byte 0x%02x",
						line_of(data, valid), (unsigned char) data[valid]),
				 errdetail("Letters such as %s written in ISO-8859-1 or Windows-1252 (0xF8 for %s) are not UTF-8.",
						   ji_server_string("\xC3\xA6, \xC3\xB8 and \xC3\xA5", 13),
						   ji_server_string("\xC3\xB8", 2)),
				 errhint("If the file is in ISO-8859-1 or Windows-1252, give encoding => 'LATIN1' or 'WIN1252'.")));
	return pnstrdup(data, len);
}

/* jobindsats_csv(doc bytea, table_id, dimensions, encoding): the same, from bytes */
Datum
jobindsats_csv_bytea(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		bytea	   *doc = PG_GETARG_BYTEA_PP(0);
		char	   *utf8 = bytes_to_utf8(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc),
										 PG_ARGISNULL(3) ? "UTF8" : text_to_cstring(PG_GETARG_TEXT_PP(3)));

		read_csv(fcinfo, utf8, strlen(utf8));
	}
	return (Datum) 0;
}
