/*
 * jobindsats_core.c
 *		The reading of jobindsats downloads without PostgreSQL (see
 *		jobindsats_core.h): documents as tables of cells, their headers, the
 *		decision of what each column holds, and numbers.
 *
 * CSV (the API's and the databank's): fields separated by semicolons, a
 * field may be quoted ("...", a quote inside written ""), so that it holds
 * semicolons and line breaks; lines end with LF or CRLF; a UTF-8 byte order
 * mark and empty lines are skipped.  The first line holds the columns'
 * labels; every other line has as many fields.  A row's number is the line
 * its record starts on.
 *
 * JSON, one of:
 *
 *	- API v3: {"columns": [labels], "rows": [[...], ...]};
 *	- API v2: a list of objects {"Variables": [{"Name": ..., "Label": ...},
 *	  ...], "Data": [[...], ...]} (or one such object), each data row in the
 *	  order of Variables; the variable named area is the area, period the
 *	  period, names that start with _ (_kon) are dimensions, every other
 *	  name a measure; columns are labelled by Label; every element is a
 *	  table of its own;
 *	- records: a list of objects keyed by label, [{"Area": ..., "Periode":
 *	  ..., "<label>": ...}, ...] (pandas' to_json(orient='records')): the
 *	  first object's keys, in their order, are the columns, and every other
 *	  object has the same keys;
 *	- JSON lines: such objects one a line (to_json(orient='records',
 *	  lines=True)).
 *
 * A row's number is its place in the list of rows (from 1), or the line its
 * object starts on in JSON lines.  An object the reader interprets (the
 * reply, an element, a variable, a record) must not hold a key twice.  An
 * error reply of the API ({"code": 422, "cause": "..."}) is an error giving
 * its cause.  The whole document is checked to be JSON.
 *
 * The roles of the columns:
 *
 *	- the area column is labelled Area (API v2) or Område (v3 and the
 *	  databank), the period column Period or Periode (ASCII letters in any
 *	  case);
 *	- the v2 JSON names its dimensions (_kon, ...) and measures;
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
 * Numbers (measure cells, and jobindsats_number as a column of one cell):
 *
 *	- white space (also no-break spaces) around the number is ignored; an
 *	  empty text, "-", ".." or "." is a suppressed or missing value;
 *	- a sign (+, - or U+2212) may come first;
 *	- with a decimal comma (7,17): at most one comma; thousands may be
 *	  separated by dots or by spaces (one kind), in groups of three after a
 *	  first group of one to three digits that does not start with 0
 *	  (1.234.567,5; 1 234 567,5);
 *	- with a decimal point (7.17): at most one point; thousands may be
 *	  separated by spaces only;
 *	- a column is read with one decimal mark: the one the caller says, else
 *	  the one its cells agree on.  A cell such as 7,17 or 1.234.567 reads only
 *	  with a decimal comma, 7.17 or 0.125 only with a decimal point, 7.175 or
 *	  1.234 both ways (7175 or 7.175): the column is read with a decimal point
 *	  when a cell reads only so, else with a decimal comma (jobindsats writes
 *	  decimal commas), and a column with cells of both kinds is an error
 *	  naming two rows that disagree;
 *	- anything else is not a number.  The value keeps the digits written
 *	  (2,80 is 2.80).  JSON numbers are numbers as JSON writes them.
 *
 * Text garbled by a wrong encoding (UTF-8 read as ISO-8859-1 or
 * Windows-1252: "SÃ¸nderborg"; or U+FFFD for bytes that were not UTF-8) in
 * a label is an error.
 */
#include "jobindsats_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

JiInterruptHook ji_interrupt_hook = NULL;

#define GARBLED_DETAIL \
	"\"\xC3\x83\" followed by another non-ASCII character is UTF-8 read as ISO-8859-1 or " \
	"Windows-1252 (\"S\xC3\x83\xC2\xB8nderborg\" for \"S\xC3\xB8nderborg\"); U+FFFD stands for " \
	"bytes that were not UTF-8."
#define GARBLED_HINT \
	"Load the file with its real encoding, or pass its bytes with the encoding argument, e.g. " \
	"jobindsats_csv(pg_read_binary_file(...), encoding => 'LATIN1')."
#define SHAPES_HINT \
	"A reply is an object {\"columns\": ..., \"rows\": ...} (API v3), a list [{\"Variables\": ..., " \
	"\"Data\": ...}] (API v2), a list of records [{\"Area\": ..., \"Periode\": ..., ...}] or JSON " \
	"lines (one such record a line)."

/* Bytes of a long field or string between two interrupt checks. */
#define BYTES_PER_CHECK 65536

/* Sets an error (see jobindsats_core.h). */
JiStatus
ji_error(JiError *error, JiStatus status, const char *detail, const char *hint, const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	vsnprintf(error->message, sizeof(error->message), fmt, args);
	va_end(args);
	snprintf(error->detail, sizeof(error->detail), "%s", detail ? detail : "");
	snprintf(error->hint, sizeof(error->hint), "%s", hint ? hint : "");
	error->status = status;
	return status;
}

/* Copies a bounded excerpt (see jobindsats_core.h). */
void
ji_excerpt(const char *s, size_t len, char *out, size_t out_size)
{
	size_t		max = out_size > 4 ? out_size - 4 : 0;
	size_t		n = len;
	bool		cut = false;

	if (max > JI_EXCERPT_MAX)
		max = JI_EXCERPT_MAX;
	if (n > max)
	{
		n = max;
		cut = true;
		while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	if (cut)
	{
		memcpy(out + n, "\xE2\x80\xA6", 3);
		n += 3;
	}
	out[n] = '\0';
}

/* ---------------------------------------------------------------- numbers */

/* The width of the white space at the start of s (ASCII, U+00A0, U+202F), or 0. */
static int
space_width(const unsigned char *s, size_t n)
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
trailing_space_width(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		return 1;
	if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)
		return 2;
	if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xAF)
		return 3;
	return 0;
}

/*
 * Reads s as a number with a decimal mark (see the file header):
 * JI_NUMBER_MISSING, JI_NUMBER_INVALID, or JI_NUMBER_PLAIN for a number,
 * written as ASCII into out when out is not NULL.
 */
static JiNumberKind
read_number(const char *str, size_t len, char mark, char *out)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		start = 0;
	size_t		end = len;
	size_t		i;
	size_t		frac_start = 0;
	size_t		group = 0;
	size_t		groups = 0;
	size_t		int_digits = 0;
	char		sep = 0;
	unsigned char first_digit = 0;
	bool		negative = false;
	bool		fraction = false;
	int			w;

	while (start < end && (w = space_width(s + start, end - start)) > 0)
		start += w;
	while (end > start && (w = trailing_space_width(s + start, end - start)) > 0)
		end -= w;
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

	/* the integer part: digits, perhaps in groups of three */
	for (i = start; i < end;)
	{
		char		this_sep;

		if (s[i] >= '0' && s[i] <= '9')
		{
			if (int_digits++ == 0)
				first_digit = s[i];
			group++;
			i++;
			continue;
		}
		if (s[i] == (unsigned char) mark)
			break;
		w = space_width(s + i, end - i);
		this_sep = w > 0 ? ' ' : (s[i] == '.' && mark == ',') ? '.' : 0;
		if (this_sep == 0 || (sep != 0 && this_sep != sep) || group == 0 ||
			(groups == 0 ? group > 3 : group != 3))
			return JI_NUMBER_INVALID;
		sep = this_sep;
		groups++;
		group = 0;
		i += w > 0 ? w : 1;
	}
	if (groups > 0 && (group != 3 || first_digit == '0'))
		return JI_NUMBER_INVALID;

	/* the fraction: digits after the mark */
	if (i < end)
	{
		fraction = true;
		frac_start = ++i;
		while (i < end && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i < end || i == frac_start)
			return JI_NUMBER_INVALID;
	}
	else if (int_digits == 0)
		return JI_NUMBER_INVALID;

	if (out != NULL)
	{
		size_t		n = 0;

		if (negative)
			out[n++] = '-';
		for (i = start; i < end && s[i] != (unsigned char) mark; i++)
			if (s[i] >= '0' && s[i] <= '9')
				out[n++] = (char) s[i];
		if (int_digits == 0)
			out[n++] = '0';
		if (fraction)
		{
			out[n++] = '.';
			memcpy(out + n, s + frac_start, end - frac_start);
			n += end - frac_start;
		}
		out[n] = '\0';
	}
	return JI_NUMBER_PLAIN;
}

/* How a text reads with each decimal mark (see jobindsats_core.h). */
JiNumberKind
ji_number_kind(const char *s, size_t len)
{
	JiNumberKind comma = read_number(s, len, ',', NULL);
	bool		point;

	if (comma == JI_NUMBER_MISSING)
		return JI_NUMBER_MISSING;
	point = read_number(s, len, '.', NULL) == JI_NUMBER_PLAIN;
	if (comma != JI_NUMBER_PLAIN)
		return point ? JI_NUMBER_POINT : JI_NUMBER_INVALID;
	if (!point)
		return JI_NUMBER_COMMA;
	return memchr(s, '.', len) != NULL ? JI_NUMBER_EITHER : JI_NUMBER_PLAIN;
}

/* Reads a number with a decimal mark (see jobindsats_core.h). */
JiNumberKind
ji_number_read(const char *s, size_t len, char mark, char *out)
{
	return read_number(s, len, mark, out);
}

/* The mark of a column of one cell: a decimal point only when the cell reads only so. */
char
ji_number_mark_alone(JiNumberKind kind)
{
	return kind == JI_NUMBER_POINT ? '.' : ',';
}

