-- Loads and the store's integrity: the load log, repeated rows in the real
-- activation reply (Kilde: Jobindsats.dk (STAR)), two values for one cell,
-- which table a document is, truncated downloads, short errors, and direct
-- writes held to a load's checks.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
DELETE FROM benchmark.jobindsats_observation;
DELETE FROM benchmark.jobindsats_loads;

\set y30r21 `cat test/data/jobindsats/y30r21_2022QMAT04.csv`
\set v3 `cat test/data/jobindsats/v3_examples.json`

-- the log and the label catalog are configuration tables kept by pg_dump (the log with its sequence)
SELECT c.oid::regclass AS config, x.extcondition AS dump_condition
FROM pg_extension e, unnest(e.extconfig, e.extcondition) x(cfg, extcondition), pg_class c
WHERE e.extname = 'benchmark' AND c.oid = x.cfg AND c.relname LIKE 'jobindsats_%'
ORDER BY c.relname;

-- a load is logged: digest, periods, counts, municipalities per period; cells name their load
SELECT load_id IS NOT NULL AS has_id, added, repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21');
SELECT table_id, loaded_by = current_user AS by_me, reader, digest = sha256(convert_to(:'y30r21', 'UTF8')) AS digest_of_text,
	   first_period, last_period, added, replaced, unchanged, repeated, not_municipal, municipalities, short_periods
FROM benchmark.jobindsats_loads ORDER BY load_id;
SELECT count(*) AS cells, count(DISTINCT o.load_id) AS loads,
	   bool_and(o.load_id = (SELECT max(load_id) FROM benchmark.jobindsats_loads)) AS from_the_load
FROM benchmark.jobindsats_observation o;
-- a revision: the revised cell names the new load, the others keep theirs
SELECT added, replaced, unchanged FROM benchmark.jobindsats_load('Y30R21', replace(:'y30r21',
	'Sønderborg;2022QMAT04;Ydelsesgrupper i alt;3480;3440;', 'Sønderborg;2022QMAT04;Ydelsesgrupper i alt;3480;3450;'));
SELECT o.load_id = l.max_id AS new_load, count(*)
FROM benchmark.jobindsats_observation o, (SELECT max(load_id) AS max_id FROM benchmark.jobindsats_loads) l
GROUP BY 1 ORDER BY 1;

-- JSON given as text is read as JSON: the real Y30R21 rows as JSON lines and as records load to the
-- CSV's cells (the cell revised above goes back to the download's value)
\set y30r21_lines `cat test/data/jobindsats/y30r21_2022QMAT04.jsonl`
\set y30r21_records `cat test/data/jobindsats/y30r21_2022QMAT04_records.json`
SELECT added, replaced, unchanged, repeated FROM benchmark.jobindsats_load('Y30R21', :'y30r21_lines');
SELECT added, replaced, unchanged, repeated FROM benchmark.jobindsats_load('Y30R21', :'y30r21_records');
SELECT reader, digest = sha256(convert_to(:'y30r21_records', 'UTF8')) AS digest_of_text
FROM benchmark.jobindsats_loads ORDER BY load_id DESC LIMIT 1;

