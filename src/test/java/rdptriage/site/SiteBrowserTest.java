package rdptriage.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rdptriage.browser.Chromium.axeSource;
import static rdptriage.browser.Chromium.clickAndWait;
import static rdptriage.browser.Chromium.sidewaysOverflow;
import static rdptriage.browser.Chromium.text;
import static rdptriage.browser.Chromium.waitFor;
import static rdptriage.browser.Chromium.waitForNewPage;
import static rdptriage.browser.Chromium.wideTexts;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import rdptriage.browser.Chromium;
import rdptriage.inference.AnswerEffects;
import rdptriage.inference.Engines;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.CodeEntry;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Step;
import rdptriage.render.CatalogueView;
import rdptriage.render.Links;
import rdptriage.render.Pages;

/**
 * The static site as a reader gets it: written once to target/site-under-test and opened from disk
 * (file://, no server) in a real, headless Chromium. The home page, the offline search (by command,
 * by code, from the header of another page, a hostile query), a copy button, the flowchart and its
 * links, the printable checklist, the console, accessibility (axe-core) and screenshots.
 */
class SiteBrowserTest {

    private static final Path SITE = Path.of("target", "site-under-test").toAbsolutePath();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String COMMAND = "Test-NetConnection";

    private static KnowledgeBase kb;
    private static CatalogueView catalogue;
    private static Chromium chromium;
    private static ChromeDriver driver;

    @BeforeAll
    static void writeTheSiteAndStartTheBrowser() throws IOException {
        new Site(Engines.compiled(), new Pages(), null).write(SITE);
        kb = Engines.knowledge();
        catalogue = new CatalogueView(kb, AnswerEffects.of(Engines.compiled()), Links.site("", null));
        chromium = Chromium.start(true);
        driver = chromium.driver();
    }

    @AfterAll
    static void stopTheBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    // ---------------------------------------------------------------- home, console

    @Test
    void theHomePageShowsItsHeadingDecoderAndCausesWithTheStyleSheetApplied() {
        open("index.html");
        assertEquals("Remote Desktop error 0x904, extended error 0x7", text(driver, "h1"));

        List<WebElement> rows = driver.findElements(By.cssSelector("table.decoder tbody tr"));
        assertFalse(rows.isEmpty(), "the decoder table has rows");
        assertEquals(catalogue.decoder().size(), rows.size(), "one row per code that points to a cause");
        assertTrue(driver.findElement(By.cssSelector("table.decoder")).isDisplayed());

        List<String> causes = driver.findElements(By.cssSelector("ol.cause-list > li a.cause-title")).stream()
                .map(WebElement::getText).toList();
        assertEquals(catalogue.causes().stream().map(CatalogueView.Entry::title).toList(), causes,
                "every cause, in the order worth checking");

        // app.css: the body has no margin (the browser's own is 8px), the skip link waits off screen
        assertEquals("0px", driver.findElement(By.tagName("body")).getCssValue("margin-top"), "app.css is applied");
        assertEquals("-999px", driver.findElement(By.cssSelector("a.skip")).getCssValue("left"), "app.css is applied");
        assertFalse(isOnScreen(driver.findElement(By.cssSelector("a.skip"))), "the skip link is off screen until focused");
    }

    @Test
    void everyKindOfPageLoadsWithoutConsoleErrors() {
        chromium.consoleErrors();   // empties the log
        String article = "causes/" + kb.causes().get(0).id() + ".html";
        List<String> errors = new ArrayList<>();
        for (String page : List.of("index.html", "codes.html", "flow.html", "checklist.html", "search.html?q=0x904",
                "sitemap.html", article)) {
            open(page);
            chromium.consoleErrors().forEach(e -> errors.add(page + ": " + e));
        }
        assertEquals(List.of(), errors, "console errors");

        // the log is really read: an error the page writes is seen
        driver.executeScript("console.error('probe-from-the-test');");
        assertTrue(chromium.consoleErrors().stream().anyMatch(e -> e.contains("probe-from-the-test")),
                "the console log of Chromium is read");
    }

    // ---------------------------------------------------------------- search

