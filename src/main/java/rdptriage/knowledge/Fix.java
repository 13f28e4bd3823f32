package rdptriage.knowledge;

import java.util.List;

/** A remedy for a cause: its steps, its risk (none, low, lowers-security) and how to undo it. */
public record Fix(String id, String title, String risk, String riskNote, boolean temporary, int effort,
                  List<Step> steps, List<Step> rollback, List<String> sources) implements java.io.Serializable {

    public Fix {
        steps = Nulls.list(steps);
        rollback = Nulls.list(rollback);
        sources = Nulls.list(sources);
    }

    public boolean lowersSecurity() {
        return "lowers-security".equals(risk);
    }
}
