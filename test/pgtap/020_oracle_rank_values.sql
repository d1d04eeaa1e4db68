-- rank_values against an independent oracle: PostgreSQL's own rank() window
-- function on generated data with many ties, missing values, infinities and
-- signed zeros, per group and in both directions.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(14);

SELECT setseed(0.1001);

-- 40 groups of 1 to 150 entities; values from a small set (many ties), 15 %
-- NULL, a few infinities and signed zeros.  Entity names mix upper and lower
-- case and non-ASCII letters so that byte order matters.
CREATE TEMP TABLE rv_rand AS
SELECT g, n, random() AS r1, random() AS r2
FROM generate_series(1, 40) g, generate_series(1, 1 + (g * 37) % 150) n;

CREATE TEMP TABLE rv_data AS
SELECT g,
	   (ARRAY['E', 'e', 'Æ', 'ø', 'Z', 'a'])[1 + n % 6] || n AS entity,
	   CASE WHEN r1 < 0.15 THEN NULL
			WHEN r1 < 0.17 THEN 'Infinity'::float8
			WHEN r1 < 0.19 THEN '-Infinity'::float8
			WHEN r1 < 0.21 THEN '-0'::float8
			WHEN r1 < 0.60 THEN floor(r2 * 8) / 4 - 0.5
			ELSE floor(r2 * 5) * 0.1	-- decimal fractions that are not exact in binary
	   END AS v
FROM rv_rand;

-- the oracle: rank() over the values present, in each direction
CREATE TEMP TABLE rv_oracle AS
SELECT g, hib, entity, v,
	   CASE WHEN v IS NULL THEN NULL
			WHEN hib THEN rank() OVER (PARTITION BY g, hib, v IS NULL ORDER BY v DESC)
			ELSE rank() OVER (PARTITION BY g, hib, v IS NULL ORDER BY v)
	   END::int AS placement
FROM rv_data, (VALUES (true), (false)) d(hib);

CREATE TEMP TABLE rv_engine AS
SELECT g, hib, rank_values(entity, v, hib) AS rk
FROM rv_data, (VALUES (true), (false)) d(hib)
GROUP BY g, hib;

SELECT is((SELECT count(*)::int FROM rv_engine), 80, 'one ranking per group and direction');

SELECT ok((SELECT count(*) FROM rv_data WHERE v IS NULL) > 50
		  AND (SELECT count(*) FROM rv_oracle o1 JOIN rv_oracle o2 USING (g, hib, placement)
			   WHERE o1.entity < o2.entity) > 1000,
	'the generated data has many missing values and many ties');

-- every placement and every score, placed and left-out entities alike
SELECT set_eq(
	$$SELECT g, hib, u.entity, u.score::float8, u.placement FROM rv_engine, unnest(rk) u WHERE hib$$,
	$$SELECT g, hib, entity, v, placement FROM rv_oracle WHERE hib$$,
	'higher is better: every entity, score and placement equals rank() ... ORDER BY v DESC');
SELECT set_eq(
	$$SELECT g, hib, u.entity, u.score::float8, u.placement FROM rv_engine, unnest(rk) u WHERE NOT hib$$,
	$$SELECT g, hib, entity, v, placement FROM rv_oracle WHERE NOT hib$$,
	'lower is better: every entity, score and placement equals rank() ... ORDER BY v');

-- unnest order: by placement, ties by entity bytewise, left-out entities last
SELECT results_eq(
	$$SELECT g, hib, u.entity FROM rv_engine, unnest(rk) WITH ORDINALITY u ORDER BY g, hib, u.ordinality$$,
	$$SELECT g, hib, entity FROM rv_oracle ORDER BY g, hib, placement NULLS LAST, entity COLLATE "C"$$,
	'unnest lists entities by placement, then by entity bytewise, left-out entities last');

-- left-out entities have neither score nor placement, placed ones have both
SELECT is(
	(SELECT count(*)::int FROM rv_engine, unnest(rk) u WHERE (u.score IS NULL) <> (u.placement IS NULL)),
	0, 'score and placement are NULL together');

