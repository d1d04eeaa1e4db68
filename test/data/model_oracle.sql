-- An independent computation of a model's placements in plain SQL (window
-- functions, exact fractions by cross-multiplication), for the tests: it does
-- not use the extension's runner or aggregates.  Creates pg_temp.oracle(model).
-- Returns (period, part, item_key, kommune, placement, score) for every
-- municipality that is placed; compare with model_placements.

CREATE FUNCTION pg_temp.oracle_sources(m text) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(format('SELECT %L AS what, %L AS item, kommune::text AS kommune, period::text AS period, value::numeric AS v FROM %s',
							 what, item, source), ' UNION ALL ')
	FROM (SELECT 'measure' AS what, measure AS item, source FROM model_measure WHERE model = m
		  UNION ALL SELECT 'benefit', benefit, source FROM model_benefit WHERE model = m) s
$$;

CREATE FUNCTION pg_temp.oracle(m text)
RETURNS TABLE (period text, part text, item_key text, kommune text, placement bigint, score numeric)
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
	WITH src AS MATERIALIZED (
		SELECT * FROM (%s) s
		WHERE kommune NOT IN (SELECT x.kommune::text FROM model_excluded x WHERE x.model = $1)
	),
	universe AS (SELECT DISTINCT kommune FROM src),
	n_universe AS (SELECT count(*) AS n FROM universe),
	periods AS (SELECT DISTINCT period FROM src),
	mm AS (SELECT * FROM model_measure WHERE model = $1),
	mv AS (  -- every (period, measure, kommune), value or NULL
		SELECT p.period, mm.measure, mm.area_no, mm.higher_is_better, u.kommune, s.v
		FROM periods p CROSS JOIN mm CROSS JOIN universe u
		LEFT JOIN src s ON s.what = 'measure' AND s.item = mm.measure AND s.kommune = u.kommune AND s.period = p.period
	),
	mr AS (
		SELECT mv.*, CASE WHEN v IS NOT NULL THEN
				   rank() OVER (PARTITION BY period, measure, v IS NULL
								ORDER BY CASE WHEN higher_is_better THEN -v::float8 ELSE v::float8 END) END AS r
		FROM mv
	),
	area_sum AS (
		SELECT mr.period, a.area_no, a.in_total, a.weight, mr.kommune,
			   CASE a.missing
				   WHEN 'exclude' THEN CASE WHEN count(r) = count(*) THEN sum(r) END
				   WHEN 'worst' THEN sum(coalesce(r, (SELECT n FROM n_universe)))
				   WHEN 'scale' THEN CASE WHEN count(r) > 0 THEN sum(r) * count(*) / count(r) END
			   END AS s
		FROM mr JOIN model_area a ON a.model = $1 AND a.area_no = mr.area_no
		GROUP BY mr.period, a.area_no, a.in_total, a.weight, mr.kommune, a.missing
	),
	ar AS (
		SELECT area_sum.*, CASE WHEN s IS NOT NULL THEN rank() OVER (PARTITION BY period, area_no, s IS NULL ORDER BY s) END AS r
		FROM area_sum
	),
	mdl AS (SELECT * FROM model WHERE model = $1),
	base_rows AS (
		SELECT s.* FROM src s, mdl
		WHERE s.what = 'benefit' AND s.period ~ '^[0-9]{4}$' AND s.period::int BETWEEN mdl.baseline_from AND mdl.baseline_to
	),
	base_expected AS (SELECT item, count(DISTINCT period) AS n FROM base_rows GROUP BY item),
	base AS (
		SELECT b.item, b.kommune, CASE WHEN count(b.v) = e.n THEN avg(b.v) END AS base
		FROM base_rows b JOIN base_expected e USING (item)
		GROUP BY b.item, b.kommune, e.n
	),
	bv AS (
		SELECT p.period, b.benefit, u.kommune, lvl.v AS level, bs.base
		FROM periods p CROSS JOIN model_benefit b CROSS JOIN universe u
		LEFT JOIN src lvl ON lvl.what = 'benefit' AND lvl.item = b.benefit AND lvl.kommune = u.kommune AND lvl.period = p.period
		LEFT JOIN base bs ON bs.item = b.benefit AND bs.kommune = u.kommune
		WHERE b.model = $1 AND p.period ~ '^[0-9]{4}$'
	),
	bd AS (
		SELECT period, benefit, kommune, CASE WHEN base <> 0 THEN (level - base) / base END AS d FROM bv
		UNION ALL
		SELECT period, 'ydelser_i_alt', kommune,
			   CASE WHEN count(level) = count(*) AND count(base) = count(*) AND sum(base) <> 0
					THEN (sum(level) - sum(base)) / sum(base) END
		FROM bv GROUP BY period, kommune
	),
	br AS (
		SELECT bd.*, CASE WHEN d IS NOT NULL THEN rank() OVER (PARTITION BY period, benefit, d IS NULL ORDER BY d::float8) END AS r
		FROM bd
	),
	goal_sum AS (
		SELECT br.period, br.kommune,
			   CASE (SELECT goal_rule FROM mdl)
				   WHEN 'total' THEN max(r) FILTER (WHERE benefit = 'ydelser_i_alt')
				   ELSE CASE (SELECT goal_missing FROM mdl)
							WHEN 'exclude' THEN CASE WHEN count(r) FILTER (WHERE benefit <> 'ydelser_i_alt') = count(*) - 1
													 THEN sum(r) FILTER (WHERE benefit <> 'ydelser_i_alt') END
							WHEN 'worst' THEN sum(coalesce(r, (SELECT n FROM n_universe))) FILTER (WHERE benefit <> 'ydelser_i_alt')
							ELSE CASE WHEN count(r) FILTER (WHERE benefit <> 'ydelser_i_alt') > 0
									  THEN sum(r) FILTER (WHERE benefit <> 'ydelser_i_alt') * (count(*) - 1)
										   / count(r) FILTER (WHERE benefit <> 'ydelser_i_alt') END
						END
			   END AS s
		FROM br GROUP BY br.period, br.kommune
	),
	goal AS (
		SELECT goal_sum.*, CASE WHEN s IS NOT NULL THEN rank() OVER (PARTITION BY period, s IS NULL ORDER BY s) END AS r
		FROM goal_sum
	),
	parts AS (
		SELECT period, kommune, r, (SELECT goal_weight FROM mdl) AS w FROM goal
		UNION ALL
		SELECT period, kommune, r, weight FROM ar WHERE in_total
	),
	total_frac AS (
		SELECT period, kommune,
			   CASE WHEN (SELECT total_missing FROM mdl) = 'exclude' AND count(r) < count(*) THEN NULL
					WHEN count(r) = 0 THEN NULL
					ELSE sum(w * r) END AS num,
			   sum(w) FILTER (WHERE r IS NOT NULL) AS den
		FROM parts GROUP BY period, kommune
	),
	total AS (
		SELECT a.period, a.kommune,
			   1 + (SELECT count(*) FROM total_frac b
					WHERE b.period = a.period AND b.num IS NOT NULL AND b.num * a.den < a.num * b.den) AS r,
			   a.num / a.den AS s
		FROM total_frac a WHERE a.num IS NOT NULL
	)
	SELECT period, 'measure', measure, kommune, r, v FROM mr WHERE r IS NOT NULL
	UNION ALL SELECT period, 'area', 'area:' || area_no, kommune, r, s FROM ar WHERE r IS NOT NULL
	-- a year inside the baseline term has no development: no benefit, goal or total placement
	UNION ALL SELECT period, 'benefit', benefit, kommune, r, d FROM br
		WHERE r IS NOT NULL AND period::int NOT BETWEEN (SELECT baseline_from FROM mdl) AND (SELECT baseline_to FROM mdl)
	UNION ALL SELECT period, 'goal', 'goal', kommune, r, s FROM goal
		WHERE r IS NOT NULL AND period::int NOT BETWEEN (SELECT baseline_from FROM mdl) AND (SELECT baseline_to FROM mdl)
	UNION ALL SELECT period, 'total', 'total', kommune, r, s FROM total
		WHERE period::int NOT BETWEEN (SELECT baseline_from FROM mdl) AND (SELECT baseline_to FROM mdl)
	$q$, pg_temp.oracle_sources(m)) USING m;
END $$;

-- pg_temp.oracle_diff(model): rows where the runner and the oracle disagree on
-- who is placed where (an empty result is a pass).
CREATE FUNCTION pg_temp.oracle_diff(m text)
RETURNS TABLE (side text, period text, part text, item_key text, kommune text, placement bigint)
LANGUAGE sql AS $$
	WITH runner AS (
		SELECT period, part, item_key, kommune, placement::bigint
		FROM model_placements(m) WHERE placement IS NOT NULL
		  AND (part <> 'benefit' OR period ~ '^[0-9]{4}$')
	),
	o AS (SELECT period, part, item_key, kommune, placement FROM pg_temp.oracle(m))
	(SELECT 'runner only', * FROM runner EXCEPT SELECT 'runner only', * FROM o)
	UNION ALL
	(SELECT 'oracle only', * FROM o EXCEPT SELECT 'oracle only', * FROM runner)
	ORDER BY 2, 3, 4, 5, 1
$$;
