package rdptriage.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;
import rdptriage.inference.AssessmentCache;
import rdptriage.inference.Engines;

/**
 * The address query and the POSTed bodies (a form with a pasted ticket, the API's JSON), as a
 * browser or a script could send them: every input gets a page or a 4xx, never a fault of ours, and
 * no input brings a script element into a page.
 */
class WebInputFuzzTest extends rdptriage.FuzzTarget {

    private static SessionPages sessions;
    private static Api api;

    private static synchronized void start() {
        if (sessions == null) {
            AssessmentCache cache = new AssessmentCache(Engines.compiled(), 0);
            sessions = new SessionPages(cache, Server.pages(), new Addresses(null));
            api = new Api(cache);
        }
    }

    @Override
    protected void check(FuzzedDataProvider data) {
        start();
        int kind = data.consumeInt(0, 5);
        String text = data.consumeRemainingAsString();
        Response r;
        try {
            r = switch (kind) {
                case 0 -> sessions.triage(new Request("/triage", text, "localhost"));
                case 1 -> sessions.result(new Request("/result", text, "localhost"));
                case 2 -> sessions.checklist(new Request("/checklist", text, null));
                case 3 -> api.triage(new Request("/api/triage", text, null));
                case 4 -> api.triage(new Request("/api/triage", null, null, text, false));
                default -> sessions.triage(new Request("/triage", null, null, text, false));
            };
        } catch (HttpError e) {
            assertTrue(e.status >= 400 && e.status < 500, "a refusal is a 4xx: " + e.status);
            return;
        }
        assertTrue(r.status() == 200 || r.status() == 303 || r.status() == 400, "status " + r.status());
        if (r.contentType().startsWith("text/html")) {
            String page = new String(r.body(), StandardCharsets.UTF_8);
            for (int at = page.indexOf("<script"); at >= 0; at = page.indexOf("<script", at + 1)) {
                assertTrue(page.startsWith("<script src=\"/assets/", at), "only the app's own script: " + page.substring(at, Math.min(page.length(), at + 60)));
            }
        }
    }
}
