-- Forced parallel plans: each aggregate runs as Partial Aggregate in the workers and
-- Finalize Aggregate in the leader (serialize, deserialize, combine), and its answer
-- equals the serial one.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(20);

\set QUIET on
-- 30,000 municipalities x 6 measures; ties (40 levels), 5 % NULL, 2 % of the rows missing,
-- so that each municipality's rows are spread over the workers' blocks
SELECT setseed(0.2024);
CREATE TABLE big AS
SELECT measure, kommune, value, higher_is_better, r, weight
FROM (SELECT m AS measure, 'kommune ' || e AS kommune,
			 CASE WHEN random() < 0.05 THEN NULL ELSE floor(random() * 40) END::float8 AS value,
			 m % 2 = 0 AS higher_is_better,
			 CASE WHEN random() < 0.05 THEN NULL ELSE floor(random() * 50)::int + 1 END AS r,
			 (ARRAY[0.1, 0.2, 0.3, 7, 1, 1])[m] AS weight,
			 random() AS keep
	  FROM generate_series(1, 6) m, generate_series(1, 30000) e ORDER BY m, e) s
WHERE keep >= 0.02;
-- rankings as input of the ranking forms: 60 rankings of 2,000 municipalities
CREATE TABLE big_rankings AS
SELECT g, (g % 4)::numeric + 0.5 AS weight, rank_values('kommune ' || e, v, true) AS ranking
FROM (SELECT g, e, CASE WHEN random() < 0.05 THEN NULL ELSE floor(random() * 40) END::float8 AS v
	  FROM generate_series(1, 60) g, generate_series(1, 2000) e WHERE random() >= 0.02 ORDER BY g, e) s
GROUP BY g;
ANALYZE big, big_rankings;

-- plan_has(query, text): does EXPLAIN (COSTS OFF) of query show the text?
CREATE FUNCTION pg_temp.plan_has(query text, needle text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		IF position(needle IN line) > 0 THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

-- the queries, each returning one ranking
CREATE TABLE q (name text PRIMARY KEY, query text);
INSERT INTO q VALUES
	('rank_values', 'SELECT rank_values(kommune, value, higher_is_better) FROM big WHERE measure = 2'),
	('rank_sum_rerank', 'SELECT rank_sum_rerank(kommune, r) FROM big'),
	('rank_sum_rerank worst', 'SELECT rank_sum_rerank(kommune, r, ''worst'') FROM big'),
	('rank_sum_rerank scale', 'SELECT rank_sum_rerank(kommune, r::numeric, ''scale'') FROM big'),
	('weighted_placement', 'SELECT weighted_placement(kommune, r, weight) FROM big'),
	('weighted_placement scale', 'SELECT weighted_placement(kommune, r, weight, ''scale'') FROM big'),
	('rank_sum_rerank(ranking)', 'SELECT rank_sum_rerank(ranking, ''worst'') FROM big_rankings'),
	('weighted_placement(ranking)', 'SELECT weighted_placement(ranking, weight, ''scale'') FROM big_rankings');

CREATE FUNCTION pg_temp.run(query text) RETURNS ranking LANGUAGE plpgsql AS $$
DECLARE
	result ranking;
BEGIN
	EXECUTE query INTO result;
	RETURN result;
END $$;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
CREATE TABLE parallel_plan AS SELECT name, pg_temp.plan_has(query, 'Partial Aggregate') AS partial FROM q;
CREATE FUNCTION pg_temp.workers_launched(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	line text;
	launched int := 0;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
		IF line ~ 'Workers Launched: ' THEN
			launched := launched + substring(line FROM 'Workers Launched: (\d+)')::int;
		END IF;
	END LOOP;
	RETURN launched;
END $$;
CREATE TABLE launched AS SELECT name, pg_temp.workers_launched(query) AS workers FROM q;
CREATE TABLE parallel_answer AS SELECT name, pg_temp.run(query) AS ranking FROM q;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE serial_plan AS SELECT name, pg_temp.plan_has(query, 'Partial Aggregate') AS partial FROM q;
CREATE TABLE serial_answer AS SELECT name, pg_temp.run(query) AS ranking FROM q;
RESET max_parallel_workers_per_gather;

SELECT ok(partial, name || ': the forced parallel plan has a Partial Aggregate') FROM parallel_plan ORDER BY name;
SELECT ok(p.ranking = s.ranking AND entity_count(p.ranking) > 0, p.name || ': the parallel answer equals the serial one')
FROM parallel_answer p JOIN serial_answer s USING (name) ORDER BY p.name;
SELECT cmp_ok((SELECT sum(workers)::int FROM launched), '>', 0, 'the parallel plans did launch workers');
SELECT diag(name || ': ' || workers || ' workers launched') FROM launched ORDER BY name;
SELECT is((SELECT count(*)::int FROM serial_plan WHERE partial), 0, 'the serial plans have no Partial Aggregate');

-- and a grouped parallel plan against the plain-SQL ranks
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok(pg_temp.plan_has('SELECT measure, rank_values(kommune, value, higher_is_better) FROM big GROUP BY measure', 'Partial'),
		  'the grouped query has a partial aggregate plan');
SELECT is((SELECT count(*)::int
		   FROM (SELECT measure, rank_values(kommune, value, higher_is_better) AS ranking FROM big GROUP BY measure) g
		   JOIN (SELECT measure, kommune,
						CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY measure
							ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END) END AS r
				 FROM big) o USING (measure)
		   WHERE g.ranking -> o.kommune IS DISTINCT FROM o.r::int),
		  0, 'rank_values grouped by measure in a parallel plan equals rank() OVER');

SELECT * FROM finish();
ROLLBACK;
