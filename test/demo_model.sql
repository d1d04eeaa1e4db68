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
\echo '   (konstruerede eksempeldata skrevet som downloads og indlæst med benchmark.jobindsats_load; ikke virkelige tal)'
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
SELECT CASE problem WHEN 'municipalities missing' THEN 'kommuner uden værdi' WHEN 'periods missing' THEN 'perioder uden værdi'
					WHEN 'table not loaded' THEN 'tabellen er ikke indlæst' WHEN 'measure not found' THEN 'måltallet findes ikke'
					WHEN 'breakdown values not found' THEN 'opdelingen findes ikke' ELSE coalesce(problem, 'intet mangler') END AS "Status",
	   count(*) AS "Termer",
	   string_agg(DISTINCT CASE matched_how WHEN 'as written' THEN 'som skrevet'
											WHEN 'ignoring case, spaces and punctuation' THEN 'uden store bogstaver, mellemrum og tegn'
											WHEN 'without the group prefix' THEN 'uden gruppens præfiks'
											WHEN 'as the start of the label' THEN 'som etikettens begyndelse'
											ELSE matched_how END, ', ') AS "Etiketter matchet"
FROM model_missing_data('sonderborg-2023', '2022') GROUP BY 1 ORDER BY 2 DESC;
\echo '   kommuner uden værdi i 2022, pr. målepunkt (tjekket før en kørsel)'
SELECT name AS "Målepunkt / ydelse", max(cardinality(kommuner)) AS "Kommuner uden værdi",
	   (array_agg(array_to_string(kommuner[1:3], ', ')))[1] AS "Fx"
FROM model_missing_data('sonderborg-2023', '2022') WHERE problem = 'municipalities missing'
GROUP BY name ORDER BY 3 DESC, 1 LIMIT 8;
\echo
\echo '== Danmarks bedste jobcenter 2022 (model sonderborg-2023) -- SYNTETISKE DATA, ikke virkelige tal'
SELECT placement AS "Placering", kommune AS "Kommune", round(score, 2) AS "Vægtet placering"
FROM model_placements('sonderborg-2023', '2022')
WHERE part = 'total' AND placement <= 10 ORDER BY placement, kommune;

\echo '== Sønderborg 2022: Flest muligt skal være selvforsørgende (SYNTETISKE DATA)'
SELECT line AS "Ydelse", placement AS "Placering", round(100 * value, 1) AS "Udvikling (pct.)"
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022') WHERE section_no = 0 ORDER BY line_order;

\echo '== Sønderborg 2022: indsatsområder (SYNTETISKE DATA)'
SELECT section_no AS "Nr", section AS "Indsatsområde", line AS "Målepunkt", round(value, 2) AS "Værdi",
	   placement AS "Placering", round(mellemregning, 2) AS "Mellemregning",
	   CASE WHEN counts_in_total THEN 'ja' ELSE 'nej' END AS "Tæller"
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022') WHERE section_no > 0 ORDER BY line_order;

SELECT 'Samlet placering' AS "Sønderborg 2022", placement AS "Placering", ranked AS "af", round(mellemregning, 2) AS "Vægtet placering"
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022') WHERE section_no IS NULL;
\echo '== Udeladt i 2022, og hvorfor (område 8 placerer ingen: planen følger det som et mål for Sønderborg alene)'
SELECT kommune AS "Kommune",
	   coalesce(string_agg(item, ', ' ORDER BY item) FILTER (WHERE part = 'measure'),
				'udeladt: ' || min(regexp_replace(reason, '^[^:]*: (.*) \(.*\)$', '\1'))) AS "Ingen værdi for",
	   string_agg(CASE part WHEN 'total' THEN 'i alt' WHEN 'goal' THEN 'målet' ELSE item END, ', '
				  ORDER BY part = 'total', item) FILTER (WHERE part IN ('area', 'goal', 'total')) AS "Derfor ikke placeret på"
FROM model_left_out('sonderborg-2023', '2022')
GROUP BY kommune ORDER BY min(CASE part WHEN 'model' THEN 0 ELSE 1 END), kommune;
