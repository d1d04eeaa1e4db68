-- The mapping from jobindsats tables to the sources of the shipped model
-- sonderborg-2023: one view per measure and per benefit, each returning
-- (kommune, period, value), here over the SYNTHETIC sample tables of
-- sample_jobindsats.sql (wide tables laid out like the real jobindsats tables:
-- "Periode", "Område", a column per dimension with the API's labels, a column
-- per measure).  Written in plain SQL, independently of the extension's own
-- mapping, so that the two can be compared.  To use your own data, replace a
-- view with one of the same name over your own tables (CREATE OR REPLACE VIEW
-- keeps the name the model points at), or copy the model and point its source
-- column elsewhere.
--
-- Rules a source must follow (the runner checks them and names the measure):
--   * columns kommune (text or kommune), period (jobindsats label: 2022,
--     2022M03, 2022Q1) and value (a number; NULL = suppressed or missing);
--   * one row per municipality and period, municipalities only (no
--     "Hele landet", regions or RAR areas), names the kommune type knows;
--   * yearly values for a yearly model.  The views below turn monthly tables
--     into years: the mean of the months for stocks (full-time persons,
--     persons), NULL when fewer than R months have a value (R = 10 for the
--     benefits of the goal, 12 for the measures); the sum of the twelve months
--     for flows (job postings, long-term unemployed), NULL unless all twelve
--     have a value.  Y14D03's rolling year YYYYQMAT04 is the year YYYY.
--   * cells are read at the totals of the dimensions a view does not name
--     ("Køn i alt", "Herkomst i alt", "Alder i alt", ...); a term that is NULL
--     makes the value NULL, and so does a division by zero.

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS model_sources CASCADE;
CREATE SCHEMA model_sources;
COMMENT ON SCHEMA model_sources IS
'Sources of the model sonderborg-2023: views returning (kommune, period, value); these read the SYNTHETIC sample data';
RESET client_min_messages;

