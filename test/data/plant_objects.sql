-- Writes the SQL that plants decoy operators and functions in schema @schema@
-- (run with psql -At; the output is a script to run as the planting role,
-- with @schema@ replaced by the schema's name).
-- Needs the extension installed in the current database; the names come from
-- its installed objects, so new code is covered: every pg_catalog operator
-- whose name occurs in the extension's SQL (function bodies, views,
-- constraints, defaults) or in the C sources' string literals (:'c_text'), and every
-- pg_catalog function called there.  A decoy takes argument types for which
-- pg_catalog has no exact match but resolves the call through an implicit
-- cast, so that an unqualified name bound under a search_path that sees the
-- decoy's schema would pick the decoy (the exact match).  Each decoy raises a
-- WARNING "planted object ran: ..." (it reaches the server log even when the
-- statement fails) and returns what pg_catalog's would.  Aggregates are not
-- planted (only functions and operators).  With :extension_types off, decoys
-- take pg_catalog's types only (to plant before CREATE EXTENSION).

SET search_path = pg_catalog;

CREATE TEMP TABLE extension_text AS
WITH members AS (
	SELECT classid, objid FROM pg_catalog.pg_depend
	WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND deptype = 'e'
	  AND refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'benchmark'))
SELECT pg_catalog.string_agg(t, E'\n') AS t FROM (
	SELECT COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) AS t
	FROM pg_catalog.pg_proc p JOIN members m ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND m.objid = p.oid
	JOIN pg_catalog.pg_language l ON l.oid = p.prolang WHERE l.lanname IN ('sql', 'plpgsql')
	UNION ALL
	SELECT pg_catalog.pg_get_viewdef(c.oid) FROM pg_catalog.pg_class c
	JOIN members m ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid = c.oid
	WHERE c.relkind IN ('v', 'm')
	UNION ALL
	SELECT pg_catalog.pg_get_constraintdef(co.oid) FROM pg_catalog.pg_constraint co
	JOIN members m ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid = co.conrelid
	UNION ALL
	SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d
	JOIN members m ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid = d.adrelid
	UNION ALL
	SELECT :'c_text') s;

-- the types decoys take: those of the extension's columns and arguments, and common literal types
CREATE TEMP TABLE decoy_type AS
WITH members AS (
	SELECT classid, objid FROM pg_catalog.pg_depend
	WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND deptype = 'e'
	  AND refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'benchmark'))
SELECT DISTINCT t.oid AS typ FROM pg_catalog.pg_type t
WHERE t.typtype IN ('b', 'e', 'd') AND t.typisdefined
  AND (:'extension_types'::pg_catalog.bool OR t.typnamespace = 'pg_catalog'::pg_catalog.regnamespace) AND (
	t.oid IN (SELECT a.atttypid FROM pg_catalog.pg_attribute a
			  JOIN members m ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid = a.attrelid
			  WHERE a.attnum > 0)
	OR t.oid IN (SELECT pg_catalog.unnest(p.proargtypes) FROM pg_catalog.pg_proc p
				 JOIN members m ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND m.objid = p.oid)
	OR t.oid IN ('int2'::pg_catalog.regtype, 'int4'::pg_catalog.regtype, 'int8'::pg_catalog.regtype,
				 'numeric'::pg_catalog.regtype, 'float4'::pg_catalog.regtype, 'float8'::pg_catalog.regtype,
				 'text'::pg_catalog.regtype, 'varchar'::pg_catalog.regtype, 'bpchar'::pg_catalog.regtype,
				 'name'::pg_catalog.regtype, 'oid'::pg_catalog.regtype, 'bool'::pg_catalog.regtype,
				 'date'::pg_catalog.regtype, 'timestamptz'::pg_catalog.regtype, 'timestamp'::pg_catalog.regtype,
				 'interval'::pg_catalog.regtype, 'json'::pg_catalog.regtype, 'jsonb'::pg_catalog.regtype,
				 'regclass'::pg_catalog.regtype, 'text[]'::pg_catalog.regtype, 'int4[]'::pg_catalog.regtype));

CREATE TEMP TABLE decoy (sql text);

DO $$
DECLARE
	op record;
	l oid;
	r oid;
	ret oid;
	k integer := 0;
	fn record;
	i integer;
	t oid;
	args oid[];
	arglist text;
	calllist text;
