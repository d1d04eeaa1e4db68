-- The model catalog: the shipped preset sonderborg-2023, read-only shipped
-- rows, copies that users edit.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;

SELECT model, goal_weight, goal_rule, goal_missing, baseline_from, baseline_to, total_missing, shipped FROM model;
SELECT area_no, name_da, weight, in_total, missing FROM model_area WHERE model = 'sonderborg-2023' ORDER BY area_no;
SELECT area_no, position, measure, name_da, higher_is_better, unit, source
FROM model_measure WHERE model = 'sonderborg-2023' ORDER BY area_no, position;
SELECT position, benefit, name_da, source, jobindsats FROM model_benefit WHERE model = 'sonderborg-2023' ORDER BY position;
SELECT kommune, reason FROM model_excluded WHERE model = 'sonderborg-2023' ORDER BY kommune;

-- shipped rows are read-only, and users cannot add shipped rows
UPDATE model_area SET weight = 2 WHERE model = 'sonderborg-2023' AND area_no = 1;
DELETE FROM model_excluded WHERE model = 'sonderborg-2023' AND kommune = 'Læsø';
DELETE FROM model WHERE model = 'sonderborg-2023';
INSERT INTO model (model, title_da, title_en, baseline_from, baseline_to, shipped) VALUES ('x', 'x', 'x', 2018, 2021, true);

-- a copy is ordinary data: edit it freely
SELECT model_copy('sonderborg-2023', 'regress-copy');
SELECT (SELECT count(*) FROM model_area WHERE model = 'regress-copy') AS areas,
	   (SELECT count(*) FROM model_measure WHERE model = 'regress-copy') AS measures,
	   (SELECT count(*) FROM model_benefit WHERE model = 'regress-copy') AS benefits,
	   (SELECT count(*) FROM model_excluded WHERE model = 'regress-copy') AS excluded,
	   (SELECT bool_or(shipped) FROM model_measure WHERE model = 'regress-copy') AS any_shipped;
UPDATE model_area SET weight = 2 WHERE model = 'regress-copy' AND area_no = 1;
DELETE FROM model_excluded WHERE model = 'regress-copy' AND kommune = 'Læsø';
SELECT model_copy('no-such-model', 'y');
SELECT model_copy('sonderborg-2023', 'regress-copy');
-- the checks of the catalog
INSERT INTO model_area (model, area_no, name_da, name_en, missing) VALUES ('regress-copy', 9, 'n', 'n', 'best');
INSERT INTO model_area (model, area_no, name_da, name_en, weight) VALUES ('regress-copy', 9, 'n', 'n', -1);
UPDATE model SET total_missing = 'worst' WHERE model = 'regress-copy';
UPDATE model SET goal_rule = 'mean' WHERE model = 'regress-copy';
INSERT INTO model_measure (model, measure, area_no, name_da, name_en, higher_is_better, source)
VALUES ('regress-copy', 'm', 42, 'm', 'm', true, 'public.m');
-- renaming a model carries its rows along; deleting it removes them
UPDATE model SET model = 'regress-renamed' WHERE model = 'regress-copy';
SELECT count(*) FROM model_measure WHERE model = 'regress-renamed';
DELETE FROM model WHERE model = 'regress-renamed';
SELECT count(*) FROM model_measure WHERE model LIKE 'regress-%';

-- the catalog tables are dumped without the shipped rows
SELECT c.relname, e.extcondition[t.i] AS dump_condition
FROM pg_extension e CROSS JOIN LATERAL unnest(e.extconfig) WITH ORDINALITY AS t(oid, i)
JOIN pg_class c ON c.oid = t.oid
WHERE e.extname = 'benchmark' ORDER BY c.relname;
