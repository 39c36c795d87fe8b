package dev.clicklake.enrich.parquet;

import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.EventKeySet;
import dev.clicklake.enrich.pipeline.SilverEvent;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * A split's cleaned rows staged on local disk, per event date, in append order: the rows as lines of a staging
 * CSV ({@link StagedRowEncoder}), and beside it each row's event key and line length (20 bytes a row), so that
 * the rows of some keys can be left out afterwards without DuckDB reading keys. At most {@link #MAX_OPEN} dates
 * have their files open at once (the least recently written are closed, and reopened to append), so a split
 * spanning many dates holds a bounded number of buffers.
 */
final class StagedDates implements AutoCloseable {

    static final int MAX_OPEN = 32;
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int KEY_RECORD_BYTES = 20;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Path folder;
    private final StagedRowEncoder encoder = new StagedRowEncoder();
    private final byte[] keyRecord = new byte[KEY_RECORD_BYTES];
    private final Map<LocalDate, Stage> stages = new TreeMap<>();
    private final LinkedHashMap<LocalDate, Stage> open = new LinkedHashMap<>(MAX_OPEN, 0.75f, true);
    private Stage last;
    private int longestLine;

    /** One event date's staging CSV and how many rows it holds. */
    record StagedDate(LocalDate eventDate, Path file, long rows) {
    }

    StagedDates(Path folder) {
        this.folder = folder;
    }

    void add(SilverEvent event, EventKey key) throws IOException {
        LocalDate date = event.eventDate();
        if (last == null || !date.equals(last.date)) { // rows mostly come in time order: one lookup per change of date
            last = stages.computeIfAbsent(date, Stage::new);
            if (open.get(date) == null) {
                reopen(last);
            }
        }
        byte[] line = encoder.encode(event);
        int length = encoder.length();
        last.rows.write(line, 0, length);
        LONG.set(keyRecord, 0, key.hi());
        LONG.set(keyRecord, 8, key.lo());
        INT.set(keyRecord, 16, length);
        last.keys.write(keyRecord);
        last.count++;
        longestLine = Math.max(longestLine, length);
    }

    /** Closes every staging file and describes them, by event date in ascending order. */
    List<StagedDate> finish() throws IOException {
        close();
        List<StagedDate> staged = new ArrayList<>();
        for (Stage stage : stages.values()) {
            staged.add(new StagedDate(stage.date, stage.rowsFile, stage.count));
        }
        return staged;
    }

    /**
     * Writes the staged rows of one date whose key {@code leaveOut} does not hold to a new staging CSV, in the
     * same order; call after {@link #finish}.
     */
    StagedDate without(StagedDate staged, EventKeySet leaveOut) throws IOException {
        Stage stage = stages.get(staged.eventDate());
        Path kept = stage.keptFile;
        long keptRows = 0;
        byte[] record = new byte[KEY_RECORD_BYTES];
        byte[] line = new byte[Math.max(longestLine, 1)];
        try (InputStream rows = new BufferedInputStream(Files.newInputStream(stage.rowsFile), BUFFER_BYTES);
                InputStream keys = new BufferedInputStream(Files.newInputStream(stage.keysFile), BUFFER_BYTES);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(kept), BUFFER_BYTES)) {
            for (long row = 0; row < stage.count; row++) {
                readFully(keys, record, KEY_RECORD_BYTES);
                int length = (int) INT.get(record, 16);
                readFully(rows, line, length);
                if (!leaveOut.contains(new EventKey((long) LONG.get(record, 0), (long) LONG.get(record, 8)))) {
                    out.write(line, 0, length);
                    keptRows++;
                }
            }
        }
        return new StagedDate(stage.date, kept, keptRows);
    }

    /** Deletes a date's staging files once they are no longer needed: they take about as much disk as the split. */
    void discard(LocalDate date) throws IOException {
        Stage stage = stages.get(date);
        Files.deleteIfExists(stage.rowsFile);
        Files.deleteIfExists(stage.keysFile);
        Files.deleteIfExists(stage.keptFile);
    }

    /** The longest line written, in bytes (line feed included). */
    int longestLine() {
        return longestLine;
    }

    private void reopen(Stage stage) throws IOException {
        if (open.size() == MAX_OPEN) {
            // never the date written last: it was used after every other open one
            Stage eldest = open.remove(open.keySet().iterator().next());
            eldest.closeFiles();
        }
        stage.rows = append(stage.rowsFile);
        stage.keys = append(stage.keysFile);
        open.put(stage.date, stage);
    }

    private static OutputStream append(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                BUFFER_BYTES);
    }

    private static void readFully(InputStream in, byte[] into, int length) throws IOException {
        if (in.readNBytes(into, 0, length) != length) {
            throw new EOFException("a staging file ends early");
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Stage stage : open.values()) {
            try {
                stage.closeFiles();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        open.clear();
        last = null;
        if (failure != null) {
            throw failure;
        }
    }

    /** One date's staging files, and how many rows they hold. */
    private final class Stage {
        private final LocalDate date;
        private final Path rowsFile;
        private final Path keysFile;
        private final Path keptFile;
        private OutputStream rows;
        private OutputStream keys;
        private long count;

        private Stage(LocalDate date) {
            this.date = date;
            this.rowsFile = folder.resolve("staged-" + date + ".csv");
            this.keysFile = folder.resolve("staged-" + date + ".keys");
            this.keptFile = folder.resolve("staged-" + date + "-kept.csv");
        }

        private void closeFiles() throws IOException {
            try (OutputStream closingRows = rows; OutputStream closingKeys = keys) {
                rows = null;
                keys = null;
            }
        }
    }
}
