-- The main job's engine part: the seed's worked example (Unge ledige 2022),
-- computed by rank_values and rank_sum_rerank over SYNTHETIC data made to
-- reproduce the seed's ranks.  Run from the repository root.
\set QUIET on
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
\o /dev/null
DROP TABLE IF EXISTS worked_example;
\i test/data/worked_example.sql
\o
\pset footer off
\echo
\echo '== Et eksempel: Mål for unge ledige 2022 (SYNTETISKE DATA, lavet så de giver planens placeringer)'
WITH measures AS (
	SELECT measure, rank_values(kommune, value, true) AS ranking
	FROM worked_example GROUP BY measure),
area AS (SELECT rank_sum_rerank(ranking) AS ranking FROM measures)
SELECT k AS "Kommune",
	   (SELECT ranking -> k FROM measures WHERE measure = 'Unge i job og uddannelse') AS "Unge i job og uddannelse",
	   (SELECT ranking -> k FROM measures WHERE measure = 'Ingen passive unge') AS "Ingen passive unge",
	   score(area.ranking, k) AS "Mellemregning",
	   area.ranking -> k AS "Samlet placering Unge ledige"
FROM area, unnest(ARRAY['Aabenraa', 'Tønder', 'Sønderborg', 'Haderslev']) k
ORDER BY 5;
DROP TABLE worked_example;
