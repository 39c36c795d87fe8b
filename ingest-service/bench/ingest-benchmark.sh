#!/usr/bin/env bash
# Measures ingest throughput (MB/s), peak heap and peak RSS for a generated clickstream file (~1 GB by
# default) served over loopback HTTP (python3 -m http.server), into the local lake and into Azurite.
#
# usage: ingest-service/bench/ingest-benchmark.sh [--rows N] [--xmx 256m] [--lake local|azurite|both]
#          [--jfr] [--delete-file] [--env KEY=VALUE]...
#   needs: the packaged service (mvn -pl ingest-service -am package -DskipTests), python3, curl, jq, jstat,
#   and the local stack (deploy/local/stack.sh start). Throughput = file bytes / (landedAt - createdAt) of
#   the ledger; peak heap = the highest used heap (S0U+S1U+EU+OU) jstat saw, sampled every 100 ms, with the
#   heap capped by -Xmx so that a file held in memory would fail outright; peak RSS = the JVM's VmHWM
#   (/proc/<pid>/status) when the ingestion has landed; live heap halfway = the heap still in use after a
#   full GC (jcmd GC.run, read from -Xlog:gc) once half the file is in, i.e. what the service really holds. --jfr records a JFR profile of each run
#   (.run/bench/ingest-<lake>.jfr; read it with `jfr print --events jdk.ExecutionSample`). The Azurite blob is
#   deleted after each run (Azurite keeps blobs in memory on the shared stack); --delete-file also deletes
#   the generated file at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
rows=8000000 xmx=256m lakes=both jfr=false delete_file=false extra_env=()
while (( $# )); do
  case $1 in
    --env) extra_env+=("$2"); shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --lake) lakes=$2; shift 2 ;;
    --jfr) jfr=true; shift ;;
    --delete-file) delete_file=true; shift ;;
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
bytes=$(stat -L -c %s "$file")
$delete_file && trap_delete="$file" || trap_delete=

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -z $trap_delete ]] || rm -f "$trap_delete"
}
trap cleanup EXIT

http_port=$(free_port)
(cd "$work" && exec python3 -m http.server "$http_port" --bind 127.0.0.1) >"$work/http.log" 2>&1 &
pids+=($!)
key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

run_one() {
  local lake=$1 port management_port; port=$(free_port) management_port=$(free_port)
  local env=(CLICKLAKE_INGEST_API_KEYS="$key" CLICKLAKE_INGEST_URL_ALLOWED_HOSTS=127.0.0.1
    CLICKLAKE_INGEST_URL_ALLOW_PRIVATE_ADDRESSES=true CLICKLAKE_TOPIC_PREFIX=bench- QUARKUS_HTTP_PORT="$port"
    QUARKUS_MANAGEMENT_PORT="$management_port" CLICKLAKE_LAKE_LOCAL_ROOT="$work/lake" "${extra_env[@]}")
  if [[ $lake == azurite ]]; then
    env+=(CLICKLAKE_LAKE_KIND=adls CLICKLAKE_LAKE_ADLS_ENDPOINT=http://127.0.0.1:10000/devstoreaccount1
      CLICKLAKE_LAKE_ADLS_AUTH=connection-string CLICKLAKE_LAKE_ADLS_CONNECTION_STRING=UseDevelopmentStorage=true)
  fi
  local jvm_opts="-Xmx$xmx -Xlog:gc:file=$work/gc-$lake.log"
  $jfr && jvm_opts+=" -XX:StartFlightRecording=filename=$work/ingest-$lake.jfr,settings=profile"
  env "${env[@]}" sh -c "echo \$\$ > '$work/service.pid'; exec java $jvm_opts -XX:+ExitOnOutOfMemoryError -jar $jar" >"$work/service-$lake.log" 2>&1 &
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$management_port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  local jvm; jvm=$(cat "$work/service.pid"); pids+=("$jvm")
  jstat -gc "$jvm" 100 >"$work/jstat-$lake.log" 2>/dev/null &
  local jstat_pid=$!; pids+=("$jstat_pid")
  local dataset="bench-$(date +%s)-$lake"
  local id; id=$(curl -sS -X POST "http://127.0.0.1:$port/ingestions" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"dataset\":\"$dataset\",\"url\":\"http://127.0.0.1:$http_port/$(basename "$file")\"}" | jq -r .id)
  local view status=RECEIVING collected=false
  while [[ $status == RECEIVING ]]; do
    sleep 0.5
    view=$(curl -sS -H "X-API-Key: $key" "http://127.0.0.1:$port/ingestions/$id"); status=$(jq -r .status <<<"$view")
    if ! $collected && (( $(jq -r .progress.bytesReceived <<<"$view") * 2 > bytes )); then
      jcmd "$jvm" GC.run >/dev/null; collected=true   # a full GC halfway: the heap left is what is held
    fi
  done
  kill "$jstat_pid" 2>/dev/null || true
  local rss; rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$jvm/status")
  # heap in use right after the full GC run halfway through the file: what the service really holds
  local live; live=$(grep 'Pause Full' "$work/gc-$lake.log" | grep -o '[0-9]*M->[0-9]*M' | tail -1 | sed 's/.*->//; s/M//')
  if [[ $lake == azurite ]]; then
    java -cp "$(dirname "$jar")/lib/main/*" ingest-service/bench/DeleteBronzePrefix.java "$dataset/" >/dev/null
  else
    rm -rf "$work/lake/bronze/$dataset"
  fi
  [[ $status == LANDED ]] || { echo "$lake: ingestion $id is $status: $(jq -r .reason <<<"$view")" >&2; kill "$jvm"; return 1; }
  local seconds
  seconds=$(python3 - "$(jq -r .timings.createdAt <<<"$view")" "$(jq -r .timings.landedAt <<<"$view")" <<'PY'
import sys, datetime
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print((p(sys.argv[2]) - p(sys.argv[1])).total_seconds())
PY
)
  local peak; peak=$(awk 'NR > 1 && $3 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$work/jstat-$lake.log")
  printf '%-8s %6.0f MB in %6.1f s = %6.1f MB/s, peak heap used %4s MiB (-Xmx%s), live heap halfway %s MiB, peak RSS %s MiB, %s splits, sha256 %s\n' "$lake" \
    "$(awk "BEGIN { print $bytes / 1e6 }")" "$seconds" "$(awk "BEGIN { print $bytes / 1e6 / $seconds }")" "$peak" "$xmx" "${live:-?}" "$rss" \
    "$(jq -r .journey.splits <<<"$view")" "$(jq -r .bronze.sha256 <<<"$view" | cut -c1-12)"
  kill "$jvm"; wait "$jvm" 2>/dev/null || true
}

echo "file: $file ($bytes bytes), served by python3 -m http.server on 127.0.0.1:$http_port"
for lake in $lakes; do run_one "$lake"; done
