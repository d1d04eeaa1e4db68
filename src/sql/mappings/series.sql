/*
 * Keeping the stored series (src/sql/mappings/series_tables.sql) up to date:
 * a write to the observation store derives again the terms of the tables it
 * touched, a change of a term derives that term, a change of a mapping
 * computes that mapping, and a change of the stored period forms derives
 * every term; the mappings over the terms derived follow, each in the
 * statement that made the change.  A reader therefore sees the series of
 * the store its snapshot sees: a concurrent load and run see the old or the
 * new values, never a mix.
 *
 * Derivations take a lock that conflicts with itself: two transactions that
 * change the store and the catalog at once (a parallel pg_restore loads them
 * side by side) derive one after the other, and the second sees what the
 * first committed.
 */

/* Computes the stored mapping series of the mappings named (all: NULL) from the stored term series; returns the rows stored. */
CREATE FUNCTION benchmark.jobindsats_mapping_series_refresh(mapping_names text[])
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	stored bigint;
BEGIN
	LOCK TABLE benchmark.jobindsats_term_state IN SHARE ROW EXCLUSIVE MODE;
	DELETE FROM benchmark.jobindsats_mapping_series s WHERE mapping_names IS NULL OR s.mapping = ANY (mapping_names);
	INSERT INTO benchmark.jobindsats_mapping_series (mapping, period_form, kommune, period, value)
	SELECT m.mapping, s.period_form, s.kommune, s.period,
		   CASE WHEN pg_catalog.count(*) = t.n_terms AND pg_catalog.count(s.value) = t.n_terms THEN
				LEAST(m.upper_bound,
					  CASE WHEN m.denominator IS NULL
						   THEN m.scale * pg_catalog.sum(t.sign * s.value) FILTER (WHERE t.side = 'n')
						   ELSE m.scale * pg_catalog.sum(t.sign * s.value) FILTER (WHERE t.side = 'n')
								/ NULLIF(pg_catalog.sum(t.sign * s.value) FILTER (WHERE t.side = 'd'), 0) END) END
	FROM benchmark.jobindsats_mapping m
		 CROSS JOIN LATERAL (
			SELECT u.side, pg_catalog.ltrim(u.x, '-') AS term, CASE WHEN u.x LIKE '-%' THEN -1 ELSE 1 END AS sign,
				   pg_catalog.count(*) OVER () AS n_terms
			FROM (SELECT DISTINCT v.side, v.x
				  FROM (SELECT 'n' AS side, x FROM pg_catalog.unnest(m.numerator) x
						UNION ALL
						SELECT 'd', x FROM pg_catalog.unnest(m.denominator) x) v) u) t
		 JOIN benchmark.jobindsats_term_series s ON s.term = t.term
	WHERE mapping_names IS NULL OR m.mapping = ANY (mapping_names)
	GROUP BY m.mapping, s.period_form, s.kommune, s.period, t.n_terms;
	GET DIAGNOSTICS stored = ROW_COUNT;
	RETURN stored;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_mapping_series_refresh(text[]) IS
'Computes the stored series of the mappings named (all: NULL) from the stored series of their terms, as jobindsats_mapping_values does, and returns the rows stored; jobindsats_series_refresh and changes of the mapping catalog call it';

/*
 * Derives the stored series of the terms named and of the terms of the
 * jobindsats tables named (neither named: every term) in every stored period
 * form; returns the rows stored.  Which terms is decided after the lock, so
 * that a term another transaction just added is seen.
 */
