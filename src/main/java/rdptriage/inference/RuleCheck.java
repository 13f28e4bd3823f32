package rdptriage.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdptriage.knowledge.CodeTable;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Problem;
import rdptriage.knowledge.Question;

/**
 * Reads the DRL text against the knowledge: every question, option, code family, finding and cause a
 * rule names must exist; cause files conclude only their own cause, with insertLogical and no salience.
 */
final class RuleCheck {

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern FACT = Pattern.compile("\\b(Answer|Code|Finding)\\s*\\(");
    private static final Pattern FIELD = Pattern.compile("\\b(question|value|family|name)\\s*(==|!=|not\\s+in|in)\\s*(\"[^\"]*\"|\\([^)]*\\))");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern EVIDENCE = Pattern.compile("new\\s+Evidence\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern NEW_FINDING = Pattern.compile("new\\s+Finding\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern PLAIN_INSERT = Pattern.compile("(?<![\\w.])insert\\s*\\(");
    private static final Pattern SALIENCE = Pattern.compile("(?m)^\\s*salience\\b");

    private final KnowledgeBase kb;
    private final List<Problem> problems = new ArrayList<>();
    final Set<String> questionsRead = new HashSet<>();
    final Set<String> causesConcluded = new HashSet<>();
    /** Every "question=value" an Answer pattern names literally. */
    final Set<String> optionsRead = new HashSet<>();
    private final Set<String> familiesRead = new HashSet<>();
    private final Set<String> findingsMade = new HashSet<>();
    private final List<Problem> findingsUsed = new ArrayList<>();
    int rules;

    private static final Pattern OTHER_VALUE_TEST = Pattern.compile("\\b(?:value|family)\\s*(matches|soundslike|<|>|\\[|\\.)");

    /**
     * For every option value and code family a rule names literally in an Answer or Code pattern
     * (with ==, !=, in or not in), the tests that name it, numbered: two values or families named by
     * the same tests pass or fail every test alike, so no rule can tell them apart (one a test
     * leaves out is treated apart as much as one it picks). Empty when some rule tests a value or
     * family in another way (then no two answers can be assumed to act alike).
     */
    static java.util.Optional<Map<String, Set<Integer>>> namedBy(List<RuleBase.Drl> files) {
        Map<String, Set<Integer>> named = new java.util.HashMap<>();
        int test = 0;
        for (RuleBase.Drl drl : files) {
            Matcher m = FACT.matcher(drl.text());
            while (m.find()) {
                if (m.group(1).equals("Finding")) {
                    continue;
                }
                String body = drl.text().substring(m.end(), closing(drl.text(), m.end()));
                if (OTHER_VALUE_TEST.matcher(body).find()) {
                    return java.util.Optional.empty();
                }
                Matcher f = FIELD.matcher(body);
                while (f.find()) {
                    if (f.group(1).equals("value") || f.group(1).equals("family")) {
                        int id = test++;
                        quoted(f.group(3)).forEach(v -> named.computeIfAbsent(v, k -> new java.util.TreeSet<>()).add(id));
                    }
                }
            }
        }
        return java.util.Optional.of(named);
    }

    private static final Pattern RULE_CONDITIONS = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]*)\"(.*?)\\bthen\\b");
    private static final Pattern QUESTION_NAMED = Pattern.compile("\\bquestion\\s*(==|in)\\s*(\"[^\"]*\"|\\([^)]*\\))");
    private static final Pattern NAME_NAMED = Pattern.compile("\\bname\\s*(==|in)\\s*(\"[^\"]*\"|\\([^)]*\\))");

    /**
     * For every question, the other questions it shares a rule's conditions with (directly, through
     * a code family, or through a Finding another rule derives from answers): only with one of
     * those answered can the weights its answers move depend on what else is known. Empty when some
     * rule reads its facts in a way this analysis cannot follow (then every answer is tried in
     * context). Code patterns count as reading every question whose options come from a code table.
     */
    static java.util.Optional<Map<String, Set<String>>> partners(List<RuleBase.Drl> files, KnowledgeBase kb) {
        return links(files, kb).partners();
    }

    /** {@link #partners} and {@link #joins} from one reading of the rules. */
    record Links(java.util.Optional<Map<String, Set<String>>> partners, java.util.Optional<Map<String, Set<String>>> joins) {}

    static Links links(List<RuleBase.Drl> files, KnowledgeBase kb) {
        java.util.Optional<List<Reads>> rules = reads(files, kb);
        return new Links(rules.map(r -> linked(r, false)),
                rules.filter(r -> r.stream().allMatch(Reads::monotone)).map(r -> linked(r, true)));
    }

    /**
     * For every question, the other questions it is joined with: read together in one rule's
     * conditions (two facts at once, or a Finding, which stands for the answers behind it). A rule
     * that reads one fact at a time (one Answer or Code pattern, or alternatives of them joined by
     * {@code or}, perhaps under {@code exists}) joins nothing: what it concludes for several answers
     * is what it concludes for each, together. Empty unless every rule's conditions are made of
     * Answer, Code and Finding patterns with {@code exists}, {@code or} and {@code and} alone, so that
     * an answer added never withdraws a conclusion ({@link AnswerGroups} relies on both).
     */
    static java.util.Optional<Map<String, Set<String>>> joins(List<RuleBase.Drl> files, KnowledgeBase kb) {
        return links(files, kb).joins();
    }

    /**
     * What one rule's conditions read: questions (a Code pattern reads every code question), Findings,
     * the Findings its consequence makes; whether they read one fact at a time, and whether they are
     * made of nothing but patterns of those facts with exists, or and and.
     */
    private record Reads(Set<String> inputs, Set<String> findings, Set<String> makes, boolean single, boolean monotone) {}

    private static final Pattern BINDING = Pattern.compile("\\$\\w+\\s*:");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** A consequence that changes facts other than by insertLogical (outside its strings). */
    private static final Pattern CHANGES = Pattern.compile("(?<![\\w.])(insert|delete|retract|modify|update)\\s*\\(");

    /** Every rule's reads; empty when some Answer names no question or some Finding no name. */
    private static java.util.Optional<List<Reads>> reads(List<RuleBase.Drl> files, KnowledgeBase kb) {
        Set<String> codeQuestions = new HashSet<>();
        kb.questions().stream().filter(q -> q.optionsFrom() != null).forEach(q -> codeQuestions.add(q.id()));
        List<Reads> rules = new ArrayList<>();
        for (RuleBase.Drl drl : files) {
            Matcher r = RULE_CONDITIONS.matcher(drl.text());
            while (r.find()) {
                String lhs = r.group(2);
                int then = r.end();
                int end = drl.text().indexOf("\nend", then);
                String rhs = drl.text().substring(then, end < 0 ? drl.text().length() : end);
                Set<String> inputs = new HashSet<>();
                Set<String> findings = new HashSet<>();
                StringBuilder shape = new StringBuilder();
                int from = 0;
                Matcher f = FACT.matcher(lhs);
                while (f.find()) {
                    int close = closing(lhs, f.end());
                    String body = lhs.substring(f.end(), close);
                    shape.append(lhs, from, f.start()).append(" P ");
                    from = Math.min(lhs.length(), close + 1);
                    switch (f.group(1)) {
                        case "Answer" -> {
                            Matcher q = QUESTION_NAMED.matcher(body);
                            if (!q.find()) {
                                return java.util.Optional.empty();
                            }
                            inputs.addAll(quoted(q.group(2)));
                        }
                        case "Code" -> inputs.addAll(codeQuestions);
                        default -> {
                            Matcher n = NAME_NAMED.matcher(body);
                            if (!n.find()) {
                                return java.util.Optional.empty();
                            }
                            findings.addAll(quoted(n.group(2)));
                        }
                    }
                }
                shape.append(lhs.substring(from));
                Set<String> makes = new HashSet<>();
                Matcher made = NEW_FINDING.matcher(rhs);
                while (made.find()) {
                    makes.add(made.group(1));
                }
                // what is left once the patterns are P: only "when", exists, or, and, brackets and bindings
                String rest = BINDING.matcher(WHEN.matcher(shape).replaceFirst("")).replaceAll(" ")
                        .replaceAll("//[^\\n]*", " ").replaceAll("[()]", " ").strip();
                List<String> tokens = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
                boolean monotone = WHEN.matcher(shape).find() && !CHANGES.matcher(STRING.matcher(rhs).replaceAll("\"\"")).find() && !tokens.isEmpty() && tokens.stream()
                        .allMatch(t -> t.equals("P") || t.equals("exists") || t.equals("or") || t.equals("||")
                                || t.equals("and") || t.equals("&&"));
                List<String> joined = tokens.stream().filter(t -> !t.equals("exists")).toList();
                boolean single = findings.isEmpty();
                for (int i = 1; i < joined.size() && single; i++) {
                    // two patterns with no "or" between them are read together
                    single = !(joined.get(i).equals("P") && !joined.get(i - 1).equals("or") && !joined.get(i - 1).equals("||"))
                            && !joined.get(i).equals("and") && !joined.get(i).equals("&&");
                }
                rules.add(new Reads(inputs, findings, makes, single, monotone));
            }
        }
        return java.util.Optional.of(rules);
    }

    /**
     * Every question linked with the others its rules read together, through Findings made from
     * answers (and from Findings) too; {@code joinedOnly}: only by rules that read more than one fact at a time.
     */
    private static Map<String, Set<String>> linked(List<Reads> rules, boolean joinedOnly) {
        Map<String, Set<String>> findingInputs = new HashMap<>();
        // the answers behind each Finding, through Findings made from Findings too
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Reads rule : rules) {
                Set<String> behind = new HashSet<>(rule.inputs());
                rule.findings().forEach(f -> behind.addAll(findingInputs.getOrDefault(f, Set.of())));
                for (String f : rule.makes()) {
                    changed |= findingInputs.computeIfAbsent(f, k -> new HashSet<>()).addAll(behind);
                }
            }
        }
        Map<String, Set<String>> links = new HashMap<>();
        for (Reads rule : rules) {
            if (joinedOnly && rule.single()) {
                continue;
            }
            Set<String> all = new HashSet<>(rule.inputs());
            rule.findings().forEach(f -> all.addAll(findingInputs.getOrDefault(f, Set.of())));
            for (String q : all) {
                Set<String> others = links.computeIfAbsent(q, k -> new HashSet<>());
                all.stream().filter(x -> !x.equals(q)).forEach(others::add);
            }
        }
        return links;
    }

    /**
     * The rules that read nothing but the error dialog: their conditions hold only Code facts (the
     * code, the extended code, the message). For one cause they judge one event together.
     */
    static Set<String> dialogRules(List<RuleBase.Drl> files) {
        Set<String> names = new HashSet<>();
        for (RuleBase.Drl drl : files) {
            Matcher r = RULE_CONDITIONS.matcher(drl.text());
            while (r.find()) {
                String lhs = r.group(2);
                Matcher f = FACT.matcher(lhs);
                boolean code = false;
                boolean other = false;
                while (f.find()) {
                    code |= f.group(1).equals("Code");
                    other |= !f.group(1).equals("Code");
                }
                if (code && !other) {
                    names.add(r.group(1));
                }
            }
        }
        return names;
    }

    RuleCheck(KnowledgeBase kb) {
        this.kb = kb;
    }

    void check(RuleBase.Drl drl) {
        String text = drl.text();
        String own = ownCause(drl.name());
        Matcher m = FACT.matcher(text);
        while (m.find()) {
            fact(drl.name(), text, m.group(1), m.end());
        }
        Matcher e = EVIDENCE.matcher(text);
        while (e.find()) {
            String cause = e.group(1);
            causesConcluded.add(cause);
            source(drl, e.start(), text.substring(e.end(), closing(text, text.indexOf('(', e.start()) + 1)));
            if (kb.findCause(cause).isEmpty()) {
                add(drl, e.start(), "evidence for unknown cause '" + cause + "'");
            } else if (own != null && !own.equals(cause)) {
                add(drl, e.start(), "a rule in " + own + ".drl concludes evidence for '" + cause + "'; each cause's rules live in its own file");
            }
        }
        Matcher f = NEW_FINDING.matcher(text);
        while (f.find()) {
            findingsMade.add(f.group(1));
        }
        Matcher r = RULE.matcher(text);
        while (r.find()) {
            rules++;
            if (own != null && !r.group(1).startsWith(own + ":")) {
                add(drl, r.start(), "rule \"" + r.group(1) + "\" should start with its cause id: \"" + own + ": ...\"");
            }
        }
        Matcher i = PLAIN_INSERT.matcher(text);
        while (i.find()) {
            add(drl, i.start(), "use insertLogical, not insert, so the conclusion is withdrawn with the answer behind it");
        }
        Matcher s = SALIENCE.matcher(text);
        while (s.find()) {
            add(drl, s.start(), "salience makes the result depend on firing order; rules must not rely on it");
        }
    }

    /** The last argument of new Evidence(...): a source key, which must be in the catalogue. */
    private static final Pattern LAST_LITERAL = Pattern.compile(",\\s*\"([^\"]*)\"\\s*$");

    private void source(RuleBase.Drl drl, int offset, String arguments) {
        Matcher m = LAST_LITERAL.matcher(arguments);
        if (m.find() && !m.group(1).isEmpty() && kb.source(m.group(1)).isEmpty()) {
            add(drl, offset, "evidence cites source '" + m.group(1) + "', which is not in any knowledge/sources/*.yaml");
        }
    }

    /** Problems found so far, plus findings read by some rule that no rule derives. */
    List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        for (Problem p : findingsUsed) {
            if (!findingsMade.contains(p.message())) {
                all.add(new Problem(p.file(), p.line(), "finding '" + p.message() + "' is read but no rule derives it"));
            }
        }
        return all;
    }

    private void fact(String file, String text, String type, int open) {
        int close = closing(text, open);
        String body = text.substring(open, close);
        int line = line(text, open);
        String question = null;
        List<String> values = List.of();
        Matcher f = FIELD.matcher(body);
        while (f.find()) {
            List<String> quoted = quoted(f.group(3));
            switch (f.group(1)) {
                case "question" -> question = quoted.isEmpty() ? null : quoted.get(0);
                case "value" -> values = quoted;
                case "family" -> quoted.forEach(v -> family(file, line, v));
                case "name" -> quoted.forEach(v -> findingsUsed.add(new Problem(file, line, v)));
                default -> { }
            }
        }
        if ("Answer".equals(type) && question != null) {
            answer(file, line, question, values);
        }
    }

    private void answer(String file, int line, String question, List<String> values) {
        questionsRead.add(question);
        values.forEach(v -> optionsRead.add(question + "=" + v));
        var q = kb.findQuestion(question);
        if (q.isEmpty()) {
            problems.add(new Problem(file, line, "rule reads unknown question '" + question + "'"));
            return;
        }
        for (String v : values) {
            if (q.get().option(v).isEmpty()) {
                problems.add(new Problem(file, line, "question '" + question + "' has no option '" + v + "'; options: "
                        + String.join(", ", q.get().options().stream().map(o -> o.value()).toList())));
            }
        }
    }

    private void family(String file, int line, String family) {
        familiesRead.add(family);
        boolean known = kb.tables().stream().map(CodeTable::families).anyMatch(f -> f.containsKey(family));
        if (!known) {
            problems.add(new Problem(file, line, "rule reads unknown code family '" + family + "'"));
        }
    }

    List<Problem> unused() {
        List<Problem> list = new ArrayList<>();
        for (Question q : kb.questions()) {
            boolean unlistedReads = q.options().stream().anyMatch(o -> o.unlistedRatio() != 1);
            if (!questionsRead.contains(q.id()) && !codesRead(q) && !unlistedReads) {
                list.add(new Problem(q.file(), 1, "no rule reads question '" + q.id() + "', and none of its options has an"
                        + " unlisted: ratio (how it moves \"none of the known causes\")"));
            }
        }
        kb.causes().stream().filter(c -> !causesConcluded.contains(c.id()))
                .forEach(c -> list.add(new Problem(c.file(), 1, "no rule concludes evidence for cause '" + c.id() + "'")));
        return list;
    }

    /** A code question is read through the Code facts of its table's families. */
    private boolean codesRead(Question q) {
        return q.optionsFrom() != null && kb.findTable(q.optionsFrom()).stream()
                .anyMatch(t -> t.families().keySet().stream().anyMatch(familiesRead::contains));
    }

    /** The cause a file under causes/ belongs to: its name without .drl. */
    private static String ownCause(String name) {
        int slash = name.lastIndexOf('/');
        String dir = slash < 0 ? "" : name.substring(0, slash);
        if (!dir.endsWith("causes")) {
            return null;
        }
        return name.substring(slash + 1).replaceFirst("\\.drl$", "");
    }

    private static int closing(String text, int open) {
        int depth = 1;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static List<String> quoted(String s) {
        List<String> list = new ArrayList<>();
        Matcher m = QUOTED.matcher(s);
        while (m.find()) {
            list.add(m.group(1));
        }
        return list;
    }

    private void add(RuleBase.Drl drl, int offset, String message) {
        problems.add(new Problem(drl.name(), line(drl.text(), offset), message));
    }

    private static int line(String text, int offset) {
        return rdptriage.knowledge.Text.lineAt(text, offset);
    }
}
