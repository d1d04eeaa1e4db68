#!/usr/bin/env bash
# A cancel stops the aggregates and the ranking type on one group of millions
# of entities within 0.5 s in every phase of their work: reading rows, the
# parallel combine, ranking in the final functions, reading a stored ranking,
# adding it to rank sums, and writing its text.
#
# The phases are located, not guessed: the extension logs a DEBUG2 line where
# each phase begins (a combine, a final function, the end of reading a stored
# ranking).  Per phase, the statement runs while this script watches the
# server log; 0.15 s after the line that begins the phase (the
# statement's own line for the first) it sends pg_cancel_backend.  The run's
# log shows where the cancel landed: the statement must fail with SQLSTATE
# 57014 before the line that ends the phase, within 0.5 s of the cancel.  A
# phase that ends first was shorter than the aim, so that case runs again on
# twice the entities (from 8 million, or as many as the last case on the same
# table needed, to 16 million at most); but a phase that goes on for more than
# 0.5 s after the cancel without noticing it fails at once, as does a cancel
# that lands late anywhere.  Every case ends cancelled inside its phase or
# fails: none is skipped.  The latency is the server log's time from the
# cancel to the error (releasing memory afterwards is not counted).  Run by
# test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
LATENCY_LIMIT=${LATENCY_LIMIT:-0.5}
# how long after a phase's first line the cancel is sent
AIM=0.15
ENTITIES=${ENTITIES:-8000000}
# a stored ranking of 32 million entities would pass the 1 GB a value may hold
MAX_ENTITIES=16000000
# the entities a case starts from: those the last case on the same table
# (ids_N or big_N) ended with
declare -A START=([ids]=$ENTITIES [big]=$ENTITIES)
# the throw-away cluster of test/lib.sh logs next to its socket
LOG=$PGHOST/server.log
[ -r "$LOG" ] || { echo "FAIL: no server log at $LOG" >&2; exit 1; }
cleanup() {
	psql -qX -d postgres -c 'DROP DATABASE IF EXISTS cancel_test WITH (FORCE)' >/dev/null 2>&1 || true
}
trap cleanup EXIT
q() { psql -qX -v ON_ERROR_STOP=1 -At -d cancel_test "$@"; }

psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'DROP DATABASE IF EXISTS cancel_test' -c 'CREATE DATABASE cancel_test'
q -c 'CREATE EXTENSION benchmark'

# inputs QUERY N: the tables QUERY reads, of N entities: ids_N (1..N) and
# big_N (one stored ranking of N entities, out of line and uncompressed, as
# the type's storage says)
inputs() {
	if ! [[ $1 =~ ids_$2|big_$2 ]]; then
		echo "FAIL: $1 reads neither ids_$2 nor big_$2" >&2; exit 1
	fi
	if [[ $1 =~ ids_$2 ]] && [ "$(q -c "SELECT to_regclass('ids_$2') IS NULL")" = t ]; then
		q -c "CREATE TABLE ids_$2 AS SELECT g FROM generate_series(1, $2) g" -c "VACUUM ANALYZE ids_$2" >/dev/null
	fi
	if [[ $1 =~ big_$2 ]] && [ "$(q -c "SELECT to_regclass('big_$2') IS NULL")" = t ]; then
		q -c "CREATE TABLE big_$2 AS SELECT rank_values(g::text, (g % 1000)::float8, true) AS r FROM generate_series(1, $2) g" \
		  -c "VACUUM ANALYZE big_$2" >/dev/null
		[ "$(q -c "SELECT pg_column_compression(r) IS NULL AND pg_column_size(r) > $2 * 10 FROM big_$2")" = t ] ||
			{ echo "FAIL: the stored $2-entity ranking is compressed or inline" >&2; exit 1; }
	fi
}

# logged_since OFFSET: the server log from byte OFFSET on
logged_since() { tail -c +"$(($1 + 1))" "$LOG"; }

