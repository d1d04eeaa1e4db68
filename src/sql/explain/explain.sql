/*
 * Explaining a ranking list: why a municipality moved between two periods,
 * what it would take to gain a place, how close its neighbours are, and how
 * robust its placement is against other weights, missing-data policies and
 * the choice of measures.  Every function reads the model's sources once
 * (one call of model_rankings) and re-ranks with the engine.
 */

/*
 * Checks the arguments every explaining report takes: none is NULL, the
 * model exists, the period labels are well-formed.  what names the report
 * in the messages.
 */
CREATE FUNCTION benchmark_internal.explain_arguments(model_name text, periods text[], what text)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	IF model_name IS NULL THEN
		RAISE EXCEPTION '% model must not be null', what USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM benchmark.model m WHERE m.model = model_name) THEN
		RAISE EXCEPTION 'model "%" does not exist', model_name
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table benchmark.model.';
	END IF;
	IF periods IS NULL OR pg_catalog.array_position(periods, NULL) IS NOT NULL THEN
		RAISE EXCEPTION '% period must not be null', what USING ERRCODE = 'null_value_not_allowed';
	END IF;
	FOREACH p IN ARRAY periods LOOP
		PERFORM benchmark.period_kind(p);
	END LOOP;
END
$$;

COMMENT ON FUNCTION benchmark_internal.explain_arguments(text, text[], text) IS
'Checks the arguments of the explaining reports: the model is given and exists, the period labels are given and well-formed';

/*
 * Checks the arguments of an explaining report about one municipality: those
 * of every report, and the municipality is given, is one (by name or code, as
 * the kommune type reads it) and is not excluded by the model.  Returns its
 * official name.
 */
CREATE FUNCTION benchmark_internal.explain_arguments(model_name text, kommune_name text, periods text[], what text)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k @extschema@.kommune;
	reason text;
BEGIN
	PERFORM benchmark_internal.explain_arguments(model_name, periods, what);
	IF kommune_name IS NULL THEN
		RAISE EXCEPTION '% kommune must not be null', what USING ERRCODE = 'null_value_not_allowed';
	END IF;
	k := kommune_name::@extschema@.kommune;
	SELECT x.reason INTO reason FROM benchmark.model_excluded x WHERE x.model = model_name AND x.kommune OPERATOR(@extschema@.=) k;
	IF FOUND THEN
		RAISE EXCEPTION 'municipality % is excluded from model "%"', k::text, model_name
			USING ERRCODE = 'invalid_parameter_value', DETAIL = pg_catalog.format('Reason: %s.', reason),
				HINT = 'The exclusions are listed in table benchmark.model_excluded.';
	END IF;
	RETURN k::text;
END
$$;

COMMENT ON FUNCTION benchmark_internal.explain_arguments(text, text, text[], text) IS
'Checks the arguments of the explaining reports about one municipality (model exists, period labels well-formed, municipality given, readable and not excluded) and returns the municipality''s official name';

/*
 * The check that each period has data in a model's sources and that the
 * municipality is among the entities ranked, as an initplan condition over
 * placements (part, period, kommune, ranked).
 */
CREATE FUNCTION benchmark_internal.explain_data_check(model_name text, kommune_name text, periods text[],
											 periods_with_data text[], kommune_seen boolean)
RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	FOREACH p IN ARRAY periods LOOP
		IF NOT p = ANY (coalesce(periods_with_data, '{}')) THEN
			RAISE EXCEPTION 'period "%" has no data in the sources of model "%"', p, model_name
				USING ERRCODE = 'invalid_parameter_value',
					HINT = pg_catalog.format('SELECT DISTINCT period FROM benchmark.model_placements(%L) lists the periods with data.', model_name);
		END IF;
	END LOOP;
	IF kommune_name IS NOT NULL AND NOT coalesce(kommune_seen, false) THEN
		RAISE EXCEPTION 'municipality % has no data in the sources of model "%"', kommune_name, model_name
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'A municipality is ranked when at least one source has a row for it.';
	END IF;
	RETURN true;
END
$$;

COMMENT ON FUNCTION benchmark_internal.explain_data_check(text, text, text[], text[], boolean) IS
'Raises an error when a period has no data in a model''s sources or the municipality appears in none of them; the explaining reports call it before returning anything';

