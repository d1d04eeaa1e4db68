-- Readers of jobindsats downloads: the CSV of the API and the databank, the
-- JSON replies of the API v2 and v3, and jobindsats_number.  Real rows in
-- test/data/jobindsats (Kilde: Jobindsats.dk (STAR)); the files named
-- synthetic_* hold real labels with made-up numbers (synthetic data).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;

\set y30r21 `cat test/data/jobindsats/y30r21_2022QMAT04.csv`
\set y01a02 `cat test/data/jobindsats/y01a02_hele_landet_2021.csv`
\set v3 `cat test/data/jobindsats/v3_examples.json`
\set synthetic_v2 `cat test/data/jobindsats/synthetic_v2.json`
\set synthetic_v3 `cat test/data/jobindsats/synthetic_v3.json`
\set databank `cat test/data/jobindsats/synthetic_databank.csv`
\set y30r21_records `cat test/data/jobindsats/y30r21_2022QMAT04_records.json`
\set y30r21_lines `cat test/data/jobindsats/y30r21_2022QMAT04.jsonl`
\set activation_lines `cat test/data/jobindsats/activation.jsonl`

-- the result's columns and their types
SELECT p.oid::regprocedure AS reader, pg_get_function_result(p.oid) AS result, p.provolatile, p.proparallel
FROM pg_proc p
WHERE p.pronamespace = 'benchmark'::regnamespace AND p.proname IN ('jobindsats_csv', 'jobindsats_json', 'jobindsats_number')
ORDER BY 1::text;

-- Y30R21 2022QMAT04 (Kilde: Jobindsats.dk (STAR)): 392 lines of 98
-- municipalities x 4 benefit groups, 7 measures each: 2744 cells
SELECT count(*) AS cells, count(DISTINCT area) AS areas, count(kommune) AS kommuner,
	   count(DISTINCT dimensions) AS groups, count(DISTINCT measure) AS measures,
	   count(value) AS values, min(period), max(period), min(table_id), max(table_id)
FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21');
SELECT measure, count(*), sum(value), min(value), max(value)
FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21')
GROUP BY measure ORDER BY measure;
-- the placements are 1-98 in each benefit group
SELECT dimensions ->> 'Ydelsesgrupper' AS ydelsesgrupper,
	   array_agg(value ORDER BY value) = array_agg(n::numeric ORDER BY n) AS permutation
FROM (SELECT dimensions, value, row_number() OVER (PARTITION BY dimensions ORDER BY value) AS n
	  FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21')
	  WHERE measure = 'Placering på benchmarkranglisten') t
GROUP BY 1 ORDER BY 1;
-- every value equals the file's cell read independently (split, decimal comma -> point)
WITH lines AS (
	SELECT n, string_to_array(line, ';') AS f
	FROM regexp_split_to_table(:'y30r21', E'\n') WITH ORDINALITY AS l(line, n)),
header AS (SELECT f FROM lines WHERE n = 1),
cells AS (
	SELECT l.f[1] AS area, l.f[3] AS groep, h.f[i] AS measure, replace(l.f[i], ',', '.')::numeric AS value
	FROM lines l, header h, generate_series(4, 10) i
	WHERE l.n > 1)
SELECT count(*) AS cells,
	   count(*) FILTER (WHERE r.value IS NULL OR r.value <> c.value OR scale(r.value) <> scale(c.value)) AS mismatches
FROM cells c
	 LEFT JOIN benchmark.jobindsats_csv(:'y30r21') r
	 ON r.area = c.area AND r.dimensions ->> 'Ydelsesgrupper' = c.groep AND r.measure = c.measure;
-- one municipality, every cell
SELECT area, kommune_code(kommune) AS code, period, dimensions, measure, value
FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21')
WHERE kommune = 'Sønderborg'
ORDER BY dimensions ->> 'Ydelsesgrupper', measure;
-- the same bytes as bytea, as UTF-8
SELECT count(*), sum(value) FROM benchmark.jobindsats_csv(convert_to(:'y30r21', 'UTF8'), 'Y30R21');

-- Y01A02 Hele landet 2021 (Kilde: Jobindsats.dk (STAR)): no kommune
SELECT table_id, area, kommune, period, dimensions, measure, value, pg_typeof(value) AS type
FROM benchmark.jobindsats_csv(:'y01a02', 'Y01A02')
ORDER BY period, dimensions ->> 'Køn', measure;

