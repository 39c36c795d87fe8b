package dev.clicklake.kpi.badinput;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.GoldRowWriter;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests to every HTTP surface of kpi-service (JSON API, export, OData feed), one named case each: the status,
 * the error body (which parameter or OData code, and why), no API key echoed, and that the service still answers a
 * good request with the right figures afterwards. The silver-ready consumer's cases are in
 * {@link BadSilverReadySuiteTest}.
 */
@QuarkusTest
class BadInputSuiteTest {

    private static final String DATASET = "bad-input-suite";
    private static final LocalDate FIRST = LocalDate.of(2019, 10, 1);

    /** A request and what its refusal must say. */
    record Case(String path, int status, String field, String why) {
        boolean odata() {
            return path.startsWith("/odata");
        }
    }

    @Inject
    DataSource dataSource;

    private List<DailyGoldRow> days;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        days = DailyGoldRow.days(DATASET, FIRST, 3, 7);
        for (DailyGoldRow day : days) {
            writer.insert("daily_kpi", day.columns());
        }
    }

    static Stream<Named<Case>> cases() {
        String range = "dataset=" + DATASET + "&from=2019-10-01&to=2019-10-04";
        // raw parentheses (legal in a query string): encoded, 1,000 of them would pass the 4 KiB request line
        String deep = "(".repeat(1000) + "events%20gt%201" + ")".repeat(1000);
        return Stream.of(
                // the JSON API
                named("monthly over the whole LocalDate span (ran the heap out)",
                        "/kpi/monthly?dataset=x&from=-999999999-01-01&to=%2B999999999-12-31", 400, "from", "must be from 1970-01-01"),
                named("summary from before 1970", "/kpi/summary?dataset=x&from=1969-12-31&to=1970-01-02", 400, "from", "must be from"),
                named("daily to past year 9999", "/kpi/daily?dataset=x&from=2019-10-01&to=%2B10000-01-01", 400, "to", "to 9999-12-31"),
                named("monthly to at the year +999999999", "/kpi/monthly?dataset=x&from=2019-10-01&to=%2B999999999-12-31", 400, "to", "must be from"),
                named("compare over more than ten years", "/kpi/compare?dataset=x&from=2000-01-01&to=2019-01-01", 400, "to", "at most 3660"),
                named("breakdown over more than ten years",
                        "/kpi/breakdown?dataset=x&from=1970-01-01&to=9999-12-31&dimension=hour", 400, "to", "at most 3660"),
                named("funnel on February 30th", "/kpi/funnel?dataset=x&from=2019-02-30&to=2019-03-02", 400, "from", "YYYY-MM-DD"),
                named("daily with a date-time", "/kpi/daily?dataset=x&from=2019-10-01T00:00:00&to=2019-10-02", 400, "from", "YYYY-MM-DD"),
                named("summary without from", "/kpi/summary?dataset=x&to=2019-10-02", 400, "from", "required"),
                named("summary with an empty to", "/kpi/summary?dataset=x&from=2019-10-01&to=", 400, "to", "required"),
                named("from equal to to", "/kpi/summary?dataset=x&from=2019-10-02&to=2019-10-02", 400, "from", "must be before to"),
                named("daily without dataset", "/kpi/daily?from=2019-10-01&to=2019-10-02", 400, "dataset", "required"),
                named("dataset of 64 characters", "/kpi/daily?dataset=" + "a".repeat(64) + "&from=2019-10-01&to=2019-10-02", 400,
                        "dataset", "1-63 characters"),
                named("dataset with a path", "/kpi/daily?dataset=..%2Fother&from=2019-10-01&to=2019-10-02", 400, "dataset", "1-63"),
                named("dataset given twice", "/kpi/daily?dataset=a&dataset=b&from=2019-10-01&to=2019-10-02", 400, "dataset",
                        "may be given once"),
                named("from given twice", "/kpi/summary?dataset=a&from=2019-10-01&from=2019-10-02&to=2019-10-03", 400, "from",
                        "may be given once"),
                named("unknown parameter on datasets", "/kpi/datasets?limit=5", 400, "limit", "unknown parameter"),
                named("compare against an unknown period", "/kpi/compare?" + range + "&against=last-year", 400, "against",
                        "must be one of"),
                named("breakdown top above 1000", "/kpi/breakdown?" + range + "&dimension=brand&top=1001", 400, "top", "1 to 1000"),
                named("breakdown top negative", "/kpi/breakdown?" + range + "&dimension=brand&top=-1", 400, "top", "1 to 1000"),
                named("breakdown top past a long", "/kpi/breakdown?" + range + "&dimension=brand&top=99999999999999999999", 400,
                        "top", "1 to 1000"),
                named("breakdown by an unknown dimension", "/kpi/breakdown?" + range + "&dimension=color", 400, "dimension",
                        "must be one of"),
                named("breakdown ranked by an unknown figure", "/kpi/breakdown?" + range + "&dimension=brand&by=price", 400, "by",
                        "must be one of"),
                // the export
                named("export from past java.time's range",
                        "/export/daily.csv?from=%2B999999999-12-31T23:59:59Z", 400, "from", "ISO-8601"),
                named("export to below java.time's range with an offset",
                        "/export/daily.json?to=-999999999-01-01T00:00:00%2B18:00", 400, "to", "ISO-8601"),
                named("export from the year 1", "/export/daily.json?from=0001-01-01", 400, "from", "must be from 1970-01-01"),
                named("export to past 9999-12-31", "/export/daily.csv?to=9999-12-31T23:00:00", 400, "to", "to 9999-12-31"),
                named("export of an unknown table", "/export/nosuch.csv", 400, "table", "unknown table"),
                named("export dataset given twice", "/export/daily.csv?dataset=a&dataset=b", 400, "dataset", "may be given once"),
                named("export from after to", "/export/daily.csv?from=2019-10-02&to=2019-10-01", 400, "from", "must be before to"),
                named("export unknown parameter", "/export/daily.csv?limit=5", 400, "limit", "unknown parameter"),
                named("export of a table without dates by date", "/export/datasets.csv?from=2019-10-01", 400, "from",
                        "no date column"),
                named("export with a bad dataset", "/export/daily.csv?dataset=Bad%20Name", 400, "dataset", "1-63"),
                named("export with an empty from", "/export/monthly.csv?from=", 400, "from", "is empty"),
                // the OData feed (field: the OData error code)
                named("filter of 1,000 nested parentheses (overflowed the stack)", "/odata/Daily?$filter=" + deep, 400,
                        "InvalidQueryOption", "nests parentheses 1000 deep"),
                named("filter longer than 2048 characters", "/odata/Daily?$filter=" + encode("events gt 1" + " or events gt 1".repeat(150)),
                        400, "InvalidQueryOption", "at most 2048"),
                named("orderby nested 40 deep", "/odata/Daily?$orderby=" + encode("(".repeat(40) + "events" + ")".repeat(40)), 400,
                        "InvalidQueryOption", "at most 32"),
                named("negative top", "/odata/Daily?$top=-1", 400, "BAD_REQUEST", ""),
                named("top that is not a number", "/odata/Daily?$top=many", 400, "BAD_REQUEST", ""),
                named("negative skip", "/odata/Daily?$skip=-5", 400, "BAD_REQUEST", ""),
                named("tampered skiptoken", "/odata/Daily?$skiptoken=bm90LW91cnM", 400, "InvalidSkipToken", ""),
                named("unknown query option", "/odata/Daily?dataset=" + DATASET, 400, "UnknownQueryOption", "dataset"),
                named("filter on an unknown property", "/odata/Daily?$filter=" + encode("nosuch eq 1"), 400, "BAD_REQUEST", ""),
                named("filter that does not parse", "/odata/Daily?$filter=" + encode("dataset eq"), 400, "BAD_REQUEST", ""),
                named("select of an unknown property", "/odata/Daily?$select=nosuch", 400, "BAD_REQUEST", ""),
                named("count that is not a boolean", "/odata/Daily?$count=maybe", 400, "BAD_REQUEST", ""));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aBadRequestIsRefusedSayingWhatAndWhyAndTheServiceStillAnswers(Case bad) {
        String withKey = bad.path() + (bad.path().contains("?") ? "&" : "?") + "api_key=" + Reader.API_KEY;
        Response answer = io.restassured.RestAssured.given().urlEncodingEnabled(false).when().get(withKey);
        answer.then().statusCode(bad.status()).body(not(containsString(Reader.API_KEY)));
        if (bad.odata()) {
            answer.then().body("error.code", equalTo(bad.field())).body("error.message", containsString(bad.why()));
        } else {
            answer.then().contentType("application/json")
                    .body("status", equalTo(bad.status()))
                    .body("parameter", equalTo(bad.field()))
                    .body("message", containsString(bad.why()));
        }
        stillAnswers();
    }

    /** A good request right after: the seeded days, with their figures. */
    private void stillAnswers() {
        given().when().get("/kpi/daily?dataset=" + DATASET + "&from=2019-10-01&to=2019-10-04")
                .then().statusCode(200)
                .body("size()", equalTo(days.size()))
                .body("[0].eventDate", equalTo(FIRST.toString()))
                .body("[2].events", equalTo((int) days.get(2).events()));
    }

    private static Named<Case> named(String name, String path, int status, String field, String why) {
        return Named.of(name, new Case(path, status, field, why));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
