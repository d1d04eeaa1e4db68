-- SYNTHETIC sample data shaped like jobindsats.dk exports (and three user-supplied
-- surveys) for all 98 municipalities, 2018-2023.  Every number here is made up by a
-- deterministic generator (md5-based pseudo-randomness, no random()): same data on
-- every run.  NOT REAL DATA: do not quote it.
--
-- Loads into schema jobindsats (tables named by jobindsats table id, with the
-- export's Danish column names, "Periode" and "Område" as the exports write them,
-- including some name variants and non-municipal areas) and schema brugerdata
-- (surveys the user supplies).  Suppressed cells are NULL, as a loader writes
-- jobindsats' discretion symbols ("-", "..", ".").  Needs no extension.
--
--   psql -f test/data/sample_jobindsats.sql     (then sample_sources.sql)

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS jobindsats CASCADE;
DROP SCHEMA IF EXISTS brugerdata CASCADE;
CREATE SCHEMA jobindsats;
CREATE SCHEMA brugerdata;
COMMENT ON SCHEMA jobindsats IS 'SYNTETISKE DATA (synthetic sample data) shaped like jobindsats.dk exports: not real figures';
COMMENT ON SCHEMA brugerdata IS 'SYNTETISKE DATA (synthetic sample data): surveys a user supplies from outside jobindsats';

