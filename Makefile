# benchmark: municipal ranking lists for PostgreSQL, built with PGXS.
#
# The product's SQL lives in src/sql/, one folder per concern (operations,
# engine, kommune, periods, catalog, targets, store, mappings, vintages,
# runner, explain, report); each object has one current definition there.
# LAYERS lists the files in the order the install script creates them
# (tables before the functions that read them); the full install script of
# the current version is built from them.  Released scripts
# (src/sql/install/*.sql) are frozen.  The upgrade script to the version
# under development is built from its hand-written part in src/sql/upgrade/
# (what changes in place: tables, types, moved objects), the layers of the
# tables new since the version it upgrades from, as they are, and the layers
# without tables or types, whose functions, views and triggers it creates or
# replaces (CREATE OR REPLACE; operators and event triggers, which have no OR
# REPLACE, must be dropped first by the hand-written part when a later
# version re-creates them), then the hand-written part's end (.end.sql), when
# there is one.  At a release the built upgrade script is committed and
# frozen like the others.  The top-level sql/ and expected/ hold what PGXS
# reads there: the pg_regress tests (sql/*.sql, run in file-name order) and
# their expected output (expected/*.out).
#
# It also builds outside the source tree, as Debian's pg_buildext does
# (make -f SRC/Makefile VPATH=SRC in a build directory): sources are found
# under $(srcdir), objects and built scripts are written to the build
# directory, and the regression tests read their data from SRC/test/data.

