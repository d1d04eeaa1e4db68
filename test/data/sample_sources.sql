-- The mapping from jobindsats tables to the sources of the shipped model
-- sonderborg-2023: one view per measure and per benefit, each returning
-- (kommune, period, value), here over the SYNTHETIC sample tables of
-- sample_jobindsats.sql.  To use your own data, replace a view with one of the
-- same name over your own tables (CREATE OR REPLACE VIEW keeps the name the
-- model points at), or copy the model and point its source column elsewhere.
--
-- Rules a source must follow (the runner checks them and names the measure):
--   * columns kommune (text or kommune), period (jobindsats label: 2022,
--     2022M03, 2022Q1) and value (a number; NULL = suppressed or missing);
--   * one row per municipality and period, municipalities only (no
--     "Hele landet", regions or RAR areas), names the kommune type knows;
--   * yearly values for a yearly model: the views below turn monthly tables
--     into years (the mean of the months for stocks such as full-time persons,
--     the sum for flows such as job postings); full-time persons of the goal
--     are the mean of the months present (NULL when more than two months are
--     suppressed), the other views give NULL when any month is suppressed.

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS model_sources CASCADE;
CREATE SCHEMA model_sources;
COMMENT ON SCHEMA model_sources IS
'Sources of the model sonderborg-2023: views returning (kommune, period, value); these read the SYNTHETIC sample data';
RESET client_min_messages;

-- The municipality an export's area name stands for: spelling variants seen in
-- exports and surveys mapped to the kommune type's names; NULL for areas that
-- are not municipalities.
CREATE FUNCTION model_sources.kommune(omraade text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN omraade = 'Hele landet' OR omraade LIKE 'RAR %' OR omraade LIKE 'Region %' THEN NULL
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
'The municipality an area name of an export stands for (spelling variants mapped), NULL for "Hele landet", regions and RAR areas';


-- Population 16-66 per municipality and year, derived from PTVA02.
CREATE VIEW model_sources.befolkning_16_66 AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   "Antal fuldtidspersoner" * 100 / NULLIF("Fuldtidspersoner i pct. af befolkningen 16-66 år", 0) AS value
FROM jobindsats.ptva02
WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Køn" = 'I alt' AND "Herkomst" = 'I alt'
  AND model_sources.kommune("Område") IS NOT NULL;
COMMENT ON VIEW model_sources.befolkning_16_66 IS
'Population 16-66 derived from PTVA02 (full-time persons / their per cent of the population): a helper of the measure views';

/* The goal: full-time persons per benefit, yearly mean of the months. */
DO $$
DECLARE
	b record;
BEGIN
	FOR b IN SELECT * FROM (VALUES
		('ydelse_dagpenge', 'y01a02', 'Y01A02', 'Dagpenge'),
		('ydelse_kontanthjaelp', 'y60a02', 'Y60A02', 'Kontanthjælp'),
		('ydelse_uddannelseshjaelp', 'y38a02', 'Y38A02', 'Uddannelseshjælp'),
		('ydelse_revalidering', 'y04a02', 'Y04A02', 'Revalidering'),
		('ydelse_integration', 'y35a02', 'Y35A02', 'Integration'),
		('ydelse_sygedagpenge', 'y07a02', 'Y07A02', 'Sygedagpenge'),
		('ydelse_jobafklaring', 'y12a02', 'Y12A02', 'Jobafklaring'),
		('ydelse_ressourceforloeb', 'y11a02', 'Y11A02', 'Ressourceforløb'),
		('ydelse_ledighedsydelse', 'y09a02', 'Y09A02', 'Ledighedsydelse'),
		('ydelse_fleksjob', 'y08a02', 'Y08A02', 'Fleksjob'),
		('ydelse_foertidspension', 'y10a02', 'Y10A02', 'Førtidspension')) v(view, tbl, id, navn)
	LOOP
		EXECUTE format($v$
			CREATE VIEW model_sources.%I AS
			SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
				   CASE WHEN count("Antal fuldtidspersoner") >= 10 THEN avg("Antal fuldtidspersoner") END AS value
			FROM jobindsats.%I
			WHERE "Køn" = 'I alt' AND "Herkomst" = 'I alt' %s
			  AND model_sources.kommune("Område") IS NOT NULL
			GROUP BY 1, 2$v$, b.view, b.tbl,
			CASE WHEN b.tbl IN ('y60a02', 'y38a02') THEN 'AND "Visitationskategori" = ''I alt''' ELSE '' END);
		EXECUTE format('COMMENT ON VIEW model_sources.%I IS %L', b.view,
			format('Goal benefit %s: %s "Antal fuldtidspersoner", yearly mean of the months present (NULL if more than two are suppressed)', b.navn, b.id));
	END LOOP;
END $$;

/* Area 1: Virksomhedssamarbejdet */
CREATE VIEW model_sources.stillingsopslag AS
SELECT s.kommune, s.period, 100 * s.opslag / b.value AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal nyopslåede stillinger") = 12 THEN sum("Antal nyopslåede stillinger") END AS opslag
	  FROM jobindsats.y25i07 GROUP BY 1, 2) s
