package rdptriage.inference;

/**
 * Posterior probabilities: each cause's prior times the likelihood of the answers under it, beside
 * "none of the known causes" with its own prior and likelihood ({@link Likelihood}), normalised to 1.
 */
final class Ranking {

    private final double[] probabilities;
    private final double unlisted;

    private Ranking(double[] probabilities, double unlisted) {
        this.probabilities = probabilities;
        this.unlisted = unlisted;
    }

    static Ranking of(double[] logPriors, double logUnlisted, double[] logLikelihood, double logLikelihoodUnlisted) {
        int n = logPriors.length;
        double[] log = new double[n];
        logUnlisted += logLikelihoodUnlisted;
        double max = logUnlisted;
        for (int i = 0; i < n; i++) {
            log[i] = logPriors[i] + logLikelihood[i];
            max = Math.max(max, log[i]);
        }
        double sum = Math.exp(logUnlisted - max);
        for (int i = 0; i < n; i++) {
            log[i] = Math.exp(log[i] - max);
            sum += log[i];
        }
        for (int i = 0; i < n; i++) {
            log[i] /= sum;
        }
        return new Ranking(log, Math.exp(logUnlisted - max) / sum);
    }

    double probability(int cause) {
        return probabilities[cause];
    }

    double unlisted() {
        return unlisted;
    }

    int size() {
        return probabilities.length;
    }

    /** The entropy of the outcome (the causes and "none of the known causes"), in bits. */
    double entropy() {
        double h = unlisted > 0 ? -unlisted * Math.log(unlisted) : 0;
        for (double p : probabilities) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    double leader() {
        double best = unlisted;
        for (double p : probabilities) {
            best = Math.max(best, p);
        }
        return best;
    }
}
