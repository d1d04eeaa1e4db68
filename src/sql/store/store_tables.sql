/*
 * The observation store: every cell of the jobindsats downloads loaded with
 * benchmark.jobindsats_load (src/sql/store/loader.sql), kept by pg_dump in
 * one table, jobindsats_observation_series: a row per series (a table's
 * measure for one area and one breakdown, its dimensions) that holds the
 * series' cells in four arrays of one length, a cell per period: periods,
 * cell_values, cell_stored_at and cell_load_ids (src/observation_cells.c).
 * The view jobindsats_observation unnests them into one row per (table,
 * area, period, dimensions, measure), as users read the store and write to
 * it directly (src/sql/store/loader.sql keeps its writes).  A series' row
 * holds its periods where one row per cell would repeat its key: a load
 * writes a row per series, about a twelfth of the rows a year of monthly
 * cells would take, and the room of a row's header once
 * (docs/performance.md).  The periods are kept in the order they were first
 * stored, each once.
 *
 * A municipality's area is its official name (as the kommune type prints it),
 * whatever the download wrote, so that two spellings of one municipality are
 * one key; the whole country, regions, landsdele and RAR areas are kept as
 * written, with kommune NULL.  The key orders a table's series by measure,
 * then breakdown, then area: a measure's breakdowns are found by a skip
 * through it, and a term reads the series of its breakdowns only.  No rows
 * are shipped, so none are protected.
 * The checks are those of a load: a canonical period label, each once in a
 * series, a finite value or NULL, and an area that is a municipality's
 * official name with its kommune, or one of the other areas jobindsats lists
 * with kommune NULL; so a direct INSERT stores only what a load would.
 *
 * Every load is logged in benchmark.jobindsats_loads, and a cell names the
 * load that brought its current value (cell_load_ids; NULL for a value
 * written directly).  The values replaced are kept in
 * jobindsats_observation_revision (src/sql/vintages/vintage_tables.sql).
 */

/* The store's check of an area: as a load stores it (see jobindsats_area_kommune). */
CREATE FUNCTION benchmark.jobindsats_area_fits(area text, kommune @extschema@.kommune)
RETURNS boolean
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_fits';

COMMENT ON FUNCTION benchmark.jobindsats_area_fits(text, @extschema@.kommune) IS
'Whether an area and kommune are as a load stores them: a municipality''s official name with its kommune, or "Hele landet", a region, a landsdel, a RAR area or "Uoplyst område" with kommune NULL (the check of jobindsats_observation_series)';

/* The store's check of a series' cells: its four arrays one-dimensional and of one length, no period or moment NULL. */
CREATE FUNCTION benchmark_internal.jobindsats_cells_aligned(periods text[], cell_values numeric[],
															cell_stored_at timestamptz[], cell_load_ids bigint[])
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_cells_aligned';

COMMENT ON FUNCTION benchmark_internal.jobindsats_cells_aligned(text[], numeric[], timestamptz[], bigint[]) IS
'Whether a series'' cells are aligned: the arrays periods, cell_values, cell_stored_at and cell_load_ids one-dimensional from 1 and of one length, no period or moment NULL (a check of jobindsats_observation_series)';

/* The store's check of a series' periods: each a canonical label. */
CREATE FUNCTION benchmark_internal.jobindsats_periods_canonical(periods text[])
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_periods_canonical';

COMMENT ON FUNCTION benchmark_internal.jobindsats_periods_canonical(text[]) IS
'Whether every period of a series is a canonical label (2022, 2022M03, 2022Q1, 2022QMAT04), as period_is_canonical (a check of jobindsats_observation_series)';

/* The store's key of a series' cells: no period twice. */
CREATE FUNCTION benchmark_internal.jobindsats_periods_once(periods text[])
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_periods_once';

COMMENT ON FUNCTION benchmark_internal.jobindsats_periods_once(text[]) IS
'Whether no period is in a series'' periods twice: the key of its cells (a check of jobindsats_observation_series, and the loader''s test of a document''s cells)';

/* The store's check of a series' values: none NaN or infinite. */
CREATE FUNCTION benchmark_internal.jobindsats_values_finite(cell_values numeric[])
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_values_finite';

