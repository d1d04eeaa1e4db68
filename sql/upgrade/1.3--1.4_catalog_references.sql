/*
 * Upgrade from 1.3 only, before sql/layers/52_catalog_references.sql: the
 * catalog loses its foreign keys (1.3's names), which that layer replaces by
 * triggers that a parallel pg_restore cannot trip over.
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
