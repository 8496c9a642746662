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

CC = gcc
CXX = g++
PKGS = libfcgi sqlite3 libsodium inih libical jansson libctemplate_nothreads libcurl libmagic
# libfcgi and Debian's libstemmer ship no pkg-config file
PKG_CFLAGS = $(shell pkg-config --cflags $(filter-out libfcgi,$(PKGS)) 2>/dev/null)
PKG_LIBS = -lfcgi -lstemmer $(shell pkg-config --libs $(filter-out libfcgi,$(PKGS)) 2>/dev/null)

WARN = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes -Werror
CFLAGS_BASE = -std=c17 -D_GNU_SOURCE -O2 -g $(WARN) -fstack-protector-strong \
	-DPORTAL_SHARE_DIR='"$(CURDIR)"' $(PKG_CFLAGS)
CXXFLAGS_BASE = -std=c++17 -O2 -g -Wall -Wextra -Werror $(PKG_CFLAGS)
ifeq ($(SANITIZE),1)
SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
CFLAGS_BASE := $(filter-out -O2,$(CFLAGS_BASE)) -O1 $(SAN)
CXXFLAGS_BASE := $(filter-out -O2,$(CXXFLAGS_BASE)) -O1 $(SAN)
LDFLAGS += $(SAN)
else
CFLAGS_BASE += -D_FORTIFY_SOURCE=2
endif

# Modules every program shares, then each program's own.
CORE = arena buf utf8 params civil_time ru config db db_statements validate rules series outbox \
	appeal_rules appeal \
	db_meeting subscription workdays fts_russian protocol csv
WEB = worker request response router routes page page_cache meeting_view db_reference \
	auth audit staff_change page_admin page_admin_users page_admin_meetings page_admin_series page_admin_home \
	page_admin_reference page_admin_territories page_admin_venues page_admin_people \
	page_admin_groups page_admin_reference_groups page_admin_calendar page_admin_outbox \
	page_admin_press publication page_admin_appeals page_admin_topics page_admin_protocols \
	page_admin_instructions instruction_staff page_protocol \
	page_home page_meetings page_calendar page_system page_press page_subscribe \
	page_appeals multipart upload report page_admin_reports open311
# build/portal-notify: the rules, their texts, delivery over SMTP and HTTP
NOTIFY = notify_rules notify_text notify_deliver mail mail_header
CORE_OBJ = $(CORE:%=$(BUILD)/obj/%.o)
NOTIFY_OBJ = $(NOTIFY:%=$(BUILD)/obj/%.o)
WEB_OBJ = $(WEB:%=$(BUILD)/obj/%.o) $(BUILD)/obj/template.o
UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all deps deps-test run test check fuzz bench clean unit-tests
all: $(BUILD)/portal $(BUILD)/portal-admin $(BUILD)/portal-notify $(BUILD)/bench-hello

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS_BASE) -c -o $@ $<
$(BUILD)/obj/template.o: src/template.cc src/template.h src/buf.h src/arena.h | $(BUILD)/obj
	$(CXX) $(CXXFLAGS_BASE) -c -o $@ $<
$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

$(BUILD)/portal: $(BUILD)/obj/main.o $(WEB_OBJ) $(CORE_OBJ)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/portal-admin: $(BUILD)/obj/admin_main.o $(CORE_OBJ)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/portal-notify: $(BUILD)/obj/notify_main.o $(NOTIFY_OBJ) $(CORE_OBJ)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(BUILD)/bench-hello: tests/bench/bench_hello.c | $(BUILD)/obj
	$(CC) $(CFLAGS_BASE) -o $@ $< -lfcgi

# Unit tests link every module except the programs' main().
$(BUILD)/tests/%: tests/unit/%.c $(WEB_OBJ) $(NOTIFY_OBJ) $(CORE_OBJ) $(wildcard tests/unit/*.h) $(wildcard src/*.h) | $(BUILD)/tests
	$(CXX) -x c $(CFLAGS_BASE) -Isrc -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(WEB_OBJ) $(NOTIFY_OBJ) $(CORE_OBJ) $(PKG_LIBS) -lcmocka
unit-tests: $(UNIT_TESTS)

deps:
	@src/scripts/install-deps.sh run
deps-test:
	@src/scripts/install-deps.sh test

run: deps
	@$(MAKE) --no-print-directory all
	@PORT=$(PORT) DATA=$(DATA) BIN=$(CURDIR)/$(BUILD) exec src/scripts/run-stack.sh

# The whole suite: unit, integration, web gates, sanitizer run, a short fuzz run.
test: deps-test
	@$(MAKE) --no-print-directory all unit-tests
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 all unit-tests
	@$(MAKE) --no-print-directory fuzz-build
	@$(PYTHON) tests/run.py --all --fuzz-seconds 15

check: deps-test
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 all unit-tests
	@$(PYTHON) tests/run.py --bin build/asan --unit --integration

# ---- fuzzing (clang + libFuzzer) ----
FUZZ_TARGETS = fuzz_urlencoded fuzz_cookies fuzz_fields fuzz_mail_header fuzz_multipart \
	fuzz_fts_russian fuzz_csv
FUZZ_SRC = src/arena.c src/utf8.c src/params.c src/validate.c src/civil_time.c src/ru.c \
	src/buf.c src/mail_header.c src/multipart.c src/fts_russian.c src/csv.c
FUZZ_FLAGS = -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc
.PHONY: fuzz-build
fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/%)
build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(FUZZ_SRC) $(wildcard src/*.h)
	@mkdir -p build/fuzz
	clang $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRC) -lsodium -lsqlite3 -lstemmer
fuzz: deps-test fuzz-build
	@$(PYTHON) tests/run.py --fuzz --fuzz-seconds $(FUZZ_SECONDS)

bench: deps-test
	@$(MAKE) --no-print-directory all
	@tests/bench/run.sh

clean:
	rm -rf build
