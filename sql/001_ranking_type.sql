-- The ranking type: text and binary I/O, validation, accessors, storage.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;

-- valid literals, printed canonically
SELECT '{}'::ranking;
SELECT '{1:"Aabenraa"=78, 2:"Tønder"=91, 3:"Sønderborg"=111, 4:"Haderslev"=114}'::ranking;
SELECT '  { 2 : "b" = 1 ,1:"a"=2.50 , -:"c" }  '::ranking;
SELECT '{1:"x"=5, 1:"a"=5, 3:"m"=-1.5e3}'::ranking;
SELECT '{-:"only left out"}'::ranking;
SELECT '{1:"say \"hi\""=1, 2:"back\\slash"=2}'::ranking;
SELECT '{1:"a"=-Infinity, 2:"b"=0, 3:"c"=Infinity}'::ranking;
SELECT '{1:""=1}'::ranking;

-- round trip through text
SELECT r::text::ranking = r AS round_trips
FROM (SELECT '{1:"a"=1.5, 2:"b"=2, 2:"c"=2.0, -:"d", -:"e"}'::ranking AS r) s;

-- junk literals: each is an error that says what is wrong
SELECT ''::ranking;
SELECT '1:"a"=1'::ranking;
SELECT '{1:"a"=1'::ranking;
SELECT '{1:"a"=1}}'::ranking;
SELECT '{1:a=1}'::ranking;
SELECT '{1"a"=1}'::ranking;
SELECT '{x:"a"=1}'::ranking;
SELECT '{0:"a"=1}'::ranking;
SELECT '{99999999999:"a"=1}'::ranking;
SELECT '{1:"a=1}'::ranking;
SELECT '{1:"a\x"=1}'::ranking;
SELECT '{1:"a"=}'::ranking;
SELECT '{1:"a"=abc}'::ranking;
SELECT '{1:"a"=NaN}'::ranking;
SELECT '{1:"a"}'::ranking;
SELECT '{-:"a"=1}'::ranking;
SELECT '{1:"a"=1,}'::ranking;
SELECT '{1:"a"=1 2:"b"=2}'::ranking;
-- ... and rankings that are not competition rankings
SELECT '{2:"a"=1}'::ranking;
SELECT '{1:"a"=1, 3:"b"=2}'::ranking;
SELECT '{1:"a"=1, 1:"b"=2}'::ranking;
SELECT '{1:"a"=1, 2:"b"=1}'::ranking;
SELECT '{1:"a"=1, 2:"b"=2, 3:"c"=1.5}'::ranking;
SELECT '{1:"a"=1, 2:"a"=2}'::ranking;
SELECT '{1:"a"=1, -:"a"}'::ranking;

-- reading a ranking
SELECT * FROM unnest('{3:"c"=1, 1:"a"=3, 1:"b"=3, -:"z", -:"y"}'::ranking);
SELECT r -> 'a' AS a, r -> 'c' AS c, r -> 'z' AS left_out, r -> 'nobody' AS absent,
	   placement(r, 'c') AS placement_c, score(r, 'c') AS score_c, score(r, 'z') AS score_z,
	   ranked_count(r), entity_count(r)
FROM (SELECT '{3:"c"=1, 1:"a"=3, 1:"b"=3, -:"z"}'::ranking AS r) s;
SELECT ranked_count('{}'), entity_count('{}'), '{}'::ranking -> 'a';
SELECT pg_typeof(score), pg_typeof(placement), pg_typeof(entity)
FROM unnest('{1:"a"=1}'::ranking);

-- equality
SELECT '{1:"a"=1.0}'::ranking = '{1:"a"=1}'::ranking AS same_value,
	   '{1:"a"=1}'::ranking <> '{1:"b"=1}'::ranking AS other_entity,
	   '{1:"a"=1, 2:"b"=2}'::ranking = '{2:"b"=2, 1:"a"=1}'::ranking AS order_free;

-- storable in tables and materialized views, also when toasted
CREATE TABLE stored_rankings (id int PRIMARY KEY, r ranking);
INSERT INTO stored_rankings VALUES (1, '{1:"a"=1, -:"b"}');
INSERT INTO stored_rankings
SELECT 2, ('{' || string_agg(format('%s:"%s"=%s', i, repeat('x', 50) || i, i), ', ' ORDER BY i) || '}')::ranking
FROM generate_series(1, 5000) i;
SELECT id, ranked_count(r), entity_count(r), r -> (repeat('x', 50) || 4321) AS placement
FROM stored_rankings ORDER BY id;
CREATE MATERIALIZED VIEW stored_ranking_view AS SELECT id, r FROM stored_rankings;
SELECT count(*) FROM stored_ranking_view v JOIN stored_rankings t USING (id) WHERE v.r = t.r;

