package rdptriage.render;

import java.util.Map;

/**
 * Page-relative addresses, the same for the web Q&A and the static site: {@code root} leads from the
 * page being rendered back to the top ("" or "../"), {@code qa} is where the interactive Q&A runs
 * (the server itself, or a configured base URL for the static site; null when there is none). The
 * site's own pages (home, codes, flowchart, checklist, search) are in both: the server serves them
 * beside the Q&A.
 */
public record Links(String root, String qa) {

    /** Links of the server, the Q&A and the site's pages: from the server's root, so they hold at any depth. */
    public static Links web() {
        return new Links("/", "/");
    }

    /** Links of a page of the static site, {@code root} being "" or "../". */
    public static Links site(String root, String qa) {
        return new Links(root, qa);
    }

    /** A page of the static site, e.g. page("search.html"). */
    public String page(String name) {
        return root + name;
    }

    /** A question's help on the flowchart page. */
    public String question(String id) {
        return root + "flow.html#q-" + id;
    }

    public String asset(String name) {
        return root + "assets/" + name;
    }

    public String cause(String id) {
        return root + "causes/" + id + ".html";
    }

    /** A cause's article opened from a session: it links back to the session (on the server). */
    public String cause(String id, Map<String, String> session) {
        return cause(id) + SessionLink.query(session);
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

    /** Every step of the session's fix plan in full (the result page shows the first ones). */
    public String plan(Map<String, String> answers) {
        return page("plan", answers);
    }

    /** The session's full ticket note in Markdown, as plain text. */
    public String note(Map<String, String> answers) {
        return page("note.md", answers);
    }

    private String page(String name, Map<String, String> answers) {
        String base = qa == null ? "" : qa.isEmpty() || qa.endsWith("/") ? qa : qa + "/";
        return base + name + SessionLink.query(answers);
    }
}
