package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.render.Json;

class TriageCommandTest {

    @TempDir
    Path dir;

    private static JsonNode json(Cli.Result r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode a = json(Cli.run("triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7", "--format", "json"));
        assertEquals("0x904", a.get("answers").get("error-code").asText());
        double sum = a.get("unlisted").asDouble();
        for (JsonNode c : a.get("causes")) {
            assertTrue(c.has("id") && c.has("title") && c.has("probability") && c.get("reasons").isArray(), c.toString());
            sum += c.get("probability").asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        JsonNode next = a.get("next_question");
        assertTrue(next.isNull() || (next.has("id") && next.has("text") && next.has("help") && next.has("options") && next.has("why")));
        assertTrue(a.get("plan").isArray() && a.get("plan").size() > 0);
        assertFalse(a.get("plan_ready").asBoolean(), "two answers: the plan is not offered yet");
        assertTrue(a.get("plan_ready_reason").isNull());
        JsonNode first = a.get("plan").get(0);
        assertTrue(first.has("step") && first.has("kind") && first.has("steps") && first.has("risk"), first.toString());
    }

    @Test
    void afterSixAnswersTheJsonSaysThePlanIsReadyAndStillNamesTheNextQuestion() throws Exception {
        JsonNode a = json(Cli.run("triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7",
                "--answer", "client-app=mstsc", "--answer", "host-os=win10-11", "--answer", "failure-moment=after-credentials",
                "--answer", "pattern=dont-know", "--format", "json"));
        assertTrue(a.get("plan_ready").asBoolean(), a.toString());
        assertTrue(a.get("plan_ready_reason").asText().startsWith("6 questions answered"), a.get("plan_ready_reason").asText());
        assertTrue(a.get("next_question").has("id"), "the user can go on");
    }

    @Test
    void withoutAnswersItPrintsTheStartingAssessmentAndTheFirstQuestion() throws Exception {
        JsonNode a = json(Cli.run("triage", "--format", "json"));
        assertEquals(0, a.get("answers").size());
        assertFalse(a.get("next_question").isNull());
    }

    @Test
    void answersComeFromAFileOrStandardInput() throws Exception {
        Path file = dir.resolve("answers.json");
        Files.writeString(file, "{\"error-code\": \"0x904\", \"extended-code\": 7}");
        JsonNode fromFile = json(Cli.run("triage", "--answers", file.toString(), "--format", "json"));
        JsonNode fromStdin = json(Cli.runWithInput("{\"error-code\": \"0x904\", \"extended-code\": 7}", "triage", "--answers", "-", "--format", "json"));
        assertEquals("0x7", fromFile.get("answers").get("extended-code").asText());
        assertEquals(fromFile, fromStdin);
    }

    @Test
    void anAnswerOnTheCommandLineOverridesTheFile() throws Exception {
        Path file = dir.resolve("answers.json");
        Files.writeString(file, "{\"error-code\": \"0x904\"}");
        JsonNode a = json(Cli.run("triage", "--answers", file.toString(), "--answer", "error-code=0x204", "--format", "json"));
        assertEquals("0x204", a.get("answers").get("error-code").asText());
    }

    @Test
    void markdownIsATicketNoteWithTheSessionLink() {
        Cli.Result r = Cli.run("triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7", "--format", "markdown",
                "--base-url", "https://triage.example.org/");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Session: https://triage.example.org/triage?error-code=0x904&extended-code=0x7"), r.out());
        assertTrue(r.out().contains("### Causes, most likely first") && r.out().contains("### Fix plan"), r.out());
        assertTrue(r.out().contains("```"), "commands are fenced");
    }

    @Test
    void textShowsRankingAndPlan() {
        Cli.Result r = Cli.run("triage", "--answer", "error-code=0x904");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Causes, most likely first") && r.out().contains("Fix plan"), r.out());
        assertTrue(r.out().contains("None of the known causes:"), r.out());
    }

    @Test
    void unknownQuestionExitsTwoNamingIt() {
        Cli.Result r = Cli.run("triage", "--answer", "colour=blue");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown question 'colour'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void badValueExitsTwoListingTheOptions() {
        Cli.Result r = Cli.run("triage", "--answer", "tcp-3389-test=perhaps");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("question 'tcp-3389-test' has no option 'perhaps'; expected one of: succeeded, failed, dont-know"), r.err());
    }

    @Test
    void malformedAnswersFileExitsTwoWithTheLine() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"error-code\": \"0x904\",,\n}");
        Cli.Result r = Cli.run("triage", "--answers", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not valid JSON at line 2"), r.err());
    }

