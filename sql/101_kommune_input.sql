-- The kommune type: the corpus of accepted and rejected input, binary receive,
-- casts in assignments, and kommune entities in parallel and window aggregates.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;

-- every rejected input with its SQLSTATE, detail and hint
CREATE FUNCTION pg_temp.kommune_error(input text)
RETURNS TABLE (state text, detail text, hint text)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM input::kommune;
	state := 'accepted';
	RETURN NEXT;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL,
		hint = PG_EXCEPTION_HINT;
	RETURN NEXT;
END
$$;

SELECT input, e.state, e.detail, e.hint
FROM (VALUES ('Sønderbrog'), ('Sonderbog'), ('Aabnraa Kommune'), ('Kobenhavn Kommunne'),
			 ('Frederikshaven'), ('Hjøring'), ('Christiansø'), ('Christianso'), ('411'), ('0411'),
			 ('99999'), ('100'), ('000'), ('Hele landet'), ('HELE LANDET'), ('Danmark'), ('I alt'),
			 ('Region Syddanmark'), ('Syddanmark'), ('Region Hovedstaden'), ('Sjælland'),
			 ('RAR Sydjylland'), ('RAR-Fyn'), ('Landsdel Sydjylland'), ('Sydjylland'), ('Fyn'),
			 ('Byen København'), ('Københavns omegn'), ('Østjylland'), (''), ('   '), ('Kommune'),
			 ('Regionskommune'), ('S' || chr(65533) || 'nderborg'), ('SÃ¸nderborg'), ('TÃ¥rnby'),
			 ('Atlantis'), ('-540'), ('540.0'), ('5 40'), ('Sønderborg, Kommune'),
			 ('Sønderborg Kommune Kommune'), ('Nordfynss'), ('Københavnss'), ('Københavnerne'), ('x')) t(input),
	 LATERAL pg_temp.kommune_error(input) e;

-- kommune_lookup reads the same spellings, and gives NULL where input is an error
SELECT input, kommune_lookup(input) AS kommune
FROM (VALUES ('Soenderborg Kommune'), ('Bornholms Regionskommune'), ('Hele landet'),
			 ('Region Syddanmark'), ('411'), ('')) t(input);

-- binary send is the code as int2; receive checks it names a municipality and
-- that the field is exactly two bytes
SELECT benchmark_internal.kommune_send('Sønderborg') AS soenderborg, benchmark_internal.kommune_send('København') AS koebenhavn;
CREATE TEMP TABLE kommune_bin (k kommune);
\set binfile '/tmp/benchmark_regress_kommune_recv.bin'
COPY (SELECT 'Sønderborg'::kommune) TO :'binfile' WITH (FORMAT binary);
COPY kommune_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT 0::smallint) TO :'binfile' WITH (FORMAT binary);
COPY kommune_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT (-540)::smallint) TO :'binfile' WITH (FORMAT binary);
COPY kommune_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT 540) TO :'binfile' WITH (FORMAT binary);
COPY kommune_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT 'x'::"char") TO :'binfile' WITH (FORMAT binary);
COPY kommune_bin FROM :'binfile' WITH (FORMAT binary);
\! rm -f /tmp/benchmark_regress_kommune_recv.bin
SELECT k, k::integer AS code FROM kommune_bin;

-- casts: text and integer in and out, assignment to text, no implicit cast from integer
CREATE TEMP TABLE kommune_casts (t text, i integer, k kommune);
INSERT INTO kommune_casts VALUES ('Tønder'::kommune, 'Tønder'::kommune::integer, 'Tønder');
INSERT INTO kommune_casts (k) VALUES ('550');
INSERT INTO kommune_casts (k) VALUES (550);
INSERT INTO kommune_casts (k) SELECT 550::kommune;
SELECT t, i, k, k::text AS as_text, k::integer AS as_integer, 550::kommune = k AS same FROM kommune_casts;
SELECT 'Tønder'::kommune::text::kommune = 'Tønder'::kommune AS text_round_trip,
	   550::kommune::integer::kommune = 550::kommune AS integer_round_trip,
	   '550'::text::kommune AS from_text, 550::smallint::integer::kommune AS from_smallint;
SELECT kommune_name(NULL), kommune_code(NULL), NULL::kommune::integer AS null_cast;

-- the entity in a ranking is the official name, whatever spelling came in
SELECT r, r -> 'Sønderborg' AS by_text, r -> 'Soenderborg'::kommune AS by_kommune,
	   r -> 'Soenderborg' AS by_other_spelling_as_text
FROM (SELECT rank_values(k::kommune, v, false) AS r
	  FROM (VALUES ('soenderborg kommune', 3.0), ('AABENRAA', 4.0), ('Toender', 3.0), ('Læsø', NULL)) t(k, v)) s;
-- two spellings of one municipality are one entity
SELECT rank_values(k, v, true)
FROM (VALUES ('Sønderborg'::kommune, 1.0), ('Soenderborg', 2.0)) t(k, v);

-- window aggregates: each row's area placement
SELECT k, area, rank_sum_rerank(k, r) OVER (PARTITION BY area) -> k AS area_placement
FROM (VALUES ('Aabenraa'::kommune, 'A', 2), ('Aabenraa', 'A', 1), ('Tønder', 'A', 1), ('Tønder', 'A', 3),
			 ('Aabenraa', 'B', 1), ('Tønder', 'B', 2)) t(k, area, r)
ORDER BY area, k;

-- parallel aggregation over kommune entities gives the same ranking as a serial one
CREATE TABLE kommune_values AS
SELECT kommune AS k, g AS measure, ((kommune::integer * 7919 + g * 104729) % 97 + 1)::float8 AS v
FROM kommuner(), generate_series(1, 500) g;
ANALYZE kommune_values;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
\set parallel_query 'CREATE TEMP TABLE parallel_result AS SELECT rank_sum_rerank(k, v::integer) AS by_sum, weighted_placement(k, v::numeric, measure::numeric) AS by_weight, rank_values(k, v, true) FILTER (WHERE measure = 1) AS first FROM kommune_values'
EXPLAIN (COSTS OFF) :parallel_query;
:parallel_query;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
SET max_parallel_workers_per_gather = 0;
SELECT p.by_sum = s.by_sum AS same_sum, p.by_weight = s.by_weight AS same_weight, p.first = s.first AS same_first,
	   ranked_count(p.by_sum) AS ranked, p.by_sum -> 'Sønderborg'::kommune IS NOT NULL AS soenderborg_placed
FROM parallel_result p,
	 (SELECT rank_sum_rerank(k, v::integer) AS by_sum, weighted_placement(k, v::numeric, measure::numeric) AS by_weight,
			 rank_values(k, v, true) FILTER (WHERE measure = 1) AS first
	  FROM kommune_values) s;
RESET max_parallel_workers_per_gather;
-- the placements agree with a plain-SQL rank of the sums
SELECT count(*) AS municipalities,
	   count(*) FILTER (WHERE (SELECT by_sum FROM parallel_result) -> k = expected) AS agreeing
FROM (SELECT k, rank() OVER (ORDER BY sum(v::integer)) AS expected FROM kommune_values GROUP BY k) o;
DROP TABLE kommune_values;
