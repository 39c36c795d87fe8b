package dev.clicklake.kpi.catalog;

import java.util.List;
import java.util.Set;

/** The ratio definitions of the KPI contract (kpi-service README), as SQL over a row's measures. */
public final class Ratios {

    /** Every ratio, in the order tables serve them. */
    public static final List<RatioDefinition> ALL = List.of(
            rate("conversion_rate", "purchases", "sessions"),
            rate("session_conversion_rate", "purchasing_sessions", "sessions"),
            rate("user_conversion_rate", "buyers", "users"),
            rate("cart_to_purchase_rate", "purchases", "carts"),
            new RatioDefinition("cart_abandonment_rate", "carting_sessions - cart_purchase_sessions", "carting_sessions",
                    ValueType.RATE, Set.of("carting_sessions", "cart_purchase_sessions")),
            rate("view_to_cart_rate", "carts", "views"),
            rate("events_per_session", "session_events", "sessions"),
            rate("sessions_per_user", "sessions", "users"),
            new RatioDefinition("avg_session_duration_s", "session_duration_us", "sessions * 1000000",
                    ValueType.RATE, Set.of("session_duration_us", "sessions")),
            rate("bounce_rate", "bounced_sessions", "sessions"),
            new RatioDefinition("avg_purchase_price", "revenue", "purchases", ValueType.MONEY, Set.of("revenue", "purchases")));

    private Ratios() {
    }

    /** The ratios whose inputs are all among {@code measures}. */
    public static List<RatioDefinition> computableFrom(Set<String> measures) {
        return ALL.stream().filter(ratio -> measures.containsAll(ratio.inputs())).toList();
    }

    private static RatioDefinition rate(String name, String numerator, String denominator) {
        return new RatioDefinition(name, numerator, denominator, ValueType.RATE, Set.of(numerator, denominator));
    }
}
