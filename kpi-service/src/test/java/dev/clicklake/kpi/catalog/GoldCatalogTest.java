package dev.clicklake.kpi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoldCatalogTest {

    @Test
    void theFixedNamesOfTheFeedAndTheExport() {
        assertEquals(List.of("Daily", "Monthly", "Datasets", "DailyByCategory", "DailyByBrand", "Hourly", "DailyFunnel"),
                GoldCatalog.TABLES.stream().map(GoldTable::entitySet).toList());
        assertEquals("daily, monthly, datasets, daily-by-category, daily-by-brand, hourly, daily-funnel",
                GoldCatalog.exportNames());
    }

    @Test
    void eachTableServesTheRatiosItHasTheInputsOf() {
        List<String> all = List.of("conversion_rate", "session_conversion_rate", "user_conversion_rate",
                "cart_to_purchase_rate", "cart_abandonment_rate", "view_to_cart_rate", "events_per_session",
                "sessions_per_user", "avg_session_duration_s", "bounce_rate", "avg_purchase_price");
        List<String> breakdown = List.of("conversion_rate", "session_conversion_rate", "user_conversion_rate",
                "cart_to_purchase_rate", "view_to_cart_rate", "sessions_per_user", "avg_purchase_price");
        assertEquals(all, ratios("Daily"));
        assertEquals(all, ratios("Monthly"));
        assertEquals(all, ratios("Datasets"));
        assertEquals(breakdown, ratios("DailyByBrand"));
        assertEquals(breakdown, ratios("Hourly"));
        assertEquals(List.of(), ratios("DailyFunnel"));
        assertEquals("gold_ratio(carting_sessions - cart_purchase_sessions, carting_sessions, 6)",
                GoldCatalog.byEntitySet("Daily").orElseThrow().required("cart_abandonment_rate").expression());
        assertEquals("gold_ratio(session_duration_us, sessions * 1000000, 6)",
                GoldCatalog.byEntitySet("Daily").orElseThrow().required("avg_session_duration_s").expression());
    }

    private static List<String> ratios(String entitySet) {
        return GoldCatalog.byEntitySet(entitySet).orElseThrow().columns().stream()
                .filter(c -> c.expression().startsWith("gold_ratio("))
                .map(GoldColumn::name).toList();
    }
}
