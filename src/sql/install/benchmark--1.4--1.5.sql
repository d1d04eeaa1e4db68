/* benchmark 1.4 -> 1.5: the hand-written part (the Makefile appends the table-free layers) */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.5'" to load this file. \quit

/*
 * The mappings read one table's measure and breakdowns at a time; the index
 * holds the whole key, so that a load's lookup of a cell is exact whichever
 * of the two indexes the planner takes.
 */
CREATE INDEX jobindsats_observation_series ON benchmark.jobindsats_observation (table_id, measure, dimensions, area, period);

/* The mapping catalog (sql/layers/48_jobindsats_mapping.sql), new in 1.5. */
CREATE TABLE benchmark.jobindsats_source (
	table_id text NOT NULL,
	relation text NOT NULL,
	dimensions text[],
	labels jsonb,
	CONSTRAINT jobindsats_source_pkey PRIMARY KEY (table_id),
	CONSTRAINT jobindsats_source_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_source_labels_object CHECK (labels IS NULL OR pg_catalog.jsonb_typeof(labels) = 'object')
);

COMMENT ON TABLE benchmark.jobindsats_source IS
'Wide tables that hold a jobindsats table as a pipeline loads it (one column per API label), read in place by the mappings instead of the observation store';
COMMENT ON COLUMN benchmark.jobindsats_source.table_id IS
'The jobindsats table id in upper case (Y01A02)';
COMMENT ON COLUMN benchmark.jobindsats_source.relation IS
'Schema-qualified table or view with the columns "Område" or "Area", "Periode", one per dimension and one per measure; read with the reader''s rights from an owner the reader trusts (as jobindsats_wide)';
COMMENT ON COLUMN benchmark.jobindsats_source.dimensions IS
'The dimension columns; NULL: the text columns besides area and period';
COMMENT ON COLUMN benchmark.jobindsats_source.labels IS
'Labels of columns whose name is not the label ({"column": "label"}), as jobindsats_wide takes them';

CREATE TABLE benchmark.jobindsats_term (
	term text NOT NULL,
	table_id text NOT NULL,
	measure text NOT NULL,
	per_cent_measure text,
	dimensions jsonb NOT NULL DEFAULT '{}',
	kind text NOT NULL DEFAULT 'count',
	breakdown text DEFAULT 'Køn',
	per_year text NOT NULL DEFAULT 'mean',
	months_required integer NOT NULL DEFAULT 12,
	description text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT jobindsats_term_pkey PRIMARY KEY (term),
	CONSTRAINT jobindsats_term_name_format CHECK (term ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	CONSTRAINT jobindsats_term_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_term_measure_given CHECK (measure <> '' AND per_cent_measure <> ''),
	CONSTRAINT jobindsats_term_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_term_kind_known CHECK (kind IN ('count', 'share')),
	CONSTRAINT jobindsats_term_per_year_known CHECK (per_year IN ('mean', 'sum')),
	CONSTRAINT jobindsats_term_months_required_range CHECK (months_required BETWEEN 1 AND 12)
);

COMMENT ON TABLE benchmark.jobindsats_term IS
'Terms of the mappings: one yearly series (kommune, year, value) of one jobindsats table, measure and breakdown';
COMMENT ON COLUMN benchmark.jobindsats_term.measure IS
'The measure''s label; matched loosely (as written, then ignoring case, spaces and punctuation, then without a "group: " prefix, then as the start of a longer or shorter label), and the match is reported';
COMMENT ON COLUMN benchmark.jobindsats_term.per_cent_measure IS
'For a population: the label of the measure that gives measure in per cent of the population; the term is then measure * 100 / per_cent_measure (a count)';
COMMENT ON COLUMN benchmark.jobindsats_term.dimensions IS
'The breakdown: {"Dimension": ["value", ...]}; the listed values are added up; a dimension not named is taken at its total ("<Dimension> i alt", "I alt"), or for counts without a totals row as the sum over the breakdown dimension';
COMMENT ON COLUMN benchmark.jobindsats_term.kind IS
'count (may be added up over a breakdown) or share (never summed over a breakdown: without a totals row it is missing)';
COMMENT ON COLUMN benchmark.jobindsats_term.breakdown IS
'The dimension whose values add up to its total (Køn: Kvinder + Mænd), summed for counts when a download has no totals row; NULL: none';
COMMENT ON COLUMN benchmark.jobindsats_term.per_year IS
'How months or quarters make a year: mean (stocks such as full-time persons) or sum (flows such as job postings; every month needed)';
COMMENT ON COLUMN benchmark.jobindsats_term.months_required IS
'Months with a value a mean needs in a year (fewer: NULL, never a mean of too few); a year to date needs as many fewer as the year has months to come';

CREATE TABLE benchmark.jobindsats_mapping (
	mapping text NOT NULL,
	numerator text[] NOT NULL,
	denominator text[],
	scale numeric NOT NULL DEFAULT 1,
	upper_bound numeric,
	description text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT jobindsats_mapping_pkey PRIMARY KEY (mapping),
	CONSTRAINT jobindsats_mapping_name_format CHECK (mapping ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	CONSTRAINT jobindsats_mapping_numerator_given CHECK (pg_catalog.cardinality(numerator) > 0),
	CONSTRAINT jobindsats_mapping_denominator_given CHECK (pg_catalog.cardinality(denominator) > 0),
	CONSTRAINT jobindsats_mapping_scale_finite CHECK (scale > '-Infinity' AND scale < 'Infinity'),
	CONSTRAINT jobindsats_mapping_upper_bound_finite CHECK (upper_bound > '-Infinity' AND upper_bound < 'Infinity')
);

COMMENT ON TABLE benchmark.jobindsats_mapping IS
'Mappings: a model source computed from terms as scale * (sum of numerator terms) / (sum of denominator terms), capped at upper_bound; read with jobindsats_mapping_values';
COMMENT ON COLUMN benchmark.jobindsats_mapping.numerator IS
'Terms added up; a term written "-term" is subtracted';
COMMENT ON COLUMN benchmark.jobindsats_mapping.denominator IS
'Terms added up ("-term" subtracted) to divide by; NULL: no division';
COMMENT ON COLUMN benchmark.jobindsats_mapping.scale IS
'Factor of the quotient (100 for per cent)';
COMMENT ON COLUMN benchmark.jobindsats_mapping.upper_bound IS
'Largest value (100 for a share that adds two sources that may overlap); NULL: none';

/*
 * The preset's mapping, after the columns of the real tables
 * (README, "Reading jobindsats data"): PTVA02 has Ydelsesgrupper and Køn,
 * PTVC01 Ydelsesgrupper only (activation by offer is in PTVC02), Y14D03
 * rolling years.  BRUGERDATA holds what jobindsats does not have: a table
 * of the user's own figures loaded like a download.
 */
INSERT INTO benchmark.jobindsats_term (term, table_id, measure, per_cent_measure, dimensions, kind, per_year, months_required, description, shipped) VALUES
	('befolkning_16_66', 'PTVA02', 'Antal fuldtidspersoner', 'Fuldtidspersoner i pct. af befolkningen 16-66 år', '{}', 'count', 'mean', 12,
	 'Population 16-66: full-time persons on public support / their per cent of the population', true),
	('nyopslaaede_stillinger', 'Y25I07', 'Antal nyopslåede stillinger', NULL, '{}', 'count', 'sum', 12, 'Job postings, sum of the months', true),
	('personer_alle_ydelser', 'PTVA02', 'Antal personer', NULL, '{}', 'count', 'mean', 12, 'Persons on public support, all benefit groups', true),
	('personer_fleksjob_foertid_senior', 'PTVA02', 'Antal personer', NULL,
	 '{"Ydelsesgrupper": ["Fleksjob", "Førtidspension", "Seniorpension"]}', 'count', 'mean', 12,
	 'Persons in flexi-jobs, on disability and senior pension', true),
	('aktiverede_opkvalificering', 'PTVC02', 'Antal aktiverede', NULL, '{"Tilbud": ["Vejledning og opkvalificering"]}', 'count', 'mean', 12,
	 'Activated in guidance and upskilling, all benefit groups', true),
	('personer_revalidering', 'Y04A02', 'Antal personer', NULL, '{}', 'count', 'mean', 12, 'Persons on revalidering, mean of the months', true),
	('aktiverede_dagpenge_opkvalificering', 'Y01C01', 'Antal aktiverede', NULL, '{"Tilbud": ["Vejledning og opkvalificering i alt"]}', 'count', 'mean', 12,
	 'Dagpenge recipients activated in guidance and upskilling', true),
	('personer_dagpenge', 'Y01A02', 'Antal personer', NULL, '{}', 'count', 'mean', 12, 'Persons on A-dagpenge, mean of the months', true),
	('afsluttede_forloeb_26_uger', 'Y14D03', 'Antal afsluttede forløb', NULL,
	 '{"Ydelsesgrupper": ["A-dagpenge", "Jobparate kontanthjælpsmodtagere"], "Målgruppe": ["Ledige i 26 uger"]}', 'count', 'mean', 12,
	 'Finished courses after 26 weeks of unemployment, dagpenge and job-ready kontanthjælp', true),
	('beskaeftigede_samme_virksomhed', 'Y14D03', 'Efterfølgende beskæftigelse: I samme virksomhed', NULL,
	 '{"Ydelsesgrupper": ["A-dagpenge", "Jobparate kontanthjælpsmodtagere"], "Målgruppe": ["Ledige i 26 uger"]}', 'count', 'mean', 12,
	 'Of those, in work in the same company', true),
	('beskaeftigede_samme_branche', 'Y14D03', 'Efterfølgende beskæftigelse: I anden virksomhed i samme branche', NULL,
	 '{"Ydelsesgrupper": ["A-dagpenge", "Jobparate kontanthjælpsmodtagere"], "Målgruppe": ["Ledige i 26 uger"]}', 'count', 'mean', 12,
	 'Of those, in work in another company of the same trade', true),
	('beskaeftigede_anden_branche', 'Y14D03', 'Efterfølgende beskæftigelse: I anden virksomhed i anden branche', NULL,
	 '{"Ydelsesgrupper": ["A-dagpenge", "Jobparate kontanthjælpsmodtagere"], "Målgruppe": ["Ledige i 26 uger"]}', 'count', 'mean', 12,
	 'Of those, in work in a company of another trade', true),
	('langtidsledige_dagpenge', 'Y25I09', 'Antal langtidsledige personer', NULL, '{"Ydelsesgrupper": ["A-dagpenge"]}', 'count', 'sum', 12,
	 'Long-term unemployed A-dagpenge recipients, sum of the months', true),
	('bruttoledige_dagpenge', 'Y25I09', 'Antal bruttoledige personer', NULL, '{"Ydelsesgrupper": ["A-dagpenge"]}', 'count', 'sum', 12,
	 'Gross unemployed A-dagpenge recipients, sum of the months', true),
	('unge_selvforsoergende_3_mdr', 'Y38B15', 'Andel 3 måneder efter (pct.)', NULL,
	 '{"Arbejdsmarkedsstatus": ["Lønmodtagerbeskæftigelse", "Uddannelse", "Selvforsørgelse"]}', 'share', 'mean', 12,
	 'Young people leaving uddannelseshjælp: per cent in work, education or self-support three months after', true),
	('aktiverede_uddannelseshjaelp', 'PTVC01', 'Antal aktiverede', NULL, '{"Ydelsesgrupper": ["Uddannelseshjælp"]}', 'count', 'mean', 12,
	 'Activated recipients of uddannelseshjælp', true),
	('personer_uddannelseshjaelp', 'Y38A02', 'Antal personer', NULL, '{}', 'count', 'mean', 12, 'Persons on uddannelseshjælp, mean of the months', true),
	('ordinaere_timer_aktivitetsparate', 'OTIJ01', 'Antal personer med ordinære timer', NULL,
	 '{"Ydelsesgrupper": ["Kontanthjælp"], "Målgruppe": ["Aktivitetsparate kontanthjælpsmodtagere"]}', 'count', 'mean', 12,
	 'Activity-ready kontanthjælp recipients with ordinary paid hours', true),
	('personer_aktivitetsparate', 'OTIJ01', 'Antal personer i alt', NULL,
	 '{"Ydelsesgrupper": ["Kontanthjælp"], "Målgruppe": ["Aktivitetsparate kontanthjælpsmodtagere"]}', 'count', 'mean', 12,
	 'Activity-ready kontanthjælp recipients', true),
	('aktiverede_aktivitetsparate_virksomhed', 'PTVC02', 'Antal aktiverede', NULL,
	 '{"Ydelsesgrupper": ["Aktivitetsparate kontanthjælpsmodtagere"], "Tilbud": ["Virksomhedspraktik", "Løntilskud"]}', 'count', 'mean', 12,
	 'Activity-ready kontanthjælp recipients in company internship or wage subsidy', true),
	('virksomhedstilfredshed', 'BRUGERDATA', 'Jobcentrets service over for virksomhederne (karakter 1-5)', NULL, '{}', 'share', 'mean', 12,
	 'DI''s survey "Lokalt Erhvervsklima": the businesses'' rating of the jobcentre (the user''s own figures)', true),
	('aktive_ikke_vestlige', 'BRUGERDATA', 'Ikke-vestlige indvandrere i aktivering (pct.)', NULL, '{}', 'share', 'mean', 12,
	 'Non-western immigrants in activation, per cent (the user''s own figures: no jobindsats table has activation by origin)', true),
	('delvis_raskmelding', 'BRUGERDATA', 'Sygemeldte med delvis raskmelding (pct.)', NULL, '{}', 'share', 'mean', 12,
	 'Sick-listed with partial return to work, per cent (the user''s own figures)', true),
	('borgertilfredshed', 'BRUGERDATA', 'Andel tilfredse borgere (pct.)', NULL, '{}', 'share', 'mean', 12,
	 'Citizen survey, per cent satisfied (the user''s own figures, every third year)', true);

/* Full-time persons per benefit (the goal) and their per cent of the population, all and non-western. */
INSERT INTO benchmark.jobindsats_term (term, table_id, measure, dimensions, kind, per_year, months_required, description, shipped)
WITH benefit (benefit, table_id, name) AS (
	VALUES ('dagpenge', 'Y01A02', 'A-dagpenge'), ('kontanthjaelp', 'Y60A02', 'kontanthjælp'),
		   ('uddannelseshjaelp', 'Y38A02', 'uddannelseshjælp'), ('revalidering', 'Y04A02', 'revalidering'),
		   ('integration', 'Y35A02', 'integrationsydelse'), ('sygedagpenge', 'Y07A02', 'sygedagpenge'),
		   ('jobafklaring', 'Y12A02', 'jobafklaring'), ('ressourceforloeb', 'Y11A02', 'ressourceforløb'),
		   ('ledighedsydelse', 'Y09A02', 'ledighedsydelse'), ('fleksjob', 'Y08A02', 'fleksjob'),
		   ('foertidspension', 'Y10A02', 'førtidspension'))
SELECT 'fuldtid_' || b.benefit, b.table_id, 'Antal fuldtidspersoner', '{}', 'count', 'mean', 10,
	   'Full-time persons on ' || b.name || ', mean of the months (at least 10)', true
FROM benefit b
UNION ALL
SELECT 'pct_' || b.benefit || h.suffix, b.table_id, 'Fuldtidspersoner i pct. af befolkningen 16-66 år', h.dimensions::jsonb,
	   'share', 'mean', 12, 'Full-time persons on ' || b.name || ' in per cent of the population 16-66' || h.who, true
FROM benefit b,
	 (VALUES ('', '{}', ''), ('_ikke_vestlige', '{"Herkomst": ["Ikke-vestlige indvandrere"]}', ', non-western immigrants')) h(suffix, dimensions, who);

INSERT INTO benchmark.jobindsats_mapping (mapping, numerator, denominator, scale, upper_bound, description, shipped) VALUES
	('stillingsopslag', '{nyopslaaede_stillinger}', '{befolkning_16_66}', 100, NULL,
	 'Job postings (Y25I07, sum of the months) in per cent of the population 16-66 (PTVA02)', true),
	('virksomhedstilfredshed', '{virksomhedstilfredshed}', NULL, 1, NULL, 'Business satisfaction (BRUGERDATA)', true),
	('opkvalificering', '{aktiverede_opkvalificering}', '{personer_alle_ydelser,-personer_fleksjob_foertid_senior}', 100, NULL,
	 'Activated in guidance and upskilling (PTVC02) in per cent of persons on public support except flexi-jobs, disability and senior pension (PTVA02)', true),
	('revalidering', '{personer_revalidering}', '{befolkning_16_66}', 100, NULL,
	 'Persons on revalidering (Y04A02, mean of the months) in per cent of the population 16-66 (PTVA02)', true),
	('opkvalificering_dagpenge', '{aktiverede_dagpenge_opkvalificering}', '{personer_dagpenge}', 100, NULL,
	 'Dagpenge recipients in guidance and upskilling (Y01C01) in per cent of persons on A-dagpenge (Y01A02, mean of the months)', true),
	('job_efter_26_uger', '{beskaeftigede_samme_virksomhed,beskaeftigede_samme_branche,beskaeftigede_anden_branche}',
	 '{afsluttede_forloeb_26_uger}', 100, NULL,
	 'In work after 26 weeks of unemployment (Y14D03, dagpenge and job-ready kontanthjælp), per cent of the finished courses', true),
	('langtidsledige', '{langtidsledige_dagpenge}', '{bruttoledige_dagpenge}', 100, NULL,
	 'Long-term unemployed among gross unemployed A-dagpenge recipients (Y25I09, sums of the months), per cent', true),
	('unge_i_job_og_uddannelse', '{unge_selvforsoergende_3_mdr}', NULL, 1, NULL,
	 'Young people in work, education or self-support three months after (Y38B15), per cent', true),
	('ingen_passive_unge', '{aktiverede_uddannelseshjaelp}', '{personer_uddannelseshjaelp}', 100, NULL,
	 'Activated uddannelseshjælp recipients (PTVC01) in per cent of persons on uddannelseshjælp (Y38A02, mean of the months)', true),
	('aktive_aktivitetsparate', '{ordinaere_timer_aktivitetsparate,aktiverede_aktivitetsparate_virksomhed}', '{personer_aktivitetsparate}', 100, 100,
	 'Activity-ready kontanthjælp recipients with ordinary hours (OTIJ01) or in internship or wage subsidy (PTVC02), per cent of OTIJ01 "Antal personer i alt", at most 100', true),
	('ledighed_fleksjob', '{fuldtid_ledighedsydelse}', '{fuldtid_ledighedsydelse,fuldtid_fleksjob}', 100, NULL,
	 'Full-time persons on ledighedsydelse in per cent of those on ledighedsydelse or in flexi-jobs (Y09A02, Y08A02)', true),
	('aktive_ikke_vestlige', '{aktive_ikke_vestlige}', NULL, 1, NULL, 'Non-western immigrants in activation (BRUGERDATA)', true),
	('forsoergelsesgab',
	 '{pct_dagpenge_ikke_vestlige,pct_kontanthjaelp_ikke_vestlige,pct_uddannelseshjaelp_ikke_vestlige,pct_revalidering_ikke_vestlige,pct_integration_ikke_vestlige,pct_sygedagpenge_ikke_vestlige,pct_jobafklaring_ikke_vestlige,pct_ressourceforloeb_ikke_vestlige,pct_ledighedsydelse_ikke_vestlige,pct_fleksjob_ikke_vestlige,pct_foertidspension_ikke_vestlige,-pct_dagpenge,-pct_kontanthjaelp,-pct_uddannelseshjaelp,-pct_revalidering,-pct_integration,-pct_sygedagpenge,-pct_jobafklaring,-pct_ressourceforloeb,-pct_ledighedsydelse,-pct_fleksjob,-pct_foertidspension}',
	 NULL, 1, NULL,
	 'Support gap, rate reading: per cent of non-western immigrants 16-66 on the eleven benefits minus per cent of the whole population 16-66 (the benefit tables by Herkomst), percentage points', true),
	('delvis_raskmelding', '{delvis_raskmelding}', NULL, 1, NULL, 'Partial return to work (BRUGERDATA)', true),
	('borgertilfredshed', '{borgertilfredshed}', NULL, 1, NULL, 'Citizen satisfaction (BRUGERDATA)', true);

INSERT INTO benchmark.jobindsats_mapping (mapping, numerator, denominator, scale, upper_bound, description, shipped)
SELECT 'ydelse_' || b.benefit, ARRAY['fuldtid_' || b.benefit], NULL, 1, NULL,
	   'Goal benefit ' || b.benefit || ': full-time persons, mean of the months (at least 10)', true
FROM unnest('{dagpenge,kontanthjaelp,uddannelseshjaelp,revalidering,integration,sygedagpenge,jobafklaring,ressourceforloeb,ledighedsydelse,fleksjob,foertidspension}'::text[]) b(benefit);

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_source', '');
SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_term', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_mapping', 'WHERE NOT shipped');

GRANT SELECT ON benchmark.jobindsats_source, benchmark.jobindsats_term, benchmark.jobindsats_mapping TO PUBLIC;

/*
 * The preset reads the installed mapping views instead of the sample
 * script's schema model_sources (user views of that name are left alone;
 * point a copy of the model at them to keep using them).
 */
ALTER TABLE benchmark.model_measure DISABLE TRIGGER USER;
ALTER TABLE benchmark.model_benefit DISABLE TRIGGER USER;
ALTER TABLE benchmark.target DISABLE TRIGGER USER;
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_stillingsopslag', jobindsats = 'Y25I07 "Antal nyopslåede stillinger" (sum of the months) / population 16-66 from PTVA02 ("Antal fuldtidspersoner" * 100 / "Fuldtidspersoner i pct. af befolkningen 16-66 år"): mapping stillingsopslag'
WHERE model = 'sonderborg-2023' AND measure = 'stillingsopslag';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_virksomhedstilfredshed', jobindsats = 'Not jobindsats: DI "Lokalt Erhvervsklima", the user''s own figures loaded as table BRUGERDATA, measure "Jobcentrets service over for virksomhederne (karakter 1-5)": mapping virksomhedstilfredshed'
WHERE model = 'sonderborg-2023' AND measure = 'virksomhedstilfredshed';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_opkvalificering', jobindsats = 'PTVC02 "Antal aktiverede" (Tilbud = Vejledning og opkvalificering; PTVC01 has no Tilbud) / PTVA02 "Antal personer" (Ydelsesgrupper i alt minus Fleksjob, Førtidspension, Seniorpension): mapping opkvalificering'
WHERE model = 'sonderborg-2023' AND measure = 'opkvalificering';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_revalidering', jobindsats = 'Y04A02 "Antal personer" (mean of the months) / population 16-66 from PTVA02: mapping revalidering'
WHERE model = 'sonderborg-2023' AND measure = 'revalidering';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_opkvalificering_dagpenge', jobindsats = 'Y01C01 "Antal aktiverede" (Tilbud = Vejledning og opkvalificering i alt) / Y01A02 "Antal personer" (mean of the months): mapping opkvalificering_dagpenge'
WHERE model = 'sonderborg-2023' AND measure = 'opkvalificering_dagpenge';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_job_efter_26_uger', jobindsats = 'Y14D03 (rolling year ending Q4) "Efterfølgende beskæftigelse: I samme virksomhed" + "…: I anden virksomhed i samme branche" + "…: I anden virksomhed i anden branche" / "Antal afsluttede forløb" (Ydelsesgrupper = A-dagpenge + Jobparate kontanthjælpsmodtagere, Målgruppe = Ledige i 26 uger): mapping job_efter_26_uger'
WHERE model = 'sonderborg-2023' AND measure = 'job_efter_26_uger';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_langtidsledige', jobindsats = 'Y25I09, Ydelsesgrupper = A-dagpenge: "Antal langtidsledige personer" / "Antal bruttoledige personer" (sums of the months; the yearly form of "Andel langtidsledige personer ift. bruttoledige personer"): mapping langtidsledige'
WHERE model = 'sonderborg-2023' AND measure = 'langtidsledige';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_unge_i_job_og_uddannelse', jobindsats = 'Y38B15 "Andel 3 måneder efter (pct.)", Arbejdsmarkedsstatus = Lønmodtagerbeskæftigelse + Uddannelse + Selvforsørgelse: mapping unge_i_job_og_uddannelse'
WHERE model = 'sonderborg-2023' AND measure = 'unge_i_job_og_uddannelse';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_ingen_passive_unge', jobindsats = 'PTVC01 "Antal aktiverede" (Ydelsesgrupper = Uddannelseshjælp) / Y38A02 "Antal personer" (mean of the months): mapping ingen_passive_unge'
WHERE model = 'sonderborg-2023' AND measure = 'ingen_passive_unge';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_aktive_aktivitetsparate', jobindsats = '(OTIJ01 "Antal personer med ordinære timer" + PTVC02 "Antal aktiverede", Ydelsesgrupper = Aktivitetsparate kontanthjælpsmodtagere, Tilbud = Virksomhedspraktik + Løntilskud) / OTIJ01 "Antal personer i alt" (Målgruppe = Aktivitetsparate kontanthjælpsmodtagere), at most 100: mapping aktive_aktivitetsparate'
WHERE model = 'sonderborg-2023' AND measure = 'aktive_aktivitetsparate';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_ledighed_fleksjob', jobindsats = 'Y09A02 "Antal fuldtidspersoner" / (Y08A02 + Y09A02 "Antal fuldtidspersoner"), means of the months: mapping ledighed_fleksjob'
WHERE model = 'sonderborg-2023' AND measure = 'ledighed_fleksjob';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_aktive_ikke_vestlige', jobindsats = 'Not found in jobindsats (PTVC01 and PTVC02 have no Herkomst, PTVA02 none seen): the user''s own figures loaded as table BRUGERDATA, measure "Ikke-vestlige indvandrere i aktivering (pct.)": mapping aktive_ikke_vestlige'
WHERE model = 'sonderborg-2023' AND measure = 'aktive_ikke_vestlige';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_forsoergelsesgab', jobindsats = 'The eleven benefit tables (Y01A02 … Y60A02) "Fuldtidspersoner i pct. af befolkningen 16-66 år", means of the months, summed: Herkomst = Ikke-vestlige indvandrere minus Herkomst i alt (PTVA02 has no Herkomst): mapping forsoergelsesgab'
WHERE model = 'sonderborg-2023' AND measure = 'forsoergelsesgab';
UPDATE benchmark.model_measure SET source = 'benchmark.mapped_delvis_raskmelding', jobindsats = 'Not found in jobindsats (its sygedagpenge tables Y07… give stocks, activation and status after the benefit, not partial returns): the user''s own figures (e.g. from the case system) loaded as table BRUGERDATA, measure "Sygemeldte med delvis raskmelding (pct.)": mapping delvis_raskmelding'
WHERE model = 'sonderborg-2023' AND measure = 'delvis_raskmelding';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_dagpenge' WHERE model = 'sonderborg-2023' AND benefit = 'dagpenge';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_kontanthjaelp' WHERE model = 'sonderborg-2023' AND benefit = 'kontanthjaelp';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_uddannelseshjaelp' WHERE model = 'sonderborg-2023' AND benefit = 'uddannelseshjaelp';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_revalidering' WHERE model = 'sonderborg-2023' AND benefit = 'revalidering';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_integration' WHERE model = 'sonderborg-2023' AND benefit = 'integration';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_sygedagpenge' WHERE model = 'sonderborg-2023' AND benefit = 'sygedagpenge';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_jobafklaring' WHERE model = 'sonderborg-2023' AND benefit = 'jobafklaring';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_ressourceforloeb' WHERE model = 'sonderborg-2023' AND benefit = 'ressourceforloeb';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_ledighedsydelse' WHERE model = 'sonderborg-2023' AND benefit = 'ledighedsydelse';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_fleksjob' WHERE model = 'sonderborg-2023' AND benefit = 'fleksjob';
UPDATE benchmark.model_benefit SET source = 'benchmark.mapped_ydelse_foertidspension' WHERE model = 'sonderborg-2023' AND benefit = 'foertidspension';
UPDATE benchmark.target SET source = 'benchmark.mapped_borgertilfredshed',
	note = 'Not jobindsats: the municipality''s own citizen survey, every third year (the user''s own survey loaded as table BRUGERDATA, measure "Andel tilfredse borgere (pct.)", read through benchmark.mapped_borgertilfredshed: the share of satisfied citizens over the plan''s three questions). The level of the plan''s figure did not survive in its text, so the target read here is "at least as many satisfied as in the survey before the plan" (2019), judged in every survey from 2022 on. Replaces the preset''s area 8 ranking, which the plan does not count.'
WHERE target = 'sonderborg-2023-borgertilfredshed';
ALTER TABLE benchmark.model_measure ENABLE TRIGGER USER;
ALTER TABLE benchmark.model_benefit ENABLE TRIGGER USER;
ALTER TABLE benchmark.target ENABLE TRIGGER USER;

/*
 * jobindsats period labels: '2022' (year), '2022Q1' (quarter), '2022M03'
 * (month), '2023QMAT01' (four quarters ending with the quarter named), and
 * the API v3's '2024Y01' (a year) and '2025Q04' (a quarter).  One parser in
 * C (src/period.c) serves these functions and the jobindsats readers.
 * Malformed labels are an error with SQLSTATE 22P02, fields out of range
 * (year 0000, month 13, quarter 5) 22008.
 */

CREATE OR REPLACE FUNCTION benchmark.period_kind(label text)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_kind';

COMMENT ON FUNCTION benchmark.period_kind(text) IS
'The kind of a jobindsats period label: year (2022, 2024Y01), quarter (2022Q1, 2025Q04), month (2022M03) or four quarters (2023QMAT01); malformed labels are an error (22P02, out-of-range fields 22008)';

CREATE OR REPLACE FUNCTION benchmark.period_start(label text)
RETURNS date
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_start';

COMMENT ON FUNCTION benchmark.period_start(text) IS
'The first day of a jobindsats period label (2022 -> 2022-01-01, 2022M03 -> 2022-03-01, 2022Q2 -> 2022-04-01, 2023QMAT01 -> 2022-04-01)';

CREATE OR REPLACE FUNCTION benchmark.period_end(label text)
RETURNS date
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_end';

COMMENT ON FUNCTION benchmark.period_end(text) IS
'The last day of a jobindsats period label (2022 -> 2022-12-31, 2022M02 -> 2022-02-28, 2022Q1 -> 2022-03-31, 2023QMAT01 -> 2023-03-31)';

CREATE OR REPLACE FUNCTION benchmark.period_index(label text)
RETURNS integer
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_index';

COMMENT ON FUNCTION benchmark.period_index(text) IS
'A running number of a jobindsats period within its kind: consecutive years, quarters or months differ by 1 (2022 -> 2022, 2022M03 -> 24266, 2022Q1 -> 8088)';

CREATE OR REPLACE FUNCTION benchmark.period_from_index(kind text, idx integer)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_from_index';

COMMENT ON FUNCTION benchmark.period_from_index(text, integer) IS
'The canonical jobindsats period label of a kind (year, quarter, month, four quarters) with a running number as period_index gives it; NULL outside the years 0001-9999';

CREATE OR REPLACE FUNCTION benchmark.period_previous(label text)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_previous';

COMMENT ON FUNCTION benchmark.period_previous(text) IS
'The period before a jobindsats period, of the same kind, as a canonical label (2022 -> 2021, 2022M01 -> 2021M12, 2022Q1 -> 2021Q4); NULL before 0001';

CREATE OR REPLACE FUNCTION benchmark.period_series(first_period text, last_period text)
RETURNS SETOF text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE ROWS 12
AS 'MODULE_PATHNAME', 'period_label_series';

COMMENT ON FUNCTION benchmark.period_series(text, text) IS
'Every period from the first to the last (of one kind), in order, as canonical labels; none when the last comes before the first';

CREATE OR REPLACE FUNCTION benchmark.period_canonical(label text)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_canonical';

COMMENT ON FUNCTION benchmark.period_canonical(text) IS
'The canonical form of a jobindsats period label: the API v3''s 2024Y01 -> 2024 and 2025Q04 -> 2025Q4; other labels as written once they are checked';

CREATE OR REPLACE FUNCTION benchmark.period_is_valid(label text)
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_is_valid';

COMMENT ON FUNCTION benchmark.period_is_valid(text) IS
'Whether a text is a jobindsats period label that period_kind accepts, without raising an error (for checks over many rows)';

/* True when a period overlaps the years first_year to last_year (a model's baseline term). */
CREATE OR REPLACE FUNCTION benchmark.period_in_years(label text, first_year integer, last_year integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN benchmark.period_start(label) <= pg_catalog.make_date(last_year, 12, 31)
	   AND benchmark.period_end(label) >= pg_catalog.make_date(first_year, 1, 1);

COMMENT ON FUNCTION benchmark.period_in_years(text, integer, integer) IS
'Whether a jobindsats period overlaps the years first_year to last_year (a period inside a model''s baseline term has no development against it)';

/*
 * Rules every catalog table shares: the shipped preset stays as shipped, and
 * every source relation (of a model's measure or benefit, or of a target) is
 * checked and read in one way.
 */

/*
 * One trigger function keeps every shipped row as shipped.  TG_ARGV[0] names
 * the column that identifies the row in messages; TG_ARGV[1], when given, is
 * the parent table whose shipped rows own this table's rows (a shipped model
 * owns its areas, a shipped peer group its members, a shipped target its
 * milestones), and TG_ARGV[2] the column pointing at the parent (by default
 * the column named as the parent table).
 */
CREATE OR REPLACE FUNCTION benchmark.protect_shipped()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	key text := TG_ARGV[0];
	parent text := TG_ARGV[1];
	parent_key text := coalesce(TG_ARGV[2], TG_ARGV[1]);
	copy_hint text := CASE WHEN TG_TABLE_NAME LIKE 'model%' THEN 'Copy the model with benchmark.model_copy(''sonderborg-2023'', ''my-model'') and change the copy.'
						   WHEN TG_TABLE_NAME LIKE 'peer_group%' THEN 'Copy the group with benchmark.peer_group_copy(''group'', ''my-group'') and change the copy.'
						   WHEN TG_TABLE_NAME LIKE 'jobindsats%' THEN 'Add a term or mapping of your own under another name (shipped = false) and point a copy of the model at it.'
						   ELSE 'Add a target of your own (shipped = false) instead.' END;
	parent_shipped boolean := false;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE shipped)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		INTO parent_shipped;
		IF parent_shipped THEN
			RAISE EXCEPTION 'table %.% holds shipped rows and cannot be truncated', TG_TABLE_SCHEMA, TG_TABLE_NAME
				USING ERRCODE = 'insufficient_privilege',
					HINT = 'Delete your own rows with DELETE ... WHERE NOT shipped.';
		END IF;
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.shipped THEN
		RAISE EXCEPTION 'the shipped % "%" cannot be changed', pg_catalog.replace(coalesce(parent, TG_TABLE_NAME), '_', ' '),
			pg_catalog.to_jsonb(OLD) ->> coalesce(parent_key, key)
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('Table %s.%s holds it as shipped with the extension (row %s); pg_dump does not keep changes to it.',
										   TG_TABLE_SCHEMA, TG_TABLE_NAME, pg_catalog.to_jsonb(OLD) ->> key),
				HINT = copy_hint;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.shipped THEN
		RAISE EXCEPTION 'only the extension can add shipped rows'
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = 'Shipped rows are left out of pg_dump.',
				HINT = 'Insert the row with shipped = false.';
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND parent IS NOT NULL THEN
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I = $1 AND shipped)', TG_TABLE_SCHEMA, parent, parent_key)
		INTO parent_shipped USING pg_catalog.to_jsonb(NEW) ->> parent_key;
		IF parent_shipped THEN
			RAISE EXCEPTION 'the shipped % "%" cannot gain rows', pg_catalog.replace(parent, '_', ' '), pg_catalog.to_jsonb(NEW) ->> parent_key
				USING ERRCODE = 'insufficient_privilege',
					DETAIL = pg_catalog.format('Table %s.%s belongs to it as shipped with the extension.', TG_TABLE_SCHEMA, TG_TABLE_NAME),
					HINT = copy_hint;
		END IF;
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark.protect_shipped() IS
'Trigger function of every catalog table: shipped rows cannot be changed, deleted, truncated or added to (a shipped model, peer group or target gains no rows)';

