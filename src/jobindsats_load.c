/*
 * jobindsats_load.c
 *		The entry of jobindsats_load: runs the loader
 *		(benchmark_internal.jobindsats_load_cells, src/sql/store/loader.sql)
 *		and reports its errors as the reader or the loader raised them.
 *
 * An error inside the loader would carry the loader's internal SQL as its
 * context (some thirty lines of it); the user needs the message, its detail
 * and hint.  So an error is raised again with one line of context that
 * names the load (the table and the form of the document), whatever it was
 * raised under.  Every form of jobindsats_load calls this one function; the
 * type of the document says which reader reads it.
 *
 * jobindsats_document_series is the loader's form of the readers: a
 * document's cells grouped by series (jobindsats.c), a row per series.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "jobindsats.h"

PG_FUNCTION_INFO_V1(jobindsats_load);
PG_FUNCTION_INFO_V1(jobindsats_document_series);

/* The loader's arguments: reader, table, document, dimensions, encoding, labels, keep_other_areas. */
#define LOAD_ARGS 7

/* The table id as the context line may show it: a plain id, else nothing. */
static const char *
table_shown(FunctionCallInfo fcinfo)
{
	char	   *name;
	char	   *c;

	if (PG_ARGISNULL(0))
		return "";
	name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (strlen(name) > NAMEDATALEN)
		return "";
	for (c = name; *c; c++)
	{
		if (!isalnum((unsigned char) *c) && *c != '_')
			return "";
		*c = pg_ascii_toupper((unsigned char) *c);
	}
	return psprintf(" of table %s", name);
}

/* jobindsats_load(table_id, doc, ...): the loader's one row, its errors without internal context */
/*
 * Whether a text document is JSON (API v2/v3, records or JSON lines): its
 * first character after blanks and a byte order mark is "{" or "[", which
 * no jobindsats CSV download begins with.  Reads the first bytes only.
 */
