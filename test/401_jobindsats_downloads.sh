#!/usr/bin/env bash
# The SYNTHETIC sample data end to end: its tables written as downloads in every
# form (test/data/synthetic_downloads.sql: API v2 CSV without the totals rows,
# API v2 JSON, API v3 JSON) and kept as a pipeline's wide tables; each form
# read by the readers into the observation store (or registered as wide
# tables), and the preset sonderborg-2023 run on it through the installed
# mappings.  Every placement of every period must equal the placements of a
# copy of the preset that reads plain-SQL views of the same numbers
# (test/data/sample_sources.sql), written independently of the mappings.  Also:
# loading a form twice changes nothing, a revised download replaces exactly
# the revised cells, and a download without totals rows gives the counts as
# sums of Kvinder + Mænd while the shares at the totals are reported missing.
# Each form starts from an empty store, in a copy of the database of its own,
# but API v3 JSON, which is loaded over API v2 JSON's store: the same cells.
# Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning -c search_path=public,benchmark"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
DB=downloads_e2e
# the database the steps after the oracle run in: a copy of DB each
FORM_DB=downloads_e2e_form
CUR=$DB
DL=$(mktemp -d /tmp/benchmark-downloads.XXXXXX)
chmod 755 "$DL"
trap 'rm -rf "$DL"; psql -qX -d postgres -c "DROP DATABASE IF EXISTS $FORM_DB" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
q() { psql -qX -v ON_ERROR_STOP=1 -d "$CUR" "$@"; }
ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; exit 1; }

sample_database "$DB"
cd "$TOP"
q -v dir="$DL" -f test/data/synthetic_downloads.sql >/dev/null
[ "$(ls "$DL"/v2_csv/*.csv "$DL"/v2_json/*.json "$DL"/v3_json/*.json | wc -l)" -eq 63 ] || fail "63 download files written"

# the oracle: a copy of the preset reading the plain-SQL views, all periods
q >/dev/null <<'SQL'
SELECT model_copy('sonderborg-2023', 'oracle-views');
UPDATE model_measure SET source = replace(source, 'benchmark.mapped_', 'model_sources.') WHERE model = 'oracle-views';
UPDATE model_benefit SET source = replace(source, 'benchmark.mapped_', 'model_sources.') WHERE model = 'oracle-views';
CREATE TABLE oracle_placements AS SELECT * FROM model_placements('oracle-views');
SQL
rows=$(q -At -c "SELECT count(*) FILTER (WHERE placement IS NOT NULL) FROM oracle_placements")
[ "$rows" -gt 10000 ] || fail "the oracle places municipalities ($rows placements)"

# each step below starts from an empty store: a copy of this database with the
# sample's store emptied once (and the vintages that keeps pruned)
q -c "TRUNCATE jobindsats_observation_series" -c "SELECT jobindsats_prune_revisions(now())" >/dev/null
[ "$(q -At -c "SELECT (SELECT count(*) FROM jobindsats_observation) + (SELECT count(*) FROM jobindsats_observation_revision)")" = 0 ] ||
	fail "the store and its vintages emptied"
empty_store() {
	CUR=$DB
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $FORM_DB" \
		-c "CREATE DATABASE $FORM_DB TEMPLATE $DB STRATEGY FILE_COPY" >/dev/null
	CUR=$FORM_DB
}

# placements of the preset against the oracle's: differing rows
differing() {
	q -At -c "SELECT count(*) FROM model_placements('sonderborg-2023') p
			  FULL JOIN oracle_placements o
			  ON o.period = p.period AND o.part = p.part AND o.area_no IS NOT DISTINCT FROM p.area_no
				 AND o.item_key = p.item_key AND o.kommune = p.kommune
			  WHERE o.period IS NULL OR p.period IS NULL OR p.placement IS DISTINCT FROM o.placement
				 OR p.score IS DISTINCT FROM o.score"
}

# loaded: added, replaced, unchanged over the files of one form
loaded() {
	q -v dir="$DL" -v form="$1" -f test/data/load_downloads.sql -At 2>/dev/null | awk -F'|' '{a+=$4; r+=$5; u+=$6} END {print a, r, u}'
}
empty_store
[ "$(loaded v2_json | cut -d' ' -f2)" = 0 ] || fail "v2_json into an empty store replaced cells"
cells=$(q -At -c "SELECT count(*) FROM jobindsats_observation")
d=$(differing)
[ "$d" = 0 ] || fail "v2_json: $d placements differ from the oracle"
ok "v2_json: $cells cells loaded by the readers, every placement of every period ($rows) equal to the oracle's"
# loading the same files again changes nothing
again=$(loaded v2_json)
[ "$again" = "0 0 $cells" ] || fail "v2_json loaded twice: added, replaced, unchanged = $again (expected 0 0 $cells)"
ok "v2_json loaded twice: nothing added or replaced, $cells cells unchanged"
# the v3 replies hold the same cells: loaded over the v2 store, every cell is found unchanged
# (so every placement is the oracle's too)
again=$(loaded v3_json)
[ "$again" = "0 0 $cells" ] || fail "v3_json over the v2_json store: added, replaced, unchanged = $again (expected 0 0 $cells)"
ok "v3_json: the readers give the same $cells cells, loaded over v2_json's: nothing added or replaced, every placement the oracle's"