/* Whether UTF-8 text looks garbled by a wrong encoding. */
bool
ji_looks_garbled(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i;

	for (i = 0; i + 2 < len; i++)
		if ((s[i] == 0xC3 && s[i + 1] == 0x83 && s[i + 2] >= 0x80) ||
			(s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD))
			return true;
	return false;
}

/* ------------------------------------------------------------- utilities */

/* Whether s[0, len) equals the NUL-terminated name, ASCII letters compared without case. */
static bool
equals_ascii_nocase(const char *s, size_t len, const char *name)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		char		a = s[i];
		char		b = name[i];

		if (b == '\0')
			return false;
		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return false;
	}
	return name[len] == '\0';
}

/* FNV-1a of a byte string. */
static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t	h = UINT64_C(14695981039346656037);
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= UINT64_C(1099511628211);
	}
	return h;
}

/* Room for more bytes in the reader's scratch buffer. */
static void
scratch_reserve(JiReader *r, size_t more)
{
	size_t		size = r->scratch_size > 0 ? r->scratch_size : 256;

	if (r->scratch != NULL && r->scratch_len + more <= r->scratch_size)
		return;
	while (size < r->scratch_len + more)
		size *= 2;
	r->scratch = r->scratch == NULL ? r->mem->alloc(r->mem->ctx, size) :
		r->mem->grow(r->mem->ctx, r->scratch, r->scratch_size, size);
	r->scratch_size = size;
}

/* Appends bytes to the scratch buffer. */
static void
scratch_append(JiReader *r, const char *s, size_t n)
{
	scratch_reserve(r, n);
	memcpy(r->scratch + r->scratch_len, s, n);
	r->scratch_len += n;
}

/* Counts a step of a loop and checks for interrupts now and then. */
static inline void
step(JiReader *r)
{
	ji_check_interrupts(++r->steps);
}

/* Lines (LF, or CR not before LF) in s[0, n), given whether the byte after it is LF. */
static int64_t
count_lines(const char *s, size_t n, bool lf_after)
{
	int64_t		lines = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 < n ? s[i + 1] != '\n' : !lf_after)))
			lines++;
	return lines;
}

/* The first line of a text, for messages. */
static void
first_line(const char *s, size_t len, char *out, size_t out_size)
{
	size_t		n = 0;

	while (n < len && n <= JI_EXCERPT_MAX && s[n] != '\n' && s[n] != '\r')
		n++;
	ji_excerpt(s, n, out, out_size);
}

/*
 * Reports the replies the jobindsats API gives instead of data, when a
 * document (leading white space skipped) is one: the wrong-key text and an
 * HTML page.
 */
static JiStatus
check_not_data(const char *s, size_t len, const char *format, JiError *error)
{
	static const char wrong_key[] = "Forkert n\xC3\xB8gle";
	char		line[JI_EXCERPT_MAX + 8];
	size_t		start = 0;
	int			w;

	while (start < len && (w = space_width((const unsigned char *) s + start, len - start)) > 0)
		start += w;
	s += start;
	len -= start;
	if (len >= strlen(wrong_key) && memcmp(s, wrong_key, strlen(wrong_key)) == 0)
	{
		first_line(s, len, line, sizeof(line));
		return ji_error(error, JI_ERR_KEY,
						"The document is the API's answer to a wrong or expired key, not data.",
						"Download the data again with a valid key in the Authorization header.",
						"the jobindsats API refused the key: \"%s\"", line);
	}
	if (len > 0 && s[0] == '<')
	{
		char		detail[JI_EXCERPT_MAX + 64];
		size_t		i;

		first_line(s, len, line, sizeof(line));
		snprintf(detail, sizeof(detail), "It starts with \"%s\".", line);
		for (i = 0; i + 7 <= len; i++)
		{
			if (memcmp(s + i, "<title>", 7) == 0 || memcmp(s + i, "<TITLE>", 7) == 0)
			{
				size_t		end = i + 7;

				while (end + 8 <= len && memcmp(s + end, "</title>", 8) != 0 &&
					   memcmp(s + end, "</TITLE>", 8) != 0)
					end++;
				if (end + 8 <= len)
				{
					ji_excerpt(s + i + 7, end - i - 7, line, sizeof(line));
					snprintf(detail, sizeof(detail), "The page's title is \"%s\".", line);
				}
				break;
			}
		}
		return ji_error(error, JI_ERR_SHAPE, detail,
						"The API or a proxy answered with a web page (a login, an error or a "
						"maintenance page): check the address and the key of the request.",
						"the document is an HTML page, not jobindsats %s data", format);
	}
	return JI_OK;
}

/* -------------------------------------------------------------- the header */

/* Where a row is, for messages: "line 5", "element 2, row 3". */
static void
row_where(const JiReader *r, int64_t row, char *out, size_t out_size)
{
	snprintf(out, out_size, "%s%s %lld", r->part, r->row_word, (long long) row);
}

/* The format's name, for messages. */
static const char *
format_name(const JiReader *r)
{
	return r->format == JI_FORMAT_CSV ? "CSV" : "JSON";
}

/* The labels of the current table for messages (see jobindsats_core.h). */
void
ji_header_list(const JiReader *r, char *out, size_t out_size)
{
	size_t		n = 0;
	int			col;

	out[0] = '\0';
	for (col = 0; col < r->ncols; col++)
	{
		char		label[JI_EXCERPT_MAX + 8];
		size_t		len;

		ji_excerpt(r->labels[col], r->label_lens[col], label, 64 + 4);
		len = strlen(label);
		if (n + len + 2 > 300 || n + len + 64 > out_size)
		{
			snprintf(out + n, out_size - n, "%s\xE2\x80\xA6 (%d columns)", col > 0 ? "; " : "", r->ncols);
			return;
		}
		n += snprintf(out + n, out_size - n, "%s%s", col > 0 ? "; " : "", label);
	}
}

/* The column of a label (see jobindsats_core.h). */
int
ji_column_of(const JiReader *r, const char *label, size_t len)
{
	size_t		slot;

	if (r->index.slots == NULL)
		return -1;
	for (slot = hash_bytes(label, len) & r->index.mask;; slot = (slot + 1) & r->index.mask)
	{
		int			col = r->index.slots[slot] - 1;

		if (col < 0)
			return -1;
		if (r->label_lens[col] == len && memcmp(r->labels[col], label, len) == 0)
			return col;
	}
}

/* Adds column col to the label index; the column already labelled so, or -1. */
static int
index_add(JiReader *r, int col)
{
	size_t		slot;

	for (slot = hash_bytes(r->labels[col], r->label_lens[col]) & r->index.mask;;
		 slot = (slot + 1) & r->index.mask)
	{
		int			other = r->index.slots[slot] - 1;

		if (other < 0)
		{
			r->index.slots[slot] = col + 1;
			return -1;
		}
		if (r->label_lens[other] == r->label_lens[col] &&
			memcmp(r->labels[other], r->labels[col], r->label_lens[col]) == 0)
			return other;
	}
}

/* Room for a header of up to ncols columns, with no labels yet. */
static void
header_reserve(JiReader *r, int ncols)
{
	size_t		n = ncols > 0 ? (size_t) ncols : 1;
	size_t		slots = 16;

	r->ncols = 0;
	r->labels = r->mem->alloc(r->mem->ctx, n * sizeof(char *));
	r->label_lens = r->mem->alloc(r->mem->ctx, n * sizeof(size_t));
	r->roles = r->mem->alloc(r->mem->ctx, n * sizeof(JiColumnRole));
	r->cells = r->mem->alloc(r->mem->ctx, n * sizeof(JiCell));
	while (slots < 2 * n)
		slots *= 2;
	r->index.slots = r->mem->alloc(r->mem->ctx, slots * sizeof(int32_t));
	memset(r->index.slots, 0, slots * sizeof(int32_t));
	r->index.mask = slots - 1;
	r->seen = NULL;
	r->rows_read = 0;
}

/* Appends a label (copied) to a header whose room header_reserve made. */
static void
header_add(JiReader *r, const char *label, size_t len, JiColumnRole role)
{
	char	   *copy = r->mem->alloc(r->mem->ctx, len + 1);

	memcpy(copy, label, len);
	copy[len] = '\0';
	r->labels[r->ncols] = copy;
	r->label_lens[r->ncols] = len;
	r->roles[r->ncols] = role;
	r->ncols++;
}

