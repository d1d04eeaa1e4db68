-- period_rollup: the periods of a period form a loaded period counts in,
-- written out, against an oracle in plain SQL that works with the months of
-- each label (not through the C parser), and every bad input; and the period
-- forms of the mapping catalog over quarters, years and four quarters.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
SET search_path = public, benchmark;

-- written out: a month in its year and in four rolling years, a year to date,
-- a quarter, whole years in both forms, four quarters that are no calendar year
SELECT l.label, l.form, l.latest, l.months_required, r.*
FROM (VALUES ('2022M03', 'year', NULL, 12), ('2022M03', 'rolling_year', NULL, 12),
			 ('2022M03', 'year_to_date', '2023M06', 10), ('2022M07', 'year_to_date', '2023M06', 10),
			 ('2023M01', 'year', '2023M06', 12), ('2022Q2', 'year', NULL, 10), ('2022Q2', 'rolling_year', '2022Q4', 6),
			 ('2022', 'year', NULL, 12), ('2022', 'rolling_year', NULL, 12), ('2022QMAT04', 'year', NULL, 12),
			 ('2022QMAT03', 'year', NULL, 12), ('2022QMAT03', 'rolling_year', NULL, 12),
			 ('2022M05', 'as_loaded', NULL, 12), ('2024Y01', 'year', NULL, 12), ('2025Q04', 'rolling_year', NULL, 12),
			 ('9999M12', 'rolling_year', NULL, 12), ('0001M01', 'rolling_year', NULL, 1))
	 l(label, form, latest, months_required),
	 LATERAL period_rollup(l.label, l.form, l.latest, l.months_required) r
ORDER BY l.label, l.form, r.period;
-- the defaults: no latest, a mean of twelve months
SELECT * FROM period_rollup('2023M02', 'rolling_year');

-- The oracle.  Every label of every kind in 2019-2024 and at the ends of the
-- calendar, written from its year and number with its months: the first as
-- a running number (year * 12 + month - 1) and how many.
CREATE TEMP TABLE rollup_labels AS
WITH years(y) AS (SELECT * FROM generate_series(2019, 2025) UNION ALL VALUES (1), (2), (3), (9998), (9999))
SELECT lpad(y::text, 4, '0') AS label, 'year' AS kind, y, y * 12 AS first_month, 12 AS months FROM years
UNION ALL
SELECT lpad(y::text, 4, '0') || 'Q' || q, 'quarter', y, y * 12 + 3 * (q - 1), 3 FROM years, generate_series(1, 4) q
UNION ALL
SELECT lpad(y::text, 4, '0') || 'M' || lpad(m::text, 2, '0'), 'month', y, y * 12 + m - 1, 1 FROM years, generate_series(1, 12) m
UNION ALL
SELECT lpad(y::text, 4, '0') || 'QMAT0' || q, 'four quarters', y, y * 12 + 3 * q - 12, 12 FROM years, generate_series(1, 4) q;
-- The cases: each loaded period (but those of 0003 and 2025, whose periods
-- of a form may fall in a year not listed) in each form and with a few
-- months_required, with no latest period and with latest periods of its kind
-- (the middle and the end of its own year and of the next).
CREATE TEMP TABLE rollup_cases AS
SELECT l.label, l.kind, l.y, l.first_month, l.months, f.form, mr.months_required,
	   x.label AS latest, x.first_month + x.months AS latest_after, x.number AS latest_number
FROM rollup_labels l
	 CROSS JOIN (VALUES ('year'), ('year_to_date'), ('rolling_year'), ('as_loaded')) f(form)
	 CROSS JOIN (VALUES (1), (4), (6), (10), (12)) mr(months_required)
	 CROSS JOIN LATERAL (
		SELECT NULL::text AS label, NULL::integer AS first_month, NULL::integer AS months, NULL::integer AS number
		UNION ALL
		SELECT o.label, o.first_month, o.months, o.first_month - o.y * 12 + 1
		FROM rollup_labels o
		WHERE o.kind = l.kind AND o.y IN (l.y, l.y + 1)
		  AND (o.kind = 'year' OR o.first_month + o.months - o.y * 12 IN (6, 12))) x
