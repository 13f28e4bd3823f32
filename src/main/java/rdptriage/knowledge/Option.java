package rdptriage.knowledge;

/** One possible answer to a question. */
public record Option(String value, String label) implements java.io.Serializable {

    public static final String DONT_KNOW = "dont-know";

    public boolean informative() {
        return !DONT_KNOW.equals(value);
    }
}
