#!/usr/bin/env bash
# Gold benchmark: a generated month of silver through kpi-service's real flow (Azurite, Kafka, PostgreSQL),
# timed silver-ready -> gold-ready, against plain DuckDB computing the same figures over the same files, then
# /kpi/summary latency with one client and at concurrent clients (random ranges, and whole-month ranges served from monthly_kpi).
#
#   kpi-service/bench/gold-benchmark.sh [days=30] [events per day=100000] [clients=50] [requests per client=8]
#
# The consumer group is the run's own, so no other kpi-service test JVM sharing the broker triggers a
# rebalance (and a redelivery that would rebuild the month again during the measurements).
#
# Needs the local stack (deploy/local/stack.sh start) and lake-contracts installed. Uses the test database of
# _TEST_QUARKUS_DATASOURCE_JDBC_URL (default clicklake_kpi_test, cleaned at start). Prints the BENCH lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
days=${1:-30}
events=${2:-100000}
clients=${3:-50}
requests=${4:-8}
mvn -B -ntp -o -q -pl kpi-service test -Dtest=GoldBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmp.messaging.incoming.silver-ready.group.id="kpi-bench-$$-$RANDOM" -Dbench.days="$days" -Dbench.events="$events" -Dbench.clients="$clients" -Dbench.requests="$requests" \
    2>&1 | tee kpi-service/target/gold-benchmark.log | grep -E '^BENCH|Tests run|FAIL|ERROR' || true
grep -q '^BENCH /kpi/summary, whole month' kpi-service/target/gold-benchmark.log
