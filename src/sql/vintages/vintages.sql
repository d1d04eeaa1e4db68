/*
 * Reading the observation store as of a moment (the vintages are kept in
 * src/sql/vintages/vintage_tables.sql).
 *
 * The moment is the setting benchmark.as_of (a timestamptz; empty or unset:
 * now), which the runner's and the explain functions' as_of argument sets
 * for their own reading, and which a session may set itself.  A cell's value
 * as of a moment T is the first of its values (the replaced ones in the
 * order they went, then the current one) that was still there at T, if it
 * had been stored by T.  The moment of a load or write is the start of its
 * transaction, as now() gives it.
 *
 * The mappings' stored series follow: a term whose series were derived at
 * or before T (no write to its table since) is read from its stored series,
 * any other term is derived again from the store as of T
 * (jobindsats_term_values, jobindsats_mapping_stored).
 */

/* The moment the store is read as of (the setting benchmark.as_of), NULL for now; refuses a moment whose vintages were pruned. */
CREATE FUNCTION benchmark_internal.jobindsats_as_of()
RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	setting text := pg_catalog.current_setting('benchmark.as_of', true);
	moment timestamptz;
	horizon timestamptz;
BEGIN
	IF setting IS NULL OR pg_catalog.btrim(setting) = '' THEN
		RETURN NULL;
	END IF;
	/* a setting that is no timestamptz is the cast's error (22007), raised without a subtransaction, which a parallel query forbids */
	moment := setting::timestamptz;
	SELECT pg_catalog.max(p.horizon) INTO horizon FROM benchmark.jobindsats_vintage_prune p;
	IF moment < horizon AND NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_vintage_pin p WHERE p.pinned_at = moment) THEN
		RAISE EXCEPTION 'the store cannot be read as of %: the vintages replaced before % were pruned', moment, horizon
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = 'Only the moments in benchmark.jobindsats_vintage_pin are kept before a prune''s horizon.',
				HINT = 'Read as of a later moment, or as of a pinned one.';
	END IF;
	RETURN moment;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_as_of() IS
'The moment the observation store is read as of: the setting benchmark.as_of, NULL (now) when unset or empty; 22007 for a setting that is no timestamptz, 22023 for a moment before a prune''s horizon that no pin keeps';

/*
 * The store as the current statement reads it: as it is, or as of
 * benchmark.as_of.  Each branch is gated by the setting (read once per
 * statement), so a reading without it reads the store's index as before.
 * The as-of branches call the (parallel restricted) setting's reader in
 * their gate itself, not in an InitPlan: they are then never planned under
 * a Gather, which would start workers only for them to find the gate shut.
 */
CREATE VIEW benchmark.jobindsats_store_as_read AS
SELECT o.table_id, o.area, o.kommune, o.period, o.dimensions, o.measure, o.value, o.stored_at, o.load_id
FROM benchmark.jobindsats_observation o
WHERE (SELECT benchmark_internal.jobindsats_as_of()) IS NULL
UNION ALL
/* a current value stored by the moment and not replaced since */
SELECT o.table_id, o.area, o.kommune, o.period, o.dimensions, o.measure, o.value, o.stored_at, o.load_id
FROM benchmark.jobindsats_observation o
WHERE benchmark_internal.jobindsats_as_of() IS NOT NULL AND o.stored_at <= (SELECT benchmark_internal.jobindsats_as_of())
  AND NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_observation_revision r
				  WHERE r.table_id = o.table_id AND r.measure = o.measure AND r.area = o.area AND r.period = o.period
					AND r.dimensions = o.dimensions AND r.replaced_at > (SELECT benchmark_internal.jobindsats_as_of()))
UNION ALL
/* the first value replaced after the moment, if it had been stored by then */
SELECT r.table_id, r.area, r.kommune, r.period, r.dimensions, r.measure, r.value, r.stored_at, r.load_id
FROM benchmark.jobindsats_observation_revision r
WHERE benchmark_internal.jobindsats_as_of() IS NOT NULL AND r.replaced_at > (SELECT benchmark_internal.jobindsats_as_of())
  AND r.stored_at <= (SELECT benchmark_internal.jobindsats_as_of())
  AND NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_observation_revision e
				  WHERE e.table_id = r.table_id AND e.measure = r.measure AND e.area = r.area AND e.period = r.period
					AND e.dimensions = r.dimensions AND e.replaced_at > (SELECT benchmark_internal.jobindsats_as_of())
					AND (e.replaced_at, e.revision_id) < (r.replaced_at, r.revision_id));

COMMENT ON VIEW benchmark.jobindsats_store_as_read IS
'The observation store as this statement reads it: as it is, or as of the moment the setting benchmark.as_of names (what the mappings and terms derive from)';