EXTENSION = benchmark
EXTVERSION = 1.6
MODULE_big = benchmark
OBJS = $(patsubst $(srcdir)/%.c,%.o,$(sort $(wildcard $(srcdir)/src/*.c)))

SQL_DIR = $(srcdir)/src/sql
# the layers with the types and the catalog tables: they change in place on upgrade
STATEFUL_LAYERS = $(addprefix $(SQL_DIR)/,operations/schema.sql engine/ranking.sql kommune/kommune.sql \
	catalog/model_tables.sql targets/target_tables.sql store/store_tables.sql mappings/mapping_tables.sql \
	mappings/series_tables.sql store/load_tables.sql vintages/vintage_tables.sql)
# in the order of the install script: the types, the catalog's and the store's
# tables, then what reads them
LAYERS = $(addprefix $(SQL_DIR)/,operations/schema.sql engine/ranking.sql engine/ranking_text.sql kommune/kommune.sql \
	kommune/kommune_text.sql periods/periods.sql catalog/model_tables.sql targets/target_tables.sql \
	mappings/mapping_tables.sql store/store_tables.sql mappings/series_tables.sql store/load_tables.sql \
	vintages/vintage_tables.sql catalog/rules.sql catalog/references.sql catalog/copies.sql runner/runner.sql \
	targets/targets.sql store/readers.sql vintages/vintages.sql mappings/mappings.sql mappings/series.sql \
	store/wide_tables.sql store/loader.sql explain/explain.sql report/y30r21.sql report/report.sql \
	vintages/as_of.sql operations/drop_guard.sql operations/access.sql)
# a file of src/sql/<concern>/ that LAYERS leaves out would be left out of the install script
LAYERS_UNLISTED = $(filter-out $(LAYERS),$(wildcard $(SQL_DIR)/*/*.sql))
ifneq ($(filter-out $(SQL_DIR)/install/% $(SQL_DIR)/upgrade/%,$(LAYERS_UNLISTED)),)
$(error src/sql/ files missing from LAYERS in the Makefile: $(filter-out $(SQL_DIR)/install/% $(SQL_DIR)/upgrade/%,$(LAYERS_UNLISTED)))
endif
# the version whose upgrade script to EXTVERSION is being written (empty once
# EXTVERSION is released and its upgrade script is frozen in src/sql/install/)
UPGRADE_FROM = 1.5
# stateful layers new since UPGRADE_FROM: the upgrade script creates their
# tables after its hand-written part, as the install script does (emptied
# with UPGRADE_FROM at a release)
UPGRADE_NEW_LAYERS = $(addprefix $(SQL_DIR)/,store/store_tables.sql mappings/series_tables.sql store/load_tables.sql \
	vintages/vintage_tables.sql)
# layers unchanged since UPGRADE_FROM that hold objects without OR REPLACE
# (operators, event triggers): left out of the upgrade script
UPGRADE_UNCHANGED = $(addprefix $(SQL_DIR)/,kommune/kommune_text.sql operations/drop_guard.sql)
# outside the source tree the built scripts are named by absolute path, so that
# make never takes a copy built inside the source tree for them
ifdef VPATH
BUILD_PREFIX = $(CURDIR)/
endif
FULL_SCRIPT = $(BUILD_PREFIX)src/sql/install/$(EXTENSION)--$(EXTVERSION).sql
ifneq ($(UPGRADE_FROM),)
UPGRADE_SCRIPT = $(BUILD_PREFIX)src/sql/install/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql
endif
DATA_built = $(FULL_SCRIPT) $(UPGRADE_SCRIPT)
DATA = $(filter-out $(patsubst $(BUILD_PREFIX)%,%,$(DATA_built)),$(patsubst $(srcdir)/%,%,$(sort $(wildcard $(SQL_DIR)/install/*.sql))))
REGRESS = $(sort $(basename $(notdir $(wildcard $(srcdir)/sql/*.sql))))
REGRESS_OPTS = --inputdir=$(srcdir) --outputdir=test/results
# the tests read test/data/ relative to the directory they run in
ifdef VPATH
REGRESS_PREP = $(BUILD_PREFIX)test/data
endif
# isolation tests (sessions that interleave): test/isolation/specs/*.spec
ISOLATION = $(sort $(basename $(notdir $(wildcard $(srcdir)/test/isolation/specs/*.spec))))
ISOLATION_OPTS = --inputdir=$(srcdir)/test/isolation --outputdir=test/results/isolation
EXTRA_CLEAN = test/results test/unit/rank_core_test test/unit/rank_core_fuzz \
	test/unit/jobindsats_core_test test/unit/jobindsats_core_fuzz test/unit/period_core_test $(EXTENSION)-*.zip

PG_CONFIG ?= pg_config
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
ifdef WERROR
PG_CFLAGS += -Werror
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): $(wildcard $(srcdir)/src/*.h)

# a build directory outside the source tree gets the directories it writes to
ifdef VPATH
$(OBJS): | $(CURDIR)/src
$(CURDIR)/src:
	mkdir -p $@

$(CURDIR)/test/data:
	mkdir -p $(dir $@)
	ln -s $(abspath $(srcdir))/test/data $@
endif

$(FULL_SCRIPT): $(LAYERS) Makefile
	@mkdir -p $(dir $@)
	{ printf '/* benchmark %s: built from src/sql/ by the Makefile; edit the layers, not this file */\n\n' $(EXTVERSION); \
	  printf '\\echo Use "CREATE EXTENSION benchmark" to load this file. \\quit\n'; \
	  for f in $(LAYERS); do printf '\n'; cat $$f; done; } > $@

ifneq ($(UPGRADE_FROM),)
# the hand-written part's end (optional): what goes once the layers have
# re-created the objects that used it, such as functions set aside under
# another name because their arguments were renamed
UPGRADE_END = $(wildcard $(SQL_DIR)/upgrade/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).end.sql)
$(UPGRADE_SCRIPT): src/sql/upgrade/$(EXTENSION)--$(UPGRADE_FROM)--$(EXTVERSION).sql $(UPGRADE_END) $(LAYERS) Makefile
	@mkdir -p $(dir $@)
	{ cat $<; \
	  for f in $(UPGRADE_NEW_LAYERS); do printf '\n'; cat $$f; done; \
	  for f in $(filter-out $(STATEFUL_LAYERS) $(UPGRADE_UNCHANGED),$(LAYERS)); do printf '\n'; \
	    sed -e 's/^CREATE FUNCTION /CREATE OR REPLACE FUNCTION /' -e 's/^CREATE VIEW /CREATE OR REPLACE VIEW /' \
	        -e 's/^CREATE TRIGGER /CREATE OR REPLACE TRIGGER /' $$f; done; \
	  for f in $(UPGRADE_END); do printf '\n'; cat $$f; done; } > $@
endif

# The pure-C ranking core, the readers' core and the period rules, tested on
# their own under AddressSanitizer and UBSan.
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
test/unit/rank_core_test: test/unit/rank_core_test.c src/rank_core.c src/rank_core.h
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror $(SANITIZE) -Isrc -o $@ test/unit/rank_core_test.c src/rank_core.c
test/unit/jobindsats_core_test: test/unit/jobindsats_core_test.c src/jobindsats_core.c src/jobindsats_core.h
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror $(SANITIZE) -Isrc -o $@ test/unit/jobindsats_core_test.c src/jobindsats_core.c
test/unit/period_core_test: test/unit/period_core_test.c src/period_core.c src/period_core.h
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror $(SANITIZE) -Isrc -o $@ test/unit/period_core_test.c src/period_core.c

# ... and fuzzed with libFuzzer: serialized states and decimals, and
# jobindsats CSV, JSON and numbers (seeded with the real files of
# test/data/jobindsats), FUZZ_SECONDS seconds each: `make fuzz` runs long,
# `make fuzz-quick` (what test/check.sh runs) a few seconds each.
FUZZ_SECONDS ?= 600
FUZZ_QUICK_SECONDS = 3
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

# The PGXN distribution: what a build needs, from the committed tree (HEAD),
# named by META.json's version, written to DIST_OUTPUT (the current directory).
DIST_OUTPUT = $(CURDIR)
DISTVERSION = $(shell sed -n 's/^   "version": "\(.*\)",$$/\1/p' $(srcdir)/META.json)
DIST_FILES = Makefile $(EXTENSION).control META.json LICENSE README.md CHANGELOG.md docs src \
	src/sql

dist:
	git -C $(srcdir) archive --format=zip --prefix=$(EXTENSION)-$(DISTVERSION)/ \
		-o $(DIST_OUTPUT)/$(EXTENSION)-$(DISTVERSION).zip HEAD $(DIST_FILES)

.PHONY: unittest fuzz fuzz-quick bench dist
unittest: test/unit/rank_core_test test/unit/jobindsats_core_test test/unit/period_core_test
	./test/unit/rank_core_test
	./test/unit/jobindsats_core_test
	./test/unit/period_core_test

fuzz: test/unit/rank_core_fuzz test/unit/jobindsats_core_fuzz $(JOBINDSATS_SEEDS)
	mkdir -p test/results/fuzz-corpus test/results/fuzz-jobindsats-corpus
	./test/unit/rank_core_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=512 -artifact_prefix=test/results/ test/results/fuzz-corpus
	./test/unit/jobindsats_core_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=test/results/ \
		test/results/fuzz-jobindsats-corpus $(JOBINDSATS_SEEDS)

fuzz-quick:
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_QUICK_SECONDS)

bench:
	bash test/bench/run.sh
