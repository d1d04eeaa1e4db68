-- One memory figure of test/bench/bench.sql: runs :memory_query in a fresh
-- backend and records its peak memory before and after.
\connect
SELECT bench_peak_kb() AS before_kb \gset
\o /dev/null
:memory_query;
\o
INSERT INTO bench_memory VALUES (:'memory_form', round(:ranking_bytes / 1048576.0, 1), :before_kb, bench_peak_kb());
