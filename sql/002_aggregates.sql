-- The aggregates: semantics at the edges and the errors users can cause.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;

-- rank_values: both directions, ties share the lowest placement, NULLs left out
SELECT rank_values(k, v, true) AS higher_is_better,
	   rank_values(k, v, false) AS lower_is_better
FROM (VALUES ('a', 3), ('b', 5), ('c', 3), ('d', NULL), ('e', 1), ('f', 5)) t(k, v);
-- infinities are extreme values; -0 and 0 tie
SELECT rank_values(k, v, true)
FROM (VALUES ('a', 'Infinity'::float8), ('b', '-Infinity'), ('c', 0), ('d', '-0'), ('e', 1e300)) t(k, v);
-- scores keep every digit of the double
SELECT rank_values(k, v, false)
FROM (VALUES ('a', 0.1::float8), ('b', 0.1::float8 + 1e-17), ('c', 1/3::float8), ('d', 1e-20), ('e', 12345678901234567890)) t(k, v);
-- one entity, no rows, only NULLs
SELECT rank_values('only', 42, true);
SELECT rank_values(k, v, true) FROM (VALUES ('a', 1)) t(k, v) WHERE false;
SELECT rank_values(k, NULL, true) FROM (VALUES ('a'), ('b')) t(k);
-- grouped, with the direction taken per row
SELECT m, rank_values(k, v, hib)
FROM (VALUES ('up', 'a', 1, true), ('up', 'b', 2, true), ('down', 'a', 1, false), ('down', 'b', 2, false)) t(m, k, v, hib)
GROUP BY m ORDER BY m;
-- very long entity names
SELECT length(entity), placement
FROM unnest((SELECT rank_values(repeat(k, 100000), v, true) FROM (VALUES ('a', 1), ('b', 2)) t(k, v)));

-- rank_values errors
SELECT rank_values(k, v, true) FROM (VALUES ('a', 1), ('a', 2)) t(k, v);
SELECT rank_values(k, v, true) FROM (VALUES ('a', 1), ('b', 'NaN'::float8)) t(k, v);
SELECT rank_values(k, v, h) FROM (VALUES ('a', 1, true), ('b', 2, false)) t(k, v, h);
SELECT rank_values(k, v, NULL) FROM (VALUES ('a', 1)) t(k, v);
SELECT rank_values(NULL, v, true) FROM (VALUES (1)) t(v);

-- rank_sum_rerank: sums ranked ascending, ties share the lowest placement
SELECT rank_sum_rerank(k, r)
FROM (VALUES ('Aabenraa', 70), ('Aabenraa', 8), ('Tønder', 62), ('Tønder', 29),
			 ('Sønderborg', 35), ('Sønderborg', 76), ('Haderslev', 35), ('Haderslev', 79)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 1), ('a', 3), ('b', 2), ('b', 2), ('c', 1), ('c', 4)) t(k, r);
-- numeric ranks, e.g. mean ranks of ties
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 1.5), ('a', 2.25), ('b', 3.0), ('b', 0.75)) t(k, r);
-- missing ranks: b has a NULL rank, c has one row fewer
SELECT p, rank_sum_rerank(k, r, p)
FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('b', NULL), ('c', 1)) t(k, r),
	 (VALUES ('exclude'), ('worst'), ('scale')) ps(p)
GROUP BY p ORDER BY p;
-- the default is exclude
SELECT rank_sum_rerank(k, r) = rank_sum_rerank(k, r, 'exclude') AS default_is_exclude
FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('b', NULL), ('c', 1)) t(k, r);
-- scale gives exact fractions
SELECT rank_sum_rerank(k, r, 'scale')
FROM (VALUES ('a', 1), ('a', 1), ('a', 1), ('b', 2), ('c', 1), ('c', 1)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 1)) t(k, r) WHERE false;

-- rank_sum_rerank errors
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 0)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', -1.5)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 'NaN'::numeric)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 'Infinity'::numeric)) t(k, r);
SELECT rank_sum_rerank(k, r, 'best') FROM (VALUES ('a', 1)) t(k, r);
SELECT rank_sum_rerank(k, r, NULL) FROM (VALUES ('a', 1)) t(k, r);
SELECT rank_sum_rerank(k, r, p) FROM (VALUES ('a', 1, 'exclude'), ('b', 1, 'worst')) t(k, r, p);
SELECT rank_sum_rerank(NULL::text, 1);
-- overflow of rank sums is an error, never a rounded sum
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 9e37), ('a', 9e37)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 1e38)) t(k, r);
SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 1e37), ('b', 0.5)) t(k, r);

