package dev.clicklake.kpi.gold;

import java.sql.SQLException;
import java.time.LocalDate;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** The stored id sets and session facts of one dataset's days, as {@link RangeCorrectionsBuilder} reads them. */
public interface DaySets {

    /** Receives one session's facts of a day. */
    @FunctionalInterface
    interface SessionFactSink {
        void accept(long sessionId, long firstMicros, long lastMicros, long events);
    }

    /** The id sets of {@code date}, which must have them. */
    IdSets day(LocalDate date) throws SQLException;

    /** What {@code date} stored about each of {@code sessions} that it has. */
    void sessionFacts(LocalDate date, Roaring64NavigableMap sessions, SessionFactSink sink) throws SQLException;
}
