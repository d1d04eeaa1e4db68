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
