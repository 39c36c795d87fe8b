package dev.clicklake.ingest.landing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCheckTest {

    private static final byte[] PREFIX = "event_time,x\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] withPrefix(String hex) {
        byte[] tail = HexFormat.of().parseHex(hex);
        byte[] all = new byte[PREFIX.length + tail.length];
        System.arraycopy(PREFIX, 0, all, 0, PREFIX.length);
        System.arraycopy(tail, 0, all, PREFIX.length, tail.length);
        return all;
    }

    /** The JDK's strict decoder is the independent judge of what is UTF-8. */
    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "eda080", "edbfbf", "edb080", // UTF-16 surrogates encoded as UTF-8 (CESU-8)
        "eda0bdedb880", // a surrogate pair, each half encoded on its own
        "c0af", "c1bf", "e080af", "f08080af", // overlong forms
        "f4908080", "f5808080", "ff", // above U+10FFFF, never a lead byte
        "e282", "80"}) // cut short, a continuation without a lead
    void refusesWhatTheStandardForbidsAtTheOffsetOfTheBadByte(String hex) {
        byte[] bytes = withPrefix(hex + "0a");
        assertEquals(false, jdkAccepts(bytes), "the JDK accepts " + hex + ": not a bad case");
        RejectedSourceException refused = assertThrows(RejectedSourceException.class,
                () -> new TextCheck(1 << 20).accept(bytes, 0, bytes.length));
        assertEquals(true, refused.getMessage().startsWith("the file is not UTF-8: an invalid byte sequence at offset "),
                refused.getMessage());
        long offset = Long.parseLong(refused.getMessage().substring(refused.getMessage().lastIndexOf(" ") + 1));
        assertEquals(true, offset >= PREFIX.length && offset <= PREFIX.length + hex.length() / 2, refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c3a9", "e282ac", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f09f9880", "f48fbfbf"})
    void acceptsEveryWellFormedEdgeOfTheTable(String hex) {
        byte[] bytes = withPrefix(hex + "0a");
        assertEquals(true, jdkAccepts(bytes), hex);
        assertDoesNotThrow(() -> new TextCheck(1 << 20).accept(bytes, 0, bytes.length));
    }

    @ParameterizedTest(name = "split after byte {0}")
    @ValueSource(ints = {1, 2, 3})
    void aSequenceSplitAcrossTwoBuffersIsJudgedWhole(int split) {
        byte[] surrogate = HexFormat.of().parseHex("eda0800a");
        TextCheck check = new TextCheck(1 << 20);
        assertThrows(RejectedSourceException.class, () -> {
            check.accept(surrogate, 0, split);
            check.accept(surrogate, split, surrogate.length - split);
        });
    }
}