static bool
text_is_json(Datum doc)
{
	text	   *head = DatumGetTextPSlice(doc, 0, 256);
	const unsigned char *c = (const unsigned char *) VARDATA_ANY(head);
	const unsigned char *end = c + VARSIZE_ANY_EXHDR(head);

	if (end - c >= 3 && c[0] == 0xEF && c[1] == 0xBB && c[2] == 0xBF)
		c += 3;
	while (c < end && (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n'))
		c++;
	return c < end && (*c == '{' || *c == '[');
}

Datum
jobindsats_load(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			doc_type = get_fn_expr_argtype(fcinfo->flinfo, 1);
	const char *reader;
	const char *form;
	Oid			argtypes[LOAD_ARGS] = {TEXTOID, TEXTOID, InvalidOid, TEXTARRAYOID, TEXTOID, JSONBOID, BOOLOID};
	Datum		values[LOAD_ARGS];
	char		nulls[LOAD_ARGS];
	int			encoding_arg = -1;
	int			labels_arg = -1;
	int			keep_arg;
	const char *table;
	MemoryContext caller_context = CurrentMemoryContext;
	int			i;

	switch (doc_type)
	{
		case TEXTOID:
			reader = PG_ARGISNULL(1) || !text_is_json(PG_GETARG_DATUM(1)) ? "csv" : "json-text";
			form = strcmp(reader, "csv") == 0 ? "CSV text" : "JSON text";
			keep_arg = 3;
			break;
		case BYTEAOID:
			reader = "csv-bytes";
			form = "CSV bytes";
			encoding_arg = 3;
			keep_arg = 4;
			break;
		case JSONBOID:
			reader = "json";
			form = "JSON";
			keep_arg = 3;
			break;
		case REGCLASSOID:
			reader = "wide";
			form = "wide table";
			labels_arg = 3;
			keep_arg = 4;
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("jobindsats_load: a document of type %s cannot be loaded", format_type_be(doc_type))));
	}
	argtypes[2] = doc_type;
	memset(nulls, ' ', sizeof(nulls));
	values[0] = CStringGetTextDatum(reader);
	for (i = 0; i < 2; i++)
	{
		values[i + 1] = PG_GETARG_DATUM(i);
		nulls[i + 1] = PG_ARGISNULL(i) ? 'n' : ' ';
	}
	values[3] = PG_GETARG_DATUM(2);
	nulls[3] = PG_ARGISNULL(2) ? 'n' : ' ';
	values[4] = encoding_arg >= 0 ? PG_GETARG_DATUM(encoding_arg) : (Datum) 0;
	nulls[4] = encoding_arg >= 0 && !PG_ARGISNULL(encoding_arg) ? ' ' : 'n';
	values[5] = labels_arg >= 0 ? PG_GETARG_DATUM(labels_arg) : (Datum) 0;
	nulls[5] = labels_arg >= 0 && !PG_ARGISNULL(labels_arg) ? ' ' : 'n';
	values[6] = PG_GETARG_DATUM(keep_arg);
	nulls[6] = PG_ARGISNULL(keep_arg) ? 'n' : ' ';
	table = table_shown(fcinfo);

	InitMaterializedSRF(fcinfo, 0);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "jobindsats_load: SPI_connect failed");
	PG_TRY();
	{
		if (SPI_execute_with_args("SELECT * FROM benchmark_internal.jobindsats_load_cells($1, $2, $3, $4, $5, $6, $7)",
								  LOAD_ARGS, argtypes, values, nulls, false, 1) != SPI_OK_SELECT ||
			SPI_processed != 1)
			elog(ERROR, "jobindsats_load: the loader returned no row");
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(caller_context);
		edata = CopyErrorData();
		FlushErrorState();
		edata->context = psprintf("jobindsats_load%s (%s)", table, form);
		edata->internalquery = NULL;
		edata->internalpos = 0;
		ReThrowError(edata);
	}
	PG_END_TRY();

	{
		Datum		row[20];
		bool		row_nulls[20];
		TupleDesc	desc = SPI_tuptable->tupdesc;

		if (desc->natts != rsinfo->setDesc->natts || desc->natts > lengthof(row))
			elog(ERROR, "jobindsats_load: the loader's row has %d columns, the result %d",
				 desc->natts, rsinfo->setDesc->natts);
		heap_deform_tuple(SPI_tuptable->vals[0], desc, row, row_nulls);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, row, row_nulls);
	}
	SPI_finish();
	return (Datum) 0;
}

/*
 * jobindsats_document_series(reader, doc, dimensions, encoding): a CSV
 * (reader 'csv') or JSON ('json') document, given as text, bytes in an
 * encoding or jsonb, read as jobindsats_csv or jobindsats_json read it,
 * a row per series with its cells (see jobindsats.h)
 */
Datum
jobindsats_document_series(PG_FUNCTION_ARGS)
{
	Oid			doc_type = get_fn_expr_argtype(fcinfo->flinfo, 1);
	char	   *reader;
	JiFormat	format;
	const char *utf8;
	size_t		len;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	reader = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (strcmp(reader, "csv") == 0)
		format = JI_FORMAT_CSV;
	else if (strcmp(reader, "json") == 0)
		format = JI_FORMAT_JSON;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("jobindsats_document_series: unknown reader \"%s\"", reader),
				 errhint("The reader is csv or json.")));
	if (doc_type == BYTEAOID)
		utf8 = ji_bytes_utf8(PG_GETARG_BYTEA_PP(1), PG_ARGISNULL(3) ? "UTF8" : text_to_cstring(PG_GETARG_TEXT_PP(3)),
							 format == JI_FORMAT_CSV ? "CSV" : "JSON", &len);
	else if (doc_type == JSONBOID)
		utf8 = ji_jsonb_utf8(PG_GETARG_JSONB_P(1), &len);
	else
		utf8 = ji_text_utf8(PG_GETARG_TEXT_PP(1), &len);
	ji_read_document(fcinfo, utf8, len, format, (Datum) 0, true,
					 PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2), NULL, true);
	return (Datum) 0;
}
