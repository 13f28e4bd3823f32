package rdptriage.knowledge;

import java.util.List;

/**
 * A remedy for a cause: its steps, its risk (none, low, lowers-security) and how to undo it.
 * {@code changes} declares what the steps change that their commands do not show (a Run Command
 * script, a portal button): registry values as {@code KEY /v NAME}, other state by its PowerShell
 * noun, e.g. {@code NetFirewallRule}. {@code after} names fixes of the same cause that must be done
 * before this one (clear the DNS cache after the record is corrected); {@code onlyIf} limits it to some
 * sessions ({@link Conditional}).
 */
public record Fix(String id, String title, String risk, String riskNote, boolean temporary, int effort,
                  List<Step> steps, List<Step> rollback, List<String> changes, List<String> after, String onlyIf,
                  List<String> sources)
        implements Conditional, java.io.Serializable {

    public Fix {
        steps = Nulls.list(steps);
        rollback = Nulls.list(rollback);
        changes = Nulls.list(changes);
        after = Nulls.list(after);
        sources = Nulls.list(sources);
    }

    public Fix(String id, String title, String risk, String riskNote, boolean temporary, int effort,
               List<Step> steps, List<Step> rollback, List<String> changes, List<String> sources) {
        this(id, title, risk, riskNote, temporary, effort, steps, rollback, changes, List.of(), null, sources);
    }

    public boolean lowersSecurity() {
        return "lowers-security".equals(risk);
    }
}
