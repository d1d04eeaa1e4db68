-- PostgreSQL's own defaults for the settings that shape plans and their cost
-- (the throw-away cluster of test/lib.sh raises work_mem in its configuration
-- file): each is set to its built-in value for this session and printed.
\o /dev/null
SELECT pg_catalog.set_config(name, boot_val, false)
FROM pg_catalog.pg_settings
WHERE name IN ('work_mem', 'hash_mem_multiplier', 'jit', 'jit_above_cost', 'jit_inline_above_cost',
			   'jit_optimize_above_cost', 'max_parallel_workers_per_gather', 'enable_hashagg',
			   'enable_sort', 'random_page_cost', 'effective_cache_size');
\o
\pset tuples_only on
\pset format unaligned
SELECT 'settings: ' || pg_catalog.string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name)
FROM pg_catalog.pg_settings
WHERE name IN ('work_mem', 'hash_mem_multiplier', 'jit', 'max_parallel_workers_per_gather', 'shared_buffers');
\pset tuples_only off
\pset format aligned
