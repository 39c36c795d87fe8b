package dev.clicklake.kpi.messaging;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.DayFigures;
import dev.clicklake.kpi.support.KpiTopics;
import dev.clicklake.kpi.support.Served;
import dev.clicklake.kpi.support.SilverLake;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import dev.clicklake.contracts.testing.KafkaTestClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * silver-ready in, gold-ready out, figures served: against the real Kafka, Azurite and PostgreSQL. Expected
 * figures are computed in plain Java from the rows each test wrote.
 */
@QuarkusTest
class GoldFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate OCT_31 = LocalDate.of(2019, 10, 31);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2019, 11, 2);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    private KpiTopics kafka;
    private SilverLake silver;
    private String dataset;

    @BeforeEach
    void setUp() {
        kafka = new KpiTopics(topicPrefix);
        silver = new SilverLake(lake);
        dataset = "kpi-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void twoFilesOfTheSameDayBothCountAndRedeliveryChangesNothing() throws Exception {
        SilverRows generator = new SilverRows(11, 30, 50);
        List<SilverRow> first = generator.on(NOV_1, 400);
        List<SilverRow> second = generator.on(NOV_1, 250);
        String ingestionId = UUID.randomUUID().toString();
        SilverReady splitZero = silver.land(dataset, ingestionId, new SplitRef(0, 2), first);

        kafka.sendContract(Contract.SILVER_READY, splitZero, ingestionId, codec);
        awaitGoldReady(ingestionId, 0, 1);
        assertEquals(List.of(DayFigures.expected(dataset, NOV_1, first)), Served.daily(dataset, NOV_1, NOV_2));

        SilverReady splitOne = silver.land(dataset, ingestionId, new SplitRef(1, 2), second);
        kafka.sendContract(Contract.SILVER_READY, splitOne, ingestionId, codec);
        awaitGoldReady(ingestionId, 1, 1);
        List<DayFigures> bothFiles = List.of(DayFigures.expected(dataset, NOV_1, concat(first, second)));
        assertEquals(bothFiles, Served.daily(dataset, NOV_1, NOV_2));

        kafka.sendContract(Contract.SILVER_READY, splitZero, ingestionId, codec);
        kafka.sendContract(Contract.SILVER_READY, splitOne, ingestionId, codec);
        awaitGoldReady(ingestionId, 0, 2);
        awaitGoldReady(ingestionId, 1, 2);
        assertEquals(bothFiles, Served.daily(dataset, NOV_1, NOV_2));
    }

    @Test
    void aSplitAcrossMonthEndRebuildsBothDaysAndAnnouncesThem() throws Exception {
        SilverRows generator = new SilverRows(12, 20, 40);
        List<SilverRow> rows = concat(generator.on(OCT_31, 300), generator.on(NOV_1, 200));
        String ingestionId = UUID.randomUUID().toString();
        SilverReady message = silver.land(dataset, ingestionId, new SplitRef(4, 9), rows);

        kafka.sendContract(Contract.SILVER_READY, message, ingestionId, codec);
        KafkaTestClient.Received record = awaitGoldReady(ingestionId, 4, 1).get(0);

        assertEquals(new GoldReady(ingestionId, dataset, new SplitRef(4, 9), List.of(OCT_31, NOV_1), List.of("day", "month", "dataset"),
                List.of("daily_kpi", "daily_id_sets", "daily_session_facts", "daily_category_kpi", "daily_brand_kpi",
                        "hourly_kpi", "breakdown_id_sets", "range_corrections", "monthly_kpi", "dataset_kpi"), GoldReady.GOLD_KPI_V1), goldReady(record));
        assertEquals(ingestionId, record.key());
        assertEquals(Contract.GOLD_READY.cloudEventType(), record.header("ce_type"));
        assertEquals(ingestionId, record.header("ce_" + ContractMessages.INGESTION_ID));
        assertEquals(List.of(DayFigures.expected(dataset, OCT_31, rows), DayFigures.expected(dataset, NOV_1, rows)),
                Served.daily(dataset, OCT_31, NOV_2));
        assertEquals(List.of(DayFigures.expected(dataset, NOV_1, rows)), Served.daily(dataset, NOV_1, NOV_2));
        given().when().get("/kpi/datasets").then().statusCode(200)
                .body("find { it.dataset == '%s' }.firstDate".formatted(dataset), equalTo("2019-10-31"))
                .body("find { it.dataset == '%s' }.lastDate".formatted(dataset), equalTo("2019-11-01"))
                .body("find { it.dataset == '%s' }.days".formatted(dataset), equalTo(2))
                .body("dataset", hasItem(dataset));
    }

    @Test
    void aSplitThatWroteNoRowsStillClosesItsJourney() throws Exception {
        String ingestionId = UUID.randomUUID().toString();
        SilverReady message = silver.land(dataset, ingestionId, new SplitRef(0, 1), List.of());

        kafka.sendContract(Contract.SILVER_READY, message, ingestionId, codec);

        GoldReady goldReady = goldReady(awaitGoldReady(ingestionId, 0, 1).get(0));
        assertEquals(List.of(), goldReady.eventDates());
        assertEquals(List.of(), goldReady.tables());
    }

    private List<KafkaTestClient.Received> awaitGoldReady(String ingestionId, int split, int count) {
        return kafka.await(Contract.GOLD_READY.contractName(), count,
                record -> ingestionId.equals(record.key()) && goldReady(record).split().index() == split, WAIT);
    }

    private GoldReady goldReady(KafkaTestClient.Received record) {
        Decoded<GoldReady> decoded = codec.decode(Contract.GOLD_READY, GoldReady.class, record.value());
        assertNotEquals(Decoded.Rejected.class, decoded.getClass(), () -> "gold-ready breaks its schema: " + decoded);
        return ((Decoded.Accepted<GoldReady>) decoded).payload();
    }

    private static List<SilverRow> concat(List<SilverRow> a, List<SilverRow> b) {
        List<SilverRow> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
