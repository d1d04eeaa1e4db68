# benchmark: municipal ranking lists for PostgreSQL, built with PGXS.
#
# The current definition of every SQL object is in sql/layers/*.sql; the full
# install script of the current version is built from them.  Released scripts
# (sql/install/*.sql) are frozen.  The upgrade script to the version under
# development is built from its hand-written part in sql/upgrade/ (what
# changes in place: tables, types, moved objects) and the layers without
# tables or types, whose functions, views and triggers it creates or replaces
# (CREATE OR REPLACE; operators and event triggers, which have no OR REPLACE,
# must be dropped first by the hand-written part when a later version
# re-creates them).  At a release the built upgrade script is committed and
# frozen like the others.  pg_regress tests are sql/*.sql with
# expected output in expected/*.out (run in file-name order).

EXTENSION = benchmark
EXTVERSION = 1.6
MODULE_big = benchmark
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

LAYERS = $(sort $(wildcard sql/layers/*.sql))
# the layers with the types and the catalog tables change in place on upgrade
STATEFUL_LAYERS = sql/layers/05_schema.sql sql/layers/10_ranking.sql sql/layers/20_kommune.sql \
	sql/layers/40_model_catalog.sql sql/layers/45_target_catalog.sql \
	sql/layers/47_jobindsats_store.sql sql/layers/48_jobindsats_mapping.sql
# the version whose upgrade script to EXTVERSION is being written (empty once
# EXTVERSION is released and its upgrade script is frozen in sql/install/)
UPGRADE_FROM = 1.5
# layers unchanged since UPGRADE_FROM that hold objects without OR REPLACE
# (operators, event triggers): left out of the upgrade script
UPGRADE_UNCHANGED = sql/layers/25_kommune_text.sql sql/layers/80_drop_guard.sql
ifneq ($(UPGRADE_FROM),)
UPGRADE_SCRIPT = sql/install/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql
endif
DATA_built = sql/install/$(EXTENSION)--$(EXTVERSION).sql $(UPGRADE_SCRIPT)
DATA = $(filter-out $(DATA_built),$(sort $(wildcard sql/install/*.sql)))
REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --outputdir=test/results
# isolation tests (sessions that interleave): test/isolation/specs/*.spec
ISOLATION = $(sort $(basename $(notdir $(wildcard test/isolation/specs/*.spec))))
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=test/results/isolation
EXTRA_CLEAN = test/results test/unit/rank_core_test test/unit/rank_core_fuzz \
	test/unit/jobindsats_core_test test/unit/jobindsats_core_fuzz

PG_CONFIG ?= pg_config
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
ifdef WERROR
PG_CFLAGS += -Werror
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): $(wildcard src/*.h)

sql/install/$(EXTENSION)--$(EXTVERSION).sql: $(LAYERS) Makefile
	{ printf '/* benchmark %s: built from sql/layers/ by the Makefile; edit the layers, not this file */\n\n' $(EXTVERSION); \
	  printf '\\echo Use "CREATE EXTENSION benchmark" to load this file. \\quit\n'; \
	  for f in $(LAYERS); do printf '\n'; cat $$f; done; } > $@

ifneq ($(UPGRADE_FROM),)
$(UPGRADE_SCRIPT): sql/upgrade/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql $(LAYERS) Makefile
	{ cat sql/upgrade/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql; \
	  for f in $(filter-out $(STATEFUL_LAYERS) $(UPGRADE_UNCHANGED),$(LAYERS)); do printf '\n'; \
	    sed -e 's/^CREATE FUNCTION /CREATE OR REPLACE FUNCTION /' -e 's/^CREATE VIEW /CREATE OR REPLACE VIEW /' \
	        -e 's/^CREATE TRIGGER /CREATE OR REPLACE TRIGGER /' $$f; done; } > $@
endif

# The pure-C ranking core and the readers' core, tested on their own under
# AddressSanitizer and UBSan.
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
test/unit/rank_core_test: test/unit/rank_core_test.c src/rank_core.c src/rank_core.h
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror $(SANITIZE) -Isrc -o $@ test/unit/rank_core_test.c src/rank_core.c
test/unit/jobindsats_core_test: test/unit/jobindsats_core_test.c src/jobindsats_core.c src/jobindsats_core.h
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror $(SANITIZE) -Isrc -o $@ test/unit/jobindsats_core_test.c src/jobindsats_core.c

# ... and fuzzed with libFuzzer: serialized states and decimals (FUZZ_RUNS
# runs), and jobindsats CSV, JSON and numbers (FUZZ_SECONDS seconds, seeded
# with the real files of test/data/jobindsats; `make fuzz-long` for longer).
FUZZ_RUNS ?= 500000
FUZZ_SECONDS ?= 20
test/unit/rank_core_fuzz: test/unit/rank_core_fuzz.c src/rank_core.c src/rank_core.h
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc -o $@ test/unit/rank_core_fuzz.c src/rank_core.c
test/unit/jobindsats_core_fuzz: test/unit/jobindsats_core_fuzz.c src/jobindsats_core.c src/jobindsats_core.h
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc -o $@ test/unit/jobindsats_core_fuzz.c src/jobindsats_core.c

# The seeds: each real file behind the byte that picks its reader (CSV 0, and
# 16 for a decimal comma said; JSON 1) and a few numbers (2).
JOBINDSATS_SEEDS = test/results/fuzz-jobindsats-seeds
$(JOBINDSATS_SEEDS): $(wildcard test/data/jobindsats/*)
	rm -rf $@ && mkdir -p $@
	for f in test/data/jobindsats/*.csv; do \
		{ printf '\000'; cat "$$f"; } >$@/csv-$$(basename "$$f"); \
		{ printf '\020'; cat "$$f"; } >$@/csv-comma-$$(basename "$$f"); done
	for f in test/data/jobindsats/*.json test/data/jobindsats/*.jsonl; do \
		{ printf '\001'; cat "$$f"; } >$@/json-$$(basename "$$f"); done
	for n in '7,17' '1.234.567,5' '7.175' '0.125' '-0,05' '12 345' ',5' '..'; do \
		printf '\002%s' "$$n" >$@/number-$$(printf '%s' "$$n" | od -An -tx1 | tr -d ' \n'); done

.PHONY: unittest fuzz fuzz-long bench
unittest: test/unit/rank_core_test test/unit/jobindsats_core_test
	./test/unit/rank_core_test
	./test/unit/jobindsats_core_test

fuzz: test/unit/rank_core_fuzz test/unit/jobindsats_core_fuzz $(JOBINDSATS_SEEDS)
	mkdir -p test/results/fuzz-corpus test/results/fuzz-jobindsats-corpus
	./test/unit/rank_core_fuzz -runs=$(FUZZ_RUNS) -max_len=512 -artifact_prefix=test/results/ test/results/fuzz-corpus
	./test/unit/jobindsats_core_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=test/results/ \
		test/results/fuzz-jobindsats-corpus $(JOBINDSATS_SEEDS)

fuzz-long:
	$(MAKE) fuzz FUZZ_RUNS=20000000 FUZZ_SECONDS=1800

bench:
	bash test/bench/run.sh
