package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.GoldRowWriter.row;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.DayFigures;
import dev.clicklake.kpi.support.GoldRowWriter;
import dev.clicklake.kpi.support.Reader;
import dev.clicklake.kpi.support.Served;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.communication.request.retrieve.EdmMetadataRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads the feed with Apache Olingo's OData client, an implementation independent of the server side: the
 * metadata it parses, the pages it follows, the values it types.
 */
@QuarkusTest
class ODataClientTest {

    private static final String DATASET = "odata-client";
    private static final LocalDate FIRST = LocalDate.of(2019, 10, 1);
    private static final List<String> BRANDS = List.of("acme", "apple", "samsung", "unknown", "xiaomi", "zeta");

    @Inject
    DataSource dataSource;

    private final ODataClient client = ODataClientFactory.getClient();
    private final List<Map<String, Object>> brandRows = new ArrayList<>();
    private List<DailyGoldRow> days;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        brandRows.clear();
        for (int day = 0; day < 4; day++) {
            for (int b = 0; b < BRANDS.size(); b++) {
                long views = 10 + day * 7 + b;
                long purchases = (day + b) % 3;
                Map<String, Object> row = row("dataset", DATASET, "event_date", FIRST.plusDays(day), "brand", BRANDS.get(b),
                        "events", views + purchases, "views", views, "carts", 0L, "removes", 0L, "purchases", purchases,
                        "revenue", new BigDecimal("12.34").multiply(BigDecimal.valueOf(purchases)), "users", 3L + b,
                        "sessions", (long) b, "buyers", Math.min(purchases, 3L + b), "carting_sessions", 0L,
                        "purchasing_sessions", Math.min(purchases, b));
                writer.insert("daily_brand_kpi", row);
                brandRows.add(row);
            }
        }
        days = DailyGoldRow.days(DATASET, FIRST, 17, 3);
        for (DailyGoldRow day : days) {
            writer.insert("daily_kpi", day.columns());
        }
    }

    @Test
    void theClientReadsTheMetadata() {
        EdmMetadataRequest request = client.getRetrieveRequestFactory().getMetadataRequest(serviceRoot());
        request.addCustomHeader("X-API-Key", Reader.API_KEY);
        Edm edm = request.execute().getBody();
        EdmEntitySet set = edm.getEntityContainer().getEntitySet("DailyByBrand");
        assertThat(set, notNullValue());
        EdmEntityType type = set.getEntityType();
        assertThat(type.getKeyPredicateNames(), contains("dataset", "event_date", "brand"));
        assertThat(property(type, "event_date").getType().getFullQualifiedName().toString(), equalTo("Edm.Date"));
        assertThat(property(type, "events").getType().getFullQualifiedName().toString(), equalTo("Edm.Int64"));
        assertThat(property(type, "revenue").getScale(), equalTo(2));
        assertThat(property(type, "conversion_rate").getScale(), equalTo(6));
        assertThat(property(type, "conversion_rate").getType().getFullQualifiedName().toString(), equalTo("Edm.Decimal"));
        assertThat(edm.getEntityContainer().getEntitySet("Daily").getEntityType().getKeyPredicateNames(),
                contains("dataset", "event_date"));
        assertThat(edm.getEntityContainer().getEntitySet("DailyFunnel").getEntityType().getKeyPredicateNames(),
                contains("dataset", "event_date", "step"));
    }

    @Test
    void theClientPagesThroughAFilteredTableAndGetsTheRowsInserted() {
        URI first = client.newURIBuilder(serviceRoot()).appendEntitySetSegment("DailyByBrand")
                .filter("dataset eq '" + DATASET + "' and event_date ge 2019-10-02 and event_date lt 2019-10-04")
                .build();
        List<ClientEntity> entities = readAll(first);
        List<String> served = entities.stream().map(e -> value(e, "event_date") + "/" + value(e, "brand") + "/"
                + value(e, "events") + "/" + new BigDecimal(value(e, "revenue")).stripTrailingZeros().toPlainString()).toList();
        List<String> expected = brandRows.stream()
                .filter(r -> !((LocalDate) r.get("event_date")).isBefore(FIRST.plusDays(1))
                        && ((LocalDate) r.get("event_date")).isBefore(FIRST.plusDays(3)))
                .map(r -> r.get("event_date") + "/" + r.get("brand") + "/" + r.get("events") + "/"
                        + ((BigDecimal) r.get("revenue")).stripTrailingZeros().toPlainString())
                .toList();
        assertThat(served, equalTo(expected));
    }

    @Test
    void dailyThroughTheFeedEqualsTheJsonApi() throws Exception {
        URI first = client.newURIBuilder(serviceRoot()).appendEntitySetSegment("Daily")
                .filter("dataset eq '" + DATASET + "'").build();
        List<DayFigures> feed = readAll(first).stream().map(e -> new DayFigures(value(e, "dataset"),
                LocalDate.parse(value(e, "event_date")), Long.parseLong(value(e, "events")), Long.parseLong(value(e, "views")),
                Long.parseLong(value(e, "carts")), Long.parseLong(value(e, "removes")), Long.parseLong(value(e, "purchases")),
                new BigDecimal(value(e, "revenue")).setScale(2), Long.parseLong(value(e, "users")), Long.parseLong(value(e, "sessions"))))
                .toList();
        List<DayFigures> api = Served.daily(DATASET, FIRST, FIRST.plusDays(days.size()));
        assertThat(feed.size(), equalTo(days.size()));
        assertThat(feed, equalTo(api));
    }

    /** Every entity from {@code first} on, following the next links as the client reads them. */
    private List<ClientEntity> readAll(URI first) {
        List<ClientEntity> entities = new ArrayList<>();
        URI next = first;
        int pages = 0;
        while (next != null) {
            ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(next);
            request.addCustomHeader("X-API-Key", Reader.API_KEY);
            ClientEntitySet page = request.execute().getBody();
            entities.addAll(page.getEntities());
            next = page.getNext();
            pages++;
            assertThat(pages, lessThan(20));
        }
        assertThat("more than one page", pages, greaterThan(1));
        return entities;
    }

    private static String value(ClientEntity entity, String name) {
        return entity.getProperty(name).getPrimitiveValue().toString();
    }

    private static EdmProperty property(EdmEntityType type, String name) {
        return (EdmProperty) type.getProperty(name);
    }

    private static String serviceRoot() {
        return RestAssured.baseURI + ":" + RestAssured.port + "/odata";
    }
}