-- API v3 replies (Kilde: Jobindsats.dk (STAR)), null cells are NULL values
SELECT e.key, count(*) AS cells, count(r.value) AS values, count(*) - count(r.value) AS nulls,
	   sum(r.value), string_agg(DISTINCT r.period, ',' ORDER BY r.period) AS periods,
	   (SELECT string_agg(k, ', ' ORDER BY k) FROM (SELECT DISTINCT jsonb_object_keys(d.dimensions) k
			FROM benchmark.jobindsats_json(e.value) d) d) AS dimensions
FROM jsonb_each(:'v3'::jsonb) e, benchmark.jobindsats_json(e.value, 'v3') r
GROUP BY e.key, e.value ORDER BY e.key;
-- every number cell equals the reply's, every null is NULL
WITH replies AS (SELECT key, value AS doc FROM jsonb_each(:'v3'::jsonb)),
cells AS (
	SELECT key, r.n, c.i, (doc -> 'columns') ->> (c.i - 1)::int AS label, c.v
	FROM replies, jsonb_array_elements(doc -> 'rows') WITH ORDINALITY r(row, n),
		 jsonb_array_elements(r.row) WITH ORDINALITY c(v, i)
	WHERE jsonb_typeof(c.v) IN ('number', 'null') AND c.i > 2)
