-- The runner against an independent plain-SQL computation on generated data
-- with many ties and gaps (missing rows, NULL values, incomplete and zero
-- baselines), under every missing-data policy and both goal rules.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
\set ECHO none
\o /dev/null
\i test/data/model_oracle.sql
\o
\set ECHO all
CREATE SCHEMA regress_gen;

-- 40 municipalities, five measures in three areas, two benefits; values from
-- a hash with few distinct values (ties), some NULL, some rows absent.
CREATE TABLE regress_gen.kommuner AS
SELECT name FROM (VALUES ('Aabenraa'), ('Aalborg'), ('Aarhus'), ('Albertslund'), ('Allerød'), ('Assens'),
	('Ballerup'), ('Billund'), ('Bornholm'), ('Brøndby'), ('Brønderslev'), ('Dragør'), ('Egedal'), ('Esbjerg'),
	('Faaborg-Midtfyn'), ('Fanø'), ('Favrskov'), ('Faxe'), ('Fredensborg'), ('Fredericia'), ('Frederiksberg'),
	('Frederikshavn'), ('Frederikssund'), ('Furesø'), ('Gentofte'), ('Gladsaxe'), ('Glostrup'), ('Greve'),
	('Gribskov'), ('Guldborgsund'), ('Haderslev'), ('Halsnæs'), ('Hedensted'), ('Helsingør'), ('Herlev'),
	('Herning'), ('Hillerød'), ('Hjørring'), ('Holbæk'), ('Sønderborg')) k(name);
CREATE FUNCTION regress_gen.h(key text) RETURNS integer LANGUAGE sql IMMUTABLE
RETURN ('x' || substr(md5(key), 1, 7))::bit(28)::integer;

CREATE TABLE regress_gen.measures (measure text, kommune text, period text, value numeric);
INSERT INTO regress_gen.measures
SELECT m, k.name, y::text,
	   CASE WHEN regress_gen.h('null' || m || k.name || y) % 9 = 0 THEN NULL
			ELSE (regress_gen.h(m || k.name || y) % CASE m WHEN 'm1' THEN 4 WHEN 'm2' THEN 7 ELSE 12 END) / 2.0 END
FROM regress_gen.kommuner k, generate_series(2020, 2023) y, unnest('{m1,m2,m3,m4,m5}'::text[]) m
WHERE regress_gen.h('absent' || m || k.name || y) % 15 <> 0;
CREATE VIEW regress_gen.m1 AS SELECT kommune, period, value FROM regress_gen.measures WHERE measure = 'm1';
CREATE VIEW regress_gen.m2 AS SELECT kommune, period, value FROM regress_gen.measures WHERE measure = 'm2';
CREATE VIEW regress_gen.m3 AS SELECT kommune, period, value FROM regress_gen.measures WHERE measure = 'm3';
CREATE VIEW regress_gen.m4 AS SELECT kommune, period, value FROM regress_gen.measures WHERE measure = 'm4';
CREATE VIEW regress_gen.m5 AS SELECT kommune, period, value FROM regress_gen.measures WHERE measure = 'm5';

CREATE TABLE regress_gen.benefits (benefit text, kommune text, period text, value numeric);
INSERT INTO regress_gen.benefits
SELECT b, k.name, y::text,
	   CASE WHEN regress_gen.h('bnull' || b || k.name || y) % 25 = 0 THEN NULL
			WHEN k.name = 'Dragør' AND b = 'b2' THEN 0
			ELSE 10 + regress_gen.h(b || k.name || y) % 6 END
FROM regress_gen.kommuner k, generate_series(2018, 2023) y, unnest('{b1,b2}'::text[]) b
WHERE regress_gen.h('babsent' || b || k.name || y) % 30 <> 0;
CREATE VIEW regress_gen.b1 AS SELECT kommune, period, value FROM regress_gen.benefits WHERE benefit = 'b1';
CREATE VIEW regress_gen.b2 AS SELECT kommune, period, value FROM regress_gen.benefits WHERE benefit = 'b2';

