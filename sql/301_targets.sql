-- Targets and peer groups: each kind of target on small hand-made sources
-- whose answers can be checked by hand; peer averages against plain SQL;
-- bad targets rejected with errors that say what is wrong.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
\set SHOW_CONTEXT never

-- period helpers
SELECT period_index('2022'), period_index('2022M03'), period_index('2022Q1'),
	   period_previous('2022'), period_previous('2022M01'), period_previous('2022Q1'), period_previous('2023QMAT01'),
	   period_previous('0001');
SELECT array_agg(p) FROM period_series('2022Q3', '2023Q2') p;
SELECT array_agg(p) FROM period_series('2023', '2022') p;
SELECT period_series('2022', '2022M01');

-- the shipped peer groups
SELECT peer_group, members FROM peer_groups ORDER BY peer_group;
SELECT kommuner FROM peer_groups WHERE peer_group IN ('sonderjylland', 'sydjylland') ORDER BY peer_group;
-- every municipality is in the whole country and in exactly one region
SELECT count(*) AS municipalities,
	   bool_and((SELECT count(*) FROM peer_group_member m WHERE m.kommune = k.kommune AND m.peer_group LIKE 'region-%') = 1) AS one_region
FROM kommuner() k JOIN peer_group_member h ON h.kommune = k.kommune AND h.peer_group = 'hele-landet';

-- hand-made sources: levels of Tønder, Aabenraa, Haderslev; a share with
-- numerator and denominator for pooled averages
CREATE SCHEMA t3;
CREATE TABLE t3.level (kommune text, period text, value numeric);
INSERT INTO t3.level VALUES
	('Tønder', '2020', 100), ('Tønder', '2021', 90), ('Tønder', '2022', 80), ('Tønder', '2023', NULL),
	('Aabenraa', '2020', 100), ('Aabenraa', '2021', 90.01),
	('Haderslev', '2020', 0), ('Haderslev', '2021', 5);
CREATE TABLE t3.share (kommune text, period text, value numeric, numerator numeric, denominator numeric);
INSERT INTO t3.share VALUES
	('Tønder', '2021', 20, 10, 50), ('Aabenraa', '2021', 30, 30, 100), ('Haderslev', '2021', 10, 40, 400),
	('Tønder', '2022', 15, 15, 100), ('Aabenraa', '2022', 25, 25, 100), ('Haderslev', '2022', NULL, NULL, NULL),
	('Sønderborg', '2022', 99, 99, 100);

-- a peer group of one's own
INSERT INTO peer_group (peer_group, name_da, name_en, definition) VALUES ('r-trio', 'Tre', 'Three', 'Tønder, Aabenraa, Haderslev');
INSERT INTO peer_group_member (peer_group, kommune) VALUES ('r-trio', 'Tønder'), ('r-trio', 'Aabenraa'), ('r-trio', '510');

-- peer averages: mean 2021 = (20 + 30 + 10) / 3 = 20, pooled = 100 * 80 / 550 = 14.55;
-- 2022: Haderslev missing, mean = (15 + 25) / 2 = 20, pooled = 100 * 40 / 200 = 20
SELECT peer_group, period, members, reporting, round(mean, 4) AS mean, pooled_reporting, round(pooled, 4) AS pooled
FROM peer_averages('t3.share', 'r-trio');
-- ... and against plain SQL for every shipped group
SELECT count(*) AS compared,
	   count(*) FILTER (WHERE a.mean IS DISTINCT FROM o.mean OR a.pooled IS DISTINCT FROM o.pooled
						OR a.reporting <> o.reporting OR a.members <> o.members) AS differing
FROM peer_averages('t3.share') a
JOIN (SELECT m.peer_group, p.period, count(*) AS members, count(s.value) AS reporting, avg(s.value) AS mean,
			 100 * sum(s.numerator) FILTER (WHERE s.numerator IS NOT NULL AND s.denominator IS NOT NULL)
			 / sum(s.denominator) FILTER (WHERE s.numerator IS NOT NULL AND s.denominator IS NOT NULL) AS pooled
	  FROM peer_group_member m CROSS JOIN (SELECT DISTINCT period FROM t3.share) p
	  LEFT JOIN t3.share s ON s.kommune = m.kommune::text AND s.period = p.period
	  GROUP BY m.peer_group, p.period) o USING (peer_group, period);

-- the status of the targets below, rounded for reading
CREATE VIEW t3.status AS
SELECT target, period, compared, round(actual, 2) AS actual, round(target_value, 2) AS target_value, status,
	   round(gap, 2) AS gap, round(margin, 2) AS margin, round(trend, 2) AS trend, trend_direction, note
FROM target_status WHERE target LIKE 'r-%';

-- ceilings and floors: exactly on the limit, just over, suppressed, no row
INSERT INTO target (target, kommune, title, source, unit, kind, direction, strict, level, first_period, last_period) VALUES
	('r-ceiling', 'Tønder', 'Højst 90', 't3.level', 'personer', 'level', 'at_most', false, 90, NULL, NULL),
	('r-ceiling-strict', 'Tønder', 'Under 90', 't3.level', 'personer', 'level', 'at_most', true, 90, '2021', '2024'),
	('r-ceiling-aabenraa', 'Aabenraa', 'Højst 90', 't3.level', 'personer', 'level', 'at_most', false, 90, NULL, NULL),
	('r-floor', 'Tønder', 'Mindst 90', 't3.level', 'personer', 'level', 'at_least', false, 90, NULL, NULL);
