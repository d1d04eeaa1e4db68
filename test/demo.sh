#!/usr/bin/env bash
# The main job: builds and installs benchmark, starts a throw-away cluster,
# loads the SYNTHETIC sample data and prints the ranking list.  Installs what it
# needs on Debian.  With --keep the cluster stays up for psql afterwards.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages
take_install_lock
cd "$TOP"
build_install
cluster_start
if [ "${1:-}" = "--keep" ]; then
	trap - EXIT
fi

psql -X -q -f test/demo_engine.sql
psql -X -q -f test/demo_model.sql
for step in test/demo_*.sql; do
	case "$step" in
		test/demo_engine.sql|test/demo_model.sql) ;;
		*) psql -X -q -f "$step" ;;
	esac
done

if [ "${1:-}" = "--keep" ]; then
	echo
	echo "The cluster keeps running: psql -h $PGHOST -p $PGPORT -U postgres"
	echo "Stop it with: $PG_BIN/pg_ctl -D $CLUSTER_DIR/data stop"
fi
