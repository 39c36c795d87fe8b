package dev.clicklake.kpi.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clicklake.contracts.event.BronzeSource;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.Reader;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /catalog/datasets[/{dataset}]} after real silver-ready messages (Kafka, Azurite, PostgreSQL): two
 * ingestions, one of two splits with duplicates and rejected rows, one whose every row was rejected, and a
 * redelivered split. Every figure is checked against the test's own sums of what it sent.
 */
@QuarkusTest
class CatalogFlowTest {

    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2019, 10, 2);
    private static final LocalDate OCT_3 = LocalDate.of(2019, 10, 3);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void describesEveryLayerFromTheSplitsItBuilt() throws Exception {
        GoldFlow flow = new GoldFlow(lake, topicPrefix, codec);
        String dataset = "catalog-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(17, 20, 40);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<SilverRow> oneAndTwo = new ArrayList<>(generator.on(OCT_1, 40));
        oneAndTwo.addAll(generator.on(OCT_2, 25));
        SilverReady split0 = flow.silver().withRejections(
                flow.silver().land(dataset, first, new SplitRef(0, 2), oneAndTwo), 3, Map.of("price.negative", 2L));
        SilverReady split1 = flow.silver().withRejections(
                flow.silver().land(dataset, first, new SplitRef(1, 2), generator.on(OCT_3, 30)), 0,
                Map.of("row.field_count", 1L));
        SilverReady rejected = flow.silver().withRejections(
                flow.silver().land(dataset, second, new SplitRef(0, 1), List.of()), 1,
                Map.of("event_time.unparseable", 4L, "price.negative", 1L));
        BronzeSource firstFile = new BronzeSource(7_777, split0.counts().rowsIn() + split1.counts().rowsIn(),
                "a".repeat(64), "first.csv", "https://example.com/first.csv");
        BronzeSource secondFile = new BronzeSource(555, rejected.counts().rowsIn(), "b".repeat(64), "second.csv", null);
        split0 = from(split0, firstFile);
        split1 = from(split1, firstFile);
        rejected = from(rejected, secondFile);
        List<SilverReady> sent = List.of(split0, split1, rejected);
        flow.send(split0);
        flow.send(split1);
        flow.awaitGoldReady(first, 2);
        flow.send(rejected);
        flow.awaitGoldReady(second, 1);
        flow.send(split0);
        flow.awaitGoldReady(first, 3);

        JsonPath entry = Reader.given().get("/catalog/datasets/" + dataset).then().statusCode(200).extract().jsonPath();

        assertEquals(dataset, entry.getString("dataset"));
        assertEquals(sent.stream().mapToLong(m -> m.counts().rowsIn()).sum(), entry.getLong("bronze.rows"));
        assertEquals(firstFile.bytes() + secondFile.bytes(), entry.getLong("bronze.bytes"), "the whole bronze files");
        assertEquals(firstFile.rows() + secondFile.rows(), entry.getLong("bronze.tables[0].rows"));
        long written = sent.stream().mapToLong(m -> m.counts().written()).sum();
        long silverBytes = sent.stream().flatMap(m -> m.files().stream()).mapToLong(SilverFile::bytes).sum();
        long quarantineBytes = sent.stream().mapToLong(m -> m.quarantine().bytes()).sum();
        assertEquals(written, entry.getLong("silver.rows"));
        assertEquals(silverBytes + quarantineBytes, entry.getLong("silver.bytes"));
        assertEquals(silverBytes, entry.getLong("silver.tables.find { it.name == 'events' }.bytes"));
        assertEquals(OCT_1.toString(), entry.getString("silver.firstDay"));
        assertEquals(OCT_3.toString(), entry.getString("silver.lastDay"));
        Map<String, Long> byRule = new TreeMap<>();
        sent.forEach(m -> m.counts().quarantinedByRule().forEach((rule, rows) -> byRule.merge(rule, rows, Long::sum)));
        assertEquals(byRule, longs(entry.getMap("silver.quality.quarantinedByRule")));
        assertEquals(sent.stream().mapToLong(m -> m.counts().duplicates()).sum(), entry.getLong("silver.quality.duplicates"));
        assertEquals(quarantineBytes, entry.getLong("silver.quality.quarantineBytes"));
        List<LocalDate> days = sent.stream().flatMap(m -> m.files().stream()).map(SilverFile::eventDate).distinct().toList();
        assertEquals(days.size(), entry.getLong("gold.tables.find { it.name == 'Daily' }.rows"));
        assertEquals(1L, entry.getLong("gold.tables.find { it.name == 'Datasets' }.rows"));
        assertEquals(OCT_1.toString(), entry.getString("gold.firstDay"));
        assertEquals(OCT_3.toString(), entry.getString("gold.lastDay"));
        assertEquals(2, entry.getInt("ingestionCount"));
        assertEquals(List.of(first, second), entry.getList("ingestions.ingestionId"),
                "newest first: the redelivered split built the first ingestion last");
        assertEquals(2, entry.getInt("ingestions.find { it.ingestionId == '%s' }.splitsBuilt".formatted(first)));
        assertEquals(split0.counts().rowsIn() + split1.counts().rowsIn(),
                entry.getLong("ingestions.find { it.ingestionId == '%s' }.rowsIn".formatted(first)));
        assertEquals("bronze/" + split0.bronzeFile().path(),
                entry.getString("ingestions.find { it.ingestionId == '%s' }.bronzeFile".formatted(first)));
        assertNull(entry.get("ingestions.find { it.ingestionId == '%s' }.firstDay".formatted(second)));
        assertEquals(firstFile.bytes(), entry.getLong("ingestions.find { it.ingestionId == '%s' }.bronzeBytes".formatted(first)));
        assertEquals(firstFile.sourceUri(), entry.getString("ingestions.find { it.ingestionId == '%s' }.sourceUri".formatted(first)));
        assertEquals(secondFile.sourceName(), entry.getString("ingestions.find { it.ingestionId == '%s' }.sourceName".formatted(second)));

        List<Map<String, Object>> listed = Reader.given().get("/catalog/datasets").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.dataset == '%s' }".formatted(dataset));
        assertEquals(List.of(entry.getMap("$")), listed, "the list holds the same entry");

        String filter = "dataset eq '" + dataset + "'";
        JsonPath quarantine = Reader.given().queryParam("$filter", filter).get("/odata/CatalogQuarantine").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Long> servedRules = new TreeMap<>();
        quarantine.getList("value", Map.class).forEach(row -> servedRules.put((String) row.get("rule"),
                ((Number) row.get("quarantined")).longValue()));
        assertEquals(byRule, servedRules, "OData CatalogQuarantine");
        JsonPath datasets = Reader.given().queryParam("$filter", filter).get("/odata/CatalogDatasets").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(written, datasets.getLong("value[0].silver_rows"), "OData CatalogDatasets");
        assertEquals(silverBytes, datasets.getLong("value[0].silver_bytes"));
        assertEquals(firstFile.bytes() + secondFile.bytes(), datasets.getLong("value[0].bronze_bytes"));
        JsonPath ingestions = Reader.given().queryParam("$filter", filter).queryParam("$orderby", "ingestion_id")
                .get("/odata/CatalogIngestions").then().statusCode(200).extract().jsonPath();
        assertEquals(new TreeSet<>(List.of(first, second)).stream().toList(),
                ingestions.getList("value.ingestion_id"), "OData CatalogIngestions");
    }

    @Test
    void theEndpointsAreDescribedInOpenApi() {
        JsonPath document = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Catalog", document.getString("paths.'/catalog/datasets'.get.tags[0]"));
        assertEquals(List.of("200", "400", "401", "404", "503"), document.getMap("paths.'/catalog/datasets/{dataset}'.get.responses")
                .keySet().stream().sorted().toList());
        assertEquals("#/components/schemas/DatasetEntry",
                document.getString("paths.'/catalog/datasets/{dataset}'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
    }

    @Test
    void refusesWhatIsNotADatasetOfTheCatalog() {
        String unknown = "catalog-none-" + UUID.randomUUID().toString().substring(0, 8);
        Reader.given().get("/catalog/datasets/" + unknown).then().statusCode(404)
                .body("parameter", equalTo("dataset")).body("message", containsString(unknown));
        Reader.given().get("/catalog/datasets/Not_A_Name!").then().statusCode(400).body("parameter", equalTo("dataset"));
        Reader.given().queryParam("limit", "5").get("/catalog/datasets").then().statusCode(400)
                .body("parameter", equalTo("limit"));
        RestAssured.given().get("/catalog/datasets").then().statusCode(401);
    }

    /** {@code message} as a silver-ready 1.1 of the bronze object {@code bronze}. */
    private static SilverReady from(SilverReady message, BronzeSource bronze) {
        return new SilverReady(message.ingestionId(), message.dataset(), message.bronzeFile(), message.split(),
                message.files(), message.quarantine(), message.counts(), message.eventDates(), message.dataSchemaVersion(),
                bronze);
    }

    private static Map<String, Long> longs(Map<String, Object> numbers) {
        Map<String, Long> longs = new TreeMap<>();
        numbers.forEach((key, value) -> longs.put(key, ((Number) value).longValue()));
        return longs;
    }
}
