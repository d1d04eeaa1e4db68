/* benchmark 1.5 -> 1.6: the hand-written part (the Makefile appends the table-free layers) */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.6'" to load this file. \quit

/* Names bind in pg_catalog only (see src/sql/operations/schema.sql). */
SET LOCAL search_path = pg_catalog, pg_temp;

/*
 * Rankings are stored out of line uncompressed: PostgreSQL reads such a value
 * with an index scan that a cancel interrupts, while a compressed value is
 * decompressed in one uninterruptible step (0.7 s for a 10-million-entity
 * ranking).  Columns created before keep their storage (see Upgrading).
 */
ALTER TYPE @extschema@.ranking SET (STORAGE = external);

/*
 * What users never call moves to schema benchmark_internal (see
 * src/sql/operations/schema.sql), so that schema benchmark and the engine's
 * schema list what they call: the support functions of the engine's types,
 * operators and aggregates, trigger functions and the inner steps of the
 * runner, the loader and the explaining reports.  Types, operators,
 * aggregates, triggers, constraints and functions that use them follow them;
 * the layers then replace those that name them in their text.
 */
CREATE SCHEMA benchmark_internal;
COMMENT ON SCHEMA benchmark_internal IS
'The benchmark extension''s internal functions: the support functions of its types, operators and aggregates, trigger functions and the inner steps of the runner, the loader, the explaining reports and the report; not called by users';
GRANT USAGE ON SCHEMA benchmark_internal TO PUBLIC;

