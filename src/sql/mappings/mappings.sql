/*
 * Reading the mapping catalog (src/sql/mappings/mapping_tables.sql): terms
 * and mappings computed from the observation store or from the wide tables
 * registered in jobindsats_source, the installed source views of the preset
 * (benchmark.mapped_*), and model_missing_data, which lists what a model's
 * mappings miss in the loaded data before a run fails.
 *
 * A term's cells are the municipalities' cells of its table and measure.  Of
 * every dimension the term names, the listed values are added up; every
 * other dimension is taken at its total ("<Dimension> i alt", "I alt",
 * "Alle <dimension>"); where a municipality and period have no totals row,
 * a count is the sum over the term's breakdown dimension (Kvinder + Mænd)
 * and a share is missing.  A suppressed cell (NULL) makes the sum NULL,
 * never 0.  Periods are then made into the period form asked for:
 *
 *   year           calendar years: yearly rows as loaded, four quarters
 *                  ending in Q4 as their year, months (quarters) as their
 *                  mean or sum per year; only years whose last month
 *                  (quarter) is loaded for some municipality
 *   year_to_date   every year over the months January to the latest month
 *                  loaded (the same months in every year, so years
 *                  compare); data without months as in the year form
 *   rolling_year   four quarters ending with each quarter (2023QMAT01) from
 *                  twelve months, four quarters, or yearly rows (as QMAT04)
 *   as_loaded      the periods as loaded
 *
 * A mean needs months_required months of the year with a value (in a year
 * to date as many fewer as the year has months to come); a sum needs them
 * all.  Which periods of a form a loaded period counts in, and how many make
 * one complete, is benchmark.period_rollup's rule (src/period_core.c).
 */

/*
 * A label's matching key: lower case, without spaces and punctuation.  It
 * and jobindsats_is_total have no SET clause, so that the planner inlines
 * them (the mappings call them for every breakdown): their standard-SQL
 * bodies resolved every name when they were created.
 */
