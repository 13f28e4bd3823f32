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
                         Ask nextQuestion, String stopReason, String planReady, List<PlanItem> plan) {

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
                           List<Step> rollback, List<Step> verify, List<String> sources) {}

    public RankedCause leader() {
        return causes.get(0);
    }
}
