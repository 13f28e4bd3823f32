package rdptriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
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
        byte[] bytes = InputFiles.read("answers file", name, stdin, MAX_BYTES, "expected one small JSON object");
        return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), "answers file " + name);
    }

    /** Parses {"question-id": "value", ...}; numbers are accepted as values (2308 for a decimal code). */
    static Map<String, String> parse(String json, String what) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInput(what + ": not valid JSON" + Json.whyNotJson(e));
        }
        return Json.answers(node, what);
    }
}
