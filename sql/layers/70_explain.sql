/*
 * Explaining a ranking list: why a municipality moved between two periods,
 * what it would take to gain a place, how close its neighbours are, and how
 * robust its placement is against other weights, missing-data policies and
 * the choice of measures.  Every function reads the model's sources once
 * (one call of model_rankings) and re-ranks with the engine.
 */

/*
 * Raises an error with the given SQLSTATE, message, detail and hint unless ok
 * is true; returns true.  The reports call it in an initplan, so that nothing
 * is returned when a check fails.
 */
CREATE FUNCTION benchmark.explain_raise_unless(ok boolean, sqlstate text, message text, detail text, hint text)
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF ok THEN
		RETURN true;
	END IF;
	IF detail IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = message, ERRCODE = sqlstate, HINT = coalesce(hint, '');
	END IF;
	RAISE EXCEPTION USING MESSAGE = message, ERRCODE = sqlstate, DETAIL = detail, HINT = coalesce(hint, '');
END
$$;

COMMENT ON FUNCTION benchmark.explain_raise_unless(boolean, text, text, text, text) IS
'Raises an error with the given SQLSTATE, message, detail and hint unless the condition is true (then returns true); the explaining reports check their arguments with it';

/*
 * Checks the arguments the explaining reports share: none is NULL, the model
 * exists, the municipality is one (by name or code, as the kommune type reads
 * it) and is not excluded by the model, the period labels are well-formed.
 * Returns the municipality's official name.
 */
CREATE FUNCTION benchmark.explain_arguments(model_name text, kommune_name text, periods text[], what text)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k @extschema@.kommune;
	reason text;
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
	IF kommune_name IS NULL THEN
		RETURN NULL;
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

COMMENT ON FUNCTION benchmark.explain_arguments(text, text, text[], text) IS
'Checks the arguments of the explaining reports (model exists, period labels well-formed, municipality readable and not excluded) and returns the municipality''s official name';

/*
 * The check that each period has data in a model's sources and that the
 * municipality is among the entities ranked, as an initplan condition over
 * placements (part, period, kommune, ranked).
 */
CREATE FUNCTION benchmark.explain_data_check(model_name text, kommune_name text, periods text[],
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

COMMENT ON FUNCTION benchmark.explain_data_check(text, text, text[], text[], boolean) IS
'Raises an error when a period has no data in a model''s sources or the municipality appears in none of them; the explaining reports call it before returning anything';

/* Orders the parts of a model as the reports list them: total, goal, benefits, areas, measures. */
CREATE FUNCTION benchmark.explain_part_order(part text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE part WHEN 'total' THEN 1 WHEN 'goal' THEN 2 WHEN 'benefit' THEN 3 WHEN 'area' THEN 4 WHEN 'measure' THEN 5 END;

COMMENT ON FUNCTION benchmark.explain_part_order(text) IS
'The order of a part in the explaining reports: total 1, goal 2, benefit 3, area 4, measure 5';

/*
 * 1. Why did we move?  Every part of the model for one municipality in two
 * periods, side by side, and each counted part's share of the change of the
 * total's weighted score.
 */
CREATE FUNCTION benchmark.model_changes(model text, kommune text, from_period text, to_period text)
RETURNS TABLE (part text, area_no integer, area text,
			   item_no integer, item_key text, item text, weight numeric, from_value numeric, to_value numeric,
			   from_score numeric, to_score numeric, from_placement integer, to_placement integer,
			   from_ranked integer, to_ranked integer, places_gained integer, score_contribution numeric,
			   note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_changes.model;
	k text := benchmark.explain_arguments(model_changes.model, model_changes.kommune,
										  ARRAY[model_changes.from_period, model_changes.to_period], 'model_changes');
BEGIN
	IF k IS NULL THEN
		RAISE EXCEPTION 'model_changes kommune must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	RETURN QUERY
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_name, ARRAY[model_changes.from_period, model_changes.to_period]) x
	),
	ok AS (
		SELECT benchmark.explain_data_check(model_name, k, ARRAY[model_changes.from_period, model_changes.to_period],
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
	ORDER BY benchmark.explain_part_order(x.part), x.area_no NULLS FIRST, x.item_no, x.item_key;
END
$$;

COMMENT ON FUNCTION benchmark.model_changes(text, text, text, text) IS
'Why did a municipality move between two periods: every part of the model (total, goal, benefits, areas, measures) with its value, score and placement in both periods, places gained (positive = better), each counted part''s share of the change of the total''s weighted score (weight x change of placement / sum of weights; positive = worse) and why a part was left out';

/*
 * 4. Near ties: for every placement, the score distance to the next better
 * and the next worse placement in the same ranking.
 */
CREATE FUNCTION benchmark.model_placement_gaps(model text, period text)
RETURNS TABLE (part text, area_no integer, area text, item_no integer, item_key text,
			   item text, kommune text, score numeric, placement integer, ranked integer, tied integer,
			   better_placement integer, better_score numeric, better_kommuner text, gap_to_better numeric,
			   worse_placement integer, worse_score numeric, worse_kommuner text, gap_to_worse numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_placement_gaps.model;
BEGIN
	PERFORM benchmark.explain_arguments(model_name, NULL, ARRAY[model_placement_gaps.period], 'model_placement_gaps');
	RETURN QUERY
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_name, ARRAY[model_placement_gaps.period]) x
	),
	ok AS (
		SELECT benchmark.explain_data_check(model_name, NULL, ARRAY[model_placement_gaps.period],
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
	ORDER BY benchmark.explain_part_order(q.part), q.area_no NULLS FIRST, q.item_no, q.item_key, q.placement, q.kommune;
END
$$;

COMMENT ON FUNCTION benchmark.model_placement_gaps(text, text) IS
'Near ties: every placement of a model in a period with how many share it, and the score distance to the next better and the next worse placement in the same ranking (with the municipalities there), e.g. 0.02 from 29th';