/* Every catalog table keeps its shipped rows as shipped. */
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('model');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_area
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('area_no', 'model');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('measure', 'model');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('benefit', 'model');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_excluded
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('kommune', 'model');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.peer_group
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('peer_group');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.peer_group_member
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('kommune', 'peer_group');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('target');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.target_milestone
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('due', 'target');
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_area
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_measure
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_benefit
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_excluded
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.peer_group
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.peer_group_member
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.target
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.target_milestone
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_term
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('term');
CREATE OR REPLACE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_mapping
	FOR EACH ROW EXECUTE FUNCTION benchmark.protect_shipped('mapping');
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.jobindsats_term
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();
CREATE OR REPLACE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.jobindsats_mapping
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark.protect_shipped();

/*
 * Who may have written a source.  Reading a view runs the functions it calls
 * with the reader's rights, so a source is read only when its owner is the
 * reader, a superuser, or a role the reader names in the setting
 * benchmark.trusted_owners.
 */
CREATE OR REPLACE FUNCTION benchmark.source_owner_trusted(owner oid)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN owner = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER)
	OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid = owner)
	OR (SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = owner)
	   = ANY (pg_catalog.string_to_array(pg_catalog.replace(coalesce(pg_catalog.current_setting('benchmark.trusted_owners', true), ''), ' ', ''), ','));

COMMENT ON FUNCTION benchmark.source_owner_trusted(oid) IS
'True when the runner may read a relation owned by this role: the current user, a superuser, or a role listed in the setting benchmark.trusted_owners';

/*
 * The one check of a source relation, used by the model catalog, the runner
 * and the target follow-up: what is wrong with it, with SQLSTATE and hint,
 * and NULLs when nothing is.  columns are the columns the caller reads;
 * numeric_columns those of them that must hold numbers.
 */
CREATE OR REPLACE FUNCTION benchmark.source_problem(source text, columns text[] DEFAULT '{kommune,period,value}',
										 numeric_columns text[] DEFAULT '{value}',
										 OUT relation text, OUT sqlstate text, OUT problem text, OUT hint text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c pg_catalog.pg_class;
	rel regclass;
	schema_name name;
	missing text;
	have text;
	denied text;
	wrong_type text;
BEGIN
	IF source IS NULL THEN
		RETURN;
	END IF;
	BEGIN
		rel := pg_catalog.to_regclass(source);
	EXCEPTION WHEN invalid_name OR syntax_error OR invalid_parameter_value OR undefined_object
		 OR invalid_schema_name OR insufficient_privilege THEN
		rel := NULL;
	END;
	relation := rel::text;
	IF rel IS NULL THEN
		/* a schema the user may not look into hides its relations: say so */
		BEGIN
			schema_name := (pg_catalog.parse_ident(source))[1];
		EXCEPTION WHEN OTHERS THEN
			schema_name := NULL;
		END;
		IF pg_catalog.cardinality(pg_catalog.parse_ident(source, false)) = 2
		   AND pg_catalog.to_regnamespace(pg_catalog.quote_ident(schema_name)) IS NOT NULL
		   AND NOT pg_catalog.has_schema_privilege(pg_catalog.to_regnamespace(pg_catalog.quote_ident(schema_name)), 'USAGE') THEN
			sqlstate := '42501';
			problem := pg_catalog.format('permission denied for schema %s of source %s', schema_name, source);
			hint := pg_catalog.format('Sources are read with your own privileges: ask for GRANT USAGE ON SCHEMA %s and GRANT SELECT on the source.', pg_catalog.quote_ident(schema_name));
			RETURN;
		END IF;
		sqlstate := '42P01';
		problem := pg_catalog.format('source relation %s does not exist', source);
		hint := 'Give a schema-qualified table, view or materialized view with the columns kommune, period and value; names are resolved with search_path = pg_catalog.';
		RETURN;
	END IF;
	SELECT * INTO c FROM pg_catalog.pg_class x WHERE x.oid = rel;
	IF c.relkind NOT IN ('r', 'p', 'v', 'm', 'f') THEN
		sqlstate := '42809';
		problem := pg_catalog.format('source %s is not a table, view or materialized view', relation);
		hint := 'Point the source at a table or view with the columns kommune, period and value.';
		relation := NULL;
		RETURN;
	END IF;
	schema_name := (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = c.relnamespace);
	IF NOT pg_catalog.has_schema_privilege(c.relnamespace, 'USAGE') THEN
		sqlstate := '42501';
		problem := pg_catalog.format('permission denied for schema %s of source %s', schema_name, source);
		hint := pg_catalog.format('Sources are read with your own privileges: ask for GRANT USAGE ON SCHEMA %s and GRANT SELECT on the source.', pg_catalog.quote_ident(schema_name));
		RETURN;
	END IF;
	SELECT pg_catalog.string_agg(x, ', ' ORDER BY o) INTO missing
	FROM pg_catalog.unnest(columns) WITH ORDINALITY u(x, o)
	WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					  WHERE a.attrelid = rel AND a.attname = u.x AND a.attnum > 0 AND NOT a.attisdropped);
	IF missing IS NOT NULL THEN
		SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
		INTO have
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped;
		sqlstate := '42703';
		problem := pg_catalog.format('source %s lacks column(s) %s (it has: %s)', relation, missing, coalesce(have, 'none'));
		hint := 'A source returns (kommune text or kommune, period text, value numeric): rename its columns in a view.';
		RETURN;
	END IF;
	SELECT pg_catalog.string_agg(x, ', ' ORDER BY o) INTO denied
	FROM pg_catalog.unnest(columns) WITH ORDINALITY u(x, o)
	WHERE NOT pg_catalog.has_column_privilege(rel, u.x, 'SELECT');
	IF denied IS NOT NULL THEN
		sqlstate := '42501';
		problem := pg_catalog.format('permission denied for source %s (columns %s)', relation, denied);
		hint := pg_catalog.format('Sources are read with your own privileges: ask for GRANT SELECT ON %s.', relation);
		RETURN;
	END IF;
	IF NOT benchmark.source_owner_trusted(c.relowner) THEN
		sqlstate := '42501';
		problem := pg_catalog.format('source %s is owned by role %s, whom you do not trust to run code as you',
									 relation, pg_catalog.pg_get_userbyid(c.relowner));
		hint := 'Reading a view runs the functions it calls with your rights. Read sources you own or a superuser owns, or name the owner in the setting benchmark.trusted_owners (e.g. ALTER ROLE ... SET benchmark.trusted_owners = ''etl'').';
		RETURN;
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
	INTO wrong_type
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = rel AND a.attname = ANY (numeric_columns) AND a.attnum > 0 AND NOT a.attisdropped
	  AND a.atttypid NOT IN ('numeric'::regtype, 'integer'::regtype, 'bigint'::regtype, 'smallint'::regtype,
							 'real'::regtype, 'double precision'::regtype);
	IF wrong_type IS NOT NULL THEN
		sqlstate := '42804';
		problem := pg_catalog.format('source %s has columns that are not numbers: %s', relation, wrong_type);
		hint := 'Convert them to numeric in a view; suppressed cells are NULL, never 0.';
		RETURN;
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
	INTO wrong_type
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = rel AND a.attname IN ('kommune', 'period') AND a.attname = ANY (columns)
	  AND a.attnum > 0 AND NOT a.attisdropped
	  AND a.atttypid NOT IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype, 'name'::regtype,
							 'integer'::regtype, 'smallint'::regtype, '@extschema@.kommune'::regtype);
	IF wrong_type IS NOT NULL THEN
		sqlstate := '42804';
		problem := pg_catalog.format('source %s has a kommune or period column of an unexpected type: %s', relation, wrong_type);
		hint := 'kommune is text (a name or code), an integer code or the kommune type; period is text.';
		RETURN;
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark.source_problem(text, text[], text[]) IS
'What is wrong with a source relation (missing, not a table or view, no USAGE on its schema, lacking columns, not readable, owned by a role you do not trust, columns of the wrong type) with SQLSTATE and hint; NULLs and the relation''s qualified name when it is fine';

/* Raises the problem of a source, naming what it is the source of. */
CREATE OR REPLACE FUNCTION benchmark.source_check(source text, of_what text, columns text[] DEFAULT '{kommune,period,value}',
									   numeric_columns text[] DEFAULT '{value}')
RETURNS regclass
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
BEGIN
	p := benchmark.source_problem(source, columns, numeric_columns);
	IF p.sqlstate IS NOT NULL THEN
		RAISE EXCEPTION '%: %', of_what, p.problem USING ERRCODE = p.sqlstate, HINT = p.hint;
	END IF;
	RETURN p.relation::regclass;
END
$$;

COMMENT ON FUNCTION benchmark.source_check(text, text, text[], text[]) IS
'Checks a source relation with source_problem and raises its problem, prefixed with what the source belongs to; returns the relation';

/*
 * A measure's or benefit's source, when it exists already, is a table, view
 * or materialized view: an index or a composite type is refused when it is
 * entered.  A source that does not exist yet is accepted (the runner reports
 * it), so that a model can be set up before its data.
 */
CREATE OR REPLACE FUNCTION benchmark.source_kind_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
	kind "char";
BEGIN
	IF NEW.shipped THEN
		RETURN NEW;
	END IF;
	BEGIN
		rel := pg_catalog.to_regclass(NEW.source);
	EXCEPTION WHEN invalid_name OR syntax_error OR invalid_parameter_value OR undefined_object
		 OR invalid_schema_name OR insufficient_privilege THEN
		rel := NULL;
	END;
	kind := (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = rel);
	IF kind IS NOT NULL AND kind NOT IN ('r', 'p', 'v', 'm', 'f') THEN
		RAISE EXCEPTION 'source % of % "%" in model "%" is not a table, view or materialized view', rel,
			CASE TG_TABLE_NAME WHEN 'model_measure' THEN 'measure' ELSE 'benefit' END,
			pg_catalog.to_jsonb(NEW) ->> CASE TG_TABLE_NAME WHEN 'model_measure' THEN 'measure' ELSE 'benefit' END, NEW.model
			USING ERRCODE = 'wrong_object_type',
				HINT = 'Point the source at a table or view with the columns kommune, period and value.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark.source_kind_check() IS
'Trigger function of model_measure and model_benefit: a source that exists must be a table, view or materialized view';

CREATE OR REPLACE TRIGGER source_kind_check BEFORE INSERT OR UPDATE OF source ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark.source_kind_check();
CREATE OR REPLACE TRIGGER source_kind_check BEFORE INSERT OR UPDATE OF source ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark.source_kind_check();

/* The SELECT reading one checked source as (what, item, k, period, v), for dynamic SQL. */
CREATE OR REPLACE FUNCTION benchmark.source_select(relation regclass, what text, item text, periods text[])
RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.format('SELECT %L::text AS what, %L::text AS item, s.kommune::text AS k, s.period::text AS period, s.value::numeric AS v FROM %s s%s',
						 what, item, relation,
						 CASE WHEN periods IS NOT NULL THEN pg_catalog.format(' WHERE s.period::text = ANY (%L::text[])', periods) ELSE '' END);

COMMENT ON FUNCTION benchmark.source_select(regclass, text, text, text[]) IS
'The SELECT reading one checked source as (what, item, k, period, v), limited to the given period labels (NULL: all), for dynamic SQL';

/*
 * References between the catalog tables.
 *
 * The catalog tables are extension configuration tables: CREATE EXTENSION
 * makes them, with their constraints, before a restore loads the users' rows
 * into them.  Foreign keys between them would be checked row by row while
 * the rows arrive, and pg_restore -j loads the tables in parallel, in any
 * order: a model's areas can arrive before the model.  So the catalog has no
 * foreign keys.  Triggers do their work instead:
 *
 *   - reference_check (BEFORE INSERT OR UPDATE on the referencing table)
 *     rejects a row whose parent does not exist, as a foreign key would,
 *     except while a dump is being restored;
 *   - cascade_to_* (AFTER UPDATE OR DELETE on the referenced table) renames
 *     and deletes the rows that belong to a parent with it, or refuses to
 *     delete a parent that a target still follows.
 *
 * A dump is being restored when check_function_bodies is off: pg_dump's
 * scripts and every connection of pg_restore (parallel workers included)
 * turn it off before they load anything, as PostgreSQL's own loading of
 * function bodies relies on.  Rows a restore loads were checked when they
 * were first written; the view catalog_orphans lists any row whose parent is
 * missing all the same (a partial restore, a session that turned
 * check_function_bodies off).
 */

/* True while a dump is being restored: check_function_bodies is off. */
CREATE OR REPLACE FUNCTION benchmark.restoring_dump()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN NOT pg_catalog.current_setting('check_function_bodies')::boolean;

COMMENT ON FUNCTION benchmark.restoring_dump() IS
'True while a dump is being restored (check_function_bodies is off, as pg_dump''s scripts and pg_restore set it): the catalog then accepts rows before their parents';

/*
 * The referencing side: TG_ARGV[0] is the parent table (in the same schema),
 * the further arguments the key columns, named alike in both tables.  A row
 * with a NULL in its key refers to nothing (as MATCH SIMPLE).  The parent row
 * is locked FOR KEY SHARE, so a concurrent delete waits, as for a foreign key.
 */
CREATE OR REPLACE FUNCTION benchmark.reference_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	parent text := TG_ARGV[0];
	cols text[] := TG_ARGV[1:];
	new_row jsonb := pg_catalog.to_jsonb(NEW);
	vals text;
	what text;
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' AND benchmark.restoring_dump() THEN
		RETURN NEW;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c WHERE new_row ->> c IS NULL) THEN
		RETURN NEW;
	END IF;
	IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c
										WHERE pg_catalog.to_jsonb(OLD) -> c IS DISTINCT FROM new_row -> c) THEN
		RETURN NEW;
	END IF;
	EXECUTE pg_catalog.format('SELECT 1 FROM %I.%I p WHERE (%s) = (%s) FOR KEY SHARE',
							  TG_TABLE_SCHEMA, parent,
							  (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I', c), ', ') FROM pg_catalog.unnest(cols) c),
							  (SELECT pg_catalog.string_agg(pg_catalog.format('($1).%I', c), ', ') FROM pg_catalog.unnest(cols) c))
	USING NEW;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		RETURN NEW;
	END IF;
	vals := (SELECT pg_catalog.string_agg(new_row ->> c, ', ') FROM pg_catalog.unnest(cols) c);
	what := pg_catalog.replace(parent, '_', ' ');
	RAISE EXCEPTION 'insert or update on table "%" refers to a missing %: %', TG_TABLE_NAME, what,
		CASE WHEN pg_catalog.cardinality(cols) = 1 THEN pg_catalog.format('"%s"', vals)
			 ELSE pg_catalog.format('(%s) = (%s)', pg_catalog.array_to_string(cols, ', '), vals) END
		USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME,
			SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
			DETAIL = pg_catalog.format('Key (%s)=(%s) is not present in table %s.%s.',
									   pg_catalog.array_to_string(cols, ', '), vals, TG_TABLE_SCHEMA, parent),
			HINT = CASE parent
				WHEN 'model' THEN 'Add the model first, or copy one with benchmark.model_copy(''sonderborg-2023'', ''my-model'').'
				WHEN 'peer_group' THEN 'Add the peer group first, or copy one with benchmark.peer_group_copy(''group'', ''my-group'').'
				ELSE pg_catalog.format('Add the row to %s.%s first.', TG_TABLE_SCHEMA, parent) END;
END
$$;

COMMENT ON FUNCTION benchmark.reference_check() IS
'Trigger function of the catalog''s referencing tables: a row''s parent must exist (except while a dump is restored); arguments: the parent table and the key columns';

/*
 * The referenced side: TG_ARGV[0] is the referencing table, TG_ARGV[1] its
 * column naming a row in messages, TG_ARGV[2] what a delete does (cascade:
 * delete the rows too; restrict: refuse while rows refer to the parent), the
 * further arguments the key columns.  A changed key is carried to the rows.
 */
CREATE OR REPLACE FUNCTION benchmark.reference_cascade()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	child text := TG_ARGV[0];
	child_name text := TG_ARGV[1];
	on_delete text := TG_ARGV[2];
	cols text[] := TG_ARGV[3:];
	match text := (SELECT pg_catalog.format('(%s) = (%s)',
											pg_catalog.string_agg(pg_catalog.format('c.%I', c), ', '),
											pg_catalog.string_agg(pg_catalog.format('($1).%I', c), ', '))
				   FROM pg_catalog.unnest(cols) c);
	old_row jsonb := pg_catalog.to_jsonb(OLD);
	referrer text;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c WHERE old_row -> c IS DISTINCT FROM pg_catalog.to_jsonb(NEW) -> c) THEN
			EXECUTE pg_catalog.format('UPDATE %I.%I c SET (%s) = ROW(%s) WHERE %s', TG_TABLE_SCHEMA, child,
									  (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ') FROM pg_catalog.unnest(cols) c),
									  (SELECT pg_catalog.string_agg(pg_catalog.format('($2).%I', c), ', ') FROM pg_catalog.unnest(cols) c),
									  match)
			USING OLD, NEW;
		END IF;
		RETURN NULL;
	END IF;
	IF on_delete = 'cascade' THEN
		EXECUTE pg_catalog.format('DELETE FROM %I.%I c WHERE %s', TG_TABLE_SCHEMA, child, match) USING OLD;
		RETURN NULL;
	END IF;
	EXECUTE pg_catalog.format('SELECT c.%I::text FROM %I.%I c WHERE %s ORDER BY 1 LIMIT 1', child_name, TG_TABLE_SCHEMA, child, match)
	INTO referrer USING OLD;
	IF referrer IS NOT NULL THEN
		RAISE EXCEPTION 'cannot delete % %: % "%" refers to it', pg_catalog.replace(TG_TABLE_NAME, '_', ' '),
			(SELECT pg_catalog.format('"%s"', pg_catalog.string_agg(old_row ->> c, '/')) FROM pg_catalog.unnest(cols) c),
			pg_catalog.replace(child, '_', ' '), referrer
			USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME,
				SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
				DETAIL = pg_catalog.format('Key (%s)=(%s) is still referenced from table %s.%s.',
										   pg_catalog.array_to_string(cols, ', '),
										   (SELECT pg_catalog.string_agg(old_row ->> c, ', ') FROM pg_catalog.unnest(cols) c),
										   TG_TABLE_SCHEMA, child),
				HINT = pg_catalog.format('Delete the %s first, or make it refer to something else.', pg_catalog.replace(child, '_', ' '));
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION benchmark.reference_cascade() IS
'Trigger function of the catalog''s referenced tables: a renamed key is carried to the rows that refer to it; a delete deletes them too (cascade) or is refused while they exist (restrict)';

/* The referencing side. */
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_area
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('model', 'model');
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('model_area', 'model', 'area_no');
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('model', 'model');
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.model_excluded
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('model', 'model');
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.peer_group_member
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('peer_group', 'peer_group');
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('peer_group', 'peer_group');
CREATE OR REPLACE TRIGGER reference_check BEFORE INSERT OR UPDATE ON benchmark.target_milestone
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_check('target', 'target');

/* The referenced side (a target's measure or benefit is checked by target_validate). */
CREATE OR REPLACE TRIGGER cascade_to_model_area AFTER UPDATE OF model OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('model_area', 'area_no', 'cascade', 'model');
CREATE OR REPLACE TRIGGER cascade_to_model_benefit AFTER UPDATE OF model OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('model_benefit', 'benefit', 'cascade', 'model');
CREATE OR REPLACE TRIGGER cascade_to_model_excluded AFTER UPDATE OF model OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('model_excluded', 'kommune', 'cascade', 'model');
CREATE OR REPLACE TRIGGER cascade_to_model_measure AFTER UPDATE OF model, area_no OR DELETE ON benchmark.model_area
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('model_measure', 'measure', 'cascade', 'model', 'area_no');
CREATE OR REPLACE TRIGGER cascade_to_target AFTER UPDATE OF model, measure OR DELETE ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('target', 'target', 'restrict', 'model', 'measure');
CREATE OR REPLACE TRIGGER cascade_to_target AFTER UPDATE OF model, benefit OR DELETE ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('target', 'target', 'restrict', 'model', 'benefit');
CREATE OR REPLACE TRIGGER cascade_to_peer_group_member AFTER UPDATE OF peer_group OR DELETE ON benchmark.peer_group
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('peer_group_member', 'kommune', 'cascade', 'peer_group');
CREATE OR REPLACE TRIGGER cascade_to_target AFTER UPDATE OF peer_group OR DELETE ON benchmark.peer_group
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('target', 'target', 'restrict', 'peer_group');
CREATE OR REPLACE TRIGGER cascade_to_target_milestone AFTER UPDATE OF target OR DELETE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark.reference_cascade('target_milestone', 'due', 'cascade', 'target');

/* Read-time check: rows whose parent is missing. */
CREATE OR REPLACE VIEW benchmark.catalog_orphans AS
SELECT 'model_area'::text AS catalog_table, pg_catalog.format('%s/%s', c.model, c.area_no) AS row_key,
	   'model'::text AS missing_table, c.model AS missing_key
FROM benchmark.model_area c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model p WHERE p.model = c.model)
UNION ALL
SELECT 'model_measure', pg_catalog.format('%s/%s', c.model, c.measure), 'model_area', pg_catalog.format('%s/%s', c.model, c.area_no)
FROM benchmark.model_measure c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model_area p WHERE p.model = c.model AND p.area_no = c.area_no)
UNION ALL
SELECT 'model_benefit', pg_catalog.format('%s/%s', c.model, c.benefit), 'model', c.model
FROM benchmark.model_benefit c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model p WHERE p.model = c.model)
UNION ALL
SELECT 'model_excluded', pg_catalog.format('%s/%s', c.model, c.kommune), 'model', c.model
FROM benchmark.model_excluded c WHERE NOT EXISTS (SELECT 1 FROM benchmark.model p WHERE p.model = c.model)
UNION ALL
SELECT 'peer_group_member', pg_catalog.format('%s/%s', c.peer_group, c.kommune), 'peer_group', c.peer_group
FROM benchmark.peer_group_member c WHERE NOT EXISTS (SELECT 1 FROM benchmark.peer_group p WHERE p.peer_group = c.peer_group)
UNION ALL
SELECT 'target', c.target, 'peer_group', c.peer_group
FROM benchmark.target c WHERE c.peer_group IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM benchmark.peer_group p WHERE p.peer_group = c.peer_group)
UNION ALL
SELECT 'target', c.target, 'model_measure', pg_catalog.format('%s/%s', c.model, c.measure)
FROM benchmark.target c WHERE c.model IS NOT NULL AND c.measure IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM benchmark.model_measure p WHERE p.model = c.model AND p.measure = c.measure)
UNION ALL
SELECT 'target', c.target, 'model_benefit', pg_catalog.format('%s/%s', c.model, c.benefit)
FROM benchmark.target c WHERE c.model IS NOT NULL AND c.benefit IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM benchmark.model_benefit p WHERE p.model = c.model AND p.benefit = c.benefit)
UNION ALL
SELECT 'target_milestone', pg_catalog.format('%s/%s', c.target, c.due), 'target', c.target
FROM benchmark.target_milestone c WHERE NOT EXISTS (SELECT 1 FROM benchmark.target p WHERE p.target = c.target);

