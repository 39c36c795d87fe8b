package dev.clicklake.kpi.rest;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import dev.clicklake.kpi.support.SummaryFigures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /kpi/range-pairs} and the OData entity set {@code RangePairs}: every (first day, last day) pair of a
 * few days whose users and sessions recur across days (a session across midnight, a day without events) against
 * a brute-force count over the rows written ({@link SummaryFigures#expected}, and the funnel sessions here); the
 * refusal past {@code range-pairs.max-days}; the OData set filtered on first/last day, counted and paged.
 */
@QuarkusTest
class RangePairsFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final LocalDate OCT_30 = LocalDate.of(2019, 10, 30);
    /** The days of the dense dataset: Oct 30 to Nov 3, without events on Nov 2. */
    private static final List<LocalDate> DAYS = List.of(OCT_30, OCT_30.plusDays(1), OCT_30.plusDays(2), OCT_30.plusDays(4));

    private static String dataset;
    private static String wide;
    private static List<SilverRow> rows;

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @BeforeEach
    void buildOnce() throws Exception {
        if (dataset != null) {
            return;
        }
        String name = "pairs-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(16, 9, 20);
        List<SilverRow> written = new ArrayList<>();
        for (LocalDate day : DAYS) {
            written.addAll(generator.on(day, 90));
        }
        Instant midnight = OCT_30.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        written.add(row(midnight.minusSeconds(40), "view", "across-midnight"));
        written.add(row(midnight.minusSeconds(20), "cart", "across-midnight"));
        written.add(row(midnight.plusSeconds(30), "purchase", "across-midnight"));
        new GoldFlow(lake, topicPrefix, codec).build(name, written);

        String wideName = "pairs-wide-" + UUID.randomUUID().toString().substring(0, 8);
        List<SilverRow> far = new ArrayList<>(generator.on(OCT_30, 10));
        far.addAll(generator.on(OCT_30.plusDays(450), 10));
        new GoldFlow(lake, topicPrefix, codec).build(wideName, far);
        rows = written;
        wide = wideName;
        dataset = name;
    }

    @Test
    void everyPairServedIsTheBruteForceCountOfItsDays() throws Exception {
        JsonNode pairs = JSON.readTree(given().queryParam("dataset", dataset).when().get("/kpi/range-pairs")
                .then().statusCode(200).header("X-Range-Pairs", "15").extract().asString());
        assertEquals(15, pairs.size(), "5 days (one without events): 5 x 6 / 2 pairs");
        int at = 0;
        for (LocalDate first = OCT_30; !first.isAfter(OCT_30.plusDays(4)); first = first.plusDays(1)) {
            for (LocalDate last = first; !last.isAfter(OCT_30.plusDays(4)); last = last.plusDays(1)) {
                assertPair(pairs.get(at++), first, last);
            }
        }
    }

    @Test
    void fromAndToBoundThePairsAndCsvHasTheSameRows() throws Exception {
        String csv = given().queryParam("dataset", dataset).queryParam("from", "2019-10-31").queryParam("to", "2019-11-03")
                .queryParam("format", "csv").when().get("/kpi/range-pairs")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", GoldCatalog.RANGE_PAIRS.columns().stream().map(GoldColumn::name).toList()),
                lines.get(0));
        assertEquals(1 + 6, lines.size(), "3 days: 6 pairs");
        SummaryFigures whole = SummaryFigures.expected(dataset, OCT_30.plusDays(1), OCT_30.plusDays(4), rows);
        assertTrue(lines.get(3).startsWith(dataset + ",2019-10-31,2019-11-02,3," + whole.events() + ","), lines.get(3));
    }

    @Test
    void aSpanPastTheLimitIsRefusedNamingIt() {
        given().queryParam("dataset", wide).when().get("/kpi/range-pairs")
                .then().statusCode(422)
                .body("status", equalTo(422))
                .body("message", containsString("clicklake.kpi.range-pairs.max-days = 400"))
                .body("message", containsString("451 days"));
        given().queryParam("dataset", wide).queryParam("from", "2019-10-30").queryParam("to", "2020-12-03")
                .when().get("/kpi/range-pairs").then().statusCode(200);
        given().queryParam("dataset", dataset).queryParam("format", "xml").when().get("/kpi/range-pairs")
                .then().statusCode(400).body("parameter", equalTo("format"));
    }

    @Test
    void odataServesOnePairByItsFirstAndLastDay() throws Exception {
        String filter = "dataset eq '" + dataset + "' and first_date eq 2019-10-31 and last_date eq 2019-11-03";
        JsonNode page = JSON.readTree(given().urlEncodingEnabled(false)
                .when().get("/odata/RangePairs?$filter=" + encode(filter))
                .then().statusCode(200).extract().asString());
        assertEquals(1, page.path("value").size(), page::toString);
        assertPair(page.path("value").get(0), OCT_30.plusDays(1), OCT_30.plusDays(4));

        String count = given().urlEncodingEnabled(false)
                .when().get("/odata/RangePairs/$count?$filter=" + encode("dataset eq '" + dataset + "' and first_date ge 2019-11-01"))
                .then().statusCode(200).extract().asString();
        assertEquals("6", count);
        JsonNode selected = JSON.readTree(given().urlEncodingEnabled(false)
                .when().get("/odata/RangePairs?$select=first_date,last_date,users&$filter="
                        + encode("dataset eq '" + dataset + "' and last_date le 2019-10-31"))
                .then().statusCode(200).extract().asString());
        assertEquals(3, selected.path("value").size());
        assertNull(selected.path("value").get(0).get("events"));
    }

    @Test
    void odataPagesThroughEveryPairOfTheDataset() throws Exception {
        List<JsonNode> served = new ArrayList<>();
        String url = "/odata/RangePairs?$count=true&$filter=" + encode("dataset eq '" + dataset + "'");
        while (url != null) {
            JsonNode page = JSON.readTree(given().urlEncodingEnabled(false).header("Prefer", "odata.maxpagesize=4")
                    .when().get(url).then().statusCode(200).extract().asString());
            assertEquals(15, page.path("@odata.count").asInt());
            page.path("value").forEach(served::add);
            url = page.hasNonNull("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
        }
        assertEquals(15, served.size());
        assertPair(served.get(14), OCT_30.plusDays(4), OCT_30.plusDays(4));
        assertPair(served.get(4), OCT_30, OCT_30.plusDays(4));

        // without $count each page resumes at its token's pair; pages of 4 across a first day's pairs
        List<String> keys = new ArrayList<>();
        url = "/odata/RangePairs?$select=first_date,last_date&$filter=" + encode("dataset eq '" + dataset + "'");
        while (url != null) {
            JsonNode page = JSON.readTree(given().urlEncodingEnabled(false).header("Prefer", "odata.maxpagesize=4")
                    .when().get(url).then().statusCode(200).extract().asString());
            page.path("value").forEach(v -> keys.add(v.path("first_date").asText() + ".." + v.path("last_date").asText()));
            url = page.hasNonNull("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
        }
        assertEquals(served.stream().map(v -> v.path("first_date").asText() + ".." + v.path("last_date").asText()).toList(),
                keys);

        // a filter not anchored on one dataset reads them all
        String both = given().urlEncodingEnabled(false)
                .when().get("/odata/RangePairs/$count?$filter=" + encode("(dataset eq '" + dataset + "' or dataset eq '"
                        + wide + "') and first_date eq last_date"))
                .then().statusCode(200).extract().asString();
        assertEquals(String.valueOf(5 + 400), both);

        JsonNode top = JSON.readTree(given().urlEncodingEnabled(false)
                .when().get("/odata/RangePairs?$top=2&$skip=1&$filter=" + encode("dataset eq '" + dataset + "'"))
                .then().statusCode(200).extract().asString());
        assertEquals(2, top.path("value").size());
        assertPair(top.path("value").get(0), OCT_30, OCT_30.plusDays(1));
        given().urlEncodingEnabled(false).when().get("/odata/RangePairs?$orderby=users")
                .then().statusCode(501).body("error.code", equalTo("UnsupportedOrderBy"));
        given().urlEncodingEnabled(false).when().get("/odata/RangePairs?$filter=" + encode("contains(dataset,'x')"))
                .then().statusCode(501).body("error.code", equalTo("UnsupportedFunction"));
    }

    @Test
    void odataServesTheMostRecentMaxDaysOfALongerDataset() throws Exception {
        JsonNode page = JSON.readTree(given().urlEncodingEnabled(false)
                .when().get("/odata/RangePairs?$filter=" + encode("dataset eq '" + wide + "' and last_date eq first_date"))
                .then().statusCode(200).extract().asString());
        assertEquals(OCT_30.plusDays(51).toString(), page.path("value").get(0).path("first_date").asText(),
                "451 days: the last 400, from day 52");
    }

    private static void assertPair(JsonNode pair, LocalDate first, LocalDate last) {
        SummaryFigures e = SummaryFigures.expected(dataset, first, last.plusDays(1), rows);
        String at = first + ".." + last + ": " + pair;
        assertEquals(dataset, pair.path("dataset").asText(), at);
        assertEquals(first.toString(), pair.path("first_date").asText(), at);
        assertEquals(last.toString(), pair.path("last_date").asText(), at);
        assertEquals(last.toEpochDay() - first.toEpochDay() + 1, pair.path("days").asLong(), at);
        assertEquals(e.events(), pair.path("events").asLong(), at);
        assertEquals(e.views(), pair.path("views").asLong(), at);
        assertEquals(e.carts(), pair.path("carts").asLong(), at);
        assertEquals(e.removes(), pair.path("removes").asLong(), at);
        assertEquals(e.purchases(), pair.path("purchases").asLong(), at);
        assertEquals(0, e.revenue().compareTo(pair.path("revenue").decimalValue()), at);
        assertEquals(e.users(), pair.path("users").asLong(), at);
        assertEquals(e.sessions(), pair.path("sessions").asLong(), at);
        assertEquals(e.buyers(), pair.path("buyers").asLong(), at);
        assertEquals(e.viewingSessions(), pair.path("viewing_sessions").asLong(), at);
        assertEquals(e.cartingSessions(), pair.path("carting_sessions").asLong(), at);
        assertEquals(e.purchasingSessions(), pair.path("purchasing_sessions").asLong(), at);
        assertEquals(e.cartingAndPurchasingSessions(), pair.path("cart_purchase_sessions").asLong(), at);
        assertEquals(e.sessionEvents(), pair.path("session_events").asLong(), at);
        assertEquals(e.bouncedSessions(), pair.path("bounced_sessions").asLong(), at);
        assertEquals(0, e.sessionDurationSeconds().compareTo(BigDecimal.valueOf(pair.path("session_duration_us").asLong(), 6)), at);
        long[] funnel = funnel(first, last.plusDays(1));
        assertEquals(funnel[0], pair.path("funnel_cart_sessions").asLong(), at);
        assertEquals(funnel[1], pair.path("funnel_purchase_sessions").asLong(), at);
    }

    /** Sessions in [from, to) with a view and a cart; of those, with a purchase too. */
    private static long[] funnel(LocalDate from, LocalDate to) {
        Map<String, boolean[]> sessions = new HashMap<>();
        for (SilverRow row : rows) {
            LocalDate day = row.eventTime().atZone(ZoneOffset.UTC).toLocalDate();
            if (row.userSession() == null || day.isBefore(from) || !day.isBefore(to)) {
                continue;
            }
            boolean[] did = sessions.computeIfAbsent(row.userSession(), s -> new boolean[3]);
            did[0] |= row.eventType().equals("view");
            did[1] |= row.eventType().equals("cart");
            did[2] |= row.eventType().equals("purchase");
        }
        long carts = sessions.values().stream().filter(d -> d[0] && d[1]).count();
        long purchases = sessions.values().stream().filter(d -> d[0] && d[1] && d[2]).count();
        return new long[] {carts, purchases};
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SilverRow row(Instant time, String type, String session) {
        return new SilverRow(time, type, 1_000_001L, 2_053_013_555_631_882_655L, "electronics.smartphone", "samsung",
                new BigDecimal("199.99"), 512_000_001L, session);
    }
}
