/* Target follow-up: the link to the model catalog, validation, peer averages, target status and scorecards */

/*
 * The link to the model catalog, kept in one place: which source relation a
 * target reads, and the catalog's direction of its measure.
 */
CREATE VIEW benchmark.target_source AS
SELECT t.target,
	   coalesce(t.source, mm.source, mb.source) AS source,
	   CASE WHEN t.measure IS NOT NULL THEN pg_catalog.format('%s/%s', t.model, t.measure)
			WHEN t.benefit IS NOT NULL THEN pg_catalog.format('%s/benefit:%s', t.model, t.benefit)
			ELSE t.source END AS follows,
	   mm.higher_is_better
FROM benchmark.target t
LEFT JOIN benchmark.model_measure mm ON mm.model = t.model AND mm.measure = t.measure
LEFT JOIN benchmark.model_benefit mb ON mb.model = t.model AND mb.benefit = t.benefit;

COMMENT ON VIEW benchmark.target_source IS
'For each target: the source relation it reads (its own, or its catalog measure''s or benefit''s), what it follows (model/measure, model/benefit:name or the source), and the catalog direction of the measure';

GRANT SELECT ON benchmark.target_source TO PUBLIC;

/* True when a source relation has numerator and denominator columns. */
CREATE FUNCTION benchmark_internal.target_source_has_ratio(source text)
RETURNS boolean
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
BEGIN
	BEGIN
		rel := pg_catalog.to_regclass(source);
	EXCEPTION WHEN OTHERS THEN
		RETURN NULL;
	END;
	IF rel IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN (SELECT pg_catalog.count(*) = 2 FROM pg_catalog.pg_attribute a
			WHERE a.attrelid = rel AND a.attname IN ('numerator', 'denominator') AND a.attnum > 0 AND NOT a.attisdropped);
END
$$;

COMMENT ON FUNCTION benchmark_internal.target_source_has_ratio(text) IS
'True when a source relation has numerator and denominator columns (needed for pooled averages of levels); NULL when it does not exist';

/* Checks a target against the catalog, its source, its periods and milestones. */
CREATE FUNCTION benchmark_internal.target_validate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mm record;
	p record;
	src text;
	hib boolean;
	kinds text[];
	bad_milestone record;
