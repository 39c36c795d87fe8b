#!/usr/bin/env bash
# Creates clicklake's Kafka topics, idempotently. Runs in the apache/kafka image: docker-compose.yml's
# init-topics service and the dev overlay's clicklake-init Job.
#
# env: KAFKA_BOOTSTRAP_SERVERS  the broker(s)
#      KAFKA_TOPICS             "name:partitions ...", by default the list below (as deploy/local/stack.sh)
#      KAFKA_TOPICS_COMMAND     the kafka-topics command (default /opt/kafka/bin/kafka-topics.sh)
set -euo pipefail
if [[ ${1:-} == -h || ${1:-} == --help ]]; then awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0; fi
: "${KAFKA_BOOTSTRAP_SERVERS:?}"
# A consumer group uses at most one replica per partition: the autoscalers' maxReplicaCount must not exceed
# these counts (deploy/k8s/components/autoscaling; checked by kpi-service's DeployScalingIT).
KAFKA_TOPICS=${KAFKA_TOPICS:-"bronze-landed:6 silver-ready:6 gold-ready:3 clicklake-dead-letter:3"}
read -ra command <<<"${KAFKA_TOPICS_COMMAND:-/opt/kafka/bin/kafka-topics.sh}"

for topic in $KAFKA_TOPICS; do
  "${command[@]}" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "${topic%:*}" --partitions "${topic#*:}" --replication-factor 1
  echo "topic ${topic%:*}: ${topic#*:} partitions"
done
