package rdptriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.BadInput;
import rdptriage.knowledge.Question;
import rdptriage.render.Json;

/** Reads answers given as a JSON object of question id to value, from a file or standard input. */
final class AnswerFile {

    static final int MAX_BYTES = 1 << 20;

    private AnswerFile() {}

    static Map<String, String> read(String name, InputStream stdin) {
        byte[] bytes;
        try {
            bytes = "-".equals(name) ? stdin.readNBytes(MAX_BYTES + 1) : readFile(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new BadInput("answers file " + name + ": no such file");
        } catch (IOException e) {
            throw new BadInput("answers file " + name + ": cannot read it (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInput("answers file " + name + ": larger than " + MAX_BYTES + " bytes; expected one small JSON object");
        }
        return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), "answers file " + name);
    }

    /** Parses {"question-id": "value", ...}; numbers are accepted as values (2308 for a decimal code). */
    static Map<String, String> parse(String json, String what) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInput(what + ": not valid JSON" + at + " (" + e.getOriginalMessage() + ")");
        }
        return Json.answers(node, what);
    }

    private static byte[] readFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new BadInput("answers file " + path + ": is a folder; expected a JSON file");
        }
        if (Files.size(path) > MAX_BYTES) {
            return new byte[MAX_BYTES + 1];
        }
        return Files.readAllBytes(path);
    }
}
