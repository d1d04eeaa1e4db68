/* jobindsats period labels */

/*
 * jobindsats period labels: '2022' (year), '2022Q1' (quarter), '2022M03'
 * (month), '2023QMAT01' (four quarters ending with the quarter named).
 */

CREATE FUNCTION benchmark.period_kind(label text)
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

COMMENT ON FUNCTION benchmark.period_kind(text) IS
'The kind of a jobindsats period label: year (2022), quarter (2022Q1), month (2022M03) or four quarters (2023QMAT01); malformed labels are an error (22P02, out-of-range fields 22008)';

CREATE FUNCTION benchmark.period_start(label text)
RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := benchmark.period_kind(label);
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

COMMENT ON FUNCTION benchmark.period_start(text) IS
'The first day of a jobindsats period label (2022 -> 2022-01-01, 2022M03 -> 2022-03-01, 2022Q2 -> 2022-04-01, 2023QMAT01 -> 2022-04-01)';

CREATE FUNCTION benchmark.period_end(label text)
RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := benchmark.period_kind(label);
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

COMMENT ON FUNCTION benchmark.period_end(text) IS
'The last day of a jobindsats period label (2022 -> 2022-12-31, 2022M02 -> 2022-02-28, 2022Q1 -> 2022-03-31, 2023QMAT01 -> 2023-03-31)';

/*
 * More about jobindsats period labels: a running number per kind, the
 * previous period and a series of periods.
 */

CREATE FUNCTION benchmark.period_index(label text)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := benchmark.period_kind(label);
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

COMMENT ON FUNCTION benchmark.period_index(text) IS
'A running number of a jobindsats period within its kind: consecutive years, quarters or months differ by 1 (2022 -> 2022, 2022M03 -> 24266, 2022Q1 -> 8088)';

/* The label of the period with running number idx of a kind; NULL before year 1. */
CREATE FUNCTION benchmark.period_from_index(kind text, idx integer)
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

COMMENT ON FUNCTION benchmark.period_from_index(text, integer) IS
'The jobindsats period label of a kind (year, quarter, month, four quarters) with a running number as period_index gives it; NULL outside the years 0001-9999';

CREATE FUNCTION benchmark.period_previous(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN benchmark.period_from_index(benchmark.period_kind(label), benchmark.period_index(label) - 1);

COMMENT ON FUNCTION benchmark.period_previous(text) IS
'The period before a jobindsats period, of the same kind (2022 -> 2021, 2022M01 -> 2021M12, 2022Q1 -> 2021Q4)';

CREATE FUNCTION benchmark.period_series(first_period text, last_period text)
RETURNS SETOF text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE ROWS 12
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	kind text := benchmark.period_kind(first_period);
BEGIN
	IF benchmark.period_kind(last_period) <> kind THEN
		RAISE EXCEPTION 'periods "%" and "%" are of different kinds', first_period, last_period
			USING ERRCODE = 'invalid_parameter_value',
				DETAIL = pg_catalog.format('"%s" is a %s, "%s" a %s.', first_period, kind, last_period,
										   benchmark.period_kind(last_period)),
				HINT = 'Give two years, two quarters or two months.';
	END IF;
	RETURN QUERY
		SELECT benchmark.period_from_index(kind, i)
		FROM pg_catalog.generate_series(benchmark.period_index(first_period), benchmark.period_index(last_period)) i;
END
$$;

COMMENT ON FUNCTION benchmark.period_series(text, text) IS
'Every period from the first to the last (of one kind), in order; none when the last comes before the first';

CREATE FUNCTION benchmark.period_is_valid(label text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN label ~ '^([0-9]{4})((M(0[1-9]|1[0-2]))|(Q[1-4])|(QMAT0[1-4])|Y01|Q0[1-4])?$' AND label !~ '^0000';

COMMENT ON FUNCTION benchmark.period_is_valid(text) IS
'True when a text is a jobindsats period label that period_kind accepts';

CREATE FUNCTION benchmark.period_canonical(label text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN label ~ '^[0-9]{4}Y01$' THEN pg_catalog.left(label, 4)
			WHEN label ~ '^[0-9]{4}Q0[1-4]$' THEN pg_catalog.left(label, 5) || pg_catalog.right(label, 1)
			ELSE label END;

COMMENT ON FUNCTION benchmark.period_canonical(text) IS
'The canonical form of a jobindsats period label (2024Y01 -> 2024, 2025Q04 -> 2025Q4)';
