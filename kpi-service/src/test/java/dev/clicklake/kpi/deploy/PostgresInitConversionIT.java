package dev.clicklake.kpi.deploy;

import static dev.clicklake.contracts.testing.PostgresRoles.KPI_APP;
import static dev.clicklake.contracts.testing.PostgresRoles.KPI_OWNER;
import static dev.clicklake.contracts.testing.PostgresRoles.READER;
import static dev.clicklake.kpi.deploy.RenderedDeploy.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.clicklake.contracts.testing.PostgresRoles;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/infra/postgres-init.sh} converts a gold database an earlier version made, every object owned by the
 * single role {@code clicklake} in schema public (migrated here by Flyway as that role), into the per-layer roles:
 * the objects move to schema gold and to its owner, the runtime role and the reader get their grants, the old role
 * can no longer sign in; a second run changes nothing. A database of its own, dropped afterwards; connects as the
 * local server's superuser (trusted on 127.0.0.1), as deploy/local/stack.sh does.
 */
class PostgresInitConversionIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String LEGACY_ROLE = "clicklake";

    private final String database = "clicklake_kpi_convert_" + UUID.randomUUID().toString().substring(0, 8);
    private boolean createdLegacyRole;

    @Test
    void aSingleRoleDatabaseBecomesOneWithARolePerLayer() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
                Statement statement = admin.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + LEGACY_ROLE + "'").next()) {
                statement.execute("CREATE ROLE " + LEGACY_ROLE + " LOGIN");
                createdLegacyRole = true;
            }
            statement.execute("CREATE DATABASE " + database + " OWNER " + LEGACY_ROLE);
        }
        Flyway.configure().dataSource(SERVER + database, "postgres", null).initSql("SET ROLE " + LEGACY_ROLE)
                .locations("filesystem:src/main/resources/db/migration").load().migrate();
        PostgresRoles gold = new PostgresRoles(SERVER + database);
        List<String> legacyTables = gold.tables("postgres", "public");
        assertFalse(legacyTables.isEmpty(), "the earlier version's tables, in public");

        for (int run = 1; run <= 2; run++) {
            initialise();
            String when = "after run " + run;
            assertEquals(List.of(), gold.tables("postgres", "public"), when);
            assertEquals(legacyTables.stream().map(t -> t.replace("public.", "gold.")).toList(), gold.tables(KPI_APP, "gold"), when);
            gold.assertOwnsOnly(KPI_APP, KPI_OWNER, "gold");
            for (String table : gold.tables(KPI_APP, "gold")) {
                assertEquals(List.of("INSERT", "UPDATE", "DELETE"), gold.privileges(KPI_APP, KPI_APP, table, PostgresRoles.WRITES),
                        table + " " + when);
            }
            gold.assertNoDdl(KPI_APP, "gold");
            gold.assertReadOnly(READER, "gold");
            gold.assertConnectionRefused(LEGACY_ROLE);
        }
    }

    private void initialise() throws Exception {
        ProcessBuilder script = new ProcessBuilder("bash", ROOT.resolve("deploy/infra/postgres-init.sh").toString())
                .redirectErrorStream(true);
        script.environment().put("PGHOST", "127.0.0.1");
        script.environment().put("CLICKLAKE_INGEST_DATABASES", "");
        script.environment().put("CLICKLAKE_KPI_DATABASES", database);
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "postgres-init.sh did not finish");
        assertEquals(0, process.exitValue(), output);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            if (createdLegacyRole) {
                statement.execute("DROP ROLE " + LEGACY_ROLE);
            }
        }
    }
}
