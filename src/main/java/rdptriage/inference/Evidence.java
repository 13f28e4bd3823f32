package rdptriage.inference;

/**
 * A rule's conclusion: evidence for (weight &gt; 0) or against (weight &lt; 0) one cause.
 * The weight is a natural-log likelihood ratio against "none of the known causes".
 */
public record Evidence(String cause, double weight, String reason, String source) {

    /**
     * Truth maintenance hashes every conclusion; reasons are long and often built per firing, so
     * the hash covers the cause and the weight only (equal records still hash alike).
     */
    @Override
    public int hashCode() {
        return 31 * cause.hashCode() + Double.hashCode(weight);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && e.weight == weight && e.cause.equals(cause) && e.reason.equals(reason)
                && java.util.Objects.equals(e.source, source);
    }
}
