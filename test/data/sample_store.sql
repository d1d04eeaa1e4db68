-- Loads the SYNTHETIC sample tables (schemas jobindsats and brugerdata, made by
-- sample_jobindsats.sql) into the extension's observation store, as a
-- pipeline's wide tables are loaded: benchmark.jobindsats_load(table_id,
-- wide table), one table at a time.  Column comments give the labels
-- PostgreSQL's 63-byte names cut short.  The preset's installed mappings
-- (benchmark.mapped_*) then read them.  NOT REAL DATA.
DO $$
DECLARE
	t record;
BEGIN
	FOR t IN
		SELECT c.oid::regclass AS wide, upper(c.relname) AS table_id,
			   (SELECT jsonb_object_agg(a.attname, col_description(c.oid, a.attnum))
				FROM pg_attribute a
				WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				  AND col_description(c.oid, a.attnum) IS NOT NULL) AS labels
		FROM pg_class c
		WHERE c.relnamespace IN ('jobindsats'::regnamespace, 'brugerdata'::regnamespace)
		  AND c.relkind = 'r' AND c.relname <> 'sample_kommune'
		ORDER BY 2
	LOOP
		PERFORM benchmark.jobindsats_load(t.table_id, t.wide, NULL, t.labels);
	END LOOP;
END $$;
ANALYZE benchmark.jobindsats_observation_series;
