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
    private java.util.Set<String> answeredIds;
    /** The entropy of the outcome now, in bits: no answer tells more than this. */
    private double outcomeBits;

    /** Whether a question that cannot beat the best is ruled out before its exact value is worked out. */
    private final boolean early;

    NextQuestion(Engine.Model model, Likelihood likelihood, Weighing evaluation, Ranking now, double[] weights, boolean early) {
        this.early = early;
        this.model = model;
        this.likelihood = likelihood;
        this.evaluation = evaluation;
        this.now = now;
        this.weights = weights;
    }

    Choice choose(Answers answers) {
        answered = answers;
        answeredIds = answers.values().keySet();
        answerable = AnswerRate.of(model.kb(), answers);
        outcomeBits = now.entropy();
        Settings s = model.kb().settings();
        if (now.leader() >= s.stopWhenLeaderAbove()) {
            return stop("the leading outcome is " + Percent.of(now.leader()) + " likely");
        }
        List<Question> candidates = new ArrayList<>();
        for (Question q : model.kb().questions()) {
            if (!answers.answered(q.id()) && likelihood.informative(q).size() >= 2) {
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
            Choice c = value(q, best);
            if (c != null && (best == null || c.bitsPerMinute() > best.bitsPerMinute())) {
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
        double bits = Math.log(likelihood.informative(q).size()) / LN2;
        for (Question p : partners(q)) {
            bits += Math.log(Math.max(1, likelihood.informative(p).size())) / LN2;
        }
        return bits * answerable.of(q) / q.effort();
    }

    /**
     * The unanswered questions asked in the same step as {@code q} (the extended code beside the
     * code): their information comes for the same effort. It is added as if independent of q's,
     * which can only overstate the step; the ranking reads the two answers jointly.
     */
    private List<Question> partners(Question q) {
        List<Question> with = model.kb().askedWith(q.id());
        if (with.isEmpty()) {
            return with;
        }
        return with.stream().filter(p -> !answered.answered(p.id())).toList();
    }

    /**
     * The value of asking {@code q} (with the questions asked in the same step), or null when it
     * cannot beat {@code best}. The information of an answer is at most the entropy of the outcome
     * and at most the entropy of the answer, which are known before the costlier sums are made;
     * which two causes the answer separates is worked out only for a question that beats the best.
     */
    private Choice value(Question q, Choice best) {
        List<Question> partners = partners(q);
        if (best != null && early) {
            double bound = Math.min(outcomeBits, log2(likelihood.informative(q).size())) * answerable.of(q);
            for (Question p : partners) {
                bound += Math.min(outcomeBits, log2(Math.max(1, likelihood.informative(p).size()))) * answerable.of(p);
            }
            if (beneath(bound / q.effort(), best)) {
                return null;
            }
            Double rough = rough(q, partners);
            if (rough != null && rough <= best.bitsPerMinute()) {
                return null;
            }
        }
        Answer main = answer(q);
        List<Answer> with = new ArrayList<>(partners.size());
        partners.forEach(p -> with.add(answer(p)));
        if (best != null && early) {
            double bound = main.entropy() * answerable.of(q);
            for (Answer a : with) {
                bound += a.entropy() * answerable.of(a.question());
            }
            if (beneath(bound / q.effort(), best)) {
                return null;
            }
        }
        double bits = value(main, q.effort());
        for (Answer a : with) {
            bits += value(a, q.effort());
        }
        if (best != null && !(bits > best.bitsPerMinute())) {
            return null;
        }
        int[] pair = separated(main.table().p(), main.pAnswer(), now.size(), main.u().length);
        return new Choice(q, pair[0], pair[1], bits, null);
    }

    /**
     * At least what asking {@code q} is worth, from the rough tables ({@link Likelihood#rough}): the
     * information of an answer is the entropy of the answer less the entropy of each outcome's row,
     * which the rough tables hold. The rough tables and this shorter sum differ from the exact ones
     * by far less than the margin (1e-9 bits, against rounding errors of about 1e-13); null when a
     * rough table is missing.
     */
    private Double rough(Question q, List<Question> partners) {
        double sum = 0;
        for (int j = -1; j < partners.size(); j++) {
            Question x = j < 0 ? q : partners.get(j);
            Likelihood.Rough r = likelihood.rough(evaluation, x, answeredIds);
            if (r == null) {
                return null;
            }
            double[][] l = r.table().p();
            double[] u = likelihood.unlisted(x);
            double[] pAnswer = new double[u.length];
            for (int o = 0; o < u.length; o++) {
                pAnswer[o] = now.unlisted() * u[o];
                for (int i = 0; i < l.length; i++) {
                    pAnswer[o] += now.probability(i) * l[i][o];
                }
            }
            double answer = Likelihood.bits(pAnswer);
            double given = now.unlisted() * r.unlistedBits();
            for (int i = 0; i < l.length; i++) {
                given += now.probability(i) * r.rowBits()[i];
            }
            sum += (Math.max(0, answer - given) + 1e-9 * (1 + answer)) * answerable.of(x);
        }
        return sum / q.effort();
    }

    /** True when a question worth at most {@code bound} cannot beat the best; the margin covers the rounding of the sums. */
    private static boolean beneath(double bound, Choice best) {
        return bound * (1 + 1e-9) + 1e-12 <= best.bitsPerMinute();
    }

    /** A question's answer: P(answer | cause) from its table, and P(answer) now. */
    private record Answer(Question question, Likelihood.Table table, double[] u, double[] pAnswer) {

        /** The entropy of the answer, in bits: no answer tells more than this. */
        double entropy() {
            double h = 0;
            for (double p : pAnswer) {
                if (p > 0) {
                    h -= p * log2(p);
                }
            }
            return h;
        }
    }

    private Answer answer(Question q) {
        Likelihood.Table table = likelihood.table(evaluation, q, weights, answeredIds);
        double[][] likelihoods = table.p();
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
        return new Answer(q, table, u, pAnswer);
    }

    /** The information of one question's answer per minute of {@code effort}, weighed by the chance of an answer. */
    private double value(Answer a, int effort) {
        Question q = a.question();
        double[][] likelihoods = a.table().p();
        int[] same = a.table().same();
        double[] u = a.u();
        double[] pAnswer = a.pAnswer();
        int k = u.length;
        int n = now.size();
        double bits = 0;
        // causes with the same row share its logarithms; the sum runs in the same order either way
        double[] logs = new double[n];
        for (int o = 0; o < k; o++) {
            bits += now.unlisted() * u[o] * log2(u[o] / pAnswer[o]);
            for (int i = 0; i < n; i++) {
                double l = likelihoods[i][o];
                if (l > 0) {
                    logs[i] = same[i] == i ? log2(l / pAnswer[o]) : logs[same[i]];
                    bits += now.probability(i) * l * logs[i];
                }
            }
        }
        return Math.max(0, bits) * answerable.of(q) / effort;
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
