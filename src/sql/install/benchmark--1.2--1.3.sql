/* benchmark 1.2 -> 1.3: peer groups, the target catalog and target follow-up */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.3'" to load this file. \quit

/*
 * More about jobindsats period labels: a running number per kind, the
 * previous period and a series of periods.
 */

CREATE FUNCTION @extschema@.period_index(label text)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := @extschema@.period_kind(label);
	y integer := pg_catalog.substr(label, 1, 4)::integer;
BEGIN
	RETURN CASE kind
		WHEN 'year' THEN y
		WHEN 'month' THEN 12 * y + pg_catalog.substr(label, 6, 2)::integer - 1
		WHEN 'quarter' THEN 4 * y + pg_catalog.substr(label, 6, 1)::integer - 1
		ELSE 4 * y + pg_catalog.substr(label, 9, 2)::integer - 1
	END;
END
$$;

COMMENT ON FUNCTION @extschema@.period_index(text) IS
'A running number of a jobindsats period within its kind: consecutive years, quarters or months differ by 1 (2022 -> 2022, 2022M03 -> 24266, 2022Q1 -> 8088)';

/* The label of the period with running number idx of a kind; NULL before year 1. */
CREATE FUNCTION @extschema@.period_from_index(kind text, idx integer)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	per_year integer := CASE kind WHEN 'year' THEN 1 WHEN 'month' THEN 12 WHEN 'quarter' THEN 4
								  WHEN 'four quarters' THEN 4 END;
	y integer;
	r integer;
BEGIN
	IF per_year IS NULL THEN
		RAISE EXCEPTION 'unknown kind of jobindsats period: "%"', kind
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'The kinds are year, quarter, month and four quarters (as period_kind returns them).';
	END IF;
	IF idx < per_year OR idx >= 10000 * per_year THEN
		RETURN NULL;
	END IF;
	y := idx / per_year;
	r := idx % per_year;
	RETURN pg_catalog.lpad(y::text, 4, '0') || CASE kind
		WHEN 'year' THEN ''
		WHEN 'month' THEN 'M' || pg_catalog.lpad((r + 1)::text, 2, '0')
		WHEN 'quarter' THEN 'Q' || (r + 1)::text
		ELSE 'QMAT' || pg_catalog.lpad((r + 1)::text, 2, '0')
	END;
END
$$;

COMMENT ON FUNCTION @extschema@.period_from_index(text, integer) IS
'The jobindsats period label of a kind (year, quarter, month, four quarters) with a running number as period_index gives it; NULL outside the years 0001-9999';