/* Orders the parts of a model as the reports list them: total, goal, benefits, areas, measures. */
CREATE FUNCTION benchmark_internal.explain_part_order(part text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE part WHEN 'total' THEN 1 WHEN 'goal' THEN 2 WHEN 'benefit' THEN 3 WHEN 'area' THEN 4 WHEN 'measure' THEN 5 END;

COMMENT ON FUNCTION benchmark_internal.explain_part_order(text) IS
'The order of a part in the explaining reports: total 1, goal 2, benefit 3, area 4, measure 5';

/*
 * 1. Why did we move?  Every part of the model for one municipality in two
 * periods, side by side, and each counted part's share of the change of the
 * total's weighted score.
 */
CREATE FUNCTION benchmark.model_changes(model_name text, kommune_name text, from_period text, to_period text)
RETURNS TABLE (part text, area_no integer, area text,
			   item_no integer, item_key text, item text, weight numeric, from_value numeric, to_value numeric,
			   from_score numeric, to_score numeric, from_placement integer, to_placement integer,
			   from_ranked integer, to_ranked integer, places_gained integer, score_contribution numeric,
			   note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text := benchmark_internal.explain_arguments(model_name, model_changes.kommune_name,
										  ARRAY[model_changes.from_period, model_changes.to_period], 'model_changes');
BEGIN
	RETURN QUERY
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_name, ARRAY[model_changes.from_period, model_changes.to_period]) x
	),
	ok AS (
		SELECT benchmark_internal.explain_data_check(model_name, k, ARRAY[model_changes.from_period, model_changes.to_period],
				   (SELECT pg_catalog.array_agg(DISTINCT q.period) FROM p q WHERE q.part = 'measure' AND q.ranked > 0),
				   EXISTS (SELECT 1 FROM p q WHERE q.kommune = k)) AS ok
	),
	f AS (SELECT * FROM p WHERE p.period = model_changes.from_period AND p.kommune = k),
	t AS (SELECT * FROM p WHERE p.period = model_changes.to_period AND p.kommune = k),
	pairs AS (
		SELECT coalesce(t.part, f.part) AS part, coalesce(t.area_no, f.area_no) AS area_no,
			   coalesce(t.area, f.area) AS area, coalesce(t.item_no, f.item_no) AS item_no,
			   coalesce(t.item_key, f.item_key) AS item_key, coalesce(t.item, f.item) AS item,
			   coalesce(t.weight, f.weight) AS weight,
			   f.value AS from_value, t.value AS to_value, f.score AS from_score, t.score AS to_score,
			   f.placement AS from_placement, t.placement AS to_placement,
			   f.ranked AS from_ranked, t.ranked AS to_ranked, f.note AS from_note, t.note AS to_note
		FROM f FULL JOIN t ON t.part = f.part AND t.item_key = f.item_key
	),
	/*
	 * The total's score is sum(weight * placement) / sum(weight) over the
	 * counted parts that are placed.  When the same counted parts are placed
	 * in both periods (and so is the total), the change of the score splits
	 * exactly into weight * change of placement / that sum, part by part.
	 */
	counted AS (
		SELECT pg_catalog.bool_and((x.from_placement IS NULL) = (x.to_placement IS NULL)) AS same_parts,
			   pg_catalog.sum(x.weight) FILTER (WHERE x.from_placement IS NOT NULL AND x.to_placement IS NOT NULL) AS weights,
			   (SELECT y.from_placement IS NOT NULL AND y.to_placement IS NOT NULL FROM pairs y WHERE y.part = 'total') AS total_placed
		FROM pairs x WHERE x.weight IS NOT NULL
	)
	SELECT x.part, x.area_no, x.area, x.item_no,
		   x.item_key, x.item, x.weight, x.from_value, x.to_value, x.from_score, x.to_score,
		   x.from_placement, x.to_placement, x.from_ranked, x.to_ranked,
		   x.from_placement - x.to_placement,
		   CASE WHEN x.weight IS NOT NULL AND c.same_parts AND c.total_placed AND c.weights > 0
					 AND x.from_placement IS NOT NULL AND x.to_placement IS NOT NULL
				THEN pg_catalog.trim_scale(pg_catalog.round(x.weight * (x.to_placement - x.from_placement) / c.weights, 16)) END,
		   nullif(pg_catalog.concat_ws('; ',
			   CASE WHEN x.from_note IS NOT NULL THEN model_changes.from_period || ': ' || x.from_note END,
			   CASE WHEN x.to_note IS NOT NULL THEN model_changes.to_period || ': ' || x.to_note END,
			   CASE WHEN x.part = 'area' AND x.weight IS NULL THEN 'not counted in the total' END,
			   CASE WHEN x.weight IS NOT NULL AND c.total_placed AND NOT c.same_parts
					THEN 'no score contribution: the parts counted in the total differ between the periods' END), '')
	FROM pairs x CROSS JOIN counted c
	WHERE (SELECT ok.ok FROM ok)
	ORDER BY benchmark_internal.explain_part_order(x.part), x.area_no NULLS FIRST, x.item_no, x.item_key;
END
$$;

COMMENT ON FUNCTION benchmark.model_changes(text, text, text, text) IS
'Why did a municipality move between two periods: every part of the model (total, goal, benefits, areas, measures) with its value, score and placement in both periods, places gained (positive = better), each counted part''s share of the change of the total''s weighted score (weight x change of placement / sum of weights; positive = worse) and why a part was left out';

/*
 * 4. Near ties: for every placement, the score distance to the next better
 * and the next worse placement in the same ranking.
 */
