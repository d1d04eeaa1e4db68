#!/usr/bin/env bash
# The materialized-view recipe: REFRESH MATERIALIZED VIEW CONCURRENTLY runs
# while another session reads the view (a plain REFRESH would wait for it),
# readers see the old rows until the refresh commits, then the new ones.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
WORK=$(mktemp -d /tmp/benchmark-mv.XXXXXX)
READER=
cleanup() {
	[ -n "$READER" ] && kill "$READER" 2>/dev/null || true
	rm -rf "$WORK"
	psql -qX -d postgres -c 'DROP DATABASE IF EXISTS model_mv WITH (FORCE)' >/dev/null 2>&1 || true
}
trap cleanup EXIT
q() { psql -qX -v ON_ERROR_STOP=1 -d model_mv "$@"; }

sample_database model_mv
q >/dev/null <<'SQL'
CREATE MATERIALIZED VIEW sonderborg_placements AS
	SELECT * FROM model_placements('sonderborg-2023');
CREATE UNIQUE INDEX ON sonderborg_placements (model, period, part, item_key, kommune);
SQL
before=$(q -At -c "SELECT placement FROM sonderborg_placements WHERE period = '2022' AND part = 'measure' AND item_key = 'delvis_raskmelding' AND kommune = 'Sønderborg'")

# a reader holds the view open in one repeatable-read transaction until the
# test has refreshed it (it writes the file done: a file is outside the
# reader's snapshot), or ten minutes at most
chmod 755 "$WORK"
psql -qX -At -d model_mv -v done="$WORK/done" >"$WORK/reader.out" 2>&1 <<'SQL' &
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT 'first', count(*), md5(string_agg(placement::text, ',' ORDER BY period, part, item_key, kommune)) FROM sonderborg_placements;
SET test.done = :'done';
DO $$
BEGIN
	FOR i IN 1..6000 LOOP
		EXIT WHEN (pg_stat_file(current_setting('test.done'), true)).size IS NOT NULL;
		PERFORM pg_sleep(0.1);
	END LOOP;
END
$$;
SELECT 'second', count(*), md5(string_agg(placement::text, ',' ORDER BY period, part, item_key, kommune)) FROM sonderborg_placements;
COMMIT;
SELECT 'after', count(*), md5(string_agg(placement::text, ',' ORDER BY period, part, item_key, kommune)) FROM sonderborg_placements;
SQL
READER=$!
for _ in $(seq 600); do grep -q '^first' "$WORK/reader.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^first' "$WORK/reader.out"

# the data changes: Sønderborg becomes best at partial return to work
q -c "UPDATE benchmark.jobindsats_observation SET value = 99 WHERE table_id = 'BRUGERDATA' AND area = 'Sønderborg' AND period = '2022' AND measure = 'Sygemeldte med delvis raskmelding (pct.)'"

# a plain refresh needs an ACCESS EXCLUSIVE lock: it cannot run while the reader reads
if q -c "SET lock_timeout = '500ms'" -c 'REFRESH MATERIALIZED VIEW sonderborg_placements' 2>"$WORK/plain.err"; then
	echo "FAIL: a plain refresh did not wait for the reader" >&2; exit 1
fi
grep -q 'lock timeout' "$WORK/plain.err"

# the concurrent refresh runs while the reader is still reading; other sessions keep reading during it
pids=()
for _ in $(seq 5); do
	q -At -c 'SELECT count(*) FROM sonderborg_placements, pg_sleep(0.5)' >>"$WORK/readers.out" &
	pids+=($!)
done
q -c "SET lock_timeout = '10s'" -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY sonderborg_placements'
wait "${pids[@]}"
[ "$(grep -c . "$WORK/readers.out")" -eq 5 ]
if ! kill -0 "$READER" 2>/dev/null; then
	echo "FAIL: the reader finished before the concurrent refresh, nothing was shown" >&2; exit 1
fi
after=$(q -At -c "SELECT placement FROM sonderborg_placements WHERE period = '2022' AND part = 'measure' AND item_key = 'delvis_raskmelding' AND kommune = 'Sønderborg'")
touch "$WORK/done"
wait "$READER"; READER=

first=$(grep '^first' "$WORK/reader.out" | cut -d'|' -f2-)
second=$(grep '^second' "$WORK/reader.out" | cut -d'|' -f2-)
final=$(grep '^after' "$WORK/reader.out" | cut -d'|' -f2-)
[ "$first" = "$second" ] || { echo "FAIL: the reader's snapshot changed" >&2; exit 1; }
[ "$first" != "$final" ] || { echo "FAIL: the refresh did not change the view" >&2; exit 1; }
[ "$after" = 1 ] && [ "$before" != 1 ] || { echo "FAIL: placement $before -> $after, expected -> 1" >&2; exit 1; }
echo "ok - REFRESH MATERIALIZED VIEW CONCURRENTLY while another session reads (placement $before -> $after)"
