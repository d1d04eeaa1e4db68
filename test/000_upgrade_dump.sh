#!/usr/bin/env bash
# Two install paths, one result: the oldest version upgraded through every
# script, and a fresh install of the default version, dump the same schema
# (pg_dump --binary-upgrade lists the extension's own objects too) and hold
# the same shipped rows.  Also: the extension installs next to user objects
# with the names the catalog uses, and leaves them alone.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d /tmp/benchmark-upgrade.XXXXXX)
cleanup() {
	rm -rf "$WORK"
	for d in upgrade_walked upgrade_fresh upgrade_neighbours upgrade_dependents upgrade_renamed; do
		psql -qX -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
	done
}
trap cleanup EXIT
fail() { echo "not ok - $*"; exit 1; }

for d in upgrade_walked upgrade_fresh upgrade_neighbours upgrade_dependents upgrade_renamed; do
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
done

versions=$(psql -qX -At -d postgres -c "SELECT version FROM pg_available_extension_versions WHERE name = 'benchmark' ORDER BY string_to_array(version, '.')::int[]")
oldest=$(echo "$versions" | head -1)
newest=$(psql -qX -At -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'benchmark'")
psql -qX -v ON_ERROR_STOP=1 -d upgrade_walked -c "CREATE EXTENSION benchmark VERSION '$oldest'"
steps=0
for v in $(echo "$versions" | tail -n +2); do
	psql -qX -v ON_ERROR_STOP=1 -d upgrade_walked -c "ALTER EXTENSION benchmark UPDATE TO '$v'"
	steps=$((steps + 1))
done
psql -qX -v ON_ERROR_STOP=1 -d upgrade_fresh -c 'CREATE EXTENSION benchmark'
walked=$(psql -qX -At -d upgrade_walked -c "SELECT extversion FROM pg_extension WHERE extname = 'benchmark'")
[ "$walked" = "$newest" ] || fail "the upgrades end at $walked, not at $newest"
echo "ok - $oldest upgrades to $newest in $steps steps"

# OIDs, transaction ids and the dump's session token differ between any two databases
normalise() {
	sed -E -e '/^\\(un)?restrict /d' -e '/^-- Dumped /d' -e '/binary_upgrade_set_next_/d' \
		-e "s/'\{[0-9,]+\}'/'{OIDS}'/" -e "s/relfrozenxid = '[0-9]+'/relfrozenxid = 'X'/" \
		-e "s/relminmxid = '[0-9]+'/relminmxid = 'X'/" -e "s/WHERE oid = '[0-9]+'/WHERE oid = 'X'/"
}
for d in upgrade_walked upgrade_fresh; do
	"$PG_BIN/pg_dump" --schema-only --binary-upgrade -d "$d" | normalise >"$WORK/$d.sql"
done
if ! diff -u "$WORK/upgrade_fresh.sql" "$WORK/upgrade_walked.sql" >"$WORK/schema.diff"; then
	head -80 "$WORK/schema.diff"
	fail "pg_dump --schema-only of the upgraded database differs from a fresh install"
fi
echo "ok - pg_dump --schema-only --binary-upgrade: upgraded and fresh install identical ($(grep -c '' "$WORK/upgrade_fresh.sql") lines)"

rows() {
	psql -qX -At -d "$1" <<'SQL'
SELECT format('SELECT %L, count(*), md5(string_agg(t::text, E''\n'' ORDER BY t::text)) FROM %s t', c.oid::regclass, c.oid::regclass)
FROM pg_class c
WHERE c.oid = ANY ((SELECT extconfig FROM pg_extension WHERE extname = 'benchmark')::oid[]) AND c.relkind = 'r'
ORDER BY 1 \gexec
SQL
}
[ "$(rows upgrade_walked)" = "$(rows upgrade_fresh)" ] || fail "the catalog's shipped rows differ after the upgrades"
echo "ok - the catalog tables hold the same rows ($(rows upgrade_fresh | wc -l) tables)"

# next to a data warehouse's own tables and functions of the same names
psql -qX -v ON_ERROR_STOP=1 -d upgrade_neighbours >/dev/null <<'SQL'
CREATE TABLE model (id int, name text);
CREATE TABLE target (id int);
CREATE TABLE peer_group (id int);
CREATE TABLE model_area (id int);
CREATE FUNCTION score(int) RETURNS int LANGUAGE sql IMMUTABLE RETURN $1 * 2;
INSERT INTO model VALUES (1, 'mine');
CREATE EXTENSION benchmark;
SQL
got=$(psql -qX -At -d upgrade_neighbours -c "SELECT (SELECT name FROM public.model), public.score(21), (SELECT count(*) FROM benchmark.model), (SELECT count(*) FROM public.target)")
[ "$got" = "mine|42|1|0" ] || fail "the user's objects next to the extension: $got"
echo "ok - CREATE EXTENSION next to user tables model, target, peer_group, model_area and a function score(int) leaves them alone"

# a 1.3 database whose users built on the runner: their views survive the upgrade
psql -qX -v ON_ERROR_STOP=1 -d upgrade_dependents >/dev/null <<'SQL'
CREATE EXTENSION benchmark VERSION '1.3';
CREATE VIEW my_ranking_list AS SELECT period, kommune, placement FROM model_placements('sonderborg-2023', '2022') WHERE part = 'total';
CREATE MATERIALIZED VIEW my_targets AS SELECT target, period, status FROM target_status WITH NO DATA;
CREATE FUNCTION my_first_day(p text) RETURNS date LANGUAGE sql RETURN period_start(p);
SELECT model_copy('sonderborg-2023', 'my-model');
ALTER EXTENSION benchmark UPDATE TO '1.4';
REFRESH MATERIALIZED VIEW my_targets;
SQL
got=$(psql -qX -At -d upgrade_dependents -c "SELECT my_first_day('2022Q2'), (SELECT count(*) FROM benchmark.model WHERE model = 'my-model'),
	pg_get_viewdef('my_ranking_list') LIKE '%benchmark.model_placements%', (SELECT count(*) FROM my_targets) > 0")
[ "$got" = "2022-04-01|1|t|t" ] || fail "views and functions built on 1.3 after the upgrade: $got"
echo "ok - a view, a materialized view and a function built on 1.3's runner, periods and target status survive the upgrade to 1.4 (and the user's model copy)"

# a 1.5 database whose users built on the views and functions whose arguments 1.6 renames (the
# functions behind target_status, target_scorecard and model_rank_intervals, and model_rankings):
# their views survive the upgrade to 1.6; a view calling a renamed function stops it, named
psql -qX -v ON_ERROR_STOP=1 -d upgrade_renamed >/dev/null <<'SQL'
CREATE EXTENSION benchmark VERSION '1.5';
CREATE MATERIALIZED VIEW my_targets AS SELECT target, period, status FROM benchmark.target_status WITH NO DATA;
CREATE VIEW my_scorecard AS SELECT target, status FROM benchmark.target_scorecard('Tønder');
CREATE VIEW my_intervals AS SELECT period, kommune, p05, p95 FROM benchmark.model_rank_intervals WHERE model = 'sonderborg-2023';
CREATE VIEW my_ranking_list AS SELECT period, kommune, placement FROM benchmark.model_placements('sonderborg-2023', '2022') WHERE part = 'total';
CREATE VIEW my_rankings AS SELECT period, part FROM benchmark.model_rankings('sonderborg-2023', '{2022}');
SQL
if out=$(psql -qX -v ON_ERROR_STOP=1 -d upgrade_renamed -c "ALTER EXTENSION benchmark UPDATE TO '1.6'" 2>&1); then
	fail "the update to 1.6 dropped or kept a view on a function whose arguments it renames"
fi
grep -q 'view public.my_rankings depends on function benchmark.model_rankings_1_5' <<<"$out" \
	|| fail "unexpected refusal of the update to 1.6: $out"
psql -qX -v ON_ERROR_STOP=1 -d upgrade_renamed -c 'DROP VIEW my_rankings' -c "ALTER EXTENSION benchmark UPDATE TO '1.6'" \
	-c 'REFRESH MATERIALIZED VIEW my_targets' >/dev/null
# (the store is empty: the runner places nobody, target status says "no data")
got=$(psql -qX -At -d upgrade_renamed -c "SELECT (SELECT count(*) FROM my_targets) > 0, (SELECT count(*) FROM my_scorecard) > 0,
	(SELECT count(*) FROM my_intervals) = 0, (SELECT count(*) FROM my_ranking_list) = 0")
[ "$got" = "t|t|t|t" ] || fail "views built on 1.5's target status, scorecard, rank intervals and runner after the upgrade: $got"
echo "ok - views on 1.5's target_status, target_scorecard, model_rank_intervals and model_placements survive the upgrade to 1.6; one calling model_rankings(text, text[]) stops it, named"