/* Checks the header: labels present, distinct, not garbled; one area and one period column. */
static JiStatus
check_header(JiReader *r)
{
	static const char *const area_labels[] = {"Area", "Omr\xC3\xA5" "de", "OMR\xC3\x85" "DE", NULL};
	static const char *const period_labels[] = {"Period", "Periode", NULL};
	char		label[JI_EXCERPT_MAX + 8];
	char		other_label[JI_EXCERPT_MAX + 8];
	char		list[1024];
	int			area = -1;
	int			period = -1;
	int			col;

	for (col = 0; col < r->ncols; col++)
	{
		const char *s = r->labels[col];
		size_t		len = r->label_lens[col];
		int			other;
		int			i;

		step(r);
		ji_excerpt(s, len, label, sizeof(label));
		if (ji_looks_garbled(s, len))
			return ji_error(r->error, JI_ERR_ENCODING, GARBLED_DETAIL, GARBLED_HINT,
							"text garbled by a wrong character encoding in jobindsats %s, %sthe header, column %d: \"%s\"",
							format_name(r), r->part, col + 1, label);
		if (len == 0)
		{
			char		detail[1100];

			ji_header_list(r, list, sizeof(list));
			snprintf(detail, sizeof(detail), "The columns are: %s.", list);
			return ji_error(r->error, JI_ERR_SHAPE, detail, NULL,
							"column %d of jobindsats %s data has no label", col + 1, format_name(r));
		}
		other = index_add(r, col);
		if (other >= 0)
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
							"columns %d and %d of jobindsats %s data are both labelled \"%s\"",
							other + 1, col + 1, format_name(r), label);
		for (i = 0; r->roles[col] == JI_UNDECIDED && area_labels[i] != NULL; i++)
			if (equals_ascii_nocase(s, len, area_labels[i]))
				r->roles[col] = JI_AREA;
		for (i = 0; r->roles[col] == JI_UNDECIDED && period_labels[i] != NULL; i++)
			if (equals_ascii_nocase(s, len, period_labels[i]))
				r->roles[col] = JI_PERIOD;
		if (r->roles[col] == JI_AREA || r->roles[col] == JI_PERIOD)
		{
			int		   *found = r->roles[col] == JI_AREA ? &area : &period;

			if (*found >= 0)
			{
				ji_excerpt(r->labels[*found], r->label_lens[*found], other_label, sizeof(other_label));
				return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
								"jobindsats %s data has two %s columns, \"%s\" and \"%s\"", format_name(r),
								r->roles[col] == JI_AREA ? "area" : "period", other_label, label);
			}
			*found = col;
		}
	}
	if (area < 0 || period < 0)
	{
		char		detail[1100];

		ji_header_list(r, list, sizeof(list));
		snprintf(detail, sizeof(detail), "The columns are: %s.", list);
		return ji_error(r->error, JI_ERR_SHAPE, detail,
						area < 0 ?
						"The area column is labelled Area (API v2) or Omr\xC3\xA5" "de (API v3 and the databank)." :
						"The period column is labelled Period or Periode.",
						"jobindsats %s data has no %s column", format_name(r), area < 0 ? "area" : "period");
	}
	return JI_OK;
}

/* Points the current row's cells that were unescaped at the scratch buffer. */
static void
settle_cells(JiReader *r)
{
	int			col;

	for (col = 0; col < r->ncols; col++)
		if (r->cells[col].scratch_at != SIZE_MAX)
			r->cells[col].str = r->scratch + r->cells[col].scratch_at;
}

/* ------------------------------------------------------------------- CSV */

/* Steps over a line break at the reader's position, if there is one. */
static bool
csv_line_break(JiReader *r)
{
	if (r->pos < r->len && r->doc[r->pos] == '\r')
	{
		r->pos++;
		if (r->pos < r->len && r->doc[r->pos] == '\n')
			r->pos++;
	}
	else if (r->pos < r->len && r->doc[r->pos] == '\n')
		r->pos++;
	else
		return false;
	r->line++;
	return true;
}

/* Reads a quoted field whose opening quote is at the reader's position, unescaped into scratch. */
static JiStatus
csv_quoted(JiReader *r, JiCell *cell)
{
	int64_t		first = r->line;

	cell->type = JI_STRING;
	cell->scratch_at = r->scratch_len;
	r->pos++;
	for (;;)
	{
		const char *quote;
		size_t		n;

		step(r);
		quote = memchr(r->doc + r->pos, '"', r->len - r->pos);
		if (quote == NULL)
			return ji_error(r->error, JI_ERR_SHAPE,
							"A field that starts with a quote (\") ends with a quote; a quote inside it is written twice (\"\").",
							NULL, "unterminated quoted field in jobindsats CSV, line %lld", (long long) first);
		n = quote - (r->doc + r->pos);
		scratch_append(r, r->doc + r->pos, n);
		r->line += count_lines(r->doc + r->pos, n, false);
		r->pos += n + 1;
		if (r->pos < r->len && r->doc[r->pos] == '"')
		{
			scratch_append(r, "\"", 1);
			r->pos++;
			continue;
		}
		break;
	}
	cell->len = r->scratch_len - cell->scratch_at;
	if (r->pos < r->len && r->doc[r->pos] != ';' && r->doc[r->pos] != '\n' && r->doc[r->pos] != '\r')
		return ji_error(r->error, JI_ERR_SHAPE,
						"A quoted field ends with its closing quote; a quote inside it is written twice (\"\").",
						NULL, "text after a closing quote in jobindsats CSV, line %lld", (long long) r->line);
	return JI_OK;
}

/* Reads an unquoted field at the reader's position. */
static void
csv_plain(JiReader *r, JiCell *cell)
{
	size_t		start = r->pos;

	while (r->pos < r->len)
	{
		char		c = r->doc[r->pos];

		if (c == ';' || c == '\n' || c == '\r')
			break;
		if ((++r->pos - start) % BYTES_PER_CHECK == 0)
			step(r);
	}
	cell->type = JI_STRING;
	cell->str = r->doc + start;
	cell->len = r->pos - start;
	cell->scratch_at = SIZE_MAX;
}

/*
 * Reads the next record, skipping empty lines: its first *cap fields into
 * *cells (grown when grow is true), their number in *n; *found false at the
 * end of the document.
 */
static JiStatus
csv_record(JiReader *r, JiCell **cells, int *cap, bool grow, int *n, bool *found)
{
	while (r->pos < r->len && csv_line_break(r))
		step(r);
	*found = r->pos < r->len;
	*n = 0;
	if (!*found)
		return JI_OK;
	r->scratch_len = 0;
	r->row_number = r->line;
	for (;;)
	{
		JiCell		cell;
		JiStatus	status;

		step(r);
		if (r->pos < r->len && r->doc[r->pos] == '"')
		{
			if ((status = csv_quoted(r, &cell)) != JI_OK)
				return status;
		}
		else
			csv_plain(r, &cell);
		if (*n == *cap && grow)
		{
			int			new_cap = *cap > 0 ? 2 * *cap : 16;

			*cells = *cap > 0 ? r->mem->grow(r->mem->ctx, *cells, *cap * sizeof(JiCell), new_cap * sizeof(JiCell)) :
				r->mem->alloc(r->mem->ctx, new_cap * sizeof(JiCell));
			*cap = new_cap;
		}
		if (*n < *cap)
			(*cells)[*n] = cell;
		if (*n == INT32_MAX - 1)
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
							"line %lld of jobindsats CSV has too many fields", (long long) r->row_number);
		(*n)++;
		if (r->pos < r->len && r->doc[r->pos] == ';')
		{
			r->pos++;
			continue;
		}
		csv_line_break(r);
		return JI_OK;
	}
}

static JiStatus json_api_error(JiReader *r);

/* Reports documents that are no CSV: the wrong-key reply, HTML, JSON, nothing. */
static JiStatus
csv_check_document(JiReader *r)
{
	JiStatus	status = check_not_data(r->doc + r->pos, r->len - r->pos, "CSV", r->error);
	size_t		start = r->pos;

	if (status != JI_OK)
		return status;
	while (start < r->len && space_width((const unsigned char *) r->doc + start, r->len - start) > 0)
		start += space_width((const unsigned char *) r->doc + start, r->len - start);
	if (start == r->len)
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "the jobindsats CSV document is empty");
	if (r->doc[start] == '{' || r->doc[start] == '[')
	{
		if (r->doc[start] == '{')
		{
			JiReader	json = *r;

			json.format = JI_FORMAT_JSON;
			json.pos = start;
			if (json_api_error(&json) == JI_ERR_API)
				return JI_ERR_API;
		}
		return ji_error(r->error, JI_ERR_SHAPE, NULL, "Read a JSON reply with jobindsats_json(doc).",
						"the document is JSON, not jobindsats CSV");
	}
	return JI_OK;
}

/* Reads the header of a CSV document. */
static JiStatus
csv_header(JiReader *r, bool *found)
{
	JiCell	   *fields = NULL;
	int			cap = 0;
	int			n;
	int			col;
	JiStatus	status;

	if (r->len - r->pos >= 3 && memcmp(r->doc + r->pos, "\xEF\xBB\xBF", 3) == 0)
		r->pos += 3;
	if ((status = csv_check_document(r)) != JI_OK ||
		(status = csv_record(r, &fields, &cap, true, &n, found)) != JI_OK)
		return status;
	if (n == 1)
	{
		const JiCell *only = &fields[0];
		const char *s = only->scratch_at != SIZE_MAX ? r->scratch + only->scratch_at : only->str;
		bool		tabs = memchr(s, '\t', only->len) != NULL;

		if (tabs || memchr(s, ',', only->len) != NULL)
			return ji_error(r->error, JI_ERR_SHAPE,
							tabs ? "It is separated by tabs." : "It is separated by commas.",
							"jobindsats CSV separates fields with semicolons (;); convert the file first.",
							"the header of jobindsats CSV, line %lld, has no semicolons", (long long) r->row_number);
	}
	header_reserve(r, n);
	for (col = 0; col < n; col++)
		header_add(r, fields[col].scratch_at != SIZE_MAX ? r->scratch + fields[col].scratch_at : fields[col].str,
				   fields[col].len, JI_UNDECIDED);
	r->row_word = "line";
	return check_header(r);
}

/* Reads the next CSV row. */
static JiStatus
csv_row(JiReader *r, bool *found)
{
	int			cap = r->ncols;
	int			n;
	JiStatus	status = csv_record(r, &r->cells, &cap, false, &n, found);

	if (status != JI_OK || !*found)
		return status;
	if (n != r->ncols)
		return ji_error(r->error, JI_ERR_SHAPE,
						"Fields are separated by semicolons; a field that holds a semicolon or a line break is quoted (\"...\").",
						NULL, "line %lld of jobindsats CSV has %d fields, the header has %d",
						(long long) r->row_number, n, r->ncols);
	settle_cells(r);
	return JI_OK;
}

