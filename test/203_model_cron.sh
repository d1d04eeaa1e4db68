#!/usr/bin/env bash
# The nightly refresh with pg_cron: cron.schedule registers the job in the
# database pg_cron runs in (cron.database_name = 'postgres' in the test
# cluster), cron.schedule_in_database in another one (a copy of the sample's
# template database), and the job's command refreshes the view there.  (We
# cannot wait a night: the test runs the registered command itself.)
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
DB=model_cron
q() { psql -qX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
qp() { psql -qX -v ON_ERROR_STOP=1 -d postgres "$@"; }
cleanup() {
	qp -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE 'benchmark-nightly-refresh%'" \
	   -c 'DROP EXTENSION IF EXISTS pg_cron' -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# the form docs/operations.md shows, in the database pg_cron runs in
qp -c 'CREATE EXTENSION IF NOT EXISTS pg_cron' >/dev/null
qp -c "SELECT cron.schedule('benchmark-nightly-refresh', '30 3 * * *',
	'REFRESH MATERIALIZED VIEW CONCURRENTLY public.sonderborg_placements')" >/dev/null
job=$(qp -At -F'|' -c "SELECT schedule, command, database, active FROM cron.job WHERE jobname = 'benchmark-nightly-refresh'")
[ "$job" = "30 3 * * *|REFRESH MATERIALIZED VIEW CONCURRENTLY public.sonderborg_placements|postgres|t" ] \
	|| { echo "FAIL: cron.job holds: $job" >&2; exit 1; }
echo "ok - cron.schedule registers the nightly refresh in the database pg_cron runs in"

# the same job for the database that holds the view
sample_database "$DB"
q >/dev/null <<'SQL'
CREATE MATERIALIZED VIEW public.sonderborg_placements AS
	SELECT * FROM model_placements('sonderborg-2023');
CREATE UNIQUE INDEX ON public.sonderborg_placements (model, period, part, item_key, kommune);
SQL
qp -c "SELECT cron.schedule_in_database('benchmark-nightly-refresh-sample', '30 3 * * *',
	'REFRESH MATERIALIZED VIEW CONCURRENTLY public.sonderborg_placements', '$DB')" >/dev/null
job=$(qp -At -F'|' -c "SELECT schedule, command, database, active FROM cron.job WHERE jobname = 'benchmark-nightly-refresh-sample'")
[ "$job" = "30 3 * * *|REFRESH MATERIALIZED VIEW CONCURRENTLY public.sonderborg_placements|$DB|t" ] \
	|| { echo "FAIL: cron.job holds: $job" >&2; exit 1; }

sql="SELECT placement FROM public.sonderborg_placements WHERE period = '2022' AND part = 'measure' AND item_key = 'delvis_raskmelding' AND kommune = 'Sønderborg'"
before=$(q -At -c "$sql")
q -c "UPDATE benchmark.jobindsats_observation SET value = 99 WHERE table_id = 'BRUGERDATA' AND area = 'Sønderborg' AND period = '2022' AND measure = 'Sygemeldte med delvis raskmelding (pct.)'"
[ "$(q -At -c "$sql")" = "$before" ]
# run the job's command as pg_cron would
q -c "$(qp -At -c "SELECT command FROM cron.job WHERE jobname = 'benchmark-nightly-refresh-sample'")"
after=$(q -At -c "$sql")
[ "$after" = 1 ] && [ "$before" != 1 ] || { echo "FAIL: placement $before -> $after after the job's command" >&2; exit 1; }
echo "ok - cron.schedule_in_database registers it for another database, and its command refreshes the view there (placement $before -> $after)"
