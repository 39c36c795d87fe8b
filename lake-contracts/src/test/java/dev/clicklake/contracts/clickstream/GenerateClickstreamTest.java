package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateClickstreamTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateClickstream.run(args, stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheFileTheOptionsDescribeAndASummaryToStandardError() throws IOException {
        Path out = dir.resolve("clicks.csv");
        assertEquals(0, run("--rows", "5000", "--seed", "9", "--start", "2019-11-01", "--days", "2",
                "--catalog-size", "3000", "--bad-rows", "9", "--crlf", "--out", out.toString()));

        GeneratedFile expected = GeneratedFile.of(ClickstreamOptions.builder().rows(5_000).seed(9)
                .startDate(LocalDate.of(2019, 11, 1)).days(2).catalogSize(3_000).badRows(9)
                .lineEnding(LineEnding.CRLF));
        assertArrayEquals(expected.bytes(), Files.readAllBytes(out));
        assertTrue(errors().contains("wrote 5,000 rows"), errors());
        assertTrue(errors().contains("bad rows 9"), errors());
    }

    @Test
    void aDashWritesToStandardOutputAndGzipCompresses() throws IOException {
        assertEquals(0, run("--rows", "1000", "--no-header", "--cut-last-line", "--out", "-"));
        byte[] plain = stdout.toByteArray();
        Path gz = dir.resolve("clicks.csv.gz");
        assertEquals(0, run("--rows", "1000", "--no-header", "--cut-last-line", "--gzip", "--out", gz.toString()));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        assertArrayEquals(GeneratedFile.of(ClickstreamOptions.builder().rows(1_000).header(false).cutLastLine(true)).bytes(), plain);
    }

    @Test
    void usageErrorsExitWithTwoAndExplain() {
        assertEquals(2, run("--rows", "10"));
        assertTrue(errors().contains("--out is required") && errors().contains("Usage:"), errors());
        assertEquals(2, run("--rows", "ten", "--out", "-"));
        assertTrue(errors().contains("--rows needs a whole number, not ten"), errors());
        assertEquals(2, run("--out", "-", "--colour"));
        assertTrue(errors().contains("unknown argument --colour"), errors());
        assertEquals(2, run("--out", "-", "--start", "2019-13-01"));
        assertEquals(2, run("--out", "-", "--rows", "5", "--bad-rows", "6"));
        assertTrue(errors().contains("badRows must be 0..rows"), errors());
        assertEquals(2, run("--out"));
        assertEquals(0, stdout.size());
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(errors().startsWith("Usage: GenerateClickstream"));
    }

    @Test
    void anUnwritableFileExitsWithOne() {
        assertEquals(1, run("--rows", "10", "--out", dir.resolve("missing/clicks.csv").toString()));
        assertTrue(errors().contains("cannot write"), errors());
    }
}
