-- rank_sum_rerank against an independent oracle written in plain SQL from the
-- README's definitions of the missing-data policies, on generated data with
-- many ties, NULL ranks and entities with fewer rows than others: row forms
-- (integer and numeric ranks, text and kommune entities) and the
-- ranking-input form.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(20);

SELECT setseed(0.1102);

/*
 * Generated rows.  30 groups; in group g the most complete entities have
 * 1 + g % 6 rows, about a quarter of the entities have fewer; 10 % of the
 * ranks are NULL; ranks 1..4 (numeric ranks step by 0.25), so sums tie often.
 */
CREATE TEMP TABLE rs_entities AS
SELECT g, (ARRAY['k', 'K', 'Å', 'ä'])[1 + n % 4] || n AS entity,
	   CASE WHEN random() < 0.75 THEN 1 + g % 6 ELSE 1 + floor(random() * (1 + g % 6))::int END AS nrows
FROM generate_series(1, 30) g, generate_series(1, 2 + (g * 13) % 50) n;

CREATE TEMP TABLE rs_data AS
SELECT g, entity, r, r + 0.25 * floor(random() * 4)::int AS rn
FROM (SELECT g, entity, CASE WHEN random() < 0.1 THEN NULL ELSE 1 + floor(random() * 4)::int END AS r
	  FROM rs_entities, generate_series(1, nrows) j) x;

-- kommune entities: 98 municipalities, 6 groups of 1 to 4 measures
CREATE TEMP TABLE rs_kommune AS
SELECT g, kommune, CASE WHEN random() < 0.08 THEN NULL ELSE 1 + floor(random() * 98)::int END AS r
FROM generate_series(1, 6) g, kommuner(), generate_series(1, 1 + g % 4) j
WHERE random() < 0.95;

-- measure rankings for the ranking-input form: 8 areas of 1 to 4 measures,
-- 60 entities, each absent from a measure with probability 0.1 and without a
-- value with probability 0.1
CREATE TEMP TABLE rs_values AS
SELECT a AS g, m, 'n' || n AS entity,
	   CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 6) END::float8 AS v,
	   m % 2 = 0 AS hib
FROM generate_series(1, 8) a, generate_series(1, 1 + a % 4) m, generate_series(1, 60) n
WHERE random() < 0.9;

CREATE TEMP TABLE rs_measures AS
SELECT g, m, rank_values(entity, v, hib) AS rk FROM rs_values GROUP BY g, m;

/*
 * The oracle's input: one table of (data set, group, entity, rank).  The
 * measure placements of the ranking-input data set come from rank(), not from
 * the engine.
 */
CREATE TEMP TABLE rs_rows (src text, g int, entity text, r numeric);
INSERT INTO rs_rows SELECT 'int', g, entity, r FROM rs_data;
INSERT INTO rs_rows SELECT 'numeric', g, entity, rn FROM rs_data;
INSERT INTO rs_rows SELECT 'kommune', g, kommune::text, r FROM rs_kommune;
INSERT INTO rs_rows
SELECT 'rankings', g, entity,
	   CASE WHEN v IS NULL THEN NULL
			WHEN hib THEN rank() OVER (PARTITION BY g, m, v IS NULL ORDER BY v DESC)
			ELSE rank() OVER (PARTITION BY g, m, v IS NULL ORDER BY v) END
FROM rs_values;

/*
 * The README's definitions: an entity's rows are compared with the most
 * complete entity of its group (max_rows); 'exclude' leaves out an entity with
 * fewer ranks present, 'worst' adds the number of entities in the group for
 * each missing rank, 'scale' takes sum * max_rows / ranks present.  Scores are
 * the exact fractions num / den; placements rank them ascending with rank().
 * The denominators are at most 6 and the numerators small, so dividing at 40
 * decimals cannot merge different fractions nor split equal ones.
 */
CREATE TEMP VIEW rs_oracle AS
WITH ent AS (
	SELECT src, g, entity, count(*) AS nrows, count(r) AS present, sum(r) AS s
	FROM rs_rows GROUP BY src, g, entity),
grp AS (
	SELECT src, g, max(nrows) AS max_rows, count(*) AS n_entities FROM ent GROUP BY src, g),
scored AS (
	SELECT src, g, policy, entity,
		   CASE policy WHEN 'exclude' THEN present = max_rows
					   WHEN 'worst' THEN true
					   ELSE present > 0 END AS placed,
		   CASE policy WHEN 'exclude' THEN s
					   WHEN 'worst' THEN coalesce(s, 0) + (max_rows - present) * n_entities
					   ELSE s * max_rows END AS num,
		   CASE policy WHEN 'scale' THEN present ELSE 1 END AS den
	FROM ent JOIN grp USING (src, g), (VALUES ('exclude'), ('worst'), ('scale')) p(policy))
SELECT src, g, policy, entity, placed, num, den,
	   CASE WHEN placed THEN round(num::numeric(1000, 40) / den, 16) END AS score,
	   CASE WHEN placed THEN rank() OVER (PARTITION BY src, g, policy, placed
										   ORDER BY num::numeric(1000, 40) / nullif(den, 0)) END::int AS placement
