package dev.clicklake.ingest.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LandingScannerTest {

    private static final String ROW = "2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c";
    private static final String HEADER = ClickstreamColumns.HEADER;

    @Test
    void passesBytesThroughUnchangedAndMeasuresThem() throws Exception {
        byte[] file = (HEADER + "\n" + ROW + "\n" + ROW + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8);
        LandingResult result = drain(file, Optional.empty(), 150);
        assertEquals(file.length, result.bytes());
        assertEquals(sha256(file), result.sha256());
        assertEquals(3, result.rows());
        assertTrue(result.layout().header());
        assertEquals(ClickstreamColumns.NAMES, result.layout().columns());
        SplitPlannerTest.assertCovers(file, HEADER.length() + 1, 2, result.splits());
        assertEquals(2, result.splits().size(), "150-byte target: two rows in the first split, one in the second");
    }

    @Test
    void acceptsAReorderedHeaderWithABomAndCrlf() throws Exception {
        List<String> reordered = List.of("user_id", "event_time", "event_type", "product_id", "category_id",
                "category_code", "brand", "price", "user_session");
        byte[] file = ("\uFEFF" + String.join(",", reordered) + "\r\n1,2\r\n").getBytes(StandardCharsets.UTF_8);
        LandingResult result = drain(file, Optional.empty(), 1 << 20);
        assertEquals(reordered, result.layout().columns());
        assertEquals(1, result.rows());
    }

    @Test
    void aHeaderlessFileNeedsADeclaredColumnOrderAndItsFirstLineIsData() throws Exception {
        byte[] file = (ROW + "\n" + ROW).getBytes(StandardCharsets.UTF_8);
        RejectedSourceException refused = assertThrows(RejectedSourceException.class,
                () -> drain(file, Optional.empty(), 1 << 20));
        assertTrue(refused.getMessage().contains("declare its column order"), refused.getMessage());

        LandingResult result = drain(file, Optional.of(ClickstreamColumns.NAMES), 1 << 20);
        assertFalse(result.layout().header());
        assertEquals(2, result.rows());
        SplitPlannerTest.assertCovers(file, 0, 1, result.splits());
    }

    @Test
    void aHeaderlessFileWhoseFirstLineSpansSeveralReadsKeepsAllItsBytes() throws Exception {
        byte[] file = (ROW + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8);
        LandingScanner scanner = new LandingScanner(new TrickleStream(file, 5), Optional.of(ClickstreamColumns.NAMES), 1 << 20, Long.MAX_VALUE);
        scanner.transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(List.of(new dev.clicklake.contracts.event.Split(0, 1, 0, file.length, 1, 2)), scanner.result().splits());
    }

    @Test
    void refusesWhatIsNotClickstreamData() {
        assertRefused(new byte[0], "empty");
        assertRefused((HEADER + "\n").getBytes(StandardCharsets.UTF_8), "no data rows");
        assertRefused(HEADER.getBytes(StandardCharsets.UTF_8), "no data rows");
        assertRefused("id,name,amount\n1,a,2\n".getBytes(StandardCharsets.UTF_8), "not a clickstream header");
        assertRefused("id,name,price\n1,a,2\n".getBytes(StandardCharsets.UTF_8), "not the clickstream schema");
        assertRefused("event_time,event_type,price\n1,a,2\n".getBytes(StandardCharsets.UTF_8), "missing");
        assertRefused(new byte[] {'e', 'v', 0, 1, 2, '\n'}, "NUL");
        byte[] latin1 = (HEADER + "\nbrand caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(latin1, "not UTF-8");
        assertRefused(("x".repeat(70_000)).getBytes(StandardCharsets.UTF_8), "longer than");
    }

    @Test
    void aSourceLargerThanTheLimitIsRefusedAsSoonAsItGoesPastIt() {
        byte[] file = (HEADER + "\n" + ROW + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8);
        LandingScanner scanner = new LandingScanner(new TrickleStream(file, 64), Optional.empty(), 100, file.length - 1);
        RejectedSourceException e = assertThrows(RejectedSourceException.class,
                () -> scanner.transferTo(java.io.OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("max-bytes"), e.getMessage());
        assertTrue(scanner.bytesReceived() < file.length);
    }

    @Test
    void aDeclaredOrderThatContradictsTheHeaderIsRefused() {
        List<String> declared = new java.util.ArrayList<>(ClickstreamColumns.NAMES);
        java.util.Collections.reverse(declared);
        RejectedSourceException e = assertThrows(RejectedSourceException.class, () -> drain(
                (HEADER + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8), Optional.of(declared), 100));
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
    }

    private static void assertRefused(byte[] file, String reasonPart) {
        RejectedSourceException e = assertThrows(RejectedSourceException.class, () -> drain(file, Optional.empty(), 100));
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }

    private static LandingResult drain(byte[] file, Optional<List<String>> declared, long target) throws IOException {
        LandingScanner scanner = new LandingScanner(new ByteArrayInputStream(file), declared, target, Long.MAX_VALUE);
        byte[] copy = scanner.readAllBytes();
        assertEquals(file.length, copy.length);
        return scanner.result();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Hands out at most {@code step} bytes per read, like a slow network. */
    private static final class TrickleStream extends InputStream {
        private final byte[] data;
        private final int step;
        private int position;

        TrickleStream(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}
