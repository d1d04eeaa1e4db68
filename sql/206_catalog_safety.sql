-- The shipped preset stays the preset; sources that are not tables or views
-- are refused; one unusable target source is that target's status and never
-- stops the others; source errors keep their SQLSTATE and name the model and
-- the measure at any size; a run for one period reads only what it needs.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
SET search_path = public, benchmark;
-- errors without the PL/pgSQL line numbers of the runner
\set SHOW_CONTEXT never

-- the preset gains, loses and changes no row; the error says to copy it
INSERT INTO model_excluded VALUES ('sonderborg-2023', 'Kalundborg', 'x', false);
\set VERBOSITY terse
INSERT INTO model_area (model, area_no, name_da, name_en, weight) VALUES ('sonderborg-2023', 9, 'Ny', 'New', 100);
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('sonderborg-2023', 'extra', 1, 9, 'x', 'x', true, 'public.nothing');
INSERT INTO model_benefit (model, benefit, position, name_da, name_en, source) VALUES ('sonderborg-2023', 'extra', 99, 'x', 'x', 'public.nothing');
UPDATE model_area SET weight = 100 WHERE model = 'sonderborg-2023' AND area_no = 1;
DELETE FROM model_excluded WHERE model = 'sonderborg-2023';
TRUNCATE model_excluded;
TRUNCATE model CASCADE;
INSERT INTO peer_group_member VALUES ('sydjylland', 'Kalundborg', false);
INSERT INTO target_milestone VALUES ('aabenraa-2019-kontant-uddannelseshjaelp', '2020-06-30', 900, false);
TRUNCATE target_milestone;
SELECT (SELECT count(*) FROM model_area WHERE model = 'sonderborg-2023') AS areas,
	   (SELECT count(*) FROM model_excluded WHERE model = 'sonderborg-2023') AS excluded,
	   (SELECT count(*) FROM peer_group_member WHERE peer_group = 'sydjylland') AS sydjylland;
-- a copy is the user's own
SELECT model_copy('sonderborg-2023', 'regress-safety');
INSERT INTO model_excluded VALUES ('regress-safety', 'Kalundborg', 'x', false);
DELETE FROM model WHERE model = 'regress-safety';

-- sources that are not tables, views or materialized views are refused when entered
CREATE SCHEMA regress_safety;
CREATE TABLE regress_safety.good (kommune text, period text, value numeric);
INSERT INTO regress_safety.good SELECT k.name, p, 5 + (k.code * 7 + length(p)) % 11 FROM kommuner() k, unnest('{2018,2019,2020,2021,2022}'::text[]) p;
CREATE INDEX good_idx ON regress_safety.good (kommune);
CREATE TYPE regress_safety.shape AS (kommune text, period text, value numeric);
INSERT INTO model (model, title_da, title_en, baseline_from, baseline_to) VALUES ('regress-safety', 's', 's', 2018, 2021);
INSERT INTO model_area (model, area_no, name_da, name_en) VALUES ('regress-safety', 1, 'A', 'A');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('regress-safety', 'm1', 1, 1, 'M1', 'M1', true, 'regress_safety.good_idx');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('regress-safety', 'm1', 1, 1, 'M1', 'M1', true, 'regress_safety.shape');
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('regress-idx', 'Tønder', 't', 'regress_safety.good_idx', 'pct.', 'level', 'at_most', 5);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('regress-type', 'Tønder', 't', 'regress_safety.shape', 'pct.', 'level', 'at_most', 5);

