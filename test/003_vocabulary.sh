#!/usr/bin/env bash
# One vocabulary, and documentation that writes it:
# - every function of schema benchmark and of the engine's schema is described
#   in README.md or docs/*.md (what users never call is in schema
#   benchmark_internal);
# - the functions of schema benchmark name an argument alike everywhere: a
#   model model_name, a municipality kommune_name (text: a name or a code), a
#   period period_label (from_period, to_period ...), a target target_name, a
#   peer group peer_group_name; a period is text, and only the *_for
#   functions take several, as periods text[];
# - every call the documentation writes with argument names, such as
#   `model_changes(model_name, kommune_name, from_period, to_period)` or
#   `jobindsats_csv(doc bytea, table_id, dimensions, encoding DEFAULT 'UTF8',
#   decimal_mark)`, resolves in named notation with those names (prepared,
#   not run: PostgreSQL binds every name).
# Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
TOP=$(cd "$(dirname "$0")/.." && pwd)
DB=vocabulary_test
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }
fail() { echo "not ok - $*" >&2; exit 1; }

q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
q -d "$DB" -c 'CREATE EXTENSION benchmark'
# the documentation, as psql variable doc (\set doc `cat ...` at the start of a script)
SET_DOC="\\set doc \`cat '$TOP/README.md' '$TOP'/docs/*.md\`"

# the extension's functions by schema: benchmark, benchmark_internal and the engine's
FUNCTIONS="SELECT p.oid, p.proname, p.pronamespace::regnamespace::text AS nsp, p.prokind, p.proargnames,
	p.pronargs, p.pronargdefaults, p.proargtypes, p.proargmodes, p.proallargtypes
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')"

undocumented=$(q -d "$DB" -At <<SQL
$SET_DOC
SELECT string_agg(DISTINCT f.proname, ', ')
FROM ($FUNCTIONS) f
WHERE f.nsp <> 'benchmark_internal' AND NOT :'doc' ~ ('\m' || f.proname || '\M');
SQL
)
[ -z "$undocumented" ] || fail "functions the documentation does not describe (move what users never call to benchmark_internal): $undocumented"
n=$(q -d "$DB" -At -c "SELECT count(DISTINCT f.proname) FROM ($FUNCTIONS) f WHERE f.nsp <> 'benchmark_internal'")
echo "ok - each of the $n functions and aggregates of schema benchmark and the engine's schema is described in README.md or docs/*.md"

