package dev.clicklake.ingest.deadletter;

import dev.clicklake.contracts.event.SplitKey;

/**
 * A dead letter traced back to one split of one ingestion.
 *
 * @param split the split, from the record key
 * @param step what the refused message was for
 * @param topic the topic the message was refused on ({@code dead-letter-topic})
 * @param partition its partition there, when the header says ({@code dead-letter-partition})
 * @param offset its offset there, when the header says ({@code dead-letter-offset})
 * @param reason why it was refused ({@code dead-letter-reason}, and {@code dead-letter-cause} when given)
 */
public record SplitDeadLetter(SplitKey split, FailedStep step, String topic, Integer partition, Long offset,
        String reason) {

    /** Where the refused message was: {@code topic}, with its partition and offset when known. */
    public String origin() {
        return topic + (partition == null ? "" : " partition " + partition) + (offset == null ? "" : " offset " + offset);
    }

    /** The ingestion's reason for failing: which split, which step, where and why, and what to do. */
    public String ingestionReason(Integer splitCount) {
        return "split " + split.index() + (splitCount == null ? "" : " of " + splitCount) + " was dead-lettered: its "
                + step.message() + " message (" + origin() + ") was refused, " + step.consequence() + ": " + reason
                + "; land the same file again to recover its events";
    }
}