CREATE FUNCTION benchmark.jobindsats_label_key(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.regexp_replace(pg_catalog.translate(pg_catalog.lower(label), 'ÆØÅÄÖÜÉ', 'æøåäöüé'),
								 '[^a-z0-9æøåäöüé]+', '', 'g');

COMMENT ON FUNCTION benchmark.jobindsats_label_key(text) IS
'The key labels are matched by: lower case without spaces and punctuation ("Antal  personer" and "antal personer" match)';

/* Whether a dimension's value is its total ("Køn i alt", "I alt", "Alle ydelsesgrupper"). */
CREATE FUNCTION benchmark.jobindsats_is_total(dimension text, value text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN benchmark.jobindsats_label_key(value) IN (benchmark.jobindsats_label_key(dimension) || 'ialt', 'ialt', 'total',
												 'alle' || benchmark.jobindsats_label_key(dimension));

COMMENT ON FUNCTION benchmark.jobindsats_is_total(text, text) IS
'Whether a dimension value is the dimension''s total: "<Dimension> i alt", "I alt", "Alle <dimension>" or "Total" (case, spaces and punctuation ignored)';

/* The dimension values a term names: {"Køn": "Kvinder"} or {"Ydelsesgrupper": ["A-dagpenge", ...]} as pairs. */
CREATE FUNCTION benchmark_internal.jobindsats_named_values(dimensions jsonb)
RETURNS TABLE (dimension text, value text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT d.key, v.value
	FROM pg_catalog.jsonb_each(dimensions) d,
		 pg_catalog.jsonb_array_elements_text(CASE pg_catalog.jsonb_typeof(d.value) WHEN 'array' THEN d.value
											  ELSE pg_catalog.jsonb_build_array(d.value) END) v(value);
END;

COMMENT ON FUNCTION benchmark_internal.jobindsats_named_values(jsonb) IS
'The (dimension, value) pairs a term''s dimensions name, one value or a list of values per dimension';

/*
 * The registration of a jobindsats table's wide table that the current user
 * reads: one made by a role it trusts as it trusts a source's owner (itself,
 * a superuser, or a role in benchmark.trusted_owners).  A registration by
 * anyone else is not read, so that no role can point other users' runs at a
 * table of its choosing; their runs read the store.  NULLs when none counts.
 */
CREATE FUNCTION benchmark_internal.jobindsats_registration(table_id text)
RETURNS benchmark.jobindsats_source
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT x.* FROM benchmark.jobindsats_source x
	WHERE x.table_id = pg_catalog.upper(jobindsats_registration.table_id)
	  AND benchmark_internal.source_owner_trusted((SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = x.registered_by));
END;

COMMENT ON FUNCTION benchmark_internal.jobindsats_registration(text) IS
'The registered wide table of a jobindsats table that the current user reads: registered by itself, a superuser, or a role in benchmark.trusted_owners; NULLs when there is none';

/* The wide table a registration names; 42P01 when it does not exist. */
CREATE FUNCTION benchmark_internal.jobindsats_registered_relation(registration benchmark.jobindsats_source)
RETURNS regclass
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.to_regclass(registration.relation) IS NULL THEN
		RAISE EXCEPTION 'the wide table % registered for jobindsats table % does not exist', registration.relation, registration.table_id
			USING ERRCODE = 'undefined_table',
				HINT = 'Give a schema-qualified name in benchmark.jobindsats_source.relation, or delete the row to read the store.';
	END IF;
	RETURN registration.relation::regclass;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_registered_relation(benchmark.jobindsats_source) IS
'The wide table a registration in benchmark.jobindsats_source names; 42P01 when it does not exist';

/* Records who registers a wide table (a restored dump keeps its rows' registrants). */
CREATE FUNCTION benchmark_internal.jobindsats_source_registrant()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT benchmark_internal.restoring_dump() THEN
		NEW.registered_by := CURRENT_USER;
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_source_registrant() IS
'Trigger function: sets jobindsats_source.registered_by to the role that inserts or updates the row';

CREATE TRIGGER jobindsats_source_registrant BEFORE INSERT OR UPDATE ON benchmark.jobindsats_source
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.jobindsats_source_registrant();

/*
 * The municipalities' cells of a jobindsats table's registered wide table
 * that the current user reads (none without one): of the measures named
 * (all: NULL) and the breakdowns named (all: NULL), read from those
 * measures' columns of those rows only.
 */
CREATE FUNCTION benchmark_internal.jobindsats_registered_cells(table_id text, measures text[], breakdowns jsonb[])
RETURNS TABLE (area text, kommune text, period text, dimensions jsonb, measure text, value numeric)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 10000
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s benchmark.jobindsats_source := benchmark_internal.jobindsats_registration(jobindsats_registered_cells.table_id);
BEGIN
	IF s.table_id IS NULL THEN
		RETURN;
	END IF;
	RETURN QUERY EXECUTE pg_catalog.format(
		'SELECT w.area, w.kommune::text, w.period, w.dimensions, w.measure, w.value'
		' FROM (%s) w(table_id, area, kommune, period, dimensions, measure, value)',
		benchmark_internal.jobindsats_wide_query(benchmark_internal.jobindsats_registered_relation(s), s.dimensions, s.labels,
												 measures, true, breakdowns))
	USING s.table_id;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_registered_cells(text, text[], jsonb[]) IS
'The municipalities'' cells of a jobindsats table''s registered wide table that the current user reads, of the measures and breakdowns named (all: NULL); none without a registration';

/* The municipalities' cells of one jobindsats table and some of its measures (all: NULL): from its registered wide table, else from the store. */
CREATE FUNCTION benchmark.jobindsats_table_cells(table_id text, measures text[] DEFAULT NULL)
RETURNS TABLE (area text, kommune text, period text, dimensions jsonb, measure text, value numeric)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 10000
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s benchmark.jobindsats_source;
BEGIN
	s := benchmark_internal.jobindsats_registration(jobindsats_table_cells.table_id);
	IF s.table_id IS NOT NULL THEN
		RETURN QUERY SELECT * FROM benchmark_internal.jobindsats_registered_cells(jobindsats_table_cells.table_id, measures, NULL);
	ELSE
		/* a municipality's area is its official name in the store: the kommune column as text */
		RETURN QUERY
			SELECT o.area, o.area, o.period, o.dimensions, o.measure, o.value
			FROM benchmark.jobindsats_store_as_read o
			WHERE o.table_id = pg_catalog.upper(jobindsats_table_cells.table_id)
			  AND o.kommune IS NOT NULL AND (measures IS NULL OR o.measure = ANY (measures));
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_table_cells(text, text[]) IS
'The municipalities'' cells of a jobindsats table (of the measures named, or all) in the readers'' long form: from the wide table benchmark.jobindsats_source names for it, else from the observation store';

/*
 * The measure labels of one jobindsats table in the observation store: the
 * store as it is from its series (those with cells), a few thousand rows
 * where its cells are a hundred thousand; as of a moment, from the view.
 * Without bitmap scans: just after a load the planner's statistics may
 * still count a table's series in ones, and a bitmap of every series of a
 * measure (7,488 of the benchmark's file) would be built to find its first.
 */
CREATE FUNCTION benchmark_internal.jobindsats_store_measures(table_id text)
RETURNS text[]
LANGUAGE sql STABLE STRICT PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
SET enable_bitmapscan = off
BEGIN ATOMIC
	/*
	 * As it is: the table's labels by a skip through the series' key, each
	 * kept when a series of it has a cell (the first found: a subquery with
	 * LIMIT, which the planner does not turn into a join over the series);
	 * as of a moment: its cells then
	 */
	SELECT CASE WHEN benchmark_internal.jobindsats_as_of() IS NULL THEN
		(WITH RECURSIVE label(measure) AS (
			SELECT pg_catalog.min(s.measure) FROM benchmark.jobindsats_observation_series s
			WHERE s.table_id = pg_catalog.upper(jobindsats_store_measures.table_id)
			UNION ALL
			SELECT (SELECT pg_catalog.min(s.measure) FROM benchmark.jobindsats_observation_series s
					WHERE s.table_id = pg_catalog.upper(jobindsats_store_measures.table_id) AND s.measure > l.measure)
			FROM label l
			WHERE l.measure IS NOT NULL)
		 SELECT pg_catalog.array_agg(l.measure ORDER BY l.measure)
		 FROM label l
		 WHERE l.measure IS NOT NULL
		   AND (SELECT true FROM benchmark.jobindsats_observation_series s
				WHERE s.table_id = pg_catalog.upper(jobindsats_store_measures.table_id) AND s.measure = l.measure
				  AND pg_catalog.cardinality(s.periods) > 0
				LIMIT 1))
	ELSE
		(SELECT pg_catalog.array_agg(DISTINCT o.measure ORDER BY o.measure) FROM benchmark.jobindsats_store_as_read o
		 WHERE o.table_id = pg_catalog.upper(jobindsats_store_measures.table_id))
	END;
END;

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_measures(text) IS
'The measure labels of a jobindsats table in the observation store; NULL when none is loaded';

/* The measure labels of one jobindsats table as loaded (store or registered wide table). */
CREATE FUNCTION benchmark.jobindsats_table_measures(table_id text)
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s benchmark.jobindsats_source := benchmark_internal.jobindsats_registration(jobindsats_table_measures.table_id);
BEGIN
	IF s.table_id IS NOT NULL THEN
		RETURN benchmark_internal.jobindsats_wide_measures(benchmark_internal.jobindsats_registered_relation(s), s.dimensions, s.labels);
	END IF;
	RETURN benchmark_internal.jobindsats_store_measures(jobindsats_table_measures.table_id);
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_table_measures(text) IS
'The measure labels of a jobindsats table as loaded into the store or as its registered wide table has them; NULL when the table is not loaded';

/*
 * The distinct breakdowns (dimensions objects) of one measure of a
 * jobindsats table in the observation store, each with a series with cells:
 * as it is, by a skip through the series' key (table, measure, breakdown),
 * a breakdown an index probe, where its series are thousands (7,488 a
 * measure of the benchmark's file, 72 breakdowns); as of a moment, from its
 * cells then.  Without bitmap scans: just after a load the planner's
 * statistics may still count a table's series in ones, and a bitmap of
 * every series of a measure would be built to find its first.
 */
CREATE FUNCTION benchmark_internal.jobindsats_store_breakdowns(table_id text, measure text)
RETURNS SETOF jsonb
LANGUAGE sql STABLE STRICT PARALLEL RESTRICTED ROWS 20
SET search_path = pg_catalog, pg_temp
SET enable_bitmapscan = off
BEGIN ATOMIC
	WITH RECURSIVE breakdown(dimensions) AS (
		(SELECT s.dimensions FROM benchmark.jobindsats_observation_series s
		 WHERE s.table_id = pg_catalog.upper(jobindsats_store_breakdowns.table_id)
		   AND s.measure = jobindsats_store_breakdowns.measure
		 ORDER BY s.dimensions
		 LIMIT 1)
		UNION ALL
		SELECT (SELECT s.dimensions FROM benchmark.jobindsats_observation_series s
				WHERE s.table_id = pg_catalog.upper(jobindsats_store_breakdowns.table_id)
				  AND s.measure = jobindsats_store_breakdowns.measure AND s.dimensions > b.dimensions
				ORDER BY s.dimensions
				LIMIT 1)
		FROM breakdown b
		WHERE b.dimensions IS NOT NULL)
	SELECT b.dimensions FROM breakdown b
	WHERE benchmark_internal.jobindsats_as_of() IS NULL AND b.dimensions IS NOT NULL
	  AND (SELECT true FROM benchmark.jobindsats_observation_series s
		   WHERE s.table_id = pg_catalog.upper(jobindsats_store_breakdowns.table_id)
			 AND s.measure = jobindsats_store_breakdowns.measure AND s.dimensions = b.dimensions
			 AND pg_catalog.cardinality(s.periods) > 0
		   LIMIT 1)
	UNION ALL
	SELECT DISTINCT o.dimensions FROM benchmark.jobindsats_store_as_read o
	WHERE benchmark_internal.jobindsats_as_of() IS NOT NULL
	  AND o.table_id = pg_catalog.upper(jobindsats_store_breakdowns.table_id) AND o.measure = jobindsats_store_breakdowns.measure;
END;

COMMENT ON FUNCTION benchmark_internal.jobindsats_store_breakdowns(text, text) IS
'The distinct breakdowns (dimension -> value objects) one measure of a jobindsats table has in the observation store';

/* The distinct breakdowns (dimensions objects) of one measure of a jobindsats table, store or registered wide table. */
CREATE FUNCTION benchmark.jobindsats_table_breakdowns(table_id text, measure text)
RETURNS SETOF jsonb
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 20
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s benchmark.jobindsats_source := benchmark_internal.jobindsats_registration(jobindsats_table_breakdowns.table_id);
BEGIN
	IF s.table_id IS NOT NULL THEN
		RETURN QUERY SELECT d FROM benchmark_internal.jobindsats_wide_breakdowns(benchmark_internal.jobindsats_registered_relation(s),
																				 s.dimensions, s.labels, measure) d;
		RETURN;
	END IF;
	RETURN QUERY SELECT d FROM benchmark_internal.jobindsats_store_breakdowns(jobindsats_table_breakdowns.table_id, measure) d;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_table_breakdowns(text, text) IS
'The distinct breakdowns (dimension -> value objects) one measure of a jobindsats table has, in the store or the registered wide table';

/*
 * Which of a table's measure labels a term's label matches: the first rule
 * that finds exactly one label wins (as written; ignoring case, spaces and
 * punctuation; without a "group: " prefix; as the start of a longer or
 * shorter label).  matched_how says which; candidates are the table's labels
 * when none or several match.
 */
CREATE FUNCTION benchmark.jobindsats_label_match(wanted text, labels text[],
												 OUT matched_label text, OUT matched_how text, OUT candidates text[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH l AS (
		SELECT DISTINCT x.label,
			   benchmark.jobindsats_label_key(x.label) AS k,
			   benchmark.jobindsats_label_key(pg_catalog.regexp_replace(x.label, '^.*:\s*', '')) AS k_short
		FROM pg_catalog.unnest(labels) x(label)
		WHERE x.label IS NOT NULL
	),
	w AS (
		SELECT benchmark.jobindsats_label_key(wanted) AS k,
			   benchmark.jobindsats_label_key(pg_catalog.regexp_replace(wanted, '^.*:\s*', '')) AS k_short
	),
	rules AS (
		SELECT 1 AS rule, 'as written' AS how, l.label FROM l WHERE l.label = wanted
		UNION ALL
		SELECT 2, 'ignoring case, spaces and punctuation', l.label FROM l, w WHERE l.k = w.k
		UNION ALL
		SELECT 3, 'without the group prefix', l.label FROM l, w WHERE l.k_short = w.k_short
		UNION ALL
		SELECT 4, 'as the start of the label', l.label FROM l, w
		WHERE w.k_short <> '' AND l.k_short <> '' AND (pg_catalog.starts_with(l.k_short, w.k_short) OR pg_catalog.starts_with(w.k_short, l.k_short))
	),
	first_unique AS (
		SELECT r.rule, pg_catalog.min(r.label) AS label, r.how
		FROM rules r
		GROUP BY r.rule, r.how
		HAVING pg_catalog.count(DISTINCT r.label) = 1
		ORDER BY r.rule
		LIMIT 1
	)
	SELECT f.label, f.how,
		   CASE WHEN f.label IS NULL THEN (SELECT pg_catalog.array_agg(l.label ORDER BY l.label) FROM l) END
	FROM (SELECT 1) one LEFT JOIN first_unique f ON true;
END;

COMMENT ON FUNCTION benchmark.jobindsats_label_match(text, text[]) IS
'Which of a table''s measure labels a wanted label matches (as written; ignoring case, spaces and punctuation; without a "group: " prefix; as the start of a longer or shorter label; the first rule with exactly one match), how, and the labels to choose from when none matches';

/* The term a reader of a term names, once its period form is known to be one (an error otherwise). */
CREATE FUNCTION benchmark_internal.jobindsats_term_of(term_name text, period_form text)
RETURNS benchmark.jobindsats_term
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t benchmark.jobindsats_term;
BEGIN
	IF period_form IS NULL OR period_form NOT IN ('year', 'year_to_date', 'rolling_year', 'as_loaded') THEN
		RAISE EXCEPTION 'unknown period form "%"', period_form
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Use year, year_to_date, rolling_year or as_loaded.';
	END IF;
	SELECT * INTO t FROM benchmark.jobindsats_term x WHERE x.term = term_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'jobindsats term "%" does not exist', term_name
			USING ERRCODE = 'undefined_object',
				HINT = 'The terms are the rows of benchmark.jobindsats_term.';
	END IF;
	RETURN t;
END
$$;

COMMENT ON FUNCTION benchmark_internal.jobindsats_term_of(text, text) IS
'The row of benchmark.jobindsats_term named, for the readers of a term: 42704 when there is none, 22023 when the period form is not year, year_to_date, rolling_year or as_loaded';

/*
 * One term's values in a period form (see the file header), derived from the
 * observation store, or from the term's registered wide table where
 * read_registered and the current user trusts its registration.
 */
CREATE FUNCTION benchmark.jobindsats_term_derive(term_name text, period_form text, read_registered boolean)
RETURNS TABLE (kommune text, period text, value numeric, matched_label text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 600
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t benchmark.jobindsats_term;
	labels text[];
	m record;
	m_label text;
	pm_label text;
	spec jsonb;
	combos integer;
	breadth integer;
	registered boolean;
	kept jsonb[];
	kept_class text[];
	kept_combo text[];
	single boolean;
	total_dims jsonb[];
	part_dims jsonb[];
BEGIN
	t := benchmark_internal.jobindsats_term_of(term_name, period_form);
	registered := read_registered AND (benchmark_internal.jobindsats_registration(t.table_id)).table_id IS NOT NULL;
	labels := CASE WHEN registered THEN benchmark.jobindsats_table_measures(t.table_id)
				   ELSE benchmark_internal.jobindsats_store_measures(t.table_id) END;
	IF labels IS NULL THEN
		RETURN;		/* the table is not loaded: no values (model_missing_data says so) */
	END IF;
	m := benchmark.jobindsats_label_match(t.measure, labels);
	IF m.matched_label IS NULL THEN
		RAISE EXCEPTION 'jobindsats table % has no measure matching "%" (term %)', t.table_id, t.measure, t.term
			USING ERRCODE = 'undefined_column',
				DETAIL = pg_catalog.format('Its measures: %s.', pg_catalog.array_to_string(m.candidates[1:20], '; ')),
				HINT = 'Load the table with this measure, or copy the term with the label your download uses.';
	END IF;
	m_label := m.matched_label;
	IF t.per_cent_measure IS NOT NULL THEN
		m := benchmark.jobindsats_label_match(t.per_cent_measure, labels);
		IF m.matched_label IS NULL THEN
			RAISE EXCEPTION 'jobindsats table % has no measure matching "%" (term %)', t.table_id, t.per_cent_measure, t.term
				USING ERRCODE = 'undefined_column',
					DETAIL = pg_catalog.format('Its measures: %s.', pg_catalog.array_to_string(m.candidates[1:20], '; '));
		END IF;
		pm_label := m.matched_label;
	END IF;
	/* the named dimensions' keys and the keys of their non-total values */
	SELECT coalesce(pg_catalog.jsonb_object_agg(s.dkey, s.vkeys), '{}')
	INTO spec
	FROM (SELECT benchmark.jobindsats_label_key(v.dimension) AS dkey,
				 pg_catalog.jsonb_agg(DISTINCT benchmark.jobindsats_label_key(v.value)) AS vkeys
		  FROM benchmark_internal.jobindsats_named_values(t.dimensions) v
		  WHERE NOT benchmark.jobindsats_is_total(v.dimension, v.value)
		  GROUP BY 1) s;
	/* how many combinations of the named values a period adds up */
	combos := 1;
	FOR breadth IN SELECT pg_catalog.jsonb_array_length(e.value) FROM pg_catalog.jsonb_each(spec) e LOOP
		combos := combos * breadth;
	END LOOP;

	/*
	 * Each breakdown of the measure: total (every dimension not named at
	 * its total), part (the breakdown dimension broken down, the others at
	 * their totals) or left out; combo names the named dimensions' values.
	 */
	SELECT pg_catalog.array_agg(x.dimensions), pg_catalog.array_agg(x.cls), pg_catalog.array_agg(x.combo)
	INTO kept, kept_class, kept_combo
	FROM (SELECT d.dimensions,
				 CASE WHEN pg_catalog.bool_or(e.bad) OR pg_catalog.count(*) FILTER (WHERE e.named) <> (SELECT pg_catalog.count(*) FROM pg_catalog.jsonb_object_keys(spec))
					  THEN 'out'
					  WHEN pg_catalog.bool_or(e.part) THEN 'part'
					  ELSE 'total' END AS cls,
				 coalesce(pg_catalog.string_agg(e.combo, ',' ORDER BY e.combo), '') AS combo
		  FROM (SELECT b FROM benchmark.jobindsats_table_breakdowns(t.table_id, m_label) b WHERE registered
				UNION ALL
				SELECT b FROM benchmark_internal.jobindsats_store_breakdowns(t.table_id, m_label) b WHERE NOT registered) d(dimensions)
		  LEFT JOIN LATERAL (
				SELECT spec ? n.k AS named,
					   CASE WHEN spec ? n.k THEN NOT (spec -> n.k) ? benchmark.jobindsats_label_key(j.value)
							ELSE NOT benchmark.jobindsats_is_total(j.key, j.value)
								 AND n.k IS DISTINCT FROM benchmark.jobindsats_label_key(t.breakdown) END AS bad,
					   NOT spec ? n.k AND NOT benchmark.jobindsats_is_total(j.key, j.value)
						   AND n.k = benchmark.jobindsats_label_key(t.breakdown) AS part,
					   CASE WHEN spec ? n.k THEN n.k || '=' || benchmark.jobindsats_label_key(j.value) END AS combo
				FROM pg_catalog.jsonb_each_text(d.dimensions) j,
					 LATERAL (SELECT benchmark.jobindsats_label_key(j.key) AS k) n) e ON true
		  GROUP BY d.dimensions) x
	WHERE x.cls = 'total' OR (x.cls = 'part' AND t.kind = 'count');	/* a share is never summed */
	IF kept IS NULL THEN
		RETURN;		/* no breakdown fits the term (model_missing_data says which values are missing) */
	END IF;
	/*
	 * A count with one combination of values, totals rows and a breakdown:
	 * where every municipality and period with breakdown rows has its
	 * totals row, the breakdown is not needed.
	 */
	SELECT pg_catalog.array_agg(k.d) FILTER (WHERE k.c = 'total'), pg_catalog.array_agg(k.d) FILTER (WHERE k.c = 'part')
	INTO total_dims, part_dims
	FROM ROWS FROM (pg_catalog.unnest(kept), pg_catalog.unnest(kept_class)) k(d, c);
	IF NOT registered AND combos = 1 AND total_dims IS NOT NULL AND part_dims IS NOT NULL
	   AND NOT EXISTS (SELECT p.area, p.period
					   FROM pg_catalog.unnest(part_dims) k(dimensions),
							LATERAL (SELECT x.area, x.period FROM benchmark.jobindsats_store_as_read x
									 WHERE x.table_id = t.table_id AND x.measure = m_label AND x.dimensions = k.dimensions
									   AND x.kommune IS NOT NULL OFFSET 0) p
					   EXCEPT
					   SELECT o.area, o.period
					   FROM pg_catalog.unnest(total_dims) k(dimensions),
							LATERAL (SELECT x.area, x.period FROM benchmark.jobindsats_store_as_read x
									 WHERE x.table_id = t.table_id AND x.measure = m_label AND x.dimensions = k.dimensions
									   AND x.kommune IS NOT NULL OFFSET 0) o) THEN
		SELECT pg_catalog.array_agg(k.d), pg_catalog.array_agg(k.c), pg_catalog.array_agg(k.combo)
		INTO kept, kept_class, kept_combo
		FROM ROWS FROM (pg_catalog.unnest(kept), pg_catalog.unnest(kept_class), pg_catalog.unnest(kept_combo)) k(d, c, combo)
		WHERE k.c = 'total';
	END IF;
	single := pg_catalog.cardinality(kept) = 1 AND kept_class[1] = 'total';

	RETURN QUERY
	WITH raw AS (
		/* a municipality's area is its official name in the store; the kept breakdowns are distinct */
		SELECT o.area AS kommune, o.period, k.i, o.measure, o.value
		FROM pg_catalog.unnest(kept) WITH ORDINALITY k(dimensions, i),
			 LATERAL (SELECT x.area, x.period, x.measure, x.value FROM benchmark.jobindsats_store_as_read x
					  WHERE x.table_id = t.table_id AND x.measure IN (m_label, pm_label) AND x.dimensions = k.dimensions
						AND x.kommune IS NOT NULL OFFSET 0) o
		WHERE NOT registered
		UNION ALL
		SELECT c.kommune, c.period, pg_catalog.array_position(kept, c.dimensions), c.measure, c.value
		FROM benchmark_internal.jobindsats_registered_cells(t.table_id, ARRAY[m_label, pm_label], kept) c
		WHERE registered
	),
	cells AS (
		SELECT r.kommune, r.period, r.i, r.value FROM raw r WHERE pm_label IS NULL
		UNION ALL
		/* a population: the count * 100 / its per cent of the population, per cell */
		SELECT r.kommune, r.period, r.i,
			   pg_catalog.max(r.value) FILTER (WHERE r.measure = m_label) * 100
			   / NULLIF(pg_catalog.max(r.value) FILTER (WHERE r.measure = pm_label), 0)
		FROM raw r
		WHERE pm_label IS NOT NULL
		GROUP BY r.kommune, r.period, r.i
	),
	per_combo AS (
		SELECT c.kommune, c.period, kept_class[c.i] AS cls, kept_combo[c.i] AS combo,
			   pg_catalog.count(*) AS n, pg_catalog.count(c.value) AS n_values, pg_catalog.sum(c.value) AS total
		FROM cells c
		GROUP BY c.kommune, c.period, kept_class[c.i], kept_combo[c.i]
	),
	per_period AS MATERIALIZED (
		/* one breakdown, at the totals: the cells are the values */
		SELECT c.kommune, c.period, c.value, benchmark.period_kind(c.period) AS kind
		FROM cells c
		WHERE single
		UNION ALL
		SELECT x.kommune, x.period,
			   CASE WHEN pg_catalog.bool_or(x.cls = 'total') THEN
						CASE WHEN pg_catalog.count(*) FILTER (WHERE x.cls = 'total') = combos
								  AND pg_catalog.sum(x.n) FILTER (WHERE x.cls = 'total') = pg_catalog.sum(x.n_values) FILTER (WHERE x.cls = 'total')
							 THEN pg_catalog.sum(x.total) FILTER (WHERE x.cls = 'total') END
					WHEN t.kind = 'count' THEN
						CASE WHEN pg_catalog.count(*) = combos AND pg_catalog.sum(x.n) = pg_catalog.sum(x.n_values)
							 THEN pg_catalog.sum(x.total) END
			   END AS value,
			   benchmark.period_kind(x.period) AS kind
		FROM per_combo x
		WHERE NOT single
		GROUP BY x.kommune, x.period
	),
	loaded AS (
		/* of each kind, the first day and the latest period loaded for some municipality */
		SELECT p.kind, pg_catalog.min(benchmark.period_start(p.period)) AS first_day,
			   benchmark.period_from_index(p.kind, pg_catalog.max(benchmark.period_index(p.period))) AS latest
		FROM per_period p
		GROUP BY p.kind
	),
	rolled AS (
		/* each period in every period of the form it counts in (benchmark.period_rollup) */
		SELECT p.kommune, p.kind, p.value, l.first_day, r.period, r.part, r.parts, r.parts_required
		FROM per_period p
			 JOIN loaded l ON l.kind = p.kind
			 CROSS JOIN LATERAL benchmark.period_rollup(p.period, period_form, l.latest, t.months_required) r
	),
	formed AS (
		/* years and four quarters (whole years), and every period as_loaded: as loaded, the form's own kind first */
		SELECT r.kommune, r.period, r.value, CASE WHEN r.kind = benchmark.period_kind(r.period) THEN 1 ELSE 2 END AS priority,
			   r.kind
		FROM rolled r
		WHERE r.kind IN ('year', 'four quarters') OR period_form = 'as_loaded'
		UNION ALL
		/* months and quarters: their sum or mean */
		SELECT r.kommune, r.period,
			   CASE WHEN t.per_year = 'sum'
					THEN CASE WHEN pg_catalog.count(r.value) = pg_catalog.max(r.parts) THEN pg_catalog.sum(r.value) END
					ELSE CASE WHEN pg_catalog.count(r.value) >= pg_catalog.max(r.parts_required) THEN pg_catalog.avg(r.value) END
			   END,
			   3, r.kind
		FROM rolled r
		WHERE r.kind IN ('month', 'quarter') AND period_form <> 'as_loaded'
		GROUP BY r.kommune, r.period, r.kind
		/* a rolling year: where its last part is loaded, none beginning before the first period loaded */
		HAVING period_form <> 'rolling_year'
			   OR (pg_catalog.bool_or(r.part = r.parts) AND benchmark.period_start(r.period) >= pg_catalog.min(r.first_day))
	)
	SELECT DISTINCT ON (f.kommune, f.period) f.kommune, f.period, f.value, m_label
	FROM formed f
	ORDER BY f.kommune, f.period, f.priority, f.kind;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_term_derive(text, text, boolean) IS
'One term of the mapping catalog derived as (kommune, period, value, matched_label) from the observation store, or from its registered wide table where read_registered and the registration is trusted; jobindsats_term_values reads the stored series instead where there is one';

/*
 * One term's values in a period form: from its registered wide table where
 * the current user trusts the registration, else its stored series (the
 * error its derivation raised, raised again), else derived from the store.
 */
CREATE FUNCTION benchmark.jobindsats_term_values(term_name text, period_form text DEFAULT 'year')
RETURNS TABLE (kommune text, period text, value numeric, matched_label text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 600
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t benchmark.jobindsats_term;
	st benchmark.jobindsats_term_state;
BEGIN
	t := benchmark_internal.jobindsats_term_of(term_name, period_form);
	IF (benchmark_internal.jobindsats_registration(t.table_id)).table_id IS NULL THEN
		/* stored, and derived by the moment the store is read as of (no write to its table since) */
		SELECT * INTO st FROM benchmark.jobindsats_term_state x
		WHERE x.term = term_name AND x.period_form = jobindsats_term_values.period_form
		  AND x.derived_at <= coalesce(benchmark_internal.jobindsats_as_of(), 'infinity');
		IF FOUND THEN
			IF st.error_code IS NOT NULL THEN
				IF st.error_detail IS NULL AND st.error_hint IS NULL THEN
					RAISE EXCEPTION USING ERRCODE = st.error_code, MESSAGE = st.error_message;
				ELSIF st.error_hint IS NULL THEN
					RAISE EXCEPTION USING ERRCODE = st.error_code, MESSAGE = st.error_message, DETAIL = st.error_detail;
				ELSIF st.error_detail IS NULL THEN
					RAISE EXCEPTION USING ERRCODE = st.error_code, MESSAGE = st.error_message, HINT = st.error_hint;
				END IF;
				RAISE EXCEPTION USING ERRCODE = st.error_code, MESSAGE = st.error_message,
					DETAIL = st.error_detail, HINT = st.error_hint;
			END IF;
			RETURN QUERY
				SELECT s.kommune, s.period, s.value, st.matched_label
				FROM benchmark.jobindsats_term_series s
				WHERE s.term = term_name AND s.period_form = jobindsats_term_values.period_form
				ORDER BY s.kommune, s.period;
			RETURN;
		END IF;
	END IF;
	RETURN QUERY SELECT * FROM benchmark.jobindsats_term_derive(term_name, period_form, true);
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_term_values(text, text) IS
'One term of the mapping catalog as (kommune, period, value, matched_label): its table''s cells (store or registered wide table) in its breakdown, totals or else the sum over the breakdown for counts, in a period form: year (default), year_to_date, rolling_year or as_loaded; read from the stored series (jobindsats_term_series) unless the table has a registered wide table the user trusts';

/* Whether a mapping's values in a period form are read from the stored series. */
CREATE FUNCTION benchmark.jobindsats_mapping_stored(mapping_name text, period_form text)
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN EXISTS (SELECT 1 FROM benchmark.jobindsats_mapping m WHERE m.mapping = mapping_name)
		   AND NOT EXISTS (
				SELECT 1
				FROM benchmark.jobindsats_mapping m
					 CROSS JOIN LATERAL pg_catalog.unnest(m.numerator || coalesce(m.denominator, '{}')) x
					 LEFT JOIN benchmark.jobindsats_term t ON t.term = pg_catalog.ltrim(x, '-')
					 LEFT JOIN benchmark.jobindsats_term_state st
						ON st.term = t.term AND st.period_form = jobindsats_mapping_stored.period_form
				WHERE m.mapping = mapping_name
				  AND (st.term IS NULL OR st.error_code IS NOT NULL
					   OR st.derived_at > coalesce(benchmark_internal.jobindsats_as_of(), 'infinity')
					   OR (benchmark_internal.jobindsats_registration(t.table_id)).table_id IS NOT NULL));
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_mapping_stored(text, text) IS
'True when every term of the mapping has its series stored in the period form, derived without error and (when the store is read as of a moment) derived by then, and no term''s table has a registered wide table the current user trusts: its values are then read from the stored jobindsats_mapping_series';

/* One mapping's values: scale * (sum of numerator terms) / (sum of denominator terms). */
CREATE FUNCTION benchmark.jobindsats_mapping_values(mapping_name text, period_form text DEFAULT 'year')
RETURNS TABLE (kommune text, period text, value numeric)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 600
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mp benchmark.jobindsats_mapping;
	missing text;
	n_terms integer;
BEGIN
	SELECT * INTO mp FROM benchmark.jobindsats_mapping x WHERE x.mapping = mapping_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'jobindsats mapping "%" does not exist', mapping_name
			USING ERRCODE = 'undefined_object',
				HINT = 'The mappings are the rows of benchmark.jobindsats_mapping.';
	END IF;
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.ltrim(x, '-'), ', ')
	INTO missing
	FROM pg_catalog.unnest(mp.numerator || coalesce(mp.denominator, '{}')) x
	WHERE NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_term t WHERE t.term = pg_catalog.ltrim(x, '-'));
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats mapping "%" uses terms that do not exist: %', mapping_name, missing
			USING ERRCODE = 'undefined_object';
	END IF;
	IF benchmark.jobindsats_mapping_stored(mapping_name, period_form) THEN
		RETURN QUERY
			SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
			WHERE s.mapping = mapping_name AND s.period_form = jobindsats_mapping_values.period_form
			ORDER BY s.kommune, s.period;
		RETURN;
	END IF;
	SELECT pg_catalog.count(DISTINCT (s.side, s.x)) INTO n_terms
	FROM (SELECT 'n' AS side, x FROM pg_catalog.unnest(mp.numerator) x
		  UNION ALL SELECT 'd', x FROM pg_catalog.unnest(mp.denominator) x) s;

	RETURN QUERY
	WITH terms AS (
		SELECT s.side, s.x, pg_catalog.ltrim(s.x, '-') AS term, CASE WHEN s.x LIKE '-%' THEN -1 ELSE 1 END AS sign
		FROM (SELECT DISTINCT u.side, u.x
			  FROM (SELECT 'n' AS side, x FROM pg_catalog.unnest(mp.numerator) x
					UNION ALL SELECT 'd', x FROM pg_catalog.unnest(mp.denominator) x) u) s
	),
	term_values AS (
		SELECT DISTINCT t.term, v.kommune, v.period, v.value
		FROM (SELECT DISTINCT terms.term FROM terms) t,
			 LATERAL benchmark.jobindsats_term_values(t.term, period_form) v
	),
	sides AS (
		SELECT v.kommune, v.period,
			   pg_catalog.count(*) AS n,
			   pg_catalog.count(v.value) AS n_values,
			   pg_catalog.sum(t.sign * v.value) FILTER (WHERE t.side = 'n') AS numerator,
			   pg_catalog.sum(t.sign * v.value) FILTER (WHERE t.side = 'd') AS denominator
		FROM terms t JOIN term_values v ON v.term = t.term
		GROUP BY v.kommune, v.period
	)
	SELECT q.kommune, q.period, CASE WHEN q.value IS NOT NULL THEN LEAST(mp.upper_bound, q.value) END
	FROM (SELECT s.kommune, s.period,
				 CASE WHEN s.n = n_terms AND s.n_values = n_terms THEN
					  CASE WHEN mp.denominator IS NULL THEN mp.scale * s.numerator
						   ELSE mp.scale * s.numerator / NULLIF(s.denominator, 0) END END AS value
		  FROM sides s) q;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_mapping_values(text, text) IS
'A mapping of the catalog as a model source (kommune, period, value): scale * (sum of the numerator terms) / (sum of the denominator terms), at most upper_bound; NULL where a term is missing or suppressed or the denominator is 0; period forms as jobindsats_term_values';

/*
 * The preset's sources: one view per shipped mapping, in yearly periods.
 * Other period forms: a view of your own over
 * benchmark.jobindsats_mapping_values('<mapping>', 'year_to_date'), in a
 * copy of the model (README, "Reading jobindsats data").
 */
CREATE VIEW benchmark.mapped_stillingsopslag AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'stillingsopslag' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('stillingsopslag', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('stillingsopslag') m
WHERE NOT benchmark.jobindsats_mapping_stored('stillingsopslag', 'year');

COMMENT ON VIEW benchmark.mapped_stillingsopslag IS
'The shipped mapping stillingsopslag in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_virksomhedstilfredshed AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'virksomhedstilfredshed' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('virksomhedstilfredshed', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('virksomhedstilfredshed') m
WHERE NOT benchmark.jobindsats_mapping_stored('virksomhedstilfredshed', 'year');

COMMENT ON VIEW benchmark.mapped_virksomhedstilfredshed IS
'The shipped mapping virksomhedstilfredshed in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_opkvalificering AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'opkvalificering' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('opkvalificering', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('opkvalificering') m
WHERE NOT benchmark.jobindsats_mapping_stored('opkvalificering', 'year');

COMMENT ON VIEW benchmark.mapped_opkvalificering IS
'The shipped mapping opkvalificering in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_revalidering AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'revalidering' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('revalidering', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('revalidering') m
WHERE NOT benchmark.jobindsats_mapping_stored('revalidering', 'year');

COMMENT ON VIEW benchmark.mapped_revalidering IS
'The shipped mapping revalidering in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_opkvalificering_dagpenge AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'opkvalificering_dagpenge' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('opkvalificering_dagpenge', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('opkvalificering_dagpenge') m
WHERE NOT benchmark.jobindsats_mapping_stored('opkvalificering_dagpenge', 'year');

COMMENT ON VIEW benchmark.mapped_opkvalificering_dagpenge IS
'The shipped mapping opkvalificering_dagpenge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_job_efter_26_uger AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'job_efter_26_uger' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('job_efter_26_uger', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('job_efter_26_uger') m
WHERE NOT benchmark.jobindsats_mapping_stored('job_efter_26_uger', 'year');

COMMENT ON VIEW benchmark.mapped_job_efter_26_uger IS
'The shipped mapping job_efter_26_uger in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_langtidsledige AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'langtidsledige' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('langtidsledige', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('langtidsledige') m
WHERE NOT benchmark.jobindsats_mapping_stored('langtidsledige', 'year');

COMMENT ON VIEW benchmark.mapped_langtidsledige IS
'The shipped mapping langtidsledige in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_unge_i_job_og_uddannelse AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'unge_i_job_og_uddannelse' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('unge_i_job_og_uddannelse', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('unge_i_job_og_uddannelse') m
WHERE NOT benchmark.jobindsats_mapping_stored('unge_i_job_og_uddannelse', 'year');

COMMENT ON VIEW benchmark.mapped_unge_i_job_og_uddannelse IS
'The shipped mapping unge_i_job_og_uddannelse in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ingen_passive_unge AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ingen_passive_unge' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ingen_passive_unge', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ingen_passive_unge') m
WHERE NOT benchmark.jobindsats_mapping_stored('ingen_passive_unge', 'year');

COMMENT ON VIEW benchmark.mapped_ingen_passive_unge IS
'The shipped mapping ingen_passive_unge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_aktive_aktivitetsparate AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'aktive_aktivitetsparate' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('aktive_aktivitetsparate', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('aktive_aktivitetsparate') m
WHERE NOT benchmark.jobindsats_mapping_stored('aktive_aktivitetsparate', 'year');

COMMENT ON VIEW benchmark.mapped_aktive_aktivitetsparate IS
'The shipped mapping aktive_aktivitetsparate in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ledighed_fleksjob AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ledighed_fleksjob' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ledighed_fleksjob', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ledighed_fleksjob') m
WHERE NOT benchmark.jobindsats_mapping_stored('ledighed_fleksjob', 'year');

COMMENT ON VIEW benchmark.mapped_ledighed_fleksjob IS
'The shipped mapping ledighed_fleksjob in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_aktive_ikke_vestlige AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'aktive_ikke_vestlige' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('aktive_ikke_vestlige', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('aktive_ikke_vestlige') m
WHERE NOT benchmark.jobindsats_mapping_stored('aktive_ikke_vestlige', 'year');

COMMENT ON VIEW benchmark.mapped_aktive_ikke_vestlige IS
'The shipped mapping aktive_ikke_vestlige in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_forsoergelsesgab AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'forsoergelsesgab' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('forsoergelsesgab', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('forsoergelsesgab') m
WHERE NOT benchmark.jobindsats_mapping_stored('forsoergelsesgab', 'year');

COMMENT ON VIEW benchmark.mapped_forsoergelsesgab IS
'The shipped mapping forsoergelsesgab in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_delvis_raskmelding AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'delvis_raskmelding' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('delvis_raskmelding', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('delvis_raskmelding') m
WHERE NOT benchmark.jobindsats_mapping_stored('delvis_raskmelding', 'year');

COMMENT ON VIEW benchmark.mapped_delvis_raskmelding IS
'The shipped mapping delvis_raskmelding in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_borgertilfredshed AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'borgertilfredshed' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('borgertilfredshed', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('borgertilfredshed') m
WHERE NOT benchmark.jobindsats_mapping_stored('borgertilfredshed', 'year');

COMMENT ON VIEW benchmark.mapped_borgertilfredshed IS
'The shipped mapping borgertilfredshed in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_dagpenge AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_dagpenge' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_dagpenge', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_dagpenge') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_dagpenge', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_dagpenge IS
'The shipped mapping ydelse_dagpenge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_kontanthjaelp AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_kontanthjaelp' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_kontanthjaelp', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_kontanthjaelp') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_kontanthjaelp', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_kontanthjaelp IS
'The shipped mapping ydelse_kontanthjaelp in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_uddannelseshjaelp AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_uddannelseshjaelp' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_uddannelseshjaelp', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_uddannelseshjaelp') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_uddannelseshjaelp', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_uddannelseshjaelp IS
'The shipped mapping ydelse_uddannelseshjaelp in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_revalidering AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_revalidering' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_revalidering', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_revalidering') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_revalidering', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_revalidering IS
'The shipped mapping ydelse_revalidering in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_integration AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_integration' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_integration', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_integration') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_integration', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_integration IS
'The shipped mapping ydelse_integration in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_sygedagpenge AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_sygedagpenge' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_sygedagpenge', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_sygedagpenge') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_sygedagpenge', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_sygedagpenge IS
'The shipped mapping ydelse_sygedagpenge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_jobafklaring AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_jobafklaring' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_jobafklaring', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_jobafklaring') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_jobafklaring', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_jobafklaring IS
'The shipped mapping ydelse_jobafklaring in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_ressourceforloeb AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_ressourceforloeb' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_ressourceforloeb', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_ressourceforloeb') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_ressourceforloeb', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_ressourceforloeb IS
'The shipped mapping ydelse_ressourceforloeb in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_ledighedsydelse AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_ledighedsydelse' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_ledighedsydelse', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_ledighedsydelse') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_ledighedsydelse', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_ledighedsydelse IS
'The shipped mapping ydelse_ledighedsydelse in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_fleksjob AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_fleksjob' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_fleksjob', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_fleksjob') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_fleksjob', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_fleksjob IS
'The shipped mapping ydelse_fleksjob in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE VIEW benchmark.mapped_ydelse_foertidspension AS
SELECT s.kommune, s.period, s.value FROM benchmark.jobindsats_mapping_series s
WHERE s.mapping = 'ydelse_foertidspension' AND s.period_form = 'year' AND benchmark.jobindsats_mapping_stored('ydelse_foertidspension', 'year')
UNION ALL
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_foertidspension') m
WHERE NOT benchmark.jobindsats_mapping_stored('ydelse_foertidspension', 'year');

