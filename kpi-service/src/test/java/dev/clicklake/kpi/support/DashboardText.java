package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the dashboard's README says figures are written, in Java: counts with thousands separators, money to
 * 2 places, rates as percentages to 4 places (exactly the 6-place served rate), other ratios to 6 places,
 * null as a dash.
 */
public final class DashboardText {

    public static final String NONE = "—";

    private DashboardText() {
    }

    public static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    public static String money(BigDecimal value) {
        return value == null ? NONE : String.format(Locale.US, "%,.2f", value);
    }

    public static String percent(BigDecimal rate) {
        return rate == null ? NONE : String.format(Locale.US, "%,.4f%%", rate.movePointRight(2));
    }

    public static String decimal(BigDecimal value) {
        return value == null ? NONE : String.format(Locale.US, "%,.6f", value);
    }
}
