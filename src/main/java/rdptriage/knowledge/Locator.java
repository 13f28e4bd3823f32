package rdptriage.knowledge;

/** Finds where in a knowledge file a problem lies: the line of a command within the block of its owner. */
record Locator(String file, String text) {

    /** A problem at {@code line} of the block owned by {@code owner} (or at the owner, or on no line). */
    Problem at(String owner, String line, String message) {
        int from = text.indexOf(owner);
        int at = line == null || from < 0 ? from : text.indexOf(line, from);
        if (at < 0) {
            at = from;
        }
        return new Problem(file, at < 0 ? 0 : Text.lineAt(text, at), message);
    }
}
