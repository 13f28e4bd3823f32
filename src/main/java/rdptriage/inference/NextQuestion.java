package rdptriage.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Settings;

/**
 * Picks the unanswered question worth most information per minute of effort. For each candidate
 * the engine is run on every possible answer, which gives P(answer | cause) and P(answer | none of
 * the known causes) from the same tables the ranking reads ({@link Likelihood}); the value of the
 * question is the mutual information between its answer and the outcome, in bits.
 *
 * <p>An answer nobody at hand knows is worth nothing, so the information is weighed by the chance
 * that the question gets an answer other than "I don't know" ({@link AnswerRate}).
 *
 * <p>Mutual information never exceeds log2(number of answers), so candidates are tried in order of
 * that bound per minute, and the search stops once no remaining question could beat the best one:
 * the choice is exact, and costly host-side questions are often never run.
 */
final class NextQuestion {

    private static final double LN2 = Math.log(2);

    /** The choice: the question and the two causes it separates best, or null with the reason to stop. */
    record Choice(Question question, int causeA, int causeB, double bitsPerMinute, String stopReason) {}

    private final Engine.Model model;
    private final Likelihood likelihood;
    private final Weighing evaluation;
    private final Ranking now;
    private final double[] weights;
    /** The chance that someone at hand knows the answer, by who can answer; learnt in this session. */
    private AnswerRate answerable;
    private Answers answered;

    NextQuestion(Engine.Model model, Likelihood likelihood, Weighing evaluation, Ranking now, double[] weights) {
        this.model = model;
        this.likelihood = likelihood;
        this.evaluation = evaluation;
        this.now = now;
        this.weights = weights;
    }

    Choice choose(Answers answers) {
        answered = answers;
        answerable = AnswerRate.of(model.kb(), answers);
        Settings s = model.kb().settings();
        if (now.leader() >= s.stopWhenLeaderAbove()) {
            return stop("the leading outcome is " + Percent.of(now.leader()) + " likely");
        }
        List<Question> candidates = new ArrayList<>();
        for (Question q : model.kb().questions()) {
            if (!answers.answered(q.id()) && q.informativeOptions().size() >= 2) {
                candidates.add(q);
            }
        }
        Map<Question, Double> bounds = new java.util.IdentityHashMap<>();
        candidates.forEach(q -> bounds.put(q, bound(q)));
        candidates.sort(Comparator.comparingDouble((Question q) -> bounds.get(q)).reversed());
        Choice best = null;
        for (Question q : candidates) {
            if (best != null && bounds.get(q) <= best.bitsPerMinute()) {
                break;
            }
            Choice c = value(q);
            if (best == null || c.bitsPerMinute() > best.bitsPerMinute()) {
                best = c;
            }
        }
        if (best == null || best.bitsPerMinute() / answerable.of(best.question()) < s.minBitsPerMinute()) {
            return stop("no remaining question is worth its effort");
        }
        return best;
    }

    /** The most a question can be worth: log2 of its number of answers (and its partners'), per minute. */
    private double bound(Question q) {
        double bits = Math.log(q.informativeOptions().size()) / LN2;
        for (Question p : partners(q)) {
            bits += Math.log(Math.max(1, p.informativeOptions().size())) / LN2;
        }
        return bits * answerable.of(q) / q.effort();
    }

    /**
     * The unanswered questions asked in the same step as {@code q} (the extended code beside the
     * code): their information comes for the same effort. It is added as if independent of q's,
     * which can only overstate the step; the ranking reads the two answers jointly.
     */
    private List<Question> partners(Question q) {
        return model.kb().askedWith(q.id()).stream().filter(p -> !answered.answered(p.id())).toList();
    }

    private Choice value(Question q) {
        Choice c = value(q, q.effort());
        double bits = c.bitsPerMinute();
        for (Question p : partners(q)) {
            bits += value(p, q.effort()).bitsPerMinute();
        }
        return new Choice(q, c.causeA(), c.causeB(), bits, null);
    }

    /** The information of one question's answer per minute of {@code effort}, weighed by the chance of an answer. */
    private Choice value(Question q, int effort) {
        double[][] likelihoods = likelihood.table(evaluation, q, weights, answered.values().keySet());
        double[] u = likelihood.unlisted(q);
        int k = u.length;
        int n = now.size();
        double[] pAnswer = new double[k];
        for (int o = 0; o < k; o++) {
            pAnswer[o] = now.unlisted() * u[o];
            for (int i = 0; i < n; i++) {
                pAnswer[o] += now.probability(i) * likelihoods[i][o];
            }
        }
        double bits = 0;
        for (int o = 0; o < k; o++) {
            bits += now.unlisted() * u[o] * log2(u[o] / pAnswer[o]);
            for (int i = 0; i < n; i++) {
                double l = likelihoods[i][o];
                if (l > 0) {
                    bits += now.probability(i) * l * log2(l / pAnswer[o]);
                }
            }
        }
        int[] pair = separated(likelihoods, pAnswer, n, k);
        return new Choice(q, pair[0], pair[1], Math.max(0, bits) * answerable.of(q) / effort, null);
    }

    /**
     * The two causes whose probability the answer is expected to move most: for cause i that is
     * the sum over answers of P(answer) |P(i | answer) - P(i)| = P(i) sum |P(answer | i) - P(answer)|.
     */
    private int[] separated(double[][] likelihood, double[] pAnswer, int n, int k) {
        int first = -1;
        int second = -1;
        double a = -1;
        double b = -1;
        for (int i = 0; i < n; i++) {
            double move = 0;
            for (int o = 0; o < k; o++) {
                move += Math.abs(likelihood[i][o] - pAnswer[o]);
            }
            move *= now.probability(i);
            if (move > a) {
                second = first;
                b = a;
                first = i;
                a = move;
            } else if (move > b) {
                second = i;
                b = move;
            }
        }
        return new int[] {first, second};
    }

    private static double log2(double x) {
        return Math.log(x) / LN2;
    }

    private static Choice stop(String reason) {
        return new Choice(null, -1, -1, 0, reason);
    }

    static String why(Choice c, List<Cause> causes) {
        String a = causes.get(c.causeA()).title();
        String b = c.causeB() < 0 ? "the rest" : causes.get(c.causeB()).title();
        return "Asked because it best separates \"" + a + "\" from \"" + b + "\" for " + c.question().effort()
                + " min of effort.";
    }
}
