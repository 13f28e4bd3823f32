package rdptriage.knowledge;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        article(c);
    }

    /** A citation like [S12] in an article: it must name a source. */
    private static final Pattern CITATION = Pattern.compile("\\[(S\\d+)]");
    /** A Markdown link or image target. */
    private static final Pattern LINK = Pattern.compile("]\\(\\s*<?([^)\\s>]*)");
    /** The one relative link an article may hold: another cause's article, beside it in causes/. */
    private static final Pattern ARTICLE = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\.html(#[A-Za-z0-9_-]+)?");

    private void article(Cause c) {
        String body = c.article() == null ? "" : c.article();
        Matcher m = CITATION.matcher(body);
        while (m.find()) {
            source(c.file(), m.group(1));
        }
        m = LINK.matcher(body);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("https://") || target.startsWith("http://")) {
                continue;
            }
            Matcher a = ARTICLE.matcher(target);
            if (!a.matches()) {
                problem(c.file(), target, "article link '" + target + "' leads nowhere: expected an http(s) address or "
                        + "another cause's article as ID.html");
            } else if (kb.findCause(a.group(1)).isEmpty()) {
                problem(c.file(), target, "article link '" + target + "' names unknown cause '" + a.group(1) + "'");
            }
        }
    }

    void question(Question q) {
        if (q.optionsFrom() != null && kb.findTable(q.optionsFrom()).isEmpty()) {
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
