package dev.clicklake.kpi.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.math.BigDecimal;

/** Compares a served decimal (JSON number, CSV text) with the expected one. */
public final class DecimalAssert {

    private DecimalAssert() {
    }

    /** Equal values (scale aside); null or empty where the expected ratio is undefined. */
    public static void sameDecimal(Object served, BigDecimal expected) {
        if (expected == null) {
            assertThat(served == null ? null : served.toString(), emptyOrNullString());
        } else {
            assertThat(new BigDecimal(served.toString()), comparesEqualTo(expected));
        }
    }
}
