#!/usr/bin/env bash
# Cancel and statement_timeout stop the aggregates and the ranking type on one
# group of 10 million entities within 0.5 s, whatever they are doing when the
# timeout fires: reading input, transition, the parallel combine, the sorts
# and building the ranking in the final functions, and text output.  Each
# statement runs once to completion, then again with statement_timeout at
# points spread over that run; the server's log times it from the statement's
# start to the error (releasing the memory afterwards is not counted).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
LATENCY_LIMIT=${LATENCY_LIMIT:-0.5}
# the throw-away cluster of test/lib.sh logs next to its socket
LOG=$PGHOST/server.log
[ -r "$LOG" ] || { echo "FAIL: no server log at $LOG" >&2; exit 1; }
cleanup() {
	psql -qX -d postgres -c 'DROP DATABASE IF EXISTS cancel_test WITH (FORCE)' >/dev/null 2>&1 || true
}
trap cleanup EXIT
q() { psql -qX -v ON_ERROR_STOP=1 -At -d cancel_test "$@"; }

psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'DROP DATABASE IF EXISTS cancel_test' -c 'CREATE DATABASE cancel_test'
q >/dev/null <<'SQL'
CREATE EXTENSION benchmark;
-- Runs a query to completion; returns the seconds it took.
CREATE FUNCTION probe(query text) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN round(extract(epoch FROM clock_timestamp() - statement_timestamp())::numeric, 3);
END $$;
CREATE TABLE ids AS SELECT g FROM generate_series(1, 10000000) g;
CREATE TABLE big AS
	SELECT rank_values(g::text, (g % 1000)::float8, true) AS r FROM generate_series(1, 10000000) g;
VACUUM ANALYZE ids, big;
SQL

# when_logged PID PATTERN: the time (epoch seconds) of the server log line of
# backend PID that matches PATTERN (log_line_prefix '%m [%p] ', the default).
when_logged() {
	local line
	line=$(grep -aF "[$1] $2" "$LOG" | tail -1)
	[ -n "$line" ] || { echo "FAIL: no log line of backend $1 matching: $2" >&2; exit 1; }
	date -d "$(cut -d' ' -f1-3 <<<"$line")" +%s.%N
}

# check_cancel NAME SETTINGS QUERY: runs QUERY to completion, then with
# statement_timeout at 30 %, 60 % and 85 % of that run (run times vary on a
# busy machine: a run that completes before its timeout is skipped): it must fail with
# SQLSTATE 57014 within LATENCY_LIMIT of the timeout, measured by the server's
# log from the statement's start to the error.
check_cancel() {
	local name=$1 settings=$2 query=$3 full fraction timeout out pid state started stopped late
	full=$(q -c "$settings" -c "SELECT probe(\$q\$$query\$q\$)")
	for fraction in 0.3 0.6 0.85; do
		timeout=$(awk -v f="$full" -v p="$fraction" 'BEGIN { printf "%d", f * p * 1000 }')
		out=$(PGOPTIONS="$PGOPTIONS -c log_statement=all -c log_min_duration_statement=0" psql -qX -At -d cancel_test \
			-c "$settings" -c "SET statement_timeout = $timeout" \
			-c '\echo pid' -c 'SELECT pg_backend_pid()' -c '\set VERBOSITY sqlstate' -c "$query" 2>&1 || true)
		pid=$(sed -n '/^pid$/{n;p;q}' <<<"$out")
		state=$(grep -o 'ERROR: *[0-9A-Z]\{5\}' <<<"$out" | grep -o '[0-9A-Z]\{5\}$' || true)
		if [ -z "$state" ]; then
			# completed: fine if the server ran it in less than the timeout (the log's duration)
			ran=$(grep -aF "[$pid] LOG:  duration: " "$LOG" | tail -1 | sed 's/.*duration: \([0-9.]*\) ms.*/\1/')
			if [ -n "$ran" ] && awk -v r="$ran" -v t="$timeout" 'BEGIN { exit !(r < t) }'; then
				echo "ok - $name: completed in $ran ms, within statement_timeout = $timeout ms this time (skipped)"
				continue
			fi
		fi
		if [ "$state" != 57014 ]; then
			echo "FAIL: $name with statement_timeout = $timeout ms did not end with SQLSTATE 57014: $out" >&2
			exit 1
		fi
		started=$(when_logged "$pid" "LOG:  statement: $query")
		stopped=$(when_logged "$pid" "ERROR:  canceling statement due to statement timeout")
		late=$(awk -v a="$started" -v b="$stopped" -v t="$timeout" 'BEGIN { printf "%.3f", b - a - t / 1000 }')
		if awk -v l="$late" -v m="$LATENCY_LIMIT" 'BEGIN { exit !(l > m) }'; then
			echo "FAIL: $name ran ${late} s past statement_timeout = $timeout ms (limit $LATENCY_LIMIT s; uncancelled ${full} s)" >&2
			exit 1
		fi
		echo "ok - $name: statement_timeout = $timeout ms of ${full} s stops it ${late} s late (SQLSTATE 57014)"
	done
}

serial="SET max_parallel_workers_per_gather = 0"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0"

# rank_values: sort by name and by value in the final function
check_cancel "rank_values over 10M entities" "$serial" \
	"SELECT entity_count(rank_values(g::text, (g % 1000)::float8, true)) FROM ids"
# workers' states serialized, deserialized and merged by the combine function
plan=$(q -c "$parallel" -c "EXPLAIN SELECT entity_count(rank_values(g::text, (g % 1000)::float8, true)) FROM ids")
grep -q 'Partial Aggregate' <<<"$plan" || { echo "FAIL: no parallel aggregation plan:" >&2; echo "$plan" >&2; exit 1; }
check_cancel "parallel rank_values (serialize, deserialize, combine)" "$parallel" \
	"SELECT entity_count(rank_values(g::text, (g % 1000)::float8, true)) FROM ids"
# a 10M-entity ranking: added to a rank-sum state, scored and re-ranked
check_cancel "rank_sum_rerank of a 10M-entity ranking" "$serial" \
	"SELECT entity_count(rank_sum_rerank(r)) FROM big"
# text output of a huge ranking (octet_length: counting the characters of
# 300 MB of text is PostgreSQL's own uninterruptible work, not the output's)
check_cancel "text output of a 10M-entity ranking" "$serial" \
	"SELECT octet_length(r::text) FROM big"
