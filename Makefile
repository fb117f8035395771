# mineral_supply — PGXS build.  `make && sudo make install`, then CREATE EXTENSION.
# `make test` runs every test suite in a throwaway cluster, `make demo` prints
# the concentration report on the shipped USGS data (see README.md).

EXTENSION   = mineral_supply
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)
MODULE_big  = mineral_supply
PGFILEDESC  = "mineral_supply - supply concentration of critical raw materials"

# The core (src/core) is plain C over frontend-safe PostgreSQL headers; the
# rest of src/ is the fmgr glue.
CORE_OBJS = src/core/mix_table.o src/core/mix_text.o src/core/mix_wire.o src/core/measures.o \
            src/core/country.o src/core/proximity.o
OBJS      = $(CORE_OBJS) src/supply_mix.o src/supply_mix_io.o src/supply_mix_agg.o \
            src/concentration.o src/scenario.o src/country_code.o src/proximity.o

DATA_built = $(EXTENSION)--$(EXTVERSION).sql

# mineral_supply_postgis: a second extension (requires mineral_supply and
# postgis) whose C functions are in the same library; its control file and
# install script go to the same extension directory.
POSTGIS_EXT      = mineral_supply_postgis
POSTGIS_VERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(POSTGIS_EXT).control)
DATA             = $(POSTGIS_EXT).control
DATA_built      += $(POSTGIS_EXT)--$(POSTGIS_VERSION).sql

EXTRA_CLEAN = test/unit/test_core test/unit/test_proximity src/core/iso3166.h

REGRESS      = supply_mix_io aggregates aggregate_states measures scenarios parallel usgs_rare_earths countries crma bi_params supply_risk report proximity hostile search_path
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION) --encoding=UTF8

PG_CPPFLAGS = -I$(srcdir)/src/core
PG_CFLAGS   = -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The install script's source is src/sql/*.sql, one file per topic, joined
# in name order.
SQL_SRCS = $(sort $(wildcard src/sql/*.sql))
$(EXTENSION)--$(EXTVERSION).sql: $(SQL_SRCS) $(EXTENSION).control
	cat $(SQL_SRCS) > $@

# mineral_supply_postgis' install script: src/postgis/*.sql, likewise.
POSTGIS_SQL_SRCS = $(sort $(wildcard src/postgis/*.sql))
$(POSTGIS_EXT)--$(POSTGIS_VERSION).sql: $(POSTGIS_SQL_SRCS) $(POSTGIS_EXT).control
	cat $(POSTGIS_SQL_SRCS) > $@

# PGXS tracks no header dependencies: rebuild everything when a header changes.
$(OBJS): $(wildcard src/*.h src/core/*.h)

# The ISO 3166-1 table is generated from Debian's iso-codes package.
ISO3166_JSON ?= /usr/share/iso-codes/json/iso_3166-1.json
src/core/iso3166.h: $(ISO3166_JSON) scripts/gen_countries
	scripts/gen_countries $(ISO3166_JSON) > $@.tmp && mv $@.tmp $@
src/core/country.o src/core/country.bc: src/core/iso3166.h

# C unit tests of the core: linked with libpgcommon/libpgport, no server.
PG_PKGLIBDIR := $(shell $(PG_CONFIG) --pkglibdir)
CORE_SRCS = $(CORE_OBJS:.o=.c)
test/unit/test_core: test/unit/test_core.c $(CORE_SRCS) $(wildcard src/core/*.h) src/core/iso3166.h
	$(CC) $(CFLAGS) $(PG_CFLAGS) -I$(includedir_server) -Isrc/core -o $@ \
		test/unit/test_core.c $(CORE_SRCS) -L$(PG_PKGLIBDIR) -lpgcommon -lpgport -lm

# ... and of the proximity arithmetic (src/core/proximity.c).
test/unit/test_proximity: test/unit/test_proximity.c src/core/proximity.c src/core/proximity.h src/core/neumaier.h
	$(CC) $(CFLAGS) $(PG_CFLAGS) -I$(includedir_server) -Isrc/core -o $@ \
		test/unit/test_proximity.c src/core/proximity.c -L$(PG_PKGLIBDIR) -lpgcommon -lpgport -lm

.PHONY: unit test demo bench
unit: test/unit/test_core test/unit/test_proximity
	test/unit/test_core
	test/unit/test_proximity

test:
	./test/run

# libFuzzer targets of the core (fuzz/, clang): `make fuzz` runs each for
# 10 s (part of `make test`), `make fuzz-long` for 10 M executions each.
.PHONY: fuzz fuzz-long
fuzz: src/core/iso3166.h
	fuzz/run
fuzz-long: src/core/iso3166.h
	fuzz/run --long

demo:
	./demo/run

# Benchmarks (bench/run): a throwaway cluster, medians and ratios; never part of `make test`.
bench:
	./bench/run

# The proximity case of mineral_supply_postgis (bench/proximity): its own throwaway cluster.
.PHONY: bench-proximity
bench-proximity:
	./bench/proximity
