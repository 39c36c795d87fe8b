package dev.clicklake.ingest.rest;

import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionSplit;
import dev.clicklake.ingest.ledger.IngestionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** An ingestion as the API shows it: source, bronze object, progress, and its journey to gold. */
public record IngestionView(
        String id,
        String dataset,
        String status,
        String reason,
        Source source,
        Progress progress,
        Receiver receiver,
        Bronze bronze,
        Journey journey,
        Timings timings,
        Announcement announcement) {

    /**
     * Its bronze-landed announcement, once landed: sends started, and while unannounced when the next attempt is
     * due at the latest and why the last one failed.
     */
    public record Announcement(int attempts, Instant nextAttemptBy, String lastError) {
    }

    /** @param archive the gzip or zip file the CSV file came out of; null for a plain CSV source */
    public record Source(String kind, String name, String uri, String declaredColumns, Archive archive) {
    }

    public record Archive(String name, Long bytes, String sha256) {
    }

    /** @param percent of the total bytes, when the total is known */
    public record Progress(long bytesReceived, Long totalBytes, BigDecimal percent) {
    }

    /** Which replica is receiving it and until when its lease holds unless renewed; only while RECEIVING. */
    public record Receiver(String replica, Instant leaseExpiresAt) {
    }

    public record Bronze(String container, String path, String sha256, Long rows, Boolean header, List<String> columns) {
    }

    /**
     * Splits and where each stands; the row figures add up what silver reported so far.
     *
     * @param deadLettered splits whose message was refused downstream (the ingestion is then FAILED)
     */
    public record Journey(Integer splits, long silverDone, long goldDone, long deadLettered, long rowsWritten,
            long duplicates, long quarantined, List<SplitView> splitDetails) {
    }

    /** @param deadLetter why and where its message was refused downstream; null while it was not */
    public record SplitView(int index, long offset, long length, long firstLine, long rows, Long rowsWritten,
            Long duplicates, Long quarantined, Instant silverAt, Instant goldAt, DeadLetter deadLetter) {
    }

    /** A split's refused message: the topic, partition and offset it was refused on, and why. */
    public record DeadLetter(String topic, Integer partition, Long offset, String reason, Instant at) {
    }

    public record Timings(Instant createdAt, Instant updatedAt, Instant landedAt, Instant publishedAt,
            Instant silverReadyAt, Instant goldReadyAt) {
    }

    public static IngestionView of(Ingestion i, List<IngestionSplit> splits) {
        BigDecimal percent = i.totalBytes == null || i.totalBytes == 0 ? null
                : BigDecimal.valueOf(i.bytesReceived * 100.0 / i.totalBytes).setScale(1, RoundingMode.HALF_UP);
        Bronze bronze = i.bronzePath == null ? null : new Bronze(i.bronzeContainer, i.bronzePath, i.sha256, i.dataRows,
                i.hasHeader, i.fileColumns == null ? null : List.of(i.fileColumns.split(",")));
        List<SplitView> details = splits.stream().map(s -> new SplitView(s.key.splitIndex(), s.byteOffset, s.byteLength,
                s.firstLine, s.dataRows, s.rowsWritten, s.duplicates, s.quarantined, s.silverAt, s.goldAt,
                s.deadLetteredAt == null ? null : new DeadLetter(s.deadLetterTopic, s.deadLetterPartition,
                        s.deadLetterOffset, s.deadLetterReason, s.deadLetteredAt))).toList();
        Journey journey = new Journey(i.splitCount,
                splits.stream().filter(s -> s.silverAt != null).count(),
                splits.stream().filter(s -> s.goldAt != null).count(),
                splits.stream().filter(s -> s.deadLetteredAt != null).count(),
                splits.stream().mapToLong(s -> s.rowsWritten == null ? 0 : s.rowsWritten).sum(),
                splits.stream().mapToLong(s -> s.duplicates == null ? 0 : s.duplicates).sum(),
                splits.stream().mapToLong(s -> s.quarantined == null ? 0 : s.quarantined).sum(),
                details);
        return new IngestionView(i.id.toString(), i.dataset, i.status.name(), i.reason,
                new Source(i.sourceKind.name(), i.sourceName, i.sourceUri, i.declaredColumns,
                        i.archiveName == null ? null : new Archive(i.archiveName, i.archiveBytes, i.archiveSha256)),
                new Progress(i.bytesReceived, i.totalBytes, percent),
                i.status == IngestionStatus.RECEIVING ? new Receiver(i.leaseOwner, i.leaseExpiresAt) : null, bronze, journey,
                new Timings(i.createdAt, i.updatedAt, i.landedAt, i.publishedAt, i.silverReadyAt, i.goldReadyAt),
                i.landedAt == null ? null : new Announcement(i.announceAttempts,
                        i.publishedAt == null ? i.announceClaimedUntil : null, i.announceError));
    }
}