/* the engine's support functions: the types' input and output, the operators' and operator classes', the aggregates' states */
ALTER FUNCTION @extschema@.kommune_cmp(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_eq(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_eq_text(@extschema@.kommune, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_ge(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_gt(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_hash(@extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_hash_extended(@extschema@.kommune, bigint) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_in(cstring) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_le(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_lt(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_ne(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_ne_text(@extschema@.kommune, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_out(@extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_recv(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_send(@extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_combine(internal, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_deserialize(bytea, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_final(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_serialize(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, integer) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, integer, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.ranking, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, integer) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, integer, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_combine(internal, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_deserialize(bytea, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_final(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_serialize(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_transfn(internal, text, double precision, boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_transfn(internal, @extschema@.kommune, double precision, boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_eq(@extschema@.ranking, @extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_in(cstring) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_ne(@extschema@.ranking, @extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_out(@extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_recv(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_send(@extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.text_eq_kommune(text, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.text_ne_kommune(text, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, integer, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, numeric, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, integer, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, numeric, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.ranking, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.ranking, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, integer, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, integer, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, numeric, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, numeric, numeric, text) SET SCHEMA benchmark_internal;
/* the runner's, the catalog's, the loader's and the explaining reports' */
ALTER FUNCTION benchmark.drop_guard() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_arguments(text, text, text[], text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_data_check(text, text, text[], text[], boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_part_order(text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_total_inputs(text, text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_what_if(text, text, text, boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.jobindsats_named_values(jsonb) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.jobindsats_wide_cell_error(text, anyelement) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.jobindsats_wide_cells(regclass, text, text[], jsonb) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_periods_read(text, text[], boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_source_errors(text, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_source_failing(text, text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_sources_sql(text, text[], text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.period_in_years(text, integer, integer) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.protect_shipped() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.reference_cascade() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.reference_check() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.restoring_dump() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.source_check(text, text, text[], text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.source_kind_check() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.source_owner_trusted(oid) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.target_milestone_validate() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.target_source_has_ratio(text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.target_validate() SET SCHEMA benchmark_internal;

/*
 * One name for each argument: model_name, kommune_name, period_label,
 * target_name, peer_group_name.  CREATE OR REPLACE cannot rename a
 * function's arguments, so the functions whose arguments are renamed go,
 * and the layers create them anew.  The runner, target status and rank
 * intervals have views and functions of the extension built on them (and
 * perhaps users' views on those views): they are set aside under another
 * name, which those objects follow until the layers point them at the new
 * functions, and dropped at the end (src/sql/upgrade/benchmark--1.5--1.6.end.sql).
 * model_rankings takes one period as text; several periods go to
 * model_rankings_for.
 */
DROP FUNCTION benchmark.model_changes(text, text, text, text);
DROP FUNCTION benchmark.model_placement_gaps(text, text);
DROP FUNCTION benchmark.model_what_it_takes(text, text, text);
DROP FUNCTION benchmark.model_next_place(text, text, text);
DROP FUNCTION benchmark.model_sensitivity(text, text, integer, numeric, integer);
DROP FUNCTION benchmark.model_scenarios(text, text);
DROP FUNCTION benchmark.peer_averages(text, text, text);
DROP FUNCTION benchmark.peer_group_copy(text, text);
ALTER FUNCTION benchmark.model_rankings(text, text[]) RENAME TO model_rankings_1_5;
ALTER FUNCTION benchmark.target_status_for(text, text) RENAME TO target_status_for_1_5;
ALTER FUNCTION benchmark.model_rank_intervals_for(text, integer, numeric, integer) RENAME TO model_rank_intervals_for_1_5;

/* source_select reads a target source's numerator and denominator too: the layers create it anew */
DROP FUNCTION benchmark.source_select(regclass, text, text, text[]);

/* The DROP EXTENSION guard also counts terms, mappings, registrations and loaded observations. */
COMMENT ON FUNCTION benchmark_internal.drop_guard() IS
'Event trigger function: refuses DROP EXTENSION benchmark without CASCADE while users'' models, targets, peer groups, jobindsats terms, mappings, registered wide tables, measure labels, stored period forms, loaded observations, logged loads, kept vintages or pinned moments exist, and says what and how much';
COMMENT ON EVENT TRIGGER benchmark_drop_guard IS
'Keeps DROP EXTENSION benchmark (without CASCADE) from deleting the rows users added or loaded';

/*
 * Registrations of wide tables name their registrant; a registration is read
 * only by roles that trust it.  Existing registrations are attributed to the
 * owner of the table they name (the role whose table other users' runs read),
 * or to the role that upgrades when the table is gone.
 */
ALTER TABLE benchmark.jobindsats_source ADD COLUMN registered_by name;
UPDATE benchmark.jobindsats_source s
SET registered_by = COALESCE((SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c
							  WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(s.relation)), CURRENT_USER);
ALTER TABLE benchmark.jobindsats_source ALTER COLUMN registered_by SET DEFAULT CURRENT_USER,
	ALTER COLUMN registered_by SET NOT NULL;
COMMENT ON COLUMN benchmark.jobindsats_source.registered_by IS
'The role that registered the wide table (set by the catalog on every insert and update): a registration is read only by roles that trust it as they trust a source''s owner (itself, a superuser, or a role in benchmark.trusted_owners); others read the store';

/*
 * The readers of jobindsats downloads return the line (or row) of every cell
 * and take a decimal_mark; jobindsats_number takes one too.  A function's
 * result columns and arguments cannot change in place: the old ones go, and
 * the layers create the new ones (and the text and bytea forms of
 * jobindsats_json).  Nothing in the extension depends on them but dynamic
 * SQL.  Roles granted loading get EXECUTE on them again from grant_access.
 */
DROP FUNCTION benchmark.jobindsats_csv(text, text, text[]);
DROP FUNCTION benchmark.jobindsats_csv(bytea, text, text[], text);
DROP FUNCTION benchmark.jobindsats_json(jsonb, text, text[]);
DROP FUNCTION benchmark.jobindsats_number(text);

/*
 * The observation store becomes a table of its series, each numbered once
 * with its cells in arrays (jobindsats_observation_series), which the layers
 * create (store/store_tables.sql, UPGRADE_NEW_LAYERS), and the view
 * jobindsats_observation over it.  The 1.5 table is set aside here; the end
 * of this script moves its rows into the new table with the checks a load
 * has (a canonical period, an area as a load writes it with its kommune).
 * A store that holds other rows (written directly) stops the upgrade at the
 * failing check; correct or delete them (see Upgrading in
 * docs/operations.md).
 */
CREATE FUNCTION benchmark.period_is_canonical(label text)
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_is_canonical';

DROP INDEX benchmark.jobindsats_observation_series;
ALTER TABLE benchmark.jobindsats_observation RENAME TO jobindsats_observation_1_5;

/*
 * jobindsats_load returns the load id, the repeated rows, the municipalities
 * per period and the short periods after the counts, and is written in C
 * (its errors without the loader's internal context): the old functions go
 * and the layers create the new ones.  Roles granted loading get EXECUTE on
 * them again from grant_access.
 */
DROP FUNCTION benchmark.jobindsats_load(text, text, text[], boolean);
DROP FUNCTION benchmark.jobindsats_load(text, bytea, text[], text, boolean);
DROP FUNCTION benchmark.jobindsats_load(text, jsonb, text[], boolean);
DROP FUNCTION benchmark.jobindsats_load(text, regclass, text[], jsonb, boolean);
DROP FUNCTION benchmark.jobindsats_load_cells(text, text, anyelement, text[], text, jsonb, boolean);

/*
 * The tables new in 1.6 (the stored series, the load log and the measure
 * labels, the vintages) follow this part as their layers define them: the
 * Makefile appends src/sql/mappings/series_tables.sql,
 * src/sql/store/load_tables.sql and src/sql/vintages/vintage_tables.sql
 * (UPGRADE_NEW_LAYERS).
 */
