package rdptriage.inference;

/** The user's input cannot be understood; the message names what was wrong and what was expected. */
public class BadInput extends RuntimeException {

    public BadInput(String message) {
        super(message);
    }
}
