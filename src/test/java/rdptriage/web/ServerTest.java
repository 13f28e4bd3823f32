package rdptriage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rdptriage.cli.Main;
import rdptriage.inference.Engines;
import rdptriage.knowledge.Cause;
import rdptriage.render.Json;

/** The server over real HTTP: routes, the session in the address, bad input, headers, the JSON contract. */
class ServerTest {

    private static final String SESSION = "error-code=0x904&extended-code=0x7&tcp-3389-test=succeeded";

    @Test
    void questionPageShowsTheNextQuestionWithHelpAndWhy() throws Exception {
        HttpResponse<String> r = Http.get("/triage?error-code=0x904&extended-code=0x7");
        assertEquals(200, r.statusCode());
        var next = Engines.compiled().assess(Engines.compiled().answers(Map.of("error-code", "0x904", "extended-code", "0x7"))).nextQuestion();
        assertTrue(r.body().contains(">" + escape(next.text()) + "</h1>"), "question text in h1");
        assertTrue(r.body().contains(escape(next.why())), "why we ask");
        assertTrue(r.body().contains("How to find out"));
        assertTrue(r.body().contains("I don&#39;t know"), "I don't know is always offered");
    }

    @Test
    void afterSixAnswersThePageOffersThePlanAndStillAsks() throws Exception {
        String six = "error-code=0x904&extended-code=0x7&client-app=mstsc&host-os=win10-11&failure-moment=after-credentials"
                + "&pattern=dont-know";
        String body = Http.get("/triage?" + six).body();
        assertTrue(body.contains("The plan is ready"), body);
        assertTrue(body.contains("6 questions answered"), body);
        assertFalse(body.contains("Nothing more is worth asking"), "a question stays open");
        assertFalse(Http.get("/triage?error-code=0x904").body().contains("The plan is ready"));
    }

    @Test
    void everyOptionLinkAddsOneAnswerAndKeepsTheOthers() throws Exception {
        String body = Http.get("/triage?" + SESSION).body();
        List<String> links = hrefs(body, "choice");
        assertFalse(links.isEmpty());
        for (String href : links) {
            assertTrue(href.startsWith("/triage?" + SESSION + "&"), href);
            assertEquals(4, href.substring(href.indexOf('?') + 1).split("&").length, href);
        }
    }

    @Test
    void changingAnAnswerShowsItsQuestionWithTheAnswerMarkedAndReplacesItInPlace() throws Exception {
        String body = Http.get("/triage?" + SESSION + "&ask=extended-code").body();
        assertTrue(body.contains("Change an answer"));
        assertTrue(body.contains("aria-current=\"true\""), "the current answer is marked");
        List<String> links = hrefs(body, "choice");
        assertTrue(links.contains("/triage?error-code=0x904&amp;extended-code=0x5&amp;tcp-3389-test=succeeded".replace("&amp;", "&")),
                "0x5 replaces 0x7 in place: " + links);
    }

    @Test
    void removingAnAnswerKeepsTheOthers() throws Exception {
        String body = Http.get("/triage?" + SESSION).body();
        assertTrue(body.contains("href=\"/triage?error-code=0x904&amp;tcp-3389-test=succeeded\""), "remove link for extended-code");
    }

