package dev.clicklake.contracts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One database of the real PostgreSQL seen through the roles {@code deploy/infra/postgres-init.sh} creates, and the
 * checks that prove what a role may not do: each statement runs as the role in a transaction that is rolled back,
 * and must fail with PostgreSQL's {@code insufficient_privilege}. Connections carry no password: the local stack's
 * server trusts 127.0.0.1.
 */
public final class PostgresRoles {
    public static final String INGEST_OWNER = "clicklake_ingest_owner";
    public static final String INGEST_APP = "clicklake_ingest_app";
    public static final String KPI_OWNER = "clicklake_kpi_owner";
    public static final String KPI_APP = "clicklake_kpi_app";
    public static final String READER = "clicklake_reader";

    /** Every privilege that changes the rows of a table. */
    public static final String[] WRITES = {"INSERT", "UPDATE", "DELETE", "TRUNCATE"};

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String jdbcUrl;

    public PostgresRoles(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The database of the service under test: its {@code quarkus.datasource.jdbc.url} (inside a {@code @QuarkusTest}). */
    public static PostgresRoles ofServiceDatasource() {
        return new PostgresRoles(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class));
    }

    /** The same server and parameters, another database. */
    public PostgresRoles database(String name) {
        return new PostgresRoles(jdbcUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name));
    }

    public Connection connect(String role) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** The role may not even sign in to this database. */
    public void assertConnectionRefused(String role) {
        try (Connection ignored = connect(role)) {
            fail(role + " could connect to " + jdbcUrl);
        } catch (SQLException refused) {
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), role + ": " + refused.getMessage());
        }
    }

    /** {@code sql} run as {@code role} fails for want of a privilege (and changes nothing: it is rolled back). */
    public void assertRefused(String role, String sql) throws SQLException {
        try (Connection connection = connect(role)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                fail(role + " may run: " + sql);
            } catch (SQLException refused) {
                assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(),
                        role + " running " + sql + " failed, but not for a privilege: " + refused.getMessage());
            } finally {
                connection.rollback();
            }
        }
    }

    /** The tables of {@code schema}, qualified, read from the catalog as {@code role}. */
    public List<String> tables(String role, String schema) throws SQLException {
        return relations(role, schema, "r");
    }

    /** The views of {@code schema}, qualified. */
    public List<String> views(String role, String schema) throws SQLException {
        return relations(role, schema, "v");
    }

    /** The sequences of {@code schema}, qualified. */
    public List<String> sequences(String role, String schema) throws SQLException {
        return relations(role, schema, "S");
    }

    private List<String> relations(String role, String schema, String kind) throws SQLException {
        return strings(role, """
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = ?::"char" ORDER BY 1""", schema, kind);
    }

    /**
     * No statement that adds, changes or removes a table, a schema or a function succeeds for {@code role}: not in
     * {@code schema}, not in public, not as a temporary table, not on any relation of {@code schema}.
     */
    public void assertNoDdl(String role, String schema) throws SQLException {
        assertRefused(role, "CREATE TABLE " + schema + ".privilege_probe (id INT)");
        assertRefused(role, "CREATE TABLE public.privilege_probe (id INT)");
        assertRefused(role, "CREATE TEMPORARY TABLE privilege_probe (id INT)");
        assertRefused(role, "CREATE SCHEMA privilege_probe");
        assertRefused(role, "CREATE FUNCTION " + schema + ".privilege_probe() RETURNS INT LANGUAGE SQL AS 'SELECT 1'");
        List<String> tables = tables(role, schema);
        assertFalse(tables.isEmpty(), "no table in " + schema + ": the migrations did not run");
        for (String table : tables) {
            assertRefused(role, "ALTER TABLE " + table + " ADD COLUMN privilege_probe INT");
            assertRefused(role, "CREATE INDEX privilege_probe ON " + table + " ((1))");
            assertRefused(role, "DROP TABLE " + table);
            assertRefused(role, "TRUNCATE " + table);
        }
        for (String view : views(role, schema)) {
            assertRefused(role, "DROP VIEW " + view);
        }
    }

    /**
     * {@code app} holds exactly {@code INSERT}, {@code UPDATE} and {@code DELETE} on every table of {@code schema} but
     * Flyway's history (nothing there: the migrations' afterMigrate callback revokes it), may draw from and set every
     * sequence, and changes no definition.
     */
    public void assertWritesRowsOnly(String app, String schema) throws SQLException {
        List<String> tables = tables(app, schema);
        assertTrue(tables.contains(schema + ".flyway_schema_history"), "Flyway migrated " + schema + ": " + tables);
        for (String table : tables) {
            List<String> expected = table.endsWith(".flyway_schema_history") ? List.of() : List.of("INSERT", "UPDATE", "DELETE");
            assertEquals(expected, privileges(app, app, table, WRITES), app + " on " + table);
        }
        assertEquals(List.of(), privileges(app, app, schema + ".flyway_schema_history", "SELECT"), "history readable");
        for (String sequence : sequences(app, schema)) {
            assertEquals(List.of("true"), strings(app, "SELECT has_sequence_privilege(?, 'USAGE, UPDATE')::text", sequence),
                    app + " draws from and sets " + sequence);
        }
        assertNoDdl(app, schema);
    }

    /**
     * {@code role} may read every table and view of {@code schema} (Flyway's history aside) but change no row (views: holds no write
     * privilege), draw from no sequence and change no definition.
     */
    public void assertReadOnly(String role, String schema) throws SQLException {
        List<String> tables = tables(role, schema);
        List<String> views = views(role, schema);
        assertFalse(tables.isEmpty(), "no table in " + schema + ": the migrations did not run");
        try (Connection connection = connect(role); Statement statement = connection.createStatement()) {
            for (String relation : concat(tables, views)) {
                if (relation.endsWith(".flyway_schema_history")) {
                    continue;
                }
                statement.executeQuery("SELECT * FROM " + relation + " LIMIT 1").close();
            }
        }
        for (String table : tables) {
            assertRefused(role, "INSERT INTO " + table + " DEFAULT VALUES");
            assertRefused(role, "UPDATE " + table + " SET " + firstColumn(role, table) + " = NULL");
            assertRefused(role, "DELETE FROM " + table);
        }
        for (String view : views) {
            assertEquals(List.of(), privileges(role, role, view, WRITES), role + " on " + view);
        }
        for (String sequence : sequences(role, schema)) {
            assertRefused(role, "SELECT nextval('" + sequence + "')");
        }
        assertNoDdl(role, schema);
    }

    /**
     * Everything {@code owner} owns in this database lies in {@code schema}, the one schema it owns (with the TOAST
     * tables of its tables), and it owns no database; {@code asRole} reads the catalog.
     */
    public void assertOwnsOnly(String asRole, String owner, String schema) throws SQLException {
        assertEquals(List.of(schema), strings(asRole,
                "SELECT nspname FROM pg_namespace WHERE nspowner = ?::regrole ORDER BY 1", owner), owner + "'s schemas");
        assertEquals(List.of(), strings(asRole, """
                SELECT format('%s %I.%I', c.relkind, n.nspname, c.relname) FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relowner = ?::regrole AND n.nspname <> ? AND n.nspname <> 'pg_toast'
                UNION ALL SELECT format('function %I.%I', n.nspname, p.proname) FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proowner = ?::regrole AND n.nspname <> ?""",
                owner, schema, owner, schema), owner + "'s objects outside " + schema);
        assertTrue(strings(asRole, "SELECT datname FROM pg_database WHERE datdba = ?::regrole", owner).isEmpty(),
                owner + " owns a database");
    }

    /** The privileges among {@code privileges} (e.g. "INSERT") that {@code role} holds on {@code relation}. */
    public List<String> privileges(String asRole, String role, String relation, String... privileges) throws SQLException {
        List<String> held = new ArrayList<>();
        for (String privilege : privileges) {
            if (!strings(asRole, "SELECT 1 WHERE has_table_privilege(?, ?, ?)", role, relation, privilege).isEmpty()) {
                held.add(privilege);
            }
        }
        return held;
    }

    /** The databases of this server that {@code role} may connect to and PUBLIC may not: those prepared for it. */
    public List<String> databasesPreparedFor(String asRole, String role) throws SQLException {
        return strings(asRole, "SELECT datname FROM pg_database WHERE has_database_privilege(?, datname, 'CONNECT') "
                + "AND NOT has_database_privilege('public', datname, 'CONNECT') ORDER BY 1", role);
    }

    /** The role this database's connections of {@code dataSource} sign in as. */
    public static String currentUser(javax.sql.DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private String firstColumn(String role, String relation) throws SQLException {
        return strings(role, "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = ?::regclass "
                + "AND attnum > 0 AND NOT attisdropped ORDER BY attnum LIMIT 1", relation).get(0);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private List<String> strings(String role, String sql, String... parameters) throws SQLException {
        try (Connection connection = connect(role); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
