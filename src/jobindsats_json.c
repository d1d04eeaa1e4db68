/*
 * jobindsats_json.c
 *		jobindsats_json: JSON replies of the jobindsats API (v2 and v3),
 *		records and JSON lines, one row per measure cell.
 *
 * The shapes and what the cells mean are in jobindsats_core.c, the rows in
 * jobindsats.c.  The document is read as text, whichever type it comes in:
 * given as text or bytes, the reader sees what a jsonb cast would lose (a key
 * written twice) and reads JSON lines; a jsonb document is read from its
 * text, and its objects' keys come in jsonb's order (shorter keys first).
 */
#include "postgres.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "jobindsats.h"

PG_FUNCTION_INFO_V1(jobindsats_json);
PG_FUNCTION_INFO_V1(jobindsats_json_text);
PG_FUNCTION_INFO_V1(jobindsats_json_bytea);

/* Reads a JSON document (UTF-8) with the arguments of a reader whose decimal_mark is argument mark_arg. */
static void
read_json(FunctionCallInfo fcinfo, const char *utf8, size_t len, int mark_arg)
{
	ji_read_document(fcinfo, utf8, len, JI_FORMAT_JSON, PG_GETARG_DATUM(1), PG_ARGISNULL(1),
					 PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2),
					 PG_ARGISNULL(mark_arg) ? NULL : PG_GETARG_TEXT_PP(mark_arg), false);
}

/* jobindsats_json(doc jsonb, table_id, dimensions, decimal_mark): a row per measure cell */
Datum
jobindsats_json(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		size_t		len;
		const char *utf8 = ji_jsonb_utf8(PG_GETARG_JSONB_P(0), &len);

		read_json(fcinfo, utf8, len, 3);
	}
	return (Datum) 0;
}

/* jobindsats_json(doc text, table_id, dimensions, decimal_mark): the same, from text */
Datum
jobindsats_json_text(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		size_t		len;
		const char *utf8 = ji_text_utf8(PG_GETARG_TEXT_PP(0), &len);

		read_json(fcinfo, utf8, len, 3);
	}
	return (Datum) 0;
}

/* jobindsats_json(doc bytea, table_id, dimensions, encoding, decimal_mark): the same, from bytes */
Datum
jobindsats_json_bytea(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		size_t		len;
		const char *utf8 = ji_bytes_utf8(PG_GETARG_BYTEA_PP(0),
										 PG_ARGISNULL(3) ? "UTF8" : text_to_cstring(PG_GETARG_TEXT_PP(3)),
										 "JSON", &len);

		read_json(fcinfo, utf8, len, 4);
	}
	return (Datum) 0;
}
