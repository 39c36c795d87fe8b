package dev.clicklake.kpi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.BreakdownFigures;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.Served;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /kpi/breakdown} by category, brand and hour over single days and across midnight, against the
 * figures computed in plain Java from the rows written: top members by each ranking, the "other" row's
 * distinct counts over the union of its members, and null ratios of a member without sessions, carts or
 * purchases.
 */
@QuarkusTest
class BreakdownFlowTest {

    private static final LocalDate OCT_31 = LocalDate.of(2019, 10, 31);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2019, 11, 2);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void everyMemberAndTheOtherRowMatchTheRowsWritten() throws Exception {
        String dataset = "breakdown-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(41, 25, 60);
        List<SilverRow> rows = new ArrayList<>(generator.on(OCT_31, 400));
        rows.addAll(generator.on(NOV_1, 300));
        Instant midnight = NOV_1.atStartOfDay().toInstant(ZoneOffset.UTC);
        rows.add(row(midnight.minusSeconds(30), "cart", "crossing", "acme"));
        rows.add(row(midnight.plusSeconds(30), "purchase", "crossing", "acme"));
        rows.add(row(midnight.plusSeconds(3_600), "view", null, "nosession"));
        rows.add(row(midnight.plusSeconds(7_200), "view", null, "nosession"));
        // members are written with COPY (CSV): quotes, commas and backslashes come back as they were
        rows.add(row(midnight.plusSeconds(9_000), "purchase", "csv-1", "o\"quote\\back,comma"));
        rows.add(row(midnight.plusSeconds(9_060), "view", "csv-1", "\\x00"));
        new GoldFlow(lake, topicPrefix, codec).build(dataset, rows);

        for (LocalDate[] range : List.of(new LocalDate[] {OCT_31, NOV_2}, new LocalDate[] {NOV_1, NOV_2},
                new LocalDate[] {OCT_31, NOV_1})) {
            for (String dimension : List.of("main_category", "brand", "hour")) {
                for (String by : List.of("events", "revenue", "purchases")) {
                    for (int top : List.of(1, 2, 10)) {
                        assertEquals(BreakdownFigures.expected(range[0], range[1], rows, dimension, top, by),
                                Served.breakdown(dataset, range[0], range[1], dimension, top, by),
                                () -> dimension + " by " + by + " top " + top + " over " + range[0] + " .. " + range[1]);
                    }
                }
            }
        }

        List<BreakdownFigures> brands = Served.breakdown(dataset, OCT_31, NOV_2, "brand", 10, "events");
        BreakdownFigures noSession = brands.stream().filter(b -> "nosession".equals(b.member())).findFirst().orElseThrow();
        assertEquals(0, noSession.sessions());
        assertNull(noSession.conversionRate());
        assertNull(noSession.sessionConversionRate());
        assertNull(noSession.cartToPurchaseRate());
        assertNull(noSession.avgPurchasePrice());
        BreakdownFigures other = Served.breakdown(dataset, OCT_31, NOV_2, "brand", 1, "events").get(1);
        long sumOfMembers = brands.stream().skip(1).mapToLong(BreakdownFigures::users).sum();
        assertNotEquals(sumOfMembers, other.users(), "the rows share users: 'other' must not add members' counts");
    }

    private static SilverRow row(Instant time, String type, String session, String brand) {
        return new SilverRow(time, type, 1_000_001L, 2_053_013_555_631_882_655L, "electronics.smartphone", brand,
                new BigDecimal("199.99"), 512_000_001L, session);
    }
}
