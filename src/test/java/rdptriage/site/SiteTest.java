package rdptriage.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.inference.BadInput;
import rdptriage.inference.Engines;
import rdptriage.render.Pages;

class SiteTest {

    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    private static Map<String, byte[]> generated;

    /** A fresh generation, for the tests that compare runs. */
    private static Map<String, byte[]> generate() {
        return new Site(Engines.compiled(), new Pages(), null).files();
    }

    /** One generation shared by the tests that only read the site. */
    private static synchronized Map<String, byte[]> site() {
        if (generated == null) {
            generated = generate();
        }
        return generated;
    }

    private static String text(Map<String, byte[]> files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** Null when {@code href} on page {@code from} leads to an existing file and anchor, else what is wrong. */
    private static String broken(Map<String, byte[]> files, String from, String href) {
        String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
        String target = path.isEmpty() ? from : URI.create(from).resolve(path).toString();
        if (!files.containsKey(target)) {
            return from + " -> " + href;
        }
        if (anchor != null && !ids(files.get(target)).contains(anchor)) {
            return from + " -> " + href + " (no such anchor)";
        }
        return null;
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        Map<String, byte[]> files = site();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (var f : files.entrySet()) {
            if (!f.getKey().endsWith(".html")) {
                continue;
            }
            String html = new String(f.getValue(), StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(html);
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                    continue;
                }
                checked++;
                String problem = broken(files, f.getKey(), href);
                if (problem != null) {
                    broken.add(problem);
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
        assertTrue(checked > 800, "only " + checked + " internal links seen");   // 994 with the shipped knowledge
    }

    @Test
    void everySearchResultLeadsToAPageAndAnchorThatExist() throws IOException {
        Map<String, byte[]> files = site();
        String script = text(files, "assets/search-index.js");
        String json = script.substring(script.indexOf('{'), script.lastIndexOf('}') + 1);
        JsonNode entries = new ObjectMapper().readTree(json).get("entries");
        List<String> broken = new ArrayList<>();
        entries.forEach(e -> {
            String problem = broken(files, "search.html", e.get("href").asText());
            if (problem != null) {
                broken.add(problem);
            }
        });
        assertTrue(broken.isEmpty(), "search results leading nowhere: " + broken);
        var kb = Engines.knowledge();
        assertEquals(kb.causes().size() + kb.questions().size() + kb.tables().stream().mapToInt(t -> t.codes().size()).sum(),
                entries.size());
    }

    /** Issue 14 without a server: the home page offers each side's script, stored beside it, with the SHA-256 of the stored file. */
    @Test
    void theHomePageOffersTheDiagnosticScriptsWrittenBesideItWithTheirSha256() throws Exception {
        Map<String, byte[]> files = site();
        String home = text(files, "index.html");
        for (rdptriage.render.CollectScript.Side side : rdptriage.render.CollectScript.Side.values()) {
            String path = rdptriage.render.CollectScript.path(side);
            byte[] stored = files.get(path);
            assertTrue(stored != null, path + " is written");
            assertEquals(rdptriage.render.CollectScript.of(Engines.knowledge(), side, null).text(), new String(stored, StandardCharsets.UTF_8));
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(stored));
            assertTrue(Pattern.compile("href=\"" + Pattern.quote(path) + "\"(?s:.*?)SHA-256 <code>" + sha + "</code>").matcher(home).find(),
                    "index.html links " + path + " with the SHA-256 of the stored file");
        }
    }

    @Test
    void everyPageParsesAsHtml5WithoutAnError() {
        Map<String, byte[]> files = site();
        int pages = 0;
        for (var f : files.entrySet()) {
            if (f.getKey().endsWith(".html")) {
                Parser parser = Parser.htmlParser().setTrackErrors(50);
                Jsoup.parse(text(files, f.getKey()), "", parser);
                assertEquals(List.of(), parser.getErrors().stream().map(Object::toString).toList(), f.getKey());
                pages++;
            }
        }
        assertEquals(Engines.knowledge().causes().size() + 6, pages, "an article per cause, home, codes, flow, checklist, search, sitemap");
    }

    @Test
    void theHtmlCheckCatchesABrokenPage() {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Jsoup.parse("<!DOCTYPE html><html><head><title>x</title></head><body><p>a</b><table><div>b</div></table></body></html>", "", parser);
        assertFalse(parser.getErrors().isEmpty(), "the parser must report stray end tags and misnested tables");
    }

    @Test
    void everyPageHasItsOwnTitleAndADescriptionAndTheSitemapListsThemAll() {
        Map<String, byte[]> files = site();
        Set<String> titles = new HashSet<>();
        Document sitemap = Jsoup.parse(text(files, "sitemap.html"));
        Set<String> listed = new HashSet<>(sitemap.select("main li > a").eachAttr("href"));
        for (var f : files.entrySet()) {
            if (!f.getKey().endsWith(".html")) {
                continue;
            }
            Document d = Jsoup.parse(text(files, f.getKey()));
            assertTrue(titles.add(d.title()), "title used twice: " + d.title());
            String description = d.select("meta[name=description]").attr("content");
            assertTrue(description.length() > 30, f.getKey() + " has no real description: " + description);
            assertEquals(1, d.select("h1").size(), f.getKey() + " needs exactly one h1");
            assertTrue(listed.contains(f.getKey()), "the sitemap misses " + f.getKey());
        }
    }

    @Test
    void everyPageLinksToTheInteractiveQaWhenOneIsDeployed() {
        Map<String, byte[]> files = new Site(Engines.compiled(), new Pages(), "https://rdp.example.org/").files();
        for (var f : files.entrySet()) {
            if (f.getKey().endsWith(".html")) {
                Document d = Jsoup.parse(text(files, f.getKey()));
                assertFalse(d.select("nav a[href=https://rdp.example.org/triage]").isEmpty(), f.getKey());
            }
        }
        Document home = Jsoup.parse(text(site(), "index.html"));
        assertTrue(home.select("a[href*=triage]").isEmpty(), "without --qa-url there is no Q&A to link to");
    }

    @Test
    void theFlowchartDrawsTheGuidedPathWithLinksToQuestionHelpAndArticles() {
        Document flow = Jsoup.parse(text(site(), "flow.html"));
        Elements nodes = flow.select("svg.flow-svg g.flow-node");
        GuidedPath.Node root = new GuidedPath(Engines.compiled()).build();
        assertEquals(count(root), nodes.size());
        // the first box is the question the Q&A asks first for 0x904 / 0x7
        String first = Engines.compiled().assess(Engines.compiled().answers(GuidedPath.START)).nextQuestion().id();
        assertEquals("flow.html#q-" + first, nodes.first().select("a").attr("href"));
        assertEquals(nodes.size() - 1, flow.select("svg.flow-svg text.flow-answer").stream()
                .map(t -> t.parent()).distinct().count(), "every box but the first is reached by an answer");
        assertTrue(flow.select("svg.flow-svg a[href^=causes/]").size() >= 10);
        Engines.knowledge().questions().forEach(q -> assertEquals(1, flow.select("#q-" + q.id()).size(), q.id()));
    }

    private static int count(GuidedPath.Node n) {
        return 1 + n.branches().stream().mapToInt(b -> count(b.next())).sum();
    }

    @Test
    void theArticlesNameTheQuestionsThatTellConfusedCausesApart() {
        Document a = Jsoup.parse(text(site(), "causes/credssp-oracle.html"));
        Elements related = a.select("ul.related > li");
        assertEquals(Engines.knowledge().cause("credssp-oracle").confusedWith().size(), related.size());
        Element nla = related.stream().filter(li -> li.selectFirst("a").attr("href").equals("../causes/nla-authentication.html"))
                .findFirst().orElseThrow();
        assertFalse(nla.select("a[href^=../flow.html#q-]").isEmpty(), "a question that separates them, linked to its help");
    }

    @Test
    void theSiteHasAHomeACodeReferenceAndAnArticlePerCause() {
        Map<String, byte[]> files = site();
        assertTrue(files.containsKey("index.html"));
        assertTrue(files.containsKey("codes.html"));
        Engines.knowledge().causes().forEach(c -> assertTrue(files.containsKey("causes/" + c.id() + ".html"), c.id()));
        String home = new String(files.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains("disconnectReasonAtClientWinsockFDCLOSE") && home.contains("exDiscReasonServerDeniedConnection"));
        String codes = new String(files.get("codes.html"), StandardCharsets.UTF_8);
        Engines.knowledge().tables().forEach(t -> t.codes().forEach(e -> assertTrue(codes.contains(">" + e.code() + "<"), e.code())));
    }

    @Test
    void nothingIsLoadedFromAnotherHost() {
        for (var f : site().entrySet()) {
            if (f.getKey().endsWith(".html")) {
                String html = new String(f.getValue(), StandardCharsets.UTF_8);
                assertFalse(Pattern.compile("\\ssrc=\"(https?:)?//").matcher(html).find(), f.getKey());
                assertFalse(Pattern.compile("<link[^>]+href=\"(https?:)?//").matcher(html).find(), f.getKey());
            }
        }
    }

    @Test
    void theSameKnowledgeGivesTheSameBytes() {
        Map<String, byte[]> a = generate();
        Map<String, byte[]> b = generate();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    @Test
    void writingReplacesAnEarlierSiteAndLeavesNoTemporaryFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("site");
        Site site = new Site(Engines.compiled(), new Pages(), null);
        int n = site.write(out);
        Files.writeString(out.resolve("stale.html"), "old");
        assertEquals(n, site.write(out));
        assertFalse(Files.exists(out.resolve("stale.html")), "replaced as a whole");
        try (var list = Files.list(dir)) {
            assertEquals(List.of(out), list.toList());
        }
    }

    @Test
    void aFolderWithOtherFilesIsNeverReplaced(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("thesis.docx"), "precious");
        BadInput e = assertThrows(BadInput.class, () -> new Site(Engines.compiled(), new Pages(), null).write(dir));
        assertTrue(e.getMessage().contains("holds other files"));
        assertTrue(Files.exists(dir.resolve("thesis.docx")));
    }

    private static Set<String> ids(byte[] html) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(new String(html, StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
