package dev.clicklake.kpi.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.event.BronzeSource;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.kpi.catalog.CatalogFacts;
import dev.clicklake.kpi.catalog.CatalogIngestion;
import dev.clicklake.kpi.catalog.CatalogQuality;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldFacts;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.catalog.RecordedSplits;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The dataset catalog's store: one {@code catalog_split} row per split gold was built from, written in the caller's
 * (the gold build's) transaction, and everything the catalog serves of a dataset read in one snapshot.
 */
@ApplicationScoped
public class CatalogRepository {

    private static final String RECORD = """
            INSERT INTO catalog_split (dataset, ingestion_id, split_index, split_count, bronze_container, bronze_path,
                bronze_bytes, bronze_rows, source_name, source_uri, rows_in, rows_written, duplicates, quarantined, quarantined_by_rule, silver_files, silver_bytes,
                quarantine_bytes, first_day, last_day, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())
            ON CONFLICT (dataset, ingestion_id, split_index) DO UPDATE SET split_count = excluded.split_count,
                bronze_container = excluded.bronze_container, bronze_path = excluded.bronze_path,
                bronze_bytes = excluded.bronze_bytes, bronze_rows = excluded.bronze_rows,
                source_name = excluded.source_name, source_uri = excluded.source_uri,
                rows_in = excluded.rows_in, rows_written = excluded.rows_written, duplicates = excluded.duplicates,
                quarantined = excluded.quarantined, quarantined_by_rule = excluded.quarantined_by_rule,
                silver_files = excluded.silver_files, silver_bytes = excluded.silver_bytes,
                quarantine_bytes = excluded.quarantine_bytes, first_day = excluded.first_day,
                last_day = excluded.last_day, recorded_at = excluded.recorded_at""";
    private static final String DATASETS = """
            SELECT dataset FROM catalog_split UNION SELECT dataset FROM dataset_kpi ORDER BY 1""";
    private static final String SPLITS = """
            SELECT splits, ingestions, bronze_rows, silver_rows, duplicates, quarantined, quarantine_bytes, silver_files,
                silver_bytes, first_day, last_day, last_update, bronze_files, bronze_bytes, bronze_file_rows
            FROM catalog_dataset WHERE dataset = ?""";
    private static final String RULES = "SELECT rule, quarantined FROM catalog_quarantine WHERE dataset = ?";
    private static final String INGESTIONS = """
            SELECT ingestion_id, bronze_file, bronze_bytes, source_name, source_uri, splits, splits_built, rows_in, written, duplicates, quarantined, first_day,
                last_day, first_built, last_built
            FROM catalog_ingestion WHERE dataset = ? ORDER BY last_built DESC, ingestion_id LIMIT ?""";
    private static final String GOLD = "SELECT first_date, last_date, built_at FROM dataset_kpi WHERE dataset = ?";

    private final AgroalDataSource database;
    private final GoldReader reader;
    private final ObjectMapper json;

    CatalogRepository(AgroalDataSource database, GoldReader reader, ObjectMapper json) {
        this.database = database;
        this.reader = reader;
        this.json = json;
    }

    /** Records what {@code silverReady} says of its split; in the caller's transaction. */
    public void record(SilverReady silverReady) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement(RECORD)) {
            int i = 0;
            upsert.setString(++i, silverReady.dataset());
            upsert.setObject(++i, UUID.fromString(silverReady.ingestionId()));
            upsert.setInt(++i, silverReady.split().index());
            upsert.setInt(++i, silverReady.split().count());
            upsert.setString(++i, silverReady.bronzeFile().container());
            upsert.setString(++i, silverReady.bronzeFile().path());
            BronzeSource bronze = silverReady.bronze();
            upsert.setObject(++i, bronze == null ? null : bronze.bytes(), Types.BIGINT);
            upsert.setObject(++i, bronze == null ? null : bronze.rows(), Types.BIGINT);
            upsert.setString(++i, bronze == null ? null : bronze.sourceName());
            upsert.setString(++i, bronze == null ? null : bronze.sourceUri());
            upsert.setLong(++i, silverReady.counts().rowsIn());
            upsert.setLong(++i, silverReady.counts().written());
            upsert.setLong(++i, silverReady.counts().duplicates());
            upsert.setLong(++i, silverReady.counts().quarantined());
            upsert.setString(++i, json.writeValueAsString(silverReady.counts().quarantinedByRule()));
            upsert.setInt(++i, silverReady.files().size());
            upsert.setLong(++i, silverReady.files().stream().mapToLong(SilverFile::bytes).sum());
            upsert.setLong(++i, silverReady.quarantine() == null ? 0 : silverReady.quarantine().bytes());
            upsert.setObject(++i, silverReady.eventDates() == null ? null : Date.valueOf(silverReady.eventDates().from()));
            upsert.setObject(++i, silverReady.eventDates() == null ? null : Date.valueOf(silverReady.eventDates().to()));
            upsert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule counts of " + silverReady.ingestionId() + " as JSON", e);
        }
    }

    /** Every dataset with a recorded split or gold, by name. */
    public List<String> datasets() throws Exception {
        return reader.read(session -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement query = session.connection().prepareStatement(DATASETS);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    /** What PostgreSQL knows of {@code dataset}, with at most {@code maxIngestions} of the newest ingestions. */
    public CatalogFacts facts(String dataset, int maxIngestions) throws Exception {
        return reader.read(session -> {
            Connection connection = session.connection();
            return new CatalogFacts(dataset, splits(connection, dataset), ingestions(connection, dataset, maxIngestions),
                    gold(connection, dataset));
        });
    }

    private static RecordedSplits splits(Connection connection, String dataset) throws SQLException {
        Map<String, Long> rules = new TreeMap<>();
        try (PreparedStatement query = prepare(connection, RULES, dataset); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rules.put(rows.getString(1), rows.getLong(2));
            }
        }
        try (PreparedStatement query = prepare(connection, SPLITS, dataset); ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                return RecordedSplits.NONE;
            }
            CatalogQuality quality = new CatalogQuality(rows.getLong(3), rows.getLong(4), rows.getLong(5),
                    rows.getLong(6), rules, rows.getLong(7));
            return new RecordedSplits(rows.getLong(1), rows.getLong(2), quality, rows.getLong(8), rows.getLong(9),
                    rows.getObject(10, LocalDate.class), rows.getObject(11, LocalDate.class),
                    rows.getObject(12, OffsetDateTime.class), rows.getLong(13), rows.getObject(14, Long.class),
                    rows.getObject(15, Long.class));
        }
    }

    private static List<CatalogIngestion> ingestions(Connection connection, String dataset, int max) throws SQLException {
        List<CatalogIngestion> ingestions = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, INGESTIONS, dataset)) {
            query.setInt(2, max);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ingestions.add(new CatalogIngestion(rows.getString(1), rows.getString(2), rows.getObject(3, Long.class),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getLong(8),
                            rows.getLong(9), rows.getLong(10), rows.getLong(11), rows.getObject(12, LocalDate.class),
                            rows.getObject(13, LocalDate.class), rows.getObject(14, OffsetDateTime.class),
                            rows.getObject(15, OffsetDateTime.class)));
                }
            }
        }
        return ingestions;
    }

    private static GoldFacts gold(Connection connection, String dataset) throws SQLException {
        Map<String, Long> rowsByRelation = new HashMap<>();
        for (GoldTable table : GoldCatalog.TABLES) {
            // relations come from the catalog's own constants, never from a request
            String count = "SELECT count(*) FROM " + table.relation() + " WHERE dataset = ?";
            try (PreparedStatement query = prepare(connection, count, dataset); ResultSet rows = query.executeQuery()) {
                rows.next();
                rowsByRelation.put(table.relation(), rows.getLong(1));
            }
        }
        try (PreparedStatement query = prepare(connection, GOLD, dataset); ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                return new GoldFacts(null, null, null, rowsByRelation);
            }
            return new GoldFacts(rows.getObject(1, LocalDate.class), rows.getObject(2, LocalDate.class),
                    rows.getObject(3, OffsetDateTime.class), rowsByRelation);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String dataset) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, dataset);
        return statement;
    }
}
