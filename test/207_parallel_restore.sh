#!/usr/bin/env bash
# A parallel pg_restore (-j 4) of a directory-format dump keeps every row users
# added to the catalog (a copied and edited model, exclusions, peer groups,
# targets and milestones) and every cell of the observation store (the real
# Y30R21 file, Kilde: Jobindsats.dk (STAR), and a sample wide table), and
# refreshes materialized views over the catalog with the same content as in
# the dumped database; the load log is kept, and the stored series, which are
# not dumped, are derived again to the same rows.  Run by test/check.sh
# against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
JOBS=${JOBS:-4}
WORK=$(mktemp -d /tmp/benchmark-dump.XXXXXX)
SRC=parallel_restore_src
DST=parallel_restore_dst
trap 'rm -rf "$WORK"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }
# how the extension is created (an installation predating schema benchmark: CREATE SCHEMA benchmark; CREATE EXTENSION benchmark SCHEMA benchmark)
CREATE_EXTENSION=${CREATE_EXTENSION:-CREATE EXTENSION benchmark}

q -d postgres -c "DROP DATABASE IF EXISTS $DST" -c "CREATE DATABASE $DST"
if [ "$CREATE_EXTENSION" = "CREATE EXTENSION benchmark" ]; then
	sample_database "$SRC"
else
	q -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "CREATE DATABASE $SRC"
	(cd "$TOP" && q -d "$SRC" -c "$CREATE_EXTENSION" -f test/data/load_sample.sql >/dev/null)
fi
q -d "$SRC" -v y30r21="$TOP/test/data/jobindsats/y30r21_2022QMAT04.csv" >/dev/null <<'SQL'
-- the observation store: a download and a wide table loaded
SELECT * FROM benchmark.jobindsats_load('Y30R21', pg_read_file(:'y30r21'));
SELECT * FROM benchmark.jobindsats_load('Y01A02', 'jobindsats.y01a02'::regclass);
-- a copy of the preset, edited
SELECT benchmark.model_copy('sonderborg-2023', 'mine');
UPDATE benchmark.model SET goal_weight = 5 WHERE model = 'mine';
UPDATE benchmark.model_area SET weight = 2, missing = 'scale' WHERE model = 'mine' AND area_no = 3;
UPDATE benchmark.model_measure SET name_en = 'Long-term unemployed (ours)' WHERE model = 'mine' AND measure = 'langtidsledige';
-- exclusions of one's own
DELETE FROM benchmark.model_excluded WHERE model = 'mine' AND kommune = 'Fanø';
INSERT INTO benchmark.model_excluded (model, kommune, reason) VALUES ('mine', 'Tårnby', 'vores eget valg');
-- a peer group of one's own, with members
INSERT INTO benchmark.peer_group (peer_group, name_da, name_en) VALUES ('naboer', 'Naboer', 'Neighbours');
INSERT INTO benchmark.peer_group_member (peer_group, kommune) VALUES ('naboer', 'Aabenraa'), ('naboer', 'Tønder'), ('naboer', 'Haderslev');
-- targets: one following the copy's measure, one with milestones
INSERT INTO benchmark.target (target, kommune, title, model, measure, kind, direction, strict, peer_group, peer_average)
VALUES ('sb-langtid', 'Sønderborg', 'Under naboernes gennemsnit', 'mine', 'langtidsledige', 'peer', 'at_most', true, 'naboer', 'mean');
INSERT INTO benchmark.target (target, kommune, title, model, benefit, kind, direction, level, due, interpolate, first_period, last_period)
VALUES ('sb-sygedagpenge', 'Sønderborg', 'Højst 400 på sygedagpenge i 2024', 'mine', 'sygedagpenge', 'level', 'at_most',
		400, '2024-12-31', true, '2021', '2024');
