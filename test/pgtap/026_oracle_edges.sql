-- Edge cases against plain SQL: no rows, one entity, all tied, only NULLs,
-- infinities and the extremes of double precision, 100 kB entity names,
-- 12,000 entities in one group, awkward names through text and binary I/O,
-- and exact sums at the 38-digit limit.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(35);

/*
 * No rows: every aggregate and overload gives the empty ranking.
 */
CREATE TEMP TABLE e_none (entity text, k kommune, v float8, r int, rn numeric, w numeric, rk ranking);

SELECT is(
	(SELECT ARRAY[rank_values(entity, v, true), rank_values(k, v, false),
				  rank_sum_rerank(entity, r), rank_sum_rerank(entity, rn), rank_sum_rerank(entity, r, 'exclude'),
				  rank_sum_rerank(entity, rn, 'worst'), rank_sum_rerank(entity, r, 'scale'),
				  rank_sum_rerank(k, r), rank_sum_rerank(k, rn, 'worst'),
				  rank_sum_rerank(rk), rank_sum_rerank(rk, 'worst'),
				  weighted_placement(entity, r, w), weighted_placement(entity, rn, w, 'scale'),
				  weighted_placement(k, r, w), weighted_placement(k, rn, w, 'scale'),
				  weighted_placement(rk, w), weighted_placement(rk, w, 'scale')]::text[]
	 FROM e_none),
	array_fill('{}'::text, ARRAY[17]),
	'every aggregate over no rows is the empty ranking {}');
SELECT ok((SELECT rank_sum_rerank(rk) = '{}'::ranking AND weighted_placement(rk, w) = '{}'::ranking FROM e_none),
	'the empty result equals the literal ''{}''');
SELECT is((SELECT ARRAY[ranked_count(r), entity_count(r), (SELECT count(*)::int FROM unnest(r))] FROM (SELECT '{}'::ranking) x(r)),
	ARRAY[0, 0, 0], 'the empty ranking has no entities and unnests to no rows');
SELECT is(
	(SELECT ARRAY[rank_sum_rerank(rk), weighted_placement(rk, 1)]::text[]
	 FROM (VALUES ('{}'::ranking), ('{}'), (NULL)) t(rk)),
	ARRAY['{}', '{}'], 'aggregating empty and NULL rankings gives the empty ranking');

/*
 * One entity
 */
SELECT is(
	(SELECT ARRAY[rank_values('Sønderborg', 42.5, true), rank_values('Sønderborg', 42.5, false),
				  rank_sum_rerank('Sønderborg', 7), rank_sum_rerank('Sønderborg', 7, 'worst'),
				  weighted_placement('Sønderborg', 7, 0.3)]::text[]),
	ARRAY['{1:"Sønderborg"=42.5}', '{1:"Sønderborg"=42.5}', '{1:"Sønderborg"=7}', '{1:"Sønderborg"=7}',
		  '{1:"Sønderborg"=7}'],
	'a single entity is placed first with its value, sum or mean');
SELECT is(
	(SELECT rank_sum_rerank(k, r, 'scale')::text FROM (VALUES ('a', 2), ('a', 5), ('a', NULL)) t(k, r)),
	'{1:"a"=10.5}', 'a single entity with a NULL rank is scaled to its most rows: 7 * 3 / 2');

/*
 * All tied
 */
CREATE TEMP TABLE e_tied AS
SELECT 'e' || i AS entity, i FROM generate_series(1, 500) i;

SELECT is(
	(SELECT ARRAY[count(*) FILTER (WHERE u.placement = 1), count(*)]::int[]
	 FROM unnest((SELECT rank_values(entity, 7, true) FROM e_tied)) u),
	ARRAY[500, 500], 'rank_values: 500 equal values all share placement 1');
SELECT is(
	(SELECT ARRAY[count(*) FILTER (WHERE u.placement = 1 AND u.score = 12), count(*)]::int[]
	 FROM unnest((SELECT rank_sum_rerank(entity, r) FROM e_tied, LATERAL (VALUES (i % 11 + 1), (12 - (i % 11 + 1))) x(r))) u),
	ARRAY[500, 500], 'rank_sum_rerank: 500 equal sums (different addends) all share placement 1');
SELECT is(
	(SELECT ARRAY[count(*) FILTER (WHERE u.placement = 1 AND u.score = 2), count(*)]::int[]
	 FROM unnest((SELECT weighted_placement(entity, p, w)
				  FROM e_tied, LATERAL (VALUES (1 + i % 2, 0.1 * (1 + i % 3)), (3 - i % 2, 0.1 * (1 + i % 3))) x(p, w))) u),
	ARRAY[500, 500], 'weighted_placement: 500 equal means (different weights) all share placement 1');