# run SETTINGS QUERY MARKER: runs QUERY in a session of its own with the phase
# lines logged, and cancels it AIM seconds after the first line of the
# backend's log that holds MARKER (a phase's first line; the statement's own
# line when MARKER is empty).  Sets STATE (the SQLSTATE, empty when it
# completed first) and RUN_LOG (the lines of that backend from the
# statement on, and the line of the cancel).
RUNS=0
run() {
	local settings=$1 query="/* run $((RUNS += 1)) */ $2" marker=$3 start pid= out bg
	start=$(stat -c %s "$LOG")
	out=$(mktemp)
	PGOPTIONS="$PGOPTIONS -c log_statement=all -c log_min_messages=debug2" \
		psql -qX -At -d cancel_test -c "$settings" -c '\set VERBOSITY sqlstate' -c "$query" >"$out" 2>&1 &
	bg=$!
	# the backend: the one that logs the statement
	while [ -z "$pid" ] && kill -0 "$bg" 2>/dev/null; do
		pid=$(logged_since "$start" | grep -aF "LOG:  statement: $query" | head -1 | sed -n 's/^[^[]*\[\([0-9]*\)\] .*/\1/p' || true)
		[ -n "$pid" ] || sleep 0.02
	done
	if [ -n "$pid" ] && [ -n "$marker" ]; then
		until logged_since "$start" | grep -aF "[$pid] " | grep -qaF -- "$marker" || ! kill -0 "$bg" 2>/dev/null; do
			sleep 0.02
		done
	fi
	if [ -n "$pid" ] && kill -0 "$bg" 2>/dev/null; then
		sleep "$AIM"
		PGOPTIONS="$PGOPTIONS -c log_statement=all" psql -qX -At -d cancel_test -c "SELECT pg_cancel_backend($pid)" >/dev/null
	fi
	wait "$bg" || true
	STATE=$(grep -o 'ERROR: *[0-9A-Z]\{5\}' "$out" | grep -o '[0-9A-Z]\{5\}$' || true)
	if [ -z "$pid" ] || { [ -z "$STATE" ] && grep -q ERROR "$out"; }; then
		echo "FAIL: $query: $(cat "$out")" >&2
		exit 1
	fi
	rm -f "$out"
	RUN_LOG=$(logged_since "$start" | grep -aE "\[$pid\] |statement: SELECT pg_cancel_backend\($pid\)" |
		awk -v s="LOG:  statement: $query" 'index($0, s) { on = 1 } on' || true)
}

# at LOG PATTERN: seconds since the statement's start of the first line of
# a run's LOG that matches PATTERN; empty when there is none.
at() {
	local started line
	started=$(grep -aF "LOG:  statement: " <<<"$1" | head -1 | cut -d' ' -f1-3)
	line=$(grep -aF -- "$2" <<<"$1" | head -1 | cut -d' ' -f1-3)
	[ -n "$line" ] || return 0
	awk -v a="$(date -d "$started" +%s.%N)" -v b="$(date -d "$line" +%s.%N)" 'BEGIN { printf "%.3f", b - a }'
}

