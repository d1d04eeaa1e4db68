/* Copies of catalog rows as ordinary, editable rows: a model with its areas, measures,
   benefits and exclusions; a peer group with its members */

/* Copies a model (shipped or your own) under a new name. */
CREATE FUNCTION benchmark.model_copy(source_model text, new_model text)
RETURNS text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM benchmark.model m WHERE m.model = source_model) THEN
		RAISE EXCEPTION 'model "%" does not exist', source_model
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table model.';
	END IF;
	INSERT INTO benchmark.model (model, title_da, title_en, goal_da, goal_en, goal_weight, goal_rule, goal_missing,
								   baseline_from, baseline_to, total_missing)
	SELECT new_model, title_da, title_en, goal_da, goal_en, goal_weight, goal_rule, goal_missing,
		   baseline_from, baseline_to, total_missing
	FROM benchmark.model m WHERE m.model = source_model;
	INSERT INTO benchmark.model_area (model, area_no, name_da, name_en, weight, in_total, missing)
	SELECT new_model, area_no, name_da, name_en, weight, in_total, missing
	FROM benchmark.model_area a WHERE a.model = source_model;
	INSERT INTO benchmark.model_measure (model, measure, area_no, position, name_da, name_en, description_da,
										   description_en, higher_is_better, unit, source, jobindsats)
	SELECT new_model, measure, area_no, position, name_da, name_en, description_da,
		   description_en, higher_is_better, unit, source, jobindsats
	FROM benchmark.model_measure x WHERE x.model = source_model;
	INSERT INTO benchmark.model_benefit (model, benefit, position, name_da, name_en, source, jobindsats)
	SELECT new_model, benefit, position, name_da, name_en, source, jobindsats
	FROM benchmark.model_benefit b WHERE b.model = source_model;
	INSERT INTO benchmark.model_excluded (model, kommune, reason)
	SELECT new_model, kommune, reason
	FROM benchmark.model_excluded e WHERE e.model = source_model;
	RETURN new_model;
END
$$;

COMMENT ON FUNCTION benchmark.model_copy(text, text) IS
'Copies a model (the shipped preset or your own) with its areas, measures, benefits and exclusions under a new name, as ordinary editable rows';

/* Copies a peer group (shipped or your own) with its members under a new name. */
CREATE FUNCTION benchmark.peer_group_copy(source_peer_group text, new_peer_group text)
RETURNS text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM benchmark.peer_group g WHERE g.peer_group = source_peer_group) THEN
		RAISE EXCEPTION 'peer group "%" does not exist', source_peer_group
			USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view peer_groups.';
	END IF;
	INSERT INTO benchmark.peer_group (peer_group, name_da, name_en, definition)
	SELECT new_peer_group, g.name_da, g.name_en, pg_catalog.format('Copy of %s. %s', source_peer_group, g.definition)
	FROM benchmark.peer_group g WHERE g.peer_group = source_peer_group;
	INSERT INTO benchmark.peer_group_member (peer_group, kommune)
	SELECT new_peer_group, m.kommune FROM benchmark.peer_group_member m WHERE m.peer_group = source_peer_group;
	RETURN new_peer_group;
END
$$;

COMMENT ON FUNCTION benchmark.peer_group_copy(text, text) IS
'Copies a peer group (shipped or your own) with its members under a new name, as ordinary editable rows';
