package rdptriage.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * What each answer does on its own, before anything else is known: the weight the rules give every
 * cause for it. Read off the same rules as a triage, so the site's code decoder ("this code points
 * to these causes") and its "questions that tell them apart" can never disagree with the engine.
 */
public final class AnswerEffects {

    /** A cause an answer points to, with its probability after that answer alone. */
    public record Pointer(String cause, double probability) {}

    /** A question that tells two causes apart: one answer points to the first, another to the second. */
    public record Separator(Question question, Option first, Option second, double bits) {}

    /** The least shift in odds between two causes, in bits, that counts as telling them apart (a factor of 3). */
    static final double SEPARATES_BITS = Math.log(3) / Math.log(2);

    private final Engine.Model model;
    private final Likelihood likelihood;
    private final Map<String, double[]> weights;   // "question=value" -> weight per cause
    /** The ranking before any answer, which an answer alone is compared with. */
    private final Ranking priors;
    private Map<String, List<Pointed>> pointed;

    private AnswerEffects(Engine engine, Map<String, double[]> weights) {
        this.model = engine.model();
        this.likelihood = engine.likelihood();
        this.weights = weights;
        this.priors = model.rank(new double[model.causes().size()], 0);
    }

    /** Every answer to every question alone: the weights the model already holds (stored by the build, or tried once). */
    public static AnswerEffects of(Engine engine) {
        Map<String, double[]> weights = new HashMap<>();
        for (Question q : engine.knowledge().questions()) {
            List<Option> options = q.informativeOptions();
            if (options.isEmpty()) {
                continue;
            }
            double[][] w = engine.likelihood().weights(q);
            for (int o = 0; o < options.size(); o++) {
                weights.put(key(q.id(), options.get(o).value()), w[o]);
            }
        }
        return new AnswerEffects(engine, weights);
    }

    private static String key(String question, String value) {
        return question + "=" + value;
    }

    private KnowledgeBase kb() {
        return model.kb();
    }

    /**
     * The causes this answer alone makes at least {@code floor} likely and more likely than before,
     * most likely first, at most {@code limit}.
     */
    public List<Pointer> pointsTo(String question, String value, double floor, int limit) {
        double[] w = weights.get(key(question, value));
        if (w == null) {
            throw new IllegalArgumentException("no informative answer " + key(question, value));
        }
        Question q = kb().question(question);
        Ranking after = model.rank(likelihood.alone(q, value), likelihood.logUnlisted(q, value));
        List<Pointer> pointers = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (after.probability(i) > priors.probability(i) && after.probability(i) >= floor) {
                pointers.add(new Pointer(model.causes().get(i).id(), after.probability(i)));
            }
        }
        pointers.sort(Comparator.comparingDouble((Pointer p) -> -p.probability()).thenComparing(Pointer::cause));
        return pointers.subList(0, Math.min(limit, pointers.size()));
    }

    /** True when this answer alone moves some cause's weight. */
    boolean changesSomething(String question, String value) {
        double[] w = weights.get(key(question, value));
        return w != null && java.util.Arrays.stream(w).anyMatch(x -> x != 0);
    }

    /**
     * The codes and messages of the error itself (answers to questions whose options come from a
     * code table) that point to {@code cause}: {@link #pointsTo} with {@link #POINTS_FLOOR} and
     * {@link #POINTS_LIMIT} names the cause for them. Worked out for all causes on first use.
     */
    public List<Pointed> pointingTo(String cause) {
        return pointed().getOrDefault(cause, List.of());
    }

    /** A cause an answer points to must be at least this likely after it ... */
    public static final double POINTS_FLOOR = 0.10;
    /** ... and among this many most likely causes. */
    public static final int POINTS_LIMIT = 3;

    private synchronized Map<String, List<Pointed>> pointed() {
        if (pointed == null) {
            Map<String, List<Pointed>> map = new HashMap<>();
            for (Question q : kb().questions()) {
                if (q.optionsFrom() == null) {
                    continue;
                }
                for (Option o : q.informativeOptions()) {
                    for (Pointer p : pointsTo(q.id(), o.value(), POINTS_FLOOR, POINTS_LIMIT)) {
                        map.computeIfAbsent(p.cause(), k -> new ArrayList<>()).add(new Pointed(q, o, p.probability()));
                    }
                }
            }
            pointed = map;
        }
        return pointed;
    }

    /** An answer that points to a cause, with the cause's probability after that answer alone. */
    public record Pointed(Question question, Option option, double probability) {}

    /**
     * The questions whose answers pull {@code a} and {@code b} in opposite directions by at least a
     * factor of 3 in their odds, strongest per minute of effort first, at most {@code limit}. The
     * error's own codes and messages are left out: the person has them already, and
     * {@link #pointingTo} covers them.
     */
    public List<Separator> separating(String a, String b, int limit) {
        int i = index(a);
        int j = index(b);
        List<Separator> found = new ArrayList<>();
        for (Question q : kb().questions()) {
            if (q.optionsFrom() != null) {
                continue;
            }
            Option first = null;
            Option second = null;
            double high = 0;
            double low = 0;
            for (Option o : q.informativeOptions()) {
                double[] w = weights.get(key(q.id(), o.value()));
                double d = w[i] - w[j];
                if (d > high) {
                    high = d;
                    first = o;
                }
                if (d < low) {
                    low = d;
                    second = o;
                }
            }
            double bits = (high - low) / Math.log(2);
            if (first != null && second != null && bits >= SEPARATES_BITS) {
                found.add(new Separator(q, first, second, bits));
            }
        }
        found.sort(Comparator.comparingDouble((Separator s) -> -s.bits() / s.question().effort())
                .thenComparing(s -> s.question().id()));
        return found.subList(0, Math.min(limit, found.size()));
    }

    private int index(String cause) {
        Integer i = model.index().get(cause);
        if (i == null) {
            throw new IllegalArgumentException("unknown cause " + cause);
        }
        return i;
    }
}
