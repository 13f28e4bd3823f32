package rdptriage.knowledge;

import java.util.List;

/**
 * A way to confirm or rule out a cause; {@code answers} names the question whose answer it yields, if any.
 * {@code onlyIf} limits it to some sessions ({@link Conditional}). {@code collect}: the command only
 * reads, and joins the diagnostic script of its side ({@code rdp-triage collect}), whose output
 * pasted back answers the question.
 */
public record Check(String id, String title, String where, String shell, boolean elevated, int effort,
                    String answers, String onlyIf, String command, String text, List<String> sources, boolean collect)
        implements Conditional, java.io.Serializable {

    public Check {
        sources = Nulls.list(sources);
    }

    public Check(String id, String title, String where, String shell, boolean elevated, int effort,
                 String answers, String onlyIf, String command, String text, List<String> sources) {
        this(id, title, where, shell, elevated, effort, answers, onlyIf, command, text, sources, false);
    }

    public Check(String id, String title, String where, String shell, boolean elevated, int effort,
                 String answers, String command, String text, List<String> sources) {
        this(id, title, where, shell, elevated, effort, answers, null, command, text, sources);
    }

    public Step step() {
        return new Step(where, shell, elevated, text, command);
    }
}
