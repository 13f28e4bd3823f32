package rdptriage.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import rdptriage.inference.AnswerEffects;
import rdptriage.inference.Engine;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.ArticleView;
import rdptriage.render.Links;
import rdptriage.render.Markdown;
import rdptriage.render.Pages;
import rdptriage.render.Prose;

/** The full article of each cause at /causes/ID.html, the same page as in the static site; rendered once. */
final class Articles {

    private static final Links LINKS = Links.web();

    private final Engine engine;
    private final KnowledgeBase kb;
    private final Pages pages;
    private Markdown markdown;
    private AnswerEffects effects;
    private final Map<String, Response> rendered = new ConcurrentHashMap<>();

    Articles(Engine engine, Pages pages) {
        this.engine = engine;
        this.kb = engine.knowledge();
        this.pages = pages;
    }

    Response article(Request r) {
        String name = r.path().substring("/causes/".length());
        String id = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
        if (kb.findCause(id).isEmpty()) {
            throw HttpError.notFound("There is no cause with this id. The causes are listed on the question page's ranking.");
        }
        return rendered.computeIfAbsent(id, this::render);
    }

    private synchronized Markdown markdown() {
        if (markdown == null) {
            markdown = new Markdown();   // commonmark's classes load on first use, not before "ready"
        }
        return markdown;
    }

    private synchronized AnswerEffects effects() {
        if (effects == null) {
            effects = AnswerEffects.of(engine);   // every answer tried once, on the first article asked for
        }
        return effects;
    }

    private Response render(String id) {
        return Response.html(200, pages.render("cause", Map.of(
                "article", new ArticleView(kb, effects(), kb.cause(id), LINKS, markdown()),
                "links", LINKS,
                "brand", LINKS.start(),
                "text", Prose.INSTANCE,
                "description", kb.cause(id).title())));
    }
}
