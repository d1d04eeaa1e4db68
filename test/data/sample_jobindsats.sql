-- SYNTHETIC sample data shaped like jobindsats.dk tables (and the user's own
-- figures) for all 98 municipalities, 2018-2023.  Every number here is made up by
-- a deterministic generator (md5-based pseudo-randomness, no random()): same data
-- on every run.  SYNTETISKE DATA, NOT REAL DATA: do not quote it.
--
-- Loads into schema jobindsats one wide table per jobindsats table, named by its
-- table id in lower case (jobindsats.y01a02, jobindsats.ptva02, ...), laid out as
-- the real tables are when a pipeline loads the API's reply: "Periode", "Område",
-- one text column per dimension holding the API's labels ("Køn i alt", "Kvinder",
-- "Mænd", "Herkomst i alt", "Ikke-vestlige indvandrere", ...), one numeric column
-- per measure named by its label.  Periods: years '2023', months '2023M01',
-- rolling years '2023QMAT04' (Y14D03).  Areas: the municipalities (a few written
-- in variants a reader must map: "Københavns Kommune", "Høje Taastrup", "Nordfyn",
-- "Vesthimmerland"), "Hele landet" and "RAR Sydjylland".  Suppressed cells are
-- NULL, as a loader writes jobindsats' discretion symbols ("-", "..", ".").
-- Tables with a Køn dimension hold the "Køn i alt" rows and the Kvinder/Mænd rows
-- at the totals of the other dimensions; the counts of Kvinder and Mænd add up to
-- "Køn i alt" exactly, and are suppressed only where the total is.
--
-- Schema brugerdata holds one wide table of the user's own yearly figures that
-- jobindsats does not publish (brugerdata.brugerdata).  Needs no extension.
--
--   psql -f test/data/sample_jobindsats.sql     (then sample_sources.sql;
--   synthetic_downloads.sql writes the tables as jobindsats downloads)

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS jobindsats CASCADE;
DROP SCHEMA IF EXISTS brugerdata CASCADE;
CREATE SCHEMA jobindsats;
CREATE SCHEMA brugerdata;
COMMENT ON SCHEMA jobindsats IS 'SYNTETISKE DATA (synthetic sample data) laid out like jobindsats.dk tables: not real figures';
COMMENT ON SCHEMA brugerdata IS 'SYNTETISKE DATA (synthetic sample data): the user''s own figures from outside jobindsats';

