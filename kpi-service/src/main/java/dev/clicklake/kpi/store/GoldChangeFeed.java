package dev.clicklake.kpi.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every kpi-service replica which dataset's gold changed, through PostgreSQL's LISTEN/NOTIFY: a gold build
 * {@link #announce}s its dataset inside its transaction, and PostgreSQL delivers the notice to every listener
 * when, and only if, that transaction commits.
 */
@ApplicationScoped
public class GoldChangeFeed {

    /** The notification channel; the payload is the dataset. */
    static final String CHANNEL = "clicklake_gold_changed";
    private static final int POLL_MILLIS = 1000;

    private final AgroalDataSource database;

    GoldChangeFeed(AgroalDataSource database) {
        this.database = database;
    }

    /** Announces, at the commit of the current transaction, that {@code dataset}'s gold changed. */
    public void announce(String dataset) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            notify.setString(1, dataset);
            notify.execute();
        }
    }

    /**
     * Listens on one connection of its own, held until {@code running} turns false or the connection fails (then
     * throws): calls {@code listening} once the LISTEN is in place, then {@code changed} with each announced
     * dataset, as they arrive.
     */
    public void listen(BooleanSupplier running, Runnable listening, Consumer<String> changed) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            listening.run();
            PGConnection notices = connection.unwrap(PGConnection.class);
            while (running.getAsBoolean()) {
                PGNotification[] arrived = notices.getNotifications(POLL_MILLIS);
                for (int i = 0; arrived != null && i < arrived.length; i++) {
                    changed.accept(arrived[i].getParameter());
                }
            }
        }
    }
}