BEGIN
	-- operators: for each name, the type pairs pg_catalog resolves only through a cast
	FOR op IN SELECT DISTINCT o.oprname AS name, o.oprkind AS kind FROM pg_catalog.pg_operator o
		WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace
		  AND pg_catalog.strpos((SELECT x.t FROM extension_text x), o.oprname) > 0
	LOOP
		FOR l IN SELECT typ FROM decoy_type UNION ALL SELECT 0 WHERE op.kind = 'l' LOOP
			CONTINUE WHEN (l = 0) <> (op.kind = 'l');
			FOR r IN SELECT typ FROM decoy_type LOOP
				CONTINUE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_operator o
					WHERE o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace AND o.oprname = op.name
					  AND o.oprleft = l AND o.oprright = r);
				BEGIN
					IF l = 0 THEN
						EXECUTE pg_catalog.format('SELECT pg_catalog.pg_typeof(OPERATOR(pg_catalog.%s) NULL::%s)::pg_catalog.oid',
												  op.name, r::pg_catalog.regtype) INTO ret;
					ELSE
						EXECUTE pg_catalog.format('SELECT pg_catalog.pg_typeof(NULL::%s OPERATOR(pg_catalog.%s) NULL::%s)::pg_catalog.oid',
												  l::pg_catalog.regtype, op.name, r::pg_catalog.regtype) INTO ret;
					END IF;
				EXCEPTION WHEN OTHERS THEN
					CONTINUE;
				END;
				k := k + 1;
				INSERT INTO decoy VALUES (pg_catalog.format(
					$f$CREATE FUNCTION @schema@.planted_operator_%s(%s) RETURNS %s LANGUAGE plpgsql AS $b$
BEGIN
	RAISE WARNING 'planted object ran: operator @schema@.%s(%s) as %%', current_user;
	RETURN %s;
END $b$;
CREATE OPERATOR @schema@.%s (%sRIGHTARG = %s, FUNCTION = @schema@.planted_operator_%s);$f$,
					k,
					CASE WHEN l = 0 THEN r::pg_catalog.regtype::text ELSE l::pg_catalog.regtype || ', ' || r::pg_catalog.regtype END,
					ret::pg_catalog.regtype, pg_catalog.replace(op.name, '%', '%%'),
					CASE WHEN l = 0 THEN 'NONE, ' || r::pg_catalog.regtype ELSE l::pg_catalog.regtype || ', ' || r::pg_catalog.regtype END,
					CASE WHEN l = 0 THEN pg_catalog.format('OPERATOR(pg_catalog.%s) $1', op.name)
						 ELSE pg_catalog.format('$1 OPERATOR(pg_catalog.%s) $2', op.name) END,
					op.name,
					CASE WHEN l = 0 THEN '' ELSE 'LEFTARG = ' || l::pg_catalog.regtype || ', ' END,
					r::pg_catalog.regtype, k));
			END LOOP;
		END LOOP;
	END LOOP;

	-- functions: each pg_catalog overload called, with one argument of a type that casts to it implicitly
	FOR fn IN SELECT p.proname AS name, ARRAY(SELECT pg_catalog.unnest(p.proargtypes)) AS argtypes, p.prorettype AS rettype
		FROM pg_catalog.pg_proc p
		WHERE p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace AND p.prokind = 'f'
		  AND p.pronargs BETWEEN 1 AND 3 AND p.provariadic = 0 AND NOT p.proretset
		  AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[] || p.prorettype) a(typ)
						  JOIN pg_catalog.pg_type ty ON ty.oid = a.typ WHERE ty.typtype = 'p')
		  AND p.proname IN (SELECT m[1] FROM pg_catalog.regexp_matches((SELECT x.t FROM extension_text x),
															  '([a-z_][a-z0-9_]*)\s*\(', 'g') m)
	LOOP
		FOR i IN 1 .. pg_catalog.array_length(fn.argtypes, 1) LOOP
			FOR t IN SELECT d.typ FROM decoy_type d JOIN pg_catalog.pg_cast c
					ON c.castsource = d.typ AND c.casttarget = fn.argtypes[i] AND c.castcontext = 'i'
			LOOP
				args := fn.argtypes;
				args[i] := t;
				CONTINUE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_proc p
					WHERE p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace AND p.proname = fn.name
					  AND ARRAY(SELECT pg_catalog.unnest(p.proargtypes)) = args);
				CONTINUE WHEN EXISTS (SELECT 1 FROM decoy d WHERE d.sql = pg_catalog.format('-- %s(%s)', fn.name, args::pg_catalog.regtype[]::text));
				SELECT pg_catalog.string_agg(a::pg_catalog.regtype::text, ', ' ORDER BY n),
					   pg_catalog.string_agg(pg_catalog.format('$%s::%s', n, fn.argtypes[n]::pg_catalog.regtype), ', ' ORDER BY n)
				INTO arglist, calllist FROM pg_catalog.unnest(args) WITH ORDINALITY u(a, n);
				INSERT INTO decoy VALUES (pg_catalog.format('-- %s(%s)', fn.name, args::pg_catalog.regtype[]::text));
				INSERT INTO decoy VALUES (pg_catalog.format(
					$f$CREATE FUNCTION @schema@.%I(%s) RETURNS %s LANGUAGE plpgsql AS $b$
BEGIN
	RAISE WARNING 'planted object ran: function @schema@.%s(%s) as %%', current_user;
	RETURN pg_catalog.%I(%s);
END $b$;$f$,
					fn.name, arglist, fn.rettype::pg_catalog.regtype, fn.name, arglist, fn.name, calllist));
			END LOOP;
		END LOOP;
	END LOOP;
END $$;

SELECT sql FROM decoy;
