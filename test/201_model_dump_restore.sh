#!/usr/bin/env bash
# pg_dump / pg_restore of a database with a user-edited model keeps the edits,
# and the shipped preset comes back once (from CREATE EXTENSION), not twice.
# Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d /tmp/benchmark-dump.XXXXXX)
trap 'rm -rf "$WORK"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS model_dump_src" -c "DROP DATABASE IF EXISTS model_dump_dst" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }
. "$TOP/test/dump_restore.sh"

q -d postgres -c 'DROP DATABASE IF EXISTS model_dump_dst' -c 'CREATE DATABASE model_dump_dst'
sample_database model_dump_src
q -d model_dump_src >/dev/null <<'SQL'
-- a user edits a copy of the preset ...
SELECT model_copy('sonderborg-2023', 'mine');
UPDATE model SET goal_rule = 'rank_sum', goal_missing = 'worst', goal_weight = 5 WHERE model = 'mine';
UPDATE model_area SET weight = 2, missing = 'scale' WHERE model = 'mine' AND area_no = 3;
UPDATE model_area SET in_total = true WHERE model = 'mine' AND area_no = 8;
DELETE FROM model_measure WHERE model = 'mine' AND measure = 'revalidering';
DELETE FROM model_excluded WHERE model = 'mine' AND kommune = 'Fanø';
INSERT INTO model_excluded (model, kommune, reason) VALUES ('mine', 'Tårnby', 'vores eget valg');
-- ... with a source of its own, a table the user owns
CREATE SCHEMA egne;
CREATE TABLE egne.tilfredshed AS SELECT * FROM model_sources.borgertilfredshed;
UPDATE egne.tilfredshed SET value = value + 1 WHERE kommune = 'Sønderborg';
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('mine', 'borgertilfredshed', 8, 1, 'Borgernes tilfredshed', 'Citizen satisfaction', true, 'egne.tilfredshed');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source)
VALUES ('mine', 'ekstra', 7, 2, 'Ekstra', 'Extra', false, 'egne.tilfredshed');
SQL

snapshot() {
	q -d "$1" -At <<'SQL'
SELECT 'model', md5(string_agg(m::text, '|' ORDER BY m.model)) FROM model m WHERE NOT shipped;
SELECT 'area', md5(string_agg(a::text, '|' ORDER BY a.model, a.area_no)) FROM model_area a WHERE NOT shipped;
SELECT 'measure', md5(string_agg(x::text, '|' ORDER BY x.model, x.measure)) FROM model_measure x WHERE NOT shipped;
SELECT 'benefit', md5(string_agg(b::text, '|' ORDER BY b.model, b.benefit)) FROM model_benefit b WHERE NOT shipped;
SELECT 'excluded', md5(string_agg(e::text, '|' ORDER BY e.model, e.kommune)) FROM model_excluded e WHERE NOT shipped;
SELECT 'shipped rows', (SELECT count(*) FROM model WHERE shipped) + (SELECT count(*) FROM model_area WHERE shipped)
	+ (SELECT count(*) FROM model_measure WHERE shipped) + (SELECT count(*) FROM model_benefit WHERE shipped)
	+ (SELECT count(*) FROM model_excluded WHERE shipped);
SELECT 'placements', md5(string_agg(p::text, '|' ORDER BY p.part, p.item_key, p.kommune)) FROM model_placements('mine', '2022') p;
SQL
}
dump_restore_same model_dump_src model_dump_dst
grep -q '^placements|' "$WORK/before"
# the preset is still protected after the restore
if q -d model_dump_dst -c "UPDATE model SET goal_weight = 1 WHERE model = 'sonderborg-2023'" 2>/dev/null; then
	echo "FAIL: the shipped preset is writable after the restore" >&2
	exit 1
fi
echo "ok - pg_dump/pg_restore keeps a user-edited model ($(grep -c . "$WORK/after") checks)"
