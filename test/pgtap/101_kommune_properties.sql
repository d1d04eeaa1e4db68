-- The kommune type's functions, aggregates, operator classes, casts and
-- comments as the catalog records them, and the shipped list of the 98
-- municipalities row by row.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(31);

-- the engine's functions that take or return a kommune, with their kind: those of the
-- extension's schema and the support functions of its types, operators and aggregates
CREATE TEMP VIEW kommune_functions AS
SELECT p.oid, p.oid::regprocedure::text AS signature, p.prokind, p.provolatile, p.proisstrict,
	   p.proparallel, p.prosrc, p.prorettype = 'internal'::regtype AS transition
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	 AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')
WHERE (p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'benchmark')
	   OR p.oid IN (SELECT typinput FROM pg_type UNION SELECT typoutput FROM pg_type UNION SELECT typreceive FROM pg_type
					UNION SELECT typsend FROM pg_type UNION SELECT oprcode FROM pg_operator UNION SELECT amproc FROM pg_amproc
					UNION SELECT aggtransfn FROM pg_aggregate))
  AND ('kommune'::regtype = ANY (p.proargtypes) OR p.prorettype = 'kommune'::regtype
	  OR 'kommune'::regtype = ANY (p.proallargtypes));

SELECT is((SELECT count(*)::int FROM kommune_functions WHERE prokind = 'f' AND NOT transition), 28,
	'28 functions take or return a kommune (four of them compare it with text)');
SELECT is_empty($$SELECT signature FROM kommune_functions
				 WHERE prokind = 'f' AND NOT transition
				   AND NOT (provolatile = 'i' AND proisstrict AND proparallel = 's')$$,
	'every kommune function is IMMUTABLE STRICT PARALLEL SAFE');
SELECT is_empty($$SELECT signature FROM kommune_functions
				 WHERE transition AND (proisstrict OR proparallel <> 's' OR provolatile <> 'i')$$,
	'kommune transition functions are non-strict (internal state), IMMUTABLE, PARALLEL SAFE');
SELECT set_eq($$SELECT DISTINCT prosrc FROM kommune_functions WHERE transition$$,
	ARRAY['rank_values_transfn', 'placement_sum_transfn', 'weighted_placement_transfn'],
	'kommune transition functions are the C functions of the text versions');
SELECT is((SELECT count(*)::int FROM kommune_functions WHERE transition), 9,
	'a transition function per aggregate overload');
SELECT is_empty($$SELECT signature FROM kommune_functions
				 WHERE signature NOT LIKE '%transfn%' AND signature !~ 'kommune_(in|out|recv|send)\('
				   AND obj_description(oid, 'pg_proc') IS NULL$$,
	'every user-facing kommune function and aggregate has a comment');

-- the aggregate overloads: the text version's final, combine, serial and deserial functions
SELECT is((SELECT count(*)::int FROM kommune_functions WHERE prokind = 'a'), 9,
	'nine aggregate overloads take kommune');
SELECT is_empty($$
	SELECT k.aggfnoid::regprocedure::text
	FROM pg_aggregate k
	JOIN pg_proc kp ON kp.oid = k.aggfnoid AND kp.proargtypes[0] = 'kommune'::regtype
	LEFT JOIN pg_proc tp ON tp.proname = kp.proname AND tp.pronamespace = kp.pronamespace
		 AND tp.proargtypes[0] = 'text'::regtype AND tp.pronargs = kp.pronargs
		 AND (tp.proargtypes::oid[])[1:] = (kp.proargtypes::oid[])[1:]
	LEFT JOIN pg_aggregate t ON t.aggfnoid = tp.oid
	WHERE t.aggfnoid IS NULL OR kp.proparallel <> 's'
	   OR (k.aggfinalfn, k.aggcombinefn, k.aggserialfn, k.aggdeserialfn, k.aggfinalmodify, k.aggtranstype)
		  IS DISTINCT FROM
		  (t.aggfinalfn, t.aggcombinefn, t.aggserialfn, t.aggdeserialfn, t.aggfinalmodify, t.aggtranstype)
	   OR (SELECT prosrc FROM pg_proc WHERE oid = k.aggtransfn)
		  <> (SELECT prosrc FROM pg_proc WHERE oid = t.aggtransfn)$$,
	'each kommune aggregate mirrors its text version and is parallel safe');
SELECT has_function('rank_values', ARRAY['kommune', 'double precision', 'boolean']);
SELECT has_function('rank_sum_rerank', ARRAY['kommune', 'integer', 'text']);
SELECT has_function('weighted_placement', ARRAY['kommune', 'numeric', 'numeric', 'text']);

