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
CREATE FUNCTION benchmark_internal.protect_shipped()
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
						   WHEN TG_TABLE_NAME = 'jobindsats_series_form' THEN 'The year form is always stored; add the other forms a model reads.'
						   WHEN TG_TABLE_NAME = 'jobindsats_measure_label' THEN 'Add labels of your own (shipped = false) beside the shipped ones.'
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

COMMENT ON FUNCTION benchmark_internal.protect_shipped() IS
'Trigger function of every catalog table: shipped rows cannot be changed, deleted, truncated or added to (a shipped model, peer group or target gains no rows)';

/* Every catalog table keeps its shipped rows as shipped. */
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('model');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_area
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('area_no', 'model');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('measure', 'model');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('benefit', 'model');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.model_excluded
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('kommune', 'model');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.peer_group
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('peer_group');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.peer_group_member
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('kommune', 'peer_group');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.target
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('target');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.target_milestone
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('due', 'target');
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_area
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_measure
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_benefit
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.model_excluded
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.peer_group
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.peer_group_member
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.target
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.target_milestone
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_term
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('term');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_mapping
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('mapping');
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_measure_label
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('measure');
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.jobindsats_measure_label
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.jobindsats_term
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.jobindsats_mapping
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();
CREATE TRIGGER protect_shipped BEFORE INSERT OR UPDATE OR DELETE ON benchmark.jobindsats_series_form
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.protect_shipped('period_form');
CREATE TRIGGER protect_shipped_truncate BEFORE TRUNCATE ON benchmark.jobindsats_series_form
	FOR EACH STATEMENT EXECUTE FUNCTION benchmark_internal.protect_shipped();

/*
 * Who may have written a source.  Reading a view runs the functions it calls
 * with the reader's rights, so a source is read only when its owner is the
 * reader, a superuser, or a role the reader names in the setting
 * benchmark.trusted_owners.
 */
CREATE FUNCTION benchmark_internal.source_owner_trusted(owner oid)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN owner = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER)
	OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid = owner)
	OR (SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = owner)
	   = ANY (pg_catalog.string_to_array(pg_catalog.replace(coalesce(pg_catalog.current_setting('benchmark.trusted_owners', true), ''), ' ', ''), ','));

COMMENT ON FUNCTION benchmark_internal.source_owner_trusted(oid) IS
'True when the runner may read a relation owned by this role: the current user, a superuser, or a role listed in the setting benchmark.trusted_owners';

/*
 * The one check of a source relation, used by the model catalog, the runner
 * and the target follow-up: what is wrong with it, with SQLSTATE and hint,
 * and NULLs when nothing is.  columns are the columns the caller reads;
 * numeric_columns those of them that must hold numbers.
 */