    @Test
    void answersFileThatIsNotAnObjectExitsTwo() throws Exception {
        Path file = dir.resolve("list.json");
        Files.writeString(file, "[\"error-code\", \"0x904\"]");
        Cli.Result r = Cli.run("triage", "--answers", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("expected a JSON object of question id to value"), r.err());
    }

    @Test
    void hugeAnswersFileIsRefused() throws Exception {
        Path file = dir.resolve("huge.json");
        Files.writeString(file, "{\"error-code\": \"" + "x".repeat(2_000_000) + "\"}");
        Cli.Result r = Cli.run("triage", "--answers", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("larger than"), r.err());
    }

    @Test
    void missingFileAndMissingFolderExitTwo() {
        Cli.Result r = Cli.run("triage", "--answers", dir.resolve("nope.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
        r = Cli.run("triage", "--knowledge", dir.resolve("nope").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--knowledge") && r.err().contains("no such folder"), r.err());
    }

    @Test
    void answerWithoutEqualsSignExitsTwo() {
        Cli.Result r = Cli.run("triage", "--answer", "error-code");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--answer 'error-code': expected ID=VALUE"), r.err());
    }

    @Test
    void hostileValueIsClippedInTheMessage() {
        Cli.Result r = Cli.run("triage", "--answer", "error-code=<script>alert(1)</script>" + "A".repeat(500));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(525 characters)"), r.err());
        assertTrue(r.err().length() < 2000, "message stays short");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : new String[] {"triage", "batch", "questions", "causes", "lint"}) {
            Cli.Result r = Cli.run(cmd, "--help");
            assertEquals(0, r.exit(), cmd);
            assertTrue(r.out().contains("Usage: rdp-triage " + cmd), r.out());
        }
    }

    @Test
    void unknownSubcommandExitsTwo() {
        Cli.Result r = Cli.run("diagnose");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unmatched argument") || r.err().contains("Unknown"), r.err());
    }

    @Test
    void severalAnswersToOneQuestionAsRepeatedFlagsAListOrCommas() throws IOException {
        String joined = "\"recent-change\" : \"host-renamed,network-change\"";
        Cli.Result flags = Cli.run("triage", "--answer", "recent-change=network-change", "--answer", "recent-change=host-renamed",
                "--format", "json");
        assertEquals(0, flags.exit(), flags.err());
        assertTrue(flags.out().contains(joined), flags.out());
        Path file = dir.resolve("several.json");
        Files.writeString(file, "{\"recent-change\": [\"host-renamed\", \"network-change\"]}");
        Cli.Result list = Cli.run("triage", "--answers", file.toString(), "--format", "json");
        assertEquals(flags.out(), list.out());
        Cli.Result commas = Cli.run("triage", "--answer", "recent-change=host-renamed,network-change", "--format", "json");
        assertEquals(flags.out(), commas.out());
    }

    @Test
    void aListForAQuestionThatTakesOneAnswerExitsTwoNamingIt() throws IOException {
        Path file = dir.resolve("two.json");
        Files.writeString(file, "{\"tcp-3389-test\": [\"succeeded\", \"failed\"]}");
        Cli.Result r = Cli.run("triage", "--answers", file.toString(), "--format", "json");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("question 'tcp-3389-test' takes one answer, found 2"), r.err());
        Files.writeString(file, "{\"recent-change\": [\"host-renamed\", {\"x\": 1}]}");
        r = Cli.run("triage", "--answers", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("must be a string, or a list of strings for several answers"), r.err());
    }

    @Test
    void topCutsTheCausesAndThePlanToTheMostLikelyOnesInEveryFormat() throws IOException {
        Cli.Result json = Cli.run("triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7", "--top", "2", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode out = Json.MAPPER.readTree(json.out());
        assertEquals(2, out.get("causes").size());
        java.util.Set<String> kept = java.util.Set.of(out.get("causes").get(0).get("id").asText(), out.get("causes").get(1).get("id").asText());
        assertTrue(out.get("plan").size() > 0);
        out.get("plan").forEach(p -> assertTrue(kept.contains(p.get("cause").asText()) || p.get("cause").asText().equals("unlisted"), p.toString()));
        Cli.Result text = Cli.run("triage", "--answer", "error-code=0x904", "--answer", "extended-code=0x7", "--top", "2");
        assertTrue(text.out().contains("  2. ") && !text.out().contains("  3. "), text.out());
        assertTrue(text.out().contains("... 18 more, together"), text.out());
        Cli.Result zero = Cli.run("triage", "--answer", "error-code=0x904", "--top", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--top must be at least 1, found 0"), zero.err());
    }

    @Test
    void aTicketFileOrStandardInputIsReadIntoAnswersAndShownWithItsWords() throws IOException {
        Path file = dir.resolve("ticket.txt");
        Files.writeString(file, "User: since Monday I get\r\nError code: 0x904\r\nExtended error code: 0x7\r\n");
        Cli.Result r = Cli.run("triage", "--ticket", file.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertEquals("0x904", json.get("answers").get("error-code").asText());
        assertEquals("Error code: 0x904", json.get("extracted").get(0).get("text").asText());
        Cli.Result text = Cli.runWithInput("Error code: 0x904", "triage", "--ticket", "-", "--answer", "error-code=0x204");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("Read from the text"), text.out());
        // the text report wraps its prose to the terminal's width
        assertTrue(text.out().replaceAll("\\s+", " ").contains("not used: your answer \"0x204: Windows Sockets connect failed.\" is kept"),
                text.out());
    }

    @Test
    void aBadTicketFileIsExitTwoWithAMessage() throws IOException {
        Cli.Result missing = Cli.run("triage", "--ticket", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Cli.Result folder = Cli.run("triage", "--ticket", dir.toString());
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "y".repeat(70_000));
        Cli.Result over = Cli.run("triage", "--ticket", big.toString());
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("70000 characters long; at most 65536"), over.err());
        assertFalse(over.err().contains("Exception"), over.err());
        Cli.Result both = Cli.runWithInput("x", "triage", "--ticket", "-", "--answers", "-");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("both read standard input"), both.err());
    }

    @Test
    void anEndlessDeviceAsAnswersOrTicketIsRefusedAtTheLimit() {
        Cli.Result answers = Cli.run("triage", "--answers", "/dev/zero");
        assertEquals(2, answers.exit(), answers.err());
        assertTrue(answers.err().contains("answers file /dev/zero: larger than"), answers.err());
        Cli.Result ticket = Cli.run("triage", "--ticket", "/dev/zero");
        assertEquals(2, ticket.exit(), ticket.err());
        assertTrue(ticket.err().contains("ticket file /dev/zero: larger than"), ticket.err());
    }

    @Test
    void pipedInputWithoutInteractiveIsRefusedNotIgnored() {
        Cli.Result r = Cli.runWithInput("error-code=0x904\n", "triage");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("read only with --interactive"), r.err());
        assertEquals("", r.out());
        Cli.Result asked = Cli.runWithInput("1\n", "triage", "--interactive");
        assertEquals(0, asked.exit(), asked.err());
    }

