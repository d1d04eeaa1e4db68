/*
 * The vintages of the observation store (src/sql/store/store_tables.sql):
 * every value a load or a write replaced or removed, with the load that
 * brought it and the moment it went, so that the store can be read as it
 * was at any moment since (src/sql/vintages/vintages.sql reads and
 * prunes them).  The store keeps the current values; this table grows only
 * by the revised cells.  Kept by pg_dump (with its sequence), as are the
 * moments reports point to and the log of prunes.
 */

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
