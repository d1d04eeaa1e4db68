/* benchmark 1.5 -> 1.6: the hand-written part (the Makefile appends the table-free layers) */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.6'" to load this file. \quit

/* Names bind in pg_catalog only (see sql/layers/05_schema.sql). */
SET LOCAL search_path = pg_catalog, pg_temp;

/*
 * Rankings are stored out of line uncompressed: PostgreSQL reads such a value
 * with an index scan that a cancel interrupts, while a compressed value is
 * decompressed in one uninterruptible step (0.7 s for a 10-million-entity
 * ranking).  Columns created before keep their storage (see Upgrading).
 */
ALTER TYPE @extschema@.ranking SET (STORAGE = external);

/* The DROP EXTENSION guard also counts terms, mappings, registrations and loaded observations. */
COMMENT ON FUNCTION benchmark.drop_guard() IS
'Event trigger function: refuses DROP EXTENSION benchmark without CASCADE while users'' models, targets, peer groups, jobindsats terms, mappings, registered wide tables or loaded observations exist, and says what and how much';
COMMENT ON EVENT TRIGGER benchmark_drop_guard IS
'Keeps DROP EXTENSION benchmark (without CASCADE) from deleting the rows users added or loaded';

/*
 * Registrations of wide tables name their registrant; a registration is read
 * only by roles that trust it.  Existing registrations are attributed to the
 * owner of the table they name (the role whose table other users' runs read),
 * or to the role that upgrades when the table is gone.
 */
ALTER TABLE benchmark.jobindsats_source ADD COLUMN registered_by name;
UPDATE benchmark.jobindsats_source s
SET registered_by = COALESCE((SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c
							  WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(s.relation)), CURRENT_USER);
ALTER TABLE benchmark.jobindsats_source ALTER COLUMN registered_by SET DEFAULT CURRENT_USER,
	ALTER COLUMN registered_by SET NOT NULL;
COMMENT ON COLUMN benchmark.jobindsats_source.registered_by IS
'The role that registered the wide table (set by the catalog on every insert and update): a registration is read only by roles that trust it as they trust a source''s owner (itself, a superuser, or a role in benchmark.trusted_owners); others read the store';

/*
 * The readers of jobindsats downloads return the line (or row) of every cell
 * and take a decimal_mark; jobindsats_number takes one too.  A function's
 * result columns and arguments cannot change in place: the old ones go, and
 * the layers create the new ones (and the text and bytea forms of
 * jobindsats_json).  Nothing in the extension depends on them but dynamic
 * SQL.  Roles granted loading get EXECUTE on them again from grant_access.
 */
DROP FUNCTION benchmark.jobindsats_csv(text, text, text[]);
DROP FUNCTION benchmark.jobindsats_csv(bytea, text, text[], text);
DROP FUNCTION benchmark.jobindsats_json(jsonb, text, text[]);
DROP FUNCTION benchmark.jobindsats_number(text);

/*
 * The stored series: what each term of the mapping catalog derives from the
 * observation store, per municipality and period, in each period form
 * jobindsats_series_form names (sql/layers/63_jobindsats_series.sql keeps
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
	CONSTRAINT jobindsats_series_form_known CHECK (period_form IN ('year', 'year_to_date', 'rolling_year', 'as_loaded'))
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
	CONSTRAINT jobindsats_term_state_error_code_format CHECK (error_code ~ '^[0-9A-Z]{5}$')
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
