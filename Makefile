# benchmark: municipal ranking lists for PostgreSQL, built with PGXS.
#
# Extension scripts live in sql/install/; pg_regress tests are sql/*.sql
# with expected output in expected/*.out (run in file-name order).

EXTENSION = benchmark
MODULE_big = benchmark
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA = $(sort $(wildcard sql/install/*.sql))
REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --outputdir=test/results
EXTRA_CLEAN = test/results test/unit/rank_core_test test/unit/rank_core_fuzz

PG_CONFIG ?= pg_config
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
ifdef WERROR
PG_CFLAGS += -Werror
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(OBJS): $(wildcard src/*.h)

# The pure-C ranking core, tested on its own under AddressSanitizer and UBSan.
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
test/unit/rank_core_test: test/unit/rank_core_test.c src/rank_core.c src/rank_core.h
	$(CC) -std=c99 -g -O1 -Wall -Wextra -Werror $(SANITIZE) -Isrc -o $@ test/unit/rank_core_test.c src/rank_core.c

# ... and fuzzed with libFuzzer: serialized states and decimals.
FUZZ_RUNS ?= 500000
test/unit/rank_core_fuzz: test/unit/rank_core_fuzz.c src/rank_core.c src/rank_core.h
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc -o $@ test/unit/rank_core_fuzz.c src/rank_core.c

.PHONY: unittest fuzz bench
unittest: test/unit/rank_core_test
	./test/unit/rank_core_test

fuzz: test/unit/rank_core_fuzz
	mkdir -p test/results/fuzz-corpus
	./test/unit/rank_core_fuzz -runs=$(FUZZ_RUNS) -max_len=512 -artifact_prefix=test/results/ test/results/fuzz-corpus

bench:
	bash test/bench/run.sh