COMMENT ON VIEW benchmark.mapped_ydelse_foertidspension IS
'The shipped mapping ydelse_foertidspension in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

/*
 * What a model's mappings miss in the loaded data, per measure and benefit
 * and term, before a run fails or leaves municipalities out: one row per
 * term of every source that is a view over jobindsats_mapping_values (its
 * period form read from the view), one row per other source (checked as the
 * runner checks sources, its values not looked into).  problem is NULL when
 * nothing is missing; periods are the periods without any value, kommuner
 * the municipalities (not excluded by the model) without a value in some of
 * the other periods.  The periods looked at: period_label (and for the
 * benefits the baseline years), or else every period some term of the
 * model delivers (and for the benefits the baseline years).
 */
CREATE FUNCTION benchmark.model_missing_data(model_name text, period_label text DEFAULT NULL)
RETURNS TABLE (part text, name text, source text, mapping text, term text, table_id text, measure_label text,
			   matched_label text, matched_how text, problem text, detail text, periods text[], kommuner text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	md benchmark.model;
	item record;
	tm benchmark.jobindsats_term;
	found_mapping text[];
	mapping_name text;
	form text;
	labels text[];
	mt record;
	sp record;
	missing_values text[];
	n integer := 0;
	found_rows jsonb := '[]';
	r jsonb;
BEGIN
	SELECT * INTO md FROM benchmark.model x WHERE x.model = model_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', model_name USING ERRCODE = 'undefined_object';
	END IF;
	IF period_label IS NOT NULL THEN
		period_label := benchmark.period_canonical(period_label);
	END IF;

	FOR item IN
		SELECT 'measure' AS part, x.measure AS name, x.source, x.area_no * 1000 + x.position AS ord
		FROM benchmark.model_measure x
		WHERE x.model = model_name
		UNION ALL
		SELECT 'benefit', x.benefit, x.source, 1000000 + x.position FROM benchmark.model_benefit x WHERE x.model = model_name
		ORDER BY ord
	LOOP
		found_mapping := NULL;
		IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(item.source)) IN ('v', 'm') THEN
			found_mapping := pg_catalog.regexp_match(pg_catalog.pg_get_viewdef(pg_catalog.to_regclass(item.source)),
													 'jobindsats_mapping_values\(''((?:[^'']|'''')+)''(?:::text)?(?:,\s*''([a-z_]+)'')?');
		END IF;
		IF found_mapping IS NULL THEN
			sp := benchmark.source_problem(item.source);
			n := n + 1;
			found_rows := found_rows || pg_catalog.jsonb_build_object(
				'n', n, 'part', item.part, 'name', item.name, 'source', item.source, 'problem', sp.problem,
				'detail', 'Not a view over benchmark.jobindsats_mapping_values: its values are not checked here.');
			CONTINUE;
		END IF;
		mapping_name := pg_catalog.replace(found_mapping[1], '''''', '''');
		form := coalesce(found_mapping[2], 'year');
		FOR tm IN
			SELECT t.* FROM benchmark.jobindsats_term t
			WHERE t.term IN (SELECT pg_catalog.ltrim(x, '-') FROM benchmark.jobindsats_mapping mp,
								 pg_catalog.unnest(mp.numerator || coalesce(mp.denominator, '{}')) x
							 WHERE mp.mapping = mapping_name)
			ORDER BY t.term
		LOOP
			n := n + 1;
			r := pg_catalog.jsonb_build_object('n', n, 'part', item.part, 'name', item.name, 'source', item.source,
											   'mapping', mapping_name, 'term', tm.term, 'table_id', tm.table_id,
											   'measure_label', tm.measure);
			BEGIN
				labels := benchmark.jobindsats_table_measures(tm.table_id);
			EXCEPTION WHEN OTHERS THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'table cannot be read', 'detail', SQLERRM));
				CONTINUE;
			END;
			IF labels IS NULL THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'table not loaded', 'detail',
					pg_catalog.format('Load jobindsats table %s with benchmark.jobindsats_load(%L, <download>), or register its wide table in benchmark.jobindsats_source.',
									  tm.table_id, tm.table_id)));
				CONTINUE;
			END IF;
			mt := benchmark.jobindsats_label_match(tm.measure, labels);
			IF mt.matched_label IS NULL
			   OR (tm.per_cent_measure IS NOT NULL AND (benchmark.jobindsats_label_match(tm.per_cent_measure, labels)).matched_label IS NULL) THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'measure not found', 'detail',
					pg_catalog.format('No measure matches "%s"; the table''s measures: %s',
									  CASE WHEN mt.matched_label IS NULL THEN tm.measure ELSE tm.per_cent_measure END,
									  pg_catalog.array_to_string((SELECT pg_catalog.array_agg(l ORDER BY l) FROM pg_catalog.unnest(labels) l), '; '))));
				CONTINUE;
			END IF;
			r := r || pg_catalog.jsonb_build_object('matched_label', mt.matched_label, 'matched_how', mt.matched_how);
			/* the breakdown values the term names that the table lacks */
			SELECT pg_catalog.array_agg(w.dimension || ' = ' || w.value ORDER BY w.dimension, w.value) INTO missing_values
			FROM benchmark_internal.jobindsats_named_values(tm.dimensions) w
			WHERE NOT benchmark.jobindsats_is_total(w.dimension, w.value)
			  AND NOT EXISTS (SELECT 1
							  FROM benchmark.jobindsats_table_breakdowns(tm.table_id, mt.matched_label) b(dimensions),
								   pg_catalog.jsonb_each_text(b.dimensions) j
							  WHERE benchmark.jobindsats_label_key(j.key) = benchmark.jobindsats_label_key(w.dimension)
								AND benchmark.jobindsats_label_key(j.value) = benchmark.jobindsats_label_key(w.value));
			IF missing_values IS NOT NULL THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'breakdown values not found',
					'detail', 'Not in the loaded table: ' || pg_catalog.array_to_string(missing_values, '; ')));
				CONTINUE;
			END IF;
			found_rows := found_rows || (r || pg_catalog.jsonb_build_object('check', true, 'form', form, 'detail',
				pg_catalog.format('Read in the period form %s.', form)));
		END LOOP;
	END LOOP;

	RETURN QUERY
	WITH found AS (
		SELECT x.* FROM pg_catalog.jsonb_to_recordset(found_rows)
			AS x(n integer, part text, name text, source text, mapping text, term text, table_id text, measure_label text,
				 matched_label text, matched_how text, problem text, detail text, "check" boolean, form text)
	),
	vals AS MATERIALIZED (
		/* the values of the terms checked, read once here rather than gathered term by term */
		SELECT f.n, v.kommune, v.period, v.value
		FROM found f CROSS JOIN LATERAL benchmark.jobindsats_term_values(f.term, f.form) v
		WHERE f."check"
	),
	expected AS (
		SELECT f.n, p.period
		FROM found f,
			 LATERAL (SELECT period_label AS period WHERE period_label IS NOT NULL
					  UNION
					  SELECT DISTINCT v.period FROM vals v WHERE period_label IS NULL
					  UNION
					  SELECT y::text FROM pg_catalog.generate_series(md.baseline_from, md.baseline_to) y WHERE f.part = 'benefit') p
		WHERE f."check"
	),
	empty_periods AS (
		SELECT e.n, pg_catalog.array_agg(e.period ORDER BY e.period) AS periods
		FROM expected e
		WHERE NOT EXISTS (SELECT 1 FROM vals v WHERE v.n = e.n AND v.period = e.period AND v.value IS NOT NULL)
		GROUP BY e.n
	),
	lacking AS (
		SELECT e.n, k.name, pg_catalog.array_agg(e.period ORDER BY e.period) AS periods
		FROM expected e
		CROSS JOIN @extschema@.kommuner() k
		WHERE EXISTS (SELECT 1 FROM vals v WHERE v.n = e.n AND v.period = e.period AND v.value IS NOT NULL)
		  AND NOT EXISTS (SELECT 1 FROM benchmark.model_excluded x WHERE x.model = model_name AND x.kommune OPERATOR(@extschema@.=) k.kommune)
		  AND NOT EXISTS (SELECT 1 FROM vals v WHERE v.n = e.n AND v.period = e.period AND v.kommune = k.name AND v.value IS NOT NULL)
		GROUP BY e.n, k.name
	),
	lacking_list AS (
		SELECT l.n, pg_catalog.array_agg(l.name || ' (' || pg_catalog.array_to_string(l.periods, ', ') || ')' ORDER BY l.name) AS kommuner
		FROM lacking l GROUP BY l.n
	)
	SELECT f.part, f.name, f.source, f.mapping, f.term, f.table_id, f.measure_label, f.matched_label, f.matched_how,
		   coalesce(f.problem, CASE WHEN ep.periods IS NOT NULL THEN 'periods missing'
									WHEN ll.kommuner IS NOT NULL THEN 'municipalities missing' END),
		   f.detail, ep.periods, ll.kommuner
	FROM found f
	LEFT JOIN empty_periods ep ON ep.n = f.n
	LEFT JOIN lacking_list ll ON ll.n = f.n
	ORDER BY f.n;
END
$$;

COMMENT ON FUNCTION benchmark.model_missing_data(text, text) IS
'What a model''s jobindsats mappings miss in the loaded data, per measure, benefit and term: table not loaded, measure not found (with the table''s labels), breakdown values not found, periods without any value, municipalities without a value; which label each term matched and how; problem NULL when nothing is missing';

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