-- one unusable source is its target's status; every other target is served
CREATE VIEW regress_safety.good_view AS SELECT * FROM regress_safety.good;
CREATE VIEW regress_safety.raising AS SELECT kommune, period, value / 0 AS value FROM regress_safety.good;
CREATE VIEW regress_safety.dropped AS SELECT * FROM regress_safety.good;
CREATE VIEW regress_safety.secret AS SELECT * FROM regress_safety.good;
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, first_period, last_period) VALUES
	('regress-good', 'Tønder', 't', 'regress_safety.good_view', 'pct.', 'level', 'at_most', 8, '2022', '2022'),
	('regress-raising', 'Tønder', 't', 'regress_safety.raising', 'pct.', 'level', 'at_most', 8, '2022', '2022'),
	('regress-dropped', 'Tønder', 't', 'regress_safety.dropped', 'pct.', 'level', 'at_most', 8, '2022', '2022'),
	('regress-secret', 'Tønder', 't', 'regress_safety.secret', 'pct.', 'level', 'at_most', 8, '2022', '2022');
DROP VIEW regress_safety.dropped;
CREATE ROLE regress_safety_reader;
GRANT USAGE ON SCHEMA regress_safety TO regress_safety_reader;
GRANT SELECT ON regress_safety.good_view, regress_safety.raising TO regress_safety_reader;
SET ROLE regress_safety_reader;
SELECT target, status, note FROM target_status WHERE target LIKE 'regress-%' ORDER BY target;
SELECT count(*) > 0 AS shipped_targets_served FROM target_status WHERE target LIKE 'aabenraa-%';
RESET ROLE;
DELETE FROM target WHERE target LIKE 'regress-%';

-- source errors name the model and the measure, keep their SQLSTATE, and cap the rows they list
\set VERBOSITY default
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('regress-safety', 'm1', 1, 1, 'M1', 'M1', true, 'regress_safety.good');
CREATE TABLE regress_safety.big (kommune text, period text, value numeric);
INSERT INTO regress_safety.big SELECT 'Område ' || i, '2022', i FROM generate_series(1, 200000) i;
UPDATE model_measure SET source = 'regress_safety.big' WHERE model = 'regress-safety';
SELECT count(*) FROM model_placements('regress-safety', '2022');
TRUNCATE regress_safety.big;
INSERT INTO regress_safety.big SELECT kommune, '0000', value FROM regress_safety.good WHERE period = '2022';
SELECT count(*) FROM model_placements('regress-safety');
TRUNCATE regress_safety.big;
INSERT INTO regress_safety.big SELECT kommune, period, CASE WHEN kommune = 'Tønder' THEN 1e309 ELSE value END FROM regress_safety.good;
SELECT count(*) FROM model_placements('regress-safety', '2022');
-- no USAGE on the source's schema; a source without a kommune column that the reader cannot read
CREATE SCHEMA regress_hidden;
CREATE TABLE regress_hidden.t (kommune text, period text, value numeric);
UPDATE model_measure SET source = 'regress_hidden.t' WHERE model = 'regress-safety';
SET ROLE regress_safety_reader;
SELECT count(*) FROM model_placements('regress-safety', '2022');
RESET ROLE;
CREATE TABLE regress_safety.no_kommune (area text, period text, value numeric);
UPDATE model_measure SET source = 'regress_safety.no_kommune' WHERE model = 'regress-safety';
SET ROLE regress_safety_reader;
SELECT count(*) FROM model_placements('regress-safety', '2022');
RESET ROLE;

-- a run for one period reads only that period and the baseline term: a source
-- that fails on another period's rows does not stop it
CREATE VIEW regress_safety.fails_in_2010 AS
SELECT kommune, period, CASE WHEN period = '2010' THEN value / 0 ELSE value END AS value
FROM (SELECT * FROM regress_safety.good UNION ALL SELECT 'Tønder', '2010', 1) g;
UPDATE model_measure SET source = 'regress_safety.fails_in_2010' WHERE model = 'regress-safety';
SELECT count(*) FROM model_placements('regress-safety', '2022');
SELECT count(*) FROM model_placements('regress-safety');

DELETE FROM model WHERE model = 'regress-safety';
DROP SCHEMA regress_safety CASCADE;
DROP SCHEMA regress_hidden CASCADE;
DROP ROLE regress_safety_reader;
