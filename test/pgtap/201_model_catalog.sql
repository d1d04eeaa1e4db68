-- Catalog properties of the model (1.2): tables, preset, dump registration,
-- function labels, SQLSTATEs.
BEGIN;
SET LOCAL search_path = public, benchmark;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(25);

SELECT has_table('model');
SELECT has_table('model_area');
SELECT has_table('model_measure');
SELECT has_table('model_benefit');
SELECT has_table('model_excluded');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) c
		   WHERE e.extname = 'benchmark' AND c::regclass::text LIKE 'model%'),
	5, 'the five catalog tables are registered with pg_extension_config_dump');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig, e.extcondition) x(c, cond)
		   WHERE e.extname = 'benchmark' AND x.c::regclass::text LIKE 'model%' AND x.cond = 'WHERE NOT shipped'),
	5, 'shipped rows are left out of the dump');

-- the preset as the seed describes it
SELECT is((SELECT count(*)::int FROM model_area WHERE model = 'sonderborg-2023'), 8, 'eight focus areas');
SELECT is((SELECT array_agg(area_no ORDER BY area_no) FROM model_area WHERE model = 'sonderborg-2023' AND NOT in_total),
	'{8}'::int[], 'area 8 does not count in the total');
SELECT is((SELECT count(*)::int FROM model_measure WHERE model = 'sonderborg-2023' AND area_no = 8), 0,
	'area 8 has no measure: the plan counts citizen satisfaction for Sønderborg alone, as a target');
SELECT is((SELECT goal_weight FROM model WHERE model = 'sonderborg-2023')
		  / (SELECT sum(weight) FROM model_area WHERE model = 'sonderborg-2023' AND in_total),
	1::numeric, 'the goal weighs as much as the counting areas together (7 : 1 x 7)');
SELECT is((SELECT count(*)::int FROM model_benefit WHERE model = 'sonderborg-2023'), 11, 'eleven benefits');
SELECT set_eq($$SELECT kommune::text FROM model_excluded WHERE model = 'sonderborg-2023'$$,
	ARRAY['Ærø', 'Fanø', 'Samsø', 'Læsø'], 'the four islands are excluded');
SELECT is((SELECT count(*)::int FROM model_measure WHERE model = 'sonderborg-2023'
		   AND (description_da = '' OR description_en = '' OR jobindsats = '')), 0,
	'every measure has descriptions in Danish and English and names its data');
SELECT is((SELECT max(n)::int FROM (SELECT count(*) AS n FROM model_measure WHERE model = 'sonderborg-2023' GROUP BY area_no) t),
	3, 'at most three measures per area');

-- labels
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
		   WHERE d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')
			 AND p.prokind = 'f' AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
			 AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)
			 -- but operator functions and the label key and total test the mappings call for every
			 -- breakdown, which the planner inlines and a SET clause would keep it from: their
			 -- standard-SQL bodies resolve every name when created, not when they run
			 AND NOT (p.prosqlbody IS NOT NULL
					  AND (p.oid IN (SELECT oprcode FROM pg_operator)
						   OR p.proname IN ('jobindsats_label_key', 'jobindsats_is_total')))),
	0, 'every SQL and PL/pgSQL function has a fixed search_path, or a body parsed when created');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
		   WHERE d.deptype = 'e' AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark') AND p.prosecdef
			 -- but those that keep the stored series and the store's vintages (they read the store and
			 -- the catalog, write only the derived tables and the vintages, and PUBLIC may not call them)
			 AND p.proname NOT IN ('jobindsats_series_refresh', 'jobindsats_mapping_series_refresh', 'jobindsats_keep_revisions',
								   'jobindsats_series_after_store', 'jobindsats_series_after_catalog',
								   'jobindsats_series_after_form', 'jobindsats_store_written', 'jobindsats_store_gather_end',
								   'jobindsats_observation_statement')),
	0, 'no function but the stored series'' and vintages'' is SECURITY DEFINER');
SELECT is((SELECT array_agg(DISTINCT provolatile::text) FROM pg_proc WHERE proname LIKE 'model\_%' AND proname NOT IN ('model_copy', 'model_protect_shipped', 'model_policy_ok')),
	'{s}'::text[], 'the runner and its reports are STABLE');
SELECT is((SELECT array_agg(DISTINCT provolatile::text || proparallel::text) FROM pg_proc WHERE proname LIKE 'period\_%'),
	'{is}'::text[], 'the period functions are IMMUTABLE and PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
		   WHERE d.deptype = 'e' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') IS NULL
			 AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')),
	0, 'every catalog table has a comment');

-- SQLSTATEs
SELECT throws_ok($$SELECT period_start('2022-03')$$, '22P02', NULL, 'malformed period: 22P02');
SELECT throws_ok($$SELECT period_end('2022Q5')$$, '22008', NULL, 'quarter out of range: 22008');
SELECT throws_ok($$UPDATE model SET goal_weight = 1 WHERE model = 'sonderborg-2023'$$, '42501', NULL,
	'the shipped preset is read-only: 42501');
SELECT throws_ok($$SELECT * FROM model_placements('no-such-model', '2022')$$, '42704', NULL, 'unknown model: 42704');
SELECT model_copy('sonderborg-2023', 'tap-missing-source');
UPDATE model_measure SET source = 'nowhere.stillingsopslag' WHERE model = 'tap-missing-source' AND measure = 'stillingsopslag';
SELECT throws_ok($$SELECT * FROM model_placements('tap-missing-source', '2022')$$, '42P01', NULL,
	'a source that does not exist: 42P01');

SELECT * FROM finish();
ROLLBACK;
