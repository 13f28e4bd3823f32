package rdptriage.inference;

/**
 * A rule's conclusion: evidence for (weight &gt; 0) or against (weight &lt; 0) one cause.
 * The weight is a natural-log likelihood ratio against "none of the known causes".
 */
public record Evidence(String cause, double weight, String reason, String source) {}
