/*
 * The runner, the explain functions and the report as of a moment: each
 * takes as_of timestamptz after its other arguments (named so: as_of =>
 * '2026-03-01 12:00+01'), reads the observation store as it was then
 * (src/sql/vintages/vintages.sql) and returns exactly what it
 * returned then, for the same catalog.  Sources outside the store (a user's
 * own tables, a registered wide table) are read as they are.  Without as_of
 * (or with NULL) they read the store as the setting benchmark.as_of says,
 * by default as it is.  One C function (src/as_of.c) serves every form
 * that only reads as of the moment: it calls the function of the same name
 * without as_of with the setting set for the call, as a SET clause would.
 *
 * model_changes as of a moment can also split a move into the part revised
 * data made and the part new data made (reported_at).
 */

CREATE FUNCTION benchmark.model_placements(model_name text, as_of timestamptz)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer,
			   item_key text, item text, weight numeric, kommune text, value numeric, score numeric,
			   placement integer, ranked integer, note text)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_placements(text, timestamptz) IS
'model_placements(model_name) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_placements(model_name text, period_label text, as_of timestamptz)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer,
			   item_key text, item text, weight numeric, kommune text, value numeric, score numeric,
			   placement integer, ranked integer, note text)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_placements(text, text, timestamptz) IS
'model_placements(model_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_left_out(model_name text, period_label text, as_of timestamptz)
RETURNS TABLE (model text, period text, kommune text, part text, area_no integer, item text, reason text)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_left_out(text, text, timestamptz) IS
'model_left_out(model_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_scorecard(model_name text, kommune_name text, period_label text,
			   as_of timestamptz)
RETURNS TABLE (line_order integer, section_no integer, section text, counts_in_total boolean,
			   weight numeric, line text, value numeric, placement integer, mellemregning numeric, ranked integer,
			   note text)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_scorecard(text, text, text, timestamptz) IS
'model_scorecard(model_name, kommune_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_placement_gaps(model_name text, period_label text, as_of timestamptz)
RETURNS TABLE (part text, area_no integer, area text, item_no integer, item_key text, item text,
			   kommune text, score numeric, placement integer, ranked integer, tied integer,
			   better_placement integer, better_score numeric, better_kommuner text, gap_to_better numeric,
			   worse_placement integer, worse_score numeric, worse_kommuner text, gap_to_worse numeric)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_placement_gaps(text, text, timestamptz) IS
'model_placement_gaps(model_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_what_it_takes(model_name text, kommune_name text, period_label text, as_of timestamptz)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text,
			   higher_is_better boolean, value numeric, placement integer, ranked integer, value_to_gain_one numeric,
			   change numeric, passes text, placement_then integer, area_placement integer,
			   area_placement_then integer, total_placement integer, total_placement_then integer, note text)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_what_it_takes(text, text, text, timestamptz) IS
'model_what_it_takes(model_name, kommune_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_next_place(model_name text, kommune_name text, period_label text, as_of timestamptz)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text,
			   higher_is_better boolean, value numeric, placement integer, value_needed numeric, change numeric,
			   relative_change numeric, placement_then integer, places_on_measure integer, passes text,
			   area_placement integer, area_placement_then integer, total_placement integer,
			   total_placement_then integer, smallest boolean, note text)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_next_place(text, text, text, timestamptz) IS
'model_next_place(model_name, kommune_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_sensitivity(model_name text, period_label text, draws integer, spread numeric,
			   seed integer, as_of timestamptz)
RETURNS TABLE (kommune text, placement integer, best integer, p05 integer, median integer, p95 integer,
			   worst integer, top10_draws integer, top10_share numeric, ranked_draws integer)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_sensitivity(text, text, integer, numeric, integer, timestamptz) IS
'model_sensitivity(model_name, period_label, draws, spread, seed) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_scenarios(model_name text, period_label text, as_of timestamptz)
RETURNS TABLE (scenario text, kind text, detail text, kommune text, placement integer,
			   scenario_placement integer, places_gained integer, ranked integer)
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_scenarios(text, text, timestamptz) IS
'model_scenarios(model_name, period_label) with the observation store read as of a moment (as_of; NULL: as it is)';

CREATE FUNCTION benchmark.model_report(model_name text, kommune_name text, period_label text,
			   peer_group_name text, synthetic boolean, as_of timestamptz)
RETURNS text
LANGUAGE c STABLE
AS 'MODULE_PATHNAME', 'benchmark_as_of_call';

COMMENT ON FUNCTION benchmark.model_report(text, text, text, text, boolean, timestamptz) IS
'model_report(model_name, kommune_name, period_label, peer_group_name, synthetic) with the observation store read as of a moment (as_of; NULL: as it is)';

/*
 * Why did we move, as of a moment, and how much of it is revised data: with
 * reported_at, the placements of from_period as they were read then
 * (reported_placement) beside those as of as_of, so that a move since the
 * report splits exactly into places_from_revisions (from_period re-read) and
 * places_from_new_data (from_period to to_period, = places_gained); both
 * count places, positive = better, and add up to reported_placement -
 * to_placement.
 */
CREATE FUNCTION benchmark.model_changes(model_name text, kommune_name text, from_period text, to_period text,
										as_of timestamptz, reported_at timestamptz DEFAULT NULL)
RETURNS TABLE (part text, area_no integer, area text,
			   item_no integer, item_key text, item text, weight numeric, from_value numeric, to_value numeric,
			   from_score numeric, to_score numeric, from_placement integer, to_placement integer,
			   from_ranked integer, to_ranked integer, places_gained integer, score_contribution numeric,
			   note text, reported_placement integer, places_from_revisions integer, places_from_new_data integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	setting text;
	reported jsonb;
BEGIN
	IF reported_at IS NOT NULL THEN
		setting := benchmark_internal.as_of_enter(reported_at);
		SELECT pg_catalog.jsonb_object_agg(p.part || ':' || p.item_key, p.placement) INTO reported
		FROM benchmark.model_placements(model_changes.model_name, model_changes.from_period) p
		WHERE p.kommune = (model_changes.kommune_name::@extschema@.kommune)::text;
		PERFORM benchmark_internal.as_of_leave(setting);
	END IF;
	setting := benchmark_internal.as_of_enter(model_changes.as_of);
	RETURN QUERY
	SELECT c.*, r.placement, r.placement - c.from_placement, c.from_placement - c.to_placement
	FROM benchmark.model_changes(model_changes.model_name, model_changes.kommune_name,
								 model_changes.from_period, model_changes.to_period) c
		 LEFT JOIN LATERAL (SELECT (reported ->> (c.part || ':' || c.item_key))::integer AS placement) r ON true;
	PERFORM benchmark_internal.as_of_leave(setting);
END
$$;

COMMENT ON FUNCTION benchmark.model_changes(text, text, text, text, timestamptz, timestamptz) IS
'model_changes with the observation store read as of a moment (as_of; NULL: as it is) and, given reported_at, the split of the move since a report: from_period''s placement as read at reported_at, the places revised data made (reported_placement - from_placement) and the places new data made (from_placement - to_placement), adding up to reported_placement - to_placement';
