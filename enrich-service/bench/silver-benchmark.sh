#!/usr/bin/env bash
# Bronze CSV -> committed silver Parquet: enrich-service (1 and 2 replicas) against plain DuckDB, same file,
# same machine, one JVM per run. A benchmark, not a test; results go in enrich-service/README.md.
# A replica is given one core, as its pod requests (deploy/k8s/base/enrich-service.yaml): the 1-replica run is
# pinned to one core with taskset (when there is one), the 2-replica run and DuckDB use the machine's two; plain
# DuckDB is also run on one core, to show how far the machine lets a job scale from one core to two.
#
# usage: enrich-service/bench/silver-benchmark.sh [ROWS]        (default 10000000, about 1.3 GB)
#   env: BENCH_DIR (default /tmp/clicklake-bench; the CSV is generated there once and kept),
#        SPLIT_BYTES (128 MiB, as ingest-service cuts), THREADS (the plain-DuckDB baseline's threads, 2; a
#        replica's DuckDB has 1, its default), MEMORY (DuckDB memory limit, 1GB), WARMUP (rows enrich-service
#        processes untimed before a warm run, 500000; the 2-replica run is timed both cold and warm)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${1:-10000000}
BENCH_DIR=${BENCH_DIR:-/tmp/clicklake-bench}
SPLIT_BYTES=${SPLIT_BYTES:-134217728}
THREADS=${THREADS:-2}
MEMORY=${MEMORY:-1GB}
WARMUP=${WARMUP:-500000}

mvn -B -q -f ../pom.xml -pl lake-contracts -am install -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA_OPTS=${JAVA_OPTS:-"-Xmx1g"}

mkdir -p "$BENCH_DIR"
CSV="$BENCH_DIR/rees46-$ROWS.csv"
if [[ ! -f $CSV ]]; then
  java -cp "$CP" dev.clicklake.contracts.clickstream.GenerateClickstream --rows "$ROWS" --out "$CSV"
fi


ONE_CORE=()
command -v taskset >/dev/null && ONE_CORE=(taskset -c 0)
run() { "$@" 2>"$BENCH_DIR/last-run.log" | tail -1; }
bench() { echo java $JAVA_OPTS -cp "$CP" dev.clicklake.enrich.bench.SilverBenchmark; }
run $(bench) rules "$CSV"
run $(bench) duckdb "$CSV" "$THREADS" "$MEMORY"
run $(bench) enrich "$CSV" "$SPLIT_BYTES" 2 1 "$MEMORY"
run $(bench) enrich "$CSV" "$SPLIT_BYTES" 2 1 "$MEMORY" "$WARMUP"
run "${ONE_CORE[@]}" $(bench) enrich "$CSV" "$SPLIT_BYTES" 1 1 "$MEMORY" "$WARMUP"
run "${ONE_CORE[@]}" $(bench) duckdb "$CSV" 1 "$MEMORY"   # how far plain DuckDB itself scales from one core to two