SELECT * FROM t3.status WHERE target IN ('r-ceiling', 'r-ceiling-strict', 'r-ceiling-aabenraa', 'r-floor') ORDER BY target, period;

-- a level by a date with a milestone between two periods: 100 due 2020-06-30,
-- 60 due 2022-12-31.  Interpolated, 2020 (judged on 2020-12-31, 184 of 914 days
-- on) asks for 100 - 40 * 184 / 914 = 91.95, 2021 (549 days) for 75.97; without
-- interpolation the latest milestone due counts; 2019 comes before the first
-- milestone and is not due.
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, due, interpolate, first_period, last_period) VALUES
	('r-milestones', 'Tønder', 'Under 60 i 2022, delmål 100', 't3.level', 'personer', 'level', 'at_most', 60, '2022-12-31', true, '2019', '2022'),
	('r-milestones-step', 'Tønder', 'Under 60 i 2022, delmål 100', 't3.level', 'personer', 'level', 'at_most', 60, '2022-12-31', false, '2019', '2022');
INSERT INTO target_milestone (target, due, value) VALUES ('r-milestones', '2020-06-30', 100), ('r-milestones-step', '2020-06-30', 100);
SELECT * FROM t3.status WHERE target LIKE 'r-milestones%' ORDER BY target, period;
SELECT target_level_at('r-milestones', '2020-06-29') AS before, target_level_at('r-milestones', '2020-06-30') AS milestone,
	   round(target_level_at('r-milestones', '2021-09-29'), 4) AS between, target_level_at('r-milestones', '2030-01-01') AS after;

-- relative change against the baseline 2020 (100): -10 % in total (90: on the
-- limit in 2021), -10 % per year (2021: 90, 2022: 81), -10 % due at the end of
-- 2022 on a straight line (2021: 95); Haderslev's baseline is zero
INSERT INTO target (target, kommune, title, source, unit, kind, direction, baseline_period, change_pct, per_year, due, interpolate) VALUES
	('r-change', 'Tønder', 'Ned 10 %', 't3.level', 'personer', 'change', 'at_most', '2020', -10, false, NULL, false),
	('r-change-per-year', 'Tønder', 'Ned 10 % om året', 't3.level', 'personer', 'change', 'at_most', '2020', -10, true, NULL, false),
	('r-change-path', 'Tønder', 'Ned 10 % inden udgangen af 2022', 't3.level', 'personer', 'change', 'at_most', '2020', -10, false, '2022-12-31', true),
	('r-change-due', 'Tønder', 'Ned 10 % i 2022', 't3.level', 'personer', 'change', 'at_most', '2020', -10, false, '2022-12-31', false),
	('r-change-zero', 'Haderslev', 'Ned 10 %', 't3.level', 'personer', 'change', 'at_most', '2020', -10, false, NULL, false),
	('r-change-up', 'Aabenraa', 'Op 5 %', 't3.level', 'personer', 'change', 'at_least', '2020', 5, false, NULL, false);
SELECT * FROM t3.status WHERE target LIKE 'r-change%' ORDER BY target, period;

-- better than (or at the level of) the peer group's average
INSERT INTO target (target, kommune, title, source, unit, kind, direction, strict, peer_group, peer_average, baseline_period) VALUES
	('r-peer-mean', 'Tønder', 'På gruppens niveau', 't3.share', 'pct.', 'peer', 'at_most', false, 'r-trio', 'mean', NULL),
	('r-peer-mean-strict', 'Tønder', 'Under gruppens gennemsnit', 't3.share', 'pct.', 'peer', 'at_most', true, 'r-trio', 'mean', NULL),
	('r-peer-pooled', 'Tønder', 'På gruppens niveau', 't3.share', 'pct.', 'peer', 'at_most', false, 'r-trio', 'pooled', NULL),
	('r-peer-change-mean', 'Tønder', 'Udvikle sig bedre end gruppen', 't3.share', 'pct.', 'peer', 'at_most', true, 'r-trio', 'mean', '2021'),
	('r-peer-change-pooled', 'Tønder', 'Udvikle sig bedre end gruppen', 't3.share', 'pct.', 'peer', 'at_most', true, 'r-trio', 'pooled', '2021');
SELECT * FROM t3.status WHERE target LIKE 'r-peer%' ORDER BY target, period;
SELECT target, period, peer_group, peer_average, peer_members, peer_reporting, unit
FROM target_status_for('Tønder', 'r-peer-change-pooled');

-- at least last period's level
INSERT INTO target (target, kommune, title, source, unit, kind, direction) VALUES
	('r-previous', 'Tønder', 'Ikke flere end sidste år', 't3.level', 'personer', 'previous', 'at_most'),
	('r-previous-up', 'Tønder', 'Mindst samme niveau som sidste år', 't3.level', 'personer', 'previous', 'at_least');
