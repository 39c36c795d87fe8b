package dev.clicklake.kpi.gold;

/**
 * The measures of {@link PeriodFigures} that do not add up over days (distinct counts, session timing), in the
 * order of the {@code range_corrections} columns: the ones a {@link RangeCorrections} corrects.
 */
public enum CorrectedMeasure {
    USERS("users"),
    BUYERS("buyers"),
    SESSIONS("sessions"),
    VIEWING_SESSIONS("viewing_sessions"),
    CARTING_SESSIONS("carting_sessions"),
    PURCHASING_SESSIONS("purchasing_sessions"),
    CART_PURCHASE_SESSIONS("cart_purchase_sessions"),
    FUNNEL_CART_SESSIONS("funnel_cart_sessions"),
    FUNNEL_PURCHASE_SESSIONS("funnel_purchase_sessions"),
    SESSION_DURATION_US("session_duration_us"),
    BOUNCED_SESSIONS("bounced_sessions");

    /** How many there are: the length of a correction's values. */
    public static final int COUNT = values().length;

    private final String column;

    CorrectedMeasure(String column) {
        this.column = column;
    }

    /** The column of this measure in every gold table. */
    public String column() {
        return column;
    }
}
