package dev.clicklake.enrich.dedupe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The event dates a split claims, written before its first claim: one ISO date a line, ascending. Named by
 * a hash of that content, so that a split processed again with the same dates finds its own list, and one
 * whose dates changed (another rule set, another record limit) adds a second list instead of contradicting
 * the first.
 */
final class ClaimedDatesFile {

    private static final String SUFFIX = ".dates";

    private ClaimedDatesFile() {
    }

    static byte[] content(Collection<LocalDate> dates) {
        return new TreeSet<>(dates).stream().map(date -> date + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8);
    }

    static String name(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(hash, 0, 16) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static SortedSet<LocalDate> read(InputStream in) throws IOException {
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                try {
                    dates.add(LocalDate.parse(line));
                } catch (DateTimeParseException e) {
                    throw new IOException("not a claimed-dates file: " + line, e);
                }
            }
        }
        return dates;
    }
}
