/*
 * DROP EXTENSION benchmark without CASCADE is refused while the catalog
 * holds models, targets or peer groups that users added: the error names
 * them.  With CASCADE the extension is dropped with them.  DROP SCHEMA ...
 * CASCADE, DROP OWNED and DROP DATABASE are not guarded.
 */

CREATE FUNCTION benchmark.drop_guard()
RETURNS event_trigger
AS 'MODULE_PATHNAME', 'benchmark_drop_guard'
LANGUAGE C;

COMMENT ON FUNCTION benchmark.drop_guard() IS
'Event trigger function: refuses DROP EXTENSION benchmark without CASCADE while user models, targets or peer groups exist, and names them';

CREATE EVENT TRIGGER benchmark_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION')
	EXECUTE FUNCTION benchmark.drop_guard();

COMMENT ON EVENT TRIGGER benchmark_drop_guard IS
'Keeps DROP EXTENSION benchmark (without CASCADE) from deleting the models, targets and peer groups users added';
