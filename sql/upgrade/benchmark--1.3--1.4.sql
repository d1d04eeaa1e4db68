/*
 * benchmark 1.3 -> 1.4: what 1.4 changes in place.  The Makefile
 * appends the layers that hold no tables or types (the C period parser, the
 * catalog rules, the runner, targets, the jobindsats readers ...) with
 * CREATE OR REPLACE, which replaces what this part moved and creates what is
 * new.
 *
 * 1.4 moves the catalog, the runner and the reports from the extension's
 * schema into schema benchmark; the types and aggregates stay where they are.
 * The catalog tables keep their rows, and user objects built on the runner
 * keep working: both are moved, not re-created.
 */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.4'" to load this file. \quit

CREATE SCHEMA benchmark;

COMMENT ON SCHEMA benchmark IS
'The benchmark extension''s catalog, runner and reports (the engine''s types and aggregates are in the schema the extension was created in)';

GRANT USAGE ON SCHEMA benchmark TO PUBLIC;

/*
 * 1.3's functions and views that users may have built on (views, materialized
 * views, their own functions) move to schema benchmark as they are, so that
 * what depends on them survives; the layers appended below then replace
 * their definitions (CREATE OR REPLACE, same signatures).
 */
ALTER FUNCTION @extschema@.period_kind(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_start(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_end(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_index(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_from_index(text, integer) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_previous(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_series(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_copy(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_rankings(text, text[]) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_placements_for(text, text[]) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_placements(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_placements(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_left_out(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_scorecard(text, text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.peer_group_copy(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.peer_averages(text, text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_level_at(text, date) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_status_for(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_scorecard(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_source_has_ratio(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_validate() SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_milestone_validate() SET SCHEMA benchmark;
ALTER VIEW @extschema@.target_status SET SCHEMA benchmark;
ALTER VIEW @extschema@.peer_groups SET SCHEMA benchmark;
ALTER VIEW @extschema@.target_source SET SCHEMA benchmark;

/* 1.3's internal triggers and helpers: 1.4 has one shipped-row trigger and one source check. */
DROP TRIGGER model_protect_shipped ON @extschema@.model;
DROP TRIGGER model_protect_shipped ON @extschema@.model_area;
DROP TRIGGER model_protect_shipped ON @extschema@.model_measure;
DROP TRIGGER model_protect_shipped ON @extschema@.model_benefit;
DROP TRIGGER model_protect_shipped ON @extschema@.model_excluded;
DROP TRIGGER protect_shipped ON @extschema@.peer_group;
DROP TRIGGER protect_shipped ON @extschema@.peer_group_member;
DROP TRIGGER validate ON @extschema@.peer_group_member;
DROP TRIGGER protect_shipped ON @extschema@.target;
DROP TRIGGER protect_shipped ON @extschema@.target_milestone;
DROP FUNCTION @extschema@.model_protect_shipped();
DROP FUNCTION @extschema@.target_protect_shipped();
DROP FUNCTION @extschema@.peer_group_member_validate();
DROP FUNCTION @extschema@.target_source_problem(text);
DROP FUNCTION @extschema@.model_source_errors(text, text);
DROP FUNCTION @extschema@.model_kommune_or_null(text);
DROP FUNCTION @extschema@.model_sources_sql(text);
DROP FUNCTION @extschema@.model_source_check(text, text, text, text);

/* Check constraints that called a plpgsql helper: the policies are plain lists now. */
ALTER TABLE @extschema@.model DROP CONSTRAINT model_goal_missing_check;
ALTER TABLE @extschema@.model DROP CONSTRAINT model_total_missing_check;
ALTER TABLE @extschema@.model_area DROP CONSTRAINT model_area_missing_check;
DROP FUNCTION @extschema@.model_policy_ok(text, text[]);

/* The catalog tables move with their rows. */
ALTER TABLE @extschema@.model SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_area SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_measure SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_benefit SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_excluded SET SCHEMA benchmark;
ALTER TABLE @extschema@.peer_group SET SCHEMA benchmark;
ALTER TABLE @extschema@.peer_group_member SET SCHEMA benchmark;
ALTER TABLE @extschema@.target SET SCHEMA benchmark;
ALTER TABLE @extschema@.target_milestone SET SCHEMA benchmark;

/* Every constraint has an explicit name. */
ALTER TABLE benchmark.model RENAME CONSTRAINT model_model_check TO model_name_format;
ALTER TABLE benchmark.model RENAME CONSTRAINT model_goal_weight_check TO model_goal_weight_finite;
ALTER TABLE benchmark.model RENAME CONSTRAINT model_goal_rule_check TO model_goal_rule_known;
ALTER TABLE benchmark.model RENAME CONSTRAINT model_check TO model_baseline_years;
ALTER TABLE benchmark.model_area RENAME CONSTRAINT model_area_area_no_check TO model_area_no_positive;
ALTER TABLE benchmark.model_area RENAME CONSTRAINT model_area_weight_check TO model_area_weight_finite;
ALTER TABLE benchmark.model_measure RENAME CONSTRAINT model_measure_measure_check TO model_measure_name_format;
ALTER TABLE benchmark.model_measure RENAME CONSTRAINT model_measure_position_check TO model_measure_position_positive;
ALTER TABLE benchmark.model_measure RENAME CONSTRAINT model_measure_model_area_no_position_key TO model_measure_position_unique;
ALTER TABLE benchmark.model_benefit RENAME CONSTRAINT model_benefit_benefit_check TO model_benefit_name_format;
ALTER TABLE benchmark.model_benefit RENAME CONSTRAINT model_benefit_position_check TO model_benefit_position_positive;
ALTER TABLE benchmark.model_benefit RENAME CONSTRAINT model_benefit_model_position_key TO model_benefit_position_unique;

/*
 * No foreign keys between the catalog tables: a parallel pg_restore loads
 * them in any order.  Triggers check and carry the references instead
 * (sql/layers/52_catalog_references.sql).
 */
ALTER TABLE benchmark.model_area DROP CONSTRAINT model_area_model_fkey;
ALTER TABLE benchmark.model_measure DROP CONSTRAINT model_measure_model_area_no_fkey;
ALTER TABLE benchmark.model_benefit DROP CONSTRAINT model_benefit_model_fkey;
ALTER TABLE benchmark.model_excluded DROP CONSTRAINT model_excluded_model_fkey;
ALTER TABLE benchmark.peer_group_member DROP CONSTRAINT peer_group_member_peer_group_fkey;
ALTER TABLE benchmark.target DROP CONSTRAINT target_peer_group_fkey;
ALTER TABLE benchmark.target DROP CONSTRAINT target_model_measure_fkey;
ALTER TABLE benchmark.target DROP CONSTRAINT target_model_benefit_fkey;
ALTER TABLE benchmark.target_milestone DROP CONSTRAINT target_milestone_target_fkey;

/* The policies are plain lists now. */
ALTER TABLE benchmark.model ADD CONSTRAINT model_goal_missing_known CHECK (goal_missing IN ('exclude', 'worst', 'scale'));
ALTER TABLE benchmark.model ADD CONSTRAINT model_total_missing_known CHECK (total_missing IN ('exclude', 'scale'));
ALTER TABLE benchmark.model_area ADD CONSTRAINT model_area_missing_known CHECK (missing IN ('exclude', 'worst', 'scale'));

COMMENT ON COLUMN benchmark.model_measure.source IS
'Schema-qualified name of a table, view or materialized view with columns kommune (text or kommune), period (jobindsats period label) and value (a number); NULL value = suppressed or missing';

/* 1.4 adds the observation store (sql/layers/47_jobindsats_store.sql). */
CREATE TABLE benchmark.jobindsats_observation (
	table_id text NOT NULL,
	area text NOT NULL,
	kommune @extschema@.kommune,
	period text NOT NULL,
	dimensions jsonb NOT NULL DEFAULT '{}',
	measure text NOT NULL,
	value numeric,
	stored_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT jobindsats_observation_pkey PRIMARY KEY (table_id, area, period, dimensions, measure),
	CONSTRAINT jobindsats_observation_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_observation_area_given CHECK (area <> ''),
	CONSTRAINT jobindsats_observation_measure_given CHECK (measure <> ''),
	CONSTRAINT jobindsats_observation_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_observation_value_finite CHECK (value > '-Infinity' AND value < 'Infinity')
);

COMMENT ON TABLE benchmark.jobindsats_observation IS
'The observation store: every cell of the jobindsats downloads and tables loaded with jobindsats_load, one row per (table_id, area, period, dimensions, measure); a newer download replaces the values it revises';
COMMENT ON COLUMN benchmark.jobindsats_observation.table_id IS
'The jobindsats table id in upper case (Y30R21, Y01A02, PTVA02)';
COMMENT ON COLUMN benchmark.jobindsats_observation.area IS
'A municipality''s official name (whatever the download wrote), or the other area as written: "Hele landet", a region, a landsdel, a RAR area';
COMMENT ON COLUMN benchmark.jobindsats_observation.kommune IS
'The municipality; NULL for the whole country, regions, landsdele, RAR areas and "Uoplyst område"';
COMMENT ON COLUMN benchmark.jobindsats_observation.period IS
'The canonical period label (2022, 2022M03, 2022Q1, 2022QMAT04)';
COMMENT ON COLUMN benchmark.jobindsats_observation.dimensions IS
'The breakdown: dimension label -> value label ({"Ydelsesgrupper": "Ydelsesgrupper i alt"}); {} for a table without dimensions';
COMMENT ON COLUMN benchmark.jobindsats_observation.measure IS
'The measure''s label as the download writes it';
COMMENT ON COLUMN benchmark.jobindsats_observation.value IS
'The value, exact as written; NULL for a suppressed or missing cell (never 0)';
COMMENT ON COLUMN benchmark.jobindsats_observation.stored_at IS
'When the value was stored: the first load of the cell, or the load that last revised it';

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation', '');

GRANT SELECT ON benchmark.jobindsats_observation TO PUBLIC;
