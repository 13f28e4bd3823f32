package rdptriage.knowledge;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one knowledge record at a time and reports each gap with its file and line. */
final class Validation {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Set<String> LEVELS = Set.of("microsoft", "community", "none");
    static final Set<String> RISKS = Set.of("none", "low", "lowers-security");
    static final Set<String> WHERE = Set.of("client", "host", "azure", "network");
    static final Set<String> SHELLS = Set.of("powershell", "cmd", "gui", "bash", "azure-cli");
    static final Set<String> WHO = Set.of("user", "admin", "network");
    static final List<String> ARTICLE_SECTIONS =
            List.of("What is happening", "How it shows up", "How it relates to 0x904 / extended 0x7");

    private final String file;
    private final String text;
    private final List<Problem> problems;

    Validation(String file, String text, List<Problem> problems) {
        this.file = file;
        this.text = text;
        this.problems = problems;
    }

    void cause(Cause c, String expectedId) {
        id(c.id(), expectedId, "id");
        required(c.title(), "title");
        required(c.summary(), "summary");
        check(c.prior() > 0 && c.prior() < 1, "prior:", "prior must be between 0 and 1 (exclusive), found " + c.prior());
        if (c.evidence() == null) {
            missing("evidence");
        } else {
            oneOf(c.evidence().level(), LEVELS, "evidence.level", "level:");
            required(c.evidence().note(), "evidence.note");
        }
        nonEmpty(c.confirm(), "confirm");
        nonEmpty(c.fixes(), "fixes");
        nonEmpty(c.verify(), "verify");
        nonEmpty(c.sources(), "sources");
        c.confirm().forEach(this::check);
        c.fixes().forEach(this::fix);
        c.verify().forEach(s -> step(s, "verify"));
        fixOrder(c);
        Locator locator = new Locator(file, text);
        new PasteSafety(locator, problems).cause(c);
        new Reversibility(locator, problems).cause(c);
        article(c.article());
    }

    void unlisted(Unlisted u) {
        check(Unlisted.ID.equals(u.id()), "id:", "id must be '" + Unlisted.ID + "', found '" + u.id() + "'");
        required(u.title(), "title");
        required(u.summary(), "summary");
        nonEmpty(u.collect(), "collect");
        u.collect().forEach(this::check);
        new PasteSafety(new Locator(file, text), problems).checks("collect", u.collect());
    }

    private void check(Check k) {
        required(k.id(), "confirm.id");
        String at = "id: " + k.id();
        required(k.title(), "title of check '" + k.id() + "'");
        place(k.where(), k.shell(), at);
        check(k.effort() > 0, at, "check '" + k.id() + "' needs an effort in minutes (> 0)");
        check(!Text.blank(k.text()) || !Text.blank(k.command()), at, "check '" + k.id() + "' needs a text or a command");
        if (k.collect()) {
            ReadOnly.problems(k).forEach(message -> problem(at, message));
        }
    }

    private void fix(Fix f) {
        required(f.id(), "fixes.id");
        String at = "id: " + f.id();
        required(f.title(), "title of fix '" + f.id() + "'");
        oneOf(f.risk(), RISKS, "risk of fix '" + f.id() + "'", at);
        check(f.effort() > 0, at, "fix '" + f.id() + "' needs an effort in minutes (> 0)");
        check(!f.steps().isEmpty(), at, "fix '" + f.id() + "' has no steps");
        f.steps().forEach(s -> step(s, "fix '" + f.id() + "'"));
        f.rollback().forEach(s -> step(s, "rollback of fix '" + f.id() + "'"));
        if (!"none".equals(f.risk())) {
            check(!f.rollback().isEmpty(), at, "fix '" + f.id() + "' has risk " + f.risk() + " but no rollback steps");
            required(f.riskNote(), "risk_note of fix '" + f.id() + "'");
        }
        if (f.lowersSecurity()) {
            check(f.temporary(), at, "fix '" + f.id() + "' lowers security, so it must be marked temporary: true");
        }
    }

