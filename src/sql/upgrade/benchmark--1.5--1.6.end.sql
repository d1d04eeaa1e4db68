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

/* the 1.5 store's rows, moved into its series with their cells (their triggers derive the stored series) */
INSERT INTO benchmark.jobindsats_observation_series (table_id, measure, area, kommune, dimensions,
													 periods, cell_values, cell_stored_at, cell_load_ids)
SELECT o.table_id, o.measure, o.area, o.kommune, o.dimensions,
	   pg_catalog.array_agg(o.period ORDER BY o.period), pg_catalog.array_agg(o.value ORDER BY o.period),
	   pg_catalog.array_agg(o.stored_at ORDER BY o.period), pg_catalog.array_fill(NULL::bigint, ARRAY[pg_catalog.count(*)::integer])
FROM benchmark.jobindsats_observation_1_5 o
GROUP BY o.table_id, o.measure, o.area, o.kommune, o.dimensions
ORDER BY 1, 2, 3, 5;
ALTER EXTENSION benchmark DROP TABLE benchmark.jobindsats_observation_1_5;
DROP TABLE benchmark.jobindsats_observation_1_5;