BEGIN
	IF NEW.shipped OR TG_OP = 'INSERT' AND benchmark_internal.restoring_dump() THEN
		RETURN NEW;		/* shipped rows, and rows a restore loads, were checked when first written */
	END IF;

	/* What the target follows: the catalog (model with measure or benefit) or a source. */
	IF NEW.model IS NOT NULL THEN
		IF NEW.source IS NOT NULL OR pg_catalog.num_nonnulls(NEW.measure, NEW.benefit) <> 1 THEN
			RAISE EXCEPTION 'target "%" must follow exactly one measure', NEW.target
				USING ERRCODE = 'check_violation', CONSTRAINT = 'target_follows_one_measure',
					HINT = 'Give model with measure or with benefit (the model catalog), or source alone (a relation of your own).';
		END IF;
		IF NEW.measure IS NOT NULL THEN
			SELECT x.unit, x.higher_is_better, x.source INTO mm
			FROM benchmark.model_measure x WHERE x.model = NEW.model AND x.measure = NEW.measure;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'target "%" follows an unknown measure: model "%" has no measure "%"', NEW.target, NEW.model, NEW.measure
					USING ERRCODE = 'foreign_key_violation',
						HINT = 'The measures are listed in table model_measure; for data of your own set source (a table or view) instead of model and measure.';
			END IF;
			hib := mm.higher_is_better;
			NEW.unit := coalesce(NEW.unit, mm.unit);
		ELSE
			SELECT x.source INTO mm
			FROM benchmark.model_benefit x WHERE x.model = NEW.model AND x.benefit = NEW.benefit;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'target "%" follows an unknown benefit: model "%" has no benefit "%"', NEW.target, NEW.model, NEW.benefit
					USING ERRCODE = 'foreign_key_violation',
						HINT = 'The benefits are listed in table model_benefit.';
			END IF;
			NEW.unit := coalesce(NEW.unit, 'fuldtidspersoner');
		END IF;
		src := mm.source;
	ELSIF NEW.source IS NOT NULL THEN
		IF pg_catalog.num_nonnulls(NEW.measure, NEW.benefit) > 0 THEN
			RAISE EXCEPTION 'target "%" must follow exactly one measure', NEW.target
				USING ERRCODE = 'check_violation', CONSTRAINT = 'target_follows_one_measure',
					HINT = 'A measure or benefit belongs to a model: give model too, or leave them out when you give source.';
		END IF;
		PERFORM benchmark_internal.source_check(NEW.source, pg_catalog.format('target "%s" follows an unusable source', NEW.target),
									   '{kommune,period,value}', '{value,numerator,denominator}');
		IF NEW.unit IS NULL OR NEW.unit = '' THEN
			RAISE EXCEPTION 'target "%" needs a unit', NEW.target
				USING ERRCODE = 'not_null_violation', CONSTRAINT = 'target_unit_given',
					HINT = 'Say what the source''s value measures: pct. for a share in per cent (target levels are then checked to lie in 0-100), fuldtidspersoner, personer, antal ...';
		END IF;
		src := NEW.source;
	ELSE
		RAISE EXCEPTION 'target "%" follows no measure', NEW.target
			USING ERRCODE = 'check_violation', CONSTRAINT = 'target_follows_one_measure',
				HINT = 'Give model with measure or with benefit (the model catalog), or source (a relation of your own).';
	END IF;

	/* The direction must agree with the catalog's direction of the measure. */
	IF hib IS NOT NULL AND (NEW.direction = 'at_least') <> hib THEN
		RAISE EXCEPTION 'target "%" contradicts the direction of measure "%"', NEW.target, NEW.measure
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('In model "%s" a %s value of "%s" is better, but the target asks for a value %s the target value.',
										   NEW.model, CASE WHEN hib THEN 'higher' ELSE 'lower' END, NEW.measure,
										   CASE NEW.direction WHEN 'at_most' THEN 'at most' ELSE 'at least' END),
				HINT = pg_catalog.format('Use direction = %L.', CASE WHEN hib THEN 'at_least' ELSE 'at_most' END);
	END IF;

	/* A share in per cent lies in 0-100. */
	IF NEW.unit = 'pct.' AND NEW.level NOT BETWEEN 0 AND 100 THEN
		RAISE EXCEPTION 'target "%": level % is not a percentage between 0 and 100', NEW.target, NEW.level
			USING ERRCODE = 'check_violation',
				DETAIL = 'The measure''s unit is pct., a share in per cent.',
				HINT = 'Write the level in per cent (25 for 25 %), or give another unit if the value is not a share (e.g. pct.-point).';
	END IF;

	/* Periods: of one kind, in order, after the baseline. */
	kinds := ARRAY[benchmark.period_kind(NEW.baseline_period), benchmark.period_kind(NEW.first_period),
				   benchmark.period_kind(NEW.last_period)];
	IF (SELECT pg_catalog.count(DISTINCT k) FROM pg_catalog.unnest(kinds) k) > 1 THEN
		RAISE EXCEPTION 'target "%" mixes kinds of periods', NEW.target
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('baseline_period %s, first_period %s and last_period %s are not all years, all quarters or all months.',
										   coalesce(NEW.baseline_period, '-'), coalesce(NEW.first_period, '-'), coalesce(NEW.last_period, '-')),
				HINT = 'The target is followed in periods of one kind: give all three as years (2024), quarters (2024Q1) or months (2024M03).';
	END IF;
	IF benchmark.period_index(NEW.last_period) < benchmark.period_index(NEW.first_period) THEN
		RAISE EXCEPTION 'target "%": last_period % comes before first_period %', NEW.target, NEW.last_period, NEW.first_period
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF benchmark.period_index(NEW.first_period) <= benchmark.period_index(NEW.baseline_period)
	   OR benchmark.period_index(NEW.last_period) <= benchmark.period_index(NEW.baseline_period) THEN
		RAISE EXCEPTION 'target "%" is followed from period %, which is not after its baseline period %', NEW.target,
			CASE WHEN benchmark.period_index(NEW.first_period) <= benchmark.period_index(NEW.baseline_period)
				 THEN NEW.first_period ELSE NEW.last_period END, NEW.baseline_period
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'A change is measured in the periods after the baseline.';
	END IF;
	IF NEW.due IS NOT NULL AND NEW.baseline_period IS NOT NULL AND NEW.due <= benchmark.period_end(NEW.baseline_period) THEN
		RAISE EXCEPTION 'target "%" is due on %, not after its baseline period % ends', NEW.target, pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), NEW.baseline_period
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	/* A pooled average of levels adds numerators and denominators. */
	IF NEW.kind = 'peer' AND NEW.peer_average = 'pooled' AND NEW.baseline_period IS NULL
	   AND NOT benchmark_internal.target_source_has_ratio(src) THEN
		RAISE EXCEPTION 'target "%": a pooled peer average needs numerator and denominator columns in source %', NEW.target, src
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = 'The pooled average of a level is the sum of the members'' numerators over the sum of their denominators.',
				HINT = 'Use peer_average = ''mean'', or follow a view that also returns numerator and denominator (value = 100 * numerator / denominator for pct.).';
	END IF;

	/* Milestones already given must still fit. */
	SELECT m.due, m.value INTO bad_milestone
	FROM benchmark.target_milestone m
	WHERE m.target = CASE WHEN TG_OP = 'UPDATE' THEN OLD.target ELSE NEW.target END
	  AND (NEW.kind <> 'level' OR NEW.due IS NULL OR m.due >= NEW.due
		   OR (NEW.unit = 'pct.' AND m.value NOT BETWEEN 0 AND 100))
	ORDER BY m.due LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'target "%" no longer fits its milestone due %', NEW.target, pg_catalog.to_char(bad_milestone.due, 'YYYY-MM-DD')
			USING ERRCODE = 'check_violation',
				DETAIL = 'Milestones belong to level targets with a due date, come before it, and lie in 0-100 for a share in per cent.',
				HINT = 'Delete or change the milestone first.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark_internal.target_validate() IS