CREATE FUNCTION benchmark.model_placement_gaps(model_name text, period_label text)
RETURNS TABLE (part text, area_no integer, area text, item_no integer, item_key text,
			   item text, kommune text, score numeric, placement integer, ranked integer, tied integer,
			   better_placement integer, better_score numeric, better_kommuner text, gap_to_better numeric,
			   worse_placement integer, worse_score numeric, worse_kommuner text, gap_to_worse numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
BEGIN
	PERFORM benchmark_internal.explain_arguments(model_name, ARRAY[model_placement_gaps.period_label], 'model_placement_gaps');
	RETURN QUERY
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_name, ARRAY[model_placement_gaps.period_label]) x
	),
	ok AS (
		SELECT benchmark_internal.explain_data_check(model_name, NULL, ARRAY[model_placement_gaps.period_label],
				   (SELECT pg_catalog.array_agg(DISTINCT q.period) FROM p q WHERE q.part = 'measure' AND q.ranked > 0),
				   NULL) AS ok
	),
	groups AS (
		SELECT q.part, q.item_key, q.placement, pg_catalog.min(q.score) AS score, pg_catalog.count(*)::integer AS tied,
			   pg_catalog.string_agg(q.kommune, ', ' ORDER BY q.kommune) AS kommuner
		FROM p q WHERE q.placement IS NOT NULL
		GROUP BY q.part, q.item_key, q.placement
	),
	neighbours AS (
		SELECT g.*,
			   pg_catalog.lag(g.placement) OVER w AS better_placement, pg_catalog.lag(g.score) OVER w AS better_score,
			   pg_catalog.lag(g.kommuner) OVER w AS better_kommuner,
			   pg_catalog.lead(g.placement) OVER w AS worse_placement, pg_catalog.lead(g.score) OVER w AS worse_score,
			   pg_catalog.lead(g.kommuner) OVER w AS worse_kommuner
		FROM groups g
		WINDOW w AS (PARTITION BY g.part, g.item_key ORDER BY g.placement)
	)
	SELECT q.part, q.area_no, q.area, q.item_no, q.item_key, q.item, q.kommune, q.score,
		   q.placement, q.ranked, n.tied, n.better_placement, n.better_score, n.better_kommuner,
		   pg_catalog.abs(q.score - n.better_score), n.worse_placement, n.worse_score, n.worse_kommuner,
		   pg_catalog.abs(n.worse_score - q.score)
	FROM p q JOIN neighbours n ON n.part = q.part AND n.item_key = q.item_key AND n.placement = q.placement
	WHERE (SELECT ok.ok FROM ok)
	ORDER BY benchmark_internal.explain_part_order(q.part), q.area_no NULLS FIRST, q.item_no, q.item_key, q.placement, q.kommune;
END
$$;

COMMENT ON FUNCTION benchmark.model_placement_gaps(text, text) IS
'Near ties: every placement of a model in a period with how many share it, and the score distance to the next better and the next worse placement in the same ranking (with the municipalities there), e.g. 0.02 from 29th';

/*
 * What if one measure value of one municipality were different?  For each of
 * the municipality's measures and each better placement on it (or only the
 * next better one), its value is set to the value of the municipalities
 * there (ties share a placement, so equal values are enough), and the engine
 * re-ranks that measure (rank_values), its area (rank_sum_rerank with the
 * area's policy) and the total (weighted_placement with the model's policy),
 * over the rankings of one model_rankings call.
 */
