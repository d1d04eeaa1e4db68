/*
 * Loading jobindsats data into the observation store
 * (benchmark.jobindsats_observation, src/sql/store/store_tables.sql).
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
 * the transaction ends); readers are not blocked.  The document the table's
 * last load read, with nothing written to the table since
 * (benchmark.jobindsats_store_write), is found unchanged without being read.
 *
 * Errors: 22023 a missing or malformed table id; 22004 no document; 21000
 * two cells of the document for one key (also through two spellings of a
 * municipality); the readers' own errors; 42501 no INSERT or UPDATE on the
 * store.
 */

/* A measure label as the label catalog compares it: without a "group: " prefix, in lower case. */
CREATE FUNCTION benchmark_internal.jobindsats_measure_label_key(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.lower(pg_catalog.regexp_replace(label, '^.*: ', ''));

COMMENT ON FUNCTION benchmark_internal.jobindsats_measure_label_key(text) IS
'A measure label as benchmark.jobindsats_measure_label compares it with a document''s: without a "group: " prefix, in lower case';

/* Whether a document's measure labels fit its table: the table is not in the label catalog, or one of them is the table's. */
CREATE FUNCTION benchmark_internal.jobindsats_labels_fit(table_id text, labels text[])
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k WHERE k.table_id = jobindsats_labels_fit.table_id)
	   OR EXISTS (SELECT 1 FROM pg_catalog.unnest(labels) l JOIN benchmark.jobindsats_measure_label k
				  ON k.table_id = jobindsats_labels_fit.table_id
					 AND benchmark_internal.jobindsats_measure_label_key(k.measure) = benchmark_internal.jobindsats_measure_label_key(l));

COMMENT ON FUNCTION benchmark_internal.jobindsats_labels_fit(text, text[]) IS
'Whether a document''s measure labels fit its jobindsats table: the table has no labels in benchmark.jobindsats_measure_label, or one of the labels is one of the table''s';

/*
 * The ordinal of a series (measure, area, dimensions) among those the
 * statement's call site has met, in the order first met, negative for the
 * cell that meets it first (src/jobindsats_store.c): the loader reads a
 * document's series from those first cells and matches each cell with its
 * series by the ordinal, an integer, instead of by its labels.  Volatile and
 * parallel unsafe: it counts what its call site met.
 */
CREATE FUNCTION benchmark_internal.jobindsats_series_ordinal(measure text, area text, dimensions jsonb)
RETURNS integer
LANGUAGE c VOLATILE PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'jobindsats_series_ordinal';

COMMENT ON FUNCTION benchmark_internal.jobindsats_series_ordinal(text, text, jsonb) IS
'The ordinal of a series (measure, area, dimensions) among those the statement has met, in the order first met, negative where first met: what the loader matches a document''s cells with their series by';

/*
 * A document's cells grouped by series, the loader's form of the readers
 * (src/jobindsats.c): read as jobindsats_csv (reader 'csv') or
 * jobindsats_json ('json') reads it, a row per series in the order of the
 * store's key (measure, breakdown, area as stored), its cells in the order
 * read; 21000 when a series holds a period twice (the loader then reads the
 * document cell by cell).  Memory holds the document and, per cell, a few
 * bytes besides its value's digits.
 */
CREATE FUNCTION benchmark_internal.jobindsats_document_series(reader text, doc text, dimension_columns text[], encoding text)
RETURNS TABLE (area text, kommune @extschema@.kommune, dimensions jsonb, measure text, periods text[], cell_values numeric[])
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_document_series';

COMMENT ON FUNCTION benchmark_internal.jobindsats_document_series(text, text, text[], text) IS
'A jobindsats CSV (reader csv) or JSON (json) document''s cells grouped by series, for the loader: a row per series (area, kommune, dimensions, measure) with its periods and values, in the order of the store''s key (measure, breakdown, area); 21000 for a period twice in a series';

CREATE FUNCTION benchmark_internal.jobindsats_document_series(reader text, doc bytea, dimension_columns text[], encoding text)
RETURNS TABLE (area text, kommune @extschema@.kommune, dimensions jsonb, measure text, periods text[], cell_values numeric[])
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_document_series';

COMMENT ON FUNCTION benchmark_internal.jobindsats_document_series(text, bytea, text[], text) IS
'A jobindsats document given as bytes in an encoding (UTF8 when NULL), its cells grouped by series, as jobindsats_document_series(text, text, text[], text)';

