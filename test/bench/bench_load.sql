-- The benchmark of loading: a year of monthly Y01A02 for all areas with all
-- breakdowns, as the API's CSV writes it, loaded into the observation store
-- with jobindsats_load, side by side with a plain COPY of the same file into
-- a plain table of text columns.  The file is SYNTHETIC: Y01A02's labels and
-- shape (areas, Køn x Alder x Herkomst, four measures, decimal commas,
-- suppressed cells), made-up numbers.  Run by test/bench/run.sh as a
-- superuser (the server writes and reads the file); prints times and ratios.
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
SET jit = off;

-- 98 municipalities, Hele landet and the five regions x 3 Køn x 6 Alder x
-- 4 Herkomst x 12 months = 89,856 lines of 4 measures (359,424 cells).
DROP TABLE IF EXISTS bench_load_file;
CREATE TEMP TABLE bench_load_file AS
SELECT current_setting('data_directory') || '/bench_y01a02_synthetic.csv' AS path;
SELECT path AS file FROM bench_load_file \gset
CREATE FUNCTION pg_temp.bench_u(key text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT
RETURN ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0;
CREATE TEMP TABLE bench_load_lines AS
WITH areas AS (
	SELECT k.name AS area, k.code AS weight FROM kommuner() k
	UNION ALL SELECT 'Hele landet', 50000
	UNION ALL SELECT r, 10000 FROM unnest(ARRAY['Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark',
												'Region Midtjylland', 'Region Nordjylland']) r),
cells AS (
	SELECT a.area, m AS month, kon, alder, herkomst,
		   pg_temp.bench_u(a.area || m || kon || alder || herkomst) AS u,
		   (a.weight % 997 + 40) * (1 + pg_temp.bench_u(a.area || kon || alder)) AS persons
	FROM areas a, generate_series(1, 12) m,
		 unnest(ARRAY['Køn i alt', 'Kvinder', 'Mænd']) kon,
		 unnest(ARRAY['Alder i alt', '16-24 år', '25-29 år', '30-39 år', '40-49 år', '50-66 år']) alder,
		 unnest(ARRAY['Herkomst i alt', 'Personer med dansk oprindelse', 'Indvandrere fra vestlige lande',
					  'Indvandrere fra ikke-vestlige lande']) herkomst)
SELECT format('%s;2023M%s;%s;%s;%s;%s;%s;%s;%s', area, lpad(month::text, 2, '0'), kon, alder, herkomst,
			  CASE WHEN u < 0.02 THEN '' ELSE round(persons)::text END,
			  CASE WHEN u < 0.02 THEN '' ELSE replace(round(persons * 0.71)::text, '.', ',') END,
			  CASE WHEN u < 0.03 THEN '' ELSE replace(round((1 + 3 * u)::numeric, 2)::text, '.', ',') END,
			  CASE WHEN u < 0.03 THEN '' ELSE replace(round((0.8 + 2.5 * u)::numeric, 2)::text, '.', ',') END) AS line
FROM cells;
\set header 'Area;Periode;Køn;Alder;Herkomst;Antal personer;Antal fuldtidspersoner;Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år;Fuldtidspersoner i pct. af befolkningen 16-66 år'
-- the server writes the file: the header, then the lines
COPY (SELECT line FROM (SELECT 0 AS o, :'header' AS line UNION ALL SELECT 1, line FROM bench_load_lines) x ORDER BY o) TO :'file';
SELECT count(*) AS lines, pg_size_pretty((pg_stat_file(:'file')).size) AS size FROM bench_load_lines \gset

-- the plain table COPY fills: one text column per label (COPY does not read decimal commas)
DROP TABLE IF EXISTS bench_y01a02_plain;
CREATE TABLE bench_y01a02_plain ("Area" text, "Periode" text, "Køn" text, "Alder" text, "Herkomst" text,
	"Antal personer" text, "Antal fuldtidspersoner" text,
	"Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år" text, "Fuldtidspersoner i pct. af befolkningen 16-66 år" text);

-- the same file with 2 % of its lines revised (their whole-number values
-- changed): about 1 % of the cells
DROP TABLE IF EXISTS bench_revised_file;
CREATE TEMP TABLE bench_revised_file AS
SELECT current_setting('data_directory') || '/bench_y01a02_synthetic_revised.csv' AS path;
SELECT path AS revised_file FROM bench_revised_file \gset
COPY (SELECT line FROM (SELECT 0 AS o, :'header' AS line
						UNION ALL
						SELECT 1, CASE WHEN pg_temp.bench_u('revised' || line) < 0.02
									   THEN regexp_replace(line, ';([0-9]+)(?=;|$)', ';9\1', 'g') ELSE line END
						FROM bench_load_lines) x ORDER BY o) TO :'revised_file';

-- the same cells with the lines in reverse order: a document the store
-- holds cell for cell, but not the one the last load read
DROP TABLE IF EXISTS bench_reordered_file;
CREATE TEMP TABLE bench_reordered_file AS
SELECT current_setting('data_directory') || '/bench_y01a02_synthetic_reordered.csv' AS path;
SELECT path AS reordered_file FROM bench_reordered_file \gset
COPY (SELECT line FROM (SELECT 0 AS o, :'header' AS line, 0 AS n
						UNION ALL
						SELECT 1, line, row_number() OVER () FROM bench_load_lines) x ORDER BY o, n DESC) TO :'reordered_file';

-- The median time in ms of one way of loading, over reps runs; before each
-- run (not timed) the target is emptied, or for 'reload' filled, or for the
-- revisions and 'reorder' filled with the file as first loaded; 'revise_unkept' times the
-- revised load with the trigger that keeps vintages disabled.
CREATE FUNCTION pg_temp.bench_load_time(kind text, path text, reps int, revised_path text DEFAULT NULL) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	times float8[] := '{}';
	started timestamptz;
	dummy bigint;
BEGIN
	FOR i IN 1 .. reps LOOP
		IF kind = 'load' THEN
			TRUNCATE benchmark.jobindsats_observation_series, benchmark.jobindsats_observation_revision;
		ELSIF kind = 'copy' THEN
			TRUNCATE bench_y01a02_plain;
		ELSIF kind IN ('revise', 'revise_unkept', 'reorder') THEN
			PERFORM benchmark.jobindsats_load('Y01A02', pg_read_file(path));
		END IF;
		IF kind = 'revise_unkept' THEN
			ALTER TABLE benchmark.jobindsats_observation_series DISABLE TRIGGER jobindsats_revisions_after_update;
		END IF;
		started := clock_timestamp();
		CASE kind
		WHEN 'copy' THEN
			EXECUTE format('COPY bench_y01a02_plain FROM %L WITH (FORMAT csv, DELIMITER %L, HEADER)', path, ';');
		WHEN 'read' THEN
			SELECT count(*) INTO dummy FROM benchmark.jobindsats_csv(pg_read_file(path), 'Y01A02');
		WHEN 'load', 'reload' THEN
			SELECT added + replaced + unchanged INTO dummy FROM benchmark.jobindsats_load('Y01A02', pg_read_file(path));
		WHEN 'revise', 'revise_unkept', 'reorder' THEN
			SELECT added + replaced + unchanged INTO dummy FROM benchmark.jobindsats_load('Y01A02', pg_read_file(revised_path));
		END CASE;
		times := times || extract(epoch FROM clock_timestamp() - started) * 1000;
		IF kind = 'revise_unkept' THEN
			ALTER TABLE benchmark.jobindsats_observation_series ENABLE TRIGGER jobindsats_revisions_after_update;
		END IF;
	END LOOP;
	RETURN round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t)::numeric, 1);
