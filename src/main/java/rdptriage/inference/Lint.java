package rdptriage.inference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdptriage.knowledge.Folders;
import rdptriage.knowledge.Text;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.KnowledgeException;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Problem;
import rdptriage.knowledge.Question;

/**
 * Validates knowledge and rules together: file problems, dangling ids, DRL errors, questions no
 * rule reads, causes no rule concludes, evidence for unknown causes or from unknown sources,
 * answers that change nothing without saying why, and the coherence of the probability model
 * (every answer a probability under every outcome, summing to 1; no answer counted twice).
 */
public final class Lint {

    /** The findings, and a one-line summary of what was checked. */
    public record Report(List<Problem> problems, String summary) {}

    private Lint() {}

    /** Everything, for the lint command: the knowledge read from its files and the DRL compiled now. */
    public static Report run(List<KnowledgeBase.Root> roots, List<Path> ruleFolders) {
        KnowledgeBase.Loaded loaded = KnowledgeBase.read(roots);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        List<RuleBase.Drl> drl = RuleBase.sources(ruleFolders);
        RuleBase rules = null;
        try {
            rules = RuleBase.compile(drl);
        } catch (KnowledgeException e) {
            problems.addAll(e.problems());
        }
        KnowledgeBase kb = loaded.knowledge();
        if (loaded.problems().isEmpty()) {
            problems.addAll(signals(kb, loaded.texts()));
        }
        RuleCheck check = ruleCheck(kb, drl);
        problems.addAll(check.problems());
        problems.addAll(check.unused());
        if (rules != null && problems.isEmpty()) {
            Engine engine = Engine.of(kb, rules);
            problems.addAll(answers(engine, check, loaded.texts()));
            problems.addAll(model(engine));
        }
        String summary = kb.causes().size() + " causes, " + kb.questions().size() + " questions, " + kb.tables().size()
                + " code tables, " + kb.sources().size() + " sources, " + kb.signals().size() + " signals (examples and near misses read), "
                + check.rules + " rules in " + drl.size() + " files"
                + (rules != null && problems.isEmpty() ? "; every answer has a probability under each of the " + (kb.causes().size() + 1)
                + " outcomes, summing to 1 per question, and none is counted twice for a cause" : "");
        return new Report(problems, summary);
    }

