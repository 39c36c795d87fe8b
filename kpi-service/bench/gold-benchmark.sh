#!/usr/bin/env bash
# Gold benchmark: generated days of silver through kpi-service's real flow (Azurite, Kafka, PostgreSQL),
# timed silver-ready -> gold-ready, against plain DuckDB computing the same figures over the same files; then the
# incremental update of one new day; then /kpi/summary latency measured by wrk from a second process (random
# day ranges and the whole span, 1 connection and N connections).
#
#   kpi-service/bench/gold-benchmark.sh [days=30] [events per day=100000] [connections=50] [seconds per wrk run=20]
#
# The consumer group is the run's own, so no other kpi-service test JVM sharing the broker triggers a
# rebalance (and a redelivery that would rebuild the days again during the measurements).
#
# Needs the local stack (deploy/local/stack.sh start) and wrk (installed from Debian's packages when missing).
# Uses the test database of _TEST_QUARKUS_DATASOURCE_JDBC_URL (default clicklake_kpi_test, cleaned at start).
# Prints the BENCH lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
days=${1:-30}
events=${2:-100000}
clients=${3:-50}
seconds=${4:-20}
if ! command -v wrk > /dev/null; then
    apt-get install -y -q wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
fi
mvn -B -ntp -o -q -pl lake-contracts,kpi-service test -Dtest=GoldBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmp.messaging.incoming.silver-ready.group.id="kpi-bench-$$-$RANDOM" -Dbench.days="$days" -Dbench.events="$events" \
    -Dbench.clients="$clients" -Dbench.seconds="$seconds" -Dbench.wrk.script="$PWD/kpi-service/bench/summary-ranges.lua" \
    2>&1 | tee kpi-service/target/gold-benchmark.log | grep -E '^BENCH|Tests run|FAIL|ERROR' || true
grep -q '^BENCH /kpi/summary, whole span over .* connections' kpi-service/target/gold-benchmark.log