-- The municipality an area name stands for: spelling variants seen in
-- downloads and the user's own tables mapped to the kommune type's names; NULL
-- for areas that are not municipalities.
CREATE FUNCTION model_sources.kommune(omraade text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN omraade = 'Hele landet' OR omraade LIKE 'RAR %' OR omraade LIKE 'Region %' OR omraade = 'Uoplyst område' THEN NULL
	WHEN omraade IN ('Københavns Kommune', 'København Kommune', 'Københavns') THEN 'København'
	WHEN omraade = 'Høje Taastrup' THEN 'Høje-Taastrup'
	WHEN omraade = 'Bornholms Regionskommune' THEN 'Bornholm'
	WHEN omraade = 'Nordfyn' THEN 'Nordfyns'
	WHEN omraade = 'Vesthimmerland' THEN 'Vesthimmerlands'
	WHEN omraade = 'Århus' THEN 'Aarhus'
	WHEN omraade = 'Brønderslev-Dronninglund' THEN 'Brønderslev'
	WHEN omraade LIKE '% Kommune' THEN left(omraade, -8)
	ELSE omraade END;
COMMENT ON FUNCTION model_sources.kommune(text) IS
'The municipality an area name stands for (spelling variants mapped), NULL for "Hele landet", regions, RAR areas and "Uoplyst område"';


-- Population 16-66 per municipality and year, derived from PTVA02 (yearly):
-- full-time persons of all groups * 100 / their per cent of the population.
CREATE VIEW model_sources.befolkning_16_66 AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   "Antal fuldtidspersoner" * 100 / NULLIF("Fuldtidspersoner i pct. af befolkningen 16-66 år", 0) AS value
FROM jobindsats.ptva02
WHERE "Ydelsesgrupper" = 'Ydelsesgrupper i alt' AND "Køn" = 'Køn i alt'
  AND model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW model_sources.befolkning_16_66 IS
'Population 16-66 derived from PTVA02 (Ydelsesgrupper i alt, Køn i alt: "Antal fuldtidspersoner" * 100 / "Fuldtidspersoner i pct. af befolkningen 16-66 år"): a helper of the measure views';

/* The goal: full-time persons per benefit, yearly mean of the months
   (NULL when fewer than 10 months have a value). */
CREATE VIEW model_sources.ydelse_dagpenge AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y01a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_dagpenge IS
'Goal benefit A-dagpenge: Y01A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_kontanthjaelp AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y60a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND "Visitationskategori" = 'Visitationskategori i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_kontanthjaelp IS
'Goal benefit Kontanthjælp: Y60A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_uddannelseshjaelp AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y38a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND "Visitationskategori" = 'Visitationskategori i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_uddannelseshjaelp IS
'Goal benefit Uddannelseshjælp: Y38A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_revalidering AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y04a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_revalidering IS
'Goal benefit Revalidering: Y04A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_integration AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y35a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_integration IS
'Goal benefit Integration: Y35A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_sygedagpenge AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y07a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_sygedagpenge IS
'Goal benefit Sygedagpenge: Y07A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_jobafklaring AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y12a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_jobafklaring IS
'Goal benefit Jobafklaring: Y12A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_ressourceforloeb AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y11a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_ressourceforloeb IS
'Goal benefit Ressourceforløb: Y11A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_ledighedsydelse AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y09a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_ledighedsydelse IS
'Goal benefit Ledighedsydelse: Y09A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_fleksjob AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y08a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_fleksjob IS
'Goal benefit Fleksjob: Y08A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

CREATE VIEW model_sources.ydelse_foertidspension AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
FROM jobindsats.y10a02
WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.ydelse_foertidspension IS
'Goal benefit Førtidspension: Y10A02 "Antal fuldtidspersoner" (Køn i alt, Herkomst i alt), yearly mean of the months present (NULL when fewer than 10)';

/* Area 1: Virksomhedssamarbejdet */
CREATE VIEW model_sources.stillingsopslag AS
SELECT s.kommune, s.period, 100 * s.opslag / NULLIF(b.value, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal nyopslåede stillinger") = 12 THEN sum("Antal nyopslåede stillinger") END AS opslag
	  FROM jobindsats.y25i07
	  WHERE "Stillingsbetegnelse" = 'Stillingsbetegnelse i alt'
	  GROUP BY 1, 2) s
JOIN model_sources.befolkning_16_66 b USING (kommune, period)
WHERE s.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.stillingsopslag IS
'Job postings (Y25I07 "Antal nyopslåede stillinger", sum of the twelve months) in per cent of the population 16-66 (PTVA02)';

CREATE VIEW model_sources.virksomhedstilfredshed AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   "Jobcentrets service over for virksomhederne (karakter 1-5)" AS value
FROM brugerdata.brugerdata
WHERE model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW model_sources.virksomhedstilfredshed IS
'Business satisfaction with the jobcentre (the user''s own figures: brugerdata.brugerdata "Jobcentrets service over for virksomhederne (karakter 1-5)")';

/* Area 2: Uddannelse */
CREATE VIEW model_sources.opkvalificering AS
SELECT a.kommune, a.period, 100 * a.n / NULLIF(p.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS n
	  FROM jobindsats.ptvc02
	  WHERE "Ydelsesgrupper" = 'Ydelsesgrupper i alt' AND "Alder" = 'Alder i alt' AND "Tilbud" = 'Vejledning og opkvalificering') a
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 max("Antal personer") FILTER (WHERE "Ydelsesgrupper" = 'Ydelsesgrupper i alt')
			 - max("Antal personer") FILTER (WHERE "Ydelsesgrupper" = 'Fleksjob')
			 - max("Antal personer") FILTER (WHERE "Ydelsesgrupper" = 'Førtidspension')
			 - max("Antal personer") FILTER (WHERE "Ydelsesgrupper" = 'Seniorpension') AS n
	  FROM jobindsats.ptva02
	  WHERE "Køn" = 'Køn i alt'
	  GROUP BY 1, 2) p USING (kommune, period)
