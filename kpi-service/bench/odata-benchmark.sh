#!/usr/bin/env bash
# The read path Power BI uses for a real-sized table: fill daily_brand_kpi with two months of REES46-sized brand
# rows (61 days x BRANDS brands) in a bench database, start the packaged kpi-service on it, then page through
# /odata/DailyByBrand (following every @odata.nextLink, as Power Query does) and download
# /export/daily-by-brand.csv. Reports rows, seconds and rows/s of each. A benchmark, not a test; figures go in
# kpi-service/README.md.
#
# usage: kpi-service/bench/odata-benchmark.sh [BRANDS]       (default 4000: ~244k rows)
#   env: BENCH_DB (clicklake_kpi_bench, prepared by deploy/infra/postgres-init.sh), BENCH_PORT (18083), PAGE_SIZE (5000, the default),
#        BENCH_API_KEY (sent as X-API-Key and configured as the service's key, once the service checks keys),
#        SKIP_BUILD=1 to reuse kpi-service/target/quarkus-app, JAVA_OPTS (-Xmx512m)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/local/lib.sh"
BRANDS=${1:-4000}
BENCH_DB=${BENCH_DB:-clicklake_kpi_bench}
BENCH_PORT=${BENCH_PORT:-18083}
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-19083}
PAGE_SIZE=${PAGE_SIZE:-5000}
BENCH_API_KEY=${BENCH_API_KEY:-$(od -An -N24 -tx1 /dev/urandom | tr -d " \n")}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m"}
BASE="http://127.0.0.1:$BENCH_PORT"
NAME=kpi-bench
LOG="$LOGS/$NAME.log"

psql_as() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$1" -d "$2" "${@:3}"; }
PGHOST=127.0.0.1 CLICKLAKE_INGEST_DATABASES="" CLICKLAKE_KPI_DATABASES="$BENCH_DB" "$ROOT/deploy/infra/postgres-init.sh"

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  mvn -B -q -ntp -f "$ROOT/pom.xml" -pl lake-contracts install -DskipTests
  mvn -B -q -ntp -f "$ROOT/pom.xml" -pl kpi-service package -DskipTests
fi

# its own topics and lake folder: the bench service must not consume the local pipeline's messages
launch "$NAME" "$LOG" env QUARKUS_HTTP_PORT="$BENCH_PORT" QUARKUS_MANAGEMENT_PORT="$BENCH_MANAGEMENT_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
  CLICKLAKE_TOPIC_PREFIX="bench-$$-" MP_MESSAGING_INCOMING_SILVER_READY_GROUP_ID="kpi-bench-$$" \
  CLICKLAKE_LAKE_LOCAL_ROOT="$RUN/bench-lake" \
  CLICKLAKE_KPI_ODATA_PAGE_SIZE="$PAGE_SIZE" CLICKLAKE_KPI_AUTH_API_KEYS="$BENCH_API_KEY" \
  "$JAVA" $JAVA_OPTS -XX:+ExitOnOutOfMemoryError -jar "$ROOT/kpi-service/target/quarkus-app/quarkus-run.jar"
trap 'stop_process "$NAME" >/dev/null' EXIT
await "$NAME" 90 "$(launched_pid "$NAME")" "$LOG" curl -sf -o /dev/null "http://127.0.0.1:$BENCH_MANAGEMENT_PORT/q/health/live"

say "filling daily_brand_kpi: 61 days x $BRANDS brands"
t0=$(now)
psql_as clicklake_kpi_owner "$BENCH_DB" <<SQL
DELETE FROM daily_brand_kpi WHERE dataset = 'bench';
INSERT INTO daily_brand_kpi (dataset, event_date, brand, events, views, carts, removes, purchases, revenue, users,
                             sessions, buyers, carting_sessions, purchasing_sessions)
SELECT 'bench', d::date, 'brand-' || lpad(b::text, 5, '0'),
       100 + (b * 7 + e) % 900, 90 + (b * 7 + e) % 800, (b + e) % 40, (b + e) % 9, (b * 3 + e) % 17,
       ((b * 3 + e) % 17) * (9.99 + b % 500), 20 + (b + e) % 300, 30 + (b + e) % 400, (b * 3 + e) % 17,
       (b + e) % 40, (b * 3 + e) % 17
FROM generate_series(DATE '2019-10-01', DATE '2019-11-30', INTERVAL '1 day') AS d,
     generate_series(1, $BRANDS) AS b,
     LATERAL (SELECT extract(doy FROM d)::int AS e) AS day;
ANALYZE daily_brand_kpi;
SQL
ROWS=$(psql_as clicklake_kpi_owner "$BENCH_DB" -tAc "SELECT count(*) FROM daily_brand_kpi WHERE dataset = 'bench'")
say "  $ROWS rows in $(since "$t0")"

rate() { awk -v r="$1" -v us="$2" 'BEGIN { printf "%d rows in %.2f s: %.0f rows/s", r, us / 1e6, r / (us / 1e6) }'; }

# OData: follow nextLink to the end, as Power Query does (with gzip, as Power BI asks). Wall time includes this
# client (curl, one jq per page); "server" sums curl's time to the last byte of each page.
odata() {
  local next="$BASE/odata/DailyByBrand?\$filter=dataset%20eq%20'bench'" served=0 pages=0 t0 count server=0 page
  page=$(mktemp)
  t0=$(now)
  while [[ -n $next ]]; do
    server=$(awk -v a="$server" -v b="$(curl -sf --compressed -o "$page" -w '%{time_total}' -H "X-API-Key: $BENCH_API_KEY" \
      -H 'Accept: application/json;odata.metadata=minimal' "$next")" 'BEGIN { print a + b }')
    read -r count next < <(jq -r '"\(.value | length) \(."@odata.nextLink" // "")"' "$page")
    served=$(( served + count ))
    pages=$(( pages + 1 ))
  done
  rm -f "$page"
  say "OData /odata/DailyByBrand, $pages pages: $(rate "$served" $(( $(now) - t0 ))) (server $(printf '%.2f' "$server") s)"
  [[ $served == "$ROWS" ]] || die "OData served $served rows, the table has $ROWS"
}

csv() {
  local t0 lines
  t0=$(now)
  lines=$(curl -sf --compressed -H "X-API-Key: $BENCH_API_KEY" "$BASE/export/daily-by-brand.csv?dataset=bench" | wc -l)
  say "CSV /export/daily-by-brand.csv: $(rate $(( lines - 1 )) $(( $(now) - t0 )))"
  [[ $(( lines - 1 )) == "$ROWS" ]] || die "CSV has $(( lines - 1 )) rows, the table has $ROWS"
}

odata   # warm-up run: JIT, connection pool
odata
csv
csv
