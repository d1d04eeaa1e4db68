/*
 * jobindsats_core.h
 *		The reading of jobindsats downloads without PostgreSQL: CSV and JSON
 *		documents as tables of cells, the checks of their headers, the
 *		decision of what each column holds, and numbers.
 *
 * This part knows nothing of PostgreSQL, so that it can be unit-tested and
 * fuzzed on its own (test/unit/jobindsats_core_test.c, _fuzz.c).  The glue
 * (jobindsats.c) turns its rows of cells into SQL rows.
 *
 * A document is read in UTF-8 and in place: the reader keeps a position in
 * it and hands out one row of cells at a time, so that memory does not grow
 * with the number of rows.  Cells point into the document, or into the
 * reader's scratch buffer for text that had to be unescaped (a quoted CSV
 * field with "", a JSON string with \ escapes); a row's cells are valid until
 * the next row is read.
 *
 * Memory comes from a caller-supplied allocator that never returns NULL
 * (PostgreSQL's palloc raises an error instead); the core never frees, the
 * caller releases everything at once (a memory context).  Errors are
 * returned, never raised: a JiError holds the class of error and its
 * message, detail and hint in UTF-8, each quoting at most JI_EXCERPT_MAX
 * bytes of the document.
 */
#ifndef JOBINDSATS_CORE_H
#define JOBINDSATS_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct JiAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*grow) (void *ctx, void *ptr, size_t old_size, size_t new_size);
	void	   *ctx;
} JiAllocator;

/*
 * Loops over the document call ji_interrupt_hook, when set, every
 * JI_INTERRUPT_INTERVAL steps (fields, JSON tokens, bytes of a long field).
 * PostgreSQL's glue sets it to a function that checks for query cancel and
 * statement_timeout, and so may leave the core by longjmp; the core keeps
 * nothing half-done outside the caller's memory when it does.
 */
typedef void (*JiInterruptHook) (void);
extern JiInterruptHook ji_interrupt_hook;

#define JI_INTERRUPT_INTERVAL 1024

/* Calls the interrupt hook when step i is a multiple of JI_INTERRUPT_INTERVAL. */
static inline void
ji_check_interrupts(uint64_t i)
{
	if ((i & (JI_INTERRUPT_INTERVAL - 1)) == 0 && ji_interrupt_hook != NULL)
		ji_interrupt_hook();
}

/* The classes of errors, each one SQLSTATE in the glue. */
typedef enum JiStatus
{
	JI_OK = 0,
	JI_ERR_SHAPE,				/* 22P04: not a document of the expected shape */
	JI_ERR_SYNTAX,				/* 22P02: a cell, a label or JSON that cannot be read */
	JI_ERR_ENCODING,			/* 22021: text garbled by a wrong encoding */
	JI_ERR_ARGUMENT,			/* 22023: a wrong argument */
	JI_ERR_NULL_ARGUMENT,		/* 22004: a NULL where a value is needed */
	JI_ERR_API,					/* 22023: an error reply of the API */
	JI_ERR_KEY					/* 28000: the API's reply to a wrong key */
} JiStatus;

/* Bytes of the document an error quotes at most (cut at a character). */
#define JI_EXCERPT_MAX 200

typedef struct JiError
{
	JiStatus	status;
	char		message[1024];
	char		detail[1024];
	char		hint[512];
} JiError;

/* What a cell holds. */
typedef enum JiCellType
{
	JI_NULL,					/* JSON null */
	JI_STRING,					/* text: a CSV field or a JSON string */
	JI_NUMBER,					/* a JSON number, as written */
	JI_OTHER					/* a JSON boolean, array or object: str says which */
} JiCellType;

typedef struct JiCell
{
	JiCellType	type;
	const char *str;			/* UTF-8, not NUL-terminated */
	size_t		len;
	size_t		scratch_at;		/* the reader's: where in scratch, or SIZE_MAX */
} JiCell;

/* What a column holds. */
typedef enum JiColumnRole
{
	JI_UNDECIDED,				/* decided by the header and the cells */
	JI_AREA,
	JI_PERIOD,
	JI_DIMENSION,
	JI_MEASURE
} JiColumnRole;

/*
 * Numbers: how a text reads with a decimal comma and with a decimal point
 * (the rules are in jobindsats_core.c).
 */
typedef enum JiNumberKind
{
	JI_NUMBER_MISSING,			/* suppressed or missing: "", "-", "..", "." */
	JI_NUMBER_INVALID,			/* no number either way */
	JI_NUMBER_PLAIN,			/* no decimal separator: the same either way */
	JI_NUMBER_COMMA,			/* a number with a decimal comma only (7,17) */
	JI_NUMBER_POINT,			/* a number with a decimal point only (7.17) */
	JI_NUMBER_EITHER			/* both, differently (7.175: 7175 or 7.175) */
} JiNumberKind;

extern JiNumberKind ji_number_kind(const char *s, size_t len);

/*
 * Reads s with a decimal mark (',' or '.'): JI_NUMBER_MISSING,
 * JI_NUMBER_INVALID, or JI_NUMBER_PLAIN for a number, which goes to out
 * (when not NULL) as ASCII ("-1234.5"; at most len + 3 bytes and a NUL).
 */
extern JiNumberKind ji_number_read(const char *s, size_t len, char mark, char *out);

/* The decimal mark a column of one cell of that kind is read with. */
extern char ji_number_mark_alone(JiNumberKind kind);

