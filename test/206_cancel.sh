#!/usr/bin/env bash
# Cancel and statement_timeout stop the aggregates and the ranking type on one
# group of millions of entities within 0.5 s in every phase of their work:
# reading rows, the parallel combine, ranking in the final functions, reading
# a stored ranking, adding it to rank sums, and writing its text.
#
# The phases are located, not guessed: the extension logs a DEBUG2 line where
# each phase begins (a combine, a final function, the end of reading a stored
# ranking).  A statement first runs to completion with those lines logged,
# which gives the phases' times on this machine now; then, per phase, it runs
# again with statement_timeout at the middle of the phase.  The run's own log
# shows which phase the timeout fired in.  A phase must last three times the
# latency limit at least, so that work that did not look for the cancel would
# overrun the limit: a shorter phase, and a run that completes before its
# timeout (the machine got idler), are run again on twice the entities (from
# 8 million, 16 million for a stored ranking, or as many as the last case on
# the same table needed).  A run
# whose timeout fell outside its phase (the machine got busier) is calibrated
# again.  Every case ends cancelled inside its phase or fails after three
# tries: none is skipped.  The latency is the server log's
# time from the statement's start to the error, less the timeout (releasing
# memory afterwards is not counted).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
LATENCY_LIMIT=${LATENCY_LIMIT:-0.5}
MIN_PHASE=$(awk -v l="$LATENCY_LIMIT" 'BEGIN { print 3 * l }')
TRIES=3
ENTITIES=${ENTITIES:-8000000}
MAX_ENTITIES=16000000
# the entities a case starts from: those the last case on the same table
# (ids_N or big_N) ended with; a stored ranking is read at about 6 million
# entities a second, so its cases start at twice ENTITIES
declare -A START=([ids]=$ENTITIES [big]=$((2 * ENTITIES < MAX_ENTITIES ? 2 * ENTITIES : MAX_ENTITIES)))
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

# run SETTINGS TIMEOUT_MS QUERY: runs QUERY in a session of its own with the
# phase lines logged; sets PID, STATE (SQLSTATE, empty when it completed)
# and RUN_LOG (the server log lines of that backend during the run).
run() {
	local settings=$1 timeout=$2 query=$3 start out
	start=$(wc -l <"$LOG")
	out=$(PGOPTIONS="$PGOPTIONS -c log_statement=all -c log_min_duration_statement=0 -c log_min_messages=debug2" \
		psql -qX -At -d cancel_test -c "$settings" -c "SET statement_timeout = $timeout" \
		-c '\echo pid' -c 'SELECT pg_backend_pid()' -c '\set VERBOSITY sqlstate' -c "$query" 2>&1 || true)
	PID=$(sed -n '/^pid$/{n;p;q}' <<<"$out")
	STATE=$(grep -o 'ERROR: *[0-9A-Z]\{5\}' <<<"$out" | grep -o '[0-9A-Z]\{5\}$' || true)
	[ -n "$PID" ] || { echo "FAIL: no backend pid: $out" >&2; exit 1; }
	if [ -z "$STATE" ] && grep -q ERROR <<<"$out"; then
		echo "FAIL: $query: $out" >&2
		exit 1
	fi
	# from the statement of QUERY on (the settings before it are logged too)
	RUN_LOG=$(tail -n +"$((start + 1))" "$LOG" | grep -aF "[$PID] " |
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
	local n=${START[$table]} i try query calibration= from to end timeout late hit ok
	for i in "${!phases[@]}"; do
		ok=
		try=0
		while [ "$try" -lt "$TRIES" ]; do
			query=${template//@N@/$n}
			# calibrate: the phases' bounds on this machine now
			if [ -z "$calibration" ]; then
				inputs "$query" "$n"
				run "$settings" 0 "$query"
				[ -z "$STATE" ] || { echo "FAIL: $name did not complete: $STATE" >&2; exit 1; }
				calibration=$RUN_LOG
			fi
			end=$(at "$calibration" "LOG:  duration: ")
			from=0
			[ "$i" -eq 0 ] || from=$(at "$calibration" "${markers[$((i - 1))]}")
			to=$end
			[ "$i" -ge "${#markers[@]}" ] || to=$(at "$calibration" "${markers[$i]}")
			[ -n "$from" ] && [ -n "$to" ] || { echo "FAIL: $name: a phase line is missing from the log" >&2; exit 1; }
			if awk -v a="$from" -v b="$to" -v m="$MIN_PHASE" 'BEGIN { exit !(b - a < m) }'; then
				[ "$n" -lt "$MAX_ENTITIES" ] || {
					echo "FAIL: $name: phase '${phases[$i]}' lasts $(awk -v a="$from" -v b="$to" 'BEGIN { print b - a }') s on $n entities, less than $MIN_PHASE s" >&2
					exit 1
				}
				echo "  ($name: '${phases[$i]}' lasts $(awk -v a="$from" -v b="$to" 'BEGIN { print b - a }') s on $n entities, less than $MIN_PHASE s: twice the entities)"
				n=$((n * 2))
				calibration=
				continue
			fi
			timeout=$(awk -v a="$from" -v b="$to" 'BEGIN { printf "%d", (a + b) / 2 * 1000 }')
			try=$((try + 1))
			run "$settings" "$timeout" "$query"
			if [ "$STATE" != 57014 ]; then
				echo "  (try $try: $name completed within statement_timeout = $timeout ms on $n entities; twice the entities)"
				[ "$n" -ge "$MAX_ENTITIES" ] || n=$((n * 2))
				calibration=
				continue
			fi
			# the timeout fired inside the phase: its beginning logged, its end not
			hit=yes
			[ "$i" -eq 0 ] || [ -n "$(at "$RUN_LOG" "${markers[$((i - 1))]}")" ] || hit=
			[ "$i" -ge "${#markers[@]}" ] || [ -z "$(at "$RUN_LOG" "${markers[$i]}")" ] || hit=
			if [ -z "$hit" ]; then
				echo "  (try $try: statement_timeout = $timeout ms fired outside '${phases[$i]}'; calibrating again)"
				calibration=
				continue
			fi
			late=$(awk -v s="$(at "$RUN_LOG" "ERROR:  canceling statement due to statement timeout")" -v t="$timeout" \
				'BEGIN { printf "%.3f", s - t / 1000 }')
			if awk -v l="$late" -v m="$LATENCY_LIMIT" 'BEGIN { exit !(l > m) }'; then
				echo "FAIL: $name, ${phases[$i]}: ran ${late} s past statement_timeout = $timeout ms (limit $LATENCY_LIMIT s; phase ${from}-${to} s of ${end} s on $n entities)" >&2
				exit 1
			fi
			echo "ok - $name, ${phases[$i]} (${from}-${to} s of ${end} s on $n entities): statement_timeout = $timeout ms stops it ${late} s late (SQLSTATE 57014)"
			ok=yes
			break
		done
		[ -n "$ok" ] || { echo "FAIL: $name: no timeout fired inside '${phases[$i]}' in $TRIES tries" >&2; exit 1; }
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
