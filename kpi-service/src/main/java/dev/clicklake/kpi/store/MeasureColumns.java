package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.PeriodFigures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The measure columns every gold table of schema v3 has ({@code daily_kpi}, {@code monthly_kpi},
 * {@code dataset_kpi}), in the order of {@link PeriodFigures}'s components; the sixth, revenue, is NUMERIC.
 */
final class MeasureColumns {

    private static final List<String> NAMES = List.of("events", "views", "carts", "removes", "purchases", "revenue",
            "users", "sessions", "buyers", "viewing_sessions", "carting_sessions", "purchasing_sessions",
            "cart_purchase_sessions", "funnel_cart_sessions", "funnel_purchase_sessions", "session_events",
            "session_duration_us", "bounced_sessions");
    private static final int REVENUE = NAMES.indexOf("revenue");

    /** How many there are. */
    static final int COUNT = NAMES.size();
    /** The columns, comma-separated. */
    static final String LIST = String.join(", ", NAMES);
    /** Each column's sum over a query's rows, 0 over none, comma-separated. */
    static final String SUMS = NAMES.stream()
            .map(name -> "coalesce(sum(" + name + "), " + (name.equals("revenue") ? "0.00" : "0") + ")")
            .collect(Collectors.joining(", "));
    /** One parameter per column, comma-separated. */
    static final String PARAMETERS = NAMES.stream().map(name -> "?").collect(Collectors.joining(", "));

    private MeasureColumns() {
    }

    /** The figures in the {@link #COUNT} columns of {@code row} from {@code first} on. */
    static PeriodFigures read(ResultSet row, int first) throws SQLException {
        long[] counts = new long[COUNT];
        for (int m = 0; m < COUNT; m++) {
            counts[m] = m == REVENUE ? 0 : row.getLong(first + m);
        }
        return new PeriodFigures(counts[0], counts[1], counts[2], counts[3], counts[4],
                row.getBigDecimal(first + REVENUE), counts[6], counts[7], counts[8], counts[9], counts[10], counts[11],
                counts[12], counts[13], counts[14], counts[15], counts[16], counts[17]);
    }

    /** Binds {@code figures} to the {@link #COUNT} parameters of {@code statement} from {@code first} on. */
    static void bind(PreparedStatement statement, int first, PeriodFigures f) throws SQLException {
        long[] counts = {f.events(), f.views(), f.carts(), f.removes(), f.purchases(), 0, f.users(), f.sessions(),
            f.buyers(), f.viewingSessions(), f.cartingSessions(), f.purchasingSessions(), f.cartPurchaseSessions(),
            f.funnelCartSessions(), f.funnelPurchaseSessions(), f.sessionEvents(), f.sessionDurationMicros(),
            f.bouncedSessions()};
        for (int m = 0; m < COUNT; m++) {
            if (m == REVENUE) {
                statement.setBigDecimal(first + m, f.revenue());
            } else {
                statement.setLong(first + m, counts[m]);
            }
        }
    }
}
