package rdptriage.render;

import java.util.List;
import java.util.stream.Collectors;
import rdptriage.inference.Reading;
import rdptriage.inference.Reading.Extracted;
import rdptriage.inference.Reading.Status;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

/**
 * What was read from a paste, as a person reads it: each answer with the words that produced it
 * and, when it was not taken, why (the user's own answer, or the text saying two things). The
 * terminal, the ticket note and the browser show the same lines.
 */
public final class Recognised {

    /**
     * One answer read from the text: question, answer, the matched words, the diagnostic-script
     * check whose output held them (or null) and a note when it was not taken.
     */
    public record Line(String question, String questionText, String value, String label, String text, String check,
                       Status status, String note) {

        public boolean taken() {
            return status == Status.APPLIED || status == Status.GIVEN;
        }

        /** The words in quotes, and the check whose output they stand in: "Stopped TermService" in the output of check check-rdp-services. */
        public String from() {
            return "\"" + text + "\"" + (check == null ? "" : " in the output of check " + check);
        }
    }

    private Recognised() {}

    public static List<Line> of(KnowledgeBase kb, Reading reading) {
        return reading.extracted().stream().map(e -> line(kb, reading, e)).toList();
    }

    /** For each answer taken from the text, the words it was read from ("Error code: 0x904"; several joined). */
    public static java.util.Map<String, String> words(KnowledgeBase kb, Reading reading) {
        java.util.Map<String, String> words = new java.util.LinkedHashMap<>();
        for (Line l : of(kb, reading)) {
            if (l.taken()) {
                words.merge(l.question(), l.from(), (a, b) -> a + ", " + b);
            }
        }
        return words;
    }

    /** The answers read from the text that were not taken, each with why. */
    public static List<Line> notTaken(KnowledgeBase kb, Reading reading) {
        return of(kb, reading).stream().filter(l -> !l.taken()).toList();
    }

    private static Line line(KnowledgeBase kb, Reading reading, Extracted e) {
        Question q = kb.question(e.question());
        String note = switch (e.status()) {
            case APPLIED -> null;
            case GIVEN -> "the same as your answer";
            case OVERRIDDEN -> "not used: your answer \"" + q.label(reading.answers().values().get(e.question())) + "\" is kept";
            case CONFLICT -> "not used: the text also says " + reading.extracted().stream()
                    .filter(o -> o.question().equals(e.question()) && !o.value().equals(e.value()))
                    .map(o -> "\"" + q.label(o.value()) + "\"").collect(Collectors.joining(" and "))
                    + "; answer this question yourself";
        };
        return new Line(q.id(), q.text().strip(), e.value(), q.label(e.value()), e.text(), e.check(), e.status(), note);
    }
}
