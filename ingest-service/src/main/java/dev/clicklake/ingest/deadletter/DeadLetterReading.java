package dev.clicklake.ingest.deadletter;

/** What a record of the dead-letter topic is to ingest-service: a split's dead letter, or none of its business. */
public sealed interface DeadLetterReading {

    /** A dead letter of one of this pipeline's split messages. */
    record OfSplit(SplitDeadLetter deadLetter) implements DeadLetterReading {
    }

    /** Not a split's dead letter (another producer's record, a message of another step); {@code why}, for the log. */
    record Ignored(String why) implements DeadLetterReading {
    }
}
