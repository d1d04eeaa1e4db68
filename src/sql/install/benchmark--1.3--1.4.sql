/*
 * benchmark 1.3 -> 1.4: what 1.4 changes in place.  The Makefile
 * appends the layers that hold no tables or types (the C period parser, the
 * catalog rules, the runner, targets, the jobindsats readers ...) with
 * CREATE OR REPLACE, which replaces what this part moved and creates what is
 * new.
 *
 * 1.4 moves the catalog, the runner and the reports from the extension's
 * schema into schema benchmark; the types and aggregates stay where they are.
 * The catalog tables keep their rows, and user objects built on the runner
 * keep working: both are moved, not re-created.
 */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.4'" to load this file. \quit

CREATE SCHEMA benchmark;

COMMENT ON SCHEMA benchmark IS
'The benchmark extension''s catalog, runner and reports (the engine''s types and aggregates are in the schema the extension was created in)';

GRANT USAGE ON SCHEMA benchmark TO PUBLIC;

/*
 * 1.3's functions and views that users may have built on (views, materialized
 * views, their own functions) move to schema benchmark as they are, so that
 * what depends on them survives; the layers appended below then replace
 * their definitions (CREATE OR REPLACE, same signatures).
 */
ALTER FUNCTION @extschema@.period_kind(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_start(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_end(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_index(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_from_index(text, integer) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_previous(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.period_series(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_copy(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_rankings(text, text[]) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_placements_for(text, text[]) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_placements(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_placements(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_left_out(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.model_scorecard(text, text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.peer_group_copy(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.peer_averages(text, text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_level_at(text, date) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_status_for(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_scorecard(text, text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_source_has_ratio(text) SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_validate() SET SCHEMA benchmark;
ALTER FUNCTION @extschema@.target_milestone_validate() SET SCHEMA benchmark;
ALTER VIEW @extschema@.target_status SET SCHEMA benchmark;
ALTER VIEW @extschema@.peer_groups SET SCHEMA benchmark;
ALTER VIEW @extschema@.target_source SET SCHEMA benchmark;

/* 1.3's internal triggers and helpers: 1.4 has one shipped-row trigger and one source check. */
DROP TRIGGER model_protect_shipped ON @extschema@.model;
DROP TRIGGER model_protect_shipped ON @extschema@.model_area;
DROP TRIGGER model_protect_shipped ON @extschema@.model_measure;
DROP TRIGGER model_protect_shipped ON @extschema@.model_benefit;
DROP TRIGGER model_protect_shipped ON @extschema@.model_excluded;
DROP TRIGGER protect_shipped ON @extschema@.peer_group;
DROP TRIGGER protect_shipped ON @extschema@.peer_group_member;
DROP TRIGGER validate ON @extschema@.peer_group_member;
DROP TRIGGER protect_shipped ON @extschema@.target;
DROP TRIGGER protect_shipped ON @extschema@.target_milestone;
DROP FUNCTION @extschema@.model_protect_shipped();
DROP FUNCTION @extschema@.target_protect_shipped();
DROP FUNCTION @extschema@.peer_group_member_validate();
DROP FUNCTION @extschema@.target_source_problem(text);
DROP FUNCTION @extschema@.model_source_errors(text, text);
DROP FUNCTION @extschema@.model_kommune_or_null(text);
DROP FUNCTION @extschema@.model_sources_sql(text);
DROP FUNCTION @extschema@.model_source_check(text, text, text, text);

/* Check constraints that called a plpgsql helper: the policies are plain lists now. */
ALTER TABLE @extschema@.model DROP CONSTRAINT model_goal_missing_check;
ALTER TABLE @extschema@.model DROP CONSTRAINT model_total_missing_check;
ALTER TABLE @extschema@.model_area DROP CONSTRAINT model_area_missing_check;
DROP FUNCTION @extschema@.model_policy_ok(text, text[]);

/* The catalog tables move with their rows. */
ALTER TABLE @extschema@.model SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_area SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_measure SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_benefit SET SCHEMA benchmark;
ALTER TABLE @extschema@.model_excluded SET SCHEMA benchmark;
ALTER TABLE @extschema@.peer_group SET SCHEMA benchmark;
ALTER TABLE @extschema@.peer_group_member SET SCHEMA benchmark;
ALTER TABLE @extschema@.target SET SCHEMA benchmark;
ALTER TABLE @extschema@.target_milestone SET SCHEMA benchmark;

/* Every constraint has an explicit name. */
ALTER TABLE benchmark.model RENAME CONSTRAINT model_model_check TO model_name_format;
ALTER TABLE benchmark.model RENAME CONSTRAINT model_goal_weight_check TO model_goal_weight_finite;
ALTER TABLE benchmark.model RENAME CONSTRAINT model_goal_rule_check TO model_goal_rule_known;
ALTER TABLE benchmark.model RENAME CONSTRAINT model_check TO model_baseline_years;
ALTER TABLE benchmark.model_area RENAME CONSTRAINT model_area_area_no_check TO model_area_no_positive;
ALTER TABLE benchmark.model_area RENAME CONSTRAINT model_area_weight_check TO model_area_weight_finite;
ALTER TABLE benchmark.model_measure RENAME CONSTRAINT model_measure_measure_check TO model_measure_name_format;
ALTER TABLE benchmark.model_measure RENAME CONSTRAINT model_measure_position_check TO model_measure_position_positive;
ALTER TABLE benchmark.model_measure RENAME CONSTRAINT model_measure_model_area_no_position_key TO model_measure_position_unique;
ALTER TABLE benchmark.model_benefit RENAME CONSTRAINT model_benefit_benefit_check TO model_benefit_name_format;
ALTER TABLE benchmark.model_benefit RENAME CONSTRAINT model_benefit_position_check TO model_benefit_position_positive;
ALTER TABLE benchmark.model_benefit RENAME CONSTRAINT model_benefit_model_position_key TO model_benefit_position_unique;

/*
 * No foreign keys between the catalog tables: a parallel pg_restore loads
 * them in any order.  Triggers check and carry the references instead
 * (sql/layers/52_catalog_references.sql).
 */
ALTER TABLE benchmark.model_area DROP CONSTRAINT model_area_model_fkey;
ALTER TABLE benchmark.model_measure DROP CONSTRAINT model_measure_model_area_no_fkey;
ALTER TABLE benchmark.model_benefit DROP CONSTRAINT model_benefit_model_fkey;
ALTER TABLE benchmark.model_excluded DROP CONSTRAINT model_excluded_model_fkey;
ALTER TABLE benchmark.peer_group_member DROP CONSTRAINT peer_group_member_peer_group_fkey;
ALTER TABLE benchmark.target DROP CONSTRAINT target_peer_group_fkey;
ALTER TABLE benchmark.target DROP CONSTRAINT target_model_measure_fkey;
ALTER TABLE benchmark.target DROP CONSTRAINT target_model_benefit_fkey;
ALTER TABLE benchmark.target_milestone DROP CONSTRAINT target_milestone_target_fkey;

/* The policies are plain lists now. */
ALTER TABLE benchmark.model ADD CONSTRAINT model_goal_missing_known CHECK (goal_missing IN ('exclude', 'worst', 'scale'));
ALTER TABLE benchmark.model ADD CONSTRAINT model_total_missing_known CHECK (total_missing IN ('exclude', 'scale'));
ALTER TABLE benchmark.model_area ADD CONSTRAINT model_area_missing_known CHECK (missing IN ('exclude', 'worst', 'scale'));

COMMENT ON COLUMN benchmark.model_measure.source IS
'Schema-qualified name of a table, view or materialized view with columns kommune (text or kommune), period (jobindsats period label) and value (a number); NULL value = suppressed or missing';

/*
 * The preset and the shipped targets follow the plans more closely (1.4):
 * area 8 (Borgernes tilfredshed) ranks nobody, as the plan counts it for
 * Sønderborg alone, which follows it as a target; langtidsledige are read among
 * A-dagpenge recipients (Y25I09); forsørgelsesgab is the rate reading; more
 * example targets.  The catalog's shipped-row triggers are created by the
 * layers appended below, so these statements run before them.
 */
DELETE FROM benchmark.model_measure WHERE model = 'sonderborg-2023' AND measure = 'borgertilfredshed';
UPDATE benchmark.model_measure SET description_en = 'Long-term unemployed in per cent of recipients of unemployment insurance benefits (among the gross unemployed on A-dagpenge).',
	jobindsats = 'Y25I09, Ydelsesgrupper = A-dagpenge: "Antal langtidsledige personer" / "Antal bruttoledige personer" (sums of the months; the yearly form of "Andel langtidsledige personer ift. bruttoledige personer")'
WHERE model = 'sonderborg-2023' AND measure = 'langtidsledige';
UPDATE benchmark.model_measure SET description_en = 'Per cent of non-western immigrants (16-66) on public support minus per cent of the whole population (16-66) on public support (percentage points; the rate reading, see the README for the other).',
	jobindsats = 'PTVA02 "Fuldtidspersoner i pct. af befolkningen 16-66 år", Ydelsesgrupper = Alle ydelsesgrupper: Herkomst = Ikke-vestlige indvandrere minus Herkomst = I alt'
WHERE model = 'sonderborg-2023' AND measure = 'forsoergelsesgab';
UPDATE benchmark.model_measure SET jobindsats = 'Not found in jobindsats (its sygedagpenge tables Y07… give stocks, activation and status after the benefit, not partial returns): supplied by the user, e.g. from the municipality''s case system'
WHERE model = 'sonderborg-2023' AND measure = 'delvis_raskmelding';
UPDATE benchmark.target SET note = 'Follows the model''s measure langtidsledige: Y25I09, Ydelsesgrupper = A-dagpenge, "Antal langtidsledige personer" / "Antal bruttoledige personer" (the yearly form of "Andel langtidsledige personer ift. bruttoledige personer"), sums of the months; "med udgangen af 2019" read as the year 2019.'
WHERE target = 'aabenraa-2019-langtidsledige';
UPDATE benchmark.target SET note = 'The insured half of the target: follows the model''s measure langtidsledige (Y25I09, Ydelsesgrupper = A-dagpenge, long-term unemployed among gross unemployed persons); aabenraa-2022-langtidsledige-kontanthjaelp is the job-ready kontanthjælp half. The average is the simple mean of the municipal shares, because the model''s source gives no numerator and denominator.'
WHERE target = 'aabenraa-2022-langtidsledige';
INSERT INTO benchmark.target (target, kommune, plan, title, model, measure, benefit, source, unit, kind, direction, strict,
								level, due, interpolate, baseline_period, change_pct, per_year, peer_group, peer_average,
								first_period, last_period, note, shipped) VALUES
	('sonderborg-2023-borgertilfredshed', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsespolitik 2023-2026',
	 'Indsatsområde 8. Borgernes tilfredshed kan ikke opgøres for alle kommuner og tæller derfor ikke med i den samlede opgørelse. Derfor er der opstillet et særskilt mål for Sønderborg Kommune. Hvert tredje år spørger vi borgerne, hvordan de har oplevet mødet og samarbejdet med jobcentret: om de 1. oplever, at jobcentret tror på dem og deres muligheder, 2. føler sig hørt og forstået og godt behandlet, 3. oplever, at de bliver hjulpet på vej mod job eller uddannelse.',
	 NULL, NULL, NULL, 'model_sources.borgertilfredshed', 'pct.', 'change', 'at_least', false,
	 NULL, NULL, false, '2019', 0, false, NULL, NULL, '2022', NULL,
	 'Not jobindsats: the municipality''s own citizen survey, every third year (the sample''s brugerdata.borgertilfredshed through model_sources.borgertilfredshed: the share of satisfied citizens over the plan''s three questions). The level of the plan''s figure did not survive in its text, so the target read here is "at least as many satisfied as in the survey before the plan" (2019), judged in every survey from 2022 on. Replaces the preset''s area 8 ranking, which the plan does not count.', true),
	('aabenraa-2022-langtidsledige-kontanthjaelp', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Andelen af langtidsledige skal ligge under det sydjyske gennemsnit for henholdsvis forsikrede ledige og jobparate kontanthjælpsmodtagere.',
	 NULL, NULL, NULL, 'target_sources.langtidsledige_jobparate_kontanthjaelp', 'pct.', 'peer', 'at_most', true,
	 NULL, NULL, false, NULL, NULL, false, 'sydjylland', 'pooled', '2022', '2022',
	 'The job-ready kontanthjælp half of the target (aabenraa-2022-langtidsledige is the insured half): Y25I09, Ydelsesgrupper = Jobparate kontanthjælpsmodtagere, "Antal langtidsledige personer" / "Antal bruttoledige personer", sums of the months; "det sydjyske gennemsnit" pooled (sum of long-term unemployed / sum of gross unemployed of the group), as jobindsats reports an area.', true),
	('aabenraa-2022-uddannelsesloeft', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Øge brugen af opkvalificering, herunder uddannelsesløft. Målsætninger: At niveauet for uddannelsesløft er mindst lige så højt som i 2021.',
	 NULL, NULL, NULL, 'target_sources.uddannelsesloeft', 'personer', 'previous', 'at_least', false,
	 NULL, NULL, false, NULL, NULL, false, NULL, NULL, '2022', '2022',
	 'Y01C01 "Antal personer", Tilbud = Ordinær uddannelse (a-dagpenge recipients in ordinary education, the offer an uddannelsesløft gives); 2022 against 2021. Reading: the level is the number of persons, not a share, since the plan speaks of the level of use.', true),
	('aabenraa-2022-ressourceforloeb-virksomhedsrettet', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Bedre indsats til borgere i ressourceforløb. Målsætning: Fastholdelse af højt niveau for anvendelsen af virksomhedsrettede indsatser med henblik på, at flere opnår lønnede timer, og at færre overgår til førtidspension.',
	 NULL, NULL, NULL, 'target_sources.ressourceforloeb_virksomhedsrettet', 'pct.', 'previous', 'at_least', false,
	 NULL, NULL, false, NULL, NULL, false, NULL, NULL, '2022', '2022',
	 'PTVC01 "Antal aktiverede", Ydelsesgrupper = Ressourceforløb, Tilbud = Virksomhedspraktik + Løntilskud, in per cent of Y11A02 "Antal personer" (yearly mean). Reading: "fastholdelse af højt niveau" = at least the level of the year before (2021).', true),
	('tonder-2024-flygtninge-selvforsoergende', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Andelen af flygtninge som er selvforsørgende skal minimum udgøre 60% af målgruppen af flygtninge ankommet fra og med 2019.',
	 NULL, NULL, NULL, 'target_sources.integration_selvforsoergende', 'pct.', 'level', 'at_least', false,
	 60, NULL, false, NULL, NULL, false, NULL, NULL, '2024', '2024',
	 'The ministermål measure of self-support among refugees and family-reunified (jobindsats'' ministermål tables; table id not verified here); the sample has none, so target_sources.integration_selvforsoergende is SYNTHETIC and does not distinguish the arrival cohort (2019 and later).', true),
	('tonder-2024-uddannelseshjaelp-ordinaere-timer', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Andelen af uddannelseshjælpsmodtagere med ordinære timer i 2024 skal være bedre end gennemsnittet for kommunerne i Sydjylland.',
	 NULL, NULL, NULL, 'target_sources.uddannelseshjaelp_ordinaere_timer', 'pct.', 'peer', 'at_least', true,
	 NULL, NULL, false, NULL, NULL, false, 'sydjylland', 'pooled', '2024', '2024',
	 'OTIJ01, Ydelsesgrupper = Uddannelseshjælp: "Antal personer med ordinære timer" / "Antal personer i alt"; "gennemsnittet for kommunerne i Sydjylland" pooled (sums over the group).', true),
	('tonder-2024-sygedagpenge-jobafklaring', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Andelen af borgere på sygedagpenge og jobafklaring skal falde sammenlignet med niveauet for 2023.',
	 NULL, NULL, NULL, 'target_sources.sygedagpenge_jobafklaring', 'pct.', 'change', 'at_most', true,
	 NULL, NULL, false, '2023', 0, false, NULL, NULL, '2024', '2024',
	 'Y07A02 + Y12A02 "Antal fuldtidspersoner" (yearly means) in per cent of the population 16-66 (PTVA02); "falde" = strictly below the 2023 level (a change below 0 %).', true),
	('sonderborg-2018-virksomhedsrettet', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 '80 % af den aktive indsats skal være virksomhedsrettet.',
	 NULL, NULL, NULL, 'target_sources.virksomhedsrettet_aktivering', 'pct.', 'level', 'at_least', false,
	 80, NULL, false, NULL, NULL, false, NULL, NULL, '2016', '2018',
	 'PTVC01 "Antal aktiverede", all benefit groups: Tilbud = Virksomhedspraktik + Løntilskud in per cent of Tilbud = I alt. Reading: "virksomhedsrettet" = internship and wage subsidy (the company-directed offers jobindsats names); the sample starts in 2018, so 2016-2017 show no data.', true),
	('sonderborg-2018-langvarige-uddannelseshjaelp', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Tidlig indsats skal sikre, at antallet af borgere på uddannelseshjælp med mere end 12 måneders varighed reduceres med 30 % frem til 2018.',
	 NULL, NULL, NULL, 'target_sources.uddannelseshjaelp_over_12_maaneder', 'personer', 'change', 'at_most', false,
	 NULL, '2018-12-31', true, '2015', -30, false, NULL, NULL, '2016', '2018',
	 'Y38A02 "Antal personer" with a duration over 12 months, yearly means, baseline 2015; a straight line to -30 % at the end of 2018. The sample has no duration and starts in 2018, so target_sources.uddannelseshjaelp_over_12_maaneder is SYNTHETIC.', true),
	('sonderborg-2018-kontanthjaelp', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Antallet af aktivitets- og jobparate kontanthjælpsmodtagere skal frem til 2018 reduceres med i alt 30 pct.',
	 NULL, NULL, NULL, 'target_sources.kontanthjaelp_personer', 'personer', 'change', 'at_most', false,
	 NULL, '2018-12-31', true, '2015', -30, false, NULL, NULL, '2016', '2018',
	 'Y36A02 (Y60A02 from 2020) "Antal personer", Visitationskategori = I alt (job- and activity-ready), yearly means, baseline 2015; a straight line to -30 % at the end of 2018. The sample starts in 2018: target_sources.kontanthjaelp_personer adds SYNTHETIC years 2015-2017.', true),
	('sonderborg-2018-aktiveringsgrad-kontanthjaelp', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Aktiveringsgraden på kontanthjælp skal øges med en procent i hvert af årene 2016 – 2018.',
	 NULL, NULL, NULL, 'target_sources.aktiveringsgrad_kontanthjaelp', 'pct.', 'change', 'at_least', false,
	 NULL, NULL, false, '2015', 1, true, NULL, NULL, '2016', '2018',
	 'The activation rate of kontanthjælp (jobindsats'' aktiveringsgrad: full-time activated / full-time recipients, Y60C… / Y36C… tables), baseline 2015, +1 % compounded per year. Reading: "en procent" as 1 % of the rate, not one percentage point (copy the target with level targets per year for that reading). target_sources.aktiveringsgrad_kontanthjaelp is SYNTHETIC.', true),
	('sonderborg-2018-ressourceforloeb', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Antallet af borgere i ressourceforløb skal frem til 2018 øges med 30 pct.',
	 NULL, NULL, NULL, 'target_sources.ressourceforloeb_personer', 'personer', 'change', 'at_least', false,
	 NULL, '2018-12-31', true, '2015', 30, false, NULL, NULL, '2016', '2018',
	 'Y11A02 "Antal personer", yearly means, baseline 2015; a straight line to +30 % at the end of 2018. The sample starts in 2018: target_sources.ressourceforloeb_personer adds SYNTHETIC years 2015-2017.', true),
	('sonderborg-2018-langvarige-ledighedsydelse', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Tidlig indsats skal sikre, at antallet af borgere på ledighedsydelse med varighed på over 12 måneder reduceres med 30 % frem til 2018.',
	 NULL, NULL, NULL, 'target_sources.ledighedsydelse_over_12_maaneder', 'personer', 'change', 'at_most', false,
	 NULL, '2018-12-31', true, '2015', -30, false, NULL, NULL, '2016', '2018',
	 'Y09A02 "Antal personer" with a duration over 12 months, yearly means, baseline 2015; a straight line to -30 % at the end of 2018. The sample has no duration and starts in 2018, so target_sources.ledighedsydelse_over_12_maaneder is SYNTHETIC.', true),
	('sonderborg-2018-integration-virksomhedsvendt', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 '80 % af borgere omfattet af den treårige integrationsperiode i aktive tilbud skal være i et virksomhedsvendt tilbud.',
	 NULL, NULL, NULL, 'target_sources.integration_virksomhedsvendt', 'pct.', 'level', 'at_least', false,
	 80, NULL, false, NULL, NULL, false, NULL, NULL, '2016', '2018',
	 'PTVC02 "Antal aktiverede", Ydelsesgrupper = integrationsydelse (programme), Tilbud = Virksomhedspraktik + Løntilskud in per cent of Tilbud i alt; the sample''s PTVC01 has no integration group and starts in 2018, so target_sources.integration_virksomhedsvendt is SYNTHETIC.', true);

/* 1.4 adds the observation store (sql/layers/47_jobindsats_store.sql). */
CREATE TABLE benchmark.jobindsats_observation (
	table_id text NOT NULL,
	area text NOT NULL,
	kommune @extschema@.kommune,
	period text NOT NULL,
	dimensions jsonb NOT NULL DEFAULT '{}',
	measure text NOT NULL,
	value numeric,
	stored_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	CONSTRAINT jobindsats_observation_pkey PRIMARY KEY (table_id, area, period, dimensions, measure),
	CONSTRAINT jobindsats_observation_table_id_format CHECK (table_id ~ '^[A-Z0-9][A-Z0-9_]*$'),
	CONSTRAINT jobindsats_observation_area_given CHECK (area <> ''),
	CONSTRAINT jobindsats_observation_measure_given CHECK (measure <> ''),
	CONSTRAINT jobindsats_observation_dimensions_object CHECK (pg_catalog.jsonb_typeof(dimensions) = 'object'),
	CONSTRAINT jobindsats_observation_value_finite CHECK (value > '-Infinity' AND value < 'Infinity')
);

COMMENT ON TABLE benchmark.jobindsats_observation IS
'The observation store: every cell of the jobindsats downloads and tables loaded with jobindsats_load, one row per (table_id, area, period, dimensions, measure); a newer download replaces the values it revises';
COMMENT ON COLUMN benchmark.jobindsats_observation.table_id IS
'The jobindsats table id in upper case (Y30R21, Y01A02, PTVA02)';
COMMENT ON COLUMN benchmark.jobindsats_observation.area IS
'A municipality''s official name (whatever the download wrote), or the other area as written: "Hele landet", a region, a landsdel, a RAR area';
COMMENT ON COLUMN benchmark.jobindsats_observation.kommune IS
'The municipality; NULL for the whole country, regions, landsdele, RAR areas and "Uoplyst område"';
COMMENT ON COLUMN benchmark.jobindsats_observation.period IS
'The canonical period label (2022, 2022M03, 2022Q1, 2022QMAT04)';
COMMENT ON COLUMN benchmark.jobindsats_observation.dimensions IS
'The breakdown: dimension label -> value label ({"Ydelsesgrupper": "Ydelsesgrupper i alt"}); {} for a table without dimensions';
COMMENT ON COLUMN benchmark.jobindsats_observation.measure IS
'The measure''s label as the download writes it';
COMMENT ON COLUMN benchmark.jobindsats_observation.value IS
'The value, exact as written; NULL for a suppressed or missing cell (never 0)';
COMMENT ON COLUMN benchmark.jobindsats_observation.stored_at IS
'When the value was stored: the first load of the cell, or the load that last revised it';

SELECT pg_catalog.pg_extension_config_dump('benchmark.jobindsats_observation', '');

GRANT SELECT ON benchmark.jobindsats_observation TO PUBLIC;

/*
 * Comparing a kommune with text: kommune = text, text = kommune and <> in
 * both orders, so that a client sending its parameter as text or varchar
 * (JDBC's setString, BI tools' filters) can write
 *
 *     WHERE kommune = $1,  WHERE kommune <> $1,  WHERE kommune IN ($1, $2)
 *
 * The text is read as kommune input reads it (the official name, any spelling
 * the type accepts, or the three-digit code such as '540'); text that denotes
 * no municipality is the type's own input error, as in kommune = 'text'.
 * varchar arguments use these operators through varchar's binary cast to text.
 * IN (...) with text parameters becomes an OR of = (a text array cannot be
 * compared with a kommune column as a whole), NOT IN an AND of <>.
 *
 * The operator functions are SQL functions the planner inlines: kommune =
 * text becomes kommune = text::kommune, the type's own operator, so a btree
 * index on a kommune column serves the comparison and its statistics estimate
 * it.  Inlining rules out a SET search_path clause, so the bodies are parsed
 * when created (RETURN, not a string) with every name qualified.  They are
 * IMMUTABLE because the text -> kommune cast is: kommune input depends on
 * nothing but its argument.
 */

CREATE OR REPLACE FUNCTION @extschema@.kommune_eq_text(@extschema@.kommune, text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(@extschema@.=) $2::@extschema@.kommune;

CREATE OR REPLACE FUNCTION @extschema@.text_eq_kommune(text, @extschema@.kommune)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::@extschema@.kommune OPERATOR(@extschema@.=) $2;

CREATE OR REPLACE FUNCTION @extschema@.kommune_ne_text(@extschema@.kommune, text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(@extschema@.<>) $2::@extschema@.kommune;

CREATE OR REPLACE FUNCTION @extschema@.text_ne_kommune(text, @extschema@.kommune)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::@extschema@.kommune OPERATOR(@extschema@.<>) $2;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = text,
	FUNCTION = @extschema@.kommune_eq_text,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = text,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.text_eq_kommune,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = text,
	FUNCTION = @extschema@.kommune_ne_text,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = text,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.text_ne_kommune,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

COMMENT ON FUNCTION @extschema@.kommune_eq_text(@extschema@.kommune, text) IS
'Same municipality as the text denotes (a name, spelling or code, read as kommune input reads it)';
COMMENT ON FUNCTION @extschema@.text_eq_kommune(text, @extschema@.kommune) IS
'The text (a name, spelling or code, read as kommune input reads it) denotes the same municipality';
COMMENT ON FUNCTION @extschema@.kommune_ne_text(@extschema@.kommune, text) IS
'Another municipality than the text denotes (a name, spelling or code, read as kommune input reads it)';
COMMENT ON FUNCTION @extschema@.text_ne_kommune(text, @extschema@.kommune) IS
'The text (a name, spelling or code, read as kommune input reads it) denotes another municipality';
COMMENT ON OPERATOR @extschema@.=(@extschema@.kommune, text) IS
'Same municipality as the text denotes (read as kommune input reads it); for text and varchar parameters';
COMMENT ON OPERATOR @extschema@.=(text, @extschema@.kommune) IS
'The text (read as kommune input reads it) denotes the same municipality; for text and varchar parameters';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.kommune, text) IS
'Another municipality than the text denotes (read as kommune input reads it); for text and varchar parameters';
COMMENT ON OPERATOR @extschema@.<>(text, @extschema@.kommune) IS
'The text (read as kommune input reads it) denotes another municipality; for text and varchar parameters';

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

/*
 * DROP EXTENSION benchmark without CASCADE is refused while the catalog
 * holds models, targets or peer groups that users added: the error names
 * them.  With CASCADE the extension is dropped with them.  DROP SCHEMA ...
 * CASCADE, DROP OWNED and DROP DATABASE are not guarded.
 */

CREATE OR REPLACE FUNCTION benchmark.drop_guard()
RETURNS event_trigger
AS 'MODULE_PATHNAME', 'benchmark_drop_guard'
LANGUAGE C;

COMMENT ON FUNCTION benchmark.drop_guard() IS
'Event trigger function: refuses DROP EXTENSION benchmark without CASCADE while user models, targets or peer groups exist, and names them';

CREATE EVENT TRIGGER benchmark_drop_guard ON ddl_command_start
	WHEN TAG IN ('DROP EXTENSION')
	EXECUTE FUNCTION benchmark.drop_guard();

COMMENT ON EVENT TRIGGER benchmark_drop_guard IS
'Keeps DROP EXTENSION benchmark (without CASCADE) from deleting the models, targets and peer groups users added';
