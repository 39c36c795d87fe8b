package dev.clicklake.enrich.parquet;

import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.SilverEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A split's cleaned rows staged on local disk, one staging CSV ({@link StagedRowEncoder}) per event date, each
 * in append order. At most {@link #MAX_OPEN} files are open at once (the least recently written is closed,
 * and reopened to append), so a split spanning many dates holds a bounded number of buffers.
 */
final class StagedDates implements AutoCloseable {

    static final int MAX_OPEN = 32;
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path folder;
    private final StagedRowEncoder encoder = new StagedRowEncoder();
    private final Map<LocalDate, long[]> rows = new TreeMap<>();
    private final LinkedHashMap<LocalDate, OutputStream> open = new LinkedHashMap<>(MAX_OPEN, 0.75f, true);
    private IOException closeFailure;
    private int longestLine;

    /** One event date's staging file and how many rows it holds. */
    record StagedDate(LocalDate eventDate, Path file, long rows) {
    }

    StagedDates(Path folder) {
        this.folder = folder;
    }

    void add(SilverEvent event, EventKey key) throws IOException {
        LocalDate date = event.eventDate();
        OutputStream out = open.get(date);
        if (out == null) {
            out = openFor(date);
        }
        byte[] line = encoder.encode(event, key);
        out.write(line, 0, encoder.length());
        longestLine = Math.max(longestLine, encoder.length());
        rows.computeIfAbsent(date, d -> new long[1])[0]++;
    }

    /** Closes every staging file and describes them, by event date in ascending order. */
    List<StagedDate> finish() throws IOException {
        close();
        List<StagedDate> staged = new ArrayList<>();
        rows.forEach((date, count) -> staged.add(new StagedDate(date, fileFor(date), count[0])));
        return staged;
    }

    /** The longest line written, in bytes (line feed included). */
    int longestLine() {
        return longestLine;
    }

    private OutputStream openFor(LocalDate date) throws IOException {
        Path file = fileFor(date);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), BUFFER_BYTES);
        if (open.size() == MAX_OPEN) {
            Map.Entry<LocalDate, OutputStream> eldest = open.entrySet().iterator().next();
            open.remove(eldest.getKey());
            eldest.getValue().close();
        }
        open.put(date, out);
        return out;
    }

    private Path fileFor(LocalDate date) {
        return folder.resolve("staged-" + date + ".csv");
    }

    @Override
    public void close() throws IOException {
        IOException failure = closeFailure;
        for (OutputStream out : open.values()) {
            try {
                out.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        open.clear();
        if (failure != null) {
            closeFailure = failure;
            throw failure;
        }
    }
}
