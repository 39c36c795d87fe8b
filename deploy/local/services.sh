#!/usr/bin/env bash
# Runs the packaged Quarkus services (target/quarkus-app) as background JVMs on fixed ports, with the
# caller's environment passed through and the repository root as working directory.
# Logs go to .run/logs/<service>.log.
#
# usage: deploy/local/services.sh start|stop|status [ingest-service|enrich-service|kpi-service ...]
# env:   JAVA_OPTS (default "-Xmx512m -XX:+UseSerialGC"), SERVICES_TIMEOUT (seconds, default 90)
#        KPI_REPLICAS (default 1): more kpi-service JVMs of one consumer group, named kpi-service-2, -3, ...
#        on ports 8183/9183, 8283/9283, ... (stop and status find them whatever KPI_REPLICAS says then)
#        -XX:+ExitOnOutOfMemoryError is always added: a JVM out of heap exits instead of staying up broken
#        CLICKLAKE_LAKE_ADLS_AUTH=container-sas without CLICKLAKE_LAKE_ADLS_CONTAINER_SAS_DIR: mints each service's
#        container SAS tokens from Azurite's development account into .run/lake-sas/<service>/ (owner-only, valid
#        24 h, never printed) and gives each service its own folder: ingest writes bronze, enrich reads bronze and
#        writes silver, kpi reads silver and writes gold (LakeAccess in lake-contracts)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show_help_if_asked "$@"

declare -A PORT=([ingest-service]=8081 [enrich-service]=8082 [kpi-service]=8083)
# health and metrics: each service's management interface
declare -A MANAGEMENT_PORT=([ingest-service]=9081 [enrich-service]=9082 [kpi-service]=9083)
ALL=(ingest-service enrich-service kpi-service)
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -XX:+UseSerialGC"}
TIMEOUT=${SERVICES_TIMEOUT:-90}
KPI_REPLICAS=${KPI_REPLICAS:-1}
[[ $KPI_REPLICAS =~ ^[1-9]$ ]] || die "KPI_REPLICAS must be 1 to 9, not '$KPI_REPLICAS'"
# the replicas asked for now, and any an earlier start left running
for (( r = 2; r <= 9; r++ )); do
  if (( r <= KPI_REPLICAS )) || [[ -f $PIDS/kpi-service-$r.pid ]]; then
    PORT[kpi-service-$r]=$(( 8083 + 100 * (r - 1) ))
    MANAGEMENT_PORT[kpi-service-$r]=$(( 9083 + 100 * (r - 1) ))
    ALL+=("kpi-service-$r")
  fi
done

# a replica (kpi-service-2) runs its service's jar
jar_of() { echo "$ROOT/${1%-[0-9]}/target/quarkus-app/quarkus-run.jar"; }
health_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }

SAS_DIR="$RUN/lake-sas"

# Per-service container SAS tokens for Azurite, unless the caller brought its own folder (then every service reads it).
mint_lake_tokens() {
  [[ ${CLICKLAKE_LAKE_ADLS_AUTH:-} == container-sas && -z ${CLICKLAKE_LAKE_ADLS_CONTAINER_SAS_DIR:-} ]] || return 0
  "$JAVA" -cp "$ROOT/ingest-service/target/quarkus-app/lib/main/*" dev.clicklake.contracts.storage.ContainerSasMinter \
    "$SAS_DIR" 24 "${CLICKLAKE_LAKE_CONTAINERS_BRONZE:-bronze}" "${CLICKLAKE_LAKE_CONTAINERS_SILVER:-silver}" \
    "${CLICKLAKE_LAKE_CONTAINERS_GOLD:-gold}" </dev/null >"$LOGS/lake-sas.log" 2>&1 \
    || fail_with_log "could not mint the services' container SAS tokens" "$LOGS/lake-sas.log"
  minted=true
}

# Launches every service first, then waits for each: they boot side by side.
start() {
  local s pid t0 port; local -A started
  for s; do
    [[ -f $(jar_of "$s") ]] || die "$s: $(jar_of "$s") is missing; build first with mvn -DskipTests package"
  done
  local minted=false sas_env
  mint_lake_tokens
  for s; do
    if pid=$(pid_of "$s"); then say "$s: already running (pid $pid)"; continue; fi
    sas_env=()
    [[ $minted == true ]] && sas_env=(CLICKLAKE_LAKE_ADLS_CONTAINER_SAS_DIR="$SAS_DIR/${s%-[0-9]}" CLICKLAKE_LAKE_ADLS_CREATE_CONTAINERS=false)
    for port in "${PORT[$s]}" "${MANAGEMENT_PORT[$s]}"; do
      port_open "$port" && die "$s: port $port is taken by a process this clone did not start"
    done
    # JAVA_OPTS is a list of flags: split on spaces on purpose
    # shellcheck disable=SC2086
    launch "$s" "$LOGS/$s.log" env "${sas_env[@]}" QUARKUS_HTTP_PORT="${PORT[$s]}" QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORT[$s]}" "$JAVA" $JAVA_OPTS -XX:+ExitOnOutOfMemoryError -jar "$(jar_of "$s")"
    started[$s]=$(now)
  done
  for s; do
    t0=${started[$s]:-}
    [[ -n $t0 ]] || continue
    pid=$(launched_pid "$s") port=${MANAGEMENT_PORT[$s]}
    await "$s" "$TIMEOUT" "$pid" "$LOGS/$s.log" health_ready "$port"
    say "$s: ready in $(since "$t0") (pid $pid, http://127.0.0.1:${PORT[$s]}, health and metrics on $port)"
  done
}

status() {
  local s pid state down=0
  for s; do
    if ! pid=$(pid_of "$s"); then pid=- state=stopped down=1
    elif health_ready "${MANAGEMENT_PORT[$s]}"; then state=ready
    else state=not-ready down=1
    fi
    printf '%-15s %-9s pid %-8s port %s\n' "$s" "$state" "$pid" "${PORT[$s]}"
  done
  return $down
}

cmd=${1:-}
shift || true
cd "$ROOT"
(( $# )) || set -- "${ALL[@]}"
for s; do [[ -n ${PORT[$s]:-} ]] || die "unknown service '$s' (one of: ${ALL[*]})"; done
case $cmd in
  start) start "$@" ;;
  stop) for s; do stop_process "$s" 20; done ;;
  status) status "$@" ;;
  *) die "usage: $0 start|stop|status [${ALL[*]} ...]" ;;
esac
