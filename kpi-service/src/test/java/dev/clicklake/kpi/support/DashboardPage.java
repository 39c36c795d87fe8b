package dev.clicklake.kpi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a browser shows it: its cards, the tables beside its charts, and the requests it sent. */
public final class DashboardPage {

    private static final Duration RENDER = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver browser;

    public DashboardPage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Opens {@code address} and waits until the page shows its figures (or fails with the page's message). */
    public void open(String address) {
        browser.get(address);
        awaitReady("");
    }

    /** Picks [from, to) in the date inputs, presses Show and waits until that range is shown. */
    public void showRange(LocalDate from, LocalDate to) {
        JavascriptExecutor script = browser;
        script.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("from")), from.toString());
        script.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("to")), to.toString());
        browser.findElement(By.cssSelector("#range button[type=submit]")).click();
        awaitReady(from + "/" + to);
    }

    private void awaitReady(String range) {
        new WebDriverWait(browser, RENDER).until(page -> {
            WebElement body = page.findElement(By.tagName("body"));
            if ("error".equals(body.getDomAttribute("data-state"))) {
                throw new AssertionError("the dashboard shows an error: " + status());
            }
            return "ready".equals(body.getDomAttribute("data-state"))
                    && String.valueOf(body.getDomAttribute("data-range")).contains(range);
        });
    }

    /** The text of the element {@code selector} (CSS). */
    public String text(String selector) {
        return shown(browser.findElement(By.cssSelector(selector)));
    }

    /**
     * An element's text as the page wrote it: its textContent, since WebDriver's getText() turns the no-break
     * spaces that number formats put in ("1.234,56\u00a0€") into plain ones.
     */
    private static String shown(WebElement element) {
        return element.getDomProperty("textContent").strip();
    }

    /**
     * The funnel's steps whose label is not inside its bar: for each step, the label's box against the bar's
     * trapezoid at the box's top and bottom edges, in the chart's own coordinates (read from ECharts' scene).
     */
    @SuppressWarnings("unchecked")
    public List<String> funnelLabelsOutsideTheirBars() {
        JavascriptExecutor script = browser;
        return (List<String>) script.executeScript("""
                var chart = echarts.getInstanceByDom(document.querySelector('#funnel .chart'));
                var data = chart.getModel().getSeriesByIndex(0).getData();
                var outside = [];
                function apply(m, p) { return m ? [m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5]] : p; }
                for (var i = 0; i < data.count(); i++) {
                  var bar = data.getItemGraphicEl(i);
                  var label = bar.getTextContent();
                  var box = label.getBoundingRect().clone();
                  box.applyTransform(label.getComputedTransform());
                  var m = bar.getComputedTransform();
                  var p = bar.shape.points.map(function (point) { return apply(m, point); });
                  var top = Math.min(p[0][1], p[1][1]), bottom = Math.max(p[2][1], p[3][1]);
                  function edges(y) {
                    var t = (y - top) / (bottom - top);
                    return [p[0][0] + (p[3][0] - p[0][0]) * t, p[1][0] + (p[2][0] - p[1][0]) * t];
                  }
                  var fits = box.y >= top && box.y + box.height <= bottom && [box.y, box.y + box.height].every(function (y) {
                    var e = edges(y);
                    return box.x >= Math.min(e[0], e[1]) && box.x + box.width <= Math.max(e[0], e[1]);
                  });
                  if (!fits || box.width <= 0) {
                    outside.push(data.getName(i) + ': label ' + JSON.stringify(box) + ', bar ' + JSON.stringify(p));
                  }
                }
                return outside;
                """);
    }

    public String status() {
        return shown(browser.findElement(By.id("status")));
    }

    public String value(String inputId) {
        return browser.findElement(By.id(inputId)).getDomProperty("value");
    }

    public List<String> datasetChoices() {
        return browser.findElements(By.cssSelector("#dataset option")).stream()
                .map(option -> option.getDomAttribute("value")).toList();
    }

    /** The text a card shows, e.g. {@code card("users")}. */
    public String card(String kpi) {
        return shown(browser.findElement(By.cssSelector(".card[data-kpi='" + kpi + "'] .value")));
    }

    /** The text of the figure {@code field} in row {@code key} of the table beside chart {@code panel}. */
    public String figure(String panel, String key, String field) {
        return shown(browser.findElement(By.cssSelector("#" + panel + " tr[data-key='" + key + "'] td[data-field='" + field + "']")));
    }

    /** The row keys of the table beside chart {@code panel}, in order. */
    public List<String> rows(String panel) {
        return browser.findElements(By.cssSelector("#" + panel + " tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-key")).toList();
    }

    /** Whether chart {@code panel} was drawn (ECharts renders into a canvas). */
    public boolean chartDrawn(String panel) {
        List<WebElement> canvases = browser.findElements(By.cssSelector("#" + panel + " .chart canvas"));
        return !canvases.isEmpty() && canvases.get(0).getSize().getHeight() > 0;
    }

    /** Every request the page sent since the last call (URL and headers, from the DevTools network events). */
    public List<JsonNode> requests() {
        List<JsonNode> requests = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    requests.add(message.path("params").path("request"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return requests;
    }

    /** Saves the whole page as a PNG at {@code file}. */
    public void screenshot(Path file) throws IOException {
        JavascriptExecutor script = browser;
        // the window's height includes the browser's own bars, even headless: grow it by the page's overflow
        long overflow = ((Number) script.executeScript(
                "return document.documentElement.scrollHeight - window.innerHeight")).longValue();
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(size.getWidth(), size.getHeight() + (int) Math.max(0, overflow)));
        Files.createDirectories(file.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