CREATE FUNCTION benchmark.source_problem(source text, columns text[] DEFAULT '{kommune,period,value}',
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
	IF NOT benchmark_internal.source_owner_trusted(c.relowner) THEN
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
CREATE FUNCTION benchmark_internal.source_check(source text, of_what text, columns text[] DEFAULT '{kommune,period,value}',
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

COMMENT ON FUNCTION benchmark_internal.source_check(text, text, text[], text[]) IS
'Checks a source relation with source_problem and raises its problem, prefixed with what the source belongs to; returns the relation';

/*
 * A measure's or benefit's source, when it exists already, is a table, view
 * or materialized view: an index or a composite type is refused when it is
 * entered.  A source that does not exist yet is accepted (the runner reports
 * it), so that a model can be set up before its data.
 */
CREATE FUNCTION benchmark_internal.source_kind_check()
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

COMMENT ON FUNCTION benchmark_internal.source_kind_check() IS
'Trigger function of model_measure and model_benefit: a source that exists must be a table, view or materialized view';

CREATE TRIGGER source_kind_check BEFORE INSERT OR UPDATE OF source ON benchmark.model_measure
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.source_kind_check();
CREATE TRIGGER source_kind_check BEFORE INSERT OR UPDATE OF source ON benchmark.model_benefit
	FOR EACH ROW EXECUTE FUNCTION benchmark_internal.source_kind_check();

/*
 * The SELECT reading one checked source as (what, item, k, period, v, num,
 * den), for dynamic SQL: num and den are its numerator and denominator
 * columns when ratio says it has them (target sources may), else NULL.
 */
CREATE FUNCTION benchmark_internal.source_select(relation regclass, what text, item text, periods text[], ratio boolean)
RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.format('SELECT %L::text AS what, %L::text AS item, s.kommune::text AS k, s.period::text AS period, s.value::numeric AS v, %s FROM %s s%s',
						 what, item,
						 CASE WHEN ratio THEN 's.numerator::numeric AS num, s.denominator::numeric AS den'
							  ELSE 'NULL::numeric AS num, NULL::numeric AS den' END,
						 relation,
						 CASE WHEN periods IS NOT NULL THEN pg_catalog.format(' WHERE s.period::text = ANY (%L::text[])', periods) ELSE '' END);

COMMENT ON FUNCTION benchmark_internal.source_select(regclass, text, text, text[], boolean) IS
'The SELECT reading one checked source as (what, item, k, period, v, num, den), limited to the given period labels (NULL: all), with its numerator and denominator when ratio (else NULL), for dynamic SQL';

/*
 * The one check of the rows of sources, for the runner, target status and
 * peer averages: each row of rows_sql (what, item, k, period, v, num, den,
 * as source_select reads them) with the municipality its name reads as
 * (kommune_lookup, once per distinct name) and what is wrong with it:
 * 1 no municipality, 2 no period, 3 a name that is no municipality, 4 a
 * period that is not a canonical jobindsats label (checked once per distinct
 * label), 5 a NaN value, 7 a value beyond double precision; NULL when
 * nothing is.
 */
CREATE FUNCTION benchmark_internal.source_rows(rows_sql text)
RETURNS TABLE (what text, item text, k text, kommune @extschema@.kommune, period text, v numeric, num numeric, den numeric,
			   problem integer)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY EXECUTE pg_catalog.format($q$
		WITH raw AS MATERIALIZED (%s),
		names AS MATERIALIZED (
			SELECT d.k, @extschema@.kommune_lookup(d.k) AS kommune
			FROM (SELECT DISTINCT r.k FROM raw r WHERE r.k IS NOT NULL) d
		),
		labels AS MATERIALIZED (
			SELECT d.period, benchmark.period_is_valid(d.period) AND benchmark.period_canonical(d.period) = d.period AS ok
			FROM (SELECT DISTINCT r.period FROM raw r WHERE r.period IS NOT NULL) d
		)
		SELECT r.what, r.item, r.k, n.kommune, r.period, r.v, r.num, r.den,
			   CASE WHEN r.k IS NULL THEN 1 WHEN r.period IS NULL THEN 2 WHEN n.kommune IS NULL THEN 3
					WHEN NOT l.ok THEN 4 WHEN r.v = 'NaN' THEN 5
					WHEN pg_catalog.abs(r.v) > 1.7976931348623157e308 THEN 7 END
		FROM raw r LEFT JOIN names n ON n.k = r.k LEFT JOIN labels l ON l.period = r.period$q$, rows_sql);
END
$$;

COMMENT ON FUNCTION benchmark_internal.source_rows(text) IS
'The rows of sources (SQL text as source_select writes it) with the municipality each names and its problem: 1 no municipality, 2 no period, 3 an unknown municipality, 4 a malformed or non-canonical period label, 5 NaN, 7 beyond double precision, NULL none';

/*
 * The values of sources as target status and peer averages read them: per
 * item, municipality and period the value, numerator and denominator of the
 * one row there (NULL, and dup, when there are more), from the rows without
 * a problem but a value beyond double precision (which they compute with
 * exactly).
 */
CREATE FUNCTION benchmark_internal.source_values(rows_sql text)
RETURNS TABLE (item text, kommune text, period text, v numeric, num numeric, den numeric, dup boolean)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT r.item, r.kommune::text, r.period,
		   CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.v) END,
		   CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.num) END,
		   CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.max(r.den) END,
		   pg_catalog.count(*) > 1
	FROM benchmark_internal.source_rows(source_values.rows_sql) r
	WHERE r.problem IS NULL OR r.problem = 7
	GROUP BY r.item, r.kommune, r.period;
END;

COMMENT ON FUNCTION benchmark_internal.source_values(text) IS
'Per item, municipality and period of sources (SQL text as source_select writes it) the value, numerator and denominator of its one row, NULL and dup when there are more; rows naming no municipality or period, with a malformed period label or a NaN value are left out';

/* Whether an error is a cancel, a shutdown or a lack of resources: never a source's problem. */
CREATE FUNCTION benchmark_internal.error_is_cancel_or_resources(state text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN state IN ('57014', '57P01', '53100', '53200', '54000');

COMMENT ON FUNCTION benchmark_internal.error_is_cancel_or_resources(text) IS
'True for the SQLSTATEs of a cancel (57014), a shutdown (57P01) and a lack of resources (53100, 53200, 54000): errors that are never a source''s, so never reported as one''s problem';
