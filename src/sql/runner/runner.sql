/* The runner: a model's sources read once, ranked at every level, and its reports */

/*
 * The labels of the periods a run for the given periods reads: those periods
 * and (for the benefits, with_baseline) for each of their kinds every period
 * of the model's baseline term.
 */
CREATE FUNCTION benchmark_internal.model_periods_read(model_name text, periods text[], with_baseline boolean DEFAULT true)
RETURNS text[]
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT pg_catalog.array_agg(DISTINCT s.spelling ORDER BY s.spelling)
	FROM (SELECT p AS label FROM pg_catalog.unnest(model_periods_read.periods) p
		  UNION
		  SELECT s.label
		  FROM benchmark.model m,
			   (SELECT DISTINCT benchmark.period_kind(p) AS kind FROM pg_catalog.unnest(model_periods_read.periods) p) k,
			   LATERAL benchmark.period_series(
				   pg_catalog.lpad(m.baseline_from::text, 4, '0') || CASE k.kind WHEN 'year' THEN '' WHEN 'month' THEN 'M01'
																		 WHEN 'quarter' THEN 'Q1' ELSE 'QMAT01' END,
				   pg_catalog.lpad(m.baseline_to::text, 4, '0') || CASE k.kind WHEN 'year' THEN '' WHEN 'month' THEN 'M12'
																	   WHEN 'quarter' THEN 'Q4' ELSE 'QMAT04' END) s(label)
		  WHERE m.model = model_periods_read.model_name AND model_periods_read.with_baseline
			AND benchmark.period_start(s.label) >= pg_catalog.make_date(m.baseline_from, 1, 1)) x,
		 LATERAL (VALUES (x.label),
						 (CASE WHEN x.label ~ '^[0-9]{4}$' THEN x.label || 'Y01'
							   WHEN x.label ~ '^[0-9]{4}Q[1-4]$' THEN pg_catalog.left(x.label, 5) || '0' || pg_catalog.right(x.label, 1) END)) s(spelling)
	WHERE s.spelling IS NOT NULL;
END;

COMMENT ON FUNCTION benchmark_internal.model_periods_read(text, text[], boolean) IS
'The period labels a run of a model for the given periods reads: the periods themselves and (with_baseline, as the benefits need) every period of the same kind in the model''s baseline term, in canonical and API v3 spelling (2022, 2022Y01)';

