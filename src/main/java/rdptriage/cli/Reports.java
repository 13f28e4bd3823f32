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

    /** The causes the text report shows with their reasons when --top does not say. */
    static final int TEXT_SHOWN = 5;

    /**
     * @param top   the number of causes asked for with --top (the assessment is cut to them already), or null
     * @param width the terminal's width, for the text report
     */
    static String render(KnowledgeBase kb, Assessment a, Reading reading, Format format, String baseUrl, Integer top, int width) {
        return switch (format) {
            case json -> Json.pretty(Json.assessment(a, reading)) + "\n";
            case markdown -> new MarkdownReport(kb, baseUrl).render(a, reading);
            case text -> new TextReport(kb, width).render(a, reading, top == null ? TEXT_SHOWN : top);
            case note -> new rdptriage.render.NoteReport(kb, baseUrl).render(a, reading);
        };
    }
}
