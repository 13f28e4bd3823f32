package rdptriage.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.Answers;
import rdptriage.inference.Assessment;
import rdptriage.inference.Host;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.Assets;
import rdptriage.render.Links;
import rdptriage.render.Pages;
import rdptriage.site.Once;
import rdptriage.site.Site;

/**
 * The troubleshooting site's pages beside the Q&A (home, codes, flowchart, standard checklist,
 * search with its index, sitemap, one article per cause), made by the static site's own renderer
 * with the server's links, each once: on first request or while the server warms up.
 *
 * <p>An article opened from a session ({@code /causes/ID.html?error-code=0x904&...}) links back to
 * it near the top: the link is a small fragment put into the article rendered once, at the place
 * the template marks ({@link Site#BACK}). A query that is not a session in full (an unknown
 * question, a value that is not an option, a host that is not a name) gives the article without
 * the link: the article is what was asked for, and the session pages are where problems are named.
 */
final class SitePages {

    /** The link back to a session: its question page, its result page, and how many answers it has. */
    record Back(String triage, String result, int answers) {}

    /** A page rendered once; an article also keeps where its back link goes (in bytes), else -1. */
    private record Rendered(Response page, int back) {}

    private static final Links LINKS = Links.web();

    private final KnowledgeBase kb;
    private final Pages pages;
    private final Map<String, Once<Rendered>> rendered = new LinkedHashMap<>();

    SitePages(Site site, KnowledgeBase kb, Pages pages) {
        this.kb = kb;
        this.pages = pages;
        for (String path : site.paths()) {
            rendered.put("/" + path, new Once<>(() -> render(site, path)));
        }
    }

    /** Whether the site has a page at this address. */
    boolean has(String path) {
        return rendered.containsKey(path);
    }

    /** The page at a site address, rendered now if it was not yet; an article with a session query links back to it. */
    Response page(Request r) {
        Rendered page = rendered.get(r.path()).get();
        Back back = page.back() < 0 ? null : back(r.rawQuery());
        return back == null ? page.page() : withBack(page, back);
    }

    /**
     * The page if it needs no work at all (rendered already, and not an article opened from a
     * session), else null: such a page is answered on the I/O thread, like the other static files.
     */
    Response ready(Request r) {
        Once<Rendered> once = rendered.get(r.path());
        Rendered page = once == null ? null : once.ready();
        if (page == null || page.back() >= 0 && r.rawQuery() != null && !r.rawQuery().isEmpty()) {
            return null;
        }
        return page.page();
    }

    /** Renders every page not rendered yet, the costliest last. */
    void warmUp() {
        rendered.values().forEach(Once::get);
    }

    private static Rendered render(Site site, String path) {
        byte[] bytes = site.render(path);
        if (!path.endsWith(".html")) {
            return new Rendered(new Response(200, Assets.contentType(path), bytes, null, false), -1);
        }
        String html = new String(bytes, StandardCharsets.UTF_8);
        int at = html.indexOf(Site.BACK);
        if (at < 0) {
            return new Rendered(Response.html(200, html), -1);
        }
        String head = html.substring(0, at);
        return new Rendered(Response.html(200, head + html.substring(at + Site.BACK.length())),
                head.getBytes(StandardCharsets.UTF_8).length);
    }

    /** The session in an article's query, or null when there is none or it cannot be read in full. */
    private Back back(String rawQuery) {
        Query query = Query.parse(rawQuery);
        String hostName = query.take(Assessment.HOST);
        Answers.Checked checked = query.answers(kb);
        List<String> problems = new ArrayList<>(checked.problems());
        Host host = SessionPages.host(hostName, problems);
        if (!problems.isEmpty() || checked.valid().values().isEmpty()) {
            return null;
        }
        Map<String, String> session = new LinkedHashMap<>(checked.valid().values());
        if (host != null) {
            session.put(Assessment.HOST, host.name());
        }
        return new Back(LINKS.triage(session), LINKS.result(session), checked.valid().values().size());
    }

    private Response withBack(Rendered page, Back back) {
        byte[] link = pages.fragment("fragments", "session-back", Map.of("back", back)).getBytes(StandardCharsets.UTF_8);
        byte[] body = page.page().body();
        byte[] out = new byte[body.length + link.length];
        System.arraycopy(body, 0, out, 0, page.back());
        System.arraycopy(link, 0, out, page.back(), link.length);
        System.arraycopy(body, page.back(), out, page.back() + link.length, body.length - page.back());
        return new Response(200, Response.HTML, out, null, false);
    }
}
