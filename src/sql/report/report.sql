/*
 * The report a city council reads: model_report writes one self-contained
 * Danish HTML document (inline CSS and SVG, no script, nothing fetched) for a
 * municipality and a period, from the model, explain and target functions;
 * model_chart_placements gives BI tools what a bump chart needs.
 *
 * One sign rule and one rounding rule for each kind of number:
 *   placements and counts        whole numbers
 *   places gained (Ryk)          whole numbers with a sign, + = better
 *   points (weighted placement,  2 decimals; a contribution with a sign,
 *   rank sums, contributions)    + = better
 *   values of measures, targets  2 decimals in their unit; a margin to a
 *   and STAR's shares            target with a sign, + = better
 *   developments and shares (%)  1 decimal
 *   the change needed            2 significant digits, rounded away from zero
 *                                (so that it is always enough), with a sign:
 *                                the direction the value must move
 * Numbers print the Danish way: decimal comma, thousands point, minus sign.
 * Every text from data passes through html_text.
 */

/* HTML-escapes a text for element content and attribute values: & < > " ' become entities; NULL becomes ''. */
CREATE FUNCTION benchmark.html_text(content text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN coalesce(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
		   content, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;'), '');

COMMENT ON FUNCTION benchmark.html_text(text) IS
'HTML-escapes a text (& < > " and '' as entities) for element content and attribute values; NULL gives the empty text';

/* A number the Danish way with the given decimals: 1.234,56 and −0,09 (U+2212); NULL gives an en dash. */
CREATE FUNCTION benchmark.report_number(x numeric, decimals integer)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN x IS NULL THEN '–'
			ELSE CASE WHEN pg_catalog.round(x, decimals) < 0 THEN '−' ELSE '' END
				 || pg_catalog.regexp_replace(pg_catalog.split_part(pg_catalog.abs(pg_catalog.round(x, decimals))::text, '.', 1),
											  '(\d)(?=(\d{3})+$)', '\1.', 'g')
				 || CASE WHEN decimals > 0
						 THEN ',' || pg_catalog.split_part(pg_catalog.abs(pg_catalog.round(x, decimals))::text, '.', 2)
						 ELSE '' END
	   END;

COMMENT ON FUNCTION benchmark.report_number(numeric, integer) IS
'A number rounded to the given decimals and written the Danish way (decimal comma, thousands point, minus sign U+2212); NULL gives an en dash';

/* A signed number the Danish way: +3, −6 and 0 (a value that rounds to zero has no sign). */
CREATE FUNCTION benchmark.report_signed(x numeric, decimals integer)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN pg_catalog.round(x, decimals) > 0 THEN '+' ELSE '' END || benchmark.report_number(x, decimals);

COMMENT ON FUNCTION benchmark.report_signed(numeric, integer) IS
'A number as report_number writes it with a plus sign when it is above zero after rounding: +3, −6, 0';

/*
 * The change needed, rounded away from zero to two significant digits (so
 * that a change of that size is always enough), signed, the Danish way.
 */
CREATE FUNCTION benchmark.report_change(x numeric)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN x IS NULL THEN '–'
			WHEN x = 0 THEN '0'
			ELSE benchmark.report_signed(
					 pg_catalog.sign(x) * pg_catalog.ceil(pg_catalog.abs(x)
						 * pg_catalog.power(10::numeric, 1 - pg_catalog.floor(pg_catalog.log(pg_catalog.abs(x)))::integer))
					 / pg_catalog.power(10::numeric, 1 - pg_catalog.floor(pg_catalog.log(pg_catalog.abs(x)))::integer),
					 greatest(1 - pg_catalog.floor(pg_catalog.log(pg_catalog.abs(x)))::integer, 0))
	   END;

COMMENT ON FUNCTION benchmark.report_change(numeric) IS
'The change needed, rounded away from zero to two significant digits (so that it is always enough) and written with its sign the Danish way: +0,029, −0,25, +1.300';

/* The unit a change of a measure is stated in: percentage points for a percentage. */
CREATE FUNCTION benchmark.report_change_unit(unit text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN unit IN ('pct.', 'pct.-point') THEN 'procentpoint' ELSE unit END;

COMMENT ON FUNCTION benchmark.report_change_unit(text) IS
'The unit a change of a value in the given unit is stated in: procentpoint for pct. and pct.-point, else the unit itself';

/*
 * A placement as the report shows it, tagged with what it is the placement
 * of, so that a test can compare every placement shown with model_placements;
 * NULL shows an en dash with the reason as its tooltip.
 */
CREATE FUNCTION benchmark_internal.report_placement(kommune text, part text, item_key text, period text, placement integer,
										   reason text DEFAULT NULL)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN '<span class="pl" data-kommune="' || benchmark.html_text(kommune) || '" data-part="' || benchmark.html_text(part)
	   || '" data-item="' || benchmark.html_text(item_key) || '" data-period="' || benchmark.html_text(period)
	   || '" data-placement="' || coalesce(placement::text, '') || '"'
	   || CASE WHEN placement IS NULL AND reason IS NOT NULL THEN ' title="' || benchmark.html_text(reason) || '"' ELSE '' END
	   || '>' || coalesce(placement::text, '–') || '</span>';

COMMENT ON FUNCTION benchmark_internal.report_placement(text, text, text, text, integer, text) IS
'A placement in model_report: a span with data attributes naming the municipality, part, item and period (for tests against model_placements), an en dash with the reason as tooltip when not placed';

/* Places gained with an arrow: ▲ +3 (better), ▼ −6 (worse), ● 0. */
CREATE FUNCTION benchmark_internal.report_move(places_gained integer)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN places_gained IS NULL THEN '<span class="mv">–</span>'
			WHEN places_gained > 0 THEN '<span class="mv up">▲ ' || benchmark.report_signed(places_gained, 0) || '</span>'
			WHEN places_gained < 0 THEN '<span class="mv down">▼ ' || benchmark.report_signed(places_gained, 0) || '</span>'
			ELSE '<span class="mv same">● 0</span>' END;

COMMENT ON FUNCTION benchmark_internal.report_move(integer) IS
'Places gained as model_report shows them: an arrow up and +N for better, down and −N for worse, a dot and 0 for unchanged';

/*
 * A bump chart as inline SVG: placements over periods, 1st at the top, one
 * line per municipality (the selected one highlighted, drawn last), one mark
 * per placed period, the periods of the baseline term shaded and labelled.
 * marks: [{kommune, selected, period, placement, ranked, part, item_key}].
 */
CREATE FUNCTION benchmark_internal.report_bump_chart(marks jsonb, periods text[], baseline text[], chart_title text,
											width integer, height integer, compact boolean)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH geometry AS (
		SELECT CASE WHEN report_bump_chart.compact THEN 26 ELSE 34 END AS l,
			   report_bump_chart.width - CASE WHEN report_bump_chart.compact THEN 10 ELSE 110 END AS r,
			   CASE WHEN report_bump_chart.compact THEN 30 ELSE 26 END AS t,
			   report_bump_chart.height - 22 AS b,
			   pg_catalog.cardinality(report_bump_chart.periods) AS n,
			   greatest(2, (SELECT pg_catalog.max((m.value ->> 'ranked')::integer)
									   FROM pg_catalog.jsonb_array_elements(report_bump_chart.marks) m)) AS ymax
	),
	px AS (
		SELECT p.period, p.i,
			   pg_catalog.round(CASE WHEN g.n = 1 THEN (g.l + g.r) / 2.0 ELSE g.l + (g.r - g.l) * (p.i - 1) / (g.n - 1.0) END, 1) AS x,
			   p.period = ANY (report_bump_chart.baseline) AS in_baseline
		FROM geometry g, pg_catalog.unnest(report_bump_chart.periods) WITH ORDINALITY p(period, i)
	),
	pts AS (
		SELECT m.kommune, m.selected, m.period, m.placement, m.part, m.item_key, px.i, px.x,
			   pg_catalog.round(g.t + (g.b - g.t) * (m.placement - 1) / (g.ymax - 1.0), 1) AS y
		FROM pg_catalog.jsonb_to_recordset(report_bump_chart.marks)
			 AS m(kommune text, selected boolean, period text, placement integer, part text, item_key text)
		JOIN px ON px.period = m.period, geometry g
		WHERE m.placement IS NOT NULL
	),
	segs AS (
		SELECT q.*, coalesce(pg_catalog.lag(q.i) OVER (PARTITION BY q.kommune ORDER BY q.i) <> q.i - 1, true) AS new_segment
		FROM pts q
	),
	lines AS (
		SELECT s.kommune, s.selected,
			   pg_catalog.string_agg(CASE WHEN s.new_segment THEN 'M' ELSE 'L' END || s.x || ' ' || s.y, ' ' ORDER BY s.i) AS d
		FROM segs s GROUP BY s.kommune, s.selected
	),
	ends AS (
		SELECT DISTINCT ON (q.kommune) q.kommune, q.selected, q.x, q.y, q.placement
		FROM pts q ORDER BY q.kommune, q.i DESC
	),
	ticks AS (
		SELECT DISTINCT v AS placement
		FROM geometry g, LATERAL (SELECT 1 UNION ALL SELECT g.ymax
								  UNION ALL SELECT s FROM pg_catalog.generate_series(10, g.ymax - 5, 10) s
								  WHERE NOT report_bump_chart.compact) x(v)
	)
	SELECT '<svg class="bump' || CASE WHEN report_bump_chart.compact THEN ' compact' ELSE '' END
		   || '" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' || report_bump_chart.width || ' ' || report_bump_chart.height
		   || '" width="' || report_bump_chart.width || '" height="' || report_bump_chart.height || '" role="img" aria-label="'
		   || benchmark.html_text(report_bump_chart.chart_title) || '">'
		   || '<title>' || benchmark.html_text(report_bump_chart.chart_title) || '</title>'
		   || CASE WHEN report_bump_chart.compact
				   THEN '<text class="ct" x="2" y="12">' || benchmark.html_text(report_bump_chart.chart_title) || '</text>' ELSE '' END
		   /* the baseline term, shaded */
		   || coalesce((SELECT '<rect class="baseline" x="' || pg_catalog.round(pg_catalog.min(px.x) - 8, 1) || '" y="' || (g.t - 6)
							   || '" width="' || pg_catalog.round(pg_catalog.max(px.x) - pg_catalog.min(px.x) + 16, 1)
							   || '" height="' || (g.b - g.t + 12) || '"/>'
							   || '<text class="bl" x="' || pg_catalog.round((pg_catalog.min(px.x) + pg_catalog.max(px.x)) / 2, 1)
							   || '" y="' || CASE WHEN report_bump_chart.compact THEN g.b + 2 ELSE g.t - 9 END
							   || '" text-anchor="middle">basisår</text>'
						FROM px WHERE px.in_baseline), '')
		   /* placement gridlines */
		   || (SELECT pg_catalog.string_agg('<line class="grid" x1="' || g.l || '" x2="' || g.r || '" y1="' || y || '" y2="' || y
											|| '"/><text class="ax" x="' || (g.l - 4) || '" y="' || (y + 3) || '" text-anchor="end">'
											|| tk.placement || '</text>', '' ORDER BY tk.placement)
			   FROM ticks tk, LATERAL (SELECT pg_catalog.round(g.t + (g.b - g.t) * (tk.placement - 1) / (g.ymax - 1.0), 1) AS y) yy)
		   /* periods */
		   || (SELECT pg_catalog.string_agg('<text class="ax' || CASE WHEN px.in_baseline THEN ' blp' ELSE '' END || '" x="' || px.x
											|| '" y="' || (g.b + 16) || '" text-anchor="middle">' || benchmark.html_text(px.period)
											|| '</text>', '' ORDER BY px.i) FROM px)
		   /* lines: the others first, the selected municipality on top */
		   || coalesce((SELECT pg_catalog.string_agg('<path class="line' || CASE WHEN ln.selected THEN ' sel' ELSE ' peer' END
													 || '" data-kommune="' || benchmark.html_text(ln.kommune) || '" d="' || ln.d || '"/>',
													 '' ORDER BY ln.selected, ln.kommune) FROM lines ln), '')
		   /* marks: one per placed period */
		   || coalesce((SELECT pg_catalog.string_agg('<circle class="mark' || CASE WHEN q.selected THEN ' sel' ELSE ' peer' END
													 || '" cx="' || q.x || '" cy="' || q.y || '" r="'
													 || CASE WHEN q.selected THEN 4.5 ELSE 3 END
													 || '" data-kommune="' || benchmark.html_text(q.kommune)
													 || '" data-part="' || benchmark.html_text(q.part)
													 || '" data-item="' || benchmark.html_text(q.item_key)
													 || '" data-period="' || benchmark.html_text(q.period)
													 || '" data-placement="' || q.placement || '"><title>'
													 || benchmark.html_text(q.kommune) || ' ' || benchmark.html_text(q.period)
													 || ': nr. ' || q.placement || '</title></circle>'
													 || CASE WHEN q.selected THEN '<text class="val" x="' || q.x || '" y="' || (q.y - 7)
															 || '" text-anchor="middle">' || q.placement || '</text>' ELSE '' END,
													 '' ORDER BY q.selected, q.kommune, q.i) FROM pts q), '')
		   /* names at the line ends */
		   || CASE WHEN report_bump_chart.compact THEN ''
				   ELSE coalesce((SELECT pg_catalog.string_agg('<text class="end' || CASE WHEN e.selected THEN ' sel' ELSE '' END
															   || '" x="' || (e.x + 8) || '" y="' || (e.y + 4) || '">'
															   || benchmark.html_text(e.kommune) || '</text>', '' ORDER BY e.selected, e.kommune)
								  FROM ends e), '') END
		   || '</svg>'
	FROM geometry g;
END;

COMMENT ON FUNCTION benchmark_internal.report_bump_chart(jsonb, text[], text[], text, integer, integer, boolean) IS
'A bump chart as inline SVG for model_report: placements over the given periods (1st at the top), one line per municipality with the selected one highlighted, one mark per placed period, the baseline periods shaded; marks is a JSON array of {kommune, selected, period, placement, ranked, part, item_key}';

/*
 * The interval chart of model_report: per municipality (rows: {kommune,
 * selected, placement, best, p05, median, p95, worst}) a thin line from the
 * best to the worst placement over the weight draws, a bar from the 5th to
 * the 95th percentile and a dot at the median, on an axis of placements 1..n.
 */
CREATE FUNCTION benchmark_internal.report_interval_chart(rows jsonb, ranked integer, period text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH r AS (
		SELECT x.*, pg_catalog.row_number() OVER (ORDER BY x.placement NULLS LAST, x.kommune) AS i
		FROM pg_catalog.jsonb_to_recordset(report_interval_chart.rows)
			 AS x(kommune text, selected boolean, placement integer, best integer, p05 integer, median integer,
				  p95 integer, worst integer)
	),
	g AS (SELECT 130 AS l, 660 AS r, greatest(report_interval_chart.ranked, 2) AS n, (SELECT pg_catalog.count(*) FROM r) AS rows)
	SELECT '<svg class="intervals" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 ' || (g.rows * 22 + 34)
		   || '" width="680" height="' || (g.rows * 22 + 34) || '" role="img" aria-label="Placeringens spænd ved andre vægte">'
		   || '<title>Placeringens spænd ved andre vægte</title>'
		   || (SELECT pg_catalog.string_agg('<line class="grid" x1="' || x || '" x2="' || x || '" y1="4" y2="' || (g.rows * 22 + 8)
											|| '"/><text class="ax" x="' || x || '" y="' || (g.rows * 22 + 22) || '" text-anchor="middle">'
											|| t || '</text>', '' ORDER BY t)
			   FROM (SELECT DISTINCT t FROM (SELECT 1 UNION ALL SELECT g.n UNION ALL SELECT s FROM pg_catalog.generate_series(10, g.n - 5, 10) s) v(t)) tt,
					LATERAL (SELECT pg_catalog.round(g.l + (g.r - g.l) * (tt.t - 1) / (g.n - 1.0), 1) AS x) xx)
		   || coalesce((SELECT pg_catalog.string_agg(
				  '<g class="interval' || CASE WHEN r.selected THEN ' sel' ELSE '' END || '" data-kommune="' || benchmark.html_text(r.kommune)
				  || '" data-part="total" data-item="total" data-period="' || benchmark.html_text(report_interval_chart.period)
				  || '" data-placement="' || coalesce(r.placement::text, '') || '">'
				  || '<text class="name" x="' || (g.l - 8) || '" y="' || (r.i * 22 - 4) || '" text-anchor="end">'
				  || benchmark.html_text(r.kommune) || ' (' || coalesce(r.placement::text, '–') || ')</text>'
				  || CASE WHEN r.best IS NOT NULL THEN
						 '<line class="range" x1="' || pg_catalog.round(g.l + (g.r - g.l) * (r.best - 1) / (g.n - 1.0), 1)
						 || '" x2="' || pg_catalog.round(g.l + (g.r - g.l) * (r.worst - 1) / (g.n - 1.0), 1)
						 || '" y1="' || (r.i * 22 - 8) || '" y2="' || (r.i * 22 - 8) || '"/>'
						 || '<rect class="p90" x="' || pg_catalog.round(g.l + (g.r - g.l) * (r.p05 - 1) / (g.n - 1.0) - 2, 1)
						 || '" y="' || (r.i * 22 - 13) || '" width="'
						 || pg_catalog.round((g.r - g.l) * (r.p95 - r.p05) / (g.n - 1.0) + 4, 1) || '" height="10" rx="3"/>'
						 || '<circle class="median" cx="' || pg_catalog.round(g.l + (g.r - g.l) * (r.median - 1) / (g.n - 1.0), 1)
						 || '" cy="' || (r.i * 22 - 8) || '" r="4"><title>' || benchmark.html_text(r.kommune)
						 || ': bedst ' || r.best || ', 5 %: ' || r.p05 || ', median ' || r.median || ', 95 %: ' || r.p95
						 || ', værst ' || r.worst || '</title></circle>'
					 ELSE '' END
				  || '</g>', '' ORDER BY r.i) FROM r), '')
		   || '</svg>'
	FROM g;
END;

COMMENT ON FUNCTION benchmark_internal.report_interval_chart(jsonb, integer, text) IS
'The interval chart of model_report as inline SVG: per municipality the range of its total placement over weight draws (best..worst line, 5 %..95 % bar, median dot) on an axis of placements 1..ranked';

/*
 * The peer group a report highlights a municipality among: the one given
 * (checked), else the smallest peer group with the municipality and at least
 * one other member.
 */
CREATE FUNCTION benchmark_internal.report_peer_group(kommune_name text, peer_group_name text)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	chosen text;
BEGIN
	IF report_peer_group.peer_group_name IS NOT NULL THEN
		IF NOT EXISTS (SELECT 1 FROM benchmark.peer_group g WHERE g.peer_group = report_peer_group.peer_group_name) THEN
			RAISE EXCEPTION 'peer group "%" does not exist', report_peer_group.peer_group_name
				USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view benchmark.peer_groups.';
		END IF;
		RETURN report_peer_group.peer_group_name;
	END IF;
	SELECT g.peer_group INTO chosen
	FROM benchmark.peer_groups g
	WHERE g.members > 1
	  AND EXISTS (SELECT 1 FROM benchmark.peer_group_member m
				  WHERE m.peer_group = g.peer_group AND m.kommune::text = report_peer_group.kommune_name)
	ORDER BY g.members, g.peer_group
	LIMIT 1;
	RETURN chosen;
END
$$;

COMMENT ON FUNCTION benchmark_internal.report_peer_group(text, text) IS
'The peer group model_report and model_chart_placements compare a municipality with: the one given (an error when it does not exist), else the smallest peer group holding the municipality and another member (NULL when there is none)';

/*
 * Placements over time for a BI tool's bump chart, for one municipality:
 * every model's total, goal and area placements of every municipality in
 * every period, with placement_axis = -placement (an axis that cannot be
 * inverted shows 1st at the top), whether the row is the municipality's own
 * and whether the municipality is in its peer group, and the score rounded as
 * the report shows it beside the exact one.
 */
CREATE FUNCTION benchmark.model_chart_placements(model_name text, kommune_name text, peer_group_name text DEFAULT NULL)
RETURNS TABLE (model text, period text, period_start date, baseline boolean, part text, area_no integer,
			   item_key text, item text, kommune text, kommune_code integer, placement integer, placement_axis integer,
			   ranked integer, score numeric, score_display numeric, selected boolean, in_peer_group boolean,
			   peer_group text, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text := benchmark_internal.explain_arguments(model_chart_placements.model_name, model_chart_placements.kommune_name,
										  '{}', 'model_chart_placements');
	group_name text;
BEGIN
	group_name := benchmark_internal.report_peer_group(k, model_chart_placements.peer_group_name);
	RETURN QUERY
	SELECT p.model, p.period, benchmark.period_start(p.period),
		   benchmark_internal.period_in_years(p.period, m.baseline_from, m.baseline_to),
		   p.part, p.area_no, p.item_key, p.item, p.kommune,
		   @extschema@.kommune_code(p.kommune::@extschema@.kommune), p.placement, -p.placement, p.ranked,
		   p.score, pg_catalog.round(p.score, 2), p.kommune = k,
		   p.kommune = k OR EXISTS (SELECT 1 FROM benchmark.peer_group_member g
									WHERE g.peer_group = group_name AND g.kommune::text = p.kommune),
		   group_name, p.note
	FROM benchmark.model_placements(model_chart_placements.model_name) p
	JOIN benchmark.model m ON m.model = p.model
	WHERE p.part IN ('total', 'goal', 'area')
	ORDER BY benchmark.period_start(p.period), benchmark_internal.explain_part_order(p.part), p.area_no NULLS FIRST,
			 p.placement NULLS LAST, p.kommune;
END
$$;

COMMENT ON FUNCTION benchmark.model_chart_placements(text, text, text) IS
'Placements over time for a BI tool''s bump chart around one municipality: every total, goal and area placement of a model per municipality and period, with placement_axis = -placement (1st at the top on an axis that cannot be inverted), baseline (the period lies in the baseline term), selected (the municipality itself), in_peer_group (it or a member of its peer group: the one given, else its smallest), and the score rounded to 2 decimals (score_display) beside the exact one';

/*
 * The report: one self-contained HTML document in Danish for a municipality
 * and a period of a model.  synthetic: whether to mark the figures as
 * SYNTETISKE DATA; NULL: when a schema of the database, or a source relation
 * of the model, says so in its comment (as the shipped sample's do).
 */
CREATE FUNCTION benchmark.model_report(model_name text, kommune_name text, period_label text,
									   peer_group_name text DEFAULT NULL, synthetic boolean DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
/* as for the runner: JIT compilation of these queries costs more than running them */
SET jit = off
AS $$
DECLARE
	k text := benchmark_internal.explain_arguments(model_report.model_name, model_report.kommune_name,
										  ARRAY[model_report.period_label], 'model_report');
	md benchmark.model;
	group_name text;
	group_title text;
	is_synthetic boolean;
	pl jsonb;
	periods text[];
	baseline text[];
	prev text;
	total_now record;
	total_prev record;
	headline text;
	bump text;
	bump_parts text;
	scorecard text;
	changes text;
	changes_note text;
	reported benchmark.jobindsats_vintage_pin;
	revised text;
	next_place text;
	what_it_takes text;
	robust text;
	robust_chart text;
	targets text;
	star text;
	star_note text;
	data_section text;
	left_out text;
	missing text;
	banner text;
	doc_title text;
BEGIN
	SELECT * INTO md FROM benchmark.model m WHERE m.model = model_report.model_name;
	group_name := benchmark_internal.report_peer_group(k, model_report.peer_group_name);
	SELECT g.name_da INTO group_title FROM benchmark.peer_group g WHERE g.peer_group = group_name;
	is_synthetic := coalesce(model_report.synthetic,
		EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n
				WHERE pg_catalog.obj_description(n.oid, 'pg_namespace') ~* '(SYNTETISK|SYNTHETIC)')
		OR EXISTS (SELECT 1 FROM benchmark.model_sources(model_report.model_name) s
				   WHERE pg_catalog.obj_description(pg_catalog.to_regclass(s.source), 'pg_class') ~* '(SYNTETISK|SYNTHETIC)'));

	/*
	 * One run of the model over every period: the municipality's placements
	 * on every part, and the total, goal and area placements of its peer group.
	 */
	SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
			   'period', p.period, 'part', p.part, 'area_no', p.area_no, 'area', p.area, 'item_no', p.item_no,
			   'item_key', p.item_key, 'item', p.item, 'weight', p.weight, 'kommune', p.kommune, 'value', p.value,
			   'score', p.score, 'placement', p.placement, 'ranked', p.ranked, 'note', p.note,
			   'selected', p.kommune = k)),
		   (SELECT pg_catalog.array_agg(x.period ORDER BY benchmark.period_start(x.period), x.period)
			FROM (SELECT DISTINCT q.period FROM benchmark.model_placements(model_report.model_name) q
				  WHERE q.part = 'measure' AND q.ranked > 0) x)
	INTO pl, periods
	FROM benchmark.model_placements(model_report.model_name) p
	WHERE p.kommune = k
	   OR (p.part IN ('total', 'goal', 'area')
		   AND EXISTS (SELECT 1 FROM benchmark.peer_group_member g
					   WHERE g.peer_group = group_name AND g.kommune::text = p.kommune));
	PERFORM benchmark_internal.explain_data_check(model_report.model_name, k, ARRAY[model_report.period_label], periods,
										 EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements(pl) e
												 WHERE e.value ->> 'kommune' = k));
	baseline := ARRAY(SELECT u.period FROM pg_catalog.unnest(periods) u(period)
					  WHERE benchmark_internal.period_in_years(u.period, md.baseline_from, md.baseline_to));
	prev := periods[pg_catalog.array_position(periods, model_report.period_label) - 1];

	SELECT x.placement, x.ranked, x.score, x.note INTO total_now
	FROM pg_catalog.jsonb_to_recordset(pl) AS x(period text, part text, kommune text, placement integer, ranked integer,
												 score numeric, note text)
	WHERE x.period = model_report.period_label AND x.part = 'total' AND x.kommune = k;
	SELECT x.placement, x.ranked, x.score INTO total_prev
	FROM pg_catalog.jsonb_to_recordset(pl) AS x(period text, part text, kommune text, placement integer, ranked integer,
												 score numeric)
	WHERE x.period = prev AND x.part = 'total' AND x.kommune = k;

	doc_title := 'Danmarks bedste jobcenter ' || model_report.period_label || ': ' || k;
	banner := CASE WHEN is_synthetic THEN
		'<div class="synthetic" role="note">SYNTETISKE DATA – tallene er konstruerede eksempeldata, ikke virkelige tal</div>'
		ELSE '' END;

	/* headline: the total placement, its move, and the goal's and areas' placements with arrows */
	SELECT '<section class="headline"><div class="big">'
		   || CASE WHEN total_now.placement IS NOT NULL
				   THEN '<span class="rank">' || benchmark_internal.report_placement(k, 'total', 'total', model_report.period_label, total_now.placement)
						|| '.</span><span class="of"> plads af ' || total_now.ranked || ' placerede kommuner</span>'
				   ELSE '<span class="of">Ingen samlet placering i ' || benchmark.html_text(model_report.period_label)
						|| CASE WHEN model_report.period_label = ANY (baseline) THEN ' (basisår: målet måles mod basisperioden '
								|| md.baseline_from || '–' || md.baseline_to || ')' ELSE '' END || '</span>' END
		   || '</div><p class="move">'
		   || CASE WHEN prev IS NULL THEN 'Første periode med data.'
				   WHEN total_now.placement IS NOT NULL AND total_prev.placement IS NOT NULL
					   THEN benchmark_internal.report_move(total_prev.placement - total_now.placement) || ' siden '
							|| benchmark.html_text(prev) || ' (' || benchmark_internal.report_placement(k, 'total', 'total', prev, total_prev.placement)
							|| '. plads af ' || total_prev.ranked || ')'
				   ELSE 'Ingen samlet placering i ' || benchmark.html_text(prev)
						|| CASE WHEN prev = ANY (baseline) THEN ' (basisår)' ELSE '' END || ' at sammenligne med.' END
		   || '</p><table class="parts"><thead><tr><th>Del</th><th class="n">Vægt</th><th class="n">'
		   || benchmark.html_text(model_report.period_label) || '</th><th class="n">Ryk siden '
		   || coalesce(benchmark.html_text(prev), '–') || '</th></tr></thead><tbody>'
		   || pg_catalog.string_agg('<tr><td>' || CASE WHEN c.part = 'goal' THEN 'Målet: ' || benchmark.html_text(md.goal_da)
													   ELSE c.area_no || '. ' || benchmark.html_text(c.item) END
									|| '</td><td class="n">' || coalesce(benchmark.report_number(c.weight, 0), 'tæller ikke')
									|| '</td><td class="n">'
									|| benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.placement, c.note)
									|| '</td><td class="n">'
									|| benchmark_internal.report_move(CASE WHEN c.placement IS NOT NULL THEN o.placement - c.placement END)
									|| '</td></tr>', '' ORDER BY benchmark_internal.explain_part_order(c.part), c.area_no)
		   || '</tbody></table></section>'
	INTO headline
	FROM pg_catalog.jsonb_to_recordset(pl) AS c(period text, part text, area_no integer, item_key text, item text,
												 weight numeric, kommune text, placement integer, note text)
	LEFT JOIN pg_catalog.jsonb_to_recordset(pl) AS o(period text, part text, item_key text, kommune text, placement integer)
	  ON o.period = prev AND o.part = c.part AND o.item_key = c.item_key AND o.kommune = k
	WHERE c.period = model_report.period_label AND c.kommune = k AND c.part IN ('goal', 'area');

	/* the bump charts: the total, then the goal and each area, the municipality among its peer group */
	SELECT benchmark_internal.report_bump_chart(pg_catalog.jsonb_agg(e.value), periods, baseline,
									   'Samlet placering over tid', 680, 300, false)
	INTO bump
	FROM pg_catalog.jsonb_array_elements(pl) e WHERE e.value ->> 'part' = 'total';
	SELECT pg_catalog.string_agg(benchmark_internal.report_bump_chart(x.marks, periods, baseline, x.title, 224, 170, true), ''
								 ORDER BY x.ord, x.area_no)
	INTO bump_parts
	FROM (SELECT benchmark_internal.explain_part_order(e.value ->> 'part') AS ord, (e.value ->> 'area_no')::integer AS area_no,
				 CASE WHEN e.value ->> 'part' = 'goal' THEN 'Målet' ELSE (e.value ->> 'area_no') || '. ' || (e.value ->> 'item') END AS title,
				 pg_catalog.jsonb_agg(e.value) AS marks
		  FROM pg_catalog.jsonb_array_elements(pl) e WHERE e.value ->> 'part' IN ('goal', 'area')
		  GROUP BY 1, 2, 3) x;

	/* the scorecard, laid out like the plan's tables: the goal per benefit, then each area's measures */
	SELECT '<table class="score"><thead><tr><th>Ydelse</th><th class="n">Udvikling i antal modtagere (%)</th>'
		   || '<th class="n">Placering</th></tr></thead><tbody>'
		   || coalesce(pg_catalog.string_agg('<tr><td>' || benchmark.html_text(c.item) || '</td><td class="n">'
											 || benchmark.report_number(100 * c.value, 1) || '</td><td class="n">'
											 || benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.placement, c.note)
											 || '</td></tr>', '' ORDER BY c.item_no, c.item_key) FILTER (WHERE c.part = 'benefit'), '')
		   || pg_catalog.string_agg('<tr class="sum"><td>Placering på målet: ' || benchmark.html_text(md.goal_da)
									|| '</td><td></td><td class="n">'
									|| benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.placement, c.note)
									|| '</td></tr>', '') FILTER (WHERE c.part = 'goal')
		   || '</tbody></table>'
		   || '<table class="score"><thead><tr><th>Nr.</th><th>Indsatsområde / målepunkt</th><th class="n">Værdi</th>'
		   || '<th>Enhed</th><th class="n">Placering</th><th class="n">Mellemregning (rangsum)</th></tr></thead><tbody>'
		   || pg_catalog.string_agg(CASE WHEN c.part = 'measure' THEN
					'<tr><td></td><td>' || benchmark.html_text(c.item) || '</td><td class="n">' || benchmark.report_number(c.value, 2)
					|| '</td><td>' || benchmark.html_text(mm.unit) || '</td><td class="n">'
					|| benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.placement, c.note)
					|| '</td><td></td></tr>'
				ELSE '<tr class="sum"><td>' || c.area_no || '</td><td>Samlet placering ' || benchmark.html_text(c.item)
					|| CASE WHEN c.weight IS NULL THEN ' <span class="muted">(tæller ikke i totalen)</span>' ELSE '' END
					|| '</td><td></td><td></td><td class="n">'
					|| benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.placement, c.note)
					|| '</td><td class="n">' || benchmark.report_number(c.score, 2) || '</td></tr>' END,
				'' ORDER BY c.area_no, c.part = 'area', c.item_no) FILTER (WHERE c.part IN ('measure', 'area'))
		   || pg_catalog.string_agg('<tr class="total"><td></td><td>Samlet placering (vægtet placering '
									|| benchmark.report_number(c.score, 2) || ')</td><td></td><td></td><td class="n">'
									|| benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.placement, c.note)
									|| coalesce(' af ' || c.ranked, '') || '</td><td></td></tr>', '') FILTER (WHERE c.part = 'total')
		   || '</tbody></table>'
	INTO scorecard
	FROM pg_catalog.jsonb_to_recordset(pl) AS c(period text, part text, area_no integer, item_no integer, item_key text,
												 item text, weight numeric, kommune text, value numeric, score numeric,
												 placement integer, ranked integer, note text)
	LEFT JOIN benchmark.model_measure mm ON mm.model = model_report.model_name AND mm.measure = c.item_key AND c.part = 'measure'
	WHERE c.period = model_report.period_label AND c.kommune = k;

	/* Hvorfor flyttede vi os? */
	IF prev IS NOT NULL THEN
		SELECT '<table class="changes"><thead><tr><th>Del</th><th class="n">Vægt</th><th class="n">' || benchmark.html_text(prev)
			   || '</th><th class="n">' || benchmark.html_text(model_report.period_label)
			   || '</th><th class="n">Ryk</th><th class="n">Bidrag (point)</th><th>værre ◂ ▸ bedre</th></tr></thead><tbody>'
			   || pg_catalog.string_agg('<tr class="' || c.part || '"><td>'
					|| CASE c.part WHEN 'total' THEN 'Samlet placering' WHEN 'goal' THEN 'Målet'
								   WHEN 'area' THEN c.area_no || '. ' || benchmark.html_text(c.item)
								   ELSE benchmark.html_text(c.item) END
					|| '</td><td class="n">' || CASE WHEN c.part IN ('goal', 'area') THEN coalesce(benchmark.report_number(c.weight, 0), 'tæller ikke') ELSE '' END
					|| '</td><td class="n">' || benchmark_internal.report_placement(k, c.part, c.item_key, prev, c.from_placement)
					|| '</td><td class="n">' || benchmark_internal.report_placement(k, c.part, c.item_key, model_report.period_label, c.to_placement)
					|| '</td><td class="n">' || benchmark_internal.report_move(c.places_gained)
					|| '</td><td class="n">' || CASE WHEN c.score_contribution IS NOT NULL THEN benchmark.report_signed(-c.score_contribution, 2) ELSE '' END
					|| '</td><td class="bar">'
					|| CASE WHEN c.score_contribution IS NOT NULL AND c.score_contribution <> 0 THEN
							'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="12" viewBox="0 0 160 12"><line class="axis" x1="80" x2="80" y1="0" y2="12"/>'
							|| '<rect class="' || CASE WHEN c.score_contribution < 0 THEN 'better' ELSE 'worse' END || '" x="'
							|| CASE WHEN c.score_contribution < 0 THEN 80 ELSE 80 - least(78, pg_catalog.round(pg_catalog.abs(c.score_contribution) * 20, 1)) END
							|| '" y="2" width="' || least(78, pg_catalog.round(pg_catalog.abs(c.score_contribution) * 20, 1)) || '" height="8"/></svg>'
						ELSE '' END
					|| '</td></tr>', '' ORDER BY CASE c.part WHEN 'total' THEN 1 WHEN 'goal' THEN 2 ELSE 3 END, c.area_no, c.part = 'area' DESC, c.item_no)
			   || '</tbody></table>',
			   CASE WHEN pg_catalog.bool_or(c.score_contribution IS NOT NULL)
					THEN 'Ryk = pladser vundet (+ = bedre). Bidrag = delens vægt × dens ryk ÷ summen af vægtene: hvor mange point af '
						 || 'den vægtede placering (gennemsnittet af placeringerne) delen flyttede; + = bedre, og bidragene summer til '
						 || 'ændringen af den vægtede placering'
						 || coalesce(' (' || benchmark.report_signed(pg_catalog.max(c.from_score) FILTER (WHERE c.part = 'total')
																	 - pg_catalog.max(c.to_score) FILTER (WHERE c.part = 'total'), 2)
									 || ' point: fra ' || benchmark.report_number(pg_catalog.max(c.from_score) FILTER (WHERE c.part = 'total'), 2)
									 || ' til ' || benchmark.report_number(pg_catalog.max(c.to_score) FILTER (WHERE c.part = 'total'), 2) || ')', '')
						 || '. Målepunkternes ryk vises under hvert område; de indgår i områdets rangsum, ikke direkte i totalen.'
					WHEN prev = ANY (baseline)
					THEN 'Ryk = pladser vundet (+ = bedre). ' || benchmark.html_text(prev)
						 || ' er et basisår uden samlet placering, så ændringen kan ikke fordeles på delene.'
					ELSE 'Ryk = pladser vundet (+ = bedre). Bidragene kan ikke opgøres: de dele, der tæller i totalen, er ikke de samme i de to perioder.' END
		INTO changes, changes_note
		FROM benchmark.model_changes(model_report.model_name, k, prev, model_report.period_label) c
		WHERE c.part <> 'benefit';
	END IF;

	/*
	 * Revised since the last report: the latest pinned moment (the list a
	 * committee was shown) with revisions of the store after it; the move
	 * since then split into the part revised data made and new data made.
	 */
	SELECT * INTO reported FROM benchmark.jobindsats_vintage_pin p
	WHERE p.pinned_at <= coalesce(benchmark_internal.jobindsats_as_of(), pg_catalog.now())
	ORDER BY p.pinned_at DESC LIMIT 1;
	IF prev IS NOT NULL AND reported.pinned_at IS NOT NULL
	   AND EXISTS (SELECT 1 FROM benchmark.jobindsats_observation_revision r
				   WHERE r.replaced_at > reported.pinned_at AND r.replaced_at <= coalesce(benchmark_internal.jobindsats_as_of(), pg_catalog.now())) THEN
		SELECT '<p class="revision">Siden ' || benchmark.html_text(reported.label) || ' ('
			   || pg_catalog.to_char(reported.pinned_at, 'DD.MM.YYYY') || ') er tal i jobindsats revideret. '
			   || CASE WHEN c.reported_placement IS NULL OR c.from_placement IS NULL
					   THEN benchmark.html_text(prev) || ' har ingen samlet placering at sammenligne.'
					   WHEN c.reported_placement = c.from_placement
					   THEN 'Den samlede placering i ' || benchmark.html_text(prev) || ' er den samme med de reviderede tal (nr. '
							|| c.from_placement || ').'
					   ELSE 'Med tallene dengang var ' || benchmark.html_text(k) || ' nr. ' || c.reported_placement || ' i '
							|| benchmark.html_text(prev) || '; med de reviderede tal nr. ' || c.from_placement || '.'
							|| CASE WHEN c.to_placement IS NOT NULL THEN
									' Af rykket siden da (' || benchmark_internal.report_move(c.reported_placement - c.to_placement)
									|| ') skyldes ' || benchmark_internal.report_move(c.places_from_revisions) || ' de reviderede tal og '
									|| benchmark_internal.report_move(c.places_from_new_data) || ' nye tal for ' || benchmark.html_text(model_report.period_label) || '.'
								ELSE '' END END
			   || '</p>'
		INTO revised
		FROM benchmark.model_changes(model_report.model_name, k, prev, model_report.period_label,
									 benchmark_internal.jobindsats_as_of(), reported.pinned_at) c
		WHERE c.part = 'total';
	END IF;

	/* Hvad skal der til? */
	SELECT CASE
			   WHEN pg_catalog.bool_or(n.smallest) THEN
				   pg_catalog.max('Den mindste enkeltændring, der giver en bedre samlet placering: <b>' || benchmark.html_text(n.item)
								  || ' ' || benchmark.report_change(n.change) || ' ' || benchmark.html_text(benchmark.report_change_unit(mm.unit))
								  || '</b> (fra ' || benchmark.report_number(n.value, 2) || ' ' || benchmark.html_text(mm.unit) || '; '
								  || n.places_on_measure || ' pladser frem på målepunktet, forbi ' || benchmark.html_text(n.passes)
								  || ') giver samlet plads <b>' || n.total_placement_then || '</b> i stedet for '
								  || n.total_placement || '.') FILTER (WHERE n.smallest)
			   WHEN pg_catalog.bool_or(n.total_placement IS NULL) THEN
				   'Kommunen har ingen samlet placering i ' || benchmark.html_text(model_report.period_label) || '.'
			   WHEN pg_catalog.bool_or(n.total_placement = 1) THEN 'Kommunen er allerede nr. 1 samlet.'
			   ELSE 'Ingen ændring af ét enkelt målepunkt giver alene en bedre samlet placering.' END
	INTO next_place
	FROM benchmark.model_next_place(model_report.model_name, k, model_report.period_label) n
	LEFT JOIN benchmark.model_measure mm ON mm.model = model_report.model_name AND mm.measure = n.measure;

	SELECT '<table class="what"><thead><tr><th>Målepunkt</th><th class="n">Værdi</th><th class="n">Placering</th>'
		   || '<th class="n">Ændring for én plads mere</th><th>Indhenter</th><th class="n">Område: plads nu → derefter</th>'
		   || '<th class="n">Samlet: plads nu → derefter</th></tr></thead><tbody>'
		   || pg_catalog.string_agg('<tr><td>' || benchmark.html_text(w.item) || ' <span class="muted">('
				|| CASE WHEN w.higher_is_better THEN 'højere er bedre' ELSE 'lavere er bedre' END || ')</span></td><td class="n">'
				|| benchmark.report_number(w.value, 2) || ' ' || benchmark.html_text(mm.unit) || '</td><td class="n">'
				|| benchmark_internal.report_placement(k, 'measure', w.measure, model_report.period_label, w.placement)
				|| '</td><td class="n">'
				|| CASE WHEN w.placement IS NULL THEN 'ingen værdi'
						WHEN w.placement = 1 THEN 'allerede nr. 1'
						ELSE benchmark.report_change(w.change) || ' ' || benchmark.html_text(benchmark.report_change_unit(mm.unit)) END
				|| '</td><td>' || benchmark.html_text(w.passes) || '</td><td class="n">'
				|| benchmark_internal.report_placement(k, 'area', 'area:' || w.area_no, model_report.period_label, w.area_placement)
				|| CASE WHEN w.area_placement_then IS NOT NULL AND w.placement > 1 THEN ' → ' || w.area_placement_then ELSE '' END
				|| '</td><td class="n">'
				|| benchmark_internal.report_placement(k, 'total', 'total', model_report.period_label, w.total_placement)
				|| CASE WHEN w.total_placement_then IS NOT NULL AND w.placement > 1 THEN ' → ' || w.total_placement_then ELSE '' END
				|| '</td></tr>', '' ORDER BY w.area_no, w.item_no, w.measure)
		   || '</tbody></table>'
	INTO what_it_takes
	FROM benchmark.model_what_it_takes(model_report.model_name, k, model_report.period_label) w
	LEFT JOIN benchmark.model_measure mm ON mm.model = model_report.model_name AND mm.measure = w.measure;

	/* Hvor robust er placeringen? 1000 draws of the weights within plus or minus 20 % (seed 1) */
	WITH s AS MATERIALIZED (
		SELECT * FROM benchmark.model_sensitivity(model_report.model_name, model_report.period_label, 1000, 0.2, 1)
	),
	me AS (SELECT * FROM s WHERE s.kommune = k),
	shown AS (
		SELECT s.* FROM s, me
		WHERE s.kommune = k
		   OR (me.placement IS NOT NULL AND s.placement BETWEEN me.placement - 3 AND me.placement + 3)
		   OR EXISTS (SELECT 1 FROM benchmark.peer_group_member g WHERE g.peer_group = group_name AND g.kommune::text = s.kommune)
	)
	SELECT (SELECT CASE WHEN me.placement IS NULL
						THEN k || ' har ingen samlet placering i ' || benchmark.html_text(model_report.period_label) || '.'
						ELSE 'Når hver vægt (målet og de områder, der tæller) ganges med en tilfældig faktor mellem 0,8 og 1,2 '
							 || '(1.000 trækninger), ligger ' || benchmark.html_text(k) || ' mellem nr. <b>' || me.p05
							 || '</b> og nr. <b>' || me.p95 || '</b> i 90 % af trækningerne (median ' || me.median
							 || '; bedst ' || me.best || ', værst ' || me.worst || ') og i top 10 i '
							 || benchmark.report_number(100 * me.top10_share, 1) || ' % af dem.' END
			FROM me),
		   benchmark_internal.report_interval_chart(
			   (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('kommune', x.kommune, 'selected', x.kommune = k,
					'placement', x.placement, 'best', x.best, 'p05', x.p05, 'median', x.median, 'p95', x.p95, 'worst', x.worst))
				FROM shown x),
			   (SELECT pg_catalog.max(s.placement) FROM s), model_report.period_label)
	INTO robust, robust_chart;

	/* the targets of the plans that concern the municipality, each in its latest period that could be judged */
	WITH t AS (
		SELECT x.*,
			   pg_catalog.row_number() OVER (PARTITION BY x.target ORDER BY x.status IN ('met', 'not met') DESC, x.period_end DESC) AS latest,
			   pg_catalog.max(x.period_end) OVER (PARTITION BY x.target) AS last_end
		FROM benchmark.target_status_for(k, NULL) x
	)
	SELECT coalesce('<table class="targets"><thead><tr><th>Plan</th><th>Mål</th><th>Periode</th><th class="n">Faktisk</th>'
			   || '<th class="n">Mål-værdi</th><th>Enhed</th><th>Status</th><th class="n">Margin (+ = bedre)</th></tr></thead><tbody>'
			   || pg_catalog.string_agg('<tr><td>' || benchmark.html_text(t.plan) || '</td><td>' || benchmark.html_text(t.title)
					|| '</td><td>' || benchmark.html_text(t.period) || '</td><td class="n">' || benchmark.report_number(t.actual, 2)
					|| '</td><td class="n">' || benchmark.report_number(t.target_value, 2) || '</td><td>' || benchmark.html_text(t.unit)
					|| '</td><td>' || CASE WHEN t.status = 'met' THEN '<span class="st met">✔ nået</span>'
										   WHEN t.status = 'not met' AND t.trend_direction = 'improving' AND t.period_end < t.last_end
											   THEN '<span class="st way">➚ på vej</span>'
										   WHEN t.status = 'not met' THEN '<span class="st not">✘ ikke nået</span>'
										   WHEN t.status = 'not due' THEN '<span class="st way">ikke forfalden</span>'
										   ELSE '<span class="st none">ingen data</span>' END
					|| '</td><td class="n">' || CASE WHEN t.margin IS NOT NULL THEN benchmark.report_signed(t.margin, 2) ELSE '–' END
					|| '</td></tr>', '' ORDER BY t.plan, t.target)
			   || '</tbody></table>',
			   '<p>Der er ingen mål for ' || benchmark.html_text(k) || ' i kataloget.</p>')
	INTO targets
	FROM t WHERE t.latest = 1;

	/* the ministry's benchmark Y30R21 beside the model, where loaded */
	WITH y AS (
		SELECT b.* FROM benchmark.y30r21_beside_model(model_report.model_name, model_report.period_label) b
		WHERE b.star_placement IS NOT NULL
	),
	shown AS (
		SELECT y.* FROM y
		WHERE y.kommune = k
		   OR EXISTS (SELECT 1 FROM benchmark.peer_group_member g WHERE g.peer_group = group_name AND g.kommune::text = y.kommune)
	),
	look_tied AS (
		SELECT pg_catalog.string_agg(a.kommune || ' og ' || b.kommune || ' (begge ' || benchmark.report_number(a.star_difference, 2)
									 || ') står nr. ' || a.star_placement || ' og ' || b.star_placement, '; '
									 ORDER BY a.star_placement) AS pairs
		FROM shown a JOIN shown b ON pg_catalog.round(a.star_difference, 2) = pg_catalog.round(b.star_difference, 2)
								 AND a.star_placement < b.star_placement
	)
	SELECT '<table class="star"><thead><tr><th>Kommune</th><th class="n">STAR-placering</th><th class="n">Faktisk andel (%)</th>'
		   || '<th class="n">Forventet andel (%)</th><th class="n">Faktisk − forventet (procentpoint)</th>'
		   || '<th class="n">Modellens samlede placering ' || benchmark.html_text(model_report.period_label) || '</th></tr></thead><tbody>'
		   || pg_catalog.string_agg('<tr' || CASE WHEN s.kommune = k THEN ' class="me"' ELSE '' END || '><td>' || benchmark.html_text(s.kommune)
				|| '</td><td class="n">' || s.star_placement || ' af ' || (SELECT pg_catalog.count(*) FROM y)
				|| '</td><td class="n">' || benchmark.report_number(s.star_actual_share, 2)
				|| '</td><td class="n">' || benchmark.report_number(s.star_expected_share, 2)
				|| '</td><td class="n">' || benchmark.report_number(s.star_difference, 2)
				|| '</td><td class="n">' || benchmark_internal.report_placement(s.kommune, 'total', 'total', model_report.period_label, s.model_placement)
				|| '</td></tr>', '' ORDER BY s.star_placement)
		   || '</tbody></table>',
		   'STAR (Styrelsen for Arbejdsmarked og Rekruttering) rangerer niveauet af offentlig forsørgelse mod det, '
		   || 'rammevilkårene forudsiger: faktisk minus forventet andel af de 16-66-årige, laveste = nr. 1 ('
		   || benchmark.html_text(pg_catalog.max(s.star_period)) || ', ' || benchmark.html_text(pg_catalog.max(s.star_group))
		   || '). Modellen rangerer udviklingen mod en basisperiode og indsatsområderne; de to lister måler noget forskelligt. '
		   || 'STAR rangerer de uafrundede værdier, så kommuner med samme afrundede forskel kan stå på hver sin plads'
		   || coalesce(': ' || benchmark.html_text((SELECT lt.pairs FROM look_tied lt)), '') || '.'
		   || CASE WHEN is_synthetic THEN ' STAR-tallene er Jobindsats.dk''s; modellens placeringer er beregnet på SYNTETISKE DATA.' ELSE '' END
	INTO star, star_note
	FROM shown s
	HAVING pg_catalog.count(*) > 0;

	/* data: periods, sources, what was missing and why */
	SELECT '<table class="data"><thead><tr><th>Del</th><th>Hvad</th><th>Tabel</th><th>Problem</th><th>Kommuner / perioder</th></tr></thead><tbody>'
		   || pg_catalog.string_agg('<tr><td>' || CASE d.part WHEN 'measure' THEN 'målepunkt' WHEN 'benefit' THEN 'ydelse' ELSE benchmark.html_text(d.part) END
				|| '</td><td>' || benchmark.html_text(d.name) || '</td><td>' || benchmark.html_text(d.table_id) || '</td><td>'
				|| CASE d.problem WHEN 'municipalities missing' THEN 'kommuner uden værdi'
								  WHEN 'periods missing' THEN 'perioder uden værdi'
								  WHEN 'table not loaded' THEN 'tabellen er ikke indlæst'
								  WHEN 'table cannot be read' THEN 'tabellen kan ikke læses'
								  WHEN 'measure not found' THEN 'måltallet findes ikke i tabellen'
								  WHEN 'breakdown values not found' THEN 'opdelingen findes ikke i tabellen'
								  ELSE benchmark.html_text(d.problem) END
				|| '</td><td>' || benchmark.html_text(pg_catalog.array_to_string(coalesce(d.kommuner, d.periods), ', ')) || '</td></tr>',
				'' ORDER BY d.part, d.name, d.term)
		   || '</tbody></table>'
	INTO missing
	FROM benchmark.model_missing_data(model_report.model_name, model_report.period_label) d
	WHERE d.problem IS NOT NULL;

	SELECT '<table class="data"><thead><tr><th>Kommune</th><th>Udeladt af</th><th>Hvorfor</th></tr></thead><tbody>'
		   || pg_catalog.string_agg('<tr' || CASE WHEN x.kommune = k THEN ' class="me"' ELSE '' END || '><td>' || benchmark.html_text(x.kommune)
				|| '</td><td>' || benchmark.html_text(x.what) || '</td><td>' || benchmark.html_text(x.why) || '</td></tr>', ''
				ORDER BY x.ord, x.kommune)
		   || '</tbody></table>'
	INTO left_out
	FROM (SELECT l.kommune,
				 pg_catalog.min(CASE l.part WHEN 'model' THEN 0 WHEN 'total' THEN 1 ELSE 2 END) AS ord,
				 pg_catalog.string_agg(DISTINCT CASE l.part WHEN 'model' THEN 'hele modellen' WHEN 'total' THEN 'samlet placering'
														   WHEN 'goal' THEN 'målet' ELSE l.item END, ', ') AS what,
				 pg_catalog.string_agg(DISTINCT CASE WHEN l.part = 'model' THEN pg_catalog.regexp_replace(l.reason, '^[^:]*: ', '')
													 WHEN l.part = 'measure' THEN 'ingen værdi for ' || l.item || ' (diskretioneret eller mangler)'
													 WHEN l.part = 'benefit' THEN 'ingen udvikling for ' || l.item
													 WHEN l.period = ANY (baseline) THEN 'basisår'
												END, '; ') AS why
		  FROM benchmark.model_left_out(model_report.model_name, model_report.period_label) l
		  /* in the baseline term nobody has a goal or total placement: the report says so once */
		  WHERE NOT (l.period = ANY (baseline) AND l.part IN ('total', 'goal', 'benefit'))
		  GROUP BY l.kommune) x;

	SELECT '<table class="data"><thead><tr><th>Nr.</th><th>Indsatsområde</th><th>Målepunkt</th><th>Enhed</th><th>Retning</th>'
		   || '<th>Kilde</th></tr></thead><tbody>'
		   || pg_catalog.string_agg('<tr><td>' || a.area_no || '</td><td>' || benchmark.html_text(a.name_da) || '</td><td>'
				|| benchmark.html_text(mm.name_da) || '</td><td>' || benchmark.html_text(mm.unit) || '</td><td>'
				|| CASE WHEN mm.higher_is_better THEN 'højere er bedre' ELSE 'lavere er bedre' END || '</td><td>'
				|| benchmark.html_text(mm.jobindsats) || '</td></tr>', '' ORDER BY a.area_no, mm.position)
		   || '</tbody></table>'
	INTO data_section
	FROM benchmark.model_measure mm JOIN benchmark.model_area a ON a.model = mm.model AND a.area_no = mm.area_no
	WHERE mm.model = model_report.model_name;

	RETURN '<!DOCTYPE html>' || E'\n'
		|| '<html lang="da"><head><meta charset="utf-8">'
		|| '<meta http-equiv="Content-Security-Policy" content="default-src ''none''; style-src ''unsafe-inline''; img-src data:">'
		|| '<meta name="viewport" content="width=device-width, initial-scale=1">'
		|| '<title>' || benchmark.html_text(doc_title) || '</title><style>'
		/* in print the banner and the source go in every page's margin boxes */
		|| '@page{size:A4;margin:18mm 12mm 16mm 12mm;'
		|| CASE WHEN is_synthetic THEN '@top-center{content:"SYNTETISKE DATA – tallene er konstruerede eksempeldata, ikke virkelige tal";'
				|| 'color:#fff;background:#b3261e;font-weight:bold;font-size:9pt;width:100%;height:7mm;margin-top:5mm}' ELSE '' END
		|| '@bottom-left{content:"Kilde: Jobindsats.dk";font-size:8pt;color:#55626e}'
		|| '@bottom-right{content:"Side " counter(page) " af " counter(pages);font-size:8pt;color:#55626e}}'
		|| 'body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:10pt;color:#1d2730;margin:0 auto;max-width:720px;padding:0 16px 24px}'
		|| 'h1{font-size:18pt;margin:14px 0 2px}h2{font-size:13pt;margin:22px 0 6px;border-bottom:2px solid #1f5fa8;padding-bottom:2px;break-after:avoid}'
		|| 'h3{font-size:10.5pt;margin:12px 0 4px;break-after:avoid}p{margin:4px 0 8px;line-height:1.4}.sub{color:#55626e;margin:0 0 8px}'
		|| '.synthetic{background:#b3261e;color:#fff;font-weight:bold;text-align:center;padding:6px;letter-spacing:.08em;margin:0 -16px}'
		|| 'table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:9pt}th,td{padding:2px 5px;border-bottom:1px solid #dde3e8;vertical-align:top;text-align:left}'
		|| 'th{background:#eef3f8;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}tr.sum td{font-weight:600;background:#f6f8fa}'
		|| 'tr.total td,tr.me td{font-weight:700;background:#e6eef8}tr.measure td{color:#55626e;font-size:8.5pt}tr.measure td:first-child{padding-left:16px}'
		|| '.muted{color:#6b7783;font-size:8.5pt}.mv.up{color:#1b7a3d}.mv.down{color:#b3261e}.mv.same{color:#6b7783}'
		|| '.headline .big{font-size:13pt;margin:8px 0 2px}.headline .rank{font-size:30pt;font-weight:700;color:#1f5fa8}'
		|| '.st.met{color:#1b7a3d}.st.not{color:#b3261e}.st.way{color:#9a6700}.st.none{color:#6b7783}'
		|| 'svg text{font-family:inherit}svg .ax{font-size:9px;fill:#55626e}svg .blp{font-style:italic}svg .bl{font-size:9px;fill:#55626e;font-style:italic}'
		|| 'svg .ct{font-size:10px;font-weight:600;fill:#1d2730}svg .grid{stroke:#e3e8ed;stroke-width:1}svg .baseline{fill:#f0f0f0}'
		|| 'svg .line{fill:none;stroke-linejoin:round}svg .line.peer{stroke:#a9b4be;stroke-width:1.5}svg .line.sel{stroke:#1f5fa8;stroke-width:3}'
		|| 'svg .mark.peer{fill:#a9b4be}svg .mark.sel{fill:#1f5fa8;stroke:#fff;stroke-width:1}svg .val{font-size:9px;font-weight:700;fill:#1f5fa8}'
		|| 'svg.compact .val{font-size:8px}svg .end{font-size:10px;fill:#6b7783}svg .end.sel{fill:#1f5fa8;font-weight:700}'
		|| 'svg .range{stroke:#8a96a1;stroke-width:1.5}svg .p90{fill:#b9cde4}svg .median{fill:#1d2730}svg .sel .p90{fill:#1f5fa8}svg .sel .name{font-weight:700}'
		|| 'svg .name{font-size:10px}svg .axis{stroke:#8a96a1}svg .better{fill:#1b7a3d}svg .worse{fill:#b3261e}'
		|| '.small{display:flex;flex-wrap:wrap;gap:4px}.legend{font-size:8.5pt;color:#55626e}'
		|| 'footer{margin-top:18px;border-top:1px solid #dde3e8;padding-top:6px;font-size:8.5pt;color:#55626e}'
		|| 'section{break-inside:auto}svg,table.parts,.headline{break-inside:avoid}tr{break-inside:avoid}'
		|| '@media print{body{max-width:none;padding:0}.synthetic{display:none}.pagebreak{break-before:page}}'
		|| '</style></head><body>'
		|| banner
		|| '<h1>' || benchmark.html_text(doc_title) || '</h1>'
		|| '<p class="sub">' || benchmark.html_text(md.title_da) || ' (model ' || benchmark.html_text(md.model) || '), periode '
		|| benchmark.html_text(model_report.period_label) || coalesce(', sammenlignet med ' || benchmark.html_text(group_title), '') || '</p>'
		|| headline
		|| '<section><h2>Placering over tid</h2><p class="legend">1. plads øverst. ' || benchmark.html_text(k)
		|| ' er fremhævet' || coalesce(' blandt ' || benchmark.html_text(group_title), '')
		|| CASE WHEN pg_catalog.cardinality(baseline) > 0 THEN '; de skraverede år ' || md.baseline_from || '–' || md.baseline_to
				|| ' er basisperioden, som målet måles imod, så de har ingen samlet placering og ingen placering på målet' ELSE '' END
		|| '.</p>' || coalesce(bump, '') || '<div class="small">' || coalesce(bump_parts, '') || '</div></section>'
		|| '<section class="pagebreak"><h2>Scorekort ' || benchmark.html_text(model_report.period_label) || '</h2>'
		|| '<p class="legend">Som i planens tabeller: målet pr. ydelse (udvikling mod basisperioden; negativ = færre på ydelse), '
		|| 'derefter hvert indsatsområde med målepunkternes værdi og placering, rangsummen (mellemregningen) og områdets placering.</p>'
		|| coalesce(scorecard, '') || '</section>'
		|| '<section><h2>Hvorfor flyttede vi os?</h2>'
		|| coalesce('<p class="legend">' || changes_note || '</p>' || changes, '<p>Der er ingen tidligere periode at sammenligne med.</p>')
		|| coalesce(revised, '')
		|| '</section>'
		|| '<section><h2>Hvad skal der til?</h2><p>' || coalesce(next_place, '') || '</p>'
		|| '<p class="legend">Pr. målepunkt: den ændring af værdien alene, der giver mindst én plads mere på målepunktet (værdien hos '
		|| 'den næste placering; lige værdier deler placering), i målepunktets enhed (procentpoint for procenter), afrundet op til '
		|| 'to betydende cifre, så den altid rækker; + = værdien skal op, − = ned. Områdets og den samlede placering er '
		|| 'beregnet igen af modellen med den ene ændring.</p>'
		|| coalesce(what_it_takes, '') || '</section>'
		|| '<section><h2>Hvor robust er placeringen?</h2><p>' || coalesce(robust, '') || '</p>'
		|| '<p class="legend">Tynd linje: bedste til værste placering; bjælke: 5 %–95 % af trækningerne; prik: medianen; '
		|| 'tallet i parentes er placeringen med modellens egne vægte.</p>'
		|| coalesce(robust_chart, '') || '</section>'
		|| '<section><h2>Mål i planerne</h2><p class="legend">Hvert mål i den seneste periode, der kunne vurderes. Margin = faktisk '
		|| 'værdi i forhold til målet i målets enhed, + = bedre end målet. På vej = ikke nået endnu, men udviklingen går den rigtige vej '
		|| 'før planens sidste år.</p>' || targets || '</section>'
		|| coalesce('<section><h2>Ministeriets benchmark (Y30R21)</h2><p class="legend">' || star_note || '</p>' || star || '</section>', '')
		|| '<section class="pagebreak"><h2>Data</h2>'
		|| '<p>Perioder med data: ' || benchmark.html_text(pg_catalog.array_to_string(periods, ', '))
		|| CASE WHEN pg_catalog.cardinality(baseline) > 0 THEN ' (basisperiode ' || md.baseline_from || '–' || md.baseline_to || ')' ELSE '' END
		|| '. Målet vejer ' || benchmark.report_number(md.goal_weight, 0) || ' mod hvert områdes vægt.'
		|| coalesce(' Tallene er læst, som de var ' || pg_catalog.to_char(benchmark_internal.jobindsats_as_of(), 'DD.MM.YYYY "kl." HH24:MI') || '.', '')
		|| CASE WHEN is_synthetic THEN ' <b>Modellens tal er SYNTETISKE DATA: konstruerede eksempeldata i jobindsats-tabellernes form, ikke virkelige tal.</b>' ELSE '' END
		|| '</p><h3>Hvem blev udeladt i ' || benchmark.html_text(model_report.period_label) || ', og hvorfor</h3>'
		|| CASE WHEN model_report.period_label = ANY (baseline)
				THEN '<p>' || benchmark.html_text(model_report.period_label) || ' ligger i basisperioden ' || md.baseline_from || '–'
					 || md.baseline_to || ', som målet måles imod: ingen kommune har en udvikling, en placering på målet eller en '
					 || 'samlet placering. Indsatsområderne placeres.</p>' ELSE '' END
		|| coalesce(left_out, '<p>Ingen.</p>')
		|| '<h3>Hvad mangler i de indlæste data</h3>' || coalesce(missing, '<p>Intet mangler.</p>')
		|| '<h3>Målepunkter og kilder</h3>' || coalesce(data_section, '')
		|| '<h3>Sådan læses tallene</h3><p class="legend">Placeringer er hele tal, 1 = bedst. Ryk og bidrag: + = bedre. '
		|| 'Point (vægtet placering, rangsum, bidrag) og værdier (målepunkter, mål, STAR-andele) med 2 decimaler, udvikling og andele i '
		|| 'procent med 1 decimal, den nødvendige ændring med 2 betydende cifre afrundet op.</p>'
		|| '</section>'
		|| '<footer>Kilde: Jobindsats.dk' || CASE WHEN is_synthetic THEN ' (tabellernes form; tallene er SYNTETISKE DATA)' ELSE '' END
		|| '. Beregnet med PostgreSQL-udvidelsen benchmark, model ' || benchmark.html_text(md.model) || '.</footer>'
		|| '</body></html>' || E'\n';
END
$$;

COMMENT ON FUNCTION benchmark.model_report(text, text, text, text, boolean) IS
'The report a city council reads: one self-contained Danish HTML document (inline CSS and SVG, no script, nothing fetched, A4 print) for a municipality and period of a model: the placement and its move, bump charts among the peer group (the given one, else the smallest), the scorecard, why it moved, what it would take, how robust it is, the plans'' targets, STAR''s Y30R21 where loaded, and the data, what was missing and why; synthetic (NULL: detected from the comments of the database''s schemas and the model''s sources) adds a SYNTETISKE DATA banner';