CREATE FUNCTION benchmark.jobindsats_series_refresh(term_names text[] DEFAULT NULL, table_ids text[] DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
	f text;
	matched text;
	added bigint;
	stored bigint := 0;
	e_code text;
	e_message text;
	e_detail text;
	e_hint text;
	every boolean := term_names IS NULL AND table_ids IS NULL;
BEGIN
	LOCK TABLE benchmark.jobindsats_term_state IN SHARE ROW EXCLUSIVE MODE;
	IF table_ids IS NOT NULL THEN
		term_names := coalesce(term_names, '{}')
			|| ARRAY(SELECT x.term FROM benchmark.jobindsats_term x WHERE x.table_id = ANY (table_ids));
	END IF;
	DELETE FROM benchmark.jobindsats_term_series s WHERE every OR s.term = ANY (term_names);
	DELETE FROM benchmark.jobindsats_term_state s WHERE every OR s.term = ANY (term_names);
	FOR t, f IN
		SELECT x.term, sf.period_form
		FROM benchmark.jobindsats_term x CROSS JOIN benchmark.jobindsats_series_form sf
		WHERE every OR x.term = ANY (term_names)
		ORDER BY 1, 2
	LOOP
		BEGIN
			WITH v AS MATERIALIZED (
				SELECT d.kommune, d.period, d.value, d.matched_label
				FROM benchmark.jobindsats_term_derive(t, f, false) d),
			ins AS (
				INSERT INTO benchmark.jobindsats_term_series (term, period_form, kommune, period, value)
				SELECT t, f, v.kommune, v.period, v.value FROM v
				RETURNING 1)
			SELECT (SELECT pg_catalog.max(v.matched_label) FROM v), (SELECT pg_catalog.count(*) FROM ins)
			INTO matched, added;
			INSERT INTO benchmark.jobindsats_term_state (term, period_form, matched_label)
			VALUES (t, f, matched);
			stored := stored + added;
		EXCEPTION WHEN undefined_column OR data_exception THEN
			/* kept, and raised again to whoever reads the term */
			GET STACKED DIAGNOSTICS e_code = RETURNED_SQLSTATE, e_message = MESSAGE_TEXT,
									e_detail = PG_EXCEPTION_DETAIL, e_hint = PG_EXCEPTION_HINT;
			INSERT INTO benchmark.jobindsats_term_state (term, period_form, error_code, error_message, error_detail, error_hint)
			VALUES (t, f, e_code, e_message, NULLIF(e_detail, ''), NULLIF(e_hint, ''));
		END;
	END LOOP;
	/* and the mappings over them */
	PERFORM benchmark.jobindsats_mapping_series_refresh(
		CASE WHEN NOT every THEN
			ARRAY(SELECT m.mapping FROM benchmark.jobindsats_mapping m
				  WHERE EXISTS (SELECT 1 FROM pg_catalog.unnest(m.numerator || coalesce(m.denominator, '{}')) x
								WHERE pg_catalog.ltrim(x, '-') = ANY (term_names))) END);
	RETURN stored;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_series_refresh(text[], text[]) IS
'Derives the stored series of the terms named and of the terms of the jobindsats tables named (neither: every term), and of the mappings over them, from the observation store in every stored period form and returns the rows stored; loads and catalog changes call it themselves, so it is needed only after a restore with triggers disabled';

/*
 * Gathering the tables a write to the store touches, so that a load's one
 * statement (series and cells) and a statement on the view
 * jobindsats_observation (its cells one row at a time) derive their tables'
 * series once, when they end (src/jobindsats_store.c).  The gathering is
 * the backend's own state: a transaction that would commit with a gathering
 * open fails, so no write is left underived.
 */
CREATE FUNCTION benchmark_internal.jobindsats_store_gather_begin()
RETURNS void
LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'jobindsats_store_gather_begin';

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_gather_begin() IS
'Opens a level of gathering the jobindsats tables the observation store''s writes touch, derived once when jobindsats_store_gather_end closes it (a commit with a level open fails, 55000)';

/* Adds tables to the open gathering; false when none is open. */
CREATE FUNCTION benchmark_internal.jobindsats_store_gather(tables text[])
RETURNS boolean
LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'jobindsats_store_gather';

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_gather(text[]) IS
'Adds jobindsats tables a write touched to the open gathering and returns true; false when no gathering is open (the writer derives them at once)';

/* Closes the innermost level of gathering: the tables gathered when it was the outermost, else NULL. */
CREATE FUNCTION benchmark_internal.jobindsats_store_gather_take()
RETURNS text[]
LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'jobindsats_store_gather_take';

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_gather_take() IS
'Closes the innermost level of gathering the jobindsats tables the observation store''s writes touched and returns them when it was the outermost (NULL otherwise); 55000 when none is open';

/*
 * Gives the jobindsats tables named a new write id (benchmark.
 * jobindsats_store_write) and derives their terms; within a load or a
 * statement on the view jobindsats_observation the tables are gathered
 * instead, and written once when it ends (jobindsats_store_gather_end).
 */
CREATE FUNCTION benchmark_internal.jobindsats_store_written(touched text[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF touched IS NULL OR pg_catalog.cardinality(touched) = 0
	   OR benchmark_internal.jobindsats_store_gather(touched) THEN
		RETURN;
	END IF;
	INSERT INTO benchmark.jobindsats_store_write AS w (table_id, write_id)
	SELECT t, pg_catalog.gen_random_uuid() FROM pg_catalog.unnest(touched) t
	ON CONFLICT (table_id) DO UPDATE SET write_id = excluded.write_id, written_at = excluded.written_at;
	PERFORM benchmark.jobindsats_series_refresh(table_ids => touched);
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_written(text[]) IS
'Gives the jobindsats tables a write to the observation store touched a new write id in jobindsats_store_write and derives again the stored series of their terms (within a load or a statement on the view jobindsats_observation: when it ends)';

/* Closes the innermost gathering; when it was the outermost, gives the tables gathered new write ids and derives their series. */
CREATE FUNCTION benchmark_internal.jobindsats_store_gather_end()
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM benchmark_internal.jobindsats_store_written(benchmark_internal.jobindsats_store_gather_take());
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_gather_end() IS
'Closes the innermost level of gathering the jobindsats tables the observation store''s writes touched; when it was the outermost, gives them new write ids and derives their stored series';

/*
 * Trigger function before an INSERT into the store's series
 * (src/jobindsats_store.c): before the statement, opens a level of
 * gathering; before each row, adds the series' table to it when the series
 * has cells.  The statement's AFTER trigger closes the level and writes the
 * tables (jobindsats_series_after_store): no copy of the statement's rows (a
 * transition table) is kept for its end, where a first load's 29,952 series
 * were 22 MB of them.
 */
CREATE FUNCTION benchmark_internal.jobindsats_series_gather()
RETURNS trigger
LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'jobindsats_series_gather';

COMMENT ON FUNCTION benchmark_internal.jobindsats_series_gather() IS
'Trigger function: before an INSERT into jobindsats_observation_series opens a level of gathering the tables it writes, and before each row adds the series'' table to it when the series has cells';

/*
 * Trigger function: after a write to the store's series, the jobindsats
 * tables it touched are written (above): an INSERT's, gathered as it wrote
 * its rows (jobindsats_series_gather), by closing its level of gathering;
 * an UPDATE's and a DELETE's from their transition tables, old_series and
 * new_series; a TRUNCATE forgets every write id and derives every term.  A
 * series added or deleted without cells (by hand) is no write.
 */
CREATE FUNCTION benchmark_internal.jobindsats_series_after_store()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	touched text[];
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		DELETE FROM benchmark.jobindsats_store_write;
		PERFORM benchmark.jobindsats_series_refresh();
		RETURN NULL;
	ELSIF TG_OP = 'INSERT' THEN
		PERFORM benchmark_internal.jobindsats_store_gather_end();
		RETURN NULL;
	ELSIF TG_OP = 'UPDATE' THEN
		/* a series' key cannot change (jobindsats_key_unchanged): its table is the new row's */
		SELECT pg_catalog.array_agg(DISTINCT n.table_id) INTO touched FROM new_series n;
	ELSE
		SELECT pg_catalog.array_agg(DISTINCT s.table_id) INTO touched
		FROM old_series s
		WHERE pg_catalog.cardinality(s.periods) > 0;
	END IF;
	PERFORM benchmark_internal.jobindsats_store_written(touched);
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_series_after_store() IS
'Trigger function: after a write to the observation store''s series gives the jobindsats tables it touched a new write id in jobindsats_store_write and derives again the stored series of their terms (an INSERT''s as gathered by jobindsats_series_gather); after a TRUNCATE forgets every write id and derives every term';

/*
 * Trigger function: after a change of the term catalog derives the terms it
 * added, changed or deleted; after a change of the mapping catalog computes
 * those mappings.  The triggers name their transition tables old_rows and
 * new_rows; a row's key is its term or its mapping.
 */
CREATE FUNCTION benchmark_internal.jobindsats_series_after_catalog()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	key text := CASE TG_TABLE_NAME WHEN 'jobindsats_term' THEN 'term' ELSE 'mapping' END;
	touched text[];
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT pg_catalog.array_agg(DISTINCT pg_catalog.to_jsonb(c) ->> key) INTO touched FROM new_rows c;
	ELSIF TG_OP = 'UPDATE' THEN
		SELECT pg_catalog.array_agg(DISTINCT x.k) INTO touched
		FROM (SELECT pg_catalog.to_jsonb(c) ->> key AS k FROM old_rows c
			  UNION ALL SELECT pg_catalog.to_jsonb(c) ->> key FROM new_rows c) x;
	ELSE
		SELECT pg_catalog.array_agg(DISTINCT pg_catalog.to_jsonb(c) ->> key) INTO touched FROM old_rows c;
	END IF;
	IF touched IS NULL THEN
		RETURN NULL;
	ELSIF key = 'term' THEN
		PERFORM benchmark.jobindsats_series_refresh(touched);
	ELSE
		PERFORM benchmark.jobindsats_mapping_series_refresh(touched);
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_series_after_catalog() IS
'Trigger function: derives again the stored series of the terms, or computes those of the mappings, a statement added to, changed in or deleted from benchmark.jobindsats_term or benchmark.jobindsats_mapping';

/*
 * Trigger function: derives every term when the stored period forms are no
 * longer those the series were derived in.  A statement that changed none
 * of them (pg_restore copies the users' rows of the table, often none)
 * derives nothing.
 */
CREATE FUNCTION benchmark_internal.jobindsats_series_after_form()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF (SELECT pg_catalog.array_agg(f.period_form ORDER BY f.period_form) FROM benchmark.jobindsats_series_form f)
	   IS DISTINCT FROM
	   (SELECT pg_catalog.array_agg(DISTINCT s.period_form ORDER BY s.period_form) FROM benchmark.jobindsats_term_state s) THEN
		PERFORM benchmark.jobindsats_series_refresh();
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_series_after_form() IS
'Trigger function: derives every term''s stored series again after a statement changed benchmark.jobindsats_series_form';

CREATE TRIGGER jobindsats_series_before_insert BEFORE INSERT ON benchmark.jobindsats_observation_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_gather();
CREATE TRIGGER jobindsats_series_gather_row BEFORE INSERT ON benchmark.jobindsats_observation_series
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.jobindsats_series_gather();
CREATE TRIGGER jobindsats_series_after_insert AFTER INSERT ON benchmark.jobindsats_observation_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_store();
CREATE TRIGGER jobindsats_series_after_update AFTER UPDATE ON benchmark.jobindsats_observation_series
	REFERENCING OLD TABLE AS old_series NEW TABLE AS new_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_store();
CREATE TRIGGER jobindsats_series_after_delete AFTER DELETE ON benchmark.jobindsats_observation_series
	REFERENCING OLD TABLE AS old_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_store();
CREATE TRIGGER jobindsats_series_after_truncate AFTER TRUNCATE ON benchmark.jobindsats_observation_series
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_store();
CREATE TRIGGER jobindsats_series_after_insert AFTER INSERT ON benchmark.jobindsats_term
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_catalog();
CREATE TRIGGER jobindsats_series_after_update AFTER UPDATE ON benchmark.jobindsats_term
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_catalog();
CREATE TRIGGER jobindsats_series_after_delete AFTER DELETE ON benchmark.jobindsats_term
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_catalog();
CREATE TRIGGER jobindsats_series_after_insert AFTER INSERT ON benchmark.jobindsats_mapping
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_catalog();
CREATE TRIGGER jobindsats_series_after_update AFTER UPDATE ON benchmark.jobindsats_mapping
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_catalog();
CREATE TRIGGER jobindsats_series_after_delete AFTER DELETE ON benchmark.jobindsats_mapping
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_catalog();
CREATE TRIGGER jobindsats_series_after_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark.jobindsats_series_form
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_series_after_form();

REVOKE EXECUTE ON FUNCTION benchmark.jobindsats_series_refresh(text[], text[]),
	benchmark.jobindsats_mapping_series_refresh(text[]), benchmark_internal.jobindsats_store_written(text[]),
	benchmark_internal.jobindsats_store_gather_begin(), benchmark_internal.jobindsats_store_gather_end(),
	benchmark_internal.jobindsats_store_gather(text[]), benchmark_internal.jobindsats_store_gather_take() FROM PUBLIC;

/* The series of the terms installed, from the store as it is. */
SELECT benchmark.jobindsats_series_refresh();
