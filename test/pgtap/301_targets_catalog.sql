-- Catalog properties of targets and peer groups: objects, SQLSTATEs of
-- rejected targets, the shipped examples and their sources.
BEGIN;
SET LOCAL search_path = public, benchmark;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(24);

SELECT has_table('peer_group');
SELECT has_table('peer_group_member');
SELECT has_table('target');
SELECT has_table('target_milestone');
SELECT has_view('target_status');
SELECT has_view('peer_groups');
SELECT has_function('target_status_for', ARRAY['text', 'text']);
SELECT has_function('target_scorecard', ARRAY['text', 'text']);
SELECT has_function('peer_averages', ARRAY['text', 'text', 'text']);

-- user rows are dumped, shipped rows are not
SELECT set_eq(
	$$SELECT c.relname::text, x.cond FROM pg_extension e,
	         unnest(e.extconfig, e.extcondition) AS x(oid, cond) JOIN pg_class c ON c.oid = x.oid
	  WHERE e.extname = 'benchmark' AND c.relname IN ('peer_group', 'peer_group_member', 'target', 'target_milestone')$$,
	$$VALUES ('peer_group', 'WHERE NOT shipped'), ('peer_group_member', 'WHERE NOT shipped'),
	         ('target', 'WHERE NOT shipped'), ('target_milestone', 'WHERE NOT shipped')$$,
	'the target and peer group tables are configuration tables dumped without shipped rows');

-- the shipped examples: every kind, every plan, sources in target_sources or the installed mappings
SELECT set_eq($$SELECT DISTINCT kind FROM target WHERE shipped$$, ARRAY['level', 'change', 'peer', 'previous'],
	'the shipped examples use every kind of target');
SELECT is((SELECT count(*)::int FROM target WHERE shipped), 31, 'thirty-one example targets ship');
SELECT is((SELECT count(*)::int FROM target t JOIN target_source s USING (target)
		   WHERE t.shipped AND (s.source LIKE 'target_sources.%' OR s.source LIKE 'benchmark.mapped\_%')), 31,
	'every example reads a sample source or an installed mapping');
SELECT is((SELECT count(*)::int FROM target WHERE shipped AND note = ''), 0, 'every example says which measure it follows');
SELECT is((SELECT count(*)::int FROM peer_group_member WHERE peer_group = 'sydjylland'), 12, 'Sydjylland is landsdel 08: twelve municipalities');

-- rejected targets carry SQLSTATEs
SELECT throws_ok($$INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
	VALUES ('x', 'Tønder', 'x', 'sonderborg-2023', 'nope', 'level', 'at_most', 1)$$, '23503', NULL, 'unknown measure: 23503');
SELECT throws_ok($$INSERT INTO target (target, kommune, title, source, unit, kind, direction, level)
	VALUES ('x', 'Tønder', 'x', 'public.nope', 'antal', 'level', 'at_most', 1)$$, '42P01', NULL, 'unknown source: 42P01');
SELECT throws_ok($$INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
	VALUES ('x', 'Tønder', 'x', 'sonderborg-2023', 'langtidsledige', 'level', 'at_least', 1)$$, '23514', NULL, 'contradictory direction: 23514');
SELECT throws_ok($$INSERT INTO target (target, kommune, title, model, measure, kind, direction, level)
	VALUES ('x', 'Tønder', 'x', 'sonderborg-2023', 'langtidsledige', 'level', 'at_most', 101)$$, '23514', NULL, 'share outside 0-100: 23514');
SELECT lives_ok($$INSERT INTO target (target, kommune, title, model, measure, kind, direction, level, due)
	VALUES ('x', 'Tønder', 'x', 'sonderborg-2023', 'langtidsledige', 'level', 'at_most', 20, '2022-12-31')$$, 'a level target with a due date');
SELECT throws_ok($$INSERT INTO target_milestone (target, due, value) VALUES ('x', '2023-01-01', 25)$$, '23514', NULL,
	'milestone after the due date: 23514');
SELECT throws_ok($$UPDATE target SET kind = 'change' WHERE target = 'x'$$, '23514', NULL, 'a change target without baseline: 23514');
SELECT throws_ok($$UPDATE target SET first_period = '2023', last_period = '2022' WHERE target = 'x'$$, '22023', NULL,
	'periods out of order: 22023');
SELECT throws_ok($$UPDATE target SET level = 1 WHERE target = 'aabenraa-2019-langtidsledige'$$, '42501', NULL,
	'shipped targets are read-only: 42501');

SELECT * FROM finish();
ROLLBACK;
