-- weighted_placement against an independent oracle in exact numeric
-- arithmetic: score = sum(w * p) / sum(w), placements by cross-multiplication
-- of the exact fractions.  Weights 0.1/0.2/0.3 and 7:1, where a float8
-- computation splits real ties; row forms (integer and numeric placements,
-- text and kommune entities) and the ranking-input form.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS benchmark;
SELECT plan(25);

SELECT setseed(0.1203);

CREATE TEMP TABLE wp_rows (src text, g int, entity text, p numeric, w numeric);

-- 'tenths': three areas weighted 0.1, 0.2, 0.3; placements 1..4 so that
-- (1, 3, 2) and (2, 1, 3) style ties are frequent; 8 % NULL placements and
-- 5 % missing rows
INSERT INTO wp_rows
SELECT 'tenths', g, 'e' || n, CASE WHEN random() < 0.08 THEN NULL ELSE 1 + floor(random() * 4) END, j / 10.0
FROM generate_series(1, 20) g, generate_series(1, 20 + (g * 7) % 60) n, generate_series(1, 3) j
WHERE random() >= 0.05;

-- 'seven': the goal weighs 7, seven areas 1 each (goal 50 %, areas 50 %)
INSERT INTO wp_rows
SELECT 'seven', g, 'e' || n, CASE WHEN random() < 0.03 THEN NULL ELSE 1 + floor(random() * 5) END,
	   CASE WHEN j = 0 THEN 7 ELSE 1 END
FROM generate_series(1, 10) g, generate_series(1, 30 + g * 5) n, generate_series(0, 7) j
WHERE random() >= 0.02;

-- 'decimal': numeric placements (mean ranks of ties) and assorted weights
INSERT INTO wp_rows
SELECT 'decimal', g, 'Ø' || n, CASE WHEN random() < 0.05 THEN NULL ELSE 1 + 0.5 * floor(random() * 8) END,
	   (ARRAY[0.05, 0.5, 1.25, 2, 3])[1 + floor(random() * 5)::int]
FROM generate_series(1, 10) g, generate_series(1, 40) n, generate_series(1, 4) j
WHERE random() >= 0.05;

-- 'kommune': the 98 municipalities in 5 groups of 2 to 4 areas
INSERT INTO wp_rows
SELECT 'kommune', g, kommune::text, CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 98) END, j
FROM generate_series(1, 5) g, kommuner(), generate_series(1, 2 + g % 3) j
WHERE random() >= 0.03;

-- 'rankings': area rankings of 50 entities, built by rank(); an entity can be
-- absent from an area or left out (NULL value); area weights 0.1/0.2/0.3
CREATE TEMP TABLE wp_values AS
SELECT g, j, 'n' || n AS entity, CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 5) END::float8 AS v
FROM generate_series(1, 6) g, generate_series(1, 3) j, generate_series(1, 50) n
WHERE random() >= 0.05;
INSERT INTO wp_rows
SELECT 'rankings', g, entity,
	   CASE WHEN v IS NOT NULL THEN rank() OVER (PARTITION BY g, j, v IS NULL ORDER BY v DESC) END, j / 10.0
FROM wp_values;

/*
 * The oracle.  An entity's rows are compared with the most complete entity of
 * its group; 'exclude' leaves out an entity with fewer placements present,
 * 'scale' takes the mean over the placements present.  The score is the exact
 * fraction num / den; the placement is 1 + the number of placed entities
 * whose fraction is strictly smaller, decided by cross-multiplication.
 */
CREATE TEMP TABLE wp_entities AS
SELECT src, g, entity, count(*) AS nrows, count(p) AS present,
	   sum(w * p) AS num, sum(w) FILTER (WHERE p IS NOT NULL) AS den,
	   sum(w::float8 * p::float8) / sum(w::float8) FILTER (WHERE p IS NOT NULL) AS float8_mean
FROM wp_rows GROUP BY src, g, entity;

CREATE TEMP TABLE wp_scored AS
SELECT e.src, e.g, policy, e.entity, e.num, e.den, e.float8_mean,
	   CASE policy WHEN 'exclude' THEN e.present = m.max_rows ELSE e.present > 0 END AS placed
FROM wp_entities e
JOIN (SELECT src, g, max(nrows) AS max_rows FROM wp_entities GROUP BY src, g) m USING (src, g),
	 (VALUES ('exclude'), ('scale')) p(policy);

