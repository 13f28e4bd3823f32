package rdptriage.cli;

import rdptriage.inference.Assessment;
import rdptriage.inference.Reading;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.Json;
import rdptriage.render.MarkdownReport;
import rdptriage.render.TextReport;

/** Picks the renderer for an output format. */
final class Reports {

    private Reports() {}

    static String render(KnowledgeBase kb, Assessment a, Reading reading, Format format, String baseUrl) {
        return switch (format) {
            case json -> Json.pretty(Json.assessment(a, reading)) + "\n";
            case markdown -> new MarkdownReport(kb, baseUrl).render(a, reading);
            case text -> new TextReport(kb).render(a, reading, 5);
            case note -> new rdptriage.render.NoteReport(kb, baseUrl).render(a, reading);
        };
    }
}
