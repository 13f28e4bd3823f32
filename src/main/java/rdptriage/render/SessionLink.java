package rdptriage.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The browser address that reopens a session: the answers are the session, carried in the query. */
public final class SessionLink {

    /** The query parameter that shows an answered question again so its answer can be changed. */
    public static final String ASK = "ask";

    private SessionLink() {}

    /** e.g. http://localhost:8080/triage?error-code=0x904&extended-code=0x7 */
    public static String of(String base, Map<String, String> answers) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + "/triage" + query(answers);
    }

    /** The result page of the same session: the ranked causes and the whole fix plan. */
    public static String result(String base, Map<String, String> answers) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + "/result" + query(answers);
    }

    public static String query(Map<String, String> answers) {
        if (answers.isEmpty()) {
            return "";
        }
        return "?" + answers.entrySet().stream()
                .map(e -> pair(e.getKey(), e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** One name=value part of a query, URL-encoded. */
    static String pair(String name, String value) {
        return encode(name) + "=" + encode(value);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
