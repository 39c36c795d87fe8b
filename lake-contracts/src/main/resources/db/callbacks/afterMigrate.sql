-- Flyway callback after every migrate of ingest-service and kpi-service (quarkus.flyway.locations), run as the
-- schema's owner: the migration history stays the owner's alone.
-- (deploy/infra/postgres-init.sh's default privileges give the runtime role the rows of every table the owner
-- creates, this one included; the runtime role has no business rewriting which migrations ran.)
DO $$
DECLARE
    grantee TEXT;
BEGIN
    FOR grantee IN
        SELECT DISTINCT a.grantee::regrole::text
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = 'flyway_schema_history'::regclass AND a.grantee NOT IN (0, c.relowner)
    LOOP
        EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %s', grantee);
    END LOOP;
END $$;
