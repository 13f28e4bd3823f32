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
            onlyIf(c.file(), "check", k);
            if (k.answers() != null && kb.findQuestion(k.answers()).isEmpty()) {
                problem(c.file(), "answers: " + k.answers(), "check '" + k.id() + "' answers unknown question '" + k.answers() + "'");
            }
        }
        for (Fix f : c.fixes()) {
            f.sources().forEach(key -> source(c.file(), key));
            onlyIf(c.file(), "fix", f);
            backups(c, f);
        }
        article(c);
    }

    /** only_if names a question and some of its options. */
    private void onlyIf(String file, String kind, Conditional k) {
        if (k.onlyIf() == null) {
            return;
        }
        String at = "id: " + k.id();
        var q = kb.findQuestion(k.onlyIfQuestion());
        if (!k.onlyIf().contains("=") || q.isEmpty()) {
            problem(file, at, kind + " '" + k.id() + "' has only_if: '" + k.onlyIf() + "'; expected 'question=value,value'"
                    + " naming a known question");
            return;
        }
        for (String v : k.onlyIfValues()) {
            if (q.get().option(v).isEmpty()) {
                problem(file, at, kind + " '" + k.id() + "' has only_if value '" + v + "', which is not an option of question '"
                        + q.get().id() + "'");
            }
        }
    }

    /**
     * A signal's answers name known questions and options (a {code} only on a question whose options
     * come from a code table), its sources are known and its regex is valid RE2 with the groups it
     * uses. Whether its examples match is checked by lint, which reads them (rdptriage.reading).
     */
    void signal(Signal s) {
        String at = "id: " + s.id();
        s.sources().forEach(key -> source(s.file(), key));
        boolean code = false;
        for (String m : s.means()) {
            var q = kb.findQuestion(Signal.question(m));
            String v = Signal.value(m);
            if (q.isEmpty()) {
                problem(s.file(), at, "signal '" + s.id() + "' means '" + m + "', but there is no question '" + Signal.question(m) + "'");
            } else if (Signal.CODE.equals(v)) {
                code = true;
                if (q.get().optionsFrom() == null) {
                    problem(s.file(), at, "signal '" + s.id() + "' means '" + m + "', but question '" + q.get().id()
                            + "' takes no code (its options come from no code table)");
                }
            } else if (q.get().option(v).isEmpty()) {
                problem(s.file(), at, "signal '" + s.id() + "' means '" + m + "', but question '" + q.get().id()
                        + "' has no option '" + v + "'");
            } else if (Option.DONT_KNOW.equals(v)) {
                problem(s.file(), at, "signal '" + s.id() + "' means '" + m + "': a text never says \"I don't know\"; leave the"
                        + " question unanswered instead");
            }
        }
        if (s.regex() != null) {
            try {
                com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(s.regex());
                if (p.matcher("").find()) {
                    problem(s.file(), at, "signal '" + s.id() + "' has a regex that matches an empty text; every match must"
                            + " hold some words");
                }
                if (code && !s.regex().contains("(?P<code>")) {
                    problem(s.file(), at, "signal '" + s.id() + "' means a {code}, but its regex has no group (?P<code>...)");
                }
                if (p.groupCount() > 0 && !code) {
                    problem(s.file(), at, "signal '" + s.id() + "' has a capturing group but no {code} answer; write (?:...) instead");
                }
            } catch (com.google.re2j.PatternSyntaxException e) {
                problem(s.file(), at, "signal '" + s.id() + "' has a regex that is not valid RE2: " + e.getMessage());
            }
        }
    }

    /** The outcome "none of the known causes" must exist, its id must be free, and its checks' sources known. */
    void unlisted(Unlisted u) {
        if (u == null) {
            problems.add(new Problem("knowledge/unlisted.yaml", 0, "missing: \"none of the known causes\" needs its file,"
                    + " with a title, a summary and what to collect (collect:) when it leads"));
            return;
        }
        if (kb.findCause(Unlisted.ID).isPresent()) {
            problem(u.file(), "id:", "a cause may not take the id '" + Unlisted.ID + "', which names \"none of the known causes\"");
        }
        for (Check k : u.collect()) {
            k.sources().forEach(key -> source(u.file(), key));
            onlyIf(u.file(), "check", k);
        }
    }

    /** Files written by some fix's steps, in lower case, with the fix that wrote them first. */
    private final Map<String, String> backups = new java.util.HashMap<>();

    /** Each fix keeps its own backup: a rollback must never restore the state another fix recorded. */
    private void backups(Cause c, Fix f) {
        java.util.Set<String> own = new java.util.LinkedHashSet<>();
        f.steps().forEach(s -> Commands.lines(s.command()).forEach(line -> own.addAll(Commands.writes(line))));
        for (String path : own) {
            String first = backups.putIfAbsent(path, "fix '" + f.id() + "' (" + c.file() + ")");
            if (first != null) {
                problem(c.file(), "id: " + f.id(), "fix '" + f.id() + "' writes " + path + ", which " + first
                        + " also writes: give each fix its own backup file (C:\\" + f.id() + "-before.reg), or one rollback"
                        + " restores the state another fix recorded");
            }
        }
    }

    /**
     * The causes' priors and "none of the known causes" share one probability: past 1, some cause
     * claims more than is left. Reported at the cause whose prior takes the sum past 1.
     */
    void priors(List<Cause> causes, Settings settings) {
        double sum = settings.unlistedPrior();
        for (Cause c : causes) {
            sum += c.prior();
            if (sum > 1 + 1e-9) {
                double total = settings.unlistedPrior() + causes.stream().mapToDouble(Cause::prior).sum();
                problem(c.file(), "prior:", String.format(java.util.Locale.ROOT,
                        "the priors of all causes plus unlisted_prior (%.2f) sum to %.3f; expected at most 1: lower"
                                + " this prior, or set a lower unlisted_prior in an engine.yaml of this folder",
                        settings.unlistedPrior(), total));
                return;
            }
        }
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
        if (q.askedWith() != null && (kb.findQuestion(q.askedWith()).isEmpty() || q.askedWith().equals(q.id()))) {
            problem(q.file(), "asked_with", "asked_with names '" + q.askedWith() + "'; expected another question's id");
        }
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
