package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rdptriage.render.Json;

class CatalogueCommandTest {

    static final List<String> CANONICAL = List.of("vpn-network-instability", "host-asleep", "nla-authentication",
            "rdp-certificate", "machinekeys-permissions", "credssp-oracle", "name-resolution", "firewall-blocking",
            "rdp-service-listener", "remote-desktop-disabled", "security-layer", "tls-schannel", "saved-credentials",
            "client-cache", "outdated-client", "connection-limit", "session-licensing-limit", "network-profile",
            "udp-transport", "gateway-proxy");

    @Test
    void questionsAsJsonHaveIdTextHelpAndOptions() throws Exception {
        Cli.Result r = Cli.run("questions", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode list = Json.MAPPER.readTree(r.out());
        assertTrue(list.size() >= 20, "at least 20 questions");
        for (JsonNode q : list) {
            assertTrue(q.has("id") && q.has("text") && q.has("help") && q.get("options").size() >= 2, q.toString());
            for (JsonNode o : q.get("options")) {
                assertTrue(o.has("value") && o.has("label"), o.toString());
            }
        }
    }

    @Test
    void causesAsJsonCoverEveryCanonicalCause() throws Exception {
        Cli.Result r = Cli.run("causes", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        Set<String> ids = new HashSet<>();
        for (JsonNode c : Json.MAPPER.readTree(r.out())) {
            ids.add(c.get("id").asText());
            assertTrue(c.get("sources").get(0).has("url"), c.get("id").asText() + " sources resolve to URLs");
        }
        assertTrue(ids.containsAll(CANONICAL), "missing: " + CANONICAL.stream().filter(i -> !ids.contains(i)).toList());
    }

    @Test
    void textCataloguesListEveryEntry() {
        Cli.Result q = Cli.run("questions");
        Cli.Result c = Cli.run("causes");
        assertEquals(0, q.exit());
        assertEquals(0, c.exit());
        assertTrue(q.out().contains("tcp-3389-test") && q.out().contains("dont-know"), q.out());
        CANONICAL.forEach(id -> assertTrue(c.out().contains(id), id));
    }

    @Test
    void lintIsCleanOnTheShippedKnowledge() {
        Cli.Result r = Cli.run("lint");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("lint: clean ("), r.out());
    }
}
