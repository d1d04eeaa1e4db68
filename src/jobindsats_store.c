/*
 * jobindsats_store.c
 *		The observation store's C side: the area rule of the jobindsats
 *		readers for SQL (what the store and the reader of wide tables
 *		need), the loader's series ordinal, and the gathering of the
 *		tables a write touched.
 *
 * jobindsats_area_kommune(area text) reads an area as the readers do: a
 * municipality's name (as the kommune type reads it) gives its kommune; the
 * whole country ("Hele landet"), the regions, the landsdele, the RAR areas
 * and "Uoplyst område" give NULL (see kommune_area_kind); any other text is
 * an error (22P02) naming it.
 *
 * jobindsats_area_fits(area text, kommune kommune) is the store's check of
 * the same rule: an area and kommune as a load stores them, the
 * municipality's official name with its kommune, or one of the other areas
 * with kommune NULL.
 *
 * jobindsats_series_ordinal(measure text, area text, dimensions jsonb)
 * numbers the series a loader's statement meets: the ordinal of the series
 * (measure, area, dimensions) among those its call site has met, in the
 * order first met, negative for the cell that meets it first.  The loader
 * reads a document's series from those first cells and matches every cell
 * with its series by the ordinal, an integer, instead of by its labels.
 * The series met are kept for the call site (one statement) in fn_extra.
 * Equal series have equal bytes as the readers write them (the labels are
 * texts compared byte by byte, a breakdown a jsonb object of string values
 * with its keys sorted), so a series gets one ordinal however often it is
 * met.
 *
 * The gathering of the tables a write to the store touched: a load's one
 * statement writes a table's series and cells, and a statement on the view
 * jobindsats_observation writes its cells one row at a time, so their
 * tables' stored series are derived once when the write ends, not after each
 * statement inside it.  jobindsats_store_gather_begin() opens a level of
 * gathering, jobindsats_store_gather(tables) adds tables to it (false when
 * none is open: the caller derives at once), jobindsats_store_gather_take()
 * closes the innermost level and returns the tables when it was the
 * outermost.  The state is the backend's, not a setting a session could
 * set: a level that a subtransaction opened goes when it aborts, and a
 * transaction that would commit with a level open fails (55000), so that
 * no write's derivation can be left out.  An INSERT into the series' table
 * opens a level of gathering and gathers its rows' tables as it writes
 * them (jobindsats_series_gather, a statement and a row trigger), so that
 * no copy of its rows is kept for the statement's end.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "nodes/pg_list.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "jobindsats.h"
#include "kommune.h"
#include "label_ids.h"

PG_FUNCTION_INFO_V1(jobindsats_area_kommune);
PG_FUNCTION_INFO_V1(jobindsats_area_fits);
PG_FUNCTION_INFO_V1(jobindsats_series_ordinal);
PG_FUNCTION_INFO_V1(jobindsats_store_gather_begin);
PG_FUNCTION_INFO_V1(jobindsats_store_gather);
PG_FUNCTION_INFO_V1(jobindsats_store_gather_take);
PG_FUNCTION_INFO_V1(jobindsats_series_gather);


/* What jobindsats_series_ordinal keeps for its call site. */
typedef struct SeriesOrdinals
{
	label_ids_hash *met;	/* a series' key (its measure, area and dimensions, each after its length) */
	MemoryContext keys;			/* the keys of the series met */
	StringInfoData key;			/* the key being looked up */
	int32		count;
} SeriesOrdinals;

/*
 * The open levels of gathering, innermost last: the subtransaction that
 * opened each, and the tables gathered (C strings), all in
 * TopTransactionContext.
 */
static List *gather_levels = NIL;
static List *gather_tables = NIL;
static bool gather_callbacks_registered = false;

/* jobindsats_area_kommune(text): the kommune of an area, NULL for the others */
Datum
jobindsats_area_kommune(PG_FUNCTION_ARGS)
{
	text	   *area = PG_GETARG_TEXT_PP(0);
	char	   *utf8 = ji_utf8_from_server(VARDATA_ANY(area), VARSIZE_ANY_EXHDR(area));
	int			len = strlen(utf8);
	int			code;

	if (len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("missing area: the area is empty")));
	code = kommune_code_of_utf8(utf8, len);
	if (code != 0)
		PG_RETURN_INT16((int16) code);
	if (kommune_area_kind(utf8, len) != KOMMUNE_AREA_NONE)
		PG_RETURN_NULL();
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("unknown jobindsats area: \"%s\"", ji_server_string(utf8, Min(len, JI_EXCERPT_MAX))),
			 errdetail_internal("%s", ji_area_rules())));
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

