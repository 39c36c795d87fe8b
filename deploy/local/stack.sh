#!/usr/bin/env bash
# The local stack for development, tests and CI: a single-node Kafka (KRaft), Azurite (Blob API) and the
# machine's PostgreSQL. Installs what it needs on first use (and, through browser.sh, the headless Chromium
# of kpi-service's dashboard test); state and logs go to .run/.
#
# usage: deploy/local/stack.sh start|stop|status [kafka|azurite|postgres ...]
#        deploy/local/stack.sh kafka-tool <main class> [args...]   e.g. org.apache.kafka.tools.TopicCommand --list ...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show_help_if_asked "$@"

KAFKA_DIR="$RUN/kafka"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
KAFKA_CLUSTER_ID=Y2xpY2tsYWtlLWxvY2FsMQ # a fixed id (base64url of "clicklake-local1"): one local node, always
KAFKA_TOPICS=${KAFKA_TOPICS:-"bronze-landed:6 silver-ready:6 gold-ready:3 clicklake-dead-letter:3"}
KAFKA_TIMEOUT=${KAFKA_TIMEOUT:-90}

AZURITE_DIR="$HERE/azurite"
AZURITE_PORT=10000
AZURITE_TIMEOUT=${AZURITE_TIMEOUT:-30}

PG_PORT=5432
# what runs, the tests, the two end-to-end tests: deploy/infra/postgres-init.sh prepares each
PG_INGEST_DATABASES="clicklake_ingest clicklake_ingest_test clicklake_ingest_e2e clicklake_ingest_e2e_dl"
PG_KPI_DATABASES="clicklake_kpi clicklake_kpi_test clicklake_kpi_e2e clicklake_kpi_e2e_dl"
# shellcheck disable=SC2016  # printed for the user to run, not expanded here
PG_START_HINT='pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'

ALL=(kafka azurite postgres)

# ---- Kafka -------------------------------------------------------------------------------------------

kafka_tool() {
  "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_install() {
  local stamp="$KAFKA_LIB/.pom-cksum" want t0
  want=$(cksum <"$HERE/kafka/pom.xml")
  [[ -f $stamp && $(<"$stamp") == "$want" ]] && return
  t0=$(now)
  rm -rf "$KAFKA_LIB"
  ${MVN:-mvn} -q -B -Dstyle.color=never -f "$HERE/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB" \
    </dev/null >"$LOGS/kafka-setup.log" 2>&1 || fail_with_log "kafka: Maven could not fetch the jars" "$LOGS/kafka-setup.log"
  echo "$want" >"$stamp"
  say "kafka: jars fetched into $KAFKA_LIB in $(since "$t0")"
}

kafka_answers() {
  grep -q "Kafka Server started" "$LOGS/kafka.log" \
    && kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list </dev/null >/dev/null 2>&1
}

kafka_config() {
  cat >"$KAFKA_DIR/server.properties" <<EOF
# written by deploy/local/stack.sh on every start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
# one node: internal topics with a single replica
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# tests use their own prefixed topics and let the broker create them
auto.create.topics.enable=true
num.partitions=3
EOF
}

# Formats the storage once per configuration; stop keeps the formatted, empty storage for the next start.
kafka_format() {
  local want stamp="$KAFKA_DIR/formatted.cksum"
  want=$(cksum <"$KAFKA_DIR/server.properties")
  [[ -f $KAFKA_DIR/data/meta.properties && $(cat "$stamp" 2>/dev/null) == "$want" ]] && return
  rm -rf "$KAFKA_DIR/data"
  kafka_tool kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_DIR/server.properties" \
    </dev/null >>"$LOGS/kafka-setup.log" 2>&1 || fail_with_log "kafka: could not format storage" "$LOGS/kafka-setup.log"
  echo "$want" >"$stamp"
}

kafka_start() {
  local pid topic pids=() failed=0
  port_open $KAFKA_PORT && die "kafka: port $KAFKA_PORT is taken by a process this clone did not start (another clone's stack?)"
  kafka_install
  mkdir -p "$KAFKA_DIR"
  kafka_config
  kafka_format
  launch kafka "$LOGS/kafka.log" "$JAVA" -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  await kafka "$KAFKA_TIMEOUT" "$(launched_pid kafka)" "$LOGS/kafka.log" kafka_answers
  # one JVM per topic, in parallel: each TopicCommand run costs about a second of start-up
  for topic in $KAFKA_TOPICS; do
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
      --topic "${topic%:*}" --partitions "${topic#*:}" --replication-factor 1 </dev/null >>"$LOGS/kafka-setup.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  (( failed == 0 )) || fail_with_log "kafka: could not create topics $KAFKA_TOPICS" "$LOGS/kafka-setup.log"
}

# Deletes all topics and metadata, but keeps what formatting wrote: the next start is fresh and quick.
kafka_stop() {
  stop_process kafka 30
  if [[ -d $KAFKA_DIR/data ]]; then
    find "$KAFKA_DIR/data" -mindepth 1 -maxdepth 1 ! -name meta.properties ! -name bootstrap.checkpoint -exec rm -rf {} +
  fi
}

