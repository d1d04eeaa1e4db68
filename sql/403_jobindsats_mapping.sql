-- The mapping catalog: label matching, totals and breakdown sums, period
-- forms (each against an independent plain-SQL computation on generated
-- cells), mappings, the registered wide table, model_missing_data, and the
-- catalog's rules.  Every number here is SYNTHETIC.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
\set SHOW_CONTEXT never
SET search_path = public, benchmark;

-- the catalog tables: configuration tables (users' rows dumped), readable by all
SELECT c.oid::regclass AS catalog_table, x.extcondition AS dump_condition,
	   has_table_privilege('public', c.oid, 'SELECT') AS public_select
FROM pg_extension e, unnest(e.extconfig, e.extcondition) x(cfg, extcondition), pg_class c
WHERE e.extname = 'benchmark' AND c.oid = x.cfg AND c.relname LIKE 'jobindsats_%' AND c.relname <> 'jobindsats_observation'
ORDER BY 1;
-- the shipped mapping: every term a mapping names exists, every term is used
SELECT m.mapping, x AS missing_term
FROM jobindsats_mapping m, unnest(m.numerator || coalesce(m.denominator, '{}')) x
WHERE NOT EXISTS (SELECT 1 FROM jobindsats_term t WHERE t.term = ltrim(x, '-'));
SELECT t.term AS unused_term FROM jobindsats_term t
WHERE NOT EXISTS (SELECT 1 FROM jobindsats_mapping m, unnest(m.numerator || coalesce(m.denominator, '{}')) x
				  WHERE ltrim(x, '-') = t.term);
-- every shipped mapping has its view, and the preset reads only those views
SELECT m.mapping FROM jobindsats_mapping m WHERE m.shipped AND to_regclass('benchmark.mapped_' || m.mapping) IS NULL;
SELECT count(*) AS preset_sources, count(*) FILTER (WHERE s.source LIKE 'benchmark.mapped\_%') AS mapped
FROM model_sources('sonderborg-2023') s;
-- the preset's guesses the real columns contradict are gone: no PTVA02 by
-- Herkomst, no PTVC01 by Tilbud
SELECT term, table_id, dimensions FROM jobindsats_term
WHERE (table_id = 'PTVA02' AND dimensions ? 'Herkomst') OR (table_id = 'PTVC01' AND dimensions ? 'Tilbud');

-- label matching: the first rule with exactly one match
SELECT w.wanted, x.*
FROM (VALUES ('Antal personer'), ('antal  PERSONER'), ('Faktisk andel (pct.)'),
			 ('Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år'), ('Antal'), ('Antal fuldtidspersoner i alt')) w(wanted),
	 LATERAL jobindsats_label_match(w.wanted, ARRAY['Antal personer', 'Antal fuldtidspersoner',
		'Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Faktisk andel (pct.)',
		'Fuldtidspersoner i pct. af arbejdsstyrken']) x;
SELECT v.dimension, v.value, jobindsats_is_total(v.dimension, v.value) AS is_total
FROM (VALUES ('Køn', 'Køn i alt'), ('Køn', 'I alt'), ('Ydelsesgrupper', 'Alle ydelsesgrupper'), ('Ydelsesgrupper', 'Ydelsesgrupper i alt'),
			 ('Tilbud', 'Vejledning og opkvalificering i alt'), ('Køn', 'Kvinder')) v(dimension, value);

-- Generated cells of a monthly table TST01 (2021M01-2023M06): Køn at its
-- total and broken down; Aabenraa has no totals rows (its total is the sum
-- Kvinder + Mænd), Tønder a suppressed total in 2022M05, Haderslev a
-- suppressed Kvinder cell in 2021M03 (so its sum is missing there, its total
-- is not), Sønderborg's months 2022M07-M09 are missing; a share "Andel
-- (pct.)" has totals rows only.  Hele landet is an area too.
CREATE TEMP TABLE tst_cells AS
SELECT k.name AS area, m.period, g.koen, g.share,
	   round((k.code * 3 + m.i * 7 + g.share * 100)::numeric + CASE g.koen WHEN 'Kvinder' THEN 0.5 WHEN 'Mænd' THEN 0.25 ELSE 0 END, 2) AS value
FROM (VALUES ('Aabenraa', 1), ('Tønder', 2), ('Haderslev', 3), ('Sønderborg', 4), ('Hele landet', 5)) k(name, code),
	 (SELECT i, period_from_index('month', period_index('2021M01') + i) AS period FROM generate_series(0, 29) i) m(i, period),
	 (VALUES ('Køn i alt', 1), ('Kvinder', 0.6), ('Mænd', 0.4)) g(koen, share);
-- the total is the sum of its parts, exactly
UPDATE tst_cells t SET value = (SELECT sum(p.value) FROM tst_cells p WHERE p.area = t.area AND p.period = t.period AND p.koen <> 'Køn i alt')
WHERE t.koen = 'Køn i alt';
DELETE FROM tst_cells WHERE area = 'Aabenraa' AND koen = 'Køn i alt';
UPDATE tst_cells SET value = NULL WHERE area = 'Tønder' AND period = '2022M05' AND koen = 'Køn i alt';
UPDATE tst_cells SET value = NULL WHERE area = 'Haderslev' AND period = '2021M03' AND koen = 'Kvinder';
DELETE FROM tst_cells WHERE area = 'Sønderborg' AND period IN ('2022M07', '2022M08', '2022M09');
INSERT INTO jobindsats_observation (table_id, area, kommune, period, dimensions, measure, value)
SELECT 'TST01', c.area, jobindsats_area_kommune(c.area), c.period,
	   jsonb_build_object('Køn', c.koen, 'Alder', 'Alder i alt'), 'Antal personer', c.value
FROM tst_cells c
UNION ALL
SELECT 'TST01', c.area, jobindsats_area_kommune(c.area), c.period,
	   jsonb_build_object('Køn', c.koen, 'Alder', 'Alder i alt'), 'Andel (pct.)', round(c.value / 100, 2)
FROM tst_cells c WHERE c.koen = 'Køn i alt';

INSERT INTO jobindsats_term (term, table_id, measure, kind, per_year, months_required) VALUES
	('tst_mean', 'TST01', 'antal personer', 'count', 'mean', 10),
	('tst_sum', 'TST01', 'Antal personer', 'count', 'sum', 12),
	('tst_share', 'TST01', 'Andel (pct.)', 'share', 'mean', 10),
	('tst_women', 'TST01', 'Antal personer', 'count', 'mean', 12);
UPDATE jobindsats_term SET dimensions = '{"Køn": ["Kvinder"]}' WHERE term = 'tst_women';

-- the oracle: per municipality and month the totals row, else Kvinder + Mænd (a count)
CREATE TEMP VIEW tst_monthly AS
SELECT c.area AS kommune, c.period, period_index(c.period) AS idx,
	   coalesce(max(c.value) FILTER (WHERE c.koen = 'Køn i alt'),
				CASE WHEN bool_and(c.koen <> 'Køn i alt') AND count(c.value) = 2 THEN sum(c.value) END) AS value,
	   bool_or(c.koen = 'Køn i alt') AS has_total
FROM tst_cells c WHERE c.area <> 'Hele landet'
GROUP BY c.area, c.period;

-- year form: the complete years 2021 and 2022 (2023 ends in June)
SELECT count(*) AS rows, count(*) FILTER (WHERE o.value IS DISTINCT FROM t.value) AS differ,
	   string_agg(DISTINCT t.period, ',') AS periods, min(t.matched_label) AS matched
FROM jobindsats_term_values('tst_mean') t
FULL JOIN (SELECT kommune, left(period, 4) AS period, CASE WHEN count(value) >= 10 THEN avg(value) END AS value
		   FROM tst_monthly WHERE period < '2023' GROUP BY 1, 2) o ON o.kommune = t.kommune AND o.period = t.period;
SELECT count(*) AS rows, count(*) FILTER (WHERE o.value IS DISTINCT FROM t.value) AS differ,
	   count(*) FILTER (WHERE t.value IS NULL) AS missing
FROM jobindsats_term_values('tst_sum') t
FULL JOIN (SELECT kommune, left(period, 4) AS period, CASE WHEN count(value) = 12 THEN sum(value) END AS value
		   FROM tst_monthly WHERE period < '2023' GROUP BY 1, 2) o ON o.kommune = t.kommune AND o.period = t.period;
-- a share is never summed: Aabenraa (no totals rows) has none
SELECT kommune, count(*) AS years, count(value) AS with_value FROM jobindsats_term_values('tst_share') GROUP BY kommune ORDER BY kommune;
-- a listed value: Kvinder only
SELECT count(*) FILTER (WHERE o.value IS DISTINCT FROM t.value) AS differ, count(*) AS rows
FROM jobindsats_term_values('tst_women') t
FULL JOIN (SELECT area AS kommune, left(period, 4) AS period, CASE WHEN count(value) = 12 THEN avg(value) END AS value
		   FROM tst_cells WHERE koen = 'Kvinder' AND area <> 'Hele landet' AND period < '2023' GROUP BY 1, 2) o
  ON o.kommune = t.kommune AND o.period = t.period;
-- year to date: every year over January-June (the latest month loaded), a mean needing 10 - 6 = 4 months
SELECT count(*) AS rows, count(*) FILTER (WHERE o.value IS DISTINCT FROM t.value) AS differ, string_agg(DISTINCT t.period, ',') AS periods
FROM jobindsats_term_values('tst_mean', 'year_to_date') t
FULL JOIN (SELECT kommune, left(period, 4) AS period, CASE WHEN count(value) >= 4 THEN avg(value) END AS value
		   FROM tst_monthly WHERE right(period, 2)::integer <= 6 GROUP BY 1, 2) o ON o.kommune = t.kommune AND o.period = t.period;
-- rolling years: twelve months ending with each quarter, from the first full twelve months on
SELECT count(*) AS rows, count(*) FILTER (WHERE o.value IS DISTINCT FROM t.value) AS differ,
	   min(t.period) AS first, max(t.period) AS last
FROM jobindsats_term_values('tst_sum', 'rolling_year') t
FULL JOIN (SELECT e.kommune, period_from_index('four quarters', (e.idx + 1) / 3 - 1) AS period,
				  CASE WHEN count(m.value) = 12 THEN sum(m.value) END AS value
		   FROM tst_monthly e JOIN tst_monthly m ON m.kommune = e.kommune AND m.idx BETWEEN e.idx - 11 AND e.idx
		   WHERE e.idx % 3 = 2 AND e.idx - 11 >= period_index('2021M01')
		   GROUP BY e.kommune, e.idx) o ON o.kommune = t.kommune AND o.period = t.period;
SELECT count(*) AS rows, count(*) FILTER (WHERE o.value IS DISTINCT FROM t.value) AS differ
FROM jobindsats_term_values('tst_mean', 'as_loaded') t
FULL JOIN tst_monthly o ON o.kommune = t.kommune AND o.period = t.period;

-- a mapping: 100 * (women - share) / (sum), with a cap
INSERT INTO jobindsats_mapping (mapping, numerator, denominator, scale, upper_bound) VALUES
	('tst_ratio', '{tst_women,-tst_share}', '{tst_mean}', 100, 52),
	('tst_plain', '{tst_mean}', NULL, 1, NULL);
SELECT count(*) AS rows, count(*) FILTER (WHERE m.value IS DISTINCT FROM o.value) AS differ, count(m.value) AS with_value,
	   count(*) FILTER (WHERE m.value = 52) AS capped
FROM jobindsats_mapping_values('tst_ratio') m
FULL JOIN (SELECT w.kommune, w.period,
				  CASE WHEN w.value - s.value IS NOT NULL AND a.value <> 0
					   THEN LEAST(52, 100 * (w.value - s.value) / a.value) END AS value
		   FROM jobindsats_term_values('tst_women') w
		   JOIN jobindsats_term_values('tst_share') s USING (kommune, period)
		   JOIN jobindsats_term_values('tst_mean') a USING (kommune, period)) o ON o.kommune = m.kommune AND o.period = m.period;

-- a registered wide table reads the same as the store
CREATE TABLE public.tst01_wide AS
SELECT o.area AS "Område", o.period AS "Periode", o.dimensions ->> 'Køn' AS "Køn", o.dimensions ->> 'Alder' AS "Alder",
	   max(o.value) FILTER (WHERE o.measure = 'Antal personer') AS "Antal personer",
	   max(o.value) FILTER (WHERE o.measure = 'Andel (pct.)') AS "Andel (pct.)"
FROM jobindsats_observation o WHERE o.table_id = 'TST01'
GROUP BY 1, 2, 3, 4;
CREATE TEMP TABLE tst_from_store AS SELECT * FROM jobindsats_mapping_values('tst_ratio');
INSERT INTO jobindsats_source (table_id, relation) VALUES ('TST01', 'public.tst01_wide');
SELECT count(*) AS rows, count(*) FILTER (WHERE s.value IS DISTINCT FROM w.value) AS differ
FROM tst_from_store s FULL JOIN jobindsats_mapping_values('tst_ratio') w USING (kommune, period);
-- a term reads its measures' columns of the municipalities' rows in its breakdowns only: a cell that
-- is no finite number is the error of a reading of it (the term over it, jobindsats_wide), not of the others
UPDATE public.tst01_wide SET "Andel (pct.)" = 'Infinity' WHERE "Område" = 'Tønder' AND "Periode" = '2022M01';
SELECT count(*) AS tst_mean_rows FROM jobindsats_term_values('tst_mean');
SELECT count(*) FROM jobindsats_term_values('tst_share');
SELECT count(*) FROM jobindsats_wide('public.tst01_wide', 'TST01');
UPDATE public.tst01_wide w SET "Andel (pct.)" = (
	SELECT o.value FROM jobindsats_observation o
	WHERE o.table_id = 'TST01' AND o.measure = 'Andel (pct.)' AND o.area = w."Område" AND o.period = w."Periode"
	  AND o.dimensions = jsonb_build_object('Køn', w."Køn", 'Alder', w."Alder"))
WHERE "Område" = 'Tønder' AND "Periode" = '2022M01';
SELECT count(*) AS rows, count(*) FILTER (WHERE s.value IS DISTINCT FROM w.value) AS differ
FROM tst_from_store s FULL JOIN jobindsats_mapping_values('tst_ratio') w USING (kommune, period);
UPDATE jobindsats_source SET relation = 'public.no_such_table' WHERE table_id = 'TST01';
SELECT count(*) FROM jobindsats_term_values('tst_mean');
DELETE FROM jobindsats_source WHERE table_id = 'TST01';

-- bad input
SELECT * FROM jobindsats_term_values('tst_mean', 'monthly');
SELECT * FROM jobindsats_term_values('no_such_term');
SELECT * FROM jobindsats_mapping_values('no_such_mapping');
INSERT INTO jobindsats_mapping (mapping, numerator) VALUES ('tst_broken', '{tst_mean,no_such_term}');
SELECT * FROM jobindsats_mapping_values('tst_broken');
INSERT INTO jobindsats_term (term, table_id, measure) VALUES ('tst_unknown_label', 'TST01', 'Antal fuldtidspersoner');
SELECT * FROM jobindsats_term_values('tst_unknown_label');
INSERT INTO jobindsats_term (term, table_id, measure, kind) VALUES ('tst_bad_kind', 'TST01', 'Antal personer', 'rate');
INSERT INTO jobindsats_term (term, table_id, measure, months_required) VALUES ('tst_bad_months', 'TST01', 'Antal personer', 13);
INSERT INTO jobindsats_mapping (mapping, numerator) VALUES ('tst_empty', '{}');
-- a table that is not loaded has no values (model_missing_data says why)
INSERT INTO jobindsats_term (term, table_id, measure) VALUES ('tst_not_loaded', 'TST99', 'Antal personer');
SELECT count(*) FROM jobindsats_term_values('tst_not_loaded');
-- the shipped rows are read-only
UPDATE jobindsats_term SET months_required = 1 WHERE term = 'fuldtid_dagpenge';
DELETE FROM jobindsats_mapping WHERE mapping = 'stillingsopslag';
TRUNCATE jobindsats_term;
INSERT INTO jobindsats_mapping (mapping, numerator, shipped) VALUES ('tst_mine', '{tst_mean}', true);

-- model_missing_data on a model whose sources are mappings over TST01 and a table not loaded
SELECT model_copy('sonderborg-2023', 'tst-model');
DELETE FROM model_measure WHERE model = 'tst-model';
DELETE FROM model_benefit WHERE model = 'tst-model' AND benefit <> 'dagpenge';
CREATE VIEW public.tst_plain AS SELECT * FROM jobindsats_mapping_values('tst_plain', 'year_to_date');
INSERT INTO jobindsats_term (term, table_id, measure, dimensions) VALUES ('tst_unknown_value', 'TST01', 'Antal personer', '{"Køn": ["Ukendt"], "Alder": "Alder i alt"}');
INSERT INTO jobindsats_mapping (mapping, numerator) VALUES ('tst_missing', '{tst_not_loaded,tst_unknown_label,tst_unknown_value}');
CREATE VIEW public.tst_missing AS SELECT * FROM jobindsats_mapping_values('tst_missing');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('tst-model', 'tst_plain', 2, 1, 'Test', 'Test', true, 'public.tst_plain'),
	   ('tst-model', 'tst_missing', 3, 1, 'Test', 'Test', true, 'public.tst_missing'),
	   ('tst-model', 'tst_table', 4, 1, 'Test', 'Test', true, 'public.tst01_counts');
CREATE VIEW public.tst01_counts AS SELECT 'Tønder'::text AS kommune, '2022'::text AS period, 1::numeric AS value;
UPDATE model_benefit SET source = 'public.tst_plain' WHERE model = 'tst-model';
-- (the municipalities: the 98 but the four TST01 has and the four the model excludes)
SELECT part, name, mapping, term, table_id, matched_label, matched_how, problem, periods,
	   cardinality(kommuner) AS n_kommuner, kommuner[1:2] AS first_kommuner
FROM model_missing_data('tst-model') ORDER BY part DESC, name, term;
SELECT name, term, problem, periods, cardinality(kommuner) AS n_kommuner, kommuner[1:2] AS first_kommuner
FROM model_missing_data('tst-model', '2022') WHERE mapping = 'tst_plain';
SELECT name, term, problem, periods, kommuner FROM model_missing_data('tst-model', '2019') WHERE mapping = 'tst_plain';
SELECT DISTINCT detail FROM model_missing_data('tst-model') WHERE problem IS DISTINCT FROM 'municipalities missing' ORDER BY 1;
SELECT * FROM model_missing_data('no-such-model');

-- clean up
DELETE FROM model WHERE model = 'tst-model';
DROP VIEW public.tst_plain, public.tst_missing, public.tst01_counts;
DROP TABLE public.tst01_wide;
DELETE FROM jobindsats_mapping WHERE mapping LIKE 'tst\_%';
DELETE FROM jobindsats_term WHERE term LIKE 'tst\_%';
DELETE FROM jobindsats_observation WHERE table_id = 'TST01';
