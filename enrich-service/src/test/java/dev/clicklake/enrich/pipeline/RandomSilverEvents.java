package dev.clicklake.enrich.pipeline;

import java.time.Instant;
import java.util.Random;

/**
 * Seeded random silver events for hash tests and benchmarks: text of every length from empty to a few dozen
 * chars (so every MurmurHash3 tail length occurs), ASCII, Latin-1, Cyrillic, CJK, unpaired and paired
 * surrogates, and missing sessions; numbers over their whole range, negative ones included.
 */
final class RandomSilverEvents {

    private static final String[] ALPHABETS = {
        "abcdefghijklmnopqrstuvwxyz0123456789.-_ ,\"",
        "\u00e9\u00e8\u00fc\u00df\u00f1\u00e7\u00c5\u00ff",
        "\u0436\u0443\u0440\u043d\u0430\u043b\u0441\u0430\u043c\u0441\u0443\u043d\u0433",
        "\u4e2d\u6587\u54c1\u724c\u624b\u673a\u7535\u8111",
        "\ud83d\ude00\ud83d\udc4d\ud800\udfff\uffff\u0000",
    };

    private final Random random;

    RandomSilverEvents(long seed) {
        random = new Random(seed);
    }

    SilverEvent next() {
        Instant time = Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L, random.nextInt(1_000_000_000));
        return new SilverEvent(time, text(), random.nextLong(), random.nextLong(), text(), text(), text(), text(),
                text(), random.nextLong(), random.nextLong(), random.nextInt(10) == 0 ? null : text());
    }

    private String text() {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
