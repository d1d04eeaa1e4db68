-- The observation store: loading jobindsats downloads (the real Y30R21 file,
-- Kilde: Jobindsats.dk (STAR)), revisions, areas that are not municipalities,
-- wide tables as pipelines keep them, series, the trust rule, bad input, and
-- Y30R21 beside the model (the model runs on the SYNTHETIC sample data).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
\set SHOW_CONTEXT never

\set y30r21 `cat test/data/jobindsats/y30r21_2022QMAT04.csv`
\set v3 `cat test/data/jobindsats/v3_examples.json`
-- loads are numbered from the last one before this file's (load_no)
SELECT coalesce(max(load_id), 0) AS load_base FROM benchmark.jobindsats_loads \gset

-- the store's table and its sequence are configuration tables (kept by pg_dump,
-- every row), and they and the view over them are readable by all
SELECT c.oid::regclass AS store, x.extcondition AS dump_condition,
	   has_table_privilege('public', c.oid, 'SELECT') AS public_select,
	   has_table_privilege('public', c.oid, 'INSERT') AS public_insert
FROM pg_extension e, unnest(e.extconfig, e.extcondition) WITH ORDINALITY x(cfg, extcondition),
	 pg_class c
WHERE e.extname = 'benchmark' AND c.oid = x.cfg
  AND c.relname IN ('jobindsats_observation_series', 'jobindsats_observation_series_series_id_seq')
ORDER BY 1::text;
SELECT has_table_privilege('public', 'benchmark.jobindsats_observation', 'SELECT') AS public_select_view,
	   has_table_privilege('public', 'benchmark.jobindsats_observation', 'INSERT') AS public_insert_view;
SELECT conrelid::regclass AS store, conname, contype FROM pg_constraint
WHERE conrelid = 'benchmark.jobindsats_observation_series'::regclass
ORDER BY 1::text, 2;
-- the functions, their results and volatility
SELECT p.oid::regprocedure AS function, pg_get_function_result(p.oid) AS result, p.provolatile
FROM pg_proc p
WHERE p.pronamespace IN ('benchmark'::regnamespace, 'benchmark_internal'::regnamespace)
  AND (p.proname LIKE 'jobindsats_load%' OR p.proname LIKE 'jobindsats_wide%' OR p.proname IN ('jobindsats_series', 'jobindsats_area_kommune', 'y30r21_beside_model'))
ORDER BY p.oid::regprocedure::text;

-- Y30R21 2022QMAT04 (Kilde: Jobindsats.dk (STAR)): 98 municipalities x 4
-- benefit groups x 7 measures, all added
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21');
SELECT measure, count(*) AS cells, count(value) AS "values", sum(value)
FROM benchmark.jobindsats_observation WHERE table_id = 'Y30R21'
GROUP BY measure ORDER BY measure;
-- every municipality, under its official name
SELECT count(DISTINCT o.kommune) AS kommuner, count(*) FILTER (WHERE o.area <> o.kommune::text) AS other_names,
	   (SELECT count(*) FROM kommuner() k
		WHERE NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_observation x
						  WHERE x.table_id = 'Y30R21' AND x.kommune = k.kommune)) AS missing
FROM benchmark.jobindsats_observation o WHERE o.table_id = 'Y30R21';
-- STAR's placements run 1..98 in each benefit group
SELECT s.dimensions ->> 'Ydelsesgrupper' AS ydelsesgrupper, count(*),
	   array_agg(s.value ORDER BY s.value) = (SELECT array_agg(n::numeric ORDER BY n) FROM generate_series(1, 98) n) AS permutation
FROM benchmark.jobindsats_observation s
WHERE s.table_id = 'Y30R21' AND s.measure = 'Placering på benchmarkranglisten'
GROUP BY 1 ORDER BY 1;
-- the store holds what the reader reads, cell for cell
SELECT count(*) AS reader_cells,
	   count(*) FILTER (WHERE o.value IS DISTINCT FROM r.value OR scale(o.value) <> scale(r.value) OR o.area IS NULL) AS differ
FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21') r
	 LEFT JOIN benchmark.jobindsats_observation o
	 ON o.table_id = 'Y30R21' AND o.kommune = r.kommune AND o.period = r.period AND o.dimensions = r.dimensions
		AND o.measure = r.measure;

-- loading the same file again changes nothing (the table id in any case)
CREATE TEMP TABLE before_revision AS SELECT * FROM benchmark.jobindsats_observation;
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('y30r21', :'y30r21');
-- as bytes and from a wide table giving the API's labels: unchanged too (further below)
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', convert_to(:'y30r21', 'LATIN1'), encoding => 'LATIN1');

-- a revised download: Sønderborg's actual count and share revised (4
-- cells), a cell of Tønder suppressed (1), and a value written with
-- another number of decimals (equal: unchanged)
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21',
	replace(replace(replace(:'y30r21',
		'Sønderborg;2022QMAT04;Ydelsesgrupper i alt;3480;3440;-40;7,68;7,61;-0,07;36',
		'Sønderborg;2022QMAT04;Ydelsesgrupper i alt;3480;3450;-30;7,68;7,63;-0,05;36'),
		'Tønder;2022QMAT04;Kontanthjælp mv.;880;880;0;3,95;3,93;-0,02;41',
		'Tønder;2022QMAT04;Kontanthjælp mv.;880;;0;3,95;3,93;-0,02;41'),
		'Aabenraa;2022QMAT04;Ydelsesgrupper i alt;2420;2390;-30;6,71;',
		'Aabenraa;2022QMAT04;Ydelsesgrupper i alt;2420;2390;-30;6,710;'));
-- exactly the revised cells changed
SELECT coalesce(a.area, b.area) AS area, coalesce(a.dimensions, b.dimensions) ->> 'Ydelsesgrupper' AS ydelsesgrupper,
	   regexp_replace(coalesce(a.measure, b.measure), '^.*: ', '') AS measure, b.value AS was, a.value AS now,
	   a.stored_at > b.stored_at AS restamped
FROM benchmark.jobindsats_observation a
	 FULL JOIN before_revision b USING (table_id, area, period, dimensions, measure)
WHERE a.value IS DISTINCT FROM b.value OR a.stored_at IS DISTINCT FROM b.stored_at
ORDER BY 1, 2, 3;
-- a cell the download no longer holds stays in the store
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', 'Område;Periode;Ydelsesgrupper;Placering på benchmarkranglisten
Sønderborg;2022QMAT04;Ydelsesgrupper i alt;36');
SELECT count(*) FROM benchmark.jobindsats_observation WHERE table_id = 'Y30R21';

-- areas that are not municipalities: kept with kommune NULL and counted
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21' || '
Hele landet;2022QMAT04;Ydelsesgrupper i alt;480000;480000;0;13,00;13,00;0,00;
Region Syddanmark;2022QMAT04;Ydelsesgrupper i alt;100000;99000;-1000;13,20;13,10;-0,10;
RAR Sydjylland;2022QMAT04;Ydelsesgrupper i alt;20000;20100;100;9,00;9,10;0,10;');
SELECT area, kommune, count(*), count(value) AS "values"
FROM benchmark.jobindsats_observation WHERE table_id = 'Y30R21' AND kommune IS NULL
GROUP BY 1, 2 ORDER BY 1;
-- ... or only counted
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', 'Område;Periode;Ydelsesgrupper;Placering på benchmarkranglisten
Hele landet;2022QMAT03;Ydelsesgrupper i alt;
Sønderborg;2022QMAT03;Ydelsesgrupper i alt;1', keep_other_areas => false);
SELECT area, period FROM benchmark.jobindsats_observation WHERE table_id = 'Y30R21' AND period = '2022QMAT03';
DELETE FROM benchmark.jobindsats_observation WHERE table_id = 'Y30R21' AND (period = '2022QMAT03' OR kommune IS NULL);

