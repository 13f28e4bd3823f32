package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Answers;
import rdptriage.inference.Engine;
import rdptriage.inference.Engines;

/** The terminal conversation, driven by scripted input. */
class InteractiveTest {

    private final Engine engine = Engines.compiled();
    private final StringWriter screen = new StringWriter();

    private Answers converse(String input, Answers start) {
        return converse(input, start, 80);
    }

    private Answers converse(String input, Answers start, int width) {
        return new Interactive(engine, new BufferedReader(new StringReader(input)), new PrintWriter(screen, true), width).run(start);
    }

    private String firstQuestion() {
        return engine.assess(Answers.NONE).nextQuestion().id();
    }

    @Test
    void anAnswerByNumberIsRecordedAndTheNextQuestionFollows() {
        Answers end = converse("1\ndone\n", Answers.NONE);
        assertEquals(1, end.values().size());
        assertTrue(end.answered(firstQuestion()));
        assertTrue(screen.toString().contains("How to find out"), screen.toString());
        assertTrue(screen.toString().contains("Leading now:"), screen.toString());
    }

    @Test
    void afterSixAnswersThePlanIsOfferedAndAnAnswerStillGoesOn() {
        Answers start = engine.answers(java.util.Map.of("error-code", "0x904", "extended-code", "0x7", "client-app", "mstsc",
                "host-os", "win10-11", "failure-moment", "after-credentials", "pattern", "dont-know"));
        Answers end = converse("1\ndone\n", start);
        assertTrue(screen.toString().contains("The plan is ready (6 questions answered"), screen.toString());
        assertEquals(7, end.values().size(), "the answer after the offer is kept");
    }

    @Test
    void backUndoesTheLastAnswer() {
        Answers end = converse("1\n1\nback\ndone\n", Answers.NONE);
        assertEquals(1, end.values().size());
    }

    @Test
    void changeRevisesAnEarlierAnswerAndKeepsTheOthers() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("error-code", "0x904");
        ordered.put("extended-code", "0x7");
        Answers start = engine.answers(ordered);
        Answers end = converse("change 1\n0x204\ndone\n", start);
        assertEquals("0x204", end.values().get("error-code"));
        assertEquals("0x7", end.values().get("extended-code"));
        assertTrue(screen.toString().contains("You asked to change this answer (it was 0x904)"), screen.toString());
    }

    @Test
    void anUnknownReplyIsExplainedAndTheQuestionAskedAgain() {
        Answers end = converse("banana\ndone\n", Answers.NONE);
        assertEquals(0, end.values().size());
        assertTrue(screen.toString().contains("'banana' is not one of the answers"), screen.toString());
    }

    @Test
    void endOfInputEndsTheConversationKeepingTheAnswers() {
        Answers end = converse("1\n", Answers.NONE);
        assertEquals(1, end.values().size());
    }

    @Test
    void theCommandLineRunsTheConversationAndPrintsTheResult() {
        Cli.Result r = Cli.runWithInput("1\ndone\n", "triage", "--interactive");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("How to find out") && r.out().contains("Fix plan"), r.out());
    }

    @Test
    void aMultipleQuestionTakesSeveralNumbersAndRefusesIDontKnowBesideThem() {
        Answers start = engine.answers(Map.of("recent-change", "none"));
        Answers end = converse("change 1\n3,4,6\n4 3\ndone\n", start);
        assertEquals("host-renamed,network-change", end.values().get("recent-change"));
        assertTrue(screen.toString().contains("Several answers can be true"), screen.toString());
        assertTrue(screen.toString().contains("\"I don't know\" cannot be given together with other answers"), screen.toString());
    }

    @Test
    void theExtendedCodeFollowsTheCodeInTheSameStep() {
        Answers end = converse("change 1\n0x904\n0x7\ndone\n", engine.answers(Map.of("error-code", "0x204")));
        assertEquals("0x904", end.values().get("error-code"));
        assertEquals("0x7", end.values().get("extended-code"));
        assertTrue(screen.toString().contains("Asked in the same step as the previous question."), screen.toString());
    }

    @Test
    void backAfterAChangeRestoresTheAnswerTheChangeReplaced() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("error-code", "0x904");
        ordered.put("extended-code", "0x7");
        Answers start = engine.answers(ordered);
        // change answer 1 to 0x204, then back: 0x904 again, not the answer gone
        Answers undone = converse("change 1\n0x204\nback\ndone\n", start);
        assertEquals("0x904", undone.values().get("error-code"), undone.values().toString());
        assertEquals("0x7", undone.values().get("extended-code"));
        // back while the change's question is open abandons the change
        Answers abandoned = converse("change 1\nback\ndone\n", start);
        assertEquals("0x904", abandoned.values().get("error-code"), abandoned.values().toString());
    }

    @Test
    void idEqualsValueAnswersAnyQuestionNotOnlyTheOneAsked() {
        Answers end = converse("host-os=server-2016-2022\ntcp-3389-test=nonsense\ndone\n", Answers.NONE);
        assertEquals("server-2016-2022", end.values().get("host-os"), end.values().toString());
        assertEquals(1, end.values().size(), "a bad value is refused with its message");
        assertTrue(screen.toString().contains("question 'tcp-3389-test' has no option 'nonsense'"), screen.toString());
        Answers back = converse("host-os=server-2016-2022\nback\ndone\n", Answers.NONE);
        assertTrue(back.values().isEmpty(), "back undoes it like any answer");
    }

    @Test
    void theLongCodeListAndTheProseFitTheTerminalWidth() {
        for (int width : new int[] {60, 80, 132}) {
            StringWriter out = new StringWriter();
            new Interactive(engine, new BufferedReader(new StringReader("done\n")), new PrintWriter(out, true), width)
                    .run(engine.answers(Map.of("client-app", "mstsc")));
            String code = rdptriage.render.TextReport.question(rdptriage.inference.Assessment.Ask.of(
                    engine.knowledge().question("error-code"), "why"), width);
            for (String line : code.split("\n")) {
                // a command line, or one word longer than the width (never broken, it may be pasted), may run over
                assertTrue(line.length() <= width || line.startsWith("      ") || !line.strip().contains(" "),
                        width + ": " + line.length() + " '" + line + "'");
            }
            assertTrue(code.contains(" 0x904"), code);
        }
    }
}