INSERT INTO model (model, title_da, title_en, goal_weight, baseline_from, baseline_to)
VALUES ('regress-gen', 'generated', 'generated', 3, 2018, 2019);
INSERT INTO model_area (model, area_no, name_da, name_en, weight, in_total) VALUES
	('regress-gen', 1, 'A1', 'A1', 1, true), ('regress-gen', 2, 'A2', 'A2', 2, true), ('regress-gen', 3, 'A3', 'A3', 1, false);
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source) VALUES
	('regress-gen', 'm1', 1, 1, 'M1', 'M1', true, 'regress_gen.m1'),
	('regress-gen', 'm2', 1, 2, 'M2', 'M2', false, 'regress_gen.m2'),
	('regress-gen', 'm3', 2, 1, 'M3', 'M3', true, 'regress_gen.m3'),
	('regress-gen', 'm4', 2, 2, 'M4', 'M4', true, 'regress_gen.m4'),
	('regress-gen', 'm5', 3, 1, 'M5', 'M5', false, 'regress_gen.m5');
INSERT INTO model_benefit (model, benefit, position, name_da, name_en, source) VALUES
	('regress-gen', 'b1', 1, 'B1', 'B1', 'regress_gen.b1'),
	('regress-gen', 'b2', 2, 'B2', 'B2', 'regress_gen.b2');
INSERT INTO model_excluded (model, kommune, reason) VALUES ('regress-gen', 'Fanø', 'test'), ('regress-gen', 'Greve', 'test');

-- the data has ties and gaps
SELECT count(*) FILTER (WHERE value IS NULL) > 0 AS has_nulls,
	   count(*) < 40 * 4 * 5 AS has_absent_rows,
	   count(*) - count(DISTINCT (measure, period, value)) > 100 AS has_many_ties
FROM regress_gen.measures;

-- every combination of policies and rules
CREATE TABLE regress_gen.results (goal_rule text, goal_missing text, total_missing text, a1 text, a2 text, differences bigint);
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT * FROM unnest('{total,rank_sum}'::text[]) gr, unnest('{exclude,worst,scale}'::text[]) gm,
			 unnest('{exclude,scale}'::text[]) tm, unnest('{exclude,worst,scale}'::text[]) a1,
			 unnest('{exclude,scale}'::text[]) a2
		WHERE gr = 'rank_sum' OR gm = 'exclude'
	LOOP
		UPDATE model SET goal_rule = r.gr, goal_missing = r.gm, total_missing = r.tm WHERE model = 'regress-gen';
		UPDATE model_area SET missing = r.a1 WHERE model = 'regress-gen' AND area_no = 1;
		UPDATE model_area SET missing = r.a2 WHERE model = 'regress-gen' AND area_no IN (2, 3);
		INSERT INTO regress_gen.results
		SELECT r.gr, r.gm, r.tm, r.a1, r.a2, count(*) FROM pg_temp.oracle_diff('regress-gen');
	END LOOP;
END $$;
SELECT count(*) AS combinations, sum(differences) AS differences FROM regress_gen.results;
SELECT * FROM regress_gen.results WHERE differences > 0;

-- the checks were not vacuous: ties and left-out municipalities at every level
UPDATE model SET goal_rule = 'total', goal_missing = 'exclude', total_missing = 'exclude' WHERE model = 'regress-gen';
UPDATE model_area SET missing = 'exclude' WHERE model = 'regress-gen';
SELECT part, count(*) FILTER (WHERE placement IS NULL) AS left_out,
	   count(*) FILTER (WHERE placement IS NOT NULL) - count(DISTINCT (period, item_key, placement)) FILTER (WHERE placement IS NOT NULL) AS tied
FROM model_placements('regress-gen') GROUP BY part ORDER BY part;
SELECT * FROM pg_temp.oracle_diff('regress-gen');

-- a zero baseline leaves the municipality out of that benefit
SELECT period, placement, note FROM model_placements('regress-gen', '2022') WHERE kommune = 'Dragør' AND item_key = 'b2';

-- one period and all periods agree
SELECT count(*) FROM (
	(SELECT * FROM model_placements('regress-gen') WHERE period = '2021'
	 EXCEPT SELECT * FROM model_placements('regress-gen', '2021'))
	UNION ALL
	(SELECT * FROM model_placements('regress-gen', '2021')
	 EXCEPT SELECT * FROM model_placements('regress-gen') WHERE period = '2021')) d;

DELETE FROM model WHERE model = 'regress-gen';
DROP SCHEMA regress_gen CASCADE;
