-- jobindsats period labels: kinds, first and last days, malformed labels.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
-- the catalog, runner and reports live in schema benchmark
SET search_path = public, benchmark;
SET datestyle = ISO;

SELECT label, period_kind(label), period_start(label), period_end(label)
FROM (VALUES ('2022'), ('2022M01'), ('2022M02'), ('2024M02'), ('2022M12'), ('2022Q1'), ('2022Q4'),
			 ('2023QMAT01'), ('2023QMAT04'), ('0001')) t(label);
-- NULL in, NULL out
SELECT period_kind(NULL), period_start(NULL), period_end(NULL);
-- every month of a year tiles the year
SELECT min(period_start(p)) = period_start('2022') AND max(period_end(p)) = period_end('2022') AND
	   bool_and(period_end(p) + 1 = coalesce(period_start(next), period_end(p) + 1)) AS tiles
FROM (SELECT p, lead(p) OVER (ORDER BY p) AS next
	  FROM (SELECT '2022M' || lpad(m::text, 2, '0') AS p FROM generate_series(1, 12) m) t) t;

-- malformed labels: 22P02; fields out of range: 22008
\set VERBOSITY sqlstate
SELECT period_start('');
SELECT period_start('22');
SELECT period_start('2022M3');
SELECT period_start('2022m03');
SELECT period_start(' 2022');
SELECT period_start('2022-03');
SELECT period_start('2022Q');
SELECT period_start('2022QMAT1');
SELECT period_start('2022M13');
SELECT period_start('2022M00');
SELECT period_start('2022Q5');
SELECT period_start('2022QMAT05');
SELECT period_start('0000');
\set VERBOSITY default
SELECT period_end('2022M13');
SELECT period_kind('2022-03');
