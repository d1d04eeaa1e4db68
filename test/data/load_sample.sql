-- Loads the SYNTHETIC sample data and the sample mapping views of the model
-- sonderborg-2023 and of the example targets:  psql -f test/data/load_sample.sql
\ir sample_jobindsats.sql
\ir sample_sources.sql
\ir sample_targets.sql