END $$;

-- before any time counts: the store holds every cell of the file, and a reload changes nothing
TRUNCATE benchmark.jobindsats_observation_series, benchmark.jobindsats_observation_revision;
\pset tuples_only on
\pset format unaligned
SELECT format('first load: %s added, %s replaced, %s unchanged, %s not municipal', added, replaced, unchanged, not_municipal)
FROM benchmark.jobindsats_load('Y01A02', pg_read_file(:'file'));
SELECT format('reload: %s added, %s replaced, %s unchanged', added, replaced, unchanged)
FROM benchmark.jobindsats_load('Y01A02', pg_read_file(:'file'));
SELECT format('its lines in reverse order: %s added, %s replaced, %s unchanged', added, replaced, unchanged)
FROM benchmark.jobindsats_load('Y01A02', pg_read_file(:'reordered_file'));
SELECT CASE WHEN count(*) = 4 * :lines AND count(DISTINCT area) = 104 THEN format('the store holds %s cells of %s areas', count(*), count(DISTINCT area))
			ELSE 'WRONG: ' || count(*) || ' cells' END
FROM benchmark.jobindsats_observation WHERE table_id = 'Y01A02';
SELECT format('revised file: %s replaced (%s %% of the cells), %s vintages kept', replaced,
			  round(100.0 * replaced / (added + replaced + unchanged), 2),
			  (SELECT count(*) FROM benchmark.jobindsats_observation_revision) + replaced)
