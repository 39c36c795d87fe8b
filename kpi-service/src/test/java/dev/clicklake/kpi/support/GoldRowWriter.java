package dev.clicklake.kpi.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Inserts, updates and deletes gold rows directly with SQL, as the gold writer would, for the read-side tests. */
public final class GoldRowWriter {

    private final DataSource dataSource;

    public GoldRowWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts one row of {@code table}: column name to value, in order. */
    public void insert(String table, Map<String, Object> row) throws Exception {
        String columns = String.join(", ", row.keySet());
        String params = String.join(", ", Collections.nCopies(row.size(), "?"));
        execute("INSERT INTO " + table + " (" + columns + ") VALUES (" + params + ")", row.values().toArray());
    }

    /** Runs one statement with its parameters. */
    public int execute(String sql, Object... params) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Deletes every row of {@code dataset} from the gold tables. */
    public void clear(String dataset) throws Exception {
        for (String table : new String[] {"daily_kpi", "monthly_kpi", "dataset_kpi", "daily_category_kpi", "daily_brand_kpi", "hourly_kpi"}) {
            execute("DELETE FROM " + table + " WHERE dataset = ?", dataset);
        }
    }

    /** A map literal that keeps its order. */
    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