-- binary I/O: COPY out and back in, the same ranking
\set binfile '/tmp/benchmark_regress_ranking.bin'
COPY (SELECT r FROM stored_rankings ORDER BY id) TO :'binfile' WITH (FORMAT binary);
CREATE TABLE copied_rankings (r ranking);
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS equal_after_binary_copy
FROM copied_rankings c JOIN stored_rankings s ON c.r = s.r;

-- junk binary input: a binary COPY file holding one field of given bytes
CREATE FUNCTION copy_binary_field(payload bytea, path text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	file bytea := decode('5047434f50590aff0d0a00', 'hex')
		|| decode('0000000000000000', 'hex')
		|| decode('0001', 'hex')
		|| int4send(length(payload)) || payload
		|| decode('ffff', 'hex');
BEGIN
	EXECUTE format('COPY (SELECT %L) TO PROGRAM %L',
		translate(encode(file, 'base64'), E'\n', ''), 'base64 -d > ' || path);
END $$;
-- a well-formed one first: 1 entry, placement 1, entity "a", score "7"
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || '61' || '00000001' || '37', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
SELECT r FROM copied_rankings WHERE entity_count(r) = 1 AND r -> 'a' = 1;
-- negative count
SELECT copy_binary_field(decode('ffffffff', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- count larger than the bytes
SELECT copy_binary_field(decode('7fffffff00000001', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- entity length beyond the message
SELECT copy_binary_field(decode('00000001' || '00000001' || '0000ffff' || '61' || '00000001' || '37', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- score length below -1
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || '61' || 'fffffff0', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- trailing garbage
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || '61' || '00000001' || '37' || '00', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- invalid UTF-8 in the entity
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || 'ff' || '00000001' || '37', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- a NUL byte in the entity
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || '00' || '00000001' || '37', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
-- a score that is not a number, a placed entity without score, a wrong placement
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || '61' || '00000001' || '78', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
SELECT copy_binary_field(decode('00000001' || '00000001' || '00000001' || '61' || 'ffffffff', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
SELECT copy_binary_field(decode('00000001' || '00000005' || '00000001' || '61' || '00000001' || '37', 'hex'), :'binfile');
COPY copied_rankings FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows_after_junk FROM copied_rankings;
\! rm -f /tmp/benchmark_regress_ranking.bin

DROP MATERIALIZED VIEW stored_ranking_view;
DROP TABLE stored_rankings, copied_rankings;
DROP FUNCTION copy_binary_field(bytea, text);

-- unnest in FROM (rows formed straight into the result) gives the rows, in the same
-- order, as unnest in the select list (handed back row by row): ties, left-out
-- entities, names of different lengths, fractions, scores of more than 18 digits,
-- whole numbers on both sides of 10^15, and rank sums
CREATE TEMP TABLE unnest_values AS
SELECT g, repeat('ø', e % 7) || 'e' || e AS entity,
	   CASE WHEN e % 11 = 0 THEN NULL
			WHEN g = 1 THEN (e % 17)::float8
			WHEN g = 2 THEN (e % 13) / 7.0::float8
			WHEN g = 3 THEN (e % 5) * 1e20::float8 - 0.5
			ELSE (e % 9 - 4) * 2.5e14::float8 + e % 3 END AS value
FROM generate_series(1, 4) g, generate_series(1, 300) e;
CREATE TEMP TABLE unnest_cases AS
SELECT g, rank_values(entity, value, g % 2 = 0) AS r FROM unnest_values GROUP BY g
UNION ALL
SELECT 5, rank_sum_rerank(r) FROM (SELECT rank_values(entity, value, g % 2 = 0) AS r
								  FROM unnest_values GROUP BY g) s;
SELECT c.g, entity_count(c.r) AS entities, ranked_count(c.r) AS ranked,
	   (SELECT array_agg((u.entity, u.score, u.placement)::text ORDER BY u.n)
		FROM unnest(c.r) WITH ORDINALITY AS u(entity, score, placement, n))
	   = (SELECT array_agg(x::text) FROM (SELECT unnest(c.r) AS x) s) AS same_rows
FROM unnest_cases c ORDER BY c.g;
-- a whole number's score is its exact digits: the value's shortest exact text as numeric
SELECT c.g, count(*) AS placed,
	   count(*) FILTER (WHERE u.score <> v.value::text::numeric
						OR u.score::text <> trim_scale(v.value::text::numeric)::text) AS differ
FROM unnest_cases c, unnest(c.r) u JOIN unnest_values v ON v.entity = u.entity
WHERE c.g IN (1, 4) AND v.g = c.g AND u.placement IS NOT NULL
GROUP BY c.g ORDER BY c.g;
DROP TABLE unnest_values, unnest_cases;
