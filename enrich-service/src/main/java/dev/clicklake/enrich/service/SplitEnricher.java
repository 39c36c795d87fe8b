package dev.clicklake.enrich.service;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.BronzeSource;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.DateRange;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.Split;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.runtime.UnprocessableMessageException;
import dev.clicklake.enrich.config.EnrichConfig;
import dev.clicklake.enrich.dedupe.ClaimVoids;
import dev.clicklake.enrich.dedupe.Claimant;
import dev.clicklake.enrich.dedupe.EventKeyClaims;
import dev.clicklake.enrich.dedupe.KeyClaim;
import dev.clicklake.enrich.dedupe.VoidedClaims;
import dev.clicklake.enrich.metrics.EnrichMetrics;
import dev.clicklake.enrich.parquet.ParquetPartition;
import dev.clicklake.enrich.parquet.SilverParquetWriter;
import dev.clicklake.enrich.pipeline.ColumnOrder;
import dev.clicklake.enrich.pipeline.CsvRecord;
import dev.clicklake.enrich.pipeline.CsvRecordReader;
import dev.clicklake.enrich.pipeline.DistinctEvents;
import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.RowResult;
import dev.clicklake.enrich.pipeline.RowTally;
import dev.clicklake.enrich.pipeline.SilverRules;
import dev.clicklake.enrich.quarantine.QuarantineFileWriter;
import dev.clicklake.enrich.quarantine.QuarantineSource;
import dev.clicklake.enrich.storage.CommittedObject;
import dev.clicklake.enrich.storage.LakeCommitter;
import dev.clicklake.contracts.layout.SilverLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns one bronze split into committed silver: reads the split's byte range from the lake, applies the
 * silver rules row by row, writes the cleaned rows as Parquet (one file per event_date) and the rejected
 * rows as a quarantine file in a local work folder, then commits each file to the silver container
 * (put-if-absent). Only the split's first occurrence of each event is kept, and of those only the events the
 * split claims for itself ({@link EventKeyClaims}): an event is written once across splits, files and
 * redeliveries. Idempotent: a split processed again commits nothing new and describes the same objects. A
 * split that can never be processed (its bronze object is gone) has the claims it will not honour voided
 * ({@link ClaimVoids}) before it is refused, so that its events are not lost to the splits that carry them again.
 */
@ApplicationScoped
public class SplitEnricher {

    private static final Logger LOG = Logger.getLogger(SplitEnricher.class);

    private final LakeStorage lake;
    private final LakeCommitter committer;
    private final EventKeyClaims claims;
    private final ClaimVoids voids;
    private final ContractCodec codec;
    private final EnrichMetrics metrics;
    private final EnrichConfig config;
    private final String silverContainer;
    private final BronzeLandedCheck check;
    private final String service;
    private final String serviceVersion;

    public SplitEnricher(LakeStorage lake, LakeCommitter committer, EventKeyClaims claims, ClaimVoids voids,
            ContractCodec codec, EnrichMetrics metrics, EnrichConfig config, LakeConfig lakeConfig,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version") String serviceVersion) {
        this.lake = lake;
        this.committer = committer;
        this.claims = claims;
        this.voids = voids;
        this.codec = codec;
        this.metrics = metrics;
        this.config = config;
        this.silverContainer = lakeConfig.containers().silver();
        this.check = new BronzeLandedCheck(lakeConfig.containers().bronze());
        this.service = service;
        this.serviceVersion = serviceVersion;
    }

    /**
     * Enriches the split and returns the {@code silver-ready} payload that announces its committed output.
     *
     * @throws UnprocessableMessageException when the message names what its sender may not name (then nothing
     *     is read), or when the split can never be processed, once the claims an earlier processing of it made,
     *     and whose events it did not write, are void
     */
    public SilverReady enrich(BronzeLanded landed) throws IOException, SQLException, InterruptedException {
        List<String> violations = check.violations(landed);
        if (!violations.isEmpty()) {
            throw new UnprocessableMessageException("bronze-landed names what it may not: " + String.join("; ", violations));
        }
        try {
            return process(landed);
        } catch (UnprocessableMessageException refused) {
            throw refuse(landed, refused);
        }
    }

