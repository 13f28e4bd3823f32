package rdptriage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Engines;
import rdptriage.knowledge.Cause;
import rdptriage.render.Pages;
import rdptriage.site.Site;

/** Issue 13, one product: the troubleshooting site's pages served beside the Q&A, and articles that lead back to a session. */
class SitePagesTest {

    private static final String SESSION = "error-code=0x904&extended-code=0x7";
    private static final String ARTICLE = "/causes/rdp-certificate.html";

    /** Each page of the site on the server, with its type and a piece of what it must hold. */
    private static final Map<String, List<String>> PAGES = Map.of(
            "/index.html", List.of("text/html", "<h1>Remote Desktop error 0x904, extended error 0x7</h1>"),
            "/codes.html", List.of("text/html", "<h1>Error-code reference</h1>"),
            "/flow.html", List.of("text/html", "<h1>The guided triage as a flowchart</h1>"),
            "/checklist.html", List.of("text/html", "<h1>Triage checklist: Remote Desktop error 0x904, extended 0x7</h1>"),
            "/search.html", List.of("text/html", "<h1>Search the guide</h1>"),
            "/sitemap.html", List.of("text/html", "<h1>Sitemap</h1>"),
            "/assets/search-index.js", List.of("text/javascript", "causes/rdp-certificate.html"),
            ARTICLE, List.of("text/html", "<h1>RDP listener certificate"));

