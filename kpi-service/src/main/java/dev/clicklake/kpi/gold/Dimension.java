package dev.clicklake.kpi.gold;

import java.util.Arrays;
import java.util.Optional;

/** What gold breaks its figures down by: a silver column per day, kept with exact ids per member. */
public enum Dimension {
    /** The first level of the category code ({@code electronics}), 'unknown' where silver has none. */
    MAIN_CATEGORY("main_category", true),
    /** The brand as silver cleaned it, 'unknown' where silver has none. */
    BRAND("brand", true),
    /** The UTC hour of day of event_time, 0..23. */
    HOUR("hour", false);

    private final String parameter;
    private final boolean ranked;

    Dimension(String parameter, boolean ranked) {
        this.parameter = parameter;
        this.ranked = ranked;
    }

    /** The name in requests and in {@code breakdown_id_sets.dimension}. */
    public String parameter() {
        return parameter;
    }

    /**
     * Whether a breakdown keeps only the top members and folds the rest into an "other" row; the hours are
     * few and ordered, so they are all returned, in hour order.
     */
    public boolean ranked() {
        return ranked;
    }

    public static Optional<Dimension> of(String parameter) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst();
    }
}
