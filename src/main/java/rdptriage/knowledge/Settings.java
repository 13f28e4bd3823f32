package rdptriage.knowledge;

/**
 * Model settings from knowledge/engine.yaml: the prior of "none of the known causes", when to stop
 * asking, after how many answers the plan is offered (the user can still go on), which causes
 * the fix plan covers, and how strongly a question's fitted default is pulled towards uniform.
 */
public record Settings(double unlistedPrior, double stopWhenLeaderAbove, double minBitsPerMinute,
                       int planAfterAnswers, double planMinProbability, int planMaxCauses, double defaultPull)
        implements java.io.Serializable {

    static final Settings DEFAULTS = new Settings(0.08, 0.85, 0.01, 6, 0.05, 5, 0.1);
}