WHERE a.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.opkvalificering IS
'Upskilling (PTVC02 "Antal aktiverede", Tilbud = Vejledning og opkvalificering) in per cent of PTVA02 "Antal personer" of Ydelsesgrupper i alt less Fleksjob, Førtidspension and Seniorpension';

CREATE VIEW model_sources.revalidering AS
SELECT r.kommune, r.period, 100 * r.n / NULLIF(b.value, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS n
	  FROM jobindsats.y04a02
	  WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
	  GROUP BY 1, 2) r
JOIN model_sources.befolkning_16_66 b USING (kommune, period)
WHERE r.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.revalidering IS
'Revalidering (Y04A02 "Antal personer", yearly mean of twelve months) in per cent of the population 16-66 (PTVA02)';

/* Area 3: Ledige tæt på job */
CREATE VIEW model_sources.opkvalificering_dagpenge AS
SELECT c.kommune, c.period, 100 * c.n / NULLIF(d.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS n
	  FROM jobindsats.y01c01
	  WHERE "A-kasse" = 'A-kasse i alt' AND "Tilbud" = 'Vejledning og opkvalificering i alt') c
JOIN (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS n
	  FROM jobindsats.y01a02
	  WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt'
	  GROUP BY 1, 2) d USING (kommune, period)
WHERE c.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.opkvalificering_dagpenge IS
'Upskilling of dagpenge recipients (Y01C01 "Antal aktiverede", Tilbud = Vejledning og opkvalificering i alt) in per cent of Y01A02 "Antal personer" (yearly mean of twelve months)';

CREATE VIEW model_sources.job_efter_26_uger AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count(*) = 2
				 AND count("Efterfølgende beskæftigelse: I samme virksomhed") = 2
				 AND count("Efterfølgende beskæftigelse: I anden virksomhed i samme branc") = 2
				 AND count("Efterfølgende beskæftigelse: I anden virksomhed i anden branc") = 2
				 AND count("Antal afsluttede forløb") = 2
			THEN 100 * (sum("Efterfølgende beskæftigelse: I samme virksomhed")
						+ sum("Efterfølgende beskæftigelse: I anden virksomhed i samme branc")
						+ sum("Efterfølgende beskæftigelse: I anden virksomhed i anden branc"))
				 / NULLIF(sum("Antal afsluttede forløb"), 0) END AS value
FROM jobindsats.y14d03
WHERE "Periode" LIKE '____QMAT04'
  AND "Ydelsesgrupper" IN ('A-dagpenge', 'Jobparate kontanthjælpsmodtagere')
  AND "Virksomhedsrettede tilbud" = 'Virksomhedsrettede tilbud i alt' AND "Målgruppe" = 'Ledige i 26 uger'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.job_efter_26_uger IS
'In work after 26 weeks: Y14D03 (rolling year YYYYQMAT04, Målgruppe = Ledige i 26 uger) "Efterfølgende beskæftigelse: I samme virksomhed / I anden virksomhed i samme branche / I anden virksomhed i anden branche" over "Antal afsluttede forløb", each summed over A-dagpenge and Jobparate kontanthjælpsmodtagere';

-- "Langtidsledige i procent af dagpengemodtagere": Y25I09 cut to
-- Ydelsesgrupper = A-dagpenge, long-term unemployed persons among the gross
-- unemployed (bruttoledige) persons; the year pools the months (sum / sum),
-- NULL unless all twelve months have both counts.
CREATE VIEW model_sources.langtidsledige AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal langtidsledige personer") = 12 AND count("Antal bruttoledige personer") = 12
			THEN 100 * sum("Antal langtidsledige personer") / NULLIF(sum("Antal bruttoledige personer"), 0) END AS value
