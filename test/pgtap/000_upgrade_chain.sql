-- Install the oldest version, keep data in it, and walk every upgrade script
-- to the default version: stored rankings survive and every version's objects
-- end up as in a fresh install.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SELECT plan(5);

CREATE FUNCTION benchmark_versions() RETURNS SETOF text LANGUAGE sql AS $$
	SELECT version FROM pg_available_extension_versions
	WHERE name = 'benchmark'
	ORDER BY string_to_array(version, '.')::int[]
$$;

CREATE FUNCTION benchmark_objects() RETURNS SETOF text LANGUAGE sql AS $$
	SELECT pg_describe_object(classid, objid, objsubid)
	FROM pg_depend
	WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
	  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')
	ORDER BY 1
$$;

SELECT lives_ok(
	format('CREATE EXTENSION benchmark VERSION %L', (SELECT benchmark_versions() LIMIT 1)),
	'the oldest version installs');
CREATE TABLE kept (id int, r ranking);
INSERT INTO kept VALUES (1, '{1:"Aabenraa"=78, 2:"Tønder"=91, -:"Læsø"}');

CREATE FUNCTION walk_upgrades() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	v text;
	steps int := 0;
BEGIN
	FOR v IN SELECT benchmark_versions() OFFSET 1 LOOP
		EXECUTE format('ALTER EXTENSION benchmark UPDATE TO %L', v);
		steps := steps + 1;
	END LOOP;
	RETURN steps;
END $$;
SELECT is(walk_upgrades(), (SELECT count(*)::int - 1 FROM benchmark_versions()), 'every upgrade script runs');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'benchmark'),
	(SELECT default_version FROM pg_available_extensions WHERE name = 'benchmark'),
	'the upgraded extension is at the default version');
SELECT is((SELECT r -> 'Tønder' FROM kept), 2, 'a ranking stored before the upgrades still reads');

CREATE TEMP TABLE upgraded_objects AS SELECT benchmark_objects() AS obj;
DROP TABLE kept;
DROP EXTENSION benchmark;
CREATE EXTENSION benchmark;
SELECT set_eq('SELECT benchmark_objects()', 'SELECT obj FROM upgraded_objects',
	'an upgraded installation has the objects of a fresh one');

SELECT * FROM finish();
ROLLBACK;
