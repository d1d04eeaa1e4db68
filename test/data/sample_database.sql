-- A database of its own holding the SYNTHETIC sample data, for a test that
-- needs them: a copy of the template database benchmark_sample (the extension
-- and load_sample.sql), which is built once per cluster and again only when
-- the installed extension or the sample's scripts change.  Copying takes a
-- second where loading takes half a minute.  The copy gets the current
-- database's own settings (those pg_regress gives its database) and psql
-- connects to it; :sample_home names the database it came from.
--
--   \set sample_db regress_sample_203
--   \i test/data/sample_database.sql
--   ... the test ...
--   \c :sample_home
--   DROP DATABASE :"sample_db";
--
-- Without sample_db set it only builds the template when it is missing or
-- stale (test/check.sh does, before the tests that copy it start).
--
-- Run from the top of the source tree (or a build directory: it reads
-- test/data/), as a superuser.  It stops at the first error whatever its
-- caller's ON_ERROR_STOP, so a half-built template is never stamped and used.
-- What load_sample.sql prints is the caller's to send to /dev/null.
\set sample_on_error_stop :ON_ERROR_STOP
\set ON_ERROR_STOP 1
SELECT current_database() AS sample_home \gset
SET client_min_messages = warning;
-- the template's stamp: what it was built from
\set sample_scripts `cat test/data/load_sample.sql test/data/sample_jobindsats.sql test/data/sample_store.sql test/data/sample_sources.sql test/data/sample_targets.sql | md5sum | cut -c1-32`
SELECT 'benchmark sample ' || md5(:'sample_scripts' || string_agg(md5(pg_read_binary_file(f)), '' ORDER BY f)) AS sample_stamp
FROM (SELECT d.dir || '/' || pg_ls_dir(d.dir) AS f
	  FROM (SELECT setting || '/extension' AS dir FROM pg_config WHERE name = 'SHAREDIR'
			UNION ALL SELECT setting FROM pg_config WHERE name = 'PKGLIBDIR') d) files
WHERE f ~ '/benchmark(\.[a-z]+|--[0-9.-]+\.sql)$' \gset
SELECT NOT EXISTS (SELECT FROM pg_database d WHERE d.datname = 'benchmark_sample'
				   AND shobj_description(d.oid, 'pg_database') = :'sample_stamp') AS sample_build \gset
\if :sample_build
-- an older template is dropped (a template database cannot be dropped as it is)
SELECT 'ALTER DATABASE benchmark_sample IS_TEMPLATE false' FROM pg_database WHERE datname = 'benchmark_sample' \gexec
DROP DATABASE IF EXISTS benchmark_sample;
CREATE DATABASE benchmark_sample;
\c benchmark_sample
SET client_min_messages = warning;
CREATE EXTENSION benchmark;
\ir load_sample.sql
-- what a day of autovacuum would have done: plans and visibility as settled
VACUUM ANALYZE;
\c :sample_home
SET client_min_messages = warning;
-- nobody connects to it (CREATE DATABASE ... TEMPLATE needs it unused)
ALTER DATABASE benchmark_sample WITH IS_TEMPLATE true ALLOW_CONNECTIONS false;
COMMENT ON DATABASE benchmark_sample IS :'sample_stamp';
\endif
\if :{?sample_db}
SELECT format('DROP DATABASE IF EXISTS %I', :'sample_db') \gexec
-- the file copy: no write-ahead log for the half gigabyte of the store
CREATE DATABASE :"sample_db" TEMPLATE benchmark_sample STRATEGY FILE_COPY;
SELECT format('ALTER DATABASE %I SET %s TO %L', :'sample_db', split_part(c, '=', 1), substr(c, strpos(c, '=') + 1))
FROM pg_db_role_setting s, unnest(s.setconfig) c
WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.setrole = 0 \gexec
\c :"sample_db"
\endif
\set ON_ERROR_STOP :sample_on_error_stop
