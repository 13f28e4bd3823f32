package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real tickets from public threads (src/test/resources/tickets/), each with its source: the answers
 * a careful agent takes from the text must be read and applied, values the text states twice must
 * be shown as contradictions, nothing else may be applied, and the near misses give nothing.
 */
class RealTicketsTest {

    private static final Engine ENGINE = Engines.compiled();

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = RealTicketsTest.class.getResourceAsStream("/tickets/" + name)) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> read(Reading r, Reading.Status status) {
        Set<String> out = new TreeSet<>();
        r.extracted().stream().filter(e -> e.status() == status).forEach(e -> out.add(e.question() + "=" + e.value()));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> eachRealTicketGivesTheAnswersItStatesAndNoOther() throws IOException {
        JsonNode tickets = load("real-tickets.yaml");
        assertTrue(tickets.size() >= 12, "at least 12 real tickets");
        Set<String> clients = new TreeSet<>();
        tickets.forEach(t -> clients.add(t.path("client").asText()));
        assertTrue(clients.size() >= 6, "tickets of several client families: " + clients);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode t : tickets) {
            String source = t.path("source").asText();
            assertTrue(source.startsWith("https://"), "every ticket names its source");
            tests.add(DynamicTest.dynamicTest(source, () -> {
                Reading r = ENGINE.read(t.path("text").asText(), Answers.NONE);
                assertEquals(strings(t.path("read")), read(r, Reading.Status.APPLIED), "answers applied");
                assertEquals(strings(t.path("contradictions")), read(r, Reading.Status.CONFLICT), "contradictions shown");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> realNearMissesGiveNothing() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode n : load("real-near-misses.yaml")) {
            tests.add(DynamicTest.dynamicTest(n.path("source").asText(), () ->
                    assertEquals(List.of(), ENGINE.read(n.path("text").asText(), Answers.NONE).extracted())));
        }
        return tests.stream();
    }
}