    /**
     * A fix that lowers security may only follow a safe fix of the same cause; {@code after} names
     * other fixes of the same cause, never one that lowers security from a safe fix (safe fixes come
     * first), and never in a circle.
     */
    private void fixOrder(Cause c) {
        boolean safeSeen = false;
        java.util.Map<String, Fix> byId = new java.util.HashMap<>();
        c.fixes().forEach(f -> byId.put(f.id(), f));
        for (Fix f : c.fixes()) {
            if (f.lowersSecurity() && !safeSeen) {
                problem("id: " + f.id(), "fix '" + f.id() + "' lowers security but no safe fix comes before it");
            }
            safeSeen |= !f.lowersSecurity();
            for (String before : f.after()) {
                Fix b = byId.get(before);
                if (b == null || b == f) {
                    problem("id: " + f.id(), "fix '" + f.id() + "' has after: '" + before + "'; expected the id of another fix of cause '"
                            + c.id() + "' (" + String.join(", ", byId.keySet().stream().sorted().toList()) + ")");
                } else if (b.lowersSecurity() && !f.lowersSecurity()) {
                    problem("id: " + f.id(), "fix '" + f.id() + "' is safe but comes after '" + before
                            + "', which lowers security; safe fixes come first");
                }
            }
        }
        for (Fix f : c.fixes()) {
            if (circle(f.id(), f, byId, new java.util.HashSet<>())) {
                problem("id: " + f.id(), "fix '" + f.id() + "' comes after itself through after:");
            }
        }
    }

    private static boolean circle(String start, Fix f, java.util.Map<String, Fix> byId, java.util.Set<String> seen) {
        for (String before : f.after()) {
            Fix b = byId.get(before);
            if (before.equals(start) && b != f) {
                return true;
            }
            if (b != null && b != f && seen.add(before) && circle(start, b, byId, seen)) {
                return true;
            }
        }
        return false;
    }

    private void step(Step s, String owner) {
        place(s.where(), s.shell(), s.text() == null ? "steps:" : firstLine(s.text()));
        check(!Text.blank(s.text()) || !Text.blank(s.command()), "steps:", "a step of " + owner + " needs a text or a command");
    }

    private void place(String where, String shell, String at) {
        oneOf(where, WHERE, "where", at);
        oneOf(shell, SHELLS, "shell", at);
    }

    private void article(String body) {
        for (String section : ARTICLE_SECTIONS) {
            if (body == null || !Pattern.compile("(?m)^##\\s+" + Pattern.quote(section) + "\\s*$").matcher(body).find()) {
                problems.add(new Problem(file, 0, "article section '## " + section + "' is missing"));
            }
        }
    }

    void question(Question q, String expectedId) {
        id(q.id(), expectedId, "id");
        required(q.text(), "text");
        required(q.help(), "help");
        oneOf(q.who(), WHO, "who", "who:");
        check(q.effort() > 0, "effort:", "effort must be a number of minutes (> 0)");
        check(q.optionsFrom() != null || q.options().size() >= 2, "options:", "a question needs at least two options");
        for (Option o : q.options()) {
            check(o.value() != null && ID.matcher(o.value()).matches(), "value: " + o.value(),
                    "option value '" + o.value() + "' must be kebab-case");
            required(o.label(), "label of option '" + o.value() + "'");
            if (o.unlisted() != null) {
                check(o.unlisted() > 0, "unlisted: " + o.unlisted(), "unlisted of option '" + o.value()
                        + "' must be a ratio above 0 (how many times more often the answer comes with none of the known causes)");
                check(o.unlisted() == 1 || o.unlistedWhy() != null && !o.unlistedWhy().isBlank(), "value: " + o.value(),
                        "option '" + o.value() + "' has unlisted: " + o.unlisted() + " without unlisted_why: say why in one line");
            }
            check(o.unlistedWhy() == null || o.unlisted() != null, "value: " + o.value(),
                    "option '" + o.value() + "' has unlisted_why: but no unlisted: ratio");
        }
        long shares = q.informativeOptions().stream().filter(o -> o.share() != null).count();
        check(shares == 0 || shares == q.informativeOptions().size(), "share:", "question '" + q.id() + "' gives share: on "
                + shares + " of its " + q.informativeOptions().size() + " answers; give it on every answer other than \"I don't know\", or on none");
        for (Option o : q.options()) {
            check(o.share() == null || o.share() > 0 && o.share() < 1, "value: " + o.value(),
                    "share of option '" + o.value() + "' must be between 0 and 1 (exclusive), found " + o.share());
        }
        check(!q.multiple() || q.optionsFrom() == null, "multiple:",
                "a question whose options come from a code table takes one answer; remove multiple: true");
        if (q.command() != null) {
            oneOf(q.shell(), SHELLS, "shell", "shell:");
            new PasteSafety(new Locator(file, text), problems).question(q);
        }
    }