WHERE l.y NOT IN (3, 2025);
-- A month or quarter counts in each period of the form's kind whose months
-- hold its months (in a year to date, the months through latest's month); a
-- year or four quarters, and any period as loaded, in the one with the same
-- months; none that ends after latest.
CREATE TEMP TABLE rollup_oracle AS
WITH candidates AS (
	SELECT c.*, t.label AS period, t.first_month AS t_first,
		   CASE WHEN c.form = 'year_to_date' AND c.kind = 'month' AND c.latest IS NOT NULL THEN c.latest_number
				ELSE t.months END AS t_months
	FROM rollup_cases c
	JOIN rollup_labels t
	  ON t.kind = CASE c.form WHEN 'rolling_year' THEN 'four quarters' WHEN 'as_loaded' THEN c.kind ELSE 'year' END
		 AND t.y IN (c.y, c.y + 1)
)
SELECT x.label, x.form, x.latest, x.months_required, x.period,
	   (x.first_month - x.t_first) / x.months + 1 AS part, x.t_months / x.months AS parts,
	   CASE WHEN x.months = 12 OR x.form = 'as_loaded' THEN 1
			ELSE greatest(1, ceil((x.months_required - (12 - x.t_months))::numeric / x.months)::integer) END AS parts_required
FROM candidates x
WHERE CASE WHEN x.months = 12 OR x.form = 'as_loaded' THEN x.t_first = x.first_month AND x.t_months = x.months
		   ELSE x.t_first <= x.first_month AND x.first_month + x.months <= x.t_first + x.t_months END
  AND (x.latest IS NULL OR x.t_first + x.t_months <= x.latest_after);
SELECT count(*) AS cases, (SELECT count(*) FROM rollup_oracle) AS rollups,
	   (SELECT count(*) FROM rollup_cases c, LATERAL period_rollup(c.label, c.form, c.latest, c.months_required) r)
	   AS returned
FROM rollup_cases;
SELECT count(*) AS differ
FROM (SELECT c.label, c.form, c.latest, c.months_required, r.*
	  FROM rollup_cases c, LATERAL period_rollup(c.label, c.form, c.latest, c.months_required) r) g
FULL JOIN rollup_oracle o
  ON o.label = g.label AND o.form = g.form AND o.latest IS NOT DISTINCT FROM g.latest
	 AND o.months_required = g.months_required AND o.period = g.period
WHERE g.label IS NULL OR o.label IS NULL
   OR (o.part, o.parts, o.parts_required) IS DISTINCT FROM (g.part, g.parts, g.parts_required);
-- a month counts in four rolling years, a quarter too, unless they pass 9999
SELECT c.kind, c.form, count(r.period) / count(DISTINCT c.label) AS per_label
FROM rollup_cases c LEFT JOIN LATERAL period_rollup(c.label, c.form) r ON true
WHERE c.latest IS NULL AND c.months_required = 12 AND c.y BETWEEN 2019 AND 2024
GROUP BY 1, 2 ORDER BY 1, 2;

-- NULL: no rows, but a NULL latest sets no limit
SELECT (SELECT count(*) FROM period_rollup(NULL, 'year')) AS null_label,
	   (SELECT count(*) FROM period_rollup('2022M03', NULL)) AS null_form,
	   (SELECT count(*) FROM period_rollup('2022M03', 'year', NULL, NULL)) AS null_months,
	   (SELECT count(*) FROM period_rollup('2022M03', 'year', NULL)) AS null_latest;

-- bad input
\set VERBOSITY sqlstate
SELECT * FROM period_rollup('2022-03', 'year');
SELECT * FROM period_rollup('2022M13', 'year');
SELECT * FROM period_rollup('2022M03', 'years');
SELECT * FROM period_rollup('2022M03', 'Year');
SELECT * FROM period_rollup('2022M03', '');
SELECT * FROM period_rollup('2022M03', 'year_to_date', '2023Q2');
SELECT * FROM period_rollup('2022M03', 'year_to_date', '2023M6');
SELECT * FROM period_rollup('2022M03', 'year_to_date', '2023M00');
SELECT * FROM period_rollup('2022M03', 'year', NULL, 0);
SELECT * FROM period_rollup('2022M03', 'year', NULL, 13);
SELECT * FROM period_rollup('2022M03', 'year', NULL, -2147483648);
\set VERBOSITY default
-- the messages
SELECT * FROM period_rollup('2022M03', 'rolling');
SELECT * FROM period_rollup('2022Q1', 'rolling_year', '2023');
SELECT * FROM period_rollup('2022M03', 'year', NULL, 13);

-- The period forms of the mapping catalog roll quarters, years and four
-- quarters up by period_rollup: SYNTHETIC quarterly cells (2020Q3-2023Q2;
-- Tønder's 2021Q2 missing, Vejen's 2022Q1 suppressed), yearly cells
-- (2019-2022) and four quarters (2019QMAT01-2022QMAT03), against plain SQL.
INSERT INTO jobindsats_observation (table_id, area, kommune, period, dimensions, measure, value)
SELECT 'TSQ01', k.name, jobindsats_area_kommune(k.name), p.period, '{}'::jsonb, 'Antal personer',
	   CASE WHEN (k.name, p.period) <> ('Vejen', '2022Q1') THEN k.code * 100 + p.i * 3 + 0.5 END
FROM (VALUES ('Aabenraa', 1), ('Tønder', 2), ('Haderslev', 3), ('Vejen', 4)) k(name, code),
	 (SELECT row_number() OVER () AS i, x AS period FROM period_series('2020Q3', '2023Q2') x) p
WHERE (k.name, p.period) <> ('Tønder', '2021Q2')
UNION ALL
SELECT 'TSY01', k.name, jobindsats_area_kommune(k.name), p.period, '{}', 'Antal personer', k.code * 1000 + p.i
FROM (VALUES ('Aabenraa', 1), ('Tønder', 2)) k(name, code),
	 (SELECT row_number() OVER () AS i, x AS period FROM period_series('2019', '2022') x) p
UNION ALL
SELECT 'TSF01', k.name, jobindsats_area_kommune(k.name), p.period, '{}', 'Antal personer', k.code * 1000 + p.i
FROM (VALUES ('Aabenraa', 1), ('Tønder', 2)) k(name, code),
	 (SELECT row_number() OVER () AS i, x AS period FROM period_series('2019QMAT01', '2022QMAT03') x) p;
INSERT INTO jobindsats_term (term, table_id, measure, kind, per_year, months_required) VALUES
	('tsq_mean10', 'TSQ01', 'Antal personer', 'count', 'mean', 10),
	('tsq_mean6', 'TSQ01', 'Antal personer', 'count', 'mean', 6),
	('tsq_sum', 'TSQ01', 'Antal personer', 'count', 'sum', 12),
	('tsy', 'TSY01', 'Antal personer', 'count', 'mean', 12),
	('tsf', 'TSF01', 'Antal personer', 'count', 'mean', 12);
CREATE TEMP VIEW tsq_cells AS
SELECT o.area AS kommune, o.period, left(o.period, 4) AS year, right(o.period, 1)::integer AS quarter,
	   left(o.period, 4)::integer * 4 + right(o.period, 1)::integer AS n, o.value
FROM jobindsats_observation o WHERE o.table_id = 'TSQ01';
CREATE TEMP VIEW tsq_oracle AS
/* calendar years up to 2022, the last whole year (2023 ends with Q2); a year to date of quarters is a year */
SELECT f.form, t.term, c.kommune, c.year AS period,
	   CASE WHEN t.term = 'tsq_sum' THEN CASE WHEN count(c.value) = 4 THEN sum(c.value) END
			WHEN count(c.value) >= ceil(t.months_required / 3.0) THEN avg(c.value) END AS value
FROM tsq_cells c, jobindsats_term t, (VALUES ('year'), ('year_to_date')) f(form)
WHERE t.term LIKE 'tsq\_%' AND c.year <= '2022'
GROUP BY 1, 2, 3, 4
UNION ALL
/* four quarters ending with each quarter a municipality has, from 2021Q2 (the fourth loaded) on */
SELECT 'rolling_year', t.term, e.kommune, e.year || 'QMAT0' || e.quarter,
	   CASE WHEN t.term = 'tsq_sum' THEN CASE WHEN count(c.value) = 4 THEN sum(c.value) END
			WHEN count(c.value) >= ceil(t.months_required / 3.0) THEN avg(c.value) END
FROM tsq_cells e JOIN tsq_cells c ON c.kommune = e.kommune AND c.n BETWEEN e.n - 3 AND e.n,
	 jobindsats_term t
WHERE t.term LIKE 'tsq\_%' AND e.period >= '2021Q2'
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT 'as_loaded', t.term, c.kommune, c.period, c.value FROM tsq_cells c, jobindsats_term t WHERE t.term LIKE 'tsq\_%'
UNION ALL
/* years and four quarters: as loaded, a year as four quarters ending with Q4, four quarters ending with Q4 as a year */
SELECT f.form, x.term, o.area, CASE WHEN x.term = 'tsy' AND f.form = 'rolling_year' THEN o.period || 'QMAT04'
									WHEN x.term = 'tsf' AND f.form IN ('year', 'year_to_date') THEN left(o.period, 4)
									ELSE o.period END, o.value
FROM jobindsats_observation o
JOIN (VALUES ('tsy', 'TSY01'), ('tsf', 'TSF01')) x(term, table_id) ON x.table_id = o.table_id
CROSS JOIN (VALUES ('year'), ('year_to_date'), ('rolling_year'), ('as_loaded')) f(form)
WHERE x.term = 'tsy' OR f.form IN ('rolling_year', 'as_loaded') OR o.period LIKE '%QMAT04';
WITH v AS (
	SELECT f.form, t.term, x.kommune, x.period, x.value
	FROM (VALUES ('year'), ('year_to_date'), ('rolling_year'), ('as_loaded')) f(form)
	CROSS JOIN jobindsats_term t
	CROSS JOIN LATERAL jobindsats_term_values(t.term, f.form) x
	WHERE t.term LIKE 'tsq\_%' OR t.term IN ('tsy', 'tsf'))
SELECT coalesce(v.term, o.term) AS term, coalesce(v.form, o.form) AS form, count(v.term) AS rows,
	   count(v.value) AS with_value, min(v.period) AS first, max(v.period) AS last,
	   count(*) FILTER (WHERE o.term IS NULL OR v.term IS NULL OR o.value IS DISTINCT FROM v.value) AS differ
FROM v FULL JOIN tsq_oracle o ON (o.form, o.term, o.kommune, o.period) = (v.form, v.term, v.kommune, v.period)
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS oracle_rows FROM tsq_oracle;
DELETE FROM jobindsats_term WHERE term IN ('tsq_mean10', 'tsq_mean6', 'tsq_sum', 'tsy', 'tsf');
DELETE FROM jobindsats_observation WHERE table_id IN ('TSQ01', 'TSY01', 'TSF01');
