package rdptriage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Engines;
import rdptriage.inference.Host;
import rdptriage.render.CollectScript;
import rdptriage.render.CollectScript.Side;

/** Issue 14 in the browser: the session's result page offers each side's script, with its host filled in and its SHA-256. */
class ScriptDownloadTest {

    private static final String SESSION = "error-code=0x904&extended-code=0x7&host=srv-app01.corp.example.com";

    @Test
    void theResultPageOffersEachSidesScriptWithTheSessionsHostAndTheSha256OfWhatIsServed() throws Exception {
        String page = Http.get("/result?" + SESSION).body();
        for (Side side : Side.values()) {
            String path = "/collect/" + side.id + "." + side.extension + "?host=srv-app01.corp.example.com";
            Matcher link = Pattern.compile("href=\"" + Pattern.quote(path) + "\"[^>]*>(rdp-triage-collect-[a-z-]+\\.(?:ps1|sh))</a>:"
                    + "(?s:.*?)SHA-256 <code>([0-9a-f]{64})</code>").matcher(page);
            assertTrue(link.find(), side + " is offered on the result page");
            HttpResponse<String> script = Http.get(path);
            assertEquals(200, script.statusCode(), path);
            assertEquals("attachment; filename=\"" + link.group(1) + "\"", script.headers().firstValue("Content-Disposition").orElse(""));
            assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
            assertEquals(link.group(2), sha256(script.body()), side + ": the SHA-256 shown is that of the file served");
            assertEquals(CollectScript.of(Engines.knowledge(), side, Host.parse("srv-app01.corp.example.com")).text(), script.body(),
                    side + ": the same script as rdp-triage collect --side " + side.id + " --host srv-app01.corp.example.com");
            assertTrue(script.body().contains("srv-app01.corp.example.com"), side + ": the host is filled in");
        }
    }

    @Test
    void aHostThatIsNoNameIsRefusedNamingItAndNothingIsEchoedIntoTheScript() throws Exception {
        HttpResponse<String> r = Http.get("/collect/host.ps1?host=%27%3Bshutdown%20%2Fs%3B%27");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Expected e.g. /collect/host.ps1?host=srv-app01.corp.example.com"), r.body());
        assertFalse(r.headers().firstValue("Content-Disposition").isPresent());
        HttpResponse<String> none = Http.get("/collect/client.ps1");
        assertEquals(200, none.statusCode());
        assertTrue(none.body().contains("param([string]$RdpHost = '')"), "without a host the script takes it as its argument");
    }

    @Test
    void aHostScriptsOutputPastedIntoTheQuestionPageIsReadWithEachAnswersCheck() throws Exception {
        String output;
        try (java.io.InputStream in = ScriptDownloadTest.class.getResourceAsStream("/collect/host-termservice-stopped-cert-expired.txt")) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        HttpResponse<String> r = Http.post("/triage?error-code=0x904", "ticket="
                + java.net.URLEncoder.encode(output, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        for (String check : new String[] {"check-rdp-services", "look-at-listener-certificate", "check-listener"}) {
            assertTrue(r.body().contains("output of check <code>" + check + "</code>"), check + " is shown as the source");
        }
        assertTrue(r.body().contains("Stopped, or any state other than Running"), "termservice=stopped is read");
    }

    /** SHA-256 of the UTF-8 bytes, computed here independently of the server. */
    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
