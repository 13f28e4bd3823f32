package rdptriage.inference;

import java.util.List;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Settings;

/**
 * Picks the unanswered question worth most information per minute of effort. For each candidate
 * the engine is run on every possible answer; the answer probabilities come from how strongly each
 * cause's rules react to each answer, and the value is the expected drop in entropy.
 */
final class NextQuestion {

    /** The choice: the question and the two causes it separates best, or null with the reason to stop. */
    record Choice(Question question, int causeA, int causeB, double bitsPerMinute, String stopReason) {}

    private final Engine.Model model;
    private final Evaluation evaluation;
    private final Ranking now;
    private final double[] weights;

    NextQuestion(Engine.Model model, Evaluation evaluation, Ranking now, double[] weights) {
        this.model = model;
        this.evaluation = evaluation;
        this.now = now;
        this.weights = weights;
    }

    Choice choose(Answers answers) {
        Settings s = model.kb().settings();
        if (now.leader() >= s.stopWhenLeaderAbove()) {
            return stop("the leading outcome is " + Percent.of(now.leader()) + " likely");
        }
        double entropy = now.entropy();
        Choice best = null;
        for (Question q : model.kb().questions()) {
            if (answers.answered(q.id())) {
                continue;
            }
            Choice c = value(q, entropy);
            if (c != null && (best == null || c.bitsPerMinute() > best.bitsPerMinute())) {
                best = c;
            }
        }
        if (best == null || best.bitsPerMinute() < s.minBitsPerMinute()) {
            return stop("no remaining question is worth its effort");
        }
        return best;
    }

    private Choice value(Question q, double entropy) {
        List<Option> options = q.informativeOptions();
        int k = options.size();
        int n = now.size();
        if (k < 2) {
            return null;
        }
        Ranking[] after = new Ranking[k];
        double[][] delta = new double[k][];
        for (int o = 0; o < k; o++) {
            double[] w = evaluation.tryAnswer(q.id(), options.get(o).value());
            after[o] = model.rank(w);
            delta[o] = new double[n];
            for (int i = 0; i < n; i++) {
                delta[o][i] = w[i] - weights[i];
            }
        }
        double[] pAnswer = answerProbabilities(delta, k, n);
        double expected = 0;
        for (int o = 0; o < k; o++) {
            expected += pAnswer[o] * after[o].entropy();
        }
        double gain = Math.max(0, entropy - expected);
        int[] pair = separated(after, pAnswer, n);
        return new Choice(q, pair[0], pair[1], gain / q.effort(), null);
    }

    /** P(answer) = sum over causes of P(cause) P(answer | cause), with P(answer | cause) a softmax of its weights. */
    private double[] answerProbabilities(double[][] delta, int k, int n) {
        double[] p = new double[k];
        for (int o = 0; o < k; o++) {
            p[o] = now.unlisted() / k;
        }
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int o = 0; o < k; o++) {
                norm += Math.exp(delta[o][i]);
            }
            for (int o = 0; o < k; o++) {
                p[o] += now.probability(i) * Math.exp(delta[o][i]) / norm;
            }
        }
        return p;
    }

    /** The two causes whose probability the answer is expected to move most. */
    private int[] separated(Ranking[] after, double[] pAnswer, int n) {
        int first = -1;
        int second = -1;
        double a = -1;
        double b = -1;
        for (int i = 0; i < n; i++) {
            double move = 0;
            for (int o = 0; o < after.length; o++) {
                move += pAnswer[o] * Math.abs(after[o].probability(i) - now.probability(i));
            }
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
