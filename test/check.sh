#!/usr/bin/env bash
# Runs every test: the C core's unit tests under sanitizers, pg_regress and
# pgTAP, against a throw-away cluster.  Installs what it needs on Debian.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages
take_install_lock
cd "$TOP"

echo "== C core unit tests (AddressSanitizer, UBSan)"
make -s PG_CONFIG="$PG_BIN/pg_config" unittest
echo "== C core fuzzing (libFuzzer)"
mkdir -p test/results
if ! make -s PG_CONFIG="$PG_BIN/pg_config" fuzz >test/results/fuzz.log 2>&1; then
	tail -40 test/results/fuzz.log
	exit 1
fi
grep '^Done' test/results/fuzz.log

build_install
cluster_start

echo "== pg_regress and isolation tests"
if ! make -s PG_CONFIG="$PG_BIN/pg_config" installcheck; then
	cat test/results/regression.diffs test/results/isolation/regression.diffs 2>/dev/null | head -200
	exit 1
fi

echo "== pgTAP"
psql -q -X -c 'CREATE DATABASE benchmark_tap'
PGDATABASE=benchmark_tap pg_prove -q --ext .sql -r test/pgtap

echo "== shell-driven tests"
for t in test/[0-9]*_*.sh; do
	[ -e "$t" ] || continue
	PG_BIN=$PG_BIN bash "$t"
done

echo "== all tests passed"
