package dev.clicklake.kpi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The SQL function gold_ratio (V10) rounds exactly as Java's HALF_EVEN, ties included, and is null on a zero denominator. */
@QuarkusTest
class GoldRatioSqlTest {

    @Inject
    DataSource dataSource;

    @Test
    void tiesRoundToEvenAsJavaDoes() throws Exception {
        String[][] cases = {{"1", "128", "6"}, {"3", "128", "6"}, {"-1", "128", "6"}, {"-3", "128", "6"},
                {"10.05", "2", "2"}, {"10.07", "2", "2"}, {"0", "5", "6"}, {"2", "3", "6"}, {"1", "3", "6"},
                {"123456789", "3000000", "6"}, {"5", "1", "6"}};
        for (String[] c : cases) {
            assertEquals(javaRatio(new BigDecimal(c[0]), new BigDecimal(c[1]), Integer.parseInt(c[2])),
                    sqlRatio(new BigDecimal(c[0]), new BigDecimal(c[1]), Integer.parseInt(c[2])), String.join("/", c));
        }
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            BigDecimal numerator = BigDecimal.valueOf(random.nextInt(2_000_000));
            BigDecimal denominator = BigDecimal.valueOf(1 + random.nextInt(1 << (1 + random.nextInt(20))));
            assertEquals(javaRatio(numerator, denominator, 6), sqlRatio(numerator, denominator, 6), numerator + "/" + denominator);
        }
    }

    @Test
    void aZeroDenominatorIsNull() throws Exception {
        assertNull(sqlRatio(BigDecimal.ONE, BigDecimal.ZERO, 6));
    }

    private static BigDecimal javaRatio(BigDecimal numerator, BigDecimal denominator, int places) {
        return numerator.divide(denominator, places, RoundingMode.HALF_EVEN);
    }

    private BigDecimal sqlRatio(BigDecimal numerator, BigDecimal denominator, int places) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT gold_ratio(?, ?, ?)")) {
            statement.setBigDecimal(1, numerator);
            statement.setBigDecimal(2, denominator);
            statement.setInt(3, places);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }
}