CREATE FUNCTION @extschema@.period_previous(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN @extschema@.period_from_index(@extschema@.period_kind(label), @extschema@.period_index(label) - 1);

COMMENT ON FUNCTION @extschema@.period_previous(text) IS
'The period before a jobindsats period, of the same kind (2022 -> 2021, 2022M01 -> 2021M12, 2022Q1 -> 2021Q4)';

CREATE FUNCTION @extschema@.period_series(first_period text, last_period text)
RETURNS SETOF text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE ROWS 12
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := @extschema@.period_kind(first_period);
BEGIN
	IF @extschema@.period_kind(last_period) <> kind THEN
		RAISE EXCEPTION 'periods "%" and "%" are of different kinds', first_period, last_period
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('"%s" is a %s, "%s" a %s.', first_period, kind, last_period,
										   @extschema@.period_kind(last_period)),
				HINT = 'Give two years, two quarters or two months.';
	END IF;
	RETURN QUERY
		SELECT @extschema@.period_from_index(kind, i)
		FROM pg_catalog.generate_series(@extschema@.period_index(first_period), @extschema@.period_index(last_period)) i;
END
$$;

COMMENT ON FUNCTION @extschema@.period_series(text, text) IS
'Every period from the first to the last (of one kind), in order; none when the last comes before the first';

/*
 * Peer groups.  Shipped groups (shipped = true) are read-only and left out of
 * pg_dump; groups users add are dumped.  Copy a shipped group with
 * peer_group_copy to change it.
 */

CREATE TABLE @extschema@.peer_group (
	peer_group text PRIMARY KEY
		CONSTRAINT peer_group_name_format CHECK (peer_group ~ '^[[:alnum:]][[:alnum:]_.-]*$'),
	name_da text NOT NULL,
	name_en text NOT NULL,
	definition text NOT NULL DEFAULT '',
	shipped boolean NOT NULL DEFAULT false
);

COMMENT ON TABLE @extschema@.peer_group IS
'Groups of municipalities a municipality compares itself with: the whole country, the regions, Sønderjylland, Sydjylland and groups users add';
COMMENT ON COLUMN @extschema@.peer_group.definition IS
'How the group is defined and where its member list comes from (assumptions said as such)';
COMMENT ON COLUMN @extschema@.peer_group.shipped IS
'True for groups shipped with the extension (read-only, not dumped)';

CREATE TABLE @extschema@.peer_group_member (
	peer_group text NOT NULL REFERENCES @extschema@.peer_group ON UPDATE CASCADE ON DELETE CASCADE,
	kommune @extschema@.kommune NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (peer_group, kommune)
);

COMMENT ON TABLE @extschema@.peer_group_member IS
'The municipalities of each peer group';

INSERT INTO @extschema@.peer_group (peer_group, name_da, name_en, definition, shipped) VALUES
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

INSERT INTO @extschema@.peer_group_member (peer_group, kommune, shipped)
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

CREATE TABLE @extschema@.target (
	target text PRIMARY KEY
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
		CONSTRAINT target_level_finite CHECK (level > '-Infinity' AND level < 'Infinity'),
	due date
		CONSTRAINT target_due_finite CHECK (pg_catalog.isfinite(due)),
	interpolate boolean NOT NULL DEFAULT false,
	baseline_period text
		CONSTRAINT target_baseline_period_label CHECK (baseline_period IS NULL OR @extschema@.period_kind(baseline_period) IS NOT NULL),
	change_pct numeric
		CONSTRAINT target_change_pct_finite_and_at_least_minus_100 CHECK (change_pct >= -100 AND change_pct < 'Infinity'),
	per_year boolean NOT NULL DEFAULT false,
	peer_group text REFERENCES @extschema@.peer_group ON UPDATE CASCADE,
	peer_average text
		CONSTRAINT target_peer_average_known CHECK (peer_average IN ('mean', 'pooled')),
	first_period text
		CONSTRAINT target_first_period_label CHECK (first_period IS NULL OR @extschema@.period_kind(first_period) IS NOT NULL),
	last_period text
		CONSTRAINT target_last_period_label CHECK (last_period IS NULL OR @extschema@.period_kind(last_period) IS NOT NULL),
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
	FOREIGN KEY (model, measure) REFERENCES @extschema@.model_measure ON UPDATE CASCADE,
	FOREIGN KEY (model, benefit) REFERENCES @extschema@.model_benefit ON UPDATE CASCADE
);

COMMENT ON TABLE @extschema@.target IS
'Targets of municipalities'' employment plans: which measure a target follows, its kind (level, change, peer, previous), direction and values';
COMMENT ON COLUMN @extschema@.target.plan IS 'The plan the target comes from, e.g. Beskæftigelsesplan 2019';
COMMENT ON COLUMN @extschema@.target.title IS 'The target in the plan''s own words';
COMMENT ON COLUMN @extschema@.target.model IS 'With measure or benefit: the model of the catalog whose measure (or goal benefit) the target follows';
COMMENT ON COLUMN @extschema@.target.measure IS 'A measure of model_measure (its source, unit and direction are used)';
COMMENT ON COLUMN @extschema@.target.benefit IS 'A benefit of model_benefit (full-time persons on one benefit)';
COMMENT ON COLUMN @extschema@.target.source IS
'Instead of a catalog measure: a schema-qualified table or view with columns kommune, period, value (and numerator, denominator for pooled averages)';
COMMENT ON COLUMN @extschema@.target.unit IS
'Unit of the measure (taken from the catalog when NULL); pct. marks a share in per cent, whose target levels must lie in 0-100';
COMMENT ON COLUMN @extschema@.target.kind IS
'level: a ceiling or floor, optionally due by a date with milestones; change: a relative change against a baseline period (in total or per year); peer: better than or at the level of a peer group''s average; previous: at least as good as the period before';
COMMENT ON COLUMN @extschema@.target.direction IS 'at_most: the value must not exceed the target value (lower is better); at_least: it must reach it';
COMMENT ON COLUMN @extschema@.target.strict IS 'True for "under", "better than": the target value itself does not meet the target';
COMMENT ON COLUMN @extschema@.target.level IS 'kind level: the target level (due by due, or in every period when due is NULL)';
COMMENT ON COLUMN @extschema@.target.due IS 'kind level or change: the date by which the full target is due; periods are judged at their last day';
COMMENT ON COLUMN @extschema@.target.interpolate IS 'Before due: follow a straight line between the milestones (level) or from the baseline (change); otherwise a period is judged by the latest milestone already due';
COMMENT ON COLUMN @extschema@.target.baseline_period IS 'kind change: the period the change is measured from; kind peer: compare the change since this period instead of the level';
COMMENT ON COLUMN @extschema@.target.change_pct IS 'kind change: the change in per cent of the baseline level, e.g. -30 for a reduction by 30 %';
COMMENT ON COLUMN @extschema@.target.per_year IS 'kind change: change_pct applies in each year after the baseline (compounded) instead of in total';
COMMENT ON COLUMN @extschema@.target.peer_group IS 'kind peer: the group whose average is the target value';
COMMENT ON COLUMN @extschema@.target.peer_average IS 'kind peer: mean (simple mean of the members'' values) or pooled (sum of numerators / sum of denominators, or of the group total for a change)';
COMMENT ON COLUMN @extschema@.target.first_period IS 'First period the target is followed in (NULL: from the first period with data)';
COMMENT ON COLUMN @extschema@.target.last_period IS 'Last period the target is followed in (NULL: up to the last period with data)';
COMMENT ON COLUMN @extschema@.target.note IS 'Which jobindsats table and measure the target follows, and how it differs from the plan''s wording';
COMMENT ON COLUMN @extschema@.target.shipped IS 'True for the example targets shipped with the extension (read-only, not dumped)';

CREATE TABLE @extschema@.target_milestone (
	target text NOT NULL REFERENCES @extschema@.target ON UPDATE CASCADE ON DELETE CASCADE,
	due date NOT NULL
		CONSTRAINT target_milestone_due_finite CHECK (pg_catalog.isfinite(due)),
	value numeric NOT NULL
		CONSTRAINT target_milestone_value_finite CHECK (value > '-Infinity' AND value < 'Infinity'),
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (target, due)
);

COMMENT ON TABLE @extschema@.target_milestone IS
'Milestones (delmål) of level targets: intermediate levels due before the target''s due date';

/*
 * The link to the model catalog, kept in one place: which source relation a
 * target reads, and the catalog's direction of its measure.
 */
CREATE VIEW @extschema@.target_source AS
SELECT t.target,
	   coalesce(t.source, mm.source, mb.source) AS source,
	   CASE WHEN t.measure IS NOT NULL THEN pg_catalog.format('%s/%s', t.model, t.measure)
			WHEN t.benefit IS NOT NULL THEN pg_catalog.format('%s/benefit:%s', t.model, t.benefit)
			ELSE t.source END AS follows,
	   mm.higher_is_better
FROM @extschema@.target t
LEFT JOIN @extschema@.model_measure mm ON mm.model = t.model AND mm.measure = t.measure
LEFT JOIN @extschema@.model_benefit mb ON mb.model = t.model AND mb.benefit = t.benefit;

COMMENT ON VIEW @extschema@.target_source IS
'For each target: the source relation it reads (its own, or its catalog measure''s or benefit''s), what it follows (model/measure, model/benefit:name or the source), and the catalog direction of the measure';

/* Shipped rows are read-only; users cannot pretend to ship rows. */
CREATE FUNCTION @extschema@.target_protect_shipped()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	what text := CASE WHEN TG_TABLE_NAME LIKE 'peer_group%' THEN 'peer group' ELSE 'target' END;
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.shipped THEN
		RAISE EXCEPTION 'the shipped % "%" cannot be changed', what, pg_catalog.to_jsonb(OLD) ->> TG_ARGV[0]
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = pg_catalog.format('Table %s holds it as shipped with the extension; pg_dump does not keep changes to it.', TG_TABLE_NAME),
				HINT = CASE what WHEN 'peer group' THEN 'Copy the group with peer_group_copy(''group'', ''my-group'') and change the copy.'
						  ELSE 'Add a target of your own (shipped = false) instead.' END;
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

COMMENT ON FUNCTION @extschema@.target_protect_shipped() IS
'Trigger function: keeps the shipped peer groups and example targets read-only';

/* Members of a shipped group are as shipped: nobody adds to them. */
CREATE FUNCTION @extschema@.peer_group_member_validate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.peer_group g WHERE g.peer_group = NEW.peer_group AND g.shipped) THEN
		RAISE EXCEPTION 'the shipped peer group "%" cannot be changed', NEW.peer_group
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = 'Its members are as shipped with the extension; pg_dump does not keep changes to them.',
				HINT = pg_catalog.format('Copy the group with peer_group_copy(%L, ''my-group'') and change the copy.', NEW.peer_group);
	END IF;
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.peer_group_member_validate() IS
'Trigger function: rejects new members of a shipped peer group';

