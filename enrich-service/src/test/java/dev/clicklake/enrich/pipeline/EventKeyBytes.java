package dev.clicklake.enrich.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes {@link EventKeyHasher} hashes, written independently from its javadoc (a test's own encoder, not
 * the production one), so a test can hash them with another MurmurHash3 and compare.
 */
final class EventKeyBytes {

    private EventKeyBytes() {
    }

    static byte[] of(SilverEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        number(out, event.eventTime().getEpochSecond());
        number(out, event.eventTime().getNano());
        text(out, event.eventType());
        number(out, event.productId());
        number(out, event.categoryId());
        text(out, event.categoryCode());
        text(out, event.brand());
        number(out, event.priceCents());
        number(out, event.userId());
        text(out, event.userSession());
        return out.toByteArray();
    }

    private static void number(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        if (value == null) {
            number(out, -1);
            return;
        }
        number(out, value.length());
        ByteBuffer chars = ByteBuffer.allocate(2 * value.length()).order(ByteOrder.LITTLE_ENDIAN);
        value.chars().forEach(c -> chars.putChar((char) c));
        out.writeBytes(chars.array());
    }
}
