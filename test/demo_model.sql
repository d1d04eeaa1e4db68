-- The main job's model part: writes the SYNTHETIC sample data as jobindsats
-- downloads (API v3 JSON files), reads them with the readers into the
-- observation store, checks what the preset's mappings find there, runs the
-- preset sonderborg-2023 and prints the top of the ranking list and
-- Sønderborg's scorecard.  Run from the repository root as a superuser (the
-- server reads the files):  psql -X -v downloads=/some/empty/dir -f test/demo_model.sql
-- (without downloads the sample is loaded from its tables directly).
\set QUIET on
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
\pset footer off
\if :{?downloads}
\o /dev/null
\i test/data/sample_jobindsats.sql
\set dir :downloads
\i test/data/synthetic_downloads.sql
\o
\echo
\echo '== SYNTETISKE DATA skrevet som jobindsats-downloads (API v3 JSON) og læst ind i observationslageret'
\echo '   (synthetic sample data written as downloads and loaded with benchmark.jobindsats_load; not real figures)'
\set form v3_json
\i test/data/load_downloads.sql
\o /dev/null
\i test/data/sample_sources.sql
\i test/data/sample_targets.sql
\o
\else
\o /dev/null
\i test/data/load_sample.sql
\o
\endif

\echo '== Hvad modellens mappings fandt (benchmark.model_missing_data): termer pr. status og hvordan etiketterne matchede'
SELECT coalesce(problem, 'intet mangler') AS "Status", count(*) AS "Termer",
	   string_agg(DISTINCT matched_how, ', ') AS "Etiketter matchet"
FROM model_missing_data('sonderborg-2023', '2022') GROUP BY 1 ORDER BY 2 DESC;
\echo '   kommuner uden værdi i 2022, pr. målepunkt (the check before a run)'
SELECT name AS "Målepunkt / ydelse", string_agg(DISTINCT term, ', ') AS "Term",
	   max(cardinality(kommuner)) AS "Kommuner uden værdi",
	   (array_agg(array_to_string(kommuner[1:3], ', ')))[1] AS "Fx"
FROM model_missing_data('sonderborg-2023', '2022') WHERE problem = 'municipalities missing'
GROUP BY name ORDER BY 3 DESC, 1 LIMIT 8;
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
