#!/usr/bin/env bash
# The main job: builds and installs benchmark, starts a throw-away cluster,
# writes the SYNTHETIC sample data as jobindsats downloads, reads them into the
# observation store and prints the ranking list.  Installs what it
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
# the SYNTHETIC sample goes in as downloads: files -> readers -> store -> model
DOWNLOADS=$(mktemp -d /tmp/benchmark-downloads.XXXXXX)
chmod 755 "$DOWNLOADS"
psql -X -q -v downloads="$DOWNLOADS" -f test/demo_model.sql
rm -rf "$DOWNLOADS"
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
