-- The runner's cost: benchmark.model_placements on the sample data against
-- reading every source of the model once, in PostgreSQL's default settings.
-- Run by test/bench/run.sh; prints times and ratios.  The three queries run
-- interleaved (a, b, c, a, b, c, ...) and each figure is a median, so that
-- load from elsewhere on the machine falls on all three alike.
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
SET search_path = public, benchmark;
\ir ../data/load_sample.sql
RESET search_path;
SET client_min_messages = warning;
ANALYZE;
\ir bench_defaults.sql

DROP TABLE IF EXISTS runner_result;
CREATE TEMP TABLE runner_result (kind text, rep int, ms float8, answer bigint);

-- Times each of the three queries reps times, interleaved; the first round warms the caches and is not kept.
CREATE FUNCTION pg_temp.runner_time(reps int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	sources text := 'SELECT count(*) + count(s.k) + count(s.period) + count(s.v) FROM ('
		|| benchmark.model_sources_sql('sonderborg-2023', NULL) || ') s';
	queries text[] := ARRAY[sources,
		$q$SELECT count(*) FROM benchmark.model_placements('sonderborg-2023', '2022')$q$,
		$q$SELECT count(*) FROM benchmark.model_placements('sonderborg-2023')$q$];
	kinds text[] := ARRAY['sources', 'one period', 'all periods'];
	started timestamptz;
	answer bigint;
	i int;
	j int;
BEGIN
	FOR i IN 0 .. reps LOOP
		FOR j IN 1 .. 3 LOOP
			started := clock_timestamp();
			EXECUTE queries[j] INTO answer;
			IF i > 0 THEN
				INSERT INTO runner_result VALUES (kinds[j], i, extract(epoch FROM clock_timestamp() - started) * 1000, answer);
			END IF;
		END LOOP;
	END LOOP;
END $$;
\o /dev/null
SELECT pg_temp.runner_time(:reps);
\o

\pset footer off
\echo
\echo 'runner: model sonderborg-2023 on the sample data (test/data/load_sample.sql), default settings'
\echo '  (a) sources = reading every source of the model once: count(*) + count(k) + count(period) + count(v) over their UNION ALL'
\echo '  (b) one period = count(*) FROM benchmark.model_placements(''sonderborg-2023'', ''2022'')'
\echo '  (c) all periods = count(*) FROM benchmark.model_placements(''sonderborg-2023'')'
\echo 'median of' :reps 'interleaved runs, in ms; ratios of the medians; targets: (b) / (a) <= 1.5, (c) / (a) <= 2'
WITH m AS (
	SELECT kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms, max(answer) AS answer
	FROM runner_result GROUP BY kind
)
SELECT round(a.ms::numeric, 1) AS "(a) sources", round(b.ms::numeric, 1) AS "(b) one period",
	   round(c.ms::numeric, 1) AS "(c) all periods",
	   round((b.ms / a.ms)::numeric, 2) AS "(b) / (a)", round((c.ms / a.ms)::numeric, 2) AS "(c) / (a)",
	   CASE WHEN b.ms / a.ms <= 1.5 AND c.ms / a.ms <= 2 THEN 'met' ELSE 'NOT met' END AS "targets",
	   b.answer AS "rows (b)", c.answer AS "rows (c)"
FROM m a, m b, m c
WHERE a.kind = 'sources' AND b.kind = 'one period' AND c.kind = 'all periods';