/*
 * Only NULL values
 */
SELECT is(
	(SELECT ARRAY[ranked_count(rk), entity_count(rk)] FROM (SELECT rank_values(entity, NULL, true) AS rk FROM e_tied) x),
	ARRAY[0, 500], 'rank_values over NULL values only leaves every entity out');
SELECT is(
	(SELECT ARRAY[rank_sum_rerank(entity, NULL::int), rank_sum_rerank(entity, NULL::int, 'scale'),
				  weighted_placement(entity, NULL::int, 1), weighted_placement(entity, NULL::int, 1, 'scale')]::text[]
	 FROM (VALUES ('a'), ('b'), ('b')) t(entity)),
	ARRAY['{-:"a", -:"b"}', '{-:"a", -:"b"}', '{-:"a", -:"b"}', '{-:"a", -:"b"}'],
	'exclude and scale leave entities without any rank out');
-- worst: the most complete entity has 2 rows, so a and b each miss 2 ranks, each counting 2 (the entities)
SELECT is(
	(SELECT rank_sum_rerank(entity, NULL::int, 'worst')::text FROM (VALUES ('a'), ('b'), ('b')) t(entity)),
	'{1:"a"=4, 1:"b"=4}', 'worst: every missing rank counts as last place (2 entities), up to the most rows (2)');

/*
 * Infinities and the extremes of double precision, against rank()
 */
CREATE TEMP TABLE e_inf AS
SELECT * FROM (VALUES ('p1', 'Infinity'::float8), ('p2', 'Infinity'), ('max', 1.7976931348623157e308),
					  ('big', 1e300), ('tiny', 5e-324), ('zero', 0), ('negzero', '-0'), ('one', 1),
					  ('negtiny', -5e-324), ('min', -1.7976931348623157e308), ('m1', '-Infinity'),
					  ('m2', '-Infinity'), ('none', NULL)) t(entity, v);

SELECT set_eq(
	$$SELECT d.hib, u.entity, u.score::float8, u.placement
	  FROM (VALUES (true), (false)) d(hib), unnest((SELECT rank_values(entity, v, d.hib) FROM e_inf)) u$$,
	$$SELECT hib, entity, v,
			 CASE WHEN v IS NULL THEN NULL
				  WHEN hib THEN rank() OVER (PARTITION BY hib, v IS NULL ORDER BY v DESC)
				  ELSE rank() OVER (PARTITION BY hib, v IS NULL ORDER BY v) END::int
	  FROM e_inf, (VALUES (true), (false)) d(hib)$$,
	'infinities, the largest and smallest doubles and signed zeros rank as rank() ranks them');
SELECT is(
	(SELECT array_agg(u.score::text || '@' || u.placement ORDER BY u.placement) FILTER (WHERE u.entity IN ('p1', 'm2', 'zero', 'negzero'))
	 FROM unnest((SELECT rank_values(entity, v, true) FROM e_inf)) u),
	ARRAY['Infinity@1', '0@7', '0@7', '-Infinity@11'],
	'Infinity is first, -Infinity last, 0 and -0 tie');

/*
 * 100 kB entity names
 */
CREATE TEMP TABLE e_long AS
SELECT i, CASE WHEN i % 2 = 0 THEN repeat('x', 100000) || i ELSE i || repeat('x', 100000) END AS entity,
	   CASE WHEN i = 3 THEN NULL ELSE (i % 3)::float8 END AS v
FROM generate_series(1, 6) i;

SELECT set_eq(
	$$SELECT u.entity, u.placement FROM unnest((SELECT rank_values(entity, v, true) FROM e_long)) u$$,
	$$SELECT entity, CASE WHEN v IS NOT NULL THEN rank() OVER (PARTITION BY v IS NULL ORDER BY v DESC) END::int FROM e_long$$,
	'rank_values over 100 kB names equals rank()');
SELECT is(
	(SELECT array_agg(rk -> entity ORDER BY i) FROM e_long, (SELECT rank_values(entity, v, true) AS rk FROM e_long) x),
	(SELECT array_agg(p ORDER BY i) FROM (SELECT i, CASE WHEN v IS NOT NULL THEN rank() OVER (PARTITION BY v IS NULL ORDER BY v DESC) END::int AS p FROM e_long) y),
	'-> finds every 100 kB name');
SELECT is(
	(SELECT array_agg(u.placement::text || ':' || u.score || ':' || length(u.entity) ORDER BY u.placement, u.entity)
	 FROM unnest((SELECT rank_sum_rerank(entity, i % 2 + r, 'worst')
				  FROM e_long, (VALUES (1), (2)) x(r) WHERE NOT (i = 4 AND r = 2))) u),
	ARRAY['1:3:100001', '1:3:100001', '3:5:100001', '3:5:100001', '3:5:100001', '6:7:100001'],
	'rank sums over 100 kB names: 3, 3, 5, 5, 5, and 1 + 6 for the one missing rank (last of 6)');

