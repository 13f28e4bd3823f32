package rdptriage.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.KnowledgeException;
import rdptriage.knowledge.Problem;

/**
 * Validates knowledge and rules together: file problems, dangling ids, DRL errors, questions no
 * rule reads, causes no rule concludes, evidence for unknown causes.
 */
public final class Lint {

    /** The findings, and a one-line summary of what was checked. */
    public record Report(List<Problem> problems, String summary) {}

    private Lint() {}

    public static Report run(List<KnowledgeBase.Root> roots, List<Path> ruleFolders) {
        KnowledgeBase.Loaded loaded = KnowledgeBase.read(roots);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        List<RuleBase.Drl> drl = RuleBase.sources(ruleFolders);
        try {
            RuleBase.compile(drl);
        } catch (KnowledgeException e) {
            problems.addAll(e.problems());
        }
        RuleCheck check = new RuleCheck(loaded.knowledge());
        drl.forEach(check::check);
        problems.addAll(check.problems());
        problems.addAll(check.unused());
        KnowledgeBase kb = loaded.knowledge();
        String summary = kb.causes().size() + " causes, " + kb.questions().size() + " questions, " + kb.tables().size()
                + " code tables, " + kb.sources().size() + " sources, " + check.rules + " rules in " + drl.size() + " files";
        return new Report(problems, summary);
    }
}
