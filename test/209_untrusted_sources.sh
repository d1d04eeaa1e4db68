#!/usr/bin/env bash
# No analyst can make another role run code she chose through the extension.
# alice has the INSERT grants the README suggests; she points a target and a
# copy of the model at a view whose value calls her own function, which tries
# to make her superuser and logs who ran it.  A superuser then reads
# target_status, the scorecards and model_placements, and a reporting role
# refreshes a materialized view over them: none of them runs her function.
# A reader who names alice in benchmark.trusted_owners reads her view.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
DB=untrusted_sources
cleanup() {
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
	psql -qX -d postgres -c 'DROP ROLE IF EXISTS regress_alice' -c 'DROP ROLE IF EXISTS regress_reporter' -c 'DROP ROLE IF EXISTS regress_bob' >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
fail() { echo "not ok - $*"; exit 1; }
q() { psql -qX -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB" \
	-c 'CREATE ROLE regress_alice LOGIN' -c 'CREATE ROLE regress_reporter LOGIN' -c 'CREATE ROLE regress_bob LOGIN'
q >/dev/null <<'SQL'
CREATE EXTENSION benchmark;
GRANT CREATE ON DATABASE untrusted_sources TO regress_alice;
GRANT INSERT, UPDATE, DELETE ON benchmark.model, benchmark.model_area, benchmark.model_measure, benchmark.model_benefit,
	benchmark.model_excluded, benchmark.target, benchmark.target_milestone TO regress_alice;
-- a source of the superuser's, trusted by everyone
CREATE SCHEMA shared;
CREATE TABLE shared.ledighed (kommune text, period text, value numeric);
INSERT INTO shared.ledighed SELECT k.name, '2022', 3 + k.code % 7 FROM kommuner() k;
GRANT USAGE ON SCHEMA shared TO PUBLIC;
GRANT SELECT ON shared.ledighed TO PUBLIC;
SQL

# alice's bait: a view whose value calls her function
psql -qX -v ON_ERROR_STOP=1 -d "$DB" -U regress_alice >/dev/null <<'SQL'
CREATE SCHEMA alice;
CREATE TABLE alice.ran_as (who name, super boolean);
GRANT INSERT ON alice.ran_as TO PUBLIC;
CREATE FUNCTION alice.evil() RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO alice.ran_as SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
	BEGIN
		EXECUTE 'ALTER ROLE regress_alice SUPERUSER';
	EXCEPTION WHEN insufficient_privilege THEN
		NULL;
	END;
	RETURN 1;
END $$;
CREATE VIEW alice.bait AS SELECT l.kommune, l.period, l.value + alice.evil() AS value FROM shared.ledighed l;
GRANT USAGE ON SCHEMA alice TO PUBLIC;
GRANT SELECT ON alice.bait TO PUBLIC;
INSERT INTO benchmark.target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('alice-bait', 'Tønder', 'A harmless-looking ceiling', 'alice.bait', 'pct.', 'level', 'at_most', 5);
INSERT INTO benchmark.target (target, kommune, title, source, unit, kind, direction, level)
VALUES ('shared-ceiling', 'Tønder', 'A ceiling on shared data', 'shared.ledighed', 'pct.', 'level', 'at_most', 5);
SELECT benchmark.model_copy('sonderborg-2023', 'alice-model');
UPDATE benchmark.model_measure SET source = 'alice.bait' WHERE model = 'alice-model';
UPDATE benchmark.model_benefit SET source = 'alice.bait' WHERE model = 'alice-model';
SQL
echo "ok - alice sets the bait with the README's grants: a target and a model copy reading her view"

ran_as() { q -At -c "SELECT coalesce(string_agg(DISTINCT who || ':' || super, ','), 'nobody') FROM alice.ran_as"; }
is_super() { q -At -c "SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_alice'"; }

# target_status as superuser: the bait is a status row, every other target is served
status=$(q -At -c "SELECT status || ' | ' || note FROM benchmark.target_status WHERE target = 'alice-bait'")
case "$status" in
	*"owned by role regress_alice, whom you do not trust"*) ;;
	*) fail "target_status shows the bait as: $status" ;;
esac
others=$(q -At -c "SELECT count(*) FROM benchmark.target_status WHERE target = 'shared-ceiling' AND status IN ('met', 'not met')")
[ "$others" = 1 ] || fail "target_status stopped serving the other targets ($others)"
q -At -c "SELECT count(*) FROM benchmark.target_scorecard('Tønder')" >/dev/null
[ "$(ran_as)" = nobody ] || fail "alice's function ran as $(ran_as) in target_status"
echo "ok - target_status and target_scorecard as superuser: the bait is reported (owner not trusted), the other target is served, her function never ran"

