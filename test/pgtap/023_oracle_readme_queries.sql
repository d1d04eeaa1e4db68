-- The three row-by-row queries of the README ("The same works row by row"),
-- exactly as written, against plain SQL over a table
-- t(period, area, measure, kommune, value, higher_is_better, weight), and the
-- whole model through the ranking-input forms.
BEGIN;
SET LOCAL search_path = public, benchmark;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(10);

SELECT setseed(0.1304);

-- two periods; the goal weighs 7, seven areas 1 each; 1 to 3 measures per
-- area; values 0, 0.5, 1, 1.5 (many ties, exact as numeric), 4 % missing
CREATE TEMP TABLE t AS
SELECT period, area, area || ' ' || mi AS measure, kommune,
	   CASE WHEN random() < 0.04 THEN NULL ELSE floor(random() * 4) / 2 END::float8 AS value,
	   (length(area) + mi) % 2 = 0 AS higher_is_better, weight
FROM (VALUES ('2022'), ('2023')) p(period),
	 (VALUES ('Mål', 7, 1), ('Unge ledige', 1, 2), ('Forsikrede ledige', 1, 3), ('Kontanthjælp', 1, 2),
			 ('Sygedagpenge', 1, 3), ('Jobafklaring', 1, 1), ('Fleksjob', 1, 2), ('Integration', 1, 2)) a(area, weight, measures),
	 generate_series(1, measures) mi,
	 kommuner();

-- the oracle, level by level, in plain SQL
CREATE TEMP TABLE oracle_measure AS
SELECT period, area, measure, kommune, value,
	   CASE WHEN value IS NULL THEN NULL
			WHEN higher_is_better THEN rank() OVER (PARTITION BY period, measure, value IS NULL ORDER BY value DESC)
			ELSE rank() OVER (PARTITION BY period, measure, value IS NULL ORDER BY value) END::int AS placement
FROM t;

-- rank sums, 'exclude': every kommune has a row per measure, so an entity is
-- left out exactly when one of its placements is NULL
CREATE TEMP TABLE oracle_area AS
SELECT period, area, kommune, s, placed,
	   CASE WHEN placed THEN rank() OVER (PARTITION BY period, area, placed ORDER BY s) END::int AS placement
FROM (SELECT period, area, kommune, sum(placement) AS s,
			 count(placement) = max(count(*)) OVER (PARTITION BY period, area) AS placed
	  FROM oracle_measure GROUP BY period, area, kommune) x;

CREATE TEMP TABLE oracle_weights AS SELECT DISTINCT area, weight FROM t;

-- weighted placement, 'exclude': exact fractions, cross-multiplied
CREATE TEMP TABLE oracle_total AS
WITH e AS (
	SELECT period, kommune, sum(w.weight * a.placement) AS num, sum(w.weight) AS den,
		   count(a.placement) = count(*) AS placed
	FROM oracle_area a JOIN oracle_weights w USING (area) GROUP BY period, kommune)
SELECT e.period, e.kommune, e.placed,
	   CASE WHEN e.placed THEN round(e.num::numeric(1000, 40) / e.den, 16) END AS score,
	   CASE WHEN e.placed THEN 1 + count(o.kommune) END::int AS placement
FROM e LEFT JOIN e o ON o.period = e.period AND o.placed AND e.placed AND o.num * e.den < e.num * o.den
GROUP BY e.period, e.kommune, e.placed, e.num, e.den;

SELECT ok((SELECT count(*) FROM oracle_area WHERE NOT placed) > 20
		  AND (SELECT count(*) FROM oracle_total WHERE placed) > 20
		  AND (SELECT count(*) FROM oracle_total a JOIN oracle_total b USING (period, placement)
			   WHERE a.kommune < b.kommune) > 0,
	'the data has left-out municipalities and ties at every level');

-- 1. every measure ranked, read as rows
SELECT set_eq(
	$$SELECT g.period, g.measure, r.* FROM (SELECT period, measure, rank_values(kommune, value, higher_is_better) AS rk FROM t GROUP BY period, measure) g, LATERAL unnest(g.rk) r;$$,
	$$SELECT period, measure, kommune::text, value::numeric, placement FROM oracle_measure$$,
	'query 1: rank_values per period and measure, unnested, equals rank() per measure');
