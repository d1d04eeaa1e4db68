/*
 * jobindsats_csv.c
 *		jobindsats_csv: the CSV of the jobindsats API and databank, one row
 *		per measure cell.
 *
 * The format and what the cells mean are in jobindsats_core.c, the rows in
 * jobindsats.c.  Text is in the server encoding.  Bytes (the bytea form) are
 * read in the encoding given (UTF-8 unless told otherwise); bytes that are
 * not valid in it are an error naming the line, with a hint to the encoding
 * they probably are in.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "jobindsats.h"

PG_FUNCTION_INFO_V1(jobindsats_csv_text);
PG_FUNCTION_INFO_V1(jobindsats_csv_bytea);

/* jobindsats_csv(doc text, table_id, dimensions, decimal_mark): a row per measure cell */
Datum
jobindsats_csv_text(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		size_t		len;
		const char *utf8 = ji_text_utf8(PG_GETARG_TEXT_PP(0), &len);

		ji_read_document(fcinfo, utf8, len, JI_FORMAT_CSV, PG_GETARG_DATUM(1), PG_ARGISNULL(1),
						 PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2),
						 PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3), false);
	}
	return (Datum) 0;
}

/* jobindsats_csv(doc bytea, table_id, dimensions, encoding, decimal_mark): the same, from bytes */
Datum
jobindsats_csv_bytea(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (!PG_ARGISNULL(0))
	{
		size_t		len;
		const char *utf8 = ji_bytes_utf8(PG_GETARG_BYTEA_PP(0),
										 PG_ARGISNULL(3) ? "UTF8" : text_to_cstring(PG_GETARG_TEXT_PP(3)),
										 "CSV", &len);

		ji_read_document(fcinfo, utf8, len, JI_FORMAT_CSV, PG_GETARG_DATUM(1), PG_ARGISNULL(1),
						 PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2),
						 PG_ARGISNULL(4) ? NULL : PG_GETARG_TEXT_PP(4), false);
	}
	return (Datum) 0;
}