/* What is wrong with a source relation for targets, or NULLs when nothing is. */
CREATE FUNCTION @extschema@.target_source_problem(source text, OUT sqlstate text, OUT problem text, OUT hint text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel regclass;
	missing text;
BEGIN
	IF source IS NULL THEN
		RETURN;
	END IF;
	BEGIN
		rel := pg_catalog.to_regclass(source);
	EXCEPTION WHEN OTHERS THEN
		rel := NULL;
	END;
	IF rel IS NULL THEN
		sqlstate := '42P01';
		problem := pg_catalog.format('source relation %s does not exist', source);
		hint := 'Give a schema-qualified table or view with the columns kommune, period and value; names are resolved with search_path = pg_catalog.';
		RETURN;
	END IF;
	IF NOT (pg_catalog.has_table_privilege(rel, 'SELECT')
			OR (SELECT pg_catalog.bool_and(pg_catalog.has_column_privilege(rel, a.attname, 'SELECT'))
				FROM pg_catalog.pg_attribute a
				WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped
				  AND a.attname IN ('kommune', 'period', 'value', 'numerator', 'denominator'))) THEN
		sqlstate := '42501';
		problem := pg_catalog.format('permission denied for source %s', rel);
		hint := pg_catalog.format('Target status reads sources with your own privileges: ask for GRANT SELECT ON %s.', rel);
		RETURN;
	END IF;
	SELECT pg_catalog.string_agg(c, ', ') INTO missing
	FROM pg_catalog.unnest('{kommune,period,value}'::text[]) c
	WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
					  WHERE a.attrelid = rel AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped);
	IF missing IS NOT NULL THEN
		sqlstate := '42703';
		problem := pg_catalog.format('source %s lacks column(s) %s', rel, missing);
		hint := 'A source returns (kommune text or kommune, period text, value numeric): rename its columns in a view.';
		RETURN;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
			   WHERE a.attrelid = rel AND a.attname IN ('value', 'numerator', 'denominator') AND a.attnum > 0 AND NOT a.attisdropped
				 AND a.atttypid NOT IN ('numeric'::regtype, 'integer'::regtype, 'bigint'::regtype, 'smallint'::regtype,
										'real'::regtype, 'double precision'::regtype)) THEN
		sqlstate := '42804';
		problem := pg_catalog.format('source %s has a value, numerator or denominator column that is not a number', rel);
		hint := 'Convert the columns to numeric in a view; suppressed cells are NULL, never 0.';
	END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.target_source_problem(text) IS
