package dev.clicklake.kpi.gold;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** What a period is compared against. */
public enum ComparisonBasis {
    /** The period of equal length just before it: [from - (to - from), from). */
    PREVIOUS_PERIOD("previous-period"),
    /**
     * The same days one calendar month earlier: [from - 1 month, to - 1 month), so a whole month is compared with
     * the whole month before it (month over month) and the 1st-15th with the 1st-15th before. Days past a shorter
     * month's end fall on its last day (March 31 -> February 28).
     */
    PREVIOUS_MONTH("previous-month");

    private final String parameter;

    ComparisonBasis(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code against} query parameter that names it. */
    public String parameter() {
        return parameter;
    }

    /** The basis named {@code parameter}, if any. */
    public static Optional<ComparisonBasis> named(String parameter) {
        return Arrays.stream(values()).filter(basis -> basis.parameter.equals(parameter)).findFirst();
    }

    /** The period [from, to) is compared with: its first day, and the day after its last. */
    public LocalDate[] previous(LocalDate from, LocalDate to) {
        return switch (this) {
            case PREVIOUS_PERIOD -> new LocalDate[] {from.minusDays(ChronoUnit.DAYS.between(from, to)), from};
            case PREVIOUS_MONTH -> new LocalDate[] {from.minusMonths(1), to.minusMonths(1)};
        };
    }
}
