-- The benchmark: the whole model (measure ranks -> area rank sums -> weighted
-- total) through the extension and as plain SQL, side by side, against a plain
-- scan of the same rows.  Run by test/bench/run.sh; prints times and ratios.
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
SET work_mem = '256MB';
SET jit = off;

-- Areas: the goal (area 0, weight 7) and seven areas of weight 1; 15 measures:
-- measure 1 is the goal, measures 2..15 two per area, alternating direction.
DROP TABLE IF EXISTS bench_area, bench_w1, bench_w2;
CREATE TABLE bench_area (area int PRIMARY KEY, weight numeric NOT NULL);
INSERT INTO bench_area SELECT 0, 7 UNION ALL SELECT a, 1 FROM generate_series(1, 7) a;

-- Values with many ties (hash modulo) and about 1 % missing (NULL).
CREATE FUNCTION bench_value(e int, m int, p int, levels int) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN (hashint8(e * 7919::bigint + m * 104729 + p::bigint * 15485863) & 2147483647) % 100 = 0 THEN NULL
				ELSE ((hashint8(e * 31::bigint + m * 1009 + p::bigint * 65537) & 2147483647) % levels)::float8 END
$$;

-- W1: 94 entities x 15 measures x 240 monthly periods
CREATE TABLE bench_w1 AS
SELECT p AS period, CASE WHEN m = 1 THEN 0 ELSE m / 2 END AS area, m AS measure,
	   'kommune ' || e AS kommune, bench_value(e, m, p, 60) AS value, m % 2 = 0 AS higher_is_better
FROM generate_series(1, 94) e, generate_series(1, 15) m, generate_series(1, 240) p;
-- W2: 100,000 entities x 15 measures x 1 period
CREATE TABLE bench_w2 AS
SELECT 1 AS period, CASE WHEN m = 1 THEN 0 ELSE m / 2 END AS area, m AS measure,
	   'kommune ' || e AS kommune, bench_value(e, m, 1, 5000) AS value, m % 2 = 0 AS higher_is_better
FROM generate_series(1, 100000) e, generate_series(1, 15) m;
VACUUM ANALYZE bench_area, bench_w1, bench_w2;

-- The three formulations, each returning (period, kommune, placement) of the total.
CREATE FUNCTION bench_query(kind text, tab text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT replace(CASE kind
WHEN 'scan' THEN
	'SELECT 0 AS period, NULL::text AS kommune, sum(value)::bigint AS placement FROM TAB'
WHEN 'extension' THEN $q$
	WITH measure_rankings AS (
		SELECT period, area, rank_values(kommune, value, higher_is_better) AS ranking
		FROM TAB GROUP BY period, area, measure),
	area_rankings AS (
		SELECT period, area, rank_sum_rerank(ranking) AS ranking
		FROM measure_rankings GROUP BY period, area),
	totals AS (
		SELECT period, weighted_placement(ranking, weight) AS ranking
		FROM area_rankings JOIN bench_area USING (area) GROUP BY period)
	SELECT period, u.entity AS kommune, u.placement FROM totals, unnest(ranking) u
	WHERE u.placement IS NOT NULL $q$
WHEN 'extension, row by row' THEN $q$
	WITH measure_rankings AS (
		SELECT period, area, rank_values(kommune, value, higher_is_better) AS ranking
		FROM TAB GROUP BY period, area, measure),
	area_rankings AS (
		SELECT m.period, m.area, rank_sum_rerank(u.entity, u.placement) AS ranking
		FROM measure_rankings m, unnest(m.ranking) u GROUP BY m.period, m.area),
	totals AS (
		SELECT a.period, weighted_placement(u.entity, u.placement, b.weight) AS ranking
		FROM area_rankings a JOIN bench_area b USING (area), unnest(a.ranking) u
		GROUP BY a.period)
	SELECT period, u.entity AS kommune, u.placement FROM totals, unnest(ranking) u
	WHERE u.placement IS NOT NULL $q$
WHEN 'plain SQL' THEN $q$
	WITH measure_ranks AS (
		SELECT period, area, kommune,
			   rank() OVER (PARTITION BY period, measure
							ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END) AS r
		FROM TAB WHERE value IS NOT NULL),
	area_sums AS (
		SELECT period, area, kommune, sum(r) AS s, count(*) AS n,
			   max(count(*)) OVER (PARTITION BY period, area) AS most
		FROM measure_ranks GROUP BY period, area, kommune),
	area_places AS (
		SELECT period, area, kommune, rank() OVER (PARTITION BY period, area ORDER BY s) AS p
		FROM area_sums WHERE n = most),
	totals AS (
		SELECT period, kommune, sum(p * weight) / sum(weight) AS score, count(*) AS n,
			   max(count(*)) OVER (PARTITION BY period) AS most
		FROM area_places JOIN bench_area USING (area) GROUP BY period, kommune)
	SELECT period, kommune, rank() OVER (PARTITION BY period ORDER BY score)::int AS placement
	FROM totals WHERE n = most $q$
END, 'TAB', tab)
$$;

-- The median time in ms of a formulation, over reps runs that consume every row.
CREATE FUNCTION bench_time(kind text, tab text, reps int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	times float8[] := '{}';
	started timestamptz;
	i int;
	dummy bigint;
BEGIN
	FOR i IN 1 .. reps LOOP
		started := clock_timestamp();
		EXECUTE 'SELECT count(*) + sum(placement) FROM (' || bench_query(kind, tab) || ') q' INTO dummy;
		times := times || extract(epoch FROM clock_timestamp() - started) * 1000;
	END LOOP;
	RETURN round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t)::numeric, 1);
END $$;