FROM jobindsats.y25i09
WHERE "Ydelsesgrupper" = 'A-dagpenge' AND "A-kasse" = 'A-kasse i alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.langtidsledige IS
'Long-term unemployed in per cent of gross unemployed A-dagpenge recipients: Y25I09 (Ydelsesgrupper = A-dagpenge) "Antal langtidsledige personer" / "Antal bruttoledige personer", sums of the twelve months';

/* Area 4: Unge ledige */
CREATE VIEW model_sources.unge_i_job_og_uddannelse AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   CASE WHEN count("Andel 3 måneder efter (pct.)") = 3 THEN sum("Andel 3 måneder efter (pct.)") END AS value
FROM jobindsats.y38b15
WHERE "Arbejdsmarkedsstatus" IN ('Lønmodtagerbeskæftigelse', 'Uddannelse', 'Selvforsørgelse')
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.unge_i_job_og_uddannelse IS
'Young people in work, education or self-support 3 months after leaving uddannelseshjælp: Y38B15 "Andel 3 måneder efter (pct.)" summed over Lønmodtagerbeskæftigelse, Uddannelse and Selvforsørgelse';

CREATE VIEW model_sources.ingen_passive_unge AS
SELECT a.kommune, a.period, 100 * a.n / NULLIF(u.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS n
	  FROM jobindsats.ptvc01
	  WHERE "Ydelsesgrupper" = 'Uddannelseshjælp') a
JOIN (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS n
	  FROM jobindsats.y38a02
	  WHERE "Køn" = 'Køn i alt' AND "Herkomst" = 'Herkomst i alt' AND "Visitationskategori" = 'Visitationskategori i alt'
	  GROUP BY 1, 2) u USING (kommune, period)
WHERE a.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.ingen_passive_unge IS
'Young people on uddannelseshjælp in activation: PTVC01 "Antal aktiverede" (Uddannelseshjælp) / Y38A02 "Antal personer" (yearly mean of twelve months)';

/* Area 5: Ledige længere fra job */
CREATE VIEW model_sources.aktive_aktivitetsparate AS
SELECT o.kommune, o.period,
	   CASE WHEN o.timer + v.n IS NOT NULL AND o.n <> 0 THEN least(100, 100 * (o.timer + v.n) / o.n) END AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 "Antal personer i alt" AS n, "Antal personer med ordinære timer" AS timer
	  FROM jobindsats.otij01
	  WHERE "Ydelsesgrupper" = 'Kontanthjælp' AND "Målgruppe" = 'Aktivitetsparate kontanthjælpsmodtagere') o
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 max("Antal aktiverede") FILTER (WHERE "Tilbud" = 'Virksomhedspraktik')
			 + max("Antal aktiverede") FILTER (WHERE "Tilbud" = 'Løntilskud') AS n
	  FROM jobindsats.ptvc02
	  WHERE "Ydelsesgrupper" = 'Aktivitetsparate kontanthjælpsmodtagere' AND "Alder" = 'Alder i alt'
	  GROUP BY 1, 2) v USING (kommune, period)
WHERE o.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.aktive_aktivitetsparate IS
'Activity-ready kontanthjælp recipients with ordinary hours (OTIJ01) or in internship/wage subsidy (PTVC02, Tilbud = Virksomhedspraktik + Løntilskud), per cent of OTIJ01 "Antal personer i alt" (at most 100)';

CREATE VIEW model_sources.ledighed_fleksjob AS
SELECT l.kommune, l.period, 100 * l.value / NULLIF(l.value + f.value, 0) AS value
FROM model_sources.ydelse_ledighedsydelse l
JOIN model_sources.ydelse_fleksjob f USING (kommune, period);
COMMENT ON VIEW model_sources.ledighed_fleksjob IS
'Unemployment among the flexi-job eligible: Y09A02 / (Y09A02 + Y08A02) full-time persons, yearly means';

/* Area 6: Integration */
CREATE VIEW model_sources.aktive_ikke_vestlige AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   "Ikke-vestlige indvandrere i aktivering (pct.)" AS value
FROM brugerdata.brugerdata
WHERE model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW model_sources.aktive_ikke_vestlige IS
'Non-western immigrants in activation, per cent (the user''s own figures: brugerdata.brugerdata "Ikke-vestlige indvandrere i aktivering (pct.)")';

