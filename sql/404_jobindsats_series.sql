-- The stored series: every stored term's rows equal its derivation from the
-- store, after a load, a revision, a deleted cell, a change of a term, a
-- stored form added and removed; an error deriving a term is raised again to
-- its readers; a registered wide table is read live.  Every number here is
-- SYNTHETIC.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
\set SHOW_CONTEXT never
SET search_path = public, benchmark;

-- the series are derived data: not dumped, readable by all, refreshed only by loading roles
SELECT c.relname, c.oid = ANY (e.extconfig) AS dumped, has_table_privilege('public', c.oid, 'SELECT') AS public_select
FROM pg_extension e, pg_class c
WHERE e.extname = 'benchmark' AND c.relname IN ('jobindsats_term_series', 'jobindsats_term_state', 'jobindsats_series_form')
ORDER BY 1;
SELECT has_function_privilege('public', 'benchmark.jobindsats_series_refresh(text[], text[])', 'EXECUTE') AS public_refresh,
	   has_function_privilege('public', 'benchmark_internal.jobindsats_store_gather_begin()', 'EXECUTE') AS public_gather_begin,
	   has_function_privilege('public', 'benchmark_internal.jobindsats_store_gather_take()', 'EXECUTE') AS public_gather_take;
SELECT * FROM jobindsats_series_form;

-- every stored term and form against its derivation from the store: rows that differ (none)
CREATE FUNCTION pg_temp.stale()
RETURNS TABLE (term text, period_form text, stored bigint, derived bigint, differ bigint)
LANGUAGE sql AS $$
	SELECT st.term, st.period_form,
		   (SELECT count(*) FROM benchmark.jobindsats_term_series s WHERE s.term = st.term AND s.period_form = st.period_form),
		   (SELECT count(*) FROM benchmark.jobindsats_term_derive(st.term, st.period_form, false)),
		   (SELECT count(*) FROM (
				(SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_term_series s
				 WHERE s.term = st.term AND s.period_form = st.period_form
				 EXCEPT ALL
				 SELECT d.kommune, d.period, d.value FROM benchmark.jobindsats_term_derive(st.term, st.period_form, false) d)
				UNION ALL
				(SELECT d.kommune, d.period, d.value FROM benchmark.jobindsats_term_derive(st.term, st.period_form, false) d
				 EXCEPT ALL
				 SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_term_series s
				 WHERE s.term = st.term AND s.period_form = st.period_form)) x)
	FROM benchmark.jobindsats_term_state st
	WHERE st.term LIKE 'ser\_%' AND st.error_code IS NULL
	ORDER BY 1, 2
$$;

-- a load: a monthly table SER01, 2021M01-2022M12, four municipalities (one written
-- in another spelling), Køn at its total and broken down
CREATE TEMP TABLE ser_doc AS
SELECT string_agg(format('%s;%s;%s;%s', a.area, m.period, k.koen,
						 replace((a.code * 10 + m.i + k.part)::numeric(10, 2)::text, '.', ',')), E'\n' ORDER BY a.area, m.i, k.koen) AS body
FROM (VALUES ('Aabenraa', 1), ('Tønder', 2), ('Haderslev', 3), ('Sønderborg Kommune', 4)) a(area, code),
	 (SELECT i, period_from_index('month', period_index('2021M01') + i) FROM generate_series(0, 23) i) m(i, period),
	 (VALUES ('Køn i alt', 0), ('Kvinder', 0.25), ('Mænd', 0.5)) k(koen, part);
INSERT INTO jobindsats_term (term, table_id, measure, kind, per_year, months_required) VALUES
	('ser_mean', 'SER01', 'Antal personer', 'count', 'mean', 12),
	('ser_sum', 'SER01', 'Antal personer', 'count', 'sum', 12),
	('ser_women', 'SER01', 'Antal personer', 'count', 'mean', 12);
UPDATE jobindsats_term SET dimensions = '{"Køn": ["Kvinder"]}' WHERE term = 'ser_women';
INSERT INTO jobindsats_mapping (mapping, numerator, denominator, scale) VALUES ('ser_share', '{ser_women}', '{ser_mean}', 100);
-- before the load: stored, with no values
SELECT term, period_form, matched_label, error_code FROM jobindsats_term_state WHERE term LIKE 'ser\_%' ORDER BY 1;
SELECT table_id, added FROM jobindsats_load('SER01', 'Område;Periode;Køn;Antal personer' || E'\n' || (SELECT body FROM ser_doc));
SELECT * FROM pg_temp.stale();
SELECT kommune, period, round(value, 4) AS value FROM jobindsats_mapping_values('ser_share') ORDER BY 1, 2;