-- the real activation reply repeats identical rows (40 rows, 36 distinct): read once, counted
SELECT jsonb_array_length(:'v3'::jsonb -> 'activation' -> 'rows') AS rows;
SELECT added, replaced, unchanged, repeated, not_municipal
FROM benchmark.jobindsats_load('Y01C01', :'v3'::jsonb -> 'activation');
SELECT added, replaced, unchanged, repeated FROM benchmark.jobindsats_load('Y01C01', :'v3'::jsonb -> 'activation');
-- the same key with another value: 21000 naming both lines and values, nothing stored
SELECT * FROM benchmark.jobindsats_load('Y30R21', 'Område;Periode;Ydelsesgrupper;Placering på benchmarkranglisten
Tønder;2021QMAT04;Ydelsesgrupper i alt;41
Aabenraa;2021QMAT04;Ydelsesgrupper i alt;12
Tønder;2021QMAT04;Ydelsesgrupper i alt;41
Tønder;2021QMAT04;Ydelsesgrupper i alt;40');
-- ... also when the key is stored already
SELECT * FROM benchmark.jobindsats_load('Y30R21', 'Område;Periode;Ydelsesgrupper;Placering på benchmarkranglisten
Tønder;2022QMAT04;Ydelsesgrupper i alt;41
Tønder;2022QMAT04;Ydelsesgrupper i alt;40');
SELECT count(*) FROM benchmark.jobindsats_observation WHERE period = '2021QMAT04';

-- which table is it: Y30R21's labels under Y01A02 are refused, naming Y30R21
SELECT * FROM benchmark.jobindsats_load('Y01A02', :'y30r21');
-- labels of no known table
SELECT * FROM benchmark.jobindsats_load('Y01A02', 'Område;Periode;Antal sanktioner i alt
Tønder;2022;1');
-- a known table with a label the catalog lacks: loaded, and said
SELECT added FROM benchmark.jobindsats_load('Y01A02', 'Område;Periode;Antal personer;Antal personer i alt, ny
Tønder;2022;1;2');
-- a table id the catalog does not list: loaded as it is
SELECT added FROM benchmark.jobindsats_load('X99', 'Område;Periode;Noget
Tønder;2022;1');
-- the shipped labels are read-only; users add their own
SELECT count(*) AS shipped_labels, count(DISTINCT table_id) AS tables FROM benchmark.jobindsats_measure_label WHERE shipped;
UPDATE benchmark.jobindsats_measure_label SET measure = 'x' WHERE table_id = 'Y30R21' AND measure = 'Placering på benchmarkranglisten';
INSERT INTO benchmark.jobindsats_measure_label (table_id, measure) VALUES ('Y01A02', 'Antal personer i alt, ny');
SELECT added, unchanged FROM benchmark.jobindsats_load('Y01A02', 'Område;Periode;Antal personer;Antal personer i alt, ny
Tønder;2022;1;2');

-- a truncated download: a period with fewer municipalities than the others is flagged
SELECT added, municipalities, short_periods FROM benchmark.jobindsats_load('Y30R21',
	'Område;Periode;Ydelsesgrupper;Placering på benchmarkranglisten
Tønder;2020QMAT02;Ydelsesgrupper i alt;41
Aabenraa;2020QMAT02;Ydelsesgrupper i alt;12
Sønderborg;2020QMAT02;Ydelsesgrupper i alt;36
Tønder;2020QMAT04;Ydelsesgrupper i alt;40');
-- ... or than the store holds for a neighbouring period (2022QMAT04: 98)
SELECT municipalities, short_periods FROM benchmark.jobindsats_load('Y30R21',
	'Område;Periode;Ydelsesgrupper;Placering på benchmarkranglisten
Tønder;2022QMAT03;Ydelsesgrupper i alt;41');
SELECT short_periods FROM benchmark.jobindsats_loads ORDER BY load_id DESC LIMIT 1;

-- short errors: the reader's message with one line of context
\set SHOW_CONTEXT always
SELECT * FROM benchmark.jobindsats_load('Y30R21', 'Område;Periode;Placering på benchmarkranglisten
Atlantis;2022QMAT04;1');
SELECT * FROM benchmark.jobindsats_load('y30r21', '<html>');
\set SHOW_CONTEXT errors

-- direct writes are held to a load's checks: canonical periods, areas as a load stores them
\set VERBOSITY terse
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value) VALUES ('Y01A02', 'Tønder', 'Tønder', '2024Q5', 'Antal', 1);
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value) VALUES ('Y01A02', 'Tønder', 'Tønder', '2022Y01', 'Antal', 1);
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value) VALUES ('Y01A02', 'Aabenraa', 'Tønder', '2022', 'Antal', 1);
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value) VALUES ('Y01A02', 'Københavns Kommune', 'København', '2022', 'Antal', 1);
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value) VALUES ('Y01A02', 'Tønder', NULL, '2022', 'Antal', 1);
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value) VALUES ('Y01A02', 'Atlantis', NULL, '2022', 'Antal', 1);
\set VERBOSITY default
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value)
VALUES ('Y01A02', 'Tønder', 'Tønder', '2022M03', 'Antal', 1), ('Y01A02', 'Hele landet', NULL, '2022Q1', 'Antal', 1),
	   ('Y01A02', 'Region Syddanmark', NULL, '2022', 'Antal', 1), ('Y01A02', 'RAR Sydjylland', NULL, '2022', 'Antal', 1);
SELECT area, kommune, period, load_id FROM benchmark.jobindsats_observation WHERE load_id IS NULL ORDER BY 1, 3;

DELETE FROM benchmark.jobindsats_observation;
DELETE FROM benchmark.jobindsats_measure_label WHERE NOT shipped;

-- the document the table's last load read, with nothing written to the table since: found unchanged
-- without being read (the reader is not called: pg_stat_xact_user_functions); a write since, other
-- arguments, a TRUNCATE or another isolation level read it again
SET track_functions = 'all';
CREATE FUNCTION pg_temp.load_y30r21(doc text, keep_other_areas boolean DEFAULT true)
RETURNS TABLE (added bigint, replaced bigint, unchanged bigint, not_municipal bigint, documents_read bigint)
LANGUAGE plpgsql AS $$
DECLARE
	calls_before bigint := (SELECT coalesce(sum(f.calls), 0) FROM pg_stat_xact_user_functions f
							WHERE f.schemaname IN ('benchmark', 'benchmark_internal')
							  AND f.funcname IN ('jobindsats_csv', 'jobindsats_json', 'jobindsats_document_series'));
BEGIN
	RETURN QUERY
	SELECT l.added, l.replaced, l.unchanged, l.not_municipal,
		   (SELECT coalesce(sum(f.calls), 0) FROM pg_stat_xact_user_functions f
			WHERE f.schemaname IN ('benchmark', 'benchmark_internal')
			  AND f.funcname IN ('jobindsats_csv', 'jobindsats_json', 'jobindsats_document_series'))::bigint - calls_before
	FROM benchmark.jobindsats_load('Y30R21', doc, keep_other_areas => load_y30r21.keep_other_areas) l;
END
$$;
SELECT * FROM pg_temp.load_y30r21(:'y30r21');
SELECT * FROM pg_temp.load_y30r21(:'y30r21');
SELECT l.reader, l.digest = sha256(convert_to(:'y30r21', 'UTF8')) AS digest_of_text, cardinality(l.measures) AS measures,
	   l.arguments, l.store_write = w.write_id AS store_write_last
FROM benchmark.jobindsats_loads l, benchmark.jobindsats_store_write w
WHERE w.table_id = l.table_id ORDER BY l.load_id DESC LIMIT 1;
-- a direct write since: the document is read, and the cells revised back
UPDATE benchmark.jobindsats_observation SET value = value + 1
WHERE table_id = 'Y30R21' AND kommune = 'Sønderborg' AND measure = 'Placering på benchmarkranglisten';
SELECT * FROM pg_temp.load_y30r21(:'y30r21');
SELECT * FROM pg_temp.load_y30r21(:'y30r21');
-- other arguments: read
SELECT * FROM pg_temp.load_y30r21(:'y30r21', keep_other_areas => false);
-- a deleted cell: read, and added again
DELETE FROM benchmark.jobindsats_observation WHERE table_id = 'Y30R21' AND kommune = 'Tønder';
SELECT * FROM pg_temp.load_y30r21(:'y30r21', keep_other_areas => false);
-- REPEATABLE READ reads it (its snapshot may predate another load)
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT * FROM pg_temp.load_y30r21(:'y30r21', keep_other_areas => false);
COMMIT;
-- a TRUNCATE forgets every table's last write
TRUNCATE benchmark.jobindsats_observation_series;
SELECT count(*) AS write_ids FROM benchmark.jobindsats_store_write;
SELECT * FROM pg_temp.load_y30r21(:'y30r21', keep_other_areas => false);
SELECT * FROM pg_temp.load_y30r21(:'y30r21', keep_other_areas => false);
RESET track_functions;
