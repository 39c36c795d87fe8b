package dev.clicklake.contracts.clickstream;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Version 4 UUIDs as the 36 ASCII bytes of their text form, drawn from the generator's seeded random. */
final class SessionIds {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private SessionIds() {
    }

    static byte[] randomV4(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        byte[] text = new byte[36];
        int at = 0;
        for (int nibble = 15; nibble >= 0; nibble--) {
            at = hyphenated(text, at);
            text[at++] = HEX[(int) (high >>> (nibble * 4)) & 0xF];
        }
        for (int nibble = 15; nibble >= 0; nibble--) {
            at = hyphenated(text, at);
            text[at++] = HEX[(int) (low >>> (nibble * 4)) & 0xF];
        }
        return text;
    }

    private static int hyphenated(byte[] text, int at) {
        if (at == 8 || at == 13 || at == 18 || at == 23) {
            text[at] = '-';
            return at + 1;
        }
        return at;
    }
}
