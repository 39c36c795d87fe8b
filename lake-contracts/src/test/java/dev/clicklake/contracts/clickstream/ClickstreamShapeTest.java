package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated data has the shape of the REES46 October 2019 file, measured on 200,000 rows. */
class ClickstreamShapeTest {

    private static GeneratedFile file;
    private static List<String> lines;
    private static List<Rees46Rules.Row> rows;

    @BeforeAll
    static void generate() {
        file = GeneratedFile.of(ClickstreamOptions.builder().seed(46).rows(200_000));
        lines = file.dataLines();
        rows = lines.stream().map(Rees46Rules::parse).toList();
    }

    @AfterAll
    static void release() {
        file = null;
        lines = null;
        rows = null;
    }

    @Test
    void eventTypesComeInTheReesShares() {
        assertNear(0.96, share(row -> row.type() == EventType.VIEW), 0.005, "views");
        assertNear(0.022, share(row -> row.type() == EventType.CART), 0.002, "carts");
        assertNear(0.0175, share(row -> row.type() == EventType.PURCHASE), 0.002, "purchases");
        assertEquals(0, share(row -> row.type() == EventType.REMOVE_FROM_CART));
    }

    @Test
    void removeFromCartEventsAppearWhenAsked() {
        List<Rees46Rules.Row> cosmetics = GeneratedFile.of(ClickstreamOptions.builder().seed(46).rows(100_000)
                        .cartShare(0.15).purchaseShare(0.06).removeFromCartShare(0.08))
                .dataLines().stream().map(Rees46Rules::parse).toList();
        assertNear(0.08, cosmetics.stream().filter(row -> row.type() == EventType.REMOVE_FROM_CART).count()
                / (double) cosmetics.size(), 0.006, "removes");
        assertNear(0.15, cosmetics.stream().filter(row -> row.type() == EventType.CART).count()
                / (double) cosmetics.size(), 0.01, "carts");
    }

    @Test
    void exactDuplicateRowsFollowTheirOriginalAtAboutTheConfiguredRate() {
        long repeats = repeatedLines(lines);
        assertEquals(file.summary().duplicateRows(), repeats);
        assertNear(0.0007, repeats / (double) lines.size(), 0.0004, "duplicate share");

        GeneratedFile dense = GeneratedFile.of(ClickstreamOptions.builder().seed(46).rows(100_000).duplicateShare(0.01));
        assertNear(0.01, repeatedLines(dense.dataLines()) / 100_000.0, 0.003, "duplicate share at 1 %");
    }

    @Test
    void aboutAThirdOfCategoryCodesAndASeventhOfBrandsAreEmpty() {
        assertNear(0.32, share(row -> row.categoryCode().isEmpty()), 0.06, "empty category_code");
        assertNear(0.14, share(row -> row.brand().isEmpty()), 0.04, "empty brand");
    }

    @Test
    void sessionsAverageAboutFourAndAHalfEventsAndUsersAboutThreeSessions() {
        Map<String, Integer> eventsBySession = new HashMap<>();
        Map<Long, Set<String>> sessionsByUser = new HashMap<>();
        for (Rees46Rules.Row row : rows) {
            eventsBySession.merge(row.session(), 1, Integer::sum);
            sessionsByUser.computeIfAbsent(row.userId(), user -> new HashSet<>()).add(row.session());
        }
        assertNear(4.6, rows.size() / (double) eventsBySession.size(), 0.5, "events per session");
        assertTrue(eventsBySession.values().stream().anyMatch(events -> events >= 100), "a few very long sessions");
        double sessionsPerUser = sessionsByUser.values().stream().mapToInt(Set::size).average().orElseThrow();
        assertNear(3.0, sessionsPerUser, 0.4, "sessions per user");
        assertTrue(sessionsByUser.values().stream().anyMatch(sessions -> sessions.size() >= 10), "a long tail of users");
    }

    @Test
    void mostPurchasesFollowACartOfTheSameProductInTheSameSession() {
        Set<String> carted = new HashSet<>();
        long purchases = 0;
        long afterCart = 0;
        for (Rees46Rules.Row row : rows) {
            String key = row.session() + "/" + row.productId();
            if (row.type() == EventType.CART) {
                carted.add(key);
            } else if (row.type() == EventType.PURCHASE) {
                purchases++;
                afterCart += carted.contains(key) ? 1 : 0;
            }
        }
        assertNear(0.70, afterCart / (double) purchases, 0.08, "purchases after a cart");
    }

    @Test
    void someSessionsCrossMidnightAndSomeCarrySeveralUserIds() {
        Map<String, Set<LocalDate>> daysBySession = new HashMap<>();
        Map<String, Set<Long>> usersBySession = new HashMap<>();
        for (Rees46Rules.Row row : rows) {
            daysBySession.computeIfAbsent(row.session(), s -> new HashSet<>()).add(row.time().toLocalDate());
            usersBySession.computeIfAbsent(row.session(), s -> new HashSet<>()).add(row.userId());
        }
        assertTrue(daysBySession.values().stream().filter(days -> days.size() > 1).count() > 10, "sessions crossing midnight");
        assertTrue(usersBySession.values().stream().anyMatch(users -> users.size() > 1), "a session with two user ids");
    }

    @Test
    void sessionsCrossAMonthEnd() {
        List<Rees46Rules.Row> monthEnd = GeneratedFile.of(ClickstreamOptions.builder().seed(46).rows(100_000)
                .startDate(LocalDate.of(2019, 10, 30)).days(3)).dataLines().stream().map(Rees46Rules::parse).toList();
        Set<String> inOctober = new HashSet<>();
        Set<String> inBoth = new HashSet<>();
        for (Rees46Rules.Row row : monthEnd) {
            if (row.time().getMonthValue() == 10) {
                inOctober.add(row.session());
            } else if (inOctober.contains(row.session())) {
                inBoth.add(row.session());
            }
        }
        // midnight UTC is the quiet small hours for REES46 shoppers, so only a few sessions span it
        assertTrue(inBoth.size() >= 3, "sessions with events in October and November: " + inBoth.size());
    }

    private static long repeatedLines(List<String> lines) {
        long repeats = 0;
        for (int i = 1; i < lines.size(); i++) {
            repeats += lines.get(i).equals(lines.get(i - 1)) ? 1 : 0;
        }
        return repeats;
    }

    private static double share(Predicate<Rees46Rules.Row> test) {
        return rows.stream().filter(test).count() / (double) rows.size();
    }

    private static void assertNear(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " +- " + tolerance + ", was " + actual);
    }
}
