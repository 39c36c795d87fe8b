package dev.clicklake.contracts.clickstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A file generated in memory, with its summary, for tests. */
record GeneratedFile(byte[] bytes, ClickstreamSummary summary) {

    static GeneratedFile of(ClickstreamOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ClickstreamSummary summary = new ClickstreamGenerator(options).generate(out);
            return new GeneratedFile(out.toByteArray(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GeneratedFile of(ClickstreamOptions.Builder options) {
        return of(options.build());
    }

    String text() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** All lines, split at LF with any CR removed, and without the empty string after a final newline. */
    List<String> lines() {
        String text = text().replace("\r\n", "\n");
        List<String> lines = Arrays.asList(text.split("\n", -1));
        return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }

    /** The lines after the header (the file must have one). */
    List<String> dataLines() {
        List<String> lines = lines();
        if (!lines.get(0).equals(ClickstreamColumns.HEADER)) {
            throw new AssertionError("no header line: " + lines.get(0));
        }
        return lines.subList(1, lines.size());
    }
}
