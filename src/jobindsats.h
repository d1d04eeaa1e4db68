/*
 * jobindsats.h
 *		The glue between the readers of jobindsats downloads
 *		(jobindsats_core.c, which knows nothing of PostgreSQL) and SQL: the
 *		rows they return, areas and periods, and the conversion of encodings.
 *
 * Readers work in UTF-8 whatever the server encoding: they convert the
 * document first and every text they return last.
 */
#ifndef BENCHMARK_JOBINDSATS_H
#define BENCHMARK_JOBINDSATS_H

#include "fmgr.h"
#include "utils/array.h"
#include "utils/jsonb.h"

#include "jobindsats_core.h"

/*
 * Reads a document (UTF-8, len bytes) and appends one row per measure cell
 * to the result set that InitMaterializedSRF set up:
 *
 *		(table_id, area, kommune, period, dimensions, measure, value, line)
 *
 * or with by_series, for the loader, one row per series with its cells:
 *
 *		(area, kommune, dimensions, measure, periods text[], cell_values numeric[])
 *
 * dimensions and decimal_mark are the readers' arguments (NULL when not
 * given).
 */
extern void ji_read_document(FunctionCallInfo fcinfo, const char *utf8, size_t len, JiFormat format,
							 Datum table_id, bool table_id_null, ArrayType *dimensions,
							 text *decimal_mark, bool by_series);

/* A text argument as UTF-8 (not copied when the server encoding is UTF-8); its length in *len. */
extern const char *ji_text_utf8(text *doc, size_t *len);

/* A jsonb document as UTF-8 text; its length in *len. */
extern const char *ji_jsonb_utf8(Jsonb *doc, size_t *len);

/*
 * Bytes in an encoding (a name PostgreSQL knows) as UTF-8, or an error
 * saying where they are not valid in it; format names the document in
 * messages ("CSV", "JSON").
 */
extern const char *ji_bytes_utf8(bytea *doc, const char *encoding_name, const char *format, size_t *len);

/* UTF-8 text converted from the server encoding, NUL-terminated. */
extern char *ji_utf8_from_server(const char *s, int len);

/* A UTF-8 string in the server encoding, NUL-terminated, for messages. */
extern char *ji_server_string(const char *utf8, int len);

/* Checks for query cancel and statement_timeout: the core's interrupt hook. */
extern void ji_check_for_interrupts(void);

/* Raises an error of the core. */
extern void ji_raise(const JiError *error) pg_attribute_noreturn();

/* The sentence that says which areas there are, for messages. */
extern char *ji_area_rules(void);

#endif							/* BENCHMARK_JOBINDSATS_H */
