#!/usr/bin/env bash
# HTTP integration tests: the real `jingwu serve` on free loopback ports, over HTTP, on SQLite and PostgreSQL
# (scripts/node_suite.sh says how). Extra arguments go to `node --test` (e.g. --test-name-pattern=CSRF).
exec bash "$(dirname "$0")/../../scripts/node_suite.sh" "integration tests" tests/integration "$@"
