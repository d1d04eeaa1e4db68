-- Sources of the example targets shipped with benchmark (the measurable
-- targets of the employment plans of Aabenraa 2019 and 2022, Tønder 2024,
-- Sønderborg 2016-2018 and Sønderborg 2023-2026): views returning (kommune, period, value), some also
-- numerator and denominator for pooled peer averages.  Load after
-- sample_jobindsats.sql and sample_sources.sql (load_sample.sql does).
--
-- Some views map the SYNTHETIC sample tables of sample_jobindsats.sql.  Where
-- the sample lacks what a target follows (age groups, durations, years before
-- 2018, 2024, data from outside jobindsats), table target_sources.syntetiske_tal
-- holds a small SYNTHETIC series for it, made by a deterministic generator
-- (md5-based, same numbers on every run).  NOT REAL DATA: do not quote it.

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS target_sources CASCADE;
CREATE SCHEMA target_sources;
COMMENT ON SCHEMA target_sources IS
'Sources of the example targets: views over the sample data and SYNTETISKE DATA (synthetic series) where the sample lacks a measure';

-- u(key): a deterministic pseudo-random number in [0, 1) from the md5 of key.
CREATE FUNCTION pg_temp.u_target(key text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT
RETURN ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0;

CREATE TABLE target_sources.syntetiske_tal (
	serie text NOT NULL,
	kommune text NOT NULL,
	aar integer NOT NULL,
	vaerdi numeric,
	PRIMARY KEY (serie, kommune, aar)
);
COMMENT ON TABLE target_sources.syntetiske_tal IS
'SYNTETISKE DATA: made-up yearly series for the example targets where the sample data lack a measure; not real figures';

INSERT INTO target_sources.syntetiske_tal
SELECT s.serie, k.navn, y,
	   CASE s.serie
		   -- share of citizens in the integration programme who support themselves (pct.)
		   WHEN 'integration_selvforsoergende' THEN
			   round((42 + 22 * k.styrke + 12 * pg_temp.u_target(s.serie || k.kode || y) + 1.5 * (y - 2018))::numeric, 1)
		   -- full-time persons under 30 on uddannelseshjælp and ressourceforløb
		   WHEN 'unge_uddannelseshjaelp_ressourceforloeb' THEN
			   round((k.befolkning_16_66 * 0.0065 * (0.8 + 0.4 * pg_temp.u_target(s.serie || k.kode))
					  * (1 - (k.styrke - 0.35) * 0.05 * (y - 2018)) * (0.96 + 0.08 * pg_temp.u_target(s.serie || k.kode || y)))::numeric)
		   -- full-time persons 30 and over among activity-ready kontanthjælp recipients
		   WHEN 'aktivitetsparate_over_30' THEN
			   round((k.befolkning_16_66 * 0.0068 * (0.8 + 0.4 * pg_temp.u_target(s.serie || k.kode))
					  * (1 - (k.styrke - 0.4) * 0.04 * (y - 2018)) * (0.96 + 0.08 * pg_temp.u_target(s.serie || k.kode || y)))::numeric)
		   -- adult-apprentice agreements made in the year
		   WHEN 'voksenlaerlinge' THEN
			   round((k.befolkning_16_66 * 0.0016 * (0.7 + 0.6 * pg_temp.u_target(s.serie || k.kode || y)))::numeric)
		   -- unemployed placed in a job by the jobcentre's recruitment service
		   WHEN 'jobformidling' THEN
			   round((k.befolkning_16_66 * 0.0055 * (0.6 + 0.5 * k.styrke + 0.4 * pg_temp.u_target(s.serie || k.kode || y)))::numeric)
		   -- persons on a-dagpenge for more than 12 months (yearly mean)
		   WHEN 'dagpenge_over_12_maaneder' THEN
			   round((k.befolkning_16_66 * 0.0045 * (0.7 + 0.6 * pg_temp.u_target(s.serie || k.kode))
					  * (ARRAY[1.00, 0.88, 0.78, 0.70, 0.66, 0.80, 0.85, 0.62, 0.60])[y - 2014]
					  * (1 - (k.styrke - 0.5) * 0.1 * (y - 2015)))::numeric)
		   -- sygedagpenge full-time persons before 2018, relative to 2018 (filled in below)
		   WHEN 'sygedagpenge_foer_2018' THEN
			   (1 + (2018 - y) * 0.03 * (pg_temp.u_target(s.serie || k.kode) - 0.4))::numeric(6, 4)
		   -- persons on uddannelseshjælp for more than 12 months (yearly mean)
		   WHEN 'uddannelseshjaelp_over_12_maaneder' THEN
			   round((k.befolkning_16_66 * 0.0030 * (0.7 + 0.6 * pg_temp.u_target(s.serie || k.kode))
					  * (ARRAY[1.00, 0.90, 0.82, 0.74])[y - 2014]
					  * (1 - (k.styrke - 0.5) * 0.1 * (y - 2015)))::numeric)
		   -- persons on ledighedsydelse for more than 12 months (yearly mean)
		   WHEN 'ledighedsydelse_over_12_maaneder' THEN
			   round((k.befolkning_16_66 * 0.0012 * (0.7 + 0.6 * pg_temp.u_target(s.serie || k.kode))
					  * (ARRAY[1.00, 0.93, 0.85, 0.80])[y - 2014]
					  * (1 - (k.styrke - 0.5) * 0.1 * (y - 2015)))::numeric)
		   -- activation rate of kontanthjælp recipients, pct. (full-time activated / full-time recipients)
		   WHEN 'aktiveringsgrad_kontanthjaelp' THEN
			   round((22 + 10 * k.styrke + 6 * pg_temp.u_target(s.serie || k.kode || y) + 0.3 * (y - 2015))::numeric, 1)
		   -- share of those in the integration period in active offers who are in a company-directed offer, pct.
		   WHEN 'integration_virksomhedsvendt' THEN
			   round((55 + 25 * k.styrke + 12 * pg_temp.u_target(s.serie || k.kode || y))::numeric, 1)
		   -- kontanthjælp persons before 2018, relative to 2018 (filled in below)
		   WHEN 'kontanthjaelp_foer_2018' THEN
			   (1 + (2018 - y) * 0.06 * (pg_temp.u_target(s.serie || k.kode) - 0.2))::numeric(6, 4)
		   -- uddannelseshjælp recipients (as OTIJ01 "Antal personer i alt"), and those with ordinary hours
		   WHEN 'uddannelseshjaelp_personer_i_alt' THEN
			   round((k.befolkning_16_66 * 0.008 * (0.8 + 0.4 * pg_temp.u_target('otij01' || k.kode || 'Uddannelseshjælp')))::numeric)
		   WHEN 'uddannelseshjaelp_med_ordinaere_timer' THEN
			   round((k.befolkning_16_66 * 0.008 * (0.8 + 0.4 * pg_temp.u_target('otij01' || k.kode || 'Uddannelseshjælp'))
					  * (0.06 + 0.10 * k.styrke + 0.08 * pg_temp.u_target('otij01s' || k.kode || y || 'Uddannelseshjælp')))::numeric)
		   -- ressourceforløb persons before 2018, relative to 2018 (filled in below)
		   WHEN 'ressourceforloeb_foer_2018' THEN
			   (1 - (2018 - y) * 0.08 * pg_temp.u_target(s.serie || k.kode))::numeric(6, 4)
	   END
FROM jobindsats.sample_kommune k
JOIN (VALUES ('integration_selvforsoergende', 2018, 2024), ('unge_uddannelseshjaelp_ressourceforloeb', 2018, 2024),
			 ('aktivitetsparate_over_30', 2018, 2024), ('voksenlaerlinge', 2018, 2024), ('jobformidling', 2018, 2024),
			 ('dagpenge_over_12_maaneder', 2015, 2023), ('sygedagpenge_foer_2018', 2015, 2017),
			 ('uddannelseshjaelp_over_12_maaneder', 2015, 2018), ('ledighedsydelse_over_12_maaneder', 2015, 2018),
			 ('aktiveringsgrad_kontanthjaelp', 2015, 2018), ('integration_virksomhedsvendt', 2016, 2018),
			 ('kontanthjaelp_foer_2018', 2015, 2017), ('ressourceforloeb_foer_2018', 2015, 2017),
			 ('uddannelseshjaelp_personer_i_alt', 2018, 2023), ('uddannelseshjaelp_med_ordinaere_timer', 2018, 2023)) s(serie, fra, til) ON true
CROSS JOIN LATERAL generate_series(s.fra, s.til) y;

-- sygedagpenge 2015-2017: the 2018 level of the sample times the factor above
UPDATE target_sources.syntetiske_tal t
SET vaerdi = round(t.vaerdi * s.value)
FROM model_sources.ydelse_sygedagpenge s
WHERE t.serie = 'sygedagpenge_foer_2018' AND s.kommune = t.kommune AND s.period = '2018';
DELETE FROM target_sources.syntetiske_tal t
WHERE t.serie = 'sygedagpenge_foer_2018'
  AND NOT EXISTS (SELECT 1 FROM model_sources.ydelse_sygedagpenge s WHERE s.kommune = t.kommune AND s.period = '2018' AND s.value IS NOT NULL);

DO $$
DECLARE
	s record;
BEGIN
	FOR s IN SELECT * FROM (VALUES
		('integration_selvforsoergende', 'Share of citizens in the integration programme who support themselves, pct.'),
		('unge_uddannelseshjaelp_ressourceforloeb', 'Full-time persons under 30 on uddannelseshjælp and ressourceforløb'),
		('aktivitetsparate_over_30', 'Full-time persons 30 and over among activity-ready kontanthjælp recipients'),
		('voksenlaerlinge', 'Adult-apprentice agreements made in the year'),
		('jobformidling', 'Unemployed placed in a job by the jobcentre''s recruitment service'),
		('dagpenge_over_12_maaneder', 'Persons on a-dagpenge for more than 12 months, yearly mean'),
		('uddannelseshjaelp_over_12_maaneder', 'Persons on uddannelseshjælp for more than 12 months, yearly mean'),
		('ledighedsydelse_over_12_maaneder', 'Persons on ledighedsydelse for more than 12 months, yearly mean'),
		('aktiveringsgrad_kontanthjaelp', 'Activation rate of kontanthjælp recipients, pct.'),
		('integration_virksomhedsvendt', 'Share of those in the three-year integration period in active offers who are in a company-directed offer, pct.')) v(serie, what)
	LOOP
		EXECUTE format('CREATE VIEW target_sources.%I AS SELECT kommune, aar::text AS period, vaerdi AS value FROM target_sources.syntetiske_tal WHERE serie = %L',
					   s.serie, s.serie);
		EXECUTE format('COMMENT ON VIEW target_sources.%I IS %L', s.serie, 'SYNTETISKE DATA: ' || s.what || ' (made up, not real figures)');
	END LOOP;
END $$;

CREATE VIEW target_sources.sygedagpenge_fuldtid AS
SELECT kommune, aar::text AS period, vaerdi AS value FROM target_sources.syntetiske_tal WHERE serie = 'sygedagpenge_foer_2018'
UNION ALL
SELECT kommune, period, value FROM model_sources.ydelse_sygedagpenge;
COMMENT ON VIEW target_sources.sygedagpenge_fuldtid IS
'Sygedagpenge full-time persons per year: the sample''s Y07A02 from 2018 (model_sources.ydelse_sygedagpenge) and SYNTETISKE DATA for 2015-2017';

-- Persons per year (yearly mean of the twelve months of "Antal personer")
-- before 2018 made up from the 2018 level of the sample times a factor.
CREATE FUNCTION pg_temp.personer_aar(tbl regclass, extra text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
	EXECUTE format($v$
		CREATE TEMP VIEW personer_%s AS
		SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			   CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS value
		FROM %s WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt' %s AND model_sources.kommune("Område") IS NOT NULL
		GROUP BY 1, 2$v$, replace(tbl::text, 'jobindsats.', ''), tbl, extra);
END $f$;
SELECT FROM pg_temp.personer_aar('jobindsats.y60a02', 'AND "Visitationskategori" = ''Visitationskategori i alt''');
SELECT FROM pg_temp.personer_aar('jobindsats.y11a02', '');
UPDATE target_sources.syntetiske_tal t
SET vaerdi = round(t.vaerdi * s.value)
FROM personer_y60a02 s
WHERE t.serie = 'kontanthjaelp_foer_2018' AND s.kommune = t.kommune AND s.period = '2018';
UPDATE target_sources.syntetiske_tal t
SET vaerdi = round(t.vaerdi * s.value)
FROM personer_y11a02 s
WHERE t.serie = 'ressourceforloeb_foer_2018' AND s.kommune = t.kommune AND s.period = '2018';
DELETE FROM target_sources.syntetiske_tal t
WHERE t.serie IN ('kontanthjaelp_foer_2018', 'ressourceforloeb_foer_2018')
  AND NOT EXISTS (SELECT 1 FROM personer_y60a02 s WHERE t.serie = 'kontanthjaelp_foer_2018' AND s.kommune = t.kommune AND s.period = '2018' AND s.value IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM personer_y11a02 s WHERE t.serie = 'ressourceforloeb_foer_2018' AND s.kommune = t.kommune AND s.period = '2018' AND s.value IS NOT NULL);

CREATE VIEW target_sources.kontanthjaelp_personer AS
SELECT kommune, aar::text AS period, vaerdi AS value FROM target_sources.syntetiske_tal WHERE serie = 'kontanthjaelp_foer_2018'
UNION ALL
SELECT model_sources.kommune(k."Område"), left(k."Periode", 4),
	   CASE WHEN count(k."Antal personer") = 12 THEN avg(k."Antal personer") END
FROM jobindsats.y60a02 k
WHERE k."Køn" = 'Køn i alt' AND k."Herkomst" = 'Herkomst i alt' AND k."Visitationskategori" = 'Visitationskategori i alt' AND model_sources.kommune(k."Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW target_sources.kontanthjaelp_personer IS
'Persons on kontanthjælp (job- and activity-ready) per year, mean of the months: the sample''s Y60A02 "Antal personer" from 2018 and SYNTETISKE DATA for 2015-2017';

CREATE VIEW target_sources.ressourceforloeb_personer AS
SELECT kommune, aar::text AS period, vaerdi AS value FROM target_sources.syntetiske_tal WHERE serie = 'ressourceforloeb_foer_2018'
UNION ALL
SELECT model_sources.kommune(r."Område"), left(r."Periode", 4),
	   CASE WHEN count(r."Antal personer") = 12 THEN avg(r."Antal personer") END
FROM jobindsats.y11a02 r
WHERE r."Køn" = 'Køn i alt' AND r."Herkomst" = 'Herkomst i alt' AND model_sources.kommune(r."Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW target_sources.ressourceforloeb_personer IS
'Persons in ressourceforløb per year, mean of the months: the sample''s Y11A02 "Antal personer" from 2018 and SYNTETISKE DATA for 2015-2017';

-- Views over the sample tables.
CREATE VIEW target_sources.langtidsledige_jobparate_kontanthjaelp AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal langtidsledige personer") = 12 AND count("Antal bruttoledige personer") = 12
			THEN 100 * sum("Antal langtidsledige personer") / NULLIF(sum("Antal bruttoledige personer"), 0) END AS value,
	   CASE WHEN count("Antal langtidsledige personer") = 12 AND count("Antal bruttoledige personer") = 12
			THEN sum("Antal langtidsledige personer") END AS numerator,
	   CASE WHEN count("Antal langtidsledige personer") = 12 AND count("Antal bruttoledige personer") = 12
			THEN sum("Antal bruttoledige personer") END AS denominator
FROM jobindsats.y25i09
WHERE "Ydelsesgrupper" = 'Jobparate kontanthjælpsmodtagere' AND "A-kasse" = 'A-kasse i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW target_sources.langtidsledige_jobparate_kontanthjaelp IS
'Long-term unemployed in per cent of gross unemployed job-ready kontanthjælp recipients: Y25I09 (Ydelsesgrupper = Jobparate kontanthjælpsmodtagere) "Antal langtidsledige personer" / "Antal bruttoledige personer", sums of the twelve months (sample data)';

-- uddannelseshjælp recipients with ordinary hours: the sample's OTIJ01 holds
-- kontanthjælp only, so both counts are synthetic series
CREATE VIEW target_sources.uddannelseshjaelp_ordinaere_timer AS
SELECT i.kommune, i.aar::text AS period,
	   100 * t.vaerdi / NULLIF(i.vaerdi, 0) AS value, t.vaerdi AS numerator, i.vaerdi AS denominator
FROM target_sources.syntetiske_tal i
JOIN target_sources.syntetiske_tal t ON t.serie = 'uddannelseshjaelp_med_ordinaere_timer' AND t.kommune = i.kommune AND t.aar = i.aar
WHERE i.serie = 'uddannelseshjaelp_personer_i_alt';
COMMENT ON VIEW target_sources.uddannelseshjaelp_ordinaere_timer IS
'SYNTETISKE DATA: uddannelseshjælp recipients with ordinary hours in per cent of all uddannelseshjælp recipients, as OTIJ01 "Antal personer med ordinære timer" / "Antal personer i alt" would give it (made up, not real figures)';

CREATE VIEW target_sources.uddannelsesloeft AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS value
FROM jobindsats.y01c01
WHERE "A-kasse" = 'A-kasse i alt' AND "Tilbud" = 'Ordinær uddannelse i alt' AND model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW target_sources.uddannelsesloeft IS
'A-dagpenge recipients in ordinary education (Y01C01 "Antal aktiverede", Tilbud = Ordinær uddannelse i alt), the offer an uddannelsesløft gives (sample data)';

CREATE VIEW target_sources.ressourceforloeb_virksomhedsrettet AS
SELECT v.kommune, v.period, 100 * v.n / NULLIF(r.value, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 CASE WHEN count("Antal aktiverede") = 2 THEN sum("Antal aktiverede") END AS n
	  FROM jobindsats.ptvc02
	  WHERE "Ydelsesgrupper" = 'Ressourceforløb' AND "Alder" = 'Alder i alt' AND "Tilbud" IN ('Virksomhedspraktik', 'Løntilskud')
	  GROUP BY 1, 2) v
JOIN target_sources.ressourceforloeb_personer r USING (kommune, period)
WHERE v.kommune IS NOT NULL;
COMMENT ON VIEW target_sources.ressourceforloeb_virksomhedsrettet IS
'Persons in ressourceforløb in a company-directed offer (PTVC02 "Antal aktiverede", Tilbud = Virksomhedspraktik, Løntilskud) in per cent of persons in ressourceforløb (Y11A02, yearly mean) (sample data)';

CREATE VIEW target_sources.virksomhedsrettet_aktivering AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   CASE WHEN count(*) FILTER (WHERE "Tilbud" IN ('Virksomhedspraktik', 'Løntilskud') AND "Antal aktiverede" IS NOT NULL) = 2
			THEN 100 * sum("Antal aktiverede") FILTER (WHERE "Tilbud" IN ('Virksomhedspraktik', 'Løntilskud'))
				 / NULLIF(sum("Antal aktiverede") FILTER (WHERE "Tilbud" = 'Tilbud i alt'), 0) END AS value
FROM jobindsats.ptvc02
WHERE "Ydelsesgrupper" = 'Ydelsesgrupper i alt' AND "Alder" = 'Alder i alt' AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW target_sources.virksomhedsrettet_aktivering IS
'Company-directed share of activation: PTVC02 "Antal aktiverede", Tilbud = Virksomhedspraktik + Løntilskud, in per cent of Tilbud i alt, Ydelsesgrupper i alt (sample data)';

CREATE VIEW target_sources.kontant_og_uddannelseshjaelp AS
SELECT model_sources.kommune(k."Område") AS kommune, k."Periode" AS period, k."Antal personer" + u."Antal personer" AS value
FROM jobindsats.y60a02 k
JOIN jobindsats.y38a02 u ON u."Periode" = k."Periode" AND u."Område" = k."Område"
WHERE k."Køn" = 'Køn i alt' AND k."Herkomst" = 'Herkomst i alt' AND k."Visitationskategori" = 'Visitationskategori i alt'
  AND u."Køn" = 'Køn i alt' AND u."Herkomst" = 'Herkomst i alt' AND u."Visitationskategori" = 'Visitationskategori i alt'
  AND model_sources.kommune(k."Område") IS NOT NULL;
COMMENT ON VIEW target_sources.kontant_og_uddannelseshjaelp IS
'Persons on kontanthjælp (Y60A02) plus uddannelseshjælp (Y38A02), "Antal personer" per month (sample data)';

CREATE VIEW target_sources.sygedagpenge_jobafklaring AS
SELECT s.kommune, s.period, 100 * (s.value + j.value) / NULLIF(b.value, 0) AS value,
	   s.value + j.value AS numerator, b.value AS denominator
FROM model_sources.ydelse_sygedagpenge s
JOIN model_sources.ydelse_jobafklaring j USING (kommune, period)
JOIN model_sources.befolkning_16_66 b USING (kommune, period);
COMMENT ON VIEW target_sources.sygedagpenge_jobafklaring IS
'Full-time persons on sygedagpenge (Y07A02) and jobafklaring (Y12A02), yearly means, in per cent of the population 16-66 (PTVA02); numerator and denominator for pooled averages (sample data)';

CREATE VIEW target_sources.offentlig_forsoergelse AS
SELECT kommune, period, CASE WHEN count(value) = 11 THEN sum(value) END AS value
FROM (SELECT * FROM model_sources.ydelse_dagpenge
	  UNION ALL SELECT * FROM model_sources.ydelse_kontanthjaelp
	  UNION ALL SELECT * FROM model_sources.ydelse_uddannelseshjaelp
	  UNION ALL SELECT * FROM model_sources.ydelse_revalidering
	  UNION ALL SELECT * FROM model_sources.ydelse_integration
	  UNION ALL SELECT * FROM model_sources.ydelse_sygedagpenge
	  UNION ALL SELECT * FROM model_sources.ydelse_jobafklaring
	  UNION ALL SELECT * FROM model_sources.ydelse_ressourceforloeb
	  UNION ALL SELECT * FROM model_sources.ydelse_ledighedsydelse
	  UNION ALL SELECT * FROM model_sources.ydelse_fleksjob
	  UNION ALL SELECT * FROM model_sources.ydelse_foertidspension) y
GROUP BY kommune, period;
COMMENT ON VIEW target_sources.offentlig_forsoergelse IS
'Full-time persons on public support incl. førtidspension: the sum of the eleven benefits of the model''s goal, yearly means (NULL when one is missing; sample data)';

ANALYZE target_sources.syntetiske_tal;
RESET client_min_messages;
