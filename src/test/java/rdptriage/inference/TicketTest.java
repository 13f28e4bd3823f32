package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.inference.Reading.Status;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Problem;

/** Reading a paste into answers: codes in any notation, overlaps, contradictions, the user's answers, limits. */
class TicketTest {

    private static final Engine ENGINE = Engines.compiled();

    private static Reading read(String text) {
        return ENGINE.read(text, Answers.NONE);
    }

    private static Map<String, String> answers(String text) {
        return read(text).answers().values();
    }

    @Test
    void theFullDialogAnswersBothCodesAndTheMessage() {
        Map<String, String> a = answers("""
                Remote Desktop Connection
                This computer can't connect to the remote computer.
                Try connecting again. If the problem continues, contact the owner of the remote computer or your network administrator.
                Error code: 0x904
                Extended error code: 0x7
                """);
        assertEquals("0x904", a.get("error-code"));
        assertEquals("0x7", a.get("extended-code"));
        assertEquals("generic-cant-connect", a.get("dialog-message"));
    }

    @Test
    void aCodeIsReadInAnyNotation() {
        assertEquals("0x904", answers("Error code: 0x0904").get("error-code"));
        assertEquals("0x904", answers("error code 2308").get("error-code"));
        assertEquals("0x904", answers("ERROR CODE: 0X904").get("error-code"));
        assertEquals("0x904", answers("RDP ClientActiveX has been disconnected (Reason= 2308)").get("error-code"));
        assertEquals("0x1B07", answers("Error code: 0x1b07").get("error-code"));
    }

    @Test
    void aNumberMicrosoftDoesNotListAnswersOther() {
        assertEquals("other", answers("Error code: 0x2104").get("error-code"));
    }

    @Test
    void theExtendedCodeIsNotAlsoReadAsTheCode() {
        Reading r = read("Extended error code: 0x7");
        assertEquals(Map.of("extended-code", "0x7"), r.answers().values());
        assertEquals(1, r.extracted().size());
    }

    @Test
    void eachAnswerCarriesTheWordsThatProducedItAsWritten() {
        Reading r = read("the user says:\n  Error   code:\n 0x904 and nothing more");
        assertEquals("Error code: 0x904", r.extracted().get(0).text());
        assertEquals("dialog-error-code", r.extracted().get(0).signal());
    }

    @Test
    void curlyQuotesAndLineBreaksDoNotHideAPhrase() {
        assertEquals("generic-cant-connect", answers("This computer can\u2019t connect\nto the remote computer.").get("dialog-message"));
    }

    @Test
    void twoDifferentCodesAreAContradictionShownAndNotApplied() {
        Reading r = read("First try: error code 0x904. Second try: error code 0x204.");
        assertTrue(!r.answers().answered("error-code"), "neither code may be taken");
        assertEquals(List.of(Status.CONFLICT, Status.CONFLICT), r.extracted().stream().map(Reading.Extracted::status).toList());
    }

    @Test
    void theSameCodeTwiceIsOneAnswer() {
        Reading r = read("error code 0x904 ... and again: Error code: 0x904");
        assertEquals("0x904", r.answers().values().get("error-code"));
        assertEquals(1, r.extracted().size());
    }

    @Test
    void theUsersAnswerWinsAndTheReadOneIsMarkedOverridden() {
        Reading r = ENGINE.read("Error code: 0x904", ENGINE.answers(Map.of("error-code", "0x204")));
        assertEquals("0x204", r.answers().values().get("error-code"));
        assertEquals(Status.OVERRIDDEN, r.extracted().get(0).status());
        Reading same = ENGINE.read("Error code: 0x904", ENGINE.answers(Map.of("error-code", "0x904")));
        assertEquals(Status.GIVEN, same.extracted().get(0).status());
    }

    @Test
    void readAnswersComeBeforeTheGivenOnesWhichKeepTheirOrder() {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("client-app", "mstsc");
        given.put("error-code", "0x904");
        Reading r = ENGINE.read("Extended error code: 0x7", ENGINE.answers(given));
        assertEquals(List.of("extended-code", "client-app", "error-code"), List.copyOf(r.answers().values().keySet()));
    }

    @Test
    void aNegationBeforeProseWordsUndoesThemInThatSentenceOnly() {
        Map<String, String> a = answers("We do not use ngrok. Since last week we connect through an SSH tunnel, and I didn't rename the host.");
        assertEquals("tunnel", a.get("unusual-setup"), "the second sentence still counts");
        assertTrue(!a.containsKey("recent-change"), "\"didn't rename\" is not a rename: " + a);
    }

    @Test
    void textWithoutSignalsAnswersNothing() {
        assertTrue(read("Hello, my printer does not print since Monday. Thanks, Anna").extracted().isEmpty());
        assertTrue(read("").extracted().isEmpty());
        assertTrue(read(null).extracted().isEmpty());
    }

    @Test
    void aPasteOver64KbIsRefusedNamingItsSizeAndTheLimit() {
        BadInput e = assertThrows(BadInput.class, () -> read("x".repeat(Ticket.MAX_CHARS + 1)));
        assertTrue(e.getMessage().contains((Ticket.MAX_CHARS + 1) + " characters") && e.getMessage().contains("64 KB"), e.getMessage());
    }

    @Test
    void aHostileFullSizePasteIsReadAndFindsWhatItHolds() {
        // repeated near-matches ("error code" without a number) are the worst case for a backtracking
        // matcher; RE2 reads them in one pass. The size, not the time, is asserted here (see bench/).
        String hostile = "error code error code: : 0x ".repeat(3_000) + "Error code: 0x904";
        String text = hostile.substring(hostile.length() - Ticket.MAX_CHARS + 100);
        assertEquals("0x904", answers(text).get("error-code"));
    }

    @Test
    void lintCatchesASignalThatMissesItsExampleOrMatchesItsNearMiss(@TempDir Path dir) throws IOException {
        Path signals = Files.createDirectories(dir.resolve("signals"));
        Files.writeString(signals.resolve("desk.yaml"), """
                title: A help desk's own signals
                signals:
                  - id: desk-vpn
                    words: ["our VPN dropped"]
                    means: [network-location=only-remote]
                    sources: [S7]
                    examples: ["the VPN dropped again"]
                    near_misses: ["our VPN dropped twice"]
                """);
        List<Problem> problems = Lint.run(KnowledgeBase.withBuiltIn(List.of(new KnowledgeBase.Root("desk", dir))), List.of()).problems();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("does not read 'network-location=only-remote' from its example")
                && p.file().endsWith("desk.yaml") && p.line() == 3), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("matches its near miss")), problems.toString());
    }

    @Test
    void lintCatchesASignalNamingAnUnknownOptionOrABadRegex(@TempDir Path dir) throws IOException {
        Path signals = Files.createDirectories(dir.resolve("signals"));
        Files.writeString(signals.resolve("desk.yaml"), """
                title: A help desk's own signals
                signals:
                  - id: desk-bad
                    regex: '(?<=look)behind'
                    means: [tcp-3389-test=maybe, pattern=dont-know]
                    sources: [S7]
                    examples: ["lookbehind"]
                  - id: desk-empty
                    regex: '(?:vpn)?'
                    means: [network-location=only-remote]
                    sources: [S7]
                    examples: ["vpn"]
                """);
        List<Problem> problems = KnowledgeBase.read(KnowledgeBase.withBuiltIn(List.of(new KnowledgeBase.Root("desk", dir)))).problems();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("has no option 'maybe'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("not valid RE2")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("a text never says")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("matches an empty text")), problems.toString());
    }
}
