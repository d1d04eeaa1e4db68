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
\echo '== Målopfølgning:' :kommune '-- SYNTETISKE DATA, ikke virkelige tal'
\echo '   hvert mål i den seneste periode, der kunne vurderes; margin = faktisk i forhold til målet, + = bedre'
WITH t AS (
	SELECT x.*,
		   row_number() OVER (PARTITION BY x.target ORDER BY x.status IN ('met', 'not met') DESC, x.period_end DESC) AS latest,
		   max(x.period_end) OVER (PARTITION BY x.target) AS last_end
	FROM target_status_for(:'kommune', NULL) x
)
SELECT t.period AS "Periode", left(t.title, 44) AS "Mål", round(t.actual, 2) AS "Faktisk",
	   round(t.target_value, 2) AS "Mål-værdi", t.unit AS "Enhed",
	   CASE WHEN t.status = 'met' THEN 'nået'
			WHEN t.status = 'not met' AND t.trend_direction = 'improving' AND t.period_end < t.last_end THEN 'på vej'
			WHEN t.status = 'not met' THEN 'ikke nået' WHEN t.status = 'not due' THEN 'ikke forfalden'
			ELSE 'ingen data' END AS "Status",
	   round(t.margin, 2) AS "Margin"
FROM t WHERE t.latest = 1
ORDER BY t.plan, t.target;
\echo '== Alle eksempelmål, seneste periode vurderet (SYNTETISKE DATA)'
SELECT kommune AS "Kommune", left(target, 48) AS "Mål", period AS "Periode",
	   round(actual, 2) AS "Faktisk", round(target_value, 2) AS "Mål-værdi",
	   CASE status WHEN 'met' THEN 'nået' WHEN 'not met' THEN 'ikke nået' WHEN 'not due' THEN 'ikke forfalden'
				   ELSE 'ingen data' END AS "Status",
	   round(margin, 2) AS "Margin"
FROM target_status s
WHERE s.target IN (SELECT target FROM target WHERE shipped)
  AND s.period IS NOT DISTINCT FROM (SELECT max(x.period) FROM target_status x WHERE x.target = s.target)
ORDER BY kommune_code, target;