'What is wrong with a relation as a target source (missing, not readable, lacking kommune/period/value, not numeric) with SQLSTATE and hint; NULLs when it is fine';

/* True when a source relation has numerator and denominator columns. */
CREATE FUNCTION @extschema@.target_source_has_ratio(source text)
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

COMMENT ON FUNCTION @extschema@.target_source_has_ratio(text) IS
'True when a source relation has numerator and denominator columns (needed for pooled averages of levels); NULL when it does not exist';

/* Checks a target against the catalog, its source, its periods and milestones. */
CREATE FUNCTION @extschema@.target_validate()
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
	IF NEW.shipped THEN
		RETURN NEW;
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
			FROM @extschema@.model_measure x WHERE x.model = NEW.model AND x.measure = NEW.measure;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'target "%" follows an unknown measure: model "%" has no measure "%"', NEW.target, NEW.model, NEW.measure
					USING ERRCODE = 'foreign_key_violation',
						HINT = 'The measures are listed in table model_measure; for data of your own set source (a table or view) instead of model and measure.';
			END IF;
			hib := mm.higher_is_better;
			NEW.unit := coalesce(NEW.unit, mm.unit);
		ELSE
			SELECT x.source INTO mm
			FROM @extschema@.model_benefit x WHERE x.model = NEW.model AND x.benefit = NEW.benefit;
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
		p := @extschema@.target_source_problem(NEW.source);
		IF p.sqlstate IS NOT NULL THEN
			RAISE EXCEPTION 'target "%" follows an unusable source: %', NEW.target, p.problem
				USING ERRCODE = p.sqlstate, HINT = p.hint;
		END IF;
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
	kinds := ARRAY[@extschema@.period_kind(NEW.baseline_period), @extschema@.period_kind(NEW.first_period),
				   @extschema@.period_kind(NEW.last_period)];
	IF (SELECT pg_catalog.count(DISTINCT k) FROM pg_catalog.unnest(kinds) k) > 1 THEN
		RAISE EXCEPTION 'target "%" mixes kinds of periods', NEW.target
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('baseline_period %s, first_period %s and last_period %s are not all years, all quarters or all months.',
										   coalesce(NEW.baseline_period, '-'), coalesce(NEW.first_period, '-'), coalesce(NEW.last_period, '-')),
				HINT = 'The target is followed in periods of one kind: give all three as years (2024), quarters (2024Q1) or months (2024M03).';
	END IF;
	IF @extschema@.period_index(NEW.last_period) < @extschema@.period_index(NEW.first_period) THEN
		RAISE EXCEPTION 'target "%": last_period % comes before first_period %', NEW.target, NEW.last_period, NEW.first_period
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF @extschema@.period_index(NEW.first_period) <= @extschema@.period_index(NEW.baseline_period)
	   OR @extschema@.period_index(NEW.last_period) <= @extschema@.period_index(NEW.baseline_period) THEN
		RAISE EXCEPTION 'target "%" is followed from period %, which is not after its baseline period %', NEW.target,
			CASE WHEN @extschema@.period_index(NEW.first_period) <= @extschema@.period_index(NEW.baseline_period)
				 THEN NEW.first_period ELSE NEW.last_period END, NEW.baseline_period
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'A change is measured in the periods after the baseline.';
	END IF;
	IF NEW.due IS NOT NULL AND NEW.baseline_period IS NOT NULL AND NEW.due <= @extschema@.period_end(NEW.baseline_period) THEN
		RAISE EXCEPTION 'target "%" is due on %, not after its baseline period % ends', NEW.target, pg_catalog.to_char(NEW.due, 'YYYY-MM-DD'), NEW.baseline_period
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	/* A pooled average of levels adds numerators and denominators. */
	IF NEW.kind = 'peer' AND NEW.peer_average = 'pooled' AND NEW.baseline_period IS NULL
	   AND NOT @extschema@.target_source_has_ratio(src) THEN
		RAISE EXCEPTION 'target "%": a pooled peer average needs numerator and denominator columns in source %', NEW.target, src
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = 'The pooled average of a level is the sum of the members'' numerators over the sum of their denominators.',
				HINT = 'Use peer_average = ''mean'', or follow a view that also returns numerator and denominator (value = 100 * numerator / denominator for pct.).';
	END IF;

	/* Milestones already given must still fit. */
	SELECT m.due, m.value INTO bad_milestone
	FROM @extschema@.target_milestone m
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

