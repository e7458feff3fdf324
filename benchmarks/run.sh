#!/usr/bin/env bash
# The end-to-end load run, one command: builds the service jar and the load generator, installs pgbench
# (Debian's PostgreSQL package) when it is missing, then starts an embedded PostgreSQL and the packaged
# service, measures pgbench's INSERT+UPDATE ceiling and the service's payment flows per client count,
# a paced run at half the best rate, and reads at 10 thousand and 1 million payments.
#
#   benchmarks/run.sh                        # the whole run (about 12 minutes on 2 cores, with the build)
#   benchmarks/run.sh --clients 4 --duration 10 --growth none   # a quick look
#   benchmarks/run.sh --database postgresql://user:pw@host:5432/db   # a running server instead
#
# Options are LoadRun's (benchmarks/src/main/java/dev/tender/benchmarks/load/LoadRun.java). The report is
# benchmarks/target/load/report.md, the chart benchmarks/target/load/load.png, the service's log
# benchmarks/target/load/service.log. Method and figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pgbench >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/pgbench" >/dev/null; then
  echo "pgbench is missing: installing Debian's PostgreSQL package (it ships pgbench)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
fi

exec mvn -B -q -Pload -pl micronaut-app,benchmarks -am -DskipTests verify -Dload.args="$*"