SELECT * FROM t3.status WHERE target LIKE 'r-previous%' ORDER BY target, period;

-- a target on a measure of the model catalog takes its unit from the catalog
INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
VALUES ('r-catalog', 'Sønderborg', 'Højst 20 %', 'sonderborg-2023', 'langtidsledige', 'level', 'at_most', 20);
SELECT target, unit, follows FROM target JOIN target_source USING (target) WHERE target = 'r-catalog';

-- the scorecard: one line per target, the latest period that could be judged
SELECT target, period, round(actual, 2) AS actual, round(target_value, 2) AS target_value, status
FROM target_scorecard('Tønder') WHERE target LIKE 'r-%';
SELECT target, period, status FROM target_scorecard('Tønder', '2021') WHERE target LIKE 'r-%';

-- a source that goes away is reported, not fatal
CREATE TABLE t3.gone (kommune text, period text, value numeric);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('r-gone', 'Tønder', 'Højst 1', 't3.gone', 'antal', 'level', 'at_most', 1);
INSERT INTO t3.gone VALUES ('Tønder', '2022', 1), ('Tønder', '2022', 2), ('Ukendt', '2022', 3);
SELECT target, period, status, note FROM t3.status WHERE target = 'r-gone';
DROP TABLE t3.gone;
SELECT target, period, status, note FROM target_status_for(NULL, 'r-gone');
DELETE FROM target WHERE target = 'r-gone';

-- bad targets are rejected, saying what is wrong
INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 'sonderborg-2023', 'findes_ikke', 'level', 'at_most', 1);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 't3.findes_ikke', 'antal', 'level', 'at_most', 1);
INSERT INTO target (target, kommune, title, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 'level', 'at_most', 1);
INSERT INTO target (target, kommune, title, source, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'level', 'at_most', 1);
-- contradictory direction: fewer long-term unemployed is better
INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 'sonderborg-2023', 'langtidsledige', 'level', 'at_least', 20);
-- a percentage outside 0-100 for a share
INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 'sonderborg-2023', 'langtidsledige', 'level', 'at_most', 120);
INSERT INTO target_milestone (target, due, value) VALUES ('r-catalog', '2020-01-01', 30);
UPDATE target SET due = '2022-12-31' WHERE target = 'r-catalog';
INSERT INTO target_milestone (target, due, value) VALUES ('r-catalog', '2020-01-01', -1);
-- milestone dates out of order
INSERT INTO target_milestone (target, due, value) VALUES ('r-catalog', '2022-12-31', 25);
INSERT INTO target_milestone (target, due, value) VALUES ('r-catalog', '2023-06-30', 25);
INSERT INTO target_milestone (target, due, value) VALUES ('r-catalog', '2021-06-30', 25);
UPDATE target SET due = '2021-01-01' WHERE target = 'r-catalog';
-- the fields of each kind
INSERT INTO target (target, kommune, title, source, unit, kind, direction, change_pct)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'change', 'at_most', -10);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, peer_group)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'at_most', 1, 'r-trio');
INSERT INTO target (target, kommune, title, source, unit, kind, direction, baseline_period, change_pct)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'change', 'at_most', '2020', -120);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, interpolate)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'at_most', 1, true);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'ceiling', 'at_most', 1);
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'below', 1);
-- a pooled average of levels needs numerator and denominator
INSERT INTO target (target, kommune, title, source, unit, kind, direction, peer_group, peer_average)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'peer', 'at_most', 'r-trio', 'pooled');
-- periods
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, first_period, last_period)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'at_most', 1, '2023', '2022');
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, first_period, last_period)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'at_most', 1, '2022', '2023M01');
INSERT INTO target (target, kommune, title, source, unit, kind, direction, baseline_period, change_pct, first_period)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'change', 'at_most', '2022', -5, '2022');
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, first_period)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'at_most', 1, '2022M13');

-- shipped rows are read-only; copies are not
UPDATE target SET level = 30 WHERE target = 'aabenraa-2019-langtidsledige';
DELETE FROM target_milestone WHERE target = 'aabenraa-2019-kontant-uddannelseshjaelp';
INSERT INTO peer_group_member (peer_group, kommune) VALUES ('sydjylland', 'Odense');
DELETE FROM peer_group WHERE peer_group = 'sydjylland';
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, shipped)
VALUES ('r-bad', 'Tønder', 'x', 't3.level', 'antal', 'level', 'at_most', 1, true);
SELECT peer_group_copy('sydjylland', 'r-sydjylland-uden-fanoe');
DELETE FROM peer_group_member WHERE peer_group = 'r-sydjylland-uden-fanoe' AND kommune = 'Fanø';
SELECT peer_group, members, shipped FROM peer_groups WHERE peer_group LIKE '%sydjylland%' ORDER BY 1;
-- a group that a target uses cannot go
DELETE FROM peer_group WHERE peer_group = 'r-trio';

DROP SCHEMA t3 CASCADE;
DELETE FROM target WHERE target LIKE 'r-%';
DELETE FROM peer_group WHERE peer_group LIKE 'r-%';
