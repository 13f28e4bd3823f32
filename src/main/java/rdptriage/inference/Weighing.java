package rdptriage.inference;

import java.util.List;

/**
 * The answers of one assessment as the rules weigh them: answers go in one at a time, and "what if"
 * answers are tried on top of them. Two implementations give the same numbers: {@link Evaluation}
 * runs the rules on one Drools session, {@link AnswerGroups} composes the results of the rules for
 * groups of answers that share no rule, each worked out once per process.
 */
interface Weighing extends AutoCloseable {

    /** Adds one more answer (several values of a multiple question joined by commas). */
    void add(String question, String value);

    /**
     * Summed weight per cause (indexed as the knowledge lists causes) for the evidence in force,
     * rounded to 1e-9 so that the sums do not depend on the order evidence came and went in.
     */
    double[] weights();

    /**
     * How the weights would change from {@code base} (the {@link #weights()} now) if {@code q} were
     * answered with each of its informative options on top of the answers in: [option][cause], each
     * the weights tried less {@code base}. Options alike ({@link Informative#alike}) are tried once.
     */
    double[][] tryEach(Informative q, double[] base);

    /**
     * What {@code make} makes of how the weights would change if {@code q} were answered with each
     * of its informative options, near enough (the changes themselves, not the difference of two
     * rounded sums), remembered for answers in the same state; null when nothing can be remembered.
     * For a quick look before the exact {@link #tryEach}.
     */
    default <T> T rough(Informative q, java.util.function.Function<double[][], T> make) {
        return null;
    }

    /** The evidence that counts now: each rule's strongest conclusion per cause. */
    List<Evidence> evidence();

    @Override
    void close();
}