    /**
     * Gives the split up: voids the claims an earlier processing of it made and did not honour, so that its
     * events are not lost to the splits that carry them again, and returns {@code refusal} to be dead-lettered.
     */
    public UnprocessableMessageException refuse(BronzeLanded landed, UnprocessableMessageException refusal)
            throws IOException {
        VoidedClaims voided = voids.voidUnwritten(landed.dataset(), claimant(landed), refusal.getMessage());
        if (!voided.isEmpty()) {
            LOG.warnf("split %s/%d of %s is refused: its claims on %s are void, those on %s stay (their files are"
                    + " in silver)", landed.ingestionId(), landed.split().index(), landed.file().location(),
                    voided.voided(), voided.keptWritten());
        }
        return refusal;
    }

    private SilverReady process(BronzeLanded landed) throws IOException, SQLException, InterruptedException {
        long started = System.nanoTime();
        Path work = Files.createTempDirectory(Files.createDirectories(config.workDir()), "split-");
        try {
            SplitOutput output = transform(landed, work);
            long transformed = System.nanoTime();
            SilverReady ready = commit(landed, output);
            long done = System.nanoTime();
            metrics.splitProcessed(Duration.ofNanos(done - started));
            RowCounts counts = ready.counts();
            LOG.infof("split %s/%d of %s: %d rows in, %d written, %d duplicates, %d quarantined; %d ms to Parquet,"
                    + " %d ms to commit", landed.ingestionId(), landed.split().index(), landed.file().location(),
                    counts.rowsIn(), counts.written(), counts.duplicates(), counts.quarantined(),
                    (transformed - started) / 1_000_000, (done - transformed) / 1_000_000);
            return ready;
        } finally {
            deleteRecursively(work);
        }
    }