CREATE FUNCTION benchmark_internal.jobindsats_document_series(reader text, doc jsonb, dimension_columns text[], encoding text)
RETURNS TABLE (area text, kommune @extschema@.kommune, dimensions jsonb, measure text, periods text[], cell_values numeric[])
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_document_series';

COMMENT ON FUNCTION benchmark_internal.jobindsats_document_series(text, jsonb, text[], text) IS
'A jobindsats API reply in JSON, its cells grouped by series, as jobindsats_document_series(text, text, text[], text)';

/*
 * A series' stored cells with a document's cells of it merged in
 * (src/observation_cells.c): a new period appended, a changed value
 * replaced in its place with the load and the moment given, an equal value
 * left as stored; with the numbers of cells added and replaced.
 */
CREATE FUNCTION benchmark_internal.jobindsats_cells_merge(stored_periods text[], stored_values numeric[],
														  stored_moments timestamptz[], stored_load_ids bigint[], new_periods text[], new_values numeric[],
														  load_id bigint, stored_at timestamptz,
														  OUT periods text[], OUT cell_values numeric[],
														  OUT cell_stored_at timestamptz[], OUT cell_load_ids bigint[],
														  OUT added integer, OUT replaced integer)
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_cells_merge';

COMMENT ON FUNCTION benchmark_internal.jobindsats_cells_merge(text[], numeric[], timestamptz[], bigint[], text[], numeric[], bigint, timestamptz) IS
'A series'' stored cells (periods, cell_values, cell_stored_at, cell_load_ids) with a document''s cells of it merged in: new periods appended, changed values replaced with the load and moment given, equal ones left; and how many were added and replaced';

/*
 * The one loader behind the jobindsats_load functions: one statement reads
 * the document's series with their cells (a document grouped by its reader,
 * a wide table by the statement), checks the labels against
 * jobindsats_measure_label, adds the series the table does not have yet
 * with their cells, and merges the stored ones with the document's cells
 * where a cell is added or replaced; a document with a key twice is read
 * again cell by cell, sorted by key (a repeated row read once, the same key
 * with another value found), and written the same way.  Under REPEATABLE
 * READ or SERIALIZABLE a series another load stored or revised after this
 * transaction's snapshot is a serialization failure (40001), which clients
 * retry.  It runs without JIT, which compiled its large plan
 * on every call (about a second of a 7 MB load), and without merge joins:
 * not knowing how many series a document holds, the planner would sort the
 * series' labels (jsonb) for merge joins, where hash joins make the whole
 * load 10-15 % faster (docs/performance.md).
 */