-- u(key): a deterministic pseudo-random number in [0, 1) from the md5 of key.
CREATE FUNCTION pg_temp.u(key text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT
RETURN ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0;

-- suppressed(key, n, rate): jobindsats discretion: small counts, and a share
-- (rate) of all other cells, as if for reasons the data does not show.
CREATE FUNCTION pg_temp.suppressed(key text, n double precision, rate double precision DEFAULT 0.002) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT
RETURN n < 5 OR pg_temp.u('suppress' || key) < rate;

-- omraade(name, tbl): the area name as a table writes it (some exports use variants).
CREATE FUNCTION pg_temp.omraade(name text, tbl text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
RETURN CASE
	WHEN tbl IN ('y25i01', 'y25i09', 'y25i07') AND name = 'København' THEN 'Københavns Kommune'
	WHEN tbl = 'y25i07' AND name = 'Høje-Taastrup' THEN 'Høje Taastrup'
	WHEN tbl = 'ptvc01' AND name = 'Nordfyns' THEN 'Nordfyn'
	WHEN tbl = 'ptvc01' AND name = 'Vesthimmerlands' THEN 'Vesthimmerland'
	WHEN tbl = 'di' AND name = 'Bornholm' THEN 'Bornholms Regionskommune'
	WHEN tbl = 'di' AND name = 'Brønderslev' THEN 'Brønderslev-Dronninglund'
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

-- Benefit levels: share of the population 16-66 in full-time persons, a
-- year profile (corona in 2020, the boom in 2022) and a municipal spread.
CREATE TEMP TABLE ydelse (tbl text, navn text, andel double precision, profil double precision[]);
INSERT INTO ydelse VALUES
	('y01a02', 'Dagpenge', 0.025, '{1.00,0.97,1.35,1.05,0.82,0.92}'),
	('y60a02', 'Kontanthjælp', 0.018, '{1.00,0.95,0.97,0.93,0.86,0.85}'),
	('y38a02', 'Uddannelseshjælp', 0.008, '{1.00,0.94,0.98,0.90,0.83,0.84}'),
	('y04a02', 'Revalidering', 0.0015, '{1.00,0.98,0.95,0.93,0.92,0.90}'),
	('y35a02', 'Integration', 0.003, '{1.00,0.80,0.65,0.55,0.90,0.85}'),
	('y07a02', 'Sygedagpenge', 0.020, '{1.00,1.02,1.08,1.12,1.18,1.10}'),
	('y12a02', 'Jobafklaring', 0.005, '{1.00,1.03,1.05,1.08,1.10,1.08}'),
	('y11a02', 'Ressourceforløb', 0.006, '{1.00,1.02,1.01,0.99,0.97,0.96}'),
	('y09a02', 'Ledighedsydelse', 0.004, '{1.00,0.96,1.02,0.92,0.85,0.88}'),
	('y08a02', 'Fleksjob', 0.020, '{1.00,1.02,1.03,1.05,1.07,1.09}'),
	('y10a02', 'Førtidspension', 0.055, '{1.00,1.00,1.01,1.02,1.04,1.05}');

-- Monthly full-time persons per benefit: level x year profile x a trend
-- that favours strong municipalities x monthly noise.
CREATE TEMP TABLE ydelse_maaned AS
SELECT y.tbl, k.navn, k.kode, m.periode, m.y,
	   k.befolkning_16_66 * y.andel
	   * (0.75 + 0.5 * pg_temp.u(y.tbl || k.kode))
	   * y.profil[m.y - 2017]
	   * (1 + (0.5 - 0.7 * k.styrke - 0.3 * pg_temp.u('trend' || y.tbl || k.kode)) * 0.06 * (m.y - 2018))
	   * (1 + 0.04 * (pg_temp.u(y.tbl || k.kode || m.periode) - 0.5)) AS fuldtid,
	   k.befolkning_16_66 AS befolkning
FROM ydelse y, jobindsats.sample_kommune k, maaned m;

-- The eleven benefit tables (monthly), one row per area and month, Køn and
-- Herkomst at "I alt"; "Hele landet" is an area too, as in the exports.
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
			SELECT periode, omraade, 'I alt', 'I alt', %s
				   CASE WHEN NOT pg_temp.suppressed(%L || omraade || periode, fuldtid * 1.3, 0.0005) THEN round(fuldtid * 1.3) END,
				   CASE WHEN NOT pg_temp.suppressed(%L || omraade || periode, fuldtid, 0.0005) THEN round(fuldtid) END,
				   CASE WHEN NOT pg_temp.suppressed(%L || omraade || periode, fuldtid, 0.0005) THEN round((100 * fuldtid / befolkning)::numeric, 1) END
			FROM (SELECT periode, pg_temp.omraade(navn, tbl) AS omraade, fuldtid, befolkning
				  FROM ydelse_maaned WHERE tbl = %L
				  UNION ALL
				  SELECT periode, 'Hele landet', sum(fuldtid), sum(befolkning)
				  FROM ydelse_maaned WHERE tbl = %L GROUP BY periode) x$f$,
			t.tbl, CASE WHEN vis THEN '''I alt'',' ELSE '' END, t.tbl, t.tbl, t.tbl, t.tbl, t.tbl);
		EXECUTE format('COMMENT ON TABLE jobindsats.%I IS %L', t.tbl,
			format('SYNTETISKE DATA: %s (%s), shaped like the jobindsats table %s: made-up numbers', t.navn,
				   'fuldtidspersoner pr. måned', upper(t.tbl)));
	END LOOP;
END $$;

-- PTVA02 (yearly): offentligt forsørgede by benefit group and origin.
CREATE TABLE jobindsats.ptva02 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Køn" text NOT NULL,
	"Herkomst" text NOT NULL,
	"Antal personer" numeric,
	"Antal fuldtidspersoner" numeric,
	"Fuldtidspersoner i pct. af befolkningen 16-66 år" numeric
);
COMMENT ON TABLE jobindsats.ptva02 IS
'SYNTETISKE DATA: offentligt forsørgede (yearly), shaped like the jobindsats table PTVA02: made-up numbers';
INSERT INTO jobindsats.ptva02
SELECT a.y::text, k.navn, g.gruppe, 'I alt', h.herkomst,
	   CASE WHEN NOT pg_temp.suppressed('ptva02p' || k.kode || a.y || g.gruppe || h.herkomst, f.fuldtid) THEN round(f.fuldtid * 1.25) END,
	   CASE WHEN NOT pg_temp.suppressed('ptva02f' || k.kode || a.y || g.gruppe || h.herkomst, f.fuldtid) THEN round(f.fuldtid) END,
	   round((100 * f.fuldtid / f.befolkning)::numeric, 2)
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES ('Alle ydelsesgrupper', 0.17), ('Ledighedsydelse', 0.004), ('Fleksjob', 0.02),
			 ('Førtidspension', 0.055), ('Seniorpension', 0.006)) g(gruppe, andel),
	 (VALUES ('I alt'), ('Ikke-vestlige indvandrere')) h(herkomst),
	 LATERAL (SELECT CASE h.herkomst WHEN 'I alt' THEN k.befolkning_16_66
								   ELSE k.befolkning_16_66 * k.ikke_vestlig_andel END AS befolkning) b,
	 LATERAL (SELECT b.befolkning, b.befolkning * g.andel
					 * (0.8 + 0.4 * pg_temp.u('ptva02' || k.kode || g.gruppe))
					 * (1 + (0.5 - k.styrke) * 0.04 * (a.y - 2018))
					 * CASE h.herkomst WHEN 'I alt' THEN 1
						   ELSE 1.4 + 1.4 * pg_temp.u('ptva02nv' || k.kode) - 0.4 * k.styrke END AS fuldtid) f;

-- PTVC01 (yearly): activation by benefit group, origin and offer.
CREATE TABLE jobindsats.ptvc01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Herkomst" text NOT NULL,
	"Tilbud" text NOT NULL,
	"Antal aktiverede" numeric,
	"Antal fuldtidsaktiverede" numeric
);
COMMENT ON TABLE jobindsats.ptvc01 IS
'SYNTETISKE DATA: tilbud (activation, yearly), shaped like the jobindsats table PTVC01 with a Tilbud dimension: made-up numbers';
INSERT INTO jobindsats.ptvc01
SELECT a.y::text, pg_temp.omraade(k.navn, 'ptvc01'), g.gruppe, h.herkomst, t.tilbud,
	   CASE WHEN NOT pg_temp.suppressed('ptvc01' || k.kode || a.y || g.gruppe || h.herkomst || t.tilbud, n) THEN round(n) END,
	   CASE WHEN NOT pg_temp.suppressed('ptvc01' || k.kode || a.y || g.gruppe || h.herkomst || t.tilbud, n) THEN round(n * 0.45) END
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES ('Alle ydelsesgrupper', 0.05), ('Uddannelseshjælp', 0.0045), ('Aktivitetsparate kontanthjælpsmodtagere', 0.0022),
			 ('Ressourceforløb', 0.01)) g(gruppe, andel),
	 (VALUES ('I alt', 1.0), ('Ikke-vestlige indvandrere', 0.0)) h(herkomst, alle),
	 (VALUES ('I alt', 1.0), ('Vejledning og opkvalificering', 0.35), ('Virksomhedspraktik', 0.2), ('Løntilskud', 0.1)) t(tilbud, del),
	 LATERAL (SELECT k.befolkning_16_66 * g.andel * t.del
					 * (0.55 + 0.5 * k.styrke + 0.4 * pg_temp.u('ptvc01' || k.kode || g.gruppe || t.tilbud || a.y))
					 * CASE WHEN h.alle = 1 THEN 1 ELSE 2.2 * k.ikke_vestlig_andel * (0.6 + 0.8 * pg_temp.u('ptvc01nv' || k.kode || a.y)) END AS n) x;

-- Y01C01 (yearly): offers to recipients of dagpenge.
CREATE TABLE jobindsats.y01c01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Tilbud" text NOT NULL,
	"Antal personer" numeric
);
COMMENT ON TABLE jobindsats.y01c01 IS
'SYNTETISKE DATA: tilbud til dagpengemodtagere (yearly), shaped like the jobindsats table Y01C01: made-up numbers';
INSERT INTO jobindsats.y01c01
SELECT a.y::text, k.navn, t.tilbud,
	   CASE WHEN NOT pg_temp.suppressed('y01c01' || k.kode || a.y || t.tilbud, n) THEN round(n) END
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES ('I alt', 1.0), ('Ordinær uddannelse', 0.15), ('Opkvalificeringsforløb', 0.3),
			 ('Virksomhedspraktik', 0.25), ('Løntilskud', 0.15)) t(tilbud, del),
	 LATERAL (SELECT k.befolkning_16_66 * 0.025 * 0.45 * t.del
					 * (0.5 + 0.6 * k.styrke + 0.5 * pg_temp.u('y01c01' || k.kode || t.tilbud || a.y)) AS n) x;

-- OTIJ01 (yearly): ordinary hours among cash-benefit recipients.
CREATE TABLE jobindsats.otij01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Målgruppe" text NOT NULL,
	"Antal personer i alt" numeric,
	"Antal personer med ordinære timer" numeric,
	"Andel med ordinære timer (pct.)" numeric,
	"Timer pr. person" numeric
);
COMMENT ON TABLE jobindsats.otij01 IS
'SYNTETISKE DATA: ordinære timer (yearly), shaped like the jobindsats table OTIJ01: made-up numbers';
INSERT INTO jobindsats.otij01
SELECT a.y::text, k.navn, 'Kontanthjælp', g.maalgruppe,
	   CASE WHEN NOT pg_temp.suppressed('otij01a' || k.kode || a.y || g.maalgruppe, n) THEN round(n) END,
	   CASE WHEN NOT pg_temp.suppressed('otij01b' || k.kode || a.y || g.maalgruppe, n * s) THEN round(n * s) END,
	   round((100 * s)::numeric, 1),
	   round((8 + 20 * pg_temp.u('otij01t' || k.kode || a.y))::numeric, 1)
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES ('Aktivitetsparate kontanthjælpsmodtagere', 0.011), ('Jobparate kontanthjælpsmodtagere', 0.005)) g(maalgruppe, andel),
	 LATERAL (SELECT k.befolkning_16_66 * g.andel * (0.8 + 0.4 * pg_temp.u('otij01' || k.kode || g.maalgruppe)) AS n,
					 0.04 + 0.08 * k.styrke + 0.06 * pg_temp.u('otij01s' || k.kode || a.y || g.maalgruppe) AS s) x;
-- uddannelseshjælp recipients with ordinary hours (all target groups)
INSERT INTO jobindsats.otij01
SELECT a.y::text, k.navn, 'Uddannelseshjælp', 'I alt',
	   CASE WHEN NOT pg_temp.suppressed('otij01a' || k.kode || a.y || 'Uddannelseshjælp', n) THEN round(n) END,
	   CASE WHEN NOT pg_temp.suppressed('otij01b' || k.kode || a.y || 'Uddannelseshjælp', n * s) THEN round(n * s) END,
	   round((100 * s)::numeric, 1),
	   round((6 + 16 * pg_temp.u('otij01tu' || k.kode || a.y))::numeric, 1)
FROM jobindsats.sample_kommune k, aar a,
	 LATERAL (SELECT k.befolkning_16_66 * 0.008 * (0.8 + 0.4 * pg_temp.u('otij01' || k.kode || 'Uddannelseshjælp')) AS n,
					 0.06 + 0.10 * k.styrke + 0.08 * pg_temp.u('otij01s' || k.kode || a.y || 'Uddannelseshjælp') AS s) x;

-- Y14D03 (yearly): employment after 26 weeks of unemployment.
CREATE TABLE jobindsats.y14d03 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Ydelsesgrupper" text NOT NULL,
	"Virksomhedsrettede tilbud" text NOT NULL,
	"Målgruppe" text NOT NULL,
	"Antal afsluttede forløb" numeric,
	"Efterfølgende beskæftigelse" numeric,
	"Beskæftigelsesgrad (pct.)" numeric
);
COMMENT ON TABLE jobindsats.y14d03 IS
'SYNTETISKE DATA: ydelse til job (yearly), shaped like the jobindsats table Y14D03: made-up numbers';
INSERT INTO jobindsats.y14d03
SELECT a.y::text, k.navn, g.gruppe, 'I alt', 'Ledige i 26 uger',
	   CASE WHEN NOT pg_temp.suppressed('y14d03a' || k.kode || a.y || g.gruppe, n) THEN round(n) END,
	   CASE WHEN NOT pg_temp.suppressed('y14d03b' || k.kode || a.y || g.gruppe, n * s) THEN round(n * s) END,
	   round((100 * s)::numeric, 1)
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES ('Dagpenge', 0.006), ('Jobparate kontanthjælpsmodtagere', 0.002)) g(gruppe, andel),
	 LATERAL (SELECT k.befolkning_16_66 * g.andel * (0.7 + 0.6 * pg_temp.u('y14d03' || k.kode || g.gruppe || a.y)) AS n,
					 0.25 + 0.2 * k.styrke + 0.15 * pg_temp.u('y14d03s' || k.kode || a.y || g.gruppe) AS s) x;

-- Y25I01, Y25I09, Y25I07 (monthly): unemployed, long-term unemployed, job postings.
CREATE TABLE jobindsats.y25i01 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Antal ledige fuldtidspersoner" numeric
);
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
	"Antal nyopslåede stillinger" numeric
);
COMMENT ON TABLE jobindsats.y25i01 IS
'SYNTETISKE DATA: ledige fuldtidspersoner (monthly), shaped like the jobindsats table Y25I01: made-up numbers';
COMMENT ON TABLE jobindsats.y25i09 IS
'SYNTETISKE DATA: langtidsledige (monthly) by Ydelsesgrupper (Ydelsesgrupper i alt, A-dagpenge, Jobparate kontanthjælpsmodtagere), A-kasse = I alt, shaped like the jobindsats table Y25I09: made-up numbers';
COMMENT ON TABLE jobindsats.y25i07 IS
'SYNTETISKE DATA: nyopslåede stillinger (monthly), shaped like the jobindsats table Y25I07: made-up numbers';
CREATE TEMP TABLE ledige AS
SELECT k.kode, k.navn, m.periode, m.y,
	   d.fuldtid * 1.1 AS ledige,
	   k.befolkning_16_66 * 0.006 * (0.6 + 0.5 * k.styrke + 0.5 * pg_temp.u('opslag' || k.kode || m.y))
	   * (0.9 + 0.2 * pg_temp.u('opslag' || k.kode || m.periode)) AS opslag
FROM jobindsats.sample_kommune k JOIN maaned m ON true
JOIN ydelse_maaned d ON d.tbl = 'y01a02' AND d.kode = k.kode AND d.periode = m.periode;
INSERT INTO jobindsats.y25i01
SELECT periode, pg_temp.omraade(navn, 'y25i01'),
	   CASE WHEN NOT pg_temp.suppressed('y25i01' || kode || periode, ledige, 0.0005) THEN round(ledige) END FROM ledige
UNION ALL
SELECT periode, 'RAR Sydjylland', round(sum(ledige)) FROM ledige
WHERE navn IN ('Haderslev', 'Billund', 'Sønderborg', 'Tønder', 'Esbjerg', 'Fanø', 'Varde', 'Vejen', 'Aabenraa') GROUP BY periode;
-- Y25I09 by benefit group: gross unemployed persons (bruttoledige) and the
-- long-term unemployed among them, for A-dagpenge and job-ready kontanthjælp
-- recipients, and their sum as "Ydelsesgrupper i alt"; the share is computed
-- from the unrounded counts and left empty when a count is suppressed.
CREATE TEMP TABLE langtid AS
SELECT l.kode, l.navn, l.periode, g.gruppe,
	   g.brutto_pr_fuldtid * CASE g.gruppe WHEN 'A-dagpenge' THEN d.fuldtid ELSE k.fuldtid END AS brutto,
	   g.brutto_pr_fuldtid * CASE g.gruppe WHEN 'A-dagpenge' THEN d.fuldtid ELSE k.fuldtid END
	   * (g.basis + 0.15 * (1 - s.styrke) + 0.08 * pg_temp.u('lang' || g.gruppe || l.kode || l.periode)) AS langtid
FROM ledige l
JOIN jobindsats.sample_kommune s ON s.kode = l.kode
JOIN ydelse_maaned d ON d.tbl = 'y01a02' AND d.kode = l.kode AND d.periode = l.periode
JOIN ydelse_maaned k ON k.tbl = 'y60a02' AND k.kode = l.kode AND k.periode = l.periode
CROSS JOIN (VALUES ('A-dagpenge', 1.3, 0.10), ('Jobparate kontanthjælpsmodtagere', 0.45, 0.18)) g(gruppe, brutto_pr_fuldtid, basis);
INSERT INTO langtid
SELECT kode, navn, periode, 'Ydelsesgrupper i alt', sum(brutto), sum(langtid) FROM langtid GROUP BY kode, navn, periode;
INSERT INTO jobindsats.y25i09
SELECT periode, pg_temp.omraade(navn, 'y25i09'), gruppe, 'I alt',
	   CASE WHEN NOT pg_temp.suppressed('y25i09' || gruppe || kode || periode, langtid * 0.9, 0.0005) THEN round(langtid * 0.9) END,
	   CASE WHEN NOT lt THEN round(langtid) END,
	   CASE WHEN NOT bt THEN round(brutto) END,
	   CASE WHEN NOT lt AND NOT bt THEN round((100 * langtid / brutto)::numeric, 1) END
FROM (SELECT *, pg_temp.suppressed('y25i09p' || gruppe || kode || periode, langtid, 0.0005) AS lt,
			 pg_temp.suppressed('y25i09b' || gruppe || kode || periode, brutto, 0.0005) AS bt
	  FROM langtid) x;
INSERT INTO jobindsats.y25i07
SELECT periode, pg_temp.omraade(navn, 'y25i07'),
	   CASE WHEN NOT pg_temp.suppressed('y25i07' || kode || periode, opslag, 0.0005) THEN round(opslag) END FROM ledige;

-- Y38B15 (yearly): status three months after leaving the jobcentre, young people on uddannelseshjælp.
CREATE TABLE jobindsats.y38b15 (
	"Periode" text NOT NULL,
	"Område" text NOT NULL,
	"Status" text NOT NULL,
	"Andel (pct.)" numeric
);
COMMENT ON TABLE jobindsats.y38b15 IS
'SYNTETISKE DATA: status 3 måneder efter afgang, uddannelseshjælp (yearly), shaped like the jobindsats table Y38B15: made-up numbers';
INSERT INTO jobindsats.y38b15
SELECT a.y::text, k.navn, s.status,
	   CASE WHEN pg_temp.u('suppress' || 'y38b15' || k.kode || a.y) >= 0.005 AND k.befolkning_16_66 > 2500 THEN
		   round((CASE s.status WHEN 'Beskæftigelse' THEN 100 * x.job
							   WHEN 'Uddannelse' THEN 100 * x.udd
							   WHEN 'Anden selvforsørgelse' THEN 100 * x.anden
							   ELSE 100 * (1 - x.job - x.udd - x.anden) END)::numeric, 1) END
FROM jobindsats.sample_kommune k, aar a,
	 (VALUES ('Beskæftigelse'), ('Uddannelse'), ('Anden selvforsørgelse'), ('Offentlig forsørgelse')) s(status),
	 LATERAL (SELECT 0.15 + 0.1 * k.styrke + 0.1 * pg_temp.u('y38b15j' || k.kode || a.y) AS job,
					 0.10 + 0.08 * pg_temp.u('y38b15u' || k.kode || a.y) AS udd,
					 0.03 + 0.03 * pg_temp.u('y38b15a' || k.kode || a.y) AS anden) x;

-- User-supplied surveys (not jobindsats): DI's business climate survey
-- (yearly), partial return to work (yearly) and the citizen survey (every
-- third year, only in some municipalities).
CREATE TABLE brugerdata.di_erhvervsklima (
	"Kommune" text NOT NULL,
	"År" integer NOT NULL,
	"Jobcentrets service over for virksomhederne (karakter 1-5)" numeric
);
COMMENT ON TABLE brugerdata.di_erhvervsklima IS
'SYNTETISKE DATA: businesses'' rating of the jobcentre, shaped like DI''s "Lokalt Erhvervsklima": made-up numbers';
INSERT INTO brugerdata.di_erhvervsklima
SELECT pg_temp.omraade(k.navn, 'di'), a.y,
	   CASE WHEN pg_temp.u('di-svar' || k.kode || a.y) >= 0.01 THEN
		   round((2.6 + 1.0 * k.styrke + 0.9 * pg_temp.u('di' || k.kode || a.y))::numeric, 2) END
FROM jobindsats.sample_kommune k, aar a;

CREATE TABLE brugerdata.delvis_raskmelding (
	"Kommune" text NOT NULL,
	"År" integer NOT NULL,
	"Sygemeldte med delvis raskmelding (pct.)" numeric
);
COMMENT ON TABLE brugerdata.delvis_raskmelding IS
'SYNTETISKE DATA: share of sick-listed with partial return to work (the municipality''s own figures): made-up numbers';
INSERT INTO brugerdata.delvis_raskmelding
SELECT k.navn, a.y, round((18 + 10 * k.styrke + 14 * pg_temp.u('delvis' || k.kode || a.y))::numeric, 1)
FROM jobindsats.sample_kommune k, aar a;

CREATE TABLE brugerdata.borgertilfredshed (
	"Kommune" text NOT NULL,
	"År" integer NOT NULL,
	"Andel tilfredse borgere (pct.)" numeric
);
COMMENT ON TABLE brugerdata.borgertilfredshed IS
'SYNTETISKE DATA: citizen survey (every third year, some municipalities only): made-up numbers';
INSERT INTO brugerdata.borgertilfredshed
SELECT k.navn, y, round((62 + 15 * k.styrke + 15 * pg_temp.u('borger' || k.kode || y))::numeric, 1)
FROM jobindsats.sample_kommune k, (VALUES (2019), (2022)) a(y)
WHERE k.navn IN ('Sønderborg', 'Aabenraa', 'Haderslev', 'Tønder') OR pg_temp.u('borger' || k.kode) < 0.2;

ANALYZE;
RESET client_min_messages;
