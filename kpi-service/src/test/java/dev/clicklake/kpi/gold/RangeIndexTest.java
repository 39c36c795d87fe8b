package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A {@link RangeIndex} answers every range, inside, overlapping and outside the dataset's days, as the plain
 * sum of the range's day rows and of the corrections whose two days it holds (what the SQL statement sums).
 */
class RangeIndexTest {

    private static final LocalDate FIRST = LocalDate.of(2019, 10, 29);

    @Test
    void everyRangeIsTheSumOfItsDaysAndOfTheCorrectionsWithin() {
        Random random = new Random(7);
        List<RangeIndex.Day> days = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            if (d != 4 && d != 5) { // two days without events inside the span
                days.add(new RangeIndex.Day(FIRST.plusDays(d), randomFigures(random)));
            }
        }
        List<RangeCorrections.Pair> pairs = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            for (int b = a + 1; b < 12; b++) {
                if (a != 4 && a != 5 && b != 4 && b != 5 && random.nextBoolean()) {
                    long[] values = new long[CorrectedMeasure.COUNT];
                    for (int m = 0; m < values.length; m++) {
                        values[m] = random.nextInt(41) - 30;
                    }
                    pairs.add(new RangeCorrections.Pair(FIRST.plusDays(a), FIRST.plusDays(b), values));
                }
            }
        }
        RangeIndex index = RangeIndex.of(days, pairs);

        assertEquals(12, index.span());
        for (int from = -3; from < 15; from++) {
            for (int to = from; to <= 15; to++) {
                LocalDate start = FIRST.plusDays(from);
                LocalDate end = FIRST.plusDays(to);
                assertEquals(plainSum(days, pairs, start, end), index.figures(start, end), start + ".." + end);
            }
        }
    }

    @Test
    void aDatasetWithoutGoldHasZeroFiguresForAnyRange() {
        assertEquals(plainSum(List.of(), List.of(), FIRST, FIRST.plusDays(30)),
                RangeIndex.of(List.of(), List.of()).figures(FIRST, FIRST.plusDays(30)));
    }

    private static PeriodFigures randomFigures(Random random) {
        long[] v = new long[17];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(1_000_000);
        }
        return new PeriodFigures(v[0], v[1], v[2], v[3], v[4], BigDecimal.valueOf(random.nextInt(10_000_000), 2), v[5],
                v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16]);
    }

    /** The range's day rows and corrections summed field by field, as written in the SQL of the repository. */
    private static PeriodFigures plainSum(List<RangeIndex.Day> days, List<RangeCorrections.Pair> pairs, LocalDate from,
            LocalDate to) {
        long events = 0, views = 0, carts = 0, removes = 0, purchases = 0, users = 0, sessions = 0, buyers = 0;
        long viewing = 0, carting = 0, purchasing = 0, cartPurchase = 0, funnelCart = 0, funnelPurchase = 0;
        long sessionEvents = 0, duration = 0, bounced = 0;
        BigDecimal revenue = new BigDecimal("0.00");
        for (RangeIndex.Day day : days) {
            if (!day.date().isBefore(from) && day.date().isBefore(to)) {
                PeriodFigures f = day.figures();
                events += f.events();
                views += f.views();
                carts += f.carts();
                removes += f.removes();
                purchases += f.purchases();
                revenue = revenue.add(f.revenue());
                users += f.users();
                sessions += f.sessions();
                buyers += f.buyers();
                viewing += f.viewingSessions();
                carting += f.cartingSessions();
                purchasing += f.purchasingSessions();
                cartPurchase += f.cartPurchaseSessions();
                funnelCart += f.funnelCartSessions();
                funnelPurchase += f.funnelPurchaseSessions();
                sessionEvents += f.sessionEvents();
                duration += f.sessionDurationMicros();
                bounced += f.bouncedSessions();
            }
        }
        for (RangeCorrections.Pair pair : pairs) {
            if (!pair.first().isBefore(from) && pair.last().isBefore(to)) {
                long[] c = pair.values();
                users += c[CorrectedMeasure.USERS.ordinal()];
                buyers += c[CorrectedMeasure.BUYERS.ordinal()];
                sessions += c[CorrectedMeasure.SESSIONS.ordinal()];
                viewing += c[CorrectedMeasure.VIEWING_SESSIONS.ordinal()];
                carting += c[CorrectedMeasure.CARTING_SESSIONS.ordinal()];
                purchasing += c[CorrectedMeasure.PURCHASING_SESSIONS.ordinal()];
                cartPurchase += c[CorrectedMeasure.CART_PURCHASE_SESSIONS.ordinal()];
                funnelCart += c[CorrectedMeasure.FUNNEL_CART_SESSIONS.ordinal()];
                funnelPurchase += c[CorrectedMeasure.FUNNEL_PURCHASE_SESSIONS.ordinal()];
                duration += c[CorrectedMeasure.SESSION_DURATION_US.ordinal()];
                bounced += c[CorrectedMeasure.BOUNCED_SESSIONS.ordinal()];
            }
        }
        return new PeriodFigures(events, views, carts, removes, purchases, revenue, users, sessions, buyers, viewing,
                carting, purchasing, cartPurchase, funnelCart, funnelPurchase, sessionEvents, duration, bounced);
    }
}
