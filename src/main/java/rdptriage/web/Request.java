package rdptriage.web;

/**
 * The parts of an HTTP request the handlers use. {@code body} is the text of a POST (a pasted
 * ticket), null for GET and HEAD, and {@code tooLarge} says a POST body was over the limit and not
 * read.
 */
record Request(String path, String rawQuery, String host, String body, boolean tooLarge) {

    Request(String path, String rawQuery, String host) {
        this(path, rawQuery, host, null, false);
    }

    boolean posted() {
        return body != null || tooLarge;
    }
}
