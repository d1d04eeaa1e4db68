/*
 * The extension's own schema.  The engine (the types ranking and kommune,
 * their functions and the aggregates) lives in the schema the extension is
 * created in (public by default), where queries reach it without
 * qualification.  Everything else (periods, the model and target catalogs,
 * the runner and its reports) lives in schema benchmark, so that its generic
 * names (model, target, score ...) never meet a user's objects.
 */

CREATE SCHEMA benchmark;

COMMENT ON SCHEMA benchmark IS
'The benchmark extension''s catalog, runner and reports (the engine''s types and aggregates are in the schema the extension was created in)';

GRANT USAGE ON SCHEMA benchmark TO PUBLIC;