-- accessors agree with the oracle entity by entity
SELECT is(
	(SELECT count(*)::int FROM rv_oracle o JOIN rv_engine e USING (g, hib)
	 WHERE (e.rk -> o.entity) IS DISTINCT FROM o.placement
		OR placement(e.rk, o.entity) IS DISTINCT FROM o.placement
		OR score(e.rk, o.entity)::float8 IS DISTINCT FROM o.v),
	0, '->, placement() and score() agree with the oracle for every entity');
SELECT is(
	(SELECT count(*)::int FROM rv_engine e
	 JOIN (SELECT g, count(v)::int AS placed, count(*)::int AS entities FROM rv_data GROUP BY g) c USING (g)
	 WHERE ranked_count(e.rk) <> c.placed OR entity_count(e.rk) <> c.entities),
	0, 'ranked_count counts the values present, entity_count every entity');
SELECT is(
	(SELECT count(*)::int FROM rv_engine e, rv_data d
	 WHERE d.g = e.g AND (e.rk -> ('no such ' || d.entity)) IS NOT NULL),
	0, 'an entity that is not in the ranking has no placement');

-- the direction taken from a column, as in a table of several measures
SELECT is(
	(SELECT count(*)::int
	 FROM (SELECT g, rank_values(entity, v, g % 3 = 0) AS rk FROM rv_data GROUP BY g) x
	 JOIN rv_engine e ON e.g = x.g AND e.hib = (x.g % 3 = 0)
	 WHERE x.rk <> e.rk),
	0, 'a direction read from a column per row gives the same rankings');

-- kommune entities: the same rankings as their names
CREATE TEMP TABLE rv_kommune AS
SELECT m, k.kommune,
	   CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 6)::float8 END AS v,
	   m % 2 = 0 AS hib
FROM generate_series(1, 12) m, kommuner() k;

SELECT is(
	(SELECT count(*)::int FROM (
		SELECT m, rank_values(kommune, v, hib) AS by_kommune, rank_values(kommune::text, v, hib) AS by_name
		FROM rv_kommune GROUP BY m) x
	 WHERE by_kommune <> by_name OR by_kommune::text <> by_name::text),
	0, 'rank_values(kommune, ...) equals rank_values(kommune::text, ...)');
SELECT set_eq(
	$$SELECT m, u.entity, u.score::float8, u.placement
	  FROM (SELECT m, rank_values(kommune, v, hib) AS rk FROM rv_kommune GROUP BY m) x, unnest(rk) u$$,
	$$SELECT m, kommune::text, v,
			 CASE WHEN v IS NULL THEN NULL
				  WHEN hib THEN rank() OVER (PARTITION BY m, v IS NULL ORDER BY v DESC)
				  ELSE rank() OVER (PARTITION BY m, v IS NULL ORDER BY v) END::int
	  FROM rv_kommune$$,
	'rank_values over kommune entities equals rank() over the official names');
SELECT is(
	(SELECT count(*)::int
	 FROM (SELECT m, rank_values(kommune, v, hib) AS rk FROM rv_kommune GROUP BY m) x
	 JOIN rv_kommune d USING (m)
	 WHERE (x.rk -> d.kommune) IS DISTINCT FROM (x.rk -> d.kommune::text)
		OR score(x.rk, d.kommune) IS DISTINCT FROM score(x.rk, d.kommune::text)),
	0, 'reading by kommune equals reading by name');

-- the same ranking whatever order the rows arrive in
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, rank_values(entity, v, true ORDER BY entity DESC) AS a,
				  rank_values(entity, v, true ORDER BY v NULLS FIRST, entity) AS b
		FROM rv_data GROUP BY g) x
	 JOIN rv_engine e ON e.g = x.g AND e.hib
	 WHERE x.a <> e.rk OR x.b <> e.rk),
	0, 'the input order does not change the ranking');

SELECT * FROM finish();
ROLLBACK;
