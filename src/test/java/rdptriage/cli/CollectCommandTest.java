package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.render.Json;

/**
 * collect (issue 14): the Linux-client script runs for real against a listener on 127.0.0.1:3389
 * and against the same port closed, and its output, pasted back, answers the reachability question
 * both ways, each answer shown with the check whose output it came from.
 */
class CollectCommandTest {

    @TempDir
    Path dir;

    @Test
    void theLinuxClientScriptAnswersReachabilityBothWaysWhenItsOutputIsPastedBack() throws Exception {
        Path script = dir.resolve("collect.sh");
        Cli.Result made = Cli.run("collect", "--side", "linux-client", "--host", "127.0.0.1", "--output", script.toString());
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.err().matches("(?s)wrote .*collect\\.sh: \\d+ checks? for the linux-client, SHA-256 [0-9a-f]{64}\\s*"), made.err());

        String open;
        try (ServerSocket listener = new ServerSocket(3389, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        listener.accept().close();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            open = run(script);
        }
        String closed = run(script);

        assertEquals("succeeded", reachability(open), open);
        assertEquals("failed", reachability(closed), closed);
    }

    /** The answer to tcp-3389-test read from a pasted output, after checking that it came from a framed check. */
    private String reachability(String output) throws IOException {
        Path paste = dir.resolve("paste.txt");
        Files.writeString(paste, output, StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("triage", "--ticket", paste.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode extracted = Json.MAPPER.readTree(r.out()).get("extracted");
        for (JsonNode e : extracted) {
            if (e.get("question").asText().equals("tcp-3389-test")) {
                assertTrue(e.has("check"), "shown with its check's marker: " + e);
                return e.get("value").asText();
            }
        }
        return "nothing read from: " + output;
    }

    private static String run(Path script) throws Exception {
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script ends");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("end: ok, exit status"), "every check ran (nc is installed by .ci/run): " + out);
        return out;
    }

    @Test
    void aWrongSideOrHostIsRefusedWithWhatWasExpected() {
        Cli.Result side = Cli.run("collect", "--side", "mac");
        assertEquals(2, side.exit());
        assertTrue(side.err().contains("--side 'mac': expected one of client, host, linux-client"), side.err());
        Cli.Result host = Cli.run("collect", "--side", "host", "--host", "a b;rm -rf /");
        assertEquals(2, host.exit());
        assertTrue(host.err().startsWith("error: "), host.err());
        Cli.Result none = Cli.run("collect");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--side"), none.err());
    }

    @Test
    void withoutOutputTheScriptGoesToStandardOutput() {
        Cli.Result r = Cli.run("collect", "--side", "host");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("# rdp-triage: read-only checks of the Remote Desktop host"), r.out());
        assertTrue(r.out().contains("##### rdp-triage summary #####"));
    }
}
