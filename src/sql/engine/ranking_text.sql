/*
 * The cast from ranking to text: the text form written straight into the
 * text value, where the conversion through the type's output function would
 * copy it once more in a step that no cancel interrupts (src/ranking.c).
 * A layer of its own, without tables or types: new in 1.6, the upgrade
 * script creates it; a cast has no OR REPLACE, so later upgrades leave this
 * layer out while it is unchanged (UPGRADE_UNCHANGED in the Makefile).
 */

CREATE FUNCTION benchmark_internal.ranking_text(@extschema@.ranking)
RETURNS text
AS 'MODULE_PATHNAME', 'ranking_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.ranking AS text)
	WITH FUNCTION benchmark_internal.ranking_text(@extschema@.ranking) AS ASSIGNMENT;

COMMENT ON FUNCTION benchmark_internal.ranking_text(@extschema@.ranking) IS
'The text form of a ranking, as a text value (the cast to text)';
COMMENT ON CAST (@extschema@.ranking AS text) IS
'The text form, written straight into the text value';
