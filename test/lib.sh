# Shared set-up for test/check.sh and test/demo.sh: Debian packages, build and
# install, and a throw-away PostgreSQL cluster of our own.  Sourced, not run.

PG_MAJOR=${PG_MAJOR:-15}
# PG_BIN may point at another installation of the same major (a private copy).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# as_root runs a command as root, through sudo when we are not root already.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages installs the Debian packages the build and the tests need.
ensure_packages() {
	local pkgs="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-pgtap
		libtap-parser-sourcehandler-pgtap-perl postgresql-$PG_MAJOR-cron gcc make libc6-dev util-linux
		clang libclang-rt-14-dev default-jdk-headless libpostgresql-jdbc-java python3-jsonschema"
	local missing=""
	for p in $pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "== installing Debian packages:$missing"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	fi
}

# ensure_report_packages installs what the report's browser test needs: headless
# Chromium to render and print, poppler-utils to read the PDF, and a font with
# the Danish letters.
ensure_report_packages() {
	local missing=""
	for p in chromium-headless-shell poppler-utils fonts-dejavu-core python3; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "== installing Debian packages:$missing"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	fi
}

# chromium_headless runs headless Chromium on a page with what a container
# needs (no sandbox as root, no GPU), its chatter about D-Bus dropped.
chromium_headless() {
	chromium-headless-shell --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
		--user-data-dir="${CHROMIUM_PROFILE:-$(mktemp -d /tmp/benchmark-chromium.XXXXXX)}" "$@" 2>/dev/null
}

# take_install_lock serialises install-and-test runs of several checkouts on one machine.
take_install_lock() {
	exec 9>"/tmp/benchmark-install$(echo "$PG_BIN" | tr / _).lock"
	flock 9
}

# build_install compiles the extension and installs it into PostgreSQL's directories.
build_install() {
	echo "== building and installing benchmark"
	make -C "$TOP" -s PG_CONFIG="$PG_BIN/pg_config" WERROR=1 >/dev/null
	# scripts another checkout installed (a version this one lacks) would join the upgrade chain
	as_root rm -f "$("$PG_BIN/pg_config" --sharedir)"/extension/benchmark--*.sql
	as_root make -C "$TOP" -s PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
}

# run_pg runs a server-side program as the cluster's owner (postgres when we are root).
run_pg() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# cluster_start initialises and starts a throw-away cluster on a random port (another
# when that one is taken); sets PGHOST, PGPORT, PGUSER.  It listens on a Unix socket
# only, and on TCP too at CLUSTER_LISTEN (e.g. 127.0.0.1) when that is set: clients
# such as JDBC cannot use the socket.
cluster_start() {
	local try
	CLUSTER_DIR=$(mktemp -d /tmp/benchmark-cluster.XXXXXX)
	[ "$(id -u)" -eq 0 ] && chown postgres: "$CLUSTER_DIR"
	run_pg "$PG_BIN/initdb" -D "$CLUSTER_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
	cat >>"$CLUSTER_DIR/data/postgresql.conf" <<CONF
listen_addresses = '${CLUSTER_LISTEN:-}'
unix_socket_directories = '$CLUSTER_DIR'
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
max_worker_processes = 16
max_parallel_workers_per_gather = 2
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
work_mem = 64MB
CONF
	# a random port; another, when a cluster of someone else's listens on it
	for try in 1 2 3 4 5; do
		PGPORT=${PGPORT_OVERRIDE:-$(( 20000 + RANDOM % 20000 ))}
		run_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -o "-p $PGPORT" -w start >/dev/null && break
		[ "$try" -lt 5 ] && [ -z "${PGPORT_OVERRIDE:-}" ] || return 1
	done
	export PGHOST=$CLUSTER_DIR PGPORT PGUSER=postgres PGDATABASE=postgres
	trap cluster_stop EXIT
}

# cluster_stop stops the throw-away cluster and removes it.
cluster_stop() {
	if [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR" ]; then
		run_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$CLUSTER_DIR"
	fi
}

# sample_database [DB]: creates database DB as a copy of the template database
# of the SYNTHETIC sample data (the extension and test/data/load_sample.sql),
# building the template first when the cluster of PGHOST and PGPORT lacks it
# or it is stale; without DB it only builds the template.  One caller at a
# time: tests that start at once build the template once, the others wait.
sample_database() {
	local lock=$PGHOST/benchmark-sample.lock
	# next to the socket of a throw-away cluster, else named by the cluster
	[ -d "$PGHOST" ] && [ -w "$PGHOST" ] ||
		lock=/tmp/benchmark-sample-$(printf '%s:%s' "$PGHOST" "$PGPORT" | md5sum | cut -c1-16).lock
	(
		flock 8
		cd "$TOP" && psql -qX -v ON_ERROR_STOP=1 -d postgres ${1:+-v sample_db="$1"} -f test/data/sample_database.sql >/dev/null
	) 8>"$lock"
}