CREATE FUNCTION benchmark_internal.jobindsats_load_cells(reader text, table_name text, doc anyelement, dimension_columns text[],
												encoding text, labels jsonb, keep_other_areas boolean,
												OUT table_id text, OUT first_period text, OUT last_period text,
												OUT added bigint, OUT replaced bigint, OUT unchanged bigint,
												OUT not_municipal bigint, OUT load_id bigint, OUT repeated bigint,
												OUT municipalities jsonb, OUT short_periods text[])
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
SET enable_mergejoin = off
AS $$
DECLARE
	cells text;
	series text;
	document text;
	on_conflict text;
	digest bytea;
	outcome record;
	fitting text;
	unknown_labels text;
	p record;
	logged_reader text := CASE reader WHEN 'csv-bytes' THEN 'csv' WHEN 'json-text' THEN 'json' ELSE reader END;
	load_arguments jsonb := pg_catalog.jsonb_build_object('dimensions', dimension_columns, 'encoding', encoding, 'labels', labels,
														  'keep_other_areas', keep_other_areas);
	previous record;
	write_left uuid;
	stored boolean;
	/*
	 * A document read cell by cell (a wide table, or one with a key twice),
	 * its cells grouped by series: the cells %1$s keeps, any series with a
	 * period twice, and the document's series (read from the cells that meet
	 * one first) with their cells and whether their area is kept ($6).
	 */
	by_cells text := $c$
		grouped AS MATERIALIZED (
			SELECT pg_catalog.abs(r.ordinal) AS ordinal, pg_catalog.array_agg(r.period) AS periods,
				   pg_catalog.array_agg(r.value) AS cell_values
			FROM read r
			WHERE %1$s
			GROUP BY 1),
		twice AS (
			SELECT pg_catalog.count(*) AS n FROM grouped g WHERE NOT benchmark_internal.jobindsats_periods_once(g.periods)),
		document_series AS MATERIALIZED (
			SELECT r.measure, r.area, r.kommune, r.dimensions, g.periods, g.cell_values,
				   $6 OR r.kommune IS NOT NULL AS kept
			FROM read r
				 JOIN grouped g ON g.ordinal = -r.ordinal
			WHERE r.ordinal < 0),$c$;
	/*
	 * Every writing statement's part, after the document's series: its
	 * labels and their fit, whether to write (the labels fit, no period
	 * twice, and %2$s), the table's stored series ($8: it has some); the kept
	 * series the table does not have yet added with their cells (%1$s: ON
	 * CONFLICT), the stored ones merged with the document's cells and written
	 * where a cell was added or replaced; the counts written, and those of
	 * the document (its cells kept and not municipal, its first and last
	 * period, the municipalities per period) from its series, not cell by
	 * cell.
	 */
	writing text := $c$
		labels AS (
			SELECT DISTINCT d.measure FROM document_series d),
		fit AS (
			SELECT benchmark_internal.jobindsats_labels_fit($2, ARRAY(SELECT l.measure FROM labels l)) AS ok),
		gate AS (
			SELECT (SELECT f.ok FROM fit f) AND (SELECT t.n = 0 FROM twice t) AND %2$s AS open),
		stored_series AS MATERIALIZED (
			SELECT s.series_id, s.measure, s.area, s.dimensions, s.periods, s.cell_values, s.cell_stored_at, s.cell_load_ids
			FROM benchmark.jobindsats_observation_series s
			WHERE $8 AND s.table_id = $2),
		new_series AS (
			INSERT INTO benchmark.jobindsats_observation_series (table_id, measure, area, kommune, dimensions,
																 periods, cell_values, cell_stored_at, cell_load_ids)
			SELECT $2, d.measure, d.area, d.kommune, d.dimensions, d.periods, d.cell_values,
				   pg_catalog.array_fill(pg_catalog.now(), ARRAY[pg_catalog.cardinality(d.periods)]),
				   pg_catalog.array_fill($7, ARRAY[pg_catalog.cardinality(d.periods)])
			FROM document_series d
			WHERE d.kept AND (SELECT g.open FROM gate g)
			  AND NOT EXISTS (SELECT 1 FROM stored_series x
							  WHERE x.measure = d.measure AND x.area = d.area AND x.dimensions = d.dimensions)
			%1$s
			RETURNING pg_catalog.cardinality(periods) AS cells),
		merged AS MATERIALIZED (
			SELECT x.series_id, m.*
			FROM document_series d
				 JOIN stored_series x ON x.measure = d.measure AND x.area = d.area AND x.dimensions = d.dimensions,
				 LATERAL benchmark_internal.jobindsats_cells_merge(x.periods, x.cell_values, x.cell_stored_at, x.cell_load_ids,
																 d.periods, d.cell_values, $7, pg_catalog.now()) m
			WHERE d.kept AND (SELECT g.open FROM gate g)),
		revised_series AS (
			UPDATE benchmark.jobindsats_observation_series s
			SET periods = m.periods, cell_values = m.cell_values, cell_stored_at = m.cell_stored_at,
				cell_load_ids = m.cell_load_ids
			FROM merged m
			WHERE s.series_id = m.series_id AND m.added + m.replaced > 0
			RETURNING m.added, m.replaced),
		written AS (
			SELECT coalesce((SELECT pg_catalog.sum(n.cells) FROM new_series n), 0)
				   + coalesce((SELECT pg_catalog.sum(v.added) FROM revised_series v), 0) AS added,
				   coalesce((SELECT pg_catalog.sum(v.replaced) FROM revised_series v), 0) AS replaced,
				   (SELECT pg_catalog.count(*) FROM document_series d WHERE d.kept) - (SELECT pg_catalog.count(*) FROM new_series)
				   - (SELECT pg_catalog.count(*) FROM merged) AS unwritten),
		counted AS (
			SELECT coalesce(pg_catalog.sum(pg_catalog.cardinality(d.periods)) FILTER (WHERE d.kept), 0) AS stored,
				   coalesce(pg_catalog.sum(pg_catalog.cardinality(d.periods)) FILTER (WHERE d.kommune IS NULL), 0) AS not_municipal
			FROM document_series d),
		spans AS (
			/* the periods and the municipalities per period, from the series' distinct lists of periods */
			SELECT pg_catalog.min(p.period) AS first_period, pg_catalog.max(p.period) AS last_period,
				   coalesce(pg_catalog.jsonb_object_agg(p.period, p.n), '{}') AS municipalities
			FROM (SELECT x.period, pg_catalog.count(DISTINCT k.kommune) AS n
				  FROM (SELECT d.kommune, d.periods FROM document_series d GROUP BY d.periods, d.kommune) k,
					   pg_catalog.unnest(k.periods) x(period)
				  GROUP BY x.period) p)$c$;
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
	IF reader = 'wide' THEN
		/* the wide table's query itself, planned with the statement; its table id column (the loader does not read it) is $1 */
		cells := pg_catalog.format('(SELECT w.*, NULL::bigint AS line FROM (%s) w(table_id, area, kommune, period, dimensions, measure, value))',
								   benchmark_internal.jobindsats_wide_query(doc, dimension_columns, labels, NULL, false, NULL));
	ELSE
		cells := CASE reader
			WHEN 'csv' THEN 'benchmark.jobindsats_csv($1, $2, $3)'
			WHEN 'csv-bytes' THEN 'benchmark.jobindsats_csv($1, $2, $3, $4)'
			WHEN 'json' THEN 'benchmark.jobindsats_json($1, $2, $3)'
			WHEN 'json-text' THEN 'benchmark.jobindsats_json($1, $2, $3)'
		END;
		/* the same reader, a row per series */
		series := CASE reader
			WHEN 'csv' THEN 'benchmark_internal.jobindsats_document_series(''csv'', $1, $3, NULL)'
			WHEN 'csv-bytes' THEN 'benchmark_internal.jobindsats_document_series(''csv'', $1, $3, $4)'
			ELSE 'benchmark_internal.jobindsats_document_series(''json'', $1, $3, NULL)'
		END;
	END IF;
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
	LOCK TABLE benchmark.jobindsats_observation_series IN SHARE ROW EXCLUSIVE MODE;
	load_id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('benchmark.jobindsats_loads', 'load_id'));
	/*
	 * The document the table's last load read, with the same arguments, and
	 * nothing written to the table's cells since (its write id unchanged):
	 * the store holds every cell as the document does, so they are found
	 * unchanged without reading it.  Under READ COMMITTED only, whose
	 * statements see every load committed before the lock was granted.
	 */
	IF digest IS NOT NULL AND pg_catalog.current_setting('transaction_isolation') = 'read committed' THEN
		SELECT l.* INTO previous
		FROM benchmark.jobindsats_loads l
		WHERE l.table_id = jobindsats_load_cells.table_id
		ORDER BY l.load_id DESC
		LIMIT 1;
		IF previous.digest = digest AND previous.reader = logged_reader AND previous.arguments = load_arguments
		   AND previous.store_write = (SELECT w.write_id FROM benchmark.jobindsats_store_write w
									   WHERE w.table_id = jobindsats_load_cells.table_id) THEN
			SELECT previous.first_period, previous.last_period,
				   previous.added + previous.replaced + previous.unchanged AS stored,
				   previous.repeated, previous.not_municipal, 0::bigint AS added, 0::bigint AS replaced, 0::bigint AS unwritten,
				   NULL::jsonb AS conflict, benchmark_internal.jobindsats_labels_fit(table_id, previous.measures) AS fits,
				   previous.measures AS labels, previous.municipalities
			INTO outcome;
		END IF;
	END IF;
	/*
	 * The common case first: every key once in the document.  A document's
	 * reader groups its cells by series in C (jobindsats_document_series), a
	 * wide table's cells are grouped by the series' ordinal in the statement;
	 * the series the table does not have are added with their cells, the
	 * stored ones merged with the document's cells and written where a cell
	 * is added or replaced.  Under READ COMMITTED the
	 * statement's snapshot, taken after the lock, sees every series stored;
	 * under REPEATABLE READ or SERIALIZABLE a series another load stored after
	 * the transaction's snapshot is not seen, and ON CONFLICT DO NOTHING
	 * leaves its cells unwritten, a serialization failure (40001, below),
	 * never 23505; a series another load revised is one already (UPDATE).  A
	 * key twice in the document (a period twice in a series: 21000 from the
	 * reader, or counted in twice) writes nothing, and the document is read
	 * again cell by cell, sorted by key (below).  A table with no
	 * series in the store (a first load) is not looked up: the conditions are
	 * then false, known at planning.  Neither runs for a document found
	 * unchanged above.
	 */
	on_conflict := CASE WHEN pg_catalog.current_setting('transaction_isolation') = 'read committed' THEN ''
						ELSE 'ON CONFLICT DO NOTHING' END;
	/* the tables the writes touch are gathered, and written (their series derived) once, below */
	PERFORM benchmark_internal.jobindsats_store_gather_begin();
	stored := EXISTS (SELECT 1 FROM benchmark.jobindsats_observation_series s WHERE s.table_id = jobindsats_load_cells.table_id);
	IF series IS NOT NULL THEN
		/* a document: its series as the reader groups them, in the order of the store's key (a period twice: 21000) */
		document := pg_catalog.format($q$
				document_series AS MATERIALIZED (
					SELECT coalesce(d.kommune::text, d.area) AS area, d.kommune, d.dimensions, d.measure,
						   d.periods, d.cell_values, $6 OR d.kommune IS NOT NULL AS kept
					FROM %s d),
				twice AS (
					SELECT 0::bigint AS n),$q$, series);
	ELSE
		/* a wide table: its cells, a series' labels kept with the cell that meets it first, grouped */
		document := pg_catalog.format($q$
				read AS MATERIALIZED (
					SELECT y.kommune, y.period, y.value, y.ordinal,
						   CASE WHEN y.ordinal < 0 THEN y.measure END AS measure,
						   CASE WHEN y.ordinal < 0 THEN y.area END AS area,
						   CASE WHEN y.ordinal < 0 THEN y.dimensions END AS dimensions
					FROM (SELECT x.*, benchmark_internal.jobindsats_series_ordinal(x.measure, x.area, x.dimensions) AS ordinal
						  FROM (SELECT coalesce(c.kommune::text, c.area) AS area, c.kommune, c.period, c.dimensions, c.measure, c.value
								FROM %s c) x
						  OFFSET 0) y),
				%s$q$, cells, pg_catalog.format(by_cells, 'true'));
	END IF;
	IF outcome IS NULL THEN
		BEGIN
			EXECUTE pg_catalog.format($q$
				WITH %1$s
				%2$s
				SELECT s.first_period, s.last_period, c.stored, 0::bigint AS repeated, c.not_municipal,
					   w.added, w.replaced, w.unwritten,
					   (SELECT t.n FROM twice t) AS twice,
					   NULL::jsonb AS conflict,
					   (SELECT f.ok FROM fit f) AS fits,
					   (SELECT pg_catalog.array_agg(l.measure ORDER BY l.measure) FROM labels l) AS labels,
					   s.municipalities
				FROM counted c, spans s, written w
				$q$, document, pg_catalog.format(writing, on_conflict, 'true'))
			INTO outcome
			USING doc, table_id, dimension_columns, encoding, labels, keep_other_areas, load_id, stored;
			IF outcome.twice > 0 THEN
				RAISE EXCEPTION 'a key twice in the document' USING ERRCODE = 'cardinality_violation';
			END IF;
		EXCEPTION WHEN cardinality_violation THEN
			outcome := NULL;
		END;
	END IF;
	/*
	 * A key twice: the cells sorted by key and line, a repeated row (the
	 * same value) read once, another value for the key found; the cells read
	 * once are written as above.
	 */
	IF outcome IS NULL THEN
		EXECUTE pg_catalog.format($q$
			WITH read AS MATERIALIZED (
				SELECT coalesce(c.kommune::text, c.area) AS area, c.area AS written, c.kommune, c.period,
					   c.dimensions, c.measure, c.value, c.line,
					   pg_catalog.row_number() OVER w AS nth,
					   pg_catalog.first_value(c.value) OVER w AS first_value,
					   pg_catalog.first_value(c.line) OVER w AS first_line,
					   pg_catalog.first_value(c.area) OVER w AS first_written,
					   benchmark_internal.jobindsats_series_ordinal(c.measure, coalesce(c.kommune::text, c.area), c.dimensions) AS ordinal
				FROM %1$s c
				WINDOW w AS (PARTITION BY c.measure, c.dimensions, coalesce(c.kommune::text, c.area), c.period ORDER BY c.line)),
			conflict AS (
				SELECT r.area, r.period, r.dimensions, r.measure, r.first_line, r.first_written, r.first_value,
					   r.line, r.written, r.value
				FROM read r
				WHERE r.nth > 1 AND r.value IS DISTINCT FROM r.first_value
				LIMIT 1),
			%2$s
			%3$s
			SELECT s.first_period, s.last_period, c.stored,
				   (SELECT pg_catalog.count(*) FROM read r WHERE r.nth > 1) AS repeated,
				   c.not_municipal, w.added, w.replaced, w.unwritten,
				   0::bigint AS twice,
				   (SELECT pg_catalog.to_jsonb(x) FROM conflict x) AS conflict,
				   (SELECT f.ok FROM fit f) AS fits,
				   (SELECT pg_catalog.array_agg(l.measure ORDER BY l.measure) FROM labels l) AS labels,
				   s.municipalities
			FROM counted c, spans s, written w
			$q$, cells, pg_catalog.format(by_cells, 'r.nth = 1'), pg_catalog.format(writing, on_conflict, 'NOT EXISTS (SELECT 1 FROM conflict)'))
		INTO outcome
		USING doc, table_id, dimension_columns, encoding, labels, keep_other_areas, load_id, stored;
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
			  HAVING pg_catalog.count(DISTINCT benchmark_internal.jobindsats_measure_label_key(k.measure))
					 FILTER (WHERE benchmark_internal.jobindsats_measure_label_key(k.measure)
								   IN (SELECT benchmark_internal.jobindsats_measure_label_key(l)
									   FROM pg_catalog.unnest(outcome.labels) l))
					 = (SELECT pg_catalog.count(DISTINCT benchmark_internal.jobindsats_measure_label_key(l))
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
	IF outcome.unwritten > 0 THEN
		RAISE EXCEPTION 'could not serialize access: another load stored series of table % after this transaction began', table_id
			USING ERRCODE = 'serialization_failure',
				HINT = 'Retry the transaction.';
	END IF;
	/* labels the catalog does not know for a table it knows: said, not refused */
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(l), ', ') INTO unknown_labels
	FROM pg_catalog.unnest(outcome.labels) l
	WHERE EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k WHERE k.table_id = jobindsats_load_cells.table_id)
	  AND NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_measure_label k
					  WHERE k.table_id = jobindsats_load_cells.table_id
						AND benchmark_internal.jobindsats_measure_label_key(k.measure)
							= benchmark_internal.jobindsats_measure_label_key(l));
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
	PERFORM benchmark_internal.jobindsats_store_gather_end();
	SELECT w.write_id INTO write_left FROM benchmark.jobindsats_store_write w WHERE w.table_id = jobindsats_load_cells.table_id;
	INSERT INTO benchmark.jobindsats_loads (load_id, table_id, reader, digest, first_period, last_period, added, replaced,
											unchanged, repeated, not_municipal, municipalities, short_periods,
											measures, arguments, store_write)
	VALUES (load_id, table_id, logged_reader, digest, first_period, last_period,
			added, replaced, unchanged, repeated, not_municipal, municipalities, short_periods,
			coalesce(outcome.labels, '{}'), load_arguments, write_left);
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_load_cells(text, text, anyelement, text[], text, jsonb, boolean) IS
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
 * Writing to the store directly: INSERT, UPDATE and DELETE on the view
 * jobindsats_observation write the cells of a series' row, one cell at a
 * time, with the checks a load has (a cell's key cannot change; its area
 * and kommune fit; a period once in its series).  The statement's writes
 * are gathered, and the stored series of the tables they touched are
 * derived once, when the statement on the view ends
 * (src/sql/mappings/series.sql).
 */

