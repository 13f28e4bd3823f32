package rdptriage.cli;

import rdptriage.inference.Assessment;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.Json;
import rdptriage.render.MarkdownReport;
import rdptriage.render.TextReport;

/** Picks the renderer for an output format. */
final class Reports {

    private Reports() {}

    static String render(KnowledgeBase kb, Assessment a, Format format, String baseUrl) {
        return switch (format) {
            case json -> Json.pretty(Json.assessment(a)) + "\n";
            case markdown -> new MarkdownReport(kb, baseUrl).render(a);
            case text -> new TextReport(kb).render(a, 5);
        };
    }
}
