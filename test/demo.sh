#!/usr/bin/env bash
# The main job: builds and installs benchmark, starts a throw-away cluster,
# writes the SYNTHETIC sample data as jobindsats downloads, reads them into the
# observation store, prints the ranking list and what explains it, and writes
# Sønderborg's report for the latest period (model_report) to a file, with
# its PDF where headless Chromium is installed.  Installs what it needs on
# Debian.  With --keep the cluster stays up for psql afterwards.
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

# the report a committee reads: Sønderborg in the latest period, as HTML (and PDF where Chromium is)
REPORTS=$TOP/test/results/demo
mkdir -p "$REPORTS"
latest=$(psql -X -At -c "SELECT max(period) FROM benchmark.model_placements('sonderborg-2023')
						 WHERE part = 'total' AND placement IS NOT NULL")
report=$REPORTS/sonderborg-$latest.html
psql -X -At -v ON_ERROR_STOP=1 -v period="$latest" -o "$report" <<'SQL'
SELECT benchmark.model_report('sonderborg-2023', 'Sønderborg', :'period');
SQL
echo
echo "== Rapporten til udvalget (SYNTETISKE DATA): Sønderborg $latest"
echo "   HTML: $report"
if command -v chromium-headless-shell >/dev/null; then
	CHROMIUM_PROFILE=$(mktemp -d /tmp/benchmark-chromium.XXXXXX)
	chromium_headless --no-pdf-header-footer --print-to-pdf="${report%.html}.pdf" "file://$report" >/dev/null
	rm -rf "$CHROMIUM_PROFILE"
	echo "   PDF:  ${report%.html}.pdf"
fi

if [ "${1:-}" = "--keep" ]; then
	echo
	echo "The cluster keeps running: psql -h $PGHOST -p $PGPORT -U postgres"
	echo "Stop it with: $PG_BIN/pg_ctl -D $CLUSTER_DIR/data stop"
fi
