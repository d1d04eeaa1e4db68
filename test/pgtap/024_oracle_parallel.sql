-- Forced parallel plans: every aggregate (text entities, kommune entities,
-- ranking input) runs as Partial aggregates in two workers under a Gather,
-- with the leader not participating so that every answer goes through
-- serialize, deserialize and combine; the answer must equal the serial one.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(35);

-- a plain table (parallel workers cannot read temporary tables), rows of
-- every group spread over every page
CREATE TABLE oracle_par AS
SELECT i, i % 10 AS g, i % 600 AS g2, i % 2 = 0 AS hib,
	   'e' || (i / 10) AS entity,				-- unique within g
	   'e' || ((i / 10) % 500) AS e2,			-- 11 or 12 rows per entity within g
	   k.karr[1 + (i / 600) % 98] AS km,		-- unique within g2
	   CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 7919) % 23 END::float8 AS v,
	   CASE WHEN i % 29 = 0 THEN NULL ELSE 1 + (i * 31) % 40 END AS r,
	   (i % 3 + 1) / 10.0 AS w
FROM generate_series(1, 58800) i, (SELECT array_agg(kommune ORDER BY code) AS karr FROM kommuner()) k;

-- 600 measure rankings of the 98 municipalities, 60 per group
CREATE TABLE oracle_par_rk AS
SELECT g2 % 10 AS g, (g2 % 3 + 1) / 10.0 AS w, rank_values(km, v, hib) AS rk
FROM oracle_par GROUP BY g2;

ANALYZE oracle_par;
ANALYZE oracle_par_rk;

-- runs a query into a new temporary table, in parallel or serially, and
-- returns the plan it ran with
CREATE FUNCTION pg_temp.run_into(target text, query text, parallel boolean)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', CASE WHEN parallel THEN '2' ELSE '0' END, true);
	FOR line IN EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) CREATE TEMP TABLE %I AS %s',
							   target, query)
	LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END
$$;

-- how many groups differ between two answers (by =, and by text)
CREATE FUNCTION pg_temp.differences(a text, b text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM %I x FULL JOIN %I y USING (g)
					WHERE x.rk IS DISTINCT FROM y.rk OR x.rk::text IS DISTINCT FROM y.rk::text
					   OR x.rk IS NULL OR y.rk IS NULL', a, b) INTO n;
	RETURN n;
END
$$;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL parallel_leader_participation = off;

CREATE TEMP TABLE par_queries (name text, query text);
INSERT INTO par_queries VALUES
	('rank_values_text', $$SELECT g, rank_values(entity, v, hib) AS rk FROM oracle_par GROUP BY g$$),
	('rank_values_one_group', $$SELECT 0 AS g, rank_values(entity, v, false) AS rk FROM oracle_par WHERE g = 3$$),
	('rank_values_kommune', $$SELECT g2 AS g, rank_values(km, v, hib) AS rk FROM oracle_par GROUP BY g2$$),
	('rank_sum_text_worst', $$SELECT g, rank_sum_rerank(e2, r, 'worst') AS rk FROM oracle_par GROUP BY g$$),
	('rank_sum_numeric_scale', $$SELECT g, rank_sum_rerank(e2, r + w, 'scale') AS rk FROM oracle_par GROUP BY g$$),
	('rank_sum_one_group', $$SELECT 0 AS g, rank_sum_rerank(e2, r) AS rk FROM oracle_par$$),
	('rank_sum_kommune', $$SELECT g, rank_sum_rerank(km, r, 'worst') AS rk FROM oracle_par GROUP BY g$$),
	('rank_sum_rankings', $$SELECT g, rank_sum_rerank(rk, 'scale') AS rk FROM oracle_par_rk GROUP BY g$$),
	('weighted_text', $$SELECT g, weighted_placement(e2, r, w, 'scale') AS rk FROM oracle_par GROUP BY g$$),
	('weighted_kommune', $$SELECT g, weighted_placement(km, r, w) AS rk FROM oracle_par GROUP BY g$$),
	('weighted_rankings', $$SELECT g, weighted_placement(rk, w) AS rk FROM oracle_par_rk GROUP BY g$$);

-- the parallel plans: Partial aggregates in two launched workers under a Gather
SELECT matches(pg_temp.run_into('par_' || name, query, true),
			   'Gather.*Workers Launched: [12].*Partial (Hash|Group)?Aggregate.*Parallel Seq Scan',
			   name || ': parallel plan with Partial aggregates under a Gather, workers launched')
FROM par_queries ORDER BY name;

-- the serial plans
SELECT unalike(pg_temp.run_into('ser_' || name, query, false), '%Gather%', name || ': serial plan without Gather')
FROM par_queries ORDER BY name;

-- parallel and serial answers are the same rankings
SELECT is(pg_temp.differences('par_' || name, 'ser_' || name), 0::bigint,
		  name || ': the parallel answer equals the serial answer')
FROM par_queries ORDER BY name;

-- the answers are not trivial: big rankings with ties and left-out entities
SELECT ok((SELECT bool_and(entity_count(rk) = 5880 AND ranked_count(rk) < 5880) FROM par_rank_values_text)
		  AND (SELECT bool_and(ranked_count(rk) < entity_count(rk)) FROM par_rank_sum_one_group)
		  AND (SELECT count(*) FROM (SELECT p.g, u.placement FROM par_rank_sum_text_worst p, unnest(p.rk) u
									 GROUP BY p.g, u.placement HAVING count(*) > 1) ties) > 10,
	'the answers are large rankings with ties and left-out entities');

-- and the combined answer is right, not merely stable
SELECT set_eq(
	$$SELECT p.g, u.entity, u.placement FROM par_rank_values_text p, unnest(p.rk) u$$,
	$$SELECT g, entity, CASE WHEN v IS NULL THEN NULL
							 WHEN hib THEN rank() OVER (PARTITION BY g, v IS NULL ORDER BY v DESC)
							 ELSE rank() OVER (PARTITION BY g, v IS NULL ORDER BY v) END::int
	  FROM oracle_par$$,
	'rank_values_text: the parallel answer equals rank() per group');

SELECT * FROM finish();
ROLLBACK;
