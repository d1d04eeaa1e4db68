-- Explaining a ranking list on the SYNTHETIC sample data: why a municipality
-- moved (model_changes), near ties (model_placement_gaps), what it would take
-- (model_what_it_takes, model_next_place), how robust it is
-- (model_sensitivity, model_scenarios), each checked against an independent
-- computation: the runner on edited copies of the model and its sources, the
-- weighted sum, and the weight draws reproduced in SQL.
-- (in a copy of the sample's template database, test/data/sample_database.sql)
\set ECHO none
\o /dev/null
\set sample_db regress_sample_501
\i test/data/sample_database.sql
\o
\set ECHO all
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
RESET client_min_messages;

-- an error's SQLSTATE and message, or 'no error'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- the placements of 2022 and 2023, as the runner gives them
CREATE TEMP TABLE mp AS
SELECT * FROM model_placements('sonderborg-2023', '2022')
UNION ALL
SELECT * FROM model_placements('sonderborg-2023', '2023');
CREATE INDEX ON mp (period, part, item_key, placement);
ANALYZE mp;

--
-- 1. Why did we move?  model_changes
--
SELECT part, item_key, weight, from_placement, to_placement, places_gained, round(score_contribution, 6) AS contribution, note
FROM model_changes('sonderborg-2023', 'Sønderborg', '2022', '2023');

-- every row agrees with the runner's placements of both periods, for a
-- municipality ranked in both, one left out in 2023 and one left out in 2022
WITH c AS MATERIALIZED (
	SELECT k.kommune, c.*
	FROM (VALUES ('Sønderborg'), ('Odense'), ('Billund')) k(kommune)
		 CROSS JOIN LATERAL model_changes('sonderborg-2023', k.kommune, '2022', '2023') c
)
SELECT c.kommune, count(*) AS rows_,
	   count(*) FILTER (WHERE c.from_placement IS DISTINCT FROM f.placement OR c.to_placement IS DISTINCT FROM t.placement
						 OR c.from_value IS DISTINCT FROM f.value OR c.to_value IS DISTINCT FROM t.value
						 OR c.from_score IS DISTINCT FROM f.score OR c.to_score IS DISTINCT FROM t.score
						 OR c.places_gained IS DISTINCT FROM f.placement - t.placement) AS differ
FROM c
	 JOIN mp f ON f.period = '2022' AND f.kommune = c.kommune AND f.part = c.part AND f.item_key = c.item_key
	 JOIN mp t ON t.period = '2023' AND t.kommune = c.kommune AND t.part = c.part AND t.item_key = c.item_key
GROUP BY c.kommune ORDER BY c.kommune;

-- the contributions are weight x change of placement / sum of weights, and add
-- up to the change of the total's weighted score
WITH w AS (
	SELECT f.part, f.item_key, f.weight, t.placement - f.placement AS moved
	FROM mp f JOIN mp t ON t.kommune = f.kommune AND t.part = f.part AND t.item_key = f.item_key AND t.period = '2023'
	WHERE f.period = '2022' AND f.kommune = 'Sønderborg' AND f.weight IS NOT NULL
)
SELECT count(*) AS counted_parts,
	   count(*) FILTER (WHERE round(c.score_contribution, 12) <> round(w.weight * w.moved / (SELECT sum(weight) FROM w), 12)) AS differ,
	   round(sum(c.score_contribution), 12) AS sum_of_contributions,
	   round((SELECT t.score - f.score FROM mp f JOIN mp t ON t.kommune = f.kommune AND t.part = 'total' AND t.period = '2023'
			  WHERE f.part = 'total' AND f.period = '2022' AND f.kommune = 'Sønderborg'), 12) AS change_of_total_score
FROM model_changes('sonderborg-2023', 'Sønderborg', '2022', '2023') c JOIN w USING (part, item_key);

-- left out in one period: no contribution, and a note saying why
SELECT part, item_key, from_placement, to_placement, places_gained, score_contribution, note
FROM model_changes('sonderborg-2023', '461', '2022', '2023')
WHERE part IN ('total', 'goal', 'area') OR note IS NOT NULL;

--
-- 4. Near ties: model_placement_gaps
--
SELECT part, item_key, placement, round(score, 4) AS score, tied, better_placement, better_kommuner,
	   round(gap_to_better, 4) AS gap_to_better, worse_placement, worse_kommuner, round(gap_to_worse, 4) AS gap_to_worse
FROM model_placement_gaps('sonderborg-2023', '2023')
WHERE kommune = 'Sønderborg' AND part IN ('total', 'goal', 'area');

-- every gap against the nearest better and worse placement found in the runner's output
WITH g AS MATERIALIZED (SELECT * FROM model_placement_gaps('sonderborg-2023', '2023')),
o AS (
	SELECT m.part, m.item_key, m.kommune,
		   (SELECT x.placement FROM mp x WHERE x.period = '2023' AND x.part = m.part AND x.item_key = m.item_key
			  AND x.placement < m.placement ORDER BY x.placement DESC LIMIT 1) AS bp,
		   (SELECT x.score FROM mp x WHERE x.period = '2023' AND x.part = m.part AND x.item_key = m.item_key
			  AND x.placement < m.placement ORDER BY x.placement DESC LIMIT 1) AS bs,
		   (SELECT x.placement FROM mp x WHERE x.period = '2023' AND x.part = m.part AND x.item_key = m.item_key
			  AND x.placement > m.placement ORDER BY x.placement LIMIT 1) AS wp,
		   (SELECT x.score FROM mp x WHERE x.period = '2023' AND x.part = m.part AND x.item_key = m.item_key
			  AND x.placement > m.placement ORDER BY x.placement LIMIT 1) AS ws,
		   (SELECT count(*) FROM mp x WHERE x.period = '2023' AND x.part = m.part AND x.item_key = m.item_key
			  AND x.placement = m.placement) AS tied,
		   m.placement, m.score
	FROM mp m WHERE m.period = '2023' AND m.placement IS NOT NULL
	OFFSET 0
)
SELECT count(*) AS placements,
	   count(*) FILTER (WHERE g.placement IS DISTINCT FROM o.placement OR g.tied IS DISTINCT FROM o.tied::int
						 OR g.better_placement IS DISTINCT FROM o.bp OR g.worse_placement IS DISTINCT FROM o.wp
						 OR g.gap_to_better IS DISTINCT FROM abs(o.score - o.bs) OR g.gap_to_worse IS DISTINCT FROM abs(o.ws - o.score)) AS differ
FROM o FULL JOIN g USING (part, item_key, kommune);

--
-- 2. What would it take?  model_what_it_takes and model_next_place
--
SELECT measure, placement, round(value, 4) AS value, round(value_to_gain_one, 4) AS value_to_gain_one, passes,
	   placement_then, area_placement, area_placement_then, total_placement, total_placement_then, note
FROM model_what_it_takes('sonderborg-2023', 'Sønderborg', '2023');

-- the value to gain one is the value of the nearest better placement on the measure
SELECT count(*) AS measures,
	   count(*) FILTER (WHERE w.value_to_gain_one IS DISTINCT FROM
		   (SELECT x.score FROM mp x WHERE x.period = '2023' AND x.part = 'measure' AND x.item_key = w.measure
			  AND x.placement < w.placement ORDER BY x.placement DESC LIMIT 1)) AS differ
FROM model_what_it_takes('sonderborg-2023', 'Sønderborg', '2023') w;

-- Independently: the runner on a copy of the model whose measure reads an
-- edited copy of its source, with Sønderborg's 2023 value replaced.
SELECT model_copy('sonderborg-2023', 'regress-explain');
CREATE SCHEMA regress_explain;
CREATE FUNCTION pg_temp.run_with(measure_key text, new_value numeric)
RETURNS TABLE (measure_placement integer, area_placement integer, total_placement integer)
LANGUAGE plpgsql AS $$
DECLARE
	src text := (SELECT source FROM model_measure WHERE model = 'sonderborg-2023' AND measure = measure_key);
BEGIN
	IF to_regclass('regress_explain.edited') IS NOT NULL THEN
		DROP TABLE regress_explain.edited;
	END IF;
	EXECUTE format('CREATE TABLE regress_explain.edited AS SELECT kommune::text AS kommune, period::text AS period, value::numeric AS value FROM %s', src);
	UPDATE regress_explain.edited e SET value = new_value
	WHERE kommune_lookup(e.kommune) = 'Sønderborg'::kommune AND e.period = '2023';
	UPDATE model_measure x SET source = 'regress_explain.edited' WHERE x.model = 'regress-explain' AND x.measure = measure_key;
	RETURN QUERY
	SELECT max(p.placement) FILTER (WHERE p.part = 'measure' AND p.item_key = measure_key),
		   max(p.placement) FILTER (WHERE p.part = 'area' AND p.area_no = (SELECT m.area_no FROM model_measure m WHERE m.model = 'regress-explain' AND m.measure = measure_key)),
		   max(p.placement) FILTER (WHERE p.part = 'total')
	FROM model_placements('regress-explain', '2023') p WHERE p.kommune = 'Sønderborg';
	UPDATE model_measure x SET source = src WHERE x.model = 'regress-explain' AND x.measure = measure_key;
END
$$;

SELECT w.measure, w.placement_then = r.measure_placement AS measure_agrees,
	   w.area_placement_then = r.area_placement AS area_agrees,
	   w.total_placement_then = r.total_placement AS total_agrees
FROM model_what_it_takes('sonderborg-2023', 'Sønderborg', '2023') w,
	 LATERAL pg_temp.run_with(w.measure, w.value_to_gain_one) r
WHERE w.value_to_gain_one IS NOT NULL
ORDER BY w.area_no, w.item_no;

SELECT measure, placement, round(value, 4) AS value, round(value_needed, 4) AS value_needed, relative_change,
	   placement_then, places_on_measure, area_placement_then, total_placement, total_placement_then, smallest, note
FROM model_next_place('sonderborg-2023', 'Sønderborg', '2023');

-- the value needed reaches the better total placement, and the nearest
-- better placement before it (on the same measure) does not: for the smallest
-- change and a measure of each direction in three other areas
CREATE TEMP TABLE np AS SELECT * FROM model_next_place('sonderborg-2023', 'Sønderborg', '2023');
SELECT n.measure, r.total_placement = n.total_placement_then AND r.total_placement < n.total_placement AS reaches,
	   s.total_placement = n.total_placement AS one_step_less_does_not
FROM np n,
	 LATERAL pg_temp.run_with(n.measure, n.value_needed) r,
	 LATERAL (SELECT x.score FROM mp x WHERE x.period = '2023' AND x.part = 'measure' AND x.item_key = n.measure
				AND x.placement > n.placement_then AND x.placement < n.placement ORDER BY x.placement LIMIT 1) less,
	 LATERAL pg_temp.run_with(n.measure, less.score) s
WHERE n.value_needed IS NOT NULL
  AND (n.smallest OR n.measure IN ('stillingsopslag', 'langtidsledige', 'ledighed_fleksjob', 'delvis_raskmelding'))
ORDER BY n.area_no, n.item_no;
SELECT count(*) FILTER (WHERE smallest) AS smallest_marked,
	   (SELECT measure FROM np WHERE smallest) = (SELECT measure FROM np WHERE value_needed IS NOT NULL
												  ORDER BY places_on_measure, relative_change, measure LIMIT 1) AS fewest_places
FROM np;

--
-- 3. How robust is it?  model_sensitivity and model_scenarios
--
SELECT kommune, placement, best, p05, median, p95, worst, top10_share, ranked_draws
FROM model_sensitivity('sonderborg-2023', '2023', 1000, 0.2, 1)
WHERE placement <= 12 OR kommune IN ('Sønderborg', 'Odense');

-- spread 0 gives the nominal placement in every draw; the nominal placement is the runner's
SELECT count(*) AS municipalities,
	   count(*) FILTER (WHERE s.placement IS DISTINCT FROM p.placement) AS nominal_differs,
	   count(*) FILTER (WHERE p.placement IS NOT NULL AND (s.best, s.p05, s.median, s.p95, s.worst, s.ranked_draws)
						 IS DISTINCT FROM (p.placement, p.placement, p.placement, p.placement, p.placement, 100)) AS draws_differ,
	   count(*) FILTER (WHERE p.placement IS NULL AND (s.ranked_draws <> 0 OR s.best IS NOT NULL)) AS left_out_ranked
FROM model_sensitivity('sonderborg-2023', '2023', 100, 0, 12345) s
FULL JOIN (SELECT kommune, placement FROM mp WHERE period = '2023' AND part = 'total') p USING (kommune);

-- the same seed gives the same answer; another seed another
SELECT (SELECT count(*) FROM (SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 300, 0.3, 42)
							  EXCEPT ALL SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 300, 0.3, 42)) x) AS same_seed_differs,
	   (SELECT count(*) FROM (SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 300, 0.3, 42)
							  EXCEPT ALL SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 300, 0.3, 43)) x) > 0 AS other_seed_differs;

