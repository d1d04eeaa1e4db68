/*
 * The wide tables municipal pipelines keep (one per jobindsats table, a column per
 * dimension and per measure, the API's labels as column names), read in the
 * readers' long form with the reader's rights from an owner it trusts.
 */

/* Raises the error about one cell of a wide table (for the dynamic SQL of jobindsats_wide). */
CREATE FUNCTION benchmark_internal.jobindsats_wide_cell_error(message text, cell anyelement)
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

COMMENT ON FUNCTION benchmark_internal.jobindsats_wide_cell_error(text, anyelement) IS
'Raises 22P02 with the message: a cell of a wide table that jobindsats_wide cannot read (for its dynamic SQL)';

/*
 * A wide table as pipelines keep jobindsats tables (one column per label:
 * "Område" or "Area", "Periode" or "Period", the dimensions, the measures):
 * the columns' roles, checked.  Unless dimensions names the dimension
 * columns, columns of text types are dimensions and columns of number types
 * are measures (columns of other types, such as a load timestamp, are left
 * out); when dimensions names them, every other column is a measure, and a
 * text column's cells are read with jobindsats_number.  labels gives the
 * label of a column whose name is not its label (names are at most 63
 * bytes; the API's labels are longer), as {"column": "label"}.  The source's
 * owner must be one the caller trusts, and the caller must read the columns
 * with its own rights.  Besides the area and period columns and the
 * measures' labels it returns the expressions the readers select from a row
 * named w: its dimensions object (dims_sql, of the columns dimension_cols),
 * each measure's value in the order of their labels (value_sqls), and
 * whether it holds a municipality (municipal_sql).
 */
