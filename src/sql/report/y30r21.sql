/*
 * The ministry's benchmark beside a model: per municipality the model's
 * total placement in a period and STAR's placement on Y30R21 (the level of
 * public support against what frame conditions predict) in a benefit group,
 * with the actual and expected shares.  Y30R21's measures are matched by
 * their labels with or without the group prefix ("...: Faktisk andel
 * (pct.)"), as downloads and pipelines write them.
 */
CREATE FUNCTION benchmark.y30r21_beside_model(model_name text, period_label text, y30r21_period text DEFAULT NULL,
											  benefit_group text DEFAULT 'Ydelsesgrupper i alt')
RETURNS TABLE (kommune text, model_period text, model_placement integer, model_ranked integer,
			   star_period text, star_group text, star_placement integer, star_actual_share numeric,
			   star_expected_share numeric, star_difference numeric)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH y AS (
		SELECT o.area, o.period, pg_catalog.regexp_replace(o.measure, '^.*: ', '') AS label, o.value
		FROM benchmark.jobindsats_store_as_read o
		WHERE o.table_id = 'Y30R21' AND o.kommune IS NOT NULL
		  AND o.dimensions ->> 'Ydelsesgrupper' = y30r21_beside_model.benefit_group
		  AND o.period = coalesce(y30r21_beside_model.y30r21_period,
								  (SELECT l.period FROM benchmark.jobindsats_store_as_read l
								   WHERE l.table_id = 'Y30R21'
									 AND l.dimensions ->> 'Ydelsesgrupper' = y30r21_beside_model.benefit_group
								   ORDER BY benchmark.period_end(l.period) DESC, l.period DESC LIMIT 1))
	),
	star AS (
		SELECT y.area, y.period,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Placering på benchmarkranglisten') AS placement,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Faktisk andel (pct.)') AS actual,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Forventet andel (pct.)') AS expected,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Forskel mellem forventet og faktisk andel (pct. point)') AS difference
		FROM y
		GROUP BY y.area, y.period
	),
	m AS (
		SELECT p.kommune, p.period, p.placement, p.ranked
		FROM benchmark.model_placements(y30r21_beside_model.model_name, y30r21_beside_model.period_label) p
		WHERE p.part = 'total'
	)
	SELECT coalesce(m.kommune, s.area), m.period, m.placement, m.ranked,
		   s.period, CASE WHEN s.area IS NOT NULL THEN y30r21_beside_model.benefit_group END,
		   s.placement::integer, s.actual, s.expected, s.difference
	FROM m FULL JOIN star s ON s.area = m.kommune;
END;

COMMENT ON FUNCTION benchmark.y30r21_beside_model(text, text, text, text) IS
'Per municipality a model''s total placement in a period beside STAR''s placement on the ministry''s benchmark Y30R21 (from the store; its latest period unless given) in a benefit group, with the actual and expected shares on public support and actual - expected (pct. points)';
