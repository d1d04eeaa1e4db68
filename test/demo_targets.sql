-- The main job's target part: follow-up of the employment plans' targets on
-- the SYNTHETIC sample data, Sønderborg's scorecard (or another municipality's:
-- psql -v kommune=Aabenraa -f test/demo_targets.sql) and Aabenraa's and
-- Tønder's targets.  Run from the repository root after demo_model.sql (which
-- loads the sample data; this file loads it when it is missing).
\set QUIET on
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
SELECT to_regclass('target_sources.syntetiske_tal') IS NULL AS need_sample \gset
\if :need_sample
\o /dev/null
\i test/data/load_sample.sql
\o
\endif
\if :{?kommune}
\else
\set kommune Sønderborg
\endif
\pset footer off
\echo
\echo '== Målopfølgning (target follow-up):' :kommune '-- SYNTETISKE DATA / synthetic sample data, not real figures'
SELECT plan AS "Plan", period AS "Periode", left(title, 70) AS "Mål", round(actual, 2) AS "Faktisk",
	   round(target_value, 2) AS "Mål-værdi", unit AS "Enhed", status AS "Status", round(gap, 2) AS "Afstand",
	   trend_direction AS "Udvikling"
FROM target_scorecard(:'kommune');
\echo '== All example targets, latest period judged (SYNTETISKE DATA)'
SELECT kommune AS "Kommune", target AS "Mål", period AS "Periode", compared AS "Sammenlignet",
	   round(actual, 2) AS "Faktisk", round(target_value, 2) AS "Mål-værdi", status AS "Status", note AS "Note"
FROM target_status s
WHERE s.target IN (SELECT target FROM target WHERE shipped)
  AND s.period IS NOT DISTINCT FROM (SELECT max(x.period) FROM target_status x WHERE x.target = s.target)
ORDER BY kommune_code, target;
