package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/** What a breakdown ranks its members by, largest first (ties by member name). */
public enum Ranking {
    EVENTS("events", Comparator.comparingLong(MemberFigures::events)),
    REVENUE("revenue", Comparator.comparing(MemberFigures::revenue, BigDecimal::compareTo)),
    PURCHASES("purchases", Comparator.comparingLong(MemberFigures::purchases));

    private final String parameter;
    private final Comparator<MemberFigures> order;

    Ranking(String parameter, Comparator<MemberFigures> measure) {
        this.parameter = parameter;
        this.order = measure.reversed().thenComparing(MemberFigures::member);
    }

    public String parameter() {
        return parameter;
    }

    /** Largest first, then by member name. */
    public Comparator<MemberFigures> order() {
        return order;
    }

    public static Optional<Ranking> of(String parameter) {
        return Arrays.stream(values()).filter(r -> r.parameter.equals(parameter)).findFirst();
    }
}