SELECT count(*) AS cells, count(*) FILTER (WHERE jsonb_typeof(v) = 'null') AS nulls,
	   sum((v #>> '{}')::numeric) AS sum
FROM cells;
SELECT period, dimensions, measure, value
FROM benchmark.jobindsats_json((:'v3'::jsonb) -> 'sanctions_akasser')
WHERE dimensions ->> 'A-kasse' = 'Socialpædagogernes A-Kasse'
ORDER BY period, measure;
SELECT period, dimensions, measure, value
FROM benchmark.jobindsats_json((:'v3'::jsonb) -> 'expired_graduates')
WHERE period = '2025M03' AND dimensions ->> 'Dimittend' = '1 års dimittendret'
ORDER BY measure;

-- synthetic API v2 reply: Variables give the roles; numbers as JSON numbers
-- and strings; the whole country, a RAR area, a region and "Uoplyst område"
-- have no kommune
SELECT table_id, area, kommune, period, dimensions, measure, value
FROM benchmark.jobindsats_json(:'synthetic_v2', 'Y01A02')
ORDER BY area, period, dimensions ->> 'Køn', measure;

-- synthetic API v3 reply: labels only; v3 quarters are canonical
SELECT area, kommune, period, dimensions, measure, value
FROM benchmark.jobindsats_json(:'synthetic_v3', table_id => 'Y25I01')
ORDER BY area, period, dimensions ->> 'Ydelsesgrupper', dimensions ->> 'A-kasse', measure;
-- v3 years
SELECT period, value FROM benchmark.jobindsats_json(
	'{"columns": ["Periode", "Område", "Antal personer"], "rows": [["2024Y01", "Aarhus", 10], ["2025Y01", "Aarhus", 11]]}')
ORDER BY period;

-- synthetic databank CSV: a byte order mark, CRLF, an empty line, quoted
-- fields, thousands separators, suppressed cells
SELECT area, kommune, period, dimensions, measure, value
FROM benchmark.jobindsats_csv(:'databank')
ORDER BY area, dimensions ->> 'Ydelsesgrupper', measure;
-- ... and as ISO-8859-1 bytes, read with encoding => 'LATIN1'
SELECT count(*), count(kommune), sum(value)
FROM benchmark.jobindsats_csv(convert_to(replace(:'databank', E'\uFEFF', ''), 'LATIN1'), encoding => 'LATIN1');

-- quoting: semicolons, quotes and line breaks inside quoted fields; LF
-- lines; a missing trailing line break; an area written "Københavns Kommune"
SELECT area, kommune, dimensions, measure, value FROM benchmark.jobindsats_csv(
	E'Area;Period;"Tilbud; type";"Antal ""aktiverede"""\n"Københavns Kommune";2022M03;"Vejledning\nog opkvalificering";"1.234"\nOdsherred;2022M03;I alt;7')
ORDER BY area;

-- the dimension columns: by their cells, or named; a column of suppressed
-- cells only is a measure; a dimension with numbers for labels must be named
SELECT dimensions, measure, value FROM benchmark.jobindsats_csv(
	E'Område;Periode;Køn;Antal;Andel\nSorø;2022;Kvinder;-;5\nSorø;2022;Mænd;..;6')
ORDER BY dimensions ->> 'Køn', measure;
SELECT dimensions, measure, value FROM benchmark.jobindsats_csv(
	E'Område;Periode;Alder;Antal\nSorø;2022;30;5\nSorø;2022;50;6')
ORDER BY measure, value;
SELECT dimensions, measure, value FROM benchmark.jobindsats_csv(
	E'Område;Periode;Alder;Antal\nSorø;2022;30;5\nSorø;2022;50;6', dimensions => '{Alder}')
ORDER BY dimensions ->> 'Alder';
SELECT dimensions, measure, value FROM benchmark.jobindsats_json(
	'{"columns": ["Periode", "Område", "Alder", "Antal"], "rows": [["2022", "Sorø", 30, 5]]}', dimensions => '{Alder}');
-- no data rows, NULL documents: no rows
SELECT count(*) FROM benchmark.jobindsats_csv(E'Område;Periode;Køn;Antal\n');
SELECT count(*) FROM benchmark.jobindsats_csv(NULL::text);
SELECT count(*) FROM benchmark.jobindsats_csv(NULL::bytea);
SELECT count(*) FROM benchmark.jobindsats_json(NULL);
SELECT count(*) FROM benchmark.jobindsats_json('[]');
SELECT count(*) FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": []}');

-- jobindsats_number: the rules of the CSV cells
SELECT t, benchmark.jobindsats_number(t) AS value
FROM (VALUES ('7,17'), ('2,80'), ('-0,05'), ('+3'), ('−12'), ('144315'), ('1.234'), ('1.234.567'),
			 ('1.234.567,89'), ('12 345'), ('12 345,6'), (E'12\u00a0345'), ('2.8'), ('0.125'), ('1234.5'),
			 ('1 234.5'), (',5'), ('  42  '), (''), ('-'), ('..'), ('.'), ('   ')) v(t)
ORDER BY t;
SELECT benchmark.jobindsats_number(NULL);
\set VERBOSITY sqlstate
SELECT benchmark.jobindsats_number('abc');
SELECT benchmark.jobindsats_number('1,2,3');
SELECT benchmark.jobindsats_number('1,234.5');
SELECT benchmark.jobindsats_number('12.34.5');
SELECT benchmark.jobindsats_number('1 2');
SELECT benchmark.jobindsats_number('5,');
SELECT benchmark.jobindsats_number('7,17 %');
SELECT benchmark.jobindsats_number('1e3');
SELECT benchmark.jobindsats_number('NaN');
SELECT benchmark.jobindsats_number('--5');
\set VERBOSITY default
SELECT benchmark.jobindsats_number('n/a');

-- errors, with what and where
-- the API's answer to a wrong key
SELECT * FROM benchmark.jobindsats_csv('Forkert nøgle eller nøglen er udløbet.');
SELECT * FROM benchmark.jobindsats_json('"Forkert nøgle eller nøglen er udløbet."');
-- an error reply of the API v3
SELECT * FROM benchmark.jobindsats_json('{"code": 422, "cause": "Unknown period type: M", "path": "/v3/data/y25i01"}');
SELECT * FROM benchmark.jobindsats_csv('{"code":422,"cause":"Unknown period type: M"}');
-- an HTML page
SELECT * FROM benchmark.jobindsats_csv(E'<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head></html>');
SELECT * FROM benchmark.jobindsats_json('"<html><body>Login</body></html>"');
-- other documents
SELECT * FROM benchmark.jobindsats_csv('[{"Variables": []}]');
SELECT * FROM benchmark.jobindsats_csv(E' \n ');
SELECT * FROM benchmark.jobindsats_json('{"table": "y25i01"}');
SELECT * FROM benchmark.jobindsats_json('42');
SELECT * FROM benchmark.jobindsats_json('[1]');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"]}');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", 3], "rows": []}');
SELECT * FROM benchmark.jobindsats_json('[{"Variables": [{"Label": "Område"}], "Data": []}]');
-- ragged rows
SELECT * FROM benchmark.jobindsats_csv(E'Area;Periode;Køn;Antal personer\nSorø;2021M01;Kvinder;5\nSorø;2021M02;Kvinder\n');
SELECT * FROM benchmark.jobindsats_csv(E'Area;Periode;Køn;Antal personer\nSorø;2021M01;Kvinder;5;6\n');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1], ["2022", "Sorø"]]}');
SELECT * FROM benchmark.jobindsats_json('[{"Variables": [{"Name": "area"}, {"Name": "period"}, {"Name": "antal"}], "Data": [["Sorø", "2022", 1, 2]]}]');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [{"Periode": "2022"}]}');
-- a non-number in a measure column
SELECT * FROM benchmark.jobindsats_csv(E'Area;Periode;Køn;Antal personer;Antal fuldtidspersoner\nSorø;2021M01;Kvinder;5;4\nSorø;2021M02;Kvinder;6;fire\n');
SELECT * FROM benchmark.jobindsats_csv(E'Area;Periode;Køn;Antal personer\nSorø;2021M01;Kvinder;5\nSorø;2021M02;Kvinder;5 personer\nSorø;2021M03;Kvinder;7\n');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1], ["2023", "Sorø", true]]}');
SELECT * FROM benchmark.jobindsats_json('[{"Variables": [{"Name": "area", "Label": "Område"}, {"Name": "period", "Label": "Periode"}, {"Name": "_kon", "Label": "Køn"}, {"Name": "antal", "Label": "Antal personer"}], "Data": [["Sorø", "2022", "Kvinder", "mange"]]}]');
-- measures before a dimension column
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal;Køn\nSorø;2022;5;Kvinder\nSorø;2022;6;Mænd\n');
-- no measure, no area, no period; doubled labels; commas
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Køn\nSorø;2022;Kvinder\n');
SELECT * FROM benchmark.jobindsats_csv(E'Kommune;Periode;Antal\nSorø;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Måned;Antal\nSorø;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Area;Periode;Antal\nSorø;Sorø;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal;Antal\nSorø;2022;5;6\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;;Antal\nSorø;2022;x;6\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område,Periode,Antal\nSorø,2022,5\n');
-- quoting
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\n"Sorø;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\n"Sorø"x;2022;5\n');
-- periods
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022;5\nSorø;2022-03;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022M13;5\n');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2024Y02", "Sorø", 1]]}');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [[null, "Sorø", 1]]}');
-- areas
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022;5\nSorø Amt;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\n;2022;5\n');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Christiansø", 1]]}');
-- wrong encodings: UTF-8 read as ISO-8859-1 (mojibake), ISO-8859-1 bytes
-- read as UTF-8, replacement characters, UTF-16
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nSÃ¸nderborg;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'OmrÃ¥de;Periode;Antal\nSorø;2022;5\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Køn;Antal\nSorø;2022;M\uFFFDnd;5\n');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Køn", "Antal"], "rows": [["2022", "Sorø", "MÃ¦nd", 1]]}');
SELECT * FROM benchmark.jobindsats_csv(convert_to(E'Område;Periode;Antal\nSorø;2022;5\nSønderborg;2022;6\n', 'LATIN1'));
SELECT * FROM benchmark.jobindsats_csv(convert_to(E'Område;Periode;Antal\nSønderborg;2022;6\n', 'UTF8'), encoding => 'LATIN1');
SELECT * FROM benchmark.jobindsats_csv('\xfffe4f00'::bytea);
SELECT * FROM benchmark.jobindsats_csv('\x4f6d72000a'::bytea);
SELECT * FROM benchmark.jobindsats_csv('\x41'::bytea, encoding => 'EBCDIC');
-- arguments
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Køn;Antal\nSorø;2022;Mænd;5\n', dimensions => '{Alder}');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Køn;Antal\nSorø;2022;Mænd;5\n', dimensions => '{Periode}');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Køn;Antal\nSorø;2022;Mænd;5\n', dimensions => '{NULL}');