CREATE FUNCTION benchmark_internal.explain_what_if(model_name text, kommune_name text, period_label text, nearest_only boolean)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text, higher_is_better boolean,
			   value numeric, placement integer, ranked integer, candidate_value numeric, passes text,
			   measure_placement_then integer, area_placement integer, area_placement_then integer,
			   total_placement integer, total_placement_then integer, total_ranked integer, period_has_data boolean,
			   kommune_seen boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH r AS MATERIALIZED (
		SELECT x.part, x.area_no, x.area, x.item_no, x.item_key, x.item, x.weight, x.ranking
		FROM benchmark.model_rankings(explain_what_if.model_name, explain_what_if.period_label) x
	),
	mine AS MATERIALIZED (
		SELECT r.area_no, r.area, r.item_no, r.item_key AS measure, r.item, mm.higher_is_better, r.ranking,
			   @extschema@.score(r.ranking, explain_what_if.kommune_name) AS value,
			   @extschema@.placement(r.ranking, explain_what_if.kommune_name) AS placement,
			   @extschema@.ranked_count(r.ranking) AS ranked
		FROM r JOIN benchmark.model_measure mm ON mm.model = explain_what_if.model_name AND mm.measure = r.item_key
		WHERE r.part = 'measure'
	),
	groups AS (
		SELECT mi.measure, u.placement, pg_catalog.min(u.score) AS score,
			   pg_catalog.string_agg(u.entity, ', ' ORDER BY u.entity) AS kommuner,
			   pg_catalog.max(u.placement) OVER (PARTITION BY mi.measure) AS nearest
		FROM mine mi, @extschema@.unnest(mi.ranking) u
		WHERE u.placement < mi.placement
		GROUP BY mi.measure, u.placement
	),
	candidates AS MATERIALIZED (
		SELECT g.measure, g.placement AS candidate_placement, g.score AS candidate_value, g.kommuner AS passes
		FROM groups g
		WHERE g.placement = g.nearest OR NOT explain_what_if.nearest_only
	),
	new_measure AS MATERIALIZED (
		SELECT c.measure, c.candidate_placement,
			   @extschema@.rank_values(u.entity,
				   (CASE WHEN u.entity = explain_what_if.kommune_name THEN c.candidate_value ELSE u.score END)::float8,
				   mi.higher_is_better) AS ranking
		FROM candidates c JOIN mine mi ON mi.measure = c.measure, @extschema@.unnest(mi.ranking) u
		GROUP BY c.measure, c.candidate_placement
	),
	new_area AS MATERIALIZED (
		SELECT c.measure, c.candidate_placement,
			   @extschema@.rank_sum_rerank(coalesce(nm.ranking, o.ranking), a.missing) AS ranking
		FROM candidates c
		JOIN mine mi ON mi.measure = c.measure
		JOIN benchmark.model_area a ON a.model = explain_what_if.model_name AND a.area_no = mi.area_no
		JOIN mine o ON o.area_no = mi.area_no
		LEFT JOIN new_measure nm ON nm.measure = c.measure AND nm.candidate_placement = c.candidate_placement
								AND o.measure = c.measure
		GROUP BY c.measure, c.candidate_placement, a.missing
	),
	new_total AS MATERIALIZED (
		SELECT c.measure, c.candidate_placement,
			   @extschema@.weighted_placement(
				   CASE WHEN t.part = 'area' AND t.area_no = mi.area_no THEN na.ranking ELSE t.ranking END,
				   t.weight, m.total_missing) AS ranking
		FROM candidates c
		JOIN mine mi ON mi.measure = c.measure
		JOIN new_area na ON na.measure = c.measure AND na.candidate_placement = c.candidate_placement
		JOIN benchmark.model m ON m.model = explain_what_if.model_name
		JOIN r t ON t.part IN ('goal', 'area') AND t.weight IS NOT NULL
		GROUP BY c.measure, c.candidate_placement, m.total_missing
	),
	now AS (
		SELECT (SELECT @extschema@.placement(r.ranking, explain_what_if.kommune_name) FROM r WHERE r.part = 'total') AS total_placement,
			   (SELECT @extschema@.ranked_count(r.ranking) FROM r WHERE r.part = 'total') AS total_ranked,
			   EXISTS (SELECT 1 FROM r WHERE r.part = 'measure' AND @extschema@.ranked_count(r.ranking) > 0) AS period_has_data,
			   EXISTS (SELECT 1 FROM r, @extschema@.unnest(r.ranking) u WHERE r.part = 'total' AND u.entity = explain_what_if.kommune_name) AS kommune_seen
	)
	SELECT mi.area_no, mi.area, mi.item_no, mi.measure, mi.item, mi.higher_is_better, mi.value, mi.placement, mi.ranked,
		   c.candidate_value, c.passes,
		   @extschema@.placement(nm.ranking, explain_what_if.kommune_name),
		   (SELECT @extschema@.placement(r.ranking, explain_what_if.kommune_name) FROM r WHERE r.part = 'area' AND r.area_no = mi.area_no),
		   @extschema@.placement(na.ranking, explain_what_if.kommune_name),
		   now.total_placement,
		   @extschema@.placement(nt.ranking, explain_what_if.kommune_name),
		   now.total_ranked, now.period_has_data, now.kommune_seen
	FROM mine mi CROSS JOIN now
	LEFT JOIN candidates c ON c.measure = mi.measure
	LEFT JOIN new_measure nm ON nm.measure = c.measure AND nm.candidate_placement = c.candidate_placement
	LEFT JOIN new_area na ON na.measure = c.measure AND na.candidate_placement = c.candidate_placement
	LEFT JOIN new_total nt ON nt.measure = c.measure AND nt.candidate_placement = c.candidate_placement
	ORDER BY mi.area_no, mi.item_no, mi.measure, c.candidate_placement DESC;
END;

COMMENT ON FUNCTION benchmark_internal.explain_what_if(text, text, text, boolean) IS
'Re-ranks a model with one measure value of one municipality set to that of a better placement (the next better only, or every better one): the placements on the measure, its area and the total that would follow; model_what_it_takes and model_next_place call it';

/*
 * 2. What would it take?  Per measure: the value that gains at least one
 * place on it, whom that reaches, and the area and total placements that
 * would follow, re-ranked by the engine.
 */
CREATE FUNCTION benchmark.model_what_it_takes(model_name text, kommune_name text, period_label text)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text, higher_is_better boolean,
			   value numeric, placement integer, ranked integer, value_to_gain_one numeric, change numeric,
			   passes text, placement_then integer, area_placement integer, area_placement_then integer,
			   total_placement integer, total_placement_then integer, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text := benchmark_internal.explain_arguments(model_name, model_what_it_takes.kommune_name,
										  ARRAY[model_what_it_takes.period_label], 'model_what_it_takes');
