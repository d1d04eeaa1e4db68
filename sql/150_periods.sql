-- jobindsats period labels, read by one parser in C: every form, the API v3
-- forms, every error, boundaries, running numbers and their round trips.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
SET datestyle = ISO;

-- every form: kind, canonical label, first and last day, running number
SELECT label, benchmark.period_kind(label) AS kind, benchmark.period_canonical(label) AS canonical,
	   benchmark.period_start(label) AS start, benchmark.period_end(label) AS "end",
	   benchmark.period_index(label) AS idx, benchmark.period_previous(label) AS previous
FROM (VALUES ('2022'), ('2024Y01'), ('2022M01'), ('2022M02'), ('2024M02'), ('2022M12'), ('2026M04'),
			 ('2022Q1'), ('2022Q4'), ('2025Q04'), ('2025Q01'), ('2023QMAT01'), ('2023QMAT04'),
			 ('2022QMAT04'), ('0001'), ('0001Y01'), ('0001M01'), ('0001Q1'), ('0001QMAT01'),
			 ('9999'), ('9999M12'), ('9999Q4'), ('9999QMAT04')) t(label)
ORDER BY kind, idx, label;

-- NULL in, NULL out
SELECT benchmark.period_kind(NULL), benchmark.period_start(NULL), benchmark.period_end(NULL),
	   benchmark.period_index(NULL), benchmark.period_canonical(NULL), benchmark.period_is_valid(NULL),
	   benchmark.period_previous(NULL), benchmark.period_from_index(NULL, 1),
	   benchmark.period_from_index('year', NULL);
SELECT count(*) FROM benchmark.period_series(NULL, '2022');

-- every month of a year tiles the year, and so do its quarters; four
-- quarters end with their quarter and last a year
SELECT min(benchmark.period_start(p)) = benchmark.period_start('2022') AND
	   max(benchmark.period_end(p)) = benchmark.period_end('2022') AND
	   bool_and(benchmark.period_end(p) + 1 = coalesce(benchmark.period_start(next), benchmark.period_end(p) + 1)) AS tiles
FROM (SELECT p, lead(p) OVER (ORDER BY p) AS next
	  FROM benchmark.period_series('2022M01', '2022M12') p) t;
SELECT bool_and(benchmark.period_end(q) = benchmark.period_end(replace(q, 'Q', 'QMAT0')) AND
				benchmark.period_start(replace(q, 'Q', 'QMAT0')) = benchmark.period_start(q) - interval '9 months')
	   AS four_quarters
FROM benchmark.period_series('2020Q1', '2024Q4') q;

-- round trips: from_index(kind, index(label)) = canonical label, for every
-- period of every kind from 0001 to 9999
SELECT kind, count(*) AS periods,
	   bool_and(benchmark.period_index(benchmark.period_from_index(kind, i)) = i) AS round_trip,
	   bool_and(benchmark.period_kind(benchmark.period_from_index(kind, i)) = kind) AS same_kind,
	   min(benchmark.period_from_index(kind, i)) AS first, max(benchmark.period_from_index(kind, i)) AS last
FROM (VALUES ('year', 1), ('quarter', 4), ('month', 12), ('four quarters', 4)) k(kind, per_year),
	 generate_series(per_year, 10000 * per_year - 1) i
GROUP BY kind ORDER BY kind;
-- ... and the v3 forms give the same numbers as the canonical ones
SELECT bool_and(benchmark.period_index(y || 'Y01') = benchmark.period_index(y)) AS years,
	   bool_and(benchmark.period_index(y || 'Q0' || q) = benchmark.period_index(y || 'Q' || q)) AS quarters,
	   bool_and(benchmark.period_canonical(y || 'Q0' || q) = y || 'Q' || q) AS canonical
FROM (SELECT lpad(n::text, 4, '0') AS y FROM generate_series(1, 9999) n) y, generate_series(1, 4) q;

-- from_index outside the years 0001-9999 is NULL; previous of the first period too
SELECT kind, benchmark.period_from_index(kind, -1) AS minus_one, benchmark.period_from_index(kind, 0) AS zero,
	   benchmark.period_from_index(kind, per_year - 1) AS before_first,
	   benchmark.period_from_index(kind, per_year) AS first,
	   benchmark.period_from_index(kind, 10000 * per_year - 1) AS last,
	   benchmark.period_from_index(kind, 10000 * per_year) AS after_last,
	   benchmark.period_from_index(kind, 2147483647) AS max_int
FROM (VALUES ('year', 1), ('quarter', 4), ('month', 12), ('four quarters', 4)) k(kind, per_year)
ORDER BY per_year, kind;
SELECT benchmark.period_previous('0001'), benchmark.period_previous('0001Y01'), benchmark.period_previous('0001M01'),
	   benchmark.period_previous('0001Q1'), benchmark.period_previous('0001QMAT01'),
	   benchmark.period_previous('2022M01'), benchmark.period_previous('2025Q01'),
	   benchmark.period_previous('2024Y01'), benchmark.period_previous('2023QMAT01');