COMMENT ON FUNCTION @extschema@.target_validate() IS
'Trigger function: checks a target''s measure or source, unit, direction, share levels, periods, pooled averages and milestones, with errors that say what is wrong';

/* Checks a milestone against its target. */
CREATE FUNCTION @extschema@.target_milestone_validate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t @extschema@.target;
BEGIN
	IF NEW.shipped THEN
		RETURN NEW;
	END IF;
	SELECT * INTO t FROM @extschema@.target x WHERE x.target = NEW.target;
	IF NOT FOUND THEN
		RETURN NEW;		/* the foreign key reports it */
	END IF;
	IF t.shipped THEN
		RAISE EXCEPTION 'the shipped target "%" cannot be changed', t.target
			USING ERRCODE = 'insufficient_privilege',
				DETAIL = 'Its milestones are as shipped with the extension.',
				HINT = 'Add a target of your own (shipped = false) instead.';
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

COMMENT ON FUNCTION @extschema@.target_milestone_validate() IS
'Trigger function: a milestone belongs to a level target with a due date, comes before that date, and lies in 0-100 for a share';

/*
 * The shipped examples: the measurable targets of the employment plans of
 * Aabenraa (2019, 2022), Tønder (2024) and Sønderborg (2016-2018).  Sources in
 * schema target_sources are sample mapping views (test/data/sample_targets.sql);
 * the ones marked SYNTHETIC there stand in for data the sample lacks.
 */

INSERT INTO @extschema@.target (target, kommune, plan, title, model, measure, benefit, source, unit, kind, direction, strict,
								level, due, interpolate, baseline_period, change_pct, per_year, peer_group, peer_average,
								first_period, last_period, note, shipped) VALUES
	('aabenraa-2019-langtidsledige', 'Aabenraa', 'Aabenraa Kommune, Beskæftigelsesplan 2019',
	 'A-dagpenge: Andelen af langtidsledige må ikke overstige 25 % med udgangen af 2019.',
	 'sonderborg-2023', 'langtidsledige', NULL, NULL, 'pct.', 'level', 'at_most', false,
	 25, NULL, false, NULL, NULL, false, NULL, NULL, '2019', '2019',
	 'Follows the model''s measure langtidsledige: Y25I09 "Antal langtidsledige fuldtidspersoner" / Y25I01 "Antal ledige fuldtidspersoner", yearly means. The plan speaks of a-dagpenge recipients; Y25I01/Y25I09 count the unemployed, the closest public measure.', true),
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
	 'Follows the model''s measure langtidsledige (Y25I09 / Y25I01). The plan asks this for insured unemployed and job-ready kontanthjælp recipients separately; the sample has the first only. The average is the simple mean of the municipal shares, because the model''s source gives no numerator and denominator.', true),
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
	 'Y07A02 "Antal fuldtidspersoner", yearly means, baseline 2015, -2 % compounded per year (2016: 98 %, 2017: 96.04 %, 2018: 94.12 % of 2015). The sample starts in 2018: target_sources.sygedagpenge_fuldtid adds SYNTHETIC years 2015-2017 to it.', true);

INSERT INTO @extschema@.target_milestone (target, due, value, shipped) VALUES
	('aabenraa-2019-kontant-uddannelseshjaelp', '2019-12-31', 975, true);

CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.peer_group
	FOR EACH ROW EXECUTE FUNCTION @extschema@.target_protect_shipped('peer_group');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.peer_group_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.target_protect_shipped('peer_group');
CREATE TRIGGER validate BEFORE INSERT OR UPDATE ON @extschema@.peer_group_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.peer_group_member_validate();
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.target_protect_shipped('target');
CREATE TRIGGER validate BEFORE INSERT OR UPDATE ON @extschema@.target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.target_validate();
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.target_milestone
	FOR EACH ROW EXECUTE FUNCTION @extschema@.target_protect_shipped('target');
CREATE TRIGGER validate BEFORE INSERT OR UPDATE ON @extschema@.target_milestone
	FOR EACH ROW EXECUTE FUNCTION @extschema@.target_milestone_validate();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.peer_group', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.peer_group_member', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.target', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.target_milestone', 'WHERE NOT shipped');

