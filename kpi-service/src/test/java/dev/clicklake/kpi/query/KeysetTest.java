package dev.clicklake.kpi.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetTest {

    private static final GoldTable DAILY = GoldCatalog.byEntitySet("Daily").orElseThrow();

    @Test
    void aKeyOrderIsOneRowComparison() {
        SqlFragment after = Keyset.after(DAILY, GoldQuery.totalOrder(DAILY, List.of()), List.of("rees46", LocalDate.of(2019, 10, 3)));
        assertEquals("(dataset, event_date) > (?, ?)", after.sql());
        assertEquals(List.of("rees46", LocalDate.of(2019, 10, 3)), after.params());
    }

    @Test
    void aNullableDescendingColumnFollowsPostgresNullOrder() {
        List<SortKey> order = GoldQuery.totalOrder(DAILY, List.of(new SortKey("conversion_rate", true)));
        SqlFragment after = Keyset.after(DAILY, order, Arrays.asList(null, "rees46", LocalDate.of(2019, 10, 3)));
        // after a null (first when descending): every non-null, or the other nulls beyond the key
        assertEquals("((conversion_rate IS NOT NULL) OR ((conversion_rate IS NULL) AND (dataset > ?))) OR "
                + "(((conversion_rate IS NULL) AND (dataset = ?)) AND (event_date > ?))", after.sql());
        assertEquals(Arrays.asList("rees46", "rees46", LocalDate.of(2019, 10, 3)), after.params());
    }

    @Test
    void aNullableAscendingColumnPutsNullsLast() {
        List<SortKey> order = GoldQuery.totalOrder(DAILY, List.of(SortKey.ascending("bounce_rate")));
        SqlFragment after = Keyset.after(DAILY, order, Arrays.asList(new java.math.BigDecimal("0.5"), "d", LocalDate.of(2019, 1, 1)));
        assertEquals("(((bounce_rate > ? OR bounce_rate IS NULL)) OR ((bounce_rate = ?) AND (dataset > ?))) OR "
                + "(((bounce_rate = ?) AND (dataset = ?)) AND (event_date > ?))", after.sql());
    }
}
