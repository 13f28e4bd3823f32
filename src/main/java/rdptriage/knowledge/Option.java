package rdptriage.knowledge;

/**
 * One possible answer to a question. {@code neutral} is the one-line reason why an answer that
 * changes no cause's probability is still worth offering; lint requires it on every such option.
 *
 * <p>{@code unlisted} says how many times more often this answer comes up when the cause is none of
 * the known ones than when it is a known cause the question says nothing about (1 unless given);
 * {@code unlistedWhy} gives the reason, required with any other number. A setup the knowledge does
 * not model (a Linux xrdp host, a patched termsrv.dll) is such an answer.
 *
 * <p>{@code share} is how often the answer comes up when the cause is one the question says nothing
 * about: the question's default distribution. A question gives it on every answer (other than "I
 * don't know") or on none; without it the default is fitted to the rules (see Likelihood).
 */
public record Option(String value, String label, String neutral, Double unlisted, String unlistedWhy, Double share)
        implements java.io.Serializable {

    public static final String DONT_KNOW = "dont-know";

    public Option(String value, String label, String neutral) {
        this(value, label, neutral, null, null, null);
    }

    public Option(String value, String label) {
        this(value, label, null);
    }

    public boolean informative() {
        return !DONT_KNOW.equals(value);
    }

    /** The ratio P(this answer | none of the known causes) / P(this answer | a cause the question says nothing about). */
    public double unlistedRatio() {
        return unlisted == null ? 1 : unlisted;
    }
}