BEGIN
	RETURN QUERY
	WITH w AS MATERIALIZED (
		SELECT * FROM benchmark_internal.explain_what_if(model_name, k, model_what_it_takes.period_label, true) x
	)
	SELECT w.area_no, w.area, w.item_no, w.measure, w.item, w.higher_is_better, w.value, w.placement, w.ranked,
		   w.candidate_value, w.candidate_value - w.value, w.passes, w.measure_placement_then,
		   w.area_placement, w.area_placement_then, w.total_placement, w.total_placement_then,
		   CASE WHEN w.placement IS NULL THEN 'no value: not ranked on this measure'
				WHEN w.placement = 1 THEN 'already first on this measure'
				WHEN w.area_placement_then IS NULL THEN 'the area would still leave it out (other measures missing)'
				WHEN w.total_placement_then IS NULL AND w.total_placement IS NULL THEN 'not placed in the total (a part of it is missing)'
		   END
	FROM w
	WHERE (SELECT benchmark_internal.explain_data_check(model_name, k, ARRAY[model_what_it_takes.period_label],
				   CASE WHEN pg_catalog.bool_or(y.period_has_data) THEN ARRAY[model_what_it_takes.period_label] END,
				   pg_catalog.bool_or(y.kommune_seen)) FROM w y)
	ORDER BY w.area_no, w.item_no, w.measure;
END
$$;

COMMENT ON FUNCTION benchmark.model_what_it_takes(text, text, text) IS
'What would it take to gain a place: per measure the municipality''s value and placement, the value that gains at least one place (that of the next better placement: ties share it), the change, whom it reaches (passes), and the measure, area and total placements if only that value changed, re-ranked by the engine';

/*
 * The smallest single-measure change that reaches a better total placement:
 * per measure the nearest better placement on it that would do, and which
 * measure needs the fewest places (then the smallest relative change).
 */
CREATE FUNCTION benchmark.model_next_place(model_name text, kommune_name text, period_label text)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text, higher_is_better boolean,
			   value numeric, placement integer, value_needed numeric, change numeric, relative_change numeric,
			   placement_then integer, places_on_measure integer, passes text, area_placement integer,
			   area_placement_then integer, total_placement integer, total_placement_then integer,
			   smallest boolean, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text := benchmark_internal.explain_arguments(model_name, model_next_place.kommune_name,
										  ARRAY[model_next_place.period_label], 'model_next_place');
BEGIN
	RETURN QUERY
	WITH w AS MATERIALIZED (
		SELECT * FROM benchmark_internal.explain_what_if(model_name, k, model_next_place.period_label, false) x
	),
	reaching AS (
		SELECT DISTINCT ON (w.measure) w.*
		FROM w
		WHERE w.total_placement_then < w.total_placement
		ORDER BY w.measure, w.measure_placement_then DESC
	),
	per_measure AS (
		SELECT DISTINCT ON (w.measure) w.area_no, w.area, w.item_no, w.measure, w.item, w.higher_is_better, w.value,
			   w.placement, w.area_placement, w.total_placement
		FROM w ORDER BY w.measure
	),
	chosen AS (
		SELECT p.*, x.candidate_value, x.measure_placement_then, x.passes, x.area_placement_then, x.total_placement_then,
			   x.candidate_value - p.value AS change,
			   CASE WHEN p.value <> 0 THEN pg_catalog.round(pg_catalog.abs(x.candidate_value - p.value) / pg_catalog.abs(p.value), 6) END AS relative_change
		FROM per_measure p LEFT JOIN reaching x ON x.measure = p.measure
	),
	best AS (
		SELECT c.measure FROM chosen c WHERE c.candidate_value IS NOT NULL
		ORDER BY c.placement - c.measure_placement_then, c.relative_change NULLS LAST, c.measure LIMIT 1
	)
	SELECT c.area_no, c.area, c.item_no, c.measure, c.item, c.higher_is_better, c.value, c.placement,
		   c.candidate_value, c.change, c.relative_change, c.measure_placement_then,
		   c.placement - c.measure_placement_then, c.passes, c.area_placement, c.area_placement_then,
		   c.total_placement, c.total_placement_then,
		   coalesce(c.measure = (SELECT b.measure FROM best b), false),
		   CASE WHEN c.total_placement IS NULL THEN 'not placed in the total (a part of it is missing)'
				WHEN c.total_placement = 1 THEN 'already first in the total'
				WHEN c.placement IS NULL THEN 'no value: not ranked on this measure'
				WHEN c.placement = 1 THEN 'already first on this measure'
				WHEN c.candidate_value IS NULL AND NOT EXISTS (SELECT 1 FROM best)
					THEN 'no change of a single measure reaches a better total placement'
				WHEN c.candidate_value IS NULL THEN 'even first place on this measure keeps the total placement'
		   END
	FROM chosen c
	WHERE (SELECT benchmark_internal.explain_data_check(model_name, k, ARRAY[model_next_place.period_label],
				   CASE WHEN pg_catalog.bool_or(y.period_has_data) THEN ARRAY[model_next_place.period_label] END,
				   pg_catalog.bool_or(y.kommune_seen)) FROM w y)
	ORDER BY c.area_no, c.item_no, c.measure;
