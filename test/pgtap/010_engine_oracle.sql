-- The engine against an independent oracle: every level of the model on generated data
-- with many ties and missing values, compared with plain PostgreSQL window functions and
-- exact numeric arithmetic (test/data/engine_oracle.sql).
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(31);

\set QUIET on
\ir ../data/engine_oracle.sql

SELECT cmp_ok((SELECT count(*)::int FROM t WHERE value IS NULL), '>=', 40, 'the data has NULL values');
SELECT cmp_ok((SELECT count(*)::int FROM t), '<', 3 * 9 * 48 - 20, 'the data has missing rows');
SELECT cmp_ok((SELECT count(*)::int FROM oracle_measure_ranks r
			   WHERE EXISTS (SELECT FROM oracle_measure_ranks o
							 WHERE (o.period, o.measure, o.r) = (r.period, r.measure, r.r) AND o.kommune <> r.kommune)),
			  '>', 1000, 'the data has many ties');

/*
 * Level 1: rank_values per measure, both directions
 */
CREATE TABLE engine_measure AS
SELECT period, area, measure, rank_values(kommune, value, higher_is_better) AS ranking
FROM t GROUP BY period, area, measure;

SELECT results_eq(
	$$SELECT m.period, m.measure, u.entity, u.score, u.placement
	  FROM engine_measure m, LATERAL unnest(m.ranking) WITH ORDINALITY u(entity, score, placement, n)
	  ORDER BY m.period, m.measure, u.n$$,
	$$SELECT period, measure, kommune, value::numeric, r::int
	  FROM oracle_measure_ranks ORDER BY period, measure, r NULLS LAST, kommune COLLATE "C"$$,
	'rank_values: placements and scores equal rank() OVER, in placement then bytewise entity order');
SELECT is((SELECT count(*)::int FROM oracle_measure_ranks o JOIN engine_measure m USING (period, measure)
		   WHERE (m.ranking -> o.kommune) IS DISTINCT FROM o.r::int
			  OR score(m.ranking, o.kommune) IS DISTINCT FROM o.value::numeric),
		  0, 'rank_values: -> and score() agree with the oracle for every row');
SELECT results_eq(
	$$SELECT period, measure, ranked_count(ranking), entity_count(ranking) FROM engine_measure ORDER BY 1, 2$$,
	$$SELECT period, measure, count(value)::int, count(*)::int FROM t GROUP BY 1, 2 ORDER BY 1, 2$$,
	'rank_values: ranked_count counts the values, entity_count the rows');
SELECT is((SELECT ranking -> 'Über' FROM engine_measure WHERE period = 3 AND measure = 'm1'), 1,
		  'Infinity is the best value when higher is better');
SELECT is((SELECT ranking -> 'Über' FROM engine_measure WHERE period = 3 AND measure = 'm2'),
		  (SELECT ranked_count(ranking) FROM engine_measure WHERE period = 3 AND measure = 'm2'),
		  'Infinity is the worst value when lower is better');
SELECT is((SELECT count(DISTINCT ranking -> k) FROM engine_measure, unnest(ARRAY['K01', 'K02', 'K03', 'K04']) k
		   WHERE measure = 'm4' AND ranking -> k IS NOT NULL AND period = 1),
		  1::bigint, '-0 and 0 tie');

/*
 * Level 2: rank_sum_rerank per area, row input, three policies
 */
CREATE TABLE engine_area_rows AS
SELECT period, area, 'exclude' AS policy, rank_sum_rerank(kommune, r) AS ranking
FROM oracle_measure_ranks GROUP BY period, area
UNION ALL
SELECT period, area, 'worst', rank_sum_rerank(kommune, r, 'worst') FROM oracle_measure_ranks GROUP BY period, area
UNION ALL
SELECT period, area, 'scale', rank_sum_rerank(kommune, r, 'scale') FROM oracle_measure_ranks GROUP BY period, area;
CREATE TABLE oracle_area AS SELECT * FROM oracle_area_rankings;