JOIN model_sources.befolkning_16_66 b USING (kommune, period)
WHERE s.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.stillingsopslag IS
'Job postings (Y25I07 "Antal nyopslåede stillinger", sum of the months) in per cent of the population 16-66 (PTVA02)';

CREATE VIEW model_sources.virksomhedstilfredshed AS
SELECT model_sources.kommune("Kommune") AS kommune, "År"::text AS period,
	   "Jobcentrets service over for virksomhederne (karakter 1-5)" AS value
FROM brugerdata.di_erhvervsklima;
COMMENT ON VIEW model_sources.virksomhedstilfredshed IS
'Business satisfaction with the jobcentre (DI''s survey; user-supplied table brugerdata.di_erhvervsklima)';

/* Area 2: Uddannelse */
CREATE VIEW model_sources.opkvalificering AS
SELECT a.kommune, a.period, 100 * a.n / NULLIF(p.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS n
	  FROM jobindsats.ptvc01
	  WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Herkomst" = 'I alt' AND "Tilbud" = 'Vejledning og opkvalificering') a
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 sum("Antal personer" * CASE WHEN "Ydelsesgrupper" = 'Alle ydelsesgrupper' THEN 1 ELSE -1 END) AS n
	  FROM jobindsats.ptva02
	  WHERE "Ydelsesgrupper" IN ('Alle ydelsesgrupper', 'Fleksjob', 'Førtidspension', 'Seniorpension')
		AND "Køn" = 'I alt' AND "Herkomst" = 'I alt'
	  GROUP BY 1, 2) p USING (kommune, period)
WHERE a.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.opkvalificering IS
'Upskilling (PTVC01 "Antal aktiverede", Tilbud = Vejledning og opkvalificering) in per cent of PTVA02 "Antal personer" of all groups except Fleksjob, Førtidspension, Seniorpension';

CREATE VIEW model_sources.revalidering AS
SELECT r.kommune, r.period, 100 * r.n / b.value AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS n
	  FROM jobindsats.y04a02 WHERE "Køn" = 'I alt' AND "Herkomst" = 'I alt' GROUP BY 1, 2) r
JOIN model_sources.befolkning_16_66 b USING (kommune, period)
WHERE r.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.revalidering IS
'Revalidering (Y04A02 "Antal personer", yearly mean) in per cent of the population 16-66 (PTVA02)';

/* Area 3: Ledige tæt på job */
CREATE VIEW model_sources.opkvalificering_dagpenge AS
SELECT c.kommune, c.period, 100 * c.n / NULLIF(d.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal personer" AS n
	  FROM jobindsats.y01c01 WHERE "Tilbud" = 'Opkvalificeringsforløb') c
JOIN (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS n
	  FROM jobindsats.y01a02 WHERE "Køn" = 'I alt' AND "Herkomst" = 'I alt' GROUP BY 1, 2) d USING (kommune, period)
WHERE c.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.opkvalificering_dagpenge IS
'Upskilling of dagpenge recipients (Y01C01 "Antal personer", Tilbud = Opkvalificeringsforløb) in per cent of Y01A02 "Antal personer" (yearly mean)';

CREATE VIEW model_sources.job_efter_26_uger AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   CASE WHEN count("Efterfølgende beskæftigelse") = 2 AND count("Antal afsluttede forløb") = 2
			THEN 100 * sum("Efterfølgende beskæftigelse") / NULLIF(sum("Antal afsluttede forløb"), 0) END AS value
FROM jobindsats.y14d03
WHERE "Ydelsesgrupper" IN ('Dagpenge', 'Jobparate kontanthjælpsmodtagere') AND "Virksomhedsrettede tilbud" = 'I alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.job_efter_26_uger IS
'In work after 26 weeks: Y14D03 "Efterfølgende beskæftigelse" / "Antal afsluttede forløb" for dagpenge and job-ready kontanthjælp';

-- "Langtidsledige i procent af dagpengemodtagere": Y25I09 cut to
-- Ydelsesgrupper = A-dagpenge, long-term unemployed persons among the gross
-- unemployed (bruttoledige) persons; the year pools the months (sum / sum),
-- NULL unless all twelve months have both counts.
CREATE VIEW model_sources.langtidsledige AS
SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
	   CASE WHEN count("Antal langtidsledige personer") = 12 AND count("Antal bruttoledige personer") = 12
			THEN 100 * sum("Antal langtidsledige personer") / NULLIF(sum("Antal bruttoledige personer"), 0) END AS value
