-- Loads every download of one form written by synthetic_downloads.sql (or any
-- folder of jobindsats downloads named <table id>.csv / .json) into the
-- observation store with the readers, one benchmark.jobindsats_load call per
-- file, and prints what each load did.  The server reads the files
-- (pg_read_file: a superuser or a member of pg_read_server_files).
--
--   psql -v dir=/some/dir -v form=v3_json -f test/data/load_downloads.sql
SET client_min_messages = warning;
DROP TABLE IF EXISTS pg_temp.download_loads;
RESET client_min_messages;
CREATE TEMP TABLE download_loads (file text, table_id text, first_period text, last_period text,
								  added bigint, replaced bigint, unchanged bigint, not_municipal bigint);
SELECT format('INSERT INTO pg_temp.download_loads SELECT %L, l.table_id, l.first_period, l.last_period, l.added, l.replaced, l.unchanged, l.not_municipal FROM benchmark.jobindsats_load(%L, pg_catalog.pg_read_file(%L)%s) l',
			  :'form' || '/' || f, upper(split_part(f, '.', 1)), :'dir' || '/' || :'form' || '/' || f,
			  CASE WHEN f LIKE '%.json' THEN '::jsonb' ELSE '' END)
FROM pg_ls_dir(:'dir' || '/' || :'form') f
WHERE f LIKE '%.csv' OR f LIKE '%.json'
ORDER BY f \gexec
SELECT file AS "Fil", table_id AS "Tabel", first_period || '-' || last_period AS "Perioder",
	   added AS "Tilføjet", replaced AS "Erstattet", unchanged AS "Uændret", not_municipal AS "Ikke kommuner"
FROM download_loads ORDER BY file;
