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
\echo '== Hvorfor flyttede vi os?' :kommune '2022 -> 2023 -- SYNTETISKE DATA'
\echo '   Ryk = pladser vundet, Bidrag = point af den vægtede placering, som delen flyttede (vægt x ryk / sum af vægte);'
\echo '   begge + = bedre; bidragene summer til ændringen af den vægtede placering'
SELECT CASE part WHEN 'total' THEN 'I alt' WHEN 'goal' THEN 'Målet' ELSE item END AS "Del",
	   weight AS "Vægt", from_placement AS "2022", to_placement AS "2023", places_gained AS "Ryk",
	   round(-score_contribution, 2) AS "Bidrag",
	   CASE WHEN score_contribution > 0 THEN rpad('', 12 - least(12, round(score_contribution * 4)::int)) || repeat('░', least(12, round(score_contribution * 4)::int)) || '|'
			WHEN score_contribution < 0 THEN rpad('', 12) || '|' || repeat('▓', least(12, round(-score_contribution * 4)::int))
			WHEN score_contribution = 0 THEN rpad('', 12) || '|' END AS "værre ░ | ▓ bedre"
FROM model_changes('sonderborg-2023', :'kommune', '2022', '2023')
WHERE part IN ('total', 'goal', 'area');

\echo '== Hvad skal der til?' :kommune '2023: ét målepunkt ad gangen, beregnet igen af modellen'
\echo '   Ændring = hvad værdien alene skal flytte sig for én plads mere på målepunktet (2 betydende cifre, rundet op,'
\echo '   så den rækker; + = op, - = ned)'
SELECT w.item AS "Målepunkt", w.placement AS "Plac.", round(w.value, 2) AS "Værdi",
	   CASE WHEN w.placement = 1 THEN 'allerede nr. 1' WHEN w.placement IS NULL THEN 'ingen værdi'
			ELSE translate(replace(report_change(w.change), '.', ''), ',−', '.-') || ' ' || report_change_unit(mm.unit) END AS "Ændring for +1 plads",
	   w.passes AS "Indhenter",
	   w.area_placement || ' -> ' || w.area_placement_then AS "Område", w.total_placement || ' -> ' || w.total_placement_then AS "I alt"
FROM model_what_it_takes('sonderborg-2023', :'kommune', '2023') w
LEFT JOIN model_measure mm ON mm.model = 'sonderborg-2023' AND mm.measure = w.measure;
\echo '   Den mindste ændring af ét målepunkt, der giver en bedre samlet placering:'
SELECT CASE WHEN bool_or(n.smallest) THEN
			max(format('%s %s %s (nu %s; %s pladser frem på målepunktet) giver samlet plads %s, ikke %s',
					   n.item, translate(replace(report_change(n.change), '.', ''), ',−', '.-'), report_change_unit(mm.unit), round(n.value, 2), n.places_on_measure,
					   n.total_placement_then, n.total_placement)) FILTER (WHERE n.smallest)
			WHEN bool_or(n.total_placement IS NULL) THEN 'ingen samlet placering i 2023'
			WHEN bool_or(n.total_placement = 1) THEN 'allerede nr. 1 samlet'
			ELSE 'ingen ændring af ét enkelt målepunkt giver alene en bedre samlet placering' END AS "Næste plads"
FROM model_next_place('sonderborg-2023', :'kommune', '2023') n
LEFT JOIN model_measure mm ON mm.model = 'sonderborg-2023' AND mm.measure = n.measure;

\echo '== Hvor robust er placeringen? 2023: 1.000 trækninger af vægtene, hver inden for +-20 % (seed 1)'
\echo '   ─ bedst..værst  ═ 5 %..95 %  ● median  (skala 1..45)'
WITH s AS (SELECT * FROM model_sensitivity('sonderborg-2023', '2023', 1000, 0.2, 1)),
me AS (SELECT placement FROM s WHERE kommune = (:'kommune'::kommune)::text)
SELECT s.placement AS "Plac.", s.kommune AS "Kommune", s.best AS "Bedst", s.p05 AS "5 %", s.median AS "Median",
	   s.p95 AS "95 %", s.worst AS "Værst", round(100 * s.top10_share, 1) AS "Top 10 (%)",
	   (SELECT string_agg(CASE WHEN x = s.median THEN '●' WHEN x BETWEEN s.p05 AND s.p95 THEN '═'
							   WHEN x BETWEEN s.best AND s.worst THEN '─' ELSE '·' END, '' ORDER BY x)
		FROM generate_series(1, 45) x) AS "1 .. 45"
FROM s, me
WHERE s.placement BETWEEN me.placement - 4 AND me.placement + 4
ORDER BY s.placement, s.kommune;
\echo '   Tæt på naboerne (den vægtede placering, 2 decimaler):'
SELECT format('%s: %s point, %s fra plads %s (%s), %s foran plads %s (%s)%s',
			  kommune, round(score, 2), round(gap_to_better, 2), better_placement, better_kommuner,
			  round(gap_to_worse, 2), worse_placement, worse_kommuner,
			  CASE WHEN tied > 1 THEN format('; deler plads %s med %s andre', placement, tied - 1) ELSE '' END) AS "Tæt på"
FROM model_placement_gaps('sonderborg-2023', '2023')
WHERE part = 'total' AND kommune = (:'kommune'::kommune)::text;
\echo '   Navngivne scenarier (regler for manglende data, ét målepunkt udeladt):'
SELECT CASE s.kind WHEN 'nominal' THEN 'modellen som den er'
				   WHEN 'missing-data policy' THEN 'manglende data: ' || CASE split_part(s.scenario, ': ', 2)
							WHEN 'exclude' THEN 'udelad kommunen' WHEN 'worst' THEN 'sidste plads' ELSE 'skaler' END
				   ELSE 'uden ' || coalesce(mm.name_da, s.scenario) END AS "Scenarie",
	   s.scenario_placement AS "Placering", s.places_gained AS "Ryk"
FROM model_scenarios('sonderborg-2023', '2023') s
LEFT JOIN model_measure mm ON mm.model = 'sonderborg-2023' AND s.scenario = 'without ' || mm.measure
WHERE s.kommune = (:'kommune'::kommune)::text
ORDER BY CASE s.kind WHEN 'nominal' THEN 0 WHEN 'missing-data policy' THEN 1 ELSE 2 END, s.scenario;

\echo '== Placering over tid' :kommune
SELECT period AS "Periode", placement AS "Placering", CASE WHEN placement IS NOT NULL THEN ranked END AS "af",
	   CASE WHEN placement IS NOT NULL THEN repeat('█', ((95 - placement) / 2)::int)
			WHEN baseline THEN '(basisår: ingen samlet placering)' ELSE '(ikke placeret)' END AS "(længere = bedre)"
FROM model_placements_over_time
WHERE model = 'sonderborg-2023' AND kommune = (:'kommune'::kommune)::text AND part = 'total'
ORDER BY period;