    @Test
    void searchingForACommandFindsEveryCauseThatRunsIt() {
        List<String> expected = kb.causes().stream().filter(c -> commands(c).anyMatch(s -> s.contains(COMMAND)))
                .map(c -> "causes/" + c.id() + ".html").toList();
        assertFalse(expected.isEmpty(), "some cause of the knowledge runs " + COMMAND);

        List<Result> results = search(COMMAND);
        List<String> hrefs = results.stream().map(Result::href).toList();
        assertTrue(hrefs.containsAll(expected), "every cause that runs " + COMMAND + " is found: " + expected + " in " + hrefs);
        assertEquals(results.size() + " results for \u201c" + COMMAND + "\u201d", text(driver, "#search-status"));
        assertTrue(results.stream().filter(r -> expected.contains(r.href())).anyMatch(r -> r.command().contains(COMMAND)),
                "a found cause shows the command line that matched: " + results);

        // a result leads to its article
        WebElement first = driver.findElement(By.cssSelector("#search-results a[href='" + expected.get(0) + "']"));
        String title = first.getText();
        clickAndWait(driver, first);
        assertTrue(driver.getCurrentUrl().endsWith("/" + expected.get(0)), driver.getCurrentUrl());
        assertEquals(title, text(driver, "h1"));
    }

    @Test
    void searchingForACodeFindsItsEntryInTheReferenceAndTheCausesItPointsTo() {
        CatalogueView.Decoded row = catalogue.decoder().stream()
                .filter(d -> d.table().table().equals("main") && !d.first().code().equals("0x904")).findFirst().orElseThrow();
        CodeEntry code = row.first();
        String entry = "codes.html#" + CatalogueView.anchorOf(row.table(), code);
        List<String> causes = row.pointsTo().stream().map(CatalogueView.Pointer::href).toList();

        List<String> hrefs = search(code.code()).stream().map(Result::href).toList();
        assertTrue(hrefs.contains(entry), code.code() + " finds its entry " + entry + ": " + hrefs);
        assertTrue(hrefs.containsAll(causes), code.code() + " finds the causes it points to, " + causes + ": " + hrefs);

        // the entry's link lands on the code in the reference
        clickAndWait(driver, driver.findElement(By.cssSelector("#search-results a[href='" + entry + "']")));
        WebElement target = driver.findElement(By.id(entry.substring(entry.indexOf('#') + 1)));
        assertTrue(target.isDisplayed() && isOnScreen(target), "the code's entry is on screen");
        assertTrue(target.getText().contains(code.code()), target.getText());
    }

    @Test
    void theHeaderSearchOfAnArticleLeadsToTheResults() {
        CodeEntry main = catalogue.code("main", "0x904").orElseThrow();
        open("causes/" + kb.causes().get(0).id() + ".html");
        WebElement box = driver.findElement(By.id("site-search-q"));
        WebElement page = driver.findElement(By.tagName("html"));
        box.sendKeys(String.valueOf(main.decimal()), Keys.ENTER);
        waitForNewPage(driver, page);

        URI address = URI.create(driver.getCurrentUrl());
        assertEquals(SITE.resolve("search.html").toUri().getPath(), address.getPath(), "the search page at the site's root");
        assertEquals("q=" + main.decimal(), address.getRawQuery());
        assertEquals(String.valueOf(main.decimal()), driver.findElement(By.id("search-q")).getDomProperty("value"));
        List<String> hrefs = results().stream().map(Result::href).toList();
        assertTrue(hrefs.contains("codes.html#" + CatalogueView.anchorOf(
                kb.tables().stream().filter(t -> t.table().equals("main")).findFirst().orElseThrow(), main)),
                main.decimal() + " (decimal) finds " + main.code() + ": " + hrefs);
    }

    @Test
    void typingInTheSearchBoxShowsResultsWithoutSubmitting() {
        open("search.html");
        assertEquals("", text(driver, "#search-status"), "nothing searched yet");
        driver.findElement(By.id("search-q")).sendKeys(COMMAND.toLowerCase().substring(0, 8));   // "test-net"
        waitFor(driver).until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        assertTrue(text(driver, "#search-status").startsWith(driver.findElements(By.cssSelector("#search-results li")).size() + " result"));
    }

