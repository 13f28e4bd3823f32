package rdptriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                "Writes one JSON line per ticket: {\"id\": ..., \"result\": ...} or {\"id\": ..., \"line\": N, \"error\": ...}.",
                "Blank lines are skipped. Exit status 2 when any line was rejected, 0 when all were answered."})
final class BatchCommand implements Callable<Integer> {

    /** One line: a 64 KB ticket, escaped as JSON, and its answers. */
    static final int MAX_LINE = 4 * rdptriage.inference.Ticket.MAX_CHARS;
    private static final int CHUNK = 256;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines file; standard input when absent.")
    Path file;

    /** One input line; {@code tooLong} when it passed MAX_LINE and only its start was kept. */
    private record Line(int number, String text, boolean tooLong) {}

    /** One output line, and whether it reports a rejected ticket. */
    private record Result(String json, boolean error) {}

    @Override
    public Integer call() throws IOException {
        Engine engine = engineOptions.engine();
        PrintWriter out = spec.commandLine().getOut();
        boolean anyError = false;
        try (BufferedReader in = new BufferedReader(open(), 1 << 16)) {
            List<Line> chunk = new ArrayList<>(CHUNK);
            int number = 0;
            for (Line line; (line = readLine(in, number + 1)) != null; ) {
                number++;
                if (line.tooLong() || !line.text().isBlank()) {
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK) {
                    anyError |= flush(engine, chunk, out);
                }
            }
            anyError |= flush(engine, chunk, out);
        }
        return anyError ? Main.BAD_INPUT : Main.OK;
    }

    private Reader open() throws IOException {
        if (file == null) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput("batch file " + file + ": no such file");
        }
    }

    /** Reads a line, but never holds more than MAX_LINE characters of it; longer lines come back marked. */
    private static Line readLine(BufferedReader in, int number) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        boolean over = false;
        while ((c = in.read()) != -1 && c != '\n') {
            if (b.length() < MAX_LINE) {
                b.append((char) c);
            } else {
                over = true;
            }
        }
        if (c == -1 && b.isEmpty()) {
            return null;
        }
        return new Line(number, b.toString(), over);
    }

    private static boolean flush(Engine engine, List<Line> chunk, PrintWriter out) {
        Result[] results = new Result[chunk.size()];
        IntStream.range(0, chunk.size()).parallel().forEach(i -> results[i] = answer(engine, chunk.get(i)));
        boolean anyError = false;
        for (Result r : results) {
            out.println(r.json());
            anyError |= r.error();
        }
        out.flush();
        chunk.clear();
        return anyError;
    }

    private static Result answer(Engine engine, Line line) {
        JsonNode id = null;
        try {
            if (line.tooLong()) {
                throw new BadInput("line longer than " + MAX_LINE + " characters; expected one ticket per line");
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
            ok.put("result", Json.assessment(engine.assess(reading.answers()).forHost(target), reading));
            return new Result(Json.write(ok), false);
        } catch (BadInput e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("id", id);
            error.put("line", line.number());
            error.put("error", e.getMessage());
            return new Result(Json.write(error), true);
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text.strip().replaceFirst("^\uFEFF", ""));
            if (node == null || !node.isObject()) {
                throw new BadInput("expected a JSON object {\"id\": ..., \"answers\": {...}}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInput("not valid JSON at column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        }
    }
}