GRANT SELECT ON @extschema@.peer_group, @extschema@.peer_group_member, @extschema@.target,
	@extschema@.target_milestone, @extschema@.target_source TO PUBLIC;

CREATE FUNCTION @extschema@.peer_group_copy(source_group text, new_group text)
RETURNS text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.peer_group g WHERE g.peer_group = source_group) THEN
		RAISE EXCEPTION 'peer group "%" does not exist', source_group
			USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view peer_groups.';
	END IF;
	INSERT INTO @extschema@.peer_group (peer_group, name_da, name_en, definition)
	SELECT new_group, g.name_da, g.name_en, pg_catalog.format('Copy of %s. %s', source_group, g.definition)
	FROM @extschema@.peer_group g WHERE g.peer_group = source_group;
	INSERT INTO @extschema@.peer_group_member (peer_group, kommune)
	SELECT new_group, m.kommune FROM @extschema@.peer_group_member m WHERE m.peer_group = source_group;
	RETURN new_group;
END
$$;

COMMENT ON FUNCTION @extschema@.peer_group_copy(text, text) IS
'Copies a peer group (shipped or your own) with its members under a new name, as ordinary editable rows';

CREATE VIEW @extschema@.peer_groups AS
SELECT g.peer_group, g.name_da, g.name_en,
	   (SELECT pg_catalog.count(*)::integer FROM @extschema@.peer_group_member m WHERE m.peer_group = g.peer_group) AS members,
	   (SELECT pg_catalog.string_agg(m.kommune::text, ', ' ORDER BY m.kommune)
		FROM @extschema@.peer_group_member m WHERE m.peer_group = g.peer_group) AS kommuner,
	   g.definition, g.shipped
FROM @extschema@.peer_group g;

COMMENT ON VIEW @extschema@.peer_groups IS
'Each peer group with its number of members, their names (by code) and its definition';

GRANT SELECT ON @extschema@.peer_groups TO PUBLIC;

/*
 * Peer group averages of any source: the simple mean of the members' values,
 * and the pooled value (sum of numerators / sum of denominators) where the
 * source has numerator and denominator columns.
 */