# a revised download replaces exactly the revised cells
python3 - "$DL/v3_json/y01a02.json" "$DL/revised_y01a02.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
cols = doc['columns']
area, period, koen, herkomst = (cols.index(c) for c in ('Område', 'Periode', 'Køn', 'Herkomst'))
m = cols.index('Antal fuldtidspersoner')
revised = 0
for row in doc['rows']:
	if row[area] == 'Sønderborg' and row[period] in ('2022M05', '2022M06') and row[koen] == 'Køn i alt' and row[herkomst] == 'Herkomst i alt':
		row[m] = (row[m] or 0) + 100
		revised += 1
assert revised == 2, revised
json.dump(doc, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY
chmod 644 "$DL/revised_y01a02.json"
q -c "CREATE TABLE before_revision AS SELECT * FROM jobindsats_observation" >/dev/null
report=$(q -At -c "SELECT added, replaced, unchanged FROM jobindsats_load('Y01A02', pg_read_file('$DL/revised_y01a02.json')::jsonb)")
changed=$(q -At -c "SELECT string_agg(o.area || ' ' || o.period || ' ' || (o.value - b.value), ', ' ORDER BY o.period)
					FROM jobindsats_observation o JOIN before_revision b USING (table_id, area, period, dimensions, measure)
					WHERE o.value IS DISTINCT FROM b.value")
[ "${report%%|*}" = 0 ] && [ "$(echo "$report" | cut -d'|' -f2)" = 2 ] || fail "revised download: added|replaced|unchanged = $report"
[ "$changed" = "Sønderborg 2022M05 100, Sønderborg 2022M06 100" ] || fail "revised cells: $changed"
ok "a revised Y01A02 download replaces exactly its 2 revised cells ($changed)"
d=$(differing)
[ "$d" != 0 ] || fail "the revision changes Sønderborg's dagpenge placements"
ok "the revision moves $d placements (the goal's dagpenge development); the oracle's views do not see it"

# the pipeline's wide tables, read in place (benchmark.jobindsats_source)
empty_store
q >/dev/null <<'SQL'
INSERT INTO jobindsats_source (table_id, relation, labels)
SELECT upper(c.relname), c.oid::regclass::text,
	   (SELECT jsonb_object_agg(a.attname, col_description(c.oid, a.attnum)) FROM pg_attribute a
		WHERE a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL)
FROM pg_class c
WHERE c.relnamespace IN ('jobindsats'::regnamespace, 'brugerdata'::regnamespace) AND c.relkind = 'r' AND c.relname <> 'sample_kommune';
SQL
d=$(differing)
[ "$d" = 0 ] || fail "wide tables: $d placements differ from the oracle"
ok "wide tables registered in jobindsats_source: every placement equal to the oracle's, the store empty"

# v2 CSV without the totals rows: counts are the sums of Kvinder + Mænd, shares at the totals are missing
empty_store
q -v dir="$DL" -v form=v2_csv -f test/data/load_downloads.sql >/dev/null
bad=$(q -At -c "DO \$\$
DECLARE v text; n bigint; differ text := '';
BEGIN
	FOREACH v IN ARRAY ARRAY['ydelse_dagpenge', 'ydelse_kontanthjaelp', 'ydelse_uddannelseshjaelp', 'ydelse_revalidering',
							 'ydelse_integration', 'ydelse_sygedagpenge', 'ydelse_jobafklaring', 'ydelse_ressourceforloeb',
							 'ydelse_ledighedsydelse', 'ydelse_fleksjob', 'ydelse_foertidspension', 'ledighed_fleksjob',
							 'langtidsledige', 'job_efter_26_uger', 'opkvalificering_dagpenge'] LOOP
		EXECUTE format('SELECT count(*) FROM benchmark.mapped_%s m FULL JOIN model_sources.%I o USING (kommune, period)
						WHERE m.value IS DISTINCT FROM o.value', v, v) INTO n;
		IF n > 0 THEN differ := differ || v || ' (' || n || ') '; END IF;
	END LOOP;
	RAISE NOTICE '%', 'differ: ' || differ;
END \$\$" 2>&1 | sed -n 's/.*differ: //p')
[ -z "$bad" ] || fail "v2 CSV without totals rows: counts differ from the oracle in $bad"
ok "v2 CSV without totals rows: the goal's 11 benefits and 4 count-based measures equal the oracle (sums of Kvinder + Mænd)"
missing=$(q -At -c "SELECT string_agg(DISTINCT term, ',' ORDER BY term) FROM model_missing_data('sonderborg-2023')
					WHERE problem = 'periods missing' AND term LIKE 'pct\_%'")
[ "$(echo "$missing" | tr ',' '\n' | grep -c .)" -eq 11 ] || fail "v2 CSV: the shares at the totals reported missing ($missing)"
ok "v2 CSV: model_missing_data reports the 11 shares at the totals (pct_dagpenge, ...) as missing: a share is never summed"
