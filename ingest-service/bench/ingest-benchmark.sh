#!/usr/bin/env bash
# Measures ingest throughput (MB/s) and peak heap for a generated ~1 GB clickstream file served over
# loopback HTTP (python3 -m http.server), into the local lake and into Azurite.
#
# usage: ingest-service/bench/ingest-benchmark.sh [--rows N] [--xmx 256m] [--lake local|azurite|both]
#   needs: the packaged service (mvn -pl ingest-service -am package -DskipTests), python3, curl, jq, jstat,
#   and the local stack (deploy/local/stack.sh start). Throughput = file bytes / (landedAt - createdAt) of
#   the ledger; peak heap = the highest used heap (S0U+S1U+EU+OU) jstat saw, sampled every 100 ms, with the
#   heap capped by -Xmx so that a file held in memory would fail outright.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
rows=8000000 xmx=256m lakes=both
while (( $# )); do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --lake) lakes=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $lakes == both ]] && lakes="local azurite"
work="$ROOT/.run/bench"
mkdir -p "$work"
file="$work/clickstream-$rows.csv"
jar=ingest-service/target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || { echo "package the service first: mvn -pl ingest-service -am package -DskipTests" >&2; exit 1; }
if [[ ! -s $file ]]; then
  echo "generating $rows rows into $file..."
  java -cp lake-contracts/target/lake-contracts-0.1.0-SNAPSHOT.jar \
    dev.clicklake.contracts.clickstream.GenerateClickstream --rows "$rows" --out "$file"
fi
bytes=$(stat -c %s "$file")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

http_port=$(free_port)
(cd "$work" && exec python3 -m http.server "$http_port" --bind 127.0.0.1) >"$work/http.log" 2>&1 &
pids+=($!)
key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

run_one() {
  local lake=$1 port; port=$(free_port)
  local env=(CLICKLAKE_INGEST_API_KEYS="$key" CLICKLAKE_INGEST_URL_ALLOWED_HOSTS=127.0.0.1
    CLICKLAKE_INGEST_URL_ALLOW_PRIVATE_ADDRESSES=true CLICKLAKE_TOPIC_PREFIX=bench- QUARKUS_HTTP_PORT="$port"
    CLICKLAKE_LAKE_LOCAL_ROOT="$work/lake")
  if [[ $lake == azurite ]]; then
    env+=(CLICKLAKE_LAKE_KIND=adls CLICKLAKE_LAKE_ADLS_ENDPOINT=http://127.0.0.1:10000/devstoreaccount1
      CLICKLAKE_LAKE_ADLS_AUTH=connection-string CLICKLAKE_LAKE_ADLS_CONNECTION_STRING=UseDevelopmentStorage=true)
  fi
  env "${env[@]}" sh -c "echo \$\$ > '$work/service.pid'; exec java -Xmx$xmx -jar $jar" >"$work/service-$lake.log" 2>&1 &
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  local jvm; jvm=$(cat "$work/service.pid"); pids+=("$jvm")
  jstat -gc "$jvm" 100 >"$work/jstat-$lake.log" 2>/dev/null &
  local jstat_pid=$!; pids+=("$jstat_pid")
  local dataset="bench-$(date +%s)-$lake"
  local id; id=$(curl -sS -X POST "http://127.0.0.1:$port/ingestions" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"dataset\":\"$dataset\",\"url\":\"http://127.0.0.1:$http_port/$(basename "$file")\"}" | jq -r .id)
  local view status=RECEIVING
  while [[ $status == RECEIVING ]]; do
    sleep 0.5
    view=$(curl -sS "http://127.0.0.1:$port/ingestions/$id"); status=$(jq -r .status <<<"$view")
  done
  kill "$jstat_pid" 2>/dev/null || true
  [[ $status == LANDED ]] || { echo "$lake: ingestion $id is $status: $(jq -r .reason <<<"$view")" >&2; kill "$jvm"; return 1; }
  local seconds
  seconds=$(python3 - "$(jq -r .timings.createdAt <<<"$view")" "$(jq -r .timings.landedAt <<<"$view")" <<'PY'
import sys, datetime
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print((p(sys.argv[2]) - p(sys.argv[1])).total_seconds())
PY
)
  local peak; peak=$(awk 'NR > 1 && $3 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$work/jstat-$lake.log")
  printf '%-8s %6.0f MB in %6.1f s = %6.1f MB/s, peak heap used %4s MiB (-Xmx%s), %s splits, sha256 %s\n' "$lake" \
    "$(awk "BEGIN { print $bytes / 1e6 }")" "$seconds" "$(awk "BEGIN { print $bytes / 1e6 / $seconds }")" "$peak" "$xmx" \
    "$(jq -r .journey.splits <<<"$view")" "$(jq -r .bronze.sha256 <<<"$view" | cut -c1-12)"
  kill "$jvm"; wait "$jvm" 2>/dev/null || true
}

echo "file: $file ($bytes bytes), served by python3 -m http.server on 127.0.0.1:$http_port"
for lake in $lakes; do run_one "$lake"; done
