# Makefile — build, run and test the citizen-engagement portal.
#   make run     install what is missing, build, start on http://127.0.0.1:$(PORT) with $(DATA)
#   make test    every test and quality gate; ends with "N passed, N failed"
#   make check   unit and integration tests again under -fsanitize=address,undefined
#   make fuzz    libFuzzer on the query, form, multipart and cookie parsers ($(FUZZ_SECONDS) s each)
#   make bench   wrk against the real stack, ratios to baselines measured in the same run

PORT ?= 8080
DATA ?= data
BUILD ?= build
FUZZ_SECONDS ?= 60
PYTHON ?= /usr/bin/python3

# Packagers' variables are honoured: CC, CXX, CFLAGS, CXXFLAGS, CPPFLAGS, LDFLAGS, PREFIX, DESTDIR.
# The project's own flags are added to them, never replace them. -Werror is the tests' and CI's
# (WERROR=-Werror, set by `make test`), not imposed on a packager.
CC ?= cc
CXX ?= g++
CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
WERROR ?=
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
# Where templates, static files and migrations are read from unless portal.ini says otherwise:
# the source tree for a developer's build, $(PREFIX)/share/portal once PREFIX is given.
# Likewise the configuration read without -c or $PORTAL_CONF: conf/portal.ini of the working
# directory for a developer, $(SYSCONFDIR)/portal/portal.ini once installed.
SYSCONFDIR ?= /etc
ifeq ($(origin PREFIX),file)
SHAREDIR ?= $(CURDIR)
DEFAULT_CONF ?= conf/portal.ini
else
SHAREDIR ?= $(PREFIX)/share/portal
DEFAULT_CONF ?= $(SYSCONFDIR)/portal/portal.ini
endif

PKGS = libfcgi sqlite3 libsodium inih libical jansson libctemplate_nothreads libcurl libmagic cjose \
	libarchive libxxhash
# libfcgi and Debian's libstemmer ship no pkg-config file
PKG_CFLAGS = $(shell pkg-config --cflags $(filter-out libfcgi,$(PKGS)) 2>/dev/null)
PKG_LIBS = -lfcgi -lstemmer $(shell pkg-config --libs $(filter-out libfcgi,$(PKGS)) 2>/dev/null)

# The layers, lowest first; every folder is on the include path, headers are named by file.
SRC_DIRS = base db domain http view site admin admin/reference admin/reports notify
INCLUDES = $(SRC_DIRS:%=-Isrc/%)
WARN = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes $(WERROR)
PORTAL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) -fstack-protector-strong -MMD -MP \
	$(INCLUDES) $(PKG_CFLAGS)
PORTAL_CXXFLAGS = -std=c++17 -Wall -Wextra $(WERROR) -MMD -MP $(INCLUDES) $(PKG_CFLAGS)
ifeq ($(SANITIZE),1)
SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
CFLAGS := $(filter-out -O2,$(CFLAGS)) -O1 $(SAN)
CXXFLAGS := $(filter-out -O2,$(CXXFLAGS)) -O1 $(SAN)
LDFLAGS += $(SAN)
else
CPPFLAGS += -D_FORTIFY_SOURCE=2
endif