COMMENT ON VIEW benchmark.catalog_orphans IS
'Catalog rows whose parent row is missing (none, unless a partial restore or a session with check_function_bodies off left some): the row, and the key it refers to';

GRANT SELECT ON benchmark.catalog_orphans TO PUBLIC;

/* The runner: a model's sources read once, ranked at every level, and its reports */

CREATE OR REPLACE FUNCTION benchmark.model_copy(source_model text, new_model text)
RETURNS text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM benchmark.model m WHERE m.model = source_model) THEN
		RAISE EXCEPTION 'model "%" does not exist', source_model
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table model.';
	END IF;
	INSERT INTO benchmark.model (model, title_da, title_en, goal_da, goal_en, goal_weight, goal_rule, goal_missing,
								   baseline_from, baseline_to, total_missing)
	SELECT new_model, title_da, title_en, goal_da, goal_en, goal_weight, goal_rule, goal_missing,
		   baseline_from, baseline_to, total_missing
	FROM benchmark.model m WHERE m.model = source_model;
	INSERT INTO benchmark.model_area (model, area_no, name_da, name_en, weight, in_total, missing)
	SELECT new_model, area_no, name_da, name_en, weight, in_total, missing
	FROM benchmark.model_area a WHERE a.model = source_model;
	INSERT INTO benchmark.model_measure (model, measure, area_no, position, name_da, name_en, description_da,
										   description_en, higher_is_better, unit, source, jobindsats)
	SELECT new_model, measure, area_no, position, name_da, name_en, description_da,
		   description_en, higher_is_better, unit, source, jobindsats
	FROM benchmark.model_measure x WHERE x.model = source_model;
	INSERT INTO benchmark.model_benefit (model, benefit, position, name_da, name_en, source, jobindsats)
	SELECT new_model, benefit, position, name_da, name_en, source, jobindsats
	FROM benchmark.model_benefit b WHERE b.model = source_model;
	INSERT INTO benchmark.model_excluded (model, kommune, reason)
	SELECT new_model, kommune, reason
	FROM benchmark.model_excluded e WHERE e.model = source_model;
	RETURN new_model;
END
$$;

COMMENT ON FUNCTION benchmark.model_copy(text, text) IS
'Copies a model (the shipped preset or your own) with its areas, measures, benefits and exclusions under a new name, as ordinary editable rows';

/*
 * The labels of the periods a run for the given periods reads: those periods
 * and (for the benefits, with_baseline) for each of their kinds every period
 * of the model's baseline term.
 */
CREATE OR REPLACE FUNCTION benchmark.model_periods_read(model_name text, periods text[], with_baseline boolean DEFAULT true)
RETURNS text[]
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT pg_catalog.array_agg(DISTINCT s.spelling ORDER BY s.spelling)
	FROM (SELECT p AS label FROM pg_catalog.unnest(model_periods_read.periods) p
		  UNION
		  SELECT s.label
		  FROM benchmark.model m,
			   (SELECT DISTINCT benchmark.period_kind(p) AS kind FROM pg_catalog.unnest(model_periods_read.periods) p) k,
			   LATERAL benchmark.period_series(
				   pg_catalog.lpad(m.baseline_from::text, 4, '0') || CASE k.kind WHEN 'year' THEN '' WHEN 'month' THEN 'M01'
																		 WHEN 'quarter' THEN 'Q1' ELSE 'QMAT01' END,
				   pg_catalog.lpad(m.baseline_to::text, 4, '0') || CASE k.kind WHEN 'year' THEN '' WHEN 'month' THEN 'M12'
																	   WHEN 'quarter' THEN 'Q4' ELSE 'QMAT04' END) s(label)
		  WHERE m.model = model_periods_read.model_name AND model_periods_read.with_baseline
			AND benchmark.period_start(s.label) >= pg_catalog.make_date(m.baseline_from, 1, 1)) x,
		 LATERAL (VALUES (x.label),
						 (CASE WHEN x.label ~ '^[0-9]{4}$' THEN x.label || 'Y01'
							   WHEN x.label ~ '^[0-9]{4}Q[1-4]$' THEN pg_catalog.left(x.label, 5) || '0' || pg_catalog.right(x.label, 1) END)) s(spelling)
	WHERE s.spelling IS NOT NULL;
END;

COMMENT ON FUNCTION benchmark.model_periods_read(text, text[], boolean) IS
'The period labels a run of a model for the given periods reads: the periods themselves and (with_baseline, as the benefits need) every period of the same kind in the model''s baseline term, in canonical and API v3 spelling (2022, 2022Y01)';

/* The sources a model reads: every measure's and benefit's, measures first. */
CREATE OR REPLACE FUNCTION benchmark.model_sources(model_name text)
RETURNS TABLE (what text, item text, source text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT 'measure', x.measure, x.source FROM benchmark.model_measure x WHERE x.model = model_sources.model_name
	UNION ALL
	SELECT 'benefit', b.benefit, b.source FROM benchmark.model_benefit b WHERE b.model = model_sources.model_name
	ORDER BY 1 DESC, 2;
END;

COMMENT ON FUNCTION benchmark.model_sources(text) IS
'The sources a model reads, as (what, item, source): what is measure or benefit, item its key; measures first';

/*
 * The UNION ALL reading every source of a model (limited to some periods:
 * measures to measure_periods, when given), after checking each source.
 */
CREATE OR REPLACE FUNCTION benchmark.model_sources_sql(model_name text, periods text[], measure_periods text[] DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
	q text := '';
BEGIN
	FOR s IN SELECT * FROM benchmark.model_sources(model_name) LOOP
		IF q <> '' THEN
			q := q || E'\nUNION ALL ';
		END IF;
		q := q || benchmark.source_select(
			benchmark.source_check(s.source, pg_catalog.format('source of %s "%s" in model "%s"', s.what, s.item, model_name)),
			s.what, s.item, CASE WHEN s.what = 'measure' THEN coalesce(measure_periods, periods) ELSE periods END);
	END LOOP;
	IF q = '' THEN
		q := 'SELECT NULL::text AS what, NULL::text AS item, NULL::text AS k, NULL::text AS period, NULL::numeric AS v WHERE false';
	END IF;
	RETURN q;
END
$$;

COMMENT ON FUNCTION benchmark.model_sources_sql(text, text[], text[]) IS
'The SQL text reading every source of a model as (what, item, k, period, v), limited to the given period labels (NULL: all; measures to measure_periods when given), after checking each source';

/*
 * Raises the first data error of a model's sources, naming the model, the
 * measure or benefit and (at most ten of) the offending rows.  The runner
 * calls it only when its one pass over the sources found a problem, or when
 * ranking failed on a duplicate or a value out of range.
 */
CREATE OR REPLACE FUNCTION benchmark.model_source_errors(model_name text, sources_sql text)
RETURNS boolean
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
	what_rows text;
BEGIN
	EXECUTE pg_catalog.format($q$
		WITH s AS MATERIALIZED (%s),
		names AS MATERIALIZED (
			SELECT d.k, @extschema@.kommune_lookup(d.k)::text AS kommune
			FROM (SELECT DISTINCT s.k FROM s WHERE s.k IS NOT NULL) d
		),
		periods AS MATERIALIZED (
			SELECT d.period, benchmark.period_is_valid(d.period) AND benchmark.period_canonical(d.period) = d.period AS ok
			FROM (SELECT DISTINCT s.period FROM s WHERE s.period IS NOT NULL) d
		),
		bad AS (
			SELECT s.what, s.item, s.k, s.period, s.v,
				   CASE WHEN s.k IS NULL THEN 1 WHEN s.period IS NULL THEN 2 WHEN n.kommune IS NULL THEN 3
						WHEN NOT p.ok THEN 4 WHEN s.v = 'NaN' THEN 5
						WHEN pg_catalog.abs(s.v) > 1.7976931348623157e308 THEN 7 END AS problem
			FROM s LEFT JOIN names n ON n.k = s.k LEFT JOIN periods p ON p.period = s.period
		),
		bad_numbered AS (
			SELECT b.*, pg_catalog.row_number() OVER (PARTITION BY b.what, b.item, b.problem ORDER BY b.k, b.period) AS rn
			FROM bad b WHERE b.problem IS NOT NULL
		),
		dup_keys AS (
			SELECT s.what, s.item, n.kommune, s.period
			FROM s JOIN names n ON n.k = s.k
			WHERE n.kommune IS NOT NULL AND s.period IS NOT NULL
			GROUP BY s.what, s.item, n.kommune, s.period
			HAVING pg_catalog.count(*) > 1
		),
		dup_numbered AS (
			SELECT d.*, pg_catalog.row_number() OVER (PARTITION BY d.what, d.item ORDER BY d.kommune, d.period) AS rn
			FROM dup_keys d
		),
		dup AS (
			SELECT d.what, d.item, d.kommune, d.period,
				   pg_catalog.string_agg(pg_catalog.format('(%%s, %%s, %%s)', pg_catalog.quote_literal(s.k), pg_catalog.quote_literal(s.period), coalesce(s.v::text, 'NULL')), ', ' ORDER BY s.k, s.v) AS rows
			FROM dup_numbered d
			JOIN names n ON n.kommune = d.kommune
			JOIN s ON s.what = d.what AND s.item = d.item AND s.k = n.k AND s.period = d.period
			WHERE d.rn <= 10
			GROUP BY d.what, d.item, d.kommune, d.period
		),
		problems AS (
			SELECT b.what, b.item, b.problem, pg_catalog.count(*) AS n,
				   pg_catalog.string_agg(pg_catalog.format('(%%s, %%s, %%s)', pg_catalog.quote_nullable(b.k), pg_catalog.quote_nullable(b.period), coalesce(b.v::text, 'NULL')), ', ' ORDER BY b.k, b.period)
					   FILTER (WHERE b.rn <= 10) AS rows
			FROM bad_numbered b
			GROUP BY b.what, b.item, b.problem
			UNION ALL
			SELECT d.what, d.item, 6, (SELECT pg_catalog.count(*) FROM dup_keys k WHERE k.what = d.what AND k.item = d.item),
				   pg_catalog.string_agg(d.rows, '; ' ORDER BY d.kommune, d.period)
			FROM dup d GROUP BY d.what, d.item
		)
		SELECT * FROM problems ORDER BY what DESC, item, problem LIMIT 1$q$, sources_sql)
	INTO r;
	IF r.item IS NULL THEN
		RETURN true;
	END IF;
	what_rows := pg_catalog.format('Offending rows (kommune, period, value)%s: %s.',
								   CASE WHEN r.n > 10 THEN pg_catalog.format(', the first 10 of %s', r.n) ELSE '' END, r.rows);
	IF r.problem IN (1, 2) THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has % row(s) without a %', r.what, r.item, model_name, r.n,
			CASE r.problem WHEN 1 THEN 'municipality' ELSE 'period' END
			USING ERRCODE = 'not_null_violation', DETAIL = what_rows,
				HINT = 'Leave out rows that are not about one municipality and period.';
	ELSIF r.problem = 3 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" names an unknown municipality (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'invalid_parameter_value', DETAIL = what_rows,
				HINT = 'Map area names to municipalities in the source view and leave out regions, RAR areas and "Hele landet".';
	ELSIF r.problem = 4 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has malformed or non-canonical period labels (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'invalid_text_representation', DETAIL = what_rows,
				HINT = 'Periods are jobindsats labels: 2022, 2022M03, 2022Q1, 2023QMAT01; write API v3 labels canonically with benchmark.period_canonical (2024Y01 -> 2024).';
	ELSIF r.problem = 5 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has NaN values (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'invalid_parameter_value', DETAIL = what_rows,
				HINT = 'Write NULL for a missing or suppressed value.';
	ELSIF r.problem = 7 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has values beyond the range of double precision (% row(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'numeric_value_out_of_range', DETAIL = what_rows,
				HINT = 'Values are ranked as double precision: check the unit of the source.';
	ELSE
		RAISE EXCEPTION 'source of % "%" in model "%" has more than one row for a municipality and period (% case(s))', r.what, r.item, model_name, r.n
			USING ERRCODE = 'cardinality_violation',
				DETAIL = pg_catalog.format('Duplicate rows (kommune, period, value)%s: %s.',
										   CASE WHEN r.n > 10 THEN pg_catalog.format(', the first 10 of %s cases', r.n) ELSE '' END, r.rows),
				HINT = 'Filter the source to one row per municipality and period (check the dimension columns, e.g. Køn = I alt, and spelling variants of names).';
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark.model_source_errors(text, text) IS
'Checks the rows of a model''s sources: municipality and period present and valid, no NaN or out-of-range values, one row per municipality and period; raises an error naming the model, the measure and (at most ten) rows, else returns true';

/* Reads each source of a model on its own and raises the first one's failure, naming the measure. */
CREATE OR REPLACE FUNCTION benchmark.model_source_failing(model_name text, periods text[])
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
	failed_state text;
	failed_message text;
	failed_detail text;
BEGIN
	FOR s IN SELECT * FROM benchmark.model_sources(model_name) LOOP
		BEGIN
			EXECUTE 'SELECT pg_catalog.count(s.k) + pg_catalog.count(s.period) + pg_catalog.count(s.v) FROM (' || benchmark.source_select(
				benchmark.source_check(s.source, pg_catalog.format('source of %s "%s" in model "%s"', s.what, s.item, model_name)),
				s.what, s.item, periods) || ') s';
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT, failed_detail = PG_EXCEPTION_DETAIL;
			IF failed_state IN ('57014', '57P01', '53100', '53200', '54000') THEN
				RAISE;
			END IF;
			failed_message := pg_catalog.format('source %s of %s "%s" in model "%s" failed while read: %s', s.source, s.what, s.item, model_name, failed_message);
			IF coalesce(failed_detail, '') = '' THEN
				RAISE EXCEPTION USING MESSAGE = failed_message, ERRCODE = failed_state,
					HINT = pg_catalog.format('Read it on its own to see where: SELECT * FROM %s.', s.source);
			END IF;
			RAISE EXCEPTION USING MESSAGE = failed_message, ERRCODE = failed_state, DETAIL = failed_detail,
				HINT = pg_catalog.format('Read it on its own to see where: SELECT * FROM %s.', s.source);
		END;
	END LOOP;
END
$$;

COMMENT ON FUNCTION benchmark.model_source_failing(text, text[]) IS
'Reads each source of a model (limited to the given period labels) on its own and raises the first failure, naming the source, the measure or benefit and the model; the runner calls it when reading its sources together failed';

CREATE OR REPLACE FUNCTION benchmark.model_rankings(model_name text, periods text[] DEFAULT NULL)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer,
			   item_key text, item text, weight numeric, ranking @extschema@.ranking)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
/* the query's cross joins look costly to the planner; compiling it with JIT costs more than running it */
SET jit = off
AS $$
DECLARE
	m benchmark.model;
	src text;
	failed_state text;
	failed_message text;
	failed_detail text;
	failed_hint text;
	failed_context text;
BEGIN
	SELECT * INTO m FROM benchmark.model x WHERE x.model = model_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', model_name
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table benchmark.model.';
	END IF;
	/* benefits are read for the baseline term too, measures only for the periods asked */
	src := benchmark.model_sources_sql(model_name,
		CASE WHEN periods IS NOT NULL THEN benchmark.model_periods_read(model_name, periods) END,
		CASE WHEN periods IS NOT NULL THEN benchmark.model_periods_read(model_name, periods, false) END);

	/*
	 * One pass over the sources: the rows are read once; names and period
	 * labels are checked once per distinct value; any problem (and a
	 * duplicate or an out-of-range value, which the aggregates report) is
	 * explained by model_source_errors before anything is returned.
	 */
	BEGIN
	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH raw AS MATERIALIZED (%s),
	names AS MATERIALIZED (
		SELECT d.k, @extschema@.kommune_lookup(d.k) AS kommune
		FROM (SELECT DISTINCT r.k FROM raw r) d
	),
	labels AS MATERIALIZED (
		SELECT d.period, benchmark.period_is_valid(d.period) AND benchmark.period_canonical(d.period) = d.period AS ok
		FROM (SELECT DISTINCT r.period FROM raw r) d
	),
	verdict AS (
		SELECT NOT (EXISTS (SELECT 1 FROM names n WHERE n.kommune IS NULL)
					OR EXISTS (SELECT 1 FROM labels l WHERE l.ok IS NOT TRUE)
					OR EXISTS (SELECT 1 FROM raw r WHERE r.v = 'NaN' OR pg_catalog.abs(r.v) > 1.7976931348623157e308))
			   OR benchmark.model_source_errors($1, $10) AS ok
	),
	kept AS MATERIALIZED (
		SELECT r.what, r.item, n.kommune::text AS kommune, r.period, r.v
		FROM raw r JOIN names n ON n.k = r.k
		WHERE NOT EXISTS (SELECT 1 FROM benchmark.model_excluded x WHERE x.model = $1 AND x.kommune OPERATOR(@extschema@.=) n.kommune)
	),
	kept_measures AS MATERIALIZED (SELECT k.item, k.kommune, k.period, k.v FROM kept k WHERE k.what = 'measure'),
	kept_benefits AS MATERIALIZED (SELECT k.item, k.kommune, k.period, k.v FROM kept k WHERE k.what = 'benefit'),
	universe AS (SELECT DISTINCT kommune FROM kept),
	per AS (
		/* inside: the period lies in the baseline term, against which it cannot develop */
		SELECT p AS period, benchmark.period_kind(p) AS kind,
			   benchmark.period_in_years(p, $3, $4) AS inside
		FROM (SELECT pg_catalog.unnest($2) AS p
			  UNION
			  SELECT DISTINCT k.period FROM kept k WHERE $2 IS NULL) x
	),
	measures AS (SELECT * FROM benchmark.model_measure x WHERE x.model = $1),
	measure_rankings AS (
		SELECT per.period, mm.area_no, mm.position, mm.measure, mm.name_da,
			   @extschema@.rank_values(u.kommune, k.v::float8, mm.higher_is_better) AS ranking
		FROM per CROSS JOIN measures mm CROSS JOIN universe u
		LEFT JOIN kept_measures k ON k.item = mm.measure AND k.kommune = u.kommune AND k.period = per.period
		GROUP BY per.period, mm.area_no, mm.position, mm.measure, mm.name_da
	),
	areas AS (SELECT * FROM benchmark.model_area x WHERE x.model = $1),
	area_rankings AS (
		SELECT mr.period, a.area_no, a.name_da, a.weight, a.in_total,
			   @extschema@.rank_sum_rerank(mr.ranking, a.missing) AS ranking
		FROM measure_rankings mr JOIN areas a USING (area_no)
		GROUP BY mr.period, a.area_no, a.name_da, a.weight, a.in_total, a.missing
	),
	benefits AS (SELECT * FROM benchmark.model_benefit x WHERE x.model = $1),
	baseline_labels AS MATERIALIZED (
		SELECT l.period, benchmark.period_kind(l.period) AS kind
		FROM labels l
		WHERE benchmark.period_start(l.period) >= pg_catalog.make_date($3, 1, 1)
		  AND benchmark.period_end(l.period) <= pg_catalog.make_date($4, 12, 31)
	),
	base_rows AS (
		SELECT k.item AS benefit, k.kommune, b.kind, k.period, k.v
		FROM kept_benefits k JOIN baseline_labels b ON b.period = k.period
	),
	base_expected AS (
		SELECT benefit, kind, pg_catalog.count(DISTINCT period) AS n FROM base_rows GROUP BY benefit, kind
	),
	baseline AS (
		SELECT b.benefit, b.kommune, b.kind, pg_catalog.avg(b.v) AS base
		FROM base_rows b JOIN base_expected e USING (benefit, kind)
		GROUP BY b.benefit, b.kommune, b.kind, e.n
		HAVING pg_catalog.count(b.v) = e.n
	),
	levels AS (
		SELECT per.period, b.benefit, b.position, b.name_da, u.kommune, k.v AS level, bl.base
		FROM per CROSS JOIN benefits b CROSS JOIN universe u
		LEFT JOIN kept_benefits k ON k.item = b.benefit AND k.kommune = u.kommune AND k.period = per.period
		LEFT JOIN baseline bl ON bl.benefit = b.benefit AND bl.kommune = u.kommune AND bl.kind = per.kind AND NOT per.inside
	),
	benefit_rankings AS (
		SELECT l.period, l.position, l.benefit, l.name_da,
			   @extschema@.rank_values(l.kommune,
				   (CASE WHEN l.base <> 0 THEN (l.level - l.base) / l.base END)::float8, false) AS ranking
		FROM levels l
		GROUP BY l.period, l.position, l.benefit, l.name_da
	),
	all_benefits AS (
		SELECT t.period,
			   @extschema@.rank_values(t.kommune,
				   (CASE WHEN t.complete AND t.base <> 0 THEN (t.level - t.base) / t.base END)::float8, false) AS ranking
		FROM (SELECT l.period, l.kommune, pg_catalog.sum(l.level) AS level, pg_catalog.sum(l.base) AS base,
					 pg_catalog.count(l.level) = pg_catalog.count(*) AND pg_catalog.count(l.base) = pg_catalog.count(*) AS complete
			  FROM levels l GROUP BY l.period, l.kommune) t
		GROUP BY t.period
	),
	goal AS (
		/* inside the baseline term no benefit develops: the goal places nobody, whatever the policy */
		SELECT a.period, per.inside,
			   CASE WHEN $5 = 'total' OR per.inside THEN a.ranking
					ELSE (SELECT @extschema@.rank_sum_rerank(br.ranking, $6) FROM benefit_rankings br WHERE br.period = a.period)
			   END AS ranking
		FROM all_benefits a JOIN per USING (period)
	),
	total AS (
		SELECT x.period, @extschema@.weighted_placement(x.ranking, x.weight, $8) AS ranking
		FROM (SELECT g.period, g.ranking, $7::numeric AS weight FROM goal g
			  UNION ALL
			  SELECT ar.period, ar.ranking, ar.weight FROM area_rankings ar WHERE ar.in_total) x
		GROUP BY x.period
	)
	SELECT o.* FROM (
	SELECT $1, t.period, 'total', NULL::integer, NULL::text, 0, 'total', 'Samlet placering', NULL::numeric,
		   CASE WHEN g.inside THEN g.ranking ELSE t.ranking END
	FROM total t LEFT JOIN goal g USING (period)
	UNION ALL
	SELECT $1, g.period, 'goal', 0, $9, 0, 'goal', $9, $7::numeric, g.ranking FROM goal g
	UNION ALL
	SELECT $1, br.period, 'benefit', 0, $9, br.position, br.benefit, br.name_da, NULL, br.ranking FROM benefit_rankings br
	UNION ALL
	SELECT $1, a.period, 'benefit', 0, $9, (SELECT pg_catalog.count(*)::integer + 1 FROM benefits), 'ydelser_i_alt', 'Ydelser i alt', NULL, a.ranking
	FROM all_benefits a
	UNION ALL
	SELECT $1, ar.period, 'area', ar.area_no, ar.name_da, 0, 'area:' || ar.area_no, ar.name_da,
		   CASE WHEN ar.in_total THEN ar.weight END, ar.ranking FROM area_rankings ar
	UNION ALL
	SELECT $1, mr.period, 'measure', mr.area_no, a.name_da, mr.position, mr.measure, mr.name_da, NULL, mr.ranking
	FROM measure_rankings mr JOIN areas a USING (area_no)
	) o
	/* nothing is ranked unless the one-pass check passed (an initplan, evaluated first) */
	WHERE (SELECT v.ok FROM verdict v)
	$q$, src)
	USING model_name, periods, m.baseline_from, m.baseline_to, m.goal_rule, m.goal_missing, m.goal_weight, m.total_missing, m.goal_da, src;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
			failed_detail = PG_EXCEPTION_DETAIL, failed_hint = PG_EXCEPTION_HINT, failed_context = PG_EXCEPTION_CONTEXT;
		IF failed_state IN ('21000', '22003') AND failed_context NOT LIKE '%PL/pgSQL function benchmark.model_source_errors%' THEN
			/* a duplicate or an out-of-range value stopped an aggregate: name its measure and rows */
			PERFORM benchmark.model_source_errors(model_name, src);
		ELSIF failed_context LIKE '%PL/pgSQL function benchmark.model_source_errors%' THEN
			/* the one-pass check found a problem: report it without the runner's query as context */
			RAISE EXCEPTION USING MESSAGE = failed_message, DETAIL = failed_detail, HINT = failed_hint, ERRCODE = failed_state;
		ELSIF failed_state NOT IN ('57014', '57P01', '53100', '53200', '54000') THEN
			/* a source failed while read: name it (cancel and resource errors are not a source's) */
			PERFORM benchmark.model_source_failing(model_name,
				CASE WHEN periods IS NOT NULL THEN benchmark.model_periods_read(model_name, periods) END);
		END IF;
		RAISE;
	END;
END
$$;

COMMENT ON FUNCTION benchmark.model_rankings(text, text[]) IS
'Runs a model for the given periods (NULL: every period found in its sources) and returns each ranking: per measure, area, benefit, the goal and the total';


/* Placements as plain columns: the core of model_placements. */
CREATE OR REPLACE FUNCTION benchmark.model_placements_for(model_name text, periods text[])
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	/*
	 * The rankings are unnested once for the placements; only the rankings
	 * that left someone out are unnested again, for the notes that name what
	 * an area, the goal or the total is missing.
	 */
	WITH r AS MATERIALIZED (
		SELECT r.model, r.period, r.part, r.area_no, r.area, r.item_no, r.item_key, r.item, r.weight, r.ranking,
			   @extschema@.ranked_count(r.ranking) AS ranked
		FROM benchmark.model_rankings(model_placements_for.model_name, model_placements_for.periods) r
	),
	missing AS (
		SELECT q.period, u.entity AS kommune,
			   CASE WHEN q.part = 'measure' THEN 'area:' || q.area_no
					WHEN q.part = 'benefit' THEN 'goal'
					ELSE 'total' END AS part_of,
			   pg_catalog.string_agg(q.item, ', ' ORDER BY q.area_no, q.item_no) AS items
		FROM r q, @extschema@.unnest(q.ranking) u
		WHERE q.ranked < @extschema@.entity_count(q.ranking)
		  AND (q.part IN ('measure', 'benefit', 'goal') OR (q.part = 'area' AND q.weight IS NOT NULL))
		  AND u.placement IS NULL
		GROUP BY 1, 2, 3
	),
	baseline_term AS (
		SELECT pp.period, pg_catalog.format('%s lies in the baseline term %s-%s that the goal is measured against: no development, so no goal and no total placement',
											pp.period, m.baseline_from, m.baseline_to) AS note
		FROM (SELECT DISTINCT q.period FROM r q) pp, benchmark.model m
		WHERE m.model = model_placements_for.model_name
		  AND benchmark.period_in_years(pp.period, m.baseline_from, m.baseline_to)
	)
	SELECT p.model, p.period, p.part, p.area_no, p.area, p.item_no, p.item_key, p.item, p.weight, u.entity,
		   CASE WHEN p.part IN ('measure', 'benefit') THEN u.score END,
		   u.score, u.placement, p.ranked,
		   CASE WHEN u.placement IS NOT NULL THEN NULL
				WHEN p.part IN ('benefit', 'goal', 'total')
					 AND EXISTS (SELECT 1 FROM baseline_term bt WHERE bt.period = p.period)
					THEN (SELECT bt.note FROM baseline_term bt WHERE bt.period = p.period)
				WHEN p.part = 'measure' THEN 'no value (suppressed or missing)'
				WHEN p.part = 'benefit' THEN 'no development (level or full baseline missing, or a zero baseline)'
				ELSE 'missing: ' || coalesce(x.items, 'no data')
		   END
	FROM r p CROSS JOIN LATERAL @extschema@.unnest(p.ranking) u
	LEFT JOIN missing x
	  ON u.placement IS NULL AND x.period = p.period AND x.kommune = u.entity
	 AND x.part_of = CASE p.part WHEN 'area' THEN p.item_key WHEN 'goal' THEN 'goal' WHEN 'total' THEN 'total' END;
END;

COMMENT ON FUNCTION benchmark.model_placements_for(text, text[]) IS
'Every placement of a model for the given periods (NULL: all) as plain columns; model_placements calls it';

CREATE OR REPLACE FUNCTION benchmark.model_placements(model_name text, period_label text)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.model_placements_for(model_placements.model_name, ARRAY[model_placements.period_label]);
END;

COMMENT ON FUNCTION benchmark.model_placements(text, text) IS
'Every placement of a model in one period: the total, the goal, each benefit, each area and each measure, per municipality, with values, scores, placements and why a municipality was left out';

CREATE OR REPLACE FUNCTION benchmark.model_placements(model_name text)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.model_placements_for(model_placements.model_name, NULL::text[]);
END;

COMMENT ON FUNCTION benchmark.model_placements(text) IS
'Every placement of a model in every period found in its sources (placements over time)';

CREATE OR REPLACE FUNCTION benchmark.model_left_out(model_name text, period_label text DEFAULT NULL)
RETURNS TABLE (model text, period text, kommune text, part text, area_no integer, item text, reason text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_left_out.model_name,
			CASE WHEN model_left_out.period_label IS NOT NULL THEN ARRAY[model_left_out.period_label] END)
	)
	SELECT p.model, p.period, p.kommune, p.part, p.area_no, p.item, p.note
	FROM p WHERE p.placement IS NULL
	UNION ALL
	SELECT x.model, per.period, x.kommune::text, 'model', NULL::integer, NULL::text, 'excluded municipality: ' || x.reason
	FROM benchmark.model_excluded x, (SELECT DISTINCT p.period FROM p) per
	WHERE x.model = model_left_out.model_name
	ORDER BY 2, 3, 4 DESC, 5, 6;
END;

COMMENT ON FUNCTION benchmark.model_left_out(text, text) IS
'Who was left out of what and why, per period (NULL: all periods): excluded municipalities, missing or suppressed values, and the areas, goal and total they cost';

CREATE OR REPLACE FUNCTION benchmark.model_scorecard(model_name text, kommune_name text, period_label text)
RETURNS TABLE (line_order integer, section_no integer, section text, counts_in_total boolean, weight numeric,
			   line text, value numeric, placement integer, mellemregning numeric, ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT (pg_catalog.row_number() OVER (ORDER BY coalesce(p.area_no, -1),
			 p.part IN ('goal', 'area'), p.item_no))::integer,
		   p.area_no,
		   coalesce(p.area, p.item),
		   p.part = 'total' OR pg_catalog.max(p.weight) OVER (PARTITION BY p.area_no) IS NOT NULL,
		   pg_catalog.max(p.weight) OVER (PARTITION BY p.area_no),
		   CASE p.part WHEN 'goal' THEN 'Placering på målet'
					   WHEN 'area' THEN 'Samlet placering ' || p.item
					   ELSE p.item END,
		   p.value, p.placement,
		   CASE WHEN p.part IN ('total', 'area', 'goal') THEN p.score END,
		   p.ranked, p.note
	FROM benchmark.model_placements_for(model_scorecard.model_name, ARRAY[model_scorecard.period_label]) p
	WHERE p.kommune = (model_scorecard.kommune_name::@extschema@.kommune)::text
	ORDER BY 1;
END;

COMMENT ON FUNCTION benchmark.model_scorecard(text, text, text) IS
'One municipality''s scorecard for a period: the total; the goal per benefit (Ydelse / Placering); per area each measure''s value and rank, the rank sum (Mellemregning) and the area placement';

/* Target follow-up: the link to the model catalog, validation, peer averages, target status and scorecards */

/*
 * The link to the model catalog, kept in one place: which source relation a
 * target reads, and the catalog's direction of its measure.
 */
CREATE OR REPLACE VIEW benchmark.target_source AS
SELECT t.target,
	   coalesce(t.source, mm.source, mb.source) AS source,
	   CASE WHEN t.measure IS NOT NULL THEN pg_catalog.format('%s/%s', t.model, t.measure)
			WHEN t.benefit IS NOT NULL THEN pg_catalog.format('%s/benefit:%s', t.model, t.benefit)
			ELSE t.source END AS follows,
	   mm.higher_is_better
FROM benchmark.target t
LEFT JOIN benchmark.model_measure mm ON mm.model = t.model AND mm.measure = t.measure
LEFT JOIN benchmark.model_benefit mb ON mb.model = t.model AND mb.benefit = t.benefit;

COMMENT ON VIEW benchmark.target_source IS
'For each target: the source relation it reads (its own, or its catalog measure''s or benefit''s), what it follows (model/measure, model/benefit:name or the source), and the catalog direction of the measure';

GRANT SELECT ON benchmark.target_source TO PUBLIC;

/* True when a source relation has numerator and denominator columns. */
CREATE OR REPLACE FUNCTION benchmark.target_source_has_ratio(source text)
RETURNS boolean
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
BEGIN
	BEGIN
		rel := pg_catalog.to_regclass(source);
	EXCEPTION WHEN OTHERS THEN
		RETURN NULL;
	END;
	IF rel IS NULL THEN
		RETURN NULL;
	END IF;
	RETURN (SELECT pg_catalog.count(*) = 2 FROM pg_catalog.pg_attribute a
			WHERE a.attrelid = rel AND a.attname IN ('numerator', 'denominator') AND a.attnum > 0 AND NOT a.attisdropped);
END
$$;

COMMENT ON FUNCTION benchmark.target_source_has_ratio(text) IS
'True when a source relation has numerator and denominator columns (needed for pooled averages of levels); NULL when it does not exist';

/* Checks a target against the catalog, its source, its periods and milestones. */
CREATE OR REPLACE FUNCTION benchmark.target_validate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mm record;
	p record;
	src text;
	hib boolean;
	kinds text[];
	bad_milestone record;
BEGIN
	IF NEW.shipped OR TG_OP = 'INSERT' AND benchmark.restoring_dump() THEN
		RETURN NEW;		/* shipped rows, and rows a restore loads, were checked when first written */
	END IF;

	/* What the target follows: the catalog (model with measure or benefit) or a source. */
	IF NEW.model IS NOT NULL THEN
		IF NEW.source IS NOT NULL OR pg_catalog.num_nonnulls(NEW.measure, NEW.benefit) <> 1 THEN
			RAISE EXCEPTION 'target "%" must follow exactly one measure', NEW.target
				USING ERRCODE = 'check_violation', CONSTRAINT = 'target_follows_one_measure',
					HINT = 'Give model with measure or with benefit (the model catalog), or source alone (a relation of your own).';
		END IF;
		IF NEW.measure IS NOT NULL THEN
			SELECT x.unit, x.higher_is_better, x.source INTO mm
			FROM benchmark.model_measure x WHERE x.model = NEW.model AND x.measure = NEW.measure;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'target "%" follows an unknown measure: model "%" has no measure "%"', NEW.target, NEW.model, NEW.measure
					USING ERRCODE = 'foreign_key_violation',
						HINT = 'The measures are listed in table model_measure; for data of your own set source (a table or view) instead of model and measure.';
			END IF;
			hib := mm.higher_is_better;
			NEW.unit := coalesce(NEW.unit, mm.unit);
		ELSE
			SELECT x.source INTO mm
			FROM benchmark.model_benefit x WHERE x.model = NEW.model AND x.benefit = NEW.benefit;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'target "%" follows an unknown benefit: model "%" has no benefit "%"', NEW.target, NEW.model, NEW.benefit
					USING ERRCODE = 'foreign_key_violation',
						HINT = 'The benefits are listed in table model_benefit.';
			END IF;
			NEW.unit := coalesce(NEW.unit, 'fuldtidspersoner');
		END IF;
		src := mm.source;
	ELSIF NEW.source IS NOT NULL THEN
		IF pg_catalog.num_nonnulls(NEW.measure, NEW.benefit) > 0 THEN
			RAISE EXCEPTION 'target "%" must follow exactly one measure', NEW.target
				USING ERRCODE = 'check_violation', CONSTRAINT = 'target_follows_one_measure',
					HINT = 'A measure or benefit belongs to a model: give model too, or leave them out when you give source.';
		END IF;
		PERFORM benchmark.source_check(NEW.source, pg_catalog.format('target "%s" follows an unusable source', NEW.target),
									   '{kommune,period,value}', '{value,numerator,denominator}');
		IF NEW.unit IS NULL OR NEW.unit = '' THEN
			RAISE EXCEPTION 'target "%" needs a unit', NEW.target
				USING ERRCODE = 'not_null_violation', CONSTRAINT = 'target_unit_given',
					HINT = 'Say what the source''s value measures: pct. for a share in per cent (target levels are then checked to lie in 0-100), fuldtidspersoner, personer, antal ...';
		END IF;
		src := NEW.source;
	ELSE
		RAISE EXCEPTION 'target "%" follows no measure', NEW.target
			USING ERRCODE = 'check_violation', CONSTRAINT = 'target_follows_one_measure',
				HINT = 'Give model with measure or with benefit (the model catalog), or source (a relation of your own).';
	END IF;

	/* The direction must agree with the catalog's direction of the measure. */
	IF hib IS NOT NULL AND (NEW.direction = 'at_least') <> hib THEN
		RAISE EXCEPTION 'target "%" contradicts the direction of measure "%"', NEW.target, NEW.measure
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('In model "%s" a %s value of "%s" is better, but the target asks for a value %s the target value.',
										   NEW.model, CASE WHEN hib THEN 'higher' ELSE 'lower' END, NEW.measure,
										   CASE NEW.direction WHEN 'at_most' THEN 'at most' ELSE 'at least' END),
				HINT = pg_catalog.format('Use direction = %L.', CASE WHEN hib THEN 'at_least' ELSE 'at_most' END);
	END IF;

	/* A share in per cent lies in 0-100. */
	IF NEW.unit = 'pct.' AND NEW.level NOT BETWEEN 0 AND 100 THEN
		RAISE EXCEPTION 'target "%": level % is not a percentage between 0 and 100', NEW.target, NEW.level
			USING ERRCODE = 'check_violation',
				DETAIL = 'The measure''s unit is pct., a share in per cent.',
				HINT = 'Write the level in per cent (25 for 25 %), or give another unit if the value is not a share (e.g. pct.-point).';
	END IF;

	/* Periods: of one kind, in order, after the baseline. */
	kinds := ARRAY[benchmark.period_kind(NEW.baseline_period), benchmark.period_kind(NEW.first_period),
				   benchmark.period_kind(NEW.last_period)];
	IF (SELECT pg_catalog.count(DISTINCT k) FROM pg_catalog.unnest(kinds) k) > 1 THEN
		RAISE EXCEPTION 'target "%" mixes kinds of periods', NEW.target
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('baseline_period %s, first_period %s and last_period %s are not all years, all quarters or all months.',
										   coalesce(NEW.baseline_period, '-'), coalesce(NEW.first_period, '-'), coalesce(NEW.last_period, '-')),
				HINT = 'The target is followed in periods of one kind: give all three as years (2024), quarters (2024Q1) or months (2024M03).';
	END IF;
	IF benchmark.period_index(NEW.last_period) < benchmark.period_index(NEW.first_period) THEN
		RAISE EXCEPTION 'target "%": last_period % comes before first_period %', NEW.target, NEW.last_period, NEW.first_period
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF benchmark.period_index(NEW.first_period) <= benchmark.period_index(NEW.baseline_period)
	   OR benchmark.period_index(NEW.last_period) <= benchmark.period_index(NEW.baseline_period) THEN
		RAISE EXCEPTION 'target "%" is followed from period %, which is not after its baseline period %', NEW.target,
			CASE WHEN benchmark.period_index(NEW.first_period) <= benchmark.period_index(NEW.baseline_period)
				 THEN NEW.first_period ELSE NEW.last_period END, NEW.baseline_period
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'A change is measured in the periods after the baseline.';
	END IF;
	IF NEW.due IS NOT NULL AND NEW.baseline_period IS NOT NULL AND NEW.due <= benchmark.period_end(NEW.baseline_period) THEN
		RAISE EXCEPTION 'target "%" is due on %, not after its baseline period % ends', NEW.target, pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), NEW.baseline_period
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	/* A pooled average of levels adds numerators and denominators. */
	IF NEW.kind = 'peer' AND NEW.peer_average = 'pooled' AND NEW.baseline_period IS NULL
	   AND NOT benchmark.target_source_has_ratio(src) THEN
		RAISE EXCEPTION 'target "%": a pooled peer average needs numerator and denominator columns in source %', NEW.target, src
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = 'The pooled average of a level is the sum of the members'' numerators over the sum of their denominators.',
				HINT = 'Use peer_average = ''mean'', or follow a view that also returns numerator and denominator (value = 100 * numerator / denominator for pct.).';
	END IF;

	/* Milestones already given must still fit. */
	SELECT m.due, m.value INTO bad_milestone
	FROM benchmark.target_milestone m
	WHERE m.target = CASE WHEN TG_OP = 'UPDATE' THEN OLD.target ELSE NEW.target END
	  AND (NEW.kind <> 'level' OR NEW.due IS NULL OR m.due >= NEW.due
		   OR (NEW.unit = 'pct.' AND m.value NOT BETWEEN 0 AND 100))
	ORDER BY m.due LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'target "%" no longer fits its milestone due %', NEW.target, pg_catalog.to_char(bad_milestone.due, 'YYYY-MM-DD')
			USING ERRCODE = 'check_violation',
				DETAIL = 'Milestones belong to level targets with a due date, come before it, and lie in 0-100 for a share in per cent.',
				HINT = 'Delete or change the milestone first.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark.target_validate() IS
'Trigger function: checks a target''s measure or source, unit, direction, share levels, periods, pooled averages and milestones, with errors that say what is wrong';

/* Checks a milestone against its target. */
CREATE OR REPLACE FUNCTION benchmark.target_milestone_validate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t benchmark.target;
BEGIN
	IF NEW.shipped OR TG_OP = 'INSERT' AND benchmark.restoring_dump() THEN
		RETURN NEW;		/* shipped rows, and rows a restore loads, were checked when first written */
	END IF;
	SELECT * INTO t FROM benchmark.target x WHERE x.target = NEW.target;
	IF NOT FOUND THEN
		RETURN NEW;		/* reference_check reports it */
	END IF;
	IF t.kind <> 'level' OR t.due IS NULL THEN
		RAISE EXCEPTION 'target "%" takes no milestones', t.target
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('It is a %s target%s.', t.kind, CASE WHEN t.kind = 'level' THEN ' without a due date' ELSE '' END),
				HINT = 'Milestones (delmål) belong to level targets with a due date: set kind = ''level'' and due first.';
	END IF;
	IF NEW.due >= t.due THEN
		RAISE EXCEPTION 'milestone dates out of order: milestone % of target "%" is not before the target''s due date %',
			pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), t.target, pg_catalog.to_char(t.due, 'YYYY-MM-DD')
			USING ERRCODE = 'check_violation',
				DETAIL = pg_catalog.format('The target asks for %s by %s; a milestone is an intermediate level due earlier.', t.level, pg_catalog.to_char(t.due, 'YYYY-MM-DD')),
				HINT = 'Give the milestone an earlier date, or move the target''s due date.';
	END IF;
	IF t.unit = 'pct.' AND NEW.value NOT BETWEEN 0 AND 100 THEN
		RAISE EXCEPTION 'milestone % of target "%": % is not a percentage between 0 and 100', pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), t.target, NEW.value
			USING ERRCODE = 'check_violation',
				DETAIL = 'The measure''s unit is pct., a share in per cent.';
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION benchmark.target_milestone_validate() IS
'Trigger function: a milestone belongs to a level target with a due date, comes before that date, and lies in 0-100 for a share';

CREATE OR REPLACE FUNCTION benchmark.peer_group_copy(source_group text, new_group text)
RETURNS text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM benchmark.peer_group g WHERE g.peer_group = source_group) THEN
		RAISE EXCEPTION 'peer group "%" does not exist', source_group
			USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view peer_groups.';
	END IF;
	INSERT INTO benchmark.peer_group (peer_group, name_da, name_en, definition)
	SELECT new_group, g.name_da, g.name_en, pg_catalog.format('Copy of %s. %s', source_group, g.definition)
	FROM benchmark.peer_group g WHERE g.peer_group = source_group;
	INSERT INTO benchmark.peer_group_member (peer_group, kommune)
	SELECT new_group, m.kommune FROM benchmark.peer_group_member m WHERE m.peer_group = source_group;
	RETURN new_group;
