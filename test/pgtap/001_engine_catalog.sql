-- Catalog properties of the engine and the SQLSTATEs of its errors.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(27);

SELECT has_type('ranking');
SELECT has_operator('ranking', '->', 'text', 'integer');

-- every aggregate of the extension can run in parallel plans
SELECT is(
	(SELECT count(*)::int
	 FROM pg_aggregate a
	 JOIN pg_proc p ON p.oid = a.aggfnoid
	 JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark'
	 WHERE a.aggcombinefn = 0 OR a.aggserialfn = 0 OR a.aggdeserialfn = 0
		OR p.proparallel <> 's' OR a.aggfinalmodify <> 'r'),
	0, 'every aggregate has combine, serialize and deserialize, is PARALLEL SAFE and READ_ONLY');
SELECT cmp_ok(
	(SELECT count(*)::int
	 FROM pg_aggregate a
	 JOIN pg_depend d ON d.objid = a.aggfnoid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark'),
	'>=', 13, 'the three aggregates with their overloads are installed');

-- every C function is labelled honestly: immutable and parallel safe (but the
-- DROP EXTENSION guard, an event trigger; the loader; the as-of forms, which
-- read the store and set a setting for their call)
SELECT is(
	(SELECT count(*)::int
	 FROM pg_proc p
	 JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark'
	 WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
	   AND p.prorettype <> 'event_trigger'::regtype
	   AND (p.provolatile <> 'i' OR p.proparallel <> 's')
	   -- but the loader, which writes the store, its series ordinal, which counts the series a statement met, and the
	   -- gathering of the tables a write touched, the backend's state (VOLATILE, PARALLEL UNSAFE)
	   AND NOT (p.proname IN ('jobindsats_load', 'jobindsats_series_ordinal', 'jobindsats_store_gather_begin',
							  'jobindsats_store_gather', 'jobindsats_store_gather_take', 'jobindsats_series_gather')
				AND p.provolatile = 'v' AND p.proparallel = 'u')
	   AND NOT (p.prosrc = 'benchmark_as_of_call' AND p.provolatile = 's' AND p.proparallel = 'u')),
	0, 'C functions are IMMUTABLE and PARALLEL SAFE, the loader, its series ordinal and the gathering of written tables VOLATILE and PARALLEL UNSAFE, the as-of forms STABLE and PARALLEL UNSAFE');
-- transition and combine functions are not strict (internal state), readers are
SELECT is(
	(SELECT count(*)::int
	 FROM pg_proc p
	 JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark'
	 WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
	   AND p.prorettype <> 'event_trigger'::regtype
	   AND p.proisstrict = (p.proname ~ '_(transfn|combine|final)$'
							OR p.proname IN ('jobindsats_csv', 'jobindsats_json', 'jobindsats_document_series', 'jobindsats_number', 'jobindsats_load', 'jobindsats_series_ordinal', 'jobindsats_area_fits', 'period_rollup')
							OR p.prosrc = 'benchmark_as_of_call')),
	0, 'state functions, the readers (table_id may be NULL) and their form for the loader (dimension_columns and encoding may be NULL), jobindsats_number (decimal_mark may be NULL), the loader (a NULL argument is its error), the loader''s series ordinal (a NULL part of a series is numbered, and the store refuses it), jobindsats_area_fits (kommune NULL for other areas), period_rollup (latest may be NULL) and the as-of forms (as_of NULL: as it is) are not strict, all other C functions are');

-- every user-facing function, aggregate, operator and type has a comment
SELECT is(
	(SELECT count(*)::int
	 FROM pg_proc p
	 JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark'
	 WHERE p.proname !~ '_(transfn|combine|serialize|deserialize|final|in|out|recv|send)$'
	   AND obj_description(p.oid, 'pg_proc') IS NULL),
	0, 'every user-facing function has a comment');
SELECT isnt(obj_description('ranking'::regtype, 'pg_type'), NULL, 'the ranking type has a comment');
SELECT is(
	(SELECT count(*)::int
	 FROM pg_operator o
	 JOIN pg_depend d ON d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e'
	 JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark'
	 WHERE obj_description(o.oid, 'pg_operator') IS NULL),
	0, 'every operator has a comment');

-- errors carry proper SQLSTATEs
SELECT throws_ok($$SELECT '{1:a}'::ranking$$, '22P02', NULL, 'malformed literal: 22P02');
SELECT throws_ok($$SELECT '{2:"a"=1}'::ranking$$, '22P02', 'invalid ranking value', 'not a competition ranking: 22P02');
SELECT throws_ok($$SELECT rank_values(k, v, true) FROM (VALUES ('a', 1), ('a', 2)) t(k, v)$$,
	'21000', NULL, 'duplicate entity: 21000');
SELECT throws_ok($$SELECT rank_values(k, 'NaN'::float8, true) FROM (VALUES ('a')) t(k)$$,
	'22023', NULL, 'NaN value: 22023');
SELECT throws_ok($$SELECT rank_values(k, v, h) FROM (VALUES ('a', 1, true), ('b', 1, false)) t(k, v, h)$$,
	'22023', NULL, 'directions disagree: 22023');
SELECT throws_ok($$SELECT rank_values(NULL, 1, true)$$, '22004', NULL, 'NULL entity: 22004');
SELECT throws_ok($$SELECT rank_values('a', 1, NULL)$$, '22004', NULL, 'NULL direction: 22004');
SELECT throws_ok($$SELECT rank_sum_rerank(k, r) FROM (VALUES ('a', 9e37), ('a', 9e37)) t(k, r)$$,
	'22003', NULL, 'rank sum overflow: 22003');
SELECT throws_ok($$SELECT rank_sum_rerank('a', 0)$$, '22023', NULL, 'placement 0: 22023');
SELECT throws_ok($$SELECT rank_sum_rerank('a', 1, 'best')$$, '22023', NULL, 'unknown policy: 22023');
SELECT throws_ok($$SELECT weighted_placement('a', 1, -1)$$, '22023', NULL, 'negative weight: 22023');
SELECT throws_ok($$SELECT weighted_placement('a', 1, 'NaN')$$, '22023', NULL, 'NaN weight: 22023');
SELECT throws_ok($$SELECT weighted_placement('a', 1, 0)$$, '22023', NULL, 'all-zero weights: 22023');
SELECT throws_ok($$SELECT weighted_placement('a', 1, NULL)$$, '22004', NULL, 'NULL weight: 22004');

-- a few properties
SELECT is(rank_values(k, v, true) -> 'a', 1, 'a single entity is placed first')
FROM (VALUES ('a', 5)) t(k, v);
SELECT is((SELECT rank_sum_rerank(k::text, 1) FROM generate_series(1, 50) k)::text,
	(SELECT '{' || string_agg(format('1:"%s"=1', k), ', ' ORDER BY k::text COLLATE "C") || '}'
	 FROM generate_series(1, 50) k),
	'an all-tied input places everyone first, listed by entity');
SELECT is((SELECT ranked_count(rank_values(k::text, NULL, true)) FROM generate_series(1, 5) k),
	0, 'only NULL values: nobody is placed');
SELECT is((SELECT entity_count(rank_values(k::text, NULL, true)) FROM generate_series(1, 5) k),
	5, 'only NULL values: everyone is listed as left out');

SELECT * FROM finish();
ROLLBACK;
