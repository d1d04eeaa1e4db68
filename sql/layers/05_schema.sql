/*
 * The extension's own schema.  The engine (the types ranking and kommune,
 * their functions and the aggregates) lives in the schema the extension is
 * created in (public by default), where queries reach it without
 * qualification.  Everything else (periods, the model and target catalogs,
 * the runner and its reports) lives in schema benchmark, so that its generic
 * names (model, target, score ...) never meet a user's objects.
 *
 * The script runs with search_path pinned to pg_catalog: every name it binds
 * (in constraints, defaults, views and SQL function bodies) is either
 * qualified or found in pg_catalog, never an operator or function a user
 * created in the extension's schema beforehand.  CREATE EXTENSION restores
 * the caller's search_path afterwards.
 */

SET search_path = pg_catalog, pg_temp;

CREATE SCHEMA benchmark;

COMMENT ON SCHEMA benchmark IS
'The benchmark extension''s catalog, runner and reports (the engine''s types and aggregates are in the schema the extension was created in)';

GRANT USAGE ON SCHEMA benchmark TO PUBLIC;
