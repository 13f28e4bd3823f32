package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Assessment;
import rdptriage.inference.Engine;
import rdptriage.inference.Engines;
import rdptriage.inference.Reading;
import rdptriage.inference.Scenarios;

/** The short ticket note fits a ticket comment whatever the session, and reads as plain text. */
class NoteReportTest {

    private final Engine engine = Engines.compiled();

    private String note(Map<String, String> answers) {
        Assessment a = engine.assess(engine.answers(answers)).forHost(rdptriage.inference.Host.parse("srv01"));
        return new NoteReport(engine.knowledge(), "https://rdp.example.org").render(a, Reading.NONE);
    }

    @Test
    void everyScenarioAndALongSessionFitInFourThousandCharacters() {
        int longest = 0;
        for (var s : Scenarios.all()) {
            String note = note(s.answers());
            longest = Math.max(longest, note.length());
            assertTrue(note.length() <= NoteReport.MAX_CHARS, s + ": " + note.length());
            assertTrue(note.contains("Session, with the full plan, its risks, rollbacks and checks: https://rdp.example.org/result?"), s.toString());
            assertTrue(note.contains("Next steps:\n1. ["), s + " has at least its first step:\n" + note);
        }
        Map<String, String> many = new LinkedHashMap<>();
        for (var q : engine.knowledge().questions()) {
            many.put(q.id(), q.options().get(0).value());
        }
        assertTrue(note(many).length() <= NoteReport.MAX_CHARS);
        assertTrue(longest > 3_000, "the budget is used, not left empty: " + longest);
    }

    @Test
    void itIsPlainTextWithTheLeaderItsReasonAndSourcesAsAddresses() {
        Map<String, String> answers = Map.of("error-code", "0x904", "extended-code", "0x7", "dialog-message", "internal-error",
                "cert-events", "yes");
        Assessment a = engine.assess(engine.answers(answers));
        String note = note(answers);
        assertTrue(note.contains("1. " + rdptriage.inference.Percent.of(a.leader().probability()) + " " + a.leader().title()), note);
        assertFalse(note.contains("**") || note.contains("\\[") || note.contains("###"), "no Markdown: " + note);
        assertTrue(note.contains("\nSources:\n[S"), note);
        assertTrue(note.lines().filter(l -> l.startsWith("[S")).allMatch(l -> l.matches("\\[S\\d+] https://\\S+")), note);
        assertTrue(note.contains("srv01"), "the host is filled in");
        assertEquals(note, note.strip() + "\n");
    }
}
