package rdptriage.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rdptriage.browser.Chromium.axeSource;
import static rdptriage.browser.Chromium.clickAndWait;
import static rdptriage.browser.Chromium.content;
import static rdptriage.browser.Chromium.sidewaysOverflow;
import static rdptriage.browser.Chromium.text;
import static rdptriage.browser.Chromium.waitFor;
import static rdptriage.browser.Chromium.waitForNewPage;
import static rdptriage.browser.Chromium.wideTexts;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import rdptriage.browser.Chromium;
import rdptriage.inference.Engines;

/**
 * The browser Q&A in a real, headless Chromium: sessions driven by clicking only, changing and
 * removing answers, history, shared links, the copy buttons, escaping, pages without JavaScript,
 * number keys, accessibility (axe-core) and screenshots at phone and desktop width. One browser for
 * the class, the server in-process on an ephemeral port.
 */
class BrowserTest {

    private static final String NOTHING_MORE = "Nothing more is worth asking";
    private static final String DONT_KNOW = "I don't know";
    /** At most this many answers in a clicked session; the engine may stop asking earlier. */
    private static final int MAX_ANSWERS = 8;

    private static Server server;
    private static String base;
    private static Chromium chromium;
    private static ChromeDriver driver;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        server = Server.start(Engines.compiled(), Server.pages(), new Server.Config("127.0.0.1", 0, 4, null, 1000));
        base = "http://127.0.0.1:" + server.port();
        chromium = Chromium.start(true);
        driver = chromium.driver();
    }

    @AfterAll
    static void stopBrowserAndServer() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void aFullSessionRunsFromTheFirstQuestionToTheFixPlanByClickingOnly() {
        open(driver, "/triage");
        assertEquals("Question 1", content(driver, "p.eyebrow"));
        assertTrue(given(driver).isEmpty(), "a new session has no answers");

        int answers = answerByClicking(driver, MAX_ANSWERS);
        assertTrue(answers >= 3, "at least three questions were asked, got " + answers);

        String triageQuery = URI.create(driver.getCurrentUrl()).getRawQuery();
        clickAndWait(driver, driver.findElement(By.cssSelector("a.button.primary")));
        URI result = URI.create(driver.getCurrentUrl());
        assertEquals("/result", result.getPath());
        assertEquals(triageQuery, result.getRawQuery(), "the fix plan is for the same answers");
        assertTrue(text(driver, "h1").matches("(Most likely: |Likely: |No cause stands out yet: |None of the known causes).*%.*"), text(driver, "h1"));

        List<WebElement> items = driver.findElements(By.cssSelector("ol.plan-items > li.plan-item"));
        assertFalse(items.isEmpty(), "the result page has a fix plan");
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('ol.plan-items .command pre > code')).map(function (c) { return c.textContent; });");
        assertFalse(codes.isEmpty(), "the fix plan has commands");
        assertEquals(0, codes.stream().filter(String::isBlank).count(), "every command block of the plan has a command to copy");
        assertFalse(driver.findElements(By.cssSelector("button.copy")).isEmpty());
        assertEquals(0, driver.findElements(By.cssSelector("button.copy[hidden]")).size(), "with JavaScript, every copy button is shown");
        assertTrue(driver.findElement(By.cssSelector(".command.ticket-short button.copy")).getText().contains("Copy the short note"));
    }

    @Test
    void changingAnEarlierAnswerKeepsEveryOtherAnswer() {
        open(driver, "/triage");
        answerByClicking(driver, 3);
        List<Given> before = given(driver);
        List<String[]> pairsBefore = pairs(driver.getCurrentUrl());
        assertEquals(3, before.size());

        clickAndWait(driver, driver.findElements(By.cssSelector("section.given a[aria-label^='Change the answer to: ']")).get(0));
        assertEquals("Change an answer", content(driver, "p.eyebrow"));
        assertEquals(before.get(0).question(), text(driver, "h1#question"), "the question of the first answer is asked again");

        Choice other = choices(driver).stream()
                .filter(c -> !c.value().equals(pairsBefore.get(0)[1]) && !c.label().equals(DONT_KNOW))
                .findFirst().orElseThrow();
        clickAndWait(driver, reveal(driver, other.link()));

        List<Given> after = given(driver);
        assertEquals(before.size(), after.size(), "no answer was added or lost: " + after);
        assertEquals(other.label(), after.get(0).label(), "the first answer is the new one");
        assertNotEquals(before.get(0).label(), after.get(0).label());
        assertEquals(before.subList(1, before.size()), after.subList(1, after.size()), "the other answers are all still there");

        List<String[]> pairsAfter = pairs(driver.getCurrentUrl());
        assertEquals(pairsBefore.size(), pairsAfter.size(), driver.getCurrentUrl());
        assertEquals(pairsBefore.get(0)[0], pairsAfter.get(0)[0]);
        assertEquals(other.value(), pairsAfter.get(0)[1], "the address has the new answer");
        assertEquals(flat(pairsBefore.subList(1, pairsBefore.size())), flat(pairsAfter.subList(1, pairsAfter.size())),
                "the address keeps the other answers");
        assertNotEquals("Change an answer", content(driver, "p.eyebrow"), "after the change the next question is asked");
    }

    @Test
    void tickingTwoAnswersOfAMultipleQuestionKeepsBothAndTheOtherAnswers() {
        open(driver, "/triage?error-code=0x904&ask=recent-change");
        driver.findElement(By.cssSelector("form.several input[value='host-renamed']")).click();
        driver.findElement(By.cssSelector("form.several input[value='network-change']")).click();
        clickAndWait(driver, driver.findElement(By.cssSelector("form.several button[type=submit]")));
        List<String[]> pairs = pairs(driver.getCurrentUrl());
        assertEquals(List.of("error-code=0x904", "recent-change=host-renamed", "recent-change=network-change"),
                pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
        Given recent = given(driver).stream().filter(g -> g.question().startsWith("Did something change")).findFirst().orElseThrow();
        assertEquals("The host was renamed, cloned or re-installed; Network change (new VPN, firewall, router or network)",
                recent.label());
    }

    @Test
    void removingAnAnswerKeepsTheOthers() {
        open(driver, "/triage");
        answerByClicking(driver, 3);
        List<Given> before = given(driver);
        List<String[]> pairsBefore = pairs(driver.getCurrentUrl());

        clickAndWait(driver, driver.findElements(By.cssSelector("section.given a[aria-label^='Remove the answer to: ']")).get(1));

        List<Given> expected = new ArrayList<>(before);
        expected.remove(1);
        assertEquals(expected, given(driver), "only the removed answer is gone");
        List<String[]> pairsExpected = new ArrayList<>(pairsBefore);
        pairsExpected.remove(1);
        assertEquals(flat(pairsExpected), flat(pairs(driver.getCurrentUrl())), "the address keeps the other answers");
    }

    @Test
    void theBackButtonReturnsToThePreviousQuestionAndForwardGoesOnAgain() {
        open(driver, "/triage");
        answerByClicking(driver, 2);
        String firstUrl = driver.getCurrentUrl();
        String firstQuestion = text(driver, "h1#question");
        answerByClicking(driver, 1);
        String secondUrl = driver.getCurrentUrl();
        String secondQuestion = text(driver, "h1#question");
        assertNotEquals(firstUrl, secondUrl);

        WebElement page = driver.findElement(By.tagName("html"));
        driver.navigate().back();
        waitForNewPage(driver, page);
        waitFor(driver).until(ExpectedConditions.urlToBe(firstUrl));
        assertEquals(firstQuestion, text(driver, "h1#question"));
        assertEquals(2, given(driver).size());

        page = driver.findElement(By.tagName("html"));
        driver.navigate().forward();
        waitForNewPage(driver, page);
        waitFor(driver).until(ExpectedConditions.urlToBe(secondUrl));
        assertEquals(secondQuestion, text(driver, "h1#question"));
        assertEquals(3, given(driver).size());
    }

    @Test
    void reopeningACopiedSessionAddressShowsTheSamePage() {
        open(driver, "/triage");
        answerByClicking(driver, 4);
        clickAndWait(driver, driver.findElement(By.cssSelector("a.button.primary")));
        String url = driver.getCurrentUrl();
        ResultSnapshot original = resultSnapshot(driver);
        assertFalse(original.ranking().isEmpty());
        assertFalse(original.plan().isEmpty());
        String shareable = driver.findElement(By.cssSelector("a.shareable")).getDomProperty("href");
        assertEquals(URI.create(url).getRawQuery(), URI.create(shareable).getRawQuery(), "the session link carries the same answers");

        String home = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            driver.get(url);
            assertEquals(original, resultSnapshot(driver), "same heading, ranking order, percents and plan");
        } finally {
            driver.close();
            driver.switchTo().window(home);
        }
    }

    @Test
    void theCopyButtonPutsTheCommandOnTheClipboard() {
        chromium.allowClipboard(base);
        open(driver, "/result?error-code=0x904&extended-code=0x7");
        chromium.assertCopies(waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.copy"))));
    }

    @Test
    void aScriptInTheAddressIsShownAsTextAndNeverRuns() {
        String script = "<script>window.pwned=1</script>";
        open(driver, "/triage?error-code=0x904&extended-code=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E");
        assertTrue(text(driver, "div.problems").contains(script), text(driver, "div.problems"));
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('.problems script').length;"));
        assertEquals("undefined", driver.executeScript("return typeof window.pwned;"));
        assertEquals(List.of("0x904: Socket closed."), given(driver).stream().map(Given::label).toList(), "the valid answer is kept");

        String tag = "\"><img src=x onerror=window.pwned=1>";
        open(driver, "/triage?error-code=0x904&%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E=1");
        assertTrue(text(driver, "div.problems").contains(tag), text(driver, "div.problems"));
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('img').length;"));
        assertEquals("undefined", driver.executeScript("return typeof window.pwned;"));
        assertEquals(1, given(driver).size());
    }

    @Test
    void aSessionCompletesWithJavaScriptDisabled() throws IOException {
        try (Chromium noJsBrowser = Chromium.start(false)) {
            ChromeDriver noJs = noJsBrowser.driver();
            open(noJs, "/triage?ask=error-code");
            // a typed code, decimal: the GET form needs no script
            noJs.findElement(By.id("code-input")).sendKeys("2308");
            clickAndWait(noJs, noJs.findElement(By.cssSelector("form.type-in button[type=submit]")));
            assertEquals(List.of("0x904: Socket closed."), given(noJs).stream().map(Given::label).toList(),
                    "2308 is understood as 0x904");
            assertEquals(List.of("error-code=0x904"), flat(session(noJs)), "the session goes on with 0x904");
            assertFalse(text(noJs, "h1#question").contains("\"Error code\""), "the error code is not asked again");

            answerByClicking(noJs, MAX_ANSWERS);
            clickAndWait(noJs, noJs.findElement(By.cssSelector("a.button.primary")));
            assertEquals("/result", URI.create(noJs.getCurrentUrl()).getPath());
            assertTrue(text(noJs, "h1").matches("(Most likely: |Likely: |No cause stands out yet: |None of the known causes).*%.*"), text(noJs, "h1"));
            assertFalse(noJs.findElements(By.cssSelector("li.plan-item .command code")).isEmpty(), "the commands are there to select");
            List<WebElement> buttons = noJs.findElements(By.cssSelector("button.copy"));
            assertFalse(buttons.isEmpty());
            for (WebElement b : buttons) {
                assertFalse(b.isDisplayed(), "without JavaScript the copy buttons stay hidden");
            }
        }
    }

    @Test
    void pressingANumberKeyPicksThatAnswer() {
        open(driver, "/triage");
        for (int i = 0; i < MAX_ANSWERS && driver.findElements(By.cssSelector("a.choice[data-key='1']")).isEmpty(); i++) {
            answerByClicking(driver, 1);
        }
        WebElement first = driver.findElement(By.cssSelector("a.choice[data-key='1']"));
        String href = first.getDomProperty("href");
        String label = first.findElement(By.tagName("span")).getText();
        int before = given(driver).size();

        WebElement page = driver.findElement(By.tagName("html"));
        new Actions(driver).sendKeys("1").perform();
        waitForNewPage(driver, page);
        waitFor(driver).until(ExpectedConditions.urlToBe(href));
        List<Given> after = given(driver);
        assertEquals(before + 1, after.size());
        assertEquals(label, after.get(after.size() - 1).label());
    }

    @Test
    void pagesHaveNoSeriousAccessibilityViolations() throws IOException {
        String axe = axeSource();
        List<String> report = new ArrayList<>();
        for (String page : List.of("/triage", "/triage?error-code=0x904&extended-code=0x7",
                "/result?error-code=0x904&extended-code=0x7", "/causes/rdp-certificate.html?error-code=0x904&extended-code=0x7",
                "/index.html", "/flow.html",
                "/triage?error-code=0x904&nonsense=1")) {
            open(driver, page);
            if (page.contains("nonsense")) {
                assertNotNull(driver.findElement(By.cssSelector("div.problems")), "the 400 page lists the problem");
            }
            report.addAll(chromium.seriousViolations(page, axe));
        }
        assertTrue(report.isEmpty(), "axe-core found serious or critical violations:\n" + String.join("\n", report));
    }

    @Test
    void anArticleLinksEverySourceItCitesToThatSource() {
        open(driver, "/causes/rdp-certificate.html");
        @SuppressWarnings("unchecked")
        List<String> unlinked = (List<String>) driver.executeScript(
                "var out = [], walk = document.createTreeWalker(document.querySelector('.prose'), NodeFilter.SHOW_TEXT);"
                        + "while (walk.nextNode()) { var n = walk.currentNode;"
                        + "  if (!n.parentElement.closest('a, code') && /\\[S[0-9]+\\]/.test(n.textContent)) {"
                        + "    out.push(n.textContent.trim().slice(-80)); } }"
                        + "return out;");
        assertEquals(List.of(), unlinked, "every [Sn] citation is a link");
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('.prose a[href^=\"#source-\"]')).filter(function (a) {"
                        + "  return !document.getElementById(a.getAttribute('href').slice(1)); }).map(function (a) { return a.textContent; });");
        assertEquals(List.of(), broken, "every citation link leads to an entry in the list of sources");
        assertFalse(driver.findElements(By.cssSelector(".prose a[href^='#source-']")).isEmpty());
    }

    @Test
    void anArticleOpenedFromASessionLeadsBackToItAndTheSitesSearchRunsOnTheServer() {
        String session = "error-code=0x904&extended-code=0x7";
        open(driver, "/result?" + session);
        clickAndWait(driver, driver.findElement(By.cssSelector("ol.ranking a.cause-title")));
        URI article = URI.create(driver.getCurrentUrl());
        assertTrue(article.getPath().startsWith("/causes/"), article.toString());
        assertEquals(session, article.getRawQuery(), "the article is opened with the session");
        clickAndWait(driver, driver.findElement(By.linkText("Back to your session")));
        assertEquals(base + "/triage?" + session, driver.getCurrentUrl());

        // the search box of every page, the site's search page and its index, under the server's headers
        driver.findElement(By.id("site-search-q")).sendKeys("Test-NetConnection");
        clickAndWait(driver, driver.findElement(By.cssSelector("form.site-search button[type=submit]")));
        assertEquals("/search.html", URI.create(driver.getCurrentUrl()).getPath());
        waitFor(driver).until(d -> !text(d, "#search-status").isEmpty());
        List<WebElement> found = driver.findElements(By.cssSelector("#search-results > li h2 a"));
        assertFalse(found.isEmpty(), text(driver, "#search-status"));
        clickAndWait(driver, found.get(0));
        assertTrue(driver.getCurrentUrl().startsWith(base + "/"), driver.getCurrentUrl());
        assertFalse(driver.findElements(By.cssSelector("main h1")).isEmpty(), "a page of the site: " + driver.getCurrentUrl());
    }

    /** Pastes a text into the start page's box, sends it and returns the recognised answers' lines. */
    private static List<String> paste(String text) {
        open(driver, "/triage");
        WebElement box = driver.findElement(By.id("ticket-text"));
        assertTrue(box.isDisplayed(), "the paste box is open on the start page");
        // sendKeys types character by character; setting the value is how a paste arrives
        driver.executeScript("arguments[0].value = arguments[1];", box, text);
        clickAndWait(driver, driver.findElement(By.cssSelector("details.paste button[type=submit]")));
        return driver.findElements(By.cssSelector("section.recognised li")).stream().map(WebElement::getText).toList();
    }

    @Test
    void pastingTheFullDialogAnswersBothCodesAndShowsThemAsRecognised() throws IOException {
        List<String> read = paste("""
                Remote Desktop Connection
                This computer can’t connect to the remote computer.
                Try connecting again. If the problem continues, contact the owner of the remote computer or your network administrator.
                Error code: 0x904
                Extended error code: 0x7
                """);
        assertEquals(3, read.size(), read.toString());
        assertTrue(read.stream().anyMatch(l -> l.contains("0x904: Socket closed.") && l.contains("Error code: 0x904")), read.toString());
        assertTrue(read.stream().anyMatch(l -> l.contains("0x7: The server denied the connection.")), read.toString());
        assertTrue(driver.findElement(By.cssSelector("section.ask h1")).isDisplayed(), "a question page follows");
        assertFalse(driver.findElement(By.cssSelector("section.ask h1")).getText().contains("Error code"),
                "the codes are not asked again");
        List<String> links = driver.findElements(By.cssSelector("ul.choices a")).stream().map(a -> a.getAttribute("href")).toList();
        assertTrue(links.stream().allMatch(h -> h.contains("error-code=0x904") && h.contains("extended-code=0x7")),
                "every answer link carries both codes");
        assertFalse(driver.getCurrentUrl().contains("Socket") || driver.getPageSource().contains("Try connecting again"),
                "the paste is not echoed beyond the matched words");
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        chromium.screenshot(dir.resolve("pasted-dialog-desktop.png"), 1280);
        clickAndWait(driver, driver.findElements(By.cssSelector("section.recognised a[aria-label^='Remove the answer to: ']")).get(0));
        assertEquals(2, given(driver).size(), "removing a read answer keeps the other two");
    }

    /** Issue 14 as a person sees it: the result page offers the scripts; a host script's whole output pasted back answers eleven questions, each with its check. */
    @Test
    void aHostScriptsOutputPastedIntoTheBoxIsReadCheckByCheck() throws IOException {
        open(driver, "/result?error-code=0x904&extended-code=0x7&host=srv-app01");
        List<WebElement> scripts = driver.findElements(By.cssSelector("section.collect ul.scripts li"));
        assertEquals(3, scripts.size(), "client, host and Linux-client scripts are offered");
        assertTrue(scripts.get(1).getText().matches("(?s)rdp-triage-collect-host\\.ps1: PowerShell.*SHA-256 [0-9a-f]{64}"), scripts.get(1).getText());
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("collect")));
        chromium.screenshot(dir.resolve("result-scripts-desktop.png"), 1280);
        String output;
        try (java.io.InputStream in = BrowserTest.class.getResourceAsStream("/collect/host-termservice-stopped-cert-expired.txt")) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> read = paste(output);
        assertEquals(11, read.size(), read.toString());
        assertTrue(read.stream().allMatch(l -> l.contains("output of check")), read.toString());
        assertTrue(read.stream().anyMatch(l -> l.contains("Stopped, or any state other than Running") && l.contains("check-rdp-services")),
                read.toString());
        chromium.screenshot(dir.resolve("pasted-host-script-desktop.png"), 1280);
    }

    @Test
    void pastingAFreeRdpLogAnswersWhatItSays() throws IOException {
        List<String> read = paste("[16:39:02:892] [8315:8327] [ERROR][com.freerdp.core] - freerdp_tcp_connect:"
                + "freerdp_set_last_error_ex ERRCONNECT_DNS_NAME_NOT_FOUND [0x00020005]");
        assertTrue(read.stream().anyMatch(l -> l.contains("ERRCONNECT_DNS_NAME_NOT_FOUND")), read.toString());
        assertTrue(read.stream().anyMatch(l -> l.contains("FreeRDP")), "the client is recognised too: " + read);
        chromium.screenshot(Files.createDirectories(Path.of("target", "screenshots")).resolve("pasted-freerdp-desktop.png"), 1280);
    }

    @Test
    void screenshotsAtPhoneAndDesktopWidth() throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        try {
            for (String[] page : List.of(new String[] {"question", "/triage?error-code=0x904&extended-code=0x7"},
                    new String[] {"result", "/result?error-code=0x904&extended-code=0x7"},
                    new String[] {"plan", "/plan?error-code=0x904&extended-code=0x7"},
                    new String[] {"several", "/triage?error-code=0x904&recent-change=host-renamed&ask=recent-change"})) {
                for (Object[] size : List.of(new Object[] {"phone", 390, 844, true}, new Object[] {"desktop", 1280, 900, false})) {
                    chromium.emulateSize((Integer) size[1], (Integer) size[2], (Boolean) size[3]);
                    open(driver, page[1]);
                    chromium.screenshot(dir.resolve(page[0] + "-" + size[0] + ".png"), (Integer) size[1]);
                    int overflow = sidewaysOverflow(driver);
                    assertTrue(overflow <= 0, () -> page[0] + " at " + size[0] + " width scrolls sideways by " + overflow
                            + " px; text sticking out: " + wideTexts(driver));
                }
            }
        } finally {
            chromium.realSize();
        }
        for (String name : List.of("question-phone.png", "question-desktop.png", "result-phone.png", "result-desktop.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(name)) && Files.size(dir.resolve(name)) > 0, name);
        }
    }

    /**
     * The session checklist printed on A4 fits two pages, for the two answers of the issue and for a
     * long session; its pages are kept as PNG images beside the screenshots.
     */
    @Test
    void thePrintedChecklistFitsTwoPagesKeptAsPngImages() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Map<String, String> sessions = Map.of(
                "two-answers", "error-code=0x904&extended-code=0x7",
                "sixteen-answers", "error-code=0x904&extended-code=0x7&tcp-3389-test=succeeded&failure-moment=immediately"
                        + "&other-clients=yes&host-os=server-2016-2022&azure-vm=yes&recent-change=windows-update&termservice=running"
                        + "&listener=listen&cert-state=expired-or-missing&rd-gateway=no&client-app=mstsc&network-location=everywhere"
                        + "&other-hosts=no&host-power=always-on");
        for (var e : sessions.entrySet()) {
            open(driver, "/checklist?" + e.getValue());
            Path pdf = chromium.printToPdf(dir.resolve("checklist-" + e.getKey() + ".pdf"));
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                int pages = doc.getNumberOfPages();
                var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
                for (int i = 0; i < pages; i++) {
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 100), "png",
                            dir.resolve("checklist-" + e.getKey() + "-page-" + (i + 1) + ".png").toFile());
                }
                System.out.println("checklist, " + e.getKey() + ": " + pages + " printed pages, "
                        + driver.findElements(By.cssSelector("ol.tick > li")).size() + " steps in full, "
                        + driver.findElements(By.cssSelector("ol.rest > li")).size() + " by title");
                assertTrue(pages >= 1 && pages <= 2, e.getKey() + ": " + pages + " pages");
                assertTrue(doc.getPage(0).getContents().readAllBytes().length > 0, "the first page has content");
            }
            assertFalse(driver.findElements(By.cssSelector("ol.tick > li")).isEmpty(), "at least one step in full");
        }
    }

    /** On the result page the plan comes right after the top causes: within the first screens, on a phone too. */
    @Test
    void theResultPagePlanStartsWithinTheFirstScreens() {
        try {
            for (int[] size : new int[][] {{390, 844, 1}, {1280, 900, 0}}) {
                chromium.emulateSize(size[0], size[1], size[2] == 1);
                open(driver, "/result?error-code=0x904&extended-code=0x7");
                long top = ((Number) driver.executeScript(
                        "return Math.round(document.getElementById('plan-title').getBoundingClientRect().top + window.scrollY);")).longValue();
                long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
                System.out.println("result page at " + size[0] + " px: the plan starts at " + top + " px of " + height);
                assertTrue(top < 3L * size[1], size[0] + " px wide: the plan starts at " + top + " px");
                assertEquals(5, driver.findElements(By.cssSelector(".causes-top > ol.ranking > li.cause")).size());
                assertFalse(driver.findElement(By.cssSelector("details.all-causes")).getAttribute("open") != null, "the other causes are folded");
            }
        } finally {
            chromium.realSize();
        }
        // a step folds to its title with a click
        open(driver, "/result?error-code=0x904&extended-code=0x7");
        WebElement first = driver.findElement(By.cssSelector("#step-1 > details"));
        assertNotNull(first.getAttribute("open"));
        first.findElement(By.tagName("summary")).click();
        assertEquals(null, first.getAttribute("open"));
    }

    // ---------------------------------------------------------------- driving a session

    record Given(String question, String label) {}

    record Choice(WebElement link, String question, String value, String label) {}

    record ResultSnapshot(String heading, List<String> ranking, List<String> plan) {}

    /**
     * Answers up to {@code max} questions by clicking: for the error code 0x904 and the extended code
     * 0x7, otherwise the first answer that is not "I don't know". Every click must add exactly one
     * answer, to the page and to the address. Returns the number of answers given.
     */
    private static int answerByClicking(WebDriver d, int max) {
        int clicks = 0;
        while (clicks < max && !NOTHING_MORE.equals(text(d, "h1#question"))) {
            List<Given> before = given(d);
            // the session as the page understood it (a typed 2308 is carried on as 0x904)
            List<String[]> pairsBefore = session(d);
            Choice c = nextChoice(d);
            clickAndWait(d, reveal(d, c.link()));
            clicks++;

            List<Given> after = given(d);
            assertEquals(before.size() + 1, after.size(), "one click, one more answer: " + after);
            assertEquals(before, after.subList(0, before.size()), "earlier answers are kept");
            assertEquals(c.label(), after.get(after.size() - 1).label(), "the clicked answer is listed");
            List<String[]> expected = new ArrayList<>(pairsBefore);
            expected.add(new String[] {c.question(), c.value()});
            assertEquals(flat(expected), flat(pairs(d.getCurrentUrl())), "the address holds every answer");
        }
        return given(d).size();
    }

    private static Choice nextChoice(WebDriver d) {
        List<Choice> all = choices(d);
        assertFalse(all.isEmpty(), "a question page offers answers");
        String question = all.get(0).question();
        String wanted = switch (question) {
            case "error-code" -> "0x904";
            case "extended-code" -> "0x7";
            default -> null;
        };
        return all.stream()
                .filter(c -> wanted == null ? !c.label().equals(DONT_KNOW) : c.value().equals(wanted))
                .findFirst().orElseThrow(() -> new AssertionError("no answer to pick for " + question));
    }

    /** The answers of the question on screen, plain ones first, then the full code list if any. */
    private static List<Choice> choices(WebDriver d) {
        List<Choice> out = new ArrayList<>();
        List<String[]> current = session(d);
        @SuppressWarnings("unchecked")
        List<List<Object>> links = (List<List<Object>>) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('section.ask a.choice')).map(function (a) {"
                        + "  return [a, a.href, (a.querySelector('span') || a).textContent.trim()]; });");
        for (List<Object> link : links) {
            String[] pair = newOrChanged(current, pairs((String) link.get(1)));
            if (pair == null) {
                continue; // the answer already given, on a page for changing it
            }
            out.add(new Choice((WebElement) link.get(0), pair[0], pair[1], (String) link.get(2)));
        }
        return out;
    }

    /** The pair an answer link adds to the session, or changes in it; null if it changes nothing. */
    private static String[] newOrChanged(List<String[]> current, List<String[]> target) {
        for (String[] t : target) {
            if (t[0].equals("ask")) {
                continue;
            }
            boolean same = current.stream().anyMatch(c -> c[0].equals(t[0]) && c[1].equals(t[1]));
            if (!same) {
                return t;
            }
        }
        return null;
    }

    /** Opens the full list of codes if the link is in it (a closed details element hides its links). */
    private static WebElement reveal(WebDriver d, WebElement link) {
        if (!link.isDisplayed()) {
            WebElement details = link.findElement(By.xpath("ancestor::details[1]"));
            details.findElement(By.tagName("summary")).click();
            waitFor(d).until(ExpectedConditions.visibilityOf(link));
        }
        return link;
    }

    /** The answers of the session as the page understood them: the query of its "See the fix plan" link. */
    private static List<String[]> session(WebDriver d) {
        return pairs(d.findElement(By.cssSelector("a.button.primary")).getDomProperty("href"));
    }

    private static List<Given> given(WebDriver d) {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('section.given ol > li')).map(function (li) {"
                        + "  return [li.querySelector('.given-q').innerText.trim(), li.querySelector('strong').innerText.trim()]; });");
        return rows.stream().map(r -> new Given(r.get(0), r.get(1))).toList();
    }

    private static ResultSnapshot resultSnapshot(WebDriver d) {
        @SuppressWarnings("unchecked")
        List<String> ranking = (List<String>) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('section.causes-top li.cause')).map(function (li) {"
                        + "  return li.querySelector('a.cause-title').innerText.trim() + ' = ' + li.querySelector('span.percent').innerText.trim(); });");
        @SuppressWarnings("unchecked")
        List<String> plan = (List<String>) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('li.plan-item h3')).map(function (h) { return h.innerText.trim(); });");
        return new ResultSnapshot(text(d, "h1"), ranking, plan);
    }

    // ---------------------------------------------------------------- browser plumbing

    private static void open(WebDriver d, String path) {
        d.get(base + path);
    }

    /** The decoded query pairs of an address, in order. */
    private static List<String[]> pairs(String url) {
        String q = URI.create(url).getRawQuery();
        if (q == null || q.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(q.split("&")).map(p -> {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            return new String[] {URLDecoder.decode(k, UTF_8), URLDecoder.decode(v, UTF_8)};
        }).toList();
    }

    private static List<String> flat(List<String[]> pairs) {
        return pairs.stream().map(p -> p[0] + "=" + p[1]).toList();
    }
}
