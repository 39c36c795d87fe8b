package dev.clicklake.kpi.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.DashboardPage;
import dev.clicklake.kpi.support.DashboardText;
import dev.clicklake.kpi.support.FunnelFigures;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.HeadlessChromium;
import dev.clicklake.kpi.support.Reader;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import dev.clicklake.kpi.support.SummaryFigures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Locale;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in headless Chromium over gold built through the real flow: its cards and the figures beside
 * its charts against the same KPIs computed in plain Java from the rows written, written as the JDK writes them
 * in the browser's language (en-US, then de-DE) and the configured currency, for the dataset's whole span, for a
 * two-day range across month end, and for a day without carts or purchases (null ratios shown as a dash); the
 * funnel's labels inside their bars; the reader's key only in the X-API-Key header.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Path SCREENSHOT_DE = Path.of("target", "dashboard-de-DE.png");
    private static final LocalDate SEP_30 = LocalDate.of(2019, 9, 30);
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_15 = LocalDate.of(2019, 10, 15);
    private static final LocalDate OCT_31 = LocalDate.of(2019, 10, 31);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2019, 11, 2);
    private static final LocalDate DEC_1 = LocalDate.of(2019, 12, 1);
    private static final LocalDate DEC_2 = LocalDate.of(2019, 12, 2);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @ConfigProperty(name = "clicklake.kpi.dashboard.currency")
    String currency;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @Test
    void showsTheCardsAndChartFiguresOfTheRowsWritten() throws Exception {
        String dataset = "dashboard-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(31, 40, 90);
        List<SilverRow> rows = new ArrayList<>();
        rows.addAll(generator.on(SEP_30, 120));
        rows.addAll(generator.on(OCT_15, 200));
        rows.addAll(generator.on(OCT_31, 250));
        rows.addAll(generator.on(NOV_1, 250));
        rows.addAll(generator.on(NOV_2, 150));
        rows.addAll(onlyViews(DEC_1));
        new GoldFlow(lake, topicPrefix, codec).build(dataset, rows);
        assertEquals("EUR", currency, "the test profile's currency, not the default: the page must read it");
        showsInEnglish(dataset, rows, new DashboardText(Locale.US, Currency.getInstance(currency)));
        showsInGerman(dataset, rows, new DashboardText(Locale.GERMANY, Currency.getInstance(currency)));
    }

    private void showsInEnglish(String dataset, List<SilverRow> rows, DashboardText text) throws Exception {
        ChromeDriver browser = HeadlessChromium.start(1440, 1000, text.languageTag());
        try {
            DashboardPage page = new DashboardPage(browser);
            page.open(dashboard + "?api_key=" + Reader.API_KEY + "&dataset=" + dataset);

            assertTrue(page.datasetChoices().contains(dataset), () -> "dataset selector: " + page.datasetChoices());
            assertEquals(SEP_30.toString(), page.value("from"), "the whole span by default: its first day");
            assertEquals(DEC_2.toString(), page.value("to"), "the whole span by default: the day after its last");
            assertShows(page, text, dataset, SEP_30, DEC_2, rows, List.of(SEP_30, OCT_1, NOV_1, DEC_1, DEC_2));
            assertEquals(List.of(), page.funnelLabelsOutsideTheirBars(), "every funnel label inside its bar");
            for (String panel : List.of("funnel", "conversion-by-month", "engagement-by-month", "volume-by-month")) {
                assertTrue(page.chartDrawn(panel), () -> "chart " + panel + " drawn");
            }
            page.screenshot(SCREENSHOT);

            page.showRange(OCT_31, NOV_2);
            assertShows(page, text, dataset, OCT_31, NOV_2, rows, List.of(OCT_31, NOV_1, NOV_2));

            page.showRange(DEC_1, DEC_2);
            assertShows(page, text, dataset, DEC_1, DEC_2, rows, List.of(DEC_1, DEC_2));
            assertEquals(DashboardText.NONE, page.card("avgPurchasePrice"), "no purchase: no average price");
            assertEquals(DashboardText.NONE, page.figure("engagement-by-month", "2019-12", "cartToPurchaseRate"),
                    "no cart: no cart-to-purchase rate");

            assertKeyOnlyInHeaders(page.requests());
        } finally {
            browser.quit();
        }
    }

    /** The same page in German: every figure, day and month written the German way, the funnel labels still inside. */
    private void showsInGerman(String dataset, List<SilverRow> rows, DashboardText text) throws Exception {
        ChromeDriver browser = HeadlessChromium.start(1440, 1000, text.languageTag());
        try {
            DashboardPage page = new DashboardPage(browser);
            page.open(dashboard + "?api_key=" + Reader.API_KEY + "&dataset=" + dataset + "&from=" + OCT_15 + "&to=" + NOV_2);
            assertShows(page, text, dataset, OCT_15, NOV_2, rows, List.of(OCT_15, NOV_1, NOV_2));
            assertEquals(List.of(), page.funnelLabelsOutsideTheirBars(), "every funnel label inside its bar");
            page.screenshot(SCREENSHOT_DE);
        } finally {
            browser.quit();
        }
    }

    /** A day with two views and nothing else: its ratios over carts and purchases are undefined. */
    private static List<SilverRow> onlyViews(LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return List.of(
                new SilverRow(start.plusSeconds(60), "view", 1_000_001L, 2_053_013_555_631_882_655L,
                        "electronics.smartphone", "samsung", new BigDecimal("199.99"), 512_000_001L, "december-session"),
                new SilverRow(start.plusSeconds(90), "view", 1_000_002L, 2_053_013_555_631_882_655L,
                        "electronics.smartphone", "apple", new BigDecimal("999.00"), 512_000_002L, null));
    }

    /** Cards over [from, to), the funnel, and one row per month (bounded by {@code months}) beside each chart. */
    private static void assertShows(DashboardPage page, DashboardText text, String dataset, LocalDate from, LocalDate to,
            List<SilverRow> rows, List<LocalDate> months) {
        SummaryFigures range = SummaryFigures.expected(dataset, from, to, rows);
        assertEquals(text.count(range.users()), page.card("users"), "Total Users");
        assertEquals(text.count(range.sessions()), page.card("sessions"), "Total Sessions");
        assertEquals(text.count(range.purchases()), page.card("purchases"), "Total Purchases");
        assertEquals(text.money(range.revenue()), page.card("revenue"), "Revenue, in the configured currency");
        assertEquals(text.percent(range.conversionRate()), page.card("conversionRate"), "Conversion Rate");
        assertEquals(text.money(range.avgPurchasePrice()), page.card("avgPurchasePrice"), "Average Purchase Price");
        assertTrue(page.status().contains(text.day(from) + " – " + text.day(to.minusDays(1))),
                () -> "the range's first and last day as the date inputs write them: " + page.status());
        assertTrue(page.status().contains(text.count(range.events()) + " events"), page::status);
        assertTrue(page.text("#dataset option[value='" + dataset + "']").contains(text.day(SEP_30)),
                () -> "the dataset's first day: " + page.text("#dataset"));

        FunnelFigures funnel = FunnelFigures.expected(dataset, from, to, rows);
        assertEquals(List.of("view", "cart", "purchase"), page.rows("funnel"));
        assertEquals(text.count(funnel.views()), page.figure("funnel", "view", "events"));
        assertEquals(text.count(funnel.carts()), page.figure("funnel", "cart", "events"));
        assertEquals(text.count(funnel.purchases()), page.figure("funnel", "purchase", "events"));
        assertEquals(text.count(funnel.viewingCartingPurchasingSessions()),
                page.figure("funnel", "purchase", "sessions"));

        List<String> monthKeys = new ArrayList<>();
        for (int i = 0; i + 1 < months.size(); i++) {
            SummaryFigures month = SummaryFigures.expected(dataset, months.get(i), months.get(i + 1), rows);
            String key = months.get(i).toString().substring(0, 7);
            monthKeys.add(key);
            assertEquals(text.month(YearMonth.from(months.get(i))), page.figure("volume-by-month", key, "month"),
                    () -> "month " + key + " in the browser's language");
            assertEquals(text.percent(month.conversionRate()), page.figure("conversion-by-month", key, "conversionRate"),
                    () -> "conversion rate of " + key);
            assertEquals(text.decimal(month.eventsPerSession()), page.figure("engagement-by-month", key, "eventsPerSession"),
                    () -> "events per session of " + key);
            assertEquals(text.percent(month.cartToPurchaseRate()),
                    page.figure("engagement-by-month", key, "cartToPurchaseRate"), () -> "cart-to-purchase rate of " + key);
            assertEquals(text.count(month.events()), page.figure("volume-by-month", key, "events"), () -> "events of " + key);
            assertEquals(text.count(month.sessions()), page.figure("volume-by-month", key, "sessions"), () -> "sessions of " + key);
            assertEquals(text.count(month.users()), page.figure("volume-by-month", key, "users"), () -> "users of " + key);
        }
        assertEquals(monthKeys, page.rows("volume-by-month"), "one row per month of the range");
    }

    /**
     * Every data request carries the key as X-API-Key, and no URL but the page's has it (the page's static files
     * are open and need none).
     */
    private void assertKeyOnlyInHeaders(List<JsonNode> requests) {
        List<JsonNode> ours = requests.stream()
                .filter(request -> request.path("url").asText().startsWith(dashboard.getProtocol() + "://"))
                .toList();
        assertTrue(ours.get(0).path("url").asText().contains("api_key="), "the page is opened with its key");
        for (JsonNode request : ours.subList(1, ours.size())) {
            String url = request.path("url").asText();
            assertFalse(url.contains(Reader.API_KEY), () -> "the key leaked into " + url);
        }
        List<JsonNode> data = ours.stream().filter(request -> request.path("url").asText().contains("/kpi/")).toList();
        assertTrue(data.size() >= 4, () -> "datasets and 3 figure requests at least: " + ours);
        for (JsonNode request : data) {
            assertEquals(Reader.API_KEY, request.path("headers").path("X-API-Key").asText(),
                    () -> "X-API-Key on " + request.path("url").asText());
        }
    }
}
