/*
 * DROP EXTENSION benchmark without CASCADE is refused while the catalog
 * holds models, targets, peer groups, jobindsats terms, mappings,
 * registered wide tables, measure labels or stored period forms that users
 * added, or the store holds loaded observations or logged loads: the error
 * says what and how much.  With CASCADE the
 * extension is dropped with them.  DROP SCHEMA ... CASCADE, DROP OWNED and
 * DROP DATABASE are not guarded.
 */

CREATE FUNCTION benchmark_internal.drop_guard()
RETURNS event_trigger
AS 'MODULE_PATHNAME', 'benchmark_drop_guard'
LANGUAGE C;

COMMENT ON FUNCTION benchmark_internal.drop_guard() IS
'Event trigger function: refuses DROP EXTENSION benchmark without CASCADE while users'' models, targets, peer groups, jobindsats terms, mappings, registered wide tables, measure labels, stored period forms, loaded observations, logged loads, kept vintages or pinned moments exist, and says what and how much';

CREATE EVENT TRIGGER benchmark_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION')
	EXECUTE FUNCTION benchmark_internal.drop_guard();

COMMENT ON EVENT TRIGGER benchmark_drop_guard IS
'Keeps DROP EXTENSION benchmark (without CASCADE) from deleting the rows users added or loaded';
