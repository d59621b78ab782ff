#!/usr/bin/env bash
# Security suite: each finding of the outside test (docs/security.md) as an attack on a real `jingwu serve`,
# on SQLite and PostgreSQL (scripts/node_suite.sh says how). Extra arguments go to `node --test`.
exec bash "$(dirname "$0")/../../scripts/node_suite.sh" "security suite" tests/security "$@"
