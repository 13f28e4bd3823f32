package rdptriage.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Engines;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.Fix;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Step;
import rdptriage.render.CatalogueView;
import rdptriage.render.Json;
import rdptriage.render.Markdown;

class SearchIndexTest {

    private static final String HOSTILE = "</script><script>alert(1)</script>\u2028\u2029<!--";

    private final KnowledgeBase kb = Engines.knowledge();

    private byte[] script(Map<String, List<String>> codesByCause) {
        return new SearchIndex(kb, codesByCause, new Markdown()).script();
    }

    /** The entries by href, after checking the script is the prefix, one JSON object and a semicolon. */
    private static Map<String, JsonNode> entries(byte[] script) throws JsonProcessingException {
        String s = new String(script, StandardCharsets.UTF_8);
        assertTrue(s.startsWith(SearchIndex.PREFIX), s.substring(0, 80));
        assertTrue(s.endsWith("};\n"));
        JsonNode index = Json.MAPPER.readTree(s.substring(SearchIndex.PREFIX.length(), s.length() - 2));
        Map<String, JsonNode> byHref = new HashMap<>();
        index.get("entries").forEach(e -> assertEquals(null, byHref.put(e.get("href").asText(), e), "twice: " + e.get("href")));
        return byHref;
    }

    private static List<String> codes(JsonNode entry) {
        return Arrays.asList(entry.get("fields").get("codes").asText().split(" "));
    }

    @Test
    void theSameKnowledgeGivesTheSameBytes() {
        Map<String, List<String>> codes = Map.of("rdp-certificate", List.of("0x904", "0x7"));
        assertArrayEquals(script(codes), script(codes));
    }

    @Test
    void everyCauseCodeAndQuestionHasAnEntryOfItsKind() throws JsonProcessingException {
        Map<String, JsonNode> entries = entries(script(Map.of()));
        kb.causes().forEach(c -> assertEquals("cause", entries.get("causes/" + c.id() + ".html").get("kind").asText(), c.id()));
        kb.tables().forEach(t -> t.codes().forEach(e ->
                assertEquals("code", entries.get("codes.html#" + CatalogueView.anchorOf(t, e)).get("kind").asText(), e.code())));
        kb.questions().forEach(q -> assertEquals("question", entries.get("flow.html#q-" + q.id()).get("kind").asText(), q.id()));
        int codes = kb.tables().stream().mapToInt(t -> t.codes().size()).sum();
        assertEquals(kb.causes().size() + codes + kb.questions().size(), entries.size());
    }

    @Test
    void checkAndRollbackCommandsAreInTheirCausesCommands() throws JsonProcessingException {
        Map<String, JsonNode> entries = entries(script(Map.of()));
        Cause tested = kb.causes().stream()
                .filter(c -> c.confirm().stream().anyMatch(k -> k.command() != null && k.command().contains("Test-NetConnection")))
                .findFirst().orElseThrow();
        String test = tested.confirm().stream().map(Check::command).filter(s -> s != null && s.contains("Test-NetConnection"))
                .findFirst().orElseThrow().strip();
        assertTrue(commands(entries, tested).contains(test), tested.id() + " lacks " + test);

        Cause undone = kb.causes().stream()
                .filter(c -> c.fixes().stream().anyMatch(f -> f.rollback().stream().anyMatch(s -> s.command() != null)))
                .findFirst().orElseThrow();
        String rollback = undone.fixes().stream().map(Fix::rollback).flatMap(List::stream).map(Step::command)
                .filter(s -> s != null).findFirst().orElseThrow().strip();
        assertTrue(commands(entries, undone).contains(rollback), undone.id() + " lacks " + rollback);
    }

    private static String commands(Map<String, JsonNode> entries, Cause c) {
        return entries.get("causes/" + c.id() + ".html").get("fields").get("commands").asText();
    }

    @Test
    void codesPointingToACauseAndCodesItsArticleMentionsAreInItsCodes() throws JsonProcessingException {
        Map<String, JsonNode> entries = entries(script(Map.of("rdp-certificate", List.of("0x904", "0x7", "2308"))));
        List<String> codes = codes(entries.get("causes/rdp-certificate.html"));
        assertTrue(codes.containsAll(List.of("0x904", "0x7", "2308")), codes.toString());
        // the article mentions 0x1B07, the expired-certificate code (6919), and the Schannel result 0x8009030D
        assertTrue(codes.containsAll(List.of("0x1B07", "6919", "0x8009030D")), codes.toString());
        assertEquals(codes.stream().distinct().toList(), codes, "each code once");
    }

    @Test
    void symptomsAreTheHowItShowsUpSectionAsPlainText() throws JsonProcessingException {
        String symptoms = entries(script(Map.of())).get("causes/rdp-certificate.html").get("fields").get("symptoms").asText();
        assertTrue(symptoms.contains("The host's System log shows event 1058"), symptoms);
        assertTrue(symptoms.contains("Cert:\\LocalMachine\\Remote Desktop is empty"), symptoms);
        assertFalse(symptoms.contains("**") || symptoms.contains("`") || symptoms.contains("[S10]") || symptoms.contains("\n"), symptoms);
        assertFalse(symptoms.contains("documented as \"socket closed\""), "the next section is not part of it");
    }

    @Test
    void hostileTextStaysInsideItsString() throws JsonProcessingException {
        byte[] script = script(Map.of("rdp-certificate", List.of(HOSTILE)));
        String s = new String(script, StandardCharsets.UTF_8);
        assertTrue(s.chars().allMatch(ch -> ch < 0x80), "ASCII only");
        String json = s.substring(SearchIndex.PREFIX.length());
        assertFalse(json.contains("<") || json.contains(">"), "no markup characters at all");
        assertEquals(HOSTILE, codes(entries(script).get("causes/rdp-certificate.html")).get(0), "read back unchanged");
    }
}
