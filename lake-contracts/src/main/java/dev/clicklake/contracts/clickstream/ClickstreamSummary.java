package dev.clicklake.contracts.clickstream;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one generation run wrote, for printouts and sanity checks.
 *
 * @param rows           complete data lines written (good rows, duplicates and bad rows; not the header or a cut line)
 * @param eventTypes     good rows (duplicates included) by event type
 * @param duplicateRows  rows that repeat the row before them exactly (the surplus copies only)
 * @param badRows        injected broken rows by kind
 * @param sessions       sessions started
 * @param cutLastLine    whether a last line cut mid-field follows the {@code rows} lines
 * @param bytes          bytes written, before any compression the caller adds
 * @param firstEventTime time of the first data row, or {@code null} when there is none
 * @param lastEventTime  time of the last data row, or {@code null} when there is none
 */
public record ClickstreamSummary(
        long rows,
        Map<EventType, Long> eventTypes,
        long duplicateRows,
        Map<BadRowKind, Long> badRows,
        long sessions,
        boolean cutLastLine,
        long bytes,
        Instant firstEventTime,
        Instant lastEventTime) {

    public ClickstreamSummary {
        eventTypes = Collections.unmodifiableMap(new EnumMap<>(eventTypes));
        badRows = Collections.unmodifiableMap(new EnumMap<>(badRows));
    }

    /** Total injected broken rows. */
    public long badRowCount() {
        return badRows.values().stream().mapToLong(Long::longValue).sum();
    }
}
