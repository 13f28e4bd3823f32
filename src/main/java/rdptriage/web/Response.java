package rdptriage.web;

import java.nio.charset.StandardCharsets;

/**
 * What a handler returns: a status, a content type and the body bytes, plus an optional Location,
 * and the file name under which a browser saves it (null: shown, not saved).
 */
record Response(int status, String contentType, byte[] body, String location, boolean cacheable, String attachment) {

    Response(int status, String contentType, byte[] body, String location, boolean cacheable) {
        this(status, contentType, body, location, cacheable, null);
    }

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    static Response html(int status, String html) {
        return new Response(status, HTML, html.getBytes(StandardCharsets.UTF_8), null, false);
    }

    static Response json(int status, String json) {
        return new Response(status, JSON, json.getBytes(StandardCharsets.UTF_8), null, false);
    }

    static final String TEXT = "text/plain; charset=utf-8";

    static Response text(int status, String text) {
        return new Response(status, TEXT, text.getBytes(StandardCharsets.UTF_8), null, false);
    }

    /** A text file to save, e.g. a diagnostic script: the browser offers it under {@code fileName}. */
    static Response download(String fileName, String text) {
        return new Response(200, TEXT, text.getBytes(StandardCharsets.UTF_8), null, false, fileName);
    }

    static Response redirect(String location) {
        return new Response(303, TEXT, new byte[0], location, false);
    }
}
