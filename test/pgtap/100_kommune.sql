-- The kommune type in the catalog, and its reference data.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(16);

SELECT has_type('kommune');
SELECT is((SELECT typlen::int FROM pg_type WHERE typname = 'kommune'), 2, 'stored in two bytes');
SELECT ok((SELECT typbyval FROM pg_type WHERE typname = 'kommune'), 'passed by value');
SELECT has_opclass('kommune_ops');
SELECT has_opclass('kommune_hash_ops');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
		   WHERE oprname = '=' AND oprleft = 'kommune'::regtype AND oprright = 'kommune'::regtype),
	'= supports hash and merge joins');
SELECT has_cast('kommune', 'integer');
SELECT has_cast('integer', 'kommune');
SELECT has_cast('kommune', 'text');
SELECT has_cast('text', 'kommune');

SELECT is((SELECT count(*)::int FROM kommuner()), 98, '98 municipalities');
SELECT is((SELECT count(DISTINCT kommune)::int FROM kommuner()), 98, 'all different');
SELECT is((SELECT count(*)::int FROM kommuner()
		   WHERE name NOT IN ('Ærø', 'Fanø', 'Samsø', 'Læsø')), 94,
	'94 once the four small islands are left out');
SELECT is((SELECT array_agg(name ORDER BY name) FROM kommuner() WHERE landsdel = 'Sydjylland'),
	ARRAY['Aabenraa', 'Billund', 'Esbjerg', 'Fanø', 'Fredericia', 'Haderslev', 'Kolding',
		  'Sønderborg', 'Tønder', 'Varde', 'Vejen', 'Vejle'],
	'landsdel Sydjylland has its 12 municipalities');
SELECT is((SELECT array_agg(DISTINCT region_code ORDER BY region_code) FROM kommuner()),
	ARRAY[1081, 1082, 1083, 1084, 1085], 'five regions with their codes');
SELECT throws_ok($$SELECT 'Atlantis'::kommune$$, '22P02', NULL, 'an unknown name is 22P02');

SELECT * FROM finish();
ROLLBACK;
