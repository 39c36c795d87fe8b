package dev.clicklake.ingest.security;

import static dev.clicklake.contracts.testing.PostgresRoles.INGEST_APP;
import static dev.clicklake.contracts.testing.PostgresRoles.INGEST_OWNER;
import static dev.clicklake.contracts.testing.PostgresRoles.KPI_APP;
import static dev.clicklake.contracts.testing.PostgresRoles.KPI_OWNER;
import static dev.clicklake.contracts.testing.PostgresRoles.READER;
import static dev.clicklake.contracts.testing.PostgresRoles.WRITES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.clicklake.contracts.testing.PostgresRoles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The ledger's roles, as deploy/infra/postgres-init.sh made them, against the test database Flyway migrated: only
 * ingest-service's roles reach the ledger, its runtime role changes rows but no definition, and its owner role owns
 * nothing beyond schema ledger.
 */
@QuarkusTest
class LedgerPrivilegesTest {
    private static final String LEDGER = "ledger";

    @Inject
    DataSource dataSource;

    private final PostgresRoles ledger = PostgresRoles.ofServiceDatasource();

    @Test
    void theServiceRunsAsItsRuntimeRole() throws Exception {
        assertEquals(INGEST_APP, PostgresRoles.currentUser(dataSource));
    }

    @Test
    void kpiServiceAndReadersCannotSignInToTheLedger() {
        for (String role : List.of(KPI_APP, KPI_OWNER, READER)) {
            ledger.assertConnectionRefused(role);
        }
    }

    @Test
    void noRoleOfKpiServiceOrReadersHoldsAWritePrivilegeOnTheLedger() throws Exception {
        List<String> tables = ledger.tables(INGEST_APP, LEDGER);
        assertFalse(tables.isEmpty(), "the ledger has tables");
        for (String table : tables) {
            for (String role : List.of(KPI_APP, KPI_OWNER, READER)) {
                assertEquals(List.of(), ledger.privileges(INGEST_APP, role, table, WRITES), role + " on " + table);
            }
        }
    }

    @Test
    void theRuntimeRoleWritesRowsButNoDefinition() throws Exception {
        ledger.assertWritesRowsOnly(INGEST_APP, LEDGER);
    }

    @Test
    void theOwnerOwnsOnlySchemaLedgerAndCannotReachGold() throws Exception {
        ledger.assertOwnsOnly(INGEST_APP, INGEST_OWNER, LEDGER);
        List<String> goldDatabases = ledger.databasesPreparedFor(INGEST_APP, KPI_OWNER);
        assertFalse(goldDatabases.isEmpty(), "the local stack prepared the kpi databases");
        for (String database : goldDatabases) {
            ledger.database(database).assertConnectionRefused(INGEST_OWNER);
            ledger.database(database).assertConnectionRefused(INGEST_APP);
        }
    }
}
