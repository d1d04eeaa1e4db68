/*
 * benchmark 1.5 -> 1.6: the end of the hand-written part, after the layers.
 * The functions set aside at the start (their arguments were renamed) are
 * used by nothing of the extension now; a view of yours that calls one of
 * them stops the update here: drop it, update, and create it again with the
 * new function (docs/upgrading.md).
 */
DROP FUNCTION benchmark.model_rankings_1_5(text, text[]);
DROP FUNCTION benchmark.target_status_for_1_5(text, text);
DROP FUNCTION benchmark.model_rank_intervals_for_1_5(text, integer, numeric, integer);

/* the 1.5 store's rows, moved into its series and cells (their triggers derive the stored series) */
INSERT INTO benchmark.jobindsats_observation_series (table_id, measure, area, kommune, dimensions)
SELECT DISTINCT o.table_id, o.measure, o.area, o.kommune, o.dimensions
FROM benchmark.jobindsats_observation_1_5 o
ORDER BY 1, 2, 3, 5;
INSERT INTO benchmark.jobindsats_observation_cell (series_id, period, value, stored_at)
SELECT s.series_id, o.period, o.value, o.stored_at
FROM benchmark.jobindsats_observation_1_5 o
	 JOIN benchmark.jobindsats_observation_series s
	 ON s.table_id = o.table_id AND s.measure = o.measure AND s.area = o.area AND s.dimensions = o.dimensions
ORDER BY 1, 2;
ALTER EXTENSION benchmark DROP TABLE benchmark.jobindsats_observation_1_5;
DROP TABLE benchmark.jobindsats_observation_1_5;
