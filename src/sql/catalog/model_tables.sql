/* The model catalog: models, areas, measures, benefits, exclusions, and the shipped preset */

/*
 * The model catalog.  Rows shipped with the extension have shipped = true;
 * they are read-only (copy a model with model_copy to change it) and are left
 * out of pg_dump, which dumps every row users add.  The tables refer to each
 * other through triggers, not foreign keys (see 52_catalog_references.sql).
 */

CREATE TABLE benchmark.model (
	model text NOT NULL,
	title_da text NOT NULL,
	title_en text NOT NULL,
	goal_da text NOT NULL DEFAULT 'Flest muligt skal være selvforsørgende',
	goal_en text NOT NULL DEFAULT 'As many as possible support themselves',
	goal_weight numeric NOT NULL DEFAULT 7,
	goal_rule text NOT NULL DEFAULT 'total',
	goal_missing text NOT NULL DEFAULT 'exclude',
	baseline_from integer NOT NULL,
	baseline_to integer NOT NULL,
	total_missing text NOT NULL DEFAULT 'exclude',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT model_pkey PRIMARY KEY (model),
	CONSTRAINT model_name_format CHECK (model ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	CONSTRAINT model_goal_weight_finite CHECK (goal_weight OPERATOR(pg_catalog.>=) 0 AND goal_weight OPERATOR(pg_catalog.<) 'Infinity'),
	CONSTRAINT model_goal_rule_known CHECK (goal_rule IN ('total', 'rank_sum')),
	CONSTRAINT model_goal_missing_known CHECK (goal_missing IN ('exclude', 'worst', 'scale')),
	CONSTRAINT model_total_missing_known CHECK (total_missing IN ('exclude', 'scale')),
	CONSTRAINT model_baseline_years CHECK (baseline_from BETWEEN 1 AND baseline_to AND baseline_to OPERATOR(pg_catalog.<=) 9999)
);

COMMENT ON TABLE benchmark.model IS
'Benchmark models: the overall goal (development of the benefits against a baseline term), its weight and rule, and the missing-data policy of the total';
COMMENT ON COLUMN benchmark.model.goal_weight IS
'Weight of the goal in the total, relative to the areas'' weights (7 against seven areas of weight 1: the goal weighs half)';
COMMENT ON COLUMN benchmark.model.goal_rule IS
'total: the goal placement is the placement on "Ydelser i alt" (development of the sum of all benefits); rank_sum: the per-benefit placements are added and ranked again';
COMMENT ON COLUMN benchmark.model.goal_missing IS
'Missing-data policy of the rank_sum goal rule: exclude, worst or scale';
COMMENT ON COLUMN benchmark.model.baseline_from IS
'First year of the baseline term (2018 for the council term 2018-2021)';
COMMENT ON COLUMN benchmark.model.baseline_to IS
'Last year of the baseline term';
COMMENT ON COLUMN benchmark.model.total_missing IS
'Missing-data policy of the total: exclude (left out of the total) or scale (mean over the placements present)';
COMMENT ON COLUMN benchmark.model.shipped IS
'True for rows shipped with the extension (read-only, not dumped)';

CREATE TABLE benchmark.model_area (
	model text NOT NULL,
	area_no integer NOT NULL,
	name_da text NOT NULL,
	name_en text NOT NULL,
	weight numeric NOT NULL DEFAULT 1,
	in_total boolean NOT NULL DEFAULT true,
	missing text NOT NULL DEFAULT 'exclude',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT model_area_pkey PRIMARY KEY (model, area_no),
	CONSTRAINT model_area_no_positive CHECK (area_no OPERATOR(pg_catalog.>) 0),
	CONSTRAINT model_area_weight_finite CHECK (weight OPERATOR(pg_catalog.>=) 0 AND weight OPERATOR(pg_catalog.<) 'Infinity'),
	CONSTRAINT model_area_missing_known CHECK (missing IN ('exclude', 'worst', 'scale'))
);

COMMENT ON TABLE benchmark.model_area IS
'Focus areas (indsatsområder) of a model: weight in the total, whether the area counts in the total, and its missing-data policy';
COMMENT ON COLUMN benchmark.model_area.in_total IS
'False for an area that is ranked and reported but does not count in the total';
COMMENT ON COLUMN benchmark.model_area.missing IS
'What a missing measure value does to the area''s rank sum: exclude (the municipality is left out of the area), worst (counts as last place) or scale (sum scaled to the measures present)';

CREATE TABLE benchmark.model_measure (
	model text NOT NULL,
	measure text NOT NULL,
	area_no integer NOT NULL,
	position integer NOT NULL DEFAULT 1,
	name_da text NOT NULL,
	name_en text NOT NULL,
	description_da text NOT NULL DEFAULT '',
	description_en text NOT NULL DEFAULT '',
	higher_is_better boolean NOT NULL,
	unit text NOT NULL DEFAULT 'pct.',
	source text NOT NULL,
	jobindsats text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT model_measure_pkey PRIMARY KEY (model, measure),
	CONSTRAINT model_measure_position_unique UNIQUE (model, area_no, position),
	CONSTRAINT model_measure_name_format CHECK (measure ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	CONSTRAINT model_measure_position_positive CHECK (position OPERATOR(pg_catalog.>) 0)
);

COMMENT ON TABLE benchmark.model_measure IS
'Measures (målepunkter) of a model''s areas: direction, unit, descriptions and the source relation returning (kommune, period, value)';
COMMENT ON COLUMN benchmark.model_measure.source IS
'Schema-qualified name of a table, view or materialized view with columns kommune (text or kommune), period (jobindsats period label) and value (a number); NULL value = suppressed or missing';
COMMENT ON COLUMN benchmark.model_measure.jobindsats IS
'Where the source''s numbers come from: jobindsats table ids and columns, or another source';

CREATE TABLE benchmark.model_benefit (
	model text NOT NULL,
	benefit text NOT NULL,
	position integer NOT NULL,
	name_da text NOT NULL,
	name_en text NOT NULL,
	source text NOT NULL,
	jobindsats text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT model_benefit_pkey PRIMARY KEY (model, benefit),
	CONSTRAINT model_benefit_position_unique UNIQUE (model, position),
	CONSTRAINT model_benefit_name_format CHECK (benefit ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	CONSTRAINT model_benefit_position_positive CHECK (position OPERATOR(pg_catalog.>) 0)
);

COMMENT ON TABLE benchmark.model_benefit IS
'Benefits (ydelser) of a model''s goal: each source returns full-time persons (kommune, period, value)';

CREATE TABLE benchmark.model_excluded (
	model text NOT NULL,
	kommune @extschema@.kommune NOT NULL,
	reason text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT model_excluded_pkey PRIMARY KEY (model, kommune)
);

COMMENT ON TABLE benchmark.model_excluded IS
'Municipalities a model does not rank, with the reason';

/*
 * The shipped preset: sonderborg-2023 (Beskæftigelsespolitik 2023-2026,
 * "Danmarks bedste jobcenter").  Its sources are the installed mapping views
 * benchmark.mapped_* (src/sql/mappings/mappings.sql), which read the
 * jobindsats tables loaded into the observation store or registered as wide
 * tables; copy the model to point a source elsewhere.
 *
 * Area 8 (Borgernes tilfredshed) is kept without a measure: the plan says it
 * "kan ikke opgøres for alle kommuner og tæller derfor ikke med i den samlede
 * opgørelse. Derfor er der opstillet et særskilt mål for Sønderborg Kommune",
 * so nobody is ranked on it; the separate target is the shipped target
 * sonderborg-2023-borgertilfredshed.  A copy of the model can rank the area by
 * adding a measure (README, "The shipped preset").
 */

INSERT INTO benchmark.model (model, title_da, title_en, goal_weight, goal_rule, baseline_from, baseline_to, shipped)
VALUES ('sonderborg-2023', 'Danmarks bedste jobcenter (Sønderborg-modellen, Beskæftigelsespolitik 2023-2026)',
		'Denmark''s best jobcentre (the Sønderborg model, employment policy 2023-2026)', 7, 'total', 2018, 2021, true);

INSERT INTO benchmark.model_area (model, area_no, name_da, name_en, weight, in_total, missing, shipped) VALUES
	('sonderborg-2023', 1, 'Virksomhedssamarbejdet', 'Cooperation with businesses', 1, true, 'exclude', true),
	('sonderborg-2023', 2, 'Uddannelse', 'Education', 1, true, 'exclude', true),
	('sonderborg-2023', 3, 'Ledige tæt på job', 'Unemployed close to a job', 1, true, 'exclude', true),
	('sonderborg-2023', 4, 'Unge ledige', 'Young unemployed', 1, true, 'exclude', true),
	('sonderborg-2023', 5, 'Ledige længere fra job', 'Unemployed further from a job', 1, true, 'exclude', true),
	('sonderborg-2023', 6, 'Integration', 'Integration', 1, true, 'exclude', true),
	('sonderborg-2023', 7, 'Sygemeldte', 'Sick-listed', 1, true, 'exclude', true),
	('sonderborg-2023', 8, 'Borgernes tilfredshed', 'Citizen satisfaction', 1, false, 'exclude', true);

INSERT INTO benchmark.model_measure (model, measure, area_no, position, name_da, name_en, description_da, description_en,
									   higher_is_better, unit, source, jobindsats, shipped) VALUES
	('sonderborg-2023', 'stillingsopslag', 1, 1, 'Oprettede stillingsopslag', 'Job postings',
	 'Antallet af oprettede stillingsopslag i procent af befolkningen (16-66 år).',
	 'Job postings created, in per cent of the population aged 16-66.',
	 true, 'pct.', 'benchmark.mapped_stillingsopslag',
	 'Y25I07 "Antal nyopslåede stillinger" (sum of the months) / population 16-66 from PTVA02 ("Antal fuldtidspersoner" * 100 / "Fuldtidspersoner i pct. af befolkningen 16-66 år"): mapping stillingsopslag', true),
	('sonderborg-2023', 'virksomhedstilfredshed', 1, 2, 'Virksomhedernes tilfredshed', 'Business satisfaction',
	 'Virksomhedernes tilfredshed med samarbejdet med jobcentret (Dansk Industris årlige måling af kommunernes erhvervsvenlighed).',
	 'Businesses'' satisfaction with the jobcentre (DI''s yearly survey of the local business climate).',
	 true, 'karakter 1-5', 'benchmark.mapped_virksomhedstilfredshed',
	 'Not jobindsats: DI "Lokalt Erhvervsklima", the user''s own figures loaded as table BRUGERDATA, measure "Jobcentrets service over for virksomhederne (karakter 1-5)": mapping virksomhedstilfredshed', true),
	('sonderborg-2023', 'opkvalificering', 2, 1, 'Opkvalificeringsforløb', 'Upskilling courses',
	 'Antal opkvalificeringsforløb i procent af alle ydelsesgrupper – undtaget fleksjob, førtids- og seniorpension.',
	 'Upskilling courses in per cent of all benefit groups except flexi-jobs, disability and senior pension.',
	 true, 'pct.', 'benchmark.mapped_opkvalificering',
	 'PTVC02 "Antal aktiverede" (Tilbud = Vejledning og opkvalificering; PTVC01 has no Tilbud) / PTVA02 "Antal personer" (Ydelsesgrupper i alt minus Fleksjob, Førtidspension, Seniorpension): mapping opkvalificering', true),
	('sonderborg-2023', 'revalidering', 2, 2, 'Revalideringsforløb', 'Vocational rehabilitation',
	 'Antal revalideringsforløb i procent af befolkningen (16-66 år).',
	 'Vocational rehabilitation courses in per cent of the population aged 16-66.',
	 true, 'pct.', 'benchmark.mapped_revalidering',
	 'Y04A02 "Antal personer" (mean of the months) / population 16-66 from PTVA02: mapping revalidering', true),
	('sonderborg-2023', 'opkvalificering_dagpenge', 3, 1, 'Opkvalificering af dagpengemodtagere', 'Upskilling of insured unemployed',
	 'Antal opkvalificeringsforløb i procent af dagpengemodtagere.',
	 'Upskilling courses in per cent of recipients of unemployment insurance benefits.',
	 true, 'pct.', 'benchmark.mapped_opkvalificering_dagpenge',
	 'Y01C01 "Antal aktiverede" (Tilbud = Vejledning og opkvalificering i alt) / Y01A02 "Antal personer" (mean of the months): mapping opkvalificering_dagpenge', true),
	('sonderborg-2023', 'job_efter_26_uger', 3, 2, 'I arbejde efter 26 ugers ledighed', 'In work after 26 weeks',
	 'Procent af dagpengemodtagere og jobparate kontanthjælpsmodtagere, der er i arbejde efter 26 ugers ledighed.',
	 'Per cent of insured and job-ready cash-benefit recipients who are in work after 26 weeks of unemployment.',
	 true, 'pct.', 'benchmark.mapped_job_efter_26_uger',
	 'Y14D03 (rolling year ending Q4) "Efterfølgende beskæftigelse: I samme virksomhed" + "…: I anden virksomhed i samme branche" + "…: I anden virksomhed i anden branche" / "Antal afsluttede forløb" (Ydelsesgrupper = A-dagpenge + Jobparate kontanthjælpsmodtagere, Målgruppe = Ledige i 26 uger): mapping job_efter_26_uger', true),
	('sonderborg-2023', 'langtidsledige', 3, 3, 'Langtidsledige', 'Long-term unemployed',
	 'Langtidsledige i procent af dagpengemodtagere.',
	 'Long-term unemployed in per cent of recipients of unemployment insurance benefits (among the gross unemployed on A-dagpenge).',
	 false, 'pct.', 'benchmark.mapped_langtidsledige',
	 'Y25I09, Ydelsesgrupper = A-dagpenge: "Antal langtidsledige personer" / "Antal bruttoledige personer" (sums of the months; the yearly form of "Andel langtidsledige personer ift. bruttoledige personer"): mapping langtidsledige', true),
	('sonderborg-2023', 'unge_i_job_og_uddannelse', 4, 1, 'Unge i job og uddannelse', 'Young people in work or education',
	 'Procent af unge, som er i job, uddannelse eller anden selvforsørgelse, tre måneder efter de har forladt jobcentret.',
	 'Per cent of young people in work, education or other self-support three months after leaving the jobcentre.',
	 true, 'pct.', 'benchmark.mapped_unge_i_job_og_uddannelse',
	 'Y38B15 "Andel 3 måneder efter (pct.)", Arbejdsmarkedsstatus = Lønmodtagerbeskæftigelse + Uddannelse + Selvforsørgelse: mapping unge_i_job_og_uddannelse', true),
	('sonderborg-2023', 'ingen_passive_unge', 4, 2, 'Ingen passive unge', 'No passive young people',
	 'Procent af unge på uddannelseshjælp, som er i aktivering.',
	 'Per cent of young people on education benefit who are in activation.',
	 true, 'pct.', 'benchmark.mapped_ingen_passive_unge',
	 'PTVC01 "Antal aktiverede" (Ydelsesgrupper = Uddannelseshjælp) / Y38A02 "Antal personer" (mean of the months): mapping ingen_passive_unge', true),
	('sonderborg-2023', 'aktive_aktivitetsparate', 5, 1, 'Aktivitetsparate i virksomhed', 'Activity-ready in companies',
	 'Procent af aktivitetsparate kontanthjælpsmodtagere, der er i virksomhedspraktik, løntilskud eller har ordinære løntimer.',
	 'Per cent of activity-ready cash-benefit recipients in company internship, wage subsidy or ordinary paid hours.',
	 true, 'pct.', 'benchmark.mapped_aktive_aktivitetsparate',
	 '(OTIJ01 "Antal personer med ordinære timer" + PTVC02 "Antal aktiverede", Ydelsesgrupper = Aktivitetsparate kontanthjælpsmodtagere, Tilbud = Virksomhedspraktik + Løntilskud) / OTIJ01 "Antal personer i alt" (Målgruppe = Aktivitetsparate kontanthjælpsmodtagere), at most 100: mapping aktive_aktivitetsparate', true),
	('sonderborg-2023', 'ledighed_fleksjob', 5, 2, 'Ledighed blandt fleksjobvisiterede', 'Unemployment among flexi-job eligible',
	 'Ledighedsprocent for borgere, som er i målgruppen for fleksjob.',
	 'Unemployment rate among people eligible for flexi-jobs.',
	 false, 'pct.', 'benchmark.mapped_ledighed_fleksjob',
	 'Y09A02 "Antal fuldtidspersoner" / (Y08A02 + Y09A02 "Antal fuldtidspersoner"), means of the months: mapping ledighed_fleksjob', true),
	('sonderborg-2023', 'aktive_ikke_vestlige', 6, 1, 'Ikke-vestlige i aktivering', 'Non-western immigrants in activation',
	 'Procentdel ikke-vestlige indvandrere i aktivering på tværs af alle ydelsesgrupper – undtaget ledighedsydelse, fleksjob, førtids- og seniorpension.',
	 'Per cent of non-western immigrants in activation across benefit groups except unemployment benefit for flexi-job eligible, flexi-jobs, disability and senior pension.',
	 true, 'pct.', 'benchmark.mapped_aktive_ikke_vestlige',
	 'Not found in jobindsats (PTVC01 and PTVC02 have no Herkomst, PTVA02 none seen): the user''s own figures loaded as table BRUGERDATA, measure "Ikke-vestlige indvandrere i aktivering (pct.)": mapping aktive_ikke_vestlige', true),
	('sonderborg-2023', 'forsoergelsesgab', 6, 2, 'Forsørgelsesgab for ikke-vestlige', 'Support gap of non-western immigrants',
	 'Forskellen mellem procentdel ikke-vestlige indvandrere i befolkningen og procentdel ikke-vestlige indvandrere på offentlig forsørgelse.',
	 'Per cent of non-western immigrants (16-66) on public support minus per cent of the whole population (16-66) on public support (percentage points; the rate reading, see the README for the other).',
	 false, 'pct.-point', 'benchmark.mapped_forsoergelsesgab',
	 'The eleven benefit tables (Y01A02 … Y60A02) "Fuldtidspersoner i pct. af befolkningen 16-66 år", means of the months, summed: Herkomst = Ikke-vestlige indvandrere minus Herkomst i alt (PTVA02 has no Herkomst): mapping forsoergelsesgab', true),
	('sonderborg-2023', 'delvis_raskmelding', 7, 1, 'Delvis raskmelding', 'Partial return to work',
	 'Sygemeldte med delvis raskmelding i procent.',
	 'Sick-listed with partial return to work, in per cent.',
	 true, 'pct.', 'benchmark.mapped_delvis_raskmelding',
	 'Not found in jobindsats (its sygedagpenge tables Y07… give stocks, activation and status after the benefit, not partial returns): the user''s own figures (e.g. from the case system) loaded as table BRUGERDATA, measure "Sygemeldte med delvis raskmelding (pct.)": mapping delvis_raskmelding', true);

INSERT INTO benchmark.model_benefit (model, benefit, position, name_da, name_en, source, jobindsats, shipped) VALUES
	('sonderborg-2023', 'dagpenge', 1, 'Dagpenge', 'Unemployment insurance benefit', 'benchmark.mapped_ydelse_dagpenge', 'Y01A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'kontanthjaelp', 2, 'Kontanthjælp', 'Cash benefit', 'benchmark.mapped_ydelse_kontanthjaelp', 'Y60A02 "Antal fuldtidspersoner" (Y36A02 before 2020)', true),
	('sonderborg-2023', 'uddannelseshjaelp', 3, 'Uddannelseshjælp', 'Education benefit', 'benchmark.mapped_ydelse_uddannelseshjaelp', 'Y38A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'revalidering', 4, 'Revalidering', 'Vocational rehabilitation', 'benchmark.mapped_ydelse_revalidering', 'Y04A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'integration', 5, 'Integration', 'Integration benefit', 'benchmark.mapped_ydelse_integration', 'Y35A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'sygedagpenge', 6, 'Sygedagpenge', 'Sickness benefit', 'benchmark.mapped_ydelse_sygedagpenge', 'Y07A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'jobafklaring', 7, 'Jobafklaring', 'Job clarification', 'benchmark.mapped_ydelse_jobafklaring', 'Y12A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'ressourceforloeb', 8, 'Ressourceforløb', 'Resource course', 'benchmark.mapped_ydelse_ressourceforloeb', 'Y11A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'ledighedsydelse', 9, 'Ledighedsydelse', 'Unemployment benefit for flexi-job eligible', 'benchmark.mapped_ydelse_ledighedsydelse', 'Y09A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'fleksjob', 10, 'Fleksjob', 'Flexi-job', 'benchmark.mapped_ydelse_fleksjob', 'Y08A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'foertidspension', 11, 'Førtidspension', 'Disability pension', 'benchmark.mapped_ydelse_foertidspension', 'Y10A02 "Antal fuldtidspersoner"', true);

INSERT INTO benchmark.model_excluded (model, kommune, reason, shipped) VALUES
	('sonderborg-2023', 'Ærø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true),
	('sonderborg-2023', 'Fanø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true),
	('sonderborg-2023', 'Samsø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true),
	('sonderborg-2023', 'Læsø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true);

SELECT pg_catalog.pg_extension_config_dump('benchmark.model', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.model_area', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.model_measure', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.model_benefit', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.model_excluded', 'WHERE NOT shipped');

GRANT SELECT ON benchmark.model, benchmark.model_area, benchmark.model_measure,
	benchmark.model_benefit, benchmark.model_excluded TO PUBLIC;