    /**
     * The checks that need knowledge and rules together, on an engine built from a help desk's own
     * folders, before it answers anything; throws listing every finding with its file and line.
     */
    public static void check(Engine engine, RuleBase rules) {
        RuleCheck check = ruleCheck(engine.knowledge(), rules.sources());
        List<Problem> problems = new ArrayList<>(check.problems());
        problems.addAll(check.unused());
        if (problems.isEmpty()) {
            problems.addAll(answers(engine, check, Map.of()));
            problems.addAll(model(engine));
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
    }

    private static RuleCheck ruleCheck(KnowledgeBase kb, List<RuleBase.Drl> drl) {
        RuleCheck check = new RuleCheck(kb);
        drl.forEach(check::check);
        return check;
    }

    /**
     * Every signal's examples produce each of its answers when read as a paste (with every other
     * signal present, as a user's paste is read), and none of its near misses produces any.
     */
    static List<Problem> signals(KnowledgeBase kb, Map<String, String> texts) {
        Ticket ticket = new Ticket(kb);
        List<Problem> problems = new ArrayList<>();
        for (rdptriage.knowledge.Signal s : kb.signals()) {
            int line = Text.lineOf(texts.getOrDefault(s.file(), ""), "id: " + s.id());
            for (String example : s.examples()) {
                List<Reading.Found> read = ticket.find(example, true).stream().filter(e -> e.signal().equals(s.id())).toList();
                for (String meaning : s.means()) {
                    String q = rdptriage.knowledge.Signal.question(meaning);
                    String v = rdptriage.knowledge.Signal.value(meaning);
                    if (read.stream().noneMatch(e -> e.question().equals(q) && (v.equals(rdptriage.knowledge.Signal.CODE) || e.value().equals(v)))) {
                        problems.add(new Problem(s.file(), line, "signal '" + s.id() + "' does not read '" + meaning
                                + "' from its example \"" + Clip.of(example) + "\""));
                    }
                }
            }
            for (String miss : s.nearMisses()) {
                if (ticket.find(miss, false).stream().anyMatch(e -> e.signal().equals(s.id()))) {
                    problems.add(new Problem(s.file(), line, "signal '" + s.id() + "' matches its near miss \"" + Clip.of(miss)
                            + "\"; make its words or regex stricter"));
                }
            }
        }
        return problems;
    }

    /**
     * Every answer other than "I don't know" either changes some cause's probability (alone, or
     * named by a rule that joins it with other answers) or says in {@code neutral:} why it is still
     * offered; and an answer declared neutral really changes nothing.
     */
    static List<Problem> answers(Engine engine, RuleCheck check, Map<String, String> texts) {
        AnswerEffects effects = AnswerEffects.of(engine);
        List<Problem> problems = new ArrayList<>();
        for (Question q : engine.knowledge().questions()) {
            for (Option o : q.informativeOptions()) {
                String key = q.id() + "=" + o.value();
                boolean matters = check.optionsRead.contains(key) || effects.changesSomething(q.id(), o.value())
                        || o.unlistedRatio() != 1;
                String message = null;
                if (!matters && o.neutral() == null) {
                    message = "changes no cause's probability: add a rule that reads it, or say why it is still offered"
                            + " with 'neutral: <one-line reason>' under the option";
                } else if (matters && o.neutral() != null) {
                    message = "is declared neutral, but the rules read it: remove 'neutral:' or the rule";
                }
                if (message != null) {
                    // the file is read for its line only when there is something to report
                    problems.add(new Problem(q.file(), lineOf(texts, q.file(), o.value()),
                            "option '" + o.value() + "' of question '" + q.id() + "' " + message));
                }
            }
        }
        return problems;
    }

    /**
     * The model is coherent: under every cause and under "none of the known causes", each
     * question's answers have probabilities that are finite, above 0 and sum to 1; and no answer is
     * counted twice for one cause, i.e. on its own it moves each cause through at most one rule.
     * (One rule that matches both the code and the extended code counts once by construction.)
     */
    static List<Problem> model(Engine engine) {
        List<Problem> problems = new ArrayList<>();
        Likelihood l = engine.likelihood();
        List<rdptriage.knowledge.Cause> causes = engine.knowledge().causes();
        try (Evaluation ev = engine.evaluation()) {
            for (Question q : engine.knowledge().questions()) {
                List<Option> options = q.informativeOptions();
                if (options.isEmpty()) {
                    continue;
                }
                double[] u = l.unlisted(q);
                double[] sums = new double[causes.size()];
                double sumU = 0;
                for (int o = 0; o < options.size(); o++) {
                    double[] logP = l.alone(q, options.get(o).value());
                    for (int c = 0; c < sums.length; c++) {
                        sums[c] += Math.exp(logP[c]);
                        if (!Double.isFinite(logP[c])) {
                            problems.add(new Problem(q.file(), 0, "answer '" + options.get(o).value() + "' of question '" + q.id()
                                    + "' has no probability under cause '" + causes.get(c).id() + "' (weight " + logP[c] + ")"));
                        }
                    }
                    sumU += u[o];
                }
                for (int c = 0; c < sums.length; c++) {
                    if (Math.abs(sums[c] - 1) > 1e-9) {
                        problems.add(new Problem(q.file(), 0, "the answers of question '" + q.id() + "' sum to " + sums[c]
                                + " under cause '" + causes.get(c).id() + "', not 1"));
                    }
                }
                if (Math.abs(sumU - 1) > 1e-9) {
                    problems.add(new Problem(q.file(), 0, "the answers of question '" + q.id() + "' sum to " + sumU
                            + " under \"none of the known causes\", not 1"));
                }
                for (Option o : options) {
                    ev.tryRules(q.id(), o.value()).forEach((cause, rules) -> {
                        if (rules.size() > 1) {
                            problems.add(new Problem(engine.knowledge().cause(cause).file(), 0, "answer '" + o.value()
                                    + "' of question '" + q.id() + "' is counted " + rules.size() + " times for " + cause
                                    + ", by the rules " + String.join("; ", rules) + ": let one rule conclude it"));
                        }
                    });
                }
            }
        }
        return problems;
    }

    /** The line of an option in its question file: from the text lint read, or from the file on disk. */
    private static int lineOf(Map<String, String> texts, String file, String value) {
        String text = texts.get(file);
        if (text == null && file != null && Files.isRegularFile(Path.of(file))) {
            text = Folders.read(Path.of(file));
        }
        if (text == null) {
            return 0;
        }
        Matcher m = Pattern.compile("(?m)^[\\s-]*value:\\s*[\"']?" + Pattern.quote(value) + "[\"']?\\s*$").matcher(text);
        return m.find() ? Text.lineAt(text, m.start()) : 0;
    }
}
