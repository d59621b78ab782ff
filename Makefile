# Jingwu — the two commands: `make demo` and `make test`. Everything else is a helper of those.
SHELL := /bin/bash
PRESET ?= release
BUILD := build/$(PRESET)
JINGWU := $(BUILD)/src/app/jingwu
LISTEN ?= 127.0.0.1:8080

.PHONY: demo test setup build web unit integration e2e bench bench-http bench-analytics bench-intake bench-community bench-province bench-courier format format-check clean

setup:
	@bash scripts/setup.sh

build: setup
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build $(BUILD) -j2

web: setup
	@if [ -f web/package.json ]; then cd web && npm run build --silent; fi

demo: build web
	@mkdir -p var
	@JINGWU_DB=sqlite:var/jingwu.db $(JINGWU) init --demo
	@echo "Serving the demo county at http://$(LISTEN)  (Ctrl-C stops)"
	@echo "SMS of the demo county (query codes for the public progress page) arrive in var/demo-sms.txt"
	@JINGWU_DB=sqlite:var/jingwu.db JINGWU_DEMO_SMS_FILE=var/demo-sms.txt JINGWU_ALLOW_ROOT=1 $(JINGWU) serve --listen $(LISTEN)

test: build web
	@bash scripts/run_tests.sh

bench: bench-http bench-analytics bench-intake bench-community bench-courier

bench-http: build
	@bash bench/http/run.sh

# Builds only its own target (build/bench-analytics); JW_BENCH_PRESET=county for the full run.
bench-analytics: setup
	@bash bench/analytics/run.sh

# GA/T 1400 list posts over loopback from a second process: passes/s and pass-to-duty-desk alert latency.
bench-intake: build
	@bash bench/intake/run.sh

bench-community: build
	@bash bench/community/run.sh

# A 2-shard ClickHouse cluster on loopback against the engine, on a 7-day slice of the province preset (ADR 0067);
# JW_PROVINCE_SCALE (default 100) divides its size.
bench-province: setup
	@bash bench/province/run.sh

# The courier companies' bulk intake on SQLite and (with JW_TEST_PG_URL) PostgreSQL; bench/courier/README.md.
bench-courier: build
	@JINGWU_BIN=$${JINGWU_BIN:-$(CURDIR)/build/release/src/app/jingwu} node bench/courier/run.mjs

# clang-format (Debian's 14) with .clang-format over every C++ file; format-check changes nothing and fails on a
# file that format would change (CI runs it).
CXX_SOURCES = find src bench -name '*.cpp' -o -name '*.hpp'
format:
	@$(CXX_SOURCES) | xargs clang-format -i
format-check:
	@$(CXX_SOURCES) | xargs clang-format --dry-run --Werror

clean:
	rm -rf build
