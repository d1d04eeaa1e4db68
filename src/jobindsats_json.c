/*
 * jobindsats_json.c
 *		jobindsats_json: JSON replies of the jobindsats API, one row per
 *		measure cell.
 *
 * Two shapes:
 *
 *	- API v2: a list of objects {"Variables": [{"Name": ..., "Label": ...},
 *	  ...], "Data": [[...], ...]}, each data row in the order of Variables.
 *	  The variable named area is the area, period the period, names that
 *	  start with _ (_kon) are dimensions, every other name a measure.  Columns
 *	  are labelled by Label.  Every element of the list is read.
 *	- API v3: {"columns": [labels], "rows": [[...], ...]}; the roles of the
 *	  columns are decided by their labels and cells (see jobindsats.c).
 *
 * Cells are JSON numbers, strings (numbers with a decimal comma or point,
 * labels, missing-value marks) or null.  An error reply of the API
 * ({"code": 422, "cause": "..."}) is an error giving its cause.
 */
#include "postgres.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "jobindsats.h"

PG_FUNCTION_INFO_V1(jobindsats_json);

/* What kind of JSON value v is, for messages. */
static const char *
json_kind(const JsonbValue *v)
{
	switch (v->type)
	{
		case jbvNull:
			return "null";
		case jbvString:
			return "a string";
		case jbvNumeric:
			return "a number";
		case jbvBool:
			return v->val.boolean ? "true" : "false";
		case jbvBinary:
			return JsonContainerIsArray(v->val.binary.data) ? "an array" : "an object";
		default:
			return "a JSON value";
	}
}

/* The member key of an object container, or NULL. */
static JsonbValue *
member(JsonbContainer *object, const char *key)
{
	return getKeyJsonValueFromContainer(object, key, strlen(key), NULL);
}

/* The array container of a value, or an error naming what it should be. */
static JsonbContainer *
array_of(const JsonbValue *v, const char *what)
{
	if (v == NULL || v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("%s of the jobindsats JSON reply is %s, not an array",
						what, v == NULL ? "missing" : json_kind(v))));
	return v->val.binary.data;
}

/* A value as UTF-8 text: a string's text, else its JSON text. */
static char *
value_utf8(JsonbValue *v)
{
	if (v->type == jbvString)
		return ji_utf8_from_server(v->val.string.val, v->val.string.len);
	if (v->type == jbvNumeric)
		return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	return pstrdup(json_kind(v));
}

/* A JSON value as a cell. */
static JiCell
json_cell(JsonbValue *v)
{
	JiCell		cell = {JI_NULL};

	switch (v->type)
	{
		case jbvNull:
			break;
		case jbvString:
			cell.type = JI_STRING;
			cell.str = value_utf8(v);
			cell.len = strlen(cell.str);
			break;
		case jbvNumeric:
			cell.type = JI_NUMBER;
			cell.number = NumericGetDatum(v->val.numeric);
			break;
		default:
			cell.type = JI_OTHER;
			cell.str = json_kind(v);
			break;
	}
	return cell;
}

/* Reads the data rows (an array of arrays of ncols values) into a table. */
static void
read_rows(JiTable *table, JsonbValue *rows, const char *name)
{
	JsonbContainer *array = array_of(rows, name);
	int			n = JsonContainerSize(array);
	int			i;
	int			col;

	for (i = 0; i < n; i++)
	{
		JsonbValue *row = getIthJsonbValueFromContainer(array, i);
		JsonbContainer *values;
		JiCell	   *cells;

		if (row->type != jbvBinary || !JsonContainerIsArray(row->val.binary.data))
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("%srow %d of the jobindsats JSON reply is %s, not an array",
							table->part, i + 1, json_kind(row))));
		values = row->val.binary.data;
		if (JsonContainerSize(values) != table->ncols)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("%srow %d of the jobindsats JSON reply has %d values, the columns are %d",
							table->part, i + 1, (int) JsonContainerSize(values), table->ncols)));
		cells = palloc(sizeof(JiCell) * Max(table->ncols, 1));
		for (col = 0; col < table->ncols; col++)
			cells[col] = json_cell(getIthJsonbValueFromContainer(values, col));
		ji_table_add_row(table, cells, i + 1);
	}
}

/* Reads a v3 reply {"columns": [...], "rows": [...]}. */
static JiTable *
read_v3(JsonbContainer *object)
{
	JsonbContainer *columns = array_of(member(object, "columns"), "\"columns\"");
	JiTable    *table = ji_table_new("JSON", "row", JsonContainerSize(columns));
	int			col;

	for (col = 0; col < table->ncols; col++)
	{
		JsonbValue *label = getIthJsonbValueFromContainer(columns, col);

		if (label->type != jbvString)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("column %d of the jobindsats JSON reply is labelled by %s, not a string",
							col + 1, json_kind(label))));
		table->labels[col] = value_utf8(label);
	}
	read_rows(table, member(object, "rows"), "\"rows\"");
	return table;
}

