package rdptriage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: what a slow or hostile client, or a careless one, could do to the server before. */
class HardeningTest {

    private static final String SESSION = "error-code=0x904&extended-code=0x7&tcp-3389-test=succeeded";

    @Test
    void clientsThatStallMidRequestDoNotStopTheServerForOthers() throws Exception {
        // the test server has 4 workers; the JDK server, before, stopped answering at 2 such connections
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                stalled.add(open("GET /tri"));
                stalled.add(open("POST /triage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 5000\r\n\r\nticket=only+the+start"));
                stalled.add(open("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(200)));
            }
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build());
                assertEquals(200, r.statusCode());
            }
            HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/triage?" + SESSION))
                    .timeout(Duration.ofSeconds(5)).GET().build());
            assertEquals(200, page.statusCode());
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aMalformedAddressGetsTheErrorPageWithEveryHeader() throws Exception {
        for (String path : List.of("/tri%zz", "/a\\b", "/he<lth", "/triage?error-code=%zz")) {
            String r = Http.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertTrue(r.startsWith("HTTP/1.1 400 "), path + ": " + head(r));
            assertSecurityHeaders(path, r);
            assertFalse(r.contains("Exception"), path + " names no exception: " + r);
            assertFalse(r.contains("<lth"), "the address is not echoed raw");
        }
    }

    @Test
    void headersOverTheLimitAreRefusedWithEveryHeader() throws Exception {
        String r = Http.raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(Server.MAX_HEADER_BYTES)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 431 "), head(r));
        assertSecurityHeaders("431", r);
        assertTrue(r.contains("at most 64 KB"), r);
    }

    @Test
    void aForeignHostHeaderNeverEntersTheLinks() throws Exception {
        String evil = Http.raw("GET /result?" + SESSION + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(evil.startsWith("HTTP/1.1 200 "), head(evil));
        assertFalse(evil.contains("evil.example"), "a foreign Host header is not trusted");
        assertTrue(evil.contains("\">/triage?" + SESSION.replace("&", "&amp;") + "</a>"), "the session link is relative");
        assertTrue(evil.contains("rollbacks and checks: /result?" + SESSION.replace("&", "&amp;")), "so is the short note's");
        String local = Http.raw("GET /result?" + SESSION + " HTTP/1.1\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n");
        assertTrue(local.contains("\">http://localhost:8080/triage?"), "this machine's own name is kept");
        assertTrue(local.contains("rollbacks and checks: http://localhost:8080/result?"), "in the short note too");
    }

    private static Socket open(String partial) throws Exception {
        Socket s = new Socket("127.0.0.1", Http.port());
        OutputStream out = s.getOutputStream();
        out.write(partial.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    private static void assertSecurityHeaders(String what, String response) {
        String headers = response.substring(0, Math.max(response.indexOf("\r\n\r\n"), 0));
        for (String h : List.of("Content-Security-Policy: default-src 'none'", "X-Content-Type-Options: nosniff",
                "Referrer-Policy: no-referrer", "X-Frame-Options: DENY")) {
            assertTrue(headers.contains(h), what + " lacks " + h + ":\n" + headers);
        }
    }

    private static String head(String response) {
        return response.lines().findFirst().orElse("");
    }
}
