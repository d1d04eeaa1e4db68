#!/usr/bin/env bash
# The extension through Debian's PostgreSQL JDBC driver, as BI tools reach it:
# test/jdbc/JdbcClientTest.java calls every user-facing view and set-returning
# function and checks that their columns arrive as plain SQL types, and
# filters kommune columns with setString parameters (sent as varchar).
# JDBC has no Unix sockets, so this runs a cluster of its own on localhost.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export PGOPTIONS="-c client_min_messages=warning"
JAR=/usr/share/java/postgresql.jar
CLASSES=$TOP/test/results/jdbc

CLUSTER_LISTEN=127.0.0.1 cluster_start
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION benchmark' -f "$TOP/test/data/load_sample.sql" >/dev/null

mkdir -p "$CLASSES"
javac --release 17 -encoding UTF-8 -Xlint:all -Werror -cp "$JAR" -d "$CLASSES" "$TOP/test/jdbc/JdbcClientTest.java"
java -Dfile.encoding=UTF-8 -cp "$JAR:$CLASSES" JdbcClientTest \
	"jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE?user=$PGUSER&currentSchema=public,benchmark"
