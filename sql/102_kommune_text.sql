-- kommune compared with text and varchar, as clients send parameters (JDBC's
-- setString sends varchar): =, <> and IN in both operand orders, the text read
-- as kommune input reads it, and the type's indexes still used.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;

CREATE TABLE kommune_text (k kommune PRIMARY KEY, code integer);
INSERT INTO kommune_text SELECT kommune, code FROM kommuner();
ANALYZE kommune_text;

-- the operators, their functions and comments
SELECT o.oprleft::regtype, o.oprname, o.oprright::regtype, o.oprcode, o.oprcom::regoperator,
	   o.oprnegate::regoperator, p.provolatile, p.proisstrict, p.proparallel,
	   obj_description(o.oid, 'pg_operator') IS NOT NULL AS commented,
	   obj_description(p.oid, 'pg_proc') IS NOT NULL AS function_commented
FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
WHERE 'kommune'::regtype IN (o.oprleft, o.oprright) AND 'text'::regtype IN (o.oprleft, o.oprright)
ORDER BY o.oprname, o.oprleft::regtype::text;

-- a varchar parameter: name, spellings, the code with and without zero, NULL
PREPARE by_varchar(varchar) AS SELECT k, code FROM kommune_text WHERE k = $1;
EXECUTE by_varchar('Sønderborg');
EXECUTE by_varchar('540');
EXECUTE by_varchar('0540');
EXECUTE by_varchar('sonderborg kommune');
EXECUTE by_varchar('Soenderborg');
EXECUTE by_varchar('Københavns Kommune');
EXECUTE by_varchar('hoeje-taastrup');
EXECUTE by_varchar(NULL);
-- a name that denotes no municipality is the type's own input error, whether
-- the plan is made for the value or for any value
SET plan_cache_mode = force_custom_plan;
EXECUTE by_varchar('Nowhere');
EXECUTE by_varchar('999');
SET plan_cache_mode = force_generic_plan;
EXECUTE by_varchar('Nowhere');
RESET plan_cache_mode;

-- a text parameter on either side
PREPARE by_text(text) AS SELECT k FROM kommune_text WHERE $1 = k;
EXECUTE by_text('Aabenraa');
EXECUTE by_text('580');
PREPARE by_text_left(text) AS SELECT k FROM kommune_text WHERE k = $1;
EXECUTE by_text_left('Åbenrå');

-- <> both ways, and NULL compares as unknown
PREPARE others(varchar) AS SELECT count(*) FROM kommune_text WHERE k <> $1;
EXECUTE others('Sønderborg');
EXECUTE others('540');
EXECUTE others(NULL);
PREPARE others_text(text) AS SELECT count(*) FROM kommune_text WHERE $1 <> k;
EXECUTE others_text('Aarhus');

-- IN and NOT IN with parameters
PREPARE among(varchar, varchar) AS SELECT k FROM kommune_text WHERE k IN ($1, $2) ORDER BY k;
EXECUTE among('Sønderborg', '751');
EXECUTE among('Sønderborg', NULL);
SET plan_cache_mode = force_generic_plan;
EXECUTE among('Sønderborg', 'Nowhere');
RESET plan_cache_mode;
PREPARE among_text(text, text, text) AS SELECT k FROM kommune_text WHERE k IN ($1, $2, $3) ORDER BY k;
EXECUTE among_text('Tønder', 'Tonder', '101');
PREPARE not_among(varchar, varchar) AS SELECT count(*) FROM kommune_text WHERE k NOT IN ($1, $2);
EXECUTE not_among('Sønderborg', 'Aabenraa');

-- text and varchar expressions and columns, not only parameters
SELECT count(*) FROM kommune_text t JOIN kommuner() n ON t.k = n.name;
SELECT count(*) FROM kommune_text t JOIN kommuner() n ON n.code::text = t.k;
SELECT k FROM kommune_text WHERE k = 'sønderborg'::varchar;
SELECT k FROM kommune_text WHERE 'Haderslev'::varchar(20) = k;
SELECT 'Sønderborg'::kommune = '540'::text AS eq, '540'::text <> 'Sønderborg'::kommune AS ne,
	   'Sønderborg'::kommune = NULL::text AS eq_null;

-- untyped literals keep meaning kommune = kommune
SELECT k FROM kommune_text WHERE k IN ('Sønderborg', '751') ORDER BY k;

-- the operator functions are inlined: the type's indexes serve the comparison,
-- in plans made for the values and in generic plans
SET enable_seqscan = off;
PREPARE plan_varchar(varchar) AS SELECT code FROM kommune_text WHERE k = $1;
PREPARE plan_text(text) AS SELECT code FROM kommune_text WHERE $1 = k;
PREPARE plan_among(varchar, varchar) AS SELECT code FROM kommune_text WHERE k IN ($1, $2);
SET plan_cache_mode = force_custom_plan;
EXPLAIN (COSTS OFF) EXECUTE plan_varchar('540');
EXPLAIN (COSTS OFF) EXECUTE plan_text('Sønderborg');
EXPLAIN (COSTS OFF) EXECUTE plan_among('Sønderborg', '751');
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE plan_varchar('540');
EXPLAIN (COSTS OFF) EXECUTE plan_text('Sønderborg');
EXPLAIN (COSTS OFF) EXECUTE plan_among('Sønderborg', '751');
EXECUTE plan_among('Sønderborg', '751');
-- a hash index serves it as well
ALTER TABLE kommune_text DROP CONSTRAINT kommune_text_pkey;
CREATE INDEX kommune_text_hash ON kommune_text USING hash (k);
EXPLAIN (COSTS OFF) EXECUTE plan_varchar('540');
EXECUTE plan_varchar('540');
RESET plan_cache_mode;
RESET enable_seqscan;

-- the operators work whatever the caller's search_path
SET search_path = pg_catalog;
SELECT count(*) FROM public.kommune_text WHERE k OPERATOR(public.=) 'Sønderborg'::text;
RESET search_path;

DEALLOCATE ALL;
DROP TABLE kommune_text;
