-- The runner's cost: benchmark.model_placements on the sample data against
-- reading every source of the model once, in PostgreSQL's default settings:
-- for the preset as shipped (its sources are the installed mappings over the
-- observation store), for a copy whose sources are plain tables holding
-- the same values (the runner's own cost beside cheap sources), and for a
-- copy reading hand-written views of the sample's wide tables.
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
CREATE TEMP TABLE runner_result (model text, kind text, rep int, ms float8, answer bigint);

-- the copy over plain tables: each mapping view's values, stored
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS runner_tables CASCADE;
CREATE SCHEMA runner_tables;
DO $$
DECLARE
	s record;
BEGIN
	PERFORM benchmark.model_copy('sonderborg-2023', 'runner-tables');
	FOR s IN SELECT * FROM benchmark.model_sources('runner-tables') LOOP
		EXECUTE format('CREATE TABLE IF NOT EXISTS runner_tables.%I AS SELECT * FROM %s', split_part(s.source, '.', 2), s.source);
		IF s.what = 'measure' THEN
			UPDATE benchmark.model_measure SET source = 'runner_tables.' || split_part(s.source, '.', 2)
			WHERE model = 'runner-tables' AND measure = s.item;
		ELSE
			UPDATE benchmark.model_benefit SET source = 'runner_tables.' || split_part(s.source, '.', 2)
			WHERE model = 'runner-tables' AND benefit = s.item;
		END IF;
	END LOOP;
	-- and a copy over the hand-written plain-SQL views of the sample's wide tables (test/data/sample_sources.sql)
	PERFORM benchmark.model_copy('sonderborg-2023', 'runner-views');
	UPDATE benchmark.model_measure SET source = replace(source, 'benchmark.mapped_', 'model_sources.') WHERE model = 'runner-views';
	UPDATE benchmark.model_benefit SET source = replace(source, 'benchmark.mapped_', 'model_sources.') WHERE model = 'runner-views';
END $$;
ANALYZE;

-- Times each of the three queries reps times, interleaved; the first round warms the caches and is not kept.
CREATE FUNCTION pg_temp.runner_time(model_name text, reps int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	sources text := 'SELECT count(*) + count(s.k) + count(s.period) + count(s.v) FROM ('
		|| benchmark_internal.model_sources_sql(model_name, NULL) || ') s';
	queries text[] := ARRAY[sources,
		format('SELECT count(*) FROM benchmark.model_placements(%L, %L)', model_name, '2022'),
		format('SELECT count(*) FROM benchmark.model_placements(%L)', model_name)];
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
				INSERT INTO runner_result VALUES (model_name, kinds[j], i, extract(epoch FROM clock_timestamp() - started) * 1000, answer);
			END IF;
		END LOOP;
	END LOOP;
END $$;
\o /dev/null
SELECT pg_temp.runner_time('sonderborg-2023', :reps);
SELECT pg_temp.runner_time('runner-tables', :reps);
SELECT pg_temp.runner_time('runner-views', :reps);
\o

\pset footer off
\echo
\echo 'runner: model sonderborg-2023 on the sample data (test/data/load_sample.sql), default settings;'
\echo '  runner-tables = a copy of it whose sources are plain tables with the same values;'
\echo '  runner-views = a copy reading hand-written plain-SQL views of the wide sample tables (test/data/sample_sources.sql)'
\echo '  (a) sources = reading every source of the model once: count(*) + count(k) + count(period) + count(v) over their UNION ALL'
\echo '  (b) one period = count(*) FROM benchmark.model_placements(model, ''2022'')'
\echo '  (c) all periods = count(*) FROM benchmark.model_placements(model)'
\echo 'median of' :reps 'interleaved runs, in ms; ratios of the medians; targets: (b) / (a) <= 1.5, (c) / (a) <= 2'
WITH m AS (
	SELECT model, kind, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms, max(answer) AS answer
	FROM runner_result GROUP BY model, kind
)
SELECT a.model, round(a.ms::numeric, 1) AS "(a) sources", round(b.ms::numeric, 1) AS "(b) one period",
	   round(c.ms::numeric, 1) AS "(c) all periods",
	   round((b.ms / a.ms)::numeric, 2) AS "(b) / (a)", round((c.ms / a.ms)::numeric, 2) AS "(c) / (a)",
	   CASE WHEN b.ms / a.ms <= 1.5 AND c.ms / a.ms <= 2 THEN 'met' ELSE 'NOT met' END AS "targets",
	   b.answer AS "rows (b)", c.answer AS "rows (c)"
FROM m a JOIN m b USING (model) JOIN m c USING (model)
WHERE a.kind = 'sources' AND b.kind = 'one period' AND c.kind = 'all periods'
ORDER BY a.model = 'sonderborg-2023' DESC, a.model;

-- A dashboard's calls on the preset (its sources: the stored series of the
-- installed mappings) against the same runner call on the copy over plain
-- tables, interleaved the same way.
DROP TABLE IF EXISTS dashboard_result;
CREATE TEMP TABLE dashboard_result (call text, rep int, ms float8, answer bigint);
CREATE FUNCTION pg_temp.dashboard_time(reps int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	calls text[] := ARRAY[
		'model_placements(''runner-tables'', ''2023'')',
		'model_placements(''sonderborg-2023'', ''2023'')',
		'model_scorecard(''sonderborg-2023'', ''Sønderborg'', ''2023'')',
		'model_changes(''sonderborg-2023'', ''Sønderborg'', ''2022'', ''2023'')',
		'model_what_it_takes(''sonderborg-2023'', ''Sønderborg'', ''2023'')',
		'model_next_place(''sonderborg-2023'', ''Sønderborg'', ''2023'')',
		'model_sensitivity(''sonderborg-2023'', ''2023'', 1000, 0.2, 1)',
		'target_status_for(''Sønderborg'', NULL)'];
	started timestamptz;
	answer bigint;
	i int;
	j int;
BEGIN
	FOR i IN 0 .. reps LOOP
		FOR j IN 1 .. pg_catalog.cardinality(calls) LOOP
			started := clock_timestamp();
			EXECUTE 'SELECT count(*) FROM benchmark.' || calls[j] INTO answer;
			IF i > 0 THEN
				INSERT INTO dashboard_result VALUES (calls[j], i, extract(epoch FROM clock_timestamp() - started) * 1000, answer);
			END IF;
		END LOOP;
	END LOOP;
END $$;
\o /dev/null
SELECT pg_temp.dashboard_time(:reps);
\o
\echo
\echo 'dashboard: each call on the preset sonderborg-2023 (its sources the stored series of the installed mappings)'
\echo '  against model_placements over the copy runner-tables (plain tables of the same values), one period;'
\echo 'median of' :reps 'interleaved runs, in ms; targets: the preset''s model_placements <= 2x, model_next_place <= 4x, the others <= 3x'
WITH m AS (
	SELECT call, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms, max(answer) AS answer, min(rep) AS first
	FROM dashboard_result GROUP BY call
), base AS (
	SELECT ms FROM m WHERE call LIKE 'model_placements(''runner-tables''%'
)
SELECT m.call, round(m.ms::numeric, 1) AS ms, round((m.ms / base.ms)::numeric, 2) AS ratio,
	   CASE WHEN m.call LIKE 'model_placements(''runner-tables''%' THEN 'the reference'
			WHEN m.ms / base.ms <= CASE WHEN m.call LIKE 'model_placements%' THEN 2 WHEN m.call LIKE 'model_next_place%' THEN 4 ELSE 3 END
			THEN 'met' ELSE 'NOT met' END AS target,
	   m.answer AS rows
FROM m, base
ORDER BY m.call LIKE 'model_placements(''runner-tables''%' DESC, m.call LIKE 'model_placements%' DESC, m.call;
