-- The preset sonderborg-2023 read against the plan (Beskæftigelsespolitik
-- 2023-2026) on the SYNTHETIC sample data: area 8 ranks nobody and is a
-- target instead; langtidsledige among A-dagpenge recipients; the two readings
-- of forsørgelsesgab; what a measure only one municipality can fill costs;
-- how many municipalities each missing-data policy ranks; the example targets.
-- (in a copy of the sample's template database, test/data/sample_database.sql)
\set ECHO none
\o /dev/null
\set sample_db regress_sample_207
\i test/data/sample_database.sql
\o
\set ECHO all
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
SET search_path = public, benchmark;
\set ECHO none
\o /dev/null
\i test/data/model_oracle.sql
\o
\set ECHO all

-- 1. Area 8: "Borgernes tilfredshed kan ikke opgøres for alle kommuner og tæller
-- derfor ikke med i den samlede opgørelse. Derfor er der opstillet et særskilt
-- mål for Sønderborg Kommune."  The area is kept (not in the total), with no measure.
SELECT area_no, name_da, in_total,
	   (SELECT count(*) FROM model_measure m WHERE m.model = a.model AND m.area_no = a.area_no) AS measures
FROM model_area a WHERE model = 'sonderborg-2023' AND area_no = 8;
SELECT count(*) AS placements_on_area_8 FROM model_placements('sonderborg-2023') WHERE area_no = 8;
SELECT count(*) AS left_out_of_area_8 FROM model_left_out('sonderborg-2023') WHERE area_no = 8 OR item = 'Borgernes tilfredshed';
-- the separate target for Sønderborg follows the survey
SELECT target, kommune, source, kind, direction, baseline_period, change_pct, first_period
FROM target WHERE target = 'sonderborg-2023-borgertilfredshed';
SELECT period, compared, actual, target_value, status
FROM target_status WHERE target = 'sonderborg-2023-borgertilfredshed' ORDER BY period;
-- a copy can rank area 8 (README: "The shipped preset"); it still does not count in the total
SELECT model_copy('sonderborg-2023', 'regress-area8');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, unit, source, jobindsats)
VALUES ('regress-area8', 'borgertilfredshed', 8, 1, 'Borgernes tilfredshed', 'Citizen satisfaction', true, 'pct.',
		'benchmark.mapped_borgertilfredshed', 'Not jobindsats: the municipality''s own citizen survey');
SELECT period, count(*) FILTER (WHERE part = 'area' AND placement IS NOT NULL) AS ranked_on_area_8
FROM model_placements('regress-area8') WHERE area_no = 8 GROUP BY period ORDER BY period;
SELECT placement FROM model_placements('regress-area8', '2022') WHERE part = 'area' AND area_no = 8 AND kommune = 'Sønderborg';
SELECT count(*) AS total_placements_differing
FROM model_placements('regress-area8', '2022') c
JOIN model_placements('sonderborg-2023', '2022') p USING (part, item_key, kommune)
WHERE c.part = 'total' AND c.placement IS DISTINCT FROM p.placement;
SELECT * FROM pg_temp.oracle_diff('regress-area8');
DELETE FROM model WHERE model = 'regress-area8';

-- 3a. "Langtidsledige i procent af dagpengemodtagere": Y25I09 cut to
-- Ydelsesgrupper = A-dagpenge, long-term unemployed among the gross unemployed.
SELECT "Ydelsesgrupper", count(*) AS rows, count("Andel langtidsledige personer ift. bruttoledige personer") AS shares
FROM jobindsats.y25i09 GROUP BY 1 ORDER BY 1;
SELECT round(100 * sum("Antal langtidsledige personer") / sum("Antal bruttoledige personer"), 4) AS by_hand,
	   (SELECT round(value, 4) FROM benchmark.mapped_langtidsledige WHERE kommune = 'Sønderborg' AND period = '2022') AS mapping
FROM jobindsats.y25i09
WHERE "Område" = 'Sønderborg' AND "Periode" LIKE '2022M%' AND "Ydelsesgrupper" = 'A-dagpenge' AND "A-kasse" = 'A-kasse i alt';
SELECT jobindsats FROM model_measure WHERE model = 'sonderborg-2023' AND measure = 'langtidsledige';

-- 3b. Forsørgelsesgab, two readings of "Forskellen mellem procentdel ikke-vestlige
-- indvandrere i befolkningen og procentdel ikke-vestlige indvandrere på
-- offentlig forsørgelse".  Two municipalities whose non-western immigrants are
-- on support at twice the rate of everyone (17 % against 34 %), one with 5 %,
-- one with 15 % non-western immigrants: the rate reading (the preset) gives
-- both the same gap, the composition reading three times as much to the second.
SELECT andel_nv, 34 - 17 AS rate_reading,
	   round(100 * (andel_nv * 34) / (100 * 17) - andel_nv, 2) AS composition_reading
