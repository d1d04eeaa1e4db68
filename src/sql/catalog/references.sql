/*
 * References between the catalog tables.
 *
 * The catalog tables are extension configuration tables: CREATE EXTENSION
 * makes them, with their constraints, before a restore loads the users' rows
 * into them.  Foreign keys between them would be checked row by row while
 * the rows arrive, and pg_restore -j loads the tables in parallel, in any
 * order: a model's areas can arrive before the model.  So the catalog has no
 * foreign keys.  Triggers do their work instead:
 *
 *   - reference_check (BEFORE INSERT OR UPDATE on the referencing table)
 *     rejects a row whose parent does not exist, as a foreign key would,
 *     except while a dump is being restored;
 *   - cascade_to_* (AFTER UPDATE OR DELETE on the referenced table) renames
 *     and deletes the rows that belong to a parent with it, or refuses to
 *     delete a parent that a target still follows.
 *
 * A dump is being restored when check_function_bodies is off: pg_dump's
 * scripts and every connection of pg_restore (parallel workers included)
 * turn it off before they load anything, as PostgreSQL's own loading of
 * function bodies relies on.  Rows a restore loads were checked when they
 * were first written; the view catalog_orphans lists any row whose parent is
 * missing all the same (a partial restore, a session that turned
 * check_function_bodies off).
 */

/* True while a dump is being restored: check_function_bodies is off. */
CREATE FUNCTION benchmark_internal.restoring_dump()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN NOT pg_catalog.current_setting('check_function_bodies')::boolean;

COMMENT ON FUNCTION benchmark_internal.restoring_dump() IS
'True while a dump is being restored (check_function_bodies is off, as pg_dump''s scripts and pg_restore set it): the catalog then accepts rows before their parents';

/*
 * The referencing side: TG_ARGV[0] is the parent table (in the same schema),
 * the further arguments the key columns, named alike in both tables.  A row
 * with a NULL in its key refers to nothing (as MATCH SIMPLE).  The parent row
 * is locked FOR KEY SHARE, so a concurrent delete waits, as for a foreign key.
 */
