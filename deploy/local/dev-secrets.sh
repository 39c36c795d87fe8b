#!/usr/bin/env bash
# Writes the development secrets of docker-compose.yml (.env at the repository root) and of the dev Kubernetes
# overlay (deploy/k8s/overlays/dev/dev-secrets.env), one set of fresh random values for both, readable by the
# owner only. Neither file is tracked (.gitignore): no clone shares its keys with another, and no key is
# published. An existing file is kept, unless it still holds a value this project once published (an old
# clone's tracked .env), which the services refuse, or lacks a key this version reads (one password per database
# role): then both are written anew.
#
# usage: deploy/local/dev-secrets.sh [--force]      prints where the keys are, never the keys
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
show_help_if_asked "$@"

COMPOSE_ENV="$ROOT/.env"
K8S_ENV="$ROOT/deploy/k8s/overlays/dev/dev-secrets.env"
# Azurite's well-known development account: published by Microsoft, the same for every Azurite, not a secret
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://azurite:10000/devstoreaccount1;"

random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

if [[ ${1:-} != --force && -f $COMPOSE_ENV && -f $K8S_ENV ]] \
    && ! grep -q 'local-dev-\|postgres-dev-only' "$COMPOSE_ENV" "$K8S_ENV" \
    && grep -q '^CLICKLAKE_DB_READER_PASSWORD=' "$COMPOSE_ENV" && grep -q '^db-reader-password=' "$K8S_ENV"; then
  say "dev secrets: kept $COMPOSE_ENV and $K8S_ENV"
  exit 0
fi

ingest_owner=$(random) ingest_app=$(random) kpi_owner=$(random) kpi_app=$(random) db_reader=$(random)
postgres=$(random) ingest=$(random) reader=$(random) basic="powerbi:$(random)"
umask 077
cat >"$COMPOSE_ENV" <<ENV
# Written by deploy/local/dev-secrets.sh for docker-compose.yml on this machine only: never commit or reuse.
COMPOSE_PROJECT_NAME=clicklake
POSTGRES_PASSWORD=$postgres
CLICKLAKE_DB_INGEST_OWNER_PASSWORD=$ingest_owner
CLICKLAKE_DB_INGEST_APP_PASSWORD=$ingest_app
CLICKLAKE_DB_KPI_OWNER_PASSWORD=$kpi_owner
CLICKLAKE_DB_KPI_APP_PASSWORD=$kpi_app
CLICKLAKE_DB_READER_PASSWORD=$db_reader
CLICKLAKE_INGEST_API_KEYS=$ingest
CLICKLAKE_KPI_AUTH_API_KEYS=$reader
CLICKLAKE_KPI_AUTH_BASIC_CREDENTIALS=$basic
AZURITE_CONNECTION_STRING=$AZURITE
ENV
cat >"$K8S_ENV" <<ENV
db-ingest-owner-password=$ingest_owner
db-ingest-app-password=$ingest_app
db-kpi-owner-password=$kpi_owner
db-kpi-app-password=$kpi_app
db-reader-password=$db_reader
ingest-api-keys=$ingest
kpi-reader-api-keys=$reader
kpi-reader-basic-credentials=$basic
postgres-password=$postgres
adls-connection-string=$AZURITE
ENV
say "dev secrets: fresh random keys in $COMPOSE_ENV and $K8S_ENV (mode 0600; read them there)"
