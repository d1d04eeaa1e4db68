-- The main job's explaining part, on the SYNTHETIC sample data: why Sønderborg
-- (or another municipality: psql -v kommune=Aabenraa -f test/demo_explain.sql)
-- moved from 2022 to 2023, what it would take to gain a place, and how robust
-- its placement is, with small text charts.  Run from the repository root after
-- demo_model.sql (which loads the sample data; this file loads it when missing).
\set QUIET on
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
SELECT to_regclass('model_sources.stillingsopslag') IS NULL AS need_sample \gset
\if :need_sample
\o /dev/null
\i test/data/load_sample.sql
\o
\endif
\if :{?kommune}
\else
\set kommune Sønderborg
\endif
\pset footer off

\echo
\echo '== Hvorfor flyttede vi os? (why did we move?)' :kommune '2022 -> 2023 -- SYNTETISKE DATA / synthetic sample data'
\echo '   Bidrag = the part''s share of the change of the weighted total score (lower is better: negative = helped, positive = cost)'
SELECT CASE part WHEN 'total' THEN 'I alt' WHEN 'goal' THEN 'Målet' ELSE item END AS "Del",
	   weight AS "Vægt", from_placement AS "2022", to_placement AS "2023", places_gained AS "Ryk",
	   round(score_contribution, 3) AS "Bidrag",
	   CASE WHEN score_contribution < 0 THEN rpad('', 12 - least(12, round(-score_contribution * 4)::int)) || repeat('▓', least(12, round(-score_contribution * 4)::int)) || '|'
			WHEN score_contribution > 0 THEN rpad('', 12) || '|' || repeat('░', least(12, round(score_contribution * 4)::int))
			WHEN score_contribution = 0 THEN rpad('', 12) || '|' END AS "bedre ▓ | ░ værre",
	   note AS "Note"
FROM model_changes('sonderborg-2023', :'kommune', '2022', '2023')
WHERE part IN ('total', 'goal', 'area');

\echo '== Hvad skal der til? (what would it take?)' :kommune '2023: one measure at a time, re-ranked'
SELECT item AS "Målepunkt", placement AS "Plac.", round(value, 3) AS "Værdi",
	   round(value_to_gain_one, 3) AS "Værdi for +1", passes AS "Indhenter",
	   area_placement || ' -> ' || area_placement_then AS "Område", total_placement || ' -> ' || total_placement_then AS "I alt",
	   note AS "Note"
FROM model_what_it_takes('sonderborg-2023', :'kommune', '2023');
\echo '   The smallest single-measure change that reaches a better total placement:'
SELECT CASE WHEN bool_or(smallest) THEN
			max(format('%s: %s -> %s (%s places on the measure, %s %%) gives total placement %s instead of %s',
					   item, round(value, 3), round(value_needed, 3), places_on_measure, round(relative_change * 100, 1),
					   total_placement_then, total_placement)) FILTER (WHERE smallest)
			ELSE coalesce(max(note), 'no single measure reaches a better total placement') END AS "Næste plads"
FROM model_next_place('sonderborg-2023', :'kommune', '2023');

\echo '== Hvor robust er placeringen? (how robust?) 2023: 1,000 draws of the weights, each within +-20 % (seed 1)'
\echo '   ─ best..worst  ═ 5 %..95 %  ● median  (scale 1..60)'
WITH s AS (SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 1000, 0.2, 1)),
me AS (SELECT placement FROM s WHERE kommune = (:'kommune'::kommune)::text)
SELECT s.placement AS "Plac.", s.kommune AS "Kommune", s.best AS "Bedst", s.p05 AS "5 %", s.median AS "Median",
	   s.p95 AS "95 %", s.worst AS "Værst", s.top10_share AS "Top 10",
	   (SELECT string_agg(CASE WHEN x = s.median THEN '●' WHEN x BETWEEN s.p05 AND s.p95 THEN '═'
							   WHEN x BETWEEN s.best AND s.worst THEN '─' ELSE '·' END, '' ORDER BY x)
		FROM generate_series(1, 60) x) AS "1 .. 60"
FROM s, me
WHERE s.placement BETWEEN me.placement - 4 AND me.placement + 4
ORDER BY s.placement, s.kommune;
\echo '   Near ties in the total (weighted mean placement):'
SELECT format('%s: score %s, %s from placement %s (%s), %s ahead of placement %s (%s)%s',
			  kommune, round(score, 4), round(gap_to_better, 4), better_placement, better_kommuner,
			  round(gap_to_worse, 4), worse_placement, worse_kommuner,
			  CASE WHEN tied > 1 THEN format('; shares placement %s with %s other(s)', placement, tied - 1) ELSE '' END) AS "Tæt på"
FROM model_placement_gaps('sonderborg-2023', '2023')
WHERE part = 'total' AND kommune = (:'kommune'::kommune)::text;
\echo '   Named scenarios (missing-data policies, one measure left out):'
SELECT scenario AS "Scenarie", scenario_placement AS "Placering", places_gained AS "Ryk"
FROM model_scenarios('sonderborg-2023', '2023')
WHERE kommune = (:'kommune'::kommune)::text
ORDER BY CASE kind WHEN 'nominal' THEN 0 WHEN 'missing-data policy' THEN 1 ELSE 2 END, scenario;

\echo '== Placering over tid (placement over time)' :kommune
SELECT period AS "Periode", placement AS "Placering", ranked AS "af",
	   coalesce(repeat('█', ((95 - placement) / 2)::int), '(' || split_part(note, ':', 1) || ')') AS "(longer = better)"
FROM model_placements_over_time
WHERE model = 'sonderborg-2023' AND kommune = (:'kommune'::kommune)::text AND part = 'total'
ORDER BY period;