# the input arguments of the functions of schema benchmark
ARGUMENTS="SELECT f.proname, f.oid::regprocedure::text AS signature, a.name, a.type::regtype::text AS type
FROM ($FUNCTIONS) f,
	 unnest(f.proargnames, coalesce(f.proallargtypes, f.proargtypes::oid[]), coalesce(f.proargmodes, array_fill('i'::\"char\", ARRAY[f.pronargs])))
		 AS a(name, type, mode)
WHERE f.nsp = 'benchmark' AND a.mode IN ('i', 'b', 'v')"
off=$(q -d "$DB" -At <<SQL
SELECT string_agg(a.signature || ' ' || a.name || ' ' || a.type, '; ' ORDER BY a.signature, a.name)
FROM ($ARGUMENTS) a
WHERE a.name IN ('model', 'period', 'target', 'target_filter', 'group_name', 'source_group', 'new_group', 'draw_count', 'model_filter')
   OR (a.name = 'kommune' AND a.type <> 'kommune')
   OR ((a.name ~ 'period$' OR a.name = 'period_label') AND a.type <> 'text')
   OR (a.type = 'text[]' AND a.name ~ 'period' AND NOT (a.name = 'periods' AND a.proname ~ '_for$'));
SQL
)
[ -z "$off" ] || fail "arguments outside the vocabulary: $off"
echo "ok - the functions of schema benchmark take model_name, kommune_name, period_label (text; several periods only as periods text[] of a *_for function), target_name, peer_group_name"

# every call the documentation writes with argument names resolves with them: each call written
# in backquotes as name(argument, ...) of a function that names its arguments, each argument a
# name (with a type or a default), a type alone, a literal, or name => value (a <placeholder>
# value as NULL), is prepared in named notation
result=$(q -d "$DB" -At <<SQL
$SET_DOC
-- a type's name, or NULL for any other word (to_regtype raises for some, such as "from")
CREATE FUNCTION pg_temp.type_named(word text) RETURNS regtype LANGUAGE plpgsql AS \$\$
BEGIN
	RETURN to_regtype(word);
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END
\$\$;
CREATE TEMP TABLE named_functions AS
SELECT f.proname, f.nsp, f.proargnames FROM ($FUNCTIONS) f
WHERE f.prokind = 'f' AND f.nsp <> 'benchmark_internal' AND f.proargnames IS NOT NULL;
CREATE TEMP TABLE documented_calls AS
WITH forms AS (
	SELECT DISTINCT m[1] AS fn, m[2] AS args
	FROM regexp_matches(:'doc', '\`(?:benchmark\.)?([a-z_]+)\(([^\`()]+)\)\`', 'g') m
	WHERE m[1] IN (SELECT proname FROM named_functions)
	  AND m[2] !~ '(\.\.\.|…|\[,|\|)'
),
parts AS (
	SELECT f.fn, f.args, x.ord,
		   regexp_replace(btrim(x.m[1], E' \n'), '\s+DEFAULT\s+.*\$', '') AS part
	FROM forms f, regexp_matches(f.args, '(([^,'']|''[^'']*'')+)', 'g') WITH ORDINALITY x(m, ord)
),
pieces AS (
	SELECT p.fn, p.args, p.ord, p.part,
		   CASE WHEN p.part ~ '^[a-z_][a-z0-9_]*\s*=>\s*<' THEN regexp_replace(p.part, '=>.*\$', '=> NULL')
				WHEN p.part ~ '^(''|[0-9-]|NULL\$|true\$|false\$)' OR p.part ~ '^[a-z_][a-z0-9_]*\s*=>' THEN p.part
				WHEN w.word = ANY (SELECT unnest(n.proargnames) FROM named_functions n WHERE n.proname = p.fn)
					THEN w.word || ' => NULL' || CASE WHEN w.rest <> '' THEN '::' || w.rest ELSE '' END
				WHEN w.rest = '' AND pg_temp.type_named(w.word) IS NOT NULL THEN 'NULL::' || w.word
		   END AS piece
	FROM parts p,
		 LATERAL (SELECT substring(p.part FROM '^[a-z_][a-z0-9_]*') AS word,
						 btrim(regexp_replace(p.part, '^[a-z_][a-z0-9_]*', '')) AS rest) w
)
SELECT p.fn, p.args,
	   (SELECT DISTINCT n.nsp FROM named_functions n WHERE n.proname = p.fn) || '.' || p.fn
		   || '(' || string_agg(p.piece, ', ' ORDER BY p.ord) || ')' AS call,
	   string_agg(p.part, ', ' ORDER BY p.ord) FILTER (WHERE p.piece IS NULL) AS unknown
FROM pieces p
GROUP BY p.fn, p.args;
CREATE TEMP TABLE failed (fn text, args text, problem text);
DO \$\$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT * FROM documented_calls ORDER BY fn, args LOOP
		IF c.unknown IS NOT NULL THEN
			INSERT INTO failed VALUES (c.fn, c.args, 'no argument is named ' || c.unknown);
			CONTINUE;
		END IF;
		BEGIN
			EXECUTE 'PREPARE documented_call AS SELECT ' || c.call;
			DEALLOCATE documented_call;
		EXCEPTION WHEN OTHERS THEN
			INSERT INTO failed VALUES (c.fn, c.args, SQLERRM);
		END;
	END LOOP;
END
\$\$;
SELECT (SELECT count(*) FROM documented_calls) || ' calls of ' || (SELECT count(DISTINCT fn) FROM documented_calls) || ' functions';
SELECT format('%s(%s): %s', fn, regexp_replace(args, '\s+', ' ', 'g'), problem) FROM failed ORDER BY 1;
SQL
)
summary=$(head -1 <<<"$result")
problems=$(tail -n +2 <<<"$result")
[ -z "$problems" ] || fail "calls the documentation writes that do not resolve:
$problems"
echo "ok - the $summary the documentation writes with argument names, types or literals resolve in named notation"