GRANT SELECT ON benchmark.jobindsats_store_as_read TO PUBLIC;

/* Sets benchmark.as_of for the rest of the transaction when a moment is given; returns the setting it replaces. */
CREATE FUNCTION benchmark_internal.as_of_enter(as_of timestamptz)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	setting text := coalesce(pg_catalog.current_setting('benchmark.as_of', true), '');
BEGIN
	IF as_of IS NOT NULL THEN
		PERFORM pg_catalog.set_config('benchmark.as_of', as_of::text, true);
	END IF;
	RETURN setting;
END
$$;

COMMENT ON FUNCTION benchmark_internal.as_of_enter(timestamptz) IS
'Sets the setting benchmark.as_of to a moment (unless NULL) for a function''s own reading and returns the setting it replaces, which as_of_leave puts back';

/* Puts back the setting benchmark.as_of that as_of_enter replaced. */
CREATE FUNCTION benchmark_internal.as_of_leave(setting text)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT pg_catalog.set_config('benchmark.as_of', as_of_leave.setting, true);
END;

COMMENT ON FUNCTION benchmark_internal.as_of_leave(text) IS
'Puts back the setting benchmark.as_of that as_of_enter replaced';

/* The whole store as of a moment, with the load that brought each value. */
CREATE FUNCTION benchmark.jobindsats_observation_as_of(as_of timestamptz)
RETURNS SETOF benchmark.jobindsats_store_as_read
LANGUAGE plpgsql STABLE STRICT PARALLEL RESTRICTED ROWS 100000
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	setting text := benchmark_internal.as_of_enter(jobindsats_observation_as_of.as_of);
BEGIN
	RETURN QUERY SELECT * FROM benchmark.jobindsats_store_as_read;
	PERFORM benchmark_internal.as_of_leave(setting);
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_observation_as_of(timestamptz) IS
'The observation store as it was at a moment: every cell stored by then with the value it had then, the moment that value was stored and the load that brought it';

/*
 * The cells of a series' old row that its new row replaced (another value)
 * or removed, with the load that replaced them when another
 * (src/observation_cells.c).
 */
CREATE FUNCTION benchmark_internal.jobindsats_cells_replaced(periods text[], cell_values numeric[], cell_stored_at timestamptz[],
															 cell_load_ids bigint[], new_periods text[], new_values numeric[],
															 new_load_ids bigint[])
RETURNS TABLE (period text, value numeric, stored_at timestamptz, load_id bigint, replaced_by bigint)
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE ROWS 1
AS 'MODULE_PATHNAME', 'jobindsats_cells_replaced';

COMMENT ON FUNCTION benchmark_internal.jobindsats_cells_replaced(text[], numeric[], timestamptz[], bigint[], text[], numeric[], bigint[]) IS
'The cells of a series'' old row (periods, cell_values, cell_stored_at, cell_load_ids) that its new row replaced with another value or removed, each with the load that replaced it when another: what the vintages keep';

/*
 * Trigger function: keeps the values an update or delete of the store's
 * series replaces or removes (all of them before a TRUNCATE) as vintages,
 * with the load that replaced them.  The triggers name their transition
 * tables old_series and new_series; an update's new rows are read from the
 * table by their number (an index probe per series, whatever the
 * statement's size), never by joining the two transition tables with a
 * plan made once for the first statement's size.
 */
CREATE FUNCTION benchmark_internal.jobindsats_keep_revisions()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		INSERT INTO benchmark.jobindsats_observation_revision (table_id, area, kommune, period, dimensions, measure, value,
															   stored_at, load_id, replaced_at, replaced_by)
		SELECT o.table_id, o.area, o.kommune, r.period, o.dimensions, o.measure, r.value, r.stored_at, r.load_id,
			   pg_catalog.now(), r.replaced_by
		FROM old_series o,
			 /* the series as the statement left it: an index probe (OFFSET 0 keeps it one, not a join planned once) */
			 LATERAL (SELECT s.periods, s.cell_values, s.cell_load_ids FROM benchmark.jobindsats_observation_series s
					  WHERE s.series_id = o.series_id OFFSET 0) n,
			 LATERAL benchmark_internal.jobindsats_cells_replaced(o.periods, o.cell_values, o.cell_stored_at, o.cell_load_ids,
																 n.periods, n.cell_values, n.cell_load_ids) r;
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO benchmark.jobindsats_observation_revision (table_id, area, kommune, period, dimensions, measure, value,
															   stored_at, load_id, replaced_at)
		SELECT s.table_id, s.area, s.kommune, c.period, s.dimensions, s.measure, c.value, c.stored_at, c.load_id, pg_catalog.now()
		FROM old_series s,
			 LATERAL ROWS FROM (pg_catalog.unnest(s.periods), pg_catalog.unnest(s.cell_values), pg_catalog.unnest(s.cell_stored_at),
								pg_catalog.unnest(s.cell_load_ids)) c(period, value, stored_at, load_id);
	ELSIF TG_OP = 'TRUNCATE' THEN
		INSERT INTO benchmark.jobindsats_observation_revision (table_id, area, kommune, period, dimensions, measure, value,
															   stored_at, load_id, replaced_at)
		SELECT o.table_id, o.area, o.kommune, o.period, o.dimensions, o.measure, o.value, o.stored_at, o.load_id, pg_catalog.now()
		FROM benchmark.jobindsats_observation o;
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_keep_revisions() IS
'Trigger function: keeps every value an update of the observation store''s series replaces or removes, and every cell a delete or TRUNCATE removes, in jobindsats_observation_revision';

