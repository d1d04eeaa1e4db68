/*
 * The observation store: every cell of the jobindsats downloads loaded with
 * benchmark.jobindsats_load (src/sql/store/loader.sql), kept by pg_dump in
 * two tables.  jobindsats_observation_series numbers each series once: a
 * table's measure for one area and one breakdown (dimensions);
 * jobindsats_observation_cell holds one narrow row per (series, period)
 * with its value.  The view jobindsats_observation joins them into one row
 * per (table, area, period, dimensions, measure), as users read the store
 * and write to it directly (src/sql/store/loader.sql keeps its writes).
 * A cell's key is a number and a period, not its labels: the store and its
 * key take about a quarter of the room one row per labelled cell took, and
 * a load writes and indexes that much less (docs/performance.md).
 *
 * A municipality's area is its official name (as the kommune type prints it),
 * whatever the download wrote, so that two spellings of one municipality are
 * one key; the whole country, regions, landsdele and RAR areas are kept as
 * written, with kommune NULL.  No rows are shipped, so none are protected.
 * Neither table refers to the other: a parallel pg_restore loads them in any
 * order, and the stored series are derived when the second is loaded
 * (src/sql/mappings/series.sql).  Their checks are those of a load: a
 * canonical period label, and an area that is a municipality's official
 * name with its kommune, or one of the other areas jobindsats lists with
 * kommune NULL; so a direct INSERT stores only what a load would.
 *
 * Every load is logged in benchmark.jobindsats_loads, and a cell names the
 * load that brought its current value (load_id; NULL for a value written
 * directly).  The values replaced are kept in jobindsats_observation_revision
 * (src/sql/vintages/vintage_tables.sql).
 */

/* The store's check of an area: as a load stores it (see jobindsats_area_kommune). */
CREATE FUNCTION benchmark.jobindsats_area_fits(area text, kommune @extschema@.kommune)
RETURNS boolean
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_fits';

COMMENT ON FUNCTION benchmark.jobindsats_area_fits(text, @extschema@.kommune) IS
'Whether an area and kommune are as a load stores them: a municipality''s official name with its kommune, or "Hele landet", a region, a landsdel, a RAR area or "Uoplyst område" with kommune NULL (the check of jobindsats_observation_series)';

CREATE TABLE benchmark.jobindsats_observation_series (
	series_id bigint GENERATED ALWAYS AS IDENTITY,
	table_id text NOT NULL,
	measure text NOT NULL,
	area text NOT NULL,
	kommune @extschema@.kommune,
	dimensions jsonb NOT NULL DEFAULT '{}',
	CONSTRAINT jobindsats_observation_series_pkey PRIMARY KEY (series_id),
	CONSTRAINT jobindsats_observation_series_key UNIQUE (table_id, measure, area, dimensions),
	CONSTRAINT jobindsats_observation_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_observation_area_given CHECK (area <> ''),
	CONSTRAINT jobindsats_observation_measure_given CHECK (measure <> ''),
	CONSTRAINT jobindsats_observation_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_observation_area_fits CHECK (benchmark.jobindsats_area_fits(area, kommune))
);

COMMENT ON TABLE benchmark.jobindsats_observation_series IS
'The series of the observation store, each numbered once: one row per (table_id, measure, area, dimensions) with cells in jobindsats_observation_cell; read and write them through the view jobindsats_observation';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.series_id IS
'The series'' number, which its cells in jobindsats_observation_cell carry';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.table_id IS
'The jobindsats table id in upper case (Y30R21, Y01A02, PTVA02)';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.measure IS
'The measure''s label as the download writes it';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.area IS
'A municipality''s official name (whatever the download wrote), or the other area as written: "Hele landet", a region, a landsdel, a RAR area';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.kommune IS
'The municipality; NULL for the whole country, regions, landsdele, RAR areas and "Uoplyst område"';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.dimensions IS
'The breakdown: dimension label -> value label ({"Ydelsesgrupper": "Ydelsesgrupper i alt"}); {} for a table without dimensions';

CREATE TABLE benchmark.jobindsats_observation_cell (
	series_id bigint NOT NULL,
	period text NOT NULL,
	value numeric,
	stored_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	load_id bigint,
	CONSTRAINT jobindsats_observation_cell_pkey PRIMARY KEY (series_id, period),
	CONSTRAINT jobindsats_observation_value_finite CHECK (value OPERATOR(pg_catalog.>) '-Infinity' AND value OPERATOR(pg_catalog.<) 'Infinity'),
	CONSTRAINT jobindsats_observation_period_canonical CHECK (benchmark.period_is_canonical(period))
);

COMMENT ON TABLE benchmark.jobindsats_observation_cell IS
'The cells of the observation store: one row per series of jobindsats_observation_series and period; read and write them through the view jobindsats_observation';
COMMENT ON COLUMN benchmark.jobindsats_observation_cell.series_id IS
'The series (jobindsats_observation_series) the cell belongs to';
COMMENT ON COLUMN benchmark.jobindsats_observation_cell.period IS
'The canonical period label (2022, 2022M03, 2022Q1, 2022QMAT04)';
COMMENT ON COLUMN benchmark.jobindsats_observation_cell.value IS
'The value, exact as written; NULL for a suppressed or missing cell (never 0)';
COMMENT ON COLUMN benchmark.jobindsats_observation_cell.stored_at IS
'When the value was stored: the first load of the cell, or the load that last revised it';
COMMENT ON COLUMN benchmark.jobindsats_observation_cell.load_id IS
'The load (benchmark.jobindsats_loads) that brought the current value; NULL for a value written directly';

/* every cell with its series' labels: what users read, and write (the writes are kept by src/sql/store/loader.sql) */
CREATE VIEW benchmark.jobindsats_observation AS
SELECT s.table_id, s.area, s.kommune, c.period, s.dimensions, s.measure, c.value, c.stored_at, c.load_id
FROM benchmark.jobindsats_observation_cell c
	 JOIN benchmark.jobindsats_observation_series s ON s.series_id OPERATOR(pg_catalog.=) c.series_id;

ALTER VIEW benchmark.jobindsats_observation ALTER COLUMN dimensions SET DEFAULT '{}';
ALTER VIEW benchmark.jobindsats_observation ALTER COLUMN stored_at SET DEFAULT pg_catalog.now();

COMMENT ON VIEW benchmark.jobindsats_observation IS
'The observation store: every cell of the jobindsats downloads and tables loaded with jobindsats_load, one row per (table_id, area, period, dimensions, measure); a newer download replaces the values it revises.  INSERT, UPDATE and DELETE write to its two tables';
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

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation_series', '');
SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation_series_series_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation_cell', '');

GRANT SELECT ON benchmark.jobindsats_observation, benchmark.jobindsats_observation_series,
	benchmark.jobindsats_observation_cell TO PUBLIC;
