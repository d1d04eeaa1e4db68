/*
 * drop_guard.c
 *		Keeps DROP EXTENSION benchmark from deleting the users' catalog rows
 *		without saying so.
 *
 * The catalog tables (models, peer groups, targets and the rows that belong
 * to them) are members of the extension: DROP EXTENSION drops them with
 * every row users added.  An event trigger on ddl_command_start for DROP
 * EXTENSION runs benchmark_drop_guard, which refuses a DROP EXTENSION that
 * names benchmark without CASCADE while user (not shipped) models, targets
 * or peer groups exist, and says which.  With CASCADE the drop proceeds.
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
#include "utils/builtins.h"
#include "utils/guc.h"

/* The extension whose drop is guarded. */
#define DROP_GUARD_EXTENSION "benchmark"

/* At most this many names of each kind are listed in the error's detail. */
#define DROP_GUARD_MAX_NAMES 10

PG_FUNCTION_INFO_V1(benchmark_drop_guard);

/* The catalog tables whose user rows are listed: table (= key column) and what a row is. */
typedef struct DropGuardKind
{
	const char *table;
	const char *singular;
	const char *plural;
} DropGuardKind;

static const DropGuardKind drop_guard_kinds[] = {
	{"model", "model", "models"},
	{"target", "target", "targets"},
	{"peer_group", "peer group", "peer groups"},
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

/*
 * Appends "2 targets (a, b)" to buf for the user rows of one kind, found in
 * the extension's configuration table of that name (schema nspname); appends
 * nothing and returns false when there are none.
 */
static bool
drop_guard_describe_kind(StringInfo buf, const char *nspname, const DropGuardKind *kind)
{
	StringInfoData query;
	uint64		nrows;
	uint64		i;
	int			ret;

	initStringInfo(&query);
	appendStringInfo(&query,
					 "SELECT %s::pg_catalog.text FROM %s.%s WHERE NOT shipped ORDER BY 1",
					 quote_identifier(kind->table), quote_identifier(nspname),
					 quote_identifier(kind->table));
	ret = SPI_execute(query.data, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: error code %d", ret);
	pfree(query.data);

	nrows = SPI_processed;
	if (nrows == 0)
		return false;

	if (buf->len > 0)
		appendStringInfoString(buf, "; ");
	appendStringInfo(buf, UINT64_FORMAT " %s (", nrows,
					 nrows == 1 ? kind->singular : kind->plural);
	for (i = 0; i < nrows && i < DROP_GUARD_MAX_NAMES; i++)
	{
		char	   *name = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);

		appendStringInfo(buf, "%s%s", i > 0 ? ", " : "", name ? name : "?");
	}
	if (nrows > DROP_GUARD_MAX_NAMES)
		appendStringInfo(buf, " and " UINT64_FORMAT " more", nrows - DROP_GUARD_MAX_NAMES);
	appendStringInfoChar(buf, ')');
	return true;
}

/*
 * Lists the user rows of the extension's catalog in buf ("1 model (mine);
 * 2 targets (a, b)"), looking the tables up among the extension's
 * configuration tables (whatever their schema), so that a missing table is
 * skipped.  Returns false when there are none.
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
		char	   *nspname;
		int			ret;

		/* the configuration table of this name with a boolean shipped column */
		initStringInfo(&query);
		appendStringInfo(&query,
						 "SELECT n.nspname::pg_catalog.text"
						 " FROM pg_catalog.pg_extension e"
						 " CROSS JOIN LATERAL pg_catalog.unnest(e.extconfig) AS cfg(relid)"
						 " JOIN pg_catalog.pg_class c ON c.oid = cfg.relid"
						 " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
						 " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
						 " WHERE e.oid = %u AND c.relname = %s"
						 " AND a.attname = 'shipped' AND a.atttypid = 'pg_catalog.bool'::pg_catalog.regtype"
						 " AND NOT a.attisdropped",
						 extoid, quote_literal_cstr(kind->table));
		ret = SPI_execute(query.data, true, 0);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "SPI_execute failed: error code %d", ret);
		pfree(query.data);
		if (SPI_processed == 0)
			continue;
		nspname = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		/* the table must also have its key column */
		initStringInfo(&query);
		appendStringInfo(&query,
						 "SELECT 1 FROM pg_catalog.pg_attribute"
						 " WHERE attrelid = pg_catalog.to_regclass(%s) AND attname = %s AND NOT attisdropped",
						 quote_literal_cstr(quote_qualified_identifier(nspname, kind->table)),
						 quote_literal_cstr(kind->table));
		ret = SPI_execute(query.data, true, 0);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "SPI_execute failed: error code %d", ret);
		pfree(query.data);
		if (SPI_processed == 0)
			continue;

		if (drop_guard_describe_kind(buf, nspname, kind))
			found = true;
	}
	return found;
}

/* Event trigger (ddl_command_start, DROP EXTENSION): refuses to drop the users' catalog rows without CASCADE. */
Datum
benchmark_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	DropStmt   *stmt;
	Oid			extoid;
	StringInfoData rows;
	bool		found;

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
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	found = drop_guard_describe_user_rows(extoid, &rows);
	SPI_finish();

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
