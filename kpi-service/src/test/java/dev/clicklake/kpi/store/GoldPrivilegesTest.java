package dev.clicklake.kpi.store;

import static dev.clicklake.contracts.testing.PostgresRoles.INGEST_APP;
import static dev.clicklake.contracts.testing.PostgresRoles.INGEST_OWNER;
import static dev.clicklake.contracts.testing.PostgresRoles.KPI_APP;
import static dev.clicklake.contracts.testing.PostgresRoles.KPI_OWNER;
import static dev.clicklake.contracts.testing.PostgresRoles.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.clicklake.contracts.testing.PostgresRoles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Gold's roles, as deploy/infra/postgres-init.sh made them, against the test database Flyway migrated: the reader
 * reads and writes nothing, kpi-service's runtime role changes rows but no definition and cannot reach the ledger,
 * and its owner role owns nothing beyond schema gold.
 */
@QuarkusTest
class GoldPrivilegesTest {
    private static final String GOLD = "gold";

    @Inject
    DataSource dataSource;

    private final PostgresRoles gold = PostgresRoles.ofServiceDatasource();

    @Test
    void theServiceRunsAsItsRuntimeRole() throws Exception {
        assertEquals(KPI_APP, PostgresRoles.currentUser(dataSource));
    }

    @Test
    void theReaderReadsEverythingAndChangesNothing() throws Exception {
        gold.assertReadOnly(READER, GOLD);
    }

    @Test
    void theRuntimeRoleWritesRowsButNoDefinition() throws Exception {
        gold.assertWritesRowsOnly(KPI_APP, GOLD);
    }

    @Test
    void kpiServiceAndReadersCannotReachTheLedger() throws Exception {
        List<String> ledgers = gold.databasesPreparedFor(KPI_APP, INGEST_OWNER);
        assertFalse(ledgers.isEmpty(), "the local stack prepared the ingest databases");
        for (String database : ledgers) {
            for (String role : List.of(KPI_APP, KPI_OWNER, READER)) {
                gold.database(database).assertConnectionRefused(role);
            }
        }
    }

    @Test
    void theOwnerOwnsOnlySchemaGoldAndIngestRolesCannotSignIn() throws Exception {
        gold.assertOwnsOnly(KPI_APP, KPI_OWNER, GOLD);
        gold.assertConnectionRefused(INGEST_APP);
        gold.assertConnectionRefused(INGEST_OWNER);
    }
}
