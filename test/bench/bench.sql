-- The benchmark: the whole model (measure ranks -> area rank sums -> weighted
-- total) through the extension and as plain SQL, side by side, against a plain
-- scan of the same rows and two floors, in PostgreSQL's default settings.  Every
-- formulation produces every level's placements as rows: each measure's, each
-- area's and the total's.  Run by test/bench/run.sh; prints times and ratios.
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
\ir bench_defaults.sql

-- Areas: the goal (area 0, weight 7) and seven areas of weight 1; 15 measures:
-- measure 1 is the goal, measures 2..15 two per area, alternating direction.
DROP TABLE IF EXISTS bench_area, bench_w1, bench_w2, bench_rows;
CREATE TABLE bench_area (area int PRIMARY KEY, weight numeric NOT NULL);
INSERT INTO bench_area SELECT 0, 7 UNION ALL SELECT a, 1 FROM generate_series(1, 7) a;

-- Values with many ties (hash modulo) and about 1 % missing (NULL).
CREATE OR REPLACE FUNCTION bench_value(e int, m int, p int, levels int) RETURNS float8
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
-- the number of placements (output rows) of each workload, for the generate_series floor
CREATE TABLE bench_rows (tab text PRIMARY KEY, n bigint NOT NULL);

-- The formulations, each returning (level, period, item, kommune, placement): one
-- row per placement of each measure, each area and the total.  The extension's
-- rankings list entities left out with a NULL placement; plain SQL leaves them out.
CREATE OR REPLACE FUNCTION bench_query(kind text, tab text) RETURNS text LANGUAGE sql STABLE AS $$
SELECT replace(replace(CASE kind
WHEN 'scan' THEN
	'SELECT NULL::text AS level, 0 AS period, 0 AS item, NULL::text AS kommune, sum(value)::bigint AS placement FROM TAB'
WHEN 'hash GROUP BY' THEN
	'SELECT NULL::text AS level, period, measure AS item, NULL::text AS kommune, count(value)::int AS placement
	 FROM TAB GROUP BY period, area, measure'
WHEN 'generate_series' THEN
	'SELECT NULL::text AS level, 0 AS period, 0 AS item, NULL::text AS kommune, generate_series(1, ROWS) AS placement'
WHEN 'extension' THEN $q$
	WITH measure_rankings AS (
		SELECT period, area, measure, rank_values(kommune, value, higher_is_better) AS ranking
		FROM TAB GROUP BY period, area, measure),
	area_rankings AS (
		SELECT period, area, rank_sum_rerank(ranking) AS ranking
		FROM measure_rankings GROUP BY period, area),
	totals AS (
		SELECT period, weighted_placement(ranking, weight) AS ranking
		FROM area_rankings JOIN bench_area USING (area) GROUP BY period)
	SELECT 'measure' AS level, period, measure AS item, u.entity AS kommune, u.placement
	FROM measure_rankings, unnest(ranking) u WHERE u.placement IS NOT NULL
	UNION ALL
	SELECT 'area', period, area, u.entity, u.placement FROM area_rankings, unnest(ranking) u
	WHERE u.placement IS NOT NULL
	UNION ALL
	SELECT 'total', period, 0, u.entity, u.placement FROM totals, unnest(ranking) u
	WHERE u.placement IS NOT NULL $q$
WHEN 'extension, row by row' THEN $q$
	WITH measure_rankings AS (
		SELECT period, area, measure, rank_values(kommune, value, higher_is_better) AS ranking
		FROM TAB GROUP BY period, area, measure),
	measure_places AS (
		SELECT m.period, m.area, m.measure, u.entity, u.placement
		FROM measure_rankings m, unnest(m.ranking) u),
	area_rankings AS (
		SELECT period, area, rank_sum_rerank(entity, placement) AS ranking
		FROM measure_places GROUP BY period, area),
	area_places AS (
		SELECT a.period, a.area, u.entity, u.placement
		FROM area_rankings a, unnest(a.ranking) u),
	totals AS (
		SELECT a.period, weighted_placement(a.entity, a.placement, b.weight) AS ranking
		FROM area_places a JOIN bench_area b USING (area)
		GROUP BY a.period)
	SELECT 'measure' AS level, period, measure AS item, entity AS kommune, placement
	FROM measure_places WHERE placement IS NOT NULL
	UNION ALL
	SELECT 'area', period, area, entity, placement FROM area_places WHERE placement IS NOT NULL
	UNION ALL
	SELECT 'total', period, 0, u.entity, u.placement FROM totals, unnest(ranking) u
	WHERE u.placement IS NOT NULL $q$
WHEN 'plain SQL' THEN $q$
	WITH measure_ranks AS (
		SELECT period, area, measure, kommune,
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
	SELECT 'measure' AS level, period, measure AS item, kommune, r::int AS placement FROM measure_ranks
	UNION ALL
	SELECT 'area', period, area, kommune, p::int FROM area_places
	UNION ALL
	SELECT 'total', period, 0, kommune, rank() OVER (PARTITION BY period ORDER BY score)::int
	FROM totals WHERE n = most $q$
END, 'TAB', tab), 'ROWS', coalesce((SELECT n::text FROM bench_rows r WHERE r.tab = bench_query.tab), '0'))
$$;

-- The extension's answers (both formulations) must equal plain SQL's before any time
-- counts: each answer is computed once and compared both ways, every level.
CREATE OR REPLACE FUNCTION bench_check(tab text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	k text;
	differ bigint;
	total bigint;
	levels text;
BEGIN
	DROP TABLE IF EXISTS pg_temp.answer_plain;
	EXECUTE format('CREATE TEMP TABLE answer_plain AS %s', bench_query('plain SQL', tab));
	SELECT count(*), string_agg(DISTINCT level, ', ') INTO total, levels FROM answer_plain;
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
	INSERT INTO bench_rows VALUES (tab, total);
	RETURN format('%s: the extension''s placements equal plain SQL''s (%s placements of levels %s, both formulations)',
				  tab, total, levels);
END $$;

\pset tuples_only on
\pset format unaligned
SELECT bench_check('bench_w1');
SELECT bench_check('bench_w2');
\pset tuples_only off
\pset format aligned

-- Times every formulation on both workloads reps times, interleaved (each round
-- runs every formulation once), consuming every row; the first round only warms up.
CREATE TEMP TABLE bench_result (workload text, mode text, kind text, rep int, ms float8);
CREATE OR REPLACE FUNCTION bench_run(workers int, mode text, reps int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	w record;
	k text;
	i int;
	started timestamptz;
	dummy bigint;
BEGIN
	PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
	FOR i IN 0 .. reps LOOP
		FOR w IN SELECT * FROM (VALUES ('W1', 'bench_w1'), ('W2', 'bench_w2')) v(name, tab) LOOP
			FOREACH k IN ARRAY ARRAY['scan', 'hash GROUP BY', 'generate_series', 'extension',
									 'extension, row by row', 'plain SQL'] LOOP
				started := clock_timestamp();
				EXECUTE 'SELECT count(*) + sum(placement) FROM (' || bench_query(k, w.tab) || ') q' INTO dummy;
				IF i > 0 THEN
					INSERT INTO bench_result
					VALUES (w.name, mode, k, i, extract(epoch FROM clock_timestamp() - started) * 1000);
				END IF;
			END LOOP;
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
SELECT 'placements (output rows): ' || string_agg(upper(right(tab, 2)) || ' ' || to_char(n, 'FM9,999,999'), ', ' ORDER BY tab)
	   AS " " FROM bench_rows;
\echo 'median of' :reps 'interleaved runs, in ms; ratios of the medians'
\echo 'floors: hash GROUP BY = count(value) per (period, area, measure); generate_series = as many integers as placements, streamed'
\echo 'targets: plain / extension >= 10, extension / scan <= 5'
\echo 'floors / scan = (hash GROUP BY + generate_series) / scan: grouping the rows and producing the placements alone, before any ranking'
CREATE TEMP VIEW bench_median AS
SELECT workload, mode, kind, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS ms
FROM bench_result GROUP BY workload, mode, kind;
CREATE TEMP VIEW bench_ratio AS
SELECT e.workload, e.mode, x.kind,
	   round(CASE WHEN x.kind IN ('plain SQL', 'extension, row by row') THEN x.ms / e.ms ELSE e.ms / x.ms END, 1) AS ratio
FROM bench_median e JOIN bench_median x USING (workload, mode)
WHERE e.kind = 'extension' AND x.kind <> 'extension';
SELECT r.workload AS "workload", r.mode AS "plan",
	   max(m.ms) FILTER (WHERE m.kind = 'scan') AS "scan sum(value)",
	   max(m.ms) FILTER (WHERE m.kind = 'hash GROUP BY') AS "hash GROUP BY",
	   max(m.ms) FILTER (WHERE m.kind = 'generate_series') AS "generate_series",
	   max(m.ms) FILTER (WHERE m.kind = 'extension') AS "extension",
	   max(m.ms) FILTER (WHERE m.kind = 'extension, row by row') AS "extension, row by row",
	   max(m.ms) FILTER (WHERE m.kind = 'plain SQL') AS "plain SQL"
FROM (SELECT DISTINCT workload, mode FROM bench_result) r JOIN bench_median m USING (workload, mode)
GROUP BY r.workload, r.mode ORDER BY r.workload, r.mode DESC;
SELECT r.workload AS "workload", r.mode AS "plan",
	   max(x.ratio) FILTER (WHERE x.kind = 'plain SQL') AS "plain / extension",
	   max(x.ratio) FILTER (WHERE x.kind = 'scan') AS "extension / scan",
	   max(x.ratio) FILTER (WHERE x.kind = 'hash GROUP BY') AS "extension / hash GROUP BY",
	   max(x.ratio) FILTER (WHERE x.kind = 'generate_series') AS "extension / generate_series",
	   max(x.ratio) FILTER (WHERE x.kind = 'extension, row by row') AS "row by row / extension",
	   (SELECT round((max(m.ms) FILTER (WHERE m.kind = 'hash GROUP BY') +
					  max(m.ms) FILTER (WHERE m.kind = 'generate_series')) /
					 max(m.ms) FILTER (WHERE m.kind = 'scan'), 1)
		FROM bench_median m WHERE (m.workload, m.mode) = (r.workload, r.mode)) AS "floors / scan"
FROM (SELECT DISTINCT workload, mode FROM bench_result) r JOIN bench_ratio x USING (workload, mode)
GROUP BY r.workload, r.mode ORDER BY r.workload, r.mode DESC;

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
CREATE OR REPLACE FUNCTION bench_peak_kb() RETURNS bigint LANGUAGE sql AS $$
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