END
$$;

COMMENT ON FUNCTION benchmark.peer_group_copy(text, text) IS
'Copies a peer group (shipped or your own) with its members under a new name, as ordinary editable rows';

CREATE OR REPLACE VIEW benchmark.peer_groups AS
SELECT g.peer_group, g.name_da, g.name_en,
	   (SELECT pg_catalog.count(*)::integer FROM benchmark.peer_group_member m WHERE m.peer_group = g.peer_group) AS members,
	   (SELECT pg_catalog.string_agg(m.kommune::text, ', ' ORDER BY m.kommune)
		FROM benchmark.peer_group_member m WHERE m.peer_group = g.peer_group) AS kommuner,
	   g.definition, g.shipped
FROM benchmark.peer_group g;

COMMENT ON VIEW benchmark.peer_groups IS
'Each peer group with its number of members, their names (by code) and its definition';

GRANT SELECT ON benchmark.peer_groups TO PUBLIC;

/*
 * Peer group averages of any source: the simple mean of the members' values,
 * and the pooled value (sum of numerators / sum of denominators) where the
 * source has numerator and denominator columns.
 */
CREATE OR REPLACE FUNCTION benchmark.peer_averages(source text, group_name text DEFAULT NULL, unit text DEFAULT 'pct.')
RETURNS TABLE (peer_group text, period text, members integer, reporting integer, mean numeric,
			   pooled_reporting integer, pooled numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
	ratio boolean;
BEGIN
	PERFORM benchmark.source_check(source, 'peer averages', '{kommune,period,value}', '{value,numerator,denominator}');
	IF group_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM benchmark.peer_group g WHERE g.peer_group = group_name) THEN
		RAISE EXCEPTION 'peer group "%" does not exist', group_name
			USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view peer_groups.';
	END IF;
	ratio := benchmark.target_source_has_ratio(source);
	RETURN QUERY EXECUTE pg_catalog.format($q$
		WITH raw AS MATERIALIZED (
			SELECT x.kommune::text AS k, x.period::text AS period, x.value::numeric AS v, %s AS num, %s AS den FROM %s x
		),
		names AS MATERIALIZED (
			SELECT d.k, @extschema@.kommune_lookup(d.k)::text AS kommune FROM (SELECT DISTINCT r.k FROM raw r WHERE r.k IS NOT NULL) d
		),
		vals AS (
			SELECT n.kommune, r.period,
				   CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.v) END AS v,
				   CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.num) END AS num,
				   CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.den) END AS den
			FROM raw r JOIN names n ON n.k = r.k
			WHERE n.kommune IS NOT NULL AND r.period IS NOT NULL AND (r.v IS NULL OR r.v <> 'NaN')
			GROUP BY n.kommune, r.period
		),
		periods AS (SELECT DISTINCT v.period FROM vals v),
		grp AS (
			SELECT g.peer_group, m.kommune::text AS kommune
			FROM benchmark.peer_group g JOIN benchmark.peer_group_member m ON m.peer_group = g.peer_group
			WHERE $1 IS NULL OR g.peer_group = $1
		)
		SELECT g.peer_group, p.period, pg_catalog.count(*)::integer, pg_catalog.count(v.v)::integer, pg_catalog.avg(v.v),
			   (pg_catalog.count(*) FILTER (WHERE v.num IS NOT NULL AND v.den IS NOT NULL))::integer,
			   $2 * pg_catalog.sum(v.num) FILTER (WHERE v.num IS NOT NULL AND v.den IS NOT NULL)
			   / NULLIF(pg_catalog.sum(v.den) FILTER (WHERE v.num IS NOT NULL AND v.den IS NOT NULL), 0)
		FROM grp g CROSS JOIN periods p
		LEFT JOIN vals v ON v.kommune = g.kommune AND v.period = p.period
		GROUP BY g.peer_group, p.period
		ORDER BY g.peer_group, p.period$q$,
		CASE WHEN ratio THEN 'x.numerator::numeric' ELSE 'NULL::numeric' END,
		CASE WHEN ratio THEN 'x.denominator::numeric' ELSE 'NULL::numeric' END,
		pg_catalog.to_regclass(source))
	USING group_name, CASE WHEN unit = 'pct.' THEN 100 ELSE 1 END;
END
$$;

COMMENT ON FUNCTION benchmark.peer_averages(text, text, text) IS
'Per peer group (or one group) and period of a source: members, members reporting a value, the simple mean of their values, and the pooled value (sum of numerators / sum of denominators, times 100 for unit pct.) where the source has numerator and denominator';

/* The target value of a level target at a date: milestones and the final level. */
CREATE OR REPLACE FUNCTION benchmark.target_level_at(target_name text, at_date date)
RETURNS numeric
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH t AS (
		SELECT x.level, x.due, x.interpolate FROM benchmark.target x
		WHERE x.target = target_level_at.target_name AND x.kind = 'level'
	),
	pts AS (
		SELECT m.due, m.value FROM benchmark.target_milestone m WHERE m.target = target_level_at.target_name
		UNION ALL
		SELECT t.due, t.level FROM t WHERE t.due IS NOT NULL
	),
	pt_before AS (SELECT p.due, p.value FROM pts p WHERE p.due <= target_level_at.at_date ORDER BY p.due DESC LIMIT 1),
	pt_after AS (SELECT p.due, p.value FROM pts p WHERE p.due > target_level_at.at_date ORDER BY p.due LIMIT 1)
	SELECT CASE WHEN t.due IS NULL THEN t.level
				WHEN b.due IS NULL THEN NULL
				WHEN NOT t.interpolate OR a.due IS NULL THEN b.value
				ELSE b.value + (a.value - b.value) * (target_level_at.at_date - b.due) / (a.due - b.due)
		   END
	FROM t LEFT JOIN pt_before b ON true LEFT JOIN pt_after a ON true;
END;

COMMENT ON FUNCTION benchmark.target_level_at(text, date) IS
'The level a level target asks for at a date: its level when it has no due date; NULL before the first milestone; the latest milestone due, or a straight line between milestones when the target interpolates; the final level from its due date on';

/*
 * Target status: per target and period, the actual value, the target value,
 * met / not met / no data / not due, the gap and the trend.
 */
CREATE OR REPLACE FUNCTION benchmark.target_status_for(kommune_name text, target_filter text)
RETURNS TABLE (target text, kommune text, kommune_code integer, plan text, title text, kind text, direction text,
			   strict boolean, follows text, unit text, period text, period_start date, period_end date,
			   compared text, actual numeric, target_value numeric, peer_group text, peer_average text,
			   peer_members integer, peer_reporting integer, status text, met boolean, gap numeric, margin numeric,
			   trend numeric, trend_direction text, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
/* as for the runner: JIT compilation of this one query costs more than running it */
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	s record;
	p record;
	q text;
	read_error text;
	read_state text;
	one_k text[];
	one_period text[];
	one_v numeric[];
	one_num numeric[];
	one_den numeric[];
	row_src text[] := '{}';
	row_k text[] := '{}';
	row_period text[] := '{}';
	row_v numeric[] := '{}';
	row_num numeric[] := '{}';
	row_den numeric[] := '{}';
	bad_sources text[] := '{}';
	bad_problems text[] := '{}';
	ratio_sources text[] := '{}';
	ratio boolean;
	kommune_filter @extschema@.kommune := kommune_name::@extschema@.kommune;
BEGIN
	/*
	 * Each source is read on its own, so that one unusable source (missing,
	 * not readable, untrusted, or raising an error while read) becomes that
	 * target's status and never stops the report of every other target.
	 */
	FOR s IN
		SELECT DISTINCT ts.source
		FROM benchmark.target t JOIN benchmark.target_source ts ON ts.target = t.target
		WHERE (kommune_filter IS NULL OR t.kommune OPERATOR(@extschema@.=) kommune_filter) AND (target_filter IS NULL OR t.target = target_filter)
		ORDER BY 1
	LOOP
		p := benchmark.source_problem(s.source, '{kommune,period,value}', '{value,numerator,denominator}');
		IF p.sqlstate IS NOT NULL THEN
			bad_sources := bad_sources || s.source;
			bad_problems := bad_problems || p.problem;
			CONTINUE;
		END IF;
		ratio := benchmark.target_source_has_ratio(s.source);
		IF ratio THEN
			ratio_sources := ratio_sources || s.source;
		END IF;
		BEGIN
			EXECUTE pg_catalog.format('SELECT pg_catalog.array_agg(x.kommune::text), pg_catalog.array_agg(x.period::text), pg_catalog.array_agg(x.value::numeric), pg_catalog.array_agg(%s), pg_catalog.array_agg(%s) FROM %s x',
									  CASE WHEN ratio THEN 'x.numerator::numeric' ELSE 'NULL::numeric' END,
									  CASE WHEN ratio THEN 'x.denominator::numeric' ELSE 'NULL::numeric' END,
									  p.relation)
			INTO one_k, one_period, one_v, one_num, one_den;
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS read_error = MESSAGE_TEXT, read_state = RETURNED_SQLSTATE;
			IF read_state IN ('57014', '57P01', '53200', '53100', '54000') THEN
				RAISE;		/* cancel, shutdown and resource errors are not a source's problem */
			END IF;
			bad_sources := bad_sources || s.source;
			bad_problems := bad_problems || pg_catalog.format('reading source %s failed: %s (SQLSTATE %s)', p.relation, read_error, read_state);
			CONTINUE;
		END;
		row_src := row_src || pg_catalog.array_fill(s.source, ARRAY[coalesce(pg_catalog.cardinality(one_k), 0)]);
		row_k := row_k || one_k;
		row_period := row_period || one_period;
		row_v := row_v || one_v;
		row_num := row_num || one_num;
		row_den := row_den || one_den;
	END LOOP;
	q := 'SELECT * FROM ROWS FROM (pg_catalog.unnest($6::text[]), pg_catalog.unnest($7::text[]), pg_catalog.unnest($8::text[]), pg_catalog.unnest($9::numeric[]), pg_catalog.unnest($10::numeric[]), pg_catalog.unnest($11::numeric[])) AS r(src, k, period, v, num, den)';

	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH t AS MATERIALIZED (
		SELECT x.*, ts.source AS src, ts.follows, ts.source = ANY ($5) AS ratio,
			   pg_catalog.array_position($3, ts.source) AS bad,
			   coalesce(benchmark.period_kind(x.baseline_period), benchmark.period_kind(x.first_period),
						benchmark.period_kind(x.last_period)) AS pkind,
			   CASE WHEN x.unit = 'pct.' THEN 100 ELSE 1 END AS factor
		FROM benchmark.target x JOIN benchmark.target_source ts ON ts.target = x.target
		WHERE ($1 IS NULL OR x.kommune OPERATOR(@extschema@.=) $1) AND ($2 IS NULL OR x.target = $2)
	),
	raw AS MATERIALIZED (%s),
	names AS MATERIALIZED (
		SELECT d.k, @extschema@.kommune_lookup(d.k)::text AS kommune
		FROM (SELECT DISTINCT r.k FROM raw r WHERE r.k IS NOT NULL) d
	),
	vals AS MATERIALIZED (
		SELECT g.*, benchmark.period_kind(g.period) AS pkind, benchmark.period_index(g.period) AS pidx
		FROM (SELECT r.src, n.kommune, r.period,
					 CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.v) END AS v,
					 CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.num) END AS num,
					 CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.den) END AS den,
					 pg_catalog.count(*) > 1 AS dup
			  FROM raw r JOIN names n ON n.k = r.k
			  WHERE n.kommune IS NOT NULL AND (r.v IS NULL OR r.v <> 'NaN')
				AND benchmark.period_is_valid(r.period) AND benchmark.period_canonical(r.period) = r.period
			  GROUP BY r.src, n.kommune, r.period) g
	),
	per AS (
		SELECT t.target, p.period
		FROM t CROSS JOIN LATERAL benchmark.period_series(t.first_period, t.last_period) p(period)
		WHERE t.first_period IS NOT NULL AND t.last_period IS NOT NULL
		  AND (t.baseline_period IS NULL OR benchmark.period_index(p.period) > benchmark.period_index(t.baseline_period))
		UNION
		SELECT t.target, v.period
		FROM t JOIN vals v ON v.src = t.src AND v.kommune = t.kommune::text
		WHERE NOT (t.first_period IS NOT NULL AND t.last_period IS NOT NULL)
		  AND (t.pkind IS NULL OR v.pkind = t.pkind)
		  AND (t.first_period IS NULL OR v.pidx >= benchmark.period_index(t.first_period))
		  AND (t.last_period IS NULL OR v.pidx <= benchmark.period_index(t.last_period))
		  AND (t.baseline_period IS NULL OR v.pidx > benchmark.period_index(t.baseline_period))
		UNION
		SELECT t.target, NULL FROM t
		WHERE t.bad IS NOT NULL AND NOT (t.first_period IS NOT NULL AND t.last_period IS NOT NULL)
	),
	r AS (
		SELECT t.*, p.period, benchmark.period_kind(p.period) AS perkind, benchmark.period_index(p.period) AS pidx,
			   benchmark.period_start(p.period) AS ps, benchmark.period_end(p.period) AS pe,
			   benchmark.period_previous(p.period) AS prev_period,
			   cur.v AS cur_v, coalesce(cur.dup, false) AS cur_dup, cur.src IS NOT NULL AS cur_row,
			   base.v AS base_v, coalesce(base.dup, false) AS base_dup,
			   prev.v AS prev_v, coalesce(prev.dup, false) AS prev_dup
		FROM t JOIN per p ON p.target = t.target
		LEFT JOIN vals cur ON cur.src = t.src AND cur.kommune = t.kommune::text AND cur.period = p.period
		LEFT JOIN vals base ON base.src = t.src AND base.kommune = t.kommune::text AND base.period = t.baseline_period
		LEFT JOIN vals prev ON prev.src = t.src AND prev.kommune = t.kommune::text
						   AND prev.period = benchmark.period_previous(p.period)
	),
	peer_rows AS (
		SELECT r.target, r.period, r.factor, c.v AS cv, b.v AS bv, c.num AS c_num, c.den AS c_den,
			   CASE WHEN r.ratio THEN c.num ELSE c.v END AS cn, CASE WHEN r.ratio THEN c.den ELSE 1 END AS cd,
			   CASE WHEN r.ratio THEN b.num ELSE b.v END AS bn, CASE WHEN r.ratio THEN b.den ELSE 1 END AS bd
		FROM r JOIN benchmark.peer_group_member m ON m.peer_group = r.peer_group
		LEFT JOIN vals c ON c.src = r.src AND c.kommune = m.kommune::text AND c.period = r.period
		LEFT JOIN vals b ON b.src = r.src AND b.kommune = m.kommune::text AND b.period = r.baseline_period
		WHERE r.kind = 'peer'
	),
	peer AS (
		SELECT x.target, x.period, pg_catalog.count(*)::integer AS members,
			   pg_catalog.count(x.cv)::integer AS rep_mean_level,
			   pg_catalog.avg(x.cv) AS mean_level,
			   (pg_catalog.count(*) FILTER (WHERE x.c_num IS NOT NULL AND x.c_den IS NOT NULL))::integer AS rep_pooled_level,
			   pg_catalog.max(x.factor) * pg_catalog.sum(x.c_num) FILTER (WHERE x.c_num IS NOT NULL AND x.c_den IS NOT NULL)
			   / NULLIF(pg_catalog.sum(x.c_den) FILTER (WHERE x.c_num IS NOT NULL AND x.c_den IS NOT NULL), 0) AS pooled_level,
			   (pg_catalog.count(*) FILTER (WHERE x.cv IS NOT NULL AND x.bv IS NOT NULL AND x.bv <> 0))::integer AS rep_mean_change,
			   pg_catalog.avg(100 * (x.cv - x.bv) / x.bv) FILTER (WHERE x.cv IS NOT NULL AND x.bv IS NOT NULL AND x.bv <> 0) AS mean_change,
			   (pg_catalog.count(*) FILTER (WHERE num_nulls(x.cn, x.cd, x.bn, x.bd) = 0))::integer AS rep_pooled_change,
			   100 * (pg_catalog.sum(x.cn) FILTER (WHERE num_nulls(x.cn, x.cd, x.bn, x.bd) = 0)
					  * pg_catalog.sum(x.bd) FILTER (WHERE num_nulls(x.cn, x.cd, x.bn, x.bd) = 0)
					  / NULLIF(pg_catalog.sum(x.cd) FILTER (WHERE num_nulls(x.cn, x.cd, x.bn, x.bd) = 0)
							   * pg_catalog.sum(x.bn) FILTER (WHERE num_nulls(x.cn, x.cd, x.bn, x.bd) = 0), 0) - 1) AS pooled_change
		FROM peer_rows x
		GROUP BY x.target, x.period
	),
	series AS (
		SELECT t.target, v.pkind, v.pidx, v.v
		FROM t JOIN vals v ON v.src = t.src AND v.kommune = t.kommune::text
	),
	trend AS (
		SELECT s.target, s.pkind, s.pidx,
			   ((pg_catalog.count(s.v) OVER w) * (pg_catalog.sum(s.pidx::numeric * s.v) OVER w)
				- (pg_catalog.sum(s.pidx::numeric) FILTER (WHERE s.v IS NOT NULL) OVER w) * (pg_catalog.sum(s.v) OVER w))
			   / NULLIF((pg_catalog.count(s.v) OVER w) * (pg_catalog.sum(s.pidx::numeric * s.pidx) FILTER (WHERE s.v IS NOT NULL) OVER w)
						- (pg_catalog.sum(s.pidx::numeric) FILTER (WHERE s.v IS NOT NULL) OVER w) ^ 2, 0) AS slope
		FROM series s
		WINDOW w AS (PARTITION BY s.target, s.pkind ORDER BY s.pidx RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)
	),
	c AS (
		SELECT r.*, pa.members, pa.rep_mean_level, pa.rep_pooled_level, pa.rep_mean_change, pa.rep_pooled_change,
			   CASE WHEN r.kind = 'peer' AND r.baseline_period IS NOT NULL THEN 'change in %%' ELSE 'level' END AS compared,
			   CASE WHEN r.kind = 'peer' AND r.baseline_period IS NOT NULL
					THEN CASE WHEN r.base_v <> 0 THEN 100 * (r.cur_v - r.base_v) / r.base_v END
					ELSE r.cur_v END AS actual,
			   CASE r.kind
					WHEN 'level' THEN benchmark.target_level_at(r.target, r.pe)
					WHEN 'change' THEN
						CASE WHEN r.base_v IS NULL OR r.base_v = 0 THEN NULL
							 WHEN r.per_year THEN r.base_v * (1 + r.change_pct / 100)
								  ^ (EXTRACT(year FROM r.pe) - EXTRACT(year FROM benchmark.period_end(r.baseline_period)))
							 WHEN r.due IS NULL OR r.pe >= r.due THEN r.base_v * (1 + r.change_pct / 100)
							 WHEN r.interpolate THEN r.base_v * (1 + r.change_pct / 100
								  * (r.pe - benchmark.period_end(r.baseline_period))
								  / (r.due - benchmark.period_end(r.baseline_period)))
						END
					WHEN 'peer' THEN
						CASE WHEN r.baseline_period IS NULL
							 THEN CASE r.peer_average WHEN 'mean' THEN pa.mean_level ELSE pa.pooled_level END
							 ELSE CASE r.peer_average WHEN 'mean' THEN pa.mean_change ELSE pa.pooled_change END
						END
					WHEN 'previous' THEN r.prev_v
			   END AS tv,
			   CASE WHEN r.kind = 'peer' THEN
						CASE WHEN r.baseline_period IS NULL
							 THEN CASE r.peer_average WHEN 'mean' THEN pa.rep_mean_level ELSE pa.rep_pooled_level END
							 ELSE CASE r.peer_average WHEN 'mean' THEN pa.rep_mean_change ELSE pa.rep_pooled_change END
						END
			   END AS reporting,
			   (r.kind = 'level' AND r.due IS NOT NULL AND benchmark.target_level_at(r.target, r.pe) IS NULL)
			   OR (r.kind = 'change' AND NOT r.per_year AND r.due IS NOT NULL AND NOT r.interpolate AND r.pe < r.due) AS not_due,
			   tr.slope
		FROM r
		LEFT JOIN peer pa ON pa.target = r.target AND pa.period = r.period
		LEFT JOIN trend tr ON tr.target = r.target AND tr.pkind = r.perkind AND tr.pidx = r.pidx
	),
	j AS (
		SELECT c.*,
			   CASE WHEN c.actual IS NULL OR c.tv IS NULL THEN NULL
					WHEN c.direction = 'at_most' THEN CASE WHEN c.strict THEN c.actual < c.tv ELSE c.actual <= c.tv END
					ELSE CASE WHEN c.strict THEN c.actual > c.tv ELSE c.actual >= c.tv END
			   END AS is_met
		FROM c
	)
	SELECT j.target, j.kommune::text, @extschema@.kommune_code(j.kommune), j.plan, j.title, j.kind, j.direction, j.strict,
		   j.follows, CASE WHEN j.compared = 'level' THEN j.unit ELSE '%%' END, j.period, j.ps, j.pe, j.compared,
		   j.actual, j.tv, j.peer_group, j.peer_average, j.members, j.reporting,
		   CASE WHEN j.is_met THEN 'met' WHEN NOT j.is_met THEN 'not met' WHEN j.not_due THEN 'not due' ELSE 'no data' END,
		   j.is_met,
		   j.actual - j.tv,
		   CASE j.direction WHEN 'at_most' THEN j.tv - j.actual ELSE j.actual - j.tv END,
		   j.slope,
		   CASE WHEN j.slope IS NULL THEN NULL WHEN j.slope = 0 THEN 'flat'
				WHEN (j.slope < 0) = (j.direction = 'at_most') THEN 'improving' ELSE 'worsening' END,
		   CASE WHEN j.bad IS NOT NULL THEN 'source problem: ' || $4[j.bad]
				WHEN j.not_due THEN pg_catalog.format('not due yet: %%s',
					 CASE WHEN j.kind = 'level' THEN 'the first milestone is due '
							   || pg_catalog.to_char((SELECT pg_catalog.min(m.due) FROM benchmark.target_milestone m WHERE m.target = j.target), 'YYYY-MM-DD')
						  ELSE 'the change is due ' || pg_catalog.to_char(j.due, 'YYYY-MM-DD') END)
				WHEN j.cur_dup THEN pg_catalog.format('the source has more than one row for %%s in %%s', j.kommune, j.period)
				WHEN j.cur_v IS NULL THEN pg_catalog.format('no value for %%s in %%s (%%s)', j.kommune, j.period,
					 CASE WHEN j.cur_row THEN 'suppressed or missing' ELSE 'no row in the source' END)
				WHEN j.kind = 'change' AND (j.base_v IS NULL OR j.base_dup) OR j.kind = 'peer' AND j.baseline_period IS NOT NULL AND j.base_v IS NULL
					 THEN pg_catalog.format('no value for the baseline period %%s', j.baseline_period)
				WHEN j.baseline_period IS NOT NULL AND j.base_v = 0
					 THEN pg_catalog.format('the level in the baseline period %%s is zero: a relative change is undefined', j.baseline_period)
				WHEN j.kind = 'previous' AND j.prev_v IS NULL THEN pg_catalog.format('no value for the previous period %%s', j.prev_period)
				WHEN j.kind = 'peer' AND j.peer_average = 'pooled' AND j.baseline_period IS NULL AND NOT j.ratio
					 THEN 'a pooled average needs numerator and denominator columns in the source'
				WHEN j.kind = 'peer' AND coalesce(j.reporting, 0) = 0 THEN pg_catalog.format('no member of %%s has a value', j.peer_group)
				WHEN j.kind = 'peer' THEN pg_catalog.format('%%s of %%s: %%s of %%s members reporting',
					 CASE WHEN j.peer_average = 'mean' THEN 'mean' ELSE 'pooled value' END, j.peer_group, j.reporting, j.members)
		   END
	FROM j
	ORDER BY @extschema@.kommune_code(j.kommune), j.target, j.pidx$q$, q)
	USING kommune_filter, target_filter, bad_sources, bad_problems, ratio_sources, row_src, row_k, row_period, row_v, row_num, row_den;
