package dev.clicklake.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clicklake.contracts.clickstream.ClickstreamGenerator;
import dev.clicklake.contracts.clickstream.ClickstreamOptions;
import dev.clicklake.contracts.clickstream.ClickstreamSummary;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.DateRange;
import dev.clicklake.contracts.event.QuarantineRecord;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.runtime.UnprocessableMessageException;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.LocalLakeStorage;
import dev.clicklake.enrich.dedupe.ClaimVoids;
import dev.clicklake.enrich.dedupe.Claimant;
import dev.clicklake.enrich.testing.BronzeSplits;
import dev.clicklake.enrich.testing.ExpectedSilver;
import dev.clicklake.enrich.testing.InterceptedLake;
import dev.clicklake.enrich.testing.LocalEnricher;
import dev.clicklake.enrich.testing.SilverAggregates;
import dev.clicklake.enrich.testing.SilverDownloads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole silver transformation of splits on a local-folder lake; expected figures come from the CSV text. */
class SplitEnricherTest {

    private static final Path SAMPLES = Path.of(System.getProperty("clicklake.rees46.dir", "../../shared/data/rees46"));
    private static final String INGESTION = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final LakeLocation BRONZE_FILE = LakeLocation.of("bronze", "rees46/2019-10-01/" + INGESTION + "/in.csv");
    private static final String OTHER_INGESTION = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";
    private static final ContractCodec CODEC = new ContractCodec();

    @TempDir
    Path root;

    private LakeStorage lake;
    private SplitEnricher enricher;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void lake() throws IOException {
        lake = new LocalLakeStorage(root.resolve("lake"));
        lake.ensureContainers(List.of("bronze", "silver", "gold"));
        enricher = LocalEnricher.create(lake, root.resolve("work"), registry);
    }