'Trigger function: checks a target''s measure or source, unit, direction, share levels, periods, pooled averages and milestones, with errors that say what is wrong';

/* Checks a milestone against its target. */
CREATE FUNCTION benchmark_internal.target_milestone_validate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t benchmark.target;
BEGIN
	IF NEW.shipped OR TG_OP = 'INSERT' AND benchmark_internal.restoring_dump() THEN
		RETURN NEW;		/* shipped rows, and rows a restore loads, were checked when first written */
	END IF;
	SELECT * INTO t FROM benchmark.target x WHERE x.target = NEW.target;
	IF NOT FOUND THEN
		RETURN NEW;		/* reference_check reports it */
	END IF;
	IF t.kind <> 'level' OR t.due IS NULL THEN
		RAISE EXCEPTION 'target "%" takes no milestones', t.target
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('It is a %s target%s.', t.kind, CASE WHEN t.kind = 'level' THEN ' without a due date' ELSE '' END),
				HINT = 'Milestones (delmål) belong to level targets with a due date: set kind = ''level'' and due first.';
	END IF;
	IF NEW.due >= t.due THEN
		RAISE EXCEPTION 'milestone dates out of order: milestone % of target "%" is not before the target''s due date %',
			pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), t.target, pg_catalog.to_char(t.due, 'YYYY-MM-DD')
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('The target asks for %s by %s; a milestone is an intermediate level due earlier.', t.level, pg_catalog.to_char(t.due, 'YYYY-MM-DD')),
				HINT = 'Give the milestone an earlier date, or move the target''s due date.';
	END IF;
	IF t.unit = 'pct.' AND NEW.value NOT BETWEEN 0 AND 100 THEN
		RAISE EXCEPTION 'milestone % of target "%": % is not a percentage between 0 and 100', pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), t.target, NEW.value
			USING ERRCODE = 'check_violation',
				DETAIL = 'The measure''s unit is pct., a share in per cent.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark_internal.target_milestone_validate() IS
'Trigger function: a milestone belongs to a level target with a due date, comes before that date, and lies in 0-100 for a share';

CREATE VIEW benchmark.peer_groups AS
SELECT g.peer_group, g.name_da, g.name_en,
	   (SELECT pg_catalog.count(*)::integer FROM benchmark.peer_group_member m WHERE m.peer_group = g.peer_group) AS members,
	   (SELECT pg_catalog.string_agg(m.kommune::text, ', ' ORDER BY m.kommune)
		FROM benchmark.peer_group_member m WHERE m.peer_group = g.peer_group) AS kommuner,
	   g.definition, g.shipped
FROM benchmark.peer_group g;

COMMENT ON VIEW benchmark.peer_groups IS
'Each peer group with its number of members, their names (by code) and its definition';

GRANT SELECT ON benchmark.peer_groups TO PUBLIC;

/*
 * The one peer average: of a group in a period, from one entry per member
 * of its value, numerator and denominator there (cur, NULL where it has
 * none) and, for a change, in the baseline period (base; NULL for levels).
 * mean: the simple mean of the members' values; pooled: factor x the sum of
 * the numerators / the sum of the denominators of the members that have
 * both; mean_change: the mean of the members' changes in per cent; and
 * pooled_change: the change of the group's pooled level (ratio) or of its
 * total, over the members with values in both periods; each with how many
 * members it counts.
 */
CREATE FUNCTION benchmark_internal.peer_average(cur numeric[], cur_num numeric[], cur_den numeric[],
												base numeric[], base_num numeric[], base_den numeric[],
												ratio boolean, factor numeric)
