package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.DecimalAssert;
import dev.clicklake.kpi.support.GoldRowWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.Supplier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.clicklake.kpi.support.Reader;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

@QuarkusTest
class ODataFeedTest {

    private static final String DATASET = "odata-feed";
    private static final LocalDate FIRST = LocalDate.of(2019, 10, 1);
    private static final String POWER_QUERY_ACCEPT = "application/json;odata.metadata=minimal;q=1.0,"
            + "application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,"
            + "application/xml;q=0.7,text/plain;q=0.7";

    private static final JsonPathConfig BIG_DECIMALS = JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL);
    private static final String MINE = encode("dataset eq '" + DATASET + "'");

    @Inject
    DataSource dataSource;

    private List<DailyGoldRow> days;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        days = DailyGoldRow.days(DATASET, FIRST, 20, 42);
        for (DailyGoldRow day : days) {
            writer.insert("daily_kpi", day.columns());
        }
    }

    @Test
    void metadataIsCsdlXmlWhateverTheAccept() {
        for (String accept : List.of(POWER_QUERY_ACCEPT, "application/json", "*/*")) {
            String xml = given().header("Accept", accept).when().get("/odata/$metadata")
                    .then().statusCode(200).contentType(startsWith("application/xml"))
                    .header("OData-Version", "4.0")
                    .extract().asString();
            for (String part : List.of("Namespace=\"Clicklake\"", "<EntitySet Name=\"DailyByBrand\"",
                    "Name=\"conversion_rate\" Type=\"Edm.Decimal\"", "Name=\"built_at\" Type=\"Edm.DateTimeOffset\"")) {
                assertThat(xml, containsString(part));
            }
        }
    }

    @Test
    void theServiceDocumentListsEveryEntitySet() {
        given().header("Accept", POWER_QUERY_ACCEPT).when().get("/odata/")
                .then().statusCode(200)
                .body("value.name", hasItems("Daily", "Monthly", "Datasets", "DailyByCategory", "DailyByBrand", "Hourly",
                        "DailyFunnel"));
    }

    @Test
    void powerQueryReadsAFilteredPageWithRatios() {
        Response response = given().header("Accept", POWER_QUERY_ACCEPT)
                .queryParam("$filter", "dataset eq '" + DATASET + "' and event_date ge 2019-10-03 and event_date lt 2019-10-10")
                .when().get("/odata/Daily");
        response.then().statusCode(200).contentType(startsWith("application/json"));
        assertThat(response.headers().getValues("OData-Version"), contains("4.0"));
        JsonPath json = response.jsonPath(BIG_DECIMALS);
        List<Map<String, Object>> value = json.getList("value");
        assertThat(value, hasSize(7));
        for (int i = 0; i < 7; i++) {
            DailyGoldRow day = days.get(i + 2);
            Map<String, Object> served = value.get(i);
            assertThat(served.get("event_date"), equalTo(day.eventDate().toString()));
            DecimalAssert.sameDecimal(served.get("conversion_rate"), day.conversionRate());
            DecimalAssert.sameDecimal(served.get("cart_abandonment_rate"), day.cartAbandonmentRate());
            DecimalAssert.sameDecimal(served.get("avg_session_duration_s"), day.avgSessionDurationS());
            DecimalAssert.sameDecimal(served.get("avg_purchase_price"), day.avgPurchasePrice());
            DecimalAssert.sameDecimal(served.get("bounce_rate"), day.bounceRate());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$apply=aggregate(events with sum as total)            | 501 | UnsupportedApply",
            "$search=shoes                                         | 501 | UnsupportedSearch",
            "$expand=*                                             | 501 | UnsupportedExpand",
            "$compute=events add 1 as more                         | 400 | BAD_REQUEST",
            "$filter=length(dataset) gt 3                          | 501 | UnsupportedFunction",
            "$filter=concat(dataset,'x') eq 'ax'                   | 501 | UnsupportedFunction",
            "$filter=events add 1 gt 5                             | 501 | UnsupportedOperator",
            "$filter=nosuch eq 1                                   | 400 | BAD_REQUEST",
            "$orderby=nosuch                                       | 400 | BAD_REQUEST",
            "$skiptoken=not-ours                                   | 400 | InvalidSkipToken",
            "$levels=2                                             | 400 | BAD_REQUEST",
            "dataset=rees46                                        | 400 | UnknownQueryOption"})
    void anUnsupportedOptionIsRefusedWithAnODataError(String option, int status, String code) {
        int equals = option.indexOf('=');
        String body = given().urlEncodingEnabled(false)
                .when().get("/odata/Daily?" + option.substring(0, equals) + "=" + encode(option.substring(equals + 1))
                        + "&api_key=" + Reader.API_KEY)
                .then().statusCode(status).contentType(startsWith("application/json"))
                .body("error.code", equalTo(code))
                .body("error.message", not(emptyOrNullString()))
                .extract().asString();
        assertThat(body, not(containsString(Reader.API_KEY)));
    }

    @Test
    void selectNarrowsTheEntitiesAndTheContext() {
        JsonPath page = given().urlEncodingEnabled(false)
                .when().get("/odata/Daily?$select=event_date,conversion_rate&$filter=" + MINE)
                .then().statusCode(200).extract().jsonPath(BIG_DECIMALS);
        assertThat(page.getString("'@odata.context'"), equalTo(root() + "/$metadata#Daily(dataset,event_date,conversion_rate)"));
        Map<String, Object> first = page.getMap("value[0]");
        assertThat(first.keySet().stream().filter(k -> !k.startsWith("@")).toList(),
                containsInAnyOrder("dataset", "event_date", "conversion_rate"));
        DecimalAssert.sameDecimal(first.get("conversion_rate"), days.get(0).conversionRate());
    }

    @Test
    void dollarCountIsPlainTextAndFiltered() {
        String count = given().urlEncodingEnabled(false)
                .when().get("/odata/Daily/$count?$filter=" + encode("dataset eq '" + DATASET + "' and event_date lt 2019-10-11"))
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .extract().asString();
        assertThat(count, equalTo("10"));
    }

    @Test
    void inlineCountIgnoresTopAndSkip() {
        JsonPath page = given().urlEncodingEnabled(false)
                .when().get("/odata/Daily?$count=true&$top=3&$skip=2&$filter=" + MINE)
                .then().statusCode(200).extract().jsonPath(BIG_DECIMALS);
        assertThat(page.getInt("'@odata.count'"), equalTo(days.size()));
        assertThat(page.getList("value.event_date"), contains("2019-10-03", "2019-10-04", "2019-10-05"));
        assertThat(page.getString("'@odata.nextLink'"), nullValue());
    }

    @Test
    void pagesFollowNextLinksThatNeverCarryTheApiKey() {
        // the key as a query parameter only, as a Power BI user may paste it; the links must not repeat it, so the
        // client adds it to every page itself
        List<JsonPath> pages = pages(() -> RestAssured.given().queryParam("api_key", Reader.API_KEY),
                "/odata/Daily?$filter=" + MINE + "&$count=true");
        assertThat(pages.stream().map(p -> p.getList("value").size()).toList(), contains(7, 7, 6));
        assertThat(eventDates(pages), equalTo(days.stream().map(d -> d.eventDate().toString()).toList()));
        for (JsonPath page : pages) {
            assertThat(page.getInt("'@odata.count'"), equalTo(days.size()));
            assertThat(page.getString("'@odata.context'"), equalTo(root() + "/$metadata#Daily"));
            String next = page.getString("'@odata.nextLink'");
            if (next != null) {
                assertThat(next, startsWith(root() + "/Daily?"));
                assertThat(next, not(containsString("api_key")));
                assertThat(next, not(containsString(Reader.API_KEY)));
            }
        }
    }

    @Test
    void aSmallerMaxPageSizePreferenceIsHonouredAndAcknowledged() {
        Response response = given().urlEncodingEnabled(false).header("Prefer", "odata.maxpagesize=3")
                .when().get("/odata/Daily?$filter=" + MINE);
        response.then().statusCode(200).header("Preference-Applied", "odata.maxpagesize=3");
        assertThat(response.jsonPath().getList("value"), hasSize(3));
        assertThat(response.jsonPath().getString("'@odata.nextLink'"), startsWith(root() + "/Daily?"));
    }

    @Test
    void topSpansPages() {
        List<JsonPath> pages = pages(Reader::given, "/odata/Daily?$top=10&$skip=1&$filter=" + MINE);
        assertThat(eventDates(pages), equalTo(days.subList(1, 11).stream().map(d -> d.eventDate().toString()).toList()));
    }

    @Test
    void orderingByANullableRatioPagesInPostgresOrder() {
        List<JsonPath> pages = pages(Reader::given, "/odata/Daily?$orderby=" + encode("conversion_rate desc") + "&$filter=" + MINE);
        // PostgreSQL's order, computed here: nulls first when descending, then by value, ties by the key
        Comparator<DailyGoldRow> byRate = Comparator.comparing(DailyGoldRow::conversionRate,
                Comparator.nullsFirst(Comparator.<BigDecimal>reverseOrder()));
        List<String> expected = days.stream().sorted(byRate.thenComparing(DailyGoldRow::eventDate))
                .map(d -> d.eventDate().toString()).toList();
        assertThat(eventDates(pages), equalTo(expected));
    }

    @Test
    void orderingByAnInstantThenACountPagesInPostgresOrder() {
        List<JsonPath> pages = pages(Reader::given, "/odata/Daily?$orderby=" + encode("built_at desc,revenue") + "&$filter=" + MINE);
        Comparator<DailyGoldRow> order = Comparator.comparing(DailyGoldRow::builtAt,
                        Comparator.nullsFirst(Comparator.<OffsetDateTime>reverseOrder()))
                .thenComparing(DailyGoldRow::revenue).thenComparing(DailyGoldRow::eventDate);
        assertThat(eventDates(pages), equalTo(days.stream().sorted(order).map(d -> d.eventDate().toString()).toList()));
    }

    @Test
    void filtersCompareDatesInstantsWithOffsetsAndCombine() {
        String filter = "dataset eq '" + DATASET + "' and (built_at ge 2026-11-01T08:30:15+01:00 or built_at eq null)"
                + " and not (event_date eq 2019-10-05) and events gt 0 and event_date le 2019-10-15";
        List<JsonPath> pages = pages(Reader::given, "/odata/Daily?$filter=" + encode(filter));
        OffsetDateTime bound = OffsetDateTime.parse("2026-11-01T08:30:15+01:00");
        List<String> expected = days.stream()
                .filter(d -> d.builtAt() == null || !d.builtAt().isBefore(bound))
                .filter(d -> !d.eventDate().equals(LocalDate.of(2019, 10, 5)))
                .filter(d -> !d.eventDate().isAfter(LocalDate.of(2019, 10, 15)))
                .map(d -> d.eventDate().toString()).toList();
        assertThat(expected.size(), greaterThan(5));
        assertThat(eventDates(pages), equalTo(expected));
    }

    @Test
    void aRatioFilterRunsOnTheServedRatio() {
        String filter = "dataset eq '" + DATASET + "' and bounce_rate ne null and bounce_rate lt 0.333334";
        List<JsonPath> pages = pages(Reader::given, "/odata/Daily?$filter=" + encode(filter));
        List<String> expected = days.stream()
                .filter(d -> d.bounceRate() != null && d.bounceRate().compareTo(new BigDecimal("0.333334")) < 0)
                .map(d -> d.eventDate().toString()).toList();
        assertThat(eventDates(pages), equalTo(expected));
    }

    @Test
    void feedAndMetadataAreGzippedWhenAsked() {
        for (String path : List.of("/odata/Daily?$filter=" + MINE, "/odata/$metadata")) {
            given().urlEncodingEnabled(false).header("Accept-Encoding", "gzip").when().get(path)
                    .then().statusCode(200).header("Content-Encoding", "gzip");
        }
    }

    @Test
    void pagingNeitherRepeatsNorSkipsRowsWhileGoldChanges() throws Exception {
        JsonPath first = given().urlEncodingEnabled(false).when().get("/odata/Daily?$filter=" + MINE)
                .then().statusCode(200).extract().jsonPath(BIG_DECIMALS);
        List<String> seen = new ArrayList<>(first.getList("value.event_date"));
        assertThat(seen, hasSize(7));

        // between two pages: a day before the position appears, a read day and an unread day are rebuilt, a day
        // after the position appears
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        DailyGoldRow template = days.get(0);
        writer.insert("daily_kpi", withDate(template, LocalDate.of(2019, 9, 20)).columns());
        writer.insert("daily_kpi", withDate(template, LocalDate.of(2019, 10, 25)).columns());
        writer.execute("UPDATE daily_kpi SET events = events + 1000 WHERE dataset = ? AND event_date IN (?, ?)",
                DATASET, LocalDate.of(2019, 10, 3), LocalDate.of(2019, 10, 15));

        List<JsonPath> rest = pages(Reader::given, first.getString("'@odata.nextLink'"));
        seen.addAll(eventDates(rest));
        List<String> expected = new ArrayList<>(days.stream().map(d -> d.eventDate().toString()).toList());
        expected.add("2019-10-25");
        assertThat(seen, equalTo(expected));
        long rebuilt = rest.stream().flatMap(p -> p.<Map<String, Object>>getList("value").stream())
                .filter(r -> r.get("event_date").equals("2019-10-15"))
                .map(r -> Long.parseLong(r.get("events").toString())).findFirst().orElseThrow();
        assertThat(rebuilt, equalTo(days.get(14).events() + 1000));
    }

    private static DailyGoldRow withDate(DailyGoldRow row, LocalDate date) {
        return new DailyGoldRow(row.dataset(), date, row.events(), row.views(), row.carts(), row.removes(), row.purchases(),
                row.revenue(), row.users(), row.sessions(), row.buyers(), row.viewingSessions(), row.cartingSessions(),
                row.purchasingSessions(), row.cartPurchaseSessions(), row.funnelCartSessions(), row.funnelPurchaseSessions(),
                row.sessionEvents(), row.sessionDurationUs(), row.bouncedSessions(), row.builtAt());
    }

    @ParameterizedTest
    @CsvSource({"Daily", "Monthly", "Datasets", "DailyByCategory", "DailyByBrand", "Hourly", "DailyFunnel"})
    void everyEntitySetAnswersWithItsContext(String entitySet) {
        given().urlEncodingEnabled(false).header("Accept", POWER_QUERY_ACCEPT)
                .when().get("/odata/" + entitySet + "?$top=2&$count=true&$orderby=dataset%20desc")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(root() + "/$metadata#" + entitySet));
    }

    @Test
    void theFunnelViewHasThreeStepsPerDay() {
        JsonPath page = given().urlEncodingEnabled(false)
                .when().get("/odata/DailyFunnel?$filter=" + encode("dataset eq '" + DATASET + "' and event_date eq 2019-10-02"))
                .then().statusCode(200).extract().jsonPath(BIG_DECIMALS);
        DailyGoldRow day = days.get(1);
        assertThat(page.getList("value.step_name"), contains("view", "cart", "purchase"));
        assertThat(page.getList("value.sessions").stream().map(Object::toString).toList(), contains(
                day.viewingSessions().toString(), day.funnelCartSessions().toString(), day.funnelPurchaseSessions().toString()));
        assertThat(page.getList("value.events").stream().map(Object::toString).toList(), contains(
                Long.toString(day.views()), Long.toString(day.carts()), Long.toString(day.purchases())));
    }

    /** Follows @odata.nextLink from {@code first} to the end; every page's JSON. */
    private static List<JsonPath> pages(Supplier<RequestSpecification> request, String first) {
        List<JsonPath> pages = new ArrayList<>();
        String next = first;
        while (next != null) {
            Response response = request.get().urlEncodingEnabled(false).when().get(next);
            assertThat(next + " answered " + response.asString(), response.statusCode(), equalTo(200));
            JsonPath page = response.jsonPath(BIG_DECIMALS);
            pages.add(page);
            next = page.getString("'@odata.nextLink'");
            assertThat(pages.size(), lessThan(50));
        }
        return pages;
    }

    private static List<String> eventDates(List<JsonPath> pages) {
        return pages.stream().flatMap(p -> p.<String>getList("value.event_date").stream()).toList();
    }

    private static String root() {
        return RestAssured.baseURI + ":" + RestAssured.port + "/odata";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
