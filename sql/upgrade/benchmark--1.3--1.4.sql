/*
 * benchmark 1.3 -> 1.4, part 1 of 2: what 1.4 changes in place.  The Makefile
 * appends the layers that 1.4 re-creates as they are (the C period parser,
 * the catalog rules, the runner, targets, the jobindsats readers ...) and
 * then part 2 (benchmark--1.3--1.4.post.sql).
 *
 * 1.4 moves the catalog, the runner and the reports from the extension's
 * schema into schema benchmark; the types and aggregates stay where they are.
 * The catalog tables keep their rows: they are moved, not re-created.
 */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.4'" to load this file. \quit

CREATE SCHEMA benchmark;

COMMENT ON SCHEMA benchmark IS
'The benchmark extension''s catalog, runner and reports (the engine''s types and aggregates are in the schema the extension was created in)';

GRANT USAGE ON SCHEMA benchmark TO PUBLIC;

/* The views, triggers and functions of 1.3's catalog, runner and reports: 1.4 re-creates them in schema benchmark. */
DROP VIEW @extschema@.target_status;
DROP VIEW @extschema@.peer_groups;
DROP VIEW @extschema@.target_source;

DROP TRIGGER model_protect_shipped ON @extschema@.model;
DROP TRIGGER model_protect_shipped ON @extschema@.model_area;
DROP TRIGGER model_protect_shipped ON @extschema@.model_measure;
DROP TRIGGER model_protect_shipped ON @extschema@.model_benefit;
DROP TRIGGER model_protect_shipped ON @extschema@.model_excluded;
DROP TRIGGER protect_shipped ON @extschema@.peer_group;
DROP TRIGGER protect_shipped ON @extschema@.peer_group_member;
DROP TRIGGER validate ON @extschema@.peer_group_member;
DROP TRIGGER protect_shipped ON @extschema@.target;
DROP TRIGGER validate ON @extschema@.target;
DROP TRIGGER protect_shipped ON @extschema@.target_milestone;
DROP TRIGGER validate ON @extschema@.target_milestone;

DROP FUNCTION @extschema@.target_scorecard(text, text);
DROP FUNCTION @extschema@.target_status_for(text, text);
DROP FUNCTION @extschema@.target_level_at(text, date);
DROP FUNCTION @extschema@.peer_averages(text, text, text);
DROP FUNCTION @extschema@.peer_group_copy(text, text);
DROP FUNCTION @extschema@.target_milestone_validate();
DROP FUNCTION @extschema@.target_validate();
DROP FUNCTION @extschema@.target_source_has_ratio(text);
DROP FUNCTION @extschema@.target_source_problem(text);
DROP FUNCTION @extschema@.peer_group_member_validate();
DROP FUNCTION @extschema@.target_protect_shipped();
DROP FUNCTION @extschema@.model_scorecard(text, text, text);
DROP FUNCTION @extschema@.model_left_out(text, text);
DROP FUNCTION @extschema@.model_placements(text);
DROP FUNCTION @extschema@.model_placements(text, text);
DROP FUNCTION @extschema@.model_placements_for(text, text[]);
DROP FUNCTION @extschema@.model_rankings(text, text[]);
DROP FUNCTION @extschema@.model_source_errors(text, text);
DROP FUNCTION @extschema@.model_kommune_or_null(text);
DROP FUNCTION @extschema@.model_sources_sql(text);
DROP FUNCTION @extschema@.model_source_check(text, text, text, text);
DROP FUNCTION @extschema@.model_copy(text, text);
DROP FUNCTION @extschema@.model_protect_shipped();

/* Check constraints that called 1.3's plpgsql helpers; part 2 adds them back. */
ALTER TABLE @extschema@.model DROP CONSTRAINT model_goal_missing_check;
ALTER TABLE @extschema@.model DROP CONSTRAINT model_total_missing_check;
ALTER TABLE @extschema@.model_area DROP CONSTRAINT model_area_missing_check;
ALTER TABLE @extschema@.target DROP CONSTRAINT target_baseline_period_label;
ALTER TABLE @extschema@.target DROP CONSTRAINT target_first_period_label;
ALTER TABLE @extschema@.target DROP CONSTRAINT target_last_period_label;
DROP FUNCTION @extschema@.model_policy_ok(text, text[]);

/* The period rules move to one parser in C, in schema benchmark. */
DROP FUNCTION @extschema@.period_series(text, text);
DROP FUNCTION @extschema@.period_previous(text);
DROP FUNCTION @extschema@.period_from_index(text, integer);
DROP FUNCTION @extschema@.period_index(text);
DROP FUNCTION @extschema@.period_end(text);
DROP FUNCTION @extschema@.period_start(text);
DROP FUNCTION @extschema@.period_kind(text);

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