-- series: in order, canonical, across years; none when last comes first;
-- v3 and canonical labels mix
SELECT array_agg(p) FROM benchmark.period_series('2021M11', '2022M02') p;
SELECT array_agg(p) FROM benchmark.period_series('2024Q04', '2025Q2') p;
SELECT array_agg(p) FROM benchmark.period_series('2022Y01', '2024') p;
SELECT array_agg(p) FROM benchmark.period_series('2022QMAT03', '2023QMAT02') p;
SELECT count(*) FROM benchmark.period_series('2023', '2022');
SELECT count(*) FROM benchmark.period_series('0001M01', '9999M12');

-- period_is_valid never raises
SELECT label, benchmark.period_is_valid(label)
FROM (VALUES ('2022'), ('2024Y01'), ('2025Q04'), ('2022QMAT04'), (''), ('2022M13'), ('0000'),
			 ('2024Y02'), ('2022m03'), ('2022-03'), ('x')) t(label)
ORDER BY label;

-- period_is_canonical never raises, and says what period_canonical says of
-- every label: the canonical ones of every kind over two centuries, the API
-- v3's forms of them, and labels that are none
SELECT label, benchmark.period_is_canonical(label)
FROM (VALUES ('2022'), ('2024Y01'), ('2025Q04'), ('2025Q4'), ('2022QMAT04'), ('2022M03'), (''), ('2022M13'),
			 ('2022m03'), (' 2022'), ('2022 ')) t(label)
ORDER BY label;
SELECT count(*) AS labels,
	   count(*) FILTER (WHERE benchmark.period_is_canonical(l)
						IS DISTINCT FROM CASE WHEN benchmark.period_is_valid(l) THEN benchmark.period_canonical(l) = l ELSE false END) AS disagreeing
FROM (SELECT p FROM benchmark.period_series('1900', '2099') p
	  UNION ALL SELECT p FROM benchmark.period_series('1900M01', '2099M12') p
	  UNION ALL SELECT p FROM benchmark.period_series('1900Q1', '2099Q4') p
	  UNION ALL SELECT p FROM benchmark.period_series('1900QMAT01', '2099QMAT04') p) c(p),
	 LATERAL (VALUES (c.p), (c.p || 'Y01'), (replace(c.p, 'Q', 'Q0')), (lower(c.p)), (c.p || '0')) v(l);
SELECT benchmark.period_is_canonical(NULL);

-- malformed labels: 22P02; fields out of range: 22008
\set VERBOSITY sqlstate
SELECT benchmark.period_start('');
SELECT benchmark.period_start('22');
SELECT benchmark.period_start('202');
SELECT benchmark.period_start('20222');
SELECT benchmark.period_start('2022M3');
SELECT benchmark.period_start('2022M003');
SELECT benchmark.period_start('2022m03');
SELECT benchmark.period_start(' 2022');
SELECT benchmark.period_start('2022 ');
SELECT benchmark.period_start('2022-03');
SELECT benchmark.period_start('2022Q');
SELECT benchmark.period_start('2022Q001');
SELECT benchmark.period_start('2022QMAT1');
SELECT benchmark.period_start('2022QMAT001');
SELECT benchmark.period_start('2022Y1');
SELECT benchmark.period_start('2022Y001');
SELECT benchmark.period_start('2022H1');
SELECT benchmark.period_start('+202');
SELECT benchmark.period_start('２０２２');
SELECT benchmark.period_start('2022M13');
SELECT benchmark.period_start('2022M00');
SELECT benchmark.period_start('2022Q5');
SELECT benchmark.period_start('2022Q0');
SELECT benchmark.period_start('2025Q05');
SELECT benchmark.period_start('2025Q00');
SELECT benchmark.period_start('2022QMAT05');
SELECT benchmark.period_start('2022QMAT00');
SELECT benchmark.period_start('2024Y00');
SELECT benchmark.period_start('2024Y02');
SELECT benchmark.period_start('0000');
SELECT benchmark.period_start('0000Y01');
SELECT benchmark.period_start('0000M01');
SELECT benchmark.period_start('0000Q1');
SELECT benchmark.period_start('0000QMAT01');
SELECT benchmark.period_kind('2022M13');
SELECT benchmark.period_end('2022-03');
SELECT benchmark.period_index('2025Q05');
SELECT benchmark.period_canonical('2024Y02');
SELECT benchmark.period_previous('0000');
SELECT benchmark.period_from_index('week', 1);
SELECT benchmark.period_from_index('Year', 2022);
SELECT * FROM benchmark.period_series('2022', '2022Q1');
SELECT * FROM benchmark.period_series('2022Q1', '2022QMAT01');
SELECT * FROM benchmark.period_series('2022', '2022X');
\set VERBOSITY default

-- the messages
SELECT benchmark.period_kind('2022-03');
SELECT benchmark.period_end('2022M13');
SELECT benchmark.period_end('2022Q5');
SELECT benchmark.period_end('2022QMAT05');
SELECT benchmark.period_end('2024Y02');
SELECT benchmark.period_end('0000');
SELECT benchmark.period_from_index('week', 1);
SELECT * FROM benchmark.period_series('2022M01', '2022Q1');