# the runner and the scorecard refuse the model
for call in "benchmark.model_placements('alice-model', '2022')" "benchmark.model_scorecard('alice-model', 'Tønder', '2022')" \
	"benchmark.model_left_out('alice-model', '2022')" "benchmark.model_placements('alice-model')"; do
	if out=$(q -c "SELECT count(*) FROM $call" 2>&1); then
		fail "$call read alice's view"
	fi
	case "$out" in
		*"owned by role regress_alice, whom you do not trust"*) ;;
		*) fail "$call failed otherwise: $out" ;;
	esac
done
out=$(q -c "\\set VERBOSITY verbose" -c "SELECT count(*) FROM benchmark.model_placements('alice-model', '2022')" 2>&1 || true)
case "$out" in *"ERROR:  42501:"*) ;; *) fail "the refusal's SQLSTATE: $out" ;; esac
[ "$(ran_as)" = nobody ] || fail "alice's function ran as $(ran_as) in the runner"
echo "ok - model_placements (one period and all), model_scorecard and model_left_out refuse alice's source with 42501, her function never ran"

# a nightly refresh run by a reporting role
q >/dev/null <<'SQL'
GRANT USAGE, CREATE ON SCHEMA public TO regress_reporter;
SQL
psql -qX -v ON_ERROR_STOP=1 -d "$DB" -U regress_reporter >/dev/null <<'SQL'
CREATE MATERIALIZED VIEW public.status_report AS SELECT * FROM benchmark.target_status;
SQL
q -c 'REFRESH MATERIALIZED VIEW public.status_report' >/dev/null
bait=$(q -At -c "SELECT count(*) FROM public.status_report WHERE target = 'alice-bait' AND note LIKE '%do not trust%'")
[ "$bait" -ge 1 ] || fail "the refreshed view does not report the bait"
if q -c "CREATE MATERIALIZED VIEW public.model_report AS SELECT * FROM benchmark.model_placements('alice-model', '2022')" >/dev/null 2>&1; then
	fail "a materialized view over alice's model was built"
fi
[ "$(ran_as)" = nobody ] || fail "alice's function ran as $(ran_as) in a refresh"
[ "$(is_super)" = f ] || fail "alice became superuser"
echo "ok - REFRESH MATERIALIZED VIEW (run as its owner) reports the bait; a view over alice's model is refused; alice is no superuser"

# the documented override: a reader who trusts alice reads her view, with his own rights
psql -qX -v ON_ERROR_STOP=1 -d "$DB" -U regress_bob -c "SET benchmark.trusted_owners = 'regress_alice'" \
	-c "SELECT count(*) FROM benchmark.model_placements('alice-model', '2022')" >/dev/null
[ "$(ran_as)" = "regress_bob:false" ] || fail "with the override the view ran as $(ran_as)"
[ "$(is_super)" = f ] || fail "alice became superuser through bob"
echo "ok - with benchmark.trusted_owners = 'regress_alice' bob reads her view (her function runs as bob, who cannot make her superuser)"

# no function of the extension that reads a source runs with its owner's rights: the only
# SECURITY DEFINER ones keep the stored series and the store's vintages (they read the store and the
# catalog and write the derived tables and the vintages), and PUBLIC may not call the four that are not triggers
n=$(q -At -c "SELECT string_agg(p.proname, ',' ORDER BY p.proname) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'benchmark' WHERE p.prosecdef")
[ "$n" = "jobindsats_keep_revisions,jobindsats_mapping_series_refresh,jobindsats_observation_statement,jobindsats_series_after_catalog,jobindsats_series_after_form,jobindsats_series_after_store,jobindsats_series_refresh,jobindsats_store_gather_end,jobindsats_store_written" ] ||
	fail "unexpected SECURITY DEFINER functions: $n"
n=$(q -At -c "SELECT count(*) FROM pg_proc p WHERE p.proname IN ('jobindsats_series_refresh', 'jobindsats_mapping_series_refresh', 'jobindsats_store_written', 'jobindsats_store_gather_end')
	AND p.pronamespace IN ('benchmark'::regnamespace, 'benchmark_internal'::regnamespace) AND has_function_privilege('public', p.oid, 'EXECUTE')")
[ "$n" = 0 ] || fail "PUBLIC may call $n series refresh functions"
echo "ok - no function of the extension that reads a source is SECURITY DEFINER; the series' are not PUBLIC's to call"
