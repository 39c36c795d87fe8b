package dev.clicklake.ingest.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One split of an ingestion's bronze file and what silver and gold reported for it. */
@Entity
@Table(name = "ingestion_split")
public class IngestionSplit extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "ingestion_id") UUID ingestionId, @Column(name = "split_index") int splitIndex)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "byte_offset")
    public long byteOffset;

    @Column(name = "byte_length")
    public long byteLength;

    @Column(name = "first_line")
    public long firstLine;

    @Column(name = "data_rows")
    public long dataRows;

    @Column(name = "rows_written")
    public Long rowsWritten;

    public Long duplicates;

    public Long quarantined;

    @Column(name = "silver_at")
    public Instant silverAt;

    @Column(name = "gold_at")
    public Instant goldAt;

    /** The topic its refused message was dead-lettered from; null while none was. */
    @Column(name = "dead_letter_topic")
    public String deadLetterTopic;

    @Column(name = "dead_letter_partition")
    public Integer deadLetterPartition;

    @Column(name = "dead_letter_offset")
    public Long deadLetterOffset;

    @Column(name = "dead_letter_reason")
    public String deadLetterReason;

    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;
}