END
$$;

COMMENT ON FUNCTION benchmark.target_status_for(text, text) IS
'Target follow-up for one municipality and/or one target (NULL: all): per target and period the actual value, the target value, status (met, not met, no data, not due), gap (actual - target), margin (positive = better than the target), the trend of the municipality''s values and a note';

CREATE OR REPLACE VIEW benchmark.target_status AS
SELECT * FROM benchmark.target_status_for(NULL, NULL);

COMMENT ON VIEW benchmark.target_status IS
'Target follow-up of every target in every period it is followed in, as plain columns for reports and BI tools';

GRANT SELECT ON benchmark.target_status TO PUBLIC;

CREATE OR REPLACE FUNCTION benchmark.target_scorecard(kommune_name text, period_label text DEFAULT NULL)
RETURNS TABLE (target text, plan text, title text, kind text, follows text, period text, compared text,
			   actual numeric, target_value numeric, unit text, status text, gap numeric, trend_direction text, note text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH s AS (
		SELECT x.*,
			   pg_catalog.row_number() OVER (PARTITION BY x.target
											 ORDER BY x.status IN ('met', 'not met') DESC, x.period_end DESC) AS latest
		FROM benchmark.target_status_for(target_scorecard.kommune_name, NULL) x
		WHERE target_scorecard.period_label IS NULL OR x.period = target_scorecard.period_label
	)
	SELECT s.target, s.plan, s.title, s.kind, s.follows, s.period, s.compared, s.actual, s.target_value, s.unit,
		   s.status, s.gap, s.trend_direction, s.note
	FROM s
	WHERE s.latest = 1
	ORDER BY s.plan, s.target;
END;

COMMENT ON FUNCTION benchmark.target_scorecard(text, text) IS
'One municipality''s targets, one line each: in the given period, or (period NULL) in the latest period that could be judged, else the latest followed';

CREATE OR REPLACE TRIGGER validate BEFORE INSERT OR UPDATE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark.target_validate();
CREATE OR REPLACE TRIGGER validate BEFORE INSERT OR UPDATE ON benchmark.target_milestone
	FOR EACH ROW EXECUTE FUNCTION benchmark.target_milestone_validate();

/*
 * Readers of jobindsats downloads: the CSV of the API and the databank, and
 * the JSON replies of the API v2 and v3, one row per measure cell:
 *
 *		(table_id, area, kommune, period, dimensions, measure, value)
 *
 * table_id is the argument of that name; area as written, kommune NULL for
 * the whole country, regions, landsdele, RAR areas and "Uoplyst område";
 * period the canonical label (2024Y01 -> 2024); dimensions an object of
 * dimension label -> value label; measure the column's label; value exact,
 * NULL for a suppressed or missing cell, never 0.  The parsing is in C
 * (src/jobindsats*.c), whose header comments give the rules for numbers,
 * areas and the dimension and measure columns.
 *
 * Errors: 28000 the API's wrong-key reply; 22023 an error reply of the API
 * (its cause) or a wrong argument; 22P04 a document of the wrong shape (an
 * HTML page, JSON given as CSV, ragged rows, no area or period column);
 * 22P02 a cell that is not what its column holds (a number, an area); 22P02
 * and 22008 a period label; 22021 text in a wrong encoding.  Messages name
 * the line (CSV) or row (JSON) and the column.
 */

CREATE OR REPLACE FUNCTION benchmark.jobindsats_csv(doc text, table_id text DEFAULT NULL,
										 dimensions text[] DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_csv_text';

COMMENT ON FUNCTION benchmark.jobindsats_csv(text, text, text[]) IS
'The cells of a jobindsats CSV download (API v2/v3 or databank: ";"-separated, decimal comma, a header of labels, Area/Område and Period/Periode columns), one row per measure cell; dimensions names the dimension columns when they cannot be told from the cells';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_csv(doc bytea, table_id text DEFAULT NULL,
										 dimensions text[] DEFAULT NULL, encoding text DEFAULT 'UTF8')
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_csv_bytea';

COMMENT ON FUNCTION benchmark.jobindsats_csv(bytea, text, text[], text) IS
'The cells of a jobindsats CSV file given as bytes (e.g. pg_read_binary_file) in an encoding (UTF8 unless told, e.g. LATIN1 or WIN1252); bytes not valid in it are an error naming the line';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_json(doc jsonb, table_id text DEFAULT NULL,
										  dimensions text[] DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_json';

COMMENT ON FUNCTION benchmark.jobindsats_json(jsonb, text, text[]) IS
'The cells of a jobindsats API reply in JSON, v2 ([{"Variables": [...], "Data": [...]}]: dimension names start with _) or v3 ({"columns": [...], "rows": [...]}), one row per measure cell; dimensions names the dimension columns of a v3 reply when they cannot be told from the cells';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_number(cell text)
RETURNS numeric
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_number';

COMMENT ON FUNCTION benchmark.jobindsats_number(text) IS
'A number as jobindsats downloads write it, exact (7,17; 1.234.567,5; 2.8; -50): NULL for a suppressed or missing value ("", "-", "..", "."), an error (22P02) for anything else; for staging tables of text';

/*
 * Reading the mapping catalog (sql/layers/48_jobindsats_mapping.sql): terms
 * and mappings computed from the observation store or from the wide tables
 * registered in jobindsats_source, the installed source views of the preset
 * (benchmark.mapped_*), and model_missing_data, which lists what a model's
 * mappings miss in the loaded data before a run fails.
 *
 * A term's cells are the municipalities' cells of its table and measure.  Of
 * every dimension the term names, the listed values are added up; every
 * other dimension is taken at its total ("<Dimension> i alt", "I alt",
 * "Alle <dimension>"); where a municipality and period have no totals row,
 * a count is the sum over the term's breakdown dimension (Kvinder + Mænd)
 * and a share is missing.  A suppressed cell (NULL) makes the sum NULL,
 * never 0.  Periods are then made into the period form asked for:
 *
 *   year           calendar years: yearly rows as loaded, four quarters
 *                  ending in Q4 as their year, months (quarters) as their
 *                  mean or sum per year; only years whose last month
 *                  (quarter) is loaded for some municipality
 *   year_to_date   every year over the months January to the latest month
 *                  loaded (the same months in every year, so years
 *                  compare); data without months as in the year form
 *   rolling_year   four quarters ending with each quarter (2023QMAT01) from
 *                  twelve months, four quarters, or yearly rows (as QMAT04)
 *   as_loaded      the periods as loaded
 *
 * A mean needs months_required months of the year with a value (in a year
 * to date as many fewer as the year has months to come); a sum needs them
 * all.
 */

/* A label's matching key: lower case, without spaces and punctuation. */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_label_key(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.regexp_replace(pg_catalog.translate(pg_catalog.lower(label), 'ÆØÅÄÖÜÉ', 'æøåäöüé'),
								 '[^a-z0-9æøåäöüé]+', '', 'g');

COMMENT ON FUNCTION benchmark.jobindsats_label_key(text) IS
'The key labels are matched by: lower case without spaces and punctuation ("Antal  personer" and "antal personer" match)';

/* Whether a dimension's value is its total ("Køn i alt", "I alt", "Alle ydelsesgrupper"). */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_is_total(dimension text, value text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN benchmark.jobindsats_label_key(value) IN (benchmark.jobindsats_label_key(dimension) || 'ialt', 'ialt', 'total',
												 'alle' || benchmark.jobindsats_label_key(dimension));

COMMENT ON FUNCTION benchmark.jobindsats_is_total(text, text) IS
'Whether a dimension value is the dimension''s total: "<Dimension> i alt", "I alt", "Alle <dimension>" or "Total" (case, spaces and punctuation ignored)';

/* The dimension values a term names: {"Køn": "Kvinder"} or {"Ydelsesgrupper": ["A-dagpenge", ...]} as pairs. */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_named_values(dimensions jsonb)
RETURNS TABLE (dimension text, value text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT d.key, v.value
	FROM pg_catalog.jsonb_each(dimensions) d,
		 pg_catalog.jsonb_array_elements_text(CASE pg_catalog.jsonb_typeof(d.value) WHEN 'array' THEN d.value
											  ELSE pg_catalog.jsonb_build_array(d.value) END) v(value);
END;

COMMENT ON FUNCTION benchmark.jobindsats_named_values(jsonb) IS
'The (dimension, value) pairs a term''s dimensions name, one value or a list of values per dimension';

/* The municipalities' cells of one jobindsats table and some of its measures (all: NULL): from its registered wide table, else from the store. */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_table_cells(table_id text, measures text[] DEFAULT NULL)
RETURNS TABLE (area text, kommune text, period text, dimensions jsonb, measure text, value numeric)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 10000
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s benchmark.jobindsats_source;
BEGIN
	SELECT * INTO s FROM benchmark.jobindsats_source x WHERE x.table_id = pg_catalog.upper(jobindsats_table_cells.table_id);
	IF FOUND THEN
		IF pg_catalog.to_regclass(s.relation) IS NULL THEN
			RAISE EXCEPTION 'the wide table % registered for jobindsats table % does not exist', s.relation, s.table_id
				USING ERRCODE = 'undefined_table',
					HINT = 'Give a schema-qualified name in benchmark.jobindsats_source.relation, or delete the row to read the store.';
		END IF;
		RETURN QUERY
			SELECT w.area, w.kommune::text, w.period, w.dimensions, w.measure, w.value
			FROM benchmark.jobindsats_wide(s.relation::regclass, s.table_id, s.dimensions, s.labels) w
			WHERE w.kommune IS NOT NULL AND (measures IS NULL OR w.measure = ANY (measures));
	ELSE
		RETURN QUERY
			SELECT o.area, o.kommune::text, o.period, o.dimensions, o.measure, o.value
			FROM benchmark.jobindsats_observation o
			WHERE o.table_id = pg_catalog.upper(jobindsats_table_cells.table_id)
			  AND o.kommune IS NOT NULL AND (measures IS NULL OR o.measure = ANY (measures));
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_table_cells(text, text[]) IS
'The municipalities'' cells of a jobindsats table (of the measures named, or all) in the readers'' long form: from the wide table benchmark.jobindsats_source names for it, else from the observation store';

/* The measure labels of one jobindsats table as loaded (store or registered wide table). */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_table_measures(table_id text)
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM benchmark.jobindsats_source x WHERE x.table_id = pg_catalog.upper(jobindsats_table_measures.table_id)) THEN
		RETURN (SELECT pg_catalog.array_agg(DISTINCT c.measure ORDER BY c.measure)
				FROM benchmark.jobindsats_table_cells(jobindsats_table_measures.table_id) c);
	END IF;
	/* the distinct labels by skipping through the index on (table_id, measure) */
	RETURN (WITH RECURSIVE labels(measure) AS (
				(SELECT o.measure FROM benchmark.jobindsats_observation o
				 WHERE o.table_id = pg_catalog.upper(jobindsats_table_measures.table_id)
				 ORDER BY o.measure LIMIT 1)
				UNION ALL
				SELECT (SELECT o.measure FROM benchmark.jobindsats_observation o
						WHERE o.table_id = pg_catalog.upper(jobindsats_table_measures.table_id) AND o.measure > l.measure
						ORDER BY o.measure LIMIT 1)
				FROM labels l WHERE l.measure IS NOT NULL)
			SELECT pg_catalog.array_agg(l.measure ORDER BY l.measure) FROM labels l WHERE l.measure IS NOT NULL);
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_table_measures(text) IS
'The measure labels of a jobindsats table as loaded into the store or as its registered wide table has them; NULL when the table is not loaded';

/* The distinct breakdowns (dimensions objects) of one measure of a jobindsats table, store or registered wide table. */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_table_breakdowns(table_id text, measure text)
RETURNS SETOF jsonb
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 20
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM benchmark.jobindsats_source x WHERE x.table_id = pg_catalog.upper(jobindsats_table_breakdowns.table_id)) THEN
		RETURN QUERY SELECT DISTINCT c.dimensions
					 FROM benchmark.jobindsats_table_cells(jobindsats_table_breakdowns.table_id, ARRAY[measure]) c;
		RETURN;
	END IF;
	/* skipping through the index on (table_id, measure, dimensions) */
	RETURN QUERY
	WITH RECURSIVE d(dimensions) AS (
		(SELECT o.dimensions FROM benchmark.jobindsats_observation o
		 WHERE o.table_id = pg_catalog.upper(jobindsats_table_breakdowns.table_id) AND o.measure = jobindsats_table_breakdowns.measure
		 ORDER BY o.dimensions LIMIT 1)
		UNION ALL
		SELECT (SELECT o.dimensions FROM benchmark.jobindsats_observation o
				WHERE o.table_id = pg_catalog.upper(jobindsats_table_breakdowns.table_id) AND o.measure = jobindsats_table_breakdowns.measure
				  AND o.dimensions > d.dimensions
				ORDER BY o.dimensions LIMIT 1)
		FROM d WHERE d.dimensions IS NOT NULL)
	SELECT d.dimensions FROM d WHERE d.dimensions IS NOT NULL;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_table_breakdowns(text, text) IS
'The distinct breakdowns (dimension -> value objects) one measure of a jobindsats table has, in the store or the registered wide table';

/*
 * Which of a table's measure labels a term's label matches: the first rule
 * that finds exactly one label wins (as written; ignoring case, spaces and
 * punctuation; without a "group: " prefix; as the start of a longer or
 * shorter label).  matched_how says which; candidates are the table's labels
 * when none or several match.
 */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_label_match(wanted text, labels text[],
												 OUT matched_label text, OUT matched_how text, OUT candidates text[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH l AS (
		SELECT DISTINCT x.label,
			   benchmark.jobindsats_label_key(x.label) AS k,
			   benchmark.jobindsats_label_key(pg_catalog.regexp_replace(x.label, '^.*:\s*', '')) AS k_short
		FROM pg_catalog.unnest(labels) x(label)
		WHERE x.label IS NOT NULL
	),
	w AS (
		SELECT benchmark.jobindsats_label_key(wanted) AS k,
			   benchmark.jobindsats_label_key(pg_catalog.regexp_replace(wanted, '^.*:\s*', '')) AS k_short
	),
	rules AS (
		SELECT 1 AS rule, 'as written' AS how, l.label FROM l WHERE l.label = wanted
		UNION ALL
		SELECT 2, 'ignoring case, spaces and punctuation', l.label FROM l, w WHERE l.k = w.k
		UNION ALL
		SELECT 3, 'without the group prefix', l.label FROM l, w WHERE l.k_short = w.k_short
		UNION ALL
		SELECT 4, 'as the start of the label', l.label FROM l, w
		WHERE w.k_short <> '' AND l.k_short <> '' AND (pg_catalog.starts_with(l.k_short, w.k_short) OR pg_catalog.starts_with(w.k_short, l.k_short))
	),
	first_unique AS (
		SELECT r.rule, pg_catalog.min(r.label) AS label, r.how
		FROM rules r
		GROUP BY r.rule, r.how
		HAVING pg_catalog.count(DISTINCT r.label) = 1
		ORDER BY r.rule
		LIMIT 1
	)
	SELECT f.label, f.how,
		   CASE WHEN f.label IS NULL THEN (SELECT pg_catalog.array_agg(l.label ORDER BY l.label) FROM l) END
	FROM (SELECT 1) one LEFT JOIN first_unique f ON true;
END;

COMMENT ON FUNCTION benchmark.jobindsats_label_match(text, text[]) IS
'Which of a table''s measure labels a wanted label matches (as written; ignoring case, spaces and punctuation; without a "group: " prefix; as the start of a longer or shorter label; the first rule with exactly one match), how, and the labels to choose from when none matches';

/* One term's values in a period form (see the file header). */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_term_values(term_name text, period_form text DEFAULT 'year')
RETURNS TABLE (kommune text, period text, value numeric, matched_label text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 600
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t benchmark.jobindsats_term;
	labels text[];
	m record;
	m_label text;
	pm_label text;
	spec jsonb;
	combos integer;
	breadth integer;
	registered boolean;
	kept jsonb[];
	kept_class text[];
	kept_combo text[];
	single boolean;
	total_dims jsonb[];
	part_dims jsonb[];
BEGIN
	IF period_form IS NULL OR period_form NOT IN ('year', 'year_to_date', 'rolling_year', 'as_loaded') THEN
		RAISE EXCEPTION 'unknown period form "%"', period_form
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Use year, year_to_date, rolling_year or as_loaded.';
	END IF;
	SELECT * INTO t FROM benchmark.jobindsats_term x WHERE x.term = term_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'jobindsats term "%" does not exist', term_name
			USING ERRCODE = 'undefined_object',
				HINT = 'The terms are the rows of benchmark.jobindsats_term.';
	END IF;
	labels := benchmark.jobindsats_table_measures(t.table_id);
	IF labels IS NULL THEN
		RETURN;		/* the table is not loaded: no values (model_missing_data says so) */
	END IF;
	m := benchmark.jobindsats_label_match(t.measure, labels);
	IF m.matched_label IS NULL THEN
		RAISE EXCEPTION 'jobindsats table % has no measure matching "%" (term %)', t.table_id, t.measure, t.term
			USING ERRCODE = 'undefined_column',
				DETAIL = pg_catalog.format('Its measures: %s.', pg_catalog.array_to_string(m.candidates[1:20], '; ')),
				HINT = 'Load the table with this measure, or copy the term with the label your download uses.';
	END IF;
	m_label := m.matched_label;
	IF t.per_cent_measure IS NOT NULL THEN
		m := benchmark.jobindsats_label_match(t.per_cent_measure, labels);
		IF m.matched_label IS NULL THEN
			RAISE EXCEPTION 'jobindsats table % has no measure matching "%" (term %)', t.table_id, t.per_cent_measure, t.term
				USING ERRCODE = 'undefined_column',
					DETAIL = pg_catalog.format('Its measures: %s.', pg_catalog.array_to_string(m.candidates[1:20], '; '));
		END IF;
		pm_label := m.matched_label;
	END IF;
	/* the named dimensions' keys and the keys of their non-total values */
	SELECT coalesce(pg_catalog.jsonb_object_agg(s.dkey, s.vkeys), '{}')
	INTO spec
	FROM (SELECT benchmark.jobindsats_label_key(v.dimension) AS dkey,
				 pg_catalog.jsonb_agg(DISTINCT benchmark.jobindsats_label_key(v.value)) AS vkeys
		  FROM benchmark.jobindsats_named_values(t.dimensions) v
		  WHERE NOT benchmark.jobindsats_is_total(v.dimension, v.value)
		  GROUP BY 1) s;
	/* how many combinations of the named values a period adds up */
	combos := 1;
	FOR breadth IN SELECT pg_catalog.jsonb_array_length(e.value) FROM pg_catalog.jsonb_each(spec) e LOOP
		combos := combos * breadth;
	END LOOP;

	/*
	 * Each breakdown of the measure: total (every dimension not named at
	 * its total), part (the breakdown dimension broken down, the others at
	 * their totals) or left out; combo names the named dimensions' values.
	 */
	SELECT pg_catalog.array_agg(x.dimensions), pg_catalog.array_agg(x.cls), pg_catalog.array_agg(x.combo)
	INTO kept, kept_class, kept_combo
	FROM (SELECT d.dimensions,
				 CASE WHEN pg_catalog.bool_or(e.bad) OR pg_catalog.count(*) FILTER (WHERE e.named) <> (SELECT pg_catalog.count(*) FROM pg_catalog.jsonb_object_keys(spec))
					  THEN 'out'
					  WHEN pg_catalog.bool_or(e.part) THEN 'part'
					  ELSE 'total' END AS cls,
				 coalesce(pg_catalog.string_agg(e.combo, ',' ORDER BY e.combo), '') AS combo
		  FROM benchmark.jobindsats_table_breakdowns(t.table_id, m_label) d(dimensions)
		  LEFT JOIN LATERAL (
				SELECT spec ? n.k AS named,
					   CASE WHEN spec ? n.k THEN NOT (spec -> n.k) ? benchmark.jobindsats_label_key(j.value)
							ELSE NOT benchmark.jobindsats_is_total(j.key, j.value)
								 AND n.k IS DISTINCT FROM benchmark.jobindsats_label_key(t.breakdown) END AS bad,
					   NOT spec ? n.k AND NOT benchmark.jobindsats_is_total(j.key, j.value)
						   AND n.k = benchmark.jobindsats_label_key(t.breakdown) AS part,
					   CASE WHEN spec ? n.k THEN n.k || '=' || benchmark.jobindsats_label_key(j.value) END AS combo
				FROM pg_catalog.jsonb_each_text(d.dimensions) j,
					 LATERAL (SELECT benchmark.jobindsats_label_key(j.key) AS k) n) e ON true
		  GROUP BY d.dimensions) x
	WHERE x.cls = 'total' OR (x.cls = 'part' AND t.kind = 'count');	/* a share is never summed */
	IF kept IS NULL THEN
		RETURN;		/* no breakdown fits the term (model_missing_data says which values are missing) */
	END IF;
	registered := EXISTS (SELECT 1 FROM benchmark.jobindsats_source x WHERE x.table_id = t.table_id);
	/*
	 * A count with one combination of values, totals rows and a breakdown:
	 * where every municipality and period with breakdown rows has its
	 * totals row, the breakdown is not needed.
	 */
	SELECT pg_catalog.array_agg(k.d) FILTER (WHERE k.c = 'total'), pg_catalog.array_agg(k.d) FILTER (WHERE k.c = 'part')
	INTO total_dims, part_dims
	FROM ROWS FROM (pg_catalog.unnest(kept), pg_catalog.unnest(kept_class)) k(d, c);
	IF NOT registered AND combos = 1 AND total_dims IS NOT NULL AND part_dims IS NOT NULL
	   AND NOT EXISTS (SELECT p.area, p.period
					   FROM benchmark.jobindsats_observation p
					   WHERE p.table_id = t.table_id AND p.measure = m_label AND p.kommune IS NOT NULL
						 AND p.dimensions = ANY (part_dims)
					   EXCEPT
					   SELECT o.area, o.period
					   FROM benchmark.jobindsats_observation o
					   WHERE o.table_id = t.table_id AND o.measure = m_label AND o.kommune IS NOT NULL
						 AND o.dimensions = ANY (total_dims)) THEN
		SELECT pg_catalog.array_agg(k.d), pg_catalog.array_agg(k.c), pg_catalog.array_agg(k.combo)
		INTO kept, kept_class, kept_combo
		FROM ROWS FROM (pg_catalog.unnest(kept), pg_catalog.unnest(kept_class), pg_catalog.unnest(kept_combo)) k(d, c, combo)
		WHERE k.c = 'total';
	END IF;
	single := pg_catalog.cardinality(kept) = 1 AND kept_class[1] = 'total';

	RETURN QUERY
	WITH raw AS (
		/* a municipality's area is its official name in the store */
		SELECT o.area AS kommune, o.period, pg_catalog.array_position(kept, o.dimensions) AS i, o.measure, o.value
		FROM benchmark.jobindsats_observation o
		WHERE NOT registered AND o.table_id = t.table_id AND o.measure IN (m_label, pm_label)
		  AND o.dimensions = ANY (kept) AND o.kommune IS NOT NULL
		UNION ALL
		SELECT c.kommune, c.period, pg_catalog.array_position(kept, c.dimensions), c.measure, c.value
		FROM benchmark.jobindsats_table_cells(t.table_id, ARRAY[m_label, pm_label]) c
		WHERE registered AND c.dimensions = ANY (kept)
	),
	cells AS (
		SELECT r.kommune, r.period, r.i, r.value FROM raw r WHERE pm_label IS NULL
		UNION ALL
		/* a population: the count * 100 / its per cent of the population, per cell */
		SELECT r.kommune, r.period, r.i,
			   pg_catalog.max(r.value) FILTER (WHERE r.measure = m_label) * 100
			   / NULLIF(pg_catalog.max(r.value) FILTER (WHERE r.measure = pm_label), 0)
		FROM raw r
		WHERE pm_label IS NOT NULL
		GROUP BY r.kommune, r.period, r.i
	),
	per_combo AS (
		SELECT c.kommune, c.period, kept_class[c.i] AS cls, kept_combo[c.i] AS combo,
			   pg_catalog.count(*) AS n, pg_catalog.count(c.value) AS n_values, pg_catalog.sum(c.value) AS total
		FROM cells c
		GROUP BY c.kommune, c.period, kept_class[c.i], kept_combo[c.i]
	),
	per_period AS MATERIALIZED (
		/* one breakdown, at the totals: the cells are the values */
		SELECT c.kommune, c.period, c.value,
			   benchmark.period_kind(c.period) AS kind,
			   benchmark.period_index(c.period) AS idx
		FROM cells c
		WHERE single
		UNION ALL
		SELECT x.kommune, x.period,
			   CASE WHEN pg_catalog.bool_or(x.cls = 'total') THEN
						CASE WHEN pg_catalog.count(*) FILTER (WHERE x.cls = 'total') = combos
								  AND pg_catalog.sum(x.n) FILTER (WHERE x.cls = 'total') = pg_catalog.sum(x.n_values) FILTER (WHERE x.cls = 'total')
							 THEN pg_catalog.sum(x.total) FILTER (WHERE x.cls = 'total') END
					WHEN t.kind = 'count' THEN
						CASE WHEN pg_catalog.count(*) = combos AND pg_catalog.sum(x.n) = pg_catalog.sum(x.n_values)
							 THEN pg_catalog.sum(x.total) END
			   END AS value,
			   benchmark.period_kind(x.period) AS kind,
			   benchmark.period_index(x.period) AS idx
		FROM per_combo x
		WHERE NOT single
		GROUP BY x.kommune, x.period
	),
	latest AS (
		SELECT p.kind, pg_catalog.max(p.idx) AS idx FROM per_period p GROUP BY p.kind
	),
	sub_year AS (
		/* months and quarters with their year, and the months (quarters) the form counts */
		SELECT p.*, pg_catalog.left(p.period, 4)::integer AS year,
			   CASE p.kind WHEN 'month' THEN 12 ELSE 4 END AS per_year_count,
			   CASE p.kind WHEN 'month' THEN p.idx % 12 + 1 ELSE p.idx % 4 + 1 END AS number,
			   CASE p.kind WHEN 'month' THEN l.idx % 12 + 1 ELSE l.idx % 4 + 1 END AS latest_number,
			   l.idx / CASE p.kind WHEN 'month' THEN 12 ELSE 4 END AS latest_year
		FROM per_period p JOIN latest l ON l.kind = p.kind
		WHERE p.kind IN ('month', 'quarter')
	),
	years AS (
		SELECT s.kommune, s.year::text AS period,
			   CASE WHEN t.per_year = 'sum'
					THEN CASE WHEN pg_catalog.count(s.value) = pg_catalog.max(s.counted) THEN pg_catalog.sum(s.value) END
					ELSE CASE WHEN pg_catalog.count(s.value) >= pg_catalog.max(s.required) THEN pg_catalog.avg(s.value) END END AS value,
			   3 AS priority
		FROM (SELECT s.*,
					 CASE WHEN period_form = 'year_to_date' AND s.kind = 'month' THEN s.latest_number ELSE s.per_year_count END AS counted,
					 GREATEST(1, CASE s.kind WHEN 'month' THEN t.months_required
														ELSE pg_catalog.ceil(t.months_required / 3.0)::integer END
											- CASE WHEN period_form = 'year_to_date' AND s.kind = 'month' THEN 12 - s.latest_number ELSE 0 END) AS required
			  FROM sub_year s) s
		WHERE s.number <= s.counted
		  AND (s.year < s.latest_year OR s.latest_number = s.per_year_count
			   OR (period_form = 'year_to_date' AND s.kind = 'month'))
		GROUP BY s.kommune, s.year, s.kind
		UNION ALL
		SELECT p.kommune, p.period, p.value, 1 FROM per_period p WHERE p.kind = 'year'
		UNION ALL
		SELECT p.kommune, pg_catalog.left(p.period, 4), p.value, 2
		FROM per_period p WHERE p.kind = 'four quarters' AND pg_catalog.right(p.period, 2) = '04'
	),
	rolling AS (
		/* twelve months ending with a quarter's last month, or four quarters */
		SELECT w.kommune, benchmark.period_from_index('four quarters', (w.idx + 1) / 3 - 1) AS period, w.value, 3 AS priority
		FROM (SELECT p.kommune, p.idx,
					 CASE WHEN t.per_year = 'sum'
						  THEN CASE WHEN pg_catalog.count(p.value) OVER w = 12 THEN pg_catalog.sum(p.value) OVER w END
						  ELSE CASE WHEN pg_catalog.count(p.value) OVER w >= t.months_required THEN pg_catalog.avg(p.value) OVER w END
					 END AS value
			  FROM per_period p
			  WHERE p.kind = 'month'
			  WINDOW w AS (PARTITION BY p.kommune ORDER BY p.idx RANGE BETWEEN 11 PRECEDING AND CURRENT ROW)) w
		WHERE w.idx % 3 = 2
		  AND w.idx - 11 >= (SELECT pg_catalog.min(p.idx) FROM per_period p WHERE p.kind = 'month')
		UNION ALL
		SELECT w.kommune, benchmark.period_from_index('four quarters', w.idx), w.value, 3
		FROM (SELECT p.kommune, p.idx,
					 CASE WHEN t.per_year = 'sum'
						  THEN CASE WHEN pg_catalog.count(p.value) OVER w = 4 THEN pg_catalog.sum(p.value) OVER w END
						  ELSE CASE WHEN pg_catalog.count(p.value) OVER w >= pg_catalog.ceil(t.months_required / 3.0) THEN pg_catalog.avg(p.value) OVER w END
					 END AS value
			  FROM per_period p
			  WHERE p.kind = 'quarter'
			  WINDOW w AS (PARTITION BY p.kommune ORDER BY p.idx RANGE BETWEEN 3 PRECEDING AND CURRENT ROW)) w
		WHERE w.idx - 3 >= (SELECT pg_catalog.min(p.idx) FROM per_period p WHERE p.kind = 'quarter')
		UNION ALL
		SELECT p.kommune, p.period, p.value, 1 FROM per_period p WHERE p.kind = 'four quarters'
		UNION ALL
		SELECT p.kommune, p.period || 'QMAT04', p.value, 2 FROM per_period p WHERE p.kind = 'year'
	),
	formed AS (
		SELECT y.kommune, y.period, y.value, y.priority FROM years y WHERE period_form IN ('year', 'year_to_date')
		UNION ALL
		SELECT r.kommune, r.period, r.value, r.priority FROM rolling r WHERE period_form = 'rolling_year'
		UNION ALL
		SELECT p.kommune, p.period, p.value, 1 FROM per_period p WHERE period_form = 'as_loaded'
	)
	SELECT DISTINCT ON (f.kommune, f.period) f.kommune, f.period, f.value, m_label
	FROM formed f
	ORDER BY f.kommune, f.period, f.priority;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_term_values(text, text) IS
'One term of the mapping catalog as (kommune, period, value, matched_label): its table''s cells (store or registered wide table) in its breakdown, totals or else the sum over the breakdown for counts, in a period form: year (default), year_to_date, rolling_year or as_loaded';

/* One mapping's values: scale * (sum of numerator terms) / (sum of denominator terms). */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_mapping_values(mapping_name text, period_form text DEFAULT 'year')
RETURNS TABLE (kommune text, period text, value numeric)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 600
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mp benchmark.jobindsats_mapping;
	missing text;
	n_terms integer;
BEGIN
	SELECT * INTO mp FROM benchmark.jobindsats_mapping x WHERE x.mapping = mapping_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'jobindsats mapping "%" does not exist', mapping_name
			USING ERRCODE = 'undefined_object',
				HINT = 'The mappings are the rows of benchmark.jobindsats_mapping.';
	END IF;
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.ltrim(x, '-'), ', ')
	INTO missing
	FROM pg_catalog.unnest(mp.numerator || coalesce(mp.denominator, '{}')) x
	WHERE NOT EXISTS (SELECT 1 FROM benchmark.jobindsats_term t WHERE t.term = pg_catalog.ltrim(x, '-'));
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats mapping "%" uses terms that do not exist: %', mapping_name, missing
			USING ERRCODE = 'undefined_object';
	END IF;
	SELECT pg_catalog.count(DISTINCT (s.side, s.x)) INTO n_terms
	FROM (SELECT 'n' AS side, x FROM pg_catalog.unnest(mp.numerator) x
		  UNION ALL SELECT 'd', x FROM pg_catalog.unnest(mp.denominator) x) s;

	RETURN QUERY
	WITH terms AS (
		SELECT s.side, s.x, pg_catalog.ltrim(s.x, '-') AS term, CASE WHEN s.x LIKE '-%' THEN -1 ELSE 1 END AS sign
		FROM (SELECT DISTINCT u.side, u.x
			  FROM (SELECT 'n' AS side, x FROM pg_catalog.unnest(mp.numerator) x
					UNION ALL SELECT 'd', x FROM pg_catalog.unnest(mp.denominator) x) u) s
	),
	term_values AS (
		SELECT DISTINCT t.term, v.kommune, v.period, v.value
		FROM (SELECT DISTINCT terms.term FROM terms) t,
			 LATERAL benchmark.jobindsats_term_values(t.term, period_form) v
	),
	sides AS (
		SELECT v.kommune, v.period,
			   pg_catalog.count(*) AS n,
			   pg_catalog.count(v.value) AS n_values,
			   pg_catalog.sum(t.sign * v.value) FILTER (WHERE t.side = 'n') AS numerator,
			   pg_catalog.sum(t.sign * v.value) FILTER (WHERE t.side = 'd') AS denominator
		FROM terms t JOIN term_values v ON v.term = t.term
		GROUP BY v.kommune, v.period
	)
	SELECT q.kommune, q.period, CASE WHEN q.value IS NOT NULL THEN LEAST(mp.upper_bound, q.value) END
	FROM (SELECT s.kommune, s.period,
				 CASE WHEN s.n = n_terms AND s.n_values = n_terms THEN
					  CASE WHEN mp.denominator IS NULL THEN mp.scale * s.numerator
						   ELSE mp.scale * s.numerator / NULLIF(s.denominator, 0) END END AS value
		  FROM sides s) q;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_mapping_values(text, text) IS
'A mapping of the catalog as a model source (kommune, period, value): scale * (sum of the numerator terms) / (sum of the denominator terms), at most upper_bound; NULL where a term is missing or suppressed or the denominator is 0; period forms as jobindsats_term_values';

/*
 * The preset's sources: one view per shipped mapping, in yearly periods.
 * Other period forms: a view of your own over
 * benchmark.jobindsats_mapping_values('<mapping>', 'year_to_date'), in a
 * copy of the model (README, "Reading jobindsats data").
 */
CREATE OR REPLACE VIEW benchmark.mapped_stillingsopslag AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('stillingsopslag') m;

COMMENT ON VIEW benchmark.mapped_stillingsopslag IS
'The shipped mapping stillingsopslag in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_virksomhedstilfredshed AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('virksomhedstilfredshed') m;

COMMENT ON VIEW benchmark.mapped_virksomhedstilfredshed IS
'The shipped mapping virksomhedstilfredshed in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_opkvalificering AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('opkvalificering') m;

COMMENT ON VIEW benchmark.mapped_opkvalificering IS
'The shipped mapping opkvalificering in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_revalidering AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('revalidering') m;

COMMENT ON VIEW benchmark.mapped_revalidering IS
'The shipped mapping revalidering in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_opkvalificering_dagpenge AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('opkvalificering_dagpenge') m;

COMMENT ON VIEW benchmark.mapped_opkvalificering_dagpenge IS
'The shipped mapping opkvalificering_dagpenge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_job_efter_26_uger AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('job_efter_26_uger') m;

COMMENT ON VIEW benchmark.mapped_job_efter_26_uger IS
'The shipped mapping job_efter_26_uger in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_langtidsledige AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('langtidsledige') m;

COMMENT ON VIEW benchmark.mapped_langtidsledige IS
'The shipped mapping langtidsledige in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_unge_i_job_og_uddannelse AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('unge_i_job_og_uddannelse') m;

COMMENT ON VIEW benchmark.mapped_unge_i_job_og_uddannelse IS
'The shipped mapping unge_i_job_og_uddannelse in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ingen_passive_unge AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ingen_passive_unge') m;

COMMENT ON VIEW benchmark.mapped_ingen_passive_unge IS
'The shipped mapping ingen_passive_unge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_aktive_aktivitetsparate AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('aktive_aktivitetsparate') m;

COMMENT ON VIEW benchmark.mapped_aktive_aktivitetsparate IS
'The shipped mapping aktive_aktivitetsparate in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ledighed_fleksjob AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ledighed_fleksjob') m;

COMMENT ON VIEW benchmark.mapped_ledighed_fleksjob IS
'The shipped mapping ledighed_fleksjob in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_aktive_ikke_vestlige AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('aktive_ikke_vestlige') m;

COMMENT ON VIEW benchmark.mapped_aktive_ikke_vestlige IS
'The shipped mapping aktive_ikke_vestlige in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_forsoergelsesgab AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('forsoergelsesgab') m;

COMMENT ON VIEW benchmark.mapped_forsoergelsesgab IS
'The shipped mapping forsoergelsesgab in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_delvis_raskmelding AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('delvis_raskmelding') m;

COMMENT ON VIEW benchmark.mapped_delvis_raskmelding IS
'The shipped mapping delvis_raskmelding in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_borgertilfredshed AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('borgertilfredshed') m;

COMMENT ON VIEW benchmark.mapped_borgertilfredshed IS
'The shipped mapping borgertilfredshed in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_dagpenge AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_dagpenge') m;

COMMENT ON VIEW benchmark.mapped_ydelse_dagpenge IS
'The shipped mapping ydelse_dagpenge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_kontanthjaelp AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_kontanthjaelp') m;

COMMENT ON VIEW benchmark.mapped_ydelse_kontanthjaelp IS
'The shipped mapping ydelse_kontanthjaelp in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_uddannelseshjaelp AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_uddannelseshjaelp') m;

COMMENT ON VIEW benchmark.mapped_ydelse_uddannelseshjaelp IS
'The shipped mapping ydelse_uddannelseshjaelp in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_revalidering AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_revalidering') m;

