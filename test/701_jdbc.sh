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
# JDBC has no Unix sockets: this runs in a copy of the sample's template
# database in a cluster that listens on localhost (test/check.sh's, or one of
# its own when run alone).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export PGOPTIONS="-c client_min_messages=warning"
JAR=/usr/share/java/postgresql.jar
CLASSES=$TOP/test/results/jdbc

ROLES="jdbc_access_probe jdbc_dashboard jdbc_loader jdbc_analyst jdbc_nobody"
# the cluster of test/check.sh listens on localhost too; alone, the test starts one that does
if [ -z "${PGHOST:-}" ] || [ "$(psql -qX -At -d postgres -c 'SHOW listen_addresses' 2>/dev/null)" != 127.0.0.1 ]; then
	CLUSTER_LISTEN=127.0.0.1 cluster_start
fi
cleanup() {
	psql -qX -d postgres -c 'DROP DATABASE IF EXISTS jdbc_sample WITH (FORCE)' >/dev/null 2>&1 || true
	for role in $ROLES; do psql -qX -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true; done
	cluster_stop
}
trap cleanup EXIT
sample_database jdbc_sample
export PGDATABASE=jdbc_sample
# the role the calls of grant_access and revoke_access name
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE ROLE jdbc_access_probe'

mkdir -p "$CLASSES"
javac --release 17 -encoding UTF-8 -Xlint:all -Werror -cp "$JAR" -d "$CLASSES" "$TOP/test/jdbc/JdbcClientTest.java"
java -Dfile.encoding=UTF-8 -cp "$JAR:$CLASSES" JdbcClientTest \
	"jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE?user=$PGUSER&currentSchema=public,benchmark"

# a dashboard role: PUBLIC's reading access and the sample data's own tables
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE ROLE jdbc_dashboard LOGIN;
GRANT USAGE ON SCHEMA jobindsats, brugerdata, target_sources TO jdbc_dashboard;
GRANT SELECT ON ALL TABLES IN SCHEMA jobindsats, brugerdata, target_sources TO jdbc_dashboard;
SQL
java -Dfile.encoding=UTF-8 -cp "$JAR:$CLASSES" JdbcClientTest \
	"jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE?user=jdbc_dashboard&currentSchema=public,benchmark" reader

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
CREATE ROLE jdbc_loader; CREATE ROLE jdbc_analyst; CREATE ROLE jdbc_nobody;
SELECT benchmark.grant_access('jdbc_loader', 'loading');
SELECT benchmark.grant_access('jdbc_analyst', 'analysing');
SQL
allowed jdbc_loader "SELECT * FROM benchmark.jobindsats_load('Y01A02', \$\$$CSV\$\$)"
allowed jdbc_loader "SELECT count(*) FROM benchmark.model_placements('sonderborg-2023', '2022')"
refused jdbc_loader "SELECT benchmark.model_copy('sonderborg-2023', 'loaders')" 42501
refused jdbc_loader "INSERT INTO benchmark.jobindsats_term (term, table_id, measure) VALUES ('t', 'Y01A02', 'Antal personer')" 42501
echo "ok - a role granted loading loads (and reads); it cannot copy a model or add a term (42501)"
allowed jdbc_analyst "SELECT benchmark.model_copy('sonderborg-2023', 'analysts')"
allowed jdbc_analyst "INSERT INTO benchmark.jobindsats_term (term, table_id, measure) VALUES ('t', 'Y01A02', 'Antal personer')"
refused jdbc_analyst "SELECT * FROM benchmark.jobindsats_load('Y01A02', \$\$$CSV\$\$)" 42501
refused jdbc_analyst "SELECT count(*) FROM benchmark.jobindsats_csv(\$\$$CSV\$\$)" 42501
refused jdbc_analyst "DELETE FROM benchmark.jobindsats_observation" 42501
echo "ok - a role granted analysing edits the catalog; it cannot load, read documents or change the store (42501)"
refused jdbc_nobody "SELECT * FROM benchmark.jobindsats_load('Y01A02', \$\$$CSV\$\$)" 42501
refused jdbc_nobody "SELECT count(*) FROM benchmark.jobindsats_json('{\"columns\": [], \"rows\": []}')" 42501
refused jdbc_nobody "SELECT count(*) FROM benchmark.jobindsats_csv(convert_to(\$\$$CSV\$\$, 'UTF8'))" 42501
refused jdbc_nobody "SELECT benchmark.model_copy('sonderborg-2023', 'nobodys')" 42501
refused jdbc_nobody "SELECT benchmark.grant_access('jdbc_nobody', 'loading')" 42501
allowed jdbc_nobody "SELECT count(*) FROM benchmark.model_placements('sonderborg-2023', '2022')"
echo "ok - PUBLIC reads every model but cannot load, read documents, edit the catalog or grant access (42501)"

# a wide table an analyst registers for Y01A02 is read by her runs only
before=$(psql -qX -At -c "SET ROLE jdbc_dashboard" -c "SELECT string_agg(kommune || ':' || placement, ',' ORDER BY kommune) FROM benchmark.model_placements('sonderborg-2023', '2022') WHERE part = 'total'")
psql -qX -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE SCHEMA analysts AUTHORIZATION jdbc_analyst;
SET ROLE jdbc_analyst;
CREATE TABLE analysts.y01a02 ("Område" text, "Periode" text, "Køn" text, "Antal fuldtidspersoner" numeric);
GRANT USAGE ON SCHEMA analysts TO PUBLIC;
GRANT SELECT ON analysts.y01a02 TO PUBLIC;
INSERT INTO benchmark.jobindsats_source (table_id, relation, registered_by) VALUES ('Y01A02', 'analysts.y01a02', 'postgres');
SQL
[ "$(psql -qX -At -c "SELECT registered_by FROM benchmark.jobindsats_source WHERE table_id = 'Y01A02'")" = jdbc_analyst ] \
	|| fail "the registrant is not recorded as the role that registered"
after=$(psql -qX -At -c "SET ROLE jdbc_dashboard" -c "SELECT string_agg(kommune || ':' || placement, ',' ORDER BY kommune) FROM benchmark.model_placements('sonderborg-2023', '2022') WHERE part = 'total'")
[ -n "$before" ] && [ "$before" = "$after" ] || fail "the analyst's registration changed the dashboard's placements"
own=$(psql -qX -At -c "SET ROLE jdbc_analyst" -c "SELECT count(*) FROM benchmark.jobindsats_table_cells('Y01A02')")
theirs=$(psql -qX -At -c "SET ROLE jdbc_dashboard" -c "SELECT count(*) FROM benchmark.jobindsats_table_cells('Y01A02')")
[ "$own" = 0 ] && [ "$theirs" -gt 0 ] || fail "registration read by the wrong roles: analyst $own cells, dashboard $theirs"
trusted=$(psql -qX -At -c "SET ROLE jdbc_dashboard" -c "SET benchmark.trusted_owners = 'jdbc_analyst'" -c "SELECT count(*) FROM benchmark.jobindsats_table_cells('Y01A02')")
[ "$trusted" = 0 ] || fail "a role that trusts the analyst does not read her registration ($trusted cells)"
echo "ok - an analyst's registration (recorded as hers whatever she writes) is read by her runs and by roles that trust her; the dashboard's placements are unchanged"