/* Raises the error of an update that would change a cell's key (its vintages are kept by key). */
CREATE FUNCTION benchmark_internal.jobindsats_key_change_error(table_id text, area text, period text, measure text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'the key of a cell of the observation store cannot change'
		USING ERRCODE = 'feature_not_supported',
			DETAIL = CASE WHEN period IS NULL
						  THEN pg_catalog.format('Table %s, area %s, measure "%s".', table_id, area, measure)
						  ELSE pg_catalog.format('Table %s, area %s, period %s, measure "%s".', table_id, area, period, measure) END,
			HINT = 'Delete the cell and insert the new one: its vintages are kept by its key (table, measure, area, period, dimensions).';
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_key_change_error(text, text, text, text) IS
'Raises 0A000 for an update of the observation store that would change a cell''s key (table_id, measure, area, period, dimensions)';

/* Trigger function: refuses an update of a series that changes its key (table, measure, area, dimensions: its cells' vintages are kept by key). */
CREATE FUNCTION benchmark_internal.jobindsats_key_unchanged()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM benchmark_internal.jobindsats_key_change_error(OLD.table_id, OLD.area, NULL, OLD.measure);
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_key_unchanged() IS
'Trigger function: refuses an update of jobindsats_observation_series that changes a series'' key (table_id, measure, area, dimensions)';

CREATE TRIGGER jobindsats_revisions_after_update AFTER UPDATE ON benchmark.jobindsats_observation_series
	REFERENCING OLD TABLE AS old_series NEW TABLE AS new_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_keep_revisions();
CREATE TRIGGER jobindsats_revisions_after_delete AFTER DELETE ON benchmark.jobindsats_observation_series
	REFERENCING OLD TABLE AS old_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_keep_revisions();
CREATE TRIGGER jobindsats_revisions_before_truncate BEFORE TRUNCATE ON benchmark.jobindsats_observation_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_keep_revisions();
CREATE TRIGGER jobindsats_key_unchanged BEFORE UPDATE OF table_id, measure, area, dimensions ON benchmark.jobindsats_observation_series
	FOR EACH ROW WHEN ((OLD.table_id, OLD.measure, OLD.area, OLD.dimensions) IS DISTINCT FROM (NEW.table_id, NEW.measure, NEW.area, NEW.dimensions))
	EXECUTE FUNCTION benchmark_internal.jobindsats_key_unchanged();

/* One cell of the store as of a moment: its value then, when that value was stored and the load that brought it; no row when it was not stored then. */
CREATE FUNCTION benchmark.jobindsats_cell_as_of(table_id text, measure text, area text, period_label text, dimensions jsonb,
												as_of timestamptz)
RETURNS TABLE (value numeric, stored_at timestamptz, load_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT v.value, v.stored_at, v.load_id
	FROM (SELECT r.value, r.stored_at, r.load_id, r.replaced_at, r.revision_id
		  FROM benchmark.jobindsats_observation_revision r
		  WHERE r.table_id = jobindsats_cell_as_of.table_id AND r.measure = jobindsats_cell_as_of.measure
			AND r.area = jobindsats_cell_as_of.area AND r.period = jobindsats_cell_as_of.period_label
			AND r.dimensions = jobindsats_cell_as_of.dimensions AND r.replaced_at > jobindsats_cell_as_of.as_of
		  UNION ALL
		  SELECT o.value, o.stored_at, o.load_id, 'infinity', NULL
		  FROM benchmark.jobindsats_observation o
		  WHERE o.table_id = jobindsats_cell_as_of.table_id AND o.measure = jobindsats_cell_as_of.measure
			AND o.area = jobindsats_cell_as_of.area AND o.period = jobindsats_cell_as_of.period_label
			AND o.dimensions = jobindsats_cell_as_of.dimensions) v
	ORDER BY v.replaced_at, v.revision_id
	LIMIT 1;
END;

COMMENT ON FUNCTION benchmark.jobindsats_cell_as_of(text, text, text, text, jsonb, timestamptz) IS
'One cell of the observation store (by its key) as of a moment: the value it had then, when that value was stored and the load that brought it; the value''s stored_at after the moment means the cell was not stored then';

/*
 * The cells of one jobindsats table whose value differs between two moments
 * (revised or removed; cells first stored between them are new data, not
 * revisions), with the loads that brought each value.
 */
CREATE FUNCTION benchmark.jobindsats_revisions(table_id text, from_time timestamptz, to_time timestamptz DEFAULT pg_catalog.now())
RETURNS TABLE (area text, kommune text, period text, dimensions jsonb, measure text,
			   old_value numeric, new_value numeric, old_load_id bigint, new_load_id bigint, revised_at timestamptz)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := pg_catalog.upper(pg_catalog.btrim(jobindsats_revisions.table_id));
BEGIN
	IF from_time IS NULL OR to_time IS NULL OR from_time > to_time THEN
		RAISE EXCEPTION 'jobindsats_revisions: from_time % and to_time % are no interval', from_time, to_time
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Give two moments, the earlier first.';
	END IF;
	RETURN QUERY
	WITH touched AS (
		SELECT r.measure, r.area, r.period, r.dimensions, pg_catalog.max(r.kommune::text) AS kommune,
			   pg_catalog.max(r.replaced_at) AS revised_at
		FROM benchmark.jobindsats_observation_revision r
		WHERE r.table_id = wanted AND r.replaced_at > from_time AND r.replaced_at <= to_time
		GROUP BY r.measure, r.area, r.period, r.dimensions)
	SELECT t.area, t.kommune, t.period, t.dimensions, t.measure,
		   b.value, a.value, b.load_id, a.load_id, t.revised_at
	FROM touched t
		 CROSS JOIN LATERAL benchmark.jobindsats_cell_as_of(wanted, t.measure, t.area, t.period, t.dimensions, from_time) b
		 LEFT JOIN LATERAL benchmark.jobindsats_cell_as_of(wanted, t.measure, t.area, t.period, t.dimensions, to_time) a
			ON a.stored_at <= to_time
	WHERE b.stored_at <= from_time AND (a.stored_at IS NULL OR a.value IS DISTINCT FROM b.value)
	ORDER BY t.measure, t.area, t.period, t.dimensions;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_revisions(text, timestamptz, timestamptz) IS
'The cells of a jobindsats table whose value differs between two moments (revised, or removed: new_value and new_load_id NULL), with the loads that brought the old and the new value and when it was last revised; cells first stored between the moments are new data and not listed';

/*
 * Removes the vintages replaced before a moment, but those a pinned moment
 * still reads; logs the prune, after which the store is read as of a moment
 * before the horizon only at a pinned moment.  Returns the vintages removed.
 */
CREATE FUNCTION benchmark.jobindsats_prune_revisions(before timestamptz)
RETURNS bigint
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	removed bigint;
	kept bigint;
BEGIN
	IF before > pg_catalog.now() THEN
		RAISE EXCEPTION 'jobindsats_prune_revisions: % is in the future', before
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Prune the vintages replaced before a moment that has passed.';
	END IF;
	LOCK TABLE benchmark.jobindsats_observation_series IN SHARE ROW EXCLUSIVE MODE;
	WITH gone AS (
		DELETE FROM benchmark.jobindsats_observation_revision r
		WHERE r.replaced_at < before
		  AND NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_vintage_pin p
						  WHERE p.pinned_at >= r.stored_at AND p.pinned_at < r.replaced_at)
		RETURNING 1)
	SELECT pg_catalog.count(*) INTO removed FROM gone;
	SELECT pg_catalog.count(*) INTO kept FROM benchmark.jobindsats_observation_revision r WHERE r.replaced_at < before;
	INSERT INTO benchmark.jobindsats_vintage_prune (horizon, removed, kept_for_pins) VALUES (before, removed, kept);
	RETURN removed;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_prune_revisions(timestamptz) IS
'Removes the vintages of the observation store replaced before a moment, keeping those the moments in jobindsats_vintage_pin read; logs it in jobindsats_vintage_prune and returns how many were removed';

REVOKE EXECUTE ON FUNCTION benchmark.jobindsats_prune_revisions(timestamptz) FROM PUBLIC;