CREATE TEMP TABLE wp_expected AS
SELECT e.src, e.g, e.policy, e.entity, e.placed, e.num, e.den, e.float8_mean,
	   CASE WHEN e.placed THEN round(e.num::numeric(1000, 40) / e.den, 16) END AS score,
	   CASE WHEN e.placed THEN 1 + count(o.entity) END::int AS placement
FROM wp_scored e
LEFT JOIN wp_scored o ON o.src = e.src AND o.g = e.g AND o.policy = e.policy AND o.placed AND e.placed
					   AND o.num * e.den < e.num * o.den
GROUP BY e.src, e.g, e.policy, e.entity, e.placed, e.num, e.den, e.float8_mean;

CREATE TEMP TABLE wp_engine AS
SELECT src, g, policy, weighted_placement(entity, p::int, w, policy) AS rk
FROM wp_rows, (VALUES ('exclude'), ('scale')) p(policy) WHERE src IN ('tenths', 'seven') GROUP BY src, g, policy
UNION ALL
SELECT src, g, policy, weighted_placement(entity, p, w, policy)
FROM wp_rows, (VALUES ('exclude'), ('scale')) p(policy) WHERE src = 'decimal' GROUP BY src, g, policy
UNION ALL
SELECT src, g, policy, weighted_placement(entity::kommune, p::int, w, policy)
FROM wp_rows, (VALUES ('exclude'), ('scale')) p(policy) WHERE src = 'kommune' GROUP BY src, g, policy;

CREATE TEMP TABLE wp_measures AS
SELECT g, j, j / 10.0 AS w, rank_values(entity, v, true) AS rk FROM wp_values GROUP BY g, j;
INSERT INTO wp_engine
SELECT 'rankings', g, policy, weighted_placement(rk, w, policy)
FROM wp_measures, (VALUES ('exclude'), ('scale')) p(policy) GROUP BY g, policy;

-- the oracle's cross-multiplied placements equal rank() over the fractions
-- divided out at 40 decimals (small denominators: no false ties)
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT placement, rank() OVER (PARTITION BY src, g, policy ORDER BY num::numeric(1000, 40) / den) AS rnk
		FROM wp_expected WHERE placed) x
	 WHERE placement <> rnk),
	0, 'oracle: cross-multiplication and rank() over the exact fractions agree');
SELECT ok((SELECT count(*) FROM wp_expected WHERE policy = 'exclude' AND NOT placed) > 100
		  AND (SELECT count(*) FROM wp_expected a JOIN wp_expected b USING (src, g, policy, placement)
			   WHERE a.entity < b.entity) > 1000,
	'the data has left-out entities and many ties');
SELECT is((SELECT count(*)::int FROM wp_engine), (SELECT count(DISTINCT (src, g, policy))::int FROM wp_expected),
	'one ranking per data set, group and policy');

-- the engine against the oracle
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM wp_engine, unnest(rk) u WHERE src = 'tenths'$$,
	$$SELECT g, policy, entity, score, placement FROM wp_expected WHERE src = 'tenths'$$,
	'weights 0.1/0.2/0.3: weighted_placement(text, integer, numeric, policy) equals the exact oracle');
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM wp_engine, unnest(rk) u WHERE src = 'seven'$$,
	$$SELECT g, policy, entity, score, placement FROM wp_expected WHERE src = 'seven'$$,
	'weights 7:1: weighted_placement equals the exact oracle');
SELECT set_eq(
	$$SELECT g, policy, u.entity, u.placement FROM wp_engine, unnest(rk) u WHERE src = 'decimal'$$,
	$$SELECT g, policy, entity, placement FROM wp_expected WHERE src = 'decimal'$$,
	'numeric placements and weights: weighted_placement(text, numeric, numeric, policy) places as the exact oracle');
SELECT is(
	(SELECT count(*)::int FROM wp_engine e, unnest(e.rk) u
	 JOIN wp_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy AND x.src = 'decimal'
	   AND ((u.score IS NULL) <> (NOT x.placed) OR abs(u.score - x.num::numeric(1000, 40) / x.den) > 5e-17)),
	0, 'numeric placements and weights: every score is the exact mean to within half a unit of the 16th decimal');
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM wp_engine, unnest(rk) u WHERE src = 'kommune'$$,
	$$SELECT g, policy, entity, score, placement FROM wp_expected WHERE src = 'kommune'$$,
	'kommune entities: weighted_placement(kommune, integer, numeric, policy) equals the exact oracle');