    /** A signals file: a title, and for each signal an id, one way to match, answers, sources and examples. */
    void signals(Signal.Catalogue set) {
        required(set.title(), "title");
        nonEmpty(set.signals(), "signals");
        for (Signal s : set.signals()) {
            String at = "id: " + s.id();
            if (Text.blank(s.id()) || !ID.matcher(s.id()).matches()) {
                problem(at, "signal id '" + s.id() + "' must be lower-case kebab-case");
            }
            check(s.words().isEmpty() != (s.regex() == null), at,
                    "signal '" + s.id() + "' needs exactly one of words: (phrases) or regex: (an RE2 pattern)");
            s.words().forEach(w -> check(!Text.blank(w), at, "signal '" + s.id() + "' has an empty phrase under words:"));
            s.notAfter().forEach(w -> check(!Text.blank(w) && !w.strip().contains(" "), at,
                    "signal '" + s.id() + "' has '" + w + "' under not_after:; expected single words such as not, never, without"));
            check(!s.means().isEmpty(), at, "signal '" + s.id() + "' has no means: (answers as question=value)");
            for (String m : s.means()) {
                check(m.contains("=") && !Signal.value(m).isEmpty(), at, "signal '" + s.id() + "' means '" + m
                        + "'; expected question=value (or question={code} with a regex capturing (?P<code>...))");
            }
            check(!s.sources().isEmpty(), at, "signal '" + s.id() + "' has no sources: say where its text and meaning are documented");
            check(!s.examples().isEmpty(), at, "signal '" + s.id() + "' has no examples: (real texts it must match)");
        }
    }

    void table(CodeTable t, String expectedName) {
        id(t.table(), expectedName.startsWith(t.table() + "-") ? t.table() : expectedName, "table");
        nonEmpty(t.codes(), "codes");
        for (CodeEntry e : t.codes()) {
            String at = "code: \"" + e.code() + "\"";
            required(e.code(), "code");
            required(e.meaning(), "meaning of code " + e.code());
            check(t.families().containsKey(e.family()), at,
                    "code " + e.code() + " has family '" + e.family() + "', which is not listed under families:");
        }
    }

    private void id(String id, String expected, String field) {
        if (Text.blank(id)) {
            missing(field);
        } else if (!id.equals(expected)) {
            problem(field + ":", field + " '" + id + "' must equal the file name '" + expected + "'");
        } else if (!ID.matcher(id).matches()) {
            problem(field + ":", field + " '" + id + "' must be lower-case kebab-case");
        }
    }

    private void required(String value, String field) {
        if (Text.blank(value)) {
            missing(field);
        }
    }

    private void nonEmpty(List<?> list, String field) {
        if (list.isEmpty()) {
            missing(field);
        }
    }

    private void missing(String field) {
        String key = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        problem(key + ":", "field '" + field + "' is missing or empty");
    }

    private void oneOf(String value, Set<String> allowed, String field, String at) {
        if (value == null || !allowed.contains(value)) {
            problem(at, field + " is '" + value + "'; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private void check(boolean ok, String at, String message) {
        if (!ok) {
            problem(at, message);
        }
    }

    private void problem(String near, String message) {
        problems.add(new Problem(file, Text.lineOf(text, near), message));
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }
}
