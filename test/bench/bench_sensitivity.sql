-- The cost of model_sensitivity: 1,000 weight draws of the preset on the
-- SYNTHETIC sample data, against one model_placements call of the same
-- period (the bound: at most 3 times), and against a plain PL/pgSQL loop that
-- edits a copy's weights and calls model_placements once per draw.  Run by
-- test/bench/run.sh (psql -v reps=N -v loop_draws=N).
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
SET search_path = public, benchmark;
\if :{?reps}
\else
\set reps 3
\endif
\if :{?loop_draws}
\else
\set loop_draws 5
\endif
\o /dev/null
\i test/data/load_sample.sql
\o
SET jit = off;

-- the median time in ms of a statement, over reps runs that consume every row
CREATE FUNCTION pg_temp.median_ms(statement text, reps int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	times float8[] := '{}';
	started timestamptz;
	dummy bigint;
BEGIN
	EXECUTE 'SELECT count(*) FROM (' || statement || ') q' INTO dummy;	-- warm-up
	FOR i IN 1 .. reps LOOP
		started := clock_timestamp();
		EXECUTE 'SELECT count(*) FROM (' || statement || ') q' INTO dummy;
		times := times || extract(epoch FROM clock_timestamp() - started) * 1000;
	END LOOP;
	RETURN round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t)::numeric, 1);
END
$$;

-- the comparison: a plain loop, each draw edits the weights of a copy of the
-- model (each weight times a factor in [0.8, 1.2]) and runs model_placements
DELETE FROM model WHERE model = 'bench-sensitivity';
\o /dev/null
SELECT model_copy('sonderborg-2023', 'bench-sensitivity');
\o
CREATE TEMP TABLE loop_placements (draw int, kommune text, placement int);
CREATE FUNCTION pg_temp.loop_ms(draws int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	started timestamptz := clock_timestamp();
BEGIN
	PERFORM setseed(0.5);
	FOR d IN 1 .. draws LOOP
		UPDATE model SET goal_weight = round(7 * (0.8 + 0.4 * random()::numeric), 6) WHERE model = 'bench-sensitivity';
		UPDATE model_area SET weight = round(0.8 + 0.4 * random()::numeric, 6) WHERE model = 'bench-sensitivity' AND in_total;
		INSERT INTO loop_placements
		SELECT d, p.kommune, p.placement FROM model_placements('bench-sensitivity', '2023') p WHERE p.part = 'total';
	END LOOP;
	RETURN round((extract(epoch FROM clock_timestamp() - started) * 1000)::numeric, 1);
END
$$;

-- the weighted placements of the rankings alone, read once
CREATE TEMP TABLE inputs AS SELECT * FROM benchmark_internal.explain_total_inputs('sonderborg-2023', '{2023}');

\echo '== model_sensitivity: 1,000 weight draws (spread 0.2) against one model_placements call, period 2023 (SYNTHETIC sample data)'
\x on
WITH t AS (
	SELECT pg_temp.median_ms($$SELECT * FROM model_placements('sonderborg-2023', '2023')$$, :reps) AS placements_ms,
		   pg_temp.median_ms($$SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 1000, 0.2, 1)$$, :reps) AS sensitivity_ms,
		   pg_temp.median_ms($$SELECT d.* FROM inputs i, benchmark.weighted_placement_draws(i.rankings, i.weights, i.missing, 1000, 0.2, 1, 10) d$$, :reps) AS draws_only_ms,
		   pg_temp.loop_ms(:loop_draws) AS loop_total_ms
)
SELECT placements_ms AS "model_placements (ms)",
	   sensitivity_ms AS "model_sensitivity, 1000 draws (ms)",
	   draws_only_ms AS "of which 1000 draws in C (ms)",
	   round(sensitivity_ms / placements_ms, 2) AS "ratio (bound 3)",
	   sensitivity_ms / placements_ms <= 3 AS "within bound",
	   round(loop_total_ms / :loop_draws, 1) AS "plpgsql loop, per draw (ms)",
	   round(loop_total_ms / :loop_draws * 1000 / 1000, 0) AS "plpgsql loop, 1000 draws (s, extrapolated)",
	   round(loop_total_ms / :loop_draws * 1000 / sensitivity_ms, 0) AS "speed-up over the loop"
FROM t;
\x off

DELETE FROM model WHERE model = 'bench-sensitivity';
