#!/usr/bin/env bash
# No operator or function a user creates changes what the extension runs.
#
# A role with CREATE on the database and on schema public (as databases
# created before PostgreSQL 15 grant it) plants decoys, in public and in a
# schema named like the superuser (the "$user" of the default search_path):
# for every pg_catalog operator and function name the extension's installed
# SQL and its C sources use, versions that take argument types pg_catalog
# reaches only through an implicit cast, so that any name bound under a
# search_path that sees them would pick the decoy (test/data/plant_objects.sql
# generates them from the installed objects, so new code is covered).  Each
# decoy logs "planted object ran".  Then the superuser, with the default
# search_path, runs CREATE EXTENSION, every user-facing view and function
# (test/data/user_facing_calls.sql: their answers must equal those of a
# database without decoys), a materialized view's refresh, DROP EXTENSION
# with and without users' rows, pg_dump and pg_restore, and ALTER EXTENSION
# UPDATE; no decoy may have run, and nothing of the extension may depend on
# one.  Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGOPTIONS="-c client_min_messages=warning"
LOG=$PGHOST/server.log
[ -r "$LOG" ] || { echo "FAIL: no server log at $LOG" >&2; exit 1; }
WORK=$(mktemp -d /tmp/benchmark-planted.XXXXXX)
DBS="planted_names planted_install planted_base planted_clean planted_calls planted_restore planted_update"
cleanup() {
	for db in $DBS; do psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
	psql -qX -d postgres -c 'DROP ROLE IF EXISTS mallory' -c 'DROP ROLE IF EXISTS access_probe' >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }
# the test's own catalog queries bind names in pg_catalog only
qc() { PGOPTIONS="$PGOPTIONS -c search_path=pg_catalog" psql -qX -v ON_ERROR_STOP=1 "$@"; }
fail() { echo "not ok - $*" >&2; exit 1; }
VICTIM=$(q -d postgres -At -c 'SELECT current_user')

q -d postgres -c 'DROP ROLE IF EXISTS mallory' -c 'CREATE ROLE mallory LOGIN'
# the role the calls of grant_access and revoke_access name
q -d postgres -c 'DROP ROLE IF EXISTS access_probe' -c 'CREATE ROLE access_probe'

# fresh DB: a database in which mallory may create schemas and create in public
fresh() {
	q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
	q -d "$1" -c "GRANT CREATE ON DATABASE $1 TO mallory" -c 'GRANT CREATE ON SCHEMA public TO mallory'
}

