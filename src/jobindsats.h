/*
 * jobindsats.h
 *		What the readers of jobindsats downloads share: a table of cells read
 *		from a CSV or JSON document, the reading of numbers, areas and periods,
 *		and the rows they return.
 *
 * Readers work in UTF-8 whatever the server encoding: they convert the
 * document first and every text they return last.
 */
#ifndef BENCHMARK_JOBINDSATS_H
#define BENCHMARK_JOBINDSATS_H

#include "fmgr.h"
#include "utils/array.h"

/* What a cell holds. */
typedef enum JiCellType
{
	JI_NULL,					/* JSON null */
	JI_STRING,					/* text: a CSV field or a JSON string */
	JI_NUMBER,					/* a JSON number */
	JI_OTHER					/* a JSON boolean, array or object */
} JiCellType;

/* One cell. */
typedef struct JiCell
{
	JiCellType	type;
	const char *str;			/* JI_STRING: UTF-8, not NUL-terminated;
								 * JI_OTHER: what it is, for messages */
	int			len;
	Datum		number;			/* JI_NUMBER: a numeric */
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

/* A document's table: labels, roles and rows of cells. */
typedef struct JiTable
{
	const char *format;			/* "CSV" or "JSON", for messages */
	const char *row_word;		/* "line" or "row", for messages */
	const char *part;			/* "" or where in the document, e.g. "element 2, " */
	int			ncols;
	char	  **labels;			/* UTF-8, NUL-terminated */
	JiColumnRole *roles;
	int			nrows;
	int			maxrows;
	JiCell	  **rows;			/* nrows arrays of ncols cells */
	int		   *row_numbers;	/* line or row number of each, for messages */
} JiTable;

/* A table with ncols columns whose labels and roles the reader fills in. */
extern JiTable *ji_table_new(const char *format, const char *row_word, int ncols);

/* Appends a row of ncols cells (kept, not copied). */
extern void ji_table_add_row(JiTable *table, JiCell *cells, int row_number);

/*
 * Decides the columns' roles and appends one row per measure cell to the
 * result set that InitMaterializedSRF set up.
 */
extern void ji_table_emit(FunctionCallInfo fcinfo, JiTable *table, Datum table_id,
						  bool table_id_null, ArrayType *dimensions);

/*
 * Reads a number as jobindsats downloads write them (see jobindsats.c):
 * JI_NUMBER_MISSING for a suppressed or missing value, JI_NUMBER_INVALID for
 * text that is no number, else JI_NUMBER_VALID and, when result is not NULL,
 * the numeric.
 */
typedef enum JiNumberStatus
{
	JI_NUMBER_VALID,
	JI_NUMBER_MISSING,
	JI_NUMBER_INVALID
} JiNumberStatus;

extern JiNumberStatus ji_parse_number(const char *utf8, int len, Datum *result);

/* UTF-8 text converted from the server encoding, NUL-terminated. */
extern char *ji_utf8_from_server(const char *s, int len);

/* A UTF-8 string converted to a text datum in the server encoding. */
extern text *ji_text_from_utf8(const char *utf8, int len);

/* A UTF-8 string in the server encoding, NUL-terminated, for messages. */
extern char *ji_server_string(const char *utf8, int len);

/*
 * Reports the replies the jobindsats API gives instead of data, when a
 * document (UTF-8, leading white space skipped) is one: the wrong-key text
 * and an HTML page.
 */
extern void ji_check_not_data(const char *utf8, int len, const char *format);

/* Reports an error reply of the API (code and cause) as an error. */
extern void ji_report_api_error(const char *code, const char *cause);

#endif							/* BENCHMARK_JOBINDSATS_H */
