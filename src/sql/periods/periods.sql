/*
 * jobindsats period labels: '2022' (year), '2022Q1' (quarter), '2022M03'
 * (month), '2023QMAT01' (four quarters ending with the quarter named), and
 * the API v3's '2024Y01' (a year) and '2025Q04' (a quarter).  One parser in
 * C (src/period.c) serves these functions and the jobindsats readers.
 * Malformed labels are an error with SQLSTATE 22P02, fields out of range
 * (year 0000, month 13, quarter 5) 22008.  period_rollup holds the rules of
 * the period forms (calendar years, years to date, rolling years) that the
 * mapping catalog rolls loaded periods up by.
 */

CREATE FUNCTION benchmark.period_kind(label text)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_kind';

COMMENT ON FUNCTION benchmark.period_kind(text) IS
'The kind of a jobindsats period label: year (2022, 2024Y01), quarter (2022Q1, 2025Q04), month (2022M03) or four quarters (2023QMAT01); malformed labels are an error (22P02, out-of-range fields 22008)';

CREATE FUNCTION benchmark.period_start(label text)
RETURNS date
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_start';

COMMENT ON FUNCTION benchmark.period_start(text) IS
'The first day of a jobindsats period label (2022 -> 2022-01-01, 2022M03 -> 2022-03-01, 2022Q2 -> 2022-04-01, 2023QMAT01 -> 2022-04-01)';

CREATE FUNCTION benchmark.period_end(label text)
RETURNS date
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_end';

COMMENT ON FUNCTION benchmark.period_end(text) IS
'The last day of a jobindsats period label (2022 -> 2022-12-31, 2022M02 -> 2022-02-28, 2022Q1 -> 2022-03-31, 2023QMAT01 -> 2023-03-31)';

CREATE FUNCTION benchmark.period_index(label text)
RETURNS integer
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_index';

COMMENT ON FUNCTION benchmark.period_index(text) IS
'A running number of a jobindsats period within its kind: consecutive years, quarters or months differ by 1 (2022 -> 2022, 2022M03 -> 24266, 2022Q1 -> 8088)';

CREATE FUNCTION benchmark.period_from_index(kind text, idx integer)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_from_index';

COMMENT ON FUNCTION benchmark.period_from_index(text, integer) IS
'The canonical jobindsats period label of a kind (year, quarter, month, four quarters) with a running number as period_index gives it; NULL outside the years 0001-9999';

CREATE FUNCTION benchmark.period_previous(label text)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_previous';

COMMENT ON FUNCTION benchmark.period_previous(text) IS
'The period before a jobindsats period, of the same kind, as a canonical label (2022 -> 2021, 2022M01 -> 2021M12, 2022Q1 -> 2021Q4); NULL before 0001';

CREATE FUNCTION benchmark.period_series(first_period text, last_period text)
RETURNS SETOF text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE ROWS 12
AS 'MODULE_PATHNAME', 'period_label_series';

COMMENT ON FUNCTION benchmark.period_series(text, text) IS
'Every period from the first to the last (of one kind), in order, as canonical labels; none when the last comes before the first';

CREATE FUNCTION benchmark.period_canonical(label text)
RETURNS text
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_canonical';

COMMENT ON FUNCTION benchmark.period_canonical(text) IS
'The canonical form of a jobindsats period label: the API v3''s 2024Y01 -> 2024 and 2025Q04 -> 2025Q4; other labels as written once they are checked';

CREATE FUNCTION benchmark.period_is_valid(label text)
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_is_valid';

COMMENT ON FUNCTION benchmark.period_is_valid(text) IS
'Whether a text is a jobindsats period label that period_kind accepts, without raising an error (for checks over many rows)';

CREATE FUNCTION benchmark.period_is_canonical(label text)
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'period_label_is_canonical';

COMMENT ON FUNCTION benchmark.period_is_canonical(text) IS
'Whether a text is a jobindsats period label written as period_canonical writes it (2022, 2022M03, 2022Q1, 2023QMAT01), without raising an error: the store''s check of its periods';

/* True when a period overlaps the years first_year to last_year (a model's baseline term). */
CREATE FUNCTION benchmark_internal.period_in_years(label text, first_year integer, last_year integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN benchmark.period_start(label) <= pg_catalog.make_date(last_year, 12, 31)
	   AND benchmark.period_end(label) >= pg_catalog.make_date(first_year, 1, 1);

COMMENT ON FUNCTION benchmark_internal.period_in_years(text, integer, integer) IS
'Whether a jobindsats period overlaps the years first_year to last_year (a period inside a model''s baseline term has no development against it)';

/*
 * The periods of a period form (year, year_to_date, rolling_year, as_loaded)
 * that a loaded period counts in: a month or quarter in its calendar year
 * and in the four rolling years ending with its quarter and the next three;
 * see src/period_core.h.  No rows when label, period_form or
 * months_required is NULL; latest NULL sets no limit.
 */
CREATE FUNCTION benchmark.period_rollup(label text, period_form text, latest text DEFAULT NULL,
										months_required integer DEFAULT 12)
RETURNS TABLE (period text, part integer, parts integer, parts_required integer)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 4
AS 'MODULE_PATHNAME', 'period_label_rollup';

COMMENT ON FUNCTION benchmark.period_rollup(text, text, text, integer) IS
'The periods of a period form a loaded jobindsats period counts in, as canonical labels: year and year_to_date: a month or quarter its calendar year, a year itself, four quarters ending with Q4 their year; rolling_year: a month or quarter the four quarters ending with its quarter and with each of the next three, four quarters themselves, a year the four quarters ending with its Q4 (2022 -> 2022QMAT04); as_loaded: the period itself.  part is the period''s place in each, parts how many periods of its kind make it complete (a sum needs them all), parts_required how many a mean needs when a year needs months_required months.  latest, the latest period loaded of the same kind, leaves out periods that end after it, and makes a year to date end with its month (January to June for 2023M06).  Errors: a bad label 22P02/22008, an unknown form, a latest of another kind or months_required outside 1-12 22023';
