#!/usr/bin/env bash
# The whole pipeline against one plain DuckDB process, same file, same machine, same run: generates ROWS rows
# (REES46 format, seeded), runs the baseline (kpi-service's bench.PlainDuckDbPipeline: typed CSV, duplicates
# dropped, date-partitioned Parquet, then the gold figures with exact distinct users and sessions), then uploads
# the file to a fresh dataset of the three packaged services (deploy/local/services.sh: default configuration,
# one replica each, on the local stack) and waits for GOLD_READY. Prints one line per stage from the ingestion's
# own timings (land: upload start to landed; silver: landed to the last split's silver-ready; gold: the first
# split's silver-ready to gold-ready, which overlaps silver), the total, its ratio to the baseline, and each
# service's peak heap (sampled from its /q/metrics) and peak RSS (VmHWM).
#
# usage: bench/e2e-benchmark.sh [ROWS]              (default 10000000, about 1.35 GB)
#   env: BENCH_DIR (/tmp/clicklake-bench: the CSV is generated once and kept), THREADS (the baseline's DuckDB
#        threads, 2), MEMORY (its memory limit, 4GB), SEED (7), SKIP_BUILD=1 (reuse the packaged services),
#        KPI_REPLICAS (kpi-service JVMs, 1; see deploy/local/services.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROWS=${1:-10000000}
BENCH_DIR=${BENCH_DIR:-/tmp/clicklake-bench}
THREADS=${THREADS:-2}
MEMORY=${MEMORY:-4GB}
SEED=${SEED:-7}
declare -A MANAGEMENT=([ingest-service]=9081 [enrich-service]=9082 [kpi-service]=9083)
KPI_REPLICAS=${KPI_REPLICAS:-1}
for (( r = 2; r <= KPI_REPLICAS; r++ )); do MANAGEMENT[kpi-service-$r]=$(( 9083 + 100 * (r - 1) )); done
export KPI_REPLICAS

say() { printf '%s\n' "$*"; }
secs() { date -d "$1" +%s.%N; }
diff_s() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  mvn -B -q -ntp install -DskipTests
fi
mvn -B -q -ntp -pl kpi-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="kpi-service/target/test-classes:kpi-service/target/classes:lake-contracts/target/classes:$(cat kpi-service/target/bench-classpath.txt)"

mkdir -p "$BENCH_DIR"
CSV="$BENCH_DIR/rees46-$ROWS-seed$SEED.csv"
[[ -f $CSV ]] || java -cp "$CP" dev.clicklake.contracts.clickstream.GenerateClickstream --rows "$ROWS" --seed "$SEED" --out "$CSV"
say "input: $CSV ($(( $(stat -c %s "$CSV") / 1000000 )) MB, $ROWS rows)"

work="$BENCH_DIR/duckdb-$$"
baseline=$(java -Xmx1g -cp "$CP" dev.clicklake.kpi.bench.PlainDuckDbPipeline "$CSV" "$work" "$THREADS" "$MEMORY" | grep '^BASELINE')
rm -rf "$work"
duck_total=$(sed -n 's/.* total=\([0-9.]*\).*/\1/p' <<<"$baseline")
say "plain DuckDB ($THREADS threads, $MEMORY): $baseline"

deploy/local/stack.sh start >/dev/null
deploy/local/services.sh stop >/dev/null 2>&1 || true
ingest_key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
reader_key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
# topics of the run's own: nothing an earlier run left on the broker (a split it did not finish) is redelivered here
CLICKLAKE_TOPIC_PREFIX="e2e-bench-$(date +%s)-" CLICKLAKE_INGEST_API_KEYS=$ingest_key CLICKLAKE_KPI_AUTH_API_KEYS=$reader_key \
  deploy/local/services.sh start >/dev/null

# peak heap of each service: jvm_memory_used_bytes{area="heap"} summed, sampled twice a second
peaks="$BENCH_DIR/heap-peaks-$$"
: >"$peaks"
(
  declare -A peak
  while true; do
    for s in "${!MANAGEMENT[@]}"; do
      used=$(curl -s --max-time 1 "http://127.0.0.1:${MANAGEMENT[$s]}/q/metrics" \
        | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%d", sum }')
      (( ${used:-0} > ${peak[$s]:-0} )) && peak[$s]=$used
    done
    for s in "${!peak[@]}"; do printf '%s %s\n' "$s" "${peak[$s]}"; done >"$peaks.tmp" && mv "$peaks.tmp" "$peaks"
    sleep 0.5
  done
) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

dataset="e2e-bench-$(date +%s)"
id=$(curl -sS --fail-with-body -X POST "http://127.0.0.1:8081/ingestions?dataset=$dataset&fileName=$(basename "$CSV")" \
  -H "X-API-Key: $ingest_key" -H 'Content-Type: text/csv' -T "$CSV" | jq -r .id)
say "ingestion $id uploaded"
view=
until [[ $(jq -r .status <<<"$view") =~ ^(GOLD_READY|FAILED|REJECTED)$ ]]; do
  sleep 1
  view=$(curl -sS -H "X-API-Key: $ingest_key" "http://127.0.0.1:8081/ingestions/$id")
done
[[ $(jq -r .status <<<"$view") == GOLD_READY ]] || { say "ingestion ended $(jq -c . <<<"$view")"; exit 1; }

t=$(jq -r '.timings' <<<"$view")
created=$(secs "$(jq -r .createdAt <<<"$t")") landed=$(secs "$(jq -r .landedAt <<<"$t")")
gold=$(secs "$(jq -r .goldReadyAt <<<"$t")")
first_silver= last_silver=
while read -r at; do
  at=$(secs "$at")
  [[ -n $first_silver ]] && awk -v a="$at" -v b="$first_silver" 'BEGIN { exit !(a >= b) }' || first_silver=$at
  [[ -n $last_silver ]] && awk -v a="$at" -v b="$last_silver" 'BEGIN { exit !(a <= b) }' || last_silver=$at
done < <(jq -r '.journey.splitDetails[].silverAt' <<<"$view")
total=$(diff_s "$created" "$gold")
say "rows   written to silver: $(jq -r .journey.rowsWritten <<<"$view") (duplicates $(jq -r .journey.duplicates <<<"$view"), quarantined $(jq -r .journey.quarantined <<<"$view")); the baseline kept $(sed -n 's/.* rows=\([0-9]*\).*/\1/p' <<<"$baseline")"
say "land   (upload start -> landed):                 $(diff_s "$created" "$landed") s"
say "silver (landed -> last silver-ready):            $(diff_s "$landed" "$last_silver") s"
say "gold   (first silver-ready -> gold-ready):       $(diff_s "$first_silver" "$gold") s  (after the last silver-ready: $(diff_s "$last_silver" "$gold") s)"
say "total  (upload start -> GOLD_READY):             $total s = $(awk -v a="$total" -v b="$duck_total" 'BEGIN { printf "%.2f", a / b }')x plain DuckDB ($duck_total s)"
sleep 1
say "kpi-service replicas: $KPI_REPLICAS"
for s in ingest-service enrich-service kpi-service $(for (( r = 2; r <= KPI_REPLICAS; r++ )); do echo "kpi-service-$r"; done); do
  pid=$(read -r p _ <"$ROOT/.run/pids/$s.pid" && echo "$p")
  rss=$(awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
  heap=$(awk -v s="$s" '$1 == s { printf "%d", $2 / 1048576 }' "$peaks")
  say "$s: peak heap ${heap:-?} MiB (sampled), peak RSS $rss MiB"
done
deploy/local/services.sh stop >/dev/null
