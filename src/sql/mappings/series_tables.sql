/*
 * The stored series: what each term of the mapping catalog derives from the
 * observation store, per municipality and period, in each period form
 * jobindsats_series_form names (src/sql/mappings/series.sql keeps
 * them up to date).  A load, a revision or a change of a term brings them up
 * to date in the same statement, so the mappings and the preset read plain
 * rows instead of deriving every series on every call.
 *
 * The series are derived data: pg_dump leaves them out, and a restore derives
 * them again as it loads the store and the catalog (the triggers fire on its
 * COPY).  A term whose table has a wide table registered that the reader
 * trusts is read from that table, live, as before.
 */

CREATE TABLE benchmark.jobindsats_series_form (
	period_form text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT jobindsats_series_form_pkey PRIMARY KEY (period_form),
	CONSTRAINT jobindsats_series_form_known CHECK (period_form OPERATOR(pg_catalog.=) ANY (ARRAY['year', 'year_to_date', 'rolling_year', 'as_loaded']))
);

COMMENT ON TABLE benchmark.jobindsats_series_form IS
'The period forms whose series are stored for every term (year, shipped); add year_to_date, rolling_year or as_loaded when a model reads them, and their series are derived at once; forms not named are derived on every read';
COMMENT ON COLUMN benchmark.jobindsats_series_form.period_form IS
'A period form of jobindsats_term_values: year, year_to_date, rolling_year or as_loaded';
COMMENT ON COLUMN benchmark.jobindsats_series_form.shipped IS
'True for the form shipped with the extension (read-only, not dumped)';

INSERT INTO benchmark.jobindsats_series_form (period_form, shipped) VALUES ('year', true);

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_series_form', 'WHERE NOT shipped');

/* One row per stored term and form: how its label matched, or the error its derivation raised. */
CREATE TABLE benchmark.jobindsats_term_state (
	term text NOT NULL,
	period_form text NOT NULL,
	matched_label text,
	error_code text,
	error_message text,
	error_detail text,
	error_hint text,
	derived_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT jobindsats_term_state_pkey PRIMARY KEY (term, period_form),
	CONSTRAINT jobindsats_term_state_error_code_format CHECK (error_code OPERATOR(pg_catalog.~) '^[0-9A-Z]{5}$')
);

COMMENT ON TABLE benchmark.jobindsats_term_state IS
'Derived data: one row per term and stored period form, saying how the term''s measure label matched the store''s labels, or the error deriving it raised (raised again to whoever reads the term)';
COMMENT ON COLUMN benchmark.jobindsats_term_state.matched_label IS
'The store''s measure label the term''s measure matched; NULL when the table is not loaded or no breakdown fits';
COMMENT ON COLUMN benchmark.jobindsats_term_state.error_code IS
'The SQLSTATE of the error deriving the term raised (a measure the table lacks: 42703); NULL when it was derived';
COMMENT ON COLUMN benchmark.jobindsats_term_state.derived_at IS
'When the series was derived: the statement of the load, revision or catalog change that last touched it';

CREATE TABLE benchmark.jobindsats_term_series (
	term text NOT NULL,
	period_form text NOT NULL,
	kommune text NOT NULL,
	period text NOT NULL,
	value numeric,
	CONSTRAINT jobindsats_term_series_pkey PRIMARY KEY (term, period_form, period, kommune)
);

COMMENT ON TABLE benchmark.jobindsats_term_series IS
'Derived data: the values each term derives from the observation store, per municipality and period, in each stored period form (jobindsats_series_form); read through jobindsats_term_values';
COMMENT ON COLUMN benchmark.jobindsats_term_series.kommune IS
'The municipality''s official name';
COMMENT ON COLUMN benchmark.jobindsats_term_series.value IS
'The term''s value; NULL where a cell is suppressed or too few months have a value (never 0)';

CREATE TABLE benchmark.jobindsats_mapping_series (
	mapping text NOT NULL,
	period_form text NOT NULL,
	kommune text NOT NULL,
	period text NOT NULL,
	value numeric,
	CONSTRAINT jobindsats_mapping_series_pkey PRIMARY KEY (mapping, period_form, period, kommune)
);

COMMENT ON TABLE benchmark.jobindsats_mapping_series IS
'Derived data: each mapping over the stored series of its terms, per municipality and period, in each stored period form: scale * (sum of numerator terms) / (sum of denominator terms), as jobindsats_mapping_values computes it; read by the preset''s mapped_* views where jobindsats_mapping_stored is true';
COMMENT ON COLUMN benchmark.jobindsats_mapping_series.value IS
'The mapping''s value; NULL where a term is missing or suppressed or the denominator is 0';

GRANT SELECT ON benchmark.jobindsats_series_form, benchmark.jobindsats_term_state, benchmark.jobindsats_term_series,
	benchmark.jobindsats_mapping_series TO PUBLIC;