/* ------------------------------------------------------------------- JSON */

typedef enum JsonToken
{
	JT_END,
	JT_OBJECT_START,
	JT_OBJECT_END,
	JT_ARRAY_START,
	JT_ARRAY_END,
	JT_COLON,
	JT_COMMA,
	JT_STRING,
	JT_NUMBER,
	JT_TRUE,
	JT_FALSE,
	JT_NULL
} JsonToken;

/* A token: a string's text (unescaped, in scratch when it had escapes) or a number's. */
typedef struct JsonTok
{
	JsonToken	type;
	const char *str;
	size_t		len;
	size_t		scratch_at;		/* SIZE_MAX when str points into the document */
	size_t		start;			/* where in the document */
	int64_t		line;
} JsonTok;

/* What a value that starts with a token is, for messages. */
static const char *
json_kind(JsonToken type)
{
	switch (type)
	{
		case JT_OBJECT_START:
			return "an object";
		case JT_ARRAY_START:
			return "an array";
		case JT_STRING:
			return "a string";
		case JT_NUMBER:
			return "a number";
		case JT_TRUE:
			return "true";
		case JT_FALSE:
			return "false";
		case JT_NULL:
			return "null";
		default:
			return "no value";
	}
}

/* Reports invalid JSON at the reader's position. */
static JiStatus
json_syntax_error(JiReader *r, size_t at, int64_t line, const char *what)
{
	char		excerpt[64];
	size_t		n = 0;

	if (at >= r->len)
		return ji_error(r->error, JI_ERR_SYNTAX, "The document ends there.", NULL,
						"invalid JSON in jobindsats JSON, line %lld: %s", (long long) line, what);
	while (at + n < r->len && n < 40 && r->doc[at + n] != '\n' && r->doc[at + n] != '\r')
		n++;
	ji_excerpt(r->doc + at, n, excerpt, sizeof(excerpt));
	{
		char		detail[128];

		snprintf(detail, sizeof(detail), "It reads \"%s\" there.", excerpt);
		return ji_error(r->error, JI_ERR_SYNTAX, detail, NULL,
						"invalid JSON in jobindsats JSON, line %lld: %s", (long long) line, what);
	}
}

/* The value of a hex digit, or -1. */
static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The code unit of a \uXXXX escape at s (6 bytes available), or -1. */
static long
unicode_escape(const char *s)
{
	long		value = 0;
	int			i;

	for (i = 2; i < 6; i++)
	{
		int			h = hex_value(s[i]);

		if (h < 0)
			return -1;
		value = value * 16 + h;
	}
	return value;
}

