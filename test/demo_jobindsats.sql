-- The main job's jobindsats part: loads the ministry's benchmark Y30R21 for
-- 2022QMAT04 (real data, Kilde: Jobindsats.dk (STAR)) into the observation
-- store, loads it once more (nothing changes), and shows STAR's placements
-- beside the model sonderborg-2023 on the SYNTHETIC sample data for
-- Sønderborg and its neighbours.  Run from the repository root as a
-- superuser (pg_read_file), after demo_model.sql (which loads the sample
-- data; this file loads it when it is missing).
\set QUIET on
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
SELECT to_regnamespace('model_sources') IS NULL AS need_sample \gset
\if :need_sample
\o /dev/null
\i test/data/load_sample.sql
\o
\endif
\set pwd `pwd`
\set y30r21_file :pwd/test/data/jobindsats/y30r21_2022QMAT04.csv
\pset footer off

\echo
\echo '== Y30R21 2022QMAT04 ind i observationslageret benchmark.jobindsats_observation (Kilde: Jobindsats.dk (STAR))'
SELECT table_id AS "Tabel", first_period AS "Periode", added AS "Tilføjet", replaced AS "Erstattet",
	   unchanged AS "Uændret", not_municipal AS "Ikke kommuner"
FROM jobindsats_load('Y30R21', pg_read_file(:'y30r21_file'));
\echo '== ... og samme fil en gang til: intet ændres'
SELECT table_id AS "Tabel", first_period AS "Periode", added AS "Tilføjet", replaced AS "Erstattet",
	   unchanged AS "Uændret", not_municipal AS "Ikke kommuner"
FROM jobindsats_load('Y30R21', pg_read_file(:'y30r21_file'));

\echo '== Ministeriets benchmark (Y30R21, 2022QMAT04, Ydelsesgrupper i alt; Kilde: Jobindsats.dk (STAR))'
\echo '   beside the model sonderborg-2023, 2022 -- the model column is SYNTETISKE DATA / synthetic sample data, not real figures'
SELECT b.kommune AS "Kommune",
	   b.star_placement AS "STAR placering",
	   b.star_actual_share AS "Faktisk andel (pct.)",
	   b.star_expected_share AS "Forventet andel (pct.)",
	   b.star_difference AS "Faktisk - forventet (pct.-point)",
	   b.model_placement AS "Model placering (SYNTETISK)",
	   b.model_ranked AS "af"
FROM y30r21_beside_model('sonderborg-2023', '2022') b
WHERE b.kommune IN (SELECT m.kommune::text FROM peer_group_member m WHERE m.peer_group = 'sonderjylland')
ORDER BY b.star_placement;
\echo '== STARs top 5 og bund 3 (Kilde: Jobindsats.dk (STAR)); model column SYNTETISKE DATA'
SELECT b.star_placement AS "STAR placering", b.kommune AS "Kommune",
	   b.star_difference AS "Faktisk - forventet (pct.-point)",
	   b.model_placement AS "Model placering (SYNTETISK)"
FROM y30r21_beside_model('sonderborg-2023', '2022') b
WHERE b.star_placement <= 5 OR b.star_placement >= 96
ORDER BY b.star_placement;
\echo 'STAR ranks the level of public support against what frame conditions predict (actual - expected'
\echo 'share of the population 16-66, lowest = 1); the model ranks development against a baseline and'
\echo 'the focus areas.  Kilde: Jobindsats.dk (STAR).  The model placements are computed on SYNTETISKE DATA.'