-- statistics in order
SELECT count(*) FILTER (WHERE NOT (best <= p05 AND p05 <= median AND median <= p95 AND p95 <= worst)) AS out_of_order,
	   count(*) FILTER (WHERE top10_share > 0 AND best > 10) AS top10_without_reaching_it
FROM model_sensitivity('sonderborg-2023', '2023', 500, 0.5, 7);

-- One draw reproduced in SQL: splitmix64 (state += golden gamma, then mixed)
-- gives each weight (goal, then areas by number) a factor of millionths in
-- [1 - spread, 1 + spread]; weighted_placement with those weights gives the draw.
CREATE FUNCTION pg_temp.u64(b bit(64)) RETURNS numeric LANGUAGE sql AS
$$ SELECT (b::bigint)::numeric + CASE WHEN b::bigint < 0 THEN 18446744073709551616 ELSE 0 END $$;
CREATE FUNCTION pg_temp.b64(n numeric) RETURNS bit(64) LANGUAGE sql AS
$$ SELECT ((n % 18446744073709551616) - CASE WHEN n % 18446744073709551616 >= 9223372036854775808
											  THEN 18446744073709551616 ELSE 0 END)::bigint::bit(64) $$;
CREATE FUNCTION pg_temp.mix(z numeric) RETURNS numeric LANGUAGE sql AS $$
	SELECT pg_temp.u64(pg_temp.b64(z2) # (pg_temp.b64(z2) >> 31))
	FROM (SELECT (pg_temp.u64(pg_temp.b64(z1) # (pg_temp.b64(z1) >> 27)) * 10723151780598845931) % 18446744073709551616 AS z2
		  FROM (SELECT (pg_temp.u64(pg_temp.b64(z) # (pg_temp.b64(z) >> 30)) * 13787848793156543929) % 18446744073709551616 AS z1) a) b
$$;
WITH parts AS (
	SELECT r.ranking, r.weight, row_number() OVER (ORDER BY r.area_no) AS i
	FROM model_rankings('sonderborg-2023', '2023') r WHERE r.part IN ('goal', 'area') AND r.weight IS NOT NULL
),
factors AS (
	-- seed 42, spread 0.3: 300000 millionths either side
	SELECT p.*, 1000000 - 300000 + floor(pg_temp.mix((42 + p.i * 11400714819323198485) % 18446744073709551616) * 600001
										 / 18446744073709551616) AS factor
	FROM parts p
),
oracle AS (
	SELECT u.entity AS kommune, u.placement
	FROM (SELECT weighted_placement(f.ranking, f.weight * f.factor / 1000000, 'exclude') AS ranking FROM factors f) w,
		 unnest(w.ranking) u
)
SELECT count(*) AS municipalities,
	   count(*) FILTER (WHERE s.best IS DISTINCT FROM o.placement OR s.worst IS DISTINCT FROM o.placement) AS differ,
	   count(*) FILTER (WHERE s.best IS DISTINCT FROM s.placement) > 0 AS draw_moved_someone
FROM model_sensitivity('sonderborg-2023', '2023', 1, 0.3, 42) s FULL JOIN oracle o USING (kommune);

-- the named scenarios, summarised
SELECT scenario, kind, ranked, count(*) FILTER (WHERE places_gained <> 0) AS moved,
	   max(abs(places_gained)) AS most_places, max(scenario_placement) FILTER (WHERE kommune = 'Sønderborg') AS soenderborg
FROM model_scenarios('sonderborg-2023', '2023')
GROUP BY scenario, kind, ranked ORDER BY min(CASE kind WHEN 'nominal' THEN 0 WHEN 'missing-data policy' THEN 1 ELSE 2 END), scenario;

-- each scenario against the runner on an edited copy of the model
CREATE TEMP TABLE sc AS SELECT * FROM model_scenarios('sonderborg-2023', '2023');
CREATE FUNCTION pg_temp.scenario_differs(scenario_name text) RETURNS bigint LANGUAGE sql AS $$
	SELECT count(*) FROM (SELECT kommune, scenario_placement FROM sc WHERE scenario = scenario_name) s
	FULL JOIN (SELECT kommune, placement FROM model_placements('regress-explain', '2023') WHERE part = 'total') p USING (kommune)
	WHERE s.scenario_placement IS DISTINCT FROM p.placement
$$;
SELECT 'nominal' AS scenario, pg_temp.scenario_differs('nominal') AS differ
UNION ALL SELECT 'missing: exclude', pg_temp.scenario_differs('missing: exclude');
UPDATE model_area SET missing = 'worst' WHERE model = 'regress-explain';
SELECT 'missing: worst' AS scenario, pg_temp.scenario_differs('missing: worst') AS differ;
UPDATE model_area SET missing = 'scale' WHERE model = 'regress-explain';
UPDATE model SET total_missing = 'scale' WHERE model = 'regress-explain';
SELECT 'missing: scale' AS scenario, pg_temp.scenario_differs('missing: scale') AS differ;
UPDATE model_area SET missing = 'exclude' WHERE model = 'regress-explain';
UPDATE model SET total_missing = 'exclude' WHERE model = 'regress-explain';
DELETE FROM model_measure WHERE model = 'regress-explain' AND measure = 'langtidsledige';
SELECT 'without langtidsledige' AS scenario, pg_temp.scenario_differs('without langtidsledige') AS differ;
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, description_da, description_en,
						   higher_is_better, unit, source, jobindsats)
SELECT 'regress-explain', measure, area_no, position, name_da, name_en, description_da, description_en,
	   higher_is_better, unit, source, jobindsats
FROM model_measure WHERE model = 'sonderborg-2023' AND measure = 'langtidsledige';
-- the only measure of area 7: the area leaves the total
DELETE FROM model_measure WHERE model = 'regress-explain' AND measure = 'delvis_raskmelding';
SELECT 'without delvis_raskmelding' AS scenario, pg_temp.scenario_differs('without delvis_raskmelding') AS differ;

--
-- 5. Chart views
--
SELECT period, period_start, part, placement, ranked
FROM model_placements_over_time
WHERE model = 'sonderborg-2023' AND kommune = 'Sønderborg' AND part = 'total' ORDER BY period;
SELECT period, kommune_code, placement, best, p05, median, p95, worst, draws, weight_spread, draw_seed
FROM model_rank_intervals WHERE model = 'sonderborg-2023' AND kommune = 'Sønderborg' ORDER BY period;
-- the views agree with the functions they show
SELECT count(*) AS rows_, count(*) FILTER (WHERE i.placement IS DISTINCT FROM s.placement OR i.best IS DISTINCT FROM s.best
										   OR i.median IS DISTINCT FROM s.median OR i.worst IS DISTINCT FROM s.worst) AS differ
FROM (SELECT * FROM model_rank_intervals WHERE model = 'sonderborg-2023' AND period = '2023') i
FULL JOIN model_sensitivity('sonderborg-2023', '2023', 1000, 0.2, 1) s USING (kommune);

--
-- Bad arguments: clear errors with SQLSTATEs
--
SELECT q, pg_temp.err(q) FROM (VALUES
	($$SELECT * FROM model_changes('no-such-model', 'Sønderborg', '2022', '2023')$$),
	($$SELECT * FROM model_changes('sonderborg-2023', 'Atlantis', '2022', '2023')$$),
	($$SELECT * FROM model_changes('sonderborg-2023', 'Læsø', '2022', '2023')$$),
	($$SELECT * FROM model_changes('sonderborg-2023', 'Sønderborg', '2022-03', '2023')$$),
	($$SELECT * FROM model_changes('sonderborg-2023', 'Sønderborg', '2022', '2030')$$),
	($$SELECT * FROM model_changes(NULL, 'Sønderborg', '2022', '2023')$$),
	($$SELECT * FROM model_changes('sonderborg-2023', NULL, '2022', '2023')$$),
	($$SELECT * FROM model_changes('sonderborg-2023', 'Sønderborg', NULL, '2023')$$),
	($$SELECT * FROM model_placement_gaps('sonderborg-2023', '2030')$$),
	($$SELECT * FROM model_placement_gaps('sonderborg-2023', NULL)$$),
	($$SELECT * FROM model_what_it_takes('no-such-model', 'Sønderborg', '2023')$$),
	($$SELECT * FROM model_what_it_takes('sonderborg-2023', 'Sønderbrog', '2023')$$),
	($$SELECT * FROM model_what_it_takes('sonderborg-2023', 'Sønderborg', '2030')$$),
	($$SELECT * FROM model_what_it_takes('sonderborg-2023', 'Sønderborg', NULL)$$),
	($$SELECT * FROM model_next_place('sonderborg-2023', NULL, '2023')$$),
	($$SELECT * FROM model_next_place('sonderborg-2023', 'Fanø', '2023')$$),
	($$SELECT * FROM model_sensitivity('sonderborg-2023', '2023', -1, 0.2, 1)$$),
	($$SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 10, 1, 1)$$),
	($$SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 10, -0.1, 1)$$),
	($$SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 10, 0.2, NULL)$$),
	($$SELECT * FROM model_sensitivity('sonderborg-2023', '2030', 10, 0.2, 1)$$),
	($$SELECT * FROM model_sensitivity('no-such-model', '2023', 10, 0.2, 1)$$),
	($$SELECT * FROM model_scenarios('sonderborg-2023', NULL)$$),
	($$SELECT * FROM model_scenarios('sonderborg-2023', '2023Q5')$$),
	($$SELECT * FROM benchmark.weighted_placement_draws('{}', '{1}', 'exclude', 1, 0, 1, 10)$$),
	($$SELECT * FROM benchmark.weighted_placement_draws('{"{1:\"a\"=1}"}', '{-1}', 'exclude', 1, 0, 1, 10)$$),
	($$SELECT * FROM benchmark.weighted_placement_draws('{"{1:\"a\"=1}"}', '{1}', 'worst', 1, 0, 1, 10)$$),
	($$SELECT * FROM benchmark.weighted_placement_draws('{"{1:\"a\"=1}"}', '{1}', 'exclude', 1, 'NaN', 1, 10)$$),
	($$SELECT * FROM benchmark.weighted_placement_draws('{"{1:\"a\"=1}"}', '{1}', 'exclude', 1, 0, 1, 0)$$),
	($$SELECT * FROM benchmark.weighted_placement_draws('{"{1:\"a\"=1}"}', '{NULL}', 'exclude', 1, 0, 1, 10)$$)
) t(q);

-- weighted_placement_draws with no draws, and over no rankings
SELECT * FROM benchmark.weighted_placement_draws('{"{1:\"a\"=1, 2:\"b\"=2}", "{1:\"b\"=1, 2:\"a\"=2}"}', '{2, 1}', 'exclude', 0, 0.5, 1, 1);
SELECT * FROM benchmark.weighted_placement_draws('{}', '{}', 'exclude', 10, 0.5, 1, 1);

DELETE FROM model WHERE model = 'regress-explain';
DROP TABLE regress_explain.edited;
DROP SCHEMA regress_explain;

-- the copy of the sample goes
\c :sample_home
DROP DATABASE :"sample_db";
