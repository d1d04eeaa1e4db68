-- Generated data and a plain-SQL oracle for the engine's pgTAP tests (run with \ir
-- inside a test's transaction).  Nothing here uses the extension: the views compute
-- every level of the model with window functions and exact numeric arithmetic,
-- following the documented definitions, so the tests can compare the engine with them.
--
-- t: 3 periods x 9 measures in 4 areas x 48 municipalities.  Values lie on a coarse
-- grid (-1, -0.5, ..., 2.5: many ties), about 5 % are NULL and about 2 % of the rows
-- are missing; a few rows hold -0, Infinity and -Infinity.  Names include upper and
-- lower case, Danish letters, a double quote, a backslash and a space, so that the
-- bytewise order of ties is tested too.  The area weights are 0.1, 0.2, 0.3 and 7.

SELECT setseed(0.4711);

CREATE TABLE t AS
SELECT period, area, measure, kommune,
	   CASE WHEN random() < 0.05 THEN NULL ELSE floor(random() * 8) / 2 - 1 END::float8 AS value,
	   higher_is_better, weight
FROM (SELECT p AS period, m.area, m.measure, k.kommune, m.higher_is_better, m.weight
	  FROM generate_series(1, 3) p,
		   (VALUES (1, 'm1', true, 0.1), (1, 'm2', false, 0.1), (1, 'm3', true, 0.1),
				   (2, 'm4', true, 0.2), (2, 'm5', false, 0.2),
				   (3, 'm6', false, 0.3), (3, 'm7', true, 0.3), (3, 'm8', true, 0.3),
				   (4, 'goal', true, 7)) m(area, measure, higher_is_better, weight),
		   (SELECT unnest(ARRAY['Aabenraa', 'aabenraa', 'Ærø', 'Åbenrå', 'Zealand', 'Østervold',
								'Sønderborg', 'Haderslev', 'Tønder', 'say "hi"', 'back\slash',
								'two words', 'Über'])
			UNION ALL
			SELECT 'K' || lpad(i::text, 2, '0') FROM generate_series(1, 35) i) k(kommune)
	  ORDER BY 1, 3, 4) rows;

-- missing rows: some at random, one municipality absent from a whole period
DELETE FROM t WHERE random() < 0.02;
DELETE FROM t WHERE kommune = 'K35' AND period = 2;
-- a municipality without any value in an area, extreme values and a negative zero
UPDATE t SET value = NULL WHERE kommune = 'Zealand' AND area = 2 AND period = 1;
UPDATE t SET value = 'Infinity' WHERE kommune = 'Über' AND measure IN ('m1', 'm2') AND period = 3;
UPDATE t SET value = '-Infinity' WHERE kommune = 'two words' AND measure IN ('m1', 'm2') AND period = 3;
UPDATE t SET value = '-0' WHERE kommune IN ('K01', 'K02') AND measure = 'm4';
UPDATE t SET value = 0 WHERE kommune IN ('K03', 'K04') AND measure = 'm4';

-- Level 1: each measure ranked, 1 = best in its direction, NULL values left out.
CREATE VIEW oracle_measure_ranks AS
SELECT period, area, measure, kommune, value, higher_is_better, weight,
	   CASE WHEN value IS NOT NULL
			THEN rank() OVER (PARTITION BY period, measure
							  ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END)
	   END AS r
FROM t;

-- Level 2: per area, each municipality's rows (one per measure it has a row in), how
-- many carry a rank, their sum, the most rows any municipality has and how many
-- distinct municipalities the area has.
CREATE VIEW oracle_area_stats AS
SELECT period, area, kommune, count(*) AS n_rows, count(r) AS present, coalesce(sum(r), 0) AS s,
	   max(count(*)) OVER (PARTITION BY period, area) AS max_rows,
	   count(*) OVER (PARTITION BY period, area) AS n_entities
FROM oracle_measure_ranks GROUP BY period, area, kommune;

-- The score of each policy as an exact fraction num / den (NULL: left out):
-- exclude: the sum, only with a rank in every row and as many rows as the most complete;
-- worst: each missing rank counts as the number of distinct municipalities;
-- scale: sum * max_rows / present.
CREATE VIEW oracle_area_scores AS
SELECT period, area, kommune, 'exclude' AS policy,
	   CASE WHEN present = max_rows THEN s END AS num, 1::numeric AS den
FROM oracle_area_stats
UNION ALL
SELECT period, area, kommune, 'worst', s + (max_rows - present) * n_entities, 1
FROM oracle_area_stats
UNION ALL
SELECT period, area, kommune, 'scale',
	   CASE WHEN present > 0 THEN s * max_rows END, CASE WHEN present > 0 THEN present END
FROM oracle_area_stats;

-- Competition ranking of exact fractions by cross-multiplication (dens are positive).
CREATE VIEW oracle_area_rankings AS
SELECT a.period, a.area, a.policy, a.kommune, a.num, a.den,
	   CASE WHEN a.num IS NOT NULL THEN
			1 + (SELECT count(*) FROM oracle_area_scores b
				 WHERE b.period = a.period AND b.area = a.area AND b.policy = a.policy
				   AND b.num IS NOT NULL AND b.num * a.den < a.num * b.den)
	   END::int AS placement
FROM oracle_area_scores a;

-- Level 3: the area placements (default policy) with the area weights, one row per area
-- a municipality appears in (NULL placement: left out of that area).
CREATE VIEW oracle_area_placements AS
SELECT r.period, r.area, r.kommune, r.placement, w.weight
FROM oracle_area_rankings r
JOIN (SELECT DISTINCT area, weight FROM t) w USING (area)
WHERE r.policy = 'exclude';

-- The weighted mean sum(w * p) / sum(w) as an exact fraction, per policy:
-- exclude: only with a placement in every row and as many rows as the most complete;
-- scale: over the placements present.
CREATE VIEW oracle_total_scores AS
WITH stats AS (
	SELECT period, kommune, count(*) AS n_rows, count(placement) AS present,
		   sum(weight * placement) AS swp, sum(weight) FILTER (WHERE placement IS NOT NULL) AS sw,
		   max(count(*)) OVER (PARTITION BY period) AS max_rows
	FROM oracle_area_placements GROUP BY period, kommune)
SELECT period, kommune, 'exclude' AS policy,
	   CASE WHEN present = max_rows THEN swp END AS num, CASE WHEN present = max_rows THEN sw END AS den
FROM stats
UNION ALL
SELECT period, kommune, 'scale', CASE WHEN present > 0 THEN swp END, CASE WHEN present > 0 THEN sw END
FROM stats;

CREATE VIEW oracle_total_rankings AS
SELECT a.period, a.policy, a.kommune, a.num, a.den,
	   CASE WHEN a.num IS NOT NULL THEN
			1 + (SELECT count(*) FROM oracle_total_scores b
				 WHERE b.period = a.period AND b.policy = a.policy
				   AND b.num IS NOT NULL AND b.num * a.den < a.num * b.den)
	   END::int AS placement
FROM oracle_total_scores a;
