package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BadRowInjectionTest {

    private static final String REAL_ROW = "2019-10-01 00:00:04 UTC,view,1004237,2053013555631882655,"
            + "electronics.smartphone,apple,1081.98,535871217,c6bd7419-2748-4c56-95b4-8cec9ff8b80d";

    /** The column each kind breaks, as {@link Rees46Rules#brokenRule} names it. */
    private static final Map<BadRowKind, String> RULE_BROKEN_BY = new EnumMap<>(Map.of(
            BadRowKind.UNPARSEABLE_TIME, "event_time",
            BadRowKind.UNKNOWN_EVENT_TYPE, "event_type",
            BadRowKind.NON_NUMERIC_PRODUCT_ID, "product_id",
            BadRowKind.CATEGORY_ID_AS_DOUBLE, "category_id",
            BadRowKind.NEGATIVE_PRICE, "price",
            BadRowKind.TOO_MANY_PRICE_DECIMALS, "price",
            BadRowKind.MISSING_USER_ID, "user_id",
            BadRowKind.MISSING_FIELD, "field count",
            BadRowKind.EXTRA_FIELD, "field count"));

    @Test
    void eachKindBreaksExactlyItsOwnRuleOnARealRow() {
        assertEquals(Optional.empty(), Rees46Rules.brokenRule(REAL_ROW));
        for (BadRowKind kind : BadRowKind.values()) {
            assertEquals(Optional.of(RULE_BROKEN_BY.get(kind)), Rees46Rules.brokenRule(kind.corrupt(REAL_ROW)), kind.name());
        }
        assertEquals("01/10/2019 00:00:04,view,1004237,2053013555631882655,electronics.smartphone,apple,1081.98,"
                + "535871217,c6bd7419-2748-4c56-95b4-8cec9ff8b80d", BadRowKind.UNPARSEABLE_TIME.corrupt(REAL_ROW));
        assertTrue(BadRowKind.CATEGORY_ID_AS_DOUBLE.corrupt(REAL_ROW).split(",")[3].matches("2\\.05301355563188[0-9]*E18"));
        assertEquals("-1081.98", BadRowKind.NEGATIVE_PRICE.corrupt(REAL_ROW).split(",")[6]);
        assertEquals("1081.985", BadRowKind.TOO_MANY_PRICE_DECIMALS.corrupt(REAL_ROW).split(",")[6]);
    }

    @Test
    void theFileHoldsExactlyTheInjectedBadRowsKindByKind() {
        GeneratedFile file = GeneratedFile.of(ClickstreamOptions.builder().seed(3).rows(50_000).badRows(46));
        Map<String, Long> brokenRules = new HashMap<>();
        for (String line : file.dataLines()) {
            Rees46Rules.brokenRule(line).ifPresent(rule -> brokenRules.merge(rule, 1L, Long::sum));
        }
        Map<String, Long> expected = new HashMap<>();
        file.summary().badRows().forEach((kind, count) -> expected.merge(RULE_BROKEN_BY.get(kind), count, Long::sum));

        assertEquals(50_000, file.dataLines().size());
        assertEquals(46, file.summary().badRowCount());
        assertEquals(expected, brokenRules);
        // 46 bad rows over nine kinds: one kind after another, so each comes five or six times
        file.summary().badRows().values().forEach(count -> assertEquals(5.5, count, 0.5));
    }

    @Test
    void everyRowCanBeBad() {
        GeneratedFile file = GeneratedFile.of(ClickstreamOptions.builder().seed(3).rows(900).badRows(900));
        assertEquals(900, file.dataLines().stream().filter(line -> Rees46Rules.brokenRule(line).isPresent()).count());
        file.summary().badRows().values().forEach(count -> assertEquals(100, count));
    }

    @Test
    void moreBadRowsThanRowsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClickstreamOptions.builder().rows(10).badRows(11).build());
    }
}
