#!/usr/bin/env bash
# Creates clicklake's PostgreSQL roles and databases with least privilege per layer, idempotently:
#   clicklake_ingest_owner  owns schema `ledger` of each ingest database (ingest-service's Flyway migrations)
#   clicklake_ingest_app    reads and writes ledger's rows, no DDL (ingest-service at run time)
#   clicklake_kpi_owner     owns schema `gold` of each kpi database (kpi-service's Flyway migrations)
#   clicklake_kpi_app       reads and writes gold's rows, no DDL (kpi-service at run time)
#   clicklake_reader        reads gold, nothing else (readers that query PostgreSQL directly)
# Only the roles of a database may connect to it; tables the owner creates later get the same grants (default
# privileges). A database whose objects the old single role `clicklake` owns (in schema public) is converted:
# its objects move to the layer's schema and to the owner role. Run it again whenever you like.
#
# The postgres image runs it on its first start (/docker-entrypoint-initdb.d: docker-compose.yml, the dev
# overlay); deploy/local/stack.sh runs it on every start; on Azure an administrator runs it (deploy/README.md).
#
# env: CLICKLAKE_INGEST_DATABASES / CLICKLAKE_KPI_DATABASES  space-separated (unset: clicklake_ingest / clicklake_kpi; empty: none)
#      CLICKLAKE_DB_<ROLE>_PASSWORD, or CLICKLAKE_DB_<ROLE>_PASSWORD_FILE naming a file that holds it, for ROLE
#      INGEST_OWNER, INGEST_APP, KPI_OWNER, KPI_APP, READER; a role without one gets no password (it can only sign
#      in where the server trusts it: the local stack)
#      POSTGRES_USER / POSTGRES_DB (default postgres), PGHOST, PGPORT, PGPASSWORD...: the administrator's connection
set -euo pipefail
if [[ ${1:-} == -h || ${1:-} == --help ]]; then awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0; fi

roles=(INGEST_OWNER INGEST_APP KPI_OWNER KPI_APP READER)
# each password reaches psql through its environment (psql's \getenv), never its command line
for role in "${roles[@]}"; do
  var="CLICKLAKE_DB_${role}_PASSWORD" file_var="CLICKLAKE_DB_${role}_PASSWORD_FILE"
  if [[ -n ${!file_var:-} ]]; then
    [[ -r ${!file_var} ]] || { echo "error: $file_var names an unreadable file" >&2; exit 1; }
    export "CLICKLAKE_PW_$role=$(<"${!file_var}")"
  else
    export "CLICKLAKE_PW_$role=${!var:-}"
  fi
done