# the decoys, generated from an installed extension: of pg_catalog's types
# only (planted before CREATE EXTENSION), and also of the extension's types
fresh planted_names
q -d planted_names -c 'CREATE EXTENSION benchmark'
c_text=$(grep -ho '"[^"]*"' "$TOP"/src/*.c | tr '\n' ' ')
for types in off on; do
	q -d planted_names -At -v extension_types=$types -v c_text="$c_text" -f "$TOP/test/data/plant_objects.sql" >"$WORK/decoys_$types.sql"
done
echo "ok - decoys generated from the installed objects: $(grep -c '^CREATE OPERATOR' "$WORK/decoys_on.sql") operators and $(grep -c '^-- ' "$WORK/decoys_on.sql") functions a schema"

# plant DB TYPES: mallory plants the decoys in public and in schema "$VICTIM"
plant() {
	{
		printf 'CREATE SCHEMA %s;\n' "\"$VICTIM\""
		sed "s/@schema@/public/g" "$WORK/decoys_$2.sql"
		sed "s/@schema@/\"$VICTIM\"/g" "$WORK/decoys_$2.sql"
	} | PGUSER=mallory q -d "$1" >/dev/null
}

# clean_since LINE WHAT: no decoy ran since that line of the server log
clean_since() {
	local ran
	ran=$(tail -n +"$(($1 + 1))" "$LOG" | grep -a 'planted object ran' | sed 's/.*planted object ran: //' | sort | uniq -c | head -5 || true)
	[ -z "$ran" ] || fail "$2 ran planted objects: $ran"
}

# nothing of the extension depends on a decoy
no_dependency() {
	local n
	n=$(qc -d "$1" -At <<'SQL'
SELECT count(*) FROM pg_depend d
WHERE ((d.refclassid = 'pg_proc'::regclass AND d.refobjid IN (SELECT oid FROM pg_proc WHERE proowner = 'mallory'::regrole))
    OR (d.refclassid = 'pg_operator'::regclass AND d.refobjid IN (SELECT oid FROM pg_operator WHERE oprowner = 'mallory'::regrole)))
  AND d.objid IN (SELECT objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass
                  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark'))
SQL
)
	[ "$n" = 0 ] || fail "$n objects of the extension depend on planted objects in $1"
}

# 1. CREATE EXTENSION after the decoys are planted; DROP EXTENSION with and without users' rows
fresh planted_install
plant planted_install off
start=$(wc -l <"$LOG")
# without SCHEMA it would go into the first schema of the search_path, mallory's "$user"
if out=$(q -d planted_install -v VERBOSITY=verbose -c 'CREATE EXTENSION benchmark' 2>&1); then
	fail "CREATE EXTENSION into a schema mallory owns succeeded"
fi
grep -q "^ERROR:  42501: cannot create extension benchmark in schema $VICTIM, owned by role mallory" <<<"$out" \
	|| fail "unexpected error of CREATE EXTENSION into mallory's schema: $out"
echo "ok - CREATE EXTENSION refuses a schema another role owns (the \"\$user\" schema mallory made): 42501"
q -d planted_install -c 'CREATE EXTENSION benchmark SCHEMA public'
no_dependency planted_install
clean_since "$start" "CREATE EXTENSION"
echo "ok - CREATE EXTENSION beside decoys in public and \"$VICTIM\" binds none of them"
start=$(wc -l <"$LOG")
q -d planted_install -c 'DROP EXTENSION benchmark'
q -d planted_install -c 'CREATE EXTENSION benchmark SCHEMA public'
q -d planted_install -c "SELECT benchmark.model_copy('sonderborg-2023'::text, 'mine'::text)" >/dev/null
q -d planted_install -c "INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value)
	VALUES ('Y01A02'::text, 'Tønder'::text, 'Tønder'::public.kommune, '2023M01'::text, 'Antal'::text, 1::numeric)"
if out=$(q -d planted_install -c 'DROP EXTENSION benchmark' 2>&1); then fail "DROP EXTENSION with users' rows succeeded"; fi
grep -q '1 model (mine); 1 loaded observation (tables Y01A02)' <<<"$out" || fail "unexpected refusal: $out"
q -d planted_install -c 'DROP EXTENSION benchmark CASCADE'
clean_since "$start" "DROP EXTENSION"
echo "ok - DROP EXTENSION without users' rows, refused with them, and with CASCADE runs no decoy"

# 2. every user-facing view and function: the same answers beside decoys, and none of them run
sample_database planted_base
q -d planted_base -c "GRANT CREATE ON DATABASE planted_base TO mallory" -c 'GRANT CREATE ON SCHEMA public TO mallory'
q -d planted_base -c "CREATE MATERIALIZED VIEW placements_2023 AS SELECT * FROM benchmark.model_placements('sonderborg-2023'::text, '2023'::text)"
q -d postgres -c 'CREATE DATABASE planted_clean TEMPLATE planted_base' -c 'CREATE DATABASE planted_calls TEMPLATE planted_base'
q -d planted_calls -c "GRANT CREATE ON DATABASE planted_calls TO mallory"
# every user-facing object has a call
qc -d planted_base -At >"$WORK/user_facing" <<'SQL'
SELECT c.relname::text FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e' AND d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark') AND c.relkind IN ('v', 'm')
UNION ALL
SELECT regexp_replace(p.oid::regprocedure::text, '[a-z_]+\.', '', 'g') FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid JOIN pg_type t ON t.oid = p.prorettype
WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark') AND p.prokind = 'f'
  AND (p.proretset OR t.typtype = 'c' OR p.prorettype = 'record'::regtype)
  AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype) AND NOT 'internal'::regtype = ANY (p.proargtypes)
ORDER BY 1
SQL
sed -n 's/^-- call: //p' "$TOP/test/data/user_facing_calls.sql" | sort >"$WORK/called"
missing=$(comm -23 <(sort "$WORK/user_facing") "$WORK/called" | tr '\n' ' ')
[ -z "$missing" ] || fail "test/data/user_facing_calls.sql has no call of: $missing"
stale=$(comm -13 <(sort "$WORK/user_facing") "$WORK/called" | tr '\n' ' ')
[ -z "$stale" ] || fail "test/data/user_facing_calls.sql calls what the extension lacks: $stale"
echo "ok - test/data/user_facing_calls.sql calls each of the $(wc -l <"$WORK/called") user-facing views and functions"

plant planted_calls on
q -d planted_clean -f "$TOP/test/data/user_facing_calls.sql" >"$WORK/clean.out" 2>&1
start=$(wc -l <"$LOG")
q -d planted_calls -f "$TOP/test/data/user_facing_calls.sql" >"$WORK/planted.out" 2>&1
clean_since "$start" "the user-facing views and functions"
# the loads' stored_at differs by run; the rest must be equal
diff <(sed 's/20[0-9][0-9]-[0-9-]* [0-9:.+]*/<time>/g' "$WORK/clean.out") \
	<(sed 's/20[0-9][0-9]-[0-9-]* [0-9:.+]*/<time>/g' "$WORK/planted.out") >"$WORK/calls.diff" \
	|| { head -40 "$WORK/calls.diff" >&2; fail "answers beside decoys differ from those without"; }
echo "ok - every user-facing view and function answers as without decoys ($(wc -l <"$WORK/clean.out") lines) and runs none of them"

start=$(wc -l <"$LOG")
q -d planted_calls -c 'REFRESH MATERIALIZED VIEW placements_2023'
clean_since "$start" "REFRESH MATERIALIZED VIEW"
echo "ok - a materialized view over the runner refreshes without running a decoy"

# 3. pg_dump and pg_restore of a database with decoys
start=$(wc -l <"$LOG")
"$PG_BIN/pg_dump" -Fc -d planted_calls -f "$WORK/dump"
q -d postgres -c 'CREATE DATABASE planted_restore'
"$PG_BIN/pg_restore" --exit-on-error -d planted_restore "$WORK/dump"
q -d planted_restore -At -c "SELECT count(*) FROM benchmark.model_placements('sonderborg-2023'::text, '2023'::text)" >/dev/null
clean_since "$start" "pg_dump and pg_restore"
no_dependency planted_restore
echo "ok - pg_dump and pg_restore of a database with decoys run none of them"

# 4. ALTER EXTENSION UPDATE from the previous version beside decoys
fresh planted_update
q -d planted_update -c "CREATE EXTENSION benchmark VERSION '1.5'"
plant planted_update on
start=$(wc -l <"$LOG")
q -d planted_update -c 'ALTER EXTENSION benchmark UPDATE'
q -d planted_update -At -c "SELECT count(*) FROM benchmark.model_placements('sonderborg-2023'::text)" >/dev/null
clean_since "$start" "ALTER EXTENSION UPDATE"
no_dependency planted_update
echo "ok - ALTER EXTENSION UPDATE from 1.5 beside decoys binds and runs none of them"