FROM (VALUES (5.0), (15.0)) x(andel_nv);
-- the plan's own numbers: about 1,300 of 4,100 non-western immigrants of working age
-- in Sønderborg are not self-supporting, a rate within the group
SELECT round(100 * 1300 / 4100.0, 1) AS pct_of_nonwestern_on_support;
-- the preset's mapping is that difference summed over the eleven benefit
-- tables by Herkomst (PTVA02 has no Herkomst): Sønderborg 2022 by hand
WITH monthly AS (
	SELECT 'y01a02' AS t, "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct, "Område", "Køn" FROM jobindsats.y01a02
	UNION ALL SELECT 'y60a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y60a02
	UNION ALL SELECT 'y38a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y38a02
	UNION ALL SELECT 'y04a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y04a02
	UNION ALL SELECT 'y35a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y35a02
	UNION ALL SELECT 'y07a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y07a02
	UNION ALL SELECT 'y12a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y12a02
	UNION ALL SELECT 'y11a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y11a02
	UNION ALL SELECT 'y09a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y09a02
	UNION ALL SELECT 'y08a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y08a02
	UNION ALL SELECT 'y10a02', "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år", "Område", "Køn" FROM jobindsats.y10a02
), yearly AS (
	SELECT t, "Herkomst", avg(pct) AS pct FROM monthly
	WHERE "Område" = 'Sønderborg' AND "Periode" LIKE '2022M%' AND "Køn" = 'Køn i alt'
	GROUP BY t, "Herkomst"
)
SELECT round(sum(pct) FILTER (WHERE "Herkomst" = 'Ikke-vestlige indvandrere') - sum(pct) FILTER (WHERE "Herkomst" = 'Herkomst i alt'), 6) AS by_hand,
	   (SELECT round(value, 6) FROM benchmark.mapped_forsoergelsesgab WHERE kommune = 'Sønderborg' AND period = '2022') AS mapping,
	   count(DISTINCT t) AS tables
FROM yearly;

-- 3c. Area 7: no jobindsats table for "Sygemeldte med delvis raskmelding i
-- procent" was found.  If only the user's own municipality can fill it, every
-- other municipality misses area 7: each is reported in model_left_out, and the
-- total policy decides what it costs.
CREATE SCHEMA regress_own;
CREATE VIEW regress_own.delvis_raskmelding AS
SELECT * FROM model_sources.delvis_raskmelding WHERE kommune = 'Sønderborg';
SELECT model_copy('sonderborg-2023', 'regress-own7');
UPDATE model_measure SET source = 'regress_own.delvis_raskmelding' WHERE model = 'regress-own7' AND measure = 'delvis_raskmelding';
SELECT model_copy('regress-own7', 'regress-own7-scale');
UPDATE model SET total_missing = 'scale' WHERE model = 'regress-own7-scale';
SELECT m.model, m.total_missing, r.ranked_count AS placed_in_total_2022
FROM model m, LATERAL (SELECT ranked_count(ranking) FROM model_rankings(m.model, '2022') WHERE part = 'total') r
WHERE m.model IN ('sonderborg-2023', 'regress-own7', 'regress-own7-scale') ORDER BY 1;
SELECT part, count(DISTINCT kommune) AS municipalities, min(reason) AS a_reason
FROM model_left_out('regress-own7', '2022') WHERE area_no = 7 OR part = 'total' GROUP BY part ORDER BY part DESC;
SELECT count(*) AS sonderborg_left_out FROM model_left_out('regress-own7', '2022') WHERE kommune = 'Sønderborg';
SELECT * FROM pg_temp.oracle_diff('regress-own7-scale');
DELETE FROM model WHERE model IN ('regress-own7', 'regress-own7-scale');
DROP SCHEMA regress_own CASCADE;

-- 4. Missing data is a choice: how many of the 94 municipalities each policy
-- places in the total, per year (the table in the README, "Missing data in the model").
CREATE TEMP TABLE policies (total_missing text, area_missing text);
INSERT INTO policies VALUES ('exclude', 'exclude'), ('exclude', 'worst'), ('exclude', 'scale'),
	('scale', 'exclude'), ('scale', 'worst'), ('scale', 'scale');
DO $$
DECLARE p record;
BEGIN
	FOR p IN SELECT * FROM policies LOOP
		PERFORM model_copy('sonderborg-2023', format('regress-policy-%s-%s', p.total_missing, p.area_missing));
		UPDATE model SET total_missing = p.total_missing WHERE model = format('regress-policy-%s-%s', p.total_missing, p.area_missing);
		UPDATE model_area SET missing = p.area_missing WHERE model = format('regress-policy-%s-%s', p.total_missing, p.area_missing);
	END LOOP;
