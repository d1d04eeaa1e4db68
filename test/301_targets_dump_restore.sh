#!/usr/bin/env bash
# pg_dump / pg_restore keeps targets, milestones and peer groups that users
# add, and the shipped examples and groups come back once (from CREATE
# EXTENSION), not twice.  Run by test/check.sh against its cluster.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d /tmp/benchmark-dump.XXXXXX)
trap 'rm -rf "$WORK"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS target_dump_src" -c "DROP DATABASE IF EXISTS target_dump_dst" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }
. "$TOP/test/dump_restore.sh"

q -d postgres -c 'DROP DATABASE IF EXISTS target_dump_dst' -c 'CREATE DATABASE target_dump_dst'
sample_database target_dump_src
q -d target_dump_src >/dev/null <<'SQL'
-- a group of one's own, a copy of a shipped one with a member less
INSERT INTO peer_group (peer_group, name_da, name_en) VALUES ('naboer', 'Naboer', 'Neighbours');
INSERT INTO peer_group_member (peer_group, kommune) VALUES ('naboer', 'Aabenraa'), ('naboer', 'Tønder'), ('naboer', 'Haderslev');
SELECT peer_group_copy('sydjylland', 'sydjylland-uden-fanoe');
DELETE FROM peer_group_member WHERE peer_group = 'sydjylland-uden-fanoe' AND kommune = 'Fanø';
-- targets on the catalog, on a source of one's own, with a milestone
CREATE SCHEMA egne;
CREATE TABLE egne.aktiverede (kommune text, period text, value numeric);
INSERT INTO egne.aktiverede VALUES ('Sønderborg', '2022', 41), ('Sønderborg', '2023', 44);
INSERT INTO target (target, kommune, title, model, measure, kind, direction, strict, peer_group, peer_average)
VALUES ('sb-langtid', 'Sønderborg', 'Under naboernes gennemsnit', 'sonderborg-2023', 'langtidsledige', 'peer', 'at_most', true, 'naboer', 'mean');
INSERT INTO target (target, kommune, title, source, unit, kind, direction, level, due, interpolate)
VALUES ('sb-aktive', 'Sønderborg', 'Mindst 50 % i 2024', 'egne.aktiverede', 'pct.', 'level', 'at_least', 50, '2024-12-31', true);
INSERT INTO target_milestone (target, due, value) VALUES ('sb-aktive', '2022-12-31', 40);
SQL

snapshot() {
	q -d "$1" -At <<'SQL'
SELECT 'groups', md5(string_agg(g::text, '|' ORDER BY g.peer_group)) FROM peer_group g WHERE NOT shipped;
SELECT 'members', md5(string_agg(m::text, '|' ORDER BY m.peer_group, m.kommune)) FROM peer_group_member m WHERE NOT shipped;
SELECT 'targets', md5(string_agg(t::text, '|' ORDER BY t.target)) FROM target t WHERE NOT shipped;
SELECT 'milestones', md5(string_agg(m::text, '|' ORDER BY m.target, m.due)) FROM target_milestone m WHERE NOT shipped;
SELECT 'shipped rows', (SELECT count(*) FROM peer_group WHERE shipped) + (SELECT count(*) FROM peer_group_member WHERE shipped)
	+ (SELECT count(*) FROM target WHERE shipped) + (SELECT count(*) FROM target_milestone WHERE shipped);
SELECT 'status', md5(string_agg(s::text, '|' ORDER BY s.target, s.period)) FROM target_status s;
SQL
}
dump_restore_same target_dump_src target_dump_dst
grep -q '^status|' "$WORK/before"
if q -d target_dump_dst -c "DELETE FROM peer_group_member WHERE peer_group = 'sydjylland'" 2>/dev/null; then
	echo "FAIL: a shipped peer group is writable after the restore" >&2
	exit 1
fi
echo "ok - pg_dump/pg_restore keeps user targets, milestones and peer groups ($(grep -c . "$WORK/after") checks)"