    private SplitOutput transform(BronzeLanded landed, Path work) throws IOException, SQLException, InterruptedException {
        Split split = landed.split();
        SilverRules rules = new SilverRules(new ColumnOrder(landed.format().columns()));
        QuarantineSource source = new QuarantineSource(landed.ingestionId(), landed.dataset(), landed.file().location(),
                service, serviceVersion);
        RowTally tally = new RowTally();
        DistinctEvents distinct = new DistinctEvents();
        try (InputStream in = openBronze(landed);
                SilverParquetWriter parquet = new SilverParquetWriter(work, config.duckdb().settings());
                QuarantineFileWriter quarantine = new QuarantineFileWriter(work.resolve("quarantine.jsonl"), codec, source)) {
            CsvRecordReader reader = new CsvRecordReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                    split.firstLine(), config.maxRecordChars());
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                tally.countIn();
                RowResult result = rules.apply(record);
                if (result instanceof RowResult.Cleaned cleaned) {
                    EventKey key = distinct.firstSeen(cleaned.event());
                    if (distinct.dateCount() > config.maxDatesPerSplit()) {
                        throw new UnprocessableMessageException("the split spans more than " + config.maxDatesPerSplit()
                                + " event dates (clicklake.enrich.max-dates-per-split; its silver-ready lists one file"
                                + " per date): " + distinct.dateCount() + " by line " + record.line());
                    }
                    if (key == null) {
                        tally.countDuplicates(1);
                    } else {
                        parquet.append(cleaned.event(), key);
                    }
                } else {
                    RowResult.Rejected rejected = (RowResult.Rejected) result;
                    tally.countQuarantined(rejected.rule());
                    quarantine.write(record, rejected);
                }
            }
            KeyClaim claim = claims.claim(landed.dataset(), claimant(landed), distinct.byDate(), work);
            tally.countDuplicates(claim.claimedElsewhere().size());
            List<ParquetPartition> partitions = parquet.finish(claim.claimedElsewhere());
            return new SplitOutput(partitions, quarantine.file(), tally, claim.createdNow(), claim.versions());
        }
    }

    /** The split's bytes; refused when the object is gone or is not the size the message says. */
    private InputStream openBronze(BronzeLanded landed) throws IOException {
        Split split = landed.split();
        LakeLocation location = landed.file().location();
        Optional<LakeObject> object = lake.stat(location);
        if (object.isEmpty()) {
            throw new UnprocessableMessageException("the bronze object " + location + " no longer exists");
        }
        if (object.get().size() != landed.file().bytes()) {
            throw new UnprocessableMessageException("the bronze object " + location + " has " + object.get().size()
                    + " bytes, not the file.bytes " + landed.file().bytes() + " the message says");
        }
        try {
            return lake.open(location, split.offset(), split.length());
        } catch (NoSuchFileException e) {
            throw new UnprocessableMessageException("the bronze object " + location + " no longer exists", e);
        }
    }

    /**
     * Deletes the split's just committed files of the dates whose claim another processing of the same split
     * voided meanwhile (a rebalance, and the bronze object deleted between the two): an events file with a void
     * claim would be written again by the next split that carries its events. Not announced yet, they are
     * withdrawn, and the split is processed again (an IOException is retried): it claims afresh, or is refused.
     */
    private void withdrawVoided(BronzeLanded landed, SplitOutput output, List<SilverFile> files) throws IOException {
        List<LocalDate> voided = claims.voidedSince(landed.dataset(), output.claimVersions(),
                files.stream().map(SilverFile::eventDate).toList());
        if (voided.isEmpty()) {
            return;
        }
        for (SilverFile file : files) {
            if (voided.contains(file.eventDate())) {
                lake.delete(file.location());
            }
        }
        throw new IOException("the claims of split " + claimant(landed) + " on " + voided + " were voided while it was"
                + " being committed; its files of those dates are withdrawn");
    }

    private static Claimant claimant(BronzeLanded landed) {
        return new Claimant(landed.ingestionId(), landed.split().index());
    }

    private SilverReady commit(BronzeLanded landed, SplitOutput output) throws IOException {
        int index = landed.split().index();
        List<CommittedObject> committed = new ArrayList<>();
        List<SilverFile> files = new ArrayList<>();
        for (ParquetPartition partition : output.partitions()) {
            LakeLocation target = LakeLocation.of(silverContainer,
                    SilverLayout.eventsPath(landed.dataset(), partition.eventDate(), landed.ingestionId(), index));
            CommittedObject object = committer.commit(partition.file(), target);
            committed.add(object);
            files.add(new SilverFile(target.container(), target.path(), object.bytes(), object.sha256(),
                    partition.rowsWritten(), partition.eventDate()));
        }
        withdrawVoided(landed, output, files);
        LakeFile quarantine = null;
        if (output.quarantine().isPresent()) {
            LakeLocation target = LakeLocation.of(silverContainer,
                    SilverLayout.quarantinePath(landed.dataset(), landed.ingestionId(), index));
            CommittedObject object = committer.commit(output.quarantine().get(), target);
            committed.add(object);
            quarantine = new LakeFile(target.container(), target.path(), object.bytes(), object.sha256(),
                    output.tally().quarantined());
        }
        RowCounts counts = output.tally().counts(output.written());
        if (output.claimedNow() || committed.stream().anyMatch(object -> !object.alreadyThere())) {
            metrics.rowsCommitted(counts);
        }
        DateRange eventDates = files.isEmpty() ? null
                : new DateRange(files.get(0).eventDate(), files.get(files.size() - 1).eventDate());
        return new SilverReady(landed.ingestionId(), landed.dataset(), landed.file().location(), landed.split().ref(),
                files, quarantine, counts, eventDates, SilverReady.SILVER_EVENTS_V1, BronzeSource.of(landed));
    }

    /** Best effort: a leftover file must not fail a committed split, so it is only logged. */
    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warnf("could not delete the work folder %s: %s", folder, e.toString());
        }
    }
}