# ---- Azurite -----------------------------------------------------------------------------------------

azurite_install() {
  local modules="$AZURITE_DIR/node_modules" t0
  [[ -x $modules/.bin/azurite-blob && ! $AZURITE_DIR/package-lock.json -nt $modules/.package-lock.json ]] && return
  t0=$(now)
  (cd "$AZURITE_DIR" && npm ci --prefer-offline --no-audit --no-fund) </dev/null >"$LOGS/azurite-setup.log" 2>&1 \
    || fail_with_log "azurite: npm ci failed" "$LOGS/azurite-setup.log"
  say "azurite: installed with npm ci in $(since "$t0")"
}

azurite_start() {
  port_open $AZURITE_PORT && die "azurite: port $AZURITE_PORT is taken by a process this clone did not start (another clone's stack?)"
  azurite_install
  launch azurite "$LOGS/azurite.log" "$AZURITE_DIR/node_modules/.bin/azurite-blob" \
    --blobHost 127.0.0.1 --blobPort $AZURITE_PORT --inMemoryPersistence --skipApiVersionCheck --disableTelemetry
  await azurite "$AZURITE_TIMEOUT" "$(launched_pid azurite)" "$LOGS/azurite.log" port_open $AZURITE_PORT
  node "$AZURITE_DIR/create-containers.mjs" </dev/null >>"$LOGS/azurite.log" 2>&1 \
    || fail_with_log "azurite: could not create the containers" "$LOGS/azurite.log"
}

azurite_stop() { stop_process azurite 10; }

# ---- PostgreSQL (the machine's server: checked and prepared, never started or stopped) ---------------

pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres "$@"; }

postgres_start() {
  command -v psql >/dev/null || die "postgres: psql is missing (Debian: apt-get install postgresql-client)"
  pg_isready -q -h 127.0.0.1 -p $PG_PORT -t 5 \
    || die "postgres: nothing answers on 127.0.0.1:$PG_PORT. Start the machine's server, on Debian: $PG_START_HINT"
  # the project's roles (no passwords: this server trusts 127.0.0.1) and databases, least privilege per layer
  PGHOST=127.0.0.1 PGPORT=$PG_PORT POSTGRES_USER=postgres POSTGRES_DB=postgres \
    CLICKLAKE_INGEST_DATABASES="$PG_INGEST_DATABASES" CLICKLAKE_KPI_DATABASES="$PG_KPI_DATABASES" \
    "$ROOT/deploy/infra/postgres-init.sh" >"$LOGS/postgres-setup.log" 2>&1 \
    || fail_with_log "postgres: could not create the clicklake roles and databases" "$LOGS/postgres-setup.log"
}

postgres_stop() { say "postgres: left running (it is the machine's server)"; }

postgres_pid() {
  local dir; dir=$(pg -At -c 'SHOW data_directory' 2>/dev/null) && head -n 1 "$dir/postmaster.pid" 2>/dev/null
}

# ---- commands ----------------------------------------------------------------------------------------

# Components start side by side, each in its own subshell: a failure in one fails the whole start.
start() {
  local c pids=() failed=0
  for c; do start_one "$c" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return $failed
}

start_one() {
  local c=$1 pid t0
  if [[ $c != postgres ]] && pid=$(pid_of "$c"); then say "$c: already running (pid $pid)"; return; fi
  t0=$(now)
  "${c}_start"
  say "$c: ready in $(since "$t0")"
}

status() {
  local c pid port state down=0
  for c; do
    case $c in
      kafka) port=$KAFKA_PORT; pid=$(pid_of kafka) || pid=- ;;
      azurite) port=$AZURITE_PORT; pid=$(pid_of azurite) || pid=- ;;
      postgres) port=$PG_PORT; pid=$(postgres_pid) || pid=- ;;
    esac
    if port_open "$port" && [[ $pid != - || $c == postgres ]]; then state=running
    elif [[ $pid != - ]]; then state=starting; down=1
    else state=stopped; down=1
    fi
    printf '%-9s %-9s pid %-8s port %s\n' "$c" "$state" "$pid" "$port"
  done
  return $down
}

cmd=${1:-}
shift || true
if [[ $cmd == kafka-tool ]]; then kafka_install >&2; kafka_tool "$@"; exit; fi
(( $# )) || set -- "${ALL[@]}"
for c; do [[ " ${ALL[*]} " == *" $c "* ]] || die "unknown component '$c' (one of: ${ALL[*]})"; done
case $cmd in
  start) "$HERE/browser.sh"; start "$@" ;;
  stop) for c; do "${c}_stop"; done ;;
  status) status "$@" ;;
  *) die "usage: $0 start|stop|status [kafka|azurite|postgres ...] | kafka-tool <main class> [args...]" ;;
esac