-- a revision of one cell by a reload: the next run shows it
SELECT table_id, added, replaced FROM jobindsats_load('SER01', 'Område;Periode;Køn;Antal personer' || E'\n' ||
	replace((SELECT body FROM ser_doc), 'Tønder;2022M06;Kvinder;37,25', 'Tønder;2022M06;Kvinder;49,25'));
SELECT kommune, period, round(value, 4) AS value FROM jobindsats_mapping_values('ser_share') WHERE kommune = 'Tønder' ORDER BY 1, 2;
SELECT * FROM pg_temp.stale();
-- a direct revision and a deleted cell: the mean of a year with a month missing is NULL
UPDATE jobindsats_observation SET value = value + 12 WHERE table_id = 'SER01' AND area = 'Aabenraa' AND period = '2021M02';
DELETE FROM jobindsats_observation WHERE table_id = 'SER01' AND area = 'Haderslev' AND period = '2022M03';
SELECT kommune, period, value FROM jobindsats_term_values('ser_sum') WHERE kommune IN ('Aabenraa', 'Haderslev') ORDER BY 1, 2;
SELECT * FROM pg_temp.stale();
-- a write to the store's table itself is derived when its statement ends, whatever
-- the session has set: the gathering of a load's writes is the backend's state
SET benchmark.store_tables_written = '{}';
UPDATE jobindsats_observation_series s
SET cell_values[pg_catalog.array_position(s.periods, '2021M03')] = s.cell_values[pg_catalog.array_position(s.periods, '2021M03')] + 100
WHERE s.table_id = 'SER01' AND s.area = 'Aabenraa' AND s.dimensions = '{"Køn": "Køn i alt"}';
RESET benchmark.store_tables_written;
SELECT * FROM pg_temp.stale();
-- a gathering opened by hand is never committed (55000): what it wrote goes
BEGIN;
SELECT benchmark_internal.jobindsats_store_gather_begin();
UPDATE jobindsats_observation_series s
SET cell_values[pg_catalog.array_position(s.periods, '2021M04')] = s.cell_values[pg_catalog.array_position(s.periods, '2021M04')] + 100
WHERE s.table_id = 'SER01' AND s.area = 'Aabenraa' AND s.dimensions = '{"Køn": "Køn i alt"}';
COMMIT;
SELECT value FROM jobindsats_observation WHERE table_id = 'SER01' AND area = 'Aabenraa' AND period = '2021M04'
  AND dimensions = '{"Køn": "Køn i alt"}';
SELECT * FROM pg_temp.stale();
-- a write through the view that fails inside a savepoint leaves no gathering
-- open: the next write in the transaction is derived, and the commit succeeds
BEGIN;
SAVEPOINT before_write;
UPDATE jobindsats_observation SET period = '2021M06' WHERE table_id = 'SER01' AND area = 'Tønder' AND period = '2021M05';
ROLLBACK TO SAVEPOINT before_write;
UPDATE jobindsats_observation SET value = value + 7 WHERE table_id = 'SER01' AND area = 'Tønder' AND period = '2021M05';
COMMIT;
SELECT * FROM pg_temp.stale();

-- a change of a term: the next run derives it anew; a renamed term moves
UPDATE jobindsats_term SET months_required = 11 WHERE term = 'ser_mean';
SELECT kommune, period, round(value, 4) AS value FROM jobindsats_term_values('ser_mean') WHERE kommune = 'Haderslev' ORDER BY 1, 2;
UPDATE jobindsats_term SET term = 'ser_sum2' WHERE term = 'ser_sum';
SELECT term, count(*) FROM jobindsats_term_series WHERE term LIKE 'ser\_sum%' GROUP BY 1 ORDER BY 1;
SELECT * FROM pg_temp.stale();