CREATE FUNCTION benchmark_internal.reference_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	parent text := TG_ARGV[0];
	cols text[] := TG_ARGV[1:];
	new_row jsonb := pg_catalog.to_jsonb(NEW);
	vals text;
	what text;
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' AND benchmark_internal.restoring_dump() THEN
		RETURN NEW;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c WHERE new_row ->> c IS NULL) THEN
		RETURN NEW;
	END IF;
	IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c
										WHERE pg_catalog.to_jsonb(OLD) -> c IS DISTINCT FROM new_row -> c) THEN
		RETURN NEW;
	END IF;
	EXECUTE pg_catalog.format('SELECT 1 FROM %I.%I p WHERE (%s) = (%s) FOR KEY SHARE',
							  TG_TABLE_SCHEMA, parent,
							  (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I', c), ', ') FROM pg_catalog.unnest(cols) c),
							  (SELECT pg_catalog.string_agg(pg_catalog.format('($1).%I', c), ', ') FROM pg_catalog.unnest(cols) c))
	USING NEW;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		RETURN NEW;
	END IF;
	vals := (SELECT pg_catalog.string_agg(new_row ->> c, ', ') FROM pg_catalog.unnest(cols) c);
	what := pg_catalog.replace(parent, '_', ' ');
	RAISE EXCEPTION 'insert or update on table "%" refers to a missing %: %', TG_TABLE_NAME, what,
		CASE WHEN pg_catalog.cardinality(cols) = 1 THEN pg_catalog.format('"%s"', vals)
			 ELSE pg_catalog.format('(%s) = (%s)', pg_catalog.array_to_string(cols, ', '), vals) END
		USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME,
			SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
			DETAIL = pg_catalog.format('Key (%s)=(%s) is not present in table %s.%s.',
									   pg_catalog.array_to_string(cols, ', '), vals, TG_TABLE_SCHEMA, parent),
			HINT = CASE parent
				WHEN 'model' THEN 'Add the model first, or copy one with benchmark.model_copy(''sonderborg-2023'', ''my-model'').'
				WHEN 'peer_group' THEN 'Add the peer group first, or copy one with benchmark.peer_group_copy(''group'', ''my-group'').'
				ELSE pg_catalog.format('Add the row to %s.%s first.', TG_TABLE_SCHEMA, parent) END;
END
$$;

COMMENT ON FUNCTION benchmark_internal.reference_check() IS
'Trigger function of the catalog''s referencing tables: a row''s parent must exist (except while a dump is restored); arguments: the parent table and the key columns';

/*
 * The referenced side: TG_ARGV[0] is the referencing table, TG_ARGV[1] its
 * column naming a row in messages, TG_ARGV[2] what a delete does (cascade:
 * delete the rows too; restrict: refuse while rows refer to the parent), the
 * further arguments the key columns.  A changed key is carried to the rows.
 */
CREATE FUNCTION benchmark_internal.reference_cascade()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	child text := TG_ARGV[0];
	child_name text := TG_ARGV[1];
	on_delete text := TG_ARGV[2];
	cols text[] := TG_ARGV[3:];
	match text := (SELECT pg_catalog.format('(%s) = (%s)',
											pg_catalog.string_agg(pg_catalog.format('c.%I', c), ', '),
											pg_catalog.string_agg(pg_catalog.format('($1).%I', c), ', '))
				   FROM pg_catalog.unnest(cols) c);
	old_row jsonb := pg_catalog.to_jsonb(OLD);
	referrer text;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c WHERE old_row -> c IS DISTINCT FROM pg_catalog.to_jsonb(NEW) -> c) THEN
			EXECUTE pg_catalog.format('UPDATE %I.%I c SET (%s) = ROW(%s) WHERE %s', TG_TABLE_SCHEMA, child,
									  (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ') FROM pg_catalog.unnest(cols) c),
									  (SELECT pg_catalog.string_agg(pg_catalog.format('($2).%I', c), ', ') FROM pg_catalog.unnest(cols) c),
									  match)
			USING OLD, NEW;
		END IF;
		RETURN NULL;
	END IF;
	IF on_delete = 'cascade' THEN
		EXECUTE pg_catalog.format('DELETE FROM %I.%I c WHERE %s', TG_TABLE_SCHEMA, child, match) USING OLD;
		RETURN NULL;
	END IF;
	EXECUTE pg_catalog.format('SELECT c.%I::text FROM %I.%I c WHERE %s ORDER BY 1 LIMIT 1', child_name, TG_TABLE_SCHEMA, child, match)
	INTO referrer USING OLD;
	IF referrer IS NOT NULL THEN
		RAISE EXCEPTION 'cannot delete % %: % "%" refers to it', pg_catalog.replace(TG_TABLE_NAME, '_', ' '),
			(SELECT pg_catalog.format('"%s"', pg_catalog.string_agg(old_row ->> c, '/')) FROM pg_catalog.unnest(cols) c),
			pg_catalog.replace(child, '_', ' '), referrer
			USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME,
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
				DETAIL = pg_catalog.format('Key (%s)=(%s) is still referenced from table %s.%s.',
										   pg_catalog.array_to_string(cols, ', '),
										   (SELECT pg_catalog.string_agg(old_row ->> c, ', ') FROM pg_catalog.unnest(cols) c),
										   TG_TABLE_SCHEMA, child),
				HINT = pg_catalog.format('Delete the %s first, or make it refer to something else.', pg_catalog.replace(child, '_', ' '));
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.reference_cascade() IS
'Trigger function of the catalog''s referenced tables: a renamed key is carried to the rows that refer to it; a delete deletes them too (cascade) or is refused while they exist (restrict)';

/* The referencing side. */
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_area
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('model', 'model');
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('model_area', 'model', 'area_no');
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('model', 'model');
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_excluded
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('model', 'model');
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.peer_group_member
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('peer_group', 'peer_group');
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('peer_group', 'peer_group');
CREATE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.target_milestone
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_check('target', 'target');

/* The referenced side (a target's measure or benefit is checked by target_validate). */
CREATE TRIGGER cascade_to_model_area AFTER UPDATE OF model OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('model_area', 'area_no', 'cascade', 'model');
CREATE TRIGGER cascade_to_model_benefit AFTER UPDATE OF model OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('model_benefit', 'benefit', 'cascade', 'model');
CREATE TRIGGER cascade_to_model_excluded AFTER UPDATE OF model OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('model_excluded', 'kommune', 'cascade', 'model');
CREATE TRIGGER cascade_to_model_measure AFTER UPDATE OF model, area_no OR DELETE ON benchmark.model_area
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('model_measure', 'measure', 'cascade', 'model', 'area_no');
CREATE TRIGGER cascade_to_target AFTER UPDATE OF model, measure OR DELETE ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('target', 'target', 'restrict', 'model', 'measure');
CREATE TRIGGER cascade_to_target AFTER UPDATE OF model, benefit OR DELETE ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('target', 'target', 'restrict', 'model', 'benefit');
CREATE TRIGGER cascade_to_peer_group_member AFTER UPDATE OF peer_group OR DELETE ON benchmark.peer_group
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('peer_group_member', 'kommune', 'cascade', 'peer_group');
CREATE TRIGGER cascade_to_target AFTER UPDATE OF peer_group OR DELETE ON benchmark.peer_group
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('target', 'target', 'restrict', 'peer_group');
CREATE TRIGGER cascade_to_target_milestone AFTER UPDATE OF target OR DELETE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.reference_cascade('target_milestone', 'due', 'cascade', 'target');

/* Read-time check: rows whose parent is missing. */
CREATE VIEW benchmark.catalog_orphans AS
SELECT 'model_area'::text AS catalog_table, pg_catalog.format('%s/%s', c.model, c.area_no) AS row_key,
	   'model'::text AS missing_table, c.model AS missing_key
FROM benchmark.model_area c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model p WHERE p.model = c.model)
UNION ALL
SELECT 'model_measure', pg_catalog.format('%s/%s', c.model, c.measure), 'model_area', pg_catalog.format('%s/%s', c.model, c.area_no)
FROM benchmark.model_measure c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model_area p WHERE p.model = c.model AND p.area_no = c.area_no)
UNION ALL
SELECT 'model_benefit', pg_catalog.format('%s/%s', c.model, c.benefit), 'model', c.model
FROM benchmark.model_benefit c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model p WHERE p.model = c.model)
UNION ALL
SELECT 'model_excluded', pg_catalog.format('%s/%s', c.model, c.kommune), 'model', c.model
FROM benchmark.model_excluded c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model p WHERE p.model = c.model)
UNION ALL
SELECT 'peer_group_member', pg_catalog.format('%s/%s', c.peer_group, c.kommune), 'peer_group', c.peer_group
FROM benchmark.peer_group_member c WHERE NOT EXISTS (SELECT 1 FROM benchmark.peer_group p WHERE p.peer_group = c.peer_group)
UNION ALL
SELECT 'target', c.target, 'peer_group', c.peer_group
FROM benchmark.target c WHERE c.peer_group IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM benchmark.peer_group p WHERE p.peer_group = c.peer_group)
UNION ALL
SELECT 'target', c.target, 'model_measure', pg_catalog.format('%s/%s', c.model, c.measure)
FROM benchmark.target c WHERE c.model IS NOT NULL AND c.measure IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM benchmark.model_measure p WHERE p.model = c.model AND p.measure = c.measure)
UNION ALL
SELECT 'target', c.target, 'model_benefit', pg_catalog.format('%s/%s', c.model, c.benefit)
FROM benchmark.target c WHERE c.model IS NOT NULL AND c.benefit IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM benchmark.model_benefit p WHERE p.model = c.model AND p.benefit = c.benefit)
UNION ALL
SELECT 'target_milestone', pg_catalog.format('%s/%s', c.target, c.due), 'target', c.target
FROM benchmark.target_milestone c WHERE NOT EXISTS (SELECT 1 FROM benchmark.target p WHERE p.target = c.target);

COMMENT ON VIEW benchmark.catalog_orphans IS
'Catalog rows whose parent row is missing (none, unless a partial restore or a session with check_function_bodies off left some): the row, and the key it refers to';

GRANT SELECT ON benchmark.catalog_orphans TO PUBLIC;
