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