# Every module except the programs' main() goes into one internal static library that the
# three programs and the unit tests link against.
LIB_SRC = $(foreach d,$(SRC_DIRS),$(wildcard src/$(d)/*.c src/$(d)/*.cc))
LIB_OBJ = $(patsubst src/%,$(BUILD)/obj/%.o,$(basename $(LIB_SRC)))
BIN_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(wildcard src/bin/*.c))
LIB = $(BUILD)/libportal.a
UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
PROGRAMS = $(BUILD)/portal $(BUILD)/portal-admin $(BUILD)/portal-notify

.PHONY: all deps deps-test run test check fuzz bench clean unit-tests install deb
all: $(PROGRAMS) $(BUILD)/bench-hello

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PORTAL_CFLAGS) $(CFLAGS) -c -o $@ $<
$(BUILD)/obj/%.o: src/%.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(PORTAL_CXXFLAGS) $(CXXFLAGS) -c -o $@ $<
$(BUILD)/obj/base/config.o: CPPFLAGS += -DPORTAL_SHARE_DIR='"$(SHAREDIR)"' \
	-DPORTAL_DEFAULT_CONF='"$(DEFAULT_CONF)"'
# config.o depends on where the share directory is: rebuilt when it changes.
$(BUILD)/obj/base/config.o: $(BUILD)/sharedir
$(BUILD)/sharedir: FORCE
	@mkdir -p $(@D)
	@echo '$(SHAREDIR) $(DEFAULT_CONF)' | cmp -s - $@ || echo '$(SHAREDIR) $(DEFAULT_CONF)' > $@
.PHONY: FORCE
$(BUILD)/tests:
	mkdir -p $@

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^
$(BUILD)/portal: $(BUILD)/obj/bin/main.o $(LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/portal-admin: $(BUILD)/obj/bin/admin_main.o $(LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/portal-notify: $(BUILD)/obj/bin/notify_main.o $(LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/bench-hello: tests/bench/bench_hello.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PORTAL_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lfcgi

# Unit tests link the library (the whole archive: a test may reach any module) and read the
# migrations and fixtures of the source tree.
$(BUILD)/tests/%: tests/unit/%.c $(LIB) | $(BUILD)/tests
	$(CXX) -x c $(CPPFLAGS) -DPORTAL_SHARE_DIR='"$(CURDIR)"' $(PORTAL_CFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o -Wl,--whole-archive $(LIB) -Wl,--no-whole-archive $(PKG_LIBS) -lcmocka
unit-tests: $(UNIT_TESTS)

-include $(LIB_OBJ:.o=.d) $(BIN_OBJ:.o=.d) $(UNIT_TESTS:%=%.d)

# `make install PREFIX=/usr DESTDIR=…` after `make PREFIX=/usr`: the programs, the share
# directory (templates, static files, migrations), the example configuration and the man pages.
install: $(PROGRAMS)
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(SHAREDIR) \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8
	install -m 0755 $(BUILD)/portal $(BUILD)/portal-notify $(DESTDIR)$(SBINDIR)/
	install -m 0755 $(BUILD)/portal-admin $(DESTDIR)$(SBINDIR)/
	cp -R templates static sql $(DESTDIR)$(SHAREDIR)/
	install -d $(DESTDIR)$(SHAREDIR)/conf
	install -m 0644 conf/portal.ini conf/nginx.conf.in conf/nginx-site.conf.in \
		conf/nginx-municipality-hosts.conf $(DESTDIR)$(SHAREDIR)/conf/
	install -m 0644 doc/man/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 0644 doc/man/*.8 $(DESTDIR)$(MANDIR)/man8/

# `make deb`: the Debian package, built by dpkg-buildpackage (debian/) from a copy of the tree in
# $(BUILD)/deb, so that the tree itself stays as it is; the .deb is left in $(BUILD).
DEB_VERSION = $(shell dpkg-parsechangelog -S Version 2>/dev/null)
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB_TREE = $(BUILD)/deb/portal-$(DEB_VERSION)
deb:
	rm -rf $(BUILD)/deb
	mkdir -p $(DEB_TREE)
	cp -R Makefile README.md conf debian doc sql src static templates $(DEB_TREE)/
	# The package's build is a make of its own: none of this make's variables (BUILD=…) reach it.
	cd $(DEB_TREE) && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u SANITIZE -u PREFIX \
		-u DESTDIR -u SHAREDIR -u WERROR \
		DEB_BUILD_OPTIONS="parallel=2 $(DEB_BUILD_OPTIONS)" dpkg-buildpackage -b -us -uc
	cp $(BUILD)/deb/portal_$(DEB_VERSION)_$(DEB_ARCH).deb $(BUILD)/
	@echo "make deb: $(BUILD)/portal_$(DEB_VERSION)_$(DEB_ARCH).deb"

deps:
	@src/scripts/install-deps.sh run
deps-test:
	@src/scripts/install-deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	@PORT=$(PORT) DATA=$(DATA) BIN=$(CURDIR)/$(BUILD) exec src/scripts/run-stack.sh

# The whole suite: unit, integration, web gates, sanitizer run, a short fuzz run.
test: deps-test
	@$(MAKE) --no-print-directory WERROR=-Werror all unit-tests
	@$(MAKE) --no-print-directory WERROR=-Werror BUILD=build/asan SANITIZE=1 all unit-tests
	@$(MAKE) --no-print-directory fuzz-build
	@$(PYTHON) tests/run.py --all --fuzz-seconds 15

check: deps-test
	@$(MAKE) --no-print-directory WERROR=-Werror BUILD=build/asan SANITIZE=1 all unit-tests
	@$(PYTHON) tests/run.py --bin build/asan --unit --integration

# ---- fuzzing (clang + libFuzzer) ----
FUZZ_TARGETS = fuzz_urlencoded fuzz_cookies fuzz_fields fuzz_mail_header fuzz_multipart \
	fuzz_fts_russian fuzz_csv
FUZZ_SRC = src/base/arena.c src/base/utf8.c src/base/params.c src/base/validate.c \
	src/base/civil_time.c src/base/ru.c src/base/buf.c src/notify/mail_header.c \
	src/http/multipart.c src/db/fts_russian.c src/base/csv.c
FUZZ_FLAGS = -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined $(INCLUDES)
.PHONY: fuzz-build
fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/%)
build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(FUZZ_SRC) $(wildcard src/*/*.h)
	@mkdir -p build/fuzz
	clang $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRC) -lsodium -lsqlite3 -lstemmer
fuzz: deps-test fuzz-build
	@$(PYTHON) tests/run.py --fuzz --fuzz-seconds $(FUZZ_SECONDS)

bench: deps-test
	@$(MAKE) --no-print-directory all
	@tests/bench/run.sh

clean:
	rm -rf build