SELECT set_eq(
	$$SELECT g, policy, u.entity, round(u.score, 16), u.placement FROM wp_engine, unnest(rk) u WHERE src = 'rankings'$$,
	$$SELECT g, policy, entity, score, placement FROM wp_expected WHERE src = 'rankings'$$,
	'weighted_placement(ranking, weight, policy) over area rankings equals the oracle built on rank()');
SELECT is(
	(SELECT count(*)::int FROM wp_engine e, unnest(e.rk) u
	 JOIN wp_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy
	   AND x.placed AND x.num * 1e20 % x.den = 0 AND u.score <> x.num / x.den),
	0, 'terminating weighted means are exact');
SELECT is(
	(SELECT count(*)::int FROM wp_engine e, unnest(e.rk) u
	 JOIN wp_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy AND x.src <> 'decimal'
	   AND x.placed AND u.score IS DISTINCT FROM x.score),
	0, 'integer placements: non-terminating weighted means are shown rounded to 16 decimals');
SELECT is(
	(SELECT count(*)::int FROM wp_engine e, unnest(e.rk) u
	 JOIN wp_expected x ON x.entity = u.entity
	 WHERE x.src = e.src AND x.g = e.g AND x.policy = e.policy AND x.src = 'decimal'
	   AND x.placed AND u.score IS DISTINCT FROM x.score),
	0, 'placements with decimals: non-terminating weighted means are shown rounded to 16 decimals');

-- both facts about 0.1/0.2/0.3 and 7:1: exact ties exist that float8 splits,
-- and the engine keeps every one of them tied
CREATE TEMP TABLE wp_exact_ties AS
SELECT a.src, a.g, a.policy, a.entity AS a, b.entity AS b, a.float8_mean <> b.float8_mean AS float8_splits
FROM wp_expected a JOIN wp_expected b USING (src, g, policy)
WHERE a.placed AND b.placed AND a.entity < b.entity AND a.num * b.den = b.num * a.den;

SELECT cmp_ok(
	(SELECT count(*)::int FROM wp_exact_ties WHERE src = 'tenths' AND float8_splits),
	'>', 0, 'weights 0.1/0.2/0.3: float8 arithmetic splits exact ties');
SELECT is(
	(SELECT count(*)::int FROM wp_exact_ties t JOIN wp_engine e USING (src, g, policy)
	 WHERE t.src = 'tenths' AND (e.rk -> t.a) <> (e.rk -> t.b)),
	0, 'weights 0.1/0.2/0.3: the engine keeps every exact tie tied');
-- "goal 50 %, seven areas share 50 %" in float8: weights 0.5 and 0.5/7
SELECT cmp_ok(
	(SELECT count(*)::int FROM wp_exact_ties t
	 JOIN (SELECT src, g, entity,
				  sum(CASE WHEN w = 7 THEN 0.5::float8 ELSE 0.5::float8 / 7 END * p::float8)
				  / sum(CASE WHEN w = 7 THEN 0.5::float8 ELSE 0.5::float8 / 7 END) FILTER (WHERE p IS NOT NULL) AS m
		   FROM wp_rows WHERE src = 'seven' GROUP BY src, g, entity) fa ON fa.src = t.src AND fa.g = t.g AND fa.entity = t.a
	 JOIN (SELECT src, g, entity,
				  sum(CASE WHEN w = 7 THEN 0.5::float8 ELSE 0.5::float8 / 7 END * p::float8)
				  / sum(CASE WHEN w = 7 THEN 0.5::float8 ELSE 0.5::float8 / 7 END) FILTER (WHERE p IS NOT NULL) AS m
		   FROM wp_rows WHERE src = 'seven' GROUP BY src, g, entity) fb ON fb.src = t.src AND fb.g = t.g AND fb.entity = t.b
	 WHERE fa.m <> fb.m),
	'>', 0, 'goal 50 % / areas 50 % as float8 weights 0.5 and 0.5/7 splits exact ties');
SELECT is(
	(SELECT count(*)::int FROM wp_exact_ties t JOIN wp_engine e USING (src, g, policy)
	 WHERE t.src = 'seven' AND (e.rk -> t.a) <> (e.rk -> t.b)),
	0, 'weights 7:1: the engine keeps every exact tie tied');