/* Appends a code point as UTF-8 to the scratch buffer. */
static void
append_utf8(JiReader *r, long cp)
{
	char		buf[4];
	size_t		n;

	if (cp < 0x80)
	{
		buf[0] = (char) cp;
		n = 1;
	}
	else if (cp < 0x800)
	{
		buf[0] = (char) (0xC0 | (cp >> 6));
		buf[1] = (char) (0x80 | (cp & 0x3F));
		n = 2;
	}
	else if (cp < 0x10000)
	{
		buf[0] = (char) (0xE0 | (cp >> 12));
		buf[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char) (0x80 | (cp & 0x3F));
		n = 3;
	}
	else
	{
		buf[0] = (char) (0xF0 | (cp >> 18));
		buf[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	scratch_append(r, buf, n);
}

/* Reads a string token whose opening quote is at the reader's position. */
static JiStatus
json_string(JiReader *r, JsonTok *tok)
{
	size_t		i = r->pos + 1;
	size_t		run = i;
	bool		escaped = false;

	tok->type = JT_STRING;
	for (;; i++)
	{
		unsigned char c;

		if (i >= r->len)
			return json_syntax_error(r, tok->start, tok->line, "a string without its closing quote");
		if ((i - tok->start) % BYTES_PER_CHECK == 0)
			step(r);
		c = (unsigned char) r->doc[i];
		if (c == '"')
			break;
		if (c < 0x20)
			return json_syntax_error(r, i, r->line, "a control character inside a string");
		if (c != '\\')
			continue;
		if (!escaped)
		{
			escaped = true;
			tok->scratch_at = r->scratch_len;
		}
		scratch_append(r, r->doc + run, i - run);
		if (i + 1 >= r->len)
			return json_syntax_error(r, tok->start, tok->line, "a string without its closing quote");
		switch (r->doc[i + 1])
		{
			case '"':
			case '\\':
			case '/':
				scratch_append(r, r->doc + i + 1, 1);
				break;
			case 'b':
				scratch_append(r, "\b", 1);
				break;
			case 'f':
				scratch_append(r, "\f", 1);
				break;
			case 'n':
				scratch_append(r, "\n", 1);
				break;
			case 'r':
				scratch_append(r, "\r", 1);
				break;
			case 't':
				scratch_append(r, "\t", 1);
				break;
			case 'u':
				{
					long		cp = i + 6 <= r->len ? unicode_escape(r->doc + i) : -1;

					if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 <= r->len &&
						r->doc[i + 6] == '\\' && r->doc[i + 7] == 'u')
					{
						long		low = unicode_escape(r->doc + i + 6);

						if (low >= 0xDC00 && low <= 0xDFFF)
						{
							cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
							i += 6;
						}
					}
					if (cp <= 0 || (cp >= 0xD800 && cp <= 0xDFFF))
						return json_syntax_error(r, i, r->line,
												 cp == 0 ? "\\u0000 cannot be text" :
												 "an invalid \\u escape (four hex digits, surrogates in pairs)");
					append_utf8(r, cp);
					i += 4;
					break;
				}
			default:
				return json_syntax_error(r, i, r->line, "an invalid escape");
		}
		i++;
		run = i + 1;
	}
	if (escaped)
	{
		scratch_append(r, r->doc + run, i - run);
		tok->len = r->scratch_len - tok->scratch_at;
		tok->str = r->scratch + tok->scratch_at;
	}
	else
	{
		tok->str = r->doc + r->pos + 1;
		tok->len = i - r->pos - 1;
	}
	r->pos = i + 1;
	return JI_OK;
}

/* Reads a number token at the reader's position. */
static JiStatus
json_number(JiReader *r, JsonTok *tok)
{
	const char *s = r->doc;
	size_t		i = r->pos;
	size_t		digits;

	tok->type = JT_NUMBER;
	if (s[i] == '-')
		i++;
	for (digits = i; i < r->len && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == digits || (s[digits] == '0' && i - digits > 1))
		return json_syntax_error(r, r->pos, r->line, "an invalid number");
	if (i < r->len && s[i] == '.')
	{
		for (digits = ++i; i < r->len && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == digits)
			return json_syntax_error(r, r->pos, r->line, "an invalid number");
	}
	if (i < r->len && (s[i] == 'e' || s[i] == 'E'))
	{
		i++;
		if (i < r->len && (s[i] == '+' || s[i] == '-'))
			i++;
		for (digits = i; i < r->len && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == digits)
			return json_syntax_error(r, r->pos, r->line, "an invalid number");
	}
	tok->str = s + r->pos;
	tok->len = i - r->pos;
	r->pos = i;
	return JI_OK;
}

/* Reads the next token. */
static JiStatus
json_next(JiReader *r, JsonTok *tok)
{
	static const char *const words[] = {"true", "false", "null"};
	static const JsonToken word_tokens[] = {JT_TRUE, JT_FALSE, JT_NULL};
	char		c;
	int			i;

	step(r);
	while (r->pos < r->len)
	{
		c = r->doc[r->pos];
		if (c == '\n' || (c == '\r' && (r->pos + 1 >= r->len || r->doc[r->pos + 1] != '\n')))
			r->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			break;
		r->pos++;
	}
	tok->start = r->pos;
	tok->line = r->line;
	tok->str = NULL;
	tok->len = 0;
	tok->scratch_at = SIZE_MAX;
	if (r->pos >= r->len)
	{
		tok->type = JT_END;
		return JI_OK;
	}
	c = r->doc[r->pos];
	switch (c)
	{
		case '{':
			tok->type = JT_OBJECT_START;
			break;
		case '}':
			tok->type = JT_OBJECT_END;
			break;
		case '[':
			tok->type = JT_ARRAY_START;
			break;
		case ']':
			tok->type = JT_ARRAY_END;
			break;
		case ':':
			tok->type = JT_COLON;
			break;
		case ',':
			tok->type = JT_COMMA;
			break;
		case '"':
			return json_string(r, tok);
		default:
			if (c == '-' || (c >= '0' && c <= '9'))
				return json_number(r, tok);
			for (i = 0; i < 3; i++)
			{
				size_t		n = strlen(words[i]);

				if (r->len - r->pos >= n && memcmp(r->doc + r->pos, words[i], n) == 0)
				{
					tok->type = word_tokens[i];
					tok->str = words[i];
					tok->len = n;
					r->pos += n;
					return JI_OK;
				}
			}
			return json_syntax_error(r, r->pos, r->line, "not a JSON token");
	}
	r->pos++;
	return JI_OK;
}

/* Reads a token that must be of one type. */
static JiStatus
json_expect(JiReader *r, JsonToken type, const char *what)
{
	JsonTok		tok;
	JiStatus	status = json_next(r, &tok);

	if (status == JI_OK && tok.type != type)
		return json_syntax_error(r, tok.start, tok.line, what);
	return status;
}

/* Whether a token starts a value. */
static bool
starts_value(JsonToken type)
{
	return type == JT_OBJECT_START || type == JT_ARRAY_START || type == JT_STRING ||
		type == JT_NUMBER || type == JT_TRUE || type == JT_FALSE || type == JT_NULL;
}

/*
 * Reads the rest of a value whose first token was just read, checking that
 * it is JSON; nested values are read without recursion.
 */
static JiStatus
json_skip(JiReader *r, const JsonTok *first)
{
	/* the open containers: 1 for an array, 2 for an object */
	char		small[64];
	char	   *stack = small;
	size_t		size = sizeof(small);
	size_t		depth = 0;
	enum
	{
		VALUE_OR_CLOSE, VALUE, KEY_OR_CLOSE, KEY, COLON, COMMA_OR_CLOSE
	}			expect;
	JsonTok		tok = *first;
	JiStatus	status;

	if (!starts_value(tok.type))
		return json_syntax_error(r, tok.start, tok.line, "a value was expected");
	if (tok.type != JT_ARRAY_START && tok.type != JT_OBJECT_START)
		return JI_OK;
	stack[depth++] = tok.type == JT_ARRAY_START ? 1 : 2;
	expect = tok.type == JT_ARRAY_START ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
	for (;;)
	{
		size_t		scratch_mark = r->scratch_len;
		bool		closes;

		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		r->scratch_len = scratch_mark;	/* skipped strings are not kept */
		closes = (tok.type == JT_ARRAY_END && stack[depth - 1] == 1) ||
			(tok.type == JT_OBJECT_END && stack[depth - 1] == 2);
		switch (expect)
		{
			case KEY_OR_CLOSE:
			case KEY:
				if (tok.type == JT_STRING)
				{
					expect = COLON;
					continue;
				}
				if (!(expect == KEY_OR_CLOSE && closes))
					return json_syntax_error(r, tok.start, tok.line, "a key (a string) was expected");
				break;
			case COLON:
				if (tok.type != JT_COLON)
					return json_syntax_error(r, tok.start, tok.line, "\":\" was expected");
				expect = VALUE;
				continue;
			case VALUE_OR_CLOSE:
			case VALUE:
				if (tok.type == JT_ARRAY_START || tok.type == JT_OBJECT_START)
				{
					if (depth == size)
					{
						char	   *bigger = r->mem->alloc(r->mem->ctx, 2 * size);

						memcpy(bigger, stack, size);
						stack = bigger;
						size *= 2;
					}
					stack[depth++] = tok.type == JT_ARRAY_START ? 1 : 2;
					expect = tok.type == JT_ARRAY_START ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
					continue;
				}
				if (starts_value(tok.type))
				{
					expect = COMMA_OR_CLOSE;
					continue;
				}
				if (!(expect == VALUE_OR_CLOSE && closes))
					return json_syntax_error(r, tok.start, tok.line, "a value was expected");
				break;
			case COMMA_OR_CLOSE:
				if (tok.type == JT_COMMA)
				{
					expect = stack[depth - 1] == 1 ? VALUE : KEY;
					continue;
				}
				if (!closes)
					return json_syntax_error(r, tok.start, tok.line,
											 stack[depth - 1] == 1 ? "\",\" or \"]\" was expected" :
											 "\",\" or \"}\" was expected");
				break;
		}
		/* a container closed */
		if (--depth == 0)
			return JI_OK;
		expect = COMMA_OR_CLOSE;
	}
}

/* Reads a value as a cell; its text stays in scratch when it had escapes. */
static JiStatus
json_cell(JiReader *r, const JsonTok *tok, JiCell *cell)
{
	cell->scratch_at = SIZE_MAX;
	cell->str = tok->str;
	cell->len = tok->len;
	switch (tok->type)
	{
		case JT_NULL:
			cell->type = JI_NULL;
			return JI_OK;
		case JT_STRING:
			cell->type = JI_STRING;
			cell->scratch_at = tok->scratch_at;
			return JI_OK;
		case JT_NUMBER:
			cell->type = JI_NUMBER;
			return JI_OK;
		default:
			cell->type = JI_OTHER;
			cell->str = json_kind(tok->type);
			cell->len = strlen(cell->str);
			return json_skip(r, tok);
	}
}

/* Where a member of an object is: the position and line after its colon. */
typedef struct JsonMember
{
	const char *name;
	size_t		at;				/* 0 when the object has no such member */
	int64_t		line;
} JsonMember;

/*
 * Reads the members of an object whose "{" was just read, noting where the
 * named ones are and checking its keys are distinct (their raw text
 * compared, through a hash); *count gets the number of keys.
 */
static JiStatus
json_members(JiReader *r, const char *what, JsonMember *members, int nmembers, int *count_out)
{
	size_t		nslots = 16;
	size_t		count = 0;
	struct slot
	{
		size_t		at;			/* the key's raw text in the document; 0 when empty */
		size_t		len;
	}		   *slots = r->mem->alloc(r->mem->ctx, nslots * sizeof(struct slot));
	int			i;
	JiStatus	status;

	memset(slots, 0, nslots * sizeof(struct slot));
	for (i = 0; i < nmembers; i++)
		members[i].at = 0;
	*count_out = 0;
	for (;;)
	{
		JsonTok		tok;
		JsonTok		value;
		size_t		raw_at;
		size_t		raw_len;
		size_t		slot;
		size_t		scratch_mark = r->scratch_len;

		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_OBJECT_END && count == 0)
			return JI_OK;
		if (tok.type != JT_STRING)
			return json_syntax_error(r, tok.start, tok.line, "a key (a string) was expected");
		raw_at = tok.start + 1;
		raw_len = r->pos - tok.start - 2;

		/* a key seen before? */
		if (2 * (count + 1) > nslots)
		{
			struct slot *old = slots;
			size_t		old_n = nslots;
			size_t		j;

			nslots *= 2;
			slots = r->mem->alloc(r->mem->ctx, nslots * sizeof(struct slot));
			memset(slots, 0, nslots * sizeof(struct slot));
			for (j = 0; j < old_n; j++)
				if (old[j].at != 0)
				{
					for (slot = hash_bytes(r->doc + old[j].at, old[j].len) & (nslots - 1);
						 slots[slot].at != 0; slot = (slot + 1) & (nslots - 1))
						;
					slots[slot] = old[j];
				}
		}
		for (slot = hash_bytes(r->doc + raw_at, raw_len) & (nslots - 1); slots[slot].at != 0;
			 slot = (slot + 1) & (nslots - 1))
			if (slots[slot].len == raw_len && memcmp(r->doc + slots[slot].at, r->doc + raw_at, raw_len) == 0)
			{
				char		key[JI_EXCERPT_MAX + 8];

				ji_excerpt(tok.str, tok.len, key, sizeof(key));
				return ji_error(r->error, JI_ERR_SHAPE,
								"A JSON object holds each key once; a second value would be lost when the "
								"document is cast to jsonb.", NULL,
								"%s of the jobindsats JSON reply has the key \"%s\" twice, line %lld",
								what, key, (long long) tok.line);
			}
		slots[slot].at = raw_at;
		slots[slot].len = raw_len;
		count++;
		if (count == INT32_MAX - 1)
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "%s of the jobindsats JSON reply has too many keys", what);
		*count_out = (int) count;
		for (i = 0; i < nmembers; i++)
			if (tok.scratch_at == SIZE_MAX && tok.len == strlen(members[i].name) &&
				memcmp(tok.str, members[i].name, tok.len) == 0)
				break;
		r->scratch_len = scratch_mark;
		if ((status = json_expect(r, JT_COLON, "\":\" was expected")) != JI_OK)
			return status;
		if (i < nmembers)
		{
			members[i].at = r->pos;
			members[i].line = r->line;
		}
		if ((status = json_next(r, &value)) != JI_OK || (status = json_skip(r, &value)) != JI_OK)
			return status;
		r->scratch_len = scratch_mark;
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_OBJECT_END)
			return JI_OK;
		if (tok.type != JT_COMMA)
			return json_syntax_error(r, tok.start, tok.line, "\",\" or \"}\" was expected");
	}
}

/* Moves the reader to a member's value and reads its first token. */
static JiStatus
json_goto(JiReader *r, const JsonMember *member, JsonTok *tok)
{
	r->pos = member->at;
	r->line = member->line;
	return json_next(r, tok);
}

/*
 * When the document (from the reader's position) is an object with a
 * "cause", reports the API's error reply and returns JI_ERR_API; else
 * anything else, leaving the error for the caller to overwrite.
 */
static JiStatus
json_api_error(JiReader *r)
{
	JsonMember	members[] = {{"cause", 0, 0}, {"code", 0, 0}};
	JsonTok		open;
	JsonTok		cause;
	JsonTok		code;
	char		cause_text[JI_EXCERPT_MAX + 8];
	char		code_text[64] = "(no code)";
	JiStatus	status;
	int			count;

	if ((status = json_next(r, &open)) != JI_OK || open.type != JT_OBJECT_START ||
		(status = json_members(r, "the document", members, 2, &count)) != JI_OK ||
		members[0].at == 0)
		return status;
	if ((status = json_goto(r, &members[0], &cause)) != JI_OK)
		return status;
	if (cause.type == JT_STRING || cause.type == JT_NUMBER)
		ji_excerpt(cause.str, cause.len, cause_text, sizeof(cause_text));
	else
		snprintf(cause_text, sizeof(cause_text), "%s", json_kind(cause.type));
	if (members[1].at != 0 && (status = json_goto(r, &members[1], &code)) == JI_OK &&
		(code.type == JT_STRING || code.type == JT_NUMBER))
		ji_excerpt(code.str, code.len, code_text, 40);
	return ji_error(r->error, JI_ERR_API, "The document is the API's error reply, not data.",
					"Correct the request (table, periods, areas and variables) and download again.",
					"the jobindsats API answered with error %s: %s", code_text, cause_text);
}