INSERT INTO benchmark.target_milestone (target, due, value) VALUES ('sb-sygedagpenge', '2022-12-31', 480), ('sb-sygedagpenge', '2023-12-31', 440);
-- materialized views over the catalog
CREATE SCHEMA rapport;
CREATE MATERIALIZED VIEW rapport.placeringer AS
SELECT * FROM benchmark.model_placements('mine', '2022');
CREATE MATERIALIZED VIEW rapport.maal AS
SELECT s.* FROM benchmark.target_status s JOIN benchmark.target t USING (target) WHERE NOT t.shipped;
SQL
# a list shown to a committee, saved, and the moment it was read pinned; then a revision of
# 2022's months of the count behind the measure langtidsledige for three municipalities (kept as
# vintages), after which the materialized views are refreshed
q -d "$SRC" -c "CREATE TABLE rapport.udvalgsliste AS SELECT * FROM benchmark.model_placements('mine', '2022')" >/dev/null
moment=$(q -d "$SRC" -At -c "SELECT clock_timestamp()")
q -d "$SRC" -v moment="$moment" >/dev/null <<'SQL'
INSERT INTO benchmark.jobindsats_vintage_pin (pinned_at, label) VALUES (:'moment', 'Udvalget, listen for 2022');
UPDATE benchmark.jobindsats_observation SET value = value * 3
WHERE (table_id, measure) = (SELECT t.table_id, t.measure FROM benchmark.jobindsats_term t JOIN benchmark.jobindsats_mapping m ON t.term = ANY (m.numerator)
							 WHERE m.mapping = 'langtidsledige')
  AND period LIKE '2022M%' AND kommune IN ('Sønderborg', 'Tønder', 'Aabenraa') AND value IS NOT NULL;
REFRESH MATERIALIZED VIEW rapport.placeringer;
REFRESH MATERIALIZED VIEW rapport.maal;
SQL

# user rows of every catalog table, and the materialized views, one line each
snapshot() {
	q -d "$1" -At -v moment="$moment" <<'SQL'
SELECT 'model', count(*), md5(string_agg(x::text, '|' ORDER BY x.model)) FROM benchmark.model x WHERE NOT shipped;
SELECT 'model_area', count(*), md5(string_agg(x::text, '|' ORDER BY x.model, x.area_no)) FROM benchmark.model_area x WHERE NOT shipped;
SELECT 'model_measure', count(*), md5(string_agg(x::text, '|' ORDER BY x.model, x.measure)) FROM benchmark.model_measure x WHERE NOT shipped;
SELECT 'model_benefit', count(*), md5(string_agg(x::text, '|' ORDER BY x.model, x.benefit)) FROM benchmark.model_benefit x WHERE NOT shipped;
SELECT 'model_excluded', count(*), md5(string_agg(x::text, '|' ORDER BY x.model, x.kommune)) FROM benchmark.model_excluded x WHERE NOT shipped;
SELECT 'peer_group', count(*), md5(string_agg(x::text, '|' ORDER BY x.peer_group)) FROM benchmark.peer_group x WHERE NOT shipped;
SELECT 'peer_group_member', count(*), md5(string_agg(x::text, '|' ORDER BY x.peer_group, x.kommune)) FROM benchmark.peer_group_member x WHERE NOT shipped;
SELECT 'target', count(*), md5(string_agg(x::text, '|' ORDER BY x.target)) FROM benchmark.target x WHERE NOT shipped;
SELECT 'target_milestone', count(*), md5(string_agg(x::text, '|' ORDER BY x.target, x.due)) FROM benchmark.target_milestone x WHERE NOT shipped;
SELECT 'jobindsats_observation', count(*), md5(string_agg(x::text, '|' ORDER BY x.table_id, x.area, x.period, x.dimensions, x.measure)) FROM benchmark.jobindsats_observation x;
SELECT 'shipped rows', (SELECT count(*) FROM benchmark.model WHERE shipped) + (SELECT count(*) FROM benchmark.model_area WHERE shipped)
	+ (SELECT count(*) FROM benchmark.model_measure WHERE shipped) + (SELECT count(*) FROM benchmark.model_benefit WHERE shipped)
	+ (SELECT count(*) FROM benchmark.model_excluded WHERE shipped) + (SELECT count(*) FROM benchmark.peer_group WHERE shipped)
	+ (SELECT count(*) FROM benchmark.peer_group_member WHERE shipped) + (SELECT count(*) FROM benchmark.target WHERE shipped)
	+ (SELECT count(*) FROM benchmark.target_milestone WHERE shipped), '';
SELECT 'jobindsats_loads', count(*), md5(string_agg(x::text, '|' ORDER BY x.load_id)) FROM benchmark.jobindsats_loads x;
-- the stored series are not dumped: the restore derives them again, to the same rows
SELECT 'stored term series', count(*), md5(string_agg(x::text, '|' ORDER BY x.term, x.period_form, x.period, x.kommune)) FROM benchmark.jobindsats_term_series x;
SELECT 'stored mapping series', count(*), md5(string_agg(x::text, '|' ORDER BY x.mapping, x.period_form, x.period, x.kommune)) FROM benchmark.jobindsats_mapping_series x;
SELECT 'model_placements run after the restore', count(*), md5(string_agg(x::text, '|' ORDER BY x::text)) FROM benchmark.model_placements('sonderborg-2023') x;
SELECT 'matview rapport.placeringer', count(*), md5(string_agg(x::text, '|' ORDER BY x.part, x.item_key, x.kommune)) FROM rapport.placeringer x;
SELECT 'matview rapport.maal', count(*), md5(string_agg(x::text, '|' ORDER BY x.target, x.period)) FROM rapport.maal x;
-- the vintages and the pinned moment are dumped; as of that moment the list is the one read then
SELECT 'saved list rapport.udvalgsliste', count(*), md5(string_agg(x::text, '|' ORDER BY x.part, x.item_key, x.kommune)) FROM rapport.udvalgsliste x;
SELECT 'vintages', count(*), md5(string_agg(x::text, '|' ORDER BY x.revision_id)) FROM benchmark.jobindsats_observation_revision x;
SELECT 'pinned moments', count(*), md5(string_agg(x::text, '|' ORDER BY x.pinned_at)) FROM benchmark.jobindsats_vintage_pin x;
SELECT 'model_placements as of the pinned moment', count(*), md5(string_agg(x::text, '|' ORDER BY x.part, x.item_key, x.kommune))
FROM benchmark.model_placements('mine', '2022', as_of => :'moment') x;
SQL
}

