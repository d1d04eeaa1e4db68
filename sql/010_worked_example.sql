-- The seed's worked example, Unge ledige 2022: two measures ranked over 94
-- municipalities (SYNTETISKE DATA made to reproduce the seed's ranks), the ranks
-- added ("Mellemregning") and the sums ranked again.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
\set ECHO none
\i test/data/worked_example.sql
\set ECHO all

CREATE TABLE worked_measure_rankings AS
SELECT measure, rank_values(kommune, value, true) AS ranking
FROM worked_example GROUP BY measure;
CREATE TABLE worked_area_ranking AS
SELECT rank_sum_rerank(ranking) AS ranking FROM worked_measure_rankings;

-- the seed's table
SELECT k AS kommune,
	   (SELECT ranking -> k FROM worked_measure_rankings WHERE measure = 'Unge i job og uddannelse') AS "Unge i job og uddannelse",
	   (SELECT ranking -> k FROM worked_measure_rankings WHERE measure = 'Ingen passive unge') AS "Ingen passive unge",
	   score(a.ranking, k) AS "Mellemregning",
	   a.ranking -> k AS "Samlet placering Unge ledige"
FROM worked_area_ranking a, unnest(ARRAY['Aabenraa', 'Tønder', 'Sønderborg', 'Haderslev']) k
ORDER BY 5;

-- 94 placed on each measure; Sønderborg and Haderslev tie at 35 and nobody is 36th
SELECT measure, ranked_count(ranking), entity_count(ranking),
	   (SELECT array_agg(entity ORDER BY entity) FROM unnest(ranking) WHERE placement = 35) AS placed_35th,
	   (SELECT count(*) FROM unnest(ranking) WHERE placement = 36) AS placed_36th
FROM worked_measure_rankings ORDER BY measure;

-- the same with the row forms, and against plain SQL window functions
WITH ranks AS (
	SELECT kommune, measure, rank() OVER (PARTITION BY measure ORDER BY value DESC) AS r
	FROM worked_example),
sums AS (SELECT kommune, sum(r) AS s FROM ranks GROUP BY kommune),
plain AS (SELECT kommune, s, rank() OVER (ORDER BY s) AS placement FROM sums)
SELECT count(*) AS municipalities,
	   count(*) FILTER (WHERE p.placement = a.ranking -> p.kommune AND p.s = score(a.ranking, p.kommune)) AS agree_with_plain_sql,
	   count(*) FILTER (WHERE p.placement = r.ranking -> p.kommune) AS agree_with_row_form
FROM plain p, worked_area_ranking a,
	 (SELECT rank_sum_rerank(u.entity, u.placement) AS ranking
	  FROM worked_measure_rankings m, unnest(m.ranking) u) r;

DROP TABLE worked_example, worked_measure_rankings, worked_area_ranking;
