/* benchmark 1.2: jobindsats periods, the model catalog, the runner and its reports */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.2'" to load this file. \quit

/*
 * jobindsats period labels: '2022' (year), '2022Q1' (quarter), '2022M03'
 * (month), '2023QMAT01' (four quarters ending with the quarter named).
 */

CREATE FUNCTION @extschema@.period_kind(label text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	parts text[];
BEGIN
	parts := pg_catalog.regexp_match(label, '^([0-9]{4})(?:(M)([0-9]{2})|(Q)([0-9])|(QMAT)([0-9]{2}))?$');
	IF parts IS NULL THEN
		RAISE EXCEPTION 'invalid jobindsats period label: "%"', label
			USING ERRCODE = 'invalid_text_representation',
				DETAIL = 'A period label is a year (2022), a month (2022M03), a quarter (2022Q1) or four quarters ending with a quarter (2023QMAT01).';
	END IF;
	IF parts[1]::integer < 1 THEN
		RAISE EXCEPTION 'jobindsats period label out of range: "%"', label
			USING ERRCODE = 'datetime_field_overflow', DETAIL = 'The year must be 0001 or later.';
	END IF;
	IF parts[2] IS NOT NULL THEN
		IF parts[3]::integer NOT BETWEEN 1 AND 12 THEN
			RAISE EXCEPTION 'jobindsats period label out of range: "%"', label
				USING ERRCODE = 'datetime_field_overflow', DETAIL = 'The month must be 01 to 12.';
		END IF;
		RETURN 'month';
	ELSIF parts[4] IS NOT NULL THEN
		IF parts[5]::integer NOT BETWEEN 1 AND 4 THEN
			RAISE EXCEPTION 'jobindsats period label out of range: "%"', label
				USING ERRCODE = 'datetime_field_overflow', DETAIL = 'The quarter must be 1 to 4.';
		END IF;
		RETURN 'quarter';
	ELSIF parts[6] IS NOT NULL THEN
		IF parts[7]::integer NOT BETWEEN 1 AND 4 THEN
			RAISE EXCEPTION 'jobindsats period label out of range: "%"', label
				USING ERRCODE = 'datetime_field_overflow', DETAIL = 'The last quarter of a QMAT period must be 01 to 04.';
		END IF;
		RETURN 'four quarters';
	END IF;
	RETURN 'year';
END
$$;

COMMENT ON FUNCTION @extschema@.period_kind(text) IS
'The kind of a jobindsats period label: year (2022), quarter (2022Q1), month (2022M03) or four quarters (2023QMAT01); malformed labels are an error (22P02, out-of-range fields 22008)';

CREATE FUNCTION @extschema@.period_start(label text)
RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := @extschema@.period_kind(label);
	y integer := pg_catalog.substr(label, 1, 4)::integer;
BEGIN
	RETURN CASE kind
		WHEN 'year' THEN pg_catalog.make_date(y, 1, 1)
		WHEN 'month' THEN pg_catalog.make_date(y, pg_catalog.substr(label, 6, 2)::integer, 1)
		WHEN 'quarter' THEN pg_catalog.make_date(y, 3 * pg_catalog.substr(label, 6, 1)::integer - 2, 1)
		ELSE (pg_catalog.make_date(y, 3 * pg_catalog.substr(label, 9, 2)::integer - 2, 1)
			  - interval '9 months')::date
	END;
END
$$;

COMMENT ON FUNCTION @extschema@.period_start(text) IS
'The first day of a jobindsats period label (2022 -> 2022-01-01, 2022M03 -> 2022-03-01, 2022Q2 -> 2022-04-01, 2023QMAT01 -> 2022-04-01)';

CREATE FUNCTION @extschema@.period_end(label text)
RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := @extschema@.period_kind(label);
	y integer := pg_catalog.substr(label, 1, 4)::integer;
BEGIN
	RETURN CASE kind
		WHEN 'year' THEN pg_catalog.make_date(y, 12, 31)
		WHEN 'month' THEN (pg_catalog.make_date(y, pg_catalog.substr(label, 6, 2)::integer, 1)
						   + interval '1 month' - interval '1 day')::date
		WHEN 'quarter' THEN (pg_catalog.make_date(y, 3 * pg_catalog.substr(label, 6, 1)::integer - 2, 1)
							 + interval '3 months' - interval '1 day')::date
		ELSE (pg_catalog.make_date(y, 3 * pg_catalog.substr(label, 9, 2)::integer - 2, 1)
			  + interval '3 months' - interval '1 day')::date
	END;
END
$$;

COMMENT ON FUNCTION @extschema@.period_end(text) IS
'The last day of a jobindsats period label (2022 -> 2022-12-31, 2022M02 -> 2022-02-28, 2022Q1 -> 2022-03-31, 2023QMAT01 -> 2023-03-31)';

/*
 * The model catalog.  Rows shipped with the extension have shipped = true;
 * they are read-only (copy a model with model_copy to change it) and are left
 * out of pg_dump, which dumps every row users add.
 */

CREATE FUNCTION @extschema@.model_policy_ok(policy text, allowed text[])
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN policy = ANY (allowed);

COMMENT ON FUNCTION @extschema@.model_policy_ok(text, text[]) IS
'True when a missing-data policy is one of the allowed ones (used by the catalog''s check constraints)';

CREATE TABLE @extschema@.model (
	model text PRIMARY KEY CHECK (model ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	title_da text NOT NULL,
	title_en text NOT NULL,
	goal_da text NOT NULL DEFAULT 'Flest muligt skal være selvforsørgende',
	goal_en text NOT NULL DEFAULT 'As many as possible support themselves',
	goal_weight numeric NOT NULL DEFAULT 7 CHECK (goal_weight >= 0 AND goal_weight < 'Infinity'),
	goal_rule text NOT NULL DEFAULT 'total' CHECK (goal_rule IN ('total', 'rank_sum')),
	goal_missing text NOT NULL DEFAULT 'exclude'
		CHECK (@extschema@.model_policy_ok(goal_missing, '{exclude,worst,scale}')),
	baseline_from integer NOT NULL,
	baseline_to integer NOT NULL,
	total_missing text NOT NULL DEFAULT 'exclude'
		CHECK (@extschema@.model_policy_ok(total_missing, '{exclude,scale}')),
	shipped boolean NOT NULL DEFAULT false,
	CHECK (baseline_from BETWEEN 1 AND baseline_to AND baseline_to <= 9999)
);

COMMENT ON TABLE @extschema@.model IS
'Benchmark models: the overall goal (development of the benefits against a baseline term), its weight and rule, and the missing-data policy of the total';
COMMENT ON COLUMN @extschema@.model.goal_weight IS
'Weight of the goal in the total, relative to the areas'' weights (7 against seven areas of weight 1: the goal weighs half)';
COMMENT ON COLUMN @extschema@.model.goal_rule IS
'total: the goal placement is the placement on "Ydelser i alt" (development of the sum of all benefits); rank_sum: the per-benefit placements are added and ranked again';
COMMENT ON COLUMN @extschema@.model.goal_missing IS
'Missing-data policy of the rank_sum goal rule: exclude, worst or scale';
COMMENT ON COLUMN @extschema@.model.baseline_from IS
'First year of the baseline term (2018 for the council term 2018-2021)';
COMMENT ON COLUMN @extschema@.model.baseline_to IS
'Last year of the baseline term';
COMMENT ON COLUMN @extschema@.model.total_missing IS
'Missing-data policy of the total: exclude (left out of the total) or scale (mean over the placements present)';
COMMENT ON COLUMN @extschema@.model.shipped IS
'True for rows shipped with the extension (read-only, not dumped)';

CREATE TABLE @extschema@.model_area (
	model text NOT NULL REFERENCES @extschema@.model ON UPDATE CASCADE ON DELETE CASCADE,
	area_no integer NOT NULL CHECK (area_no > 0),
	name_da text NOT NULL,
	name_en text NOT NULL,
	weight numeric NOT NULL DEFAULT 1 CHECK (weight >= 0 AND weight < 'Infinity'),
	in_total boolean NOT NULL DEFAULT true,
	missing text NOT NULL DEFAULT 'exclude'
		CHECK (@extschema@.model_policy_ok(missing, '{exclude,worst,scale}')),
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (model, area_no)
);

COMMENT ON TABLE @extschema@.model_area IS
'Focus areas (indsatsområder) of a model: weight in the total, whether the area counts in the total, and its missing-data policy';
COMMENT ON COLUMN @extschema@.model_area.in_total IS
'False for an area that is ranked and reported but does not count in the total';
COMMENT ON COLUMN @extschema@.model_area.missing IS
'What a missing measure value does to the area''s rank sum: exclude (the municipality is left out of the area), worst (counts as last place) or scale (sum scaled to the measures present)';

CREATE TABLE @extschema@.model_measure (
	model text NOT NULL,
	measure text NOT NULL CHECK (measure ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	area_no integer NOT NULL,
	position integer NOT NULL DEFAULT 1 CHECK (position > 0),
	name_da text NOT NULL,
	name_en text NOT NULL,
	description_da text NOT NULL DEFAULT '',
	description_en text NOT NULL DEFAULT '',
	higher_is_better boolean NOT NULL,
	unit text NOT NULL DEFAULT 'pct.',
	source text NOT NULL,
	jobindsats text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (model, measure),
	UNIQUE (model, area_no, position),
	FOREIGN KEY (model, area_no) REFERENCES @extschema@.model_area ON UPDATE CASCADE ON DELETE CASCADE
);

COMMENT ON TABLE @extschema@.model_measure IS
'Measures (målepunkter) of a model''s areas: direction, unit, descriptions and the source relation returning (kommune, period, value)';
COMMENT ON COLUMN @extschema@.model_measure.source IS
'Schema-qualified name of a table or view with columns kommune (text or kommune), period (jobindsats period label) and value (numeric); NULL value = suppressed or missing';
COMMENT ON COLUMN @extschema@.model_measure.jobindsats IS
'Where the source''s numbers come from: jobindsats table ids and columns, or another source';

CREATE TABLE @extschema@.model_benefit (
	model text NOT NULL REFERENCES @extschema@.model ON UPDATE CASCADE ON DELETE CASCADE,
	benefit text NOT NULL CHECK (benefit ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	position integer NOT NULL CHECK (position > 0),
	name_da text NOT NULL,
	name_en text NOT NULL,
	source text NOT NULL,
	jobindsats text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (model, benefit),
	UNIQUE (model, position)
);

COMMENT ON TABLE @extschema@.model_benefit IS
'Benefits (ydelser) of a model''s goal: each source returns full-time persons (kommune, period, value)';

CREATE TABLE @extschema@.model_excluded (
	model text NOT NULL REFERENCES @extschema@.model ON UPDATE CASCADE ON DELETE CASCADE,
	kommune @extschema@.kommune NOT NULL,
	reason text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (model, kommune)
);

COMMENT ON TABLE @extschema@.model_excluded IS
'Municipalities a model does not rank, with the reason';

/* Shipped rows are read-only; users cannot pretend to ship rows. */
CREATE FUNCTION @extschema@.model_protect_shipped()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.shipped THEN
		RAISE EXCEPTION 'rows of the shipped model "%" cannot be changed', OLD.model
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('Table %s holds the preset as shipped with the extension; pg_dump does not keep changes to it.', TG_TABLE_NAME),
				HINT = pg_catalog.format('Copy the model with model_copy(%L, ''my-model'') and change the copy.', OLD.model);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.shipped THEN
		RAISE EXCEPTION 'only the extension can add shipped rows'
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = 'Shipped rows are left out of pg_dump.',
				HINT = 'Insert the row with shipped = false.';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.model_protect_shipped() IS
'Trigger function: keeps the shipped preset rows of the model catalog read-only';

/*
 * The shipped preset: sonderborg-2023 (Beskæftigelsespolitik 2023-2026,
 * "Danmarks bedste jobcenter").  Its sources are the sample mapping views in
 * schema model_sources; replace those views with views over your own
 * jobindsats tables (or copy the model and point it elsewhere).
 */

INSERT INTO @extschema@.model (model, title_da, title_en, goal_weight, goal_rule, baseline_from, baseline_to, shipped)
VALUES ('sonderborg-2023', 'Danmarks bedste jobcenter (Sønderborg-modellen, Beskæftigelsespolitik 2023-2026)',
		'Denmark''s best jobcentre (the Sønderborg model, employment policy 2023-2026)', 7, 'total', 2018, 2021, true);

INSERT INTO @extschema@.model_area (model, area_no, name_da, name_en, weight, in_total, missing, shipped) VALUES
	('sonderborg-2023', 1, 'Virksomhedssamarbejdet', 'Cooperation with businesses', 1, true, 'exclude', true),
	('sonderborg-2023', 2, 'Uddannelse', 'Education', 1, true, 'exclude', true),
	('sonderborg-2023', 3, 'Ledige tæt på job', 'Unemployed close to a job', 1, true, 'exclude', true),
	('sonderborg-2023', 4, 'Unge ledige', 'Young unemployed', 1, true, 'exclude', true),
	('sonderborg-2023', 5, 'Ledige længere fra job', 'Unemployed further from a job', 1, true, 'exclude', true),
	('sonderborg-2023', 6, 'Integration', 'Integration', 1, true, 'exclude', true),
	('sonderborg-2023', 7, 'Sygemeldte', 'Sick-listed', 1, true, 'exclude', true),
	('sonderborg-2023', 8, 'Borgernes tilfredshed', 'Citizen satisfaction', 1, false, 'exclude', true);

INSERT INTO @extschema@.model_measure (model, measure, area_no, position, name_da, name_en, description_da, description_en,
									   higher_is_better, unit, source, jobindsats, shipped) VALUES
	('sonderborg-2023', 'stillingsopslag', 1, 1, 'Oprettede stillingsopslag', 'Job postings',
	 'Antallet af oprettede stillingsopslag i procent af befolkningen (16-66 år).',
	 'Job postings created, in per cent of the population aged 16-66.',
	 true, 'pct.', 'model_sources.stillingsopslag',
	 'Y25I07 "Antal nyopslåede stillinger" (sum of months) / population 16-66 from PTVA02 ("Antal fuldtidspersoner" / "Fuldtidspersoner i pct. af befolkningen 16-66 år")', true),
	('sonderborg-2023', 'virksomhedstilfredshed', 1, 2, 'Virksomhedernes tilfredshed', 'Business satisfaction',
	 'Virksomhedernes tilfredshed med samarbejdet med jobcentret (Dansk Industris årlige måling af kommunernes erhvervsvenlighed).',
	 'Businesses'' satisfaction with the jobcentre (DI''s yearly survey of the local business climate).',
	 true, 'karakter 1-5', 'model_sources.virksomhedstilfredshed',
	 'Not jobindsats: DI "Lokalt Erhvervsklima", supplied by the user', true),
	('sonderborg-2023', 'opkvalificering', 2, 1, 'Opkvalificeringsforløb', 'Upskilling courses',
	 'Antal opkvalificeringsforløb i procent af alle ydelsesgrupper – undtaget fleksjob, førtids- og seniorpension.',
	 'Upskilling courses in per cent of all benefit groups except flexi-jobs, disability and senior pension.',
	 true, 'pct.', 'model_sources.opkvalificering',
	 'PTVC01 "Antal aktiverede" (Tilbud = Vejledning og opkvalificering) / PTVA02 "Antal personer" (all groups minus Fleksjob, Førtidspension, Seniorpension)', true),
	('sonderborg-2023', 'revalidering', 2, 2, 'Revalideringsforløb', 'Vocational rehabilitation',
	 'Antal revalideringsforløb i procent af befolkningen (16-66 år).',
	 'Vocational rehabilitation courses in per cent of the population aged 16-66.',
	 true, 'pct.', 'model_sources.revalidering',
	 'Y04A02 "Antal personer" (yearly mean of months) / population 16-66 from PTVA02', true),
	('sonderborg-2023', 'opkvalificering_dagpenge', 3, 1, 'Opkvalificering af dagpengemodtagere', 'Upskilling of insured unemployed',
	 'Antal opkvalificeringsforløb i procent af dagpengemodtagere.',
	 'Upskilling courses in per cent of recipients of unemployment insurance benefits.',
	 true, 'pct.', 'model_sources.opkvalificering_dagpenge',
	 'Y01C01 "Antal personer" (Tilbud = Opkvalificeringsforløb) / Y01A02 "Antal personer" (yearly mean of months)', true),
	('sonderborg-2023', 'job_efter_26_uger', 3, 2, 'I arbejde efter 26 ugers ledighed', 'In work after 26 weeks',
	 'Procent af dagpengemodtagere og jobparate kontanthjælpsmodtagere, der er i arbejde efter 26 ugers ledighed.',
	 'Per cent of insured and job-ready cash-benefit recipients who are in work after 26 weeks of unemployment.',
	 true, 'pct.', 'model_sources.job_efter_26_uger',
	 'Y14D03 "Efterfølgende beskæftigelse" / "Antal afsluttede forløb" (Ydelsesgrupper = Dagpenge, Jobparate kontanthjælpsmodtagere)', true),
	('sonderborg-2023', 'langtidsledige', 3, 3, 'Langtidsledige', 'Long-term unemployed',
	 'Langtidsledige i procent af dagpengemodtagere.',
	 'Long-term unemployed in per cent of recipients of unemployment insurance benefits.',
	 false, 'pct.', 'model_sources.langtidsledige',
	 'Y25I09 "Antal langtidsledige fuldtidspersoner" / Y25I01 "Antal ledige fuldtidspersoner" (yearly mean of months)', true),
	('sonderborg-2023', 'unge_i_job_og_uddannelse', 4, 1, 'Unge i job og uddannelse', 'Young people in work or education',
	 'Procent af unge, som er i job, uddannelse eller anden selvforsørgelse, tre måneder efter de har forladt jobcentret.',
	 'Per cent of young people in work, education or other self-support three months after leaving the jobcentre.',
	 true, 'pct.', 'model_sources.unge_i_job_og_uddannelse',
	 'Y38B15 "Andel (pct.)", Status = Beskæftigelse + Uddannelse + Anden selvforsørgelse', true),
	('sonderborg-2023', 'ingen_passive_unge', 4, 2, 'Ingen passive unge', 'No passive young people',
	 'Procent af unge på uddannelseshjælp, som er i aktivering.',
	 'Per cent of young people on education benefit who are in activation.',
	 true, 'pct.', 'model_sources.ingen_passive_unge',
	 'PTVC01 "Antal aktiverede" (Ydelsesgrupper = Uddannelseshjælp, Tilbud = I alt) / Y38A02 "Antal personer" (yearly mean of months)', true),
	('sonderborg-2023', 'aktive_aktivitetsparate', 5, 1, 'Aktivitetsparate i virksomhed', 'Activity-ready in companies',
	 'Procent af aktivitetsparate kontanthjælpsmodtagere, der er i virksomhedspraktik, løntilskud eller har ordinære løntimer.',
	 'Per cent of activity-ready cash-benefit recipients in company internship, wage subsidy or ordinary paid hours.',
	 true, 'pct.', 'model_sources.aktive_aktivitetsparate',
	 '(OTIJ01 "Antal personer med ordinære timer" + PTVC01 "Antal aktiverede", Tilbud = Virksomhedspraktik, Løntilskud) / OTIJ01 "Antal personer i alt" (Målgruppe = Aktivitetsparate kontanthjælpsmodtagere)', true),
	('sonderborg-2023', 'ledighed_fleksjob', 5, 2, 'Ledighed blandt fleksjobvisiterede', 'Unemployment among flexi-job eligible',
	 'Ledighedsprocent for borgere, som er i målgruppen for fleksjob.',
	 'Unemployment rate among people eligible for flexi-jobs.',
	 false, 'pct.', 'model_sources.ledighed_fleksjob',
	 'Y09A02 "Antal fuldtidspersoner" / (Y08A02 + Y09A02 "Antal fuldtidspersoner"), yearly means of months', true),
	('sonderborg-2023', 'aktive_ikke_vestlige', 6, 1, 'Ikke-vestlige i aktivering', 'Non-western immigrants in activation',
	 'Procentdel ikke-vestlige indvandrere i aktivering på tværs af alle ydelsesgrupper – undtaget ledighedsydelse, fleksjob, førtids- og seniorpension.',
	 'Per cent of non-western immigrants in activation across benefit groups except unemployment benefit for flexi-job eligible, flexi-jobs, disability and senior pension.',
	 true, 'pct.', 'model_sources.aktive_ikke_vestlige',
	 'PTVC01 "Antal aktiverede" (Herkomst = Ikke-vestlige indvandrere) / PTVA02 "Antal personer" (Herkomst = Ikke-vestlige indvandrere, all groups minus Ledighedsydelse, Fleksjob, Førtidspension, Seniorpension)', true),
	('sonderborg-2023', 'forsoergelsesgab', 6, 2, 'Forsørgelsesgab for ikke-vestlige', 'Support gap of non-western immigrants',
	 'Forskellen mellem procentdel ikke-vestlige indvandrere i befolkningen og procentdel ikke-vestlige indvandrere på offentlig forsørgelse.',
	 'Share of non-western immigrants among people on public support minus their share of the population (percentage points).',
	 false, 'pct.-point', 'model_sources.forsoergelsesgab',
	 'PTVA02 "Antal fuldtidspersoner" and "Fuldtidspersoner i pct. af befolkningen 16-66 år", Herkomst = Ikke-vestlige indvandrere against I alt', true),
	('sonderborg-2023', 'delvis_raskmelding', 7, 1, 'Delvis raskmelding', 'Partial return to work',
	 'Sygemeldte med delvis raskmelding i procent.',
	 'Sick-listed with partial return to work, in per cent.',
	 true, 'pct.', 'model_sources.delvis_raskmelding',
	 'Not found in jobindsats: supplied by the user (e.g. from the municipality''s case system)', true),
	('sonderborg-2023', 'borgertilfredshed', 8, 1, 'Borgernes tilfredshed', 'Citizen satisfaction',
	 'Andel borgere, der er tilfredse med mødet og samarbejdet med jobcentret (spørgeundersøgelse hvert tredje år).',
	 'Share of citizens satisfied with the jobcentre (survey every third year).',
	 true, 'pct.', 'model_sources.borgertilfredshed',
	 'Not jobindsats: the municipality''s own citizen survey, supplied by the user', true);

INSERT INTO @extschema@.model_benefit (model, benefit, position, name_da, name_en, source, jobindsats, shipped) VALUES
	('sonderborg-2023', 'dagpenge', 1, 'Dagpenge', 'Unemployment insurance benefit', 'model_sources.ydelse_dagpenge', 'Y01A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'kontanthjaelp', 2, 'Kontanthjælp', 'Cash benefit', 'model_sources.ydelse_kontanthjaelp', 'Y60A02 "Antal fuldtidspersoner" (Y36A02 before 2020)', true),
	('sonderborg-2023', 'uddannelseshjaelp', 3, 'Uddannelseshjælp', 'Education benefit', 'model_sources.ydelse_uddannelseshjaelp', 'Y38A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'revalidering', 4, 'Revalidering', 'Vocational rehabilitation', 'model_sources.ydelse_revalidering', 'Y04A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'integration', 5, 'Integration', 'Integration benefit', 'model_sources.ydelse_integration', 'Y35A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'sygedagpenge', 6, 'Sygedagpenge', 'Sickness benefit', 'model_sources.ydelse_sygedagpenge', 'Y07A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'jobafklaring', 7, 'Jobafklaring', 'Job clarification', 'model_sources.ydelse_jobafklaring', 'Y12A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'ressourceforloeb', 8, 'Ressourceforløb', 'Resource course', 'model_sources.ydelse_ressourceforloeb', 'Y11A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'ledighedsydelse', 9, 'Ledighedsydelse', 'Unemployment benefit for flexi-job eligible', 'model_sources.ydelse_ledighedsydelse', 'Y09A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'fleksjob', 10, 'Fleksjob', 'Flexi-job', 'model_sources.ydelse_fleksjob', 'Y08A02 "Antal fuldtidspersoner"', true),
	('sonderborg-2023', 'foertidspension', 11, 'Førtidspension', 'Disability pension', 'model_sources.ydelse_foertidspension', 'Y10A02 "Antal fuldtidspersoner"', true);

INSERT INTO @extschema@.model_excluded (model, kommune, reason, shipped) VALUES
	('sonderborg-2023', 'Ærø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true),
	('sonderborg-2023', 'Fanø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true),
	('sonderborg-2023', 'Samsø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true),
	('sonderborg-2023', 'Læsø', 'For få borgere i beskæftigelsesindsatsen (too few citizens in the employment effort)', true);

CREATE TRIGGER model_protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.model
	FOR EACH ROW EXECUTE FUNCTION @extschema@.model_protect_shipped();
CREATE TRIGGER model_protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.model_area
	FOR EACH ROW EXECUTE FUNCTION @extschema@.model_protect_shipped();
CREATE TRIGGER model_protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.model_measure
	FOR EACH ROW EXECUTE FUNCTION @extschema@.model_protect_shipped();
CREATE TRIGGER model_protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.model_benefit
	FOR EACH ROW EXECUTE FUNCTION @extschema@.model_protect_shipped();
CREATE TRIGGER model_protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.model_excluded
	FOR EACH ROW EXECUTE FUNCTION @extschema@.model_protect_shipped();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.model', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.model_area', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.model_measure', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.model_benefit', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.model_excluded', 'WHERE NOT shipped');

GRANT SELECT ON @extschema@.model, @extschema@.model_area, @extschema@.model_measure,
	@extschema@.model_benefit, @extschema@.model_excluded TO PUBLIC;

CREATE FUNCTION @extschema@.model_copy(source_model text, new_model text)
RETURNS text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.model m WHERE m.model = source_model) THEN
		RAISE EXCEPTION 'model "%" does not exist', source_model
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table model.';
	END IF;
	INSERT INTO @extschema@.model (model, title_da, title_en, goal_da, goal_en, goal_weight, goal_rule, goal_missing,
								   baseline_from, baseline_to, total_missing)
	SELECT new_model, title_da, title_en, goal_da, goal_en, goal_weight, goal_rule, goal_missing,
		   baseline_from, baseline_to, total_missing
	FROM @extschema@.model m WHERE m.model = source_model;
	INSERT INTO @extschema@.model_area (model, area_no, name_da, name_en, weight, in_total, missing)
	SELECT new_model, area_no, name_da, name_en, weight, in_total, missing
	FROM @extschema@.model_area a WHERE a.model = source_model;
	INSERT INTO @extschema@.model_measure (model, measure, area_no, position, name_da, name_en, description_da,
										   description_en, higher_is_better, unit, source, jobindsats)
	SELECT new_model, measure, area_no, position, name_da, name_en, description_da,
		   description_en, higher_is_better, unit, source, jobindsats
	FROM @extschema@.model_measure x WHERE x.model = source_model;
	INSERT INTO @extschema@.model_benefit (model, benefit, position, name_da, name_en, source, jobindsats)
	SELECT new_model, benefit, position, name_da, name_en, source, jobindsats
	FROM @extschema@.model_benefit b WHERE b.model = source_model;
	INSERT INTO @extschema@.model_excluded (model, kommune, reason)
	SELECT new_model, kommune, reason
	FROM @extschema@.model_excluded e WHERE e.model = source_model;
	RETURN new_model;
END
$$;

COMMENT ON FUNCTION @extschema@.model_copy(text, text) IS
'Copies a model (the shipped preset or your own) with its areas, measures, benefits and exclusions under a new name, as ordinary editable rows';

/*
 * The runner
 */

/* Checks one source relation and returns its quoted name for dynamic SQL. */
CREATE FUNCTION @extschema@.model_source_check(model text, what text, item text, source text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
	cols text;
	missing text;
BEGIN
	BEGIN
		rel := pg_catalog.to_regclass(source);
	EXCEPTION WHEN OTHERS THEN
		rel := NULL;
	END;
	IF rel IS NULL THEN
		RAISE EXCEPTION 'source of % "%" in model "%" does not exist: %', what, item, model, source
			USING ERRCODE = 'undefined_table',
				HINT = 'Create the relation, or point the model at another one; names are resolved with search_path = pg_catalog, so qualify them with their schema.';
	END IF;
	IF NOT (pg_catalog.has_table_privilege(rel, 'SELECT')
			OR pg_catalog.has_column_privilege(rel, 'kommune', 'SELECT')
			   AND pg_catalog.has_column_privilege(rel, 'period', 'SELECT')
			   AND pg_catalog.has_column_privilege(rel, 'value', 'SELECT')) THEN
		RAISE EXCEPTION 'permission denied for source % of % "%" in model "%"', rel, what, item, model
			USING ERRCODE = 'insufficient_privilege',
				HINT = pg_catalog.format('The runner reads sources with your own privileges: ask for GRANT SELECT ON %s.', rel);
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
	INTO cols
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped;
	SELECT pg_catalog.string_agg(c, ', ') INTO missing
	FROM pg_catalog.unnest('{kommune,period,value}'::text[]) c
	WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					  WHERE a.attrelid = rel AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'source % of % "%" in model "%" lacks column(s) %', rel, what, item, model, missing
			USING ERRCODE = 'undefined_column',
				DETAIL = pg_catalog.format('The source has the columns: %s.', coalesce(cols, 'none')),
				HINT = 'A source returns (kommune text or kommune, period text, value numeric): rename its columns in a view.';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
			   WHERE a.attrelid = rel AND a.attname = 'value' AND a.attnum > 0 AND NOT a.attisdropped
				 AND a.atttypid NOT IN ('numeric'::regtype, 'integer'::regtype, 'bigint'::regtype, 'smallint'::regtype,
										'real'::regtype, 'double precision'::regtype)) THEN
		RAISE EXCEPTION 'column value of source % of % "%" in model "%" is not a number', rel, what, item, model
			USING ERRCODE = 'datatype_mismatch',
				DETAIL = pg_catalog.format('The source has the columns: %s.', cols),
				HINT = 'Convert the value to numeric in a view; suppressed cells are NULL, never 0.';
	END IF;
	RETURN rel::text;
END
$$;

COMMENT ON FUNCTION @extschema@.model_source_check(text, text, text, text) IS
'Checks that a measure''s or benefit''s source exists, can be read by the current user and has the columns kommune, period and value; returns its name';

/* The UNION ALL of every source of a model, as SQL text. */
CREATE FUNCTION @extschema@.model_sources_sql(model text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
	q text := '';
BEGIN
	FOR s IN
		SELECT 'measure' AS what, x.measure AS item, x.source FROM @extschema@.model_measure x WHERE x.model = $1
		UNION ALL
		SELECT 'benefit', b.benefit, b.source FROM @extschema@.model_benefit b WHERE b.model = $1
		ORDER BY 1, 2
	LOOP
		IF q <> '' THEN
			q := q || E'\nUNION ALL ';
		END IF;
		q := q || pg_catalog.format('SELECT %L::text AS what, %L::text AS item, s.kommune::text AS k, s.period::text AS period, s.value::numeric AS v FROM %s s',
									 s.what, s.item, @extschema@.model_source_check($1, s.what, s.item, s.source));
	END LOOP;
	IF q = '' THEN
		q := 'SELECT NULL::text AS what, NULL::text AS item, NULL::text AS k, NULL::text AS period, NULL::numeric AS v WHERE false';
	END IF;
	RETURN q;
END
$$;

COMMENT ON FUNCTION @extschema@.model_sources_sql(text) IS
'The SQL text reading every source of a model as (what, item, k, period, v), after checking each source';

/* The canonical name of a municipality (text in, name out), NULL if unknown. */
CREATE FUNCTION @extschema@.model_kommune_or_null(name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN (name::@extschema@.kommune)::text;
EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.model_kommune_or_null(text) IS
'The municipality''s name as the kommune type prints it, or NULL when the text names no municipality';

/* Raises the first data error of a model's sources, naming the measure and rows. */
CREATE FUNCTION @extschema@.model_source_errors(model text, sources_sql text)
RETURNS void
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
BEGIN
	/*
	 * One pass over the sources: rows without municipality or period, NaN
	 * values, unknown municipalities, malformed periods, and two rows for one
	 * municipality and period (also through two spellings of one name).  Each
	 * distinct name is looked up once.
	 */
	EXECUTE pg_catalog.format($q$
		WITH s AS MATERIALIZED (%s),
		names AS MATERIALIZED (
			SELECT d.k, @extschema@.model_kommune_or_null(d.k) AS kommune
			FROM (SELECT DISTINCT s.k FROM s WHERE s.k IS NOT NULL) d
		),
		bad AS (
			SELECT s.what, s.item, s.k, s.period, s.v,
				   CASE WHEN s.k IS NULL THEN 1 WHEN s.period IS NULL THEN 2 WHEN n.kommune IS NULL THEN 3
						WHEN s.period !~ '^[0-9]{4}((M(0[1-9]|1[0-2]))|(Q[1-4])|(QMAT0[1-4]))?$' THEN 4
						WHEN s.v = 'NaN' THEN 5 END AS problem
			FROM s LEFT JOIN names n ON n.k = s.k
		),
		dup_keys AS (
			SELECT s.what, s.item, n.kommune, s.period
			FROM s JOIN names n ON n.k = s.k
			WHERE n.kommune IS NOT NULL AND s.period IS NOT NULL
			GROUP BY s.what, s.item, n.kommune, s.period
			HAVING pg_catalog.count(*) > 1
		),
		dup AS (
			SELECT d.what, d.item, d.kommune, d.period,
				   pg_catalog.string_agg(pg_catalog.format('(%%s, %%s, %%s)', pg_catalog.quote_literal(s.k), pg_catalog.quote_literal(s.period), coalesce(s.v::text, 'NULL')), ', ' ORDER BY s.k, s.v) AS rows
			FROM dup_keys d
			JOIN names n ON n.kommune = d.kommune
			JOIN s ON s.what = d.what AND s.item = d.item AND s.k = n.k AND s.period = d.period
			GROUP BY d.what, d.item, d.kommune, d.period
		),
		problems AS (
			SELECT b.what, b.item, b.problem, pg_catalog.count(*) AS n,
				   pg_catalog.string_agg(pg_catalog.format('(%%s, %%s, %%s)', pg_catalog.quote_nullable(b.k), pg_catalog.quote_nullable(b.period), coalesce(b.v::text, 'NULL')), ', ' ORDER BY b.k, b.period) AS rows
			FROM bad b WHERE b.problem IS NOT NULL
			GROUP BY b.what, b.item, b.problem
			UNION ALL
			SELECT d.what, d.item, 6, pg_catalog.count(*), pg_catalog.string_agg(d.rows, '; ' ORDER BY d.kommune, d.period)
			FROM dup d GROUP BY d.what, d.item
		)
		SELECT * FROM problems ORDER BY what DESC, item, problem LIMIT 1$q$, sources_sql)
	INTO r;
	IF r.item IS NULL THEN
		RETURN;
	END IF;
	IF r.problem IN (1, 2) THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has % row(s) without a %', r.what, r.item, model, r.n,
			CASE r.problem WHEN 1 THEN 'municipality' ELSE 'period' END
			USING ERRCODE = 'not_null_violation',
				DETAIL = pg_catalog.format('Offending rows (kommune, period, value): %s.', pg_catalog.left(r.rows, 2000)),
				HINT = 'Leave out rows that are not about one municipality and period.';
	ELSIF r.problem = 3 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" names an unknown municipality (% row(s))', r.what, r.item, model, r.n
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('Offending rows (kommune, period, value): %s.', pg_catalog.left(r.rows, 2000)),
				HINT = 'Map area names to municipalities in the source view and leave out regions, RAR areas and "Hele landet".';
	ELSIF r.problem = 4 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has malformed period labels (% row(s))', r.what, r.item, model, r.n
			USING ERRCODE = 'invalid_text_representation',
				DETAIL = pg_catalog.format('Offending rows (kommune, period, value): %s.', pg_catalog.left(r.rows, 2000)),
				HINT = 'Periods are jobindsats labels: 2022, 2022M03, 2022Q1, 2023QMAT01.';
	ELSIF r.problem = 5 THEN
		RAISE EXCEPTION 'source of % "%" in model "%" has NaN values (% row(s))', r.what, r.item, model, r.n
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('Offending rows (kommune, period, value): %s.', pg_catalog.left(r.rows, 2000)),
				HINT = 'Write NULL for a missing or suppressed value.';
	ELSE
		RAISE EXCEPTION 'source of % "%" in model "%" has more than one row for a municipality and period (% case(s))', r.what, r.item, model, r.n
			USING ERRCODE = 'cardinality_violation',
				DETAIL = pg_catalog.format('Duplicate rows (kommune, period, value): %s.', pg_catalog.left(r.rows, 2000)),
				HINT = 'Filter the source to one row per municipality and period (check the dimension columns, e.g. Køn = I alt, and spelling variants of names).';
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.model_source_errors(text, text) IS
'Checks the rows of a model''s sources: municipality and period present and valid, no NaN, one row per municipality and period; raises an error naming the measure and the rows';

CREATE FUNCTION @extschema@.model_rankings(model_name text, periods text[] DEFAULT NULL)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer,
			   item_key text, item text, weight numeric, ranking @extschema@.ranking)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.model;
	src text;
BEGIN
	SELECT * INTO m FROM @extschema@.model x WHERE x.model = $1;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'model "%" does not exist', $1
			USING ERRCODE = 'undefined_object', HINT = 'The models are listed in table model.';
	END IF;
	IF periods IS NOT NULL THEN
		PERFORM @extschema@.period_kind(p) FROM pg_catalog.unnest(periods) p;
	END IF;
	src := @extschema@.model_sources_sql($1);
	PERFORM @extschema@.model_source_errors($1, src);

	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH raw AS MATERIALIZED (
		SELECT s.what, s.item, (s.k::@extschema@.kommune)::text AS kommune, s.period, s.v FROM (%s) s
	),
	kept AS MATERIALIZED (
		SELECT r.* FROM raw r
		WHERE NOT EXISTS (SELECT 1 FROM @extschema@.model_excluded x WHERE x.model = $1 AND x.kommune::text = r.kommune)
	),
	universe AS (SELECT DISTINCT kommune FROM kept),
	per AS (
		SELECT p AS period, @extschema@.period_kind(p) AS kind
		FROM (SELECT pg_catalog.unnest($2) AS p
			  UNION
			  SELECT DISTINCT k.period FROM kept k WHERE $2 IS NULL) x
	),
	measures AS (SELECT * FROM @extschema@.model_measure x WHERE x.model = $1),
	measure_rankings AS (
		SELECT per.period, mm.area_no, mm.position, mm.measure, mm.name_da,
			   @extschema@.rank_values(u.kommune, k.v::float8, mm.higher_is_better) AS ranking
		FROM per CROSS JOIN measures mm CROSS JOIN universe u
		LEFT JOIN kept k ON k.what = 'measure' AND k.item = mm.measure AND k.kommune = u.kommune AND k.period = per.period
		GROUP BY per.period, mm.area_no, mm.position, mm.measure, mm.name_da
	),
	areas AS (SELECT * FROM @extschema@.model_area x WHERE x.model = $1),
	area_rankings AS (
		SELECT mr.period, a.area_no, a.name_da, a.weight, a.in_total,
			   @extschema@.rank_sum_rerank(mr.ranking, a.missing) AS ranking
		FROM measure_rankings mr JOIN areas a USING (area_no)
		GROUP BY mr.period, a.area_no, a.name_da, a.weight, a.in_total, a.missing
	),
	benefits AS (SELECT * FROM @extschema@.model_benefit x WHERE x.model = $1),
	base_rows AS (
		SELECT k.item AS benefit, k.kommune, @extschema@.period_kind(k.period) AS kind, k.period, k.v
		FROM kept k
		WHERE k.what = 'benefit'
		  AND @extschema@.period_start(k.period) >= pg_catalog.make_date($3, 1, 1)
		  AND @extschema@.period_end(k.period) <= pg_catalog.make_date($4, 12, 31)
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
		LEFT JOIN kept k ON k.what = 'benefit' AND k.item = b.benefit AND k.kommune = u.kommune AND k.period = per.period
		LEFT JOIN baseline bl ON bl.benefit = b.benefit AND bl.kommune = u.kommune AND bl.kind = per.kind
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
		SELECT a.period,
			   CASE WHEN $5 = 'total' THEN a.ranking
					ELSE (SELECT @extschema@.rank_sum_rerank(br.ranking, $6) FROM benefit_rankings br WHERE br.period = a.period)
			   END AS ranking
		FROM all_benefits a
	),
	total AS (
		SELECT x.period, @extschema@.weighted_placement(x.ranking, x.weight, $8) AS ranking
		FROM (SELECT g.period, g.ranking, $7::numeric AS weight FROM goal g
			  UNION ALL
			  SELECT ar.period, ar.ranking, ar.weight FROM area_rankings ar WHERE ar.in_total) x
		GROUP BY x.period
	)
	SELECT $1, t.period, 'total', NULL::integer, NULL::text, 0, 'total', 'Samlet placering', NULL::numeric, t.ranking FROM total t
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
	$q$, src)
	USING $1, periods, m.baseline_from, m.baseline_to, m.goal_rule, m.goal_missing, m.goal_weight, m.total_missing, m.goal_da;
END
$$;

COMMENT ON FUNCTION @extschema@.model_rankings(text, text[]) IS
'Runs a model for the given periods (NULL: every period found in its sources) and returns each ranking: per measure, area, benefit, the goal and the total';

/* Placements as plain columns: the core of model_placements. */
CREATE FUNCTION @extschema@.model_placements_for(model_name text, periods text[])
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH p AS MATERIALIZED (
		SELECT r.model, r.period, r.part, r.area_no, r.area, r.item_no, r.item_key, r.item, r.weight,
			   u.entity AS kommune, u.score, u.placement, @extschema@.ranked_count(r.ranking) AS ranked
		FROM @extschema@.model_rankings(model_placements_for.model_name, model_placements_for.periods) r,
			 @extschema@.unnest(r.ranking) u
	),
	missing AS (
		SELECT q.period, q.kommune,
			   CASE WHEN q.part = 'measure' THEN 'area:' || q.area_no
					WHEN q.part = 'benefit' THEN 'goal'
					ELSE 'total' END AS part_of,
			   pg_catalog.string_agg(q.item, ', ' ORDER BY q.area_no, q.item_no) AS items
		FROM p q
		WHERE q.placement IS NULL AND (q.part IN ('measure', 'benefit', 'goal') OR (q.part = 'area' AND q.weight IS NOT NULL))
		GROUP BY 1, 2, 3
	)
	SELECT p.model, p.period, p.part, p.area_no, p.area, p.item_no, p.item_key, p.item, p.weight, p.kommune,
		   CASE WHEN p.part IN ('measure', 'benefit') THEN p.score END,
		   p.score, p.placement, p.ranked,
		   CASE WHEN p.placement IS NOT NULL THEN NULL
				WHEN p.part = 'measure' THEN 'no value (suppressed or missing)'
				WHEN p.part = 'benefit' THEN 'no development (level or full baseline missing, or a zero baseline)'
				ELSE 'missing: ' || coalesce(x.items, 'no data')
		   END
	FROM p LEFT JOIN missing x
	  ON p.placement IS NULL AND x.period = p.period AND x.kommune = p.kommune
	 AND x.part_of = CASE p.part WHEN 'area' THEN p.item_key WHEN 'goal' THEN 'goal' WHEN 'total' THEN 'total' END;
END;

COMMENT ON FUNCTION @extschema@.model_placements_for(text, text[]) IS
'Every placement of a model for the given periods (NULL: all) as plain columns; model_placements calls it';

CREATE FUNCTION @extschema@.model_placements(model_name text, period_label text)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM @extschema@.model_placements_for(model_placements.model_name, ARRAY[model_placements.period_label]);
END;

COMMENT ON FUNCTION @extschema@.model_placements(text, text) IS
'Every placement of a model in one period: the total, the goal, each benefit, each area and each measure, per municipality, with values, scores, placements and why a municipality was left out';

CREATE FUNCTION @extschema@.model_placements(model_name text)
RETURNS TABLE (model text, period text, part text, area_no integer, area text, item_no integer, item_key text,
			   item text, weight numeric, kommune text, value numeric, score numeric, placement integer,
			   ranked integer, note text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT * FROM @extschema@.model_placements_for(model_placements.model_name, NULL::text[]);
END;

COMMENT ON FUNCTION @extschema@.model_placements(text) IS
'Every placement of a model in every period found in its sources (placements over time)';

CREATE FUNCTION @extschema@.model_left_out(model_name text, period_label text DEFAULT NULL)
RETURNS TABLE (model text, period text, kommune text, part text, area_no integer, item text, reason text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH p AS MATERIALIZED (
		SELECT * FROM @extschema@.model_placements_for(model_left_out.model_name,
			CASE WHEN model_left_out.period_label IS NOT NULL THEN ARRAY[model_left_out.period_label] END)
	)
	SELECT p.model, p.period, p.kommune, p.part, p.area_no, p.item, p.note
	FROM p WHERE p.placement IS NULL
	UNION ALL
	SELECT x.model, per.period, x.kommune::text, 'model', NULL::integer, NULL::text, 'excluded municipality: ' || x.reason
	FROM @extschema@.model_excluded x, (SELECT DISTINCT p.period FROM p) per
	WHERE x.model = model_left_out.model_name
	ORDER BY 2, 3, 4 DESC, 5, 6;
END;

COMMENT ON FUNCTION @extschema@.model_left_out(text, text) IS
'Who was left out of what and why, per period (NULL: all periods): excluded municipalities, missing or suppressed values, and the areas, goal and total they cost';

CREATE FUNCTION @extschema@.model_scorecard(model_name text, kommune_name text, period_label text)
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
	FROM @extschema@.model_placements_for(model_scorecard.model_name, ARRAY[model_scorecard.period_label]) p
	WHERE p.kommune = (model_scorecard.kommune_name::@extschema@.kommune)::text
	ORDER BY 1;
END;

COMMENT ON FUNCTION @extschema@.model_scorecard(text, text, text) IS
'One municipality''s scorecard for a period: the total; the goal per benefit (Ydelse / Placering); per area each measure''s value and rank, the rank sum (Mellemregning) and the area placement';