CREATE FUNCTION @extschema@.peer_averages(source text, group_name text DEFAULT NULL, unit text DEFAULT 'pct.')
RETURNS TABLE (peer_group text, period text, members integer, reporting integer, mean numeric,
			   pooled_reporting integer, pooled numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
	ratio boolean;
BEGIN
	p := @extschema@.target_source_problem(source);
	IF p.sqlstate IS NOT NULL THEN
		RAISE EXCEPTION '%', p.problem USING ERRCODE = p.sqlstate, HINT = p.hint;
	END IF;
	IF group_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM @extschema@.peer_group g WHERE g.peer_group = group_name) THEN
		RAISE EXCEPTION 'peer group "%" does not exist', group_name
			USING ERRCODE = 'undefined_object', HINT = 'The peer groups are listed in view peer_groups.';
	END IF;
	ratio := @extschema@.target_source_has_ratio(source);
	RETURN QUERY EXECUTE pg_catalog.format($q$
		WITH raw AS MATERIALIZED (
			SELECT x.kommune::text AS k, x.period::text AS period, x.value::numeric AS v, %s AS num, %s AS den FROM %s x
		),
		names AS MATERIALIZED (
			SELECT d.k, @extschema@.model_kommune_or_null(d.k) AS kommune FROM (SELECT DISTINCT r.k FROM raw r WHERE r.k IS NOT NULL) d
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
			FROM @extschema@.peer_group g JOIN @extschema@.peer_group_member m ON m.peer_group = g.peer_group
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

COMMENT ON FUNCTION @extschema@.peer_averages(text, text, text) IS
'Per peer group (or one group) and period of a source: members, members reporting a value, the simple mean of their values, and the pooled value (sum of numerators / sum of denominators, times 100 for unit pct.) where the source has numerator and denominator';

/* The target value of a level target at a date: milestones and the final level. */
CREATE FUNCTION @extschema@.target_level_at(target_name text, at_date date)
RETURNS numeric
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH t AS (
		SELECT x.level, x.due, x.interpolate FROM @extschema@.target x
		WHERE x.target = target_level_at.target_name AND x.kind = 'level'
	),
	pts AS (
		SELECT m.due, m.value FROM @extschema@.target_milestone m WHERE m.target = target_level_at.target_name
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

COMMENT ON FUNCTION @extschema@.target_level_at(text, date) IS
'The level a level target asks for at a date: its level when it has no due date; NULL before the first milestone; the latest milestone due, or a straight line between milestones when the target interpolates; the final level from its due date on';

/*
 * Target status: per target and period, the actual value, the target value,
 * met / not met / no data / not due, the gap and the trend.
 */
CREATE FUNCTION @extschema@.target_status_for(kommune_name text, target_filter text)
RETURNS TABLE (target text, kommune text, kommune_code integer, plan text, title text, kind text, direction text,
			   strict boolean, follows text, unit text, period text, period_start date, period_end date,
			   compared text, actual numeric, target_value numeric, peer_group text, peer_average text,
			   peer_members integer, peer_reporting integer, status text, met boolean, gap numeric, margin numeric,
			   trend numeric, trend_direction text, note text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	s record;
	p record;
	q text := '';
	bad_sources text[] := '{}';
	bad_problems text[] := '{}';
	ratio_sources text[] := '{}';
	ratio boolean;
	kommune_filter @extschema@.kommune := kommune_name::@extschema@.kommune;
BEGIN
	FOR s IN
		SELECT DISTINCT ts.source
		FROM @extschema@.target t JOIN @extschema@.target_source ts ON ts.target = t.target
		WHERE (kommune_filter IS NULL OR t.kommune OPERATOR(@extschema@.=) kommune_filter) AND (target_filter IS NULL OR t.target = target_filter)
		ORDER BY 1
	LOOP
		p := @extschema@.target_source_problem(s.source);
		IF p.sqlstate IS NOT NULL THEN
			bad_sources := bad_sources || s.source;
			bad_problems := bad_problems || p.problem;
			CONTINUE;
		END IF;
		ratio := @extschema@.target_source_has_ratio(s.source);
		IF ratio THEN
			ratio_sources := ratio_sources || s.source;
		END IF;
		IF q <> '' THEN
			q := q || E'\nUNION ALL ';
		END IF;
		q := q || pg_catalog.format('SELECT %L::text AS src, x.kommune::text AS k, x.period::text AS period, x.value::numeric AS v, %s AS num, %s AS den FROM %s x',
									 s.source, CASE WHEN ratio THEN 'x.numerator::numeric' ELSE 'NULL::numeric' END,
									 CASE WHEN ratio THEN 'x.denominator::numeric' ELSE 'NULL::numeric' END,
									 pg_catalog.to_regclass(s.source));
	END LOOP;
	IF q = '' THEN
		q := 'SELECT NULL::text AS src, NULL::text AS k, NULL::text AS period, NULL::numeric AS v, NULL::numeric AS num, NULL::numeric AS den WHERE false';
	END IF;

	RETURN QUERY EXECUTE pg_catalog.format($q$
	WITH t AS MATERIALIZED (
		SELECT x.*, ts.source AS src, ts.follows, ts.source = ANY ($5) AS ratio,
			   pg_catalog.array_position($3, ts.source) AS bad,
			   coalesce(@extschema@.period_kind(x.baseline_period), @extschema@.period_kind(x.first_period),
						@extschema@.period_kind(x.last_period)) AS pkind,
			   CASE WHEN x.unit = 'pct.' THEN 100 ELSE 1 END AS factor
		FROM @extschema@.target x JOIN @extschema@.target_source ts ON ts.target = x.target
		WHERE ($1 IS NULL OR x.kommune OPERATOR(@extschema@.=) $1) AND ($2 IS NULL OR x.target = $2)
	),
	raw AS MATERIALIZED (%s),
	names AS MATERIALIZED (
		SELECT d.k, @extschema@.model_kommune_or_null(d.k) AS kommune
		FROM (SELECT DISTINCT r.k FROM raw r WHERE r.k IS NOT NULL) d
	),
	vals AS MATERIALIZED (
		SELECT g.*, @extschema@.period_kind(g.period) AS pkind, @extschema@.period_index(g.period) AS pidx
		FROM (SELECT r.src, n.kommune, r.period,
					 CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.v) END AS v,
					 CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.num) END AS num,
					 CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.den) END AS den,
					 pg_catalog.count(*) > 1 AS dup
			  FROM raw r JOIN names n ON n.k = r.k
			  WHERE n.kommune IS NOT NULL AND (r.v IS NULL OR r.v <> 'NaN')
				AND r.period ~ '^[0-9]{4}((M(0[1-9]|1[0-2]))|(Q[1-4])|(QMAT0[1-4]))?$' AND r.period !~ '^0000'
			  GROUP BY r.src, n.kommune, r.period) g
	),
	per AS (
		SELECT t.target, p.period
		FROM t CROSS JOIN LATERAL @extschema@.period_series(t.first_period, t.last_period) p(period)
		WHERE t.first_period IS NOT NULL AND t.last_period IS NOT NULL
		  AND (t.baseline_period IS NULL OR @extschema@.period_index(p.period) > @extschema@.period_index(t.baseline_period))
		UNION
		SELECT t.target, v.period
		FROM t JOIN vals v ON v.src = t.src AND v.kommune = t.kommune::text
		WHERE NOT (t.first_period IS NOT NULL AND t.last_period IS NOT NULL)
		  AND (t.pkind IS NULL OR v.pkind = t.pkind)
		  AND (t.first_period IS NULL OR v.pidx >= @extschema@.period_index(t.first_period))
		  AND (t.last_period IS NULL OR v.pidx <= @extschema@.period_index(t.last_period))
		  AND (t.baseline_period IS NULL OR v.pidx > @extschema@.period_index(t.baseline_period))
		UNION
		SELECT t.target, NULL FROM t
		WHERE t.bad IS NOT NULL AND NOT (t.first_period IS NOT NULL AND t.last_period IS NOT NULL)
	),
	r AS (
		SELECT t.*, p.period, @extschema@.period_kind(p.period) AS perkind, @extschema@.period_index(p.period) AS pidx,
			   @extschema@.period_start(p.period) AS ps, @extschema@.period_end(p.period) AS pe,
			   @extschema@.period_previous(p.period) AS prev_period,
			   cur.v AS cur_v, coalesce(cur.dup, false) AS cur_dup, cur.src IS NOT NULL AS cur_row,
			   base.v AS base_v, coalesce(base.dup, false) AS base_dup,
			   prev.v AS prev_v, coalesce(prev.dup, false) AS prev_dup
		FROM t JOIN per p ON p.target = t.target
		LEFT JOIN vals cur ON cur.src = t.src AND cur.kommune = t.kommune::text AND cur.period = p.period
		LEFT JOIN vals base ON base.src = t.src AND base.kommune = t.kommune::text AND base.period = t.baseline_period
		LEFT JOIN vals prev ON prev.src = t.src AND prev.kommune = t.kommune::text
						   AND prev.period = @extschema@.period_previous(p.period)
	),
	peer_rows AS (
		SELECT r.target, r.period, r.factor, c.v AS cv, b.v AS bv, c.num AS c_num, c.den AS c_den,
			   CASE WHEN r.ratio THEN c.num ELSE c.v END AS cn, CASE WHEN r.ratio THEN c.den ELSE 1 END AS cd,
			   CASE WHEN r.ratio THEN b.num ELSE b.v END AS bn, CASE WHEN r.ratio THEN b.den ELSE 1 END AS bd
		FROM r JOIN @extschema@.peer_group_member m ON m.peer_group = r.peer_group
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
					WHEN 'level' THEN @extschema@.target_level_at(r.target, r.pe)
					WHEN 'change' THEN
						CASE WHEN r.base_v IS NULL OR r.base_v = 0 THEN NULL
							 WHEN r.per_year THEN r.base_v * (1 + r.change_pct / 100)
								  ^ (EXTRACT(year FROM r.pe) - EXTRACT(year FROM @extschema@.period_end(r.baseline_period)))
							 WHEN r.due IS NULL OR r.pe >= r.due THEN r.base_v * (1 + r.change_pct / 100)
							 WHEN r.interpolate THEN r.base_v * (1 + r.change_pct / 100
								  * (r.pe - @extschema@.period_end(r.baseline_period))
								  / (r.due - @extschema@.period_end(r.baseline_period)))
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
			   (r.kind = 'level' AND r.due IS NOT NULL AND @extschema@.target_level_at(r.target, r.pe) IS NULL)
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
							   || pg_catalog.to_char((SELECT pg_catalog.min(m.due) FROM @extschema@.target_milestone m WHERE m.target = j.target), 'YYYY-MM-DD')
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
	USING kommune_filter, target_filter, bad_sources, bad_problems, ratio_sources;
END
$$;

COMMENT ON FUNCTION @extschema@.target_status_for(text, text) IS
'Target follow-up for one municipality and/or one target (NULL: all): per target and period the actual value, the target value, status (met, not met, no data, not due), gap (actual - target), margin (positive = better than the target), the trend of the municipality''s values and a note';

CREATE VIEW @extschema@.target_status AS
SELECT * FROM @extschema@.target_status_for(NULL, NULL);

COMMENT ON VIEW @extschema@.target_status IS
'Target follow-up of every target in every period it is followed in, as plain columns for reports and BI tools';

GRANT SELECT ON @extschema@.target_status TO PUBLIC;

CREATE FUNCTION @extschema@.target_scorecard(kommune_name text, period_label text DEFAULT NULL)
RETURNS TABLE (target text, plan text, title text, kind text, follows text, period text, compared text,
			   actual numeric, target_value numeric, unit text, status text, gap numeric, trend_direction text, note text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH s AS (
		SELECT x.*,
			   pg_catalog.row_number() OVER (PARTITION BY x.target
											 ORDER BY x.status IN ('met', 'not met') DESC, x.period_end DESC) AS latest
		FROM @extschema@.target_status_for(target_scorecard.kommune_name, NULL) x
		WHERE target_scorecard.period_label IS NULL OR x.period = target_scorecard.period_label
	)
	SELECT s.target, s.plan, s.title, s.kind, s.follows, s.period, s.compared, s.actual, s.target_value, s.unit,
		   s.status, s.gap, s.trend_direction, s.note
	FROM s
	WHERE s.latest = 1
	ORDER BY s.plan, s.target;
END;

COMMENT ON FUNCTION @extschema@.target_scorecard(text, text) IS
'One municipality''s targets, one line each: in the given period, or (period NULL) in the latest period that could be judged, else the latest followed';