COMMENT ON FUNCTION benchmark_internal.jobindsats_values_finite(numeric[]) IS
'Whether no value of a series is NaN or infinite (NULL is a suppressed cell): a check of jobindsats_observation_series';

CREATE TABLE benchmark.jobindsats_observation_series (
	series_id bigint GENERATED ALWAYS AS IDENTITY,
	table_id text NOT NULL,
	measure text NOT NULL,
	area text NOT NULL,
	kommune @extschema@.kommune,
	dimensions jsonb NOT NULL DEFAULT '{}',
	periods text[] NOT NULL DEFAULT '{}',
	cell_values numeric[] NOT NULL DEFAULT '{}',
	cell_stored_at timestamptz[] NOT NULL DEFAULT '{}',
	cell_load_ids bigint[] NOT NULL DEFAULT '{}',
	CONSTRAINT jobindsats_observation_series_pkey PRIMARY KEY (series_id),
	CONSTRAINT jobindsats_observation_series_key UNIQUE (table_id, measure, dimensions, area),
	CONSTRAINT jobindsats_observation_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_observation_area_given CHECK (area <> ''),
	CONSTRAINT jobindsats_observation_measure_given CHECK (measure <> ''),
	CONSTRAINT jobindsats_observation_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_observation_area_fits CHECK (benchmark.jobindsats_area_fits(area, kommune)),
	CONSTRAINT jobindsats_observation_cells_aligned
		CHECK (benchmark_internal.jobindsats_cells_aligned(periods, cell_values, cell_stored_at, cell_load_ids)),
	CONSTRAINT jobindsats_observation_period_canonical CHECK (benchmark_internal.jobindsats_periods_canonical(periods)),
	CONSTRAINT jobindsats_observation_period_once CHECK (benchmark_internal.jobindsats_periods_once(periods)),
	CONSTRAINT jobindsats_observation_value_finite CHECK (benchmark_internal.jobindsats_values_finite(cell_values))
);

COMMENT ON TABLE benchmark.jobindsats_observation_series IS
'The observation store: one row per series (table_id, measure, area, dimensions), numbered once, with its cells in four arrays of one length (periods, cell_values, cell_stored_at, cell_load_ids); read and write them through the view jobindsats_observation';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.series_id IS
'The series'' number';
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
COMMENT ON COLUMN benchmark.jobindsats_observation_series.periods IS
'The periods of the series'' cells, canonical labels (2022, 2022M03, 2022Q1, 2022QMAT04), each once, in the order first stored';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.cell_values IS
'The value of the cell of each period, exact as written; NULL for a suppressed or missing cell (never 0)';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.cell_stored_at IS
'When the value of each period''s cell was stored: its first load, or the load that last revised it';
COMMENT ON COLUMN benchmark.jobindsats_observation_series.cell_load_ids IS
'The load (benchmark.jobindsats_loads) that brought the value of each period''s cell; NULL for a value written directly';

/* every cell with its series' labels: what users read, and write (the writes are kept by src/sql/store/loader.sql) */
CREATE VIEW benchmark.jobindsats_observation AS
SELECT s.table_id, s.area, s.kommune, c.period, s.dimensions, s.measure, c.value, c.stored_at, c.load_id
FROM benchmark.jobindsats_observation_series s,
	 LATERAL ROWS FROM (pg_catalog.unnest(s.periods), pg_catalog.unnest(s.cell_values), pg_catalog.unnest(s.cell_stored_at),
						pg_catalog.unnest(s.cell_load_ids)) c(period, value, stored_at, load_id);

ALTER VIEW benchmark.jobindsats_observation ALTER COLUMN dimensions SET DEFAULT '{}';
ALTER VIEW benchmark.jobindsats_observation ALTER COLUMN stored_at SET DEFAULT pg_catalog.now();

COMMENT ON VIEW benchmark.jobindsats_observation IS
'The observation store: every cell of the jobindsats downloads and tables loaded with jobindsats_load, one row per (table_id, area, period, dimensions, measure); a newer download replaces the values it revises.  INSERT, UPDATE and DELETE write to the series'' cells in jobindsats_observation_series';
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

GRANT SELECT ON benchmark.jobindsats_observation, benchmark.jobindsats_observation_series TO PUBLIC;