/* Trigger function: writes a row inserted into, updated in or deleted from the view jobindsats_observation to its series' cells. */
CREATE FUNCTION benchmark_internal.jobindsats_observation_write()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cell benchmark.jobindsats_observation;
	series bigint;
	at integer;
BEGIN
	/* the row's series: the one it is in (UPDATE, DELETE), or goes into (INSERT); its cell's place in it */
	IF TG_OP = 'INSERT' THEN
		cell := NEW;
	ELSE
		cell := OLD;
	END IF;
	SELECT s.series_id, pg_catalog.array_position(s.periods, cell.period) INTO series, at
	FROM benchmark.jobindsats_observation_series s
	WHERE s.table_id = cell.table_id AND s.measure = cell.measure AND s.area = cell.area AND s.dimensions = cell.dimensions
	FOR UPDATE;
	IF TG_OP = 'DELETE' THEN
		UPDATE benchmark.jobindsats_observation_series s
		SET periods = s.periods[:at - 1] || s.periods[at + 1:],
			cell_values = s.cell_values[:at - 1] || s.cell_values[at + 1:],
			cell_stored_at = s.cell_stored_at[:at - 1] || s.cell_stored_at[at + 1:],
			cell_load_ids = s.cell_load_ids[:at - 1] || s.cell_load_ids[at + 1:]
		WHERE s.series_id = series AND at IS NOT NULL;
		RETURN OLD;
	ELSIF TG_OP = 'UPDATE' AND (OLD.table_id, OLD.measure, OLD.area, OLD.period, OLD.dimensions)
							   IS DISTINCT FROM (NEW.table_id, NEW.measure, NEW.area, NEW.period, NEW.dimensions) THEN
		PERFORM benchmark_internal.jobindsats_key_change_error(OLD.table_id, OLD.area, OLD.period, OLD.measure);
	ELSIF TG_OP = 'INSERT' AND at IS NOT NULL THEN
		RAISE EXCEPTION 'the observation store holds this cell already'
			USING ERRCODE = 'unique_violation',
				DETAIL = pg_catalog.format('Table %s, area %s, period %s, measure "%s".', NEW.table_id, NEW.area, NEW.period, NEW.measure),
				HINT = 'Update the cell, or load the download with jobindsats_load, which replaces the values it revises.';
	END IF;
	IF series IS NULL THEN
		INSERT INTO benchmark.jobindsats_observation_series (table_id, measure, area, kommune, dimensions,
															 periods, cell_values, cell_stored_at, cell_load_ids)
		VALUES (NEW.table_id, NEW.measure, NEW.area, NEW.kommune, NEW.dimensions,
				ARRAY[NEW.period], ARRAY[NEW.value], ARRAY[NEW.stored_at], ARRAY[NEW.load_id]);
	ELSIF TG_OP = 'UPDATE' THEN
		/* the series' check decides whether the kommune fits its area */
		UPDATE benchmark.jobindsats_observation_series s
		SET kommune = NEW.kommune, cell_values[at] = NEW.value, cell_stored_at[at] = NEW.stored_at, cell_load_ids[at] = NEW.load_id
		WHERE s.series_id = series;
	ELSE
		UPDATE benchmark.jobindsats_observation_series s
		SET kommune = NEW.kommune, periods = s.periods || NEW.period, cell_values = s.cell_values || NEW.value,
			cell_stored_at = s.cell_stored_at || NEW.stored_at, cell_load_ids = s.cell_load_ids || NEW.load_id
		WHERE s.series_id = series;
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_observation_write() IS
'Trigger function: writes a row inserted into, updated in or deleted from the view jobindsats_observation to its series'' cells in jobindsats_observation_series (0A000 for an update of a cell''s key, 23505 for a cell stored already)';

/* Trigger function: gathers the cells a statement on the view jobindsats_observation writes (before it), and derives their tables' series once (after it). */
CREATE FUNCTION benchmark_internal.jobindsats_observation_statement()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_WHEN = 'BEFORE' THEN
		PERFORM benchmark_internal.jobindsats_store_gather_begin();
	ELSE
		PERFORM benchmark_internal.jobindsats_store_gather_end();
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_observation_statement() IS
'Trigger function: before a statement on the view jobindsats_observation starts gathering the jobindsats tables its writes touch; after it gives them a new write id and derives their stored series once';

CREATE TRIGGER jobindsats_observation_write INSTEAD OF INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_observation
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.jobindsats_observation_write();
CREATE TRIGGER jobindsats_observation_before BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_observation
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_observation_statement();
CREATE TRIGGER jobindsats_observation_after AFTER INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_observation
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.jobindsats_observation_statement();
