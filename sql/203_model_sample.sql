-- The preset sonderborg-2023 over the SYNTHETIC sample data: every placement
-- checked against an independent plain-SQL computation, then the ranking
-- list, Sønderborg's scorecard and the report of who was left out.
-- (in a copy of the sample's template database, test/data/sample_database.sql)
\set ECHO none
\o /dev/null
\set sample_db regress_sample_203
\i test/data/sample_database.sql
\o
\set ECHO all
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
\set ECHO none
\o /dev/null
\i test/data/model_oracle.sql
\o
\set ECHO all

-- the sample is labelled synthetic where it shows
SELECT count(*) AS tables, bool_and(obj_description(c.oid, 'pg_class') LIKE 'SYNTETISKE DATA%') AS all_labelled
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN ('jobindsats', 'brugerdata') AND c.relkind = 'r';
SELECT count(*) AS municipalities, count(DISTINCT "Periode") AS months FROM jobindsats.y01a02 WHERE "Område" <> 'Hele landet';
SELECT DISTINCT "Område" FROM jobindsats.y25i07 WHERE "Område" LIKE 'Høje%' OR "Område" LIKE 'Køb%' ORDER BY 1;

-- the runner agrees with the oracle on every placement, in every year
SELECT * FROM pg_temp.oracle_diff('sonderborg-2023');
SELECT count(*) > 12000 AS many_placements_checked FROM pg_temp.oracle('sonderborg-2023');

-- the same under other rules: per-benefit rank sums, worst and scaled ranks, a scaled total
SELECT model_copy('sonderborg-2023', 'regress-rules');
UPDATE model SET goal_rule = 'rank_sum', goal_missing = 'worst', total_missing = 'scale' WHERE model = 'regress-rules';
UPDATE model_area SET missing = 'worst' WHERE model = 'regress-rules' AND area_no IN (1, 3);
UPDATE model_area SET missing = 'scale' WHERE model = 'regress-rules' AND area_no IN (2, 4, 8);
SELECT * FROM pg_temp.oracle_diff('regress-rules');
UPDATE model SET goal_missing = 'scale' WHERE model = 'regress-rules';
SELECT * FROM pg_temp.oracle_diff('regress-rules');
UPDATE model SET goal_missing = 'exclude', total_missing = 'exclude' WHERE model = 'regress-rules';
SELECT * FROM pg_temp.oracle_diff('regress-rules');
DELETE FROM model WHERE model = 'regress-rules';

-- 94 municipalities: the four islands are not ranked
SELECT entity_count(ranking) AS listed, ranked_count(ranking) AS placed
FROM model_rankings('sonderborg-2023', '2022') WHERE part = 'total';
SELECT count(*) FROM model_placements('sonderborg-2023', '2022') WHERE kommune IN ('Ærø', 'Fanø', 'Samsø', 'Læsø');

-- the top of the ranking list, 2022
SELECT placement, kommune, round(score, 4) AS weighted_mean_placement
FROM model_placements('sonderborg-2023', '2022') WHERE part = 'total' AND placement <= 10
ORDER BY placement, kommune;

-- Sønderborg's scorecard, 2022
SELECT line_order, section_no, section, line, round(value, 4) AS value, placement,
	   round(mellemregning, 4) AS mellemregning, ranked, note
FROM model_scorecard('sonderborg-2023', 'Sønderborg', '2022');

-- the worked-example view of one area: measure ranks, rank sum, area placement
SELECT p.kommune,
	   max(p.placement) FILTER (WHERE p.item_key = 'unge_i_job_og_uddannelse') AS "Unge i job og uddannelse",
	   max(p.placement) FILTER (WHERE p.item_key = 'ingen_passive_unge') AS "Ingen passive unge",
	   max(p.score) FILTER (WHERE p.part = 'area') AS "Mellemregning",
	   max(p.placement) FILTER (WHERE p.part = 'area') AS "Samlet placering Unge ledige"
FROM model_placements('sonderborg-2023', '2022') p
WHERE p.area_no = 4 AND p.kommune IN ('Aabenraa', 'Haderslev', 'Sønderborg', 'Tønder')
GROUP BY p.kommune ORDER BY 5, 1;

-- placements over time
SELECT period, placement FROM model_placements('sonderborg-2023')
WHERE part = 'total' AND kommune = 'Sønderborg' ORDER BY period;

-- who was left out of what, and why
SELECT period, part, item, count(*) AS municipalities, min(reason) AS a_reason
FROM model_left_out('sonderborg-2023') GROUP BY 1, 2, 3 ORDER BY 1, 2 DESC, 3;
SELECT kommune, part, item, reason FROM model_left_out('sonderborg-2023', '2022')
ORDER BY kommune, part DESC, item;

-- the output is plain columns a BI tool reads
SELECT u.name, format_type(u.type, NULL)
FROM pg_proc p, unnest(p.proargnames, p.proallargtypes, p.proargmodes) AS u(name, type, mode)
WHERE p.oid = 'model_placements(text, text)'::regprocedure AND u.mode = 't';

-- the copy of the sample goes
\c :sample_home
DROP DATABASE :"sample_db";