-- API v3 JSON (Kilde: Jobindsats.dk (STAR)), null cells stored as NULL
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('y25i01', :'v3'::jsonb -> 'unemployment_total');
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y25I01', :'v3'::jsonb -> 'unemployment_total');
SELECT count(*), count(value) AS "values", count(DISTINCT area) AS areas, count(kommune) AS municipal
FROM benchmark.jobindsats_observation WHERE table_id = 'Y25I01';

-- series for a model source: municipalities only, a named breakdown or the total
SELECT kommune, period, value
FROM benchmark.jobindsats_series('Y30R21', 'Placering på benchmarkranglisten')
WHERE kommune IN ('Aabenraa', 'Haderslev', 'Sønderborg', 'Tønder') ORDER BY kommune;
SELECT kommune, period, value
FROM benchmark.jobindsats_series('y30r21', 'Placering på benchmarkranglisten', '{"Ydelsesgrupper": "Kontanthjælp mv."}')
WHERE kommune IN ('Aabenraa', 'Haderslev', 'Sønderborg', 'Tønder') ORDER BY kommune;
SELECT count(*) AS n, count(DISTINCT kommune) AS kommuner, count(value) AS "values"
FROM benchmark.jobindsats_series('Y30R21', 'Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal');
-- a view over a series is a source the runner accepts
CREATE SCHEMA regress_store;
CREATE VIEW regress_store.star_placering AS
SELECT * FROM benchmark.jobindsats_series('Y30R21', 'Placering på benchmarkranglisten');
SELECT * FROM benchmark.source_problem('regress_store.star_placering');

-- a wide table as a municipal pipeline keeps Y30R21: the labels as column
-- names (without the group prefix, as names are at most 63 bytes), a load
-- time, floats for the shares
CREATE TABLE regress_store.y30r21 (
	"Område" text, "Periode" text, "Ydelsesgrupper" text,
	"Forventet antal" bigint, "Faktisk antal" bigint, "Forskel mellem forventet og faktisk antal" bigint,
	"Forventet andel (pct.)" double precision, "Faktisk andel (pct.)" double precision,
	"Forskel mellem forventet og faktisk andel (pct. point)" numeric,
	"Placering på benchmarkranglisten" integer,
	indlaest timestamptz DEFAULT now());
INSERT INTO regress_store.y30r21
SELECT area, period, dimensions ->> 'Ydelsesgrupper',
	   max(value) FILTER (WHERE measure LIKE '%: Forventet antal'), max(value) FILTER (WHERE measure LIKE '%: Faktisk antal'),
	   max(value) FILTER (WHERE measure LIKE '%: Forskel mellem forventet og faktisk antal'),
	   max(value) FILTER (WHERE measure LIKE '%: Forventet andel (pct.)'), max(value) FILTER (WHERE measure LIKE '%: Faktisk andel (pct.)'),
	   max(value) FILTER (WHERE measure LIKE '%: Forskel mellem forventet og faktisk andel (pct. point)'),
	   max(value) FILTER (WHERE measure = 'Placering på benchmarkranglisten')
FROM benchmark.jobindsats_csv(:'y30r21') GROUP BY 1, 2, 3;
-- the same rows as the reader's (measure labels without their group prefix)
SELECT count(*) AS cells, count(DISTINCT measure) AS measures, count(DISTINCT kommune) AS kommuner
FROM benchmark.jobindsats_wide('regress_store.y30r21', 'Y30R21');
SELECT 'reader, not wide' AS side, count(*) FROM (
	SELECT table_id, area, kommune, period, dimensions, regexp_replace(measure, '^.*: ', ''), value FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21')
	EXCEPT ALL SELECT * FROM benchmark.jobindsats_wide('regress_store.y30r21', 'Y30R21')) x