SELECT results_eq(
	$$SELECT r.entity FROM (SELECT period, measure, rank_values(kommune, value, higher_is_better) AS rk FROM t GROUP BY period, measure) g, LATERAL unnest(g.rk) WITH ORDINALITY r ORDER BY g.period, g.measure, r.ordinality$$,
	$$SELECT kommune::text FROM oracle_measure ORDER BY period, measure, placement NULLS LAST, kommune::text COLLATE "C"$$,
	'query 1: each measure lists municipalities by placement, then by name, left-out ones last');

-- 2. one area's measure placements summed and ranked again
CREATE TEMP TABLE measure_ranks AS
SELECT kommune AS entity, placement FROM oracle_measure WHERE period = '2023' AND area = 'Forsikrede ledige';

SELECT set_eq(
	$$SELECT r.* FROM unnest((SELECT rank_sum_rerank(entity, placement) FROM measure_ranks)) r;$$,
	$$SELECT kommune::text, CASE WHEN placed THEN s END, placement
	  FROM oracle_area WHERE period = '2023' AND area = 'Forsikrede ledige'$$,
	'query 2: rank_sum_rerank over measure_ranks equals the plain-SQL rank sums');
SELECT ok((SELECT count(*) FROM measure_ranks WHERE placement IS NULL) > 0,
	'query 2: measure_ranks has missing placements');

-- 3. the area placements of one period combined by weighted placement
CREATE TEMP TABLE area_placements AS
SELECT kommune::text AS entity, a.placement, w.weight
FROM oracle_area a JOIN oracle_weights w USING (area) WHERE period = '2023';

SELECT set_eq(
	$$SELECT r.* FROM unnest((SELECT weighted_placement(entity, placement, weight) FROM area_placements)) r;$$,
	$$SELECT kommune::text, score, placement FROM oracle_total WHERE period = '2023'$$,
	'query 3: weighted_placement over area_placements equals the exact plain-SQL weighted mean');

-- the same three levels through the ranking-input forms, as in the README's
-- model query
CREATE TEMP TABLE area_weights AS SELECT area, weight FROM oracle_weights;

CREATE TEMP TABLE model AS
WITH measure_rankings AS (
	SELECT period, area, measure, rank_values(kommune, value, higher_is_better) AS ranking
	FROM t GROUP BY period, area, measure),
area_rankings AS (
	SELECT period, area, rank_sum_rerank(ranking) AS ranking
	FROM measure_rankings GROUP BY period, area)
SELECT a.period, r.*
FROM (SELECT period, weighted_placement(ranking, w.weight) AS ranking
	  FROM area_rankings JOIN area_weights w USING (area) GROUP BY period) a,
	 LATERAL unnest(a.ranking) r;

SELECT set_eq(
	$$SELECT period, entity, score, placement FROM model$$,
	$$SELECT period, kommune::text, score, placement FROM oracle_total$$,
	'the README''s model query equals the plain-SQL oracle in both periods');
SELECT set_eq(
	$$SELECT period, area, u.entity, u.score, u.placement
	  FROM (SELECT period, area, rank_sum_rerank(rk) AS ranking
			FROM (SELECT period, area, measure, rank_values(kommune, value, higher_is_better) AS rk
				  FROM t GROUP BY period, area, measure) m
			GROUP BY period, area) a, unnest(a.ranking) u$$,
	$$SELECT period, area, kommune::text, CASE WHEN placed THEN s END, placement FROM oracle_area$$,
	'area rankings by rank_sum_rerank(ranking) equal the plain-SQL rank sums');

-- the row forms over all periods and areas give the same as the ranking forms
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT period, area, rank_sum_rerank(kommune, placement) AS by_rows,
			   rank_sum_rerank(kommune::text, placement) AS by_names
		FROM oracle_measure GROUP BY period, area) r
	 JOIN (SELECT period, area, rank_sum_rerank(rk) AS by_rankings
		   FROM (SELECT period, area, measure, rank_values(kommune, value, higher_is_better) AS rk
				 FROM t GROUP BY period, area, measure) m
		   GROUP BY period, area) k USING (period, area)
	 WHERE by_rows <> by_rankings OR by_names <> by_rankings),
	0, 'rank_sum_rerank(kommune, placement) and (text, placement) equal rank_sum_rerank(ranking) in every period and area');
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT period, weighted_placement(kommune, a.placement, w.weight) AS by_kommune,
			   weighted_placement(kommune::text, a.placement, w.weight) AS by_name
		FROM oracle_area a JOIN oracle_weights w USING (area) GROUP BY period) x
	 WHERE by_kommune <> by_name),
	0, 'weighted_placement(kommune, ...) equals weighted_placement(text, ...) in both periods');

SELECT * FROM finish();
ROLLBACK;
