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
