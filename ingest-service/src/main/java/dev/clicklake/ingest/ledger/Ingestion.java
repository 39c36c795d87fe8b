package dev.clicklake.ingest.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One ingestion in the ledger: its source, what landed in bronze, and how far it has travelled. */
@Entity
@Table(name = "ingestion")
public class Ingestion extends PanacheEntityBase {

    @Id
    public UUID id;

    public String dataset;

    @Enumerated(EnumType.STRING)
    public IngestionStatus status;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind")
    public SourceKind sourceKind;

    @Column(name = "source_name")
    public String sourceName;

    @Column(name = "source_uri")
    public String sourceUri;

    /** Comma-separated column order declared for a header-less file. */
    @Column(name = "declared_columns")
    public String declaredColumns;

    @Column(name = "bytes_received")
    public long bytesReceived;

    @Column(name = "total_bytes")
    public Long totalBytes;

    @Column(name = "data_rows")
    public Long dataRows;

    public String sha256;

    @Column(name = "bronze_container")
    public String bronzeContainer;

    @Column(name = "bronze_path")
    public String bronzePath;

    @Column(name = "has_header")
    public Boolean hasHeader;

    /** Comma-separated column order of the file. */
    @Column(name = "file_columns")
    public String fileColumns;

    @Column(name = "split_count")
    public Integer splitCount;

    /** The gzip or zip file this CSV file came out of, when it did. */
    @Column(name = "archive_name")
    public String archiveName;

    @Column(name = "archive_bytes")
    public Long archiveBytes;

    @Column(name = "archive_sha256")
    public String archiveSha256;

    /** The replica receiving it, while RECEIVING. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    /** Until when the receiving replica's claim holds unless renewed, while RECEIVING. */
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "landed_at")
    public Instant landedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Until when a sender holds the claim on announcing it; after a failed send, when the next attempt is due. */
    @Column(name = "announce_claimed_until")
    public Instant announceClaimedUntil;

    /** How many times announcing it was started. */
    @Column(name = "announce_attempts")
    public int announceAttempts;

    /** Why the last announcement attempt failed, while it is unannounced. */
    @Column(name = "announce_error")
    public String announceError;

    @Column(name = "silver_ready_at")
    public Instant silverReadyAt;

    @Column(name = "gold_ready_at")
    public Instant goldReadyAt;
}