COMMENT ON VIEW benchmark.mapped_ydelse_revalidering IS
'The shipped mapping ydelse_revalidering in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_integration AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_integration') m;

COMMENT ON VIEW benchmark.mapped_ydelse_integration IS
'The shipped mapping ydelse_integration in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_sygedagpenge AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_sygedagpenge') m;

COMMENT ON VIEW benchmark.mapped_ydelse_sygedagpenge IS
'The shipped mapping ydelse_sygedagpenge in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_jobafklaring AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_jobafklaring') m;

COMMENT ON VIEW benchmark.mapped_ydelse_jobafklaring IS
'The shipped mapping ydelse_jobafklaring in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_ressourceforloeb AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_ressourceforloeb') m;

COMMENT ON VIEW benchmark.mapped_ydelse_ressourceforloeb IS
'The shipped mapping ydelse_ressourceforloeb in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_ledighedsydelse AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_ledighedsydelse') m;

COMMENT ON VIEW benchmark.mapped_ydelse_ledighedsydelse IS
'The shipped mapping ydelse_ledighedsydelse in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_fleksjob AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_fleksjob') m;

COMMENT ON VIEW benchmark.mapped_ydelse_fleksjob IS
'The shipped mapping ydelse_fleksjob in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

CREATE OR REPLACE VIEW benchmark.mapped_ydelse_foertidspension AS
SELECT m.kommune, m.period, m.value FROM benchmark.jobindsats_mapping_values('ydelse_foertidspension') m;

COMMENT ON VIEW benchmark.mapped_ydelse_foertidspension IS
'The shipped mapping ydelse_foertidspension in yearly periods (kommune, period, value): see benchmark.jobindsats_mapping';

/*
 * What a model's mappings miss in the loaded data, per measure and benefit
 * and term, before a run fails or leaves municipalities out: one row per
 * term of every source that is a view over jobindsats_mapping_values (its
 * period form read from the view), one row per other source (checked as the
 * runner checks sources, its values not looked into).  problem is NULL when
 * nothing is missing; periods are the periods without any value, kommuner
 * the municipalities (not excluded by the model) without a value in some of
 * the other periods.  The periods looked at: period_label (and for the
 * benefits the baseline years), or else every period some term of the
 * model delivers (and for the benefits the baseline years).
 */
CREATE OR REPLACE FUNCTION benchmark.model_missing_data(model_name text, period_label text DEFAULT NULL)
RETURNS TABLE (part text, name text, source text, mapping text, term text, table_id text, measure_label text,
			   matched_label text, matched_how text, problem text, detail text, periods text[], kommuner text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	md benchmark.model;
	item record;
	tm benchmark.jobindsats_term;
	found_mapping text[];
	mapping_name text;
	form text;
	labels text[];
	mt record;
	sp record;
	missing_values text[];
	n integer := 0;
	found_rows jsonb := '[]';
	term_values jsonb := '[]';
	r jsonb;
BEGIN
	SELECT * INTO md FROM benchmark.model x WHERE x.model = model_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', model_name USING ERRCODE = 'undefined_object';
	END IF;
	IF period_label IS NOT NULL THEN
		period_label := benchmark.period_canonical(period_label);
	END IF;

	FOR item IN
		SELECT 'measure' AS part, x.measure AS name, x.source, x.area_no * 1000 + x.position AS ord
		FROM benchmark.model_measure x
		WHERE x.model = model_name
		UNION ALL
		SELECT 'benefit', x.benefit, x.source, 1000000 + x.position FROM benchmark.model_benefit x WHERE x.model = model_name
		ORDER BY ord
	LOOP
		found_mapping := NULL;
		IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(item.source)) IN ('v', 'm') THEN
			found_mapping := pg_catalog.regexp_match(pg_catalog.pg_get_viewdef(pg_catalog.to_regclass(item.source)),
													 'jobindsats_mapping_values\(''((?:[^'']|'''')+)''(?:::text)?(?:,\s*''([a-z_]+)'')?');
		END IF;
		IF found_mapping IS NULL THEN
			sp := benchmark.source_problem(item.source);
			n := n + 1;
			found_rows := found_rows || pg_catalog.jsonb_build_object(
				'n', n, 'part', item.part, 'name', item.name, 'source', item.source, 'problem', sp.problem,
				'detail', 'Not a view over benchmark.jobindsats_mapping_values: its values are not checked here.');
			CONTINUE;
		END IF;
		mapping_name := pg_catalog.replace(found_mapping[1], '''''', '''');
		form := coalesce(found_mapping[2], 'year');
		FOR tm IN
			SELECT t.* FROM benchmark.jobindsats_term t
			WHERE t.term IN (SELECT pg_catalog.ltrim(x, '-') FROM benchmark.jobindsats_mapping mp,
								 pg_catalog.unnest(mp.numerator || coalesce(mp.denominator, '{}')) x
							 WHERE mp.mapping = mapping_name)
			ORDER BY t.term
		LOOP
			n := n + 1;
			r := pg_catalog.jsonb_build_object('n', n, 'part', item.part, 'name', item.name, 'source', item.source,
											   'mapping', mapping_name, 'term', tm.term, 'table_id', tm.table_id,
											   'measure_label', tm.measure);
			BEGIN
				labels := benchmark.jobindsats_table_measures(tm.table_id);
			EXCEPTION WHEN OTHERS THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'table cannot be read', 'detail', SQLERRM));
				CONTINUE;
			END;
			IF labels IS NULL THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'table not loaded', 'detail',
					pg_catalog.format('Load jobindsats table %s with benchmark.jobindsats_load(%L, <download>), or register its wide table in benchmark.jobindsats_source.',
									  tm.table_id, tm.table_id)));
				CONTINUE;
			END IF;
			mt := benchmark.jobindsats_label_match(tm.measure, labels);
			IF mt.matched_label IS NULL
			   OR (tm.per_cent_measure IS NOT NULL AND (benchmark.jobindsats_label_match(tm.per_cent_measure, labels)).matched_label IS NULL) THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'measure not found', 'detail',
					pg_catalog.format('No measure matches "%s"; the table''s measures: %s',
									  CASE WHEN mt.matched_label IS NULL THEN tm.measure ELSE tm.per_cent_measure END,
									  pg_catalog.array_to_string((SELECT pg_catalog.array_agg(l ORDER BY l) FROM pg_catalog.unnest(labels) l), '; '))));
				CONTINUE;
			END IF;
			r := r || pg_catalog.jsonb_build_object('matched_label', mt.matched_label, 'matched_how', mt.matched_how);
			/* the breakdown values the term names that the table lacks */
			SELECT pg_catalog.array_agg(w.dimension || ' = ' || w.value ORDER BY w.dimension, w.value) INTO missing_values
			FROM benchmark.jobindsats_named_values(tm.dimensions) w
			WHERE NOT benchmark.jobindsats_is_total(w.dimension, w.value)
			  AND NOT EXISTS (SELECT 1
							  FROM benchmark.jobindsats_table_breakdowns(tm.table_id, mt.matched_label) b(dimensions),
								   pg_catalog.jsonb_each_text(b.dimensions) j
							  WHERE benchmark.jobindsats_label_key(j.key) = benchmark.jobindsats_label_key(w.dimension)
								AND benchmark.jobindsats_label_key(j.value) = benchmark.jobindsats_label_key(w.value));
			IF missing_values IS NOT NULL THEN
				found_rows := found_rows || (r || pg_catalog.jsonb_build_object('problem', 'breakdown values not found',
					'detail', 'Not in the loaded table: ' || pg_catalog.array_to_string(missing_values, '; ')));
				CONTINUE;
			END IF;
			found_rows := found_rows || (r || pg_catalog.jsonb_build_object('check', true, 'detail',
				pg_catalog.format('Read in the period form %s.', form)));
			term_values := term_values || coalesce((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(n, v.kommune, v.period, v.value))
													FROM benchmark.jobindsats_term_values(tm.term, form) v), '[]');
		END LOOP;
	END LOOP;

	RETURN QUERY
	WITH found AS (
		SELECT x.* FROM pg_catalog.jsonb_to_recordset(found_rows)
			AS x(n integer, part text, name text, source text, mapping text, term text, table_id text, measure_label text,
				 matched_label text, matched_how text, problem text, detail text, "check" boolean)
	),
	vals AS (
		SELECT (e ->> 0)::integer AS n, e ->> 1 AS kommune, e ->> 2 AS period, (e ->> 3)::numeric AS value
		FROM pg_catalog.jsonb_array_elements(term_values) e
	),
	expected AS (
		SELECT f.n, p.period
		FROM found f,
			 LATERAL (SELECT period_label AS period WHERE period_label IS NOT NULL
					  UNION
					  SELECT DISTINCT v.period FROM vals v WHERE period_label IS NULL
					  UNION
					  SELECT y::text FROM pg_catalog.generate_series(md.baseline_from, md.baseline_to) y WHERE f.part = 'benefit') p
		WHERE f."check"
	),
	empty_periods AS (
		SELECT e.n, pg_catalog.array_agg(e.period ORDER BY e.period) AS periods
		FROM expected e
		WHERE NOT EXISTS (SELECT 1 FROM vals v WHERE v.n = e.n AND v.period = e.period AND v.value IS NOT NULL)
		GROUP BY e.n
	),
	lacking AS (
		SELECT e.n, k.name, pg_catalog.array_agg(e.period ORDER BY e.period) AS periods
		FROM expected e
		CROSS JOIN @extschema@.kommuner() k
		WHERE EXISTS (SELECT 1 FROM vals v WHERE v.n = e.n AND v.period = e.period AND v.value IS NOT NULL)
		  AND NOT EXISTS (SELECT 1 FROM benchmark.model_excluded x WHERE x.model = model_name AND x.kommune::text = k.name)
		  AND NOT EXISTS (SELECT 1 FROM vals v WHERE v.n = e.n AND v.period = e.period AND v.kommune = k.name AND v.value IS NOT NULL)
		GROUP BY e.n, k.name
	),
	lacking_list AS (
		SELECT l.n, pg_catalog.array_agg(l.name || ' (' || pg_catalog.array_to_string(l.periods, ', ') || ')' ORDER BY l.name) AS kommuner
		FROM lacking l GROUP BY l.n
	)
	SELECT f.part, f.name, f.source, f.mapping, f.term, f.table_id, f.measure_label, f.matched_label, f.matched_how,
		   coalesce(f.problem, CASE WHEN ep.periods IS NOT NULL THEN 'periods missing'
									WHEN ll.kommuner IS NOT NULL THEN 'municipalities missing' END),
		   f.detail, ep.periods, ll.kommuner
	FROM found f
	LEFT JOIN empty_periods ep ON ep.n = f.n
	LEFT JOIN lacking_list ll ON ll.n = f.n
	ORDER BY f.n;
END
$$;

COMMENT ON FUNCTION benchmark.model_missing_data(text, text) IS
'What a model''s jobindsats mappings miss in the loaded data, per measure, benefit and term: table not loaded, measure not found (with the table''s labels), breakdown values not found, periods without any value, municipalities without a value; which label each term matched and how; problem NULL when nothing is missing';

/*
 * Loading jobindsats data into the observation store
 * (benchmark.jobindsats_observation, sql/layers/47_jobindsats_store.sql),
 * reading the wide tables municipal pipelines keep, series for model
 * sources, and the ministry's benchmark Y30R21 beside a model.
 *
 * jobindsats_load reads a document with the readers (or a wide table with
 * jobindsats_wide) and stores its cells: a cell not yet in the store is
 * added, a cell whose value differs is replaced (a newer download revises
 * it), an equal one is left as it is.  Cells of the store that the document
 * does not hold are kept: a download may cover some periods or areas only.
 * It reports (table_id, first_period, last_period, added, replaced,
 * unchanged, not_municipal): added + replaced + unchanged are the cells
 * stored; not_municipal those of the document's cells whose area is not a
 * municipality ("Hele landet", a region, a landsdel, a RAR area, "Uoplyst
 * område"), which are stored too unless keep_other_areas is false.
 * A load locks the store against other loads (SHARE ROW EXCLUSIVE, until
 * the transaction ends); readers are not blocked.
 *
 * Errors: 22023 a missing or malformed table id; 22004 no document; 21000
 * two cells of the document for one key (also through two spellings of a
 * municipality); the readers' own errors; 42501 no INSERT or UPDATE on the
 * store.
 */

/* The area rule of the readers, for SQL. */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_area_kommune(area text)
RETURNS @extschema@.kommune
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_kommune';

