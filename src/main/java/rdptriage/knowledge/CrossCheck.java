package rdptriage.knowledge;

import java.util.List;
import java.util.Map;

/** Checks references between files: cause, question, table and source ids must all resolve. */
final class CrossCheck {

    private final KnowledgeBase kb;
    private final Map<String, String> texts;
    private final List<Problem> problems;

    CrossCheck(KnowledgeBase kb, Map<String, String> texts, List<Problem> problems) {
        this.kb = kb;
        this.texts = texts;
        this.problems = problems;
    }

    void cause(Cause c) {
        for (String other : c.confusedWith()) {
            if (kb.findCause(other).isEmpty()) {
                problem(c.file(), other, "confused_with names unknown cause '" + other + "'");
            }
        }
        c.sources().forEach(key -> source(c.file(), key));
        for (Check k : c.confirm()) {
            k.sources().forEach(key -> source(c.file(), key));
            if (k.answers() != null && kb.findQuestion(k.answers()).isEmpty()) {
                problem(c.file(), "answers: " + k.answers(), "check '" + k.id() + "' answers unknown question '" + k.answers() + "'");
            }
        }
        for (Fix f : c.fixes()) {
            f.sources().forEach(key -> source(c.file(), key));
        }
    }

    void question(Question q) {
        if (q.optionsFrom() != null && kb.tables().stream().noneMatch(t -> t.table().equals(q.optionsFrom()))) {
            problem(q.file(), "options_from", "options_from names unknown code table '" + q.optionsFrom() + "'");
        }
    }

    void table(CodeTable t) {
        t.codes().forEach(e -> e.sources().forEach(key -> source(t.file(), key)));
    }

    private void source(String file, String key) {
        if (kb.source(key).isEmpty()) {
            problem(file, key, "source '" + key + "' is not in any knowledge/sources/*.yaml");
        }
    }

    private void problem(String file, String near, String message) {
        problems.add(new Problem(file, Text.lineOf(texts.getOrDefault(file, ""), near), message));
    }
}
