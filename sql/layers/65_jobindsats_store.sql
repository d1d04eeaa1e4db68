/*
 * Loading jobindsats data into the observation store
 * (benchmark.jobindsats_observation, sql/layers/47_jobindsats_store.sql),
 * reading the wide tables municipal pipelines keep, series for model
 * sources, and the ministry's benchmark Y30R21 beside a model.
 *
 * jobindsats_load reads a document with the readers (or a wide table with
 * jobindsats_wide) and stores its cells: a cell not yet in the store is
 * added, a cell whose value differs is replaced (a newer download revises
 * it), an equal one is left as it is.  Cells of the store that the document
 * does not hold are kept: a download may cover some periods or areas only.
 * It reports (table_id, first_period, last_period, added, replaced,
 * unchanged, not_municipal): added + replaced + unchanged are the cells
 * stored; not_municipal those of the document's cells whose area is not a
 * municipality ("Hele landet", a region, a landsdel, a RAR area, "Uoplyst
 * område"), which are stored too unless keep_other_areas is false.
 * A load locks the store against other loads (SHARE ROW EXCLUSIVE, until
 * the transaction ends); readers are not blocked.
 *
 * Errors: 22023 a missing or malformed table id; 22004 no document; 21000
 * two cells of the document for one key (also through two spellings of a
 * municipality); the readers' own errors; 42501 no INSERT or UPDATE on the
 * store.
 */

/* The area rule of the readers, for SQL. */
CREATE FUNCTION benchmark.jobindsats_area_kommune(area text)
RETURNS @extschema@.kommune
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_kommune';

COMMENT ON FUNCTION benchmark.jobindsats_area_kommune(text) IS
'The municipality a jobindsats area names, as the readers read it; NULL for "Hele landet", regions, landsdele, RAR areas and "Uoplyst område"; an error (22P02) for any other text';

/* Raises the error about one cell of a wide table (for the dynamic SQL of jobindsats_wide). */
CREATE FUNCTION benchmark.jobindsats_wide_cell_error(message text, cell anyelement)
RETURNS anyelement
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '%', message
		USING ERRCODE = 'invalid_text_representation',
			HINT = 'A measure is a finite number or NULL (suppressed or missing); every row has an area and a period.';
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_wide_cell_error(text, anyelement) IS
'Raises 22P02 with the message: a cell of a wide table that jobindsats_wide cannot read (for its dynamic SQL)';

/*
 * A wide table as pipelines keep jobindsats tables (one column per label:
 * "Område" or "Area", "Periode" or "Period", the dimensions, the measures)
 * read in the readers' long form, with the caller's rights, without copying
 * it.  The columns' roles: unless dimensions names the dimension columns,
 * columns of text types are dimensions and columns of number types are
 * measures (columns of other types, such as a load timestamp, are left
 * out); when dimensions names them, every other column is a measure, and a
 * text column's cells are read with jobindsats_number.  labels gives the
 * label of a column whose name is not its label (names are at most 63
 * bytes; the API's labels are longer), as {"column": "label"}.
 */
CREATE FUNCTION benchmark.jobindsats_wide_cells(source regclass, table_name text, dimension_columns text[],
												labels jsonb)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	text_types regtype[] := ARRAY['text', 'character varying', 'character', 'name']::regtype[];
	number_types regtype[] := ARRAY['numeric', 'integer', 'bigint', 'smallint', 'real', 'double precision']::regtype[];
	src text;
	area_col text;
	period_col text;
	period_type regtype;
	dim_cols text[];
	measure_cols text[];
	measure_types regtype[];
	missing text;
	p record;
	dims_sql text;
	values_sql text;
