package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rdptriage.render.Json;

class BatchCommandTest {

    @TempDir
    Path dir;

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            list.add(Json.MAPPER.readTree(line));
        }
        return list;
    }

    @Test
    void everyTicketIsAnsweredInOrder() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            in.append("{\"id\": \"T-").append(i).append("\", \"answers\": {\"error-code\": \"")
                    .append(i % 2 == 0 ? "0x904" : "0x204").append("\"}}\n");
        }
        Cli.Result r = Cli.runWithInput(in.toString(), "batch", "--full");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> out = lines(r.out());
        assertEquals(600, out.size());
        for (int i = 0; i < 600; i++) {
            assertEquals("T-" + i, out.get(i).get("id").asText());
            assertEquals(i % 2 == 0 ? "0x904" : "0x204", out.get(i).get("result").get("answers").get("error-code").asText());
        }
        Cli.Result compact = Cli.runWithInput(in.toString(), "batch");
        assertEquals(0, compact.exit(), compact.err());
        List<JsonNode> brief = lines(compact.out());
        assertEquals(600, brief.size());
        for (int i = 0; i < 600; i++) {
            assertEquals("T-" + i, brief.get(i).get("id").asText());
            assertEquals(out.get(i).get("result").get("causes").get(0).get("id"), brief.get(i).get("result").get("causes").get(0).get("id"));
        }
    }

    @Test
    void theCompactRecordIsTheTopCausesWithTheirStrongestReasonTheNextQuestionAndWhatWasRead() throws Exception {
        String lines = String.join("\n",
                "{\"id\": \"a\", \"answers\": {\"error-code\": \"0x904\", \"extended-code\": \"0x7\"}}",
                "{\"id\": 2, \"ticket\": \"Error code: 0x204\", \"answers\": {\"host-power\": \"maybe-asleep\"}, \"host\": \"srv01\"}",
                "{\"id\": \"c\", \"answers\": {\"error-code\": \"0x904\", \"extended-code\": \"0x7\", \"tcp-3389-test\": \"succeeded\","
                        + " \"other-clients\": \"yes\", \"other-profile\": \"no\", \"rd-gateway\": \"no\", \"network-location\": \"everywhere\"}}",
                "{\"id\": \"d\", \"answers\": {\"eror-code\": \"0x904\"}}") + "\n";
        Cli.Result compact = Cli.runWithInput(lines, "batch");
        Cli.Result full = Cli.runWithInput(lines, "batch", "--full");
        assertEquals(2, compact.exit(), compact.err());
        assertEquals(2, full.exit(), full.err());
        List<JsonNode> c = lines(compact.out());
        List<JsonNode> f = lines(full.out());
        assertEquals(f.size(), c.size());
        for (int i = 0; i < c.size(); i++) {
            assertEquals(f.get(i).get("id"), c.get(i).get("id"));
            if (!f.get(i).has("result")) {
                assertEquals(f.get(i), c.get(i), "an error record is the same in both");
                continue;
            }
            JsonNode small = c.get(i).get("result");
            JsonNode big = f.get(i).get("result");
            assertEquals(List.of("causes", "unlisted", "next_question", "extracted"), fields(small));
            assertEquals(3, small.get("causes").size());
            for (int k = 0; k < 3; k++) {
                JsonNode cause = small.get("causes").get(k);
                JsonNode whole = big.get("causes").get(k);
                assertEquals(whole.get("id"), cause.get("id"));
                assertEquals(whole.get("title"), cause.get("title"));
                assertEquals(whole.get("probability"), cause.get("probability"));
                assertEquals(whole.get("reasons").isEmpty() ? null : whole.get("reasons").get(0).get("text"), cause.get("reason"));
            }
            assertEquals(big.get("unlisted"), small.get("unlisted"));
            JsonNode next = small.get("next_question");
            assertEquals(big.get("next_question").isNull() ? List.of() : List.of("id", "text"), next.isNull() ? List.of() : fields(next));
            if (!next.isNull()) {
                assertEquals(big.get("next_question").get("id"), next.get("id"));
                assertEquals(big.get("next_question").get("text"), next.get("text"));
            }
            assertEquals(big.get("extracted"), small.get("extracted"));
        }
        JsonNode read = c.get(1).get("result").get("extracted").get(0);
        assertEquals("error-code", read.get("question").asText());
        assertEquals("0x204", read.get("value").asText());
        assertTrue(read.get("text").asText().contains("0x204"), read.toString());
        assertTrue(compact.out().length() * 10 < full.out().length(), "compact records are a fraction of the full ones");
    }

    /** Each line of --full is today's full record: what triage --format json prints for the same answers, text and host. */
    @Test
    void fullIsTheTriageResult() throws Exception {
        Path ticket = dir.resolve("ticket.txt");
        Files.writeString(ticket, "Error code: 0x904\nExtended error code: 0x7");
        String line = "{\"id\": 1, \"ticket\": \"Error code: 0x904\\nExtended error code: 0x7\", \"answers\": {\"tcp-3389-test\": \"succeeded\"},"
                + " \"host\": \"srv01\"}\n";
        JsonNode result = lines(Cli.runWithInput(line, "batch", "--full").out()).get(0).get("result");
        Cli.Result triage = Cli.run("triage", "--ticket", ticket.toString(), "--answer", "tcp-3389-test=succeeded", "--host", "srv01",
                "--format", "json");
        assertEquals(0, triage.exit(), triage.err());
        assertEquals(Json.MAPPER.readTree(triage.out()), result);
        assertTrue(result.get("plan").size() > 0);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aBadLineGetsAnErrorRecordAndTheOthersAreStillAnswered() throws Exception {
        Path file = dir.resolve("tickets.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": 1, \"answers\": {\"error-code\": \"0x904\"}}",
                "{\"id\": 2, \"answers\": {\"error-code\": \"0x904\"",
                "{\"id\": 3, \"answers\": {\"cable\": \"blue\"}}",
                "",
                "{\"answers\": {}}",
                "{\"id\": 6, \"answers\": [\"x\"]}",
                "{\"id\": 7, \"answers\": {\"error-code\": \"" + "9".repeat(300_000) + "\"}}",
                "{\"id\": 8, \"answers\": {\"tcp-3389-test\": \"failed\"}}") + "\n");
        Cli.Result r = Cli.run("batch", file.toString());
        assertEquals(2, r.exit(), "a rejected line makes the exit status 2");
        List<JsonNode> out = lines(r.out());
        assertEquals(7, out.size(), "one output per non-blank input line");
        assertTrue(out.get(0).has("result"));
        assertEquals(2, out.get(1).get("line").asInt());
        assertTrue(out.get(1).get("error").asText().startsWith("not valid JSON"), out.get(1).toString());
        assertTrue(out.get(2).get("error").asText().contains("unknown question 'cable'"), out.get(2).toString());
        assertEquals(3, out.get(2).get("id").asInt());
        assertEquals(5, out.get(3).get("line").asInt());
        assertTrue(out.get(3).get("error").asText().contains("missing \"id\""), out.get(3).toString());
        assertTrue(out.get(4).get("error").asText().contains("expected a JSON object of question id to value"), out.get(4).toString());
        assertTrue(out.get(5).get("error").asText().contains("line longer than"), out.get(5).toString());
        assertEquals(8, out.get(6).get("id").asInt());
        assertTrue(out.get(6).has("result"));
    }

    @Test
    void aTicketTextIsReadIntoAnswersBesideTheGivenOnes() throws Exception {
        Path file = dir.resolve("tickets.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"t1\", \"ticket\": \"error code 0x904, extended error code 0x7\"}",
                "{\"id\": \"t2\", \"ticket\": \"Error code: 0x904\", \"answers\": {\"error-code\": \"0x204\"}}",
                "{\"id\": \"t3\", \"ticket\": 42}",
                "{\"id\": \"t4\"}",
                "{\"id\": \"t5\", \"ticket\": \"" + "x".repeat(70_000) + "\"}") + "\n");
        Cli.Result r = Cli.run("batch", "--full", file.toString());
        List<JsonNode> out = lines(r.out());
        JsonNode t1 = out.get(0).get("result");
        assertEquals("0x904", t1.get("answers").get("error-code").asText());
        assertEquals("0x7", t1.get("answers").get("extended-code").asText());
        assertEquals("Extended error code 0x7".toLowerCase(), t1.get("extracted").get(1).get("text").asText().toLowerCase());
        JsonNode t2 = out.get(1).get("result");
        assertEquals("0x204", t2.get("answers").get("error-code").asText(), "the given answer wins");
        assertEquals("overridden", t2.get("extracted").get(0).get("status").asText());
        assertTrue(out.get(2).get("error").asText().contains("\"ticket\" must be a string"), out.get(2).toString());
        assertTrue(out.get(3).get("error").asText().contains("expected \"answers\""), out.get(3).toString());
        assertTrue(out.get(4).get("error").asText().contains("at most 65536 (64 KB)"), out.get(4).toString());
        assertEquals(2, r.exit());
    }

    @Test
    void aMissingFileExitsTwo() {
        Cli.Result r = Cli.run("batch", dir.resolve("none.jsonl").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void severalAnswersInALineGiveTheSameResultAsTriage() throws Exception {
        Cli.Result r = Cli.runWithInput("{\"id\": \"T-1\", \"answers\": {\"recent-change\": [\"network-change\", \"host-renamed\"]}}\n",
                "batch", "--full");
        assertEquals(0, r.exit(), r.err());
        JsonNode result = lines(r.out()).get(0).get("result");
        Cli.Result triage = Cli.run("triage", "--answer", "recent-change=host-renamed,network-change", "--format", "json");
        assertEquals(Json.MAPPER.readTree(triage.out()), result);
    }

    @Test
    void aLineThatIsNotUtf8OrNestedTooDeepIsRejectedAloneFromAFileAsFromInput() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 600; i++) {
            if (i == 100) {
                bytes.writeBytes("{\"id\": \"bad\", \"answers\": {\"error-code\": \"0x9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                bytes.write(0xff);
                bytes.writeBytes("04\"}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (i == 300) {
                bytes.writeBytes(("{\"id\": \"deep\", \"answers\": " + "[".repeat(1001) + "]".repeat(1001) + "}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                bytes.writeBytes(("{\"id\": " + i + ", \"answers\": {\"error-code\": \"0x904\"}}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, bytes.toByteArray());
        Cli.Result fromFile = Cli.run("batch", file.toString());
        Cli.Result fromInput = Cli.runWithBytes(bytes.toByteArray(), "batch");
        for (Cli.Result r : List.of(fromFile, fromInput)) {
            assertEquals(2, r.exit(), r.err());
            List<JsonNode> out = lines(r.out());
            assertEquals(600, out.size(), "every line has its answer");
            assertEquals(598, out.stream().filter(n -> n.has("result")).count());
            assertEquals(101, out.get(100).get("line").asInt());
            assertTrue(out.get(100).get("error").asText().contains("not valid UTF-8"), out.get(100).toString());
            assertTrue(out.get(300).get("error").asText().contains("nested deeper than"), out.get(300).toString());
            assertTrue(r.err().isEmpty() || !r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aFolderOrAMissingFileIsNamedWithExitTwo() {
        Cli.Result folder = Cli.run("batch", dir.toString());
        assertEquals(2, folder.exit());
        assertTrue(folder.err().contains("is a folder; expected a file"), folder.err());
        Cli.Result missing = Cli.run("batch", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void aClosedOutputStopsTheReadingCleanly() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            in.append("{\"id\": ").append(i).append(", \"answers\": {\"error-code\": \"0x904\"}}\n");
        }
        byte[] input = in.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream counting = new java.io.ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        // like `batch | head -c 100`: the reader goes away after 100 bytes
        java.io.OutputStream closing = new java.io.OutputStream() {
            int written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > 100) {
                    throw new java.io.IOException("Broken pipe");
                }
            }
        };
        java.io.InputStream saved = System.in;
        System.setIn(counting);
        java.io.StringWriter err = new java.io.StringWriter();
        int exit;
        try {
            exit = Main.run(new String[] {"batch"}, new java.io.PrintWriter(closing), new java.io.PrintWriter(err, true));
        } finally {
            System.setIn(saved);
        }
        assertEquals(0, exit, err.toString());
        assertTrue(err.toString().contains("the output was closed"), err.toString());
        assertTrue(read.get() < input.length / 10, "stopped reading after " + read.get() + " of " + input.length + " bytes");
    }
}
