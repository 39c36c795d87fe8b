package dev.clicklake.enrich.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The producer's {@code max.request.size}, checked before a record is sent: a record over it would be refused by
 * the client ({@code RecordTooLargeException}) every time. {@value #HEADROOM} bytes are kept for the
 * {@code ce_*} headers and Kafka's batch and record overhead (a few hundred bytes in practice).
 */
record RecordSizeLimit(int maxRequestSize) {

    static final int HEADROOM = 4096;

    /** Why a record with this key and value cannot be sent, or empty when it fits. */
    Optional<String> exceededBy(String key, String value) {
        long bytes = (long) key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes + HEADROOM <= maxRequestSize) {
            return Optional.empty();
        }
        return Optional.of("the record is " + bytes + " bytes (key and value), more than the producer's max.request.size of "
                + maxRequestSize + " bytes less " + HEADROOM + " kept for headers");
    }
}