BEGIN
	IF source IS NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: no source given' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF labels IS NOT NULL AND pg_catalog.jsonb_typeof(labels) <> 'object' THEN
		RAISE EXCEPTION 'jobindsats_wide: labels must be a JSON object of column name -> label'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	src := source::text;
	/* a table, view or materialized view whose owner the caller trusts */
	p := benchmark.source_problem(src, '{}', '{}');
	IF p.sqlstate IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: %', p.problem USING ERRCODE = p.sqlstate, HINT = p.hint;
	END IF;
	SELECT a.attname INTO area_col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped AND pg_catalog.lower(a.attname) IN ('område', 'area')
	ORDER BY a.attnum LIMIT 1;
	SELECT a.attname, a.atttypid::regtype INTO period_col, period_type FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped AND pg_catalog.lower(a.attname) IN ('periode', 'period')
	ORDER BY a.attnum LIMIT 1;
	IF area_col IS NULL OR period_col IS NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: source % has no % column', src,
			CASE WHEN area_col IS NULL THEN 'area ("Område" or "Area")' ELSE 'period ("Periode" or "Period")' END
			USING ERRCODE = 'undefined_column',
				HINT = 'Name the columns as the API does, or rename them in a view.';
	END IF;
	IF period_type <> ALL (text_types) THEN
		RAISE EXCEPTION 'jobindsats_wide: the period column "%" of source % is of type %, not text', period_col, src, period_type
			USING ERRCODE = 'datatype_mismatch',
				HINT = 'Period labels are text (2022M03, 2022QMAT04): make a view that writes them.';
	END IF;
	IF dimension_columns IS NOT NULL THEN
		SELECT pg_catalog.string_agg(pg_catalog.quote_ident(d), ', ') INTO missing
		FROM pg_catalog.unnest(dimension_columns) d
		WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
						  WHERE a.attrelid = source AND a.attname = d AND a.attnum > 0 AND NOT a.attisdropped);
		IF missing IS NOT NULL THEN
			RAISE EXCEPTION 'jobindsats_wide: source % has no dimension column(s) %', src, missing
				USING ERRCODE = 'undefined_column';
		END IF;
		dim_cols := dimension_columns;
		SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum), pg_catalog.array_agg(a.atttypid::regtype ORDER BY a.attnum)
		INTO measure_cols, measure_types
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
		  AND a.attname NOT IN (area_col, period_col) AND a.attname <> ALL (dimension_columns)
		  AND (a.atttypid::regtype = ANY (text_types) OR a.atttypid::regtype = ANY (number_types));
	ELSE
		SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) INTO dim_cols
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
		  AND a.attname NOT IN (area_col, period_col) AND a.atttypid::regtype = ANY (text_types);
		SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum), pg_catalog.array_agg(a.atttypid::regtype ORDER BY a.attnum)
		INTO measure_cols, measure_types
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
		  AND a.attname NOT IN (area_col, period_col) AND a.atttypid::regtype = ANY (number_types);
	END IF;
	IF measure_cols IS NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: source % has no measure columns', src
			USING ERRCODE = 'undefined_column',
				HINT = 'Measures are columns of number types; when the dimensions are named, every other text or number column.';
	END IF;
	/* the caller reads the columns with its own rights */
	p := benchmark.source_problem(src, ARRAY[area_col, period_col] || coalesce(dim_cols, '{}') || measure_cols, '{}');
	IF p.sqlstate IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: %', p.problem USING ERRCODE = p.sqlstate, HINT = p.hint;
	END IF;
	SELECT 'pg_catalog.jsonb_build_object(' || pg_catalog.string_agg(
			   pg_catalog.format('%L, w.%I::text', coalesce(labels ->> d, d), d), ', ' ORDER BY o) || ')'
	INTO dims_sql
	FROM pg_catalog.unnest(dim_cols) WITH ORDINALITY u(d, o);
	SELECT pg_catalog.string_agg(
			   CASE WHEN t = ANY (text_types) THEN pg_catalog.format('(%L, benchmark.jobindsats_number(w.%I::text))', coalesce(labels ->> m, m), m)
					ELSE pg_catalog.format('(%L, CASE WHEN w.%2$I IS NULL OR (w.%2$I::numeric > ''-Infinity'' AND w.%2$I::numeric < ''Infinity'') THEN w.%2$I::numeric'
										   ' ELSE benchmark.jobindsats_wide_cell_error(pg_catalog.format(%3$L, w.%4$I, w.%5$I, w.%2$I), NULL::numeric) END)',
										   coalesce(labels ->> m, m), m,
										   pg_catalog.format('invalid number in %s, area "%%s", period "%%s", column %s: %%s', src, pg_catalog.quote_ident(m)),
										   area_col, period_col) END,
			   ', ' ORDER BY o)
	INTO values_sql
	FROM ROWS FROM (pg_catalog.unnest(measure_cols), pg_catalog.unnest(measure_types)) WITH ORDINALITY u(m, t, o);
	RETURN QUERY EXECUTE pg_catalog.format(
		'SELECT $1, w.%1$I::text,'
		' CASE WHEN w.%1$I IS NOT NULL THEN benchmark.jobindsats_area_kommune(w.%1$I::text)'
		' ELSE benchmark.jobindsats_wide_cell_error(pg_catalog.format(%3$L, w.%2$I), NULL::@extschema@.kommune) END,'
		' CASE WHEN w.%2$I IS NOT NULL THEN benchmark.period_canonical(w.%2$I::text)'
		' ELSE benchmark.jobindsats_wide_cell_error(pg_catalog.format(%4$L, w.%1$I), NULL::text) END,'
		' %5$s, m.measure, m.value'
		' FROM %6$s w CROSS JOIN LATERAL (VALUES %7$s) m(measure, value)',
		area_col, period_col,
		pg_catalog.format('missing area in %s, period "%%s"', src),
		pg_catalog.format('missing period in %s, area "%%s"', src),
		coalesce(dims_sql, '''{}''::jsonb'), src, values_sql)
	USING table_name;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_wide_cells(regclass, text, text[], jsonb) IS
'The reader behind jobindsats_wide';

CREATE FUNCTION benchmark.jobindsats_wide(source regclass, table_id text, dimensions text[] DEFAULT NULL,
										  labels jsonb DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.jobindsats_wide_cells($1, $2, $3, $4);
END;

COMMENT ON FUNCTION benchmark.jobindsats_wide(regclass, text, text[], jsonb) IS
'A wide table of a jobindsats table as pipelines keep it (columns "Område"/"Area", "Periode"/"Period", one per dimension, one per measure) in the readers'' long form (table_id, area, kommune, period, dimensions, measure, value), read with your rights from a source you own, a superuser owns or benchmark.trusted_owners names; labels maps column names to labels';

/* A measure label as the label catalog compares it: without a "group: " prefix, in lower case. */
CREATE FUNCTION benchmark.jobindsats_measure_label_key(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.lower(pg_catalog.regexp_replace(label, '^.*: ', ''));

COMMENT ON FUNCTION benchmark.jobindsats_measure_label_key(text) IS
'A measure label as benchmark.jobindsats_measure_label compares it with a document''s: without a "group: " prefix, in lower case';

/*
 * The one loader behind the jobindsats_load functions: one statement reads
 * the document, sorts its cells by the store's key (a repeated row read
 * once, the same key with another value found), checks the labels against
 * jobindsats_measure_label, and writes with INSERT ... ON CONFLICT, which
 * leaves an equal value as it is.  Under REPEATABLE READ or SERIALIZABLE a
 * cell another load stored after this transaction's snapshot is a
 * serialization failure (40001), which clients retry.
 */
CREATE FUNCTION benchmark.jobindsats_load_cells(reader text, table_name text, doc anyelement, dimension_columns text[],
												encoding text, labels jsonb, keep_other_areas boolean,
												OUT table_id text, OUT first_period text, OUT last_period text,
												OUT added bigint, OUT replaced bigint, OUT unchanged bigint,
												OUT not_municipal bigint, OUT load_id bigint, OUT repeated bigint,
												OUT municipalities jsonb, OUT short_periods text[])
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cells text;
	on_conflict text;
	digest bytea;
	outcome record;
	fitting text;
	unknown_labels text;
	p record;
BEGIN
	table_id := pg_catalog.upper(pg_catalog.btrim(table_name));
	IF table_id IS NULL OR table_id !~ '^[A-Z0-9][A-Z0-9_]*$' THEN
		RAISE EXCEPTION 'jobindsats_load: % is not a jobindsats table id', coalesce(pg_catalog.quote_literal(table_name), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Give the table''s id, e.g. ''Y30R21'' or ''Y01A02''.';
	END IF;
	IF doc IS NULL THEN
		RAISE EXCEPTION 'jobindsats_load: no document for table %', table_id USING ERRCODE = 'null_value_not_allowed';
	END IF;
	/* the cells with their line (none for a wide table) */
	cells := CASE reader
		WHEN 'csv' THEN 'benchmark.jobindsats_csv($1, $2, $3)'
		WHEN 'csv-bytes' THEN 'benchmark.jobindsats_csv($1, $2, $3, $4)'
		WHEN 'json' THEN 'benchmark.jobindsats_json($1, $2, $3)'
		WHEN 'json-text' THEN 'benchmark.jobindsats_json($1, $2, $3)'
		WHEN 'wide' THEN '(SELECT w.*, NULL::bigint AS line FROM benchmark.jobindsats_wide_cells($1, $2, $3, $5) w)'
	END;
	IF cells IS NULL THEN
		RAISE EXCEPTION 'jobindsats_load: unknown reader %', reader USING ERRCODE = 'invalid_parameter_value';
	END IF;
	/* the document's digest as given (a polymorphic function compiles only the branch taken) */
	IF reader IN ('csv', 'json-text') THEN
		digest := pg_catalog.sha256(pg_catalog.convert_to(doc, 'UTF8'));
	ELSIF reader = 'csv-bytes' THEN
		digest := pg_catalog.sha256(doc);
	ELSIF reader = 'json' THEN
		digest := pg_catalog.sha256(pg_catalog.convert_to(doc::text, 'UTF8'));
	END IF;
	/* one load at a time; readers go on reading */
	LOCK TABLE benchmark.jobindsats_observation IN SHARE ROW EXCLUSIVE MODE;
	load_id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('benchmark.jobindsats_loads', 'load_id'));
	/*
	 * The common case first: every key once in the document.  Each cell is
	 * matched with the store's by its key; new cells are inserted, changed
	 * ones updated.  Under READ COMMITTED the statement's snapshot, taken
	 * after the lock, sees every cell stored, so a plain INSERT (the fastest)
	 * fails only on a key twice in the document; under REPEATABLE READ or
	 * SERIALIZABLE a cell another load stored after the transaction's
	 * snapshot is not seen, and ON CONFLICT DO NOTHING makes it a
	 * serialization failure (40001), never 23505.  A key twice in the
	 * document undoes this attempt, and the document is read again sorted
	 * by key (below).
	 */
	on_conflict := CASE WHEN pg_catalog.current_setting('transaction_isolation') = 'read committed' THEN ''
						ELSE 'ON CONFLICT DO NOTHING' END;
	BEGIN
		EXECUTE pg_catalog.format($q$
			WITH read AS MATERIALIZED (
				SELECT coalesce(c.kommune::text, c.area) AS area, c.kommune, c.period, c.dimensions, c.measure, c.value
				FROM %1$s c),
			matched AS MATERIALIZED (
				SELECT r.area, r.kommune, r.period, r.dimensions, r.measure, r.value,
					   o.table_id IS NOT NULL AS present, o.value AS stored_value, o.ctid AS stored_row
				FROM read r
					 LEFT JOIN benchmark.jobindsats_observation o
					 ON o.table_id = $2 AND o.measure = r.measure AND o.dimensions = r.dimensions
						AND o.area = r.area AND o.period = r.period
				WHERE $6 OR r.kommune IS NOT NULL),
			twice AS (
				SELECT pg_catalog.count(*) - pg_catalog.count(DISTINCT m.stored_row) AS n FROM matched m WHERE m.present),
			labels AS (
				SELECT DISTINCT r.measure FROM read r),
			fit AS (
				SELECT NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k WHERE k.table_id = $2)
					   OR EXISTS (SELECT 1 FROM labels l JOIN benchmark.jobindsats_measure_label k
								  ON k.table_id = $2
									 AND benchmark.jobindsats_measure_label_key(k.measure)
										 = benchmark.jobindsats_measure_label_key(l.measure)) AS ok),
			added AS (
				INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, dimensions, measure, value, load_id)
				SELECT $2, m.area, m.kommune, m.period, m.dimensions, m.measure, m.value, $7
				FROM matched m
				WHERE NOT m.present AND (SELECT t.n = 0 FROM twice t) AND (SELECT f.ok FROM fit f)
				%2$s
				RETURNING 1),
			replaced AS (
				UPDATE benchmark.jobindsats_observation o
				SET value = m.value, kommune = m.kommune, stored_at = pg_catalog.now(), load_id = $7
				FROM matched m
				WHERE m.present AND m.value IS DISTINCT FROM m.stored_value
				  AND (SELECT t.n = 0 FROM twice t) AND (SELECT f.ok FROM fit f)
				  AND o.table_id = $2 AND o.measure = m.measure AND o.dimensions = m.dimensions
				  AND o.area = m.area AND o.period = m.period
				RETURNING 1)
			SELECT pg_catalog.min(r.period) AS first_period, pg_catalog.max(r.period) AS last_period,
				   pg_catalog.count(*) FILTER (WHERE $6 OR r.kommune IS NOT NULL) AS stored,
				   0::bigint AS repeated,
				   pg_catalog.count(*) FILTER (WHERE r.kommune IS NULL) AS not_municipal,
				   (SELECT pg_catalog.count(*) FROM added) AS added,
				   (SELECT pg_catalog.count(*) FROM replaced) AS replaced,
				   (SELECT pg_catalog.count(*) FROM matched m WHERE NOT m.present) AS new,
				   (SELECT t.n FROM twice t) AS twice,
				   NULL::jsonb AS conflict,
				   (SELECT f.ok FROM fit f) AS fits,
				   (SELECT pg_catalog.array_agg(l.measure ORDER BY l.measure) FROM labels l) AS labels,
				   (SELECT coalesce(pg_catalog.jsonb_object_agg(p.period, p.n), '{}')
					FROM (SELECT x.period, pg_catalog.count(DISTINCT x.kommune) AS n FROM read x GROUP BY x.period) p) AS municipalities
			FROM read r
			$q$, cells, on_conflict)
		INTO outcome
		USING doc, table_id, dimension_columns, encoding, labels, keep_other_areas, load_id;
		IF outcome.twice > 0 OR outcome.added < outcome.new THEN
			RAISE EXCEPTION 'a key twice in the document' USING ERRCODE = 'cardinality_violation';
		END IF;
	EXCEPTION WHEN cardinality_violation OR unique_violation THEN
		outcome := NULL;
	END;
	/*
	 * A key twice: the cells sorted by key and line, a repeated row (the
	 * same value) read once, another value for the key found; written with
	 * INSERT ... ON CONFLICT DO UPDATE, which leaves an equal value as it is.
	 */
	IF outcome IS NULL THEN
		EXECUTE pg_catalog.format($q$
			WITH read AS MATERIALIZED (
				SELECT coalesce(c.kommune::text, c.area) AS area, c.area AS written, c.kommune, c.period,
					   c.dimensions, c.measure, c.value, c.line,
					   pg_catalog.row_number() OVER w AS nth,
					   pg_catalog.first_value(c.value) OVER w AS first_value,
					   pg_catalog.first_value(c.line) OVER w AS first_line,
					   pg_catalog.first_value(c.area) OVER w AS first_written
				FROM %s c
				WINDOW w AS (PARTITION BY c.measure, c.dimensions, coalesce(c.kommune::text, c.area), c.period ORDER BY c.line)),
			conflict AS (
				SELECT r.area, r.period, r.dimensions, r.measure, r.first_line, r.first_written, r.first_value,
					   r.line, r.written, r.value
				FROM read r
				WHERE r.nth > 1 AND r.value IS DISTINCT FROM r.first_value
				LIMIT 1),
			labels AS (
				SELECT DISTINCT r.measure FROM read r),
			fit AS (
				SELECT NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k WHERE k.table_id = $2)
					   OR EXISTS (SELECT 1 FROM labels l JOIN benchmark.jobindsats_measure_label k
								  ON k.table_id = $2
									 AND benchmark.jobindsats_measure_label_key(k.measure)
										 = benchmark.jobindsats_measure_label_key(l.measure)) AS ok),
			written AS (
				INSERT INTO benchmark.jobindsats_observation AS o (table_id, area, kommune, period, dimensions, measure, value, load_id)
				SELECT $2, r.area, r.kommune, r.period, r.dimensions, r.measure, r.value, $7
				FROM read r
				WHERE r.nth = 1 AND ($6 OR r.kommune IS NOT NULL)
				  AND NOT EXISTS (SELECT 1 FROM conflict) AND (SELECT f.ok FROM fit f)
				ON CONFLICT (table_id, measure, area, period, dimensions) DO UPDATE
				SET value = excluded.value, kommune = excluded.kommune, stored_at = pg_catalog.now(), load_id = excluded.load_id
				WHERE o.value IS DISTINCT FROM excluded.value
				RETURNING o.xmax OPERATOR(pg_catalog.=) 0 AS inserted),
			counts AS (
				SELECT pg_catalog.min(r.period) AS first_period, pg_catalog.max(r.period) AS last_period,
					   pg_catalog.count(*) FILTER (WHERE r.nth = 1 AND ($6 OR r.kommune IS NOT NULL)) AS stored,
					   pg_catalog.count(*) FILTER (WHERE r.nth > 1) AS repeated,
					   pg_catalog.count(*) FILTER (WHERE r.nth = 1 AND r.kommune IS NULL) AS not_municipal
				FROM read r)
			SELECT c.first_period, c.last_period, c.stored, c.repeated, c.not_municipal,
				   (SELECT pg_catalog.count(*) FILTER (WHERE w.inserted) FROM written w) AS added,
				   (SELECT pg_catalog.count(*) FILTER (WHERE NOT w.inserted) FROM written w) AS replaced,
				   NULL::bigint AS new, 0::bigint AS twice,
				   (SELECT pg_catalog.to_jsonb(x) FROM conflict x) AS conflict,
				   (SELECT f.ok FROM fit f) AS fits,
				   (SELECT pg_catalog.array_agg(l.measure ORDER BY l.measure) FROM labels l) AS labels,
				   (SELECT coalesce(pg_catalog.jsonb_object_agg(m.period, m.n), '{}')
					FROM (SELECT r.period, pg_catalog.count(DISTINCT r.kommune) AS n FROM read r GROUP BY r.period) m) AS municipalities
			FROM counts c
			$q$, cells)
		INTO outcome
		USING doc, table_id, dimension_columns, encoding, labels, keep_other_areas, load_id;
	END IF;
	IF outcome.conflict IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats_load: the document for table % has two values for one cell', table_id
			USING ERRCODE = 'cardinality_violation',
				DETAIL = pg_catalog.format('Area %s, period %s, dimensions %s, measure "%s": %s (%s%s) and %s (%s%s).',
										   outcome.conflict ->> 'area', outcome.conflict ->> 'period',
										   outcome.conflict -> 'dimensions', outcome.conflict ->> 'measure',
										   coalesce(outcome.conflict ->> 'first_value', 'NULL'),
										   coalesce('line ' || (outcome.conflict ->> 'first_line'), 'a row'),
										   CASE WHEN outcome.conflict ->> 'first_written' <> outcome.conflict ->> 'area'
												THEN ', written ' || (outcome.conflict ->> 'first_written') ELSE '' END,
										   coalesce(outcome.conflict ->> 'value', 'NULL'),
										   coalesce('line ' || (outcome.conflict ->> 'line'), 'another row'),
										   CASE WHEN outcome.conflict ->> 'written' <> outcome.conflict ->> 'area'
												THEN ', written ' || (outcome.conflict ->> 'written') ELSE '' END),
				HINT = 'A row repeated with the same values is read once; rows that disagree must be resolved before loading (a municipality written in two ways is one area).';
	END IF;
	IF NOT outcome.fits THEN
		SELECT pg_catalog.string_agg(f.table_id, ', ' ORDER BY f.table_id) INTO fitting
		FROM (SELECT k.table_id FROM benchmark.jobindsats_measure_label k
			  WHERE k.table_id <> jobindsats_load_cells.table_id
			  GROUP BY k.table_id
			  HAVING pg_catalog.count(DISTINCT benchmark.jobindsats_measure_label_key(k.measure))
					 FILTER (WHERE benchmark.jobindsats_measure_label_key(k.measure)
								   IN (SELECT benchmark.jobindsats_measure_label_key(l)
									   FROM pg_catalog.unnest(outcome.labels) l))
					 = (SELECT pg_catalog.count(DISTINCT benchmark.jobindsats_measure_label_key(l))
						FROM pg_catalog.unnest(outcome.labels) l)) f;
		RAISE EXCEPTION 'jobindsats_load: the document''s measure labels are not those of table %', table_id
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('The document''s labels: %s.', pg_catalog.array_to_string(outcome.labels[1:5], '; ')
										   || CASE WHEN pg_catalog.cardinality(outcome.labels) > 5
												   THEN pg_catalog.format(' and %s more', pg_catalog.cardinality(outcome.labels) - 5) ELSE '' END),
				HINT = CASE WHEN fitting IS NOT NULL
							THEN pg_catalog.format('The labels fit table %s: load the document under that id.', fitting)
							ELSE pg_catalog.format('Check the download, or add the table''s labels to benchmark.jobindsats_measure_label if %s has them.', table_id) END;
	END IF;
	/* labels the catalog does not know for a table it knows: said, not refused */
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(l), ', ') INTO unknown_labels
	FROM pg_catalog.unnest(outcome.labels) l
	WHERE EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k WHERE k.table_id = jobindsats_load_cells.table_id)
	  AND NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k
					  WHERE k.table_id = jobindsats_load_cells.table_id
						AND benchmark.jobindsats_measure_label_key(k.measure)
							= benchmark.jobindsats_measure_label_key(l));
	IF unknown_labels IS NOT NULL THEN
		RAISE NOTICE 'jobindsats_load: table % has no measure labelled %', table_id, unknown_labels
			USING HINT = 'The cells are loaded; add the labels to benchmark.jobindsats_measure_label to have them checked.';
	END IF;
	first_period := outcome.first_period;
	last_period := outcome.last_period;
	added := outcome.added;
	replaced := outcome.replaced;
	unchanged := outcome.stored - outcome.added - outcome.replaced;
	repeated := outcome.repeated;
	not_municipal := outcome.not_municipal;
	municipalities := outcome.municipalities;
	/*
	 * A truncated or partial download: a period with fewer municipalities
	 * than the document's others, or than earlier loads of the table held
	 * for the period before or after it.
	 */
	short_periods := '{}';
	FOR p IN
		WITH held AS (
			SELECT e.key AS period, e.value::integer AS n FROM pg_catalog.jsonb_each_text(municipalities) e),
		neighbours AS (
			SELECT h.period, h.n, q.neighbour
			FROM held h,
				 LATERAL (VALUES (benchmark.period_previous(h.period)),
								 (benchmark.period_from_index(benchmark.period_kind(h.period), benchmark.period_index(h.period) + 1))) q(neighbour)
			WHERE q.neighbour IS NOT NULL AND NOT EXISTS (SELECT 1 FROM held x WHERE x.period = q.neighbour))
		SELECT h.period, h.n,
			   (SELECT pg_catalog.max(x.n) FROM held x) AS in_document,
			   (SELECT pg_catalog.max((l.municipalities ->> nb.neighbour)::integer)
				FROM neighbours nb, benchmark.jobindsats_loads l
				WHERE nb.period = h.period AND l.table_id = jobindsats_load_cells.table_id) AS in_store
		FROM held h
		ORDER BY h.period
	LOOP
		IF p.n < p.in_document OR p.n < p.in_store THEN
			short_periods := short_periods || p.period;
			RAISE WARNING 'jobindsats_load: period % of table % holds % municipalities, fewer than %', p.period, table_id, p.n,
				CASE WHEN p.n < p.in_document THEN pg_catalog.format('the document''s other periods (%s)', p.in_document)
					 ELSE pg_catalog.format('the store holds for a neighbouring period (%s)', p.in_store) END
				USING HINT = 'The download may be truncated or partial: check it and load it again (a load only adds and revises).';
		END IF;
	END LOOP;
	INSERT INTO benchmark.jobindsats_loads (load_id, table_id, reader, digest, first_period, last_period, added, replaced,
											unchanged, repeated, not_municipal, municipalities, short_periods)
	VALUES (load_id, table_id, CASE reader WHEN 'csv-bytes' THEN 'csv' WHEN 'json-text' THEN 'json' ELSE reader END, digest, first_period, last_period,
			added, replaced, unchanged, repeated, not_municipal, municipalities, short_periods);
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_load_cells(text, text, anyelement, text[], text, jsonb, boolean) IS
'The loader behind jobindsats_load: reads a document (reader csv, csv-bytes, json or json-text) or a wide table (wide), adds, replaces or leaves each cell in the store, logs the load in jobindsats_loads; returns the counts';

CREATE FUNCTION benchmark.jobindsats_load(table_id text, doc text, dimensions text[] DEFAULT NULL,
										  keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint, load_id bigint, repeated bigint,
			   municipalities jsonb, short_periods text[])
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'jobindsats_load';

COMMENT ON FUNCTION benchmark.jobindsats_load(text, text, text[], boolean) IS
'Loads a jobindsats CSV download (read with jobindsats_csv), or a JSON document given as text (one that begins with { or [: API v2/v3, records or JSON lines, read with jobindsats_json(text)), into the store benchmark.jobindsats_observation: adds new cells, replaces revised values, leaves equal ones, reads a repeated row once, logs the load in jobindsats_loads; returns the counts added, replaced, unchanged and not municipal (stored unless keep_other_areas is false), the load id, the repeated rows, the municipalities per period and the periods that hold fewer than the others';

CREATE FUNCTION benchmark.jobindsats_load(table_id text, doc bytea, dimensions text[] DEFAULT NULL,
										  encoding text DEFAULT 'UTF8', keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint, load_id bigint, repeated bigint,
			   municipalities jsonb, short_periods text[])
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'jobindsats_load';

COMMENT ON FUNCTION benchmark.jobindsats_load(text, bytea, text[], text, boolean) IS
'Loads a jobindsats CSV file given as bytes in an encoding (UTF8 unless told) into the store, as jobindsats_load(text, text)';

CREATE FUNCTION benchmark.jobindsats_load(table_id text, doc jsonb, dimensions text[] DEFAULT NULL,
										  keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint, load_id bigint, repeated bigint,
			   municipalities jsonb, short_periods text[])
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'jobindsats_load';

COMMENT ON FUNCTION benchmark.jobindsats_load(text, jsonb, text[], boolean) IS
'Loads a jobindsats API reply in JSON (v2 or v3, read with jobindsats_json) into the store, as jobindsats_load(text, text)';

CREATE FUNCTION benchmark.jobindsats_load(table_id text, source regclass, dimensions text[] DEFAULT NULL,
										  labels jsonb DEFAULT NULL, keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint, load_id bigint, repeated bigint,
			   municipalities jsonb, short_periods text[])
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'jobindsats_load';

COMMENT ON FUNCTION benchmark.jobindsats_load(text, regclass, text[], jsonb, boolean) IS
'Loads a wide table as pipelines keep it (read with jobindsats_wide, with your rights, from an owner you trust) into the store, as jobindsats_load(text, text)';

/*
 * One series of the store as a model source needs it: (kommune, period,
 * value) for the municipalities, of one table and measure, in the
 * breakdown the filter names; a dimension the filter does not name is taken
 * at its total ("<Dimension> i alt" or "I alt").
 */
CREATE FUNCTION benchmark.jobindsats_series(table_id text, measure text, dimensions jsonb DEFAULT '{}')
RETURNS TABLE (kommune text, period text, value numeric)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT o.area, o.period, o.value
	FROM benchmark.jobindsats_store_as_read o
	WHERE o.table_id = pg_catalog.upper(jobindsats_series.table_id)
	  AND o.measure = jobindsats_series.measure
	  AND o.kommune IS NOT NULL
	  AND o.dimensions @> jobindsats_series.dimensions
	  AND NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_each_text(o.dimensions) d
					  WHERE NOT (jobindsats_series.dimensions ? d.key)
						AND pg_catalog.lower(coalesce(d.value, '')) NOT IN (pg_catalog.lower(d.key) || ' i alt', 'i alt'));
END;

COMMENT ON FUNCTION benchmark.jobindsats_series(text, text, jsonb) IS
'One series of the store in the shape of a model source (kommune, period, value): the municipalities'' values of one table and measure in the breakdown that dimensions names ({"Ydelsesgrupper": "A-dagpenge mv."}); dimensions not named are taken at their totals ("<Dimension> i alt", "I alt")';

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
