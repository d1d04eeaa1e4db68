#!/usr/bin/env bash
# DROP EXTENSION benchmark without CASCADE is refused (2BP01) while the
# catalog holds models, targets, peer groups, jobindsats terms, mappings or
# registered wide tables users added, or the store holds loaded observations,
# and the error says what and how much; with CASCADE, or with only shipped
# rows, the drop proceeds.
# The guard leaves other extensions, ALTER EXTENSION UPDATE and pg_dump /
# pg_restore (--clean included) alone.  Run by test/check.sh against its
# cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# how the extension is created (an installation predating schema benchmark: CREATE SCHEMA benchmark; CREATE EXTENSION benchmark SCHEMA benchmark)
CREATE_EXTENSION=${CREATE_EXTENSION:-CREATE EXTENSION benchmark}
WORK=$(mktemp -d /tmp/benchmark-drop.XXXXXX)
DB=drop_guard_test
DB2=drop_guard_restore
trap 'rm -rf "$WORK"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $DB2" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }
fail() { echo "not ok - $*" >&2; exit 1; }

fresh() {
	q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
	q -d "$1" -c "$CREATE_EXTENSION${2:-}"
}

# expect_refusal DB SQL PATTERN...: SQL fails with SQLSTATE 2BP01 and its message matches every PATTERN.
expect_refusal() {
	local db=$1 sql=$2 out
	shift 2
	if out=$(psql -qX -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$db" -c "$sql" 2>&1); then
		fail "$sql succeeded"
	fi
	grep -q '^ERROR:  2BP01: cannot drop extension benchmark because its catalog holds rows that users added' <<<"$out" \
		|| fail "$sql: unexpected error: $out"
	for p in "$@"; do
		grep -qE -- "$p" <<<"$out" || fail "$sql: the error lacks \"$p\": $out"
	done
	q -d "$db" -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'benchmark'" | grep -qx 1 \
		|| fail "$sql dropped the extension"
	printf '%s\n' "$out" >"$WORK/last_error"
}

# A database with a model, a target and a peer group of the users' own.
fresh "$DB"
q -d "$DB" >/dev/null <<'SQL'
SELECT benchmark.model_copy('sonderborg-2023', 'mine');
INSERT INTO benchmark.peer_group (peer_group, name_da, name_en) VALUES ('naboer', 'Naboer', 'Neighbours');
INSERT INTO benchmark.peer_group_member (peer_group, kommune) VALUES ('naboer', 'Aabenraa'), ('naboer', 'Tønder');
INSERT INTO benchmark.target (target, kommune, title, model, measure, kind, direction, strict, peer_group, peer_average)
VALUES ('sb-langtid', 'Sønderborg', 'Under naboernes gennemsnit', 'mine', 'langtidsledige', 'peer', 'at_most', true, 'naboer', 'mean');
CREATE EXTENSION pg_trgm;
SQL

expect_refusal "$DB" 'DROP EXTENSION benchmark' \
	'^DETAIL:  DROP EXTENSION would delete them .*: 1 model \(mine\); 1 target \(sb-langtid\); 1 peer group \(naboer\)\.$' \
	'^HINT:  Dump them first \(pg_dump keeps them\), or use DROP EXTENSION \.\.\. CASCADE'
sed -n '1,3p' "$WORK/last_error"
echo "ok - DROP EXTENSION benchmark is refused with 2BP01 and names the users' model, target and peer group"

expect_refusal "$DB" 'DROP EXTENSION benchmark RESTRICT' '1 model \(mine\)'
expect_refusal "$DB" 'DROP EXTENSION IF EXISTS pg_trgm, benchmark' '1 target \(sb-langtid\)'
q -d "$DB" -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'" | grep -qx 1 \
	|| fail "a refused DROP EXTENSION of two extensions dropped one"
echo "ok - RESTRICT and DROP EXTENSION IF EXISTS of several extensions are refused too, and drop nothing"

# the detail lists at most ten names of a kind
q -d "$DB" >/dev/null <<'SQL'
CREATE SCHEMA egne;
CREATE TABLE egne.aktiverede (kommune text, period text, value numeric);
INSERT INTO benchmark.target (target, kommune, title, source, unit, kind, direction, level)
SELECT 'extra-' || lpad(i::text, 2, '0'), 'Sønderborg', 'Extra', 'egne.aktiverede', 'pct.', 'level', 'at_most', 10
FROM generate_series(1, 11) i;
SQL
expect_refusal "$DB" 'DROP EXTENSION benchmark' \
	'12 targets \(extra-01, extra-02, extra-03, extra-04, extra-05, extra-06, extra-07, extra-08, extra-09, extra-10 and 2 more\)'
echo "ok - the detail lists ten names of a kind and counts the rest"

# each kind of row a user adds or loads holds the drop on its own: loaded
# observations, a jobindsats term, a mapping, a registered wide table
DB3=drop_guard_kinds
trap 'rm -rf "$WORK"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $DB2" -c "DROP DATABASE IF EXISTS $DB3" >/dev/null 2>&1 || true' EXIT
fresh "$DB3"
q -d "$DB3" >/dev/null <<'SQL'
INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, measure, value)
VALUES ('Y01A02', 'Aabenraa', 'Aabenraa', '2023M01', 'Fuldtidspersoner', 1),
       ('Y01A02', 'Tønder', 'Tønder', '2023M01', 'Fuldtidspersoner', 2),
       ('Y30R21', 'Tønder', 'Tønder', '2023', 'Forskel', 3);