UNION ALL
SELECT 'wide, not reader', count(*) FROM (
	SELECT * FROM benchmark.jobindsats_wide('regress_store.y30r21', 'Y30R21')
	EXCEPT ALL SELECT table_id, area, kommune, period, dimensions, regexp_replace(measure, '^.*: ', ''), value FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21')) x;
-- with labels giving the API's labels: exactly the reader's rows, and
-- loading the wide table into the store changes nothing
CREATE TEMP TABLE api_labels AS
SELECT jsonb_object_agg(regexp_replace(measure, '^.*: ', ''), measure) AS labels
FROM (SELECT DISTINCT measure FROM benchmark.jobindsats_csv(:'y30r21')) m;
SELECT count(*) AS differ FROM (
	(SELECT table_id, area, kommune, period, dimensions, measure, value FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21')
	 EXCEPT ALL SELECT * FROM benchmark.jobindsats_wide('regress_store.y30r21', 'Y30R21', labels => (SELECT labels FROM api_labels)))
	UNION ALL
	(SELECT * FROM benchmark.jobindsats_wide('regress_store.y30r21', 'Y30R21', labels => (SELECT labels FROM api_labels))
	 EXCEPT ALL SELECT table_id, area, kommune, period, dimensions, measure, value FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21'))) x;
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', 'regress_store.y30r21'::regclass, labels => (SELECT labels FROM api_labels));
-- a staging table of text, its dimensions named: text measures read as jobindsats writes numbers
CREATE TABLE regress_store.staging ("Area" text, "Period" text, "Alder" text, "Antal personer" text, "Andel" text);
INSERT INTO regress_store.staging VALUES ('Sønderborg', '2024Y01', '30', '1.234', '7,17'), ('Hele landet', '2024Y01', '30', '..', '');
SELECT * FROM benchmark.jobindsats_wide('regress_store.staging', 'Y01A02', '{Alder}') ORDER BY area, measure;

-- the trust rule: a wide table is read with your rights, from an owner you trust
CREATE ROLE regress_store_etl;
CREATE ROLE regress_store_reader;
GRANT USAGE, CREATE ON SCHEMA regress_store TO regress_store_etl;
GRANT USAGE ON SCHEMA regress_store TO regress_store_reader;
CREATE TABLE regress_store.etl_y30r21 AS SELECT * FROM regress_store.y30r21;
ALTER TABLE regress_store.etl_y30r21 OWNER TO regress_store_etl;
SELECT count(*) FROM benchmark.jobindsats_wide('regress_store.etl_y30r21', 'Y30R21');
SET benchmark.trusted_owners = 'regress_store_etl';
SELECT count(*) FROM benchmark.jobindsats_wide('regress_store.etl_y30r21', 'Y30R21');
RESET benchmark.trusted_owners;
-- the owner reads its own; a reader without SELECT is refused
SET ROLE regress_store_etl;
SELECT count(*) FROM benchmark.jobindsats_wide('regress_store.etl_y30r21', 'Y30R21');
RESET ROLE;
SET ROLE regress_store_reader;
SELECT count(*) FROM benchmark.jobindsats_wide('regress_store.y30r21', 'Y30R21');
-- ... and loading needs the loading access: the load functions, not only INSERT and UPDATE on the store
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21');
RESET ROLE;
GRANT INSERT, UPDATE ON benchmark.jobindsats_observation TO regress_store_reader;
SET ROLE regress_store_reader;
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21');
RESET ROLE;
REVOKE INSERT, UPDATE ON benchmark.jobindsats_observation FROM regress_store_reader;
SELECT count(*) > 0 AS granted FROM benchmark.grant_access('regress_store_reader', 'loading');
SET ROLE regress_store_reader;
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21');
RESET ROLE;
SELECT (SELECT count(*) FROM benchmark.revoke_access('regress_store_reader', 'loading')) > 0
   AND (SELECT count(*) FROM benchmark.revoke_access('regress_store_reader', 'reading')) > 0 AS revoked;

-- bad input
CREATE TABLE regress_store.no_area ("Kommune" text, "Periode" text, "Antal" integer);
CREATE TABLE regress_store.date_period ("Område" text, "Periode" date, "Antal" integer);
CREATE TABLE regress_store.no_measures ("Område" text, "Periode" text, "Køn" text);
CREATE TABLE regress_store.bad_cells ("Område" text, "Periode" text, "Andel" double precision);
INSERT INTO regress_store.bad_cells VALUES ('Sønderborg', '2022', 'NaN');
CREATE TABLE regress_store.unknown_area ("Område" text, "Periode" text, "Antal" integer);
INSERT INTO regress_store.unknown_area VALUES ('Atlantis', '2022', 1);
CREATE TABLE regress_store.null_period ("Område" text, "Periode" text, "Antal" integer);
INSERT INTO regress_store.null_period VALUES ('Tønder', NULL, 1);
CREATE TABLE regress_store.bad_period ("Område" text, "Periode" text, "Antal" integer);
INSERT INTO regress_store.bad_period VALUES ('Tønder', '2022-03', 1);
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load(NULL, :'y30r21');
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30 R21', :'y30r21');
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', NULL::text);
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', '<html><body>Forkert side</body></html>');
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', :'y30r21' || '
Københavns Kommune;2022QMAT04;Ydelsesgrupper i alt;1;2;3;4;5;6;7');
SELECT table_id, first_period, last_period, added, replaced, unchanged, not_municipal, load_id - :load_base AS load_no,
	   repeated, municipalities, short_periods
FROM benchmark.jobindsats_load('Y30R21', 'Område;Periode;Antal
Tønder;2022;1
Tønder;2022;2');
SELECT count(*) AS unchanged_after_errors FROM benchmark.jobindsats_observation o JOIN before_revision b USING (table_id, area, period, dimensions, measure)
WHERE o.table_id = 'Y30R21' AND o.value IS NOT DISTINCT FROM b.value;
SELECT * FROM benchmark.jobindsats_wide(NULL, 'Y30R21');
SELECT * FROM benchmark.jobindsats_wide('regress_store.no_area', 'X');
SELECT * FROM benchmark.jobindsats_wide('regress_store.date_period', 'X');
SELECT * FROM benchmark.jobindsats_wide('regress_store.no_measures', 'X');
SELECT * FROM benchmark.jobindsats_wide('regress_store.y30r21', 'X', '{Køn}');
SELECT * FROM benchmark.jobindsats_wide('regress_store.y30r21', 'X', labels => '["a"]');
SELECT * FROM benchmark.jobindsats_wide('regress_store.bad_cells', 'X');
SELECT * FROM benchmark.jobindsats_wide('regress_store.unknown_area', 'X');
SELECT * FROM benchmark.jobindsats_wide('regress_store.null_period', 'X');
SELECT * FROM benchmark.jobindsats_wide('regress_store.bad_period', 'X');
SELECT * FROM benchmark.jobindsats_wide('benchmark.jobindsats_observation_series_pkey', 'X');
SELECT benchmark.jobindsats_area_kommune('Atlantis');
\set VERBOSITY terse
INSERT INTO benchmark.jobindsats_observation (table_id, area, period, measure, value) VALUES ('Y01A02', 'Hele landet', '2022', 'Antal', 'NaN');
INSERT INTO benchmark.jobindsats_observation (table_id, area, period, measure, value) VALUES ('y01a02', 'Hele landet', '2022', 'Antal', 1);
\set VERBOSITY default

-- Y30R21 beside the model (the model on the SYNTHETIC sample data, in a copy
-- of the sample's template database, test/data/sample_database.sql, with the
-- Y30R21 file loaded)
\set ECHO none
\o /dev/null
\set sample_db regress_sample_402
\i test/data/sample_database.sql
SELECT * FROM benchmark.jobindsats_load('Y30R21', :'y30r21');
\o
\set ECHO all
SELECT * FROM benchmark.y30r21_beside_model('sonderborg-2023', '2022')
WHERE kommune IN ('Aabenraa', 'Haderslev', 'Sønderborg', 'Tønder') ORDER BY star_placement;
SELECT star_group, count(*), count(model_placement) AS model, count(star_placement) AS star,
	   min(star_placement), max(star_placement), min(model_ranked), max(model_ranked)
FROM benchmark.y30r21_beside_model('sonderborg-2023', '2022', '2022QMAT04', 'Sygedagpenge mv.') GROUP BY 1;
-- a period not in the store: the model's placements alone
SELECT count(*), count(star_placement) FROM benchmark.y30r21_beside_model('sonderborg-2023', '2022', '2019QMAT02');
\c :sample_home
DROP DATABASE :"sample_db";

-- a series' cells in its row: written through the view one cell at a time,
-- each period once (23505), in the order first stored; removed in place
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value)
VALUES ('ZZ01', 'Tønder', 'Tønder', '2022M02', 'Antal', 20), ('ZZ01', 'Tønder', 'Tønder', '2022M01', 'Antal', 10),
	   ('ZZ01', 'Tønder', 'Tønder', '2022M03', 'Antal', NULL);
\set VERBOSITY terse
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value)
VALUES ('ZZ01', 'Tønder', 'Tønder', '2022M01', 'Antal', 11);
\set VERBOSITY default
UPDATE benchmark.jobindsats_observation SET value = 12 WHERE table_id = 'ZZ01' AND period = '2022M01';
DELETE FROM benchmark.jobindsats_observation WHERE table_id = 'ZZ01' AND period = '2022M02';
SELECT periods, cell_values, cardinality(cell_stored_at) AS moments, cell_load_ids
FROM benchmark.jobindsats_observation_series WHERE table_id = 'ZZ01';
SELECT period, value, replaced_by FROM benchmark.jobindsats_observation_revision WHERE table_id = 'ZZ01' ORDER BY revision_id;
-- the table's own checks hold a direct write to what a load stores
\set VERBOSITY terse
UPDATE benchmark.jobindsats_observation_series SET periods = periods || '2022M04'::text WHERE table_id = 'ZZ01';
UPDATE benchmark.jobindsats_observation_series SET periods = '{2022M01,2022M01}' WHERE table_id = 'ZZ01';
UPDATE benchmark.jobindsats_observation_series SET periods = '{2022M01,2022m03}' WHERE table_id = 'ZZ01';
UPDATE benchmark.jobindsats_observation_series SET cell_values = '{12,Infinity}' WHERE table_id = 'ZZ01';
UPDATE benchmark.jobindsats_observation_series SET cell_stored_at = '{NULL,NULL}' WHERE table_id = 'ZZ01';
UPDATE benchmark.jobindsats_observation_series
SET periods = '{{2022M01},{2022M03}}', cell_values = '{{1},{2}}', cell_stored_at = '{{now},{now}}', cell_load_ids = '{{1},{1}}'
WHERE table_id = 'ZZ01';
UPDATE benchmark.jobindsats_observation_series SET area = 'Aabenraa', kommune = 'Aabenraa' WHERE table_id = 'ZZ01';
\set VERBOSITY default
DELETE FROM benchmark.jobindsats_observation WHERE table_id = 'ZZ01';
SELECT count(*) AS series_left, sum(cardinality(periods)) AS cells_left
FROM benchmark.jobindsats_observation_series WHERE table_id = 'ZZ01';
-- a load's merge of a series' cells: a new period appended, a changed value
-- (or a suppressed one) replaced with the load, an equal one (1.0 = 1.00) left
SELECT * FROM benchmark_internal.jobindsats_cells_merge('{2021M01,2021M02,2021M03}', '{1.0,NULL,5}',
	'{2026-01-05 10:00+01,2026-01-05 10:00+01,2026-01-05 10:00+01}', '{1,1,NULL}',
	'{2021M04,2021M03,2021M02,2021M01}', '{7,NULL,812,1.00}', 2, '2026-02-05 10:00+01');
SELECT * FROM benchmark_internal.jobindsats_cells_merge('{}', '{}', '{}', '{}', '{2021}', '{3}', 3, '2026-02-05 10:00+01');
SELECT * FROM benchmark_internal.jobindsats_cells_merge('{2021}', '{}', '{}', '{}', '{2021}', '{3}', 3, '2026-02-05 10:00+01');
-- the loader's form of the readers: a row per series, its cells in the order read, the
-- same cells as the reader's (oracle: the reader's cells grouped by SQL), for CSV (a
-- SYNTHETIC document of 294 series of 12 months, its lines shuffled), JSON and bytes
-- in an encoding
SELECT 'Område;Periode;Køn;Antal personer' || E'\n' || string_agg(line, E'\n' ORDER BY md5(line)) AS shuffled
FROM (SELECT format('%s;2023M%s;%s;%s', k.name, lpad(m::text, 2, '0'), kon,
					CASE WHEN (k.code * m) % 7 = 0 THEN '' ELSE ((k.code * 31 + m) % 1000)::text END) AS line
	  FROM kommuner() k, generate_series(1, 12) m, unnest(ARRAY['Køn i alt', 'Kvinder', 'Mænd']) kon) x \gset
\set v2 `cat test/data/jobindsats/synthetic_v2.json`
CREATE FUNCTION pg_temp.series_differ(grouped regclass, cells regclass) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
	EXECUTE format($q$
		SELECT count(*) FROM (
			(SELECT area, kommune::text, dimensions, measure, periods::text, cell_values::text FROM %1$s
			 EXCEPT ALL
			 SELECT area, kommune::text, dimensions, measure, array_agg(period ORDER BY line)::text,
					array_agg(value ORDER BY line)::text
			 FROM %2$s GROUP BY 1, 2, 3, 4)
			UNION ALL
			(SELECT area, kommune::text, dimensions, measure, array_agg(period ORDER BY line)::text,
					array_agg(value ORDER BY line)::text
			 FROM %2$s GROUP BY 1, 2, 3, 4
			 EXCEPT ALL
			 SELECT area, kommune::text, dimensions, measure, periods::text, cell_values::text FROM %1$s)) x$q$,
		grouped, cells) INTO n;
	RETURN n;
END
$$;
CREATE TEMP TABLE g1 AS SELECT * FROM benchmark_internal.jobindsats_document_series('csv', :'shuffled', NULL, NULL);
CREATE TEMP TABLE c1 AS SELECT * FROM benchmark.jobindsats_csv(:'shuffled');
CREATE TEMP TABLE g2 AS SELECT * FROM benchmark_internal.jobindsats_document_series('json', :'v2'::jsonb, NULL, NULL);
CREATE TEMP TABLE c2 AS SELECT * FROM benchmark.jobindsats_json(:'v2'::jsonb);
CREATE TEMP TABLE g3 AS SELECT * FROM benchmark_internal.jobindsats_document_series('csv', convert_to(:'y30r21', 'LATIN1'), NULL, 'LATIN1');
CREATE TEMP TABLE c3 AS SELECT * FROM benchmark.jobindsats_csv(convert_to(:'y30r21', 'LATIN1'), encoding => 'LATIN1');
SELECT 'csv' AS doc, (SELECT count(*) FROM g1) AS series, (SELECT sum(cardinality(periods)) FROM g1) AS cells,
	   (SELECT count(*) FROM c1) AS reader_cells, pg_temp.series_differ('g1', 'c1') AS differ
UNION ALL
SELECT 'json', (SELECT count(*) FROM g2), (SELECT sum(cardinality(periods)) FROM g2), (SELECT count(*) FROM c2),
	   pg_temp.series_differ('g2', 'c2')
UNION ALL
SELECT 'csv bytes', (SELECT count(*) FROM g3), (SELECT sum(cardinality(periods)) FROM g3), (SELECT count(*) FROM c3),
	   pg_temp.series_differ('g3', 'c3');
-- the values are numeric_in's, scale included (oracle: jobindsats_number reads each cell by
-- numeric_in): 108 spellings of numbers, the short ones read from their digits
SELECT 'Område;Periode;Antal' || string_agg(E'\n' || 'Sorø;' || to_char(date '2000-01-01' + n * interval '1 month', 'YYYY"M"MM') || ';' || s, '' ORDER BY n) AS numbers
FROM (SELECT row_number() OVER () AS n, sign || whole || fraction AS s
	  FROM unnest(ARRAY['', '-']) sign,
		   unnest(ARRAY['0', '7', '007', '12', '123456', '1234567', '12345678', '123456789012345678', '1234567890123456789']) whole,
		   unnest(ARRAY['', ',5', ',50', ',05', ',000000000000000001', ',1234567890']) fraction) x \gset
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE v::text IS DISTINCT FROM benchmark.jobindsats_number(c.cell, ',')::text) AS grouped_differ,
	   count(*) FILTER (WHERE r.value::text IS DISTINCT FROM benchmark.jobindsats_number(c.cell, ',')::text) AS read_differ
