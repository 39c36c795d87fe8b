package dev.clicklake.kpi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.kpi.gold.RangeFigures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import javax.sql.DataSource;

/** What another replica's gold build tells this one, and waiting for this one to listen. */
public final class GoldChanges {

    private GoldChanges() {
    }

    /** Sends the notice a gold build of {@code dataset} sends at its commit. */
    public static void announce(DataSource database, String dataset) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement notice = connection.prepareStatement("SELECT pg_notify('clicklake_gold_changed', ?)")) {
            notice.setString(1, dataset);
            notice.execute();
        }
    }

    /**
     * Adds {@code events} to the stored events of {@code dataset}'s day {@code date}, without the notice a gold
     * build sends: only a replica that reads gold anew sees it.
     */
    public static void addEventsUnannounced(DataSource database, String dataset, LocalDate date, long events)
            throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE daily_kpi SET events = events + ? WHERE dataset = ? AND event_date = ?")) {
            update.setLong(1, events);
            update.setString(2, dataset);
            update.setObject(3, date);
            assertEquals(1, update.executeUpdate(), "one day row of " + dataset + " on " + date);
        }
    }

    /** Waits (up to 30 s) until the replica serves ranges from memory, listening to gold changes. */
    public static void awaitListening(RangeFigures ranges) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ranges.listening() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(ranges.listening(), "the replica listens to gold changes");
    }
}