/*
 * 12,000 entities in one group, against rank()
 */
CREATE TEMP TABLE e_many AS
SELECT 'k' || i AS entity, CASE WHEN i % 13 = 0 THEN NULL ELSE (i * 7919) % 1000 END::float8 AS v,
	   1 + (i * 31) % 50 AS r1, CASE WHEN i % 17 = 0 THEN NULL ELSE 1 + (i * 37) % 50 END AS r2
FROM generate_series(1, 12000) i;

SELECT results_eq(
	$$SELECT u.entity, u.score::float8, u.placement FROM unnest((SELECT rank_values(entity, v, false) FROM e_many)) u$$,
	$$SELECT entity, v, CASE WHEN v IS NOT NULL THEN rank() OVER (PARTITION BY v IS NULL ORDER BY v) END::int AS p
	  FROM e_many ORDER BY p NULLS LAST, entity COLLATE "C"$$,
	'rank_values over 12,000 entities equals rank(), in unnest order');
SELECT set_eq(
	$$SELECT u.entity, u.score, u.placement
	  FROM unnest((SELECT rank_sum_rerank(entity, r, 'worst') FROM e_many, LATERAL (VALUES (r1), (r2)) x(r))) u$$,
	$$SELECT entity, s, rank() OVER (ORDER BY s)::int
	  FROM (SELECT entity, r1 + coalesce(r2, 12000) AS s FROM e_many) x$$,
	'rank_sum_rerank (worst) over 12,000 entities equals rank() of the sums, a missing rank counting 12,000');

/*
 * Awkward names: quotes, backslashes, separators, control characters,
 * non-ASCII and the empty string, through text and binary I/O
 */