/* jobindsats_area_fits(text, kommune): whether an area and kommune are as a load stores them */
Datum
jobindsats_area_fits(PG_FUNCTION_ARGS)
{
	text	   *area;
	char	   *utf8;
	int			len;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	area = PG_GETARG_TEXT_PP(0);
	utf8 = ji_utf8_from_server(VARDATA_ANY(area), VARSIZE_ANY_EXHDR(area));
	len = strlen(utf8);
	if (!PG_ARGISNULL(1))
	{
		const KommuneInfo *info = kommune_info_by_code(PG_GETARG_INT16(1));

		PG_RETURN_BOOL(info != NULL && strcmp(info->name, utf8) == 0);
	}
	PG_RETURN_BOOL(len > 0 && kommune_code_of_utf8(utf8, len) == 0 &&
				   kommune_area_kind(utf8, len) != KOMMUNE_AREA_NONE);
}

/* Appends one part of a series' key: its length (-1 for NULL), then its bytes. */
static void
series_key_append(StringInfo key, FunctionCallInfo fcinfo, int arg)
{
	int32		len = -1;

	if (!PG_ARGISNULL(arg))
	{
		struct varlena *part = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(arg));

		len = VARSIZE_ANY_EXHDR(part);
		appendBinaryStringInfo(key, (const char *) &len, sizeof(len));
		appendBinaryStringInfo(key, VARDATA_ANY(part), len);
		return;
	}
	appendBinaryStringInfo(key, (const char *) &len, sizeof(len));
}

/* jobindsats_series_ordinal(text, text, jsonb): the series' ordinal, negative where first met */
Datum
jobindsats_series_ordinal(PG_FUNCTION_ARGS)
{
	SeriesOrdinals *state = (SeriesOrdinals *) fcinfo->flinfo->fn_extra;
	int32		ordinal;
	bool		found;

	if (state == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		state = palloc0(sizeof(SeriesOrdinals));
		state->keys = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "jobindsats series met",
											ALLOCSET_DEFAULT_SIZES);
		state->met = label_ids_create(fcinfo->flinfo->fn_mcxt, 1024, NULL);
		initStringInfo(&state->key);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = state;
	}
	resetStringInfo(&state->key);
	series_key_append(&state->key, fcinfo, 0);
	series_key_append(&state->key, fcinfo, 1);
	series_key_append(&state->key, fcinfo, 2);
	if (state->count == PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("jobindsats_series_ordinal: more than %d series in one statement", PG_INT32_MAX)));
	ordinal = label_ids_number(state->met, state->keys, state->key.data, state->key.len, state->count + 1, &found);
	if (found)
		PG_RETURN_INT32(ordinal);
	state->count = ordinal;
	PG_RETURN_INT32(-ordinal);
}

/* Forgets every level of gathering and the tables gathered. */
static void
store_gather_reset(void)
{
	gather_levels = NIL;
	gather_tables = NIL;
}

/* At a commit with a level of gathering open: fails; at a transaction's end: forgets the gathering. */
static void
store_gather_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PARALLEL_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			if (gather_levels != NIL)
				ereport(ERROR,
						(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
						 errmsg("cannot commit while a gathering of the observation store's writes is open"),
						 errdetail("jobindsats_store_gather_begin() was called without jobindsats_store_gather_end(): the stored series of the tables written would not be derived."),
						 errhint("Write the store with jobindsats_load or through the view jobindsats_observation; they derive the series themselves.")));
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			store_gather_reset();
			break;
	}
}

/* A subtransaction's levels go with it when it aborts and pass to its parent when it commits. */
static void
store_gather_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
							  SubTransactionId parentSubid, void *arg)
{
	ListCell   *cell;

	if (event == SUBXACT_EVENT_ABORT_SUB)
	{
		while (gather_levels != NIL && (SubTransactionId) llast_oid(gather_levels) == mySubid)
			gather_levels = list_delete_last(gather_levels);
		if (gather_levels == NIL)
			store_gather_reset();
	}
	else if (event == SUBXACT_EVENT_COMMIT_SUB)
	{
		foreach(cell, gather_levels)
		{
			if ((SubTransactionId) lfirst_oid(cell) == mySubid)
				lfirst_oid(cell) = (Oid) parentSubid;
		}
	}
}

/* Opens a level of gathering, the current subtransaction's. */
static void
store_gather_open(void)
{
	MemoryContext old;

	if (!gather_callbacks_registered)
	{
		RegisterXactCallback(store_gather_xact_callback, NULL);
		RegisterSubXactCallback(store_gather_subxact_callback, NULL);
		gather_callbacks_registered = true;
	}
	old = MemoryContextSwitchTo(TopTransactionContext);
	gather_levels = lappend_oid(gather_levels, (Oid) GetCurrentSubTransactionId());
	MemoryContextSwitchTo(old);
}

