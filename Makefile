# mineral_supply — PGXS build.  `make && sudo make install`, then CREATE EXTENSION.
# `make test` runs every test suite in a throwaway cluster, `make demo` prints
# the concentration report on the shipped USGS data (see README.md).

EXTENSION   = mineral_supply
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)
MODULE_big  = mineral_supply
PGFILEDESC  = "mineral_supply - supply concentration of critical raw materials"

# One topic, one name in every layer: topic X is src/sql/NN_X.sql (install
# script), src/X.c (fmgr glue), src/core/X.c where it has core logic, and
# sql/X.sql + expected/X.out (tests).  The core (src/core) is plain C over
# frontend-safe PostgreSQL headers, linked into the unit tests and fuzzers
# without a server.  mineral_supply_postgis lives in postgis/ (see below).
CORE_OBJS = src/core/mix_table.o src/core/mix_view.o src/core/mix_text.o src/core/mix_wire.o \
            src/core/measures.o src/core/countries.o
GLUE_OBJS = src/supply_mix.o src/countries.o src/measures.o src/aggregates.o \
            src/scenarios.o src/supply_risk.o

DATA_built = $(EXTENSION)--$(EXTVERSION).sql

# mineral_supply_postgis (postgis/): a second extension (requires
# mineral_supply and postgis) whose C functions are in the same library, so
# that one .so serves both and mineral_supply never links against PostGIS
# (postgis/src/proximity.c says why); its control file and install script
# go to the same extension directory.
POSTGIS_EXT      = mineral_supply_postgis
POSTGIS_VERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" postgis/$(POSTGIS_EXT).control)
POSTGIS_OBJS     = postgis/src/core/reach.o postgis/src/proximity.o
DATA             = postgis/$(POSTGIS_EXT).control $(wildcard src/sql/updates/*.sql)
DATA_built      += $(POSTGIS_EXT)--$(POSTGIS_VERSION).sql

OBJS = $(CORE_OBJS) $(GLUE_OBJS) $(POSTGIS_OBJS)

EXTRA_CLEAN = $(UNIT_TESTS) src/core/iso3166.h

# pg_regress: every sql/*.sql, in name order, in a database without PostGIS
# (the core extension must not need it); `make installcheck-postgis` runs
# the PostGIS wing's own (postgis/test/sql) in a database of their own.
# Both run as an ordinary role (README "Roles and privileges"): connected as
# a superuser, test/prepare_db makes the database, installs the extension
# and makes the superuser's sessions there start as mineral_supply_analyst.
REGRESS      = $(sort $(notdir $(basename $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --use-existing
REGRESS_PREP = regress-db
POSTGIS_REGRESS = $(sort $(notdir $(basename $(wildcard postgis/test/sql/*.sql))))

PG_CPPFLAGS = -I$(srcdir)/src/core -I$(srcdir)/postgis/src/core
PG_CFLAGS   = -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The install script's source is src/sql/*.sql, one file per topic, joined
# in name order.
SQL_SRCS = $(sort $(wildcard src/sql/*.sql))
$(EXTENSION)--$(EXTVERSION).sql: $(SQL_SRCS) $(EXTENSION).control
	cat $(SQL_SRCS) > $@

# mineral_supply_postgis' install script: postgis/src/sql/*.sql, likewise.
POSTGIS_SQL_SRCS = $(sort $(wildcard postgis/src/sql/*.sql))
$(POSTGIS_EXT)--$(POSTGIS_VERSION).sql: $(POSTGIS_SQL_SRCS) postgis/$(POSTGIS_EXT).control
	cat $(POSTGIS_SQL_SRCS) > $@

.PHONY: regress-db installcheck-postgis
regress-db:
	test/prepare_db $(CONTRIB_TESTDB) $(EXTENSION)
installcheck-postgis:
	test/prepare_db contrib_regression_postgis $(EXTENSION)
	$(pg_regress_installcheck) --inputdir=postgis/test --outputdir=postgis/test \
		--use-existing --dbname=contrib_regression_postgis $(POSTGIS_REGRESS)

# PGXS tracks no header dependencies: rebuild everything when a header changes.
$(OBJS): $(wildcard src/*.h src/core/*.h postgis/src/core/*.h)

# The ISO 3166-1 table is generated from Debian's iso-codes package.
ISO3166_JSON ?= /usr/share/iso-codes/json/iso_3166-1.json
src/core/iso3166.h: $(ISO3166_JSON) scripts/gen_countries
	scripts/gen_countries $(ISO3166_JSON) > $@.tmp && mv $@.tmp $@
src/core/countries.o src/core/countries.bc: src/core/iso3166.h

# C unit tests of the core: test/unit/test_X.c tests src/core/X.c (the
# PostGIS wing's: postgis/test/unit/test_X.c, postgis/src/core/X.c), each a
# program linked with libpgcommon/libpgport and no server, sharing the
# harness test/unit/harness.h with the fuzzers (fuzz/).  `make unit` builds
# and runs every one, and fails when any fails.
PG_PKGLIBDIR := $(shell $(PG_CONFIG) --pkglibdir)
CORE_SRCS   = $(CORE_OBJS:.o=.c)
CORE_UNIT_TESTS = $(basename $(sort $(wildcard test/unit/test_*.c)))
UNIT_TESTS  = $(CORE_UNIT_TESTS) postgis/test/unit/test_reach
UNIT_CC     = $(CC) $(CFLAGS) $(PG_CFLAGS) -I$(includedir_server) -Isrc -Isrc/core -Ipostgis/src/core -Itest/unit
# libpgcommon/libpgport: in pkglibdir with Debian's packages, in libdir with
# a server built from source.
UNIT_LIBS   = -L$(PG_PKGLIBDIR) -L$(shell $(PG_CONFIG) --libdir) -lpgcommon -lpgport -lm

$(CORE_UNIT_TESTS): test/unit/%: test/unit/%.c test/unit/harness.h $(CORE_SRCS) $(wildcard src/core/*.h) src/core/iso3166.h
	$(UNIT_CC) -o $@ $< $(CORE_SRCS) $(UNIT_LIBS)

postgis/test/unit/test_reach: postgis/test/unit/test_reach.c test/unit/harness.h postgis/src/core/reach.c postgis/src/core/reach.h src/core/neumaier.h
	$(UNIT_CC) -o $@ postgis/test/unit/test_reach.c postgis/src/core/reach.c $(UNIT_LIBS)

.PHONY: unit test demo bench
unit: $(UNIT_TESTS)
	@status=0; for t in $(UNIT_TESTS); do echo "$$t:"; $$t || status=1; done; exit $$status

test:
	./test/run

# The PostgreSQL version matrix (15 and 18, Citus on each, pg_upgrade 15 -> 18):
# builds the majors Debian 12 lacks from Debian's source packages, cached.
.PHONY: versions
versions:
	./test/versions

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
