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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.inference.BadInput;
import rdptriage.inference.Engines;
import rdptriage.render.Pages;

class SiteTest {

    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    private static Map<String, byte[]> site() {
        return new Site(Engines.compiled(), new Pages(), null).files();
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
                String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
                String target = path.isEmpty() ? f.getKey() : URI.create(f.getKey()).resolve(path).toString();
                if (!files.containsKey(target)) {
                    broken.add(f.getKey() + " -> " + href);
                } else if (anchor != null && !ids(files.get(target)).contains(anchor)) {
                    broken.add(f.getKey() + " -> " + href + " (no such anchor)");
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
        assertTrue(checked > 200, "only " + checked + " internal links seen");
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
        Map<String, byte[]> a = site();
        Map<String, byte[]> b = site();
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
