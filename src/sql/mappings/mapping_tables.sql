/*
 * The mapping catalog: how a model's sources are computed from jobindsats
 * tables (src/sql/mappings/mappings.sql reads it).
 *
 *   jobindsats_source   where a jobindsats table's cells are: a wide table as
 *                       a pipeline keeps it; tables not named here are read
 *                       from the observation store
 *   jobindsats_term     one yearly series of one table: a measure label in a
 *                       breakdown, how a year is made from months
 *   jobindsats_mapping  a source: scale * (sum of terms) / (sum of terms)
 *
 * The shipped rows are the mapping of the preset sonderborg-2023 (read-only,
 * not dumped; copy them under another name to change them).  Terms and
 * mappings refer to each other by name, checked when they are read, so a
 * parallel pg_restore may load the tables in any order.
 */

CREATE TABLE benchmark.jobindsats_source (
	table_id text NOT NULL,
	relation text NOT NULL,
	dimensions text[],
	labels jsonb,
	registered_by name NOT NULL DEFAULT CURRENT_USER,
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
COMMENT ON COLUMN benchmark.jobindsats_source.registered_by IS
'The role that registered the wide table (set by the catalog on every insert and update): a registration is read only by roles that trust it as they trust a source''s owner (itself, a superuser, or a role in benchmark.trusted_owners); others read the store';

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
	CONSTRAINT jobindsats_mapping_scale_finite CHECK (scale OPERATOR(pg_catalog.>) '-Infinity' AND scale OPERATOR(pg_catalog.<) 'Infinity'),
	CONSTRAINT jobindsats_mapping_upper_bound_finite CHECK (upper_bound OPERATOR(pg_catalog.>) '-Infinity' AND upper_bound OPERATOR(pg_catalog.<) 'Infinity')
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
