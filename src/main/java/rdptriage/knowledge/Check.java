package rdptriage.knowledge;

import java.util.List;

/**
 * A way to confirm or rule out a cause; {@code answers} names the question whose answer it yields, if any.
 * {@code onlyIf} ("question=value,value") limits it to sessions where that question is unanswered,
 * "I don't know", or answered with one of those values (the xrdp logs only for a host that may be xrdp).
 */
public record Check(String id, String title, String where, String shell, boolean elevated, int effort,
                    String answers, String onlyIf, String command, String text, List<String> sources)
        implements java.io.Serializable {

    public Check {
        sources = Nulls.list(sources);
    }

    public Check(String id, String title, String where, String shell, boolean elevated, int effort,
                 String answers, String command, String text, List<String> sources) {
        this(id, title, where, shell, elevated, effort, answers, null, command, text, sources);
    }

    /** The question {@code onlyIf} reads, or null. */
    public String onlyIfQuestion() {
        return onlyIf == null ? null : onlyIf.substring(0, Math.max(0, onlyIf.indexOf('=')));
    }

    /** The values {@code onlyIf} allows. */
    public List<String> onlyIfValues() {
        return onlyIf == null ? List.of() : List.of(onlyIf.substring(onlyIf.indexOf('=') + 1).split(","));
    }

    public Step step() {
        return new Step(where, shell, elevated, text, command);
    }
}
