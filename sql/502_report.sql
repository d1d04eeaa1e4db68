-- The report on the SYNTHETIC sample data: the number, sign and escaping
-- rules of model_report, what the document holds, the chart-ready rows of
-- model_chart_placements, and clear errors.  test/702_report_browser.sh
-- renders the reports in a browser.
-- (in a copy of the sample's template database, test/data/sample_database.sql)
\set ECHO none
\o /dev/null
\set sample_db regress_sample_502
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

--
-- One rounding rule per kind of number, Danish notation, + = better
--
SELECT x, report_number(x, 2) AS two, report_number(x, 0) AS whole, report_signed(x, 2) AS signed
FROM (VALUES (1234567.891), (-0.094), (-0.004), (0), (NULL)) v(x);
-- the change needed: two significant digits, away from zero (always enough)
SELECT x, report_change(x) AS change
FROM (VALUES (0.000231), (0.0292), (-0.2441), (0.4), (1234), (-7), (0), (NULL)) v(x);
SELECT report_change_unit('pct.') AS pct, report_change_unit('pct.-point') AS point, report_change_unit('personer') AS persons;
SELECT benchmark_internal.report_move(3) AS better, benchmark_internal.report_move(-6) AS worse, benchmark_internal.report_move(0) AS same, benchmark_internal.report_move(NULL) AS none;
SELECT html_text('<script>alert(1)</script> & "Ø" ''x''') AS escaped, html_text(NULL) = '' AS null_is_empty;
SELECT benchmark_internal.report_placement('Sønderborg', 'total', 'total', '2023', 25) AS placed,
	   benchmark_internal.report_placement('Sønderborg', 'total', 'total', '2021', NULL, 'basisår <i>') AS not_placed;

--
-- The report of Sønderborg 2023
--
CREATE TEMP TABLE r AS SELECT model_report('sonderborg-2023', 'Sønderborg', '2023') AS html;
SELECT left(html, 15) AS starts, right(html, 8) AS ends,
	   html LIKE '%<meta charset="utf-8">%' AS utf8,
	   html LIKE '%@page{size:A4%' AS a4,
	   html LIKE '%Content-Security-Policy" content="default-src ''none''%' AS nothing_loads,
	   html !~* '<script|\son[a-z]+=|<img|<link|<iframe|url\(|https?://(?!www\.w3\.org/2000/svg)' AS nothing_outside
FROM r;
-- the sections, the banner (the sample's schemas say SYNTETISKE DATA) and the source
SELECT s AS section, strpos(html, s) > 0 AS shown
FROM r, unnest(ARRAY['SYNTETISKE DATA', 'plads af 82 placerede kommuner', 'Placering over tid', 'Scorekort 2023',
					 'Hvorfor flyttede vi os?', 'Hvad skal der til?', 'Hvor robust er placeringen?', 'Mål i planerne',
					 'Hvem blev udeladt i 2023', 'Kilde: Jobindsats.dk']) s;
-- the headline's placement and move equal the runner's
SELECT (regexp_match(html, '<span class="rank"><span class="pl"[^>]*data-placement="(\d+)"'))[1]::integer AS shown,
	   (SELECT placement FROM model_placements('sonderborg-2023', '2023') WHERE part = 'total' AND kommune = 'Sønderborg') AS runner,
	   (regexp_match(html, '<p class="move"><span class="mv up">▲ ([^<]*)</span>'))[1] AS move
FROM r;
-- every placement shown equals the runner's (the browser test checks the rendered DOM the same way)
WITH shown AS (
	SELECT m[1] AS kommune, m[2] AS part, m[3] AS item_key, m[4] AS period, nullif(m[5], '')::integer AS placement
	FROM r, regexp_matches(html, 'data-kommune="([^"]*)" data-part="([^"]*)" data-item="([^"]*)" data-period="([^"]*)" data-placement="([^"]*)"', 'g') m
)
SELECT count(*) > 100 AS many, count(*) FILTER (WHERE p.kommune IS NULL) AS unknown,
	   count(*) FILTER (WHERE s.placement IS DISTINCT FROM p.placement) AS differ
FROM shown s
LEFT JOIN model_placements('sonderborg-2023') p
  ON p.kommune = s.kommune AND p.part = s.part AND p.item_key = s.item_key AND p.period = s.period;
-- one mark per placed period: Sønderborg's total is placed in 2022 and 2023 only (2018-2021 are the baseline)
SELECT count(*) AS total_marks
FROM r, regexp_matches(html, '<circle class="mark sel"[^>]*data-part="total"', 'g');
SELECT count(*) AS baseline_bands FROM r, regexp_matches(html, '<rect class="baseline"', 'g');
-- the change needed is a change in the measure's unit; contributions and margins carry + = better
SELECT strpos(html, 'Revalideringsforløb +0,0014 procentpoint') > 0 AS change_shown,
	   strpos(html, '<td class="n">+2,14</td>') > 0 AS contribution_better_positive,
	   strpos(html, 'Ministeriets benchmark') = 0 AS y30r21_only_where_loaded
FROM r;

-- without the banner when the caller says the data are real; a peer group given
WITH g AS (SELECT model_report('sonderborg-2023', 'Sønderborg', '2023', 'sydjylland', false) AS html)
SELECT strpos(html, 'SYNTETISKE') = 0 AS no_banner, strpos(html, 'sammenlignet med Sydjylland') > 0 AS group_named FROM g;

-- names from data are escaped
SELECT model_copy('sonderborg-2023', 'hostile') IS NOT NULL AS copied;
UPDATE model SET title_da = '<script>alert(1)</script> & "Ø"' WHERE model = 'hostile';
UPDATE model_measure SET name_da = '<b onmouseover="x()">' || measure WHERE model = 'hostile';
WITH h AS (SELECT model_report('hostile', 'Sønderborg', '2023') AS html)
SELECT strpos(html, '<script') = 0 AS no_script, strpos(html, '<b onmouseover') = 0 AS no_handler,
	   strpos(html, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ø&quot;') > 0 AS title_as_text,
	   strpos(html, '&lt;b onmouseover=&quot;x()&quot;&gt;revalidering') > 0 AS measure_as_text
FROM h;

--
-- model_chart_placements: what a BI tool's bump chart needs
--
SELECT count(*) > 0 AS rows_, bool_and(placement_axis = -placement OR placement IS NULL) AS axis_inverted,
	   bool_and(score_display = round(score, 2) OR score IS NULL) AS display_rounded,
	   count(DISTINCT kommune) FILTER (WHERE selected) AS selected,
	   array_agg(DISTINCT kommune ORDER BY kommune) FILTER (WHERE in_peer_group) AS peer_group_members,
	   min(peer_group) AS peer_group,
	   count(*) FILTER (WHERE baseline AND part = 'total' AND placement IS NOT NULL) AS baseline_totals
FROM model_chart_placements('sonderborg-2023', 'Sønderborg');
SELECT period, placement, placement_axis, score_display, baseline
FROM model_chart_placements('sonderborg-2023', 'Sønderborg')
WHERE selected AND part = 'total' ORDER BY period;
SELECT period, placement_axis, score_display, baseline
FROM model_placements_over_time
WHERE model = 'sonderborg-2023' AND kommune = 'Sønderborg' AND part = 'total' ORDER BY period;

--
-- Bad arguments: clear errors with SQLSTATEs
--
SELECT pg_temp.err($$SELECT model_report('no-such-model', 'Sønderborg', '2023')$$);
SELECT pg_temp.err($$SELECT model_report('sonderborg-2023', 'Nowhere', '2023')$$);
SELECT pg_temp.err($$SELECT model_report('sonderborg-2023', 'Fanø', '2023')$$);
SELECT pg_temp.err($$SELECT model_report('sonderborg-2023', 'Sønderborg', '2031')$$);
SELECT pg_temp.err($$SELECT model_report('sonderborg-2023', 'Sønderborg', 'sometime')$$);
SELECT pg_temp.err($$SELECT model_report('sonderborg-2023', NULL, '2023')$$);
SELECT pg_temp.err($$SELECT model_report('sonderborg-2023', 'Sønderborg', '2023', 'no-such-group')$$);
SELECT pg_temp.err($$SELECT * FROM model_chart_placements('sonderborg-2023', NULL)$$);

-- the copy of the sample goes
\c :sample_home
DROP DATABASE :"sample_db";