SELECT cmp_ok(
	(SELECT count(*)::int FROM (
		SELECT x.placement, rank() OVER (PARTITION BY g, policy ORDER BY float8_mean) AS float8_rank
		FROM wp_expected x WHERE src = 'tenths' AND placed) y
	 WHERE placement <> float8_rank),
	'>', 0, 'ranking float8 means instead would change placements');

-- weights are relative: 0.1/0.2/0.3 and 1/2/3 give the same ranking
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, policy, weighted_placement(entity, p::int, w * 10, policy) AS by_integers
		FROM wp_rows, (VALUES ('exclude'), ('scale')) p(policy) WHERE src = 'tenths' GROUP BY g, policy) x
	 JOIN wp_engine e ON e.src = 'tenths' AND e.g = x.g AND e.policy = x.policy
	 WHERE x.by_integers <> e.rk),
	0, 'weights 1/2/3 rank as 0.1/0.2/0.3');

-- the default policy is exclude, in every form
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT src, g, weighted_placement(entity, p::int, w) AS d, weighted_placement(entity, p, w) AS dn
		FROM wp_rows WHERE src IN ('tenths', 'seven') GROUP BY src, g) x
	 JOIN wp_engine e ON e.src = x.src AND e.g = x.g AND e.policy = 'exclude'
	 WHERE x.d <> e.rk OR x.dn <> e.rk),
	0, 'without a policy, weighted_placement(text, integer|numeric, numeric) excludes');
SELECT is(
	(SELECT count(*)::int FROM (SELECT g, weighted_placement(rk, w) AS d FROM wp_measures GROUP BY g) x
	 JOIN wp_engine e ON e.src = 'rankings' AND e.g = x.g AND e.policy = 'exclude'
	 WHERE x.d <> e.rk),
	0, 'without a policy, weighted_placement(ranking, weight) excludes');

-- kommune entities: the same rankings as their names, every overload
SELECT is(
	(SELECT count(*)::int FROM (
		SELECT g, policy,
			   weighted_placement(entity::kommune, p::int, w, policy) AS ki, weighted_placement(entity, p::int, w, policy) AS ti,
			   weighted_placement(entity::kommune, p, w, policy) AS kn, weighted_placement(entity, p, w, policy) AS tn,
			   weighted_placement(entity::kommune, p::int, w) AS kd, weighted_placement(entity, p::int, w) AS td,
			   weighted_placement(entity::kommune, p, w) AS knd, weighted_placement(entity, p, w) AS tnd
		FROM wp_rows, (VALUES ('exclude'), ('scale')) p(policy) WHERE src = 'kommune' GROUP BY g, policy) x
	 WHERE ki <> ti OR kn <> tn OR kd <> td OR knd <> tnd OR ki::text <> ti::text),
	0, 'weighted_placement over kommune entities equals the same over their names (integer, numeric, with and without policy)');

-- the ranking-input form equals the row form over unnest
SELECT is(
	(SELECT count(*)::int FROM wp_engine e
	 WHERE e.src = 'rankings'
	   AND e.rk <> (SELECT weighted_placement(u.entity, u.placement, m.w, e.policy)
					FROM wp_measures m, unnest(m.rk) u WHERE m.g = e.g)),
	0, 'weighted_placement(ranking, weight, policy) equals weighted_placement(entity, placement, weight, policy) over unnest');
SELECT is(
	(SELECT count(*)::int FROM wp_engine e
	 WHERE e.src = 'rankings' AND e.policy = 'exclude'
	   AND e.rk <> (SELECT weighted_placement(u.entity, u.placement, m.w)
					FROM wp_measures m, unnest(m.rk) u WHERE m.g = e.g)),
	0, 'weighted_placement(ranking, weight) equals weighted_placement(entity, placement, weight) over unnest');

-- 'worst' is not a policy of weighted means
SELECT throws_ok($$SELECT weighted_placement(rk, w, 'worst') FROM wp_measures$$, '22023', NULL,
	'weighted_placement(ranking, weight, ''worst'') is an error');
SELECT throws_ok($$SELECT weighted_placement(entity, p, w, 'worst') FROM wp_rows WHERE src = 'decimal'$$, '22023', NULL,
	'weighted_placement(entity, placement, weight, ''worst'') is an error');

SELECT * FROM finish();
ROLLBACK;