    @Test
    void unknownQuestionGivesA400PageNamingItAndKeepingTheValidAnswers() throws Exception {
        HttpResponse<String> r = Http.get("/triage?error-code=0x904&colour=blue&extended-code=0x7");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("unknown question &#39;colour&#39;"));
        assertTrue(r.body().contains("Every other answer was kept"));
        assertTrue(r.body().contains("href=\"/triage?error-code=0x904&amp;extended-code=0x7&amp;ask=error-code\""),
                "the valid answers are the session shown");
    }

    @Test
    void aValueThatIsNotAnOptionNamesTheExpectedOnes() throws Exception {
        HttpResponse<String> r = Http.get("/triage?tcp-3389-test=maybe");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("question &#39;tcp-3389-test&#39; has no option &#39;maybe&#39;; expected one of:"), r.body());
    }

    @Test
    void aScriptInAQueryValueIsEscapedAsText() throws Exception {
        HttpResponse<String> r = Http.get("/triage?error-code=%3Cscript%3Ealert(1)%3C%2Fscript%3E&%22%3E%3Cimg%20src%3Dx%3E=1");
        assertEquals(400, r.statusCode());
        assertFalse(r.body().contains("<script>alert"), "never echoed raw");
        assertFalse(r.body().contains("<img src=x>"));
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void anOversizedQueryIsRefusedPoliteAndTheStartKept() throws Exception {
        HttpResponse<String> r = Http.get("/triage?error-code=0x904&x=" + "a".repeat(20_000));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("the address is too long"));
        assertTrue(r.body().contains("href=\"/triage?error-code=0x904&amp;ask=error-code\""));
    }

    @Test
    void anUnknownAskIsNamedAndTheNextQuestionShown() throws Exception {
        HttpResponse<String> r = Http.get("/triage?error-code=0x904&ask=nonsense");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("&#39;ask=nonsense&#39; names no question"));
    }

    @Test
    void securityHeadersAreOnEveryResponse() throws Exception {
        for (String path : List.of("/triage", "/result?" + SESSION, "/api/triage", "/assets/app.css", "/nowhere", "/triage?x=1")) {
            HttpResponse<String> r = Http.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void noPageHasInlineScriptOrStyle() throws Exception {
        for (String path : List.of("/triage", "/triage?" + SESSION, "/result?" + SESSION, "/checklist?" + SESSION, "/causes/rdp-certificate.html", "/nowhere")) {
            String body = Http.get(path).body();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(body).find(), path + " has an inline script");
            assertFalse(body.contains(" style=\"") || body.contains("<style"), path + " has inline style");
            assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(body).find(), path + " has an inline event handler");
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//(?!127\\.0\\.0\\.1)[^\"]*\"").matcher(body.replaceAll("<a [^>]*>", "")).find(),
                    path + " loads something from another host");
        }
    }

    @Test
    void apiTriageIsTheSameJsonAsTheCli() throws Exception {
        HttpResponse<String> r = Http.get("/api/triage?" + SESSION);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String cli = cli("triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7",
                "--answer", "tcp-3389-test=succeeded", "--format", "json");
        assertEquals(cli, r.body());
    }

    @Test
    void severalAnswersToOneQuestionAreTheSameAsInTheCli() throws Exception {
        String cli = cli("triage", "--answer", "recent-change=host-renamed,network-change", "--format", "json");
        assertEquals(cli, Http.get("/api/triage?recent-change=network-change&recent-change=host-renamed").body());
        assertEquals(cli, Http.get("/api/triage?recent-change=host-renamed%2Cnetwork-change").body());
    }

    @Test
    void aQuestionThatTakesSeveralAnswersIsAFormOfCheckboxesKeepingTheOtherAnswers() throws Exception {
        String body = Http.get("/triage?error-code=0x904&ask=recent-change").body();
        assertTrue(body.contains("<form class=\"several\""), body);
        assertTrue(body.contains("type=\"hidden\" name=\"error-code\" value=\"0x904\""), body);
        assertTrue(body.contains("type=\"checkbox\" name=\"recent-change\" value=\"host-renamed\""), body);
        body = Http.get("/triage?recent-change=host-renamed,network-change&ask=recent-change").body();
        assertTrue(body.contains("value=\"host-renamed\" checked"), body);
        assertTrue(body.contains("value=\"network-change\" checked"), body);
        assertTrue(!body.contains("value=\"windows-update\" checked"), body);
    }

    @Test
    void theCodeAndTheExtendedCodeAreAskedInOneStepAndAnEmptyFieldAnswersNothing() throws Exception {
        String body = Http.get("/triage?ask=error-code").body();
        assertTrue(body.contains("type=\"text\" name=\"error-code\""), body);
        assertTrue(body.contains("type=\"text\" name=\"extended-code\""), body);
        body = Http.get("/triage?ask=error-code&extended-code=0x7").body();
        assertTrue(!body.contains("type=\"text\" name=\"extended-code\""), "an extended code given already is not asked again");
        HttpResponse<String> r = Http.get("/triage?error-code=0x904&extended-code=");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("0x904: Socket closed."), r.body());
    }

    @Test
    void aQuestionThatTakesOneAnswerGivenTwiceIsA400NamingIt() throws Exception {
        HttpResponse<String> r = Http.get("/triage?error-code=0x904&error-code=0x204&extended-code=0x7");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("question &#39;error-code&#39; takes one answer, found 2 (&#39;0x904,0x204&#39;)"), r.body());
        assertTrue(r.body().contains("0x7: The server denied the connection."), "the valid answer is kept");
    }

    @Test
    void apiErrorsAreJsonNamingTheProblemAndKeepingValidAnswers() throws Exception {
        HttpResponse<String> r = Http.get("/api/triage?error-code=0x904&colour=blue");
        assertEquals(400, r.statusCode());
        JsonNode json = Json.MAPPER.readTree(r.body());
        assertTrue(json.get("error").asText().contains("unknown question 'colour'"));
        assertEquals("0x904", json.get("answers").get("error-code").asText());
        assertEquals(404, Http.get("/api/nothing").statusCode());
        assertTrue(Http.get("/api/nothing").body().contains("\"error\""));
    }

    @Test
    void apiCataloguesAreTheSameAsTheCli() throws Exception {
        assertEquals(cli("questions", "--format", "json"), Http.get("/api/questions").body());
        assertEquals(cli("causes", "--format", "json"), Http.get("/api/causes").body());
    }

    @Test
    void healthSaysOkWithTheKnowledgeSize() throws Exception {
        JsonNode json = Json.MAPPER.readTree(Http.get("/health").body());
        assertEquals("ok", json.get("status").asText());
        assertEquals(Engines.knowledge().causes().size(), json.get("causes").asInt());
    }

    @Test
    void rootRedirectsToANewTriage() throws Exception {
        HttpResponse<String> r = Http.get("/");
        assertEquals(303, r.statusCode());
        assertEquals("/triage", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void unknownPathsAre404PagesAndOtherMethods405() throws Exception {
        HttpResponse<String> r = Http.get("/causes/%3Cscript%3E.html");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("<script>"));
        HttpResponse<String> post = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/result"))
                .POST(HttpRequest.BodyPublishers.ofString("error-code=0x904")).build());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> put = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/triage"))
                .PUT(HttpRequest.BodyPublishers.ofString("ticket=x")).build());
        assertEquals(405, put.statusCode());
        assertEquals("GET, HEAD, POST", put.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void aPastedDialogIsReadIntoAnswersShownWithItsWordsAndNotPutInTheAddress() throws Exception {
        String secret = "Ticket 4711 from alice@example.com: Error code: 0x904 Extended error code: 0x7 <script>x</script>";
        HttpResponse<String> r = Http.post("/triage?client-app=mstsc", "ticket=" + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("Read from what you pasted"), "the recognised panel comes with the page");
        assertTrue(body.contains("<q>Error code: 0x904</q>") && body.contains("<q>Extended error code: 0x7</q>"), "the words shown");
        assertFalse(body.contains("alice@example.com"), "nothing of the paste beyond the matched words is echoed");
        assertFalse(body.contains("<script>x"), "no unescaped paste");
        assertTrue(body.contains("/triage?error-code=0x904&amp;extended-code=0x7&amp;client-app=mstsc&amp;ask=error-code"),
                "links carry the read answers and the given ones, and only answers");
    }

    @Test
    void aPasteOverTheLimitKeepsTheAnswersAndSaysSo() throws Exception {
        HttpResponse<String> r = Http.post("/triage?error-code=0x904", "ticket=" + "x".repeat(70_000));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("at most 65536 (64 KB)"), "names the size limit");
        assertTrue(r.body().contains("0x904: Socket closed."), "the answer in the address is kept");
        HttpResponse<String> huge = Http.post("/triage?error-code=0x904", "ticket=" + "x".repeat(Server.MAX_BODY + 10));
        assertEquals(400, huge.statusCode());
        assertTrue(huge.body().contains("was not read; paste at most 64 KB"), "a body over the limit is not read");
    }

    @Test
    void theHostInTheAddressFillsTheCommandsAndStaysInEveryLink() throws Exception {
        HttpResponse<String> r = Http.get("/result?error-code=0x204&host=srv01.corp.example");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Test-NetConnection -ComputerName srv01.corp.example -Port 3389"), "the command is filled");
        assertTrue(r.body().contains("/checklist?error-code=0x204&amp;host=srv01.corp.example"), "links keep the host");
        HttpResponse<String> bad = Http.get("/result?error-code=0x204&host=srv%3Bcalc");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("is not a computer name or IP address"), "names the problem");
        assertTrue(bad.body().contains("0x204: Windows Sockets connect failed."), "keeps the answers");
    }

    @Test
    void theApiTakesATicketBesideTheAnswersAndKeepsOneContract() throws Exception {
        HttpResponse<String> r = Http.post("/api/triage", "{\"ticket\": \"Error code: 0x904 Extended error code: 0x7\", \"answers\": {\"client-app\": \"mstsc\"}}");
        assertEquals(200, r.statusCode());
        com.fasterxml.jackson.databind.JsonNode json = rdptriage.render.Json.MAPPER.readTree(r.body());
        assertEquals("0x904", json.get("answers").get("error-code").asText());
        assertEquals("mstsc", json.get("answers").get("client-app").asText());
        assertEquals(2, json.get("extracted").size());
        assertEquals("applied", json.get("extracted").get(0).get("status").asText());
        com.fasterxml.jackson.databind.JsonNode get = rdptriage.render.Json.MAPPER.readTree(Http.get("/api/triage?error-code=0x904").body());
        List<String> posted = new ArrayList<>();
        List<String> got = new ArrayList<>();
        json.fieldNames().forEachRemaining(posted::add);
        get.fieldNames().forEachRemaining(got::add);
        assertEquals(posted, got, "GET and POST answer the same fields");
        HttpResponse<String> bad = Http.post("/api/triage", "{\"ticket\": \"x\", \"answer\": {}}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown field 'answer'"), bad.body());
        HttpResponse<String> broken = Http.post("/api/triage", "{\"ticket\": ");
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("not valid JSON"), broken.body());
    }

    @Test
    void resultPageHasThePlanAndTheSameTicketNotesAsTheCli() throws Exception {
        String body = Http.get("/result?" + SESSION).body();
        String[] session = {"triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7", "--answer", "tcp-3389-test=succeeded",
                "--base-url", Http.base()};
        String note = cli(concat(session, "--format", "note"));
        Matcher m = Pattern.compile("<div class=\"command ticket-short\">.*?<code>(.*?)</code>", Pattern.DOTALL).matcher(body);
        assertTrue(m.find(), "short ticket note block");
        assertEquals(note, unescape(m.group(1)));
        HttpResponse<String> markdown = Http.get("/note.md?" + SESSION);
        assertEquals(200, markdown.statusCode());
        assertTrue(markdown.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; charset=utf-8"));
        assertEquals(cli(concat(session, "--format", "markdown")), markdown.body());
        assertTrue(body.contains("href=\"/note.md?" + SESSION.replace("&", "&amp;") + "\""), "link to the Markdown note");
        assertTrue(body.contains("class=\"plan-items\""));
        assertTrue(Http.get("/plan?" + SESSION).body().contains("<h4>Verify</h4>"));
    }

    @Test
    void aMarkdownNoteForABadAddressIsA400NamingWhatWasWrong() throws Exception {
        HttpResponse<String> r = Http.get("/note.md?error-code=0x904&colour=blue");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("unknown question 'colour'"), r.body());
        assertTrue(r.body().contains("Expected the address of a session"), r.body());
    }

    /**
     * Over every scenario, the two-answer session of the issue and 300 sessions of 2 to 9 answers
     * drawn at random (seeded) from every question, as tickets start: the dialog's codes first: under 60 KB; at most 5 causes before the plan
     * and the rest folded; the plan's first steps in full, each folding, and every other step listed
     * by title, with the whole plan (every step in full) one link away.
     */
    @Test
    void theResultPageShowsTheTopCausesThenThePlanFoldableAndUnder60Kb() throws Exception {
        List<Map<String, String>> sessions = new java.util.ArrayList<>();
        sessions.add(Map.of("error-code", "0x904", "extended-code", "0x7"));
        rdptriage.inference.Scenarios.all().forEach(sc -> sessions.add(sc.answers()));
        rdptriage.inference.Engines.sessions(rdptriage.inference.Engines.compiled(), rdptriage.inference.Engines.knowledge(), 300,
                new java.util.Random(13), true).forEach(a -> sessions.add(a.values()));
        int largest = 0;
        for (Map<String, String> answers : sessions) {
            String query = rdptriage.render.SessionLink.query(answers);
            String body = Http.get("/result" + query).body();
            int size = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            largest = Math.max(largest, size);
            assertTrue(size < 60 * 1024, query + ": " + size + " bytes");
            JsonNode a = Json.MAPPER.readTree(Http.get("/api/triage" + query).body());   // the same server's own assessment
            int top = body.indexOf("class=\"causes-top\""), plan = body.indexOf("class=\"plan\""), all = body.indexOf("class=\"all-causes\"");
            assertTrue(top > 0 && all > top && plan > all, query + ": causes, then all causes folded, then the plan");
            assertEquals(Math.min(5, a.get("causes").size()), count(body.substring(top, all), "class=\"cause\""), query);
            String planPart = body.substring(plan);
            for (JsonNode p : a.get("plan")) {
                int step = p.get("step").asInt();
                if (step <= rdptriage.render.SessionView.STEPS_IN_FULL) {
                    assertTrue(planPart.contains("id=\"step-" + step + "\""), query + ": step " + step + " in full");
                } else {
                    assertTrue(planPart.contains("<span class=\"step-title\">" + escape(p.get("title").asText()) + "</span>"), query + ": step " + step + " listed");
                }
            }
            assertEquals(Math.min(a.get("plan").size(), rdptriage.render.SessionView.STEPS_IN_FULL), count(planPart, "<details"),
                    query + ": every step folds");
        }
        System.out.println("largest result page over " + sessions.size() + " sessions: " + largest + " bytes");
        String whole = Http.get("/plan?" + SESSION).body();
        JsonNode plan = Json.MAPPER.readTree(Http.get("/api/triage?" + SESSION).body()).get("plan");
        assertTrue(plan.size() > rdptriage.render.SessionView.STEPS_IN_FULL);
        for (JsonNode p : plan) {
            assertTrue(whole.contains("id=\"step-" + p.get("step").asInt() + "\""), "whole plan: step " + p.get("step"));
            assertTrue(whole.contains(escape(p.get("title").asText())), "whole plan: " + p.get("title"));
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void checklistListsEveryPlanStep() throws Exception {
        var a = Engines.compiled().assess(Engines.compiled().answers(Map.of("error-code", "0x904", "extended-code", "0x7", "tcp-3389-test", "succeeded")));
        String body = Http.get("/checklist?" + SESSION).body();
        for (var p : a.plan()) {
            assertTrue(body.contains(escape(p.title())), p.title());
        }
    }

    @Test
    void everyCauseHasAnArticleWithItsSectionsFixesAndSources() throws Exception {
        for (Cause c : Engines.knowledge().causes()) {
            HttpResponse<String> r = Http.get("/causes/" + c.id() + ".html");
            assertEquals(200, r.statusCode(), c.id());
            String body = r.body();
            for (String section : List.of("What is happening", "How it shows up", "How it relates to 0x904 / extended 0x7")) {
                assertTrue(body.contains("<h2>" + section + "</h2>"), c.id() + ": " + section);
            }
            c.fixes().forEach(f -> assertTrue(body.contains(escape(f.title())), c.id() + ": fix " + f.id()));
            c.sources().forEach(s -> assertTrue(body.contains("id=\"source-" + s + "\""), c.id() + ": source " + s));
        }
    }

    @Test
    void assetsAreServedWithTheirTypes() throws Exception {
        assertTrue(Http.get("/assets/app.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(Http.get("/assets/app.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, Http.get("/assets/../knowledge/engine.yaml").statusCode());
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        return out.toString();
    }

    private static List<String> hrefs(String html, String cssClass) {
        Matcher m = Pattern.compile("<a class=\"" + cssClass + "[^\"]*\" href=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    private static String escape(String s) {
        return s.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