/* The sources a model reads: every measure's and benefit's, measures first. */
CREATE FUNCTION benchmark.model_sources(model_name text)
RETURNS TABLE (what text, item text, source text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT 'measure', x.measure, x.source FROM benchmark.model_measure x WHERE x.model = model_sources.model_name
	UNION ALL
	SELECT 'benefit', b.benefit, b.source FROM benchmark.model_benefit b WHERE b.model = model_sources.model_name
	ORDER BY 1 DESC, 2;
END;

COMMENT ON FUNCTION benchmark.model_sources(text) IS
'The sources a model reads, as (what, item, source): what is measure or benefit, item its key; measures first';

/*
 * The UNION ALL reading every source of a model (limited to some periods:
 * measures to measure_periods, when given), after checking each source.
 */
CREATE FUNCTION benchmark_internal.model_sources_sql(model_name text, periods text[], measure_periods text[] DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
	q text := '';
BEGIN
	FOR s IN SELECT * FROM benchmark.model_sources(model_name) LOOP
		IF q <> '' THEN
			q := q || E'\nUNION ALL ';
		END IF;
		q := q || benchmark_internal.source_select(
			benchmark_internal.source_check(s.source, pg_catalog.format('source of %s "%s" in model "%s"', s.what, s.item, model_name)),
			s.what, s.item, CASE WHEN s.what = 'measure' THEN coalesce(measure_periods, periods) ELSE periods END, false);
	END LOOP;
	IF q = '' THEN
		q := 'SELECT NULL::text AS what, NULL::text AS item, NULL::text AS k, NULL::text AS period, NULL::numeric AS v, NULL::numeric AS num, NULL::numeric AS den WHERE false';
	END IF;
	RETURN q;
END
$$;

COMMENT ON FUNCTION benchmark_internal.model_sources_sql(text, text[], text[]) IS
'The SQL text reading every source of a model as (what, item, k, period, v, num, den), limited to the given period labels (NULL: all; measures to measure_periods when given), after checking each source';

/*
 * Raises the first data error of a model's sources, naming the model, the
 * measure or benefit and (at most ten of) the offending rows.  The runner
 * calls it only when its one pass over the sources found a problem, or when
 * ranking failed on a duplicate or a value out of range.
 */
CREATE FUNCTION benchmark_internal.model_source_errors(model_name text, sources_sql text)
RETURNS boolean
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
	what_rows text;
BEGIN
	WITH s AS MATERIALIZED (SELECT * FROM benchmark_internal.source_rows(sources_sql)),
	bad_numbered AS (
		SELECT b.*, pg_catalog.row_number() OVER (PARTITION BY b.what, b.item, b.problem ORDER BY b.k, b.period) AS rn
		FROM s b WHERE b.problem IS NOT NULL
	),
	dup_keys AS (
		SELECT s.what, s.item, s.kommune, s.period
		FROM s
		WHERE s.kommune IS NOT NULL AND s.period IS NOT NULL
		GROUP BY s.what, s.item, s.kommune, s.period
		HAVING pg_catalog.count(*) > 1
	),
	dup_numbered AS (
		SELECT d.*, pg_catalog.row_number() OVER (PARTITION BY d.what, d.item ORDER BY d.kommune::text, d.period) AS rn
		FROM dup_keys d
	),
	dup AS (
		SELECT d.what, d.item, d.kommune, d.period,
			   pg_catalog.string_agg(pg_catalog.format('(%s, %s, %s)', pg_catalog.quote_literal(s.k), pg_catalog.quote_literal(s.period), coalesce(s.v::text, 'NULL')), ', ' ORDER BY s.k, s.v) AS rows
		FROM dup_numbered d
		JOIN s ON s.what = d.what AND s.item = d.item AND s.kommune OPERATOR(@extschema@.=) d.kommune AND s.period = d.period
		WHERE d.rn <= 10
		GROUP BY d.what, d.item, d.kommune, d.period
	),
	problems AS (
		SELECT b.what, b.item, b.problem, pg_catalog.count(*) AS n,
			   pg_catalog.string_agg(pg_catalog.format('(%s, %s, %s)', pg_catalog.quote_nullable(b.k), pg_catalog.quote_nullable(b.period), coalesce(b.v::text, 'NULL')), ', ' ORDER BY b.k, b.period)
				   FILTER (WHERE b.rn <= 10) AS rows
		FROM bad_numbered b
		GROUP BY b.what, b.item, b.problem
		UNION ALL
		SELECT d.what, d.item, 6, (SELECT pg_catalog.count(*) FROM dup_keys k WHERE k.what = d.what AND k.item = d.item),
			   pg_catalog.string_agg(d.rows, '; ' ORDER BY d.kommune::text, d.period)
		FROM dup d GROUP BY d.what, d.item
	)
	SELECT * INTO r FROM problems ORDER BY what DESC, item, problem LIMIT 1;
	IF r.item IS NULL THEN
		RETURN true;
	END IF;
	what_rows := pg_catalog.format('Offending rows (kommune, period, value)%s: %s.',
								   CASE WHEN r.n > 10 THEN pg_catalog.format(', the first 10 of %s', r.n) ELSE '' END, r.rows);
	IF r.problem IN (1, 2) THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has % row(s) without a %', r.what, r.item, model_name, r.n,
			CASE r.problem WHEN 1 THEN 'municipality' ELSE 'period' END
			USING ERRCODE = 'not_null_violation', DETAIL = what_rows,
				HINT = 'Leave out rows that are not about one municipality and period.';
	ELSIF r.problem = 3 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" names an unknown municipality (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'invalid_parameter_value', DETAIL = what_rows,
				HINT = 'Map area names to municipalities in the source view and leave out regions, RAR areas and "Hele landet".';
	ELSIF r.problem = 4 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has malformed or non-canonical period labels (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'invalid_text_representation', DETAIL = what_rows,
				HINT = 'Periods are jobindsats labels: 2022, 2022M03, 2022Q1, 2023QMAT01; write API v3 labels canonically with benchmark.period_canonical (2024Y01 -> 2024).';
	ELSIF r.problem = 5 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has NaN values (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'invalid_parameter_value', DETAIL = what_rows,
				HINT = 'Write NULL for a missing or suppressed value.';
	ELSIF r.problem = 7 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has values beyond the range of double precision (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'numeric_value_out_of_range', DETAIL = what_rows,
				HINT = 'Values are ranked as double precision: check the unit of the source.';
	ELSE
		RAISE EXCEPTION 'source of % "%" in model "%" has more than one row for a municipality and period (% case(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'cardinality_violation',
				DETAIL = pg_catalog.format('Duplicate rows (kommune, period, value)%s: %s.',
										   CASE WHEN r.n > 10 THEN pg_catalog.format(', the first 10 of %s cases', r.n) ELSE '' END, r.rows),
				HINT = 'Filter the source to one row per municipality and period (check the dimension columns, e.g. Køn = I alt, and spelling variants of names).';
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark_internal.model_source_errors(text, text) IS
'Checks the rows of a model''s sources: municipality and period present and valid, no NaN or out-of-range values, one row per municipality and period; raises an error naming the model, the measure and (at most ten) rows, else returns true';

/* Reads each source of a model on its own and raises the first one's failure, naming the measure. */
CREATE FUNCTION benchmark_internal.model_source_failing(model_name text, periods text[])
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
	failed_state text;
	failed_message text;
	failed_detail text;
BEGIN
	FOR s IN SELECT * FROM benchmark.model_sources(model_name) LOOP
		BEGIN
			EXECUTE 'SELECT pg_catalog.count(s.k) + pg_catalog.count(s.period) + pg_catalog.count(s.v) FROM (' || benchmark_internal.source_select(
				benchmark_internal.source_check(s.source, pg_catalog.format('source of %s "%s" in model "%s"', s.what, s.item, model_name)),
				s.what, s.item, periods, false) || ') s';
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT, failed_detail = PG_EXCEPTION_DETAIL;
			IF benchmark_internal.error_is_cancel_or_resources(failed_state) THEN
				RAISE;
			END IF;
			failed_message := pg_catalog.format('source %s of %s "%s" in model "%s" failed while read: %s', s.source, s.what, s.item, model_name, failed_message);
			IF coalesce(failed_detail, '') = '' THEN
				RAISE EXCEPTION USING MESSAGE = failed_message, ERRCODE = failed_state,
					HINT = pg_catalog.format('Read it on its own to see where: SELECT * FROM %s.', s.source);
			END IF;
			RAISE EXCEPTION USING MESSAGE = failed_message, ERRCODE = failed_state, DETAIL = failed_detail,
				HINT = pg_catalog.format('Read it on its own to see where: SELECT * FROM %s.', s.source);
		END;
	END LOOP;
END
$$;

COMMENT ON FUNCTION benchmark_internal.model_source_failing(text, text[]) IS
'Reads each source of a model (limited to the given period labels) on its own and raises the first failure, naming the source, the measure or benefit and the model; the runner calls it when reading its sources together failed';

/* The runner: a model run for several periods (NULL: every period found in its sources). */
CREATE FUNCTION benchmark.model_rankings_for(model_name text, periods text[])
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer,
			   item_key text, item text, weight numeric, ranking @extschema@.ranking)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
/* the query's cross joins look costly to the planner; compiling it with JIT costs more than running it */
SET jit = off
AS $$
DECLARE
	m benchmark.model;
	src text;
	failed_state text;
	failed_message text;
	failed_detail text;
	failed_hint text;
	failed_context text;
BEGIN
	SELECT * INTO m FROM benchmark.model x WHERE x.model = model_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', model_name
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table benchmark.model.';
	END IF;
	/* benefits are read for the baseline term too, measures only for the periods asked */
	src := benchmark_internal.model_sources_sql(model_name,
		CASE WHEN periods IS NOT NULL THEN benchmark_internal.model_periods_read(model_name, periods) END,
		CASE WHEN periods IS NOT NULL THEN benchmark_internal.model_periods_read(model_name, periods, false) END);

	/*
	 * One pass over the sources: the rows are read once and checked by
	 * source_rows (names and period labels once per distinct value); any
	 * problem (and a duplicate or an out-of-range value, which the
	 * aggregates report) is explained by model_source_errors before
	 * anything is returned.
	 */
	BEGIN
	RETURN QUERY EXECUTE $q$
	WITH checked AS MATERIALIZED (SELECT * FROM benchmark_internal.source_rows($10)),
	verdict AS (
		SELECT NOT EXISTS (SELECT 1 FROM checked c WHERE c.problem IS NOT NULL)
			   OR benchmark_internal.model_source_errors($1, $10) AS ok
	),
	kept AS MATERIALIZED (
		SELECT c.what, c.item, c.kommune::text AS kommune, c.period, c.v
		FROM checked c
		WHERE NOT EXISTS (SELECT 1 FROM benchmark.model_excluded x WHERE x.model = $1 AND x.kommune OPERATOR(@extschema@.=) c.kommune)
	),
	kept_measures AS MATERIALIZED (SELECT k.item, k.kommune, k.period, k.v FROM kept k WHERE k.what = 'measure'),
	kept_benefits AS MATERIALIZED (SELECT k.item, k.kommune, k.period, k.v FROM kept k WHERE k.what = 'benefit'),
	universe AS (SELECT DISTINCT kommune FROM kept),
	per AS (
		/* inside: the period lies in the baseline term, against which it cannot develop */
		SELECT p AS period, benchmark.period_kind(p) AS kind,
			   benchmark_internal.period_in_years(p, $3, $4) AS inside
		FROM (SELECT pg_catalog.unnest($2) AS p
			  UNION
			  SELECT DISTINCT k.period FROM kept k WHERE $2 IS NULL) x
	),
	measures AS (SELECT * FROM benchmark.model_measure x WHERE x.model = $1),
	measure_rankings AS (
		SELECT per.period, mm.area_no, mm.position, mm.measure, mm.name_da,
			   @extschema@.rank_values(u.kommune, k.v::float8, mm.higher_is_better) AS ranking
		FROM per CROSS JOIN measures mm CROSS JOIN universe u
		LEFT JOIN kept_measures k ON k.item = mm.measure AND k.kommune = u.kommune AND k.period = per.period
		GROUP BY per.period, mm.area_no, mm.position, mm.measure, mm.name_da
	),
	areas AS (SELECT * FROM benchmark.model_area x WHERE x.model = $1),
	area_rankings AS (
		SELECT mr.period, a.area_no, a.name_da, a.weight, a.in_total,
			   @extschema@.rank_sum_rerank(mr.ranking, a.missing) AS ranking
		FROM measure_rankings mr JOIN areas a USING (area_no)
		GROUP BY mr.period, a.area_no, a.name_da, a.weight, a.in_total, a.missing
	),
	benefits AS (SELECT * FROM benchmark.model_benefit x WHERE x.model = $1),
	baseline_labels AS MATERIALIZED (
		SELECT l.period, benchmark.period_kind(l.period) AS kind
		FROM (SELECT DISTINCT c.period FROM checked c) l
		WHERE benchmark.period_start(l.period) >= pg_catalog.make_date($3, 1, 1)
		  AND benchmark.period_end(l.period) <= pg_catalog.make_date($4, 12, 31)
	),
	base_rows AS (
		SELECT k.item AS benefit, k.kommune, b.kind, k.period, k.v
		FROM kept_benefits k JOIN baseline_labels b ON b.period = k.period
	),
	base_expected AS (
		SELECT benefit, kind, pg_catalog.count(DISTINCT period) AS n FROM base_rows GROUP BY benefit, kind
	),
	baseline AS (
		SELECT b.benefit, b.kommune, b.kind, pg_catalog.avg(b.v) AS base
		FROM base_rows b JOIN base_expected e USING (benefit, kind)
		GROUP BY b.benefit, b.kommune, b.kind, e.n
		HAVING pg_catalog.count(b.v) = e.n
	),
	levels AS (
		SELECT per.period, b.benefit, b.position, b.name_da, u.kommune, k.v AS level, bl.base
		FROM per CROSS JOIN benefits b CROSS JOIN universe u
		LEFT JOIN kept_benefits k ON k.item = b.benefit AND k.kommune = u.kommune AND k.period = per.period
		LEFT JOIN baseline bl ON bl.benefit = b.benefit AND bl.kommune = u.kommune AND bl.kind = per.kind AND NOT per.inside
	),
	benefit_rankings AS (
		SELECT l.period, l.position, l.benefit, l.name_da,
			   @extschema@.rank_values(l.kommune,
				   (CASE WHEN l.base <> 0 THEN (l.level - l.base) / l.base END)::float8, false) AS ranking
		FROM levels l
		GROUP BY l.period, l.position, l.benefit, l.name_da
	),
	all_benefits AS (
		SELECT t.period,
			   @extschema@.rank_values(t.kommune,
				   (CASE WHEN t.complete AND t.base <> 0 THEN (t.level - t.base) / t.base END)::float8, false) AS ranking
		FROM (SELECT l.period, l.kommune, pg_catalog.sum(l.level) AS level, pg_catalog.sum(l.base) AS base,
					 pg_catalog.count(l.level) = pg_catalog.count(*) AND pg_catalog.count(l.base) = pg_catalog.count(*) AS complete
			  FROM levels l GROUP BY l.period, l.kommune) t
		GROUP BY t.period
	),
	goal AS (
		/* inside the baseline term no benefit develops: the goal places nobody, whatever the policy */
		SELECT a.period, per.inside,
			   CASE WHEN $5 = 'total' OR per.inside THEN a.ranking
					ELSE (SELECT @extschema@.rank_sum_rerank(br.ranking, $6) FROM benefit_rankings br WHERE br.period = a.period)
			   END AS ranking
		FROM all_benefits a JOIN per USING (period)
	),
	total AS (
		SELECT x.period, @extschema@.weighted_placement(x.ranking, x.weight, $8) AS ranking
		FROM (SELECT g.period, g.ranking, $7::numeric AS weight FROM goal g
			  UNION ALL
			  SELECT ar.period, ar.ranking, ar.weight FROM area_rankings ar WHERE ar.in_total) x
		GROUP BY x.period
	)
	SELECT o.* FROM (
	SELECT $1, t.period, 'total', NULL::integer, NULL::text, 0, 'total', 'Samlet placering', NULL::numeric,
		   CASE WHEN g.inside THEN g.ranking ELSE t.ranking END
	FROM total t LEFT JOIN goal g USING (period)
	UNION ALL
	SELECT $1, g.period, 'goal', 0, $9, 0, 'goal', $9, $7::numeric, g.ranking FROM goal g
	UNION ALL
	SELECT $1, br.period, 'benefit', 0, $9, br.position, br.benefit, br.name_da, NULL, br.ranking FROM benefit_rankings br
	UNION ALL
	SELECT $1, a.period, 'benefit', 0, $9, (SELECT pg_catalog.count(*)::integer + 1 FROM benefits), 'ydelser_i_alt', 'Ydelser i alt', NULL, a.ranking
	FROM all_benefits a
	UNION ALL
	SELECT $1, ar.period, 'area', ar.area_no, ar.name_da, 0, 'area:' || ar.area_no, ar.name_da,
		   CASE WHEN ar.in_total THEN ar.weight END, ar.ranking FROM area_rankings ar
	UNION ALL
	SELECT $1, mr.period, 'measure', mr.area_no, a.name_da, mr.position, mr.measure, mr.name_da, NULL, mr.ranking
	FROM measure_rankings mr JOIN areas a USING (area_no)
	) o
	/* nothing is ranked unless the one-pass check passed (an initplan, evaluated first) */
	WHERE (SELECT v.ok FROM verdict v)
	$q$
	USING model_name, periods, m.baseline_from, m.baseline_to, m.goal_rule, m.goal_missing, m.goal_weight, m.total_missing, m.goal_da, src;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
			failed_detail = PG_EXCEPTION_DETAIL, failed_hint = PG_EXCEPTION_HINT, failed_context = PG_EXCEPTION_CONTEXT;
		IF failed_state IN ('21000', '22003') AND failed_context NOT LIKE '%PL/pgSQL function benchmark_internal.model_source_errors%' THEN
			/* a duplicate or an out-of-range value stopped an aggregate: name its measure and rows */
			PERFORM benchmark_internal.model_source_errors(model_name, src);
		ELSIF failed_context LIKE '%PL/pgSQL function benchmark_internal.model_source_errors%' THEN
			/* the one-pass check found a problem: report it without the runner's query as context */
			RAISE EXCEPTION USING MESSAGE = failed_message, DETAIL = failed_detail, HINT = failed_hint, ERRCODE = failed_state;
		ELSIF NOT benchmark_internal.error_is_cancel_or_resources(failed_state) THEN
			/* a source failed while read: name it (cancel and resource errors are not a source's) */
			PERFORM benchmark_internal.model_source_failing(model_name,
				CASE WHEN periods IS NOT NULL THEN benchmark_internal.model_periods_read(model_name, periods) END);
		END IF;
		RAISE;
	END;
END
$$;

COMMENT ON FUNCTION benchmark.model_rankings_for(text, text[]) IS
'Runs a model for the given periods (NULL: every period found in its sources) and returns each ranking: per measure, area, benefit, the goal and the total';

CREATE FUNCTION benchmark.model_rankings(model_name text, period_label text DEFAULT NULL)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer,
			   item_key text, item text, weight numeric, ranking @extschema@.ranking)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.model_rankings_for(model_rankings.model_name,
		CASE WHEN model_rankings.period_label IS NOT NULL THEN ARRAY[model_rankings.period_label] END);
END;

COMMENT ON FUNCTION benchmark.model_rankings(text, text) IS
'Runs a model for one period (NULL: every period found in its sources) and returns each ranking: per measure, area, benefit, the goal and the total';


/* Placements as plain columns: the core of model_placements. */
CREATE FUNCTION benchmark.model_placements_for(model_name text, periods text[])
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	/*
	 * The rankings are unnested once for the placements; only the rankings
	 * that left someone out are unnested again, for the notes that name what
	 * an area, the goal or the total is missing.
	 */
	WITH r AS MATERIALIZED (
		SELECT r.model, r.period, r.part, r.area_no, r.area, r.item_no, r.item_key, r.item, r.weight, r.ranking,
			   @extschema@.ranked_count(r.ranking) AS ranked
		FROM benchmark.model_rankings_for(model_placements_for.model_name, model_placements_for.periods) r
	),
	missing AS (
		SELECT q.period, u.entity AS kommune,
			   CASE WHEN q.part = 'measure' THEN 'area:' || q.area_no
					WHEN q.part = 'benefit' THEN 'goal'
					ELSE 'total' END AS part_of,
			   pg_catalog.string_agg(q.item, ', ' ORDER BY q.area_no, q.item_no) AS items
		FROM r q, @extschema@.unnest(q.ranking) u
		WHERE q.ranked < @extschema@.entity_count(q.ranking)
		  AND (q.part IN ('measure', 'benefit', 'goal') OR (q.part = 'area' AND q.weight IS NOT NULL))
		  AND u.placement IS NULL
		GROUP BY 1, 2, 3
	),
	baseline_term AS (
		SELECT pp.period, pg_catalog.format('%s lies in the baseline term %s-%s that the goal is measured against: no development, so no goal and no total placement',
											pp.period, m.baseline_from, m.baseline_to) AS note
		FROM (SELECT DISTINCT q.period FROM r q) pp, benchmark.model m
		WHERE m.model = model_placements_for.model_name
		  AND benchmark_internal.period_in_years(pp.period, m.baseline_from, m.baseline_to)
	)
	SELECT p.model, p.period, p.part, p.area_no, p.area, p.item_no, p.item_key, p.item, p.weight, u.entity,
		   CASE WHEN p.part IN ('measure', 'benefit') THEN u.score END,
		   u.score, u.placement, p.ranked,
		   CASE WHEN u.placement IS NOT NULL THEN NULL
				WHEN p.part IN ('benefit', 'goal', 'total')
					 AND EXISTS (SELECT 1 FROM baseline_term bt WHERE bt.period = p.period)
					THEN (SELECT bt.note FROM baseline_term bt WHERE bt.period = p.period)
				WHEN p.part = 'measure' THEN 'no value (suppressed or missing)'
				WHEN p.part = 'benefit' THEN 'no development (level or full baseline missing, or a zero baseline)'
				ELSE 'missing: ' || coalesce(x.items, 'no data')
		   END
	FROM r p CROSS JOIN LATERAL @extschema@.unnest(p.ranking) u
	LEFT JOIN missing x
	  ON u.placement IS NULL AND x.period = p.period AND x.kommune = u.entity
	 AND x.part_of = CASE p.part WHEN 'area' THEN p.item_key WHEN 'goal' THEN 'goal' WHEN 'total' THEN 'total' END;
END;

COMMENT ON FUNCTION benchmark.model_placements_for(text, text[]) IS
'Every placement of a model for the given periods (NULL: all) as plain columns; model_placements calls it';

CREATE FUNCTION benchmark.model_placements(model_name text, period_label text)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.model_placements_for(model_placements.model_name, ARRAY[model_placements.period_label]);
END;

COMMENT ON FUNCTION benchmark.model_placements(text, text) IS
'Every placement of a model in one period: the total, the goal, each benefit, each area and each measure, per municipality, with values, scores, placements and why a municipality was left out';

CREATE FUNCTION benchmark.model_placements(model_name text)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.model_placements_for(model_placements.model_name, NULL::text[]);
END;

COMMENT ON FUNCTION benchmark.model_placements(text) IS
'Every placement of a model in every period found in its sources (placements over time)';

CREATE FUNCTION benchmark.model_left_out(model_name text, period_label text DEFAULT NULL)
RETURNS TABLE (model text, period text, kommune text, part text, area_no integer, item text, reason text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_left_out.model_name,
			CASE WHEN model_left_out.period_label IS NOT NULL THEN ARRAY[model_left_out.period_label] END)
	)
	SELECT p.model, p.period, p.kommune, p.part, p.area_no, p.item, p.note
	FROM p WHERE p.placement IS NULL
	UNION ALL
	SELECT x.model, per.period, x.kommune::text, 'model', NULL::integer, NULL::text, 'excluded municipality: ' || x.reason
	FROM benchmark.model_excluded x, (SELECT DISTINCT p.period FROM p) per
	WHERE x.model = model_left_out.model_name
	ORDER BY 2, 3, 4 DESC, 5, 6;
END;

COMMENT ON FUNCTION benchmark.model_left_out(text, text) IS
'Who was left out of what and why, per period (NULL: all periods): excluded municipalities, missing or suppressed values, and the areas, goal and total they cost';

CREATE FUNCTION benchmark.model_scorecard(model_name text, kommune_name text, period_label text)
RETURNS TABLE (line_order integer, section_no integer, section text, counts_in_total boolean, weight numeric,
			   line text, value numeric, placement integer, mellemregning numeric, ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT (pg_catalog.row_number() OVER (ORDER BY coalesce(p.area_no, -1),
			 p.part IN ('goal', 'area'), p.item_no))::integer,
		   p.area_no,
		   coalesce(p.area, p.item),
		   p.part = 'total' OR pg_catalog.max(p.weight) OVER (PARTITION BY p.area_no) IS NOT NULL,
		   pg_catalog.max(p.weight) OVER (PARTITION BY p.area_no),
		   CASE p.part WHEN 'goal' THEN 'Placering på målet'
					   WHEN 'area' THEN 'Samlet placering ' || p.item
					   ELSE p.item END,
		   p.value, p.placement,
		   CASE WHEN p.part IN ('total', 'area', 'goal') THEN p.score END,
		   p.ranked, p.note
	FROM benchmark.model_placements_for(model_scorecard.model_name, ARRAY[model_scorecard.period_label]) p
	WHERE p.kommune = (model_scorecard.kommune_name::@extschema@.kommune)::text
	ORDER BY 1;
END;

COMMENT ON FUNCTION benchmark.model_scorecard(text, text, text) IS
'One municipality''s scorecard for a period: the total; the goal per benefit (Ydelse / Placering); per area each measure''s value and rank, the rank sum (Mellemregning) and the area placement';