SELECT bag_eq(
	$$SELECT a.period, a.area, a.policy, u.entity, u.placement FROM engine_area_rows a, unnest(a.ranking) u$$,
	$$SELECT period, area, policy, kommune, placement FROM oracle_area$$,
	'rank_sum_rerank(entity, rank [, policy]): placements and left-out entities equal the oracle for exclude, worst and scale');
SELECT is((SELECT count(*)::int FROM engine_area_rows a, unnest(a.ranking) u
		   JOIN oracle_area o ON o.kommune = u.entity
		   WHERE (o.period, o.area, o.policy) = (a.period, a.area, a.policy)
			 AND NOT (u.score IS NULL AND o.num IS NULL OR abs(u.score - o.num / o.den) < 1e-12)),
		  0, 'rank_sum_rerank: the scores are the sums (scaled sums to 16 decimals)');
SELECT is((SELECT count(*)::int FROM engine_area_rows a, unnest(a.ranking) u
		   JOIN oracle_area o ON o.kommune = u.entity
		   WHERE (o.period, o.area, o.policy) = (a.period, a.area, a.policy)
			 AND o.policy IN ('exclude', 'worst') AND u.score IS DISTINCT FROM o.num),
		  0, 'rank_sum_rerank: sums under exclude and worst are exact');
SELECT cmp_ok((SELECT count(*)::int FROM oracle_area WHERE policy = 'exclude' AND placement IS NULL), '>', 20,
			  'the default policy leaves some municipalities out');
SELECT cmp_ok((SELECT count(*)::int FROM oracle_area o JOIN oracle_area p USING (period, area, policy)
			   WHERE o.policy = 'scale' AND o.kommune < p.kommune AND o.placement = p.placement AND o.den <> p.den),
			  '>', 0, 'scale has ties between different numbers of ranks present');
SELECT is((SELECT count(*)::int FROM oracle_measure_ranks o JOIN engine_area_rows a USING (period, area)
		   WHERE a.policy = 'exclude'
			 AND a.ranking IS DISTINCT FROM (SELECT rank_sum_rerank(i.kommune, i.r::int) FROM oracle_measure_ranks i
											WHERE (i.period, i.area) = (o.period, o.area))),
		  0, 'rank_sum_rerank(text, integer) equals rank_sum_rerank(text, numeric)');

/*
 * Level 2, ranking input: rank_sum_rerank(ranking [, policy]) equals the row form
 */
CREATE TABLE engine_area AS
SELECT period, area, 'exclude' AS policy, rank_sum_rerank(ranking) AS ranking FROM engine_measure GROUP BY period, area
UNION ALL
SELECT period, area, 'worst', rank_sum_rerank(ranking, 'worst') FROM engine_measure GROUP BY period, area
UNION ALL
SELECT period, area, 'scale', rank_sum_rerank(ranking, 'scale') FROM engine_measure GROUP BY period, area;

SELECT is((SELECT count(*)::int FROM engine_area a JOIN engine_area_rows r USING (period, area, policy)
		   WHERE a.ranking <> r.ranking),
		  0, 'rank_sum_rerank(ranking [, policy]) equals the row form over the oracle ranks');
SELECT is((SELECT count(*)::int FROM engine_area a
		   WHERE a.ranking <> (SELECT rank_sum_rerank(u.entity, u.placement, a.policy)
							   FROM engine_measure m, unnest(m.ranking) u
							   WHERE (m.period, m.area) = (a.period, a.area))),
		  0, 'rank_sum_rerank(ranking [, policy]) equals rank_sum_rerank over unnest of the same rankings');
SELECT is((SELECT count(*)::int FROM engine_area), 3 * 4 * 3, 'one area ranking per period, area and policy');

/*
 * Level 3: weighted_placement of the areas (weights 0.1, 0.2, 0.3 and 7)
 */
CREATE TABLE oracle_total AS SELECT * FROM oracle_total_rankings;
CREATE TABLE engine_total_rows AS
SELECT period, 'exclude' AS policy, weighted_placement(kommune, placement, weight) AS ranking
FROM oracle_area_placements GROUP BY period
UNION ALL
SELECT period, 'scale', weighted_placement(kommune, placement, weight, 'scale')
FROM oracle_area_placements GROUP BY period;