SQL
expect_refusal "$DB3" 'DROP EXTENSION benchmark' \
	'^DETAIL:  DROP EXTENSION would delete them .*: 3 loaded observations \(tables Y01A02, Y30R21\)\.$'
# emptied, the store keeps the values as vintages, and the guard counts them; pruned, they go
q -d "$DB3" -c 'TRUNCATE benchmark.jobindsats_observation_series'
expect_refusal "$DB3" 'DROP EXTENSION benchmark' '^DETAIL:  .*: 3 kept vintages \(tables Y01A02, Y30R21\)\.$'
q -d "$DB3" -c 'SELECT benchmark.jobindsats_prune_revisions(now())' >/dev/null
q -d "$DB3" -c "INSERT INTO benchmark.jobindsats_term (term, table_id, measure) VALUES ('mit-led', 'Y01A02', 'Fuldtidspersoner')"
expect_refusal "$DB3" 'DROP EXTENSION benchmark' '^DETAIL:  .*: 1 jobindsats term \(mit-led\)\.$'
q -d "$DB3" -c "INSERT INTO benchmark.jobindsats_mapping (mapping, numerator) VALUES ('min-andel', '{mit-led}')"
expect_refusal "$DB3" 'DROP EXTENSION benchmark' '^DETAIL:  .*: 1 jobindsats term \(mit-led\); 1 jobindsats mapping \(min-andel\)\.$'
q -d "$DB3" -c "DELETE FROM benchmark.jobindsats_mapping WHERE NOT shipped" -c "DELETE FROM benchmark.jobindsats_term WHERE NOT shipped"
q -d "$DB3" >/dev/null <<'SQL'
CREATE TABLE public.y01a02 ("Område" text, "Periode" text, "Fuldtidspersoner" numeric);
INSERT INTO benchmark.jobindsats_source (table_id, relation) VALUES ('Y01A02', 'public.y01a02');
SQL
expect_refusal "$DB3" 'DROP EXTENSION benchmark' '^DETAIL:  .*: 1 registered wide table \(Y01A02\)\.$'
q -d "$DB3" -c "DELETE FROM benchmark.jobindsats_source"
q -d "$DB3" -c 'DROP EXTENSION benchmark'
echo "ok - loaded observations, the vintages an emptied store keeps, a user's jobindsats term, mapping and registered wide table each hold DROP EXTENSION, named and counted; without them it proceeds"

# other extensions drop as before
q -d "$DB" -c 'DROP EXTENSION pg_trgm'
echo "ok - DROP EXTENSION of another extension is not guarded"

# pg_dump and pg_restore --clean: the dump's rows replace the database's
q -d postgres -c "DROP DATABASE IF EXISTS $DB2" -c "CREATE DATABASE $DB2"
"$PG_BIN/pg_dump" -Fc -d "$DB" -f "$WORK/dump"
"$PG_BIN/pg_restore" --exit-on-error -d "$DB2" "$WORK/dump"
q -d "$DB2" -c "UPDATE benchmark.peer_group SET name_en = 'changed' WHERE peer_group = 'naboer'"
"$PG_BIN/pg_restore" --exit-on-error --clean --if-exists -d "$DB2" "$WORK/dump"
[ "$(q -d "$DB2" -At -c "SELECT name_en FROM benchmark.peer_group WHERE peer_group = 'naboer'")" = Neighbours ] \
	|| fail "pg_restore --clean did not bring back the dumped peer group"
[ "$(q -d "$DB2" -At -c "SELECT count(*) FROM pg_event_trigger WHERE evtfoid = 'benchmark_internal.drop_guard'::regproc")" = 1 ] \
	|| fail "the restored database lacks the guard"
expect_refusal "$DB2" 'DROP EXTENSION benchmark' '1 model \(mine\)'
echo "ok - pg_dump / pg_restore (and pg_restore --clean) work with the guard, which guards the restored database"

# CASCADE drops the extension with the users' rows
q -d "$DB" -c 'DROP EXTENSION benchmark CASCADE'
q -d "$DB" -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'benchmark'" | grep -qx 0 || fail "CASCADE did not drop"
q -d "$DB" -At -c "SELECT count(*) FROM pg_event_trigger" | grep -qx 0 || fail "the event trigger outlived the extension"
echo "ok - DROP EXTENSION benchmark CASCADE drops it, users' rows and the event trigger with it"

# with only shipped rows the drop proceeds without CASCADE, also after ALTER EXTENSION UPDATE from 1.3
fresh "$DB" " VERSION '1.3'"
q -d "$DB" -c 'ALTER EXTENSION benchmark UPDATE'
[ "$(q -d "$DB" -At -c "SELECT count(*) FROM pg_event_trigger WHERE evtname = 'benchmark_drop_guard'")" = 1 ] \
	|| fail "ALTER EXTENSION UPDATE did not add the guard"
q -d "$DB" -c 'DROP EXTENSION benchmark'
echo "ok - ALTER EXTENSION UPDATE from 1.3 adds the guard; with only shipped rows DROP EXTENSION benchmark proceeds"
q -d "$DB" -c 'DROP EXTENSION IF EXISTS benchmark'
echo "ok - DROP EXTENSION IF EXISTS benchmark when it is not there"
