package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every generated row follows the REES46 rules, checked on 100,000 rows with the default options. */
class ClickstreamRowFormatTest {

    private static GeneratedFile file;
    private static List<Rees46Rules.Row> rows;

    @BeforeAll
    static void generate() {
        file = GeneratedFile.of(ClickstreamOptions.builder().seed(11).rows(100_000));
        rows = file.dataLines().stream().map(Rees46Rules::parse).toList();
    }

    @AfterAll
    static void release() {
        file = null;
        rows = null;
    }

    @Test
    void theHeaderNamesTheNineColumnsInOrder() {
        assertEquals("event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
                file.lines().get(0));
        assertEquals(100_000, rows.size());
    }

    @Test
    void rowsAreSortedByTimeInsideTheWindowAndManyShareASecond() {
        LocalDateTime start = LocalDate.of(2019, 10, 1).atStartOfDay();
        LocalDateTime end = start.plusDays(31);
        int sharingASecond = 0;
        for (int i = 0; i < rows.size(); i++) {
            LocalDateTime time = rows.get(i).time();
            assertTrue(!time.isBefore(start) && time.isBefore(end), time::toString);
            if (i > 0) {
                LocalDateTime previous = rows.get(i - 1).time();
                assertTrue(!time.isBefore(previous), () -> previous + " before " + time);
                sharingASecond += time.equals(previous) ? 1 : 0;
            }
        }
        assertTrue(sharingASecond > 1_000, "rows sharing a second with the previous one: " + sharingASecond);
    }

    @Test
    void categoryIdsAreNineteenDigitIntegersAboveTwoToThe53KeptExactly() {
        long lostByDouble = 0;
        for (String line : file.dataLines()) {
            String text = line.split(",", -1)[ClickstreamColumns.CATEGORY_ID_INDEX];
            long id = Long.parseLong(text);
            assertEquals(19, text.length(), text);
            assertTrue(id > 1L << 53, text);
            assertEquals(text, Long.toString(id));
            lostByDouble += (long) (double) id != id ? 1 : 0;
        }
        assertTrue(lostByDouble > rows.size() / 2, "ids a double cannot hold: " + lostByDouble);
    }

    @Test
    void pricesAreNonNegativeWithTwoDecimalsUpToTheReesMaximumAndZeroOnlyOnViews() {
        long zeroes = 0;
        for (Rees46Rules.Row row : rows) {
            assertTrue(row.priceCents() >= 0 && row.priceCents() <= 257_407, row::toString);
            if (row.priceCents() == 0) {
                zeroes++;
                assertEquals(EventType.VIEW, row.type(), row::toString);
            }
        }
        assertTrue(zeroes > 0, "some views show a zero price");
        double meanPrice = rows.stream().mapToLong(Rees46Rules.Row::priceCents).average().orElseThrow() / 100;
        assertTrue(meanPrice > 150 && meanPrice < 450, "mean price " + meanPrice);
    }

    @Test
    void aProductKeepsItsCategoryAndBrandAndMostlyItsPrice() {
        Map<Long, String> descriptionById = new HashMap<>();
        Map<Long, Map<Long, Long>> priceCountsById = new HashMap<>();
        for (Rees46Rules.Row row : rows) {
            String description = row.categoryId() + "," + row.categoryCode() + "," + row.brand();
            String known = descriptionById.putIfAbsent(row.productId(), description);
            assertTrue(known == null || known.equals(description), () -> row.productId() + ": " + known + " / " + description);
            priceCountsById.computeIfAbsent(row.productId(), id -> new HashMap<>()).merge(row.priceCents(), 1L, Long::sum);
        }
        long atUsualPrice = priceCountsById.values().stream()
                .mapToLong(counts -> counts.values().stream().mapToLong(Long::longValue).max().orElseThrow()).sum();
        assertTrue(atUsualPrice > rows.size() * 0.9, "rows at their product's most frequent price: " + atUsualPrice);
    }

    @Test
    void categoryCodesHaveTwoToFourLevelsAndBrandsAreLowerCase() {
        Map<Integer, Long> levels = rows.stream().map(Rees46Rules.Row::categoryCode).filter(code -> !code.isEmpty())
                .collect(Collectors.groupingBy(code -> code.split("\\.").length, Collectors.counting()));
        assertEquals(List.of(2, 3, 4), levels.keySet().stream().sorted().toList());
        assertTrue(rows.stream().map(Rees46Rules.Row::brand).allMatch(brand -> brand.matches("[a-z0-9]*")));
    }

    @Test
    void sessionIdsAreVersion4UuidsOrRarelyEmpty() {
        Pattern v4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        long empty = rows.stream().filter(row -> row.session().isEmpty()).count();
        assertTrue(rows.stream().map(Rees46Rules.Row::session).allMatch(s -> s.isEmpty() || v4.matcher(s).matches()));
        assertTrue(empty < 50, "empty sessions: " + empty);
        GeneratedFile manyEmpty = GeneratedFile.of(ClickstreamOptions.builder().seed(11).rows(20_000).emptySessionShare(0.05));
        long emptyRows = manyEmpty.dataLines().stream().map(Rees46Rules::parse).filter(row -> row.session().isEmpty()).count();
        assertTrue(emptyRows > 100, "rows without a session at a 5 % session share: " + emptyRows);
    }
}
