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
EXTRA_CLEAN = test/results test/unit/rank_core_test

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

.PHONY: unittest bench
unittest: test/unit/rank_core_test
	./test/unit/rank_core_test

bench:
	bash test/bench/run.sh
