-- Writes the SYNTHETIC sample tables (sample_jobindsats.sql: schema
-- jobindsats, and brugerdata.brugerdata) as files in the forms jobindsats data
-- reaches a user in: SYNTETISKE DATA, made-up numbers shaped like jobindsats
-- downloads, not real figures.  Run after sample_jobindsats.sql:
--
--   psql -v dir=/some/dir -f test/data/synthetic_downloads.sql
--
-- It writes <dir>/README.txt and, per table (jobindsats table id in lower case,
-- brugerdata for the user's own figures), one file per form:
--   <dir>/v2_csv/<table>.csv    the API v2's CSV: UTF-8, ";"-separated, a header
--       of labels with the area column "Area" and the period column "Periode",
--       decimal comma, no thousands separator, suppressed cells empty or "..";
--       rows in no order of period; in tables with a Køn dimension the rows
--       where every dimension is at its total are left out (as when a pipeline
--       asks for Kvinder and Mænd only), so totals must be summed from them;
--   <dir>/v2_json/<table>.json  the API v2's JSON reply
--       [{"Variables": [{"Name", "Label"}, ...], "Data": [[...], ...]}]: area,
--       period, dimensions (names starting with "_"), measures; numbers as JSON
--       numbers or as strings with a decimal comma, suppressed cells null, "-"
--       or ".."; totals rows present;
--   <dir>/v3_json/<table>.json  the API v3's JSON reply {"columns": [labels],
--       "rows": [[...], ...]}: "Område", "Periode", dimensions, measures;
--       years written 2021Y01, months 2021M01, rolling years 2021QMAT04;
--       suppressed cells null; rows in no order.
-- The wide tables themselves are the fourth form (a pipeline's tables).
-- Which cell is written which way is decided by a hash of the cell: the same
-- files on every run.  Column names cut at 63 bytes carry their full label as
-- a column comment; the files use the full label.

\set ON_ERROR_STOP on
\if :{?dir}
\else
\echo 'usage: psql -v dir=/some/dir -f test/data/synthetic_downloads.sql'
\quit
\endif
\encoding UTF8
SET client_min_messages = warning;
\setenv SYNTHETIC_DOWNLOADS_DIR :dir
\! mkdir -p "$SYNTHETIC_DOWNLOADS_DIR/v2_csv" "$SYNTHETIC_DOWNLOADS_DIR/v2_json" "$SYNTHETIC_DOWNLOADS_DIR/v3_json"

-- u(key): a deterministic pseudo-random number in [0, 1) from the md5 of key.
CREATE OR REPLACE FUNCTION pg_temp.u(key text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT
RETURN ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0;

-- The API v2's name of a dimension (as the v3 catalogue names them where known).
CREATE OR REPLACE FUNCTION pg_temp.dimension_name(label text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
RETURN CASE label
	WHEN 'Køn' THEN '_kon'
	WHEN 'Herkomst' THEN '_oprinda'
	WHEN 'Alder' THEN '_aldera'
	WHEN 'Tilbud' THEN '_tilb'
	WHEN 'A-kasse' THEN '_akasse'
	WHEN 'Ydelsesgrupper' THEN '_ygrp'
	WHEN 'Visitationskategori' THEN '_visitation'
	WHEN 'Målgruppe' THEN '_maalgruppe'
	WHEN 'Virksomhedsrettede tilbud' THEN '_virktilb'
	WHEN 'Stillingsbetegnelse' THEN '_stilling'
	WHEN 'Arbejdsmarkedsstatus' THEN '_amstatus'
	ELSE '_' || lower(regexp_replace(label, '[^A-Za-z]', '', 'g')) END;

-- download(tbl, form): the whole document of one table in one form.  The
-- columns "Område" and "Periode" are the area and the period, other text
-- columns dimensions, numeric columns measures (labelled by their comment
-- where they have one).
CREATE OR REPLACE FUNCTION pg_temp.download(tbl regclass, form text) RETURNS text
LANGUAGE plpgsql AS $f$
DECLARE
	id text;
	dims text[];
	dim_labels text[];
	meas text[];
	meas_labels text[];
	rowkey text;
	dim_list text;
	cells text;
	totals text;
	doc text;
BEGIN
	SELECT relname INTO id FROM pg_class WHERE oid = tbl;
	SELECT coalesce(array_agg(attname::text ORDER BY attnum) FILTER (WHERE atttypid = 'text'::regtype AND attname NOT IN ('Område', 'Periode')), '{}'),
		   coalesce(array_agg(coalesce(col_description(attrelid, attnum), attname::text) ORDER BY attnum)
					FILTER (WHERE atttypid = 'text'::regtype AND attname NOT IN ('Område', 'Periode')), '{}'),
		   coalesce(array_agg(attname::text ORDER BY attnum) FILTER (WHERE atttypid = 'numeric'::regtype), '{}'),
		   coalesce(array_agg(coalesce(col_description(attrelid, attnum), attname::text) ORDER BY attnum)
					FILTER (WHERE atttypid = 'numeric'::regtype), '{}')
	INTO dims, dim_labels, meas, meas_labels
	FROM pg_attribute WHERE attrelid = tbl AND attnum > 0 AND NOT attisdropped;

	-- a key per row: the hashes that decide how its cells are written
	rowkey := format('concat_ws(%L, %L, "Område", "Periode"%s)', '|', id,
					 (SELECT string_agg(', ' || quote_ident(d), '') FROM unnest(dims) d));
	dim_list := (SELECT string_agg(', ' || quote_ident(d), '' ORDER BY o) FROM unnest(dims) WITH ORDINALITY x(d, o));
	dim_list := coalesce(dim_list, '');

	IF form = 'v2_csv' THEN
		SELECT string_agg(format(', CASE WHEN %1$I IS NULL THEN CASE WHEN pg_temp.u(k || %2$L) < 0.5 THEN %3$L ELSE %4$L END
										ELSE replace(%1$I::text, %5$L, %6$L) END', m, m, '', '..', '.', ','), '' ORDER BY o)
		INTO cells FROM unnest(meas) WITH ORDINALITY x(m, o);
		-- tables with Køn: the rows at the totals of every dimension are left out
		totals := CASE WHEN 'Køn' = ANY (dims) THEN
			'WHERE NOT (' || (SELECT string_agg(format('%I = %L', d, d || ' i alt'), ' AND ') FROM unnest(dims) d) || ')' ELSE '' END;
		EXECUTE format($q$
			SELECT %L || E'\n' || string_agg(line, E'\n' ORDER BY md5(k))
			FROM (SELECT k, concat_ws(';', "Område", "Periode"%s%s) AS line
				  FROM (SELECT t.*, %s AS k FROM %s t) t %s) x$q$,
			array_to_string(ARRAY['Area', 'Periode'] || dim_labels || meas_labels, ';'),
			dim_list, cells, rowkey, tbl, totals)
		INTO doc;
	ELSIF form = 'v2_json' THEN
		SELECT string_agg(format(', CASE WHEN %1$I IS NULL THEN (ARRAY[%3$L, %4$L, %5$L])[1 + floor(3 * pg_temp.u(k || %2$L))::int]::json
										WHEN pg_temp.u(%6$L || k || %2$L) < 0.15 THEN to_json(replace(%1$I::text, %7$L, %8$L))
										ELSE to_json(%1$I) END', m, m, 'null', '"-"', '".."', 'tekst', '.', ','), '' ORDER BY o)
		INTO cells FROM unnest(meas) WITH ORDINALITY x(m, o);
		EXECUTE format($q$
			SELECT '[{"Variables":' || %L || ',"Data":[' || E'\n' || string_agg(r, E',\n' ORDER BY n) || E'\n]}]'
			FROM (SELECT n, json_build_array("Område", "Periode"%s%s)::text AS r
				  FROM (SELECT t.*, %s AS k, row_number() OVER (ORDER BY "Område", "Periode"%s) AS n FROM %s t) t) x$q$,
			(SELECT json_agg(json_build_object('Name', nm, 'Label', lb) ORDER BY o)::text
			 FROM unnest(ARRAY['area', 'period'] || ARRAY(SELECT pg_temp.dimension_name(l) FROM unnest(dim_labels) l)
						 || ARRAY(SELECT 'm' || i FROM generate_series(1, cardinality(meas)) i),
						 ARRAY['Område', 'Periode'] || dim_labels || meas_labels) WITH ORDINALITY v(nm, lb, o)),
			dim_list, cells, rowkey, dim_list, tbl)
		INTO doc;
	ELSIF form = 'v3_json' THEN
		SELECT string_agg(format(', %I', m), '' ORDER BY o) INTO cells FROM unnest(meas) WITH ORDINALITY x(m, o);
		EXECUTE format($q$
			SELECT '{"columns":' || %L || ',"rows":[' || E'\n' || string_agg(r, E',\n' ORDER BY md5('v3' || k)) || E'\n]}'
			FROM (SELECT k, json_build_array("Område", CASE WHEN "Periode" ~ '^[0-9]{4}$' THEN "Periode" || 'Y01' ELSE "Periode" END%s%s)::text AS r
				  FROM (SELECT t.*, %s AS k FROM %s t) t) x$q$,
			(SELECT json_agg(l ORDER BY o)::text FROM unnest(ARRAY['Område', 'Periode'] || dim_labels || meas_labels) WITH ORDINALITY v(l, o)),
			dim_list, cells, rowkey, tbl)
		INTO doc;
	ELSE
		RAISE EXCEPTION 'unknown form %', form;
	END IF;
	RETURN doc;
END $f$;

-- Each document is printed bare (unaligned, no header or footer) into its
-- file, which psql ends with a newline: the files hold the text byte for byte.
\pset format unaligned
\pset tuples_only on
\pset footer off

SELECT 'SYNTETISKE DATA - synthetic sample data, NOT REAL FIGURES.

Made-up numbers from a deterministic generator (test/data/sample_jobindsats.sql),
shaped like jobindsats.dk downloads: the labels, layouts and forms are those of the
real tables, the numbers are not.  Do not quote them.

v2_csv/<table>.csv    as the API v2 writes CSV (";", decimal comma, "Area", rows unsorted,
                      in tables with Køn the all-totals rows left out)
v2_json/<table>.json  as the API v2 writes JSON ({"Variables", "Data"})
v3_json/<table>.json  as the API v3 writes JSON ({"columns", "rows"})
<table> is the jobindsats table id in lower case; brugerdata holds the user''s own
figures (not from jobindsats) in the same forms.' \g :dir/README.txt

SELECT pg_temp.download('jobindsats.y01a02', 'v2_csv') \g :dir/v2_csv/y01a02.csv
SELECT pg_temp.download('jobindsats.y04a02', 'v2_csv') \g :dir/v2_csv/y04a02.csv
SELECT pg_temp.download('jobindsats.y07a02', 'v2_csv') \g :dir/v2_csv/y07a02.csv
SELECT pg_temp.download('jobindsats.y08a02', 'v2_csv') \g :dir/v2_csv/y08a02.csv
SELECT pg_temp.download('jobindsats.y09a02', 'v2_csv') \g :dir/v2_csv/y09a02.csv
SELECT pg_temp.download('jobindsats.y10a02', 'v2_csv') \g :dir/v2_csv/y10a02.csv
SELECT pg_temp.download('jobindsats.y11a02', 'v2_csv') \g :dir/v2_csv/y11a02.csv
SELECT pg_temp.download('jobindsats.y12a02', 'v2_csv') \g :dir/v2_csv/y12a02.csv
SELECT pg_temp.download('jobindsats.y35a02', 'v2_csv') \g :dir/v2_csv/y35a02.csv
SELECT pg_temp.download('jobindsats.y38a02', 'v2_csv') \g :dir/v2_csv/y38a02.csv
SELECT pg_temp.download('jobindsats.y60a02', 'v2_csv') \g :dir/v2_csv/y60a02.csv
SELECT pg_temp.download('jobindsats.ptva02', 'v2_csv') \g :dir/v2_csv/ptva02.csv
SELECT pg_temp.download('jobindsats.ptvc01', 'v2_csv') \g :dir/v2_csv/ptvc01.csv
SELECT pg_temp.download('jobindsats.ptvc02', 'v2_csv') \g :dir/v2_csv/ptvc02.csv
SELECT pg_temp.download('jobindsats.y01c01', 'v2_csv') \g :dir/v2_csv/y01c01.csv
SELECT pg_temp.download('jobindsats.otij01', 'v2_csv') \g :dir/v2_csv/otij01.csv
SELECT pg_temp.download('jobindsats.y14d03', 'v2_csv') \g :dir/v2_csv/y14d03.csv
SELECT pg_temp.download('jobindsats.y25i07', 'v2_csv') \g :dir/v2_csv/y25i07.csv
SELECT pg_temp.download('jobindsats.y25i09', 'v2_csv') \g :dir/v2_csv/y25i09.csv
SELECT pg_temp.download('jobindsats.y38b15', 'v2_csv') \g :dir/v2_csv/y38b15.csv
SELECT pg_temp.download('brugerdata.brugerdata', 'v2_csv') \g :dir/v2_csv/brugerdata.csv

SELECT pg_temp.download('jobindsats.y01a02', 'v2_json') \g :dir/v2_json/y01a02.json
SELECT pg_temp.download('jobindsats.y04a02', 'v2_json') \g :dir/v2_json/y04a02.json
SELECT pg_temp.download('jobindsats.y07a02', 'v2_json') \g :dir/v2_json/y07a02.json
SELECT pg_temp.download('jobindsats.y08a02', 'v2_json') \g :dir/v2_json/y08a02.json
SELECT pg_temp.download('jobindsats.y09a02', 'v2_json') \g :dir/v2_json/y09a02.json
SELECT pg_temp.download('jobindsats.y10a02', 'v2_json') \g :dir/v2_json/y10a02.json
SELECT pg_temp.download('jobindsats.y11a02', 'v2_json') \g :dir/v2_json/y11a02.json
SELECT pg_temp.download('jobindsats.y12a02', 'v2_json') \g :dir/v2_json/y12a02.json
SELECT pg_temp.download('jobindsats.y35a02', 'v2_json') \g :dir/v2_json/y35a02.json
SELECT pg_temp.download('jobindsats.y38a02', 'v2_json') \g :dir/v2_json/y38a02.json
SELECT pg_temp.download('jobindsats.y60a02', 'v2_json') \g :dir/v2_json/y60a02.json
SELECT pg_temp.download('jobindsats.ptva02', 'v2_json') \g :dir/v2_json/ptva02.json
SELECT pg_temp.download('jobindsats.ptvc01', 'v2_json') \g :dir/v2_json/ptvc01.json
SELECT pg_temp.download('jobindsats.ptvc02', 'v2_json') \g :dir/v2_json/ptvc02.json
SELECT pg_temp.download('jobindsats.y01c01', 'v2_json') \g :dir/v2_json/y01c01.json
SELECT pg_temp.download('jobindsats.otij01', 'v2_json') \g :dir/v2_json/otij01.json
SELECT pg_temp.download('jobindsats.y14d03', 'v2_json') \g :dir/v2_json/y14d03.json
SELECT pg_temp.download('jobindsats.y25i07', 'v2_json') \g :dir/v2_json/y25i07.json
SELECT pg_temp.download('jobindsats.y25i09', 'v2_json') \g :dir/v2_json/y25i09.json
SELECT pg_temp.download('jobindsats.y38b15', 'v2_json') \g :dir/v2_json/y38b15.json
SELECT pg_temp.download('brugerdata.brugerdata', 'v2_json') \g :dir/v2_json/brugerdata.json

SELECT pg_temp.download('jobindsats.y01a02', 'v3_json') \g :dir/v3_json/y01a02.json
SELECT pg_temp.download('jobindsats.y04a02', 'v3_json') \g :dir/v3_json/y04a02.json
SELECT pg_temp.download('jobindsats.y07a02', 'v3_json') \g :dir/v3_json/y07a02.json
SELECT pg_temp.download('jobindsats.y08a02', 'v3_json') \g :dir/v3_json/y08a02.json
SELECT pg_temp.download('jobindsats.y09a02', 'v3_json') \g :dir/v3_json/y09a02.json
SELECT pg_temp.download('jobindsats.y10a02', 'v3_json') \g :dir/v3_json/y10a02.json
SELECT pg_temp.download('jobindsats.y11a02', 'v3_json') \g :dir/v3_json/y11a02.json
SELECT pg_temp.download('jobindsats.y12a02', 'v3_json') \g :dir/v3_json/y12a02.json
SELECT pg_temp.download('jobindsats.y35a02', 'v3_json') \g :dir/v3_json/y35a02.json
SELECT pg_temp.download('jobindsats.y38a02', 'v3_json') \g :dir/v3_json/y38a02.json
SELECT pg_temp.download('jobindsats.y60a02', 'v3_json') \g :dir/v3_json/y60a02.json
SELECT pg_temp.download('jobindsats.ptva02', 'v3_json') \g :dir/v3_json/ptva02.json
SELECT pg_temp.download('jobindsats.ptvc01', 'v3_json') \g :dir/v3_json/ptvc01.json
SELECT pg_temp.download('jobindsats.ptvc02', 'v3_json') \g :dir/v3_json/ptvc02.json
SELECT pg_temp.download('jobindsats.y01c01', 'v3_json') \g :dir/v3_json/y01c01.json
SELECT pg_temp.download('jobindsats.otij01', 'v3_json') \g :dir/v3_json/otij01.json
SELECT pg_temp.download('jobindsats.y14d03', 'v3_json') \g :dir/v3_json/y14d03.json
SELECT pg_temp.download('jobindsats.y25i07', 'v3_json') \g :dir/v3_json/y25i07.json
SELECT pg_temp.download('jobindsats.y25i09', 'v3_json') \g :dir/v3_json/y25i09.json
SELECT pg_temp.download('jobindsats.y38b15', 'v3_json') \g :dir/v3_json/y38b15.json
SELECT pg_temp.download('brugerdata.brugerdata', 'v3_json') \g :dir/v3_json/brugerdata.json
\pset format aligned
\pset tuples_only off
\pset footer on
RESET client_min_messages;
