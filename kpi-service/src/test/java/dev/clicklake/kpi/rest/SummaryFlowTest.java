package dev.clicklake.kpi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.ComparisonFigures;
import dev.clicklake.kpi.support.FunnelFigures;
import dev.clicklake.kpi.support.KpiTopics;
import dev.clicklake.kpi.support.Served;
import dev.clicklake.kpi.support.SilverLake;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import dev.clicklake.kpi.support.SummaryFigures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /kpi/summary} over many ranges against the cards computed in plain Java from the rows written:
 * sessions crossing midnight and month end, sessions on non-adjacent days, rows without a session, two files
 * of one day, a late file for an old month, redelivery, ranges without carts or without events.
 */
@QuarkusTest
class SummaryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate SEP_30 = LocalDate.of(2019, 9, 30);
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_30 = LocalDate.of(2019, 10, 30);
    private static final LocalDate OCT_31 = LocalDate.of(2019, 10, 31);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2019, 11, 2);
    private static final LocalDate NOV_3 = LocalDate.of(2019, 11, 3);
    private static final LocalDate DEC_1 = LocalDate.of(2019, 12, 1);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void everyCardOfEveryRangeMatchesTheRowsWritten() throws Exception {
        KpiTopics kafka = new KpiTopics(topicPrefix);
        SilverLake silver = new SilverLake(lake);
        String dataset = "summary-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(21, 25, 60);
        List<SilverRow> all = new ArrayList<>();

        List<SilverRow> monthEnd = new ArrayList<>(generator.on(OCT_31, 300));
        monthEnd.addAll(generator.on(NOV_1, 200));
        monthEnd.addAll(crossingMidnight());
        List<SilverRow> sameDayAgain = generator.on(NOV_1, 150);
        List<SilverRow> onlyViews = List.of(
                row(NOV_2.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60), "view", "lonely-session"),
                row(NOV_2.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(90), "view", null));
        List<SilverRow> lateOldMonth = generator.on(SEP_30, 120);

        String ingestion = UUID.randomUUID().toString();
        SilverReady first = land(silver, kafka, dataset, ingestion, 0, monthEnd, all);
        land(silver, kafka, dataset, ingestion, 1, sameDayAgain, all);
        land(silver, kafka, dataset, ingestion, 2, onlyViews, all);
        land(silver, kafka, dataset, UUID.randomUUID().toString(), 0, lateOldMonth, all);
        kafka.sendContract(Contract.SILVER_READY, first, ingestion, codec);
        awaitGoldReady(kafka, ingestion, 0, 2);

        for (LocalDate[] range : List.of(
                new LocalDate[] {OCT_31, NOV_1}, new LocalDate[] {NOV_1, NOV_2}, new LocalDate[] {NOV_2, NOV_3},
                new LocalDate[] {OCT_31, NOV_2}, new LocalDate[] {OCT_1, NOV_1}, new LocalDate[] {NOV_1, DEC_1},
                new LocalDate[] {SEP_30, NOV_3}, new LocalDate[] {SEP_30, DEC_1}, new LocalDate[] {OCT_1, OCT_30})) {
            assertEquals(SummaryFigures.expected(dataset, range[0], range[1], all),
                    Served.summary(dataset, range[0], range[1]), () -> "range " + range[0] + " .. " + range[1]);
            assertEquals(FunnelFigures.expected(dataset, range[0], range[1], all),
                    Served.funnel(dataset, range[0], range[1]), () -> "funnel " + range[0] + " .. " + range[1]);
        }
        assertEquals(List.of(SummaryFigures.expected(dataset, SEP_30, OCT_1, all),
                SummaryFigures.expected(dataset, OCT_1, NOV_1, all),
                SummaryFigures.expected(dataset, NOV_1, NOV_3, all)), Served.monthly(dataset, SEP_30, NOV_3));
        // a range that starts mid-month keeps its first, clipped, month
        assertEquals(List.of(SummaryFigures.expected(dataset, OCT_30, NOV_1, all),
                SummaryFigures.expected(dataset, NOV_1, NOV_3, all)), Served.monthly(dataset, OCT_30, NOV_3));

        ComparisonFigures comparison = Served.compare(dataset, NOV_1, NOV_3);
        SummaryFigures current = SummaryFigures.expected(dataset, NOV_1, NOV_3, all);
        SummaryFigures previous = SummaryFigures.expected(dataset, OCT_30, NOV_1, all);
        assertEquals(current, comparison.current());
        assertEquals(previous, comparison.previous());
        BigDecimal sessionChange = BigDecimal.valueOf(current.sessions() - previous.sessions());
        assertEquals(new ComparisonFigures.Change("sessions", BigDecimal.valueOf(current.sessions()),
                BigDecimal.valueOf(previous.sessions()), sessionChange,
                sessionChange.divide(BigDecimal.valueOf(previous.sessions()), 6, RoundingMode.HALF_EVEN)),
                comparison.of("sessions"));

        // month over month: November so far against the same days of October
        ComparisonFigures monthOverMonth = Served.compare(dataset, NOV_1, NOV_3, "previous-month");
        assertEquals(current, monthOverMonth.current());
        assertEquals(SummaryFigures.expected(dataset, OCT_1, OCT_1.plusDays(2), all), monthOverMonth.previous());
        ComparisonFigures wholeMonths = Served.compare(dataset, NOV_1, DEC_1, "previous-month");
        assertEquals(SummaryFigures.expected(dataset, NOV_1, DEC_1, all), wholeMonths.current());
        assertEquals(SummaryFigures.expected(dataset, OCT_1, NOV_1, all), wholeMonths.previous());
    }

    private SilverReady land(SilverLake silver, KpiTopics kafka, String dataset, String ingestion, int split,
            List<SilverRow> rows, List<SilverRow> all) throws Exception {
        SilverReady message = silver.land(dataset, ingestion, new SplitRef(split, 3), rows);
        kafka.sendContract(Contract.SILVER_READY, message, ingestion, codec);
        awaitGoldReady(kafka, ingestion, split, 1);
        all.addAll(rows);
        return message;
    }

    private void awaitGoldReady(KpiTopics kafka, String ingestion, int split, int count) {
        kafka.await(Contract.GOLD_READY.contractName(), count, record -> ingestion.equals(record.key())
                && ((Decoded.Accepted<GoldReady>) codec.decode(Contract.GOLD_READY, GoldReady.class, record.value()))
                        .payload().split().index() == split, WAIT);
    }

    /** A session that carts before midnight of the month's last day and buys after it, and a one-event session. */
    private static List<SilverRow> crossingMidnight() {
        Instant midnight = NOV_1.atStartOfDay().toInstant(ZoneOffset.UTC);
        return List.of(
                row(midnight.minusSeconds(30), "view", "crossing"),
                row(midnight.minusSeconds(10), "cart", "crossing"),
                row(midnight.plusSeconds(20), "purchase", "crossing"),
                row(midnight.plusSeconds(5), "view", "bounce"));
    }

    private static SilverRow row(Instant time, String type, String session) {
        return new SilverRow(time, type, 1_000_001L, 2_053_013_555_631_882_655L, "electronics.smartphone", "samsung",
                new BigDecimal("199.99"), 512_000_001L, session);
    }
}