-- the SQLSTATE of every class of bad input
CREATE FUNCTION pg_temp.sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;
SELECT what, pg_temp.sqlstate_of(query) AS sqlstate
FROM (VALUES
	(1, 'wrong key (CSV)', $q$SELECT benchmark.jobindsats_csv('Forkert nøgle eller nøglen er udløbet.')$q$),
	(2, 'wrong key (JSON)', $q$SELECT benchmark.jobindsats_json('"Forkert nøgle eller nøglen er udløbet."')$q$),
	(3, 'API error 422', $q$SELECT benchmark.jobindsats_json('{"code": 422, "cause": "Unknown period type: M"}')$q$),
	(4, 'HTML page', $q$SELECT benchmark.jobindsats_csv('<html></html>')$q$),
	(5, 'JSON given as CSV', $q$SELECT benchmark.jobindsats_csv('[]')$q$),
	(6, 'not a reply', $q$SELECT benchmark.jobindsats_json('{"a": 1}')$q$),
	(7, 'ragged row (CSV)', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022\n')$q$),
	(8, 'ragged row (JSON)', $q$SELECT benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022"]]}')$q$),
	(9, 'non-number in a measure', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal;Andel\nSorø;2022;5;x\nSorø;2022;6;7\n')$q$),
	(10, 'malformed period', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;22;5\n')$q$),
	(11, 'period out of range', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022Q5;5\n')$q$),
	(12, 'unknown area', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nAtlantis;2022;5\n')$q$),
	(13, 'garbled text', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nSÃ¸nderborg;2022;5\n')$q$),
	(14, 'ISO-8859-1 bytes as UTF-8', $q$SELECT benchmark.jobindsats_csv(convert_to(E'Område;Periode;Antal\n', 'LATIN1'))$q$),
	(15, 'no area column', $q$SELECT benchmark.jobindsats_csv(E'Periode;Antal\n2022;5\n')$q$),
	(16, 'unknown dimension name', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022;5\n', dimensions => '{Køn}')$q$),
	(17, 'bad jobindsats_number', $q$SELECT benchmark.jobindsats_number('x')$q$),
	(18, 'decimal commas and points in a column', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Andel\nSorø;2022;7.17\nSorø;2022;7,175\n')$q$),
	(19, 'a key twice in a JSON object', $q$SELECT benchmark.jobindsats_json('{"rows": [], "rows": []}')$q$),
	(20, 'invalid JSON', $q$SELECT benchmark.jobindsats_json('{"columns": ["Periode"')$q$),
	(21, 'a record without a key', $q$SELECT benchmark.jobindsats_json('[{"Område": "Sorø", "Periode": "2022", "Antal": 1}, {"Område": "Sorø", "Periode": "2023"}]')$q$),
	(22, 'unknown "uoplyst" area', $q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nUoplyst Sønderborg;2022;5\n')$q$),
	(23, 'bad decimal_mark', $q$SELECT benchmark.jobindsats_number('1', ';')$q$)) t(n, what, query)
ORDER BY n;

-- the line of each cell: where its CSV record starts (empty lines and line
-- breaks in quoted fields count), the row of a JSON reply
SELECT area, dimensions ->> 'Køn' AS kon, measure, value, line FROM benchmark.jobindsats_csv(
	E'Område;Periode;Køn;Antal;Andel\n\nSorø;2022;"Kvin\r\nder";5;1\r\nSorø;2022;Mænd;6;2\n\n\nSorø;2022;"I\nalt";11;3')
ORDER BY line, measure;
SELECT min(line), max(line), count(DISTINCT line) AS lines, count(*) / count(DISTINCT line) AS cells_a_line
FROM benchmark.jobindsats_csv(:'y30r21');
SELECT line, area, count(*) FROM benchmark.jobindsats_json(:'synthetic_v2') GROUP BY line, area ORDER BY line;
SELECT line, count(*) FROM benchmark.jobindsats_json(
	'[{"Variables": [{"Name": "area"}, {"Name": "period"}, {"Name": "antal"}], "Data": [["Sorø", "2022", 1], ["Sorø", "2023", 2]]},
	  {"Variables": [{"Name": "area"}, {"Name": "period"}, {"Name": "andel"}], "Data": [["Sorø", "2022", 3]]}]')
GROUP BY line ORDER BY line;

-- a row written twice is returned twice: the real v3 reply "activation"
-- repeats rows as the API sends them (40 rows, 36 distinct; Kilde:
-- Jobindsats.dk (STAR)), and the line tells them apart
SELECT count(*) AS cells, count(DISTINCT line) AS rows,
	   count(DISTINCT (period, dimensions)) AS distinct_rows
FROM benchmark.jobindsats_json((:'v3'::jsonb) -> 'activation');
SELECT period, dimensions, array_agg(DISTINCT line ORDER BY line) AS rows
FROM benchmark.jobindsats_json((:'v3'::jsonb) -> 'activation')
GROUP BY period, dimensions HAVING count(DISTINCT line) > 1
ORDER BY 1, 2::text;

-- records and JSON lines (Kilde: Jobindsats.dk (STAR)): the real Y30R21 rows
-- written as pandas' to_json(orient='records') and (..., lines=True) write
-- them (non-ASCII escaped, the decimal commas read into JSON numbers) read
-- to the cells of the CSV, as text, bytes and jsonb; the record's row and
-- the JSON line are the CSV's line less the header
CREATE TEMP TABLE y30r21_csv AS SELECT * FROM benchmark.jobindsats_csv(:'y30r21', 'Y30R21');
CREATE TEMP TABLE y30r21_json AS
SELECT 'records (text)' AS form, * FROM benchmark.jobindsats_json(:'y30r21_records'::text, 'Y30R21')
UNION ALL SELECT 'records (bytea)', * FROM benchmark.jobindsats_json(convert_to(:'y30r21_records', 'UTF8'), 'Y30R21')
UNION ALL SELECT 'records (jsonb)', * FROM benchmark.jobindsats_json(:'y30r21_records'::jsonb, 'Y30R21')
UNION ALL SELECT 'JSON lines (text)', * FROM benchmark.jobindsats_json(:'y30r21_lines'::text, 'Y30R21')
UNION ALL SELECT 'JSON lines (bytea)', * FROM benchmark.jobindsats_json(convert_to(:'y30r21_lines', 'UTF8'), 'Y30R21');
SELECT j.form, count(*) AS cells,
	   (SELECT count(*) FROM (SELECT table_id, area, kommune, period, dimensions, measure, value, line - 1 FROM y30r21_csv
							  EXCEPT ALL SELECT table_id, area, kommune, period, dimensions, measure, value, line
							  FROM y30r21_json WHERE form = j.form) d) AS only_in_csv,
	   (SELECT count(*) FROM (SELECT table_id, area, kommune, period, dimensions, measure, value, line
							  FROM y30r21_json WHERE form = j.form
							  EXCEPT ALL SELECT table_id, area, kommune, period, dimensions, measure, value, line - 1 FROM y30r21_csv) d) AS only_in_json
FROM y30r21_json j
GROUP BY j.form ORDER BY j.form;
-- the real activation reply as JSON lines reads to the cells of the v3 reply,
-- repeated rows included
SELECT count(*) AS cells,
	   (SELECT count(*) FROM (SELECT area, kommune, period, dimensions, measure, value, line FROM benchmark.jobindsats_json((:'v3'::jsonb) -> 'activation')
							  EXCEPT ALL SELECT area, kommune, period, dimensions, measure, value, line FROM benchmark.jobindsats_json(:'activation_lines'::text)) d) AS differ
FROM benchmark.jobindsats_json(:'activation_lines'::text);
-- JSON lines: empty lines skipped, the line is the file's
SELECT area, period, measure, value, line FROM benchmark.jobindsats_json(
	E'{"Område": "Sorø", "Periode": "2022", "Antal": 1}\n\n{"Område": "Sorø", "Periode": "2023", "Antal": "2,5"}\r\n{"Periode": "2024", "Antal": null, "Område": "Sorø"}\n')
ORDER BY line;
-- one record alone is JSON lines of one line
SELECT area, period, measure, value, line FROM benchmark.jobindsats_json('{"Area": "Tønder", "Period": "2024Y01", "Antal": 3}');

-- one decimal mark per column, decided from all its cells: a column with a
-- cell that reads only with a decimal point (7.17) reads 7.175 as 7.175; one
-- whose cells read both ways (1.234) reads them with a decimal comma
SELECT measure, value, line FROM benchmark.jobindsats_csv(
	E'Område;Periode;Køn;Andel;Antal;Fuldtid\nSorø;2022;Kvinder;7.17;1.234;7,5\nSorø;2022;Mænd;7.175;2.345;1.234,5\n')
ORDER BY measure, line;
-- ... or as the caller says
SELECT measure, value, line FROM benchmark.jobindsats_csv(
	E'Område;Periode;Køn;Antal\nSorø;2022;Kvinder;1.234\nSorø;2022;Mænd;1 234.5\n', decimal_mark => '.')
ORDER BY measure, line;
SELECT measure, value FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Andel"], "rows": [["2022", "Sorø", "7.175"], ["2023", "Sorø", 7.17]]}', decimal_mark => ',')
ORDER BY value;
-- a column of decimal commas and decimal points is an error naming two lines
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Andel\nSorø;2022;7.17\nSorø;2022;7.175\nSorø;2022;7,175\n');
SELECT * FROM benchmark.jobindsats_json('[{"Area": "Sorø", "Period": "2022", "Andel": "2,5"}, {"Area": "Sorø", "Period": "2023", "Andel": "0.125"}]');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Andel\nSorø;2022;7.17\nSorø;2022;7,175\n', decimal_mark => ',');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Andel\nSorø;2022;7,17\n', decimal_mark => 'comma');
-- jobindsats_number reads a cell as a column of one
SELECT t, m, benchmark.jobindsats_number(t, m) AS value
FROM (VALUES ('7.175', NULL), ('7.175', '.'), ('7.175', ','), ('7,175', NULL), ('7.17', NULL), ('1.234.567', NULL),
			 ('1 234.5', '.'), (NULL, NULL), ('-', '.')) v(t, m)
ORDER BY t, m;
SELECT benchmark.jobindsats_number('7,17', '.');
SELECT benchmark.jobindsats_number('1.234.567', '.');

-- areas: the municipalities as the kommune type reads them, the whole
-- country, the regions, landsdele, RAR areas and "Uoplyst område"; the
-- readers and jobindsats_area_kommune agree
SELECT r.area, r.kommune, benchmark.jobindsats_area_kommune(r.area) IS NOT DISTINCT FROM r.kommune AS agree
FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nKøbenhavns Kommune;2022;1\n540;2022;1\nAabenraa;2022;1\n'
	'Hele landet;2022;1\nRegion Syddanmark;2022;1\nSyddanmark;2022;1\nLandsdel Sydjylland;2022;1\nByen København;2022;1\n'
	'RAR Sydjylland;2022;1\nRAR Østjylland;2022;1\nRAR-Bornholm;2022;1\nUoplyst område;2022;1\nUOPLYST OMRÅDE;2022;1\n') r
ORDER BY r.line;
-- anything else is an error naming the line and the column
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;2022;1\nuoplystXYZ;2022;1\n');
SELECT * FROM benchmark.jobindsats_csv(E'Område;Periode;Antal\nUoplyst Sønderborg;2022;1\n');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1], ["2022", "RAR Atlantis", 1]]}');
SELECT * FROM benchmark.jobindsats_json('[{"Area": "Region Atlantis", "Period": "2022", "Antal": 1}]');
SELECT area, pg_temp.sqlstate_of(format('SELECT benchmark.jobindsats_area_kommune(%L)', area)) AS sqlstate
FROM unnest('{uoplystXYZ,Uoplyst Sønderborg,RAR Atlantis,Region Atlantis,Landsdel Atlantis}'::text[]) area;

-- JSON as text or bytes: a key written twice is an error naming it (a jsonb
-- cast keeps the last one only)
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1]], "rows": [["2023", "Sorø", 2]]}');
SELECT period, value FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1]], "rows": [["2023", "Sorø", 2]]}'::jsonb);
SELECT * FROM benchmark.jobindsats_json('[{"Variables": [{"Name": "area", "Name": "period"}], "Data": []}]');
SELECT * FROM benchmark.jobindsats_json(E'{"Område": "Sorø", "Periode": "2022", "Antal": 1}\n{"Område": "Sorø", "Periode": "2022", "Antal": 1, "Antal": 2}');
SELECT * FROM benchmark.jobindsats_json('[{"Område": "Sorø", "Periode": "2022", "Antal": 1, "Område": "Tønder"}]');
-- records must agree on their keys
SELECT * FROM benchmark.jobindsats_json('[{"Område": "Sorø", "Periode": "2022", "Antal": 1}, {"Område": "Sorø", "Periode": "2023", "Andel": 1}]');
SELECT * FROM benchmark.jobindsats_json(E'{"Område": "Sorø", "Periode": "2022", "Antal": 1}\n{"Område": "Sorø", "Periode": "2023"}');
SELECT * FROM benchmark.jobindsats_json(E'{"Område": "Sorø", "Periode": "2022", "Antal": 1}\n[1]');
-- invalid JSON, text after a reply, CSV given as JSON, a Latin-1 file
SELECT * FROM benchmark.jobindsats_json(E'{"columns": ["Periode", "Område", "Antal"],\n "rows": [["2022", "Sorø", 1],\n ["2023", "Sorø" 2]]}');
SELECT * FROM benchmark.jobindsats_json('{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1]]} {"columns": []}');
SELECT * FROM benchmark.jobindsats_json(E'{"columns": ["Periode", "Område", "Antal"], "rows": [["2022", "Sorø", 1');
SELECT * FROM benchmark.jobindsats_json(E'{"columns": ["Periode", "Omr\\u00e5de", "Antal"], "rows": [["2022", "Sor\\ud800", 1]]}');
SELECT * FROM benchmark.jobindsats_json(E'Område;Periode;Antal\nSorø;2022;5\n');
SELECT area, value FROM benchmark.jobindsats_json(convert_to('[{"Område": "Sønderborg", "Periode": "2022", "Antal": "1,5"}]', 'LATIN1'), encoding => 'LATIN1');
SELECT * FROM benchmark.jobindsats_json(convert_to('[{"Område": "Sønderborg", "Periode": "2022", "Antal": 1}]', 'LATIN1'));