admin() { psql -X -q -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" "$@"; }

admin --dbname "${POSTGRES_DB:-postgres}" <<'SQL'
SELECT format('CREATE ROLE %I', r)
  FROM unnest(ARRAY['clicklake_ingest_owner', 'clicklake_ingest_app', 'clicklake_kpi_owner', 'clicklake_kpi_app',
                    'clicklake_reader']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
\getenv pw_ingest_owner CLICKLAKE_PW_INGEST_OWNER
\getenv pw_ingest_app CLICKLAKE_PW_INGEST_APP
\getenv pw_kpi_owner CLICKLAKE_PW_KPI_OWNER
\getenv pw_kpi_app CLICKLAKE_PW_KPI_APP
\getenv pw_reader CLICKLAKE_PW_READER
-- no role may create databases or roles (CREATE ROLE made them no superusers); NULL: no password where none was given
SELECT format('ALTER ROLE %I LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L',
              r, NULLIF(p, ''))
  FROM (VALUES ('clicklake_ingest_owner', :'pw_ingest_owner'), ('clicklake_ingest_app', :'pw_ingest_app'),
               ('clicklake_kpi_owner', :'pw_kpi_owner'), ('clicklake_kpi_app', :'pw_kpi_app'),
               ('clicklake_reader', :'pw_reader')) AS roles(r, p) \gexec
-- an administrator that is no superuser (Azure's) must be a member of the owners to give them schemas, objects and
-- default privileges (and of the old single role, to take its objects over)
SELECT format('GRANT %I TO CURRENT_USER', r)
  FROM unnest(ARRAY['clicklake_ingest_owner', 'clicklake_kpi_owner', 'clicklake']) AS r
 WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = r) AND NOT pg_has_role(CURRENT_USER, r, 'MEMBER')
   AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = CURRENT_USER) \gexec
SQL

# prepare DATABASE SCHEMA OWNER APP [READER]
prepare() {
  local database=$1 schema=$2 owner=$3 app=$4 reader=${5:-}
  admin --dbname "${POSTGRES_DB:-postgres}" -v db="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
  admin --dbname "$database" -v db="$database" -v schema="$schema" -v owner="$owner" -v app="$app" \
    -v reader="$reader" <<'SQL'
\set ON_ERROR_STOP on
SET client_min_messages = warning;
BEGIN;
-- the administrator owns the database; the layer's owner owns only its schema
SELECT format('ALTER DATABASE %I OWNER TO CURRENT_USER', :'db')
  FROM pg_database WHERE datname = :'db' AND pg_get_userbyid(datdba) = 'clicklake' \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %s', :'db', string_agg(quote_ident(r), ', '))
  FROM unnest(ARRAY[:'owner', :'app', NULLIF(:'reader', '')]) AS r \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'schema', :'owner') \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', :'schema', :'owner') \gexec

-- conversion: what the old single role made in public moves to the schema (sequences owned by a column and
-- indexes move with their table), then everything in the schema goes to the owner
SELECT format('ALTER %s public.%I SET SCHEMA %I',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                             ELSE 'TABLE' END, c.relname, :'schema')
  FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
   AND pg_get_userbyid(c.relowner) = 'clicklake'
   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                           AND d.deptype IN ('a', 'i'))
 ORDER BY c.relkind = 'S' \gexec
SELECT format('ALTER ROUTINE public.%I(%s) SET SCHEMA %I', p.proname, pg_get_function_identity_arguments(p.oid),
              :'schema')
  FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) = 'clicklake' \gexec
SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                             ELSE 'TABLE' END, :'schema', c.relname, :'owner')
  FROM pg_class c
 WHERE c.relnamespace = :'schema'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
   AND c.relowner <> :'owner'::regrole
   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                           AND d.deptype IN ('a', 'i')) \gexec
SELECT format('ALTER ROUTINE %I.%I(%s) OWNER TO %I', :'schema', p.proname,
              pg_get_function_identity_arguments(p.oid), :'owner')
  FROM pg_proc p WHERE p.pronamespace = :'schema'::regnamespace AND p.proowner <> :'owner'::regrole \gexec

-- the app: rows and sequence values (nextval, setval) only; the reader: SELECT only; now and for what the owner
-- creates later
SELECT format('GRANT USAGE ON SCHEMA %I TO %s', :'schema', string_agg(quote_ident(r), ', '))
  FROM unnest(ARRAY[:'app', NULLIF(:'reader', '')]) AS r \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', :'schema', :'app') \gexec
SELECT format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', :'schema', :'app') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
              :'owner', :'schema', :'app') \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
              :'owner', :'schema', :'app') \gexec
SELECT format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', :'schema', :'reader') WHERE :'reader' <> '' \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO %I',
              :'owner', :'schema', :'reader') WHERE :'reader' <> '' \gexec
-- unqualified names (the migrations', the services' queries) resolve in the schema
SELECT format('ALTER ROLE %I IN DATABASE %I SET search_path = %I', r, :'db', :'schema')
  FROM unnest(ARRAY[:'owner', :'app', NULLIF(:'reader', '')]) AS r WHERE r IS NOT NULL \gexec
COMMIT;
SQL
}

for db in ${CLICKLAKE_INGEST_DATABASES-clicklake_ingest}; do
  prepare "$db" ledger clicklake_ingest_owner clicklake_ingest_app
done
for db in ${CLICKLAKE_KPI_DATABASES-clicklake_kpi}; do
  prepare "$db" gold clicklake_kpi_owner clicklake_kpi_app clicklake_reader
done
