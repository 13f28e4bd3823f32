package rdptriage.render;

import java.util.Map;

/**
 * Page-relative addresses, the same for the web Q&A and the static site: {@code root} leads from the
 * page being rendered back to the top ("" or "../"), and {@code qa} is where the interactive Q&A runs
 * (the server itself, or a configured base URL for the static site; null when there is none).
 */
public record Links(String root, String qa) {

    /** Links of the web Q&A: from the server's root, so they hold at any depth. */
    public static Links web() {
        return new Links("/", "/");
    }

    public String asset(String name) {
        return root + "assets/" + name;
    }

    public String cause(String id) {
        return root + "causes/" + id + ".html";
    }

    public boolean hasQa() {
        return qa != null;
    }

    /** A new, empty session. */
    public String start() {
        return triage(Map.of());
    }

    public String triage(Map<String, String> answers) {
        return page("triage", answers);
    }

    public String result(Map<String, String> answers) {
        return page("result", answers);
    }

    public String checklist(Map<String, String> answers) {
        return page("checklist", answers);
    }

    private String page(String name, Map<String, String> answers) {
        String base = qa == null ? "" : qa.isEmpty() || qa.endsWith("/") ? qa : qa + "/";
        return base + name + SessionLink.query(answers);
    }
}
