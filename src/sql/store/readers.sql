/*
 * Readers of jobindsats downloads: the CSV of the API and the databank, the
 * JSON replies of the API v2 and v3, records and JSON lines, one row per
 * measure cell:
 *
 *		(table_id, area, kommune, period, dimensions, measure, value, line)
 *
 * table_id is the argument of that name; area as written, kommune NULL for
 * the whole country, the regions, landsdele, RAR areas and "Uoplyst
 * område"; period the canonical label (2024Y01 -> 2024); dimensions an
 * object of dimension label -> value label; measure the column's label;
 * value exact, NULL for a suppressed or missing cell, never 0; line the
 * line of the CSV record or JSON line, or the row of a JSON reply (from 1).
 * A row repeated in a document is returned as often as it is written.  The
 * parsing is in C (src/jobindsats_core.c, without PostgreSQL, and the glue
 * src/jobindsats.c), whose header comments give the rules for numbers (one
 * decimal mark per column), areas and the dimension and measure columns.
 * A document is read twice in place, row by row, and its rows go to a
 * tuplestore that spills to disk beyond work_mem.
 *
 * Errors: 28000 the API's wrong-key reply; 22023 an error reply of the API
 * (its cause) or a wrong argument; 22P04 a document of the wrong shape (an
 * HTML page, JSON given as CSV, ragged rows, a key twice in a JSON object,
 * no area or period column); 22P02 a cell that is not what its column holds
 * (a number, an area), a column of decimal commas and points, invalid JSON;
 * 22P02 and 22008 a period label; 22021 text in a wrong encoding.  Messages
 * name the line (CSV, JSON lines) or row (JSON) and the column, and quote at
 * most a few hundred bytes of the document.
 */

/* Planner support of the readers: their rows estimated from the size of the document. */
CREATE FUNCTION benchmark_internal.jobindsats_reader_rows(internal)
RETURNS internal
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_reader_rows';

COMMENT ON FUNCTION benchmark_internal.jobindsats_reader_rows(internal) IS
'Planner support of jobindsats_csv and jobindsats_json: their rows estimated from the size of a document known at planning time (about one cell per 20 bytes)';

CREATE FUNCTION benchmark.jobindsats_csv(doc text, table_id text DEFAULT NULL,
										 dimensions text[] DEFAULT NULL, decimal_mark text DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric, line bigint)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000 SUPPORT benchmark_internal.jobindsats_reader_rows
AS 'MODULE_PATHNAME', 'jobindsats_csv_text';

COMMENT ON FUNCTION benchmark.jobindsats_csv(text, text, text[], text) IS
'The cells of a jobindsats CSV download (API v2/v3 or databank: ";"-separated, a header of labels, Area/Område and Period/Periode columns), one row per measure cell with the line its record starts on; dimensions names the dimension columns when they cannot be told from the cells; decimal_mark ('','' or ''.'') says how the numbers are written, else each column''s mark is decided from its cells';

CREATE FUNCTION benchmark.jobindsats_csv(doc bytea, table_id text DEFAULT NULL,
										 dimensions text[] DEFAULT NULL, encoding text DEFAULT 'UTF8',
										 decimal_mark text DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric, line bigint)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000 SUPPORT benchmark_internal.jobindsats_reader_rows
AS 'MODULE_PATHNAME', 'jobindsats_csv_bytea';

COMMENT ON FUNCTION benchmark.jobindsats_csv(bytea, text, text[], text, text) IS
'The cells of a jobindsats CSV file given as bytes (e.g. pg_read_binary_file) in an encoding (UTF8 unless told, e.g. LATIN1 or WIN1252); bytes not valid in it are an error naming the line';

CREATE FUNCTION benchmark.jobindsats_json(doc jsonb, table_id text DEFAULT NULL,
										  dimensions text[] DEFAULT NULL, decimal_mark text DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric, line bigint)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000 SUPPORT benchmark_internal.jobindsats_reader_rows
AS 'MODULE_PATHNAME', 'jobindsats_json';

COMMENT ON FUNCTION benchmark.jobindsats_json(jsonb, text, text[], text) IS
'The cells of a jobindsats API reply in JSON, v2 ([{"Variables": [...], "Data": [...]}]: dimension names start with _), v3 ({"columns": [...], "rows": [...]}) or records ([{"Area": ..., "Periode": ..., "<label>": ...}]), one row per measure cell with its row; jsonb keeps no key written twice and orders keys its own way: give the text to have both checked';

CREATE FUNCTION benchmark.jobindsats_json(doc text, table_id text DEFAULT NULL,
										  dimensions text[] DEFAULT NULL, decimal_mark text DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric, line bigint)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000 SUPPORT benchmark_internal.jobindsats_reader_rows
AS 'MODULE_PATHNAME', 'jobindsats_json_text';

COMMENT ON FUNCTION benchmark.jobindsats_json(text, text, text[], text) IS
'The cells of a jobindsats JSON document given as text: an API v2 or v3 reply, records or JSON lines (one record a line, the line in the result), one row per measure cell; a key written twice in an object is an error';

CREATE FUNCTION benchmark.jobindsats_json(doc bytea, table_id text DEFAULT NULL,
										  dimensions text[] DEFAULT NULL, encoding text DEFAULT 'UTF8',
										  decimal_mark text DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric, line bigint)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000 SUPPORT benchmark_internal.jobindsats_reader_rows
AS 'MODULE_PATHNAME', 'jobindsats_json_bytea';

COMMENT ON FUNCTION benchmark.jobindsats_json(bytea, text, text[], text, text) IS
'The cells of a jobindsats JSON file given as bytes (e.g. pg_read_binary_file) in an encoding (UTF8 unless told), read as jobindsats_json(text)';

CREATE FUNCTION benchmark.jobindsats_number(cell text, decimal_mark text DEFAULT NULL)
RETURNS numeric
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_number';

COMMENT ON FUNCTION benchmark.jobindsats_number(text, text) IS
'A number as jobindsats downloads write it, exact, read as a column of one cell: with decimal_mark ('','' or ''.'') when given, else with a decimal point only when the cell reads only so (7,17; 1.234.567,5; 1.234 is 1234; 7.17; 0.125; -50); NULL for NULL or a suppressed or missing value ("", "-", "..", "."), an error (22P02) for anything else; for staging tables of text';

/* The area rule of the readers, for SQL. */
CREATE FUNCTION benchmark.jobindsats_area_kommune(area text)
RETURNS @extschema@.kommune
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_area_kommune';

COMMENT ON FUNCTION benchmark.jobindsats_area_kommune(text) IS
'The municipality a jobindsats area names, as the readers read it; NULL for "Hele landet", regions, landsdele, RAR areas and "Uoplyst område"; an error (22P02) for any other text';
