package rdptriage.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the browser tests (Debian's /usr/bin/chromium and chromedriver), with
 * its own throw-away profile, and what those tests share: waiting for pages, axe-core, full-page
 * screenshots, the clipboard, the console and sideways scrolling.
 */
public final class Chromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** The texts whose right edge is past the viewport, outside any scrolling box: what makes a page scroll sideways. */
    private static final String WIDE_TEXT = "var w = document.documentElement.clientWidth, out = [];"
            + "var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "function scrolls(n) { for (var p = n.parentElement; p; p = p.parentElement) {"
            + "  if (getComputedStyle(p).overflowX !== 'visible') { return true; } } return false; }"
            + "while (walk.nextNode() && out.length < 8) { var r = document.createRange(); r.selectNodeContents(walk.currentNode);"
            + "  var right = r.getBoundingClientRect().right;"
            + "  if (right > w + 1 && !scrolls(walk.currentNode)) {"
            + "    out.push(walk.currentNode.parentElement.tagName + '.' + walk.currentNode.parentElement.className"
            + "      + ' right=' + Math.round(right) + ': ' + walk.currentNode.textContent.trim().slice(0, 80)); } }"
            + "return out;";

    /** Kept: a logger without a strong reference may be collected with its level. */
    private static final List<Logger> CDP_LOGS = List.of(Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"),
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"));

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser at 1280 × 900 that keeps its console messages for {@link #consoleErrors()}. */
    public static Chromium start(boolean javascript) throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("the browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                    + "; install them with: apt-get install -y chromium chromium-driver");
        }
        // raw DevTools commands need no version-matched selenium-devtools module: no warning about it
        CDP_LOGS.forEach(l -> l.setLevel(Level.SEVERE));
        Path profile = Files.createTempDirectory("rdp-triage-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.getPath());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        o.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        if (!javascript) {
            o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService svc = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver d;
        try {
            d = new ChromeDriver(svc, o);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(d, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    // ---------------------------------------------------------------- pages

    public static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, WAIT);
    }

    /** Clicks a link or button that loads a new page and waits until the new page is there. */
    public static void clickAndWait(WebDriver d, WebElement element) {
        WebElement page = d.findElement(By.tagName("html"));
        element.click();
        waitForNewPage(d, page);
    }

    /**
     * Waits until the old page is gone and the new one loaded. Chromium reports an element of a
     * page being replaced either as stale or, in a short window, as "Node with given id does not
     * belong to the document", which Selenium does not map to a stale element (it failed a CI run
     * once); both mean the page is gone.
     */
    public static void waitForNewPage(WebDriver d, WebElement oldPage) {
        waitFor(d).until(x -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        waitFor(d).until(x -> "complete".equals(((JavascriptExecutor) x).executeScript("return document.readyState;")));
    }

    /** The rendered text, as the reader sees it. */
    public static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    /** The text in the page, before CSS (text-transform) changes its case. */
    public static String content(WebDriver d, String css) {
        return ((String) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector(arguments[0]).textContent;", css)).strip();
    }

    /** The texts that push the page sideways at the current width, empty if none. */
    @SuppressWarnings("unchecked")
    public static List<String> wideTexts(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeScript(WIDE_TEXT);
    }

    /** How far the page scrolls sideways, in CSS pixels (0 or less: not at all). */
    public static int sidewaysOverflow(WebDriver d) {
        return ((Number) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
    }

    /** The console errors (and failed loads) since the last call: reading the log empties it. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    // ---------------------------------------------------------------- the clipboard

    /** Lets pages read and write the clipboard without asking; for every origin when {@code origin} is null (file://). */
    public void allowClipboard(String origin) {
        Map<String, Object> params = new HashMap<>(Map.of(
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        if (origin != null) {
            params.put("origin", origin);
        }
        driver.executeCdpCommand("Browser.grantPermissions", params);
    }

    /**
     * Clicks the copy button of a command block (once the clipboard is allowed) and checks that it says
     * so and that the block's command, and nothing else, is on the clipboard.
     */
    public void assertCopies(WebElement button) {
        String expected = (String) driver.executeScript(
                "return arguments[0].closest('.command').querySelector('pre > code').textContent;", button);
        assertFalse(expected.isBlank(), "the command block of the button has a command");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        waitFor(driver).until(ExpectedConditions.textToBePresentInElement(button, "Copied"));
        assertEquals(expected, clipboard());
    }

    /** The text on the clipboard, read by the page, or a message that says why it could not be read. */
    public String clipboard() {
        return (String) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, function (e) { done('clipboard read failed: ' + e); });");
    }

    // ---------------------------------------------------------------- axe-core and screenshots

    /** axe.min.js from the axe-core WebJar on the test class path; never from the network. */
    public static String axeSource() throws IOException {
        ClassLoader cl = Chromium.class.getClassLoader();
        Properties props = new Properties();
        try (InputStream in = cl.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            assertNotNull(in, "the axe-core WebJar is on the test class path");
            props.load(in);
        }
        String path = "META-INF/resources/webjars/axe-core/" + props.getProperty("version") + "/axe.min.js";
        try (InputStream in = cl.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    /** The serious and critical axe-core violations of the page on screen, one line each; minor ones are printed. */
    @SuppressWarnings("unchecked")
    public List<String> seriousViolations(String page, String axe) {
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + "  done(r.violations.map(function (v) {"
                        + "    return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
                        + "            target: v.nodes.length ? JSON.stringify(v.nodes[0].target) : ''};"
                        + "  }));"
                        + "}, function (e) { done('axe failed: ' + e); });");
        if (result instanceof String s) {
            fail(page + ": " + s);
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            String line = page + ": " + v.get("id") + " (" + impact + ", " + v.get("nodes") + " nodes): " + v.get("help")
                    + "; first: " + v.get("target");
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(line);
            } else {
                System.out.println("axe, minor: " + line);
            }
        }
        return out;
    }

    /** Lays pages out at this size, as a phone ({@code mobile}) or a desktop, until {@link #realSize()}. */
    public void emulateSize(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    public void realSize() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Writes the whole page as PNG through the DevTools protocol (capped, for very long pages); fails if nearly empty. */
    @SuppressWarnings("unchecked")
    public Path screenshot(Path file, int width) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double height = Math.min(((Number) content.get("height")).doubleValue(), 12000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        if (Files.size(file) <= 1000) {
            fail(file + " is empty");
        }
        return file;
    }

    /** Prints the page as the browser's print dialog would, on A4 with the page's own print CSS, and writes the PDF. */
    @SuppressWarnings("unchecked")
    public Path printToPdf(Path file) throws IOException {
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69,
                "printBackground", false, "preferCSSPageSize", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));
        return file;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
