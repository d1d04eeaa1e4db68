/*
 * drop_guard.c
 *		Keeps DROP EXTENSION benchmark from deleting the users' catalog rows
 *		without saying so.
 *
 * The catalog tables (models, peer groups, targets, jobindsats terms,
 * mappings and registered wide tables, and the rows that belong to them) and
 * the observation store are members of the extension: DROP EXTENSION drops
 * them with every row users added or loaded.  An event trigger on
 * ddl_command_start for DROP EXTENSION runs benchmark_drop_guard, which
 * refuses a DROP EXTENSION that names benchmark without CASCADE while any of
 * them holds rows that pg_dump would dump (the rows its configuration-table
 * condition selects: not shipped, or all rows of the store), and says what
 * and how much.  With CASCADE the drop proceeds.
 *
 * The guard runs as whoever drops the extension, usually a superuser, so its
 * queries run with search_path pinned to pg_catalog: no operator or function
 * a user created elsewhere can take part in them.
 *
 * Not covered (no DROP EXTENSION statement runs): DROP SCHEMA ... CASCADE of
 * the extension's schema, DROP OWNED BY the extension's owner, DROP DATABASE.
 * Nor does the guard stand in the way of a restore: while a dump is restored
 * (check_function_bodies off, as pg_dump's scripts and pg_restore set it),
 * pg_restore --clean drops the extension to replace its rows with the dump's.
 */
#include "postgres.h"

#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/parsenodes.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

/* The extension whose drop is guarded. */
#define DROP_GUARD_EXTENSION "benchmark"

/* At most this many names of each kind are listed in the error's detail. */
#define DROP_GUARD_MAX_NAMES 10

PG_FUNCTION_INFO_V1(benchmark_drop_guard);

/*
 * The configuration tables whose rows are listed: the table, the column whose
 * values name the rows in the detail, and what a row is; and the view that
 * names them where the table has no such column (NULL: the table itself).
 */
typedef struct DropGuardKind
{
	const char *table;
	const char *key;
	const char *singular;
	const char *plural;
	const char *names_are;		/* "" or what the listed names are, "tables " */
	const char *view;
} DropGuardKind;

static const DropGuardKind drop_guard_kinds[] = {
	{"model", "model", "model", "models", "", NULL},
	{"target", "target", "target", "targets", "", NULL},
	{"peer_group", "peer_group", "peer group", "peer groups", "", NULL},
	{"jobindsats_term", "term", "jobindsats term", "jobindsats terms", "", NULL},
	{"jobindsats_mapping", "mapping", "jobindsats mapping", "jobindsats mappings", "", NULL},
	{"jobindsats_source", "table_id", "registered wide table", "registered wide tables", "", NULL},
	{"jobindsats_observation_series", "table_id", "loaded observation", "loaded observations", "tables ", "benchmark.jobindsats_observation"},
	{"jobindsats_loads", "table_id", "logged load", "logged loads", "tables ", NULL},
	{"jobindsats_measure_label", "table_id", "jobindsats measure label", "jobindsats measure labels", "tables ", NULL},
	{"jobindsats_series_form", "period_form", "stored period form", "stored period forms", "", NULL},
	{"jobindsats_observation_revision", "table_id", "kept vintage", "kept vintages", "tables ", NULL},
	{"jobindsats_vintage_pin", "label", "pinned moment", "pinned moments", "", NULL},
};

/* True when a DROP EXTENSION statement's list of names holds the guarded extension. */
static bool
drop_guard_names_extension(List *objects)
{
	ListCell   *lc;

	foreach(lc, objects)
	{
		Node	   *name = (Node *) lfirst(lc);

		if (IsA(name, String) && strcmp(strVal(name), DROP_GUARD_EXTENSION) == 0)
			return true;
	}
	return false;
}

/* Runs a read-only query through SPI, failing on anything but a SELECT. */
static void
drop_guard_select(const char *query)
{
	int			ret = SPI_execute(query, true, 0);

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: error code %d", ret);
}

/*
 * Appends "2 targets (a, b)" to buf for the rows of one kind that pg_dump
 * would dump: those of the configuration table relid that its condition
 * selects.  Appends nothing and returns false when there are none.
 */
