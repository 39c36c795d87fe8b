package dev.clicklake.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.LocalLakeStorage;
import dev.clicklake.enrich.testing.BronzeSplits;
import dev.clicklake.enrich.testing.ExpectedSilver;
import dev.clicklake.enrich.testing.LocalEnricher;
import dev.clicklake.enrich.testing.SilverDownloads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver read by another Parquet implementation than the one that wrote it: Apache Parquet's own Java reader
 * (what Spark and Databricks build on) checks the schema, column by column with its logical types, and every
 * row, against what the test works out from the CSV text by plain string handling.
 */
class ApacheParquetReadTest {

    private static final String INGESTION = "9b2d3c4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";
    private static final DateTimeFormatter REES_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path root;

    private LakeStorage lake;
    private SplitEnricher enricher;

    @BeforeEach
    void lake() throws IOException {
        lake = new LocalLakeStorage(root.resolve("lake"));
        lake.ensureContainers(List.of("bronze", "silver", "gold"));
        enricher = LocalEnricher.create(lake, root.resolve("work"), new SimpleMeterRegistry());
    }

    @Test
    void writesTheSilverEventsSchemaWithTheLogicalTypesSparkReads() throws Exception {
        byte[] bytes = (HEADER + "\n2019-10-01 10:00:00 UTC,view,1,2,a.b,c,1.00,3,s\n").getBytes(StandardCharsets.UTF_8);

        Path file = silverFiles(bytes, "schema", 1).get(0);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> columns = new ArrayList<>();
            schema.getFields().forEach(field -> columns.add(field.toString().replaceAll("\\s+", " ").strip()));
            assertEquals(List.of(
                    "optional int64 event_time (TIMESTAMP(MICROS,true))",
                    "optional binary event_type (STRING)",
                    "optional int64 product_id (INTEGER(64,true))",
                    "optional int64 category_id (INTEGER(64,true))",
                    "optional binary category_code (STRING)",
                    "optional binary main_category (STRING)",
                    "optional binary sub_category (STRING)",
                    "optional binary item_category (STRING)",
                    "optional binary brand (STRING)",
                    "optional int64 price (DECIMAL(12,2))",
                    "optional int64 user_id (INTEGER(64,true))",
                    "optional binary user_session (STRING)",
                    "optional int32 event_hour (INTEGER(8,true))"), columns);
        }
    }

    @Test
    void readsEveryRowOfAGeneratedFileAsItsTextSays() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().rows(6_000).days(2).badRows(25).duplicateShare(0.02)
                .seed(17).build()).generate(out);
        byte[] bytes = out.toByteArray();

        List<String> read = readAll(silverFiles(bytes, "generated", 3));

        Set<String> expected = new LinkedHashSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (ExpectedSilver.GOOD_LINE.matcher(line).matches()) {
                expected.add(expectedRow(line));
            }
        }
        assertEquals(expected.stream().sorted().toList(), read.stream().sorted().toList());
    }

    @Test
    void readsQuotedAccentedAndOffsetValuesAsTheRulesTableSays() throws Exception {
        String csv = HEADER + "\n"
                + "2019-10-01T02:30:00+02:00, VIEW ,1,2053013555631882655,electronics.audio,\"Sony, \"\"Inc.\"\"\",35.790,7,\n"
                + "2019-10-01 23:59:59 UTC,cart,2,-5,,\u00c9vian,0.5,8,s-1\r\n";

        List<String> read = readAll(silverFiles(csv.getBytes(StandardCharsets.UTF_8), "awkward", 1));

        assertEquals(List.of(
                "2019-10-01 00:30:00 UTC|view|1|2053013555631882655|electronics.audio|electronics|audio|unknown"
                        + "|sony, \"inc.\"|35.79|7|<null>|0",
                "2019-10-01 23:59:59 UTC|cart|2|-5|unknown|unknown|unknown|unknown|\u00e9vian|0.50|8|s-1|23"),
                read);
    }

    /** A canonical REES46 line as silver holds it, by the rules table, with string handling only. */
    private static String expectedRow(String line) {
        String[] f = line.split(",", -1);
        String code = f[4].isEmpty() ? "unknown" : f[4];
        String[] parts = code.split("\\.", -1);
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            levels.add(i < parts.length && !parts[i].isEmpty() && !code.equals("unknown") ? parts[i] : "unknown");
        }
        return String.join("|", f[0], f[1], f[2], f[3], code, levels.get(0), levels.get(1), levels.get(2),
                f[5].isEmpty() ? "unknown" : f[5], new BigDecimal(f[6]).toPlainString(), f[7],
                f[8].isEmpty() ? "<null>" : f[8], Integer.toString(Integer.parseInt(f[0].substring(11, 13))));
    }

    /** Lands the bytes as one file in {@code splits} splits, enriches them, and downloads their Parquet files. */
    private List<Path> silverFiles(byte[] bytes, String name, int splits) throws Exception {
        LakeLocation bronze = LakeLocation.of("bronze", name + "/2019-10-01/" + INGESTION + "/" + name + ".csv");
        lake.create(bronze, new ByteArrayInputStream(bytes));
        List<dev.clicklake.contracts.event.SilverReady> readies = new ArrayList<>();
        for (BronzeLanded split : BronzeSplits.messages(INGESTION, name, bronze, bytes, true, splits)) {
            readies.add(enricher.enrich(split));
        }
        return SilverDownloads.parquet(lake, readies, Files.createDirectories(root.resolve("download-" + name)));
    }

    /** Every row of the files, read with Apache Parquet's record reader, as one line of text each. */
    private static List<String> readAll(List<Path> files) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Path file : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                for (PageReadStore rowGroup = reader.readNextRowGroup(); rowGroup != null; rowGroup = reader.readNextRowGroup()) {
                    RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                            .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                    for (long i = 0; i < rowGroup.getRowCount(); i++) {
                        rows.add(text(records.read()));
                    }
                }
            }
        }
        return rows;
    }

    private static String text(Group row) {
        long micros = row.getLong("event_time", 0);
        return String.join("|", REES_TIME.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000))),
                row.getString("event_type", 0), Long.toString(row.getLong("product_id", 0)),
                Long.toString(row.getLong("category_id", 0)), row.getString("category_code", 0),
                row.getString("main_category", 0), row.getString("sub_category", 0), row.getString("item_category", 0),
                row.getString("brand", 0), BigDecimal.valueOf(row.getLong("price", 0), 2).toPlainString(),
                Long.toString(row.getLong("user_id", 0)),
                row.getFieldRepetitionCount("user_session") == 0 ? "<null>" : row.getString("user_session", 0),
                Integer.toString(row.getInteger("event_hour", 0)));
    }
}
