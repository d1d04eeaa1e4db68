-- Loads the SYNTHETIC sample data into the observation store (the preset
-- reads it through the installed mappings) and the plain-SQL views of the
-- same measures that tests use as an independent oracle, and the example
-- targets:  psql -f test/data/load_sample.sql   (needs the extension)
\ir sample_jobindsats.sql
\ir sample_store.sql
\ir sample_sources.sql
\ir sample_targets.sql
