#!/usr/bin/env bash
# Statements and commits per payment operation, counted by PostgreSQL's pg_stat_statements: builds the
# service jar, starts an embedded PostgreSQL with the extension and the packaged service (background jobs
# off), runs create + confirm, capture and refund 200 times each, one at a time, and reports every
# statement's calls per operation (benchmarks/target/statements/report.md). About a minute after the build.
#
#   benchmarks/statements.sh                   # 200 of each
#   benchmarks/statements.sh --flows 1000      # more
#
# Options are StatementsRun's (benchmarks/src/main/java/dev/tender/benchmarks/load/StatementsRun.java).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -Pstatements -pl micronaut-app,benchmarks -am -DskipTests verify -Dstatements.args="$*"