/* Checks that nothing but white space follows the document's value. */
static JiStatus
json_end(JiReader *r)
{
	JsonTok		tok;
	JiStatus	status = json_next(r, &tok);

	if (status == JI_OK && tok.type != JT_END)
	{
		status = json_syntax_error(r, tok.start, tok.line, "text after the end of the document");
		snprintf(r->error->hint, sizeof(r->error->hint), "%s",
				 "A JSON document is one value; JSON lines hold one record (an object keyed by the labels) a line.");
	}
	return status;
}

/* Reads an array of labels (v3 "columns") whose "[" was just read into the header. */
static JiStatus
json_v3_columns(JiReader *r)
{
	size_t		start = r->pos;
	int64_t		line = r->line;
	int			n = 0;
	JsonTok		tok;
	JiStatus	status;

	/* count first, then read */
	for (;;)
	{
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_ARRAY_END && n == 0)
			break;
		if (tok.type != JT_STRING)
		{
			if (!starts_value(tok.type))
				return json_syntax_error(r, tok.start, tok.line, "a value was expected");
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
							"column %d of the jobindsats JSON reply is labelled by %s, not a string",
							n + 1, json_kind(tok.type));
		}
		r->scratch_len = 0;
		n++;
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_ARRAY_END)
			break;
		if (tok.type != JT_COMMA)
			return json_syntax_error(r, tok.start, tok.line, "\",\" or \"]\" was expected");
		if (n == INT32_MAX - 1)
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "the jobindsats JSON reply has too many columns");
	}
	header_reserve(r, n);
	r->pos = start;
	r->line = line;
	while (r->ncols < n)
	{
		r->scratch_len = 0;
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		header_add(r, tok.str, tok.len, JI_UNDECIDED);
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
	}
	return JI_OK;
}

/*
 * Adds the column of variable i (0-based) whose members Name and Label are
 * at fields (at 0 when missing): labelled by Label, or Name without one;
 * its role by Name.  The reader goes on where it was.
 */
static JiStatus
json_v2_variable(JiReader *r, const JsonMember *fields, int i)
{
	size_t		after = r->pos;
	int64_t		after_line = r->line;
	JiColumnRole role;
	JsonTok		name;
	JsonTok		label;
	JiStatus	status;

	r->scratch_len = 0;
	name.type = JT_NULL;
	if (fields[0].at != 0 && (status = json_goto(r, &fields[0], &name)) != JI_OK)
		return status;
	if (name.type != JT_STRING)
		return ji_error(r->error, JI_ERR_SHAPE,
						"A variable is an object {\"Name\": \"_kon\", \"Label\": \"K\xC3\xB8n\"}.", NULL,
						"%svariable %d of the jobindsats JSON reply has no \"Name\"", r->part, i + 1);
	role = name.len == 4 && equals_ascii_nocase(name.str, 4, "area") ? JI_AREA :
		name.len == 6 && equals_ascii_nocase(name.str, 6, "period") ? JI_PERIOD :
		name.len > 0 && name.str[0] == '_' ? JI_DIMENSION : JI_MEASURE;
	label.type = JT_NULL;
	if (fields[1].at != 0 && (status = json_goto(r, &fields[1], &label)) != JI_OK)
		return status;
	if (label.type == JT_STRING)
		header_add(r, label.str, label.len, role);
	else
	{
		/* read the name again: reading the label may have moved the scratch buffer */
		r->scratch_len = 0;
		if ((status = json_goto(r, &fields[0], &name)) != JI_OK)
			return status;
		header_add(r, name.str, name.len, role);
	}
	r->pos = after;
	r->line = after_line;
	return JI_OK;
}

/* Reads the header of a v2 element from its "Variables" (at member). */
static JiStatus
json_v2_variables(JiReader *r, const JsonMember *member)
{
	JsonTok		tok;
	JiStatus	status;
	size_t		start;
	int64_t		line;
	int			n = 0;
	int			pass;

	if (member->at == 0)
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
						"\"Variables\" of the jobindsats JSON reply is missing, not an array");
	if ((status = json_goto(r, member, &tok)) != JI_OK)
		return status;
	if (tok.type != JT_ARRAY_START)
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
						"\"Variables\" of the jobindsats JSON reply is %s, not an array", json_kind(tok.type));
	start = r->pos;
	line = r->line;
	/* count the variables, then read them */
	for (pass = 0; pass < 2; pass++)
	{
		int			i = 0;

		if (pass == 1)
		{
			header_reserve(r, n);
			r->pos = start;
			r->line = line;
		}
		for (;;)
		{
			JsonMember	fields[] = {{"Name", 0, 0}, {"Label", 0, 0}};
			char		what[96];
			int			count;

			if ((status = json_next(r, &tok)) != JI_OK)
				return status;
			if (tok.type == JT_ARRAY_END && i == 0)
				break;
			snprintf(what, sizeof(what), "%svariable %d", r->part, i + 1);
			if (tok.type == JT_OBJECT_START)
			{
				if ((status = json_members(r, what, fields, 2, &count)) != JI_OK)
					return status;
			}
			else if ((status = json_skip(r, &tok)) != JI_OK)
				return status;
			if (pass == 1 && (status = json_v2_variable(r, fields, i)) != JI_OK)
				return status;
			i++;
			if ((status = json_next(r, &tok)) != JI_OK)
				return status;
			if (tok.type == JT_ARRAY_END)
				break;
			if (tok.type != JT_COMMA)
				return json_syntax_error(r, tok.start, tok.line, "\",\" or \"]\" was expected");
			if (i == INT32_MAX - 1)
				return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "the jobindsats JSON reply has too many variables");
		}
		n = i;
	}
	return JI_OK;
}

/* Moves the reader into the array of rows of a member ("rows", "Data"). */
static JiStatus
json_enter_rows(JiReader *r, const JsonMember *member, const char *name)
{
	JsonTok		tok;
	JiStatus	status;

	if (member->at == 0)
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
						"\"%s\" of the jobindsats JSON reply is missing, not an array", name);
	if ((status = json_goto(r, member, &tok)) != JI_OK)
		return status;
	if (tok.type != JT_ARRAY_START)
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
						"\"%s\" of the jobindsats JSON reply is %s, not an array", name, json_kind(tok.type));
	r->in_rows = true;
	r->rows_read = 0;
	return JI_OK;
}

/*
 * Reads the header of records from the first record, whose "{" is at the
 * reader's position: its keys in their order.
 */
static JiStatus
json_record_header(JiReader *r)
{
	size_t		start = r->pos;
	int64_t		line = r->line;
	JsonTok		tok;
	JiStatus	status;
	int			n;

	/* check the record and count its keys, then read them */
	if ((status = json_next(r, &tok)) != JI_OK ||
		(status = json_members(r, r->shape == JI_JSON_LINES ? "line 1" : "record 1", NULL, 0, &n)) != JI_OK)
		return status;
	header_reserve(r, n);
	r->pos = start;
	r->line = line;
	(void) json_next(r, &tok);
	while (r->ncols < n)
	{
		r->scratch_len = 0;
		(void) json_next(r, &tok);
		header_add(r, tok.str, tok.len, JI_UNDECIDED);
		(void) json_next(r, &tok);
		(void) json_next(r, &tok);
		(void) json_skip(r, &tok);
		(void) json_next(r, &tok);
	}
	r->pos = start;
	r->line = line;
	r->seen = r->mem->alloc(r->mem->ctx, (n > 0 ? n : 1) * sizeof(uint32_t));
	memset(r->seen, 0, (n > 0 ? n : 1) * sizeof(uint32_t));
	r->row_word = r->shape == JI_JSON_LINES ? "line" : "row";
	r->in_rows = true;
	r->rows_read = 0;
	return check_header(r);
}

