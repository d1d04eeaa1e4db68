#!/usr/bin/env bash
# The readers of jobindsats downloads on large SYNTHETIC documents (made-up
# numbers), shaped exactly like real downloads: Y01A02 as the API's CSV (";",
# decimal commas, the real labels) and as a v3 reply and JSON lines, about
# 50 MB each.
#
# - Memory: the backend's peak resident memory (VmHWM in /proc/self/status,
#   read by the backend itself in a fresh session before and after one call
#   that reads the document from a file with pg_read_file) grows by at most
#   twice the document's size, for jobindsats_csv (text, and bytes in
#   LATIN1), jobindsats_json (a v3 reply and JSON lines, as text and
#   bytes) and the loader's form of them, which holds the cells grouped by
#   series until the document ends (a CSV with no cell twice).  The document itself counts; bytes in another encoding (LATIN1)
#   are converted to UTF-8 first, and that copy comes on top (the limit is
#   the document and twice its UTF-8 form).  (A document detoasted from a table
#   would also count the shared buffers its chunks pass through.)  work_mem
#   is 4MB, PostgreSQL's default: the result's tuplestore spills to disk
#   beyond it.
# - Cancel: statement_timeout lands within LATENCY_LIMIT (0.5 s) of firing
#   at ten points spread over a call of jobindsats_csv on the 50 MB CSV, and
#   of the loader's reader (grouping by series) on the 85 MB one
#   (measured by the client: the statement's time less the timeout).  The
#   extension logs a DEBUG2 line where the second reading and the return of
#   the rows begin, so each run says which phase it stopped in; both
#   readings must be hit.
# - A header of 80,000 distinct labels (and a row) is read in well under a
#   second, and 160,000 labels take at most three times as long (the checks
#   are linear, not quadratic).
# Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
LATENCY_LIMIT=${LATENCY_LIMIT:-0.5}
DB=readers_limits
q() { psql -qX -v ON_ERROR_STOP=1 -At -d "$DB" "$@"; }
ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; exit 1; }

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# the documents are files the server reads (pg_read_file), written next to its socket
DIR=$PGHOST/readers_limits
mkdir -p "$DIR"
[ "$(id -u)" -ne 0 ] || chown postgres: "$DIR"
trap 'rm -rf "$DIR"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
q -v dir="$DIR" >/dev/null <<'SQL'
CREATE EXTENSION benchmark;
-- SYNTHETIC documents: the labels of Y01A02, the 98 municipalities, made-up numbers, one line a row
CREATE TEMP VIEW synthetic AS
SELECT g, k.name AS area, (2000 + (g / 36) % 25)::text || 'M' || lpad((1 + (g / 3) % 12)::text, 2, '0') AS period,
	   (ARRAY['Køn i alt', 'Kvinder', 'Mænd'])[1 + g % 3] AS kon,
	   (g % 99991)::text AS personer, (g % 7919)::text AS fuldtid,
	   ((g % 97) / 10)::text || ',' || (g % 10)::text AS pct_arbejdsstyrken,
	   ((g % 89) / 10)::text || ',' || (g % 7)::text AS pct_befolkningen
FROM generate_series(0, 1149999) g
	 JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS i, name FROM kommuner()) k ON k.i = (g / 900) % 98;
\set csv :dir '/y01a02.csv'
\set v3 :dir '/y01a02_v3.json'
\set lines :dir '/y01a02.jsonl'
CREATE TEMP VIEW csv_lines AS
SELECT -1 AS g, 'Område;Periode;Køn;Antal personer;Antal fuldtidspersoner;Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år;'
				|| 'Fuldtidspersoner i pct. af befolkningen 16-66 år' AS line
