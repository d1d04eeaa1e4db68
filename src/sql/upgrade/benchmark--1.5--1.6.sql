/* benchmark 1.5 -> 1.6: the hand-written part (the Makefile appends the table-free layers) */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.6'" to load this file. \quit

/* Names bind in pg_catalog only (see src/sql/operations/schema.sql). */
SET LOCAL search_path = pg_catalog, pg_temp;

/*
 * Rankings are stored out of line uncompressed: PostgreSQL reads such a value
 * with an index scan that a cancel interrupts, while a compressed value is
 * decompressed in one uninterruptible step (0.7 s for a 10-million-entity
 * ranking).  Columns created before keep their storage (see Upgrading).
 */
ALTER TYPE @extschema@.ranking SET (STORAGE = external);

/*
 * What users never call moves to schema benchmark_internal (see
 * src/sql/operations/schema.sql), so that schema benchmark and the engine's
 * schema list what they call: the support functions of the engine's types,
 * operators and aggregates, trigger functions and the inner steps of the
 * runner, the loader and the explaining reports.  Types, operators,
 * aggregates, triggers, constraints and functions that use them follow them;
 * the layers then replace those that name them in their text.
 */
CREATE SCHEMA benchmark_internal;
COMMENT ON SCHEMA benchmark_internal IS
'The benchmark extension''s internal functions: the support functions of its types, operators and aggregates, trigger functions and the inner steps of the runner, the loader, the explaining reports and the report; not called by users';
GRANT USAGE ON SCHEMA benchmark_internal TO PUBLIC;

