package rdptriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.inference.BadInput;
import rdptriage.inference.Reading;
import rdptriage.inference.Engine;
import rdptriage.inference.Host;
import rdptriage.render.Json;

/**
 * batch: JSON Lines of tickets in, JSON Lines of results out, in the same order. Lines are read in
 * chunks and assessed in parallel, so output streams while input is still being read.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Triage a queue of tickets: one JSON object per line, {\"id\": ..., \"answers\": {...}, \"ticket\": \"...\"}",
                "(\"ticket\": a pasted ticket, dialog, log or command output, read into answers; either or both;",
                "an optional \"host\": the computer's name or address, filled into the commands).",
                "Writes one JSON line per ticket: {\"id\": ..., \"result\": ...} or {\"id\": ..., \"line\": N, \"error\": ...};",
                "the result is compact (the top causes with their strongest reason, \"none of the known causes\", the next",
                "question, what was read from the text) unless --full asks for the whole triage result.",
                "Blank lines are skipped. Exit status 2 when any line was rejected, 0 when all were answered."})
final class BatchCommand implements Callable<Integer> {

    /** One line: a 64 KB ticket as JSON (3 bytes a character in UTF-8, or an escape), and its answers. */
    static final int MAX_LINE_BYTES = 4 * rdptriage.inference.Ticket.MAX_CHARS;
    private static final int CHUNK = 256;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines file; standard input when absent.")
    Path file;

    @Option(names = "--full", description = "Write the whole result of triage --format json for each ticket (every cause with"
            + " its reasons, the next question with its options, the fix plan: about 50 KB a ticket) instead of the compact one.")
    boolean full;

    /** One input line, or why it could not be read (too long, not UTF-8). */
    record Line(int number, String text, String problem) {}

    /** One output line, whether it reports a rejected ticket, and whether the fault was ours. */
    record Result(String json, boolean error, boolean internal) {
        Result(String json) {
            this(json, false, false);
        }
    }

    @Override
    public Integer call() throws IOException {
        Engine engine = engineOptions.engine();
        PrintWriter out = spec.commandLine().getOut();
        Outcome outcome = new Outcome();
        try (InputStream in = new BufferedInputStream(InputFiles.open("batch file", file == null ? "-" : file.toString(), System.in), 1 << 16)) {
            List<Line> chunk = new ArrayList<>(CHUNK);
            int number = 0;
            for (Line line; (line = readLine(in, number + 1)) != null; ) {
                number++;
                if (line.problem() != null || !line.text().isBlank()) {
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK && !flush(engine, chunk, full, out, outcome)) {
                    break;
                }
            }
            flush(engine, chunk, full, out, outcome);
        } catch (IOException e) {
            // what was answered is written; the rest of the input could not be read
            spec.commandLine().getErr().println("rdp-triage: batch: reading stopped after " + outcome.written + " results (" + e.getMessage() + ")");
            return Main.BAD_INPUT;
        }
        if (outcome.closed) {
            spec.commandLine().getErr().println("rdp-triage: batch: the output was closed after " + outcome.written + " results; stopped reading");
        }
        return outcome.internal ? Main.INTERNAL : outcome.rejected ? Main.BAD_INPUT : Main.OK;
    }

    /** What the lines so far came to. */
    private static final class Outcome {
        int written;
        boolean rejected;
        boolean internal;
        boolean closed;
    }

    /**
     * Reads a line as bytes, never more than MAX_LINE_BYTES of it, and decodes it alone: a line
     * that is too long or not UTF-8 comes back with its problem, and the lines around it are read
     * as usual.
     */
    private static Line readLine(InputStream in, int number) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        boolean over = false;
        while ((c = in.read()) != -1 && c != '\n') {
            if (b.size() < MAX_LINE_BYTES) {
                b.write(c);
            } else {
                over = true;
            }
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        if (over) {
            return new Line(number, "", "line longer than " + MAX_LINE_BYTES + " bytes; expected one ticket per line");
        }
        return rdptriage.knowledge.Text.strictUtf8(b.toByteArray()).map(text -> new Line(number, text, null))
                .orElseGet(() -> new Line(number, "", "the line is not valid UTF-8; expected JSON text in UTF-8"));
    }

    /** Answers a chunk in parallel and writes it in order; false once the output is closed. */
    private static boolean flush(Engine engine, List<Line> chunk, boolean full, PrintWriter out, Outcome outcome) {
        Result[] results = new Result[chunk.size()];
        IntStream.range(0, chunk.size()).parallel().forEach(i -> results[i] = answer(engine, chunk.get(i), full));
        chunk.clear();
        for (Result r : results) {
            out.println(r.json());
            outcome.rejected |= r.error() && !r.internal();
            outcome.internal |= r.internal();
        }
        // PrintWriter keeps an IOException to itself: a closed pipe shows here, and ends the reading
        if (out.checkError()) {
            outcome.closed = true;
            return false;
        }
        outcome.written += results.length;
        return true;
    }

    /** One line's compact record, as batch writes it by default. */
    static Result answer(Engine engine, Line line) {
        return answer(engine, line, false);
    }

    /** One line's record: the full triage result or the compact one ({@link Json#compact}), or why the line was rejected. */
    static Result answer(Engine engine, Line line, boolean full) {
        JsonNode id = null;
        try {
            if (line.problem() != null) {
                throw new BadInput(line.problem());
            }
            JsonNode ticket = parse(line.text());
            id = ticket.get("id");
            if (id == null || !(id.isTextual() || id.isNumber())) {
                throw new BadInput("missing \"id\" (a string or number)");
            }
            JsonNode given = ticket.get("answers");
            JsonNode text = ticket.get("ticket");
            if (text != null && !text.isTextual() && !text.isNull()) {
                throw new BadInput("\"ticket\" must be a string: the pasted ticket, dialog, log or command output");
            }
            if (given == null && (text == null || text.isNull())) {
                throw new BadInput("expected \"answers\" (an object of question id to value), \"ticket\" (a text), or both");
            }
            Map<String, String> raw = given == null ? Map.of() : Json.answers(given, "\"answers\"");
            JsonNode host = ticket.get("host");
            Host target = Host.parse(host == null || host.isNull() ? null : host.asText());
            Reading reading = engine.read(text == null || text.isNull() ? null : text.asText(), engine.answers(raw));
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("id", id);
            ok.put("result", full ? Json.assessment(engine.assess(reading.answers()).forHost(target), reading)
                    : Json.compact(engine.assessWithoutPlan(reading.answers()), reading));
            return new Result(Json.write(ok));
        } catch (BadInput e) {
            return rejected(id, line, e.getMessage(), false);
        } catch (RuntimeException e) {
            // a fault of ours on one line: reported on that line and in the exit status, the others still answered
            System.err.println("rdp-triage: batch: internal error on line " + line.number() + ": " + e);
            return rejected(id, line, "internal error (" + e.getClass().getSimpleName() + "); the line was not answered", true);
        }
    }

    private static Result rejected(JsonNode id, Line line, String message, boolean internal) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", id);
        error.put("line", line.number());
        error.put("error", message);
        return new Result(Json.write(error), true, internal);
    }

    private static JsonNode parse(String text) {
        try {
            String json = text.strip();
            JsonNode node = Json.MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
            if (node == null || !node.isObject()) {
                throw new BadInput("expected a JSON object {\"id\": ..., \"answers\": {...}}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInput("not valid JSON" + Json.whyNotJson(e));
        }
    }
}
