/* benchmark 1.5 -> 1.6: the hand-written part (the Makefile appends the table-free layers) */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.6'" to load this file. \quit

/* Names bind in pg_catalog only (see sql/layers/05_schema.sql). */
SET search_path = pg_catalog, pg_temp;

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