FROM scored;

CREATE TEMP TABLE rs_expected AS SELECT * FROM rs_oracle;

-- the engine, each data set through its own form of the aggregate
CREATE TEMP TABLE rs_engine AS
SELECT 'int' AS src, g, policy, rank_sum_rerank(entity, r, policy) AS rk
FROM rs_data, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy
UNION ALL
SELECT 'numeric', g, policy, rank_sum_rerank(entity, rn, policy)
FROM rs_data, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy
UNION ALL
SELECT 'kommune', g, policy, rank_sum_rerank(kommune, r, policy)
FROM rs_kommune, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy
UNION ALL
SELECT 'rankings', g, policy, rank_sum_rerank(rk, policy)
FROM rs_measures, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy;

-- the oracle itself: rank() agrees with counting strictly smaller exact
-- fractions by cross-multiplication, and the data has what it should have
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT e.placement, 1 + count(o.entity) AS smaller_plus_one
		FROM rs_expected e
		LEFT JOIN rs_expected o ON o.src = e.src AND o.g = e.g AND o.policy = e.policy AND o.placed
								 AND o.num * e.den < e.num * o.den
		WHERE e.placed
		GROUP BY e.src, e.g, e.policy, e.entity, e.placement) x
	 WHERE placement <> smaller_plus_one),
	0, 'oracle: rank() over the fractions equals 1 + the number of strictly smaller fractions');
SELECT ok((SELECT count(*) FROM rs_expected WHERE policy = 'exclude' AND NOT placed) > 100
		  AND (SELECT count(*) FROM rs_expected WHERE policy = 'scale' AND num % den <> 0) > 50
		  AND (SELECT count(*) FROM rs_expected WHERE policy = 'scale' AND placed AND num * 1e20 % den <> 0) > 10
		  AND (SELECT count(*) FROM rs_expected WHERE policy = 'worst' AND NOT EXISTS (
				SELECT FROM rs_rows r WHERE r.src = rs_expected.src AND r.g = rs_expected.g
				  AND r.entity = rs_expected.entity AND r.r IS NOT NULL)) > 0
		  AND (SELECT count(*) FROM rs_expected a JOIN rs_expected b USING (src, g, policy, placement)
			   WHERE a.entity < b.entity) > 1000,
	'the data has left-out entities, non-integer and non-terminating scaled sums, entities without any rank, and many ties');

SELECT is((SELECT count(*)::int FROM rs_engine), (SELECT count(DISTINCT (src, g, policy))::int FROM rs_expected),
	'one ranking per data set, group and policy');

-- the engine against the oracle, data set by data set: placements exactly,
-- scores to the 16 decimals the README promises (exact scores are checked
-- below, and so is the number of decimals shown)
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM rs_engine, unnest(rk) u WHERE src = 'int'$$,
	$$SELECT g, policy, entity, score, placement FROM rs_expected WHERE src = 'int'$$,
	'rank_sum_rerank(text, integer, policy) equals the oracle for exclude, worst and scale');
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM rs_engine, unnest(rk) u WHERE src = 'numeric'$$,
	$$SELECT g, policy, entity, score, placement FROM rs_expected WHERE src = 'numeric'$$,
	'rank_sum_rerank(text, numeric, policy) equals the oracle for exclude, worst and scale');
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM rs_engine, unnest(rk) u WHERE src = 'kommune'$$,
	$$SELECT g, policy, entity, score, placement FROM rs_expected WHERE src = 'kommune'$$,
	'rank_sum_rerank(kommune, integer, policy) equals the oracle for exclude, worst and scale');
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM rs_engine, unnest(rk) u WHERE src = 'rankings'$$,
	$$SELECT g, policy, entity, score, placement FROM rs_expected WHERE src = 'rankings'$$,
	'rank_sum_rerank(ranking, policy) over measure rankings equals the oracle built on rank()');

-- exact scores where they terminate: score * ranks present = sum * max_rows
SELECT is(
	(SELECT count(*)::int FROM rs_engine e, unnest(e.rk) u
	 JOIN rs_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy
	   AND x.placed AND x.num * 10000 % x.den = 0 AND u.score * x.den <> x.num),
	0, 'terminating scores are exact: score * den = num');

-- a score that is not a terminating decimal is shown rounded to 16 decimals
SELECT is(
	(SELECT count(*)::int FROM rs_engine e, unnest(e.rk) u
	 JOIN rs_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy AND x.src <> 'numeric'
	   AND x.placed AND u.score IS DISTINCT FROM x.score),
	0, 'integer ranks: non-terminating scores are shown rounded to 16 decimals');
SELECT is(
	(SELECT count(*)::int FROM rs_engine e, unnest(e.rk) u
	 JOIN rs_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy AND x.src = 'numeric'
	   AND x.placed AND u.score IS DISTINCT FROM x.score),
	0, 'numeric ranks with decimals: non-terminating scores are shown rounded to 16 decimals');