-- an error quotes at most a few hundred bytes of the document
CREATE FUNCTION pg_temp.error_sizes(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	m text;
	d text;
	h text;
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || CASE WHEN length(m) <= 400 AND length(d) <= 1000 AND length(h) <= 400 THEN 'short' ELSE
		format('message %s, detail %s, hint %s characters', length(m), length(d), length(h)) END;
END
$$;
SELECT what, pg_temp.error_sizes(query)
FROM (VALUES
	(1, 'a long unknown area', format($q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\n%s;2022;1')$q$, repeat('x', 100000))),
	(2, 'a long non-number', format($q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal;Andel\nSorø;2022;1;2\nSorø;2022;1;%s')$q$, repeat('x', 100000))),
	(3, 'a long period', format($q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Antal\nSorø;%s;1')$q$, repeat('2', 100000))),
	(4, 'a long label, twice', format($q$SELECT benchmark.jobindsats_csv(E'Område;Periode;%1$s;%1$s\nSorø;2022;1;1')$q$, repeat('x', 100000))),
	(5, 'a header of 10000 labels, no area', format($q$SELECT benchmark.jobindsats_csv(%L)$q$, (SELECT string_agg('Antal ' || g, ';') FROM generate_series(1, 10000) g))),
	(6, 'a long key twice', format($q$SELECT benchmark.jobindsats_json('{"%1$s": 1, "%1$s": 2}')$q$, repeat('k', 100000))),
	(7, 'a long garbled label', format($q$SELECT benchmark.jobindsats_csv(E'Område;Periode;%s\nSorø;2022;1')$q$, repeat('Ã¸', 50000))),
	(8, 'a long first line of HTML', format($q$SELECT benchmark.jobindsats_csv(%L)$q$, '<html>' || repeat('x', 100000))),
	(9, 'a long error cause', format($q$SELECT benchmark.jobindsats_json('{"code": 422, "cause": "%s"}')$q$, repeat('c', 100000))),
	(10, 'a long jobindsats_number', format($q$SELECT benchmark.jobindsats_number(%L)$q$, repeat('x', 100000))),
	(11, 'a long mixed column', format($q$SELECT benchmark.jobindsats_csv(E'Område;Periode;Andel\nSorø;2022;7.17\nSorø;2022;1,%s')$q$, repeat('5', 100000)))) t(n, what, query)
ORDER BY n;
