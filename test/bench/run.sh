#!/usr/bin/env bash
# The benchmark (not a test): builds and installs benchmark, starts a throw-away
# cluster and runs test/bench/bench*.sql: the engine, the model runner on the sample
# data, the sensitivity draws, loading jobindsats files.  BENCH_REPS sets the runs
# per figure, BENCH_RUNNER_REPS those of the runner.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

ensure_packages
take_install_lock
cd "$TOP"
build_install
cluster_start
echo "== benchmark ($(nproc) cores; $(date -u +%Y-%m-%d))"
psql -X -v reps="${BENCH_REPS:-3}" -f test/bench/bench.sql
psql -X -v reps="${BENCH_RUNNER_REPS:-15}" -f test/bench/bench_runner.sql
psql -X -v reps="${BENCH_REPS:-3}" -f test/bench/bench_sensitivity.sql
psql -X -v reps="${BENCH_REPS:-3}" -f test/bench/bench_load.sql
