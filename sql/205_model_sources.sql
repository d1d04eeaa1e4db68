-- Sources that are missing, badly shaped or unreadable are errors that name
-- the measure and the offending rows; the runner reads with the caller's
-- privileges.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
-- errors without the PL/pgSQL line numbers of the runner
\set SHOW_CONTEXT never
CREATE SCHEMA regress_src;
CREATE TABLE regress_src.good (kommune text, period text, value numeric);
INSERT INTO regress_src.good VALUES ('Aabenraa', '2022', 1), ('Tønder', '2022', 2), ('Haderslev', '2022', NULL);
CREATE TABLE regress_src.m2 (kommune text, period text, value numeric);
INSERT INTO regress_src.m2 SELECT * FROM regress_src.good;
INSERT INTO model (model, title_da, title_en, baseline_from, baseline_to) VALUES ('regress-src', 's', 's', 2018, 2021);
INSERT INTO model_area (model, area_no, name_da, name_en) VALUES ('regress-src', 1, 'A', 'A');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source) VALUES
	('regress-src', 'm1', 1, 1, 'M1', 'M1', true, 'regress_src.good'),
	('regress-src', 'm2', 1, 2, 'M2', 'M2', true, 'regress_src.m2');
SELECT kommune, part, item_key, value, placement, note FROM model_placements('regress-src', '2022') ORDER BY part, item_key, kommune;

-- a missing source
UPDATE model_measure SET source = 'regress_src.nothing' WHERE model = 'regress-src' AND measure = 'm2';
SELECT count(*) FROM model_placements('regress-src', '2022');
-- names are resolved with search_path = pg_catalog: an unqualified name is not found
UPDATE model_measure SET source = 'good' WHERE model = 'regress-src' AND measure = 'm2';
SET search_path = regress_src, public, benchmark;
SELECT count(*) FROM benchmark.model_placements('regress-src', '2022');
SET search_path = public, benchmark;
UPDATE model_measure SET source = 'not a name (' WHERE model = 'regress-src' AND measure = 'm2';
SELECT count(*) FROM model_placements('regress-src', '2022');

-- wrong columns
CREATE VIEW regress_src.wrong_columns AS SELECT kommune AS "Område", period AS "Periode", value FROM regress_src.good;
UPDATE model_measure SET source = 'regress_src.wrong_columns' WHERE model = 'regress-src' AND measure = 'm2';
SELECT count(*) FROM model_placements('regress-src', '2022');
CREATE VIEW regress_src.text_value AS SELECT kommune, period, value::text AS value FROM regress_src.good;
UPDATE model_measure SET source = 'regress_src.text_value' WHERE model = 'regress-src' AND measure = 'm2';
SELECT count(*) FROM model_placements('regress-src', '2022');

-- duplicate (kommune, period) rows
UPDATE model_measure SET source = 'regress_src.m2' WHERE model = 'regress-src' AND measure = 'm2';
INSERT INTO regress_src.m2 VALUES ('Tønder', '2022', 5), ('Tønder', '2021', 1);
SELECT count(*) FROM model_placements('regress-src', '2022');
DELETE FROM regress_src.m2 WHERE value = 5;

-- an unknown municipality, a row without one, a malformed period, a NaN
INSERT INTO regress_src.m2 VALUES ('Hele landet', '2022', 100), ('RAR Sydjylland', '2022', 50);
SELECT count(*) FROM model_placements('regress-src', '2022');
DELETE FROM regress_src.m2 WHERE kommune IN ('Hele landet', 'RAR Sydjylland');
INSERT INTO regress_src.m2 VALUES (NULL, '2022', 1);
SELECT count(*) FROM model_placements('regress-src', '2022');
DELETE FROM regress_src.m2 WHERE kommune IS NULL;
INSERT INTO regress_src.m2 VALUES ('Aabenraa', '2022-03', 1);
-- a run for one period reads only that period and the baseline, so it does not see the row
SELECT count(*) FROM model_placements('regress-src', '2022');
SELECT count(*) FROM model_placements('regress-src');
-- an API v3 label of the period asked for is read, and reported as not canonical
UPDATE regress_src.m2 SET period = '2022Y01' WHERE period = '2022-03';
SELECT count(*) FROM model_placements('regress-src', '2022');
DELETE FROM regress_src.m2 WHERE period = '2022Y01';
INSERT INTO regress_src.m2 VALUES ('Sønderborg', '2022', 'NaN');
SELECT count(*) FROM model_placements('regress-src', '2022');
DELETE FROM regress_src.m2 WHERE value = 'NaN';
-- an unknown model, a malformed period argument
SELECT count(*) FROM model_placements('no-such-model', '2022');
SELECT count(*) FROM model_placements('regress-src', '2022M13');

-- without SELECT on a source a user gets a permission error, not data
CREATE ROLE regress_model_reader;
GRANT USAGE ON SCHEMA regress_src TO regress_model_reader;
GRANT SELECT ON regress_src.good TO regress_model_reader;
SET ROLE regress_model_reader;
SELECT count(*) FROM model_placements('regress-src', '2022');
SELECT count(*) FROM model_rankings('regress-src');
SELECT count(*) FROM model_scorecard('regress-src', 'Tønder', '2022');
SELECT count(*) FROM model_left_out('regress-src', '2022');
RESET ROLE;
-- with SELECT it works, as with column privileges on the three columns
GRANT SELECT (kommune, period, value) ON regress_src.m2 TO regress_model_reader;
SET ROLE regress_model_reader;
SELECT count(*) FROM model_placements('regress-src', '2022');
RESET ROLE;
-- no function of the extension that reads a source runs with its owner's privileges:
-- the only ones that do keep the stored series and the store's vintages (they
-- read the store and the catalog, readable by all, and write only the derived
-- tables and the vintages), and none of them may be called by PUBLIC
SELECT p.oid::regprocedure AS security_definer_function,
	   has_function_privilege('public', p.oid, 'EXECUTE') AND p.prorettype <> 'trigger'::regtype AS public_may_call
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark') AND p.prosecdef
ORDER BY 1::text;

DELETE FROM model WHERE model = 'regress-src';
DROP SCHEMA regress_src CASCADE;
DROP OWNED BY regress_model_reader;
DROP ROLE regress_model_reader;