/* Reads the start of a JSON document and the header of its first table. */
static JiStatus
json_start(JiReader *r, bool *found)
{
	JsonMember	members[] = {{"columns", 0, 0}, {"rows", 0, 0}, {"Variables", 0, 0}, {"Data", 0, 0}, {"cause", 0, 0}, {"code", 0, 0}};
	JsonTok		tok;
	JiStatus	status;
	int			count;

	if (r->len - r->pos >= 3 && memcmp(r->doc + r->pos, "\xEF\xBB\xBF", 3) == 0)
		r->pos += 3;
	if ((status = check_not_data(r->doc + r->pos, r->len - r->pos, "JSON", r->error)) != JI_OK)
		return status;
	if ((status = json_next(r, &tok)) != JI_OK)
	{
		const char *line_end = memchr(r->doc + tok.start, '\n', r->len - tok.start);
		size_t		line_len = line_end ? (size_t) (line_end - r->doc) - tok.start : r->len - tok.start;

		if (tok.start < r->len && r->doc[tok.start] != '"' && memchr(r->doc + tok.start, ';', line_len) != NULL)
			snprintf(r->error->hint, sizeof(r->error->hint), "%s",
					 "The document looks like CSV: read it with jobindsats_csv(doc).");
		return status;
	}
	*found = true;
	switch (tok.type)
	{
		case JT_END:
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "the jobindsats JSON document is empty");
		case JT_STRING:
			if ((status = check_not_data(tok.str, tok.len, "JSON", r->error)) != JI_OK)
				return status;
			/* fall through */
		case JT_NUMBER:
		case JT_TRUE:
		case JT_FALSE:
		case JT_NULL:
			return ji_error(r->error, JI_ERR_SHAPE, NULL, SHAPES_HINT,
							"the document is %s, not a jobindsats JSON reply", json_kind(tok.type));
		case JT_ARRAY_START:
			{
				size_t		first = r->pos;
				int64_t		line = r->line;
				JsonTok		element;

				if ((status = json_next(r, &element)) != JI_OK)
					return status;
				if (element.type == JT_ARRAY_END)
				{
					*found = false;
					return json_end(r);
				}
				if (element.type != JT_OBJECT_START)
				{
					if (!starts_value(element.type))
						return json_syntax_error(r, element.start, element.line, "a value was expected");
					return ji_error(r->error, JI_ERR_SHAPE, NULL, SHAPES_HINT,
									"element 1 of the jobindsats JSON reply is %s, not an object",
									json_kind(element.type));
				}
				if ((status = json_members(r, "element 1", members + 2, 2, &count)) != JI_OK)
					return status;
				if (members[2].at != 0 || members[3].at != 0)
				{
					r->shape = JI_JSON_V2;
					r->v2_in_list = true;
					if ((status = json_next(r, &tok)) != JI_OK)
						return status;
					r->v2_many = tok.type == JT_COMMA;
					r->pos = first;
					r->line = line;
					return JI_OK;	/* the element is read by json_v2_element */
				}
				r->shape = JI_JSON_RECORDS;
				r->pos = element.start;
				r->line = element.line;
				return json_record_header(r);
			}
		case JT_OBJECT_START:
			{
				size_t		start = tok.start;
				int64_t		line = tok.line;

				if ((status = json_members(r, "the top-level object", members, 6, &count)) != JI_OK)
					return status;
				if (members[4].at != 0)
				{
					r->pos = start;
					r->line = line;
					return json_api_error(r);
				}
				if (members[0].at != 0 || members[1].at != 0 || members[2].at != 0 || members[3].at != 0)
				{
					if ((status = json_end(r)) != JI_OK)
						return status;
				}
				if (members[0].at != 0 || members[1].at != 0)
				{
					JsonTok		open;

					r->shape = JI_JSON_V3;
					if (members[0].at == 0)
						return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
										"\"columns\" of the jobindsats JSON reply is missing, not an array");
					if ((status = json_goto(r, &members[0], &open)) != JI_OK)
						return status;
					if (open.type != JT_ARRAY_START)
						return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
										"\"columns\" of the jobindsats JSON reply is %s, not an array",
										json_kind(open.type));
					if ((status = json_v3_columns(r)) != JI_OK)
						return status;
					r->row_word = "row";
					if ((status = check_header(r)) != JI_OK)
						return status;
					return json_enter_rows(r, &members[1], "rows");
				}
				if (members[2].at != 0 || members[3].at != 0)
				{
					r->shape = JI_JSON_V2;
					r->row_word = "row";
					if ((status = json_v2_variables(r, &members[2])) != JI_OK ||
						(status = check_header(r)) != JI_OK)
						return status;
					return json_enter_rows(r, &members[3], "Data");
				}
				r->shape = JI_JSON_LINES;
				r->pos = start;
				r->line = line;
				return json_record_header(r);
			}
		default:
			return json_syntax_error(r, tok.start, tok.line, "a value was expected");
	}
}

/* Reads the next element of a v2 list and its header; *found false at the list's end. */
static JiStatus
json_v2_element(JiReader *r, bool *found)
{
	JsonMember	members[] = {{"Variables", 0, 0}, {"Data", 0, 0}};
	JsonTok		tok;
	JiStatus	status;
	size_t		after;
	int64_t		after_line;
	char		what[48];
	int			count;

	if ((status = json_next(r, &tok)) != JI_OK)
		return status;
	if (r->table > 0)
	{
		if (tok.type == JT_ARRAY_END)
		{
			*found = false;
			r->v2_in_list = false;
			return json_end(r);
		}
		if (tok.type != JT_COMMA)
			return json_syntax_error(r, tok.start, tok.line, "\",\" or \"]\" was expected");
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
	}
	r->table++;
	snprintf(what, sizeof(what), "element %d", r->table);
	if (tok.type != JT_OBJECT_START)
	{
		if (!starts_value(tok.type))
			return json_syntax_error(r, tok.start, tok.line, "a value was expected");
		return ji_error(r->error, JI_ERR_SHAPE, NULL,
						"A reply of the API v2 is a list of objects {\"Variables\": ..., \"Data\": ...}.",
						"element %d of the jobindsats JSON reply is %s, not an object", r->table,
						json_kind(tok.type));
	}
	if ((status = json_members(r, what, members, 2, &count)) != JI_OK)
		return status;
	after = r->pos;
	after_line = r->line;
	if (r->v2_many)
		snprintf(r->part, sizeof(r->part), "element %d, ", r->table);
	r->row_word = "row";
	if ((status = json_v2_variables(r, &members[0])) != JI_OK || (status = check_header(r)) != JI_OK ||
		(status = json_enter_rows(r, &members[1], "Data")) != JI_OK)
		return status;
	/* after the rows, the list goes on after this element */
	r->v2_next = after;
	r->v2_next_line = after_line;
	*found = true;
	return JI_OK;
}

/* Reads a row [v, ...] of v3 or v2 whose first token was just read. */
static JiStatus
json_array_row(JiReader *r, const JsonTok *open)
{
	int			n = 0;
	JiStatus	status;
	JsonTok		tok;

	if (open->type != JT_ARRAY_START)
	{
		if (!starts_value(open->type))
			return json_syntax_error(r, open->start, open->line, "a value was expected");
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "%srow %lld of the jobindsats JSON reply is %s, not an array",
						r->part, (long long) r->row_number, json_kind(open->type));
	}
	for (;;)
	{
		JiCell		cell;

		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_ARRAY_END && n == 0)
			break;
		if ((status = json_cell(r, &tok, &cell)) != JI_OK)
			return status;
		if (n < r->ncols)
			r->cells[n] = cell;
		n++;
		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_ARRAY_END)
			break;
		if (tok.type != JT_COMMA)
			return json_syntax_error(r, tok.start, tok.line, "\",\" or \"]\" was expected");
	}
	if (n != r->ncols)
		return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL,
						"%srow %lld of the jobindsats JSON reply has %d values, the columns are %d",
						r->part, (long long) r->row_number, n, r->ncols);
	return JI_OK;
}