/* Reads one element {"Variables": [...], "Data": [...]} of a v2 reply. */
static JiTable *
read_v2(JsonbContainer *object, int element, int elements)
{
	JsonbContainer *variables = array_of(member(object, "Variables"), "\"Variables\"");
	JiTable    *table = ji_table_new("JSON", "row", JsonContainerSize(variables));
	int			col;

	if (elements > 1)
		table->part = psprintf("element %d, ", element + 1);
	for (col = 0; col < table->ncols; col++)
	{
		JsonbValue *variable = getIthJsonbValueFromContainer(variables, col);
		JsonbValue *name = NULL;
		JsonbValue *label = NULL;
		char	   *name_text;

		if (variable->type == jbvBinary && JsonContainerIsObject(variable->val.binary.data))
		{
			name = member(variable->val.binary.data, "Name");
			label = member(variable->val.binary.data, "Label");
		}
		if (name == NULL || name->type != jbvString)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("%svariable %d of the jobindsats JSON reply has no \"Name\"",
							table->part, col + 1),
					 errdetail("A variable is an object {\"Name\": \"_kon\", \"Label\": \"%s\"}.",
							   ji_server_string("K\xC3\xB8n", 4))));
		name_text = value_utf8(name);
		table->labels[col] = label != NULL && label->type == jbvString ? value_utf8(label) : name_text;
		if (pg_strcasecmp(name_text, "area") == 0)
			table->roles[col] = JI_AREA;
		else if (pg_strcasecmp(name_text, "period") == 0)
			table->roles[col] = JI_PERIOD;
		else if (name_text[0] == '_')
			table->roles[col] = JI_DIMENSION;
		else
			table->roles[col] = JI_MEASURE;
	}
	read_rows(table, member(object, "Data"), "\"Data\"");
	return table;
}

/* The keys of an object, for messages. */
static char *
object_keys(JsonbContainer *object)
{
	StringInfoData buf;
	JsonbIterator *it = JsonbIteratorInit(object);
	JsonbValue	v;
	JsonbIteratorToken token;
	int			depth = 0;

	initStringInfo(&buf);
	while ((token = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if (token == WJB_BEGIN_OBJECT || token == WJB_BEGIN_ARRAY)
			depth++;
		else if (token == WJB_END_OBJECT || token == WJB_END_ARRAY)
			depth--;
		else if (token == WJB_KEY && depth == 1)
			appendStringInfo(&buf, "%s\"%.*s\"", buf.len > 0 ? ", " : "",
							 v.val.string.len, v.val.string.val);
	}
	return buf.len > 0 ? buf.data : "none";
}

/* jobindsats_json(doc, table_id, dimensions): a row per measure cell */
Datum
jobindsats_json(PG_FUNCTION_ARGS)
{
	Jsonb	   *doc;
	Datum		table_id = PG_GETARG_DATUM(1);
	bool		table_id_null = PG_ARGISNULL(1);
	ArrayType  *dimensions = PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2);
	JsonbContainer *root;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	doc = PG_GETARG_JSONB_P(0);
	root = &doc->root;

	if (JB_ROOT_IS_SCALAR(doc))
	{
		JsonbValue *v = getIthJsonbValueFromContainer(root, 0);

		if (v->type == jbvString)
		{
			char	   *utf8 = value_utf8(v);

			ji_check_not_data(utf8, strlen(utf8), "JSON");
		}
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the document is %s, not a jobindsats JSON reply", json_kind(v)),
				 errhint("A reply is a list [{\"Variables\": ..., \"Data\": ...}] (API v2) or an object "
						 "{\"columns\": ..., \"rows\": ...} (API v3).")));
	}
	if (JsonContainerIsObject(root))
	{
		JsonbValue *cause = member(root, "cause");

		if (cause != NULL)
		{
			JsonbValue *code = member(root, "code");

			ji_report_api_error(code ? ji_server_string(value_utf8(code), strlen(value_utf8(code))) :
								"(no code)",
								ji_server_string(value_utf8(cause), strlen(value_utf8(cause))));
		}
		if (member(root, "columns") != NULL || member(root, "rows") != NULL)
			ji_table_emit(fcinfo, read_v3(root), table_id, table_id_null, dimensions);
		else if (member(root, "Variables") != NULL || member(root, "Data") != NULL)
			ji_table_emit(fcinfo, read_v2(root, 0, 1), table_id, table_id_null, dimensions);
		else
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("the document is a JSON object, but not a jobindsats reply"),
					 errdetail("Its keys are %s.", object_keys(root)),
					 errhint("A reply is a list [{\"Variables\": ..., \"Data\": ...}] (API v2) or an "
							 "object {\"columns\": ..., \"rows\": ...} (API v3).")));
	}
	else
	{
		int			n = JsonContainerSize(root);
		int			i;

		for (i = 0; i < n; i++)
		{
			JsonbValue *element = getIthJsonbValueFromContainer(root, i);

			if (element->type != jbvBinary || !JsonContainerIsObject(element->val.binary.data))
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("element %d of the jobindsats JSON reply is %s, not an object",
								i + 1, json_kind(element)),
						 errhint("A reply of the API v2 is a list of objects {\"Variables\": ..., \"Data\": ...}.")));
			ji_table_emit(fcinfo, read_v2(element->val.binary.data, i, n), table_id, table_id_null,
						  dimensions);
		}
	}
	return (Datum) 0;
}