/* jobindsats_store_gather_begin(): opens a level of gathering the tables the store's writes touch */
Datum
jobindsats_store_gather_begin(PG_FUNCTION_ARGS)
{
	store_gather_open();
	PG_RETURN_VOID();
}

/* Adds a table to the open gathering, once. */
static void
store_gather_table(const char *table, size_t len)
{
	ListCell   *cell;
	MemoryContext old;

	foreach(cell, gather_tables)
	{
		const char *known = (const char *) lfirst(cell);

		if (strlen(known) == len && memcmp(known, table, len) == 0)
			return;
	}
	old = MemoryContextSwitchTo(TopTransactionContext);
	gather_tables = lappend(gather_tables, pnstrdup(table, len));
	MemoryContextSwitchTo(old);
}

/* jobindsats_store_gather(text[]): adds the tables to the open gathering; false when none is open */
Datum
jobindsats_store_gather(PG_FUNCTION_ARGS)
{
	ArrayType  *tables;
	Datum	   *values;
	bool	   *nulls;
	int			count;

	if (gather_levels == NIL)
		PG_RETURN_BOOL(false);
	tables = PG_GETARG_ARRAYTYPE_P(0);
	deconstruct_array(tables, TEXTOID, -1, false, TYPALIGN_INT, &values, &nulls, &count);
	for (int i = 0; i < count; i++)
	{
		text	   *table;

		if (nulls[i])
			continue;
		table = DatumGetTextPP(values[i]);
		store_gather_table(VARDATA_ANY(table), VARSIZE_ANY_EXHDR(table));
	}
	PG_RETURN_BOOL(true);
}

/*
 * Trigger function before an INSERT into jobindsats_observation_series:
 * before the statement, opens a level of gathering (closed by the
 * statement's AFTER trigger, jobindsats_series_after_store); before each
 * row, adds the series' table to it when the series has cells (a series
 * without cells is no write) and writes the row as it is.
 */
Datum
jobindsats_series_gather(PG_FUNCTION_ARGS)
{
	TriggerData *trigger = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	Datum		periods;
	Datum		table;
	bool		isnull;
	int		   *columns = (int *) fcinfo->flinfo->fn_extra;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigger->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(trigger->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("jobindsats_series_gather: not called as a trigger before INSERT")));
	if (!TRIGGER_FIRED_FOR_ROW(trigger->tg_event))
	{
		store_gather_open();
		PG_RETURN_POINTER(NULL);
	}
	desc = RelationGetDescr(trigger->tg_relation);
	if (columns == NULL)
	{
		columns = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(int) * 2);
		columns[0] = SPI_fnumber(desc, "table_id");
		columns[1] = SPI_fnumber(desc, "periods");
		if (columns[0] <= 0 || columns[1] <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("jobindsats_series_gather: table \"%s\" has no columns table_id and periods",
							RelationGetRelationName(trigger->tg_relation))));
		fcinfo->flinfo->fn_extra = columns;
	}
	if (gather_levels == NIL)
		PG_RETURN_POINTER(trigger->tg_trigtuple);
	periods = heap_getattr(trigger->tg_trigtuple, columns[1], desc, &isnull);
	if (!isnull)
	{
		ArrayType  *array = DatumGetArrayTypeP(periods);

		if (ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array)) > 0)
		{
			table = heap_getattr(trigger->tg_trigtuple, columns[0], desc, &isnull);
			if (!isnull)
				store_gather_table(VARDATA_ANY(DatumGetTextPP(table)), VARSIZE_ANY_EXHDR(DatumGetTextPP(table)));
		}
		if ((Pointer) array != DatumGetPointer(periods))
			pfree(array);
	}
	PG_RETURN_POINTER(trigger->tg_trigtuple);
}

/* Orders two gathered tables by their names. */
static int
gathered_table_cmp(const ListCell *a, const ListCell *b)
{
	return strcmp((const char *) lfirst(a), (const char *) lfirst(b));
}

/* jobindsats_store_gather_take(): closes the innermost level; the tables gathered when it was the outermost, else NULL */
Datum
jobindsats_store_gather_take(PG_FUNCTION_ARGS)
{
	Datum	   *values;
	int			count = 0;
	ListCell   *cell;

	if (gather_levels == NIL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("no gathering of the tables written to the observation store is open")));
	gather_levels = list_delete_last(gather_levels);
	if (gather_levels != NIL)
		PG_RETURN_NULL();
	list_sort(gather_tables, gathered_table_cmp);
	values = palloc(sizeof(Datum) * Max(list_length(gather_tables), 1));
	foreach(cell, gather_tables)
		values[count++] = CStringGetTextDatum((char *) lfirst(cell));
	gather_tables = NIL;
	PG_RETURN_ARRAYTYPE_P(construct_array(values, count, TEXTOID, -1, false, TYPALIGN_INT));
}
