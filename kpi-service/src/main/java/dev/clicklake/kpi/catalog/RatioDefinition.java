package dev.clicklake.kpi.catalog;

import java.util.Set;

/**
 * A per-row ratio of two measures, computed in SQL by {@code gold_ratio} (V10): rounded half-even, null when the
 * denominator is zero (or one of its inputs is null).
 *
 * @param name        the served column name
 * @param numerator   SQL over the row's measures
 * @param denominator SQL over the row's measures
 * @param type        {@link ValueType#RATE} or {@link ValueType#MONEY}
 * @param inputs      the measures it needs; a table serves the ratio only when it has all of them
 */
public record RatioDefinition(String name, String numerator, String denominator, ValueType type, Set<String> inputs) {

    /** The column this ratio adds to a table. */
    public GoldColumn column() {
        return new GoldColumn(name, type, "gold_ratio(" + numerator + ", " + denominator + ", " + type.scale() + ")", true);
    }
}
