package dev.clicklake.enrich.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.clickstream.BadRowKind;
import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SilverRulesTest {

    private static final String GOOD = "2019-10-01 00:00:04 UTC,view,1004237,2053013555631882655,electronics.smartphone,"
            + "apple,1081.98,535871217,c6bd7419-2748-4c56-95b4-8cec9ff8b80d";

    private final SilverRules rules = new SilverRules(new ColumnOrder(ClickstreamColumns.NAMES));

    @Test
    void cleansAGoodRow() {
        SilverEvent event = clean(GOOD);

        assertEquals(Instant.parse("2019-10-01T00:00:04Z"), event.eventTime());
        assertEquals("view", event.eventType());
        assertEquals(1004237L, event.productId());
        assertEquals(2053013555631882655L, event.categoryId());
        assertEquals("electronics.smartphone", event.categoryCode());
        assertEquals("electronics", event.mainCategory());
        assertEquals("smartphone", event.subCategory());
        assertEquals("unknown", event.itemCategory());
        assertEquals("apple", event.brand());
        assertEquals(new BigDecimal("1081.98"), event.price());
        assertEquals(535871217L, event.userId());
        assertEquals("c6bd7419-2748-4c56-95b4-8cec9ff8b80d", event.userSession());
        assertEquals(LocalDate.of(2019, 10, 1), event.eventDate());
        assertEquals(0, event.eventHour());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2019-10-31 23:59:59 UTC   | 2019-10-31T23:59:59Z",
        "' 2019-10-01 00:00:04 UTC '| 2019-10-01T00:00:04Z",
        "2020-02-29 12:00:00 UTC   | 2020-02-29T12:00:00Z",
        "2019-10-01T00:00:04Z      | 2019-10-01T00:00:04Z",
        "2019-11-01T01:30:00+02:00 | 2019-10-31T23:30:00Z",
        "2019-10-01T00:00:04.25-01:00 | 2019-10-01T01:00:04.25Z",
    })
    void readsEventTimesInTheReesAndIsoFormsAsUtc(String raw, String expected) {
        assertEquals(Instant.parse(expected), clean(withField(ClickstreamColumns.EVENT_TIME_INDEX, raw)).eventTime());
    }

    @Test
    void derivesTheUtcDateAndHourFromAnOffsetTime() {
        SilverEvent event = clean(withField(ClickstreamColumns.EVENT_TIME_INDEX, "2019-11-01T01:30:00+02:00"));

        assertEquals(LocalDate.of(2019, 10, 31), event.eventDate());
        assertEquals(23, event.eventHour());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "01/10/2019 00:00:04",
        "2019-10-01 00:00:04",
        "2019-10-01 00:00:04 CET",
        "2019-02-30 00:00:00 UTC",
        "2019-13-01 00:00:00 UTC",
        "2019-10-01 24:00:00 UTC",
        "2019-10-01 00:60:00 UTC",
        "2019-1O-01 00:00:00 UTC",
        "2019-10-01T00:00:04",
        "''",
    })
    void quarantinesUnreadableEventTimes(String raw) {
        assertRejected(withField(ClickstreamColumns.EVENT_TIME_INDEX, raw), Rule.EVENT_TIME_FORMAT);
    }

    @ParameterizedTest
    @CsvSource({"0000-12-31 23:59:59 UTC", "+10000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00"})
    void quarantinesEventTimesOutsideTheYearsOneToNineThousandNineHundredNinetyNine(String raw) {
        assertRejected(withField(ClickstreamColumns.EVENT_TIME_INDEX, raw), Rule.EVENT_TIME_RANGE);
    }

    @ParameterizedTest
    @CsvSource({"view,view", "' VIEW ',view", "Cart,cart", "remove_from_cart,remove_from_cart", "PURCHASE,purchase"})
    void trimsAndLowerCasesEventTypes(String raw, String expected) {
        assertEquals(expected, clean(withField(ClickstreamColumns.EVENT_TYPE_INDEX, raw)).eventType());
    }

    @ParameterizedTest
    @CsvSource(value = {"click", "''", "remove-from-cart", "views"})
    void quarantinesUnknownEventTypes(String raw) {
        assertRejected(withField(ClickstreamColumns.EVENT_TYPE_INDEX, raw), Rule.EVENT_TYPE_UNKNOWN);
    }

    @Test
    void readsIdsAsExact64BitIntegers() {
        SilverEvent event = clean(withFields(Map.of(
                ClickstreamColumns.PRODUCT_ID_INDEX, " 9223372036854775807 ",
                ClickstreamColumns.CATEGORY_ID_INDEX, "2053013555631882655",
                ClickstreamColumns.USER_ID_INDEX, "0")));

        assertEquals(Long.MAX_VALUE, event.productId());
        assertEquals(2053013555631882655L, event.categoryId()); // above 2^53: a double would give ...2656
        assertEquals(0L, event.userId());
    }

    @Test
    void acceptsANegativeCategoryIdAsAnyOther64BitInteger() {
        assertEquals(-5L, clean(withField(ClickstreamColumns.CATEGORY_ID_INDEX, "-5")).categoryId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2 | x1004237     | PRODUCT_ID_INVALID",
        "2 | ''           | PRODUCT_ID_INVALID",
        "2 | 1.5          | PRODUCT_ID_INVALID",
        "2 | 9223372036854775808 | PRODUCT_ID_INVALID",
        "2 | -1           | PRODUCT_ID_NEGATIVE",
        "7 | ''           | USER_ID_INVALID",
        "7 | 5e3          | USER_ID_INVALID",
        "7 | -535871217   | USER_ID_NEGATIVE",
        "3 | 2.053013555631883E18 | CATEGORY_ID_INVALID",
        "3 | ''           | CATEGORY_ID_INVALID",
        "3 | 20530135556318826550 | CATEGORY_ID_INVALID",
    })
    void quarantinesBadIds(int column, String raw, Rule rule) {
        assertRejected(withField(column, raw), rule);
    }

    @ParameterizedTest
    @CsvSource({"35.79,35.79", "0,0.00", "0.00,0.00", "35.7,35.70", "35,35.00", "35.790,35.79", "-0.00,0.00",
        "' 12.00 ',12.00", "0001.50,1.50", "9999999999.99,9999999999.99", "2574.07,2574.07"})
    void readsPricesAsExactDecimalsWithTwoPlaces(String raw, String expected) {
        BigDecimal price = clean(withField(ClickstreamColumns.PRICE_INDEX, raw)).price();

        assertEquals(new BigDecimal(expected), price);
        assertEquals(2, price.scale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-35.79        | PRICE_NEGATIVE",
        "-0.01         | PRICE_NEGATIVE",
        "35.795        | PRICE_SCALE",
        "0.001         | PRICE_SCALE",
        "abc           | PRICE_INVALID",
        "''            | PRICE_INVALID",
        "1e3           | PRICE_INVALID",
        ".5            | PRICE_INVALID",
        "5.            | PRICE_INVALID",
        "1.2.3         | PRICE_INVALID",
        "+5            | PRICE_INVALID",
        "'1 000.00'    | PRICE_INVALID",
        "10000000000.00 | PRICE_RANGE",
        "123456789012345678901234567890 | PRICE_RANGE",
    })
    void quarantinesBadPrices(String raw, Rule rule) {
        assertRejected(withField(ClickstreamColumns.PRICE_INDEX, raw), rule);
    }

    @ParameterizedTest
    @CsvSource({"' Samsung ',samsung", "LG,lg", "'',unknown", "'   ',unknown"})
    void trimsAndLowerCasesBrandsWithUnknownForNone(String raw, String expected) {
        assertEquals(expected, clean(withField(ClickstreamColumns.BRAND_INDEX, raw)).brand());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | unknown                             | unknown     | unknown | unknown",
        "' '                                 | unknown                             | unknown     | unknown | unknown",
        "electronics                         | electronics                         | electronics | unknown | unknown",
        "' appliances.kitchen.Mixer '        | appliances.kitchen.Mixer            | appliances  | kitchen | Mixer",
        "a.b.c.d                             | a.b.c.d                             | a           | b       | c",
        "a..c                                | a..c                                | a           | unknown | c",
        "a.                                  | a.                                  | a           | unknown | unknown",
    })
    void trimsCategoryCodesAndSplitsTheirFirstThreeLevels(String raw, String code, String main, String sub, String item) {
        SilverEvent event = clean(withField(ClickstreamColumns.CATEGORY_CODE_INDEX, raw));

        assertEquals(List.of(code, main, sub, item),
                List.of(event.categoryCode(), event.mainCategory(), event.subCategory(), event.itemCategory()));
    }

    @Test
    void keepsARowWithoutSessionWithANullSession() {
        assertNull(clean(withField(ClickstreamColumns.USER_SESSION_INDEX, "")).userSession());
        assertNull(clean(withField(ClickstreamColumns.USER_SESSION_INDEX, "  ")).userSession());
        assertEquals("abc", clean(withField(ClickstreamColumns.USER_SESSION_INDEX, " abc ")).userSession());
    }

    @Test
    void quarantinesRowsWithTheWrongNumberOfFields() {
        assertRejected(GOOD.substring(0, GOOD.lastIndexOf(',')), Rule.ROW_FIELD_COUNT);
        assertRejected(GOOD + ",extra", Rule.ROW_FIELD_COUNT);
        assertRejected("", Rule.ROW_FIELD_COUNT);
        RowResult.Rejected rejected = (RowResult.Rejected) rules.apply(record("a,b"));
        assertEquals("expected 9 fields, found 2", rejected.detail());
    }

    @Test
    void quarantinesRecordsTheReaderCouldNotReadWhole() {
        List<String> fields = Arrays.asList(GOOD.split(",", -1));
        assertRejected(new CsvRecord(1, GOOD, fields, CsvRecord.Problem.UNTERMINATED_QUOTE), Rule.ROW_UNTERMINATED_QUOTE);
        assertRejected(new CsvRecord(1, GOOD, fields, CsvRecord.Problem.TOO_LONG), Rule.ROW_TOO_LONG);
    }

    @Test
    void readsColumnsInTheFilesDeclaredOrder() {
        SilverRules reversedRules = new SilverRules(new ColumnOrder(reversed(ClickstreamColumns.NAMES)));
        String row = String.join(",", reversed(Arrays.asList(GOOD.split(",", -1))));

        assertEquals(clean(GOOD), ((RowResult.Cleaned) reversedRules.apply(record(row))).event());
    }

    @ParameterizedTest
    @EnumSource(BadRowKind.class)
    void quarantinesEveryKindOfBadRowTheGeneratorInjects(BadRowKind kind) {
        Rule expected = switch (kind) {
            case UNPARSEABLE_TIME -> Rule.EVENT_TIME_FORMAT;
            case UNKNOWN_EVENT_TYPE -> Rule.EVENT_TYPE_UNKNOWN;
            case NON_NUMERIC_PRODUCT_ID -> Rule.PRODUCT_ID_INVALID;
            case CATEGORY_ID_AS_DOUBLE -> Rule.CATEGORY_ID_INVALID;
            case NEGATIVE_PRICE -> Rule.PRICE_NEGATIVE;
            case TOO_MANY_PRICE_DECIMALS -> Rule.PRICE_SCALE;
            case MISSING_USER_ID -> Rule.USER_ID_INVALID;
            case MISSING_FIELD, EXTRA_FIELD -> Rule.ROW_FIELD_COUNT;
        };
        assertRejected(kind.corrupt(GOOD), expected);
    }

    @Test
    void saysWhatWasWrongWithTheValue() {
        RowResult.Rejected rejected = (RowResult.Rejected) rules.apply(record(withField(ClickstreamColumns.PRICE_INDEX, "-3.50")));

        assertTrue(rejected.detail().contains("'-3.50'"), rejected.detail());
    }

    private SilverEvent clean(String row) {
        return assertInstanceOf(RowResult.Cleaned.class, rules.apply(record(row)), row).event();
    }

    private void assertRejected(String row, Rule rule) {
        assertRejected(record(row), rule);
    }

    private void assertRejected(CsvRecord record, Rule rule) {
        RowResult result = rules.apply(record);
        assertEquals(rule, assertInstanceOf(RowResult.Rejected.class, result, record.text()).rule(), record.text());
    }

    private static List<String> reversed(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.reverse(copy);
        return copy;
    }

    private static CsvRecord record(String row) {
        return new CsvRecord(1, row, Arrays.asList(row.split(",", -1)), null);
    }

    private static String withField(int column, String value) {
        return withFields(Map.of(column, value));
    }

    private static String withFields(Map<Integer, String> values) {
        String[] fields = GOOD.split(",", -1);
        values.forEach((column, value) -> fields[column] = value);
        return String.join(",", fields);
    }
}
