/* The target catalog: peer groups, targets and milestones, and the shipped examples */

/*
 * Peer groups.  Shipped groups (shipped = true) are read-only and left out of
 * pg_dump; groups users add are dumped.  Copy a shipped group with
 * peer_group_copy to change it.
 */

CREATE TABLE benchmark.peer_group (
	peer_group text NOT NULL
		CONSTRAINT peer_group_name_format CHECK (peer_group ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	name_da text NOT NULL,
	name_en text NOT NULL,
	definition text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT peer_group_pkey PRIMARY KEY (peer_group)
);

COMMENT ON TABLE benchmark.peer_group IS
'Groups of municipalities a municipality compares itself with: the whole country, the regions, Sønderjylland, Sydjylland and groups users add';
COMMENT ON COLUMN benchmark.peer_group.definition IS
'How the group is defined and where its member list comes from (assumptions said as such)';
COMMENT ON COLUMN benchmark.peer_group.shipped IS
'True for groups shipped with the extension (read-only, not dumped)';

CREATE TABLE benchmark.peer_group_member (
	peer_group text NOT NULL,
	kommune @extschema@.kommune NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT peer_group_member_pkey PRIMARY KEY (peer_group, kommune)
);

COMMENT ON TABLE benchmark.peer_group_member IS
'The municipalities of each peer group';

INSERT INTO benchmark.peer_group (peer_group, name_da, name_en, definition, shipped) VALUES
	('hele-landet', 'Hele landet', 'The whole country', 'Alle 98 kommuner (all 98 municipalities).', true),
	('region-nordjylland', 'Region Nordjylland', 'North Denmark Region', 'Kommunerne i Region Nordjylland (kommune_region = Nordjylland, region code 1081).', true),
	('region-midtjylland', 'Region Midtjylland', 'Central Denmark Region', 'Kommunerne i Region Midtjylland (kommune_region = Midtjylland, region code 1082).', true),
	('region-syddanmark', 'Region Syddanmark', 'Region of Southern Denmark', 'Kommunerne i Region Syddanmark (kommune_region = Syddanmark, region code 1083).', true),
	('region-hovedstaden', 'Region Hovedstaden', 'Capital Region of Denmark', 'Kommunerne i Region Hovedstaden (kommune_region = Hovedstaden, region code 1084).', true),
	('region-sjaelland', 'Region Sjælland', 'Region Zealand', 'Kommunerne i Region Sjælland (kommune_region = Sjælland, region code 1085).', true),
	('sonderjylland', 'Sønderjylland (JobSønderjylland)', 'Southern Jutland (JobSønderjylland)',
	 'De fire sønderjyske kommuner, der samarbejder som JobSønderjylland: Aabenraa, Haderslev, Sønderborg og Tønder (the four municipalities of Southern Jutland that cooperate as JobSønderjylland).', true),
	('sydjylland', 'Sydjylland', 'South Jutland',
	 'Landsdel 08 Sydjylland: Haderslev, Billund, Sønderborg, Tønder, Esbjerg, Fanø, Varde, Vejen, Aabenraa, Fredericia, Kolding og Vejle. '
	 'ASSUMPTION: the employment plans'' "Sydjylland" ("gennemsnittet for kommunerne i Sydjylland", "sydjysk niveau") is read as landsdel 08, '
	 'because the member list of the former RAR Sydjylland was not found. Copy the group with peer_group_copy and change its members if your plan means another area.', true);

INSERT INTO benchmark.peer_group_member (peer_group, kommune, shipped)
SELECT 'hele-landet', k.kommune, true FROM @extschema@.kommuner() k
UNION ALL
SELECT CASE k.region_code WHEN 1081 THEN 'region-nordjylland' WHEN 1082 THEN 'region-midtjylland'
						  WHEN 1083 THEN 'region-syddanmark' WHEN 1084 THEN 'region-hovedstaden'
						  WHEN 1085 THEN 'region-sjaelland' END, k.kommune, true
FROM @extschema@.kommuner() k
UNION ALL
SELECT 'sonderjylland', k.kommune, true FROM @extschema@.kommuner() k
WHERE k.name IN ('Aabenraa', 'Haderslev', 'Sønderborg', 'Tønder')
UNION ALL
SELECT 'sydjylland', k.kommune, true FROM @extschema@.kommuner() k WHERE k.landsdel_code = '08';

/*
 * The target catalog.  A target belongs to a municipality and follows one
 * measure: a measure or benefit of the model catalog, or a source of the
 * user's own (a table or view with the columns kommune, period and value).
 */

CREATE TABLE benchmark.target (
	target text NOT NULL
		CONSTRAINT target_name_format CHECK (target ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	kommune @extschema@.kommune NOT NULL,
	plan text NOT NULL DEFAULT '',
	title text NOT NULL,
	model text,
	measure text,
	benefit text,
	source text,
	unit text,
	kind text NOT NULL
		CONSTRAINT target_kind_known CHECK (kind IN ('level', 'change', 'peer', 'previous')),
	direction text NOT NULL
		CONSTRAINT target_direction_known CHECK (direction IN ('at_most', 'at_least')),
	strict boolean NOT NULL DEFAULT false,
	level numeric
		CONSTRAINT target_level_finite CHECK (level OPERATOR(pg_catalog.>) '-Infinity' AND level OPERATOR(pg_catalog.<) 'Infinity'),
	due date
		CONSTRAINT target_due_finite CHECK (pg_catalog.isfinite(due)),
	interpolate boolean NOT NULL DEFAULT false,
	baseline_period text
		CONSTRAINT target_baseline_period_label CHECK (baseline_period IS NULL OR benchmark.period_kind(baseline_period) IS NOT NULL),
	change_pct numeric
		CONSTRAINT target_change_pct_finite_and_at_least_minus_100 CHECK (change_pct OPERATOR(pg_catalog.>=) -100 AND change_pct OPERATOR(pg_catalog.<) 'Infinity'),
	per_year boolean NOT NULL DEFAULT false,
	peer_group text,
	peer_average text
		CONSTRAINT target_peer_average_known CHECK (peer_average IN ('mean', 'pooled')),
	first_period text
		CONSTRAINT target_first_period_label CHECK (first_period IS NULL OR benchmark.period_kind(first_period) IS NOT NULL),
	last_period text
		CONSTRAINT target_last_period_label CHECK (last_period IS NULL OR benchmark.period_kind(last_period) IS NOT NULL),
	note text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT target_follows_one_measure CHECK (
		(model IS NOT NULL AND source IS NULL AND pg_catalog.num_nonnulls(measure, benefit) = 1)
		OR (model IS NULL AND measure IS NULL AND benefit IS NULL AND source IS NOT NULL)),
	CONSTRAINT target_unit_given CHECK (unit IS NOT NULL AND unit <> ''),
	CONSTRAINT target_kind_level_uses_level_and_due CHECK (kind <> 'level' OR (
		level IS NOT NULL AND pg_catalog.num_nulls(baseline_period, change_pct, peer_group, peer_average) = 4)),
	CONSTRAINT target_kind_change_uses_baseline_and_change_pct CHECK (kind <> 'change' OR (
		baseline_period IS NOT NULL AND change_pct IS NOT NULL AND pg_catalog.num_nulls(level, peer_group, peer_average) = 3)),
	CONSTRAINT target_kind_peer_uses_peer_group_and_average CHECK (kind <> 'peer' OR (
		peer_group IS NOT NULL AND peer_average IS NOT NULL AND pg_catalog.num_nulls(level, change_pct, due) = 3)),
	CONSTRAINT target_kind_previous_uses_no_values CHECK (kind <> 'previous' OR
		pg_catalog.num_nulls(level, change_pct, baseline_period, peer_group, peer_average, due) = 6),
	CONSTRAINT target_interpolate_needs_due CHECK (NOT interpolate OR due IS NOT NULL),
	CONSTRAINT target_per_year_only_for_change_without_due CHECK (NOT per_year OR (kind = 'change' AND due IS NULL)),
	CONSTRAINT target_pkey PRIMARY KEY (target)
);

COMMENT ON TABLE benchmark.target IS
'Targets of municipalities'' employment plans: which measure a target follows, its kind (level, change, peer, previous), direction and values';
COMMENT ON COLUMN benchmark.target.plan IS 'The plan the target comes from, e.g. Beskæftigelsesplan 2019';
COMMENT ON COLUMN benchmark.target.title IS 'The target in the plan''s own words';
COMMENT ON COLUMN benchmark.target.model IS 'With measure or benefit: the model of the catalog whose measure (or goal benefit) the target follows';
COMMENT ON COLUMN benchmark.target.measure IS 'A measure of model_measure (its source, unit and direction are used)';
COMMENT ON COLUMN benchmark.target.benefit IS 'A benefit of model_benefit (full-time persons on one benefit)';
COMMENT ON COLUMN benchmark.target.source IS
'Instead of a catalog measure: a schema-qualified table or view with columns kommune, period, value (and numerator, denominator for pooled averages)';
COMMENT ON COLUMN benchmark.target.unit IS
'Unit of the measure (taken from the catalog when NULL); pct. marks a share in per cent, whose target levels must lie in 0-100';
COMMENT ON COLUMN benchmark.target.kind IS
'level: a ceiling or floor, optionally due by a date with milestones; change: a relative change against a baseline period (in total or per year); peer: better than or at the level of a peer group''s average; previous: at least as good as the period before';
COMMENT ON COLUMN benchmark.target.direction IS 'at_most: the value must not exceed the target value (lower is better); at_least: it must reach it';
COMMENT ON COLUMN benchmark.target.strict IS 'True for "under", "better than": the target value itself does not meet the target';
COMMENT ON COLUMN benchmark.target.level IS 'kind level: the target level (due by due, or in every period when due is NULL)';
COMMENT ON COLUMN benchmark.target.due IS 'kind level or change: the date by which the full target is due; periods are judged at their last day';
COMMENT ON COLUMN benchmark.target.interpolate IS 'Before due: follow a straight line between the milestones (level) or from the baseline (change); otherwise a period is judged by the latest milestone already due';
COMMENT ON COLUMN benchmark.target.baseline_period IS 'kind change: the period the change is measured from; kind peer: compare the change since this period instead of the level';
COMMENT ON COLUMN benchmark.target.change_pct IS 'kind change: the change in per cent of the baseline level, e.g. -30 for a reduction by 30 %';
COMMENT ON COLUMN benchmark.target.per_year IS 'kind change: change_pct applies in each year after the baseline (compounded) instead of in total';
COMMENT ON COLUMN benchmark.target.peer_group IS 'kind peer: the group whose average is the target value';
COMMENT ON COLUMN benchmark.target.peer_average IS 'kind peer: mean (simple mean of the members'' values) or pooled (sum of numerators / sum of denominators, or of the group total for a change)';
COMMENT ON COLUMN benchmark.target.first_period IS 'First period the target is followed in (NULL: from the first period with data)';
COMMENT ON COLUMN benchmark.target.last_period IS 'Last period the target is followed in (NULL: up to the last period with data)';
COMMENT ON COLUMN benchmark.target.note IS 'Which jobindsats table and measure the target follows, and how it differs from the plan''s wording';
COMMENT ON COLUMN benchmark.target.shipped IS 'True for the example targets shipped with the extension (read-only, not dumped)';

CREATE TABLE benchmark.target_milestone (
	target text NOT NULL,
	due date NOT NULL
		CONSTRAINT target_milestone_due_finite CHECK (pg_catalog.isfinite(due)),
	value numeric NOT NULL
		CONSTRAINT target_milestone_value_finite CHECK (value OPERATOR(pg_catalog.>) '-Infinity' AND value OPERATOR(pg_catalog.<) 'Infinity'),
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT target_milestone_pkey PRIMARY KEY (target, due)
);

COMMENT ON TABLE benchmark.target_milestone IS
'Milestones (delmål) of level targets: intermediate levels due before the target''s due date';

/*
 * The shipped examples: the measurable targets of the employment plans of
 * Aabenraa (2019, 2022), Tønder (2024) and Sønderborg (2016-2018), and
 * Sønderborg's separate citizen-satisfaction target (2023-2026).  Sources in
 * schema target_sources are sample mapping views (test/data/sample_targets.sql);
 * the ones marked SYNTHETIC there stand in for data the sample lacks.
 */

INSERT INTO benchmark.target (target, kommune, plan, title, model, measure, benefit, source, unit, kind, direction, strict,
								level, due, interpolate, baseline_period, change_pct, per_year, peer_group, peer_average,
								first_period, last_period, note, shipped) VALUES
	('aabenraa-2019-langtidsledige', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2019',
	 'A-dagpenge: Andelen af langtidsledige må ikke overstige 25 % med udgangen af 2019.',
	 'sonderborg-2023', 'langtidsledige', NULL, NULL, 'pct.', 'level', 'at_most', false,
	 25, NULL, false, NULL, NULL, false, NULL, NULL, '2019', '2019',
	 'Follows the model''s measure langtidsledige: Y25I09, Ydelsesgrupper = A-dagpenge, "Antal langtidsledige personer" / "Antal bruttoledige personer" (the yearly form of "Andel langtidsledige personer ift. bruttoledige personer"), sums of the months; "med udgangen af 2019" read as the year 2019.', true),
	('aabenraa-2019-kontant-uddannelseshjaelp', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2019',
	 'Kontant- og uddannelseshjælp: Antallet af borgere på kontant- og uddannelseshjælp skal reduceres til under 800 inden maj 2022. Delmålet for 2019 er 975.',
	 NULL, NULL, NULL, 'target_sources.kontant_og_uddannelseshjaelp', 'personer', 'level', 'at_most', true,
	 800, '2022-04-30', true, NULL, NULL, false, NULL, NULL, '2019M12', '2022M12',
	 'Y60A02 (kontanthjælp) + Y38A02 (uddannelseshjælp) "Antal personer", per month. Milestone 975 due at the end of 2019, then a straight line to under 800 by 30 April 2022, which holds after.', true),
	('aabenraa-2019-integration-selvforsoergende', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2019',
	 'Integrationsområdet: Mindst 60 % af borgerne omfattet af integrationsindsatsen skal være selvforsørgende.',
	 NULL, NULL, NULL, 'target_sources.integration_selvforsoergende', 'pct.', 'level', 'at_least', false,
	 60, NULL, false, NULL, NULL, false, NULL, NULL, '2019', '2019',
	 'The sample data have no such measure: target_sources.integration_selvforsoergende is SYNTHETIC. With real data, follow the share of refugees and family-reunified who are self-supporting from jobindsats'' ministermål tables (table id not verified here).', true),
	('aabenraa-2019-ledighed-fleksjob', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2019',
	 'Fleksjobvisiterede: Ledigheden blandt borgere visiteret til fleksjob må højest udgøre 10 %.',
	 'sonderborg-2023', 'ledighed_fleksjob', NULL, NULL, 'pct.', 'level', 'at_most', false,
	 10, NULL, false, NULL, NULL, false, NULL, NULL, '2019', '2019',
	 'Follows the model''s measure ledighed_fleksjob: Y09A02 / (Y08A02 + Y09A02) "Antal fuldtidspersoner", yearly means.', true),
	('aabenraa-2019-sygedagpenge-jobafklaring', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2019',
	 'Sygedagpenge og jobafklaring: Andelen af befolkningen på sygedagpenge og i jobafklaringsforløb skal reduceres til sydjysk niveau.',
	 NULL, NULL, NULL, 'target_sources.sygedagpenge_jobafklaring', 'pct.', 'peer', 'at_most', false,
	 NULL, NULL, false, NULL, NULL, false, 'sydjylland', 'pooled', '2019', '2019',
	 'Y07A02 + Y12A02 "Antal fuldtidspersoner" (yearly means) in per cent of the population 16-66 (PTVA02). "Sydjysk niveau" is the pooled share of the group (sum of full-time persons / sum of population), as jobindsats reports an area.', true),
	('aabenraa-2022-jobafklaring', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Antal fuldtidspersoner i jobafklaring må ikke overstige 243 i 2022.',
	 'sonderborg-2023', NULL, 'jobafklaring', NULL, 'fuldtidspersoner', 'level', 'at_most', false,
	 243, NULL, false, NULL, NULL, false, NULL, NULL, '2022', '2022',
	 'Follows the model''s goal benefit jobafklaring: Y12A02 "Antal fuldtidspersoner", yearly mean of the months.', true),
	('aabenraa-2022-sygedagpenge', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Antal fuldtidspersoner på sygedagpenge må ikke overstige 500 i 2022.',
	 'sonderborg-2023', NULL, 'sygedagpenge', NULL, 'fuldtidspersoner', 'level', 'at_most', false,
	 500, NULL, false, NULL, NULL, false, NULL, NULL, '2022', '2022',
	 'Follows the model''s goal benefit sygedagpenge: Y07A02 "Antal fuldtidspersoner", yearly mean of the months.', true),
	('aabenraa-2022-langtidsledige', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Andelen af langtidsledige skal ligge under det sydjyske gennemsnit.',
	 'sonderborg-2023', 'langtidsledige', NULL, NULL, 'pct.', 'peer', 'at_most', true,
	 NULL, NULL, false, NULL, NULL, false, 'sydjylland', 'mean', '2022', '2022',
	 'The insured half of the target: follows the model''s measure langtidsledige (Y25I09, Ydelsesgrupper = A-dagpenge, long-term unemployed among gross unemployed persons); aabenraa-2022-langtidsledige-kontanthjaelp is the job-ready kontanthjælp half. The average is the simple mean of the municipal shares, because the model''s source gives no numerator and denominator.', true),
	('aabenraa-2022-voksenlaerlinge', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2022',
	 'Voksenlærlinge: Holde mindst samme niveau som i 2021.',
	 NULL, NULL, NULL, 'target_sources.voksenlaerlinge', 'aftaler', 'previous', 'at_least', false,
	 NULL, NULL, false, NULL, NULL, false, NULL, NULL, '2022', '2022',
	 'Adult-apprentice agreements per year: not jobindsats (the apprenticeship statistics of the Ministry of Children and Education); target_sources.voksenlaerlinge is SYNTHETIC.', true),
	('tonder-2024-offentlig-forsoergelse', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Antallet på offentlig forsørgelse inkl. førtidspension i Tønder Kommune skal udvikle sig bedre end gennemsnittet for kommunerne i Sydjylland for perioden 2023 til 2024.',
	 NULL, NULL, NULL, 'target_sources.offentlig_forsoergelse', 'fuldtidspersoner', 'peer', 'at_most', true,
	 NULL, NULL, false, '2023', NULL, false, 'sydjylland', 'pooled', '2024', '2024',
	 'Full-time persons on the eleven benefits of the model''s goal (incl. førtidspension), yearly means; compared: the change 2023 to 2024 in per cent against the change of the Sydjylland total (pooled).', true),
	('tonder-2024-unge-uddannelseshjaelp-ressourceforloeb', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Andelen af fuldtidspersoner under 30 år på uddannelseshjælp og ressourceforløb skal falde med 10 %. Status pr. juli 2023 viser, at der er 242 fuldtidspersoner.',
	 NULL, NULL, NULL, 'target_sources.unge_uddannelseshjaelp_ressourceforloeb', 'fuldtidspersoner', 'change', 'at_most', false,
	 NULL, NULL, false, '2023', -10, false, NULL, NULL, '2024', '2024',
	 'Y38A02 (uddannelseshjælp) + Y11A02 (ressourceforløb) "Antal fuldtidspersoner" with Alder under 30, yearly means; the sample has no age dimension, so target_sources.unge_uddannelseshjaelp_ressourceforloeb is SYNTHETIC. Baseline 2023 as the plan says.', true),
	('tonder-2024-aktivitetsparate-over-30', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Andelen af aktivitetsparate kontanthjælpsmodtagere over 30 år skal falde med 5 %. Status pr. juli 2023 viser, at der er 243 fuldtidspersoner.',
	 NULL, NULL, NULL, 'target_sources.aktivitetsparate_over_30', 'fuldtidspersoner', 'change', 'at_most', false,
	 NULL, NULL, false, '2023', -5, false, NULL, NULL, '2024', '2024',
	 'Y60A02 "Antal fuldtidspersoner", Visitationskategori = Aktivitetsparate, Alder 30 and over, yearly means; the sample has no age dimension, so target_sources.aktivitetsparate_over_30 is SYNTHETIC.', true),
	('tonder-2024-ledighed-fleksjob', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Ledighedsprocenten for fleksjobvisiterede skal være under gennemsnittet for kommunerne i Sydjylland.',
	 'sonderborg-2023', 'ledighed_fleksjob', NULL, NULL, 'pct.', 'peer', 'at_most', true,
	 NULL, NULL, false, NULL, NULL, false, 'sydjylland', 'mean', '2024', '2024',
	 'Follows the model''s measure ledighed_fleksjob: Y09A02 / (Y08A02 + Y09A02) "Antal fuldtidspersoner"; simple mean of the municipal rates.', true),
	('tonder-2024-voksenlaerlinge', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Opkvalificering fra ufaglært til faglært - heraf indgås 65 voksenlærlingeaftaler i 2024.',
	 NULL, NULL, NULL, 'target_sources.voksenlaerlinge', 'aftaler', 'level', 'at_least', false,
	 65, NULL, false, NULL, NULL, false, NULL, NULL, '2024', '2024',
	 'Adult-apprentice agreements per year: not jobindsats; target_sources.voksenlaerlinge is SYNTHETIC.', true),
	('tonder-2024-jobformidling', 'Tønder', 'Tønder Kommune, Beskæftigelsesplan 2024',
	 'Jobformidling resulterer i ansættelse af 200 ledige i 2024.',
	 NULL, NULL, NULL, 'target_sources.jobformidling', 'ansættelser', 'level', 'at_least', false,
	 200, NULL, false, NULL, NULL, false, NULL, NULL, '2024', '2024',
	 'Placements by the jobcentre''s recruitment service: the jobcentre''s own records, not jobindsats; target_sources.jobformidling is SYNTHETIC.', true),
	('sonderborg-2018-langvarige-dagpenge', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Tidlig indsats skal sikre, at antallet af borgere på A-dagpenge med varighed på over 12 måneder reduceres med 30 % frem til 2018.',
	 NULL, NULL, NULL, 'target_sources.dagpenge_over_12_maaneder', 'personer', 'change', 'at_most', false,
	 NULL, '2018-12-31', true, '2015', -30, false, NULL, NULL, '2016', '2018',
	 'Y01A02 "Antal personer" with a duration over 12 months, yearly means, baseline 2015 (the strategy''s budget year); a straight line from 2015 to -30 % at the end of 2018. The sample starts in 2018 and has no duration, so target_sources.dagpenge_over_12_maaneder is SYNTHETIC.', true),
	('sonderborg-2018-sygedagpenge', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsesstrategi 2016-2018',
	 'Antallet af borgere på sygedagpenge skal reduceres med 2 % i hvert af årene 2016 – 2018.',
	 NULL, NULL, NULL, 'target_sources.sygedagpenge_fuldtid', 'fuldtidspersoner', 'change', 'at_most', false,
	 NULL, NULL, false, '2015', -2, true, NULL, NULL, '2016', '2018',
	 'Y07A02 "Antal fuldtidspersoner", yearly means, baseline 2015, -2 % compounded per year (2016: 98 %, 2017: 96.04 %, 2018: 94.12 % of 2015). The sample starts in 2018: target_sources.sygedagpenge_fuldtid adds SYNTHETIC years 2015-2017 to it.', true),
	('sonderborg-2023-borgertilfredshed', 'Sønderborg', 'Sønderborg Kommune, Beskæftigelsespolitik 2023-2026',
	 'Indsatsområde 8. Borgernes tilfredshed kan ikke opgøres for alle kommuner og tæller derfor ikke med i den samlede opgørelse. Derfor er der opstillet et særskilt mål for Sønderborg Kommune. Hvert tredje år spørger vi borgerne, hvordan de har oplevet mødet og samarbejdet med jobcentret: om de 1. oplever, at jobcentret tror på dem og deres muligheder, 2. føler sig hørt og forstået og godt behandlet, 3. oplever, at de bliver hjulpet på vej mod job eller uddannelse.',
	 NULL, NULL, NULL, 'benchmark.mapped_borgertilfredshed', 'pct.', 'change', 'at_least', false,
	 NULL, NULL, false, '2019', 0, false, NULL, NULL, '2022', NULL,
	 'Not jobindsats: the municipality''s own citizen survey, every third year (the user''s own survey loaded as table BRUGERDATA, measure "Andel tilfredse borgere (pct.)", read through benchmark.mapped_borgertilfredshed: the share of satisfied citizens over the plan''s three questions). The level of the plan''s figure did not survive in its text, so the target read here is "at least as many satisfied as in the survey before the plan" (2019), judged in every survey from 2022 on. Replaces the preset''s area 8 ranking, which the plan does not count.', true),
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

INSERT INTO benchmark.target_milestone (target, due, value, shipped) VALUES
	('aabenraa-2019-kontant-uddannelseshjaelp', '2019-12-31', 975, true);

SELECT pg_catalog.pg_extension_config_dump('benchmark.peer_group', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.peer_group_member', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.target', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('benchmark.target_milestone', 'WHERE NOT shipped');

GRANT SELECT ON benchmark.peer_group, benchmark.peer_group_member, benchmark.target,
	benchmark.target_milestone TO PUBLIC;