SELECT bag_eq(
	$$SELECT e.period, e.policy, u.entity, u.placement FROM engine_total_rows e, unnest(e.ranking) u$$,
	$$SELECT period, policy, kommune, placement FROM oracle_total$$,
	'weighted_placement(entity, placement, weight [, policy]): placements equal the exact oracle');
SELECT is((SELECT count(*)::int FROM engine_total_rows e, unnest(e.ranking) u
		   JOIN oracle_total o ON o.kommune = u.entity
		   WHERE (o.period, o.policy) = (e.period, e.policy)
			 AND NOT (u.score IS NULL AND o.num IS NULL OR abs(u.score - o.num / o.den) < 1e-12)),
		  0, 'weighted_placement: the scores are sum(w * p) / sum(w)');
SELECT cmp_ok((SELECT count(*)::int FROM oracle_total WHERE placement IS NOT NULL AND policy = 'exclude'), '>', 40,
			  'the default policy places enough municipalities to compare');

CREATE TABLE engine_total AS
SELECT a.period, 'exclude' AS policy, weighted_placement(a.ranking, w.weight) AS ranking
FROM engine_area a JOIN (SELECT DISTINCT area, weight FROM t) w USING (area)
WHERE a.policy = 'exclude' GROUP BY a.period
UNION ALL
SELECT a.period, 'scale', weighted_placement(a.ranking, w.weight, 'scale')
FROM engine_area a JOIN (SELECT DISTINCT area, weight FROM t) w USING (area)
WHERE a.policy = 'exclude' GROUP BY a.period;

SELECT is((SELECT count(*)::int FROM engine_total e JOIN engine_total_rows r USING (period, policy)
		   WHERE e.ranking <> r.ranking),
		  0, 'weighted_placement(ranking, weight [, policy]) equals the row form');
SELECT is((SELECT count(*)::int FROM engine_total e
		   WHERE e.ranking <> (SELECT weighted_placement(u.entity, u.placement, w.weight, e.policy)
							   FROM engine_area a JOIN (SELECT DISTINCT area, weight FROM t) w USING (area),
									unnest(a.ranking) u
							   WHERE a.period = e.period AND a.policy = 'exclude')),
		  0, 'weighted_placement(ranking, weight [, policy]) equals weighted_placement over unnest');

/*
 * Exact weights: ties that double precision splits
 */
SELECT setseed(0.1234);
CREATE TABLE wp AS
SELECT entity, part, placement, weight, weight::float8 AS float_weight
FROM (SELECT 'E' || lpad(e::text, 3, '0') AS entity, a AS part, floor(random() * 4)::int + 1 AS placement,
			 (ARRAY[0.1, 0.2, 0.3])[a] AS weight
	  FROM generate_series(1, 300) e, generate_series(1, 3) a ORDER BY 1, 2) s;
CREATE TABLE wp7 AS
SELECT entity, part, placement, CASE WHEN part = 0 THEN 7 ELSE 1 END::numeric AS weight,
	   CASE WHEN part = 0 THEN 0.5::float8 ELSE 0.5::float8 / 7 END AS float_weight
FROM (SELECT 'E' || lpad(e::text, 3, '0') AS entity, a AS part, floor(random() * 3)::int + 1 AS placement
	  FROM generate_series(1, 300) e, generate_series(0, 7) a ORDER BY 1, 2) s;

-- the exact oracle (cross-multiplication), the engine, and the float8 version one would write
CREATE FUNCTION pg_temp.exact_ranks(tab text) RETURNS TABLE (entity text, placement int) LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		WITH s AS (SELECT entity, sum(weight * placement) AS num, sum(weight) AS den FROM %I GROUP BY entity)
		SELECT a.entity, (1 + (SELECT count(*) FROM s b WHERE b.num * a.den < a.num * b.den))::int FROM s a$q$, tab);