-- operator classes and casts
SELECT ok((SELECT opcdefault FROM pg_opclass WHERE opcname = 'kommune_ops'
		   AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree')),
	'kommune_ops is the default btree operator class');
SELECT ok((SELECT opcdefault FROM pg_opclass WHERE opcname = 'kommune_hash_ops'
		   AND opcmethod = (SELECT oid FROM pg_am WHERE amname = 'hash')),
	'kommune_hash_ops is the default hash operator class');
SELECT is((SELECT array_agg(amprocnum::int ORDER BY amprocnum) FROM pg_amproc ap
		   JOIN pg_opclass oc ON oc.opcfamily = ap.amprocfamily WHERE oc.opcname = 'kommune_hash_ops'),
	ARRAY[1, 2], 'hash support functions 1 and 2 (extended, for hash partitioning)');
SELECT is((SELECT count(*)::int FROM pg_amop ao JOIN pg_opclass oc ON oc.opcfamily = ao.amopfamily
		   WHERE oc.opcname = 'kommune_ops'), 5, 'btree strategies 1 to 5');
SELECT is_empty($$SELECT oprname FROM pg_operator
				 WHERE (oprleft, oprright) IN (('kommune'::regtype, 'kommune'::regtype),
											   ('kommune'::regtype, 'text'::regtype), ('text'::regtype, 'kommune'::regtype))
				   AND (oprcom = 0 OR oprnegate = 0 OR obj_description(oid, 'pg_operator') IS NULL)$$,
	'comparison operators have commutators, negators and comments');
SELECT is((SELECT castcontext::text FROM pg_cast
		   WHERE castsource = 'integer'::regtype AND casttarget = 'kommune'::regtype), 'e',
	'integer to kommune is an explicit cast');
SELECT is((SELECT castcontext::text FROM pg_cast
		   WHERE castsource = 'kommune'::regtype AND casttarget = 'text'::regtype), 'a',
	'kommune to text is an assignment cast');
SELECT is((SELECT castcontext::text FROM pg_cast
		   WHERE castsource = 'text'::regtype AND casttarget = 'kommune'::regtype), 'e',
	'text to kommune is an explicit cast');
SELECT ok(obj_description('kommune'::regtype, 'pg_type') IS NOT NULL, 'the type has a comment');

-- the shipped list
SELECT is((SELECT count(DISTINCT code)::int FROM kommuner()), 98, '98 different codes');
SELECT is((SELECT count(DISTINCT name)::int FROM kommuner()), 98, '98 different names');
SELECT ok((SELECT min(code) = 101 AND max(code) = 860 FROM kommuner()), 'codes run from 101 to 860');
SELECT results_eq($$SELECT region, region_code, count(*)::int FROM kommuner() GROUP BY 1, 2 ORDER BY 2$$,
	$$VALUES ('Nordjylland', 1081, 11), ('Midtjylland', 1082, 19), ('Syddanmark', 1083, 22),
			 ('Hovedstaden', 1084, 29), ('Sjælland', 1085, 17)$$,
	'five regions, one code each, with their municipalities');
SELECT results_eq($$SELECT landsdel_code, landsdel, min(region), max(region), count(*)::int
					FROM kommuner() GROUP BY 1, 2 ORDER BY 1$$,
	$$VALUES ('01', 'Byen København', 'Hovedstaden', 'Hovedstaden', 4),
			 ('02', 'Københavns omegn', 'Hovedstaden', 'Hovedstaden', 13),
			 ('03', 'Nordsjælland', 'Hovedstaden', 'Hovedstaden', 11),
			 ('04', 'Bornholm', 'Hovedstaden', 'Hovedstaden', 1),
			 ('05', 'Østsjælland', 'Sjælland', 'Sjælland', 5),
			 ('06', 'Vest- og Sydsjælland', 'Sjælland', 'Sjælland', 12),
			 ('07', 'Fyn', 'Syddanmark', 'Syddanmark', 10),
			 ('08', 'Sydjylland', 'Syddanmark', 'Syddanmark', 12),
			 ('09', 'Østjylland', 'Midtjylland', 'Midtjylland', 11),
			 ('10', 'Vestjylland', 'Midtjylland', 'Midtjylland', 8),
			 ('11', 'Nordjylland', 'Nordjylland', 'Nordjylland', 11)$$,
	'eleven landsdele, each within one region, with their municipalities');
SELECT is((SELECT count(*)::int FROM kommuner() WHERE code NOT IN (492, 563, 741, 825)), 94,
	'94 once the four small islands (Ærø 492, Fanø 563, Samsø 741, Læsø 825) are left out');
SELECT is_empty($$SELECT name FROM kommuner()
				 WHERE name::kommune <> kommune OR code::kommune <> kommune OR kommune_lookup(name) <> kommune
				    OR kommune::text <> name OR kommune::integer <> code OR kommune_name(kommune) <> name
				    OR kommune_code(kommune) <> code OR kommune_region(kommune) <> region
				    OR kommune_region_code(kommune) <> region_code OR kommune_landsdel(kommune) <> landsdel
				    OR kommune_landsdel_code(kommune) <> landsdel_code$$,
	'every row agrees with the functions, the casts and input of its name and code');
SELECT is((SELECT array_agg(kommune::text ORDER BY kommune) FROM kommuner()),
		  (SELECT array_agg(name ORDER BY code) FROM kommuner()), 'kommune orders by code');

-- SQLSTATEs
SELECT throws_ok($$SELECT 'Christiansø'::kommune$$, '22P02', NULL, 'Christiansø is no municipality: 22P02');
SELECT throws_ok($$SELECT 'Hele landet'::kommune$$, '22P02', NULL, 'the whole country: 22P02');
SELECT throws_ok($$SELECT 411::kommune$$, '22023', NULL, 'an unknown integer code: 22023');

SELECT * FROM finish();
ROLLBACK;