    @Test
    void aQuestionGivenTwiceInAnAnswersFileOrABatchLineIsAnError() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("answers", ".json");
        java.nio.file.Files.writeString(file, "{\"error-code\": \"0x904\", \"error-code\": \"0x204\"}");
        Cli.Result answers = Cli.run("triage", "--answers", file.toString());
        assertEquals(2, answers.exit());
        assertTrue(answers.err().contains("Duplicate field 'error-code'"), answers.err());
        Cli.Result batch = Cli.runWithInput("{\"id\": 1, \"answers\": {\"error-code\": \"0x904\", \"error-code\": \"0x204\"}}\n", "batch");
        assertEquals(2, batch.exit());
        assertTrue(batch.out().contains("Duplicate field 'error-code'"), batch.out());
        Cli.Result flags = Cli.run("triage", "--answer", "error-code=0x904", "--answer", "error-code=0x204");
        assertEquals(2, flags.exit());
        assertTrue(flags.err().contains("question 'error-code' takes one answer, found 2"), flags.err());
    }

    @Test
    void theConversationEndsWithTheSessionLink() {
        Cli.Result r = Cli.runWithInput("host-os=server-2016-2022\ndone\n", "triage", "--interactive", "--base-url", "https://rdp.example.org");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().strip().endsWith("Session: https://rdp.example.org/triage?host-os=server-2016-2022"), r.out());
    }
}
