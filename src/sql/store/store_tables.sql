/*
 * The observation store: every cell of the jobindsats downloads loaded with
 * benchmark.jobindsats_load (src/sql/store/loader.sql), one row per
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
	CONSTRAINT jobindsats_observation_pkey PRIMARY KEY (table_id, measure, area, period, dimensions),
	CONSTRAINT jobindsats_observation_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_observation_area_given CHECK (area <> ''),
	CONSTRAINT jobindsats_observation_measure_given CHECK (measure <> ''),
	CONSTRAINT jobindsats_observation_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_observation_value_finite CHECK (value OPERATOR(pg_catalog.>) '-Infinity' AND value OPERATOR(pg_catalog.<) 'Infinity'),
	CONSTRAINT jobindsats_observation_period_canonical CHECK (benchmark.period_is_canonical(period)),
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
 * The key leads with what the mappings read by (one table's measure at a
 * time), so that one index serves them and a load's lookup of a cell; the
 * breakdown comes last, as comparing jsonb is the costly part of an index
 * lookup.
 */

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation', '');

GRANT SELECT ON benchmark.jobindsats_observation TO PUBLIC;