-- "Forskellen mellem procentdel ikke-vestlige indvandrere i befolkningen og
-- procentdel ikke-vestlige indvandrere på offentlig forsørgelse", the rate
-- reading: per cent of non-western immigrants 16-66 on the eleven benefits of
-- the goal minus per cent of the whole population 16-66 on them.  Per benefit
-- table the yearly mean of the monthly "Fuldtidspersoner i pct. af
-- befolkningen 16-66 år" (all twelve months needed), at Herkomst =
-- Ikke-vestlige indvandrere and at Herkomst i alt; the value needs all
-- eleven on both sides.
CREATE VIEW model_sources.forsoergelsesgab AS
WITH pct AS (
	  SELECT 'y01a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y01a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y60a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y60a02 WHERE "Køn" = 'Køn i alt' AND "Visitationskategori" = 'Visitationskategori i alt'
	  UNION ALL
	  SELECT 'y38a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y38a02 WHERE "Køn" = 'Køn i alt' AND "Visitationskategori" = 'Visitationskategori i alt'
	  UNION ALL
	  SELECT 'y04a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y04a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y35a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y35a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y07a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y07a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y12a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y12a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y11a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y11a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y09a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y09a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y08a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y08a02 WHERE "Køn" = 'Køn i alt'
	  UNION ALL
	  SELECT 'y10a02' AS tbl, "Område", "Periode", "Herkomst", "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.y10a02 WHERE "Køn" = 'Køn i alt'),
aar AS (
	SELECT tbl, model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period, "Herkomst",
		   CASE WHEN count(pct) = 12 THEN avg(pct) END AS pct
	FROM pct
	WHERE "Herkomst" IN ('Herkomst i alt', 'Ikke-vestlige indvandrere')
	  AND model_sources.kommune("Område") IS NOT NULL
	GROUP BY 1, 2, 3, 4)
SELECT kommune, period,
	   CASE WHEN count(pct) FILTER (WHERE "Herkomst" = 'Ikke-vestlige indvandrere') = 11
				 AND count(pct) FILTER (WHERE "Herkomst" = 'Herkomst i alt') = 11
			THEN sum(pct) FILTER (WHERE "Herkomst" = 'Ikke-vestlige indvandrere')
				 - sum(pct) FILTER (WHERE "Herkomst" = 'Herkomst i alt') END AS value
FROM aar
GROUP BY kommune, period;
COMMENT ON VIEW model_sources.forsoergelsesgab IS
'Support gap, rate reading: the sum over the eleven benefit tables of the goal of the yearly mean "Fuldtidspersoner i pct. af befolkningen 16-66 år" at Herkomst = Ikke-vestlige indvandrere, minus the same sum at Herkomst i alt, percentage points';

/* Area 7: Sygemeldte */
CREATE VIEW model_sources.delvis_raskmelding AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   "Sygemeldte med delvis raskmelding (pct.)" AS value
FROM brugerdata.brugerdata
WHERE model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW model_sources.delvis_raskmelding IS
'Sick-listed with partial return to work, per cent (the user''s own figures: brugerdata.brugerdata "Sygemeldte med delvis raskmelding (pct.)")';

/* Area 8: Borgernes tilfredshed: not ranked by the preset (its target
   sonderborg-2023-borgertilfredshed follows this view); a copy may rank it */
CREATE VIEW model_sources.borgertilfredshed AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   "Andel tilfredse borgere (pct.)" AS value
FROM brugerdata.brugerdata
WHERE "Andel tilfredse borgere (pct.)" IS NOT NULL
  AND model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW model_sources.borgertilfredshed IS
'Citizen satisfaction survey, every third year (the user''s own figures: brugerdata.brugerdata "Andel tilfredse borgere (pct.)", only the years surveyed)';
