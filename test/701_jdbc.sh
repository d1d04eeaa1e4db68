#!/usr/bin/env bash
# The extension through Debian's PostgreSQL JDBC driver, as BI tools reach it:
# test/jdbc/JdbcClientTest.java calls every user-facing view and set-returning
# function and checks that their columns arrive as plain SQL types, and
# filters kommune columns with setString parameters (sent as varchar), as
# the superuser and as a dashboard role that holds nothing but PUBLIC's
# reading access (and SELECT on the sample's own data).  Then the access
# model: a role granted loading loads but cannot edit the catalog, one
# granted analysing edits the catalog but cannot load, PUBLIC can do
# neither, and a wide table an analyst registers is read by her runs only.
# JDBC has no Unix sockets, so this runs a cluster of its own on localhost.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export PGOPTIONS="-c client_min_messages=warning"
JAR=/usr/share/java/postgresql.jar
CLASSES=$TOP/test/results/jdbc

CLUSTER_LISTEN=127.0.0.1 cluster_start
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION benchmark' -f "$TOP/test/data/load_sample.sql" >/dev/null
# the role the calls of grant_access and revoke_access name
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE ROLE access_probe'

mkdir -p "$CLASSES"
javac --release 17 -encoding UTF-8 -Xlint:all -Werror -cp "$JAR" -d "$CLASSES" "$TOP/test/jdbc/JdbcClientTest.java"
java -Dfile.encoding=UTF-8 -cp "$JAR:$CLASSES" JdbcClientTest \
	"jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE?user=$PGUSER&currentSchema=public,benchmark"

# a dashboard role: PUBLIC's reading access and the sample data's own tables
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE ROLE dashboard LOGIN;
GRANT USAGE ON SCHEMA jobindsats, brugerdata, target_sources TO dashboard;
GRANT SELECT ON ALL TABLES IN SCHEMA jobindsats, brugerdata, target_sources TO dashboard;
SQL
java -Dfile.encoding=UTF-8 -cp "$JAR:$CLASSES" JdbcClientTest \
	"jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE?user=dashboard&currentSchema=public,benchmark" reader

fail() { echo "not ok - $*" >&2; exit 1; }
# as ROLE: SQL must fail with SQLSTATE
refused() {
	local role=$1 sql=$2 state=$3 out
	if out=$(psql -qX -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate -c "SET ROLE $role" -c "$sql" 2>&1); then
		fail "$role may: $sql"
	fi
	grep -q "ERROR: *$state" <<<"$out" || fail "$role: $sql: expected $state, got: $out"
}
allowed() {
	psql -qX -v ON_ERROR_STOP=1 -c "SET ROLE $1" -c "$2" >/dev/null || fail "$1 may not: $2"
}
CSV="Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234"
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE ROLE loader; CREATE ROLE analyst; CREATE ROLE nobody;
SELECT benchmark.grant_access('loader', 'loading');
SELECT benchmark.grant_access('analyst', 'analysing');
SQL
allowed loader "SELECT * FROM benchmark.jobindsats_load('Y01A02', \$\$$CSV\$\$)"
allowed loader "SELECT count(*) FROM benchmark.model_placements('sonderborg-2023', '2022')"
refused loader "SELECT benchmark.model_copy('sonderborg-2023', 'loaders')" 42501
refused loader "INSERT INTO benchmark.jobindsats_term (term, table_id, measure) VALUES ('t', 'Y01A02', 'Antal personer')" 42501
echo "ok - a role granted loading loads (and reads); it cannot copy a model or add a term (42501)"
allowed analyst "SELECT benchmark.model_copy('sonderborg-2023', 'analysts')"
allowed analyst "INSERT INTO benchmark.jobindsats_term (term, table_id, measure) VALUES ('t', 'Y01A02', 'Antal personer')"
refused analyst "SELECT * FROM benchmark.jobindsats_load('Y01A02', \$\$$CSV\$\$)" 42501
refused analyst "SELECT count(*) FROM benchmark.jobindsats_csv(\$\$$CSV\$\$)" 42501
refused analyst "DELETE FROM benchmark.jobindsats_observation" 42501
echo "ok - a role granted analysing edits the catalog; it cannot load, read documents or change the store (42501)"
refused nobody "SELECT * FROM benchmark.jobindsats_load('Y01A02', \$\$$CSV\$\$)" 42501
refused nobody "SELECT count(*) FROM benchmark.jobindsats_json('{\"columns\": [], \"rows\": []}')" 42501
refused nobody "SELECT count(*) FROM benchmark.jobindsats_csv(convert_to(\$\$$CSV\$\$, 'UTF8'))" 42501
refused nobody "SELECT benchmark.model_copy('sonderborg-2023', 'nobodys')" 42501
refused nobody "SELECT benchmark.grant_access('nobody', 'loading')" 42501
allowed nobody "SELECT count(*) FROM benchmark.model_placements('sonderborg-2023', '2022')"
echo "ok - PUBLIC reads every model but cannot load, read documents, edit the catalog or grant access (42501)"

# a wide table an analyst registers for Y01A02 is read by her runs only
before=$(psql -qX -At -c "SET ROLE dashboard" -c "SELECT string_agg(kommune || ':' || placement, ',' ORDER BY kommune) FROM benchmark.model_placements('sonderborg-2023', '2022') WHERE part = 'total'")
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE SCHEMA analysts AUTHORIZATION analyst;
SET ROLE analyst;
CREATE TABLE analysts.y01a02 ("Område" text, "Periode" text, "Køn" text, "Antal fuldtidspersoner" numeric);
GRANT USAGE ON SCHEMA analysts TO PUBLIC;
GRANT SELECT ON analysts.y01a02 TO PUBLIC;
INSERT INTO benchmark.jobindsats_source (table_id, relation, registered_by) VALUES ('Y01A02', 'analysts.y01a02', 'postgres');
SQL
[ "$(psql -qX -At -c "SELECT registered_by FROM benchmark.jobindsats_source WHERE table_id = 'Y01A02'")" = analyst ] \
	|| fail "the registrant is not recorded as the role that registered"
after=$(psql -qX -At -c "SET ROLE dashboard" -c "SELECT string_agg(kommune || ':' || placement, ',' ORDER BY kommune) FROM benchmark.model_placements('sonderborg-2023', '2022') WHERE part = 'total'")
[ -n "$before" ] && [ "$before" = "$after" ] || fail "the analyst's registration changed the dashboard's placements"
own=$(psql -qX -At -c "SET ROLE analyst" -c "SELECT count(*) FROM benchmark.jobindsats_table_cells('Y01A02')")
theirs=$(psql -qX -At -c "SET ROLE dashboard" -c "SELECT count(*) FROM benchmark.jobindsats_table_cells('Y01A02')")
[ "$own" = 0 ] && [ "$theirs" -gt 0 ] || fail "registration read by the wrong roles: analyst $own cells, dashboard $theirs"
trusted=$(psql -qX -At -c "SET ROLE dashboard" -c "SET benchmark.trusted_owners = 'analyst'" -c "SELECT count(*) FROM benchmark.jobindsats_table_cells('Y01A02')")
[ "$trusted" = 0 ] || fail "a role that trusts the analyst does not read her registration ($trusted cells)"
echo "ok - an analyst's registration (recorded as hers whatever she writes) is read by her runs and by roles that trust her; the dashboard's placements are unchanged"