END
$$;

COMMENT ON FUNCTION benchmark.model_next_place(text, text, text) IS
'The next better total placement: per measure the smallest change of that measure alone (the nearest better placement on it) that reaches a better total placement, re-ranked by the engine; smallest marks the measure needing the fewest places on its measure (then the smallest relative change); a note says when no single measure does';

/*
 * 3. How robust is it?  The engine's weighted placement, drawn many times
 * with perturbed weights, in C.
 */
CREATE FUNCTION benchmark.weighted_placement_draws(rankings @extschema@.ranking[], weights numeric[], missing text,
												   draws integer, spread numeric, seed integer, top integer)
RETURNS TABLE (entity text, placement integer, best integer, p05 integer, median integer, p95 integer,
			   worst integer, top_draws integer, ranked_draws integer)
AS 'MODULE_PATHNAME', 'weighted_placement_draws'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION benchmark.weighted_placement_draws(@extschema@.ranking[], numeric[], text, integer, numeric, integer, integer) IS
'Weighted placement of rankings (as weighted_placement(ranking, weight, missing)) with the given weights, and over draws with every weight times a factor uniform in [1 - spread, 1 + spread] (millionths, seeded splitmix64): per entity the placement, the best, 5th percentile, median, 95th percentile and worst placement (nearest rank, over the draws that placed it), the draws placing it within top, and the draws placing it at all';

