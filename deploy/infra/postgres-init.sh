#!/usr/bin/env bash
# Creates the role clicklake (password CLICKLAKE_DB_PASSWORD) and the databases clicklake_ingest and
# clicklake_kpi it owns, idempotently. The postgres image runs it on its first start
# (/docker-entrypoint-initdb.d): docker-compose.yml and the dev overlay.
set -euo pipefail
if [[ ${1:-} == -h || ${1:-} == --help ]]; then awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0; fi
: "${CLICKLAKE_DB_PASSWORD:?}"
psql -v ON_ERROR_STOP=1 -v password="$CLICKLAKE_DB_PASSWORD" \
  --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" <<'SQL'
SELECT 'CREATE ROLE clicklake' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clicklake') \gexec
ALTER ROLE clicklake LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER clicklake', d)
  FROM unnest(ARRAY['clicklake_ingest', 'clicklake_kpi']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
SQL