    @Test
    void aHostileQueryIsShownAsTextAndRunsNothing() {
        String hostile = "<img src=x onerror=alert(1)>";
        @SuppressWarnings("unchecked")
        Map<String, Object> hook = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"));
        try {
            open("search.html?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            waitFor(driver).until(d -> !text(d, "#search-status").isEmpty());
            assertEquals(hostile, driver.findElement(By.id("search-q")).getDomProperty("value"), "the query is in the box as typed");
            assertTrue(text(driver, "#search-status").contains(hostile), "the query is shown as text: " + text(driver, "#search-status"));
            assertEquals(0L, driver.executeScript("return document.querySelectorAll('img').length;"), "no image was made of it");
            assertEquals(0L, driver.executeScript("return document.querySelectorAll('#search-status *, #search-results img').length;"));
            assertEquals(List.of(), driver.executeScript("return window.__alerts;"), "alert was never called");
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", hook.get("identifier")));
        }
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert is open");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    // ---------------------------------------------------------------- articles, flowchart, checklist

    @Test
    void theCopyButtonOfAnArticlePutsItsCommandOnTheClipboard() {
        Cause cause = kb.causes().stream().filter(c -> commands(c).findAny().isPresent()).findFirst().orElseThrow();
        chromium.allowClipboard(null);   // a page from disk has no origin to name
        open("causes/" + cause.id() + ".html");
        List<WebElement> buttons = driver.findElements(By.cssSelector(".command button.copy"));
        assertFalse(buttons.isEmpty(), "the article has command blocks");
        buttons.forEach(b -> assertTrue(b.isDisplayed(), "app.js shows every copy button"));

        chromium.assertCopies(buttons.get(buttons.size() - 1));
    }

    @Test
    void theFlowchartIsDrawnAndItsNodesLeadToTheQuestionHelpAndTheArticles() {
        open("flow.html");
        WebElement svg = driver.findElement(By.cssSelector("svg.flow-svg"));
        assertTrue(svg.isDisplayed(), "the flowchart is shown");
        Rectangle size = svg.getRect();
        assertTrue(size.getWidth() > 300 && size.getHeight() > 300, "the flowchart has a size: " + size);

        List<WebElement> links = svg.findElements(By.cssSelector("a"));
        List<WebElement> questions = links.stream().filter(a -> a.getDomAttribute("href").startsWith("flow.html#q-")).toList();
        List<String> causes = links.stream().map(a -> a.getDomAttribute("href")).filter(h -> h.startsWith("causes/")).distinct().toList();
        assertTrue(links.size() >= 10, "many nodes to follow: " + links.size());
        assertTrue(questions.size() >= 3, "question nodes: " + questions.size());
        assertFalse(causes.isEmpty(), "cause nodes");
        assertEquals(links.size(), questions.size() + links.stream().filter(a -> a.getDomAttribute("href").startsWith("causes/")).count(),
                "every node leads to a question's help or a cause's article");
        for (String href : causes) {
            assertTrue(Files.isRegularFile(SITE.resolve(href)), href + " is a page of the site");
        }

        // a question node moves to its help further down the same page
        WebElement question = questions.get(1);
        String id = question.getDomAttribute("href").substring("flow.html#".length());
        String label = question.getDomAttribute("aria-label");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", question);
        question.click();
        waitFor(driver).until(d -> ("#" + id).equals(driver.executeScript("return location.hash;")));
        WebElement help = driver.findElement(By.id(id));
        assertTrue(help.isDisplayed() && isOnScreen(help), "the help of " + id + " is on screen");
        assertEquals(label, "Question: " + help.findElement(By.tagName("h3")).getText());

        // a cause node opens the cause's article
        open("flow.html");
        WebElement cause = driver.findElement(By.cssSelector("svg.flow-svg a[href^='causes/']"));
        String causeLabel = cause.getDomAttribute("aria-label");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", cause);
        clickAndWait(driver, cause);
        assertTrue(causeLabel.contains(text(driver, "h1")), "'" + causeLabel + "' opened " + text(driver, "h1"));
    }

    @Test
    void theChecklistHasAPrintButtonOnScreenAndPrintsWithoutTheSiteChrome() throws IOException {
        open("checklist.html");
        WebElement print = driver.findElement(By.cssSelector("button.print"));
        assertTrue(print.isDisplayed(), "app.js shows the Print button");
        assertTrue(driver.findElement(By.cssSelector("form.site-search")).isDisplayed());
        assertFalse(driver.findElements(By.cssSelector("ol.tick > li")).isEmpty(), "the checklist has items");
        assertFalse(driver.findElements(By.cssSelector("ol.tick .command pre")).isEmpty(), "the checklist has commands");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(print.isDisplayed(), "no Print button on paper");
            assertFalse(driver.findElement(By.cssSelector("form.site-search")).isDisplayed(), "no search box on paper");
            assertFalse(driver.findElement(By.cssSelector("header.masthead nav")).isDisplayed(), "no navigation on paper");
            assertTrue(driver.findElement(By.cssSelector("ol.tick > li")).isDisplayed());
            @SuppressWarnings("unchecked")
            List<String> padded = (List<String>) driver.executeScript(
                    "return Array.from(document.querySelectorAll('.command')).filter(function (c) {"
                            + "  return c.getBoundingClientRect().height - c.querySelector('pre').getBoundingClientRect().height > 4;"
                            + "}).map(function (c) { return c.textContent.trim().slice(0, 60); });");
            assertEquals(List.of(), padded, "a printed command box holds its command and no blank lines");
            chromium.screenshot(SHOTS.resolve("site-checklist-print.png"), 1280);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    // ---------------------------------------------------------------- accessibility and screenshots

    @Test
    void pagesHaveNoSeriousAccessibilityViolations() throws IOException {
        String axe = axeSource();
        List<String> report = new ArrayList<>();
        for (String page : List.of("index.html", "causes/" + kb.causes().get(0).id() + ".html", "flow.html",
                "search.html?q=" + COMMAND, "checklist.html", "codes.html", "sitemap.html")) {
            open(page);
            if (page.startsWith("search")) {
                waitFor(driver).until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
            }
            report.addAll(chromium.seriousViolations(page, axe));
        }
        assertTrue(report.isEmpty(), "axe-core found serious or critical violations:\n" + String.join("\n", report));
    }

    @Test
    void screenshotsOfTheMainPagesAtPhoneAndDesktopWidth() throws IOException {
        String article = "causes/" + kb.causes().get(0).id() + ".html";
        List<String[]> shots = List.of(
                new String[] {"home", "index.html", "desktop"}, new String[] {"home", "index.html", "phone"},
                new String[] {"article", article, "desktop"}, new String[] {"article", article, "phone"},
                new String[] {"flow", "flow.html", "desktop"}, new String[] {"flow", "flow.html", "phone"},
                new String[] {"search", "search.html?q=" + COMMAND, "desktop"}, new String[] {"search", "search.html?q=" + COMMAND, "phone"});
        List<String> wide = new ArrayList<>();
        try {
            for (String[] s : shots) {
                boolean phone = s[2].equals("phone");
                int width = phone ? 390 : 1280;
                chromium.emulateSize(width, phone ? 844 : 900, phone);
                open(s[1]);
                if (s[0].equals("search")) {
                    waitFor(driver).until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
                }
                chromium.screenshot(SHOTS.resolve("site-" + s[0] + "-" + s[2] + ".png"), width);
                int overflow = sidewaysOverflow(driver);
                if (overflow > 0) {
                    wide.add(s[1] + " at " + s[2] + " width scrolls sideways by " + overflow + " px; text sticking out: " + wideTexts(driver));
                }
            }
        } finally {
            chromium.realSize();
        }
        assertEquals(List.of(), wide, "no page scrolls sideways (wide content scrolls in its own box)");
        for (String[] s : shots) {
            Path file = SHOTS.resolve("site-" + s[0] + "-" + s[2] + ".png");
            assertTrue(Files.isRegularFile(file), file.toString());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A search result as shown: where it leads (relative to the site's root) and the command line shown, if any. */
    record Result(String href, String command) {}

    private static void open(String page) {
        int q = page.indexOf('?');
        String file = q < 0 ? page : page.substring(0, q);
        driver.get(SITE.resolve(file).toUri() + (q < 0 ? "" : page.substring(q)));
    }

    /** Opens the search page with a query in its address and returns the results once they are there. */
    private static List<Result> search(String query) {
        open("search.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(query, URLDecoder.decode(URI.create(driver.getCurrentUrl()).getRawQuery().substring(2), StandardCharsets.UTF_8));
        return results();
    }

    private static List<Result> results() {
        waitFor(driver).until(d -> !text(d, "#search-status").isEmpty());
        List<Result> out = new ArrayList<>();
        for (WebElement li : driver.findElements(By.cssSelector("#search-results > li"))) {
            List<WebElement> command = li.findElements(By.cssSelector("pre.search-command"));
            out.add(new Result(li.findElement(By.cssSelector("h2 a")).getDomAttribute("href"),
                    command.isEmpty() ? "" : command.get(0).getText()));
        }
        assertFalse(out.isEmpty(), "results for the query: " + text(driver, "#search-status"));
        return out;
    }

    private static boolean isOnScreen(WebElement e) {
        return (Boolean) driver.executeScript("var r = arguments[0].getBoundingClientRect();"
                + "return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;", e);
    }

    /** The commands a cause gives to confirm, fix, undo and verify it. */
    private static Stream<String> commands(Cause c) {
        return c.steps().map(Step::command).filter(s -> s != null && !s.isBlank());
    }
}