-- u(key): a deterministic pseudo-random number in [0, 1) from the md5 of key.
CREATE FUNCTION pg_temp.u(key text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT
RETURN ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0;

-- suppressed(key, n, rate): jobindsats discretion: small counts, and a share
-- (rate) of all other cells, as if for reasons the data does not show.
CREATE FUNCTION pg_temp.suppressed(key text, n double precision, rate double precision DEFAULT 0.002) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT
RETURN n < 5 OR pg_temp.u('suppress' || key) < rate;

-- omraade(name, tbl): the area name as a table writes it (some tables use
-- variants; each is one the kommune type reads).
CREATE FUNCTION pg_temp.omraade(name text, tbl text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
RETURN CASE
	WHEN tbl IN ('y25i09', 'y25i07') AND name = 'København' THEN 'Københavns Kommune'
	WHEN tbl = 'y25i07' AND name = 'Høje-Taastrup' THEN 'Høje Taastrup'
	WHEN tbl = 'ptvc01' AND name = 'Nordfyns' THEN 'Nordfyn'
	WHEN tbl = 'ptvc01' AND name = 'Vesthimmerlands' THEN 'Vesthimmerland'
	WHEN tbl = 'brugerdata' AND name = 'Bornholm' THEN 'Bornholms Regionskommune'
	WHEN tbl = 'brugerdata' AND name = 'Brønderslev' THEN 'Brønderslev-Dronninglund'
	ELSE name END;

-- The synthetic base: population 16-66 (log-uniform from a hash, a few set by
-- hand so the big cities and the small islands look their part), a latent
-- "strength" that makes a municipality good at many measures, and the
-- non-western share of its population.
CREATE TABLE jobindsats.sample_kommune (
	kode integer PRIMARY KEY,
	navn text NOT NULL,
	region text NOT NULL,
	befolkning_16_66 integer NOT NULL,
	styrke double precision NOT NULL,
	ikke_vestlig_andel double precision NOT NULL
);
COMMENT ON TABLE jobindsats.sample_kommune IS
'SYNTETISKE DATA: made-up population 16-66, strength and non-western share per municipality (base of the sample generator)';

INSERT INTO jobindsats.sample_kommune
SELECT kode, navn, region,
	   CASE navn WHEN 'København' THEN 470000 WHEN 'Aarhus' THEN 250000 WHEN 'Aalborg' THEN 145000
				 WHEN 'Odense' THEN 135000 WHEN 'Læsø' THEN 1000 WHEN 'Fanø' THEN 2000
				 WHEN 'Samsø' THEN 2200 WHEN 'Ærø' THEN 3500
				 ELSE round(exp(ln(9000) + pg_temp.u('pop' || kode) * ln(90000 / 9000.0)))::integer END,
	   pg_temp.u('styrke' || kode),
	   0.03 + 0.12 * pg_temp.u('nv' || kode)
FROM (VALUES
	(101, 'København', 'Hovedstaden'),
	(147, 'Frederiksberg', 'Hovedstaden'),
	(151, 'Ballerup', 'Hovedstaden'),
	(153, 'Brøndby', 'Hovedstaden'),
	(155, 'Dragør', 'Hovedstaden'),
	(157, 'Gentofte', 'Hovedstaden'),
	(159, 'Gladsaxe', 'Hovedstaden'),
	(161, 'Glostrup', 'Hovedstaden'),
	(163, 'Herlev', 'Hovedstaden'),
	(165, 'Albertslund', 'Hovedstaden'),
	(167, 'Hvidovre', 'Hovedstaden'),
	(169, 'Høje-Taastrup', 'Hovedstaden'),
	(173, 'Lyngby-Taarbæk', 'Hovedstaden'),
	(175, 'Rødovre', 'Hovedstaden'),
	(183, 'Ishøj', 'Hovedstaden'),
	(185, 'Tårnby', 'Hovedstaden'),
	(187, 'Vallensbæk', 'Hovedstaden'),
	(190, 'Furesø', 'Hovedstaden'),
	(201, 'Allerød', 'Hovedstaden'),
	(210, 'Fredensborg', 'Hovedstaden'),
	(217, 'Helsingør', 'Hovedstaden'),
	(219, 'Hillerød', 'Hovedstaden'),
	(223, 'Hørsholm', 'Hovedstaden'),
	(230, 'Rudersdal', 'Hovedstaden'),
	(240, 'Egedal', 'Hovedstaden'),
	(250, 'Frederikssund', 'Hovedstaden'),
	(253, 'Greve', 'Sjælland'),
	(259, 'Køge', 'Sjælland'),
	(260, 'Halsnæs', 'Hovedstaden'),
	(265, 'Roskilde', 'Sjælland'),
	(269, 'Solrød', 'Sjælland'),
	(270, 'Gribskov', 'Hovedstaden'),
	(306, 'Odsherred', 'Sjælland'),
	(316, 'Holbæk', 'Sjælland'),
	(320, 'Faxe', 'Sjælland'),
	(326, 'Kalundborg', 'Sjælland'),
	(329, 'Ringsted', 'Sjælland'),
	(330, 'Slagelse', 'Sjælland'),
	(336, 'Stevns', 'Sjælland'),
	(340, 'Sorø', 'Sjælland'),
	(350, 'Lejre', 'Sjælland'),
	(360, 'Lolland', 'Sjælland'),
	(370, 'Næstved', 'Sjælland'),
	(376, 'Guldborgsund', 'Sjælland'),
	(390, 'Vordingborg', 'Sjælland'),
	(400, 'Bornholm', 'Hovedstaden'),
	(410, 'Middelfart', 'Syddanmark'),
	(420, 'Assens', 'Syddanmark'),
	(430, 'Faaborg-Midtfyn', 'Syddanmark'),
	(440, 'Kerteminde', 'Syddanmark'),
	(450, 'Nyborg', 'Syddanmark'),
	(461, 'Odense', 'Syddanmark'),
	(479, 'Svendborg', 'Syddanmark'),
	(480, 'Nordfyns', 'Syddanmark'),
	(482, 'Langeland', 'Syddanmark'),
	(492, 'Ærø', 'Syddanmark'),
	(510, 'Haderslev', 'Syddanmark'),
	(530, 'Billund', 'Syddanmark'),
	(540, 'Sønderborg', 'Syddanmark'),
	(550, 'Tønder', 'Syddanmark'),
	(561, 'Esbjerg', 'Syddanmark'),
	(563, 'Fanø', 'Syddanmark'),
	(573, 'Varde', 'Syddanmark'),
	(575, 'Vejen', 'Syddanmark'),
	(580, 'Aabenraa', 'Syddanmark'),
	(607, 'Fredericia', 'Syddanmark'),
	(615, 'Horsens', 'Midtjylland'),
	(621, 'Kolding', 'Syddanmark'),
	(630, 'Vejle', 'Syddanmark'),
	(657, 'Herning', 'Midtjylland'),
	(661, 'Holstebro', 'Midtjylland'),
	(665, 'Lemvig', 'Midtjylland'),
	(671, 'Struer', 'Midtjylland'),
	(706, 'Syddjurs', 'Midtjylland'),
	(707, 'Norddjurs', 'Midtjylland'),
	(710, 'Favrskov', 'Midtjylland'),
	(727, 'Odder', 'Midtjylland'),
	(730, 'Randers', 'Midtjylland'),
	(740, 'Silkeborg', 'Midtjylland'),
	(741, 'Samsø', 'Midtjylland'),
	(746, 'Skanderborg', 'Midtjylland'),
	(751, 'Aarhus', 'Midtjylland'),
	(756, 'Ikast-Brande', 'Midtjylland'),
	(760, 'Ringkøbing-Skjern', 'Midtjylland'),
	(766, 'Hedensted', 'Midtjylland'),
	(773, 'Morsø', 'Nordjylland'),
	(779, 'Skive', 'Midtjylland'),
	(787, 'Thisted', 'Nordjylland'),
	(791, 'Viborg', 'Midtjylland'),
	(810, 'Brønderslev', 'Nordjylland'),
	(813, 'Frederikshavn', 'Nordjylland'),
	(820, 'Vesthimmerlands', 'Nordjylland'),
	(825, 'Læsø', 'Nordjylland'),
	(840, 'Rebild', 'Nordjylland'),
	(846, 'Mariagerfjord', 'Nordjylland'),
	(849, 'Jammerbugt', 'Nordjylland'),
	(851, 'Aalborg', 'Nordjylland'),
	(860, 'Hjørring', 'Nordjylland')
) k(kode, navn, region);


-- The periods: years 2018-2023 and their months.
CREATE TEMP TABLE aar AS SELECT y FROM generate_series(2018, 2023) y;
CREATE TEMP TABLE maaned AS
SELECT y, m, y || 'M' || lpad(m::text, 2, '0') AS periode FROM aar, generate_series(1, 12) m;

-- The municipalities of the area "RAR Sydjylland" (an area that is not a municipality).
CREATE TEMP TABLE rar_sydjylland AS
SELECT unnest(ARRAY['Haderslev', 'Billund', 'Sønderborg', 'Tønder', 'Esbjerg', 'Fanø', 'Varde', 'Vejen', 'Aabenraa']) AS navn;

-- Benefit levels: share of the population 16-66 in full-time persons, a year
-- profile (corona in 2020, the boom in 2022), the over-representation of
-- non-western immigrants among the recipients (integration: their share of the
-- recipients) and the share of women among them.
CREATE TEMP TABLE ydelse (tbl text, navn text, andel double precision, profil double precision[],
						  ikke_vestlig double precision, kvinder double precision);
INSERT INTO ydelse VALUES
	('y01a02', 'A-dagpenge', 0.025, '{1.00,0.97,1.35,1.05,0.82,0.92}', 1.3, 0.47),
	('y60a02', 'Kontanthjælp', 0.018, '{1.00,0.95,0.97,0.93,0.86,0.85}', 3.5, 0.46),
	('y38a02', 'Uddannelseshjælp', 0.008, '{1.00,0.94,0.98,0.90,0.83,0.84}', 2.0, 0.44),
	('y04a02', 'Revalidering', 0.0015, '{1.00,0.98,0.95,0.93,0.92,0.90}', 1.2, 0.55),
	('y35a02', 'Integration', 0.003, '{1.00,0.80,0.65,0.55,0.90,0.85}', NULL, 0.50),
	('y07a02', 'Sygedagpenge', 0.020, '{1.00,1.02,1.08,1.12,1.18,1.10}', 1.1, 0.60),
	('y12a02', 'Jobafklaringsforløb', 0.005, '{1.00,1.03,1.05,1.08,1.10,1.08}', 1.4, 0.62),
	('y11a02', 'Ressourceforløb', 0.006, '{1.00,1.02,1.01,0.99,0.97,0.96}', 1.7, 0.56),
	('y09a02', 'Ledighedsydelse', 0.004, '{1.00,0.96,1.02,0.92,0.85,0.88}', 1.5, 0.55),
	('y08a02', 'Fleksjob', 0.020, '{1.00,1.02,1.03,1.05,1.07,1.09}', 0.7, 0.57),
	('y10a02', 'Førtidspension', 0.055, '{1.00,1.00,1.01,1.02,1.04,1.05}', 1.6, 0.53);

-- Monthly full-time persons per benefit: level x year profile x a trend
-- that favours strong municipalities x monthly noise; the non-western
-- immigrants among them and their population 16-66.
CREATE TEMP TABLE ydelse_maaned AS
SELECT y.tbl, k.navn, k.kode, m.periode, m.y, x.fuldtid, k.befolkning_16_66 AS befolkning,
	   x.fuldtid
	   * CASE WHEN y.ikke_vestlig IS NULL THEN 0.75 + 0.15 * pg_temp.u('nvy' || y.tbl || k.kode)
			  ELSE least(0.9, k.ikke_vestlig_andel * y.ikke_vestlig * (1.2 - 0.4 * k.styrke)
						 * (0.8 + 0.4 * pg_temp.u('nvy' || y.tbl || k.kode))) END
	   * (1 + 0.06 * (pg_temp.u('nvm' || y.tbl || k.kode || m.periode) - 0.5)) AS nv_fuldtid,
	   k.befolkning_16_66 * k.ikke_vestlig_andel AS nv_befolkning
FROM ydelse y, jobindsats.sample_kommune k, maaned m,
	 LATERAL (SELECT k.befolkning_16_66 * y.andel
					 * (0.75 + 0.5 * pg_temp.u(y.tbl || k.kode))
					 * y.profil[m.y - 2017]
					 * (1 + (0.5 - 0.7 * k.styrke - 0.3 * pg_temp.u('trend' || y.tbl || k.kode)) * 0.06 * (m.y - 2018))
					 * (1 + 0.04 * (pg_temp.u(y.tbl || k.kode || m.periode) - 0.5)) AS fuldtid) x;

-- The cells of the benefit tables per area: the municipalities, "RAR
-- Sydjylland" and "Hele landet" (sums), with the share of women among the
-- recipients (per area and year).
CREATE TEMP TABLE ydelse_celle AS
SELECT c.*, y.kvinder + 0.06 * (pg_temp.u('kvinder' || c.tbl || c.noegle || c.y) - 0.5) AS kvinde_andel
FROM (SELECT tbl, kode::text AS noegle, pg_temp.omraade(navn, tbl) AS omraade, periode, y,
			 fuldtid, befolkning, nv_fuldtid, nv_befolkning
	  FROM ydelse_maaned
	  UNION ALL
	  SELECT tbl, 'rar', 'RAR Sydjylland', periode, y, sum(fuldtid), sum(befolkning), sum(nv_fuldtid), sum(nv_befolkning)
	  FROM ydelse_maaned WHERE navn IN (SELECT navn FROM rar_sydjylland) GROUP BY tbl, periode, y
	  UNION ALL
	  SELECT tbl, 'hl', 'Hele landet', periode, y, sum(fuldtid), sum(befolkning), sum(nv_fuldtid), sum(nv_befolkning)
	  FROM ydelse_maaned GROUP BY tbl, periode, y) c
JOIN ydelse y USING (tbl);

-- The rows of the benefit tables: (Køn i alt, Herkomst i alt), Kvinder and
-- Mænd at Herkomst i alt (counts split from the rounded total, so that they add
-- up to it; suppressed where the total is), and the non-western immigrants at
-- Køn i alt (rarely suppressed).  Besides small counts, a few cells under 200
-- full-time persons are suppressed at random.  Percentages of the population 16-66 of the
-- row's own group (women: 49 per cent of the population 16-66).
CREATE TEMP TABLE ydelse_raekke AS
WITH c AS (
	SELECT *, round(fuldtid * 1.3) AS p, round(fuldtid) AS f,
		   pg_temp.suppressed(tbl || omraade || periode, fuldtid * 1.3, CASE WHEN fuldtid < 200 THEN 0.0005 ELSE 0 END) AS sp,
		   pg_temp.suppressed(tbl || omraade || periode, fuldtid, CASE WHEN fuldtid < 200 THEN 0.0005 ELSE 0 END) AS sf,
		   pg_temp.u('suppressnv' || tbl || omraade || periode) < 0.00005 AS snv
	FROM ydelse_celle)
SELECT tbl, periode, omraade, 1 AS raekke, 'Køn i alt' AS koen, 'Herkomst i alt' AS herkomst,
	   CASE WHEN NOT sp THEN p END AS personer,
	   CASE WHEN NOT sf THEN f END AS fuldtid,
	   CASE WHEN NOT sf THEN round((100 * fuldtid / befolkning)::numeric, 1) END AS pct
FROM c
UNION ALL
SELECT tbl, periode, omraade, 2, 'Kvinder', 'Herkomst i alt',
	   CASE WHEN NOT sp THEN round(p * kvinde_andel) END,
	   CASE WHEN NOT sf THEN round(f * kvinde_andel) END,
	   CASE WHEN NOT sf THEN round((100 * fuldtid * kvinde_andel / (0.49 * befolkning))::numeric, 1) END
FROM c
UNION ALL
SELECT tbl, periode, omraade, 3, 'Mænd', 'Herkomst i alt',
	   CASE WHEN NOT sp THEN p - round(p * kvinde_andel) END,
	   CASE WHEN NOT sf THEN f - round(f * kvinde_andel) END,
	   CASE WHEN NOT sf THEN round((100 * fuldtid * (1 - kvinde_andel) / (0.51 * befolkning))::numeric, 1) END
FROM c
UNION ALL
SELECT tbl, periode, omraade, 4, 'Køn i alt', 'Ikke-vestlige indvandrere',
	   CASE WHEN NOT snv THEN round(nv_fuldtid * 1.3) END,
	   CASE WHEN NOT snv THEN round(nv_fuldtid) END,
	   CASE WHEN NOT snv THEN round((100 * nv_fuldtid / nv_befolkning)::numeric, 1) END
FROM c;

-- The eleven benefit tables (monthly).  Y38A02 and Y60A02 have a dimension
-- Visitationskategori too, here only at its total.
DO $$
DECLARE
	t record;
	vis boolean;
BEGIN
	FOR t IN SELECT * FROM ydelse LOOP
		vis := t.tbl IN ('y60a02', 'y38a02');
		EXECUTE format($f$
			CREATE TABLE jobindsats.%I (
				"Periode" text NOT NULL,
				"Område" text NOT NULL,
				"Køn" text NOT NULL,
				"Herkomst" text NOT NULL,
				%s
				"Antal personer" numeric,
				"Antal fuldtidspersoner" numeric,
				"Fuldtidspersoner i pct. af befolkningen 16-66 år" numeric)$f$,
			t.tbl, CASE WHEN vis THEN '"Visitationskategori" text NOT NULL,' ELSE '' END);
		EXECUTE format($f$
			INSERT INTO jobindsats.%I
			SELECT periode, omraade, koen, herkomst, %s personer, fuldtid, pct
			FROM ydelse_raekke WHERE tbl = %L
			ORDER BY omraade = 'Hele landet' DESC, omraade LIKE 'RAR %%' DESC, omraade, periode, raekke$f$,
			t.tbl, CASE WHEN vis THEN '''Visitationskategori i alt'',' ELSE '' END, t.tbl);
		EXECUTE format('COMMENT ON TABLE jobindsats.%I IS %L', t.tbl,
			format('SYNTETISKE DATA: %s (monthly), laid out like the jobindsats table %s (Køn, Herkomst%s): made-up numbers, not real figures',
				   t.navn, upper(t.tbl), CASE WHEN vis THEN ', Visitationskategori' ELSE '' END));
	END LOOP;
END $$;

-- PTVA02 (yearly): offentligt forsørgede by benefit group and sex.
CREATE TABLE jobindsats.ptva02 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Køn" text NOT NULL,
	"Antal personer" numeric,
	"Antal fuldtidspersoner" numeric,
	"Fuldtidspersoner i pct. af arbejdsstyrken 16-66 år" numeric,
	"Fuldtidspersoner i pct. af befolkningen 16-66 år" numeric
);
COMMENT ON TABLE jobindsats.ptva02 IS
'SYNTETISKE DATA: offentligt forsørgede (yearly), laid out like the jobindsats table PTVA02 (Ydelsesgrupper, Køn): made-up numbers, not real figures';
INSERT INTO jobindsats.ptva02
WITH c AS (
	SELECT a.y, k.kode, k.navn, g.gruppe, g.noegle, g.nr, f.fuldtid, k.befolkning_16_66 AS befolkning,
		   k.befolkning_16_66 * (0.78 + 0.06 * pg_temp.u('arbejdsstyrke' || k.kode)) AS arbejdsstyrke,
		   g.kvinder + 0.06 * (pg_temp.u('ptva02kv' || k.kode || g.noegle || a.y) - 0.5) AS kvinde_andel,
		   round(f.fuldtid * 1.25) AS p, round(f.fuldtid) AS f,
		   pg_temp.suppressed('ptva02p' || k.kode || a.y || g.noegle || 'I alt', f.fuldtid) AS sp,
		   pg_temp.suppressed('ptva02f' || k.kode || a.y || g.noegle || 'I alt', f.fuldtid) AS sf
	FROM jobindsats.sample_kommune k, aar a,
		 (VALUES (1, 'Ydelsesgrupper i alt', 'Alle ydelsesgrupper', 0.17, 0.52), (2, 'Ledighedsydelse', 'Ledighedsydelse', 0.004, 0.55),
				 (3, 'Fleksjob', 'Fleksjob', 0.02, 0.58), (4, 'Førtidspension', 'Førtidspension', 0.055, 0.53),
				 (5, 'Seniorpension', 'Seniorpension', 0.006, 0.60)) g(nr, gruppe, noegle, andel, kvinder),
		 LATERAL (SELECT k.befolkning_16_66 * g.andel
						 * (0.8 + 0.4 * pg_temp.u('ptva02' || k.kode || g.noegle))
						 * (1 + (0.5 - k.styrke) * 0.04 * (a.y - 2018)) AS fuldtid) f)
SELECT y::text, navn, gruppe, koen, personer, fuldt,
	   round((100 * andel * fuldtid / (del * arbejdsstyrke))::numeric, 2),
	   round((100 * andel * fuldtid / (del * befolkning))::numeric, 2)
FROM (SELECT c.*, 1 AS r, 'Køn i alt' AS koen, CASE WHEN NOT sp THEN p END AS personer, CASE WHEN NOT sf THEN f END AS fuldt,
			 1.0 AS andel, 1.0 AS del FROM c
	  UNION ALL
	  SELECT c.*, 2, 'Kvinder', CASE WHEN NOT sp THEN round(p * kvinde_andel) END, CASE WHEN NOT sf THEN round(f * kvinde_andel) END,
			 kvinde_andel, 0.49 FROM c
	  UNION ALL
	  SELECT c.*, 3, 'Mænd', CASE WHEN NOT sp THEN p - round(p * kvinde_andel) END, CASE WHEN NOT sf THEN f - round(f * kvinde_andel) END,
			 1 - kvinde_andel, 0.51 FROM c) x
ORDER BY navn, y, nr, r;

-- Activation (yearly).  PTVC01: persons activated by benefit group; PTVC02:
-- by benefit group, age (only its total here) and offer.  The two agree at
-- the totals.  PTVC02 holds the group Ressourceforløb too (the example targets
-- read it).
CREATE TEMP TABLE aktiverede AS
SELECT a.y, k.kode, k.navn, g.nr, g.gruppe, g.noegle, t.tnr, t.tilbud, t.tnoegle, x.n,
	   pg_temp.suppressed('ptvc01' || k.kode || a.y || g.noegle || 'I alt' || t.tnoegle, x.n) AS s
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES (1, 'Ydelsesgrupper i alt', 'Alle ydelsesgrupper', 0.05), (2, 'Uddannelseshjælp', 'Uddannelseshjælp', 0.0045),
			 (3, 'Aktivitetsparate kontanthjælpsmodtagere', 'Aktivitetsparate kontanthjælpsmodtagere', 0.008),
			 (4, 'Ressourceforløb', 'Ressourceforløb', 0.01)) g(nr, gruppe, noegle, andel),
	 (VALUES (1, 'Tilbud i alt', 'I alt', 1.0), (2, 'Vejledning og opkvalificering', 'Vejledning og opkvalificering', 0.35),
			 (3, 'Virksomhedspraktik', 'Virksomhedspraktik', 0.2), (4, 'Løntilskud', 'Løntilskud', 0.25)) t(tnr, tilbud, tnoegle, del),
	 LATERAL (SELECT k.befolkning_16_66 * g.andel * t.del
					 * (0.55 + 0.5 * k.styrke + 0.4 * pg_temp.u('ptvc01' || k.kode || g.noegle || t.tnoegle || a.y)) AS n) x;

CREATE TABLE jobindsats.ptvc01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Antal aktiverede" numeric,
	"Antal fuldtidsaktiverede" numeric
);
COMMENT ON TABLE jobindsats.ptvc01 IS
'SYNTETISKE DATA: aktiverede (yearly), laid out like the jobindsats table PTVC01 (Ydelsesgrupper): made-up numbers, not real figures';
INSERT INTO jobindsats.ptvc01
SELECT y::text, pg_temp.omraade(navn, 'ptvc01'), gruppe,
	   CASE WHEN NOT s THEN round(n) END, CASE WHEN NOT s THEN round(n * 0.45) END
FROM aktiverede WHERE tnr = 1
ORDER BY navn, y, nr;

CREATE TABLE jobindsats.ptvc02 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Alder" text NOT NULL,
	"Tilbud" text NOT NULL,
	"Antal aktiverede" numeric
);
COMMENT ON TABLE jobindsats.ptvc02 IS
'SYNTETISKE DATA: aktiverede og forløb (yearly), laid out like the jobindsats table PTVC02 (Ydelsesgrupper, Alder, Tilbud): made-up numbers, not real figures';
INSERT INTO jobindsats.ptvc02
SELECT y::text, navn, gruppe, 'Alder i alt', tilbud, CASE WHEN NOT s THEN round(n) END
FROM aktiverede WHERE gruppe <> 'Uddannelseshjælp'
ORDER BY navn, y, nr, tnr;

-- Y01C01 (yearly): activated recipients of a-dagpenge by offer.
CREATE TABLE jobindsats.y01c01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"A-kasse" text NOT NULL,
	"Tilbud" text NOT NULL,
	"Antal aktiverede" numeric
);
COMMENT ON TABLE jobindsats.y01c01 IS
'SYNTETISKE DATA: aktiverede dagpengemodtagere (yearly), laid out like the jobindsats table Y01C01 (A-kasse, Tilbud): made-up numbers, not real figures';
INSERT INTO jobindsats.y01c01
SELECT a.y::text, k.navn, 'A-kasse i alt', t.tilbud,
	   CASE WHEN NOT pg_temp.suppressed('y01c01' || k.kode || a.y || t.noegle, n) THEN round(n) END
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES (1, 'Tilbud i alt', 'I alt', 1.0), (2, 'Vejledning og opkvalificering i alt', 'Opkvalificeringsforløb', 0.3),
			 (3, 'Ordinær uddannelse i alt', 'Ordinær uddannelse', 0.15), (4, 'Virksomhedspraktik i alt', 'Virksomhedspraktik', 0.25),
			 (5, 'Løntilskud i alt', 'Løntilskud', 0.15)) t(nr, tilbud, noegle, del),
	 LATERAL (SELECT k.befolkning_16_66 * 0.025 * 0.45 * t.del
					 * (0.5 + 0.6 * k.styrke + 0.5 * pg_temp.u('y01c01' || k.kode || t.noegle || a.y)) AS n) x
ORDER BY k.navn, a.y, t.nr;

-- OTIJ01 (yearly): ordinary hours among recipients of kontanthjælp by target group.
CREATE TABLE jobindsats.otij01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Målgruppe" text NOT NULL,
	"Antal personer i alt" numeric,
	"Antal personer med ordinære timer" numeric,
	"Andel personer med ordinære timer" numeric
);
COMMENT ON TABLE jobindsats.otij01 IS
'SYNTETISKE DATA: ordinære timer (yearly), laid out like the jobindsats table OTIJ01 (Ydelsesgrupper, Målgruppe): made-up numbers, not real figures';
INSERT INTO jobindsats.otij01
SELECT a.y::text, k.navn, g.gruppe, g.maalgruppe,
	   CASE WHEN NOT pg_temp.suppressed('otij01a' || k.kode || a.y || g.noegle, n) THEN round(n) END,
	   CASE WHEN NOT pg_temp.suppressed('otij01b' || k.kode || a.y || g.noegle, n * s) THEN round(n * s) END,
	   round((100 * s)::numeric, 1)
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES (1, 'Kontanthjælp', 'Aktivitetsparate kontanthjælpsmodtagere', 'Aktivitetsparate kontanthjælpsmodtagere', 0.011, 0.04, 0.08, 0.06),
			 (2, 'Kontanthjælp', 'Jobparate kontanthjælpsmodtagere', 'Jobparate kontanthjælpsmodtagere', 0.005, 0.04, 0.08, 0.06)) g(nr, gruppe, maalgruppe, noegle, andel, s0, s1, s2),
	 LATERAL (SELECT k.befolkning_16_66 * g.andel * (0.8 + 0.4 * pg_temp.u('otij01' || k.kode || g.noegle)) AS n,
					 g.s0 + g.s1 * k.styrke + g.s2 * pg_temp.u('otij01s' || k.kode || a.y || g.noegle) AS s) x
ORDER BY k.navn, a.y, g.nr;

-- Y14D03 (rolling years, period YYYYQMAT04): where those who ended 26 weeks
-- on a benefit went; the four outcomes add up to the courses ended.
CREATE TABLE jobindsats.y14d03 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Virksomhedsrettede tilbud" text NOT NULL,
	"Målgruppe" text NOT NULL,
	"Antal afsluttede forløb" numeric,
	"Efterfølgende beskæftigelse: I samme virksomhed" numeric,
	"Efterfølgende beskæftigelse: I anden virksomhed i samme branc" numeric,
	"Efterfølgende beskæftigelse: I anden virksomhed i anden branc" numeric,
	"Efterfølgende beskæftigelse: Ingen beskæftigelse" numeric
);
-- Two labels are longer than an identifier may be (63 bytes): the columns
-- carry them cut as PostgreSQL cuts them, and the full label as their comment.
COMMENT ON COLUMN jobindsats.y14d03."Efterfølgende beskæftigelse: I anden virksomhed i samme branc" IS
'Efterfølgende beskæftigelse: I anden virksomhed i samme branche';
COMMENT ON COLUMN jobindsats.y14d03."Efterfølgende beskæftigelse: I anden virksomhed i anden branc" IS
'Efterfølgende beskæftigelse: I anden virksomhed i anden branche';
COMMENT ON TABLE jobindsats.y14d03 IS
'SYNTETISKE DATA: fra ydelse til job (rolling years), laid out like the jobindsats table Y14D03 (Ydelsesgrupper, Virksomhedsrettede tilbud, Målgruppe): made-up numbers, not real figures';
INSERT INTO jobindsats.y14d03
SELECT y || 'QMAT04', navn, gruppe, 'Virksomhedsrettede tilbud i alt', 'Ledige i 26 uger',
	   CASE WHEN NOT sa THEN nn END,
	   CASE WHEN NOT sa AND NOT sb THEN samme END,
	   CASE WHEN NOT sa AND NOT sb THEN branche END,
	   CASE WHEN NOT sa AND NOT sb THEN e - samme - branche END,
	   CASE WHEN NOT sa AND NOT sb THEN nn - e END
FROM (SELECT a.y, k.navn, g.nr, g.gruppe, round(x.n) AS nn, round(x.n * x.s) AS e,
			 round(round(x.n * x.s) * (0.25 + 0.15 * pg_temp.u('y14d03v' || k.kode || a.y || g.noegle))) AS samme,
			 round(round(x.n * x.s) * (0.20 + 0.10 * pg_temp.u('y14d03r' || k.kode || a.y || g.noegle))) AS branche,
			 pg_temp.suppressed('y14d03a' || k.kode || a.y || g.noegle, x.n) AS sa,
			 pg_temp.suppressed('y14d03b' || k.kode || a.y || g.noegle, x.n * x.s) AS sb
	  FROM jobindsats.sample_kommune k, aar a,
		   (VALUES (1, 'A-dagpenge', 'Dagpenge', 0.006), (2, 'Jobparate kontanthjælpsmodtagere', 'Jobparate kontanthjælpsmodtagere', 0.002)) g(nr, gruppe, noegle, andel),
		   LATERAL (SELECT k.befolkning_16_66 * g.andel * (0.7 + 0.6 * pg_temp.u('y14d03' || k.kode || g.noegle || a.y)) AS n,
						   0.25 + 0.2 * k.styrke + 0.15 * pg_temp.u('y14d03s' || k.kode || a.y || g.noegle) AS s) x) z
ORDER BY navn, y, nr;

-- Y25I09 and Y25I07 (monthly): long-term unemployed, job postings.
CREATE TABLE jobindsats.y25i09 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"A-kasse" text NOT NULL,
	"Antal langtidsledige fuldtidspersoner" numeric,
	"Antal langtidsledige personer" numeric,
	"Antal bruttoledige personer" numeric,
	"Andel langtidsledige personer ift. bruttoledige personer" numeric
);
CREATE TABLE jobindsats.y25i07 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Stillingsbetegnelse" text NOT NULL,
	"Antal nyopslåede stillinger" numeric
);
COMMENT ON TABLE jobindsats.y25i09 IS
'SYNTETISKE DATA: langtidsledige (monthly), laid out like the jobindsats table Y25I09 (Ydelsesgrupper: Ydelsesgrupper i alt, A-dagpenge, Jobparate kontanthjælpsmodtagere; A-kasse): made-up numbers, not real figures';
COMMENT ON TABLE jobindsats.y25i07 IS
'SYNTETISKE DATA: nyopslåede stillinger (monthly), laid out like the jobindsats table Y25I07 (Stillingsbetegnelse): made-up numbers, not real figures';
CREATE TEMP TABLE opslag AS
SELECT k.kode, k.navn, m.periode, m.y,
	   k.befolkning_16_66 * 0.006 * (0.6 + 0.5 * k.styrke + 0.5 * pg_temp.u('opslag' || k.kode || m.y))
	   * (0.9 + 0.2 * pg_temp.u('opslag' || k.kode || m.periode)) AS opslag
FROM jobindsats.sample_kommune k, maaned m;
-- Y25I09 by benefit group: gross unemployed persons (bruttoledige) and the
-- long-term unemployed among them, for A-dagpenge and job-ready kontanthjælp
-- recipients, and their sum as "Ydelsesgrupper i alt"; the share is computed
-- from the unrounded counts and left empty when a count is suppressed.
CREATE TEMP TABLE langtid AS
SELECT s.kode, s.navn, d.periode, g.nr, g.gruppe,
	   g.brutto_pr_fuldtid * CASE g.gruppe WHEN 'A-dagpenge' THEN d.fuldtid ELSE k.fuldtid END AS brutto,
	   g.brutto_pr_fuldtid * CASE g.gruppe WHEN 'A-dagpenge' THEN d.fuldtid ELSE k.fuldtid END
	   * (g.basis + 0.15 * (1 - s.styrke) + 0.08 * pg_temp.u('lang' || g.gruppe || s.kode || d.periode)) AS langtid
FROM jobindsats.sample_kommune s
JOIN ydelse_maaned d ON d.tbl = 'y01a02' AND d.kode = s.kode
JOIN ydelse_maaned k ON k.tbl = 'y60a02' AND k.kode = s.kode AND k.periode = d.periode
CROSS JOIN (VALUES (2, 'A-dagpenge', 1.3, 0.10), (3, 'Jobparate kontanthjælpsmodtagere', 0.45, 0.18)) g(nr, gruppe, brutto_pr_fuldtid, basis);
INSERT INTO langtid
SELECT kode, navn, periode, 1, 'Ydelsesgrupper i alt', sum(brutto), sum(langtid) FROM langtid GROUP BY kode, navn, periode;
INSERT INTO jobindsats.y25i09
SELECT periode, pg_temp.omraade(navn, 'y25i09'), gruppe, 'A-kasse i alt',
	   CASE WHEN NOT pg_temp.suppressed('y25i09' || gruppe || kode || periode, langtid * 0.9, 0.0005) THEN round(langtid * 0.9) END,
	   CASE WHEN NOT lt THEN round(langtid) END,
	   CASE WHEN NOT bt THEN round(brutto) END,
	   CASE WHEN NOT lt AND NOT bt THEN round((100 * langtid / brutto)::numeric, 1) END
FROM (SELECT *, pg_temp.suppressed('y25i09p' || gruppe || kode || periode, langtid, 0.0005) AS lt,
			 pg_temp.suppressed('y25i09b' || gruppe || kode || periode, brutto, 0.0005) AS bt
	  FROM langtid) x
ORDER BY navn, periode, nr;
INSERT INTO jobindsats.y25i07
SELECT periode, omraade, 'Stillingsbetegnelse i alt', n
FROM (SELECT 1 AS r, periode, 'Hele landet' AS omraade, round(sum(opslag)) AS n FROM opslag GROUP BY periode
	  UNION ALL
	  SELECT 2, periode, 'RAR Sydjylland', round(sum(opslag)) FROM opslag WHERE navn IN (SELECT navn FROM rar_sydjylland) GROUP BY periode
	  UNION ALL
	  SELECT 3, periode, pg_temp.omraade(navn, 'y25i07'),
			 CASE WHEN NOT pg_temp.suppressed('y25i07' || kode || periode, opslag, 0.0005) THEN round(opslag) END
	  FROM opslag) x
ORDER BY r, omraade, periode;

-- Y38B15 (yearly): status three months after leaving uddannelseshjælp.
CREATE TABLE jobindsats.y38b15 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Arbejdsmarkedsstatus" text NOT NULL,
	"Andel 3 måneder efter (pct.)" numeric
);
COMMENT ON TABLE jobindsats.y38b15 IS
'SYNTETISKE DATA: status 3 måneder efter afgang fra uddannelseshjælp (yearly), laid out like the jobindsats table Y38B15 (Arbejdsmarkedsstatus): made-up numbers, not real figures';
INSERT INTO jobindsats.y38b15
SELECT a.y::text, k.navn, s.status,
	   CASE WHEN pg_temp.u('suppress' || 'y38b15' || k.kode || a.y) >= 0.005 AND k.befolkning_16_66 > 2500 THEN
		   round((CASE s.nr WHEN 1 THEN 100 * x.job
						   WHEN 2 THEN 100 * x.udd
						   WHEN 3 THEN 100 * x.anden
						   ELSE 100 * (1 - x.job - x.udd - x.anden) END)::numeric, 1) END
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES (1, 'Lønmodtagerbeskæftigelse'), (2, 'Uddannelse'), (3, 'Selvforsørgelse'), (4, 'Offentlig forsørgelse')) s(nr, status),
	 LATERAL (SELECT 0.15 + 0.1 * k.styrke + 0.1 * pg_temp.u('y38b15j' || k.kode || a.y) AS job,
					 0.10 + 0.08 * pg_temp.u('y38b15u' || k.kode || a.y) AS udd,
					 0.03 + 0.03 * pg_temp.u('y38b15a' || k.kode || a.y) AS anden) x
ORDER BY k.navn, a.y, s.nr;

-- The user's own figures (not jobindsats), one wide table: businesses' rating
-- of the jobcentre (a survey, yearly), partial return to work (yearly),
-- non-western immigrants in activation (yearly) and the citizen survey (every
-- third year, only in some municipalities).
CREATE TABLE brugerdata.brugerdata (
	"Område" text NOT NULL,
	"Periode" text NOT NULL,
	"Jobcentrets service over for virksomhederne (karakter 1-5)" numeric,
	"Sygemeldte med delvis raskmelding (pct.)" numeric,
	"Ikke-vestlige indvandrere i aktivering (pct.)" numeric,
	"Andel tilfredse borgere (pct.)" numeric,
	PRIMARY KEY ("Område", "Periode")
);
COMMENT ON TABLE brugerdata.brugerdata IS
'SYNTETISKE DATA: the user''s own yearly figures (business survey, partial return to work, non-western immigrants in activation, citizen survey every third year in some municipalities): made-up numbers, not real figures';
INSERT INTO brugerdata.brugerdata
SELECT pg_temp.omraade(k.navn, 'brugerdata'), a.y::text,
	   CASE WHEN pg_temp.u('di-svar' || k.kode || a.y) >= 0.01 THEN
		   round((2.6 + 1.0 * k.styrke + 0.9 * pg_temp.u('di' || k.kode || a.y))::numeric, 2) END,
	   round((18 + 10 * k.styrke + 14 * pg_temp.u('delvis' || k.kode || a.y))::numeric, 1),
	   CASE WHEN pg_temp.u('aktnv-svar' || k.kode || a.y) >= 0.01 THEN
		   round((18 + 22 * k.styrke + 15 * pg_temp.u('aktnv' || k.kode || a.y) + 0.8 * (a.y - 2018))::numeric, 1) END,
	   CASE WHEN a.y IN (2019, 2022)
				 AND (k.navn IN ('Sønderborg', 'Aabenraa', 'Haderslev', 'Tønder') OR pg_temp.u('borger' || k.kode) < 0.2) THEN
		   round((62 + 15 * k.styrke + 15 * pg_temp.u('borger' || k.kode || a.y))::numeric, 1) END
FROM jobindsats.sample_kommune k, aar a
ORDER BY k.navn, a.y;

ANALYZE;
RESET client_min_messages;
