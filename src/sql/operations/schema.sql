/*
 * The extension's own schema.  The engine (the types ranking and kommune,
 * their functions and the aggregates) lives in the schema the extension is
 * created in (public by default), where queries reach it without
 * qualification.  Everything else (periods, the model and target catalogs,
 * the runner and its reports) lives in schema benchmark, so that its generic
 * names (model, target, score ...) never meet a user's objects.  What users
 * never call (the support functions of the engine's types, operators and
 * aggregates, trigger functions, the inner steps of the runner, the loader
 * and the reports) lives in schema benchmark_internal, so that schema
 * benchmark and the engine's schema list what users call.
 *
 * The script runs with search_path pinned to pg_catalog: every name it binds
 * (in constraints, defaults, views and SQL function bodies) is either
 * qualified or found in pg_catalog, never an operator or function a user
 * created in the extension's schema beforehand.  SET LOCAL (not SET, which
 * would outlive the script) is undone when CREATE EXTENSION ends.
 */

SET LOCAL search_path = pg_catalog, pg_temp;

/*
 * The engine's schema must belong to the installing role or a superuser: a
 * role that owns the schema could drop and replace the extension's objects
 * in it and so run code as whoever uses them.  CREATE EXTENSION without
 * SCHEMA takes the first schema of the search_path, which is "$user" when a
 * schema named like the installing role exists, whoever created it.
 */
DO $$
DECLARE
	owner oid := (SELECT n.nspowner FROM pg_catalog.pg_namespace n
				  WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace);
	trusted oid := CASE WHEN owner OPERATOR(pg_catalog.=) 'pg_database_owner'::pg_catalog.regrole
						THEN (SELECT d.datdba FROM pg_catalog.pg_database d
							  WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
						ELSE owner END;
BEGIN
	IF trusted OPERATOR(pg_catalog.<>) current_user::pg_catalog.regrole
	   AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) trusted) THEN
		RAISE EXCEPTION USING
			ERRCODE = 'insufficient_privilege',
			MESSAGE = pg_catalog.format('cannot create extension benchmark in schema %s, owned by role %s',
										'@extschema@', owner::pg_catalog.regrole),
			DETAIL = 'The owner of a schema can drop and replace the extension''s objects in it, and so run code as whoever uses them.',
			HINT = 'Name a schema that you or a superuser own: CREATE EXTENSION benchmark SCHEMA public.';
	END IF;
END $$;

CREATE SCHEMA benchmark;

COMMENT ON SCHEMA benchmark IS
'The benchmark extension''s catalog, runner and reports (the engine''s types and aggregates are in the schema the extension was created in)';

GRANT USAGE ON SCHEMA benchmark TO PUBLIC;

CREATE SCHEMA benchmark_internal;

COMMENT ON SCHEMA benchmark_internal IS
'The benchmark extension''s internal functions: the support functions of its types, operators and aggregates, trigger functions and the inner steps of the runner, the loader, the explaining reports and the report; not called by users';

GRANT USAGE ON SCHEMA benchmark_internal TO PUBLIC;