COMMENT ON FUNCTION benchmark.jobindsats_area_kommune(text) IS
'The municipality a jobindsats area names, as the readers read it; NULL for "Hele landet", regions, landsdele, RAR areas and "Uoplyst område"; an error (22P02) for any other text';

/* Raises the error about one cell of a wide table (for the dynamic SQL of jobindsats_wide). */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_wide_cell_error(message text, cell anyelement)
RETURNS anyelement
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '%', message
		USING ERRCODE = 'invalid_text_representation',
			HINT = 'A measure is a finite number or NULL (suppressed or missing); every row has an area and a period.';
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_wide_cell_error(text, anyelement) IS
'Raises 22P02 with the message: a cell of a wide table that jobindsats_wide cannot read (for its dynamic SQL)';

/*
 * A wide table as pipelines keep jobindsats tables (one column per label:
 * "Område" or "Area", "Periode" or "Period", the dimensions, the measures)
 * read in the readers' long form, with the caller's rights, without copying
 * it.  The columns' roles: unless dimensions names the dimension columns,
 * columns of text types are dimensions and columns of number types are
 * measures (columns of other types, such as a load timestamp, are left
 * out); when dimensions names them, every other column is a measure, and a
 * text column's cells are read with jobindsats_number.  labels gives the
 * label of a column whose name is not its label (names are at most 63
 * bytes; the API's labels are longer), as {"column": "label"}.
 */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_wide_cells(source regclass, table_name text, dimension_columns text[],
												labels jsonb)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	text_types regtype[] := ARRAY['text', 'character varying', 'character', 'name']::regtype[];
	number_types regtype[] := ARRAY['numeric', 'integer', 'bigint', 'smallint', 'real', 'double precision']::regtype[];
	src text;
	area_col text;
	period_col text;
	period_type regtype;
	dim_cols text[];
	measure_cols text[];
	measure_types regtype[];
	missing text;
	p record;
	dims_sql text;
	values_sql text;