-- a form added is stored at once, and dropped with its rows
INSERT INTO jobindsats_series_form (period_form) VALUES ('rolling_year');
SELECT * FROM pg_temp.stale();
DELETE FROM jobindsats_series_form WHERE period_form = 'rolling_year';
SELECT count(*) AS rolling_rows FROM jobindsats_term_series WHERE period_form = 'rolling_year';
-- the shipped form stays
DELETE FROM jobindsats_series_form WHERE period_form = 'year';

-- a term whose label the table lacks: its error is kept and raised again to its readers
INSERT INTO jobindsats_term (term, table_id, measure) VALUES ('ser_no_label', 'SER01', 'Antal fuldtidspersoner');
SELECT term, error_code, error_message FROM jobindsats_term_state WHERE term = 'ser_no_label';
SELECT * FROM jobindsats_term_values('ser_no_label');
SELECT * FROM jobindsats_term_derive('ser_no_label', 'year', false);
-- a deleted term leaves nothing
DELETE FROM jobindsats_term WHERE term = 'ser_no_label';
SELECT count(*) FROM jobindsats_term_state WHERE term = 'ser_no_label';

-- a registered wide table the reader trusts is read live, beside the store's series
CREATE TABLE public.ser01_wide AS
SELECT o.area AS "Område", o.period AS "Periode", o.dimensions ->> 'Køn' AS "Køn", o.value + 1000 AS "Antal personer"
FROM jobindsats_observation o WHERE o.table_id = 'SER01';
INSERT INTO jobindsats_source (table_id, relation) VALUES ('SER01', 'public.ser01_wide');
SELECT min(value) > 1000 AS read_live FROM jobindsats_term_values('ser_mean');
DELETE FROM jobindsats_source WHERE table_id = 'SER01';
SELECT min(value) < 1000 AS read_stored FROM jobindsats_term_values('ser_mean');

-- jobindsats_series_refresh derives the same rows again
SELECT jobindsats_series_refresh(ARRAY['ser_mean', 'ser_women']) AS stored;
SELECT * FROM pg_temp.stale();

-- clean up: the store's rows of SER01 go, and so do their series
DROP TABLE public.ser01_wide;
DELETE FROM jobindsats_observation WHERE table_id = 'SER01';
SELECT count(*) AS values_left FROM jobindsats_term_series WHERE term LIKE 'ser\_%';
DELETE FROM jobindsats_mapping WHERE mapping = 'ser_share';
DELETE FROM jobindsats_term WHERE term LIKE 'ser\_%';
SELECT count(*) AS states_left FROM jobindsats_term_state WHERE term LIKE 'ser\_%';
-- a direct INSERT into the series' table derives its table's terms when the statement ends (its
-- rows' tables gathered as they are written, no copy of the rows kept), and an INSERT refused
-- inside an exception block leaves no gathering open: the transaction commits
BEGIN;
INSERT INTO benchmark.jobindsats_observation_series (table_id, measure, area, kommune, dimensions, periods, cell_values, cell_stored_at, cell_load_ids)
VALUES ('Y01A02', 'Antal personer', 'Tønder', 'Tønder', '{}', '{2031}', '{17}', '{2026-12-07 10:00+01}', '{NULL}');
SELECT term, kommune, period, value FROM benchmark.jobindsats_term_series WHERE period = '2031';
DO $$
BEGIN
	INSERT INTO benchmark.jobindsats_observation_series (table_id, measure, area, kommune, dimensions, periods, cell_values, cell_stored_at, cell_load_ids)
	VALUES ('Y01A02', 'Antal personer', 'Aabenraa', 'Aabenraa', '{}', '{2031}', '{17}', '{2026-12-07 10:00+01}', '{NULL}'),
		   ('Y01A02', 'Antal personer', 'Tønder', 'Tønder', '{}', '{2031}', '{18}', '{2026-12-07 10:00+01}', '{NULL}');
EXCEPTION WHEN unique_violation THEN
	RAISE NOTICE 'refused: %', SQLSTATE;
END
$$;
COMMIT;
SELECT term, kommune, period, value FROM benchmark.jobindsats_term_series WHERE period = '2031';
DELETE FROM benchmark.jobindsats_observation_series WHERE table_id = 'Y01A02' AND periods = '{2031}';
SELECT count(*) AS derived_2031 FROM benchmark.jobindsats_term_series WHERE period = '2031';
