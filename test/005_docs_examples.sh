#!/usr/bin/env bash
# Every SQL example of README.md and docs/*.md runs: each ```sql block in a
# transaction that is rolled back (each statement under a savepoint, so that
# every documented error is raised), in a copy of the sample database (named
# jobindsats, as the examples name it, with benchmark on its search path), or
# in an empty database when the block creates the extension itself, or in the
# database pg_cron runs in when it schedules with pg_cron.  A block that
# begins by creating the extension and loading the sample (CREATE EXTENSION
# benchmark; \i test/data/load_sample.sql) runs the rest in another copy of
# the sample: the template database is built with just these statements.
# The errors a block raises are exactly the ones it documents (a line
# "-- ERROR:  message" after the statement), in order.  The examples' files
# (/path/to/<file>) are the real jobindsats files of test/data/jobindsats/
# (and a Latin-1 copy of one); the names they assume (a table t of measures,
# an export, a wide table of a pipeline, a role analyst ...) are made here,
# and Metabase's {{variables}} take a value.
# Run by test/check.sh against its cluster (PGHOST, PGPORT, PGUSER set).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/test/lib.sh"
WORK=$(mktemp -d /tmp/benchmark-docs.XXXXXX)
# the databases and roles the examples run in and name
drop_fixtures() {
	psql -qX -v ON_ERROR_STOP=1 -d postgres -c 'DROP DATABASE IF EXISTS jobindsats WITH (FORCE)' \
		-c 'DROP DATABASE IF EXISTS docs_empty WITH (FORCE)' -c 'DROP DATABASE IF EXISTS docs_sample WITH (FORCE)' \
		-c 'DROP ROLE IF EXISTS analyst' -c 'DROP ROLE IF EXISTS analysts' -c 'DROP ROLE IF EXISTS etl'
}
cleanup() {
	drop_fixtures >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
q() { psql -qX -v ON_ERROR_STOP=1 "$@"; }

# the files the examples read, where the server can read them
mkdir -p "$WORK/files" && cp "$TOP"/test/data/jobindsats/* "$WORK/files/"
iconv -f UTF-8 -t LATIN1 "$TOP/test/data/jobindsats/y30r21_2022QMAT04.csv" >"$WORK/files/y30r21_latin1.csv"
chmod -R a+rX "$WORK"
ln -s "$TOP/test" "$WORK/test"    # the examples' \i test/data/... from the top of the tree

drop_fixtures
q -d postgres -c 'CREATE DATABASE docs_empty' -c 'CREATE ROLE analyst' -c 'CREATE ROLE analysts' -c 'CREATE ROLE etl'
sample_database jobindsats
sample_database docs_sample
q -d jobindsats >/dev/null <<'SQL'
ALTER DATABASE jobindsats SET search_path = "$user", public, benchmark;
-- the README's table of measures and weights (SYNTHETIC values)
CREATE TABLE t (period text, area text, measure text, kommune text, value numeric, higher_is_better boolean);
INSERT INTO t VALUES
	('2023', 'A', 'a1', 'Aabenraa', 71, true), ('2023', 'A', 'a1', 'Tønder', 75.2, true), ('2023', 'A', 'a1', 'Sønderborg', 80.5, true),
	('2023', 'A', 'a2', 'Aabenraa', 3, false), ('2023', 'A', 'a2', 'Tønder', 2, false), ('2023', 'A', 'a2', 'Sønderborg', 4, false),
	('2023', 'B', 'b1', 'Aabenraa', 10, true), ('2023', 'B', 'b1', 'Tønder', 12, true), ('2023', 'B', 'b1', 'Sønderborg', 12, true);
CREATE TABLE area_weights (area text, weight numeric);
INSERT INTO area_weights VALUES ('A', 1), ('B', 2);
CREATE TABLE measure_ranks (entity text, placement integer);
INSERT INTO measure_ranks VALUES ('Aabenraa', 1), ('Tønder', 2), ('Aabenraa', 3), ('Tønder', 1);
CREATE TABLE area_placements (entity text, placement integer, weight numeric);
INSERT INTO area_placements VALUES ('Aabenraa', 1, 0.5), ('Tønder', 2, 0.5), ('Aabenraa', 2, 0.5), ('Tønder', 1, 0.5);
-- an export that mixes municipalities with totals and regions
CREATE TABLE export ("Område" text, "Periode" text, "Værdi" numeric, area text, value numeric);
INSERT INTO export VALUES ('Sønderborg', '2023', 5, 'Sønderborg', 5), ('Hele landet', '2023', 4, 'Hele landet', 4),
	('Tønder Kommune', '2023', 6, 'Tønder Kommune', 6);
-- a pipeline's wide table, sources of one's own, rankings of one's own
CREATE SCHEMA etl;
CREATE TABLE etl.jobindsats_y01a02 ("Område" text, "Periode" text, "Køn" text, "Antal personer" numeric);
CREATE SCHEMA mine;
CREATE SCHEMA egne;
CREATE TABLE egne.unge_tal (kommune text, period text, aktiverede numeric, personer numeric);
INSERT INTO egne.unge_tal VALUES ('Sønderborg', '2024', 120, 300), ('Sønderborg', '2025', 140, 310);
CREATE TABLE my_rankings (r ranking);
INSERT INTO my_rankings VALUES ('{1:"Tønder"=2, 2:"Aabenraa"=1}');
SQL

python3 - "$TOP" "$WORK" <<'PY'
import glob, os, re, subprocess, sys

top, work = sys.argv[1], sys.argv[2]
docs = [os.path.join(top, "README.md")] + sorted(glob.glob(os.path.join(top, "docs", "*.md")))
failures = 0
count = 0
for doc in docs:
    text = open(doc, encoding="utf-8").read()
    for m in re.finditer(r"^[ \t]*```sql\n(.*?)^[ \t]*```", text, re.S | re.M):
        count += 1
        where = f"{os.path.relpath(doc, top)}:{text[:m.start()].count(chr(10)) + 1}"
        block = m.group(1).replace("/path/to/", work + "/files/")
        block = block.replace("{{kommune}}", "'Sønderborg'").replace("{{periode}}", "'2023'")
        documented = [l.split("ERROR:", 1)[1].strip() for l in block.splitlines() if re.match(r"^\s*-- ERROR:  ", l)]
        if re.search(r"\bcron\.", block):
            database, prelude = "postgres", "CREATE EXTENSION IF NOT EXISTS pg_cron;\nCREATE EXTENSION benchmark;\n"
        elif re.match(r"\s*CREATE EXTENSION benchmark;", block) and re.search(r"^\\i test/data/load_sample\.sql$", block, re.M):
            database, prelude = "docs_sample", ""
            block = re.sub(r"^\\i test/data/load_sample\.sql$", "", re.sub(r"^\s*CREATE EXTENSION benchmark;", "", block), flags=re.M)
        elif re.match(r"\s*CREATE EXTENSION benchmark;", block):
            database, prelude = "docs_empty", ""
        else:
            database, prelude = "jobindsats", ""
        if not block.rstrip().endswith(";") and not block.rstrip().splitlines()[-1].lstrip().startswith("\\"):
            block = block.rstrip() + ";\n"    # a Metabase question is written without one
        script = "\\set ON_ERROR_ROLLBACK on\nBEGIN;\n" + prelude + block + "\nROLLBACK;\n"
        run = subprocess.run(["psql", "-X", "-q", "-d", database, "-v", "VERBOSITY=default"],
                             input=script, capture_output=True, text=True, cwd=work)
        raised = [re.sub(r"^.*?ERROR:", "", l).strip() for l in run.stderr.splitlines() if re.search(r"(^|: )ERROR:  ", l)]
        if raised != documented:
            failures += 1
            print(f"not ok - {where}: raised {raised or 'no error'}, documented {documented or 'none'}")
            print("\n".join("  " + l for l in run.stderr.splitlines()[:10]))
        else:
            print(f"ok - {where}" + (f" (raises what it documents: {len(raised)})" if raised else ""))
print(f"{count - failures} of {count} SQL examples of the documentation run as documented")
sys.exit(1 if failures else 0)
PY
