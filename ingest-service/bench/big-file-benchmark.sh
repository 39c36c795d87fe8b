#!/usr/bin/env bash
# Bounded memory on a multi-GB file: ingests a generated ~3.4 GB clickstream file (26,000,000 rows) from a
# loopback HTTP server into Azurite through the packaged service with a 256 MiB heap, and reports throughput,
# peak heap used, the heap still live after a full GC halfway, and peak RSS (ingest-benchmark.sh measures).
#
# usage: ingest-service/bench/big-file-benchmark.sh [--rows N] [--xmx 256m] [--keep] [--jfr]
#   The file is generated into .run/bench only when the disk has room for it plus 10 GB to spare, and deleted
#   afterwards unless --keep; Azurite (in memory on the local stack) must have room for one copy of it, and
#   the blob is deleted after the run. Needs what ingest-benchmark.sh needs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rows=26000000 xmx=256m keep=false extra=()
while (( $# )); do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    --jfr) extra+=(--jfr); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mb=$(( rows * 130 / 1000000 ))   # ~130 bytes per generated row
disk=$(df -Pm "$ROOT" | awk 'NR == 2 { print $4 }')
memory=$(awk '/MemAvailable/ { printf "%d", $2 / 1024 }' /proc/meminfo)
if [[ ! -s $ROOT/.run/bench/clickstream-$rows.csv ]] && (( disk < mb + 10240 )); then
  echo "not enough disk for a $mb MB file plus 10 GB to spare (${disk} MB free); try fewer --rows" >&2; exit 1
fi
(( memory > 2 * mb + 4096 )) || { echo "Azurite keeps blobs in memory: ${memory} MB available, ~$((2 * mb + 4096)) MB wanted" >&2; exit 1; }
$keep || extra+=(--delete-file)
echo "$(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
exec "$ROOT/ingest-service/bench/ingest-benchmark.sh" --rows "$rows" --xmx "$xmx" --lake azurite "${extra[@]}"