END $$;
CREATE FUNCTION pg_temp.float_ranks(tab text) RETURNS TABLE (entity text, placement int) LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		WITH s AS (SELECT entity, sum(float_weight * placement) / sum(float_weight) AS score FROM %I GROUP BY entity)
		SELECT entity, rank() OVER (ORDER BY score)::int FROM s$q$, tab);
END $$;

SELECT bag_eq(
	$$SELECT u.entity, u.placement FROM unnest((SELECT weighted_placement(entity, placement, weight) FROM wp)) u$$,
	$$SELECT * FROM pg_temp.exact_ranks('wp')$$,
	'weights 0.1, 0.2, 0.3: the engine equals the exact oracle');
SELECT cmp_ok((SELECT count(*)::int FROM pg_temp.exact_ranks('wp') e JOIN pg_temp.float_ranks('wp') f USING (entity)
			   WHERE e.placement <> f.placement),
			  '>', 0, 'weights 0.1, 0.2, 0.3: a float8 plain-SQL version splits exact ties');
SELECT bag_eq(
	$$SELECT u.entity, u.placement FROM unnest((SELECT weighted_placement(entity, placement, weight) FROM wp7)) u$$,
	$$SELECT * FROM pg_temp.exact_ranks('wp7')$$,
	'weights 7:1 (goal 50 %, seven areas 50 %): the engine equals the exact oracle');
SELECT cmp_ok((SELECT count(*)::int FROM pg_temp.exact_ranks('wp7') e JOIN pg_temp.float_ranks('wp7') f USING (entity)
			   WHERE e.placement <> f.placement),
			  '>', 0, 'weights 0.5 and 0.5/7 in float8 split exact ties');

-- the two textbook cases: (1, 3, 2) and (2, 1, 3) under 0.1, 0.2, 0.3 both have the mean 1.3 / 0.6
CREATE TABLE pair AS
SELECT * FROM (VALUES ('a', 1, 0.1), ('a', 3, 0.2), ('a', 2, 0.3), ('b', 2, 0.1), ('b', 1, 0.2), ('b', 3, 0.3)) v(entity, placement, weight);
SELECT is(weighted_placement(entity, placement, weight), '{1:"a"=2.1666666666666667, 1:"b"=2.1666666666666667}',
		  'weights 0.1, 0.2, 0.3: (1, 3, 2) and (2, 1, 3) tie')
FROM pair;
SELECT isnt((SELECT sum(placement * weight::float8) / sum(weight::float8) FROM pair WHERE entity = 'a'),
			(SELECT sum(placement * weight::float8) / sum(weight::float8) FROM pair WHERE entity = 'b'),
			'... while float8 gives them different means');
-- goal 9 and areas (10, 10, 6, 8, 10, 1, 4) against goal 10 and areas (8, 3, 10, 9, 1, 7, 4): both 112 / 14 = 8
CREATE TABLE pair7 AS
SELECT 'a' AS entity, n AS part, p AS placement FROM unnest(ARRAY[9, 10, 10, 6, 8, 10, 1, 4]) WITH ORDINALITY u(p, n)
UNION ALL
SELECT 'b', n, p FROM unnest(ARRAY[10, 8, 3, 10, 9, 1, 7, 4]) WITH ORDINALITY u(p, n);
SELECT is(weighted_placement(entity, placement, CASE WHEN part = 1 THEN 7 ELSE 1 END), '{1:"a"=8, 1:"b"=8}',
		  'weights 7:1: two municipalities with the mean 8 tie')
FROM pair7;
SELECT isnt((SELECT sum(placement * CASE WHEN part = 1 THEN 0.5::float8 ELSE 0.5::float8 / 7 END) FROM (SELECT * FROM pair7 WHERE entity = 'a' ORDER BY part) s),
			(SELECT sum(placement * CASE WHEN part = 1 THEN 0.5::float8 ELSE 0.5::float8 / 7 END) FROM (SELECT * FROM pair7 WHERE entity = 'b' ORDER BY part) s),
			'... while float8 weights 0.5 and 0.5/7 give 8 and 7.999999999999999');

SELECT * FROM finish();
ROLLBACK;
