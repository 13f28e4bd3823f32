package rdptriage.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * The one probability model behind the ranking, the value of the next question and "none of the
 * known causes". For every question and every cause it is a distribution over the question's
 * answers (other than "I don't know"):
 *
 * <pre>  P(answer | cause) = d(answer) e^w(answer) / sum over answers of d e^w</pre>
 *
 * where w is the weight the rules conclude for the cause when that answer joins the answers given
 * before it, and d is the question's default: what a cause the question says nothing about
 * predicts. "None of the known causes" predicts d times each answer's declared {@code unlisted}
 * ratio, normalised. A session's answers are read in the order they were given, each one
 * conditioned on those before it, so the ranking is the product of these tables, and the next
 * question is valued on the very table its answer will be read with.
 *
 * <p>A question may declare its default ({@code share:} on each answer). Otherwise the default is
 * fitted to the rules, never to cases: it is the distribution under which the
 * authored weights are nearest to coherent (each cause's sum of d e^w nearest to 1, in log), pulled
 * gently towards uniform so that no answer gets probability zero.
 *
 * <p>Trying every answer in context is what keeps this exact, and it is costly; it is needed only
 * for a question that shares a rule with an answer already given ({@link RuleCheck#partners}).
 * Every other question's weights are those of its answers alone, tried once (or stored by the
 * build for the shipped knowledge, {@link ModelDefaults}).
 */
final class Likelihood {

    /** What the build stores for the shipped knowledge: each question's default and the weights of its answers alone. */
    record Stored(Map<String, double[]> defaults, Map<String, double[][]> weights) {
        static final Stored NONE = new Stored(Map.of(), Map.of());
    }

    private final Engine.Model model;
    private final Supplier<Evaluation> empty;
    /** For each question, the questions it shares a rule with; empty when the rules could not be analysed. */
    private final Optional<Map<String, Set<String>>> partners;
    private final Map<String, double[]> defaults = new HashMap<>();
    private final Map<String, double[]> unlisted = new HashMap<>();
    /** Each question's informative answers, worked out once. */
    private final Map<String, Informative> informative = new HashMap<>();
    /** Per question, the weight change per cause of each answer alone: [answer][cause]. */
    private final Map<String, double[][]> weights = new ConcurrentHashMap<>();
    /** Per question, the table of its answers alone. */
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<String, Rough> roughs = new ConcurrentHashMap<>();

    private Likelihood(Engine.Model model, Supplier<Evaluation> empty, Optional<Map<String, Set<String>>> partners) {
        this.model = model;
        this.empty = empty;
        this.partners = partners;
    }

    /**
     * The model of these answers: each question's default as stored by the build when it was
     * fitted to exactly this knowledge and these rules, else declared (share:) or fitted now.
     */
    static Likelihood of(Engine.Model model, Supplier<Evaluation> empty, Stored stored,
                         Optional<Map<String, Set<String>>> partners) {
        Likelihood l = new Likelihood(model, empty, partners);
        l.weights.putAll(stored.weights());
        for (Question q : model.kb().questions()) {
            l.informative.put(q.id(), Informative.of(model.kb(), model.namedBy(), q));
        }
        for (Question q : model.kb().questions()) {
            List<Option> options = q.informativeOptions();
            if (options.isEmpty()) {
                continue;
            }
            double[] d = stored.defaults().get(q.id());
            if (d == null || d.length != options.size()) {
                d = options.get(0).share() != null ? declared(options)
                        : fit(l.weights(q), model.kb().settings().defaultPull());
            }
            l.defaults.put(q.id(), d);
            double[] u = new double[d.length];
            double sum = 0;
            for (int o = 0; o < d.length; o++) {
                u[o] = d[o] * options.get(o).unlistedRatio();
                sum += u[o];
            }
            for (int o = 0; o < d.length; o++) {
                u[o] /= sum;
            }
            l.unlisted.put(q.id(), u);
        }
        return l;
    }

    /** The weight change per cause of each answer of {@code q} alone, tried once on an empty session. */
    double[][] weights(Question q) {
        return weights.computeIfAbsent(q.id(), id -> {
            try (Evaluation ev = empty.get()) {
                return trials(ev, q, ev.weights());
            }
        });
    }

    /** True when this answer to this question is an observation the model reads (not "I don't know", not unknown). */
    boolean observes(Question q, String value) {
        if (!defaults.containsKey(q.id())) {
            return false;
        }
        for (String v : Question.values(value)) {
            if (position(q, v) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The weight change per cause of each answer of {@code q} on top of what {@code ev} holds:
     * [answer][cause]. When no question {@code q} shares a rule with is among {@code answered}, that
     * is the change of each answer alone, already known; otherwise each answer is tried in context.
     */
    private double[][] deltas(Weighing ev, Question q, double[] base, Set<String> answered) {
        return alone(q, answered) ? weights(q) : trials(ev, q, base);
    }

    /** True when no question {@code q} shares a rule with is among {@code answered}. */
    private boolean alone(Question q, Set<String> answered) {
        if (partners.isEmpty()) {
            return false;
        }
        for (String p : partners.get().getOrDefault(q.id(), Set.of())) {
            if (answered.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Tries every informative answer of {@code q} on top of what {@code ev} holds; codes that act alike once. */
    private double[][] trials(Weighing ev, Question q, double[] base) {
        return ev.tryEach(informative(q), base);
    }

    /**
     * P(answer | cause) for every informative answer of a question: [cause][answer]. Causes whose
     * weights the question's answers move alike have the very same row: {@code same[c]} is the first
     * cause with cause c's row, so what is worked out from a row can be worked out once.
     */
    record Table(double[][] p, int[] same) {}

    /**
     * A table near enough to the exact one for a quick look (see {@link Weighing#rough}), with the
     * entropy of each cause's row and of "none of the known causes", in bits; null when there is none.
     */
    record Rough(Table table, double[] rowBits, double unlistedBits) {}

    /** The rough table of {@code q}: the exact one of its answers alone, or one remembered by {@code ev}; null when there is none. */
    Rough rough(Weighing ev, Question q, Set<String> answered) {
        if (alone(q, answered)) {
            return roughs.computeIfAbsent(q.id(), id -> rough(q, tables.computeIfAbsent(id, i -> table(q, weights(q)))));
        }
        return ev.rough(informative(q), w -> rough(q, table(q, w)));
    }

    private Rough rough(Question q, Table t) {
        double[] rows = new double[t.p().length];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = t.same()[c] != c ? rows[t.same()[c]] : bits(t.p()[c]);
        }
        return new Rough(t, rows, bits(unlisted.get(q.id())));
    }

    /** The entropy of a distribution, in bits. */
    static double bits(double[] p) {
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x);
            }
        }
        return h / Math.log(2);
    }

    /** P(answer | cause) for every informative answer of {@code q} given what {@code ev} holds. */
    Table table(Weighing ev, Question q, double[] base, Set<String> answered) {
        if (alone(q, answered)) {
            // the answers alone: the same table for every session
            return tables.computeIfAbsent(q.id(), id -> table(q, weights(q)));
        }
        return table(q, trials(ev, q, base));
    }

    private Table table(Question q, double[][] w) {
        double[] d = defaults.get(q.id());
        int n = model.causes().size();
        int[] same = new int[n];
        double[][] p = new double[n][];
        for (int c = 0; c < n; c++) {
            same[c] = c;
            for (int r = 0; r < c; r++) {
                if (same[r] == r && sameColumn(w, r, c)) {
                    same[c] = r;
                    break;
                }
            }
            if (same[c] != c) {
                p[c] = p[same[c]];
                continue;
            }
            // z as z(d, w, c) sums it, each exponential worked out once (most answers leave a cause's weight as it is)
            double[] e = new double[d.length];
            double z = 0;
            for (int o = 0; o < d.length; o++) {
                e[o] = w[o][c] == 0 ? EXP_ZERO : Math.exp(w[o][c]);
                z += d[o] * e[o];
            }
            p[c] = new double[d.length];
            for (int o = 0; o < d.length; o++) {
                p[c][o] = d[o] * e[o] / z;
            }
        }
        return new Table(p, same);
    }

    private static final double EXP_ZERO = Math.exp(0.0);

    private static boolean sameColumn(double[][] w, int a, int b) {
        for (double[] row : w) {
            if (row[a] != row[b]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one answer into {@code ev}, conditioned on what it held before ({@code answered} names
     * those questions): returns log P(answer | cause) per cause. For several answers to one
     * question each ticked answer is one draw from the question's table. An answer the model does
     * not observe ("I don't know") goes in and adds 0.
     */
    double[] read(Weighing ev, Question q, String value, Set<String> answered) {
        int n = model.causes().size();
        double[] log = new double[n];
        if (!observes(q, value)) {
            ev.add(q.id(), value);
            return log;
        }
        double[] base = ev.weights();
        double[][] w = deltas(ev, q, base, answered);
        ev.add(q.id(), value);
        double[] after = ev.weights();
        double[] d = defaults.get(q.id());
        List<String> values = Question.values(value);
        double logD = 0;
        for (String v : values) {
            logD += Math.log(d[position(q, v)]);
        }
        for (int c = 0; c < n; c++) {
            log[c] = after[c] - base[c] + logD - values.size() * Math.log(z(d, w, c));
        }
        return log;
    }

    /** Log P(answer | none of the known causes); 0 for an answer the model does not observe. */
    double logUnlisted(Question q, String value) {
        double log = 0;
        if (!observes(q, value)) {
            return log;
        }
        double[] u = unlisted.get(q.id());
        for (String v : Question.values(value)) {
            log += Math.log(u[position(q, v)]);
        }
        return log;
    }

    /** P(answer | none of the known causes) for every informative answer of {@code q}. */
    double[] unlisted(Question q) {
        return unlisted.get(q.id());
    }

    /** Log P(answer | cause) per cause for this answer alone, before anything else is known. */
    double[] alone(Question q, String value) {
        double[][] w = weights(q);
        double[] d = defaults.get(q.id());
        int o = position(q, value);
        double[] log = new double[model.causes().size()];
        for (int c = 0; c < log.length; c++) {
            log[c] = Math.log(d[o]) + w[o][c] - Math.log(z(d, w, c));
        }
        return log;
    }

    /** The question's default distribution over its informative answers (null for a question without any). */
    double[] defaults(Question q) {
        return defaults.get(q.id());
    }

    private int position(Question q, String value) {
        return informative(q).position(value);
    }

    /** The question's informative answers, as worked out once. */
    Informative informative(Question q) {
        Informative i = informative.get(q.id());
        return i != null ? i : Informative.of(model.kb(), model.namedBy(), q);
    }

    private static double z(double[] d, double[][] w, int c) {
        double z = 0;
        for (int o = 0; o < d.length; o++) {
            z += d[o] * Math.exp(w[o][c]);
        }
        return z;
    }

    /**
     * Answers that must act alike share a key and are tried once ({@link Informative#alike}): codes
     * whose value and family are named by the same tests of the rules (see {@link RuleCheck#namedBy}),
     * such as the codes of one family when no rule names a code itself, or the codes of all families
     * no rule names. Every other answer is its own key.
     */
    static String alike(KnowledgeBase kb, Optional<Map<String, Set<Integer>>> namedBy, String question, String value) {
        var family = kb.family(question, value);
        if (family.isEmpty() || namedBy.isEmpty()) {
            return "value " + value;
        }
        Map<String, Set<Integer>> named = namedBy.get();
        return "tests " + named.getOrDefault(value, Set.of()) + " and " + named.getOrDefault(family.get(), Set.of());
    }

    /** The default a question declares (share: on each answer), normalised to 1. */
    private static double[] declared(List<Option> options) {
        double[] d = new double[options.size()];
        double sum = 0;
        for (int o = 0; o < d.length; o++) {
            d[o] = options.get(o).share();
            sum += d[o];
        }
        for (int o = 0; o < d.length; o++) {
            d[o] /= sum;
        }
        return d;
    }

    /**
     * The default d over k answers that minimises the sum over causes of (log sum d e^w)^2 plus
     * {@code pull} times KL(uniform || d), by gradient descent on d = softmax(theta). Causes whose
     * weights do not depend on the answer add a constant and are left out. Without the pull the fit
     * piles the default onto answers no rule reads, where every cause is trivially coherent and
     * the question stops telling causes apart; engine.yaml's default_pull (0.1, chosen under
     * cross-validation on the real cases) sets it.
     */
    static double[] fit(double[][] w, double pull) {
        int k = w.length;
        int n = k == 0 ? 0 : w[0].length;
        List<Integer> moved = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            for (int o = 1; o < k; o++) {
                if (w[o][c] != w[0][c]) {
                    moved.add(c);
                    break;
                }
            }
        }
        double[] theta = new double[k];
        double[] d = softmax(theta);
        double step = 0.5;
        double loss = loss(d, w, moved, pull);
        for (int iteration = 0; iteration < 2000 && step > 1e-7; iteration++) {
            double[] g = new double[k];
            for (int c : moved) {
                double z = z(d, w, c);
                double lz = Math.log(z);
                for (int o = 0; o < k; o++) {
                    g[o] += 2 * lz * Math.exp(w[o][c]) / z;
                }
            }
            for (int o = 0; o < k; o++) {
                g[o] -= pull / (k * d[o]);
            }
            double mean = 0;
            for (int o = 0; o < k; o++) {
                mean += d[o] * g[o];
            }
            double[] next = theta.clone();
            for (int o = 0; o < k; o++) {
                next[o] -= step * d[o] * (g[o] - mean);
            }
            double[] nd = softmax(next);
            double nl = loss(nd, w, moved, pull);
            if (nl <= loss) {
                theta = next;
                d = nd;
                if (loss - nl < 1e-12) {
                    break;
                }
                loss = nl;
                step *= 1.2;
            } else {
                step /= 2;
            }
        }
        return d;
    }

    private static double loss(double[] d, double[][] w, List<Integer> moved, double pull) {
        double loss = 0;
        for (int c : moved) {
            double lz = Math.log(z(d, w, c));
            loss += lz * lz;
        }
        int k = d.length;
        for (double x : d) {
            loss += pull / k * Math.log(1.0 / (k * x));
        }
        return loss;
    }

    private static double[] softmax(double[] theta) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : theta) {
            max = Math.max(max, t);
        }
        double[] d = new double[theta.length];
        double sum = 0;
        for (int i = 0; i < theta.length; i++) {
            d[i] = Math.exp(theta[i] - max);
            sum += d[i];
        }
        for (int i = 0; i < d.length; i++) {
            d[i] /= sum;
        }
        return d;
    }
}