/* the engine's support functions: the types' input and output, the operators' and operator classes', the aggregates' states */
ALTER FUNCTION @extschema@.kommune_cmp(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_eq(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_eq_text(@extschema@.kommune, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_ge(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_gt(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_hash(@extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_hash_extended(@extschema@.kommune, bigint) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_in(cstring) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_le(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_lt(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_ne(@extschema@.kommune, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_ne_text(@extschema@.kommune, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_out(@extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_recv(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.kommune_send(@extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_combine(internal, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_deserialize(bytea, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_final(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_serialize(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, integer) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, integer, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, text, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.ranking, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, integer) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, integer, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_combine(internal, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_deserialize(bytea, internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_final(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_serialize(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_transfn(internal, text, double precision, boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.rank_values_transfn(internal, @extschema@.kommune, double precision, boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_eq(@extschema@.ranking, @extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_in(cstring) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_ne(@extschema@.ranking, @extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_out(@extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_recv(internal) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.ranking_send(@extschema@.ranking) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.text_eq_kommune(text, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.text_ne_kommune(text, @extschema@.kommune) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, integer, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, numeric, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, integer, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, text, numeric, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.ranking, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.ranking, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, integer, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, integer, numeric, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, numeric, numeric) SET SCHEMA benchmark_internal;
ALTER FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, numeric, numeric, text) SET SCHEMA benchmark_internal;
/* the runner's, the catalog's, the loader's and the explaining reports' */
ALTER FUNCTION benchmark.drop_guard() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_arguments(text, text, text[], text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_data_check(text, text, text[], text[], boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_part_order(text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_total_inputs(text, text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.explain_what_if(text, text, text, boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.jobindsats_named_values(jsonb) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.jobindsats_wide_cell_error(text, anyelement) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.jobindsats_wide_cells(regclass, text, text[], jsonb) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_periods_read(text, text[], boolean) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_source_errors(text, text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_source_failing(text, text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.model_sources_sql(text, text[], text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.period_in_years(text, integer, integer) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.protect_shipped() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.reference_cascade() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.reference_check() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.restoring_dump() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.source_check(text, text, text[], text[]) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.source_kind_check() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.source_owner_trusted(oid) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.target_milestone_validate() SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.target_source_has_ratio(text) SET SCHEMA benchmark_internal;
ALTER FUNCTION benchmark.target_validate() SET SCHEMA benchmark_internal;

/*
 * One name for each argument: model_name, kommune_name, period_label,
 * target_name, peer_group_name.  CREATE OR REPLACE cannot rename a
 * function's arguments, so the functions whose arguments are renamed go,
 * and the layers create them anew.  The runner, target status and rank
 * intervals have views and functions of the extension built on them (and
 * perhaps users' views on those views): they are set aside under another
 * name, which those objects follow until the layers point them at the new
 * functions, and dropped at the end (src/sql/upgrade/benchmark--1.5--1.6.end.sql).
 * model_rankings takes one period as text; several periods go to
 * model_rankings_for.
 */
DROP FUNCTION benchmark.model_changes(text, text, text, text);
DROP FUNCTION benchmark.model_placement_gaps(text, text);
DROP FUNCTION benchmark.model_what_it_takes(text, text, text);
DROP FUNCTION benchmark.model_next_place(text, text, text);
DROP FUNCTION benchmark.model_sensitivity(text, text, integer, numeric, integer);
DROP FUNCTION benchmark.model_scenarios(text, text);
DROP FUNCTION benchmark.peer_averages(text, text, text);
DROP FUNCTION benchmark.peer_group_copy(text, text);
ALTER FUNCTION benchmark.model_rankings(text, text[]) RENAME TO model_rankings_1_5;
ALTER FUNCTION benchmark.target_status_for(text, text) RENAME TO target_status_for_1_5;
ALTER FUNCTION benchmark.model_rank_intervals_for(text, integer, numeric, integer) RENAME TO model_rank_intervals_for_1_5;

/* source_select reads a target source's numerator and denominator too: the layers create it anew */
DROP FUNCTION benchmark.source_select(regclass, text, text, text[]);

/* The DROP EXTENSION guard also counts terms, mappings, registrations and loaded observations. */
COMMENT ON FUNCTION benchmark_internal.drop_guard() IS
'Event trigger function: refuses DROP EXTENSION benchmark without CASCADE while users'' models, targets, peer groups, jobindsats terms, mappings, registered wide tables, measure labels, stored period forms, loaded observations, logged loads, kept vintages or pinned moments exist, and says what and how much';
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

/*
 * The observation store holds only what a load would accept: a canonical
 * period, and an area as a load writes it with its kommune.  A store that
 * holds other rows (written directly) stops the upgrade at the failing
 * check; correct or delete them (see Upgrading in docs/operations.md).
 * Its key is ordered as the mappings read it, so one index serves them and
 * the loads; every cell names the load that brought its value.
 */
CREATE FUNCTION benchmark.jobindsats_area_fits(area text, kommune @extschema@.kommune)
RETURNS boolean
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_fits';

COMMENT ON FUNCTION benchmark.jobindsats_area_fits(text, @extschema@.kommune) IS
'Whether an area and kommune are as a load stores them: a municipality''s official name with its kommune, or "Hele landet", a region, a landsdel, a RAR area or "Uoplyst område" with kommune NULL (the check of jobindsats_observation)';

DROP INDEX benchmark.jobindsats_observation_series;
ALTER TABLE benchmark.jobindsats_observation
	ADD COLUMN load_id bigint,
	DROP CONSTRAINT jobindsats_observation_pkey,
	ADD CONSTRAINT jobindsats_observation_pkey PRIMARY KEY (table_id, measure, area, period, dimensions),
	ADD CONSTRAINT jobindsats_observation_period_canonical CHECK (CASE WHEN benchmark.period_is_valid(period) THEN benchmark.period_canonical(period) OPERATOR(pg_catalog.=) period ELSE false END),
	ADD CONSTRAINT jobindsats_observation_area_fits CHECK (benchmark.jobindsats_area_fits(area, kommune));
COMMENT ON COLUMN benchmark.jobindsats_observation.load_id IS
'The load (benchmark.jobindsats_loads) that brought the current value; NULL for a value written directly';

/* The load log (src/sql/store/store_tables.sql). */
CREATE TABLE benchmark.jobindsats_loads (
	load_id bigint GENERATED BY DEFAULT AS IDENTITY,
	table_id text NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	loaded_by name NOT NULL DEFAULT CURRENT_USER,
	reader text NOT NULL,
	digest bytea,
	first_period text,
	last_period text,
	added bigint NOT NULL,
	replaced bigint NOT NULL,
	unchanged bigint NOT NULL,
	repeated bigint NOT NULL,
	not_municipal bigint NOT NULL,
	municipalities jsonb NOT NULL DEFAULT '{}',
	short_periods text[] NOT NULL DEFAULT '{}',
	CONSTRAINT jobindsats_loads_pkey PRIMARY KEY (load_id),
	CONSTRAINT jobindsats_loads_table_id_format CHECK (table_id OPERATOR(pg_catalog.~) '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_loads_reader_known CHECK (reader OPERATOR(pg_catalog.=) ANY (ARRAY['csv', 'json', 'wide'])),
	CONSTRAINT jobindsats_loads_counts CHECK (added OPERATOR(pg_catalog.>=) 0 AND replaced OPERATOR(pg_catalog.>=) 0 AND unchanged OPERATOR(pg_catalog.>=) 0
		AND repeated OPERATOR(pg_catalog.>=) 0 AND not_municipal OPERATOR(pg_catalog.>=) 0),
	CONSTRAINT jobindsats_loads_municipalities_object CHECK (pg_catalog.jsonb_typeof(municipalities) OPERATOR(pg_catalog.=) 'object')
);

COMMENT ON TABLE benchmark.jobindsats_loads IS
'The load log: one row per jobindsats_load (the document''s digest, its periods, the counts it reported, the municipalities per period); jobindsats_observation.load_id names the load that brought a value';
COMMENT ON COLUMN benchmark.jobindsats_loads.load_id IS
'The load''s id, as jobindsats_load returns it and jobindsats_observation.load_id names it';
COMMENT ON COLUMN benchmark.jobindsats_loads.table_id IS
'The jobindsats table id in upper case';
COMMENT ON COLUMN benchmark.jobindsats_loads.loaded_by IS
'The role that loaded';
COMMENT ON COLUMN benchmark.jobindsats_loads.reader IS
'How the document was read: csv (jobindsats_csv), json (jobindsats_json) or wide (jobindsats_wide)';
COMMENT ON COLUMN benchmark.jobindsats_loads.digest IS
'sha256 of the document as given (the text''s bytes in the server encoding, the bytes, or the jsonb''s text); NULL for a wide table';
COMMENT ON COLUMN benchmark.jobindsats_loads.added IS
'Cells not stored before';
COMMENT ON COLUMN benchmark.jobindsats_loads.replaced IS
'Stored cells whose value the load changed';
COMMENT ON COLUMN benchmark.jobindsats_loads.unchanged IS
'Stored cells whose value the document repeats';
COMMENT ON COLUMN benchmark.jobindsats_loads.repeated IS
'Rows of the document that repeat an earlier row of it exactly (key and value), read once';
COMMENT ON COLUMN benchmark.jobindsats_loads.not_municipal IS
'Cells of areas that are not municipalities ("Hele landet", regions, landsdele, RAR areas, "Uoplyst område")';
COMMENT ON COLUMN benchmark.jobindsats_loads.municipalities IS
'Per period of the document, how many municipalities it holds: {"2023M01": 98, ...}';
COMMENT ON COLUMN benchmark.jobindsats_loads.short_periods IS
'Periods with fewer municipalities than the document''s other periods or than earlier loads of the table held for the neighbouring periods: a truncated or partial download';

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_loads', '');
SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_loads_load_id_seq', '');

GRANT SELECT ON benchmark.jobindsats_loads TO PUBLIC;

/* The measure labels of the jobindsats tables (src/sql/store/store_tables.sql). */
CREATE TABLE benchmark.jobindsats_measure_label (
	table_id text NOT NULL,
	measure text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT jobindsats_measure_label_pkey PRIMARY KEY (table_id, measure),
	CONSTRAINT jobindsats_measure_label_table_id_format CHECK (table_id OPERATOR(pg_catalog.~) '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_measure_label_measure_given CHECK (measure OPERATOR(pg_catalog.<>) '')
);

COMMENT ON TABLE benchmark.jobindsats_measure_label IS
'The measure labels of jobindsats tables (shipped: the tables the preset reads and Y30R21): a load under a listed table id whose labels fit none of the table''s is refused, naming the tables they fit';
COMMENT ON COLUMN benchmark.jobindsats_measure_label.measure IS
'A measure label as the API writes it; a document''s label fits it ignoring case and a "group: " prefix';

INSERT INTO benchmark.jobindsats_measure_label (table_id, measure, shipped)
SELECT t.table_id, m.measure, true
FROM pg_catalog.unnest(ARRAY['Y01A02', 'Y04A02', 'Y07A02', 'Y08A02', 'Y09A02', 'Y10A02', 'Y11A02', 'Y12A02',
							 'Y35A02', 'Y38A02', 'Y60A02', 'PTVA02']) t(table_id),
	 pg_catalog.unnest(ARRAY['Antal personer', 'Antal fuldtidspersoner',
							 'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år', 'Fuldtidspersoner i pct. af befolkningen 16-66 år',
							 'Fuldtidspersoner i pct. af arbejdsstyrken']) m(measure)
UNION ALL
SELECT v.table_id, v.measure, true
FROM (VALUES
	('PTVC01', 'Antal aktiverede'), ('PTVC01', 'Antal fuldtidsaktiverede'),
	('PTVC01', 'Fuldtidsaktiverede i pct. af arbejdsstyrken 16-66 år'),
	('PTVC02', 'Antal aktiverede'),
	('Y01C01', 'Antal aktiverede'), ('Y01C01', 'Antal fuldtidsaktiverede'),
	('Y01C01', 'Fuldtidsaktiverede i pct. af arbejdsstyrken'),
	('OTIJ01', 'Antal personer i alt'), ('OTIJ01', 'Antal personer med ordinære timer'),
	('OTIJ01', 'Andel personer med ordinære timer'), ('OTIJ01', 'Gennemsnitligt timetal pr person med ordinære timer'),
	('OTIJ01', 'Gennemsnitligt antal ordinære timer pr. måned'),
	('Y14D03', 'Antal afsluttede forløb'), ('Y14D03', 'Efterfølgende beskæftigelse: I samme virksomhed'),
	('Y14D03', 'Efterfølgende beskæftigelse: I anden virksomhed i samme branche'),
	('Y14D03', 'Efterfølgende beskæftigelse: I anden virksomhed i anden branche'),
	('Y14D03', 'Efterfølgende beskæftigelse: Ingen beskæftigelse'), ('Y14D03', 'Gennemsnitlig beskæftigelsesgrad'),
	('Y25I07', 'Antal stillinger'), ('Y25I07', 'Dagligt gennemsnitligt antal stillinger'),
	('Y25I07', 'Antal nyopslåede stillinger'),
	('Y25I09', 'Antal langtidsledige fuldtidspersoner'), ('Y25I09', 'Antal langtidsledige personer'),
	('Y25I09', 'Antal bruttoledige personer'), ('Y25I09', 'Andel langtidsledige personer ift. bruttoledige personer'),
	('Y38B15', 'Andel 3 måneder efter (pct.)'),
	('Y30R21', 'Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Forventet antal'),
	('Y30R21', 'Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal'),
	('Y30R21', 'Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk antal'),
	('Y30R21', 'Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forventet andel (pct.)'),
	('Y30R21', 'Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Faktisk andel (pct.)'),
	('Y30R21', 'Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk andel (pct. point)'),
	('Y30R21', 'Placering på benchmarkranglisten')) v(table_id, measure);

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_measure_label', 'WHERE NOT shipped');

GRANT SELECT ON benchmark.jobindsats_measure_label TO PUBLIC;

/*
 * jobindsats_load returns the load id, the repeated rows, the municipalities
 * per period and the short periods after the counts, and is written in C
 * (its errors without the loader's internal context): the old functions go
 * and the layers create the new ones.  Roles granted loading get EXECUTE on
 * them again from grant_access.
 */
DROP FUNCTION benchmark.jobindsats_load(text, text, text[], boolean);
DROP FUNCTION benchmark.jobindsats_load(text, bytea, text[], text, boolean);
DROP FUNCTION benchmark.jobindsats_load(text, jsonb, text[], boolean);
DROP FUNCTION benchmark.jobindsats_load(text, regclass, text[], jsonb, boolean);
DROP FUNCTION benchmark.jobindsats_load_cells(text, text, anyelement, text[], text, jsonb, boolean);

/* The vintages of the observation store (src/sql/vintages/vintage_tables.sql). */
CREATE TABLE benchmark.jobindsats_observation_revision (
	revision_id bigint GENERATED ALWAYS AS IDENTITY,
	table_id text NOT NULL,
	area text NOT NULL,
	kommune @extschema@.kommune,
	period text NOT NULL,
	dimensions jsonb NOT NULL,
	measure text NOT NULL,
	value numeric,
	stored_at timestamptz NOT NULL,
	load_id bigint,
	replaced_at timestamptz NOT NULL,
	replaced_by bigint,
	CONSTRAINT jobindsats_observation_revision_pkey PRIMARY KEY (revision_id)
);

/* a cell's vintages in order, by the store's key */
CREATE INDEX jobindsats_observation_revision_cell ON benchmark.jobindsats_observation_revision
	(table_id, measure, area, period, dimensions, replaced_at);

COMMENT ON TABLE benchmark.jobindsats_observation_revision IS
'The vintages of the observation store: one row per value a load or a write replaced or removed, with the load that brought it (load_id) and the moment it went (replaced_at); jobindsats_observation_as_of reads the store as it was at a moment';
COMMENT ON COLUMN benchmark.jobindsats_observation_revision.value IS
'The value the cell held until replaced_at';
COMMENT ON COLUMN benchmark.jobindsats_observation_revision.stored_at IS
'When the value was stored';
COMMENT ON COLUMN benchmark.jobindsats_observation_revision.load_id IS
'The load (benchmark.jobindsats_loads) that brought the value; NULL for a value written directly';
COMMENT ON COLUMN benchmark.jobindsats_observation_revision.replaced_at IS
'When the value was replaced or removed (the start of the transaction that did it)';
COMMENT ON COLUMN benchmark.jobindsats_observation_revision.replaced_by IS
'The load that replaced the value; NULL when a direct write replaced or removed it';

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation_revision', '');
SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation_revision_revision_id_seq', '');

GRANT SELECT ON benchmark.jobindsats_observation_revision TO PUBLIC;

/*
 * The moments reports point to: a committee's report names the moment its
 * figures were read, and a prune keeps every vintage such a moment needs.
 */
CREATE TABLE benchmark.jobindsats_vintage_pin (
	pinned_at timestamptz NOT NULL,
	label text NOT NULL,
	pinned_by name NOT NULL DEFAULT CURRENT_USER,
	CONSTRAINT jobindsats_vintage_pin_pkey PRIMARY KEY (pinned_at),
	CONSTRAINT jobindsats_vintage_pin_label_given CHECK (label OPERATOR(pg_catalog.<>) '')
);

COMMENT ON TABLE benchmark.jobindsats_vintage_pin IS
'Moments reports point to (e.g. the as_of of the list shown to a committee): jobindsats_prune_revisions keeps every vintage they need, and the store can always be read as of them';
COMMENT ON COLUMN benchmark.jobindsats_vintage_pin.pinned_at IS
'The moment, as given to as_of';
COMMENT ON COLUMN benchmark.jobindsats_vintage_pin.label IS
'What points to it, e.g. "Beskæftigelsesudvalget, marts 2026"';

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_vintage_pin', '');

GRANT SELECT ON benchmark.jobindsats_vintage_pin TO PUBLIC;

/* The prunes of the vintages: the store can be read as of a moment at or after the latest horizon, or a pinned moment. */
CREATE TABLE benchmark.jobindsats_vintage_prune (
	pruned_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	pruned_by name NOT NULL DEFAULT CURRENT_USER,
	horizon timestamptz NOT NULL,
	removed bigint NOT NULL,
	kept_for_pins bigint NOT NULL,
	CONSTRAINT jobindsats_vintage_prune_counts CHECK (removed OPERATOR(pg_catalog.>=) 0 AND kept_for_pins OPERATOR(pg_catalog.>=) 0)
);

COMMENT ON TABLE benchmark.jobindsats_vintage_prune IS
'The log of jobindsats_prune_revisions: vintages replaced before the horizon were removed (except those pinned moments need), so the store reads as of a moment before the latest horizon only at a pinned moment';

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_vintage_prune', '');

GRANT SELECT ON benchmark.jobindsats_vintage_prune TO PUBLIC;