CREATE TEMP TABLE e_names (entity text);
INSERT INTO e_names VALUES (''), ('"'), ('\'), ('\\'), ('\"'), ('"\'), ('a"b'), ('c\d'), ('{}'), ('{1:"x"=1}'),
	(':'), ('='), (','), ('-:'), ('-:"'), (' leading and trailing '), (E'tab\there'), (E'new\nline'),
	(E'cr\rcr'), ('Ærø'), ('Tønder'), ('Ålborg'), ('ß'), ('日本'), ('😀'), ('e' || chr(769)), ('NULL'), ('null'),
	('Infinity'), ('-'), ('1'), ('1.5');

CREATE TEMP TABLE e_round (id int, rk ranking);
INSERT INTO e_round
SELECT 1, rank_values(entity, length(entity), true) FROM e_names
UNION ALL
SELECT 2, rank_values(entity, CASE WHEN entity ~ '^[a-z]' THEN NULL ELSE ascii(entity || 'x') % 5 END, false) FROM e_names
UNION ALL
SELECT 3, rank_sum_rerank(entity, r, 'scale') FROM e_names, (VALUES (1), (2), (3)) x(r) WHERE NOT (r = 3 AND entity ~ '[0-9]')
UNION ALL
SELECT 4, weighted_placement(entity, r, w) FROM e_names, (VALUES (1, 0.1), (3, 0.2), (2, 0.3)) x(r, w)
UNION ALL
SELECT 5, rank_values(entity, v, true) FROM e_long
UNION ALL
SELECT 6, rank_values(entity, v, false) FROM e_many
UNION ALL
SELECT 7, rank_values(entity, v, true) FROM e_inf
UNION ALL
SELECT 8, '{}'::ranking;

SELECT is(
	(SELECT array_agg(u.entity ORDER BY u.entity COLLATE "C") FROM e_round, unnest(rk) u WHERE id = 1),
	(SELECT array_agg(entity ORDER BY entity COLLATE "C") FROM e_names),
	'every awkward name comes back from unnest as it went in');
SELECT is(
	(SELECT count(*)::int FROM e_round WHERE NOT (rk::text::ranking = rk AND rk::text::ranking::text = rk::text)),
	0, 'ranking::text::ranking = ranking, for awkward, long and many names, infinities and the empty ranking');
SELECT is(
	(SELECT count(*)::int FROM e_round, e_names n WHERE id = 1 AND (rk::text::ranking -> n.entity) IS DISTINCT FROM (rk -> n.entity)),
	0, 'after a text round trip every awkward name is found by ->');
SELECT is(
	(SELECT count(*)::int FROM e_round WHERE benchmark_internal.ranking_send(rk::text::ranking) <> benchmark_internal.ranking_send(rk)),
	0, 'the binary form of a ranking survives a text round trip');

-- binary output and input through COPY ... (FORMAT binary)
CREATE TEMP TABLE e_round_binary (id int, rk ranking);
DO $$
DECLARE
	path text := format('%s/oracle_edges_%s.copy', current_setting('data_directory'), pg_backend_pid());
BEGIN
	EXECUTE format('COPY e_round TO %L WITH (FORMAT binary)', path);
	EXECUTE format('COPY e_round_binary FROM %L WITH (FORMAT binary)', path);
	EXECUTE format('COPY (SELECT WHERE false) TO %L', path);	-- leave only an empty file behind
END
$$;
SELECT is(
	(SELECT count(*)::int FROM e_round a FULL JOIN e_round_binary b USING (id)
	 WHERE a.rk IS DISTINCT FROM b.rk OR a.rk::text IS DISTINCT FROM b.rk::text OR benchmark_internal.ranking_send(a.rk) IS DISTINCT FROM benchmark_internal.ranking_send(b.rk)),
	0, 'rankings survive COPY in binary format');
SELECT is((SELECT count(*)::int FROM e_round_binary), 8, 'all eight rankings were copied');

/*
 * The 38-digit limit of exact sums (numeric ranks)
 */
SELECT is(
	(SELECT rank_sum_rerank(k, r)::text FROM (VALUES ('a', 49999999999999999999999999999999999999::numeric),
													  ('a', 50000000000000000000000000000000000000)) t(k, r)),
	'{1:"a"=99999999999999999999999999999999999999}', 'a rank sum of 38 nines is exact');
SELECT is(
	(SELECT rank_sum_rerank(k, r)::text FROM (VALUES ('a', 4999999999999999999.9999999999999999999::numeric),
													  ('a', 5000000000000000000), ('b', 0.0000000000000000001),
													  ('b', 0.0000000000000000001)) t(k, r)),
	'{1:"b"=0.0000000000000000002, 2:"a"=9999999999999999999.9999999999999999999}',
	'a rank sum of 38 digits with 19 decimals is exact');
SELECT is(
	(SELECT rank_sum_rerank(k, r, 'worst')::text FROM (VALUES ('a', 99999999999999999999999999999999999997::numeric),
															   ('b', 1), ('b', 1)) t(k, r)),
	'{1:"b"=2, 2:"a"=99999999999999999999999999999999999999}',
	'worst: a sum of 38 nines including the penalty for a missing rank is exact');
SELECT is(
	(SELECT weighted_placement(k, p, w)::text FROM (VALUES ('a', 99999999999999999999999999999999999999::numeric, 1),
														   ('b', 1, 1)) t(k, p, w)),
	'{1:"b"=1, 2:"a"=99999999999999999999999999999999999999}', 'a weighted sum of 38 nines is exact');
SELECT throws_ok(
	$$SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 99999999999999999999999999999999999999::numeric),
												('a', 99999999999999999999999999999999999999)) t(k, r)$$,
	'22003', NULL, 'a rank sum of twice 38 nines is out of range: 22003');
SELECT throws_ok(
	$$SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 9999999999999999999.9999999999999999999::numeric),
												('a', 9999999999999999999.9999999999999999999)) t(k, r)$$,
	'22003', NULL, 'a rank sum beyond 38 digits at 19 decimals is out of range: 22003');
SELECT throws_ok(
	$$SELECT weighted_placement(k, p, w) FROM (VALUES ('a', 99999999999999999999999999999999999999::numeric, 2)) t(k, p, w)$$,
	'22003', NULL, 'a weighted sum of 2 * 38 nines is out of range: 22003');

SELECT throws_ok(
	$$SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 99999999999999999999999999999999999999::numeric), ('a', 1)) t(k, r)$$,
	'22003', NULL, 'a rank sum of 38 nines + 1 = 10^38 (39 digits) is out of range: 22003');
SELECT throws_ok(
	$$SELECT rank_sum_rerank(k, r, 'worst') FROM (VALUES ('a', 99999999999999999999999999999999999998::numeric),
														  ('b', 1), ('b', 1)) t(k, r)$$,
	'22003', NULL, 'worst: 38-digit sum + penalty 2 = 10^38 is out of range: 22003');

-- scale computes sum * most rows exactly before it divides: that product is held to 38 digits too
SELECT throws_ok(
	$$SELECT rank_sum_rerank(k, r, 'scale')
	  FROM (VALUES ('a', 30000000000000000000000000000000000000::numeric), ('a', 30000000000000000000000000000000000000),
				   ('b', 1), ('b', 1), ('b', 1)) t(k, r)$$,
	'22003', NULL, 'scale: sum * most rows (6e37 * 3) beyond 38 digits is out of range: 22003');

SELECT * FROM finish();
ROLLBACK;
