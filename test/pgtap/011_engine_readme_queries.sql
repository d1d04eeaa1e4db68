-- The README's three row-by-row queries, exactly as written, and the aggregates over windows,
-- against the plain-SQL oracle of test/data/engine_oracle.sql.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(12);

\set QUIET on
\ir ../data/engine_oracle.sql

-- the queries' inputs: one area's measure ranks and one period's area placements
CREATE TABLE measure_ranks AS
SELECT kommune AS entity, r AS placement FROM oracle_measure_ranks WHERE period = 1 AND area = 1;
CREATE TABLE area_placements AS
SELECT kommune AS entity, placement, weight FROM oracle_area_placements WHERE period = 1;

/*
 * The README's row-by-row queries
 */
SELECT bag_eq(
	$$SELECT g.period, g.measure, r.* FROM (SELECT period, measure, rank_values(kommune, value, higher_is_better) AS rk FROM t GROUP BY period, measure) g, LATERAL unnest(g.rk) r;$$,
	$$SELECT period, measure, kommune, value::numeric, r::int FROM oracle_measure_ranks$$,
	'row query 1: every measure ranked per period equals rank() OVER');
SELECT results_eq(
	$$SELECT r.* FROM unnest((SELECT rank_sum_rerank(entity, placement) FROM measure_ranks)) r;$$,
	$$SELECT kommune, num, placement FROM oracle_area_rankings
	  WHERE period = 1 AND area = 1 AND policy = 'exclude' ORDER BY placement NULLS LAST, kommune COLLATE "C"$$,
	'row query 2: the area''s rank sums re-ranked equal the oracle, in placement order');
SELECT results_eq(
	$$SELECT r.entity, r.placement FROM unnest((SELECT weighted_placement(entity, placement, weight) FROM area_placements)) r;$$,
	$$SELECT kommune, placement FROM oracle_total_rankings
	  WHERE period = 1 AND policy = 'exclude' ORDER BY placement NULLS LAST, kommune COLLATE "C"$$,
	'row query 3: the weighted placements equal the exact oracle, in placement order');
SELECT is((SELECT count(*)::int FROM unnest((SELECT weighted_placement(entity, placement, weight) FROM area_placements)) r
		   JOIN oracle_total_rankings o ON o.kommune = r.entity AND o.period = 1 AND o.policy = 'exclude'
		   WHERE NOT (r.score IS NULL AND o.num IS NULL OR abs(r.score - o.num / o.den) < 1e-12)),
		  0, 'row query 3: the scores are sum(w * p) / sum(w)');

/*
 * Window use
 */
SELECT is((SELECT count(*)::int FROM (
			SELECT period, measure, kommune, r,
				   rank_values(kommune, value, higher_is_better) OVER (PARTITION BY period, measure) -> kommune AS w
			FROM oracle_measure_ranks) s
		   WHERE w IS DISTINCT FROM r::int),
		  0, 'rank_values(...) OVER (PARTITION BY period, measure) -> kommune equals rank() OVER');
CREATE TABLE by_window AS
SELECT period, area, kommune, rank_sum_rerank(kommune, r) OVER (PARTITION BY period, area) -> kommune AS placement
FROM oracle_measure_ranks;
SELECT is((SELECT count(*)::int FROM by_window w
		   JOIN (SELECT period, area, rank_sum_rerank(kommune, r) AS ranking FROM oracle_measure_ranks GROUP BY 1, 2) g
			 USING (period, area)
		   WHERE w.placement IS DISTINCT FROM g.ranking -> w.kommune),
		  0, 'rank_sum_rerank(kommune, r) OVER (PARTITION BY area) -> kommune equals the grouped answer');
SELECT is((SELECT count(*)::int FROM by_window w
		   JOIN oracle_area_rankings o USING (period, area, kommune)
		   WHERE o.policy = 'exclude' AND w.placement IS DISTINCT FROM o.placement),
		  0, '... and the oracle');
SELECT is((SELECT count(*)::int FROM (
			SELECT period, area, kommune, rank_sum_rerank(kommune, r, 'worst') OVER (PARTITION BY period, area) -> kommune AS w
			FROM oracle_measure_ranks) s
		   JOIN oracle_area_rankings o USING (period, area, kommune)
		   WHERE o.policy = 'worst' AND s.w IS DISTINCT FROM o.placement),
		  0, 'rank_sum_rerank(kommune, r, ''worst'') over a window equals the oracle');
SELECT is((SELECT count(*)::int FROM (
			SELECT period, kommune, weighted_placement(kommune, placement, weight) OVER (PARTITION BY period) -> kommune AS w
			FROM oracle_area_placements) s
		   JOIN oracle_total_rankings o USING (period, kommune)
		   WHERE o.policy = 'exclude' AND s.w IS DISTINCT FROM o.placement),
		  0, 'weighted_placement(...) OVER (PARTITION BY period) -> kommune equals the oracle');

-- growing frames call the final function again and again on one state
SELECT is((SELECT count(*)::int FROM (
			SELECT period, measure, kommune,
				   rank_values(kommune, value, higher_is_better)
					 OVER (PARTITION BY period, measure ORDER BY kommune COLLATE "C") AS running
			FROM t) w
		   WHERE running <> (SELECT rank_values(i.kommune, i.value, i.higher_is_better) FROM t i
							 WHERE (i.period, i.measure) = (w.period, w.measure)
							   AND i.kommune COLLATE "C" <= w.kommune COLLATE "C")),
		  0, 'rank_values over a growing frame equals the grouped answer over each prefix');
SELECT is((SELECT count(*)::int FROM (
			SELECT period, area, measure, kommune,
				   rank_sum_rerank(kommune, r, 'scale') OVER (PARTITION BY period, area ORDER BY measure) AS running
			FROM oracle_measure_ranks) w
		   WHERE running <> (SELECT rank_sum_rerank(i.kommune, i.r, 'scale') FROM oracle_measure_ranks i
							 WHERE (i.period, i.area) = (w.period, w.area) AND i.measure <= w.measure)),
		  0, 'rank_sum_rerank over a growing frame equals the grouped answer over each prefix');
-- a sliding frame (no inverse transition: each frame is aggregated afresh)
CREATE TABLE numbered AS
SELECT period, kommune, placement, weight,
	   row_number() OVER (PARTITION BY period ORDER BY area, kommune COLLATE "C") AS n
FROM oracle_area_placements;
SELECT is((SELECT count(*)::int FROM (
			SELECT period, n, weighted_placement(kommune, placement, weight)
							 OVER (PARTITION BY period ORDER BY n ROWS BETWEEN 30 PRECEDING AND 30 FOLLOWING) AS sliding
			FROM numbered) w
		   WHERE sliding <> (SELECT weighted_placement(i.kommune, i.placement, i.weight) FROM numbered i
							 WHERE i.period = w.period AND i.n BETWEEN w.n - 30 AND w.n + 30)),
		  0, 'weighted_placement over a sliding frame equals the grouped answer over each frame');

SELECT * FROM finish();
ROLLBACK;
