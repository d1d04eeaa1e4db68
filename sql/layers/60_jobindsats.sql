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

CREATE FUNCTION benchmark.jobindsats_csv(doc text, table_id text DEFAULT NULL,
										 dimensions text[] DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_csv_text';

COMMENT ON FUNCTION benchmark.jobindsats_csv(text, text, text[]) IS
'The cells of a jobindsats CSV download (API v2/v3 or databank: ";"-separated, decimal comma, a header of labels, Area/Område and Period/Periode columns), one row per measure cell; dimensions names the dimension columns when they cannot be told from the cells';

CREATE FUNCTION benchmark.jobindsats_csv(doc bytea, table_id text DEFAULT NULL,
										 dimensions text[] DEFAULT NULL, encoding text DEFAULT 'UTF8')
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_csv_bytea';

COMMENT ON FUNCTION benchmark.jobindsats_csv(bytea, text, text[], text) IS
'The cells of a jobindsats CSV file given as bytes (e.g. pg_read_binary_file) in an encoding (UTF8 unless told, e.g. LATIN1 or WIN1252); bytes not valid in it are an error naming the line';

CREATE FUNCTION benchmark.jobindsats_json(doc jsonb, table_id text DEFAULT NULL,
										  dimensions text[] DEFAULT NULL)
RETURNS TABLE (table_id text, area text, kommune @extschema@.kommune, period text,
			   dimensions jsonb, measure text, value numeric)
LANGUAGE c IMMUTABLE PARALLEL SAFE ROWS 1000
AS 'MODULE_PATHNAME', 'jobindsats_json';

COMMENT ON FUNCTION benchmark.jobindsats_json(jsonb, text, text[]) IS
'The cells of a jobindsats API reply in JSON, v2 ([{"Variables": [...], "Data": [...]}]: dimension names start with _) or v3 ({"columns": [...], "rows": [...]}), one row per measure cell; dimensions names the dimension columns of a v3 reply when they cannot be told from the cells';

CREATE FUNCTION benchmark.jobindsats_number(cell text)
RETURNS numeric
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'jobindsats_number';

COMMENT ON FUNCTION benchmark.jobindsats_number(text) IS
'A number as jobindsats downloads write it, exact (7,17; 1.234.567,5; 2.8; -50): NULL for a suppressed or missing value ("", "-", "..", "."), an error (22P02) for anything else; for staging tables of text';
