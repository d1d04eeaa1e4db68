-- Edge cases of the aggregates: no rows, one entity, everyone tied, nothing but NULLs,
-- NULL rankings and zero weights, each against what the documented semantics imply.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(25);

\set QUIET on
CREATE TABLE rows0 (entity text, value float8, hib boolean, r int, w numeric, ranking ranking);

/*
 * No rows: the empty ranking (as documented), and no groups at all when grouped
 */
SELECT is(rank_values(entity, value, hib), '{}'::ranking, 'rank_values over no rows is the empty ranking') FROM rows0;
SELECT is(rank_sum_rerank(entity, r), '{}'::ranking, 'rank_sum_rerank over no rows is the empty ranking') FROM rows0;
SELECT is(rank_sum_rerank(entity, r::numeric, 'worst'), '{}'::ranking, 'rank_sum_rerank(..., worst) over no rows is the empty ranking') FROM rows0;
SELECT is(weighted_placement(entity, r, w), '{}'::ranking, 'weighted_placement over no rows is the empty ranking') FROM rows0;
SELECT is(rank_sum_rerank(ranking, 'scale'), '{}'::ranking, 'rank_sum_rerank(ranking) over no rows is the empty ranking') FROM rows0;
SELECT is(weighted_placement(ranking, w), '{}'::ranking, 'weighted_placement(ranking) over no rows is the empty ranking') FROM rows0;
SELECT is((SELECT ROW(entity_count(x), ranked_count(x), (SELECT count(*) FROM unnest(x))::int)::text
		   FROM (SELECT rank_values(entity, value, hib) AS x FROM rows0) s),
		  '(0,0,0)', 'the empty ranking has no entities and unnests to no rows');
SELECT is((SELECT count(*)::int FROM (SELECT r, rank_values(entity, value, hib) FROM rows0 GROUP BY r) g), 0,
		  'grouped over no rows there are no groups');

/*
 * One entity
 */
SELECT is(rank_values('Sønderborg', 71.5, true), '{1:"Sønderborg"=71.5}', 'rank_values of one entity places it first');
SELECT is(rank_values('Sønderborg', 71.5, false), '{1:"Sønderborg"=71.5}', '... in either direction');
SELECT is(rank_sum_rerank(e, r), '{1:"Sønderborg"=111}', 'rank_sum_rerank of one entity sums its ranks')
FROM (VALUES ('Sønderborg', 35), ('Sønderborg', 76)) v(e, r);
SELECT is(weighted_placement(e, r, w), '{1:"Sønderborg"=7.75}', 'weighted_placement of one entity is its weighted mean (6 * 7 + 20) / 8')
FROM (VALUES ('Sønderborg', 6, 7), ('Sønderborg', 20, 1)) v(e, r, w);

/*
 * Everyone tied
 */
SELECT is((SELECT array_agg(DISTINCT u.placement) FROM unnest(x) u), ARRAY[1], 'all-tied values: everyone is first')
FROM (SELECT rank_values('K' || i, 3.25, true) AS x FROM generate_series(1, 94) i) s;
SELECT is((SELECT array_agg(DISTINCT u.placement) FROM unnest(x) u), ARRAY[1], 'all-tied rank sums: everyone is first')
FROM (SELECT rank_sum_rerank('K' || i, (i + m) % 5 + 1) AS x
	  FROM generate_series(1, 50) i, generate_series(0, 4) m) s;
SELECT is((SELECT array_agg(DISTINCT u.placement) FROM unnest(x) u), ARRAY[1], 'different placements with equal weighted means (2, 1, 3), (1, 3, 3), (2, 2, 2): everyone is first')
FROM (SELECT weighted_placement('K' || i, (CASE i % 3 WHEN 0 THEN ARRAY[2, 1, 3] WHEN 1 THEN ARRAY[1, 3, 3] ELSE ARRAY[2, 2, 2] END)[m], w) AS x
	  FROM generate_series(1, 20) i, (VALUES (1, 0.5), (2, 0.25), (3, 0.25)) v(m, w)) s;
SELECT is(ranked_count(x), 94, 'all-tied: everyone is placed') FROM (SELECT rank_values('K' || i, 0, false) AS x FROM generate_series(1, 94) i) s;

/*
 * Nothing but NULLs
 */
SELECT is(rank_values(e, NULL, true), '{-:"a", -:"b"}', 'rank_values of NULL values only: everyone left out')
FROM (VALUES ('a'), ('b')) v(e);
SELECT is(rank_sum_rerank(e, NULL::int), '{-:"a", -:"b"}', 'rank_sum_rerank of NULL ranks only (exclude): everyone left out')
FROM (VALUES ('a'), ('b')) v(e);
SELECT is(rank_sum_rerank(e, NULL::int, 'worst'), '{1:"a"=2, 1:"b"=2}',
		  'rank_sum_rerank of NULL ranks only (worst): every missing rank is last place')
FROM (VALUES ('a'), ('b')) v(e);
SELECT is(rank_sum_rerank(e, NULL::int, 'scale'), '{-:"a", -:"b"}', 'rank_sum_rerank of NULL ranks only (scale): nothing to scale, left out')
FROM (VALUES ('a'), ('b')) v(e);

/*
 * NULL rankings add nothing; a single ranking re-ranks its own placements
 */
SELECT is(rank_sum_rerank(x), '{1:"a"=1, 2:"b"=2, -:"c"}', 'a NULL ranking adds nothing to rank_sum_rerank(ranking)')
FROM unnest(ARRAY['{1:"a"=10, 2:"b"=5, -:"c"}'::ranking, NULL]) x;
SELECT is(weighted_placement(x, 3), '{1:"a"=1, 2:"b"=2, -:"c"}', 'a NULL ranking adds nothing to weighted_placement(ranking, weight)')
FROM unnest(ARRAY['{1:"a"=10, 2:"b"=5, -:"c"}'::ranking, NULL]) x;
SELECT is(rank_sum_rerank(x), '{1:"a"=1, 1:"b"=1, 3:"c"=3}', 'rank_sum_rerank of one ranking keeps its placements and ties')
FROM (SELECT '{1:"a"=7, 1:"b"=7, 3:"c"=2}'::ranking) s(x);

/*
 * A zero weight counts as a row but not in the mean
 */
SELECT is(weighted_placement(e, p, w), '{1:"b"=2, 2:"a"=3, -:"c"}',
		  'a placement with weight 0 does not move the mean; a missing one still leaves the entity out')
FROM (VALUES ('a', 3, 1), ('a', 1, 0), ('b', 2, 1), ('b', 90, 0), ('c', 1, 1)) v(e, p, w);
SELECT is(weighted_placement(e, p, w, 'scale'), '{1:"c"=1, 2:"b"=2, 3:"a"=3}',
		  '... and with scale the mean is over the placements present')
FROM (VALUES ('a', 3, 1), ('a', 1, 0), ('b', 2, 1), ('b', 90, 0), ('c', 1, 1)) v(e, p, w);

SELECT * FROM finish();
ROLLBACK;