BEGIN
	IF source IS NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: no source given' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF labels IS NOT NULL AND pg_catalog.jsonb_typeof(labels) <> 'object' THEN
		RAISE EXCEPTION 'jobindsats_wide: labels must be a JSON object of column name -> label'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	src := source::text;
	/* a table, view or materialized view whose owner the caller trusts */
	p := benchmark.source_problem(src, '{}', '{}');
	IF p.sqlstate IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: %', p.problem USING ERRCODE = p.sqlstate, HINT = p.hint;
	END IF;
	SELECT a.attname INTO area_col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped AND pg_catalog.lower(a.attname) IN ('område', 'area')
	ORDER BY a.attnum LIMIT 1;
	SELECT a.attname, a.atttypid::regtype INTO period_col, period_type FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped AND pg_catalog.lower(a.attname) IN ('periode', 'period')
	ORDER BY a.attnum LIMIT 1;
	IF area_col IS NULL OR period_col IS NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: source % has no % column', src,
			CASE WHEN area_col IS NULL THEN 'area ("Område" or "Area")' ELSE 'period ("Periode" or "Period")' END
			USING ERRCODE = 'undefined_column',
				HINT = 'Name the columns as the API does, or rename them in a view.';
	END IF;
	IF period_type <> ALL (text_types) THEN
		RAISE EXCEPTION 'jobindsats_wide: the period column "%" of source % is of type %, not text', period_col, src, period_type
			USING ERRCODE = 'datatype_mismatch',
				HINT = 'Period labels are text (2022M03, 2022QMAT04): make a view that writes them.';
	END IF;
	IF dimension_columns IS NOT NULL THEN
		SELECT pg_catalog.string_agg(pg_catalog.quote_ident(d), ', ') INTO missing
		FROM pg_catalog.unnest(dimension_columns) d
		WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
						  WHERE a.attrelid = source AND a.attname = d AND a.attnum > 0 AND NOT a.attisdropped);
		IF missing IS NOT NULL THEN
			RAISE EXCEPTION 'jobindsats_wide: source % has no dimension column(s) %', src, missing
				USING ERRCODE = 'undefined_column';
		END IF;
		dim_cols := dimension_columns;
		SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum), pg_catalog.array_agg(a.atttypid::regtype ORDER BY a.attnum)
		INTO measure_cols, measure_types
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
		  AND a.attname NOT IN (area_col, period_col) AND a.attname <> ALL (dimension_columns)
		  AND (a.atttypid::regtype = ANY (text_types) OR a.atttypid::regtype = ANY (number_types));
	ELSE
		SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) INTO dim_cols
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
		  AND a.attname NOT IN (area_col, period_col) AND a.atttypid::regtype = ANY (text_types);
		SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum), pg_catalog.array_agg(a.atttypid::regtype ORDER BY a.attnum)
		INTO measure_cols, measure_types
		FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = source AND a.attnum > 0 AND NOT a.attisdropped
		  AND a.attname NOT IN (area_col, period_col) AND a.atttypid::regtype = ANY (number_types);
	END IF;
	IF measure_cols IS NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: source % has no measure columns', src
			USING ERRCODE = 'undefined_column',
				HINT = 'Measures are columns of number types; when the dimensions are named, every other text or number column.';
	END IF;
	/* the caller reads the columns with its own rights */
	p := benchmark.source_problem(src, ARRAY[area_col, period_col] || coalesce(dim_cols, '{}') || measure_cols, '{}');
	IF p.sqlstate IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats_wide: %', p.problem USING ERRCODE = p.sqlstate, HINT = p.hint;
	END IF;
	SELECT 'pg_catalog.jsonb_build_object(' || pg_catalog.string_agg(
			   pg_catalog.format('%L, w.%I::text', coalesce(labels ->> d, d), d), ', ' ORDER BY o) || ')'
	INTO dims_sql
	FROM pg_catalog.unnest(dim_cols) WITH ORDINALITY u(d, o);
	SELECT pg_catalog.string_agg(
			   CASE WHEN t = ANY (text_types) THEN pg_catalog.format('(%L, benchmark.jobindsats_number(w.%I::text))', coalesce(labels ->> m, m), m)
					ELSE pg_catalog.format('(%L, CASE WHEN w.%2$I IS NULL OR (w.%2$I::numeric > ''-Infinity'' AND w.%2$I::numeric < ''Infinity'') THEN w.%2$I::numeric'
										   ' ELSE benchmark.jobindsats_wide_cell_error(pg_catalog.format(%3$L, w.%4$I, w.%5$I, w.%2$I), NULL::numeric) END)',
										   coalesce(labels ->> m, m), m,
										   pg_catalog.format('invalid number in %s, area "%%s", period "%%s", column %s: %%s', src, pg_catalog.quote_ident(m)),
										   area_col, period_col) END,
			   ', ' ORDER BY o)
	INTO values_sql
	FROM ROWS FROM (pg_catalog.unnest(measure_cols), pg_catalog.unnest(measure_types)) WITH ORDINALITY u(m, t, o);
	RETURN QUERY EXECUTE pg_catalog.format(
		'SELECT $1, w.%1$I::text,'
		' CASE WHEN w.%1$I IS NOT NULL THEN benchmark.jobindsats_area_kommune(w.%1$I::text)'
		' ELSE benchmark.jobindsats_wide_cell_error(pg_catalog.format(%3$L, w.%2$I), NULL::@extschema@.kommune) END,'
		' CASE WHEN w.%2$I IS NOT NULL THEN benchmark.period_canonical(w.%2$I::text)'
		' ELSE benchmark.jobindsats_wide_cell_error(pg_catalog.format(%4$L, w.%1$I), NULL::text) END,'
		' %5$s, m.measure, m.value'
		' FROM %6$s w CROSS JOIN LATERAL (VALUES %7$s) m(measure, value)',
		area_col, period_col,
		pg_catalog.format('missing area in %s, period "%%s"', src),
		pg_catalog.format('missing period in %s, area "%%s"', src),
		coalesce(dims_sql, '''{}''::jsonb'), src, values_sql)
	USING table_name;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_wide_cells(regclass, text, text[], jsonb) IS
'The reader behind jobindsats_wide';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_wide(source regclass, table_id text, dimensions text[] DEFAULT NULL,
										  labels jsonb DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.jobindsats_wide_cells($1, $2, $3, $4);
END;

COMMENT ON FUNCTION benchmark.jobindsats_wide(regclass, text, text[], jsonb) IS
'A wide table of a jobindsats table as pipelines keep it (columns "Område"/"Area", "Periode"/"Period", one per dimension, one per measure) in the readers'' long form (table_id, area, kommune, period, dimensions, measure, value), read with your rights from a source you own, a superuser owns or benchmark.trusted_owners names; labels maps column names to labels';

/* The one loader behind the jobindsats_load functions. */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_load_cells(reader text, table_name text, doc anyelement, dimension_columns text[],
												encoding text, labels jsonb, keep_other_areas boolean,
												OUT table_id text, OUT first_period text, OUT last_period text,
												OUT added bigint, OUT replaced bigint, OUT unchanged bigint,
												OUT not_municipal bigint)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cells text;
	twice bigint;
	duplicate jsonb;
BEGIN
	table_id := pg_catalog.upper(pg_catalog.btrim(table_name));
	IF table_id IS NULL OR table_id !~ '^[A-Z0-9][A-Z0-9_]*$' THEN
		RAISE EXCEPTION 'jobindsats_load: % is not a jobindsats table id', coalesce(pg_catalog.quote_literal(table_name), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Give the table''s id, e.g. ''Y30R21'' or ''Y01A02''.';
	END IF;
	IF doc IS NULL THEN
		RAISE EXCEPTION 'jobindsats_load: no document for table %', table_id USING ERRCODE = 'null_value_not_allowed';
	END IF;
	cells := CASE reader
		WHEN 'csv' THEN 'benchmark.jobindsats_csv($1, $2, $3)'
		WHEN 'csv-bytes' THEN 'benchmark.jobindsats_csv($1, $2, $3, $4)'
		WHEN 'json' THEN 'benchmark.jobindsats_json($1, $2, $3)'
		WHEN 'wide' THEN 'benchmark.jobindsats_wide_cells($1, $2, $3, $5)'
	END;
	IF cells IS NULL THEN
		RAISE EXCEPTION 'jobindsats_load: unknown reader %', reader USING ERRCODE = 'invalid_parameter_value';
	END IF;
	/* one load at a time; readers go on reading */
	LOCK TABLE benchmark.jobindsats_observation IN SHARE ROW EXCLUSIVE MODE;
	BEGIN
		EXECUTE pg_catalog.format($q$
			WITH cells AS MATERIALIZED (
				SELECT coalesce(c.kommune::text, c.area) AS area, c.area AS written, c.kommune, c.period,
					   c.dimensions, c.measure, c.value
				FROM %s c),
			matched AS MATERIALIZED (
				SELECT c.area, c.kommune, c.period, c.dimensions, c.measure, c.value,
					   o.table_id IS NOT NULL AS present, o.value AS stored_value, o.ctid AS stored_row
				FROM cells c
					 LEFT JOIN benchmark.jobindsats_observation o
					 ON o.table_id = $2 AND o.area = c.area AND o.period = c.period
						AND o.dimensions = c.dimensions AND o.measure = c.measure
				WHERE $6 OR c.kommune IS NOT NULL),
			added AS (
				INSERT INTO benchmark.jobindsats_observation (table_id, area, kommune, period, dimensions, measure, value)
				SELECT $2, m.area, m.kommune, m.period, m.dimensions, m.measure, m.value
				FROM matched m
				WHERE NOT m.present
				RETURNING 1),
			replaced AS (
				UPDATE benchmark.jobindsats_observation o
				SET value = m.value, kommune = m.kommune, stored_at = pg_catalog.now()
				FROM matched m
				WHERE m.present AND m.value IS DISTINCT FROM m.stored_value
				  AND o.table_id = $2 AND o.area = m.area AND o.period = m.period
				  AND o.dimensions = m.dimensions AND o.measure = m.measure
				RETURNING 1)
			SELECT (SELECT pg_catalog.min(c.period) FROM cells c), (SELECT pg_catalog.max(c.period) FROM cells c),
				   (SELECT pg_catalog.count(*) FROM added), (SELECT pg_catalog.count(*) FROM replaced),
				   (SELECT pg_catalog.count(*) FILTER (WHERE m.present AND m.value IS NOT DISTINCT FROM m.stored_value) FROM matched m),
				   (SELECT pg_catalog.count(*) FROM cells c WHERE c.kommune IS NULL),
				   (SELECT pg_catalog.count(*) - pg_catalog.count(DISTINCT m.stored_row) FROM matched m WHERE m.present)
			$q$, cells)
		INTO first_period, last_period, added, replaced, unchanged, not_municipal, twice
		USING doc, table_id, dimension_columns, encoding, labels, keep_other_areas;
	EXCEPTION WHEN unique_violation THEN
		/* a new cell twice in the document */
		twice := NULL;
	END;
	/*
	 * A key twice in the document: a new one fails the primary key, a stored
	 * one is matched twice.  Find it for the message.
	 */
	IF twice IS DISTINCT FROM 0 THEN
		EXECUTE pg_catalog.format($q$
			SELECT pg_catalog.to_jsonb(d)
			FROM (SELECT coalesce(c.kommune::text, c.area) AS area, c.period, c.dimensions, c.measure,
						 pg_catalog.count(*) AS n, pg_catalog.string_agg(DISTINCT c.area, ', ') AS written
				  FROM %s c
				  GROUP BY 1, 2, 3, 4
				  HAVING pg_catalog.count(*) > 1
				  LIMIT 1) d$q$, cells)
		INTO duplicate
		USING doc, table_id, dimension_columns, encoding, labels;
		IF duplicate IS NULL THEN
			RAISE EXCEPTION 'jobindsats_load: the primary key of the store refused a cell of table %', table_id
				USING ERRCODE = 'unique_violation';
		END IF;
	END IF;
	IF duplicate IS NOT NULL THEN
		RAISE EXCEPTION 'jobindsats_load: the document for table % has % cells for one key', table_id, duplicate ->> 'n'
			USING ERRCODE = 'cardinality_violation',
				DETAIL = pg_catalog.format('Area %s (written %s), period %s, dimensions %s, measure "%s".',
										   duplicate ->> 'area', duplicate ->> 'written', duplicate ->> 'period',
										   duplicate -> 'dimensions', duplicate ->> 'measure'),
				HINT = 'A municipality written in two ways is one area; remove the duplicate rows before loading.';
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark.jobindsats_load_cells(text, text, anyelement, text[], text, jsonb, boolean) IS
'The loader behind jobindsats_load: reads a document (reader csv, csv-bytes or json) or a wide table (wide) and adds, replaces or leaves each cell in the store; returns the counts';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_load(table_id text, doc text, dimensions text[] DEFAULT NULL,
										  keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.jobindsats_load_cells('csv', $1, $2, $3, NULL::text, NULL::jsonb, $4);
END;

COMMENT ON FUNCTION benchmark.jobindsats_load(text, text, text[], boolean) IS
'Loads a jobindsats CSV download (read with jobindsats_csv) into the store benchmark.jobindsats_observation: adds new cells, replaces revised values, leaves equal ones; returns the counts added, replaced, unchanged and not municipal (stored unless keep_other_areas is false)';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_load(table_id text, doc bytea, dimensions text[] DEFAULT NULL,
										  encoding text DEFAULT 'UTF8', keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.jobindsats_load_cells('csv-bytes', $1, $2, $3, $4, NULL::jsonb, $5);
END;

COMMENT ON FUNCTION benchmark.jobindsats_load(text, bytea, text[], text, boolean) IS
'Loads a jobindsats CSV file given as bytes in an encoding (UTF8 unless told) into the store, as jobindsats_load(text, text)';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_load(table_id text, doc jsonb, dimensions text[] DEFAULT NULL,
										  keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.jobindsats_load_cells('json', $1, $2, $3, NULL::text, NULL::jsonb, $4);
END;

COMMENT ON FUNCTION benchmark.jobindsats_load(text, jsonb, text[], boolean) IS
'Loads a jobindsats API reply in JSON (v2 or v3, read with jobindsats_json) into the store, as jobindsats_load(text, text)';

CREATE OR REPLACE FUNCTION benchmark.jobindsats_load(table_id text, source regclass, dimensions text[] DEFAULT NULL,
										  labels jsonb DEFAULT NULL, keep_other_areas boolean DEFAULT true)
RETURNS TABLE (table_id text, first_period text, last_period text, added bigint, replaced bigint,
			   unchanged bigint, not_municipal bigint)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM benchmark.jobindsats_load_cells('wide', $1, $2, $3, NULL::text, $4, $5);
END;

COMMENT ON FUNCTION benchmark.jobindsats_load(text, regclass, text[], jsonb, boolean) IS
'Loads a wide table as pipelines keep it (read with jobindsats_wide, with your rights, from an owner you trust) into the store, as jobindsats_load(text, text)';

/*
 * One series of the store as a model source needs it: (kommune, period,
 * value) for the municipalities, of one table and measure, in the
 * breakdown the filter names; a dimension the filter does not name is taken
 * at its total ("<Dimension> i alt" or "I alt").
 */
CREATE OR REPLACE FUNCTION benchmark.jobindsats_series(table_id text, measure text, dimensions jsonb DEFAULT '{}')
RETURNS TABLE (kommune text, period text, value numeric)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT o.area, o.period, o.value
	FROM benchmark.jobindsats_observation o
	WHERE o.table_id = pg_catalog.upper(jobindsats_series.table_id)
	  AND o.measure = jobindsats_series.measure
	  AND o.kommune IS NOT NULL
	  AND o.dimensions @> jobindsats_series.dimensions
	  AND NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_each_text(o.dimensions) d
					  WHERE NOT (jobindsats_series.dimensions ? d.key)
						AND pg_catalog.lower(coalesce(d.value, '')) NOT IN (pg_catalog.lower(d.key) || ' i alt', 'i alt'));
END;

COMMENT ON FUNCTION benchmark.jobindsats_series(text, text, jsonb) IS
'One series of the store in the shape of a model source (kommune, period, value): the municipalities'' values of one table and measure in the breakdown that dimensions names ({"Ydelsesgrupper": "A-dagpenge mv."}); dimensions not named are taken at their totals ("<Dimension> i alt", "I alt")';

/*
 * The ministry's benchmark beside a model: per municipality the model's
 * total placement in a period and STAR's placement on Y30R21 (the level of
 * public support against what frame conditions predict) in a benefit group,
 * with the actual and expected shares.  Y30R21's measures are matched by
 * their labels with or without the group prefix ("...: Faktisk andel
 * (pct.)"), as downloads and pipelines write them.
 */
CREATE OR REPLACE FUNCTION benchmark.y30r21_beside_model(model_name text, period_label text, y30r21_period text DEFAULT NULL,
											  benefit_group text DEFAULT 'Ydelsesgrupper i alt')
RETURNS TABLE (kommune text, model_period text, model_placement integer, model_ranked integer,
			   star_period text, star_group text, star_placement integer, star_actual_share numeric,
			   star_expected_share numeric, star_difference numeric)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH y AS (
		SELECT o.area, o.period, pg_catalog.regexp_replace(o.measure, '^.*: ', '') AS label, o.value
		FROM benchmark.jobindsats_observation o
		WHERE o.table_id = 'Y30R21' AND o.kommune IS NOT NULL
		  AND o.dimensions ->> 'Ydelsesgrupper' = y30r21_beside_model.benefit_group
		  AND o.period = coalesce(y30r21_beside_model.y30r21_period,
								  (SELECT l.period FROM benchmark.jobindsats_observation l
								   WHERE l.table_id = 'Y30R21'
									 AND l.dimensions ->> 'Ydelsesgrupper' = y30r21_beside_model.benefit_group
								   ORDER BY benchmark.period_end(l.period) DESC, l.period DESC LIMIT 1))
	),
	star AS (
		SELECT y.area, y.period,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Placering på benchmarkranglisten') AS placement,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Faktisk andel (pct.)') AS actual,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Forventet andel (pct.)') AS expected,
			   pg_catalog.max(y.value) FILTER (WHERE y.label = 'Forskel mellem forventet og faktisk andel (pct. point)') AS difference
		FROM y
		GROUP BY y.area, y.period
	),
	m AS (
		SELECT p.kommune, p.period, p.placement, p.ranked
		FROM benchmark.model_placements(y30r21_beside_model.model_name, y30r21_beside_model.period_label) p
		WHERE p.part = 'total'
	)
	SELECT coalesce(m.kommune, s.area), m.period, m.placement, m.ranked,
		   s.period, CASE WHEN s.area IS NOT NULL THEN y30r21_beside_model.benefit_group END,
		   s.placement::integer, s.actual, s.expected, s.difference
	FROM m FULL JOIN star s ON s.area = m.kommune;
END;

COMMENT ON FUNCTION benchmark.y30r21_beside_model(text, text, text, text) IS
'Per municipality a model''s total placement in a period beside STAR''s placement on the ministry''s benchmark Y30R21 (from the store; its latest period unless given) in a benefit group, with the actual and expected shares on public support and actual - expected (pct. points)';

/*
 * Explaining a ranking list: why a municipality moved between two periods,
 * what it would take to gain a place, how close its neighbours are, and how
 * robust its placement is against other weights, missing-data policies and
 * the choice of measures.  Every function reads the model's sources once
 * (one call of model_rankings) and re-ranks with the engine.
 */

/*
 * Checks the arguments the explaining reports share: none is NULL, the model
 * exists, the municipality is one (by name or code, as the kommune type reads
 * it) and is not excluded by the model, the period labels are well-formed.
 * Returns the municipality's official name.
 */
CREATE OR REPLACE FUNCTION benchmark.explain_arguments(model_name text, kommune_name text, periods text[], what text)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k @extschema@.kommune;
	reason text;
	p text;
BEGIN
	IF model_name IS NULL THEN
		RAISE EXCEPTION '% model must not be null', what USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM benchmark.model m WHERE m.model = model_name) THEN
		RAISE EXCEPTION 'model "%" does not exist', model_name
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table benchmark.model.';
	END IF;
	IF periods IS NULL OR pg_catalog.array_position(periods, NULL) IS NOT NULL THEN
		RAISE EXCEPTION '% period must not be null', what USING ERRCODE = 'null_value_not_allowed';
	END IF;
	FOREACH p IN ARRAY periods LOOP
		PERFORM benchmark.period_kind(p);
	END LOOP;
	IF kommune_name IS NULL THEN
		RETURN NULL;
	END IF;
	k := kommune_name::@extschema@.kommune;
	SELECT x.reason INTO reason FROM benchmark.model_excluded x WHERE x.model = model_name AND x.kommune OPERATOR(@extschema@.=) k;
	IF FOUND THEN
		RAISE EXCEPTION 'municipality % is excluded from model "%"', k::text, model_name
			USING ERRCODE = 'invalid_parameter_value', DETAIL = pg_catalog.format('Reason: %s.', reason),
				HINT = 'The exclusions are listed in table benchmark.model_excluded.';
	END IF;
	RETURN k::text;
END
$$;

COMMENT ON FUNCTION benchmark.explain_arguments(text, text, text[], text) IS
'Checks the arguments of the explaining reports (model exists, period labels well-formed, municipality readable and not excluded) and returns the municipality''s official name';

/*
 * The check that each period has data in a model's sources and that the
 * municipality is among the entities ranked, as an initplan condition over
 * placements (part, period, kommune, ranked).
 */
CREATE OR REPLACE FUNCTION benchmark.explain_data_check(model_name text, kommune_name text, periods text[],
											 periods_with_data text[], kommune_seen boolean)
RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	FOREACH p IN ARRAY periods LOOP
		IF NOT p = ANY (coalesce(periods_with_data, '{}')) THEN
			RAISE EXCEPTION 'period "%" has no data in the sources of model "%"', p, model_name
				USING ERRCODE = 'invalid_parameter_value',
					HINT = pg_catalog.format('SELECT DISTINCT period FROM benchmark.model_placements(%L) lists the periods with data.', model_name);
		END IF;
	END LOOP;
	IF kommune_name IS NOT NULL AND NOT coalesce(kommune_seen, false) THEN
		RAISE EXCEPTION 'municipality % has no data in the sources of model "%"', kommune_name, model_name
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'A municipality is ranked when at least one source has a row for it.';
	END IF;
	RETURN true;
END
$$;

COMMENT ON FUNCTION benchmark.explain_data_check(text, text, text[], text[], boolean) IS
'Raises an error when a period has no data in a model''s sources or the municipality appears in none of them; the explaining reports call it before returning anything';

/* Orders the parts of a model as the reports list them: total, goal, benefits, areas, measures. */
CREATE OR REPLACE FUNCTION benchmark.explain_part_order(part text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE part WHEN 'total' THEN 1 WHEN 'goal' THEN 2 WHEN 'benefit' THEN 3 WHEN 'area' THEN 4 WHEN 'measure' THEN 5 END;

COMMENT ON FUNCTION benchmark.explain_part_order(text) IS
'The order of a part in the explaining reports: total 1, goal 2, benefit 3, area 4, measure 5';

/*
 * 1. Why did we move?  Every part of the model for one municipality in two
 * periods, side by side, and each counted part's share of the change of the
 * total's weighted score.
 */
CREATE OR REPLACE FUNCTION benchmark.model_changes(model text, kommune text, from_period text, to_period text)
RETURNS TABLE (part text, area_no integer, area text,
			   item_no integer, item_key text, item text, weight numeric, from_value numeric, to_value numeric,
			   from_score numeric, to_score numeric, from_placement integer, to_placement integer,
			   from_ranked integer, to_ranked integer, places_gained integer, score_contribution numeric,
			   note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_changes.model;
	k text := benchmark.explain_arguments(model_changes.model, model_changes.kommune,
										  ARRAY[model_changes.from_period, model_changes.to_period], 'model_changes');
BEGIN
	IF k IS NULL THEN
		RAISE EXCEPTION 'model_changes kommune must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	RETURN QUERY
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_name, ARRAY[model_changes.from_period, model_changes.to_period]) x
	),
	ok AS (
		SELECT benchmark.explain_data_check(model_name, k, ARRAY[model_changes.from_period, model_changes.to_period],
				   (SELECT pg_catalog.array_agg(DISTINCT q.period) FROM p q WHERE q.part = 'measure' AND q.ranked > 0),
				   EXISTS (SELECT 1 FROM p q WHERE q.kommune = k)) AS ok
	),
	f AS (SELECT * FROM p WHERE p.period = model_changes.from_period AND p.kommune = k),
	t AS (SELECT * FROM p WHERE p.period = model_changes.to_period AND p.kommune = k),
	pairs AS (
		SELECT coalesce(t.part, f.part) AS part, coalesce(t.area_no, f.area_no) AS area_no,
			   coalesce(t.area, f.area) AS area, coalesce(t.item_no, f.item_no) AS item_no,
			   coalesce(t.item_key, f.item_key) AS item_key, coalesce(t.item, f.item) AS item,
			   coalesce(t.weight, f.weight) AS weight,
			   f.value AS from_value, t.value AS to_value, f.score AS from_score, t.score AS to_score,
			   f.placement AS from_placement, t.placement AS to_placement,
			   f.ranked AS from_ranked, t.ranked AS to_ranked, f.note AS from_note, t.note AS to_note
		FROM f FULL JOIN t ON t.part = f.part AND t.item_key = f.item_key
	),
	/*
	 * The total's score is sum(weight * placement) / sum(weight) over the
	 * counted parts that are placed.  When the same counted parts are placed
	 * in both periods (and so is the total), the change of the score splits
	 * exactly into weight * change of placement / that sum, part by part.
	 */
	counted AS (
		SELECT pg_catalog.bool_and((x.from_placement IS NULL) = (x.to_placement IS NULL)) AS same_parts,
			   pg_catalog.sum(x.weight) FILTER (WHERE x.from_placement IS NOT NULL AND x.to_placement IS NOT NULL) AS weights,
			   (SELECT y.from_placement IS NOT NULL AND y.to_placement IS NOT NULL FROM pairs y WHERE y.part = 'total') AS total_placed
		FROM pairs x WHERE x.weight IS NOT NULL
	)
	SELECT x.part, x.area_no, x.area, x.item_no,
		   x.item_key, x.item, x.weight, x.from_value, x.to_value, x.from_score, x.to_score,
		   x.from_placement, x.to_placement, x.from_ranked, x.to_ranked,
		   x.from_placement - x.to_placement,
		   CASE WHEN x.weight IS NOT NULL AND c.same_parts AND c.total_placed AND c.weights > 0
					 AND x.from_placement IS NOT NULL AND x.to_placement IS NOT NULL
				THEN pg_catalog.trim_scale(pg_catalog.round(x.weight * (x.to_placement - x.from_placement) / c.weights, 16)) END,
		   nullif(pg_catalog.concat_ws('; ',
			   CASE WHEN x.from_note IS NOT NULL THEN model_changes.from_period || ': ' || x.from_note END,
			   CASE WHEN x.to_note IS NOT NULL THEN model_changes.to_period || ': ' || x.to_note END,
			   CASE WHEN x.part = 'area' AND x.weight IS NULL THEN 'not counted in the total' END,
			   CASE WHEN x.weight IS NOT NULL AND c.total_placed AND NOT c.same_parts
					THEN 'no score contribution: the parts counted in the total differ between the periods' END), '')
	FROM pairs x CROSS JOIN counted c
	WHERE (SELECT ok.ok FROM ok)
	ORDER BY benchmark.explain_part_order(x.part), x.area_no NULLS FIRST, x.item_no, x.item_key;
END
$$;

COMMENT ON FUNCTION benchmark.model_changes(text, text, text, text) IS
'Why did a municipality move between two periods: every part of the model (total, goal, benefits, areas, measures) with its value, score and placement in both periods, places gained (positive = better), each counted part''s share of the change of the total''s weighted score (weight x change of placement / sum of weights; positive = worse) and why a part was left out';

/*
 * 4. Near ties: for every placement, the score distance to the next better
 * and the next worse placement in the same ranking.
 */
CREATE OR REPLACE FUNCTION benchmark.model_placement_gaps(model text, period text)
RETURNS TABLE (part text, area_no integer, area text, item_no integer, item_key text,
			   item text, kommune text, score numeric, placement integer, ranked integer, tied integer,
			   better_placement integer, better_score numeric, better_kommuner text, gap_to_better numeric,
			   worse_placement integer, worse_score numeric, worse_kommuner text, gap_to_worse numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_placement_gaps.model;
BEGIN
	PERFORM benchmark.explain_arguments(model_name, NULL, ARRAY[model_placement_gaps.period], 'model_placement_gaps');
	RETURN QUERY
	WITH p AS MATERIALIZED (
		SELECT * FROM benchmark.model_placements_for(model_name, ARRAY[model_placement_gaps.period]) x
	),
	ok AS (
		SELECT benchmark.explain_data_check(model_name, NULL, ARRAY[model_placement_gaps.period],
				   (SELECT pg_catalog.array_agg(DISTINCT q.period) FROM p q WHERE q.part = 'measure' AND q.ranked > 0),
				   NULL) AS ok
	),
	groups AS (
		SELECT q.part, q.item_key, q.placement, pg_catalog.min(q.score) AS score, pg_catalog.count(*)::integer AS tied,
			   pg_catalog.string_agg(q.kommune, ', ' ORDER BY q.kommune) AS kommuner
		FROM p q WHERE q.placement IS NOT NULL
		GROUP BY q.part, q.item_key, q.placement
	),
	neighbours AS (
		SELECT g.*,
			   pg_catalog.lag(g.placement) OVER w AS better_placement, pg_catalog.lag(g.score) OVER w AS better_score,
			   pg_catalog.lag(g.kommuner) OVER w AS better_kommuner,
			   pg_catalog.lead(g.placement) OVER w AS worse_placement, pg_catalog.lead(g.score) OVER w AS worse_score,
			   pg_catalog.lead(g.kommuner) OVER w AS worse_kommuner
		FROM groups g
		WINDOW w AS (PARTITION BY g.part, g.item_key ORDER BY g.placement)
	)
	SELECT q.part, q.area_no, q.area, q.item_no, q.item_key, q.item, q.kommune, q.score,
		   q.placement, q.ranked, n.tied, n.better_placement, n.better_score, n.better_kommuner,
		   pg_catalog.abs(q.score - n.better_score), n.worse_placement, n.worse_score, n.worse_kommuner,
		   pg_catalog.abs(n.worse_score - q.score)
	FROM p q JOIN neighbours n ON n.part = q.part AND n.item_key = q.item_key AND n.placement = q.placement
	WHERE (SELECT ok.ok FROM ok)
	ORDER BY benchmark.explain_part_order(q.part), q.area_no NULLS FIRST, q.item_no, q.item_key, q.placement, q.kommune;
END
$$;

COMMENT ON FUNCTION benchmark.model_placement_gaps(text, text) IS
'Near ties: every placement of a model in a period with how many share it, and the score distance to the next better and the next worse placement in the same ranking (with the municipalities there), e.g. 0.02 from 29th';

/*
 * What if one measure value of one municipality were different?  For each of
 * the municipality's measures and each better placement on it (or only the
 * next better one), its value is set to the value of the municipalities
 * there (ties share a placement, so equal values are enough), and the engine
 * re-ranks that measure (rank_values), its area (rank_sum_rerank with the
 * area's policy) and the total (weighted_placement with the model's policy),
 * over the rankings of one model_rankings call.
 */
CREATE OR REPLACE FUNCTION benchmark.explain_what_if(model_name text, kommune_name text, period_label text, nearest_only boolean)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text, higher_is_better boolean,
			   value numeric, placement integer, ranked integer, candidate_value numeric, passes text,
			   measure_placement_then integer, area_placement integer, area_placement_then integer,
			   total_placement integer, total_placement_then integer, total_ranked integer, period_has_data boolean,
			   kommune_seen boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH r AS MATERIALIZED (
		SELECT x.part, x.area_no, x.area, x.item_no, x.item_key, x.item, x.weight, x.ranking
		FROM benchmark.model_rankings(explain_what_if.model_name, ARRAY[explain_what_if.period_label]) x
	),
	mine AS MATERIALIZED (
		SELECT r.area_no, r.area, r.item_no, r.item_key AS measure, r.item, mm.higher_is_better, r.ranking,
			   @extschema@.score(r.ranking, explain_what_if.kommune_name) AS value,
			   @extschema@.placement(r.ranking, explain_what_if.kommune_name) AS placement,
			   @extschema@.ranked_count(r.ranking) AS ranked
		FROM r JOIN benchmark.model_measure mm ON mm.model = explain_what_if.model_name AND mm.measure = r.item_key
		WHERE r.part = 'measure'
	),
	groups AS (
		SELECT mi.measure, u.placement, pg_catalog.min(u.score) AS score,
			   pg_catalog.string_agg(u.entity, ', ' ORDER BY u.entity) AS kommuner,
			   pg_catalog.max(u.placement) OVER (PARTITION BY mi.measure) AS nearest
		FROM mine mi, @extschema@.unnest(mi.ranking) u
		WHERE u.placement < mi.placement
		GROUP BY mi.measure, u.placement
	),
	candidates AS MATERIALIZED (
		SELECT g.measure, g.placement AS candidate_placement, g.score AS candidate_value, g.kommuner AS passes
		FROM groups g
		WHERE g.placement = g.nearest OR NOT explain_what_if.nearest_only
	),
	new_measure AS MATERIALIZED (
		SELECT c.measure, c.candidate_placement,
			   @extschema@.rank_values(u.entity,
				   (CASE WHEN u.entity = explain_what_if.kommune_name THEN c.candidate_value ELSE u.score END)::float8,
				   mi.higher_is_better) AS ranking
		FROM candidates c JOIN mine mi ON mi.measure = c.measure, @extschema@.unnest(mi.ranking) u
		GROUP BY c.measure, c.candidate_placement
	),
	new_area AS MATERIALIZED (
		SELECT c.measure, c.candidate_placement,
			   @extschema@.rank_sum_rerank(coalesce(nm.ranking, o.ranking), a.missing) AS ranking
		FROM candidates c
		JOIN mine mi ON mi.measure = c.measure
		JOIN benchmark.model_area a ON a.model = explain_what_if.model_name AND a.area_no = mi.area_no
		JOIN mine o ON o.area_no = mi.area_no
		LEFT JOIN new_measure nm ON nm.measure = c.measure AND nm.candidate_placement = c.candidate_placement
								AND o.measure = c.measure
		GROUP BY c.measure, c.candidate_placement, a.missing
	),
	new_total AS MATERIALIZED (
		SELECT c.measure, c.candidate_placement,
			   @extschema@.weighted_placement(
				   CASE WHEN t.part = 'area' AND t.area_no = mi.area_no THEN na.ranking ELSE t.ranking END,
				   t.weight, m.total_missing) AS ranking
		FROM candidates c
		JOIN mine mi ON mi.measure = c.measure
		JOIN new_area na ON na.measure = c.measure AND na.candidate_placement = c.candidate_placement
		JOIN benchmark.model m ON m.model = explain_what_if.model_name
		JOIN r t ON t.part IN ('goal', 'area') AND t.weight IS NOT NULL
		GROUP BY c.measure, c.candidate_placement, m.total_missing
	),
	now AS (
		SELECT (SELECT @extschema@.placement(r.ranking, explain_what_if.kommune_name) FROM r WHERE r.part = 'total') AS total_placement,
			   (SELECT @extschema@.ranked_count(r.ranking) FROM r WHERE r.part = 'total') AS total_ranked,
			   EXISTS (SELECT 1 FROM r WHERE r.part = 'measure' AND @extschema@.ranked_count(r.ranking) > 0) AS period_has_data,
			   EXISTS (SELECT 1 FROM r, @extschema@.unnest(r.ranking) u WHERE r.part = 'total' AND u.entity = explain_what_if.kommune_name) AS kommune_seen
	)
	SELECT mi.area_no, mi.area, mi.item_no, mi.measure, mi.item, mi.higher_is_better, mi.value, mi.placement, mi.ranked,
		   c.candidate_value, c.passes,
		   @extschema@.placement(nm.ranking, explain_what_if.kommune_name),
		   (SELECT @extschema@.placement(r.ranking, explain_what_if.kommune_name) FROM r WHERE r.part = 'area' AND r.area_no = mi.area_no),
		   @extschema@.placement(na.ranking, explain_what_if.kommune_name),
		   now.total_placement,
		   @extschema@.placement(nt.ranking, explain_what_if.kommune_name),
		   now.total_ranked, now.period_has_data, now.kommune_seen
	FROM mine mi CROSS JOIN now
	LEFT JOIN candidates c ON c.measure = mi.measure
	LEFT JOIN new_measure nm ON nm.measure = c.measure AND nm.candidate_placement = c.candidate_placement
	LEFT JOIN new_area na ON na.measure = c.measure AND na.candidate_placement = c.candidate_placement
	LEFT JOIN new_total nt ON nt.measure = c.measure AND nt.candidate_placement = c.candidate_placement
	ORDER BY mi.area_no, mi.item_no, mi.measure, c.candidate_placement DESC;
END;

COMMENT ON FUNCTION benchmark.explain_what_if(text, text, text, boolean) IS
'Re-ranks a model with one measure value of one municipality set to that of a better placement (the next better only, or every better one): the placements on the measure, its area and the total that would follow; model_what_it_takes and model_next_place call it';

/*
 * 2. What would it take?  Per measure: the value that gains at least one
 * place on it, whom that reaches, and the area and total placements that
 * would follow, re-ranked by the engine.
 */
CREATE OR REPLACE FUNCTION benchmark.model_what_it_takes(model text, kommune text, period text)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text, higher_is_better boolean,
			   value numeric, placement integer, ranked integer, value_to_gain_one numeric, change numeric,
			   passes text, placement_then integer, area_placement integer, area_placement_then integer,
			   total_placement integer, total_placement_then integer, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_what_it_takes.model;
	k text := benchmark.explain_arguments(model_what_it_takes.model, model_what_it_takes.kommune,
										  ARRAY[model_what_it_takes.period], 'model_what_it_takes');
BEGIN
	IF k IS NULL THEN
		RAISE EXCEPTION 'model_what_it_takes kommune must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	RETURN QUERY
	WITH w AS MATERIALIZED (
		SELECT * FROM benchmark.explain_what_if(model_name, k, model_what_it_takes.period, true) x
	)
	SELECT w.area_no, w.area, w.item_no, w.measure, w.item, w.higher_is_better, w.value, w.placement, w.ranked,
		   w.candidate_value, w.candidate_value - w.value, w.passes, w.measure_placement_then,
		   w.area_placement, w.area_placement_then, w.total_placement, w.total_placement_then,
		   CASE WHEN w.placement IS NULL THEN 'no value: not ranked on this measure'
				WHEN w.placement = 1 THEN 'already first on this measure'
				WHEN w.area_placement_then IS NULL THEN 'the area would still leave it out (other measures missing)'
				WHEN w.total_placement_then IS NULL AND w.total_placement IS NULL THEN 'not placed in the total (a part of it is missing)'
		   END
	FROM w
	WHERE (SELECT benchmark.explain_data_check(model_name, k, ARRAY[model_what_it_takes.period],
				   CASE WHEN pg_catalog.bool_or(y.period_has_data) THEN ARRAY[model_what_it_takes.period] END,
				   pg_catalog.bool_or(y.kommune_seen)) FROM w y)
	ORDER BY w.area_no, w.item_no, w.measure;
END
$$;

COMMENT ON FUNCTION benchmark.model_what_it_takes(text, text, text) IS
'What would it take to gain a place: per measure the municipality''s value and placement, the value that gains at least one place (that of the next better placement: ties share it), the change, whom it reaches (passes), and the measure, area and total placements if only that value changed, re-ranked by the engine';

/*
 * The smallest single-measure change that reaches a better total placement:
 * per measure the nearest better placement on it that would do, and which
 * measure needs the fewest places (then the smallest relative change).
 */
CREATE OR REPLACE FUNCTION benchmark.model_next_place(model text, kommune text, period text)
RETURNS TABLE (area_no integer, area text, item_no integer, measure text, item text, higher_is_better boolean,
			   value numeric, placement integer, value_needed numeric, change numeric, relative_change numeric,
			   placement_then integer, places_on_measure integer, passes text, area_placement integer,
			   area_placement_then integer, total_placement integer, total_placement_then integer,
			   smallest boolean, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_next_place.model;
	k text := benchmark.explain_arguments(model_next_place.model, model_next_place.kommune,
										  ARRAY[model_next_place.period], 'model_next_place');
BEGIN
	IF k IS NULL THEN
		RAISE EXCEPTION 'model_next_place kommune must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	RETURN QUERY
	WITH w AS MATERIALIZED (
		SELECT * FROM benchmark.explain_what_if(model_name, k, model_next_place.period, false) x
	),
	reaching AS (
		SELECT DISTINCT ON (w.measure) w.*
		FROM w
		WHERE w.total_placement_then < w.total_placement
		ORDER BY w.measure, w.measure_placement_then DESC
	),
	per_measure AS (
		SELECT DISTINCT ON (w.measure) w.area_no, w.area, w.item_no, w.measure, w.item, w.higher_is_better, w.value,
			   w.placement, w.area_placement, w.total_placement
		FROM w ORDER BY w.measure
	),
	chosen AS (
		SELECT p.*, x.candidate_value, x.measure_placement_then, x.passes, x.area_placement_then, x.total_placement_then,
			   x.candidate_value - p.value AS change,
			   CASE WHEN p.value <> 0 THEN pg_catalog.round(pg_catalog.abs(x.candidate_value - p.value) / pg_catalog.abs(p.value), 6) END AS relative_change
		FROM per_measure p LEFT JOIN reaching x ON x.measure = p.measure
	),
	best AS (
		SELECT c.measure FROM chosen c WHERE c.candidate_value IS NOT NULL
		ORDER BY c.placement - c.measure_placement_then, c.relative_change NULLS LAST, c.measure LIMIT 1
	)
	SELECT c.area_no, c.area, c.item_no, c.measure, c.item, c.higher_is_better, c.value, c.placement,
		   c.candidate_value, c.change, c.relative_change, c.measure_placement_then,
		   c.placement - c.measure_placement_then, c.passes, c.area_placement, c.area_placement_then,
		   c.total_placement, c.total_placement_then,
		   coalesce(c.measure = (SELECT b.measure FROM best b), false),
		   CASE WHEN c.total_placement IS NULL THEN 'not placed in the total (a part of it is missing)'
				WHEN c.total_placement = 1 THEN 'already first in the total'
				WHEN c.placement IS NULL THEN 'no value: not ranked on this measure'
				WHEN c.placement = 1 THEN 'already first on this measure'
				WHEN c.candidate_value IS NULL AND NOT EXISTS (SELECT 1 FROM best)
					THEN 'no change of a single measure reaches a better total placement'
				WHEN c.candidate_value IS NULL THEN 'even first place on this measure keeps the total placement'
		   END
	FROM chosen c
	WHERE (SELECT benchmark.explain_data_check(model_name, k, ARRAY[model_next_place.period],
				   CASE WHEN pg_catalog.bool_or(y.period_has_data) THEN ARRAY[model_next_place.period] END,
				   pg_catalog.bool_or(y.kommune_seen)) FROM w y)
	ORDER BY c.area_no, c.item_no, c.measure;
END
$$;

COMMENT ON FUNCTION benchmark.model_next_place(text, text, text) IS
'The next better total placement: per measure the smallest change of that measure alone (the nearest better placement on it) that reaches a better total placement, re-ranked by the engine; smallest marks the measure needing the fewest places on its measure (then the smallest relative change); a note says when no single measure does';

/*
 * 3. How robust is it?  The engine's weighted placement, drawn many times
 * with perturbed weights, in C.
 */
CREATE OR REPLACE FUNCTION benchmark.weighted_placement_draws(rankings @extschema@.ranking[], weights numeric[], missing text,
												   draws integer, spread numeric, seed integer, top integer)
RETURNS TABLE (entity text, placement integer, best integer, p05 integer, median integer, p95 integer,
			   worst integer, top_draws integer, ranked_draws integer)
AS 'MODULE_PATHNAME', 'weighted_placement_draws'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION benchmark.weighted_placement_draws(@extschema@.ranking[], numeric[], text, integer, numeric, integer, integer) IS
'Weighted placement of rankings (as weighted_placement(ranking, weight, missing)) with the given weights, and over draws with every weight times a factor uniform in [1 - spread, 1 + spread] (millionths, seeded splitmix64): per entity the placement, the best, 5th percentile, median, 95th percentile and worst placement (nearest rank, over the draws that placed it), the draws placing it within top, and the draws placing it at all';

/* The weighted-placement inputs of a model's total, per period: the goal's and the counted areas' rankings and weights. */
CREATE OR REPLACE FUNCTION benchmark.explain_total_inputs(model_name text, periods text[])
RETURNS TABLE (period text, rankings @extschema@.ranking[], weights numeric[], missing text, has_data boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT r.period,
		   pg_catalog.array_agg(r.ranking ORDER BY r.area_no) FILTER (WHERE r.part IN ('goal', 'area') AND r.weight IS NOT NULL),
		   pg_catalog.array_agg(r.weight ORDER BY r.area_no) FILTER (WHERE r.part IN ('goal', 'area') AND r.weight IS NOT NULL),
		   /* a period in the baseline term has no goal: with exclude nobody is placed, as in the runner */
		   (SELECT CASE WHEN benchmark.period_in_years(r.period, m.baseline_from, m.baseline_to)
						THEN 'exclude' ELSE m.total_missing END
			FROM benchmark.model m WHERE m.model = explain_total_inputs.model_name),
		   pg_catalog.bool_or(r.part = 'measure' AND @extschema@.ranked_count(r.ranking) > 0)
	FROM benchmark.model_rankings(explain_total_inputs.model_name, explain_total_inputs.periods) r
	GROUP BY r.period;
END;

COMMENT ON FUNCTION benchmark.explain_total_inputs(text, text[]) IS
'Per period of a model run (NULL: every period with data), the rankings and weights its total is the weighted placement of (the goal and the areas counted in the total), the total''s missing-data policy and whether the period has data';

CREATE OR REPLACE FUNCTION benchmark.model_sensitivity(model text, period text, draws integer, spread numeric, seed integer)
RETURNS TABLE (kommune text, placement integer, best integer, p05 integer, median integer, p95 integer, worst integer,
			   top10_draws integer, top10_share numeric, ranked_draws integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_sensitivity.model;
	n_draws integer := model_sensitivity.draws;
BEGIN
	PERFORM benchmark.explain_arguments(model_name, NULL, ARRAY[model_sensitivity.period], 'model_sensitivity');
	IF n_draws IS NULL OR model_sensitivity.spread IS NULL OR model_sensitivity.seed IS NULL THEN
		RAISE EXCEPTION 'model_sensitivity draws, spread and seed must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF n_draws < 0 THEN
		RAISE EXCEPTION 'model_sensitivity draws must not be negative' USING ERRCODE = 'invalid_parameter_value',
			DETAIL = pg_catalog.format('The number of draws is %s.', n_draws);
	END IF;
	IF model_sensitivity.spread < 0 OR model_sensitivity.spread >= 1 OR model_sensitivity.spread = 'NaN' THEN
		RAISE EXCEPTION 'model_sensitivity spread must be at least 0 and less than 1' USING ERRCODE = 'invalid_parameter_value',
			DETAIL = pg_catalog.format('The spread is %s.', model_sensitivity.spread),
			HINT = 'Each weight is multiplied by a factor drawn uniformly from [1 - spread, 1 + spread], e.g. 0.2 for plus or minus 20 %.';
	END IF;
	RETURN QUERY
	WITH t AS MATERIALIZED (
		SELECT * FROM benchmark.explain_total_inputs(model_name, ARRAY[model_sensitivity.period]) x
	)
	SELECT d.entity, d.placement, d.best, d.p05, d.median, d.p95, d.worst, d.top_draws,
		   pg_catalog.round(d.top_draws::numeric / NULLIF(n_draws, 0), 4), d.ranked_draws
	FROM t, benchmark.weighted_placement_draws(coalesce(t.rankings, '{}'), coalesce(t.weights, '{}'), t.missing,
											   n_draws, model_sensitivity.spread, model_sensitivity.seed, 10) d
	WHERE (SELECT benchmark.explain_data_check(model_name, NULL, ARRAY[model_sensitivity.period],
				   (SELECT pg_catalog.array_agg(y.period) FROM t y WHERE y.has_data), NULL))
	ORDER BY d.placement NULLS LAST, d.entity;
END
$$;

COMMENT ON FUNCTION benchmark.model_sensitivity(text, text, integer, numeric, integer) IS
'How robust is the total placement against the weights: per municipality its placement, and over draws with each weight (goal and counted areas) times a factor uniform in [1 - spread, 1 + spread] (deterministic from the seed) its best, 5th percentile, median, 95th percentile and worst placement, the draws (and their share) in the top 10, and the draws that placed it; spread 0 gives the nominal placement everywhere';

/*
 * The named scenarios: each missing-data policy, and each measure left out,
 * re-ranked by the engine from one run's measure and benefit rankings.
 */
CREATE OR REPLACE FUNCTION benchmark.model_scenarios(model text, period text)
RETURNS TABLE (scenario text, kind text, detail text, kommune text, placement integer, scenario_placement integer,
			   places_gained integer, ranked integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	model_name text := model_scenarios.model;
BEGIN
	PERFORM benchmark.explain_arguments(model_name, NULL, ARRAY[model_scenarios.period], 'model_scenarios');
	RETURN QUERY
	WITH r AS MATERIALIZED (
		SELECT * FROM benchmark.model_rankings(model_name, ARRAY[model_scenarios.period]) x
	),
	m AS (SELECT x.*,
				 /* a period in the baseline term has no goal, so no total under any scenario */
				 benchmark.period_in_years(model_scenarios.period, x.baseline_from, x.baseline_to) AS inside
		  FROM benchmark.model x WHERE x.model = model_name),
	scenarios AS (
		SELECT 'nominal'::text AS scenario, 'nominal'::text AS kind, NULL::text AS policy, NULL::text AS measure, 0 AS ord,
			   'the model as defined'::text AS detail
		UNION ALL
		SELECT 'missing: ' || p.policy, 'missing-data policy', p.policy, NULL, p.ord,
			   CASE p.policy WHEN 'exclude' THEN 'every area and the total leave out a municipality with a missing rank'
							 WHEN 'worst' THEN 'every area counts a missing rank as last place; the total keeps the model''s policy'
							 ELSE 'every area and the total scale the ranks present to all' END
		FROM (VALUES ('exclude', 1), ('worst', 2), ('scale', 3)) p(policy, ord)
		UNION ALL
		SELECT 'without ' || mm.measure, 'measure left out', NULL, mm.measure, 10 + pg_catalog.row_number() OVER (ORDER BY mm.area_no, mm.position, mm.measure),
			   pg_catalog.format('area %s ranked without "%s"', mm.area_no, mm.name_da)
		FROM benchmark.model_measure mm WHERE mm.model = model_name
	),
	areas AS (
		SELECT s.scenario, a.area_no, a.weight,
			   @extschema@.rank_sum_rerank(x.ranking, coalesce(s.policy, a.missing)) AS ranking
		FROM scenarios s
		JOIN benchmark.model_area a ON a.model = model_name AND a.in_total
		JOIN r x ON x.part = 'measure' AND x.area_no = a.area_no AND x.item_key IS DISTINCT FROM s.measure
		WHERE s.kind <> 'nominal'
		GROUP BY s.scenario, a.area_no, a.weight, coalesce(s.policy, a.missing)
	),
	goals AS (
		SELECT s.scenario,
			   CASE WHEN m.goal_rule = 'total' OR s.policy IS NULL OR m.inside THEN (SELECT g.ranking FROM r g WHERE g.part = 'goal')
					ELSE (SELECT @extschema@.rank_sum_rerank(b.ranking, s.policy) FROM r b
						  WHERE b.part = 'benefit' AND b.item_key <> 'ydelser_i_alt') END AS ranking
		FROM scenarios s, m WHERE s.kind <> 'nominal'
	),
	totals AS (
		SELECT s.scenario,
			   @extschema@.weighted_placement(x.ranking, x.weight,
				   CASE WHEN m.inside THEN 'exclude' WHEN s.policy IN ('exclude', 'scale') THEN s.policy ELSE m.total_missing END) AS ranking
		FROM scenarios s CROSS JOIN m
		JOIN (SELECT a.scenario, a.ranking, a.weight FROM areas a
			  UNION ALL
			  SELECT g.scenario, g.ranking, m.goal_weight FROM goals g, m) x ON x.scenario = s.scenario
		GROUP BY s.scenario, s.policy, m.total_missing, m.inside
		UNION ALL
		SELECT 'nominal', t.ranking FROM r t WHERE t.part = 'total'
	),
	nominal AS (SELECT u.entity, u.placement FROM r t, @extschema@.unnest(t.ranking) u WHERE t.part = 'total')
	SELECT s.scenario, s.kind, s.detail, u.entity, n.placement, u.placement, n.placement - u.placement,
		   @extschema@.ranked_count(t.ranking)
	FROM scenarios s JOIN totals t ON t.scenario = s.scenario, @extschema@.unnest(t.ranking) u
	LEFT JOIN nominal n ON n.entity = u.entity
	WHERE (SELECT benchmark.explain_data_check(model_name, NULL, ARRAY[model_scenarios.period],
				   (SELECT pg_catalog.array_agg(DISTINCT y.period) FROM r y WHERE y.part = 'measure' AND @extschema@.ranked_count(y.ranking) > 0),
				   NULL))
	ORDER BY s.ord, u.placement NULLS LAST, u.entity;
END
$$;

COMMENT ON FUNCTION benchmark.model_scenarios(text, text) IS
'How robust is the total placement against the model''s choices: per named scenario (nominal; every area with missing-data policy exclude, worst or scale, the total with exclude or scale where allowed; each measure left out of its area) and municipality the nominal and the scenario''s total placement, re-ranked by the engine from one run''s rankings';

/* Rank intervals of every period of a model, for charts: model_sensitivity over all periods found. */
CREATE OR REPLACE FUNCTION benchmark.model_rank_intervals_for(model_name text, draw_count integer, spread numeric, seed integer)
RETURNS TABLE (model text, period text, period_start date, kommune text, kommune_code integer, placement integer,
			   best integer, p05 integer, median integer, p95 integer, worst integer, top10_share numeric,
			   ranked_draws integer, draws integer, weight_spread numeric, draw_seed integer)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT model_rank_intervals_for.model_name, t.period, benchmark.period_start(t.period), d.entity,
		   @extschema@.kommune_code(d.entity::@extschema@.kommune), d.placement, d.best, d.p05, d.median, d.p95, d.worst,
		   pg_catalog.round(d.top_draws::numeric / NULLIF(model_rank_intervals_for.draw_count, 0), 4), d.ranked_draws,
		   model_rank_intervals_for.draw_count, model_rank_intervals_for.spread, model_rank_intervals_for.seed
	FROM benchmark.explain_total_inputs(model_rank_intervals_for.model_name, NULL) t,
		 benchmark.weighted_placement_draws(coalesce(t.rankings, '{}'), coalesce(t.weights, '{}'), t.missing,
											model_rank_intervals_for.draw_count, model_rank_intervals_for.spread,
											model_rank_intervals_for.seed, 10) d
	WHERE t.has_data
	ORDER BY t.period, d.placement NULLS LAST, d.entity;
END;

COMMENT ON FUNCTION benchmark.model_rank_intervals_for(text, integer, numeric, integer) IS
'Rank intervals of a model in every period with data (one run of the model): per period and municipality the placement and, over weight draws, the best, 5th percentile, median, 95th percentile and worst placement, as plain columns';

/* 5. Chart-ready views: plain columns for a BI tool. */
CREATE OR REPLACE VIEW benchmark.model_placements_over_time WITH (security_invoker = true) AS
SELECT m.model, p.period, benchmark.period_start(p.period) AS period_start, benchmark.period_kind(p.period) AS period_kind,
	   p.part, p.area_no, p.item_key, p.item, p.kommune,
	   @extschema@.kommune_code(p.kommune::@extschema@.kommune) AS kommune_code,
	   p.placement, p.ranked, p.score, p.note
FROM benchmark.model m, LATERAL benchmark.model_placements(m.model) p
WHERE p.part IN ('total', 'goal', 'area');

COMMENT ON VIEW benchmark.model_placements_over_time IS
'Placement over time, for charts (filter on model: only that model is run): every model''s total, goal and area placements per municipality in every period found in its sources (one run per model), with the period''s first day as the time axis';

GRANT SELECT ON benchmark.model_placements_over_time TO PUBLIC;

CREATE OR REPLACE VIEW benchmark.model_rank_intervals WITH (security_invoker = true) AS
SELECT m.model, i.period, i.period_start, i.kommune, i.kommune_code, i.placement, i.best, i.p05, i.median, i.p95,
	   i.worst, i.top10_share, i.ranked_draws, i.draws, i.weight_spread, i.draw_seed
FROM benchmark.model m, LATERAL benchmark.model_rank_intervals_for(m.model, 1000, 0.2, 1) i;

COMMENT ON VIEW benchmark.model_rank_intervals IS
'Rank intervals, for charts (filter on model: only that model is run): every model''s total placement per municipality and period with its best, 5th percentile, median, 95th percentile and worst placement over 1000 draws of weights within plus or minus 20 % (seed 1)';

GRANT SELECT ON benchmark.model_rank_intervals TO PUBLIC;