FROM jobindsats.y25i09
WHERE "Ydelsesgrupper" = 'A-dagpenge' AND "A-kasse" = 'I alt'
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.langtidsledige IS
'Long-term unemployed in per cent of gross unemployed A-dagpenge recipients: Y25I09 (Ydelsesgrupper = A-dagpenge) "Antal langtidsledige personer" / "Antal bruttoledige personer", sums of the twelve months';

-- The reading shipped with 1.3 and earlier, for comparison: long-term
-- unemployed full-time persons among all unemployed full-time persons.
CREATE VIEW model_sources.langtidsledige_alle_ledige AS
SELECT l.kommune, l.period, 100 * lt.n / NULLIF(l.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal ledige fuldtidspersoner") = 12 THEN avg("Antal ledige fuldtidspersoner") END AS n
	  FROM jobindsats.y25i01 GROUP BY 1, 2) l
JOIN (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal langtidsledige fuldtidspersoner") = 12 THEN avg("Antal langtidsledige fuldtidspersoner") END AS n
	  FROM jobindsats.y25i09 WHERE "Ydelsesgrupper" = 'Ydelsesgrupper i alt' AND "A-kasse" = 'I alt' GROUP BY 1, 2) lt USING (kommune, period)
WHERE l.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.langtidsledige_alle_ledige IS
'Variant (the reading before 1.4): long-term unemployed (Y25I09, Ydelsesgrupper i alt) in per cent of all unemployed (Y25I01), yearly means of full-time persons';

/* Area 4: Unge ledige */
CREATE VIEW model_sources.unge_i_job_og_uddannelse AS
SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
	   CASE WHEN count("Andel (pct.)") = 3 THEN sum("Andel (pct.)") END AS value
FROM jobindsats.y38b15
WHERE "Status" IN ('Beskæftigelse', 'Uddannelse', 'Anden selvforsørgelse')
  AND model_sources.kommune("Område") IS NOT NULL
GROUP BY 1, 2;
COMMENT ON VIEW model_sources.unge_i_job_og_uddannelse IS
'Young people in work, education or other self-support 3 months after leaving the jobcentre (Y38B15 "Andel (pct.)")';

CREATE VIEW model_sources.ingen_passive_unge AS
SELECT a.kommune, a.period, 100 * a.n / NULLIF(u.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS n
	  FROM jobindsats.ptvc01
	  WHERE "Ydelsesgrupper" = 'Uddannelseshjælp' AND "Herkomst" = 'I alt' AND "Tilbud" = 'I alt') a
JOIN (SELECT model_sources.kommune("Område") AS kommune, left("Periode", 4) AS period,
			 CASE WHEN count("Antal personer") = 12 THEN avg("Antal personer") END AS n
	  FROM jobindsats.y38a02 WHERE "Køn" = 'I alt' AND "Herkomst" = 'I alt' AND "Visitationskategori" = 'I alt'
	  GROUP BY 1, 2) u USING (kommune, period)
WHERE a.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.ingen_passive_unge IS
'Young people on uddannelseshjælp in activation: PTVC01 "Antal aktiverede" / Y38A02 "Antal personer" (yearly mean)';

/* Area 5: Ledige længere fra job */
CREATE VIEW model_sources.aktive_aktivitetsparate AS
SELECT o.kommune, o.period, least(100, 100 * (o.timer + v.n) / NULLIF(o.n, 0)) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 "Antal personer i alt" AS n, "Antal personer med ordinære timer" AS timer
	  FROM jobindsats.otij01 WHERE "Målgruppe" = 'Aktivitetsparate kontanthjælpsmodtagere') o
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 CASE WHEN count("Antal aktiverede") = 2 THEN sum("Antal aktiverede") END AS n
	  FROM jobindsats.ptvc01
	  WHERE "Ydelsesgrupper" = 'Aktivitetsparate kontanthjælpsmodtagere' AND "Herkomst" = 'I alt'
		AND "Tilbud" IN ('Virksomhedspraktik', 'Løntilskud')
	  GROUP BY 1, 2) v USING (kommune, period)
WHERE o.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.aktive_aktivitetsparate IS
'Activity-ready kontanthjælp recipients with ordinary hours (OTIJ01) or in internship/wage subsidy (PTVC01), per cent of OTIJ01 "Antal personer i alt"';

CREATE VIEW model_sources.ledighed_fleksjob AS
SELECT l.kommune, l.period, 100 * l.value / NULLIF(l.value + f.value, 0) AS value
FROM model_sources.ydelse_ledighedsydelse l
JOIN model_sources.ydelse_fleksjob f USING (kommune, period);
COMMENT ON VIEW model_sources.ledighed_fleksjob IS
'Unemployment among the flexi-job eligible: Y09A02 / (Y08A02 + Y09A02) full-time persons, yearly means';