UNION ALL
SELECT g, concat_ws(';', area, period, kon, personer, fuldtid, pct_arbejdsstyrken, pct_befolkningen) FROM synthetic;
COPY (SELECT line FROM csv_lines ORDER BY g) TO :'csv';
-- the same lines with Alder and Herkomst, a combination for each time the areas come round, so
-- that no cell is twice (what the loader reads by series)
\set unique :dir '/y01a02_unique.csv'
COPY (SELECT line FROM (
	SELECT -1 AS g, 'Område;Periode;Køn;Alder;Herkomst;Antal personer;Antal fuldtidspersoner;'
					|| 'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år;Fuldtidspersoner i pct. af befolkningen 16-66 år' AS line
	UNION ALL
	SELECT g, concat_ws(';', area, period, kon,
						(ARRAY['Alder i alt', '16-24 år', '25-29 år', '30-39 år', '40-49 år', '50-66 år'])[1 + (g / 88200) % 6],
						(ARRAY['Herkomst i alt', 'Personer med dansk oprindelse', 'Indvandrere fra vestlige lande',
							   'Indvandrere fra ikke-vestlige lande'])[1 + (g / 88200 / 6) % 4],
						personer, fuldtid, pct_arbejdsstyrken, pct_befolkningen)
	FROM synthetic) l ORDER BY g) TO :'unique';
\set latin1 :dir '/y01a02_latin1.csv'
COPY (SELECT line FROM csv_lines ORDER BY g) TO :'latin1' WITH (ENCODING 'LATIN1');
COPY (SELECT line FROM (
	SELECT -1 AS g, '{"columns": ["Periode", "Område", "Køn", "Antal personer", "Antal fuldtidspersoner", '
		|| '"Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år", "Fuldtidspersoner i pct. af befolkningen 16-66 år"], "rows": [' AS line
	UNION ALL
	SELECT g, format('%s[%s, %s, %s, %s, %s, %s, %s]', CASE WHEN g > 0 THEN ',' ELSE '' END, to_json(period), to_json(area),
					 to_json(kon), personer, fuldtid, replace(pct_arbejdsstyrken, ',', '.'), replace(pct_befolkningen, ',', '.'))
	FROM synthetic WHERE g < 900000
	UNION ALL
	SELECT 900000, ']}') l
	ORDER BY g) TO :'v3';
COPY (SELECT json_build_object('Område', area, 'Periode', period, 'Køn', kon, 'Antal personer', personer::int,
		'Antal fuldtidspersoner', fuldtid::int, 'Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år', pct_arbejdsstyrken,
		'Fuldtidspersoner i pct. af befolkningen 16-66 år', pct_befolkningen)::text
	  FROM synthetic WHERE g < 300000 ORDER BY g) TO :'lines';
-- for the cancel test: the CSV in a table, out of line and uncompressed (read by an index scan that a cancel interrupts)
CREATE TABLE docs (name text PRIMARY KEY, doc text);
ALTER TABLE docs ALTER doc SET STORAGE EXTERNAL;
INSERT INTO docs VALUES ('csv', pg_read_file(:'csv')), ('unique', pg_read_file(:'unique'));
SQL

# memory: one call in a fresh session, VmHWM before and after (kB); the
# document read by pg_read_file in the call counts
check_memory() {
	local what=$1 call=$2 file=$3 size out before cells after growth limit
	size=$(stat -c %s "$file")
	limit=$(( 2 * size ))
	# bytes in another encoding are converted to UTF-8 first: that copy comes on top
	[ -z "${4:-}" ] || limit=$(( size + 2 * $(stat -c %s "$4") ))
	out=$(q -c "SET work_mem = '4MB'" \
		-c "SELECT substring(pg_read_file('/proc/self/status') from 'VmHWM:\s+(\d+)')" \
		-c "SELECT count(*) FROM ${call//FILE/$file}" \
		-c "SELECT substring(pg_read_file('/proc/self/status') from 'VmHWM:\s+(\d+)')")
	read -r before cells after <<<"$(tr '\n' ' ' <<<"$out")"
	[ "$cells" -gt 1000000 ] || fail "$what: $cells cells"
	growth=$(( (after - before) * 1024 ))
	[ "$growth" -le "$limit" ] ||
		fail "$what: the backend's peak memory grew by $((growth / 1048576)) MB for a document of $((size / 1048576)) MB (limit $((limit / 1048576)) MB)"
	ok "$what: $cells cells from $((size / 1048576)) MB; the backend's peak memory grew by $((growth / 1048576)) MB ($(awk -v g="$growth" -v s="$size" 'BEGIN { printf "%.2f", g / s }') x the document, which it holds)"
}
check_memory "jobindsats_csv(text)" "benchmark.jobindsats_csv(pg_read_file('FILE'))" "$DIR/y01a02.csv"
check_memory "jobindsats_csv(bytea)" "benchmark.jobindsats_csv(pg_read_binary_file('FILE'))" "$DIR/y01a02.csv"
check_memory "jobindsats_csv(bytea, encoding => 'LATIN1')" \
	"benchmark.jobindsats_csv(pg_read_binary_file('FILE'), encoding => 'LATIN1')" "$DIR/y01a02_latin1.csv" "$DIR/y01a02.csv"