/* Reads a record {"<label>": v, ...} whose first token was just read. */
static JiStatus
json_record_row(JiReader *r, const JsonTok *open)
{
	char		where[96];
	char		key[JI_EXCERPT_MAX + 8];
	uint32_t	stamp = (uint32_t) r->rows_read;
	JiStatus	status;
	JsonTok		tok;
	int			n = 0;
	int			col;

	row_where(r, r->row_number, where, sizeof(where));
	if (open->type != JT_OBJECT_START)
	{
		if (!starts_value(open->type))
			return json_syntax_error(r, open->start, open->line, "a value was expected");
		return ji_error(r->error, JI_ERR_SHAPE, NULL, SHAPES_HINT,
						"%s of the jobindsats JSON records is %s, not an object", where, json_kind(open->type));
	}
	for (;;)
	{
		JsonTok		value;

		if ((status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_OBJECT_END && n == 0)
			break;
		if (tok.type != JT_STRING)
			return json_syntax_error(r, tok.start, tok.line, "a key (a string) was expected");
		col = ji_column_of(r, tok.str, tok.len);
		ji_excerpt(tok.str, tok.len, key, sizeof(key));
		if (col < 0)
			return ji_error(r->error, JI_ERR_SHAPE,
							"Every record has the keys of the first one, and no others.", NULL,
							"%s of the jobindsats JSON records has the key \"%s\", which the first record lacks",
							where, key);
		if (r->seen[col] == stamp)
			return ji_error(r->error, JI_ERR_SHAPE,
							"A JSON object holds each key once; a second value would be lost when the "
							"document is cast to jsonb.", NULL,
							"%s of the jobindsats JSON records has the key \"%s\" twice", where, key);
		r->seen[col] = stamp;
		n++;
		if ((status = json_expect(r, JT_COLON, "\":\" was expected")) != JI_OK ||
			(status = json_next(r, &value)) != JI_OK ||
			(status = json_cell(r, &value, &r->cells[col])) != JI_OK ||
			(status = json_next(r, &tok)) != JI_OK)
			return status;
		if (tok.type == JT_OBJECT_END)
			break;
		if (tok.type != JT_COMMA)
			return json_syntax_error(r, tok.start, tok.line, "\",\" or \"}\" was expected");
	}
	if (n != r->ncols)
		for (col = 0; col < r->ncols; col++)
			if (r->seen[col] != stamp)
			{
				ji_excerpt(r->labels[col], r->label_lens[col], key, sizeof(key));
				return ji_error(r->error, JI_ERR_SHAPE,
								"Every record has the keys of the first one, and no others.", NULL,
								"%s of the jobindsats JSON records lacks the key \"%s\"", where, key);
			}
	return JI_OK;
}

/* Reads the next JSON row. */
static JiStatus
json_row(JiReader *r, bool *found)
{
	JsonTok		tok;
	JiStatus	status;

	*found = false;
	if (!r->in_rows)
		return JI_OK;
	r->scratch_len = 0;
	if ((status = json_next(r, &tok)) != JI_OK)
		return status;
	if (r->shape == JI_JSON_LINES)
	{
		if (tok.type == JT_END)
		{
			r->in_rows = false;
			return JI_OK;
		}
		r->row_number = tok.line;
	}
	else
	{
		if (tok.type == JT_ARRAY_END && r->rows_read == 0)
			goto rows_end;
		if (r->rows_read > 0)
		{
			if (tok.type == JT_ARRAY_END)
				goto rows_end;
			if (tok.type != JT_COMMA)
				return json_syntax_error(r, tok.start, tok.line, "\",\" or \"]\" was expected");
			if ((status = json_next(r, &tok)) != JI_OK)
				return status;
		}
		r->row_number = r->rows_read + 1;
	}
	r->rows_read++;
	status = r->shape == JI_JSON_RECORDS || r->shape == JI_JSON_LINES ?
		json_record_row(r, &tok) : json_array_row(r, &tok);
	if (status != JI_OK)
		return status;
	settle_cells(r);
	*found = true;
	return JI_OK;

rows_end:
	r->in_rows = false;
	if (r->shape == JI_JSON_RECORDS)
		return json_end(r);
	if (r->shape == JI_JSON_V2 && r->v2_in_list)
	{
		r->pos = r->v2_next;
		r->line = r->v2_next_line;
	}
	return JI_OK;
}

/* ------------------------------------------------------------ the reader */

/* Starts reading a document (see jobindsats_core.h). */
JiStatus
ji_reader_start(JiReader *r, const char *doc, size_t len, JiFormat format, const JiAllocator *mem,
				JiError *error)
{
	memset(r, 0, sizeof(JiReader));
	r->doc = doc;
	r->len = len;
	r->line = 1;
	r->format = format;
	r->mem = mem;
	r->error = error;
	r->row_word = "row";
	error->status = JI_OK;
	return JI_OK;
}

/* Reads the next table's header (see jobindsats_core.h). */
JiStatus
ji_reader_next_table(JiReader *r, bool *found)
{
	JiStatus	status;

	*found = false;
	if (r->format == JI_FORMAT_CSV)
	{
		if (r->table > 0)
			return JI_OK;
		r->table = 1;
		status = csv_header(r, found);
		if (status == JI_OK && !*found)
			return ji_error(r->error, JI_ERR_SHAPE, NULL, NULL, "the jobindsats CSV document is empty");
		return status;
	}
	if (r->table == 0)
	{
		status = json_start(r, found);
		if (status != JI_OK || !*found || r->shape != JI_JSON_V2 || !r->v2_in_list)
		{
			r->table = 1;
			return status;
		}
	}
	else if (r->shape != JI_JSON_V2 || !r->v2_in_list)
		return JI_OK;
	return json_v2_element(r, found);
}

/* Reads the next row of the current table (see jobindsats_core.h). */
JiStatus
ji_reader_next_row(JiReader *r, bool *found)
{
	if (r->format == JI_FORMAT_CSV)
	{
		JiStatus	status = csv_row(r, found);

		if (status == JI_OK && *found)
			r->rows_read++;
		return status;
	}
	return json_row(r, found);
}

/* ------------------------------------------------------- deciding columns */

/* Adds the current row to the statistics (see jobindsats_core.h). */
void
ji_stats_add_row(const JiReader *r, JiColumnStats *stats)
{
	int			col;

	for (col = 0; col < r->ncols; col++)
	{
		const JiCell *cell = &r->cells[col];
		JiColumnStats *s = &stats[col];
		JiNumberKind kind;

		if (r->roles[col] == JI_AREA || r->roles[col] == JI_PERIOD)
			continue;
		switch (cell->type)
		{
			case JI_NULL:
				kind = JI_NUMBER_MISSING;
				break;
			case JI_NUMBER:
				kind = JI_NUMBER_PLAIN;
				break;
			case JI_STRING:
				kind = ji_number_kind(cell->str, cell->len);
				break;
			default:
				kind = JI_NUMBER_INVALID;
				break;
		}
		s->present += kind != JI_NUMBER_MISSING;
		s->labels += kind == JI_NUMBER_INVALID;
		if (kind == JI_NUMBER_COMMA && s->comma_row == 0)
			s->comma_row = r->row_number;
		if (kind == JI_NUMBER_POINT && s->point_row == 0)
			s->point_row = r->row_number;
	}
}

/* Sets the roles of the columns a caller names as dimensions; every other is a measure. */
static JiStatus
name_dimensions(JiReader *r, const char *const *names, const size_t *lens, int n, JiColumnRole *roles)
{
	char		list[1024];
	char		detail[1100];
	char		name[JI_EXCERPT_MAX + 8];
	int			col;
	int			i;

	for (col = 0; col < r->ncols; col++)
		if (roles[col] != JI_AREA && roles[col] != JI_PERIOD)
			roles[col] = JI_MEASURE;
	for (i = 0; i < n; i++)
	{
		if (names[i] == NULL)
			return ji_error(r->error, JI_ERR_NULL_ARGUMENT, NULL, NULL,
							"the names of the dimension columns must not be NULL");
		col = ji_column_of(r, names[i], lens[i]);
		ji_excerpt(names[i], lens[i], name, sizeof(name));
		if (col < 0)
		{
			ji_header_list(r, list, sizeof(list));
			snprintf(detail, sizeof(detail), "The columns are: %s.", list);
			return ji_error(r->error, JI_ERR_ARGUMENT, detail, NULL,
							"dimension column \"%s\" is not in the jobindsats %s data", name, format_name(r));
		}
		if (roles[col] == JI_AREA || roles[col] == JI_PERIOD)
			return ji_error(r->error, JI_ERR_ARGUMENT, NULL, NULL, "column \"%s\" is the %s column, not a dimension",
							name, roles[col] == JI_AREA ? "area" : "period");
		roles[col] = JI_DIMENSION;
	}
	return JI_OK;
}

/* Decides the roles and marks of the columns (see jobindsats_core.h). */
JiStatus
ji_decide_columns(JiReader *r, const JiColumnStats *stats, const char *const *dimensions,
				  const size_t *dimension_lens, int ndimensions, char mark, JiColumnRole *roles,
				  char *marks, int *conflict_col)
{
	bool		measures = false;
	int			col;
	JiStatus	status;

	*conflict_col = -1;
	memcpy(roles, r->roles, r->ncols * sizeof(JiColumnRole));
	if (dimensions != NULL)
	{
		if ((status = name_dimensions(r, dimensions, dimension_lens, ndimensions, roles)) != JI_OK)
			return status;
	}
	else
		for (col = 0; col < r->ncols; col++)
		{
			if (roles[col] != JI_UNDECIDED)
				continue;
			if (!measures && 2 * stats[col].labels > stats[col].present)
				roles[col] = JI_DIMENSION;
			else
			{
				measures = true;
				roles[col] = JI_MEASURE;
			}
		}

	measures = false;
	for (col = 0; col < r->ncols; col++)
	{
		marks[col] = 0;
		if (roles[col] != JI_MEASURE)
			continue;
		measures = true;
		if (mark != 0)
			marks[col] = mark;
		else if (stats[col].comma_row != 0 && stats[col].point_row != 0)
		{
			*conflict_col = col;
			return JI_ERR_SYNTAX;
		}
		else
			marks[col] = stats[col].point_row != 0 ? '.' : ',';
	}
	if (!measures && r->rows_read > 0)
	{
		char		list[1024];
		char		detail[1100];

		ji_header_list(r, list, sizeof(list));
		snprintf(detail, sizeof(detail),
				 "Every column besides the area and the period holds labels, not numbers: %s.", list);
		return ji_error(r->error, JI_ERR_SHAPE, detail, NULL, "jobindsats %s data has no measure column",
						format_name(r));
	}
	return JI_OK;
}

/* The error for a column of both decimal marks (see jobindsats_core.h). */
JiStatus
ji_conflict_error(JiReader *again, int table, int col, const JiColumnStats *stats, JiError *error)
{
	char		comma[JI_EXCERPT_MAX + 8] = "";
	char		point[JI_EXCERPT_MAX + 8] = "";
	char		label[JI_EXCERPT_MAX + 8];
	char		comma_where[96];
	char		point_where[96];
	bool		found;
	JiStatus	status;

	do
	{
		if ((status = ji_reader_next_table(again, &found)) != JI_OK)
			return status;
	} while (found && again->table < table);
	while (found && (comma[0] == '\0' || point[0] == '\0'))
	{
		if ((status = ji_reader_next_row(again, &found)) != JI_OK)
			return status;
		if (found && again->row_number == stats->comma_row)
			ji_excerpt(again->cells[col].str, again->cells[col].len, comma, 64);
		if (found && again->row_number == stats->point_row)
			ji_excerpt(again->cells[col].str, again->cells[col].len, point, 64);
	}
	ji_excerpt(again->labels[col], again->label_lens[col], label, sizeof(label));
	row_where(again, stats->comma_row, comma_where, sizeof(comma_where));
	row_where(again, stats->point_row, point_where, sizeof(point_where));
	return ji_error(error, JI_ERR_SYNTAX,
					"A column is read with one decimal mark, decided from all its cells: a number such as "
					"7,17 reads only with a decimal comma, 7.17 only with a decimal point, and 7.175 both "
					"ways (7175 or 7.175).",
					"Correct the cells, or say which decimal mark the column is written with: "
					"decimal_mark => ',' or '.'.",
					"column \"%s\" of jobindsats %s data mixes decimal commas and decimal points: %s has \"%s\", %s has \"%s\"",
					label, format_name(again),
					stats->comma_row < stats->point_row ? comma_where : point_where,
					stats->comma_row < stats->point_row ? comma : point,
					stats->comma_row < stats->point_row ? point_where : comma_where,
					stats->comma_row < stats->point_row ? point : comma);
}
