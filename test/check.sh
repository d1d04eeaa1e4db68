#!/usr/bin/env bash
# Runs every test against a throw-away cluster: the C core's unit tests under
# sanitizers and a short fuzzing run (make fuzz-quick), pg_regress, the
# isolation tests, pgTAP and the shell-driven tests, CHECK_JOBS at a time (the
# number of cores).  Installs what it needs on Debian.
#
# Each test file (a unit test program, the fuzzing run, a pg_regress or
# isolation file, a pgTAP file, a shell test) counts once; a failure does not
# stop the others.  The template database of the SYNTHETIC sample data is
# built first; the tests that copy it start when it is there, the others
# meanwhile, the longest of the last run first.  Every log is in
# test/results/check/; the failures' diffs and logs are printed at the end,
# then the slowest tests and one line: N passed, N failed.  The exit status
# is non-zero when any failed.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages
take_install_lock
cd "$TOP"
LOGS=test/results/check
rm -rf "$LOGS"
mkdir -p "$LOGS"
CHECK_JOBS=${CHECK_JOBS:-$(nproc)}
STARTED=$(date +%s)
PASSED=0
FAILED=0
FAILURES=()

# counted NAME STATUS SECONDS LOG: one test file's result, said at once
counted() {
	if [ "$2" -eq 0 ]; then
		PASSED=$((PASSED + 1))
		printf 'ok     %-40s %5s s\n' "$1" "$3"
	else
		FAILED=$((FAILED + 1))
		FAILURES+=("$1|$4")
		printf 'FAILED %-40s %5s s\n' "$1" "$3"
	fi
	printf '%s %s\n' "$3" "$1" >>"$LOGS/seconds"
}

# the closing line, and the exit status
finish() {
	local f
	local -A shown=()
	for f in "${FAILURES[@]}"; do
		echo
		echo "======== ${f%%|*} (${f#*|})"
		# the diffs of pg_regress's failed files are in one file: shown once
		[ -z "${shown[${f#*|}]:-}" ] || continue
		shown[${f#*|}]=yes
		case "${f#*|}" in
			*.diffs) head -300 "${f#*|}" ;;
			*) tail -60 "${f#*|}" ;;
		esac
	done
	echo
	echo "== the slowest (seconds; all in $LOGS/seconds), $(($(date +%s) - STARTED)) s in all"
	sort -rn "$LOGS/seconds" 2>/dev/null | head -8
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
	exit
}

echo "== building and installing benchmark"
if ! build_install >"$LOGS/build.log" 2>&1; then
	counted build 1 $(($(date +%s) - STARTED)) "$LOGS/build.log"
	finish
fi
# on localhost too, for the JDBC test
if ! CLUSTER_LISTEN=127.0.0.1 cluster_start >"$LOGS/cluster.log" 2>&1; then
	counted cluster 1 $(($(date +%s) - STARTED)) "$LOGS/cluster.log"
	finish
fi

# The jobs: a name, whether it copies the sample's template, and a command
# run from the top of the tree with its output in $LOGS/NAME.log.  A job that
# runs several test files writes one line per file to $LOGS/NAME.files
# (status, seconds, name, the log or diffs to show when it failed); any other
# job counts as one test file.
JOB_NAMES=()
JOB_SAMPLE=()
JOB_COMMANDS=()
job() {
	[ -z "${CHECK_ONLY:-}" ] || [ "$1" = sample-template ] || [[ $1 =~ $CHECK_ONLY ]] || return 0
	JOB_NAMES+=("$1")
	JOB_SAMPLE+=("$2")
	JOB_COMMANDS+=("$3")
}

# pg_regress_files NAME LOG DIFFS: the files pg_regress's output LOG reports,
# as NAME/file, into $LOGS/NAME.files
pg_regress_files() {
	awk -v suite="$1" -v diffs="$3" '/ \.\.\. / {
		name = $1 == "test" ? $2 : $1
		ms = $NF == "ms" ? $(NF - 1) : 0
		printf "%d %d %s/%s %s\n", $0 !~ / \.\.\. ok /, ms / 1000, suite, name, diffs
	}' "$2" >"$LOGS/$1.files"
}

# run_regress: the pg_regress files, in file-name order in one database
run_regress() {
	local status=0
	make -s PG_CONFIG="$PG_BIN/pg_config" installcheck ISOLATION= || status=$?
	pg_regress_files regress "$LOGS/regress.log" test/results/regression.diffs
	return $status
}

# run_isolation: the isolation specs
run_isolation() {
	local status=0
	make -s PG_CONFIG="$PG_BIN/pg_config" installcheck REGRESS= || status=$?
	pg_regress_files isolation "$LOGS/isolation.log" test/results/isolation/regression.diffs
	return $status
}

