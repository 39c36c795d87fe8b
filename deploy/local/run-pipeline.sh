#!/usr/bin/env bash
# The main job on a fresh machine: build, start the stack and the three services, take a dataset (a
# generated one by default), push it through bronze -> silver -> gold, and print where the results are.
#
# usage: deploy/local/run-pipeline.sh [--rows N] [--seed S] [--days D] [--file PATH] [--url URL]
#                                     [--dataset NAME] [--lake local|azurite] [--no-build]
#   --file/--url ingest an existing CSV instead of generating one (a URL's host must be allowed by
#   CLICKLAKE_INGEST_URL_ALLOWED_HOSTS). The lake is a local folder (.run/lake) unless --lake azurite, or
#   CLICKLAKE_LAKE_* variables point at a real ADLS Gen2 account.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show_help_if_asked "$@"
cd "$ROOT"

rows=200000 seed=42 days=3 file="" url="" dataset=demo lake=local build=true
while (( $# )); do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --file) file=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --dataset) dataset=$2; shift 2 ;;
    --lake) lake=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) die "unknown option $1 (see the usage at the top of $0)" ;;
  esac
done
command -v curl >/dev/null && command -v jq >/dev/null || die "this script needs curl and jq (apt-get install curl jq)"

if [[ $build == true ]]; then
  t0=$(now)
  say "building (mvn -DskipTests package; the first build downloads dependencies)..."
  ${MVN:-mvn} -B -q -ntp -Dstyle.color=never -DskipTests package </dev/null >"$LOGS/build.log" 2>&1 \
    || fail_with_log "the build failed" "$LOGS/build.log"
  say "built in $(since "$t0")"
fi

"$HERE/stack.sh" start
if [[ $lake == azurite ]]; then
  export CLICKLAKE_LAKE_KIND=adls CLICKLAKE_LAKE_ADLS_ENDPOINT=http://127.0.0.1:10000/devstoreaccount1 \
    CLICKLAKE_LAKE_ADLS_AUTH=container-sas   # each service only its layers' tokens: services.sh mints them
fi
# POST /ingestions needs an API key: one made for this machine and kept in .run, unless one is given
key_file="$RUN/ingest-api-key"
if [[ -z ${CLICKLAKE_INGEST_API_KEYS:-} ]]; then
  [[ -s $key_file ]] || { mkdir -p "$RUN"; (umask 077; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$key_file"); }
  export CLICKLAKE_INGEST_API_KEYS; CLICKLAKE_INGEST_API_KEYS=$(<"$key_file")
fi
# curl reads the header from a file, so that the key never shows in the process list
key_header="$RUN/ingest-api-key.header"
(umask 077; printf 'X-API-Key: %s\n' "${CLICKLAKE_INGEST_API_KEYS%%,*}" >"$key_header")
# reading gold needs a reader key: likewise one made for this machine, unless one is given
reader_key_file="$RUN/kpi-reader-key"
if [[ -z ${CLICKLAKE_KPI_AUTH_API_KEYS:-} ]]; then
  [[ -s $reader_key_file ]] || { mkdir -p "$RUN"; (umask 077; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$reader_key_file"); }
  export CLICKLAKE_KPI_AUTH_API_KEYS; CLICKLAKE_KPI_AUTH_API_KEYS=$(<"$reader_key_file")
fi
reader_header="$RUN/kpi-reader-key.header"
(umask 077; printf 'X-API-Key: %s\n' "${CLICKLAKE_KPI_AUTH_API_KEYS%%,*}" >"$reader_header")
"$HERE/services.sh" start

ingest=http://127.0.0.1:8081 kpi=http://127.0.0.1:8083
if [[ -n $url ]]; then
  say "ingesting $url into dataset '$dataset'..."
  response=$(curl -sS -X POST "$ingest/ingestions" -H 'Content-Type: application/json' -H @"$key_header" \
    -d "$(jq -n --arg d "$dataset" --arg u "$url" '{dataset: $d, url: $u}')")
else
  if [[ -z $file ]]; then
    file="$RUN/demo/clickstream-seed$seed-rows$rows.csv"
    mkdir -p "$RUN/demo"
    if [[ ! -f $file ]]; then
      say "generating $rows rows over $days days (seed $seed) into $file..."
      "$JAVA" -cp "$(ls lake-contracts/target/lake-contracts-*.jar | grep -v tests | head -1)" \
        dev.clicklake.contracts.clickstream.GenerateClickstream --rows "$rows" --seed "$seed" --days "$days" --out "$file"
    fi
  fi
  say "ingesting $file into dataset '$dataset'..."
  response=$(curl -sS -X POST "$ingest/ingestions?dataset=$dataset&fileName=$(basename "$file")" \
    -H 'Content-Type: text/csv' -H @"$key_header" -T "$file")   # -T streams the file; --data-binary @ would read it all into memory
fi
id=$(jq -r '.id // empty' <<<"$response")
[[ -n $id ]] || die "the ingestion was not accepted: $response"
status=$(jq -r .status <<<"$response")
[[ $status != REJECTED && $status != FAILED ]] || die "ingestion $id is $status: $(jq -r .reason <<<"$response")"

t0=$(now)
until [[ $status == GOLD_READY ]]; do
  sleep 1
  view=$(curl -sS -H @"$key_header" "$ingest/ingestions/$id")
  status=$(jq -r .status <<<"$view")
  [[ $status != REJECTED && $status != FAILED ]] || die "ingestion $id is $status: $(jq -r .reason <<<"$view")"
  (( $(now) - t0 < 600000000 )) || die "ingestion $id did not reach gold within 10 minutes: $view"
done
say "ingestion $id reached gold in $(since "$t0") after landing"
jq '{id, dataset, status, bronze: .bronze.path, rows: .bronze.rows, splits: .journey.splits,
     written: .journey.rowsWritten, duplicates: .journey.duplicates, quarantined: .journey.quarantined}' <<<"$view"

cat <<EOF

Results
  ledger:   curl -s -H @$key_header $ingest/ingestions/$id | jq
  gold:     curl -s -H @$reader_header '$kpi/kpi/daily?dataset=$dataset&from=2000-01-01&to=2100-01-01' | jq
            (the reader key is in $reader_key_file; Power BI: see deploy/powerbi/README.md)
  lake:     $( [[ ${CLICKLAKE_LAKE_KIND:-local} == local ]] && echo "$RUN/lake/{bronze,silver}/$dataset/" || echo "containers bronze, silver, gold of ${CLICKLAKE_LAKE_ADLS_ENDPOINT:-}" )
  OpenAPI:  http://127.0.0.1:9081/q/swagger-ui  http://127.0.0.1:9083/q/swagger-ui  (the management ports)
The services keep running: stop them with deploy/local/services.sh stop && deploy/local/stack.sh stop
EOF
