package rdptriage.knowledge;

/**
 * One possible answer to a question. {@code neutral} is the one-line reason why an answer that
 * changes no cause's probability is still worth offering; lint requires it on every such option.
 */
public record Option(String value, String label, String neutral) implements java.io.Serializable {

    public static final String DONT_KNOW = "dont-know";

    public Option(String value, String label) {
        this(value, label, null);
    }

    public boolean informative() {
        return !DONT_KNOW.equals(value);
    }
}
