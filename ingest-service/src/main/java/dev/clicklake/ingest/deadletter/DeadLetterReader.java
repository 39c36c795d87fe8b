package dev.clicklake.ingest.deadletter;

import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.SplitKey;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a record of the dead-letter topic as SmallRye's dead-letter queue writes it: the refused record's key
 * and value unchanged, its headers (the {@code ce_*} CloudEvents attributes among them) copied, plus
 * {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-topic}, {@code dead-letter-partition}
 * and {@code dead-letter-offset}. A split's messages are keyed {@code <ingestion id>/<split index>}
 * ({@link SplitKey}); the body is not read, so a message refused for breaking its contract is traced as well as
 * one that could not be processed. Pure: no I/O, never throws.
 */
public final class DeadLetterReader {

    private static final String REASON = KafkaDeadLetterQueue.DEAD_LETTER_REASON;
    private static final String CAUSE = KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
    private static final String TOPIC = KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;
    private static final String PARTITION = KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
    private static final String OFFSET = KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
    private static final String CE_INGESTION_ID = "ce_" + ContractMessages.INGESTION_ID;

    private final Map<String, FailedStep> steps;

    /** @param bronzeLandedTopic and {@code silverReadyTopic}: the topics of the two steps, prefix included */
    public DeadLetterReader(String bronzeLandedTopic, String silverReadyTopic) {
        this.steps = Map.of(bronzeLandedTopic, FailedStep.SILVER, silverReadyTopic, FailedStep.GOLD);
    }

    /** @param headers the record's headers, the last value of each as UTF-8 text */
    public DeadLetterReading read(String key, Map<String, String> headers) {
        String topic = headers.get(TOPIC);
        if (topic == null) {
            return new DeadLetterReading.Ignored("no " + TOPIC + " header: not written by a dead-letter queue");
        }
        FailedStep step = steps.get(topic);
        if (step == null) {
            return new DeadLetterReading.Ignored("refused on topic " + topic + ", not one of a split's steps " + steps.keySet());
        }
        Optional<SplitKey> split = SplitKey.parse(key);
        if (split.isEmpty()) {
            return new DeadLetterReading.Ignored("key " + key + " does not name a split (<ingestion id>/<split index>)");
        }
        String named = headers.get(CE_INGESTION_ID);
        if (named != null && !named.equalsIgnoreCase(split.get().ingestionId().toString())) {
            return new DeadLetterReading.Ignored("key " + key + " and " + CE_INGESTION_ID + " " + named
                    + " name different ingestions");
        }
        return new DeadLetterReading.OfSplit(new SplitDeadLetter(split.get(), step, topic,
                number(headers.get(PARTITION), Integer::valueOf), number(headers.get(OFFSET), Long::valueOf),
                reason(headers)));
    }

    private static String reason(Map<String, String> headers) {
        String reason = headers.get(REASON);
        String cause = headers.get(CAUSE);
        String told = reason == null || reason.isBlank() ? "no reason given (no " + REASON + " header)" : reason;
        return cause == null || cause.isBlank() || told.contains(cause) ? told : told + " (cause: " + cause + ")";
    }

    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
