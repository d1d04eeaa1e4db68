-- The kommune type: accepted spellings, rejected ones, I/O, casts, operators, plans.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;

-- every official name, code, ASCII slug and common variant reads back as the municipality
SELECT count(*) AS municipalities,
	   count(*) FILTER (WHERE name::kommune = kommune) AS by_name,
	   count(*) FILTER (WHERE code::text::kommune = kommune) AS by_code_text,
	   count(*) FILTER (WHERE code::kommune = kommune) AS by_code,
	   count(*) FILTER (WHERE upper(name)::kommune = kommune) AS upper_case,
	   count(*) FILTER (WHERE lower(name)::kommune = kommune) AS lower_case,
	   count(*) FILTER (WHERE (name || ' Kommune')::kommune = kommune) AS with_kommune,
	   count(*) FILTER (WHERE ('  ' || name || '  ')::kommune = kommune) AS padded,
	   count(*) FILTER (WHERE replace(replace(replace(replace(lower(name), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), ' ', '-')::kommune = kommune) AS ascii_slug,
	   count(*) FILTER (WHERE translate(name, 'æøåÆØÅ', 'aoaAOA')::kommune = kommune) AS without_danish_letters,
	   count(*) FILTER (WHERE kommune::text = name) AS prints_official_name
FROM kommuner();

-- the spellings people and exports write
SELECT input, input::kommune AS kommune
FROM (VALUES ('540'), ('0540'), (' 540 '), ('Sønderborg'), ('Sønderborg Kommune'), ('SØNDERBORG'),
			 ('Sonderborg'), ('Soenderborg'), ('sønderborg kommune'), ('Københavns Kommune'),
			 ('København Kommune'), ('Københavns'), ('Aabenraa'), ('Åbenrå'), ('Abenra'),
			 ('Høje-Taastrup'), ('Høje Taastrup'), ('Hoeje-Taastrup'), ('hoeje-taastrup'),
			 ('Lyngby-Taarbæk'), ('Lyngby-Taarbaek'), ('Bornholms Regionskommune'), ('Bornholm'),
			 ('Nordfyns'), ('Nordfyn'), ('Vesthimmerlands'), ('Vesthimmerland'), ('Århus'), ('Aarhus'),
			 ('Brønderslev-Dronninglund'), ('Ringkøbing-Skjern'), ('Ringkoebing Skjern'),
			 ('Faaborg-Midtfyn'), ('Ærø'), ('Aeroe'), ('Læsø Kommune'), ('Syddjurs'), ('Tårnby'),
			 ('Taarnby')) t(input);

-- rejected: an error that says what is wrong and suggests the closest name
SELECT 'Sønderbrog'::kommune;
SELECT 'Aabnraa Kommune'::kommune;
SELECT 'Christiansø'::kommune;
SELECT 'Hele landet'::kommune;
SELECT 'RAR Sydjylland'::kommune;
SELECT 'Region Syddanmark'::kommune;
SELECT ''::kommune;
SELECT '411'::kommune;
SELECT '99999'::kommune;
SELECT 'Kommune'::kommune;
SELECT ('S' || chr(65533) || 'nderborg')::kommune;
SELECT 'SÃ¸nderborg'::kommune;
SELECT 411::kommune;
SELECT (-1)::kommune;
SELECT 70000::kommune;
SELECT kommune_lookup('Sønderborg') AS found, kommune_lookup('Atlantis') AS not_found;

-- functions
SELECT k, kommune_code(k), kommune_name(k), kommune_region(k), kommune_region_code(k),
	   kommune_landsdel_code(k), kommune_landsdel(k), k::integer AS code_cast, k::text AS text_cast
FROM (VALUES ('Sønderborg'::kommune), ('København'), ('Hjørring'), ('Bornholm')) t(k);
SELECT region, count(*) FROM kommuner() GROUP BY region ORDER BY region;
SELECT count(DISTINCT landsdel_code) AS landsdele FROM kommuner();

-- ordering is by code, equality and hashing by municipality
SELECT array_agg(k ORDER BY k) FROM (VALUES ('Hjørring'::kommune), ('København'), ('Aabenraa'), ('Sønderborg')) t(k);
SELECT 'Aabenraa'::kommune < 'Sønderborg'::kommune AS lt, 'Åbenrå'::kommune = 'Aabenraa'::kommune AS eq,
	   'Tønder'::kommune <> 'Aabenraa'::kommune AS ne, 'Tønder'::kommune >= 'Tønder'::kommune AS ge,
	   greatest('Aabenraa'::kommune, 'Hjørring'::kommune) AS greatest;

-- plans: hash aggregate, hash join, merge join, btree index
CREATE TABLE kommune_facts AS
SELECT kommune AS k, g AS year FROM kommuner(), generate_series(2018, 2023) g;
CREATE TABLE kommune_names AS SELECT kommune AS k, name FROM kommuner();
ANALYZE kommune_facts, kommune_names;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT k, count(*) FROM kommune_facts GROUP BY k;
SELECT count(*) FROM (SELECT k, count(*) FROM kommune_facts GROUP BY k) s;
RESET enable_sort;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM kommune_facts f JOIN kommune_names n ON f.k = n.k;
SELECT count(*) FROM kommune_facts f JOIN kommune_names n ON f.k = n.k;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM kommune_facts f JOIN kommune_names n ON f.k = n.k;
SELECT count(*) FROM kommune_facts f JOIN kommune_names n ON f.k = n.k;
RESET enable_hashjoin;
RESET enable_nestloop;
CREATE INDEX ON kommune_facts (k);
CREATE INDEX kommune_names_hash ON kommune_names USING hash (k);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT year FROM kommune_facts WHERE k = 'Sønderborg' ORDER BY year;
SELECT year FROM kommune_facts WHERE k = 'Sønderborg' ORDER BY year;
EXPLAIN (COSTS OFF) SELECT name FROM kommune_names WHERE k = '540';
SELECT name FROM kommune_names WHERE k = '540';
RESET enable_seqscan;
SELECT count(DISTINCT k) AS distinct_municipalities, count(*) AS rows FROM kommune_facts;

-- binary I/O: COPY out and back in; a code that is no municipality is rejected
\set binfile '/tmp/benchmark_regress_kommune.bin'
COPY (SELECT k FROM kommune_names ORDER BY k) TO :'binfile' WITH (FORMAT binary);
CREATE TABLE kommune_copy (k kommune);
COPY kommune_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS round_tripped FROM kommune_copy c JOIN kommune_names n USING (k);
COPY (SELECT 411::smallint) TO :'binfile' WITH (FORMAT binary);
COPY kommune_copy FROM :'binfile' WITH (FORMAT binary);
\! rm -f /tmp/benchmark_regress_kommune.bin

-- the aggregates take municipalities, and a ranking is read by municipality
SELECT rank_values(k, v, true) AS ranking,
	   rank_values(k, v, true) -> 'Sønderborg'::kommune AS soenderborg,
	   score(rank_values(k, v, true), 'Tønder'::kommune) AS toender_score
FROM (VALUES ('Aabenraa'::kommune, 70.5), ('Sønderborg', 80.0), ('Tønder', 75.0), ('Haderslev', 80.0)) t(k, v);
SELECT rank_sum_rerank(k, r), rank_sum_rerank(k, r::numeric, 'worst'), weighted_placement(k, r, 1)
FROM (VALUES ('Aabenraa'::kommune, 70), ('Aabenraa', 8), ('Tønder', 62), ('Tønder', 29),
			 ('Sønderborg', 35), ('Sønderborg', 76), ('Haderslev', 35), ('Haderslev', 79)) t(k, r);

DROP TABLE kommune_facts, kommune_names, kommune_copy;