CREATE FUNCTION benchmark_internal.jobindsats_wide_columns(source regclass, dimension_columns text[], labels jsonb,
												  OUT area_col text, OUT period_col text, OUT measure_labels text[],
												  OUT dims_sql text, OUT value_sqls text[], OUT municipal_sql text,
												  OUT dimension_cols text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	text_types regtype[] := ARRAY['text', 'character varying', 'character', 'name']::regtype[];
	number_types regtype[] := ARRAY['numeric', 'integer', 'bigint', 'smallint', 'real', 'double precision']::regtype[];
	src text;
	period_type regtype;
	dim_cols text[];
	measure_cols text[];
	measure_types regtype[];
	missing text;
	p record;
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
	SELECT coalesce('pg_catalog.jsonb_build_object(' || pg_catalog.string_agg(
			   pg_catalog.format('%L, w.%I::text', coalesce(labels ->> d, d), d), ', ' ORDER BY o) || ')', '''{}''::jsonb')
	INTO dims_sql
	FROM pg_catalog.unnest(dim_cols) WITH ORDINALITY u(d, o);
	/* a text column's cells read as jobindsats writes numbers, a number column's checked finite */
	SELECT pg_catalog.array_agg(coalesce(labels ->> m, m) ORDER BY o),
		   pg_catalog.array_agg(
			   CASE WHEN t = ANY (text_types) THEN pg_catalog.format('benchmark.jobindsats_number(w.%I::text)', m)
					ELSE pg_catalog.format('CASE WHEN w.%1$I IS NULL OR (w.%1$I::numeric > ''-Infinity'' AND w.%1$I::numeric < ''Infinity'') THEN w.%1$I::numeric'
										   ' ELSE benchmark_internal.jobindsats_wide_cell_error(pg_catalog.format(%2$L, w.%3$I, w.%4$I, w.%1$I), NULL::numeric) END',
										   m,
										   pg_catalog.format('invalid number in %s, area "%%s", period "%%s", column %s: %%s', src, pg_catalog.quote_ident(m)),
										   area_col, period_col) END
			   ORDER BY o)
	INTO measure_labels, value_sqls
	FROM ROWS FROM (pg_catalog.unnest(measure_cols), pg_catalog.unnest(measure_types)) WITH ORDINALITY u(m, t, o);
	municipal_sql := pg_catalog.format('benchmark.jobindsats_area_kommune(w.%I::text) IS NOT NULL', area_col);
	dimension_cols := coalesce(dim_cols, '{}');
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_wide_columns(regclass, text[], jsonb) IS
'The roles of a wide table''s columns, checked, for the readers of wide tables: the area and period columns, the measures'' labels, and the expressions of a row''s dimensions, each measure''s value and whether it holds a municipality';

/*
 * The query that reads a wide table in the readers' long form (table_id,
 * area, kommune, period, dimensions, measure, value; the table id is its
 * parameter $1), with the caller's rights, without copying it: the cells of
 * the measures named (all: NULL), of every row or of the municipalities'
 * rows only, of the breakdowns named (all: NULL).  A row without an area or
 * a period, and a measure's cell that is no finite number, is an error
 * (22P02) when it is read.
 */
CREATE FUNCTION benchmark_internal.jobindsats_wide_query(source regclass, dimension_columns text[], labels jsonb,
												measures text[], municipal_only boolean, breakdowns jsonb[])
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	src text := source::text;
	kept_labels text[];
	kept_values text[];
BEGIN
	c := benchmark_internal.jobindsats_wide_columns(source, dimension_columns, labels);
	SELECT coalesce(pg_catalog.array_agg(u.l ORDER BY u.o), '{}'), coalesce(pg_catalog.array_agg(u.v ORDER BY u.o), '{}')
	INTO kept_labels, kept_values
	FROM ROWS FROM (pg_catalog.unnest(c.measure_labels), pg_catalog.unnest(c.value_sqls)) WITH ORDINALITY u(l, v, o)
	WHERE measures IS NULL OR u.l = ANY (measures);
	/* a row's dimensions object is built once (OFFSET 0 keeps it from being copied to where it is used) */
	RETURN pg_catalog.format(
		'SELECT $1, w.%1$I::text,'
		' CASE WHEN w.%1$I IS NOT NULL THEN benchmark.jobindsats_area_kommune(w.%1$I::text)'
		' ELSE benchmark_internal.jobindsats_wide_cell_error(pg_catalog.format(%3$L, w.%2$I), NULL::@extschema@.kommune) END,'
		' CASE WHEN w.%2$I IS NOT NULL THEN benchmark.period_canonical(w.%2$I::text)'
		' ELSE benchmark_internal.jobindsats_wide_cell_error(pg_catalog.format(%4$L, w.%1$I), NULL::text) END,'
		' d.dimensions, pg_catalog.unnest(%7$L::text[]), pg_catalog.unnest(ARRAY[%8$s]::numeric[])'
		' FROM %6$s w CROSS JOIN LATERAL (SELECT %5$s AS dimensions OFFSET 0) d WHERE %9$s AND %10$s',
		c.area_col, c.period_col,
		pg_catalog.format('missing area in %s, period "%%s"', src),
		pg_catalog.format('missing period in %s, area "%%s"', src),
		c.dims_sql, src, kept_labels, pg_catalog.array_to_string(kept_values, ', '),
		/* a row without an area is read, to be refused */
		CASE WHEN municipal_only THEN pg_catalog.format('(w.%I IS NULL OR %s)', c.area_col, c.municipal_sql) ELSE 'true' END,
		CASE WHEN breakdowns IS NOT NULL THEN pg_catalog.format('d.dimensions = ANY (%L::jsonb[])', breakdowns) ELSE 'true' END);
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_wide_query(regclass, text[], jsonb, text[], boolean, jsonb[]) IS
'The query that reads a wide table in the readers'' long form (the table id its parameter $1): the cells of the measures named (all: NULL), of the municipalities'' rows only where municipal_only, of the breakdowns named (all: NULL)';

/* A wide table read in the readers' long form (see jobindsats_wide_query). */
CREATE FUNCTION benchmark_internal.jobindsats_wide_cells(source regclass, table_name text, dimension_columns text[],
												labels jsonb)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE plpgsql STABLE SUPPORT benchmark_internal.jobindsats_reader_rows
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY EXECUTE benchmark_internal.jobindsats_wide_query(source, dimension_columns, labels, NULL, false, NULL)
	USING table_name;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_wide_cells(regclass, text, text[], jsonb) IS
'The reader behind jobindsats_wide';

/*
 * The measure labels of a wide table whose rows hold a municipality (every
 * row holds every measure, suppressed or not), from its columns; NULL when
 * no row holds a municipality.
 */
CREATE FUNCTION benchmark_internal.jobindsats_wide_measures(source regclass, dimension_columns text[], labels jsonb)
RETURNS text[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
	municipal boolean;
BEGIN
	c := benchmark_internal.jobindsats_wide_columns(source, dimension_columns, labels);
	EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %s w WHERE %s)', source::text, c.municipal_sql)
	INTO municipal;
	RETURN CASE WHEN municipal THEN (SELECT pg_catalog.array_agg(DISTINCT m ORDER BY m) FROM pg_catalog.unnest(c.measure_labels) m) END;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_wide_measures(regclass, text[], jsonb) IS
'The measure labels of a wide table whose rows hold a municipality, read from its columns; NULL when none does';

/*
 * The distinct breakdowns (dimensions objects) one measure of a wide table
 * has in the rows of the municipalities: those of the rows, as every row
 * holds every measure; none for a label that is not one of its measures.
 * The distinct areas and dimension values are found first, so that each
 * object is built, and each area tested, once.
 */
CREATE FUNCTION benchmark_internal.jobindsats_wide_breakdowns(source regclass, dimension_columns text[], labels jsonb,
													 measure text)
RETURNS SETOF jsonb
LANGUAGE plpgsql STABLE ROWS 20
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c record;
BEGIN
	c := benchmark_internal.jobindsats_wide_columns(source, dimension_columns, labels);
	IF measure = ANY (c.measure_labels) THEN
		RETURN QUERY EXECUTE pg_catalog.format('SELECT DISTINCT %s FROM (SELECT DISTINCT %s FROM %s) w WHERE %s',
											   c.dims_sql,
											   (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(d), ', ')
												FROM pg_catalog.unnest(c.area_col || c.dimension_cols) d),
											   source::text, c.municipal_sql);
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_wide_breakdowns(regclass, text[], jsonb, text) IS
'The distinct breakdowns one measure of a wide table has in the municipalities'' rows, read from its dimension columns only';

CREATE FUNCTION benchmark.jobindsats_wide(source regclass, table_id text, dimensions text[] DEFAULT NULL,
										  labels jsonb DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark_internal.jobindsats_wide_cells($1, $2, $3, $4);
END;

COMMENT ON FUNCTION benchmark.jobindsats_wide(regclass, text, text[], jsonb) IS
'A wide table of a jobindsats table as pipelines keep it (columns "Område"/"Area", "Periode"/"Period", one per dimension, one per measure) in the readers'' long form (table_id, area, kommune, period, dimensions, measure, value), read with your rights from a source you own, a superuser owns or benchmark.trusted_owners names; labels maps column names to labels';