END $$;
SELECT p.total_missing AS "total_missing", p.area_missing AS "model_area.missing",
	   max(r.placed) FILTER (WHERE r.period = '2018') AS "2018", max(r.placed) FILTER (WHERE r.period = '2019') AS "2019",
	   max(r.placed) FILTER (WHERE r.period = '2020') AS "2020", max(r.placed) FILTER (WHERE r.period = '2021') AS "2021",
	   max(r.placed) FILTER (WHERE r.period = '2022') AS "2022", max(r.placed) FILTER (WHERE r.period = '2023') AS "2023"
FROM policies p,
	 LATERAL (SELECT period, ranked_count(ranking) AS placed
			  FROM model_rankings_for(format('regress-policy-%s-%s', p.total_missing, p.area_missing),
									  '{2018,2019,2020,2021,2022,2023}')
			  WHERE part = 'total') r
GROUP BY 1, 2 ORDER BY 1, 2 DESC;
SELECT * FROM pg_temp.oracle_diff('regress-policy-scale-worst');
DELETE FROM model WHERE model LIKE 'regress-policy-%';

-- 5. The example targets: 31 rows from five plans, each with a note; every
-- source of the sample exists and every target has a status.
SELECT plan, count(*) AS targets FROM target WHERE shipped GROUP BY plan ORDER BY plan;
SELECT count(*) AS without_note FROM target WHERE shipped AND note = '';
SELECT t.target FROM target t
WHERE t.shipped AND t.source IS NOT NULL AND to_regclass(t.source) IS NULL;
SELECT count(DISTINCT target) AS targets_with_status FROM target_status WHERE target IN (SELECT target FROM target WHERE shipped);
SELECT target, period, kind, status, round(actual, 2) AS actual, round(target_value, 2) AS target_value
FROM target_status
WHERE target IN ('aabenraa-2022-langtidsledige-kontanthjaelp', 'aabenraa-2022-uddannelsesloeft',
				 'aabenraa-2022-ressourceforloeb-virksomhedsrettet', 'tonder-2024-flygtninge-selvforsoergende',
				 'tonder-2024-uddannelseshjaelp-ordinaere-timer', 'tonder-2024-sygedagpenge-jobafklaring',
				 'sonderborg-2018-virksomhedsrettet', 'sonderborg-2018-langvarige-uddannelseshjaelp',
				 'sonderborg-2018-kontanthjaelp', 'sonderborg-2018-aktiveringsgrad-kontanthjaelp',
				 'sonderborg-2018-ressourceforloeb', 'sonderborg-2018-langvarige-ledighedsydelse',
				 'sonderborg-2018-integration-virksomhedsvendt')
ORDER BY target, period;

-- 2. Periods inside the baseline term (2018-2021) that the goal is measured
-- against: no development, so no benefit, goal or total placement, with a
-- note saying why, in every output; areas and measures are still ranked.
SELECT period, part, count(*) FILTER (WHERE placement IS NOT NULL) AS placed, min(note) AS note
FROM model_placements('sonderborg-2023')
WHERE part IN ('benefit', 'goal', 'total') AND period IN ('2021', '2022')
GROUP BY period, part ORDER BY period, part;
SELECT period, count(*) FILTER (WHERE placement IS NOT NULL) AS areas_placed
FROM model_placements('sonderborg-2023') WHERE part = 'area' AND period IN ('2021', '2022') GROUP BY period ORDER BY period;
SELECT line, placement, note FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2020')
WHERE section_no IS NULL OR line IN ('Ydelser i alt', 'Placering på målet') ORDER BY line_order;
SELECT period, placement FROM model_placements('sonderborg-2023')
WHERE part = 'total' AND kommune = 'Sønderborg' ORDER BY period;
-- under any policy: a copy with scale everywhere places nobody in 2020 either
SELECT model_copy('sonderborg-2023', 'regress-baseline');
UPDATE model SET goal_rule = 'rank_sum', goal_missing = 'worst', total_missing = 'scale' WHERE model = 'regress-baseline';
SELECT part, count(*) FILTER (WHERE placement IS NOT NULL) AS placed
FROM model_placements('regress-baseline', '2020') WHERE part IN ('goal', 'total') GROUP BY part ORDER BY part;
SELECT count(*) FILTER (WHERE placement IS NOT NULL) AS sensitivity_placed FROM model_sensitivity('regress-baseline', '2020', 10, 0.1, 1);
SELECT count(*) FILTER (WHERE scenario_placement IS NOT NULL) AS scenarios_placed FROM model_scenarios('regress-baseline', '2020');
DELETE FROM model WHERE model = 'regress-baseline';

-- the copy of the sample goes
\c :sample_home
DROP DATABASE :"sample_db";