/* Area 6: Integration */
CREATE VIEW model_sources.aktive_ikke_vestlige AS
SELECT a.kommune, a.period, 100 * a.n / NULLIF(p.n, 0) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period, "Antal aktiverede" AS n
	  FROM jobindsats.ptvc01
	  WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Herkomst" = 'Ikke-vestlige indvandrere' AND "Tilbud" = 'I alt') a
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 sum("Antal personer" * CASE WHEN "Ydelsesgrupper" = 'Alle ydelsesgrupper' THEN 1 ELSE -1 END) AS n
	  FROM jobindsats.ptva02
	  WHERE "Ydelsesgrupper" IN ('Alle ydelsesgrupper', 'Ledighedsydelse', 'Fleksjob', 'Førtidspension', 'Seniorpension')
		AND "Køn" = 'I alt' AND "Herkomst" = 'Ikke-vestlige indvandrere'
	  GROUP BY 1, 2) p USING (kommune, period)
WHERE a.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.aktive_ikke_vestlige IS
'Non-western immigrants in activation (PTVC01) in per cent of non-western immigrants on support except ledighedsydelse, fleksjob, førtids- and seniorpension (PTVA02)';

-- "Forskellen mellem procentdel ikke-vestlige indvandrere i befolkningen og
-- procentdel ikke-vestlige indvandrere på offentlig forsørgelse" reads two
-- ways (README, "The shipped preset"):
--   forsoergelsesgab (the preset): the rate reading, per cent of non-western
--     immigrants 16-66 on public support minus per cent of the whole
--     population 16-66 on public support;
--   forsoergelsesgab_sammensaetning: the composition reading, their share of
--     the people on public support minus their share of the population (it
--     grows with a municipality's immigrant share even when their
--     over-representation is the same).
CREATE VIEW model_sources.forsoergelsesgab AS
SELECT nv.kommune, nv.period, nv.pct - alle.pct AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.ptva02
	  WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Køn" = 'I alt' AND "Herkomst" = 'Ikke-vestlige indvandrere') nv
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.ptva02
	  WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Køn" = 'I alt' AND "Herkomst" = 'I alt') alle USING (kommune, period)
WHERE nv.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.forsoergelsesgab IS
'Support gap, rate reading (the preset): per cent of non-western immigrants 16-66 on public support minus per cent of the whole population 16-66 on public support, percentage points (PTVA02 "Fuldtidspersoner i pct. af befolkningen 16-66 år")';

CREATE VIEW model_sources.forsoergelsesgab_sammensaetning AS
SELECT nv.kommune, nv.period,
	   100 * (nv.fuldtid / NULLIF(alle.fuldtid, 0)
			  - (nv.fuldtid / NULLIF(nv.pct, 0)) / NULLIF(alle.fuldtid / NULLIF(alle.pct, 0), 0)) AS value
FROM (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 "Antal fuldtidspersoner" AS fuldtid, "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.ptva02
	  WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Køn" = 'I alt' AND "Herkomst" = 'Ikke-vestlige indvandrere') nv
JOIN (SELECT model_sources.kommune("Område") AS kommune, "Periode" AS period,
			 "Antal fuldtidspersoner" AS fuldtid, "Fuldtidspersoner i pct. af befolkningen 16-66 år" AS pct
	  FROM jobindsats.ptva02
	  WHERE "Ydelsesgrupper" = 'Alle ydelsesgrupper' AND "Køn" = 'I alt' AND "Herkomst" = 'I alt') alle USING (kommune, period)
WHERE nv.kommune IS NOT NULL;
COMMENT ON VIEW model_sources.forsoergelsesgab_sammensaetning IS
'Support gap, composition reading (a variant): non-western immigrants'' share of the people on public support minus their share of the population 16-66, percentage points (PTVA02)';

/* Area 7: Sygemeldte */
CREATE VIEW model_sources.delvis_raskmelding AS
SELECT model_sources.kommune("Kommune") AS kommune, "År"::text AS period,
	   "Sygemeldte med delvis raskmelding (pct.)" AS value
FROM brugerdata.delvis_raskmelding;
COMMENT ON VIEW model_sources.delvis_raskmelding IS
'Sick-listed with partial return to work, per cent (user-supplied table brugerdata.delvis_raskmelding)';

/* Area 8: Borgernes tilfredshed: not ranked by the preset (its target
   sonderborg-2023-borgertilfredshed follows this view); a copy may rank it */
CREATE VIEW model_sources.borgertilfredshed AS
SELECT model_sources.kommune("Kommune") AS kommune, "År"::text AS period,
	   "Andel tilfredse borgere (pct.)" AS value
FROM brugerdata.borgertilfredshed;
COMMENT ON VIEW model_sources.borgertilfredshed IS
'Citizen satisfaction survey, every third year (user-supplied table brugerdata.borgertilfredshed)';
