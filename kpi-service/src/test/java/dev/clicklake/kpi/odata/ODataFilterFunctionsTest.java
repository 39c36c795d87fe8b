package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.GoldRowWriter.row;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import dev.clicklake.kpi.support.GoldRowWriter;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter functions Power Query folds its text and date functions into ({@code Text.Contains} to
 * {@code contains}, {@code Date.Year} to {@code year}, {@code List.Contains} to {@code in}, ...), over real gold
 * rows in PostgreSQL: what the feed answers equals the same filter computed here over the unfiltered feed. Brands
 * hold LIKE's wildcards and escape character, which must match only themselves.
 */
@QuarkusTest
class ODataFilterFunctionsTest {

    private static final String DATASET = "odata-functions";
    private static final List<String> BRANDS = List.of("acme", "ACME Pro", "Acme_Home", "AcmeXHome", "100% cotton",
            "100 cotton", "back\\slash", "backslash", "it's", "Zeta");
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 1),
            LocalDate.of(2019, 10, 31), LocalDate.of(2019, 11, 1), LocalDate.of(2020, 1, 1));

    @Inject
    DataSource dataSource;

    private List<Map<String, Object>> unfiltered;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        for (LocalDate day : DAYS) {
            for (String brand : BRANDS) {
                writer.insert("daily_brand_kpi", row("dataset", DATASET, "event_date", day, "brand", brand,
                        "events", 3L, "views", 2L, "carts", 1L, "removes", 0L, "purchases", 0L, "revenue", BigDecimal.ZERO,
                        "users", 1L, "sessions", 1L, "buyers", 0L, "carting_sessions", 1L, "purchasing_sessions", 0L));
            }
        }
        unfiltered = rows("dataset eq '" + DATASET + "'");
        assertThat(unfiltered, hasSize(DAYS.size() * BRANDS.size()));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                filter("contains(brand,'_')", r -> brand(r).contains("_")),
                filter("contains(brand,'%')", r -> brand(r).contains("%")),
                filter("contains(brand,'\\')", r -> brand(r).contains("\\")),
                filter("contains(brand,'''')", r -> brand(r).contains("'")),
                filter("startswith(brand,'Acme_')", r -> brand(r).startsWith("Acme_")),
                filter("startswith(brand,'100%')", r -> brand(r).startsWith("100%")),
                filter("endswith(brand,'cotton')", r -> brand(r).endsWith("cotton")),
                filter("not contains(brand,'cme')", r -> !brand(r).contains("cme")),
                filter("contains(tolower(brand),'acme')", r -> brand(r).toLowerCase(Locale.ROOT).contains("acme")),
                filter("startswith(tolower(brand),tolower('ACME'))", r -> brand(r).toLowerCase(Locale.ROOT).startsWith("acme")),
                filter("toupper(brand) eq 'ACME PRO'", r -> brand(r).toUpperCase(Locale.ROOT).equals("ACME PRO")),
                filter("tolower(brand) eq 'zeta'", r -> brand(r).equals("Zeta")),
                filter("year(event_date) eq 2019", r -> day(r).getYear() == 2019),
                filter("year(event_date) eq 2019 and month(event_date) eq 10", r -> day(r).getYear() == 2019 && day(r).getMonthValue() == 10),
                filter("day(event_date) eq 1", r -> day(r).getDayOfMonth() == 1),
                filter("month(event_date) ge 10 and day(event_date) lt 31", r -> day(r).getMonthValue() >= 10 && day(r).getDayOfMonth() < 31),
                filter("month(event_date) in (9,11)", r -> Set.of(9, 11).contains(day(r).getMonthValue())),
                filter("brand in ('acme','Zeta','nope')", r -> Set.of("acme", "Zeta").contains(brand(r))),
                filter("event_date in (2019-10-01,2020-01-01)", r -> Set.of("2019-10-01", "2020-01-01").contains(r.get("event_date"))),
                filter("not (brand in ('acme','it''s')) and endswith(brand,'e')", r -> !Set.of("acme", "it's").contains(brand(r)) && brand(r).endsWith("e")));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void aFoldedFunctionSelectsWhatTheSameFilterSelectsOverTheUnfilteredFeed(String filter, Predicate<Map<String, Object>> same) {
        Set<String> expected = keys(unfiltered.stream().filter(same).toList());
        assertThat(filter + " selects some rows, not all", expected, not(empty()));
        assertThat(filter + " selects some rows, not all", expected.size(), lessThan(unfiltered.size()));
        assertThat(filter, keys(rows("dataset eq '" + DATASET + "' and (" + filter + ")")), equalTo(expected));
    }

    @Test
    void aPlusInTheQueryStringIsASpace() {
        String query = "$filter=dataset+eq+'" + DATASET + "'+and+brand+eq+'ACME+Pro'+and+year(event_date)+eq+2019";
        Response response = Reader.given().urlEncodingEnabled(false).when().get("/odata/DailyByBrand?" + query);
        response.then().statusCode(200);
        assertThat(response.jsonPath().getList("value.brand"), equalTo(List.of("ACME Pro", "ACME Pro", "ACME Pro", "ACME Pro")));
        // a plus itself travels as %2B
        Reader.given().urlEncodingEnabled(false)
                .when().get("/odata/DailyByBrand?$filter=dataset+eq+'" + DATASET + "'+and+brand+eq+'ACME%2BPro'")
                .then().statusCode(200).body("value", hasSize(0));
    }

    private static Arguments filter(String filter, Predicate<Map<String, Object>> same) {
        return Arguments.of(filter, same);
    }

    private static String brand(Map<String, Object> row) {
        return (String) row.get("brand");
    }

    private static LocalDate day(Map<String, Object> row) {
        return LocalDate.parse((String) row.get("event_date"));
    }

    private static Set<String> keys(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("event_date") + "|" + r.get("brand")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every row the feed serves for {@code filter}, following @odata.nextLink. */
    private static List<Map<String, Object>> rows(String filter) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String next = "/odata/DailyByBrand?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
        for (int page = 0; next != null; page++) {
            assertThat(page, lessThan(100));
            Response response = Reader.given().urlEncodingEnabled(false).when().get(next);
            assertThat(next + " answered " + response.asString(), response.statusCode(), equalTo(200));
            JsonPath json = response.jsonPath();
            rows.addAll(json.getList("value"));
            next = json.getString("'@odata.nextLink'");
        }
        return rows;
    }
}