    @Test
    void everyPageOfTheSiteIsServedWithItsTypeAndTheSecurityHeaders() throws Exception {
        for (var page : PAGES.entrySet()) {
            HttpResponse<String> r = Http.get(page.getKey());
            assertEquals(200, r.statusCode(), page.getKey());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(page.getValue().get(0)), page.getKey());
            assertTrue(r.body().contains(page.getValue().get(1)), page.getKey() + " holds " + page.getValue().get(1));
            assertSecurityHeaders(page.getKey(), r);
            HttpResponse<String> head = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + page.getKey()))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode(), "HEAD " + page.getKey());
            assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("Content-Length").orElse(""), "HEAD " + page.getKey());
        }
    }

    @Test
    void thePagesAreTheStaticSitesWithTheServersLinks() throws Exception {
        Site statik = new Site(Engines.compiled(), new Pages(), "/");
        for (String page : List.of("index.html", "codes.html", "checklist.html", "causes/rdp-certificate.html")) {
            String served = Http.get("/" + page).body();
            String written = new String(statik.render(page), StandardCharsets.UTF_8);
            // the same page: the static site's relative links become the server's absolute ones
            assertEquals(Jsoup.parse(written).select("main").text(), Jsoup.parse(served).select("main").text(), page);
            for (Element a : Jsoup.parse(served).select("[href], [src]")) {
                String link = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                assertTrue(link.startsWith("/") || link.startsWith("#") || link.startsWith("https://") || link.startsWith("http://"),
                        page + ": a link that depends on the page's place: " + link);
            }
        }
    }

    @Test
    void everyLinkOfEveryPageOfTheSiteLeadsToAnAnswerOfThisServer() throws Exception {
        Map<String, Document> pages = new HashMap<>();
        List<String> broken = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        List<String> sitePages = new ArrayList<>(List.of("/index.html", "/codes.html", "/flow.html", "/checklist.html",
                "/search.html", "/sitemap.html"));
        Engines.knowledge().causes().forEach(c -> sitePages.add("/causes/" + c.id() + ".html"));
        for (String page : sitePages) {
            Document d = Jsoup.parse(Http.get(page).body(), Http.base() + page);
            pages.put(page, d);
            for (Element a : d.select("a[href], link[href], script[src], form[action]")) {
                String abs = a.hasAttr("href") ? a.absUrl("href") : a.hasAttr("src") ? a.absUrl("src") : a.absUrl("action");
                if (abs.startsWith(Http.base())) {
                    targets.add(page + " " + abs.substring(Http.base().length()));
                }
            }
        }
        Map<String, HttpResponse<String>> answered = new HashMap<>();
        for (String t : targets) {
            String from = t.substring(0, t.indexOf(' '));
            String link = t.substring(t.indexOf(' ') + 1);
            String address = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
            HttpResponse<String> r = answered.computeIfAbsent(address, SitePagesTest::get);
            if (r.statusCode() != 200 && !(address.equals("/") && r.statusCode() == 303)) {
                broken.add(from + " -> " + link + ": " + r.statusCode());
            } else if (link.contains("#") && r.statusCode() == 200) {
                String id = link.substring(link.indexOf('#') + 1);
                Document target = pages.computeIfAbsent(address, a -> Jsoup.parse(r.body()));
                if (target.getElementById(id) == null) {
                    broken.add(from + " -> " + link + ": no such anchor");
                }
            }
        }
        assertTrue(broken.isEmpty(), broken.size() + " broken links, e.g. " + broken.subList(0, Math.min(10, broken.size())));
        assertTrue(targets.stream().anyMatch(t -> t.endsWith(" /triage")), "the site leads to the Q&A on this server");
        assertTrue(targets.size() > 200, "links checked: " + targets.size());
    }

    @Test
    void theStandardChecklistAndTheSessionChecklistAreTwoPages() throws Exception {
        String standard = Http.get("/checklist.html").body();
        String session = Http.get("/checklist?" + SESSION).body();
        assertTrue(standard.contains("Triage checklist: Remote Desktop error 0x904, extended 0x7"));
        assertTrue(session.contains("RDP triage checklist"));
        assertFalse(standard.contains("RDP triage checklist"));
    }

    @Test
    void theQuestionPagesLeadToTheSitesPages() throws Exception {
        Document d = Jsoup.parse(Http.get("/triage?" + SESSION).body());
        for (String page : List.of("/index.html", "/codes.html", "/flow.html", "/checklist.html")) {
            assertFalse(d.select("header nav a[href=" + page + "]").isEmpty(), page);
        }
        assertFalse(d.select("header form[action=/search.html]").isEmpty(), "the search box");
        assertEquals(303, Http.get("/").statusCode(), "/ still starts a triage");
    }

    @Test
    void anUnknownPageOfTheSiteIsA404WithTheErrorPage() throws Exception {
        for (String path : List.of("/nowhere.html", "/causes/no-such-cause.html", "/causes/rdp-certificate", "/causes/",
                "/assets/search-index.json", "/index.htm", "/causes/rdp-certificate.html/x")) {
            HttpResponse<String> r = Http.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(r.body().contains("<h1>Not found</h1>"), path + ": " + r.body());
            assertSecurityHeaders(path, r);
        }
    }

    @Test
    void theQuestionAndResultPagesLinkToArticlesWithTheirSession() throws Exception {
        String session = SESSION + "&host=srv01.corp.example";
        for (String page : List.of("/triage?", "/result?")) {
            Document d = Jsoup.parse(Http.get(page + session).body());
            List<String> articles = d.select("a[href^=/causes/]").eachAttr("href");
            assertFalse(articles.isEmpty(), page);
            for (String href : articles) {
                assertTrue(href.endsWith(".html?" + session), page + ": " + href);
            }
        }
    }

    @Test
    void anArticleOpenedFromASessionLinksBackToExactlyThatSessionNearTheTop() throws Exception {
        String session = "error-code=0x904&extended-code=0x7&recent-change=host-renamed%2Cnetwork-change&host=srv01.corp.example";
        HttpResponse<String> r = Http.get(ARTICLE + "?" + session);
        assertEquals(200, r.statusCode());
        assertSecurityHeaders(ARTICLE, r);
        Document d = Jsoup.parse(r.body());
        Element back = d.selectFirst("main > p.session-back");
        assertNotNull(back, "the back link");
        assertEquals("Back to your session", back.selectFirst("a").text());
        assertEquals("/triage?" + session, back.selectFirst("a").attr("href"));
        assertEquals("/result?" + session, back.select("a").get(1).attr("href"));
        assertTrue(back.text().contains("(3 answers)"), back.text());
        assertTrue(r.body().indexOf("session-back") < r.body().indexOf("class=\"article-head\""), "before the article's heading");
        assertTrue(r.body().contains("href=\"/triage?error-code=0x904&amp;extended-code=0x7&amp;recent-change="), "escaped as HTML");
        // the rest of the page is the article as it is without a session
        String plain = Http.get(ARTICLE).body();
        back.remove();
        assertEquals(Jsoup.parse(plain).select("main").html(), d.select("main").html());
    }

    @Test
    void answersAreCarriedAsTheSessionPagesWriteThem() throws Exception {
        // a code typed in decimal is 0x904 in every link of the session, the back link too
        Document d = Jsoup.parse(Http.get(ARTICLE + "?error-code=2308").body());
        assertEquals("/triage?error-code=0x904", d.selectFirst("p.session-back a").attr("href"));
        assertTrue(d.selectFirst("p.session-back").text().contains("(1 answer)"));
    }

    @Test
    void anArticleWithoutASessionHasNoBackLinkAndTheStaticSitesArticlesNone() throws Exception {
        for (String query : List.of("", "?", "?host=srv01", "?error-code=")) {
            String body = Http.get(ARTICLE + query).body();
            assertFalse(body.contains("session-back"), query);
            assertFalse(body.contains("Back to your session"), query);
            assertFalse(body.contains(Site.BACK), "the place of the back link is not left in the page");
        }
        for (Cause c : Engines.knowledge().causes()) {
            String written = new String(new Site(Engines.compiled(), new Pages(), null).render("causes/" + c.id() + ".html"),
                    StandardCharsets.UTF_8);
            assertFalse(written.contains(Site.BACK) || written.contains("session-back"), c.id());
            break;   // one is enough: every article is the same template
        }
    }

    @Test
    void aQueryThatIsNotASessionInFullGivesTheArticleWithoutTheBackLink() throws Exception {
        for (String query : List.of(
                "error-code=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "error-code=0x904&%22%3E%3Cimg%20src%3Dx%3E=1",
                "error-code=0x904&colour=blue",
                "error-code=0x904&error-code=0x204",
                "error-code=0x904&host=srv%3Bcalc",
                "error-code=0x904&ask=extended-code",
                "error-code=0x904&x=" + "a".repeat(5000),
                "error-code",
                "error-code=%zz&extended-code=0x7")) {
            HttpResponse<String> r = Http.get(ARTICLE + "?" + query.replace("%zz", "%25zz"));
            assertEquals(200, r.statusCode(), query);
            assertFalse(r.body().contains("session-back"), query);
            assertFalse(r.body().contains("<script>alert") || r.body().contains("<img src=x>") || r.body().contains("colour=blue")
                    || r.body().contains("srv;calc") || r.body().contains("aaaaaaaa"), "nothing of the query is echoed: " + query);
            assertTrue(r.body().contains("<h1>RDP listener certificate"), query);
        }
        // a malformed percent: in the query, the article without the link; in the path, refused before any
        // handler with the error page and every header
        String query = Http.raw("GET " + ARTICLE + "?error-code=%zz&extended-code=0x7 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(query.startsWith("HTTP/1.1 200 ") && !query.contains("session-back"), query.lines().findFirst().orElse(""));
        String path = Http.raw("GET /causes/%zz.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(path.startsWith("HTTP/1.1 400 "), path.lines().findFirst().orElse(""));
        assertTrue(path.contains("X-Content-Type-Options: nosniff"));
        assertFalse(path.contains("Exception"));
    }

    @Test
    void eachPageIsRenderedOnceAndAnArticleWithASessionOnlyGetsItsLinkAdded() {
        Pages pages = new Pages();
        SitePages site = new SitePages(Site.served(Engines.compiled(), pages), Engines.knowledge(), pages);
        Request flow = new Request("/flow.html", null, null);
        assertNull(site.ready(flow), "nothing is rendered before it is asked for");
        Response first = site.page(flow);
        assertTrue(first == site.page(flow) && first == site.ready(flow), "the same bytes every time, not rendered again");
        Request article = new Request(ARTICLE, null, null);
        Response plain = site.page(article);
        Request withSession = new Request(ARTICLE, SESSION, null);
        assertNull(site.ready(withSession), "a session's article gets its link on a worker, not on the I/O thread");
        Response linked = site.page(withSession);
        assertTrue(plain == site.page(article), "the article is not rendered again for a session");
        String withLink = new String(linked.body(), StandardCharsets.UTF_8);
        assertTrue(withLink.contains("Back to your session"));
        assertEquals(new String(plain.body(), StandardCharsets.UTF_8), withLink.replaceFirst("(?s)<p class=\"session-back.*?</p>", ""),
                "the link is all that is added");
    }

    private static HttpResponse<String> get(String address) {
        try {
            return Http.get(address);
        } catch (Exception e) {
            throw new IllegalStateException(address, e);
        }
    }

    private static void assertSecurityHeaders(String what, HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), what);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
        assertNull(r.headers().firstValue("Server").orElse(null), what);
    }
}
