-- The aggregates over windows: a partition's ranking read per row equals the
-- grouped answer, and running, sliding and peer-group frames equal the
-- aggregate recomputed over exactly the rows of each frame.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(15);

SELECT setseed(0.1505);

-- four areas of 2 to 3 measures over the 98 municipalities; NULL ranks and
-- missing rows
CREATE TEMP TABLE wn_area AS
SELECT area, m, kommune, CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 20)::int END AS r
FROM (VALUES ('A', 2), ('B', 3), ('C', 2), ('D', 3)) a(area, measures), generate_series(1, measures) m, kommuner()
WHERE random() >= 0.03;

CREATE TEMP TABLE wn_grouped AS
SELECT area, policy, rank_sum_rerank(kommune, r, policy) AS rk
FROM wn_area, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY area, policy;

SELECT is(
	(SELECT count(*)::int FROM (
		SELECT area, kommune, rank_sum_rerank(kommune, r) OVER (PARTITION BY area) -> kommune AS area_placement
		FROM wn_area) w
	 JOIN wn_grouped g ON g.area = w.area AND g.policy = 'exclude'
	 WHERE w.area_placement IS DISTINCT FROM g.rk -> w.kommune),
	0, 'rank_sum_rerank(kommune, r) OVER (PARTITION BY area) -> kommune equals the grouped area placement');
SELECT ok((SELECT count(*) FROM wn_area a JOIN wn_grouped g ON g.area = a.area AND g.policy = 'exclude'
		   WHERE g.rk -> a.kommune IS NULL) > 0
		  AND (SELECT count(*) FROM wn_area a JOIN wn_grouped g ON g.area = a.area AND g.policy = 'exclude'
			   WHERE g.rk -> a.kommune = 1) > 2,
	'some rows read a left-out municipality, and placements are tied');
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT area, policy, rank_sum_rerank(kommune, r, policy) OVER (PARTITION BY area, policy) AS rk
		FROM wn_area, (VALUES ('exclude'), ('worst'), ('scale')) p(policy)) w
	 JOIN wn_grouped g USING (area, policy)
	 WHERE w.rk <> g.rk),
	0, 'over a whole partition, every row sees the grouped ranking, for every policy');

/*
 * Running frames.  Four partitions of 120 rows in a fixed order; entities
 * repeat (so missing rows come and go as the frame grows), ranks and
 * placements are sometimes NULL, unique entities for rank_values.
 */
CREATE TEMP TABLE wr AS
SELECT g, ord, 'e' || (ord * 7 % 15) AS entity, 'u' || ord AS unique_entity,
	   CASE WHEN random() < 0.08 THEN NULL ELSE 1 + floor(random() * 6)::int END AS r,
	   (ARRAY[0.1, 0.2, 0.3, 7])[1 + floor(random() * 4)::int] AS w,
	   CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 5) END::float8 AS v
FROM generate_series(1, 4) g, generate_series(1, 120) ord;

-- a frame's answer recomputed from its rows, compared row by row
CREATE TEMP TABLE wr_running AS
SELECT g, ord,
	   rank_sum_rerank(entity, r) OVER w AS sum_exclude,
	   rank_sum_rerank(entity, r, 'worst') OVER w AS sum_worst,
	   rank_sum_rerank(entity, r::numeric / 2, 'scale') OVER w AS sum_scale,
	   weighted_placement(entity, r, w) OVER w AS wp_exclude,
	   weighted_placement(entity, r, w, 'scale') OVER w AS wp_scale,
	   rank_values(unique_entity, v, true) OVER w AS values_up,
	   rank_sum_rerank(kommune_from_code((ARRAY[101, 147, 540, 550, 580])[1 + ord % 5]), r, 'worst') OVER w AS sum_kommune
FROM wr
WINDOW w AS (PARTITION BY g ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);

SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE sum_exclude IS DISTINCT FROM (SELECT rank_sum_rerank(entity, r) FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running rank_sum_rerank (exclude) equals recomputing each prefix');
SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE sum_worst IS DISTINCT FROM (SELECT rank_sum_rerank(entity, r, 'worst') FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running rank_sum_rerank (worst) equals recomputing each prefix');
SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE sum_scale IS DISTINCT FROM (SELECT rank_sum_rerank(entity, r::numeric / 2, 'scale') FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running rank_sum_rerank (scale, numeric ranks) equals recomputing each prefix');
SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE wp_exclude IS DISTINCT FROM (SELECT weighted_placement(entity, r, w) FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running weighted_placement (exclude) equals recomputing each prefix');
SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE wp_scale IS DISTINCT FROM (SELECT weighted_placement(entity, r, w, 'scale') FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running weighted_placement (scale) equals recomputing each prefix');
SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE values_up IS DISTINCT FROM (SELECT rank_values(unique_entity, v, true) FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running rank_values equals recomputing each prefix');
SELECT is(
	(SELECT count(*)::int FROM wr_running x
	 WHERE sum_kommune IS DISTINCT FROM (
		SELECT rank_sum_rerank(kommune_from_code((ARRAY[101, 147, 540, 550, 580])[1 + ord % 5]), r, 'worst')
		FROM wr WHERE g = x.g AND ord <= x.ord)),
	0, 'running rank_sum_rerank over kommune entities equals recomputing each prefix');
SELECT ok((SELECT count(DISTINCT (g, sum_exclude::text)) FROM wr_running) > 250
		  AND (SELECT count(*) FROM wr_running WHERE ranked_count(sum_exclude) < entity_count(sum_exclude)) > 100,
	'the running answers change from row to row, and often leave entities out');

-- running frames over whole rankings: the ranking-input forms
CREATE TEMP TABLE wr_rankings AS
SELECT g, row_number() OVER (ORDER BY g, step, hib) AS ord, step % 3 + 1 AS w, rk
FROM (SELECT g, ord / 10 AS step, ord % 2 = 0 AS hib, rank_values(entity, v, ord % 2 = 0) AS rk
	  FROM (SELECT g, ord, entity, v, row_number() OVER (PARTITION BY g, ord / 10, entity ORDER BY ord) AS nth FROM wr) x
	  WHERE nth = 1
	  GROUP BY g, ord / 10, ord % 2 = 0) y;

SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, ord, rank_sum_rerank(rk, 'worst') OVER w AS s, weighted_placement(rk, w, 'scale') OVER w AS wp
		FROM wr_rankings
		WINDOW w AS (PARTITION BY g ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) x
	 WHERE x.s IS DISTINCT FROM (SELECT rank_sum_rerank(rk, 'worst') FROM wr_rankings WHERE g = x.g AND ord <= x.ord)
		OR x.wp IS DISTINCT FROM (SELECT weighted_placement(rk, w, 'scale') FROM wr_rankings WHERE g = x.g AND ord <= x.ord)),
	0, 'running rank_sum_rerank(ranking) and weighted_placement(ranking, weight) equal recomputing each prefix');

-- sliding frames (the aggregates have no inverse transition: each frame is
-- aggregated afresh) and peer groups of the default RANGE frame
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, ord, rank_sum_rerank(entity, r, 'scale') OVER (PARTITION BY g ORDER BY ord ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS s
		FROM wr) x
	 WHERE s IS DISTINCT FROM (SELECT rank_sum_rerank(entity, r, 'scale') FROM wr WHERE g = x.g AND ord BETWEEN x.ord - 5 AND x.ord)),
	0, 'a sliding frame of six rows equals recomputing each frame');
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, ord, weighted_placement(entity, r, w) OVER (PARTITION BY g ORDER BY ord / 7) AS s
		FROM wr) x
	 WHERE s IS DISTINCT FROM (SELECT weighted_placement(entity, r, w) FROM wr WHERE g = x.g AND ord / 7 <= x.ord / 7)),
	0, 'the default RANGE frame (with peers) equals recomputing over the rows up to the last peer');
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, ord, rank_values(unique_entity, v, false) OVER (PARTITION BY g ORDER BY ord ROWS BETWEEN 3 FOLLOWING AND 12 FOLLOWING) AS s
		FROM wr) x
	 WHERE s IS DISTINCT FROM (SELECT rank_values(unique_entity, v, false) FROM wr WHERE g = x.g AND ord BETWEEN x.ord + 3 AND x.ord + 12)),
	0, 'a frame ahead of the current row, empty at the end of a partition, equals recomputing each frame');

SELECT * FROM finish();
ROLLBACK;