FROM benchmark_internal.jobindsats_document_series('csv', :'numbers', NULL, NULL) g,
	 unnest(g.periods, g.cell_values) u(period, v)
	 JOIN benchmark.jobindsats_csv(:'numbers') r ON r.period = u.period
	 JOIN (SELECT split_part(l, ';', 2) AS period, split_part(l, ';', 3) AS cell
		   FROM unnest(string_to_array(:'numbers', E'\n')) l) c ON c.period = u.period;
-- a period twice in a series (also through two spellings of a municipality or of a period) is 21000,
-- after which the loader reads the document cell by cell; a reader other than csv or json is refused
\set VERBOSITY terse
SELECT * FROM benchmark_internal.jobindsats_document_series('csv', E'Område;Periode;Antal\nTønder;2022;1\nTønder;2022;1\n', NULL, NULL);
SELECT * FROM benchmark_internal.jobindsats_document_series('csv', E'Område;Periode;Antal\nKøbenhavn;2022;1\nKøbenhavns Kommune;2022;2\n', NULL, NULL);
SELECT * FROM benchmark_internal.jobindsats_document_series('csv', E'Område;Periode;Antal\nTønder;2022M01;1\nTønder; 2022M01 ;2\n', NULL, NULL);
SELECT * FROM benchmark_internal.jobindsats_document_series('xml', 'x', NULL, NULL);
\set VERBOSITY default
SELECT * FROM benchmark_internal.jobindsats_document_series('csv', E'Område;Periode;Køn;Antal\nKøbenhavns Kommune;2022;I alt;1\nTønder;2022;I alt;\nKøbenhavn;2021;I alt;3,5\n', NULL, NULL);
-- the cells an update replaced or removed, with the load that replaced them when another
SELECT * FROM benchmark_internal.jobindsats_cells_replaced('{2021M01,2021M02,2021M03,2021M04}', '{1.0,NULL,5,6}',
	'{2026-01-05 10:00+01,2026-01-05 10:00+01,2026-01-05 10:00+01,2026-01-05 10:00+01}', '{1,1,NULL,2}',
	'{2021M04,2021M03,2021M02,2021M01}', '{7,NULL,812,1.00}', '{2,2,2,2}');

DROP SCHEMA regress_store CASCADE;
DROP ROLE regress_store_etl;
DROP ROLE regress_store_reader;
DELETE FROM benchmark.jobindsats_observation;
