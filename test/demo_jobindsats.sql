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
\echo '   ved siden af modellen sonderborg-2023, 2022 -- modellens kolonne er SYNTETISKE DATA, ikke virkelige tal'
SELECT b.kommune AS "Kommune",
	   b.star_placement AS "STAR plac.",
	   round(b.star_actual_share, 2) AS "Faktisk (%)",
	   round(b.star_expected_share, 2) AS "Forventet (%)",
	   round(b.star_difference, 2) AS "Forskel (pct.-point)",
	   b.model_placement AS "Model plac. (SYNTETISK)",
	   b.model_ranked AS "af"
FROM y30r21_beside_model('sonderborg-2023', '2022') b
WHERE b.kommune IN (SELECT m.kommune::text FROM peer_group_member m WHERE m.peer_group = 'sonderjylland')
ORDER BY b.star_placement;
\echo '   STAR rangerer de uafrundede værdier: kommuner med samme afrundede forskel kan stå på hver sin plads:'
SELECT format('%s og %s (begge %s) står nr. %s og %s', a.kommune, b.kommune, round(a.star_difference, 2),
			  a.star_placement, b.star_placement) AS "Ser ens ud, er det ikke"
FROM y30r21_beside_model('sonderborg-2023', '2022') a
JOIN y30r21_beside_model('sonderborg-2023', '2022') b
  ON round(a.star_difference, 2) = round(b.star_difference, 2) AND a.star_placement < b.star_placement
WHERE a.kommune IN (SELECT m.kommune::text FROM peer_group_member m WHERE m.peer_group = 'sonderjylland')
  AND b.kommune IN (SELECT m.kommune::text FROM peer_group_member m WHERE m.peer_group = 'sonderjylland')
ORDER BY a.star_placement;
\echo '== STARs top 5 og bund 3 (Kilde: Jobindsats.dk (STAR)); modellens kolonne er SYNTETISKE DATA'
SELECT b.star_placement AS "STAR plac.", b.kommune AS "Kommune",
	   round(b.star_difference, 2) AS "Forskel (pct.-point)",
	   b.model_placement AS "Model plac. (SYNTETISK)"
FROM y30r21_beside_model('sonderborg-2023', '2022') b
WHERE b.star_placement <= 5 OR b.star_placement >= 96
ORDER BY b.star_placement;
\echo 'STAR rangerer niveauet af offentlig forsørgelse mod det, rammevilkårene forudsiger (faktisk - forventet andel'
\echo 'af de 16-66-årige, laveste = nr. 1); modellen rangerer udviklingen mod en basisperiode og indsatsområderne.'
\echo 'Kilde: Jobindsats.dk (STAR).  Modellens placeringer er beregnet på SYNTETISKE DATA.'
