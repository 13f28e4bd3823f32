package rdptriage.inference;

import java.util.List;
import java.util.Map;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Step;

/**
 * What the engine concludes from a set of answers: every known cause ranked with its reasons, the
 * chance that none fits, the next question worth asking (or why to stop), whether the plan is
 * ready although a question is still open ({@code planReady} says why; null otherwise) and the
 * ordered fix plan.
 * One type serves every front end: text, JSON, Markdown and HTML.
 */
public record Assessment(Map<String, String> answers, List<RankedCause> causes, double unlisted,
                         Ask nextQuestion, String stopReason, String planReady, List<PlanItem> plan, String host) {

    public Assessment(Map<String, String> answers, List<RankedCause> causes, double unlisted, Ask nextQuestion,
                      String stopReason, String planReady, List<PlanItem> plan) {
        this(answers, causes, unlisted, nextQuestion, stopReason, planReady, plan, null);
    }

    /** The query parameter that carries the host beside the answers. */
    public static final String HOST = "host";

    /** The session as carried in an address: the answers, and the host when one was given. */
    public Map<String, String> session() {
        if (host == null) {
            return answers;
        }
        Map<String, String> m = new java.util.LinkedHashMap<>(answers);
        m.put(HOST, host);
        return m;
    }

    /** The same assessment with the host's name filling the placeholders of every command (null: as it is). */
    public Assessment forHost(Host h) {
        if (h == null) {
            return this;
        }
        Ask ask = nextQuestion == null ? null : new Ask(nextQuestion.id(), nextQuestion.text(), nextQuestion.help(),
                h.fill(nextQuestion.command()), nextQuestion.shell(), nextQuestion.who(), nextQuestion.effort(),
                nextQuestion.multiple(), nextQuestion.options(), nextQuestion.why());
        List<PlanItem> filled = plan.stream().map(p -> new PlanItem(p.step(), p.cause(), p.causeTitle(), p.kind(), p.title(),
                p.effort(), p.probability(), p.risk(), p.riskNote(), p.temporary(), fill(h, p.steps()), fill(h, p.rollback()),
                fill(h, p.verify()), p.verifyStep(), p.sources())).toList();
        return new Assessment(answers, causes, unlisted, ask, stopReason, planReady, filled, h.name());
    }

    /**
     * The same assessment cut to its {@code n} most likely causes: the others leave the ranking, and
     * the plan keeps only the steps for those causes (and for "none of the known causes" when it
     * ranks among them), renumbered in the same order.
     */
    public Assessment top(int n) {
        if (n < 1) {
            throw new BadInput("--top must be at least 1, found " + n);
        }
        if (n >= causes.size()) {
            return this;
        }
        List<RankedCause> kept = causes.subList(0, n);
        java.util.Set<String> ids = new java.util.HashSet<>();
        kept.forEach(c -> ids.add(c.id()));
        if (unlisted >= kept.get(n - 1).probability()) {
            ids.add(rdptriage.knowledge.Unlisted.ID);
        }
        Map<Integer, Integer> renumbered = new java.util.HashMap<>();
        List<PlanItem> cut = new java.util.ArrayList<>();
        for (PlanItem p : plan) {
            if (ids.contains(p.cause())) {
                renumbered.put(p.step(), cut.size() + 1);
                cut.add(new PlanItem(cut.size() + 1, p.cause(), p.causeTitle(), p.kind(), p.title(), p.effort(), p.probability(),
                        p.risk(), p.riskNote(), p.temporary(), p.steps(), p.rollback(), p.verify(),
                        renumbered.getOrDefault(p.verifyStep(), 0), p.sources()));
            }
        }
        return new Assessment(answers, List.copyOf(kept), unlisted, nextQuestion, stopReason, planReady, List.copyOf(cut), host);
    }

    private static List<rdptriage.knowledge.Step> fill(Host h, List<rdptriage.knowledge.Step> steps) {
        return steps.stream().map(s -> new rdptriage.knowledge.Step(s.where(), s.shell(), s.elevated(), s.text(),
                h.fill(s.command()))).toList();
    }

    /** A cause with its probability and the evidence that moved it. */
    public record RankedCause(String id, String title, double probability, String evidenceLevel,
                              List<Reason> reasons) {}

    /** One piece of evidence: its weight (log-likelihood ratio), the reason in words, and its source key. */
    public record Reason(double weight, String text, String source) {}

    /** The question to ask next and why. */
    public record Ask(String id, String text, String help, String command, String shell, String who, int effort,
                      boolean multiple, List<Option> options, String why) {

        public static Ask of(Question q, String why) {
            return new Ask(q.id(), q.text(), q.help(), q.command(), q.shell(), q.who(), q.effort(), q.multiple(),
                    q.options(), why);
        }
    }

    /** One step of the fix plan: a check or a fix for one cause, with risk, rollback and verification. */
    public record PlanItem(int step, String cause, String causeTitle, String kind, String title, int effort,
                           double probability, String risk, String riskNote, boolean temporary, List<Step> steps,
                           List<Step> rollback, List<Step> verify, int verifyStep, List<String> sources) {

        /** A later fix of a cause whose verify steps stand under an earlier step: "verify as in step N". */
        public boolean verifiesElsewhere() {
            return verify.isEmpty() && verifyStep > 0 && verifyStep != step;
        }
    }

    public RankedCause leader() {
        return causes.get(0);
    }
}
