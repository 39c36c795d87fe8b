package dev.clicklake.kpi.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.store.SnapshotRepository;
import dev.clicklake.kpi.support.KpiTopics;
import dev.clicklake.kpi.support.SilverLake;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.duckdb.DuckDBDriver;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gold Parquet snapshot a rebuild writes to the gold container, read back with DuckDB as any lake reader
 * would (newest manifest, then its files), against the PostgreSQL tables it copies; superseded versions go.
 */
@QuarkusTest
class SnapshotFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> COMPARED = Map.of(
            "daily_kpi", "SELECT event_date, events, views, carts, removes, purchases, revenue, users, sessions, buyers, "
                    + "viewing_sessions, carting_sessions, purchasing_sessions, cart_purchase_sessions, funnel_cart_sessions, "
                    + "funnel_purchase_sessions, session_events, session_duration_us, bounced_sessions FROM %s ORDER BY event_date",
            "monthly_kpi", "SELECT month, days, events, revenue, users, sessions, buyers, cart_purchase_sessions, "
                    + "session_duration_us, bounced_sessions FROM %s ORDER BY month",
            "dataset_kpi", "SELECT first_date, last_date, days, events, revenue, users, sessions FROM %s",
            "daily_brand_kpi", "SELECT event_date, brand, events, revenue, users, sessions, buyers, carting_sessions, "
                    + "purchasing_sessions FROM %s ORDER BY event_date, brand",
            "hourly_kpi", "SELECT event_date, event_hour, events, revenue, users, sessions FROM %s ORDER BY event_date, event_hour");

    @Inject
    LakeStorage lake;

    @Inject
    LakeConfig lakeConfig;

    @Inject
    ContractCodec codec;

    @Inject
    AgroalDataSource database;

    @Inject
    GoldSnapshots snapshots;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    /** A gold container kept while the database was recreated: its versions are above the sequence, never reused. */
    @Test
    void aVersionTheLakeAlreadyHoldsIsNeverReused() throws Exception {
        String dataset = "snapshot-kept-" + UUID.randomUUID().toString().substring(0, 8);
        String gold = lakeConfig.containers().gold();
        long next = Long.parseLong(postgres("SELECT last_value + 1 FROM gold_snapshot_version").get(0).get(0));
        for (long leftover : List.of(next, next + 5)) {
            lake.create(LakeLocation.of(gold, SnapshotLayout.tablePath(dataset, leftover, "daily_kpi")),
                    new java.io.ByteArrayInputStream(new byte[] {1}));
        }

        SnapshotManifest manifest = snapshots.write(dataset);

        assertTrue(manifest.version() > next + 5, () -> "version " + manifest.version() + " after the lake's " + (next + 5));
        assertEquals(manifest.version(), newestManifestVersion(gold, dataset));
        assertTrue(snapshots.write(dataset).version() > manifest.version(), "and the next one is newer still");
    }

    @Test
    void theNewestManifestNamesWholeParquetFilesThatHoldTheGoldTablesAndKeepsUnchangedMonths() throws Exception {
        KpiTopics kafka = new KpiTopics(topicPrefix);
        SilverLake silver = new SilverLake(lake);
        String dataset = "snapshot-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(51, 20, 40);
        String gold = lakeConfig.containers().gold();
        List<Long> versions = new ArrayList<>();
        for (LocalDate day : List.of(LocalDate.of(2019, 10, 30), LocalDate.of(2019, 10, 31), LocalDate.of(2019, 11, 1))) {
            List<SilverRow> rows = generator.on(day, 200);
            String ingestion = UUID.randomUUID().toString();
            kafka.sendContract(Contract.SILVER_READY, silver.land(dataset, ingestion, new SplitRef(0, 1), rows), ingestion, codec);
            kafka.await(Contract.GOLD_READY.contractName(), 1, record -> ingestion.equals(record.key()), WAIT);
            versions.add(newestManifestVersion(gold, dataset));
        }
        assertEquals(versions, versions.stream().distinct().sorted().toList(), "every rebuild writes a newer version");

        Path local = Files.createTempDirectory("gold-snapshot");
        SnapshotManifest manifest = readManifest(gold, dataset);
        assertEquals(SnapshotManifest.FORMAT, manifest.format());
        for (Map.Entry<String, String> table : COMPARED.entrySet()) {
            List<SnapshotManifest.TableFile> files = manifest.tables().get(table.getKey()).files();
            List<String> copies = new ArrayList<>();
            for (SnapshotManifest.TableFile file : files) {
                Path copy = local.resolve(file.path().replace('/', '_'));
                try (InputStream in = lake.open(LakeLocation.of(gold, file.path()))) {
                    Files.copy(in, copy);
                }
                copies.add("'" + copy.toAbsolutePath() + "'");
            }
            List<List<String>> fromParquet = duckdb(table.getValue().formatted(
                    "read_parquet([" + String.join(", ", copies) + "], hive_partitioning = false)"));
            assertEquals(postgres(table.getValue().formatted(table.getKey() + " WHERE dataset = '" + dataset + "'")),
                    fromParquet, table.getKey());
            assertEquals(manifest.tables().get(table.getKey()).rows(), fromParquet.size(), table.getKey() + " rows in the manifest");
            assertEquals(files.stream().mapToLong(SnapshotManifest.TableFile::rows).sum(), fromParquet.size(), table.getKey());
            assertTrue(fromParquet.size() > 0, table.getKey());
            if (SnapshotRepository.DAY_TABLES.contains(table.getKey())) {
                // the last build changed November only: October's file is the one the build of Oct 31 wrote
                assertEquals(List.of("2019-10", "2019-11"), files.stream().map(SnapshotManifest.TableFile::month).toList(),
                        table.getKey());
                assertEquals(Optional.of(versions.get(1)), SnapshotLayout.versionOf(files.get(0).path()), table.getKey());
                assertEquals(Optional.of(versions.get(2)), SnapshotLayout.versionOf(files.get(1).path()), table.getKey());
            } else {
                assertEquals(Optional.of(versions.get(2)), SnapshotLayout.versionOf(files.get(0).path()), table.getKey());
            }
        }

        List<Long> kept = lake.list(LakeLocation.of(gold, SnapshotLayout.snapshotsPrefix(dataset))).stream()
                .map(object -> SnapshotLayout.versionOf(object.location().path()).orElseThrow()).distinct().sorted().toList();
        assertEquals(versions.subList(1, 3), kept, "only the newest two versions are kept");
    }

    private long newestManifestVersion(String gold, String dataset) throws Exception {
        return readManifest(gold, dataset).version();
    }

    private SnapshotManifest readManifest(String gold, String dataset) throws Exception {
        List<LakeObject> manifests = lake.list(LakeLocation.of(gold, SnapshotLayout.manifestsPrefix(dataset)));
        try (InputStream in = lake.open(manifests.get(manifests.size() - 1).location())) {
            return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().readValue(in, SnapshotManifest.class);
        }
    }

    private List<List<String>> postgres(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            return strings(rows);
        }
    }

    private static List<List<String>> duckdb(String sql) throws SQLException {
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return strings(rows);
        }
    }

    private static List<List<String>> strings(ResultSet rows) throws SQLException {
        List<List<String>> all = new ArrayList<>();
        while (rows.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.add(rows.getString(i));
            }
            all.add(row);
        }
        return all;
    }
}