    @Test
    void cleansAGeneratedFileAndQuarantinesEveryBadRowWithItsLine() throws Exception {
        ClickstreamOptions options = ClickstreamOptions.builder().rows(20_000).days(3).badRows(90)
                .duplicateShare(0.01).seed(3).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClickstreamSummary summary = new ClickstreamGenerator(options).generate(out);
        byte[] bytes = out.toByteArray();

        List<BronzeLanded> splits = land(bytes, true, 4);
        List<SilverReady> readies = enrichAll(splits);

        assertCounts(readies, 20_000, 90);
        assertEquals(ExpectedSilver.quarantinedByRule(summary), quarantinedByRule(readies));
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits), SilverAggregates.ofParquet(download(readies)));
        List<QuarantineRecord> quarantined = SilverDownloads.quarantine(lake, CODEC, readies);
        assertEquals(ExpectedSilver.badLineNumbers(bytes, true), quarantined.stream().map(QuarantineRecord::line).toList());
        for (QuarantineRecord record : quarantined) {
            assertEquals(ExpectedSilver.line(bytes, record.line()), record.original());
            assertEquals("enrich-service", record.service());
            assertEquals(BRONZE_FILE, record.file());
        }
        assertEquals(20_000.0, registry.counter("clicklake.enrich.rows.in").count());
        assertEquals(4.0, registry.counter("clicklake.enrich.splits").count());
        assertEmpty(root.resolve("work"));
    }

    @Test
    void writesTheCleanedFormsAndCountsVariantsOfOneEventOnce() throws Exception {
        String csv = String.join("\r\n",
                "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
                "2019-10-01 00:00:00 UTC,view,1,2053013555631882655,,Samsung,1.50,10,s1",
                "2019-10-01T02:00:00+02:00, VIEW ,1,2053013555631882655,,samsung ,1.5,10,s1",
                "\"2019-10-01 00:00:01 UTC\",cart,1,2,\"a.b,c\",x,2.00,10,",
                "2019-10-02 00:00:00 UTC,purchase,3,4,x.y.z,,0,11,s2",
                "2019-10-02 00:00:00 UTC,purchase,3,4,x.y.z,,-1.00,11,s2",
                "2019-10-01 00:00:00 UTC,click,1,2,,a,1.00,10,s1",
                "2019-10-02 00:00:00 UTC,view,3,\"4");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        SilverReady ready = enrichAll(land(bytes, true, 1)).get(0);

        assertEquals(7, ready.counts().rowsIn());
        assertEquals(3, ready.counts().written());
        assertEquals(1, ready.counts().duplicates());
        assertEquals(Map.of("price.negative", 1L, "event_type.unknown", 1L, "row.unterminated_quote", 1L),
                ready.counts().quarantinedByRule());
        assertEquals(new DateRange(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 2)), ready.eventDates());
        assertEquals(List.of(2L, 1L), ready.files().stream().map(SilverFile::rows).toList());
        assertEquals(bytes.length, ready.bronze().bytes(), "silver-ready 1.1 carries the bronze object's size");
        assertEquals(ExpectedSilver.dataLines(bytes, true), ready.bronze().rows());
        assertEquals(List.of("rees46/events/event_date=2019-10-01/" + INGESTION + "-00000.parquet",
                "rees46/events/event_date=2019-10-02/" + INGESTION + "-00000.parquet"),
                ready.files().stream().map(SilverFile::path).toList());
        assertEquals("rees46/quarantine/ingestion=" + INGESTION + "/split-00000.jsonl", ready.quarantine().path());
        assertEquals(List.of(6L, 7L, 8L),
                SilverDownloads.quarantine(lake, CODEC, List.of(ready)).stream().map(QuarantineRecord::line).toList());

        SilverAggregates silver = SilverAggregates.ofParquet(download(List.of(ready)));
        assertEquals(Map.of("view", 1L, "cart", 1L, "purchase", 1L), silver.byType());
        assertEquals(new BigDecimal("3.50"), silver.priceSum());
        assertEquals(1, silver.noSession());
        assertEquals(1, silver.unknownBrand());
        assertEquals(1, silver.unknownCategory());
    }

    @Test
    void redeliveryOfASplitChangesNothing() throws Exception {
        BronzeLanded split = land(generated(3_000, 30), true, 2).get(1);

        SilverReady first = enricher.enrich(split);
        List<LakeObject> committed = lake.list(LakeLocation.of("silver", "rees46/"));
        double rowsCounted = registry.counter("clicklake.enrich.rows.in").count();
        SilverReady again = enricher.enrich(split);

        assertEquals(first, again);
        assertEquals(committed, lake.list(LakeLocation.of("silver", "rees46/")));
        assertEquals(rowsCounted, registry.counter("clicklake.enrich.rows.in").count());
    }

    @Test
    void aSplitKilledBeforeItsLastCommitsIsCompletedWithOneCopyOfEachFile() throws Exception {
        BronzeLanded split = land(generated(3_000, 30), true, 1).get(0);
        SilverReady first = enricher.enrich(split);
        List<String> committed = paths(lake.list(LakeLocation.of("silver", "rees46/")));
        // as if the replica had died right after committing its first file
        lake.delete(first.quarantine().location());
        for (SilverFile file : first.files().subList(1, first.files().size())) {
            lake.delete(file.location());
        }

        SilverReady retried = enricher.enrich(split);

        assertEquals(first, retried);
        assertEquals(committed, paths(lake.list(LakeLocation.of("silver", "rees46/"))));
    }

    @Test
    void refusesAsUnprocessableASplitWhoseBronzeObjectIsGoneAndKeepsTheWorkFolderEmpty() throws Exception {
        BronzeLanded split = land(generated(100, 0), true, 1).get(0);
        lake.delete(split.file().location());

        UnprocessableMessageException refused = assertThrows(UnprocessableMessageException.class, () -> enricher.enrich(split));
        assertTrue(refused.getMessage().contains(split.file().location() + " no longer exists"), refused.getMessage());
        assertEmpty(root.resolve("work"));
    }

    @Test
    void theSameEventInTwoFilesIsWrittenOnce() throws Exception {
        byte[] bytes = generated(3_000, 30);
        List<SilverReady> first = enrichAll(land(bytes, true, 2));
        List<BronzeLanded> again = landAs(OTHER_INGESTION, bytes, 3);

        List<SilverReady> second = enrichAll(again);

        assertEquals(0, second.stream().mapToLong(r -> r.counts().written()).sum());
        assertEquals(3_000 - 30, second.stream().mapToLong(r -> r.counts().duplicates()).sum());
        assertEquals(List.of(), second.stream().flatMap(r -> r.files().stream()).toList());
        assertCounts(second, 3_000, 30);
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, again), SilverAggregates.ofParquet(download(first)));
    }

    @Test
    void anEventTwiceInOneFileIsWrittenOnceWhicheverSplitsHoldIt() throws Exception {
        String line = "2019-10-01 10:00:00 UTC,view,1,2,a.b.c,x,1.00,10,5e55";
        String csv = String.join("\n", HEADER, line, "2019-10-01 10:00:01 UTC,cart,1,2,a.b.c,x,1.00,10,5e55", line,
                line, "2019-10-01 10:00:02 UTC,purchase,1,2,a.b.c,x,1.00,10,5e55", line) + "\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        List<BronzeLanded> splits = land(bytes, true, 3);
        List<SilverReady> readies = enrichAll(splits);

        assertTrue(splits.size() > 1, "the file must be cut in several splits");
        assertCounts(readies, 6, 0);
        assertEquals(3, readies.stream().mapToLong(r -> r.counts().written()).sum());
        assertEquals(3, readies.stream().mapToLong(r -> r.counts().duplicates()).sum());
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits), SilverAggregates.ofParquet(download(readies)));
    }

    @Test
    void aSplitKilledAfterClaimingItsEventsKeepsThemWhenRetriedAfterAnotherFileWithThem() throws Exception {
        byte[] bytes = generated(3_000, 30);
        BronzeLanded split = land(bytes, true, 1).get(0);
        SilverReady first = enricher.enrich(split);
        // as if the replica had died after claiming its events, before committing any file
        for (SilverFile file : first.files()) {
            lake.delete(file.location());
        }
        lake.delete(first.quarantine().location());
        BronzeLanded sameEvents = landAs(OTHER_INGESTION, bytes, 1).get(0);

        SilverReady other = enricher.enrich(sameEvents);
        SilverReady retried = enricher.enrich(split);

        assertEquals(first, retried);
        assertEquals(0, other.counts().written());
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, List.of(split)), SilverAggregates.ofParquet(download(List.of(retried))));
    }

    @Test
    void twoReplicasRacingOnFilesWithTheSameEventsWriteEachEventOnce() throws Exception {
        byte[] bytes = generated(6_000, 0);
        List<BronzeLanded> splits = new ArrayList<>(land(bytes, true, 4));
        splits.addAll(landAs(OTHER_INGESTION, bytes, 3));
        SplitEnricher otherReplica = LocalEnricher.create(lake, root.resolve("work-2"), new SimpleMeterRegistry());
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<SilverReady>> futures = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            SplitEnricher replica = i % 2 == 0 ? enricher : otherReplica;
            BronzeLanded split = splits.get(i);
            futures.add(replicas.submit(() -> replica.enrich(split)));
        }
        List<SilverReady> readies = new ArrayList<>();
        for (Future<SilverReady> future : futures) {
            readies.add(future.get());
        }
        replicas.shutdown();

        assertCounts(readies, 12_000, 0);
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits.subList(0, 4)), SilverAggregates.ofParquet(download(readies)));
    }

    @Test
    void aSplitDeadLetteredAfterClaimingFreesItsEventsForTheSameFileLandedAgain() throws Exception {
        byte[] bytes = generated(3_000, 30);
        BronzeLanded split = land(bytes, true, 1).get(0);
        SilverReady first = enricher.enrich(split);
        // as if the replica had died after claiming, before committing any file, and the bronze object had
        // been deleted before the retry
        deleteOutput(first, 0);
        lake.delete(split.file().location());

        assertThrows(UnprocessableMessageException.class, () -> enricher.enrich(split));
        List<BronzeLanded> again = landAs(OTHER_INGESTION, bytes, 2);
        List<SilverReady> second = enrichAll(again);

        SilverAggregates expected = ExpectedSilver.distinctGoodLines(bytes, again);
        assertCounts(second, 3_000, 30);
        assertEquals(expected.rows(), written(second));
        assertEquals(3_000 - 30 - expected.rows(), duplicates(second));
        assertEquals(expected, SilverAggregates.ofParquet(download(second)));
        assertEquals(expected.byDate().size(), voids().size());

        List<LakeObject> committed = lake.list(LakeLocation.of("silver", "rees46/"));
        assertEquals(second.get(1), enricher.enrich(again.get(1)));
        assertEquals(committed, lake.list(LakeLocation.of("silver", "rees46/")));
    }

    @Test
    void aDeadLetteredSplitKeepsItsClaimOnADateWhoseFileIsInSilver() throws Exception {
        byte[] bytes = generated(3_000, 30);
        BronzeLanded split = land(bytes, true, 1).get(0);
        SilverReady first = enricher.enrich(split);
        SilverFile kept = first.files().get(0);
        // as if the replica had died right after committing its first file
        deleteOutput(first, 1);
        lake.delete(split.file().location());

        assertThrows(UnprocessableMessageException.class, () -> enricher.enrich(split));
        List<SilverReady> second = enrichAll(landAs(OTHER_INGESTION, bytes, 2));

        SilverAggregates expected = ExpectedSilver.distinctGoodLines(bytes, List.of(split));
        assertCounts(second, 3_000, 30);
        assertEquals(expected.rows() - expected.byDate().get(kept.eventDate().toString()), written(second));
        List<SilverFile> silver = new ArrayList<>(List.of(kept));
        second.forEach(ready -> silver.addAll(ready.files()));
        assertEquals(expected, SilverAggregates.ofParquet(
                SilverDownloads.parquetFiles(lake, silver, Files.createDirectories(root.resolve("download")))));
        assertEquals(expected.byDate().size() - 1, voids().size());
    }

    @Test
    void aVoidedSplitReplayedOnceItsBronzeIsBackWritesWhatNoOtherSplitWrote() throws Exception {
        byte[] bytes = generated(3_000, 30);
        BronzeLanded split = land(bytes, true, 1).get(0);
        deleteOutput(enricher.enrich(split), 0);
        lake.delete(split.file().location());
        assertThrows(UnprocessableMessageException.class, () -> enricher.enrich(split));
        List<BronzeLanded> again = landAs(OTHER_INGESTION, bytes, 2);
        List<SilverReady> second = enrichAll(again.subList(0, 1));

        lake.create(split.file().location(), new ByteArrayInputStream(bytes)); // restored; the dead letter replayed
        SilverReady replayed = enricher.enrich(split);
        List<SilverReady> all = new ArrayList<>(second);
        all.add(replayed);
        all.addAll(enrichAll(again.subList(1, 2)));

        SilverAggregates expected = ExpectedSilver.distinctGoodLines(bytes, List.of(split));
        SilverAggregates firstHalf = ExpectedSilver.distinctGoodLines(bytes, again.subList(0, 1));
        assertEquals(expected.rows() - firstHalf.rows(), replayed.counts().written());
        assertEquals(0, written(all.subList(2, 3)));
        assertCounts(List.of(replayed), 3_000, 30);
        assertEquals(expected, SilverAggregates.ofParquet(download(all)));
        assertEquals(replayed, enricher.enrich(split));
    }

    @Test
    void aSplitWhoseClaimsAreVoidedWhileItCommitsWithdrawsItsFilesAndIsRefusedOnRetry() throws Exception {
        byte[] bytes = generated(3_000, 30);
        BronzeLanded split = land(bytes, true, 1).get(0);
        // another replica, given the same split by a rebalance, finds the bronze object gone and voids the
        // split's claims just before this one commits its first Parquet file
        LakeStorage racedLake = new InterceptedLake(lake, location -> location.path().endsWith(".parquet"), () -> {
            lake.delete(split.file().location());
            new ClaimVoids(lake, LocalEnricher.lakeConfig()).voidUnwritten("rees46", new Claimant(INGESTION, 0), "gone");
        });
        SplitEnricher raced = LocalEnricher.create(racedLake, root.resolve("work"), new SimpleMeterRegistry());

        IOException withdrawn = assertThrows(IOException.class, () -> raced.enrich(split));
        assertThrows(UnprocessableMessageException.class, () -> raced.enrich(split));
        List<BronzeLanded> again = landAs(OTHER_INGESTION, bytes, 2);
        List<SilverReady> second = enrichAll(again);

        assertTrue(withdrawn.getMessage().contains("withdrawn"), withdrawn.getMessage());
        assertEquals(List.of(), paths(lake.list(LakeLocation.of("silver", "rees46/events/"))).stream()
                .filter(path -> path.contains(INGESTION)).toList());
        assertCounts(second, 3_000, 30);
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, again), SilverAggregates.ofParquet(download(second)));
    }

    @Test
    void pristineSampleLandsWhole() throws Exception {
        byte[] bytes = sample("2019-Oct-head-5019.csv");

        List<BronzeLanded> splits = land(bytes, true, 3);
        List<SilverReady> readies = enrichAll(splits);

        assertCounts(readies, 5_019, 0);
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits), SilverAggregates.ofParquet(download(readies)));
    }

    @Test
    void crlfSampleLandsItsCompleteRowsAndQuarantinesTheCutOne() throws Exception {
        byte[] bytes = sample("2019-Oct-head-17434-crlf-cut.csv");

        List<BronzeLanded> splits = land(bytes, true, 3);
        List<SilverReady> readies = enrichAll(splits);

        assertCounts(readies, 17_435, 1);
        QuarantineRecord cut = SilverDownloads.quarantine(lake, CODEC, readies).get(0);
        assertEquals(17_436, cut.line());
        assertEquals("row.field_count", cut.rule());
        assertEquals(ExpectedSilver.line(bytes, 17_436), cut.original());
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits), SilverAggregates.ofParquet(download(readies)));
    }

    @Test
    void headerlessSampleWithoutFinalNewlineLandsWhole() throws Exception {
        byte[] bytes = sample("2019-Nov-head-683-noheader.csv");

        List<BronzeLanded> splits = land(bytes, false, 2);
        List<SilverReady> readies = enrichAll(splits);

        assertCounts(readies, 683, 0);
        assertEquals(ExpectedSilver.distinctGoodLines(bytes, splits), SilverAggregates.ofParquet(download(readies)));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private List<BronzeLanded> land(byte[] bytes, boolean header, int splits) throws IOException {
        lake.create(BRONZE_FILE, new ByteArrayInputStream(bytes));
        List<BronzeLanded> messages = BronzeSplits.messages(INGESTION, "rees46", BRONZE_FILE, bytes, header, splits);
        assertEquals(ExpectedSilver.dataLines(bytes, header), messages.stream().mapToLong(m -> m.split().rows()).sum());
        return messages;
    }

    /** The same bytes landed again as another ingestion (another file), with a header. */
    private List<BronzeLanded> landAs(String ingestionId, byte[] bytes, int splits) throws IOException {
        LakeLocation file = LakeLocation.of("bronze", "rees46/2019-10-02/" + ingestionId + "/again.csv");
        lake.create(file, new ByteArrayInputStream(bytes));
        return BronzeSplits.messages(ingestionId, "rees46", file, bytes, true, splits);
    }

    private List<SilverReady> enrichAll(List<BronzeLanded> splits) throws Exception {
        List<SilverReady> readies = new ArrayList<>();
        for (BronzeLanded split : splits) {
            SilverReady ready = enricher.enrich(split);
            assertEquals(List.of(), CODEC.violations(Contract.SILVER_READY, CODEC.mapper().valueToTree(ready)));
            readies.add(ready);
        }
        return readies;
    }

    private List<Path> download(List<SilverReady> readies) throws IOException {
        return SilverDownloads.parquet(lake, readies, Files.createDirectories(root.resolve("download")));
    }

    /** Deletes a split's committed files from its {@code firstDeleted}th Parquet file on, and its quarantine file. */
    private void deleteOutput(SilverReady ready, int firstDeleted) throws IOException {
        for (SilverFile file : ready.files().subList(firstDeleted, ready.files().size())) {
            lake.delete(file.location());
        }
        lake.delete(ready.quarantine().location());
    }

    /** The voids in the dataset's dedupe state. */
    private List<String> voids() throws IOException {
        return paths(lake.list(LakeLocation.of("silver", "rees46/_event-keys/"))).stream()
                .filter(path -> path.contains(".void:")).toList();
    }

    private static long written(List<SilverReady> readies) {
        return readies.stream().mapToLong(r -> r.counts().written()).sum();
    }

    private static long duplicates(List<SilverReady> readies) {
        return readies.stream().mapToLong(r -> r.counts().duplicates()).sum();
    }

    private static byte[] generated(long rows, long badRows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ClickstreamGenerator(ClickstreamOptions.builder().rows(rows).days(3).badRows(badRows).seed(rows).build())
                .generate(out);
        return out.toByteArray();
    }

    private static byte[] sample(String name) throws IOException {
        Path file = SAMPLES.resolve(name);
        assumeTrue(Files.isRegularFile(file), "REES46 sample " + file.toAbsolutePath() + " is not here; skipped");
        return Files.readAllBytes(file);
    }

    /** rows in = written + duplicates + quarantined (the record checks it), totals, and files agreeing with counts. */
    private static void assertCounts(List<SilverReady> readies, long rowsIn, long quarantined) {
        assertEquals(rowsIn, readies.stream().mapToLong(r -> r.counts().rowsIn()).sum());
        assertEquals(quarantined, readies.stream().mapToLong(r -> r.counts().quarantined()).sum());
        for (SilverReady ready : readies) {
            assertEquals(ready.counts().written(), ready.files().stream().mapToLong(SilverFile::rows).sum());
            if (ready.counts().quarantined() == 0) {
                assertNull(ready.quarantine());
            } else {
                assertEquals(ready.counts().quarantined(), ready.quarantine().rows());
            }
        }
    }

    private static Map<String, Long> quarantinedByRule(List<SilverReady> readies) {
        Map<String, Long> byRule = new TreeMap<>();
        readies.forEach(r -> r.counts().quarantinedByRule().forEach((rule, n) -> byRule.merge(rule, n, Long::sum)));
        return byRule;
    }

    private static List<String> paths(List<LakeObject> objects) {
        return objects.stream().map(o -> o.location().path() + ":" + o.size()).toList();
    }

    private static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            assertEquals(List.of(), children.toList());
        }
    }
}