snapshot "$SRC" >"$WORK/before"
if grep -E '^[^|]+\|0\|' "$WORK/before"; then
	echo "FAIL: the source database lacks rows the test needs" >&2
	exit 1
fi
# read as of the pinned moment, the revised store gives the list read then; as it is, another
[ "$(grep '^saved list rapport.udvalgsliste|' "$WORK/before" | cut -d'|' -f2-)" = \
  "$(grep '^model_placements as of the pinned moment|' "$WORK/before" | cut -d'|' -f2-)" ] ||
	{ echo "FAIL: model_placements as of the pinned moment differs from the list read then" >&2; exit 1; }
now_list=$(q -d "$SRC" -At -c "SELECT md5(string_agg(x::text, '|' ORDER BY x.part, x.item_key, x.kommune)) FROM benchmark.model_placements('mine', '2022') x")
[ "$now_list" != "$(grep '^saved list rapport.udvalgsliste|' "$WORK/before" | cut -d'|' -f3)" ] ||
	{ echo "FAIL: the revision did not change the list" >&2; exit 1; }
echo "ok - the revised store read as of the pinned moment gives the list read then (and as it is, another)"
"$PG_BIN/pg_dump" -Fd -d "$SRC" -f "$WORK/dump"
status=0
"$PG_BIN/pg_restore" -j "$JOBS" -d "$DST" "$WORK/dump" 2>"$WORK/restore.log" || status=$?
if [ "$status" -ne 0 ] || [ -s "$WORK/restore.log" ]; then
	echo "FAIL: pg_restore -j $JOBS reported errors (exit status $status):" >&2
	cat "$WORK/restore.log" >&2
fi
snapshot "$DST" >"$WORK/after"

failed=$status
while IFS='|' read -r what count digest; do
	now=$(grep -F "$what|" "$WORK/after" | head -1 || true)
	if [ "$now" = "$what|$count|$digest" ]; then
		echo "ok - pg_restore -j $JOBS keeps $what ($count)"
	else
		echo "not ok - pg_restore -j $JOBS: $what was $count|$digest, is ${now#"$what|"}" >&2
		failed=1
	fi
done <"$WORK/before"
[ -s "$WORK/restore.log" ] && failed=1
if [ "$failed" -ne 0 ]; then
	echo "FAIL: the database restored in parallel differs from the dumped one" >&2
	exit 1
fi
echo "ok - pg_dump -Fd / pg_restore -j $JOBS keeps every user row and the materialized views ($(grep -c . "$WORK/after") checks)"