-- The extension's answers (both formulations) must equal plain SQL's before any time
-- counts: each answer is computed once and compared both ways.
CREATE FUNCTION bench_check(tab text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	k text;
	differ bigint;
	total bigint;
BEGIN
	DROP TABLE IF EXISTS pg_temp.answer_plain;
	EXECUTE format('CREATE TEMP TABLE answer_plain AS %s', bench_query('plain SQL', tab));
	SELECT count(*) INTO total FROM answer_plain;
	FOREACH k IN ARRAY ARRAY['extension', 'extension, row by row'] LOOP
		DROP TABLE IF EXISTS pg_temp.answer_ext;
		EXECUTE format('CREATE TEMP TABLE answer_ext AS %s', bench_query(k, tab));
		SELECT count(*) INTO differ FROM (
			(SELECT * FROM answer_ext EXCEPT ALL SELECT * FROM answer_plain)
			UNION ALL
			(SELECT * FROM answer_plain EXCEPT ALL SELECT * FROM answer_ext)) x;
		IF differ <> 0 OR total = 0 THEN
			RAISE EXCEPTION 'the extension (%) and plain SQL disagree on %: % differing rows of %', k, tab, differ, total;
		END IF;
	END LOOP;
	RETURN format('%s: the extension''s placements equal plain SQL''s (%s placements, both formulations)', tab, total);
END $$;

\pset tuples_only on
\pset format unaligned
SELECT bench_check('bench_w1');
SELECT bench_check('bench_w2');
\pset tuples_only off
\pset format aligned

CREATE TEMP TABLE bench_result (workload text, mode text, kind text, ms numeric);
CREATE FUNCTION bench_run(workers int, mode text, reps int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	w record;
	k text;
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
	FOR w IN SELECT * FROM (VALUES ('W1', 'bench_w1'), ('W2', 'bench_w2')) v(name, tab) LOOP
		FOREACH k IN ARRAY ARRAY['scan', 'extension', 'extension, row by row', 'plain SQL'] LOOP
			INSERT INTO bench_result VALUES (w.name, mode, k, bench_time(k, w.tab, reps));
		END LOOP;
	END LOOP;
END $$;
\o /dev/null
SELECT bench_run(0, 'serial', :reps);
SELECT bench_run(2, 'parallel (2 workers)', :reps);
\o

\pset footer off
\echo
\echo 'W1 = 94 entities x 15 measures (goal + 7 areas) x 240 periods = 338,400 rows'
\echo 'W2 = 100,000 entities x 15 measures x 1 period = 1,500,000 rows'
\echo 'median of' :reps 'runs, in ms; ratios from the same run; targets: plain / extension >= 10, extension / scan <= 5'
SELECT r.workload AS "workload", r.mode AS "plan",
	   s.ms AS "scan sum(value)", e.ms AS "extension", rr.ms AS "extension, row by row",
	   p.ms AS "plain SQL",
	   round(p.ms / e.ms, 1) AS "plain / extension",
	   round(e.ms / s.ms, 1) AS "extension / scan"
FROM (SELECT DISTINCT workload, mode FROM bench_result) r
JOIN bench_result s ON s.workload = r.workload AND s.mode = r.mode AND s.kind = 'scan'
JOIN bench_result e ON e.workload = r.workload AND e.mode = r.mode AND e.kind = 'extension'
JOIN bench_result rr ON rr.workload = r.workload AND rr.mode = r.mode AND rr.kind = 'extension, row by row'
JOIN bench_result p ON p.workload = r.workload AND p.mode = r.mode AND p.kind = 'plain SQL'
ORDER BY r.workload, r.mode DESC;

-- Memory of the ranking forms: one ranking of 1,000,000 entities fed whole to
-- rank_sum_rerank, weighted_placement and unnest, each in a fresh backend.  The
-- backend's peak resident memory (VmHWM of /proc/self/status) is read before
-- and after; the growth is compared with the ranking's size.
\o /dev/null
DROP TABLE IF EXISTS bench_big, bench_memory;
DROP FUNCTION IF EXISTS bench_peak_kb();
CREATE TABLE bench_big (r ranking);
ALTER TABLE bench_big ALTER r SET STORAGE external;
INSERT INTO bench_big
SELECT rank_values('kommune ' || e, bench_value(e, 1, 1, 5000), true)
FROM generate_series(1, 1000000) e;
CREATE FUNCTION bench_peak_kb() RETURNS bigint LANGUAGE sql AS $$
	SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\s*(\d+)')::bigint
$$;
CREATE TABLE bench_memory (form text, ranking_mb numeric, before_kb bigint, after_kb bigint);
\o
SELECT pg_column_size(r) AS ranking_bytes FROM bench_big \gset
\set memory_form 'rank_sum_rerank(ranking)'
\set memory_query 'SELECT entity_count(rank_sum_rerank(r)) FROM bench_big'
\ir bench_memory.sql
\set memory_form 'weighted_placement(ranking, weight)'
\set memory_query 'SELECT entity_count(weighted_placement(r, 0.3)) FROM bench_big'
\ir bench_memory.sql
\set memory_form 'unnest(ranking)'
\set memory_query 'SELECT count(*) FROM (SELECT unnest(r) FROM bench_big) u'
\ir bench_memory.sql
\echo
\echo 'peak memory of the ranking forms: one stored ranking of 1,000,000 entities, a fresh backend each'
SELECT form AS "form", ranking_mb AS "ranking MB", round((after_kb - before_kb) / 1024.0, 1) AS "backend peak growth MB",
	   round((after_kb - before_kb) / 1024.0 / ranking_mb, 1) AS "growth / ranking"
FROM bench_memory;