FROM benchmark.jobindsats_load('Y01A02', pg_read_file(:'revised_file'));
\pset tuples_only off
\pset format aligned

CREATE TEMP TABLE bench_load_result (kind text, ms numeric);
\o /dev/null
INSERT INTO bench_load_result VALUES ('copy', pg_temp.bench_load_time('copy', :'file', :reps));
INSERT INTO bench_load_result VALUES ('read', pg_temp.bench_load_time('read', :'file', :reps));
INSERT INTO bench_load_result VALUES ('load', pg_temp.bench_load_time('load', :'file', :reps));
INSERT INTO bench_load_result VALUES ('reload', pg_temp.bench_load_time('reload', :'file', :reps));
INSERT INTO bench_load_result VALUES ('reorder', pg_temp.bench_load_time('reorder', :'file', :reps, :'reordered_file'));
INSERT INTO bench_load_result VALUES ('revise', pg_temp.bench_load_time('revise', :'file', :reps, :'revised_file'));
INSERT INTO bench_load_result VALUES ('revise_unkept', pg_temp.bench_load_time('revise_unkept', :'file', :reps, :'revised_file'));
\o

\pset footer off
\echo
\echo 'Loading' :lines 'lines (' :size ') of SYNTHETIC Y01A02-shaped CSV: a year of months, 104 areas, Køn x Alder x Herkomst, 4 measures'
\echo 'median of' :reps 'runs, in ms; the ratio is to COPY of the same file into a table of text columns'
SELECT CASE r.kind WHEN 'copy' THEN 'COPY into a plain table (text columns)'
				   WHEN 'read' THEN 'jobindsats_csv: read every cell (no store)'
				   WHEN 'load' THEN 'jobindsats_load into an empty store (all added)'
				   WHEN 'reload' THEN 'jobindsats_load of the same file again (all unchanged, found by its digest)'
				   WHEN 'reorder' THEN 'jobindsats_load of its lines in reverse order (all unchanged, read and compared)'
				   WHEN 'revise' THEN 'jobindsats_load of the file with 1 % of the cells revised (vintages kept)'
				   WHEN 'revise_unkept' THEN 'the same, with the trigger keeping vintages disabled' END AS "way",
	   r.ms AS "ms", round(r.ms / c.ms, 1) AS "ratio to COPY"
FROM bench_load_result r, bench_load_result c
WHERE c.kind = 'copy'
ORDER BY array_position(ARRAY['copy', 'read', 'load', 'reload', 'reorder', 'revise', 'revise_unkept'], r.kind);
SELECT round(v.ms / u.ms, 2) AS "keeping vintages: revised load, kept / not kept"
FROM bench_load_result v, bench_load_result u WHERE v.kind = 'revise' AND u.kind = 'revise_unkept';

TRUNCATE benchmark.jobindsats_observation_series, benchmark.jobindsats_observation_revision;
DROP TABLE bench_y01a02_plain;

-- The whole SYNTHETIC sample (test/data/sample_jobindsats.sql: the wide
-- tables of the preset's jobindsats tables, 2018-2023) loaded into an empty
-- store as the tests load it (test/data/sample_store.sql: one jobindsats_load
-- per wide table); the target is under 10 s.
\o /dev/null
\ir ../data/sample_jobindsats.sql
TRUNCATE benchmark.jobindsats_observation_series, benchmark.jobindsats_observation_revision;
-- the WAL of the runs above written out first, so that their checkpoint does
-- not fall inside this figure
CHECKPOINT;
SELECT clock_timestamp() AS sample_started \gset
\ir ../data/sample_store.sql
\o
SELECT count(*) AS sample_cells, count(DISTINCT table_id) AS sample_tables,
	   round(extract(epoch FROM clock_timestamp() - :'sample_started'::timestamptz)::numeric, 1) AS sample_seconds
FROM benchmark.jobindsats_observation \gset
\echo
\echo 'The whole SYNTHETIC sample:' :sample_cells 'cells of' :sample_tables 'wide tables loaded with jobindsats_load in' :sample_seconds 's (target: under 10 s)'
SET client_min_messages = warning;
TRUNCATE benchmark.jobindsats_observation_series, benchmark.jobindsats_observation_revision;
DROP SCHEMA jobindsats CASCADE;
DROP SCHEMA brugerdata CASCADE;
