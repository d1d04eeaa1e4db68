/*
 * The observation store: every cell of the jobindsats downloads loaded with
 * benchmark.jobindsats_load (sql/layers/65_jobindsats_store.sql), one row per
 * (table, area, period, dimensions, measure), kept by pg_dump.
 *
 * A municipality's area is its official name (as the kommune type prints it),
 * whatever the download wrote, so that two spellings of one municipality are
 * one key; the whole country, regions, landsdele and RAR areas are kept as
 * written, with kommune NULL.  No rows are shipped, so none are protected.
 * The table refers to no other table: a parallel pg_restore loads it in any
 * order.  Its checks are those of a load: a canonical period label, and an
 * area that is a municipality's official name with its kommune, or one of
 * the other areas jobindsats lists with kommune NULL; so a direct INSERT
 * stores only what a load would.
 *
 * Every load is logged in benchmark.jobindsats_loads (below), and a cell
 * names the load that brought its current value (load_id; NULL for a value
 * written directly).  A history of replaced values, keyed by the load that
 * replaced them, fits beside it without a change to either table.
 */

/* The store's check of an area: as a load stores it (see jobindsats_area_kommune). */
CREATE FUNCTION benchmark.jobindsats_area_fits(area text, kommune @extschema@.kommune)
RETURNS boolean
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_fits';

COMMENT ON FUNCTION benchmark.jobindsats_area_fits(text, @extschema@.kommune) IS
'Whether an area and kommune are as a load stores them: a municipality''s official name with its kommune, or "Hele landet", a region, a landsdel, a RAR area or "Uoplyst område" with kommune NULL (the check of jobindsats_observation)';

CREATE TABLE benchmark.jobindsats_observation (
	table_id text NOT NULL,
	area text NOT NULL,
	kommune @extschema@.kommune,
	period text NOT NULL,
	dimensions jsonb NOT NULL DEFAULT '{}',
	measure text NOT NULL,
	value numeric,
	stored_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	load_id bigint,
	CONSTRAINT jobindsats_observation_pkey PRIMARY KEY (table_id, measure, dimensions, area, period),
	CONSTRAINT jobindsats_observation_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_observation_area_given CHECK (area <> ''),
	CONSTRAINT jobindsats_observation_measure_given CHECK (measure <> ''),
	CONSTRAINT jobindsats_observation_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_observation_value_finite CHECK (value OPERATOR(pg_catalog.>) '-Infinity' AND value OPERATOR(pg_catalog.<) 'Infinity'),
	CONSTRAINT jobindsats_observation_period_canonical CHECK (CASE WHEN benchmark.period_is_valid(period) THEN benchmark.period_canonical(period) OPERATOR(pg_catalog.=) period ELSE false END),
	CONSTRAINT jobindsats_observation_area_fits CHECK (benchmark.jobindsats_area_fits(area, kommune))
);

COMMENT ON TABLE benchmark.jobindsats_observation IS
'The observation store: every cell of the jobindsats downloads and tables loaded with jobindsats_load, one row per (table_id, area, period, dimensions, measure); a newer download replaces the values it revises';
COMMENT ON COLUMN benchmark.jobindsats_observation.table_id IS
'The jobindsats table id in upper case (Y30R21, Y01A02, PTVA02)';
COMMENT ON COLUMN benchmark.jobindsats_observation.area IS
'A municipality''s official name (whatever the download wrote), or the other area as written: "Hele landet", a region, a landsdel, a RAR area';
COMMENT ON COLUMN benchmark.jobindsats_observation.kommune IS
'The municipality; NULL for the whole country, regions, landsdele, RAR areas and "Uoplyst område"';
COMMENT ON COLUMN benchmark.jobindsats_observation.period IS
'The canonical period label (2022, 2022M03, 2022Q1, 2022QMAT04)';
COMMENT ON COLUMN benchmark.jobindsats_observation.dimensions IS
'The breakdown: dimension label -> value label ({"Ydelsesgrupper": "Ydelsesgrupper i alt"}); {} for a table without dimensions';
COMMENT ON COLUMN benchmark.jobindsats_observation.measure IS
'The measure''s label as the download writes it';
COMMENT ON COLUMN benchmark.jobindsats_observation.value IS
'The value, exact as written; NULL for a suppressed or missing cell (never 0)';
COMMENT ON COLUMN benchmark.jobindsats_observation.stored_at IS
'When the value was stored: the first load of the cell, or the load that last revised it';
COMMENT ON COLUMN benchmark.jobindsats_observation.load_id IS
'The load (benchmark.jobindsats_loads) that brought the current value; NULL for a value written directly';

/*
 * The key is ordered as the mappings read it (one table's measure and
 * breakdowns at a time), so that one index serves them and a load's lookup
 * of a cell.
 */

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation', '');

GRANT SELECT ON benchmark.jobindsats_observation TO PUBLIC;

/*
 * The load log: one row per jobindsats_load, with the document's digest and
 * the counts it reported, and per period the number of municipalities the
 * document held.  Kept by pg_dump (with its sequence, so that load ids are
 * never reused).
 */
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
	CONSTRAINT jobindsats_loads_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_loads_reader_known CHECK (reader IN ('csv', 'json', 'wide')),
	CONSTRAINT jobindsats_loads_counts CHECK (added >= 0 AND replaced >= 0 AND unchanged >= 0 AND repeated >= 0 AND not_municipal >= 0),
	CONSTRAINT jobindsats_loads_municipalities_object CHECK (pg_catalog.jsonb_typeof(municipalities) = 'object')
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

/*
 * The measure labels of the jobindsats tables, as the API writes them: a
 * load under a table id listed here whose labels fit none of the table's is
 * refused.  The shipped rows are the tables the preset's mapping reads and
 * the ministry's benchmark Y30R21 (docs/data.md); users add rows for other
 * tables or labels (shipped = false, kept by pg_dump).
 */
CREATE TABLE benchmark.jobindsats_measure_label (
	table_id text NOT NULL,
	measure text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT jobindsats_measure_label_pkey PRIMARY KEY (table_id, measure),
	CONSTRAINT jobindsats_measure_label_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_measure_label_measure_given CHECK (measure <> '')
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
