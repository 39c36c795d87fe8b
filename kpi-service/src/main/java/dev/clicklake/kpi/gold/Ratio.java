package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios of summed numerators and denominators: exact decimals, rounded half-even, null when undefined. */
public final class Ratio {

    /** Decimal places of a rate (a share of 1). */
    public static final int RATE_SCALE = 6;

    private Ratio() {
    }

    /** {@code numerator / denominator} to {@code scale} places, or null when the denominator is zero. */
    public static BigDecimal of(BigDecimal numerator, long denominator, int scale) {
        if (denominator == 0) {
            return null;
        }
        return numerator.divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }

    /** A rate, {@code numerator / denominator}, or null when the denominator is zero. */
    public static BigDecimal rate(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), denominator, RATE_SCALE);
    }

    /** {@code 1 - numerator / denominator}, or null when the denominator is zero. */
    public static BigDecimal complement(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(denominator - numerator).divide(BigDecimal.valueOf(denominator), RATE_SCALE,
                RoundingMode.HALF_EVEN);
    }
}