static bool
drop_guard_describe_kind(StringInfo buf, Oid relid, const char *condition,
						 const DropGuardKind *kind)
{
	StringInfoData query;
	char	   *relation;
	int64		nrows;
	int64		nnames;
	Datum		names;
	bool		isnull;
	ArrayType  *array;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			i;

	relation = kind->view ? pstrdup(kind->view) :
		quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), get_rel_name(relid));
	initStringInfo(&query);
	appendStringInfo(&query,
					 "SELECT pg_catalog.count(*), pg_catalog.count(DISTINCT %s),"
					 " (SELECT pg_catalog.array_agg(k) FROM"
					 "   (SELECT DISTINCT %s::pg_catalog.text AS k FROM %s %s ORDER BY 1 LIMIT %d) AS names)"
					 " FROM %s %s",
					 quote_identifier(kind->key), quote_identifier(kind->key), relation, condition,
					 DROP_GUARD_MAX_NAMES, relation, condition);
	drop_guard_select(query.data);
	pfree(query.data);

	nrows = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if (nrows == 0)
		return false;
	nnames = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	names = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);

	if (buf->len > 0)
		appendStringInfoString(buf, "; ");
	appendStringInfo(buf, INT64_FORMAT " %s", nrows, nrows == 1 ? kind->singular : kind->plural);
	if (isnull)
		return true;
	array = DatumGetArrayTypeP(names);
	deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	appendStringInfo(buf, " (%s", kind->names_are);
	for (i = 0; i < nelems; i++)
		appendStringInfo(buf, "%s%s", i > 0 ? ", " : "",
						 nulls[i] ? "?" : TextDatumGetCString(elems[i]));
	if (nnames > nelems)
		appendStringInfo(buf, " and " INT64_FORMAT " more", nnames - nelems);
	appendStringInfoChar(buf, ')');
	return true;
}

/*
 * Lists the rows users added to the extension's configuration tables in buf
 * ("1 model (mine); 2 targets (a, b)"), looking each table up among the
 * configuration tables (whatever their schema) with the condition pg_dump
 * dumps it by, so that a missing table or column is skipped.  Returns false
 * when there are none.
 */
static bool
drop_guard_describe_user_rows(Oid extoid, StringInfo buf)
{
	int			k;
	bool		found = false;

	for (k = 0; k < lengthof(drop_guard_kinds); k++)
	{
		const DropGuardKind *kind = &drop_guard_kinds[k];
		StringInfoData query;
		Oid			relid;
		char	   *condition;
		bool		isnull;

		/* the configuration table of this name whose rows (or view) have the key column */
		initStringInfo(&query);
		appendStringInfo(&query,
						 "SELECT cfg.relid, cfg.condition"
						 " FROM pg_catalog.pg_extension e"
						 " CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(e.extconfig), pg_catalog.unnest(e.extcondition)) AS cfg(relid, condition)"
						 " JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) cfg.relid"
						 " JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) %s"
						 " WHERE e.oid OPERATOR(pg_catalog.=) %u::pg_catalog.oid"
						 " AND c.relname OPERATOR(pg_catalog.=) %s::pg_catalog.name"
						 " AND a.attname OPERATOR(pg_catalog.=) %s::pg_catalog.name AND NOT a.attisdropped",
						 kind->view ? psprintf("pg_catalog.to_regclass(%s)", quote_literal_cstr(kind->view)) : "c.oid",
						 extoid, quote_literal_cstr(kind->table), quote_literal_cstr(kind->key));
		drop_guard_select(query.data);
		pfree(query.data);
		if (SPI_processed == 0)
			continue;
		relid = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		condition = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);

		if (drop_guard_describe_kind(buf, relid, condition ? condition : "", kind))
			found = true;
	}
	return found;
}

/* Event trigger (ddl_command_start, DROP EXTENSION): refuses to drop the users' rows without CASCADE. */
Datum
benchmark_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	DropStmt   *stmt;
	Oid			extoid;
	StringInfoData rows;
	bool		found;
	int			save_nestlevel;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function benchmark_drop_guard must be called as an event trigger")));

	trigdata = (EventTriggerData *) fcinfo->context;
	if (trigdata->parsetree == NULL || !IsA(trigdata->parsetree, DropStmt))
		PG_RETURN_NULL();
	stmt = (DropStmt *) trigdata->parsetree;
	if (stmt->removeType != OBJECT_EXTENSION || stmt->behavior == DROP_CASCADE)
		PG_RETURN_NULL();
	if (!drop_guard_names_extension(stmt->objects))
		PG_RETURN_NULL();

	/* pg_restore --clean replaces the catalog's rows with the dump's */
	if (!check_function_bodies)
		PG_RETURN_NULL();

	/* DROP EXTENSION IF EXISTS of an extension that is not there */
	extoid = get_extension_oid(DROP_GUARD_EXTENSION, true);
	if (!OidIsValid(extoid))
		PG_RETURN_NULL();

	initStringInfo(&rows);
	save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	found = drop_guard_describe_user_rows(extoid, &rows);
	SPI_finish();
	AtEOXact_GUC(true, save_nestlevel);

	/* rows.data was allocated before SPI_connect: it outlives SPI_finish */
	if (found)
		ereport(ERROR,
				(errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				 errmsg("cannot drop extension %s because its catalog holds rows that users added",
						DROP_GUARD_EXTENSION),
				 errdetail("DROP EXTENSION would delete them with the extension's tables: %s.", rows.data),
				 errhint("Dump them first (pg_dump keeps them), or use DROP EXTENSION ... CASCADE to drop them with the extension.")));

	PG_RETURN_NULL();
}