/* Whether UTF-8 text looks garbled by a wrong encoding ("SÃ¸nderborg", U+FFFD). */
extern bool ji_looks_garbled(const char *s, size_t len);

/* Copies at most JI_EXCERPT_MAX bytes of s (whole characters) and "…" when cut, NUL-terminated. */
extern void ji_excerpt(const char *s, size_t len, char *out, size_t out_size);

/* A label -> column index of a table's header. */
typedef struct JiLabelIndex
{
	int32_t    *slots;			/* column + 1, 0 for empty */
	size_t		mask;
} JiLabelIndex;

typedef enum JiFormat
{
	JI_FORMAT_CSV,
	JI_FORMAT_JSON
} JiFormat;

/* The shapes of JSON documents. */
typedef enum JiJsonShape
{
	JI_JSON_NONE,				/* not yet known */
	JI_JSON_V3,					/* {"columns": [...], "rows": [[...], ...]} */
	JI_JSON_V2,					/* [{"Variables": [...], "Data": [[...], ...]}, ...] */
	JI_JSON_RECORDS,			/* [{"<label>": ..., ...}, ...] */
	JI_JSON_LINES				/* one {"<label>": ..., ...} a line */
} JiJsonShape;

/* A reader of one document. */
typedef struct JiReader
{
	/* the document */
	const char *doc;
	size_t		len;
	size_t		pos;
	int64_t		line;			/* of pos, from 1 */
	JiFormat	format;
	const JiAllocator *mem;
	JiError    *error;
	uint64_t	steps;			/* for ji_check_interrupts */

	/* the current table: its header */
	int			table;			/* from 1; 0 before the first */
	int			ncols;
	char	  **labels;			/* UTF-8, NUL-terminated */
	size_t	   *label_lens;
	JiColumnRole *roles;		/* as the document says (v2 names); else undecided */
	JiLabelIndex index;
	char		part[48];		/* "" or "element 2, ": where in the document */
	const char *row_word;		/* "line" or "row", for messages */

	/* the current row */
	JiCell	   *cells;			/* ncols */
	int64_t		row_number;		/* its line (CSV, JSON lines) or row */
	int64_t		rows_read;
	uint32_t   *seen;			/* records: the row that gave each column */

	/* text unescaped for the current row */
	char	   *scratch;
	size_t		scratch_len;
	size_t		scratch_size;

	/* JSON: the shape, and where the rows of the current table go on */
	JiJsonShape shape;
	bool		in_rows;		/* inside the array of rows (or lines) */
	bool		v2_many;		/* a v2 list of more than one element */
	bool		v2_in_list;		/* inside the v2 list of elements */
	size_t		v2_next;		/* where the list goes on after the element */
	int64_t		v2_next_line;
} JiReader;

/* Starts reading a document (UTF-8) from its beginning. */
extern JiStatus ji_reader_start(JiReader *r, const char *doc, size_t len, JiFormat format,
								const JiAllocator *mem, JiError *error);

/*
 * Reads the header of the next table (a document holds one, a v2 list one
 * per element): *found false at the end.  The header is checked: labels
 * present, distinct and not garbled; one area and one period column.
 */
extern JiStatus ji_reader_next_table(JiReader *r, bool *found);

/* Reads the next row of the current table: *found false at its end. */
extern JiStatus ji_reader_next_row(JiReader *r, bool *found);

/* What the cells of a column showed, for deciding its role and decimal mark. */
typedef struct JiColumnStats
{
	int64_t		present;		/* cells that are not missing */
	int64_t		labels;			/* cells that are no number either way */
	int64_t		comma_row;		/* first row of a number with a decimal comma only, or 0 */
	int64_t		point_row;		/* first row of a number with a decimal point only, or 0 */
} JiColumnStats;

/* Adds the current row's cells to the statistics of the table's columns (ncols). */
extern void ji_stats_add_row(const JiReader *r, JiColumnStats *stats);

/*
 * Decides the role (areas and periods are known from the header) and the
 * decimal mark of every column from the statistics of all its cells (see
 * jobindsats_core.c); dimensions (UTF-8, ndimensions) when the caller
 * names the dimension columns, NULL else; mark ',' or '.' when the caller
 * says, 0 else.  The marks of the measure columns go to marks (ncols).  A
 * column whose numbers disagree on the decimal mark is an error naming two
 * rows: its *conflict_col is set (else -1) for the caller to quote the two
 * cells with ji_conflict_error.
 */
extern JiStatus ji_decide_columns(JiReader *r, const JiColumnStats *stats,
								  const char *const *dimensions, const size_t *dimension_lens,
								  int ndimensions, char mark, JiColumnRole *roles, char *marks,
								  int *conflict_col);

/*
 * The error for a column whose numbers disagree on the decimal mark, quoting
 * the cells of the two rows (found by reading the table again from a reader
 * at its start).
 */
extern JiStatus ji_conflict_error(JiReader *again, int table, int col, const JiColumnStats *stats,
								  JiError *error);

/* The column of a label in the current table, or -1. */
extern int	ji_column_of(const JiReader *r, const char *label, size_t len);

/* The labels of the current table for messages, "; "-separated, cut after a few hundred bytes. */
extern void ji_header_list(const JiReader *r, char *out, size_t out_size);

/* Sets an error; returns its status. */
extern JiStatus ji_error(JiError *error, JiStatus status, const char *detail, const char *hint,
						 const char *fmt,...) __attribute__((format(printf, 5, 6)));

#endif							/* JOBINDSATS_CORE_H */