RETURNS TABLE (members integer, mean_reporting integer, mean numeric, pooled_reporting integer, pooled numeric,
			   mean_change_reporting integer, mean_change numeric, pooled_change_reporting integer, pooled_change numeric)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT pg_catalog.count(*)::integer,
		   pg_catalog.count(x.cv)::integer,
		   pg_catalog.avg(x.cv),
		   (pg_catalog.count(*) FILTER (WHERE x.c_num IS NOT NULL AND x.c_den IS NOT NULL))::integer,
		   peer_average.factor * pg_catalog.sum(x.c_num) FILTER (WHERE x.c_num IS NOT NULL AND x.c_den IS NOT NULL)
		   / NULLIF(pg_catalog.sum(x.c_den) FILTER (WHERE x.c_num IS NOT NULL AND x.c_den IS NOT NULL), 0),
		   (pg_catalog.count(*) FILTER (WHERE x.cv IS NOT NULL AND x.bv IS NOT NULL AND x.bv <> 0))::integer,
		   pg_catalog.avg(100 * (x.cv - x.bv) / x.bv) FILTER (WHERE x.cv IS NOT NULL AND x.bv IS NOT NULL AND x.bv <> 0),
		   (pg_catalog.count(*) FILTER (WHERE pg_catalog.num_nulls(y.cn, y.cd, y.bn, y.bd) = 0))::integer,
		   100 * (pg_catalog.sum(y.cn) FILTER (WHERE pg_catalog.num_nulls(y.cn, y.cd, y.bn, y.bd) = 0)
				  * pg_catalog.sum(y.bd) FILTER (WHERE pg_catalog.num_nulls(y.cn, y.cd, y.bn, y.bd) = 0)
				  / NULLIF(pg_catalog.sum(y.cd) FILTER (WHERE pg_catalog.num_nulls(y.cn, y.cd, y.bn, y.bd) = 0)
						   * pg_catalog.sum(y.bn) FILTER (WHERE pg_catalog.num_nulls(y.cn, y.cd, y.bn, y.bd) = 0), 0) - 1)
	FROM ROWS FROM (pg_catalog.unnest(peer_average.cur), pg_catalog.unnest(peer_average.cur_num),
					pg_catalog.unnest(peer_average.cur_den), pg_catalog.unnest(peer_average.base),
					pg_catalog.unnest(peer_average.base_num), pg_catalog.unnest(peer_average.base_den))
			 AS x(cv, c_num, c_den, bv, b_num, b_den),
		 LATERAL (SELECT CASE WHEN peer_average.ratio THEN x.c_num ELSE x.cv END AS cn,
						 CASE WHEN peer_average.ratio THEN x.c_den ELSE 1 END AS cd,
						 CASE WHEN peer_average.ratio THEN x.b_num ELSE x.bv END AS bn,
						 CASE WHEN peer_average.ratio THEN x.b_den ELSE 1 END AS bd) y;
END;

COMMENT ON FUNCTION benchmark_internal.peer_average(numeric[], numeric[], numeric[], numeric[], numeric[], numeric[], boolean, numeric) IS
'The peer average of a group in a period from its members'' values (and numerators and denominators, and those of a baseline period): members, the simple mean and the pooled value of the levels, the mean change in per cent and the change of the pooled level (ratio) or of the total, each with the members it counts; target status and peer_averages compute with it';

/*
 * Peer group averages of any source: the simple mean of the members' values,
 * and the pooled value (sum of numerators / sum of denominators) where the
 * source has numerator and denominator columns.
 */
CREATE FUNCTION benchmark.peer_averages(source text, peer_group_name text DEFAULT NULL, unit text DEFAULT 'pct.')
RETURNS TABLE (peer_group text, period text, members integer, reporting integer, mean numeric,
			   pooled_reporting integer, pooled numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	relation regclass;
	ratio boolean;
BEGIN
	relation := benchmark_internal.source_check(source, 'peer averages', '{kommune,period,value}', '{value,numerator,denominator}');
	IF peer_group_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM benchmark.peer_group g WHERE g.peer_group = peer_group_name) THEN
		RAISE EXCEPTION 'peer group "%" does not exist', peer_group_name
			USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view peer_groups.';
	END IF;
	ratio := benchmark_internal.target_source_has_ratio(source);
	RETURN QUERY
	WITH vals AS MATERIALIZED (
		SELECT * FROM benchmark_internal.source_values(benchmark_internal.source_select(relation, 'peer averages', source, NULL, ratio))
	),
	member_values AS (
		SELECT g.peer_group, p.period, pg_catalog.array_agg(v.v) AS cur, pg_catalog.array_agg(v.num) AS cur_num,
			   pg_catalog.array_agg(v.den) AS cur_den
		FROM benchmark.peer_group g JOIN benchmark.peer_group_member m ON m.peer_group = g.peer_group
		CROSS JOIN (SELECT DISTINCT v.period FROM vals v) p
		LEFT JOIN vals v ON v.kommune = m.kommune::text AND v.period = p.period
		WHERE peer_averages.peer_group_name IS NULL OR g.peer_group = peer_averages.peer_group_name
		GROUP BY g.peer_group, p.period
	)
	SELECT mv.peer_group, mv.period, a.members, a.mean_reporting, a.mean, a.pooled_reporting, a.pooled
	FROM member_values mv,
		 LATERAL benchmark_internal.peer_average(mv.cur, mv.cur_num, mv.cur_den, NULL, NULL, NULL, ratio,
												 CASE WHEN peer_averages.unit = 'pct.' THEN 100 ELSE 1 END) a
	ORDER BY mv.peer_group, mv.period;
END
$$;

COMMENT ON FUNCTION benchmark.peer_averages(text, text, text) IS
'Per peer group (or one group) and period of a source: members, members reporting a value, the simple mean of their values, and the pooled value (sum of numerators / sum of denominators, times 100 for unit pct.) where the source has numerator and denominator';