# check_cancel NAME SETTINGS QUERY PHASE MARKER [PHASE MARKER ...] PHASE:
# QUERY (where @N@ stands for the number of entities) has these phases in
# order, each ended by the log line MARKER that begins the next one; the last
# phase ends with the statement.
check_cancel() {
	local name=$1 settings=$2 template=$3
	shift 3
	local -a phases=() markers=()
	while [ $# -gt 1 ]; do phases+=("$1"); markers+=("$2"); shift 2; done
	phases+=("$1")
	local table=ids
	[[ $template != *big_@N@* ]] || table=big
	local n=${START[$table]} i query first begin cancel ended error late
	for i in "${!phases[@]}"; do
		while :; do
			query=${template//@N@/$n}
			inputs "$query" "$n"
			first=
			[ "$i" -eq 0 ] || first=${markers[$((i - 1))]}
			run "$settings" "$query" "$first"
			begin=0
			[ "$i" -eq 0 ] || begin=$(at "$RUN_LOG" "$first")
			late=
			cancel=$(at "$RUN_LOG" "statement: SELECT pg_cancel_backend(")
			ended=
			[ "$i" -ge "${#markers[@]}" ] || ended=$(at "$RUN_LOG" "${markers[$i]}")
			error=$(at "$RUN_LOG" "ERROR:  canceling statement due to user request")
			if [ -n "$cancel" ] && [ -n "$error" ]; then
				late=$(awk -v e="$error" -v c="$cancel" 'BEGIN { printf "%.3f", e - c }')
				if awk -v l="$late" -v m="$LATENCY_LIMIT" 'BEGIN { exit !(l > m) }'; then
					echo "FAIL: $name, ${phases[$i]}: stopped ${late} s after the cancel at ${cancel} s (limit $LATENCY_LIMIT s, on $n entities)" >&2
					exit 1
				fi
			fi
			if [ -n "$cancel" ] && [ -n "$ended" ] &&
				awk -v e="$ended" -v c="$cancel" -v m="$LATENCY_LIMIT" 'BEGIN { exit !(e - c > m) }'; then
				echo "FAIL: $name: '${phases[$i]}' went on to ${ended} s, past the cancel at ${cancel} s by more than $LATENCY_LIMIT s (on $n entities)" >&2
				exit 1
			fi
			if [ "$STATE" = 57014 ] && [ -n "$late" ] && [ -n "$begin" ] && [ -z "$ended" ]; then
				break
			fi
			# the phase ended (or the statement completed) before the cancel came
			[ "$n" -lt "$MAX_ENTITIES" ] || {
				echo "FAIL: $name: no cancel landed inside '${phases[$i]}' on $n entities (SQLSTATE '${STATE}', cancel at ${cancel:-no} s, the phase's end at ${ended:-none})" >&2
				exit 1
			}
			echo "  ($name: '${phases[$i]}' ended before the cancel on $n entities: twice the entities)"
			n=$((n * 2))
		done
		echo "ok - $name, ${phases[$i]} (from ${begin} s on $n entities): a cancel at ${cancel} s stops it ${late} s later (SQLSTATE 57014)"
	done
	START[$table]=$n
}

serial="SET max_parallel_workers_per_gather = 0"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0"

check_cancel "rank_values" "$serial" \
	"SELECT entity_count(rank_values(g::text, (g % 1000)::float8, true)) FROM ids_@N@" \
	"reading rows" "rank_values: ranking" \
	"ranking (final function)"
# workers' states serialized, deserialized and merged by the combine function
inputs "FROM ids_$ENTITIES" "$ENTITIES"
plan=$(q -c "$parallel" -c "EXPLAIN SELECT entity_count(rank_values(g::text, (g % 1000)::float8, true)) FROM ids_$ENTITIES")
grep -q 'Partial Aggregate' <<<"$plan" || { echo "FAIL: no parallel aggregation plan:" >&2; echo "$plan" >&2; exit 1; }
check_cancel "parallel rank_values" "$parallel" \
	"SELECT entity_count(rank_values(g::text, (g % 1000)::float8, true)) FROM ids_@N@" \
	"reading rows in the workers" "rank_values: combining a state" \
	"combining the workers' states" "rank_values: ranking" \
	"ranking (final function)"
# a stored ranking: read, added to a rank-sum state, scored and re-ranked
check_cancel "rank_sum_rerank of a stored ranking" "$serial" \
	"SELECT entity_count(rank_sum_rerank(r)) FROM big_@N@" \
	"reading the stored ranking" "read a stored ranking" \
	"adding its entries" "rank_sum_rerank: scoring and ranking" \
	"scoring and re-ranking (final function)"
# text output of a stored ranking
check_cancel "text output of a stored ranking" "$serial" \
	"SELECT octet_length(r::text) FROM big_@N@" \
	"reading the stored ranking" "read a stored ranking" \
	"writing its text"
