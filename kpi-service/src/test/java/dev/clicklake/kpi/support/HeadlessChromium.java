package dev.clicklake.kpi.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and its chromedriver ({@code deploy/local/stack.sh start} installs both), driven headless,
 * with the DevTools network events kept in the performance log so a test can read every request the page sent.
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A headless browser with a {@code width} x {@code height} window, in English (United States). */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, "en-US");
    }

    /**
     * A headless browser with a {@code width} x {@code height} window whose preferred language
     * ({@code navigator.language}, Accept-Language) is {@code language}; fails, never skips, when Chromium is absent.
     */
    public static ChromeDriver start(int width, int height, String language) {
        for (Path required : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(required)) {
                throw new AssertionError(required + " is missing: the dashboard test needs Debian's chromium and "
                        + "chromium-driver packages; deploy/local/stack.sh start installs them "
                        + "(or: apt-get install -y --no-install-recommends chromium chromium-driver)");
            }
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--hide-scrollbars", "--window-size=" + width + "," + height,
                        "--lang=" + language, "--accept-lang=" + language);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
