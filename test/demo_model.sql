-- The main job's model part: runs the preset sonderborg-2023 over the SYNTHETIC
-- sample data and prints the top of the ranking list and Sønderborg's
-- scorecard.  Run from the repository root:  psql -X -f test/demo_model.sql
\set QUIET on
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
\o /dev/null
\i test/data/load_sample.sql
\o
\pset footer off
\echo
\echo '== Danmarks bedste jobcenter 2022 (model sonderborg-2023) -- SYNTETISKE DATA / synthetic sample data, not real figures'
SELECT placement AS "Placering", kommune AS "Kommune", round(score, 2) AS "Vægtet placering"
FROM model_placements('sonderborg-2023', '2022')
WHERE part = 'total' AND placement <= 10 ORDER BY placement, kommune;

\echo '== Sønderborg 2022: Flest muligt skal være selvforsørgende (SYNTETISKE DATA)'
SELECT line AS "Ydelse", placement AS "Placering", round(100 * value, 1) AS "Udvikling (pct.)"
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022') WHERE section_no = 0 ORDER BY line_order;

\echo '== Sønderborg 2022: indsatsområder (SYNTETISKE DATA)'
SELECT section_no AS "Nr", section AS "Indsatsområde", line AS "Målepunkt", round(value, 2) AS "Værdi",
	   placement AS "Placering", mellemregning AS "Mellemregning",
	   CASE WHEN counts_in_total THEN 'ja' ELSE 'nej' END AS "Tæller"
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022') WHERE section_no > 0 ORDER BY line_order;

SELECT 'Samlet placering' AS "Sønderborg 2022", placement AS "Placering", ranked AS "af", round(mellemregning, 4) AS "Vægtet placering"
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022') WHERE section_no IS NULL;
\echo '== Left out in 2022 (area 8 ranks nobody: the plan follows it as a target for Sønderborg alone):'
SELECT kommune, part, item, reason FROM model_left_out('sonderborg-2023', '2022')
ORDER BY part DESC, kommune, item;