/* The target value of a level target at a date: milestones and the final level. */
CREATE FUNCTION benchmark.target_level_at(target_name text, at_date date)
RETURNS numeric
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH t AS (
		SELECT x.level, x.due, x.interpolate FROM benchmark.target x
		WHERE x.target = target_level_at.target_name AND x.kind = 'level'
	),
	pts AS (
		SELECT m.due, m.value FROM benchmark.target_milestone m WHERE m.target = target_level_at.target_name
		UNION ALL
		SELECT t.due, t.level FROM t WHERE t.due IS NOT NULL
	),
	pt_before AS (SELECT p.due, p.value FROM pts p WHERE p.due <= target_level_at.at_date ORDER BY p.due DESC LIMIT 1),
	pt_after AS (SELECT p.due, p.value FROM pts p WHERE p.due > target_level_at.at_date ORDER BY p.due LIMIT 1)
	SELECT CASE WHEN t.due IS NULL THEN t.level
				WHEN b.due IS NULL THEN NULL
				WHEN NOT t.interpolate OR a.due IS NULL THEN b.value
				ELSE b.value + (a.value - b.value) * (target_level_at.at_date - b.due) / (a.due - b.due)
		   END
	FROM t LEFT JOIN pt_before b ON true LEFT JOIN pt_after a ON true;
END;

COMMENT ON FUNCTION benchmark.target_level_at(text, date) IS
'The level a level target asks for at a date: its level when it has no due date; NULL before the first milestone; the latest milestone due, or a straight line between milestones when the target interpolates; the final level from its due date on';

/*
 * Target status: per target and period, the actual value, the target value,
 * met / not met / no data / not due, the gap and the trend.
 */