# run_pgtap: each pgTAP file with pg_prove, in a database of their own
run_pgtap() {
	local f start status
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'DROP DATABASE IF EXISTS benchmark_tap' -c 'CREATE DATABASE benchmark_tap' || return 1
	for f in test/pgtap/*.sql; do
		start=$(date +%s)
		status=0
		PGDATABASE=benchmark_tap pg_prove --ext .sql "$f" >"$LOGS/pgtap-$(basename "$f" .sql).log" 2>&1 || status=1
		cat "$LOGS/pgtap-$(basename "$f" .sql).log"
		echo "$status $(($(date +%s) - start)) pgtap/$(basename "$f") $LOGS/pgtap-$(basename "$f" .sql).log" >>"$LOGS/pgtap.files"
	done
}

job sample-template - sample_database
job regress sample run_regress
for t in test/[0-9]*_*.sh; do
	needs=-
	grep -q '^[^#]*sample_database' "$t" && needs=sample
	job "$t" "$needs" "PG_BIN=$PG_BIN bash $t"
done
job pgtap - run_pgtap
job isolation - run_isolation
for u in test/unit/*_test.c; do
	job "unit/$(basename "$u" .c)" - "make -s PG_CONFIG=$PG_BIN/pg_config ${u%.c} && ./${u%.c}"
done
job fuzz-quick - "make -s PG_CONFIG=$PG_BIN/pg_config fuzz-quick"

# account I STATUS SECONDS: counts what job I ran
account() {
	local name=${JOB_NAMES[$1]} log="$LOGS/${JOB_NAMES[$1]//\//-}.log" status seconds file what
	if [ -s "$LOGS/$name.files" ]; then
		while read -r status seconds file what; do
			counted "$file" "$status" "$seconds" "$what"
		done <"$LOGS/$name.files"
		# a failure the files do not show (the run broke off)
		if [ "$2" -ne 0 ] && ! grep -q '^1 ' "$LOGS/$name.files"; then
			counted "$name" "$2" "$3" "$log"
		fi
	elif [ "$name" = sample-template ]; then
		# building the template is no test: only its failure counts
		[ "$2" -eq 0 ] && echo "       (the sample's template database: $3 s)" || counted "$name" "$2" "$3" "$log"
	else
		counted "$name" "$2" "$3" "$log"
	fi
}

# the order: the template first, then the longest jobs (so that no long one
# starts last), the others as listed; how long a job takes is what it took
# in the last run here, else what test/check_seconds says (a run on the
# 2-core machine, committed so that a fresh clone packs its jobs as well)
HISTORY=test/results/check-jobs
declare -A LAST=()
for f in test/check_seconds "$HISTORY"; do
	if [ -r "$f" ]; then
		while read -r seconds name; do LAST[$name]=$seconds; done <"$f"
	fi
done
NEXT=()
while read -r _ i; do NEXT+=("$i"); done < <(
	for i in "${!JOB_NAMES[@]}"; do
		seconds=${LAST[${JOB_NAMES[$i]}]:-0}
		[ "$i" -eq 0 ] && seconds=1000000
		echo "$seconds $i"
	done | sort -k1,1rn -k2,2n -s)
: >"$HISTORY.new"

echo "== $((${#JOB_NAMES[@]} - 1)) jobs, $CHECK_JOBS at a time"
declare -A RUNNING=() SINCE=()
sample_ready=
while [ ${#NEXT[@]} -gt 0 ] || [ ${#RUNNING[@]} -gt 0 ]; do
	# start the first jobs that may run, while a slot is free
	while [ ${#RUNNING[@]} -lt "$CHECK_JOBS" ]; do
		pick=
		for k in "${!NEXT[@]}"; do
			i=${NEXT[$k]}
			if [ "${JOB_SAMPLE[$i]}" = - ] || [ -n "$sample_ready" ]; then
				pick=$k
				break
			fi
		done
		[ -n "$pick" ] || break
		i=${NEXT[$pick]}
		unset "NEXT[$pick]"
		NEXT=("${NEXT[@]}")
		(eval "${JOB_COMMANDS[$i]}") >"$LOGS/${JOB_NAMES[$i]//\//-}.log" 2>&1 </dev/null &
		RUNNING[$!]=$i
		SINCE[$!]=$(date +%s)
	done
	[ ${#RUNNING[@]} -gt 0 ] || break
	wait -n -p done_pid "${!RUNNING[@]}"
	status=$?
	i=${RUNNING[$done_pid]}
	account "$i" "$status" $(($(date +%s) - SINCE[$done_pid]))
	echo "$(($(date +%s) - SINCE[$done_pid])) ${JOB_NAMES[$i]}" >>"$HISTORY.new"
	unset "RUNNING[$done_pid]" "SINCE[$done_pid]"
	[ "${JOB_NAMES[$i]}" = sample-template ] && sample_ready=yes
done
mv "$HISTORY.new" "$HISTORY"

finish