/* The weighted-placement inputs of a model's total, per period: the goal's and the counted areas' rankings and weights. */
CREATE FUNCTION benchmark_internal.explain_total_inputs(model_name text, periods text[])
RETURNS TABLE (period text, rankings @extschema@.ranking[], weights numeric[], missing text, has_data boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT r.period,
		   pg_catalog.array_agg(r.ranking ORDER BY r.area_no) FILTER (WHERE r.part IN ('goal', 'area') AND r.weight IS NOT NULL),
		   pg_catalog.array_agg(r.weight ORDER BY r.area_no) FILTER (WHERE r.part IN ('goal', 'area') AND r.weight IS NOT NULL),
		   /* a period in the baseline term has no goal: with exclude nobody is placed, as in the runner */
		   (SELECT CASE WHEN benchmark_internal.period_in_years(r.period, m.baseline_from, m.baseline_to)
						THEN 'exclude' ELSE m.total_missing END
			FROM benchmark.model m WHERE m.model = explain_total_inputs.model_name),
		   pg_catalog.bool_or(r.part = 'measure' AND @extschema@.ranked_count(r.ranking) > 0)
	FROM benchmark.model_rankings_for(explain_total_inputs.model_name, explain_total_inputs.periods) r
	GROUP BY r.period;
END;

COMMENT ON FUNCTION benchmark_internal.explain_total_inputs(text, text[]) IS
'Per period of a model run (NULL: every period with data), the rankings and weights its total is the weighted placement of (the goal and the areas counted in the total), the total''s missing-data policy and whether the period has data';

CREATE FUNCTION benchmark.model_sensitivity(model_name text, period_label text, draws integer, spread numeric, seed integer)
RETURNS TABLE (kommune text, placement integer, best integer, p05 integer, median integer, p95 integer, worst integer,
			   top10_draws integer, top10_share numeric, ranked_draws integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n_draws integer := model_sensitivity.draws;
BEGIN
	PERFORM benchmark_internal.explain_arguments(model_name, ARRAY[model_sensitivity.period_label], 'model_sensitivity');
	IF n_draws IS NULL OR model_sensitivity.spread IS NULL OR model_sensitivity.seed IS NULL THEN
		RAISE EXCEPTION 'model_sensitivity draws, spread and seed must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF n_draws < 0 THEN
		RAISE EXCEPTION 'model_sensitivity draws must not be negative' USING ERRCODE = 'invalid_parameter_value',
			DETAIL = pg_catalog.format('The number of draws is %s.', n_draws);
	END IF;
	IF model_sensitivity.spread < 0 OR model_sensitivity.spread >= 1 OR model_sensitivity.spread = 'NaN' THEN
		RAISE EXCEPTION 'model_sensitivity spread must be at least 0 and less than 1' USING ERRCODE = 'invalid_parameter_value',
			DETAIL = pg_catalog.format('The spread is %s.', model_sensitivity.spread),
			HINT = 'Each weight is multiplied by a factor drawn uniformly from [1 - spread, 1 + spread], e.g. 0.2 for plus or minus 20 %.';
	END IF;
	RETURN QUERY
	WITH t AS MATERIALIZED (
		SELECT * FROM benchmark_internal.explain_total_inputs(model_name, ARRAY[model_sensitivity.period_label]) x
	)
	SELECT d.entity, d.placement, d.best, d.p05, d.median, d.p95, d.worst, d.top_draws,
		   pg_catalog.round(d.top_draws::numeric / NULLIF(n_draws, 0), 4), d.ranked_draws
	FROM t, benchmark.weighted_placement_draws(coalesce(t.rankings, '{}'), coalesce(t.weights, '{}'), t.missing,
											   n_draws, model_sensitivity.spread, model_sensitivity.seed, 10) d
	WHERE (SELECT benchmark_internal.explain_data_check(model_name, NULL, ARRAY[model_sensitivity.period_label],
				   (SELECT pg_catalog.array_agg(y.period) FROM t y WHERE y.has_data), NULL))
	ORDER BY d.placement NULLS LAST, d.entity;
END
$$;

COMMENT ON FUNCTION benchmark.model_sensitivity(text, text, integer, numeric, integer) IS
'How robust is the total placement against the weights: per municipality its placement, and over draws with each weight (goal and counted areas) times a factor uniform in [1 - spread, 1 + spread] (deterministic from the seed) its best, 5th percentile, median, 95th percentile and worst placement, the draws (and their share) in the top 10, and the draws that placed it; spread 0 gives the nominal placement everywhere';

/*
 * The named scenarios: each missing-data policy, and each measure left out,
 * re-ranked by the engine from one run's measure and benefit rankings.
 */
CREATE FUNCTION benchmark.model_scenarios(model_name text, period_label text)
RETURNS TABLE (scenario text, kind text, detail text, kommune text, placement integer, scenario_placement integer,
			   places_gained integer, ranked integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
BEGIN
	PERFORM benchmark_internal.explain_arguments(model_name, ARRAY[model_scenarios.period_label], 'model_scenarios');
	RETURN QUERY
	WITH r AS MATERIALIZED (
		SELECT * FROM benchmark.model_rankings(model_name, model_scenarios.period_label) x
	),
	m AS (SELECT x.*,
				 /* a period in the baseline term has no goal, so no total under any scenario */
				 benchmark_internal.period_in_years(model_scenarios.period_label, x.baseline_from, x.baseline_to) AS inside
		  FROM benchmark.model x WHERE x.model = model_name),
	scenarios AS (
		SELECT 'nominal'::text AS scenario, 'nominal'::text AS kind, NULL::text AS policy, NULL::text AS measure, 0 AS ord,
			   'the model as defined'::text AS detail
		UNION ALL
		SELECT 'missing: ' || p.policy, 'missing-data policy', p.policy, NULL, p.ord,
			   CASE p.policy WHEN 'exclude' THEN 'every area and the total leave out a municipality with a missing rank'
							 WHEN 'worst' THEN 'every area counts a missing rank as last place; the total keeps the model''s policy'
							 ELSE 'every area and the total scale the ranks present to all' END
		FROM (VALUES ('exclude', 1), ('worst', 2), ('scale', 3)) p(policy, ord)
		UNION ALL
		SELECT 'without ' || mm.measure, 'measure left out', NULL, mm.measure, 10 + pg_catalog.row_number() OVER (ORDER BY mm.area_no, mm.position, mm.measure),
			   pg_catalog.format('area %s ranked without "%s"', mm.area_no, mm.name_da)
		FROM benchmark.model_measure mm WHERE mm.model = model_name
	),
	areas AS (
		SELECT s.scenario, a.area_no, a.weight,
			   @extschema@.rank_sum_rerank(x.ranking, coalesce(s.policy, a.missing)) AS ranking
		FROM scenarios s
		JOIN benchmark.model_area a ON a.model = model_name AND a.in_total
		JOIN r x ON x.part = 'measure' AND x.area_no = a.area_no AND x.item_key IS DISTINCT FROM s.measure
		WHERE s.kind <> 'nominal'
		GROUP BY s.scenario, a.area_no, a.weight, coalesce(s.policy, a.missing)
	),
	goals AS (
		SELECT s.scenario,
			   CASE WHEN m.goal_rule = 'total' OR s.policy IS NULL OR m.inside THEN (SELECT g.ranking FROM r g WHERE g.part = 'goal')
					ELSE (SELECT @extschema@.rank_sum_rerank(b.ranking, s.policy) FROM r b
						  WHERE b.part = 'benefit' AND b.item_key <> 'ydelser_i_alt') END AS ranking
		FROM scenarios s, m WHERE s.kind <> 'nominal'
	),
	totals AS (
		SELECT s.scenario,
			   @extschema@.weighted_placement(x.ranking, x.weight,
				   CASE WHEN m.inside THEN 'exclude' WHEN s.policy IN ('exclude', 'scale') THEN s.policy ELSE m.total_missing END) AS ranking
		FROM scenarios s CROSS JOIN m
		JOIN (SELECT a.scenario, a.ranking, a.weight FROM areas a
			  UNION ALL
			  SELECT g.scenario, g.ranking, m.goal_weight FROM goals g, m) x ON x.scenario = s.scenario
		GROUP BY s.scenario, s.policy, m.total_missing, m.inside
		UNION ALL
		SELECT 'nominal', t.ranking FROM r t WHERE t.part = 'total'
	),
	nominal AS (SELECT u.entity, u.placement FROM r t, @extschema@.unnest(t.ranking) u WHERE t.part = 'total')
	SELECT s.scenario, s.kind, s.detail, u.entity, n.placement, u.placement, n.placement - u.placement,
		   @extschema@.ranked_count(t.ranking)
	FROM scenarios s JOIN totals t ON t.scenario = s.scenario, @extschema@.unnest(t.ranking) u
	LEFT JOIN nominal n ON n.entity = u.entity
	WHERE (SELECT benchmark_internal.explain_data_check(model_name, NULL, ARRAY[model_scenarios.period_label],
				   (SELECT pg_catalog.array_agg(DISTINCT y.period) FROM r y WHERE y.part = 'measure' AND @extschema@.ranked_count(y.ranking) > 0),
				   NULL))
	ORDER BY s.ord, u.placement NULLS LAST, u.entity;
END
$$;

COMMENT ON FUNCTION benchmark.model_scenarios(text, text) IS
'How robust is the total placement against the model''s choices: per named scenario (nominal; every area with missing-data policy exclude, worst or scale, the total with exclude or scale where allowed; each measure left out of its area) and municipality the nominal and the scenario''s total placement, re-ranked by the engine from one run''s rankings';

/* Rank intervals of every period of a model, for charts: model_sensitivity over all periods found. */
CREATE FUNCTION benchmark.model_rank_intervals_for(model_name text, draws integer, spread numeric, seed integer)
RETURNS TABLE (model text, period text, period_start date, kommune text, kommune_code integer, placement integer,
			   best integer, p05 integer, median integer, p95 integer, worst integer, top10_share numeric,
			   ranked_draws integer, draws integer, weight_spread numeric, draw_seed integer)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT model_rank_intervals_for.model_name, t.period, benchmark.period_start(t.period), d.entity,
		   @extschema@.kommune_code(d.entity::@extschema@.kommune), d.placement, d.best, d.p05, d.median, d.p95, d.worst,
		   pg_catalog.round(d.top_draws::numeric / NULLIF(model_rank_intervals_for.draws, 0), 4), d.ranked_draws,
		   model_rank_intervals_for.draws, model_rank_intervals_for.spread, model_rank_intervals_for.seed
	FROM benchmark_internal.explain_total_inputs(model_rank_intervals_for.model_name, NULL) t,
		 benchmark.weighted_placement_draws(coalesce(t.rankings, '{}'), coalesce(t.weights, '{}'), t.missing,
											model_rank_intervals_for.draws, model_rank_intervals_for.spread,
											model_rank_intervals_for.seed, 10) d
	WHERE t.has_data
	ORDER BY t.period, d.placement NULLS LAST, d.entity;
END;

COMMENT ON FUNCTION benchmark.model_rank_intervals_for(text, integer, numeric, integer) IS
'Rank intervals of a model in every period with data (one run of the model): per period and municipality the placement and, over weight draws, the best, 5th percentile, median, 95th percentile and worst placement, as plain columns';

/* 5. Chart-ready views: plain columns for a BI tool. */
CREATE VIEW benchmark.model_placements_over_time WITH (security_invoker = true) AS
SELECT m.model, p.period, benchmark.period_start(p.period) AS period_start, benchmark.period_kind(p.period) AS period_kind,
	   p.part, p.area_no, p.item_key, p.item, p.kommune,
	   @extschema@.kommune_code(p.kommune::@extschema@.kommune) AS kommune_code,
	   p.placement, p.ranked, p.score, p.note,
	   benchmark_internal.period_in_years(p.period, m.baseline_from, m.baseline_to) AS baseline,
	   -p.placement AS placement_axis, pg_catalog.round(p.score, 2) AS score_display
FROM benchmark.model m, LATERAL benchmark.model_placements(m.model) p
WHERE p.part IN ('total', 'goal', 'area');

COMMENT ON VIEW benchmark.model_placements_over_time IS
'Placement over time, for charts (filter on model: only that model is run): every model''s total, goal and area placements per municipality in every period found in its sources (one run per model), with the period''s first day as the time axis, baseline (the period lies in the baseline term: no goal or total placement), placement_axis = -placement (1st at the top on an axis that cannot be inverted) and the score rounded to 2 decimals as the report shows it (score_display) beside the exact one';

GRANT SELECT ON benchmark.model_placements_over_time TO PUBLIC;

CREATE VIEW benchmark.model_rank_intervals WITH (security_invoker = true) AS
SELECT m.model, i.period, i.period_start, i.kommune, i.kommune_code, i.placement, i.best, i.p05, i.median, i.p95,
	   i.worst, i.top10_share, i.ranked_draws, i.draws, i.weight_spread, i.draw_seed
FROM benchmark.model m, LATERAL benchmark.model_rank_intervals_for(m.model, 1000, 0.2, 1) i;

COMMENT ON VIEW benchmark.model_rank_intervals IS
'Rank intervals, for charts (filter on model: only that model is run): every model''s total placement per municipality and period with its best, 5th percentile, median, 95th percentile and worst placement over 1000 draws of weights within plus or minus 20 % (seed 1)';

GRANT SELECT ON benchmark.model_rank_intervals TO PUBLIC;