-- weighted_placement: exact weighted means
-- 0.1/0.2/0.3: binary floating point splits this tie, the aggregate does not
SELECT sum(w::float8 * p) FILTER (WHERE k = 'a') = sum(w::float8 * p) FILTER (WHERE k = 'b') AS float8_ties,
	   weighted_placement(k, p, w) AS exact
FROM (VALUES ('a', 1, 0.1), ('a', 3, 0.2), ('a', 2, 0.3), ('b', 2, 0.1), ('b', 1, 0.2), ('b', 3, 0.3)) t(k, p, w);
-- goal 7 : seven areas 1 each
SELECT weighted_placement(k, p, w)
FROM (SELECT k, p, CASE WHEN part = 0 THEN 7 ELSE 1 END AS w
	  FROM (VALUES ('a', 0, 10), ('b', 0, 20), ('c', 0, 30)) g(k, part, p)
	  UNION ALL
	  SELECT k, CASE k WHEN 'a' THEN 20 WHEN 'b' THEN 10 ELSE 5 END, 1
	  FROM (VALUES ('a'), ('b'), ('c')) e(k), generate_series(1, 7) part) t;
-- relative weights: scaling every weight changes nothing
SELECT weighted_placement(k, p, w) = weighted_placement(k, p, w * 1000) AS relative
FROM (VALUES ('a', 1, 1), ('a', 5, 2), ('b', 2, 1), ('b', 3, 2)) t(k, p, w);
-- missing placements: exclude (default) and scale (mean over present)
SELECT weighted_placement(k, p, w) AS exclude, weighted_placement(k, p, w, 'scale') AS scale
FROM (VALUES ('a', 1, 1), ('a', 5, 1), ('b', 2, 1), ('b', NULL, 1), ('c', 4, 1)) t(k, p, w);
-- a zero weight is allowed when others are positive
SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 1, 0), ('a', 3, 1), ('b', 2, 1), ('b', 9, 0)) t(k, p, w);

-- weighted_placement errors
SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 1, -0.5)) t(k, p, w);
SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 1, 'NaN'::numeric)) t(k, p, w);
SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 1, 'Infinity'::numeric)) t(k, p, w);
SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 1, 0), ('a', 2, 0), ('b', 1, 1)) t(k, p, w);
SELECT weighted_placement(k, p, NULL) FROM (VALUES ('a', 1)) t(k, p);
SELECT weighted_placement(k, p, 1, 'worst') FROM (VALUES ('a', 1)) t(k, p);
SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 1, 1e-39)) t(k, p, w);

-- whole rankings as input: the same answers as rows
WITH measures(m, r) AS (
	SELECT m, rank_values(k, v, true)
	FROM (VALUES ('x', 'a', 1), ('x', 'b', 2), ('x', 'c', 3),
				 ('y', 'a', 3), ('y', 'b', NULL), ('y', 'c', 1),
				 ('z', 'a', 2), ('z', 'c', 2)) t(m, k, v)
	GROUP BY m)
SELECT rank_sum_rerank(r) AS by_rankings,
	   rank_sum_rerank(r, 'worst') AS worst,
	   weighted_placement(r, CASE m WHEN 'x' THEN 2 ELSE 1 END, 'scale') AS weighted,
	   (SELECT rank_sum_rerank(u.entity, u.placement) FROM measures, unnest(r) u) AS by_rows
FROM measures;
SELECT rank_sum_rerank(r) FROM (VALUES (NULL::ranking)) t(r);

-- window use: the area ranking, read per row
SELECT area, k, rank_sum_rerank(k, r) OVER (PARTITION BY area) -> k AS area_placement
FROM (VALUES ('u', 'a', 1), ('u', 'a', 2), ('u', 'b', 2), ('u', 'b', 1), ('u', 'c', 3), ('u', 'c', 3),
			 ('v', 'a', 1), ('v', 'b', 2)) t(area, k, r)
ORDER BY area, k, area_placement;
SELECT k, weighted_placement(k, p, w) OVER (ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
FROM (VALUES (1, 'a', 2, 1), (2, 'b', 1, 1), (3, 'a', 1, 3), (4, 'b', 3, 3)) t(ord, k, p, w)
ORDER BY ord;

-- state functions cannot be called outside an aggregate
SELECT benchmark_internal.rank_values_transfn(NULL::internal, 'a', 1, true);
SELECT benchmark_internal.placement_sum_transfn(NULL::internal, 'a', 1);
SELECT benchmark_internal.weighted_placement_transfn(NULL::internal, 'a', 1, 1::numeric);
SELECT benchmark_internal.rank_values_final(NULL::internal);
SELECT benchmark_internal.placement_sum_final(NULL::internal);
