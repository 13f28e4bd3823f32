package rdptriage.knowledge;

import java.util.List;

/** A way to confirm or rule out a cause; {@code answers} names the question whose answer it yields, if any. */
public record Check(String id, String title, String where, String shell, boolean elevated, int effort,
                    String answers, String command, String text, List<String> sources) implements java.io.Serializable {

    public Check {
        sources = Nulls.list(sources);
    }

    public Step step() {
        return new Step(where, shell, elevated, text, command);
    }
}