-- the default policy is exclude
SELECT is(
	(SELECT count(*)::int FROM (SELECT g, rank_sum_rerank(entity, r) AS d, rank_sum_rerank(entity, rn) AS dn
								FROM rs_data GROUP BY g) x
	 JOIN rs_engine e ON e.g = x.g AND e.src = 'int' AND e.policy = 'exclude'
	 JOIN rs_engine en ON en.g = x.g AND en.src = 'numeric' AND en.policy = 'exclude'
	 WHERE x.d <> e.rk OR x.dn <> en.rk),
	0, 'without a policy, rank_sum_rerank(text, integer|numeric) excludes');
SELECT is(
	(SELECT count(*)::int FROM (SELECT g, rank_sum_rerank(rk) AS d FROM rs_measures GROUP BY g) x
	 JOIN rs_engine e ON e.g = x.g AND e.src = 'rankings' AND e.policy = 'exclude'
	 WHERE x.d <> e.rk),
	0, 'without a policy, rank_sum_rerank(ranking) excludes');

-- integer and numeric ranks of the same values give the same rankings
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, policy, rank_sum_rerank(entity, r, policy) AS a, rank_sum_rerank(entity, r::numeric, policy) AS b
		FROM rs_data, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy) x
	 WHERE a <> b OR a::text <> b::text),
	0, 'rank_sum_rerank(text, integer) equals rank_sum_rerank(text, numeric) on the same ranks');

-- kommune entities: the same rankings as their names, every overload
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, policy,
			   rank_sum_rerank(kommune, r, policy) AS ki, rank_sum_rerank(kommune::text, r, policy) AS ti,
			   rank_sum_rerank(kommune, r::numeric, policy) AS kn, rank_sum_rerank(kommune::text, r::numeric, policy) AS tn,
			   rank_sum_rerank(kommune, r) AS kd, rank_sum_rerank(kommune::text, r) AS td,
			   rank_sum_rerank(kommune, r::numeric) AS knd, rank_sum_rerank(kommune::text, r::numeric) AS tnd
		FROM rs_kommune, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy) x
	 WHERE ki <> ti OR kn <> tn OR kd <> td OR knd <> tnd OR ki::text <> ti::text),
	0, 'rank_sum_rerank over kommune entities equals the same over their names (integer, numeric, with and without policy)');

-- the ranking-input form equals the row form over unnest
SELECT is(
	(SELECT count(*)::int FROM rs_engine e
	 WHERE e.src = 'rankings'
	   AND e.rk <> (SELECT rank_sum_rerank(u.entity, u.placement, e.policy)
					FROM rs_measures m, unnest(m.rk) u WHERE m.g = e.g)),
	0, 'rank_sum_rerank(ranking, policy) equals rank_sum_rerank(entity, placement, policy) over unnest');
SELECT is(
	(SELECT count(*)::int FROM rs_engine e
	 WHERE e.src = 'rankings' AND e.policy = 'exclude'
	   AND e.rk <> (SELECT rank_sum_rerank(u.entity, u.placement)
					FROM rs_measures m, unnest(m.rk) u WHERE m.g = e.g)),
	0, 'rank_sum_rerank(ranking) equals rank_sum_rerank(entity, placement) over unnest');
-- the measure rankings themselves are what rank() says (the oracle's input)
SELECT set_eq(
	$$SELECT m.g, u.entity, u.placement FROM rs_measures m, unnest(m.rk) u$$,
	$$SELECT g, entity, r::int FROM rs_rows WHERE src = 'rankings'$$,
	'the measure rankings equal the oracle''s rank() placements');
-- a NULL ranking adds nothing
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, rank_sum_rerank(rk, 'worst') AS with_null
		FROM (SELECT g, rk FROM rs_measures UNION ALL SELECT g, NULL FROM generate_series(1, 8) g) x
		GROUP BY g) x
	 JOIN rs_engine e ON e.g = x.g AND e.src = 'rankings' AND e.policy = 'worst'
	 WHERE x.with_null <> e.rk),
	0, 'a NULL ranking adds nothing');

-- rank sums of rank sums: the area rankings summed again equal the oracle
-- applied twice
SELECT is(
	(SELECT rank_sum_rerank(rk, 'scale') FROM rs_engine WHERE src = 'rankings' AND policy = 'scale'),
	(SELECT rank_sum_rerank(entity, placement, 'scale') FROM rs_expected WHERE src = 'rankings' AND policy = 'scale'),
	'area rankings summed again: the ranking form over engine rankings equals the row form over oracle placements');

-- the input order does not change the answer
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, policy, rank_sum_rerank(entity, rn, policy ORDER BY rn DESC, entity) AS a
		FROM rs_data, (VALUES ('exclude'), ('worst'), ('scale')) p(policy) GROUP BY g, policy) x
	 JOIN rs_engine e ON e.g = x.g AND e.policy = x.policy AND e.src = 'numeric'
	 WHERE x.a <> e.rk),
	0, 'the input order does not change the ranking');

SELECT * FROM finish();
ROLLBACK;
