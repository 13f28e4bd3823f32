package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rdptriage.inference.Engines;
import rdptriage.inference.Frames;
import rdptriage.inference.Reading;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.CollectScript.Side;

/**
 * Whole outputs of the host script, recorded (src/test/resources/collect/, each command's output
 * from a public source named in signals/*.yaml), pasted back: a healthy host, and a host whose
 * TermService is stopped and whose certificate has expired, give the answers a person reads from
 * them (expected.txt), each from its check's frame; and the script's own summary, read with the
 * same patterns, says the same (issue 14).
 */
class CollectedOutputTest {

    private static final KnowledgeBase KB = Engines.knowledge();

    @ParameterizedTest
    @ValueSource(strings = {"host-healthy.txt", "host-termservice-stopped-cert-expired.txt"})
    void aPastedHostOutputGivesTheAnswersAPersonWouldGiveEachFromItsCheck(String fixture) throws IOException {
        String output = resource(fixture);
        Reading reading = Engines.compiled().read(output, rdptriage.inference.Answers.NONE);
        Map<String, String> read = new TreeMap<>();
        for (Reading.Extracted e : reading.extracted()) {
            assertEquals(Reading.Status.APPLIED, e.status(), e.toString());
            assertNotNull(e.check(), "read inside a check's frame: " + e);
            read.merge(e.question(), e.value(), (a, b) -> a + "," + b);
        }
        assertEquals(expected().get(fixture), read);
        Set<String> framed = new TreeSet<>();
        Frames.in(output).forEach(f -> framed.add(f.check()));
        Set<String> collected = new TreeSet<>();
        CollectScript.checks(KB, Side.HOST).forEach(k -> collected.add(k.id()));
        assertEquals(collected, framed, "the recording has a frame for every check of today's host script");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host-healthy.txt", "host-termservice-stopped-cert-expired.txt"})
    void theScriptsSummaryReadsEachFrameAsThePasteBoxDoes(String fixture) throws IOException {
        String output = resource(fixture);
        Reading reading = Engines.compiled().read(output, rdptriage.inference.Answers.NONE);
        for (Frames.Frame f : Frames.in(output)) {
            Check k = check(f.check());
            String even = output.substring(f.start(), f.end()).replaceAll("[\u2018\u2019]", "'").replaceAll("[\u201C\u201D]", "\"")
                    .replaceAll("\\s+", " ");
            Set<String> summary = new TreeSet<>();
            for (String[] r : CollectScript.readers(KB, k)) {
                if (Pattern.compile(r[0], Pattern.CASE_INSENSITIVE).matcher(even).find()) {
                    summary.add(r[1]);
                }
            }
            Set<String> box = new TreeSet<>();
            for (Reading.Extracted e : reading.extracted()) {
                if (e.question().equals(k.answers())) {
                    box.add(e.question() + ": " + KB.question(e.question()).label(e.value()));
                }
            }
            // an answer read twice is shown once, with the first check that gave it (the firewall check
            // also prints the network profile), and the paste box also reads the frame's marker lines,
            // where the summary reads only the output: what the summary finds, the paste box finds too
            assertTrue(box.containsAll(summary), fixture + ", " + f.check() + ": summary " + summary + ", paste box " + box);
        }
    }

    private static Check check(String id) {
        return CollectScript.checks(KB, Side.HOST).stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no collected host check " + id));
    }

    /** expected.txt: under [file], one question=value per line. */
    private static Map<String, Map<String, String>> expected() throws IOException {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : resource("expected.txt").split("\n")) {
            String s = line.strip();
            if (s.startsWith("[") && s.endsWith("]")) {
                current = new TreeMap<>();
                all.put(s.substring(1, s.length() - 1), current);
            } else if (!s.isEmpty() && !s.startsWith("#")) {
                String[] qv = s.split("=", 2);
                current.put(qv[0], qv[1]);
            }
        }
        return all;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CollectedOutputTest.class.getResourceAsStream("/collect/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
