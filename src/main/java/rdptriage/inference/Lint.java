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
 * rule reads, causes no rule concludes, evidence for unknown causes or from unknown sources, and
 * answers that change nothing without saying why.
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
        RuleCheck check = ruleCheck(kb, drl);
        problems.addAll(check.problems());
        problems.addAll(check.unused());
        if (rules != null && problems.isEmpty()) {
            problems.addAll(answers(Engine.of(kb, rules), check, loaded.texts()));
        }
        String summary = kb.causes().size() + " causes, " + kb.questions().size() + " questions, " + kb.tables().size()
                + " code tables, " + kb.sources().size() + " sources, " + check.rules + " rules in " + drl.size() + " files";
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