CREATE FUNCTION benchmark.target_status_for(kommune_name text, target_name text)
RETURNS TABLE (target text, kommune text, kommune_code integer, plan text, title text, kind text, direction text,
			   strict boolean, follows text, unit text, period text, period_start date, period_end date,
			   compared text, actual numeric, target_value numeric, peer_group text, peer_average text,
			   peer_members integer, peer_reporting integer, status text, met boolean, gap numeric, margin numeric,
			   trend numeric, trend_direction text, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
/* as for the runner: JIT compilation of this one query costs more than running it */
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	one_source record;
	checked record;
	read_error text;
	read_state text;
	one_kommune text[];
	one_period text[];
	one_v numeric[];
	one_num numeric[];
	one_den numeric[];
	one_dup boolean[];
	row_src text[] := '{}';
	row_kommune text[] := '{}';
	row_period text[] := '{}';
	row_v numeric[] := '{}';
	row_num numeric[] := '{}';
	row_den numeric[] := '{}';
	row_dup boolean[] := '{}';
	bad_sources text[] := '{}';
	bad_problems text[] := '{}';
	ratio_sources text[] := '{}';
	ratio boolean;
	kommune_filter @extschema@.kommune := kommune_name::@extschema@.kommune;
BEGIN
	/*
	 * Each source is read on its own, so that one unusable source (missing,
	 * not readable, untrusted, or raising an error while read) becomes that
	 * target's status and never stops the report of every other target.
	 */
	FOR one_source IN
		SELECT DISTINCT ts.source
		FROM benchmark.target t JOIN benchmark.target_source ts ON ts.target = t.target
		WHERE (kommune_filter IS NULL OR t.kommune OPERATOR(@extschema@.=) kommune_filter) AND (target_status_for.target_name IS NULL OR t.target = target_status_for.target_name)
		ORDER BY 1
	LOOP
		checked := benchmark.source_problem(one_source.source, '{kommune,period,value}', '{value,numerator,denominator}');
		IF checked.sqlstate IS NOT NULL THEN
			bad_sources := bad_sources || one_source.source;
			bad_problems := bad_problems || checked.problem;
			CONTINUE;
		END IF;
		ratio := benchmark_internal.target_source_has_ratio(one_source.source);
		IF ratio THEN
			ratio_sources := ratio_sources || one_source.source;
		END IF;
		BEGIN
			SELECT pg_catalog.array_agg(x.kommune), pg_catalog.array_agg(x.period), pg_catalog.array_agg(x.v),
				   pg_catalog.array_agg(x.num), pg_catalog.array_agg(x.den), pg_catalog.array_agg(x.dup)
			INTO one_kommune, one_period, one_v, one_num, one_den, one_dup
			FROM benchmark_internal.source_values(benchmark_internal.source_select(checked.relation::regclass, 'target', one_source.source, NULL, ratio)) x;
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS read_error = MESSAGE_TEXT, read_state = RETURNED_SQLSTATE;
			IF benchmark_internal.error_is_cancel_or_resources(read_state) THEN
				RAISE;
			END IF;
			bad_sources := bad_sources || one_source.source;
			bad_problems := bad_problems || pg_catalog.format('reading source %s failed: %s (SQLSTATE %s)', checked.relation, read_error, read_state);
			CONTINUE;
		END;
		row_src := row_src || pg_catalog.array_fill(one_source.source, ARRAY[coalesce(pg_catalog.cardinality(one_kommune), 0)]);
		row_kommune := row_kommune || one_kommune;
		row_period := row_period || one_period;
		row_v := row_v || one_v;
		row_num := row_num || one_num;
		row_den := row_den || one_den;
		row_dup := row_dup || one_dup;
	END LOOP;

	RETURN QUERY
	WITH t AS MATERIALIZED (
		SELECT x.*, ts.source AS src, ts.follows, ts.source = ANY (ratio_sources) AS ratio,
			   pg_catalog.array_position(bad_sources, ts.source) AS bad,
			   coalesce(benchmark.period_kind(x.baseline_period), benchmark.period_kind(x.first_period),
						benchmark.period_kind(x.last_period)) AS pkind,
			   CASE WHEN x.unit = 'pct.' THEN 100 ELSE 1 END AS factor
		FROM benchmark.target x JOIN benchmark.target_source ts ON ts.target = x.target
		WHERE (kommune_filter IS NULL OR x.kommune OPERATOR(@extschema@.=) kommune_filter)
		  AND (target_status_for.target_name IS NULL OR x.target = target_status_for.target_name)
	),
	vals AS MATERIALIZED (
		SELECT g.*, benchmark.period_kind(g.period) AS pkind, benchmark.period_index(g.period) AS pidx
		FROM ROWS FROM (pg_catalog.unnest(row_src), pg_catalog.unnest(row_kommune), pg_catalog.unnest(row_period),
						pg_catalog.unnest(row_v), pg_catalog.unnest(row_num), pg_catalog.unnest(row_den),
						pg_catalog.unnest(row_dup)) AS g(src, kommune, period, v, num, den, dup)
	),
	per AS (
		SELECT t.target, p.period
		FROM t CROSS JOIN LATERAL benchmark.period_series(t.first_period, t.last_period) p(period)
		WHERE t.first_period IS NOT NULL AND t.last_period IS NOT NULL
		  AND (t.baseline_period IS NULL OR benchmark.period_index(p.period) > benchmark.period_index(t.baseline_period))
		UNION
		SELECT t.target, v.period
		FROM t JOIN vals v ON v.src = t.src AND v.kommune = t.kommune::text
		WHERE NOT (t.first_period IS NOT NULL AND t.last_period IS NOT NULL)
		  AND (t.pkind IS NULL OR v.pkind = t.pkind)
		  AND (t.first_period IS NULL OR v.pidx >= benchmark.period_index(t.first_period))
		  AND (t.last_period IS NULL OR v.pidx <= benchmark.period_index(t.last_period))
		  AND (t.baseline_period IS NULL OR v.pidx > benchmark.period_index(t.baseline_period))
		UNION
		SELECT t.target, NULL FROM t
		WHERE t.bad IS NOT NULL AND NOT (t.first_period IS NOT NULL AND t.last_period IS NOT NULL)
	),
	r AS (
		SELECT t.*, p.period, benchmark.period_kind(p.period) AS perkind, benchmark.period_index(p.period) AS pidx,
			   benchmark.period_start(p.period) AS ps, benchmark.period_end(p.period) AS pe,
			   benchmark.period_previous(p.period) AS prev_period,
			   cur.v AS cur_v, coalesce(cur.dup, false) AS cur_dup, cur.src IS NOT NULL AS cur_row,
			   base.v AS base_v, coalesce(base.dup, false) AS base_dup,
			   prev.v AS prev_v, coalesce(prev.dup, false) AS prev_dup
		FROM t JOIN per p ON p.target = t.target
		LEFT JOIN vals cur ON cur.src = t.src AND cur.kommune = t.kommune::text AND cur.period = p.period
		LEFT JOIN vals base ON base.src = t.src AND base.kommune = t.kommune::text AND base.period = t.baseline_period
		LEFT JOIN vals prev ON prev.src = t.src AND prev.kommune = t.kommune::text
						   AND prev.period = benchmark.period_previous(p.period)
	),
	peer_rows AS (
		SELECT r.target, r.period, r.ratio, r.factor, c.v AS cv, c.num AS c_num, c.den AS c_den,
			   b.v AS bv, b.num AS b_num, b.den AS b_den
		FROM r JOIN benchmark.peer_group_member m ON m.peer_group = r.peer_group
		LEFT JOIN vals c ON c.src = r.src AND c.kommune = m.kommune::text AND c.period = r.period
		LEFT JOIN vals b ON b.src = r.src AND b.kommune = m.kommune::text AND b.period = r.baseline_period
		WHERE r.kind = 'peer'
	),
	peer AS (
		SELECT x.target, x.period, a.*
		FROM (SELECT pr.target, pr.period, pr.ratio, pr.factor,
					 pg_catalog.array_agg(pr.cv) AS cur, pg_catalog.array_agg(pr.c_num) AS cur_num,
					 pg_catalog.array_agg(pr.c_den) AS cur_den, pg_catalog.array_agg(pr.bv) AS base,
					 pg_catalog.array_agg(pr.b_num) AS base_num, pg_catalog.array_agg(pr.b_den) AS base_den
			  FROM peer_rows pr
			  GROUP BY pr.target, pr.period, pr.ratio, pr.factor) x,
			 LATERAL benchmark_internal.peer_average(x.cur, x.cur_num, x.cur_den, x.base, x.base_num, x.base_den,
													 x.ratio, x.factor) a
	),
	series AS (
		SELECT t.target, v.pkind, v.pidx, v.v
		FROM t JOIN vals v ON v.src = t.src AND v.kommune = t.kommune::text
	),
	trend AS (
		SELECT s.target, s.pkind, s.pidx,
			   ((pg_catalog.count(s.v) OVER w) * (pg_catalog.sum(s.pidx::numeric * s.v) OVER w)
				- (pg_catalog.sum(s.pidx::numeric) FILTER (WHERE s.v IS NOT NULL) OVER w) * (pg_catalog.sum(s.v) OVER w))
			   / NULLIF((pg_catalog.count(s.v) OVER w) * (pg_catalog.sum(s.pidx::numeric * s.pidx) FILTER (WHERE s.v IS NOT NULL) OVER w)
						- (pg_catalog.sum(s.pidx::numeric) FILTER (WHERE s.v IS NOT NULL) OVER w) ^ 2, 0) AS slope
		FROM series s
		WINDOW w AS (PARTITION BY s.target, s.pkind ORDER BY s.pidx RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)
	),
	c AS (
		SELECT r.*, pa.members, pa.mean_reporting, pa.pooled_reporting, pa.mean_change_reporting, pa.pooled_change_reporting,
			   CASE WHEN r.kind = 'peer' AND r.baseline_period IS NOT NULL THEN 'change in %' ELSE 'level' END AS compared,
			   CASE WHEN r.kind = 'peer' AND r.baseline_period IS NOT NULL
					THEN CASE WHEN r.base_v <> 0 THEN 100 * (r.cur_v - r.base_v) / r.base_v END
					ELSE r.cur_v END AS actual,
			   CASE r.kind
					WHEN 'level' THEN benchmark.target_level_at(r.target, r.pe)
					WHEN 'change' THEN
						CASE WHEN r.base_v IS NULL OR r.base_v = 0 THEN NULL
							 WHEN r.per_year THEN r.base_v * (1 + r.change_pct / 100)
								  ^ (EXTRACT(year FROM r.pe) - EXTRACT(year FROM benchmark.period_end(r.baseline_period)))
							 WHEN r.due IS NULL OR r.pe >= r.due THEN r.base_v * (1 + r.change_pct / 100)
							 WHEN r.interpolate THEN r.base_v * (1 + r.change_pct / 100
								  * (r.pe - benchmark.period_end(r.baseline_period))
								  / (r.due - benchmark.period_end(r.baseline_period)))
						END
					WHEN 'peer' THEN
						CASE WHEN r.baseline_period IS NULL
							 THEN CASE r.peer_average WHEN 'mean' THEN pa.mean ELSE pa.pooled END
							 ELSE CASE r.peer_average WHEN 'mean' THEN pa.mean_change ELSE pa.pooled_change END
						END
					WHEN 'previous' THEN r.prev_v
			   END AS tv,
			   CASE WHEN r.kind = 'peer' THEN
						CASE WHEN r.baseline_period IS NULL
							 THEN CASE r.peer_average WHEN 'mean' THEN pa.mean_reporting ELSE pa.pooled_reporting END
							 ELSE CASE r.peer_average WHEN 'mean' THEN pa.mean_change_reporting ELSE pa.pooled_change_reporting END
						END
			   END AS reporting,
			   (r.kind = 'level' AND r.due IS NOT NULL AND benchmark.target_level_at(r.target, r.pe) IS NULL)
			   OR (r.kind = 'change' AND NOT r.per_year AND r.due IS NOT NULL AND NOT r.interpolate AND r.pe < r.due) AS not_due,
			   tr.slope
		FROM r
		LEFT JOIN peer pa ON pa.target = r.target AND pa.period = r.period
		LEFT JOIN trend tr ON tr.target = r.target AND tr.pkind = r.perkind AND tr.pidx = r.pidx
	),
	j AS (
		SELECT c.*,
			   CASE WHEN c.actual IS NULL OR c.tv IS NULL THEN NULL
					WHEN c.direction = 'at_most' THEN CASE WHEN c.strict THEN c.actual < c.tv ELSE c.actual <= c.tv END
					ELSE CASE WHEN c.strict THEN c.actual > c.tv ELSE c.actual >= c.tv END
			   END AS is_met
		FROM c
	)
	SELECT j.target, j.kommune::text, @extschema@.kommune_code(j.kommune), j.plan, j.title, j.kind, j.direction, j.strict,
		   j.follows, CASE WHEN j.compared = 'level' THEN j.unit ELSE '%' END, j.period, j.ps, j.pe, j.compared,
		   j.actual, j.tv, j.peer_group, j.peer_average, j.members, j.reporting,
		   CASE WHEN j.is_met THEN 'met' WHEN NOT j.is_met THEN 'not met' WHEN j.not_due THEN 'not due' ELSE 'no data' END,
		   j.is_met,
		   j.actual - j.tv,
		   CASE j.direction WHEN 'at_most' THEN j.tv - j.actual ELSE j.actual - j.tv END,
		   j.slope,
		   CASE WHEN j.slope IS NULL THEN NULL WHEN j.slope = 0 THEN 'flat'
				WHEN (j.slope < 0) = (j.direction = 'at_most') THEN 'improving' ELSE 'worsening' END,
		   CASE WHEN j.bad IS NOT NULL THEN 'source problem: ' || bad_problems[j.bad]
				WHEN j.not_due THEN pg_catalog.format('not due yet: %s',
					 CASE WHEN j.kind = 'level' THEN 'the first milestone is due '
							   || pg_catalog.to_char((SELECT pg_catalog.min(m.due) FROM benchmark.target_milestone m WHERE m.target = j.target), 'YYYY-MM-DD')
						  ELSE 'the change is due ' || pg_catalog.to_char(j.due, 'YYYY-MM-DD') END)
				WHEN j.cur_dup THEN pg_catalog.format('the source has more than one row for %s in %s', j.kommune, j.period)
				WHEN j.cur_v IS NULL THEN pg_catalog.format('no value for %s in %s (%s)', j.kommune, j.period,
					 CASE WHEN j.cur_row THEN 'suppressed or missing' ELSE 'no row in the source' END)
				WHEN j.kind = 'change' AND (j.base_v IS NULL OR j.base_dup) OR j.kind = 'peer' AND j.baseline_period IS NOT NULL AND j.base_v IS NULL
					 THEN pg_catalog.format('no value for the baseline period %s', j.baseline_period)
				WHEN j.baseline_period IS NOT NULL AND j.base_v = 0
					 THEN pg_catalog.format('the level in the baseline period %s is zero: a relative change is undefined', j.baseline_period)
				WHEN j.kind = 'previous' AND j.prev_v IS NULL THEN pg_catalog.format('no value for the previous period %s', j.prev_period)
				WHEN j.kind = 'peer' AND j.peer_average = 'pooled' AND j.baseline_period IS NULL AND NOT j.ratio
					 THEN 'a pooled average needs numerator and denominator columns in the source'
				WHEN j.kind = 'peer' AND coalesce(j.reporting, 0) = 0 THEN pg_catalog.format('no member of %s has a value', j.peer_group)
				WHEN j.kind = 'peer' THEN pg_catalog.format('%s of %s: %s of %s members reporting',
					 CASE WHEN j.peer_average = 'mean' THEN 'mean' ELSE 'pooled value' END, j.peer_group, j.reporting, j.members)
		   END
	FROM j
	ORDER BY @extschema@.kommune_code(j.kommune), j.target, j.pidx;
END
$$;

COMMENT ON FUNCTION benchmark.target_status_for(text, text) IS
'Target follow-up for one municipality and/or one target (NULL: all): per target and period the actual value, the target value, status (met, not met, no data, not due), gap (actual - target), margin (positive = better than the target), the trend of the municipality''s values and a note';

CREATE VIEW benchmark.target_status AS
SELECT * FROM benchmark.target_status_for(NULL, NULL);

COMMENT ON VIEW benchmark.target_status IS
'Target follow-up of every target in every period it is followed in, as plain columns for reports and BI tools';

GRANT SELECT ON benchmark.target_status TO PUBLIC;

CREATE FUNCTION benchmark.target_scorecard(kommune_name text, period_label text DEFAULT NULL)
RETURNS TABLE (target text, plan text, title text, kind text, follows text, period text, compared text,
			   actual numeric, target_value numeric, unit text, status text, gap numeric, trend_direction text, note text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH s AS (
		SELECT x.*,
			   pg_catalog.row_number() OVER (PARTITION BY x.target
											 ORDER BY x.status IN ('met', 'not met') DESC, x.period_end DESC) AS latest
		FROM benchmark.target_status_for(target_scorecard.kommune_name, NULL) x
		WHERE target_scorecard.period_label IS NULL OR x.period = target_scorecard.period_label
	)
	SELECT s.target, s.plan, s.title, s.kind, s.follows, s.period, s.compared, s.actual, s.target_value, s.unit,
		   s.status, s.gap, s.trend_direction, s.note
	FROM s
	WHERE s.latest = 1
	ORDER BY s.plan, s.target;
END;

COMMENT ON FUNCTION benchmark.target_scorecard(text, text) IS
'One municipality''s targets, one line each: in the given period, or (period NULL) in the latest period that could be judged, else the latest followed';

CREATE TRIGGER validate BEFORE INSERT OR UPDATE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.target_validate();
CREATE TRIGGER validate BEFORE INSERT OR UPDATE ON benchmark.target_milestone
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.target_milestone_validate();
