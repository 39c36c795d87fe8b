package dev.clicklake.kpi.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One day's session facts ({@code daily_session_facts}: per numbered session its first and last event time and its
 * events that day) as the CSV file that {@link IdSetsRepository#replaceDay} hands to PostgreSQL's COPY, written as
 * the sessions stream out of the day's scan, so memory holds none of them.
 */
public final class SessionFactsCsv implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private final String prefix;
    private long rows;

    /** Writes to {@code folder}/session-facts.csv. */
    public SessionFactsCsv(String dataset, LocalDate date, Path folder) throws IOException {
        this.file = folder.resolve("session-facts.csv");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.prefix = '"' + dataset.replace("\"", "\"\"") + "\"," + date + ",";
    }

    public void add(long sessionId, long firstMicros, long lastMicros, long events) {
        try {
            out.append(prefix).append(Long.toString(sessionId)).append(',').append(Long.toString(firstMicros))
                    .append(',').append(Long.toString(lastMicros)).append(',').append(Long.toString(events))
                    .append('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session facts of " + file, e);
        }
    }

    /** The file, whole once this is closed. */
    public Path file() {
        return file;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
