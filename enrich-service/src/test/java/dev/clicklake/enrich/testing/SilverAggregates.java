package dev.clicklake.enrich.testing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;

/**
 * A few figures of a set of clickstream events, computed two independent ways: from the CSV text with
 * plain string handling ({@link #ofCsv}), and from silver Parquet files with DuckDB ({@link #ofParquet}).
 */
public record SilverAggregates(
        long rows,
        Map<String, Long> byType,
        Map<String, Long> byDate,
        BigDecimal priceSum,
        long users,
        long sessions,
        long noSession,
        long unknownBrand,
        long unknownCategory,
        String firstTime,
        String lastTime) {

    /** The figures of canonical good lines (each taken as given: dedupe first), by string handling only. */
    public static SilverAggregates ofCsv(List<String> goodLines) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byDate = new TreeMap<>();
        BigDecimal priceSum = BigDecimal.ZERO.setScale(2);
        Set<String> users = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        long noSession = 0;
        long unknownBrand = 0;
        long unknownCategory = 0;
        String first = null;
        String last = null;
        for (String line : goodLines) {
            String[] f = line.split(",", -1);
            byType.merge(f[1], 1L, Long::sum);
            byDate.merge(f[0].substring(0, 10), 1L, Long::sum);
            priceSum = priceSum.add(new BigDecimal(f[6]));
            users.add(f[7]);
            if (f[8].isEmpty()) {
                noSession++;
            } else {
                sessions.add(f[8]);
            }
            unknownBrand += f[5].isEmpty() ? 1 : 0;
            unknownCategory += f[4].isEmpty() ? 1 : 0;
            first = first == null || f[0].compareTo(first) < 0 ? f[0] : first;
            last = last == null || f[0].compareTo(last) > 0 ? f[0] : last;
        }
        return new SilverAggregates(goodLines.size(), byType, byDate, priceSum, users.size(), sessions.size(), noSession,
                unknownBrand, unknownCategory, first, last);
    }

    /** The same figures from silver Parquet files, read by DuckDB. */
    public static SilverAggregates ofParquet(List<Path> files) throws SQLException {
        String source = "read_parquet([" + files.stream().map(f -> "'" + f.toAbsolutePath() + "'")
                .collect(Collectors.joining(", ")) + "])";
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            Map<String, Long> byType = groups(statement, "SELECT event_type, count(*) FROM " + source + " GROUP BY 1");
            Map<String, Long> byDate = groups(statement,
                    "SELECT strftime(event_time, '%Y-%m-%d'), count(*) FROM " + source + " GROUP BY 1");
            try (ResultSet r = statement.executeQuery("SELECT count(*), sum(price)::VARCHAR, count(DISTINCT user_id),"
                    + " count(DISTINCT user_session), count(*) FILTER (WHERE user_session IS NULL),"
                    + " count(*) FILTER (WHERE brand = 'unknown'), count(*) FILTER (WHERE category_code = 'unknown'),"
                    + " strftime(min(event_time), '%Y-%m-%d %H:%M:%S UTC'), strftime(max(event_time), '%Y-%m-%d %H:%M:%S UTC')"
                    + " FROM " + source)) {
                r.next();
                return new SilverAggregates(r.getLong(1), byType, byDate,
                        r.getString(2) == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(r.getString(2)),
                        r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7), r.getString(8), r.getString(9));
            }
        }
    }

    private static Map<String, Long> groups(Statement statement, String sql) throws SQLException {
        Map<String, Long> groups = new TreeMap<>();
        try (ResultSet r = statement.executeQuery(sql)) {
            while (r.next()) {
                groups.put(r.getString(1), r.getLong(2));
            }
        }
        return groups;
    }
}
