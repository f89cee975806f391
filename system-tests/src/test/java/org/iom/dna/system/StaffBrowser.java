package org.iom.dna.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One staff member at the console in headless Chromium (Debian's chromium and chromedriver, which
 * {@code deploy/local/suite test} installs): signs in through Keycloak's own login page, saves screenshots, runs
 * axe-core and measures what a page weighs. Close it to end the browser.
 */
final class StaffBrowser implements AutoCloseable {

    static final String CONSOLE = System.getProperty("dna.console.url", "http://localhost:8085");
    /** Screenshots and the page-weight report, under the build output. */
    static final Path OUTPUT = Path.of("target", "staff-console");

    /** The demo users' password in the development realm (deploy/keycloak/dna-realm.json). */
    private static final String DEMO_PASSWORD = "demo-password";

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    private StaffBrowser(boolean javaScript) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("dna.chromium", "/usr/bin/chromium"));
        // Headless as root on a host without a display or outside network: no sandbox, GPU, or Google services.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,1000",
                "--lang=en-GB",
                "--user-data-dir=" + (profile = Files.createTempDirectory("staff-browser")));
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("dna.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens {@code path} of the console as {@code username}, through Keycloak's login form. */
    static StaffBrowser signIn(String username, String path, boolean javaScript) throws IOException {
        StaffBrowser browser = new StaffBrowser(javaScript);
        try {
            browser.driver.get(CONSOLE + path);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.driver.findElement(By.id("username")).sendKeys(username);
            browser.driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
            browser.driver.findElement(By.id("kc-login")).click();
            browser.wait.until(d -> d.getCurrentUrl().startsWith(CONSOLE));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    void open(String path) {
        driver.get(CONSOLE + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }

    /**
     * Clicks a button that sends a plain form (or a link) and waits until the next page has replaced this one: a
     * page read too early would be the old one, or vanish under the reader.
     */
    void submit(WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Saves the visible page as {@code target/staff-console/<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Runs axe-core (the WCAG 2.0 to 2.2 A and AA rules) on the page and fails on any serious or critical violation,
     * naming each with the elements it found; milder ones are printed.
     */
    void assertAccessible(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<String> grave = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList())
                .toList();
        List<String> milder = results.getViolations().stream()
                .filter(v -> !"serious".equals(v.getImpact()) && !"critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + ")")
                .toList();
        System.out.printf(
                "axe-core on %s: %d rules passed, %d serious or critical violations, milder: %s%n",
                page, results.getPasses().size(), grave.size(), milder);
        assertEquals(List.of(), grave, "accessibility violations on " + page);
    }

    /**
     * What the page weighed when it loaded: the document as sent (compressed) and everything it loaded, as the
     * bytes a first visit with an empty cache transfers (the encoded sizes, cached or not).
     */
    Weight weight() {
        Map<?, ?> figures = (Map<?, ?>) ((JavascriptExecutor) driver)
                .executeScript("const nav = performance.getEntriesByType('navigation')[0];"
                        + "const res = performance.getEntriesByType('resource');"
                        + "return {document: nav.encodedBodySize, documentDecoded: nav.decodedBodySize,"
                        + " resources: res.reduce((s, r) => s + r.encodedBodySize, 0), count: res.length};");
        return new Weight(
                ((Number) figures.get("document")).longValue(),
                ((Number) figures.get("documentDecoded")).longValue(),
                ((Number) figures.get("resources")).longValue(),
                ((Number) figures.get("count")).intValue());
    }

    record Weight(long document, long documentDecoded, long resources, int resourceCount) {
        long total() {
            return document + resources;
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A profile left in /tmp is harmless.
        }
    }
}