check_memory "jobindsats_json(text), a v3 reply" "benchmark.jobindsats_json(pg_read_file('FILE'))" "$DIR/y01a02_v3.json"
check_memory "jobindsats_json(text), JSON lines" "benchmark.jobindsats_json(pg_read_file('FILE'))" "$DIR/y01a02.jsonl"
check_memory "jobindsats_json(bytea), JSON lines" "benchmark.jobindsats_json(pg_read_binary_file('FILE'))" "$DIR/y01a02.jsonl"
# the loader's form of the readers holds the cells grouped by series until the document ends
check_memory "the loader's reader, CSV" \
	"benchmark_internal.jobindsats_document_series('csv', pg_read_file('FILE'), NULL, NULL) s, unnest(s.periods)" "$DIR/y01a02_unique.csv"

# cancel: statement_timeout at ten points of a call; the client's time less the timeout
run() {
	psql -X -At -d "$DB" -c "SET work_mem = '4MB'" -c "SET statement_timeout = $2" -c "SET client_min_messages = debug2" \
		-c '\timing on' -c "$1" 2>&1 || true
}
cancel_points() {
	local what=$1 query=$2 full timeout out took phase late
	run "$query" 0 >/dev/null	# the first call warms the caches
	full=$(run "$query" 0 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
	[ -n "$full" ] || fail "$what on the large document completes"
	declare -A hit=()
	for tenth in 0.05 0.15 0.25 0.35 0.45 0.55 0.65 0.75 0.85 0.95; do
		timeout=$(awk -v f="$full" -v t="$tenth" 'BEGIN { printf "%d", f * t }')
		out=$(run "$query" "$timeout")
		grep -q 'canceling statement due to statement timeout' <<<"$out" || { echo "  ($what, statement_timeout = $timeout ms: completed first)"; continue; }
		took=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -1)
		phase="the first reading"
		grep -q 'jobindsats: second reading' <<<"$out" && phase="the second reading"
		grep -q 'jobindsats: the rows are read' <<<"$out" && phase="reading the result"
		hit[$phase]=1
		late=$(awk -v a="$took" -v t="$timeout" 'BEGIN { printf "%.3f", (a - t) / 1000 }')
		awk -v l="$late" -v m="$LATENCY_LIMIT" 'BEGIN { exit !(l > m) }' &&
			fail "$what: statement_timeout = $timeout ms in $phase stopped the call ${late} s late (limit $LATENCY_LIMIT s)"
		ok "$what: statement_timeout = $timeout ms of a ${full} ms call, in $phase: stopped ${late} s late"
	done
	[ -n "${hit[the first reading]:-}" ] && [ -n "${hit[the second reading]:-}" ] ||
		fail "$what: the timeouts fell in both readings (hit: ${!hit[*]})"
}
cancel_points "jobindsats_csv" "SELECT count(*) FROM docs d, benchmark.jobindsats_csv(d.doc) WHERE d.name = 'csv'"
# the loader's reader: its second reading groups the cells, then gives a row per series
cancel_points "the loader's reader" \
	"SELECT count(*) FROM docs d, benchmark_internal.jobindsats_document_series('csv', d.doc, NULL, NULL) WHERE d.name = 'unique'"

# a header of 80,000 and 160,000 distinct labels
header() {
	q -c '\timing on' -c "SELECT count(*) FROM benchmark.jobindsats_csv((SELECT 'Område;Periode;' || string_agg('Antal ' || g, ';')
		|| E'\nSorø;2022;' || string_agg((g % 10)::text, ';') FROM generate_series(1, $1) g))" |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
}
small=$(header 80000)
large=$(header 160000)
awk -v s="$small" 'BEGIN { exit !(s < 1000) }' || fail "a header of 80,000 labels took $small ms"
awk -v s="$small" -v l="$large" 'BEGIN { exit !(l < 3 * s) }' || fail "160,000 labels took $large ms, 80,000 took $small ms: not linear"
ok "a header of 80,000 distinct labels: $small ms; 160,000: $large ms"
