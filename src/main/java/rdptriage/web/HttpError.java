package rdptriage.web;

/** A request that cannot be served: the status and a message for the person (never a stack trace). */
final class HttpError extends RuntimeException {

    final int status;
    final String heading;

    HttpError(int status, String heading, String message) {
        super(message, null, false, false);
        this.status = status;
        this.heading = heading;
    }

    static HttpError notFound(String what) {
        return new HttpError(404, "Not found", what);
    }
}
