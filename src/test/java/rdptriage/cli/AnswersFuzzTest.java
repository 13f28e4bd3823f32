package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import rdptriage.inference.BadInput;
import rdptriage.inference.Engines;
import rdptriage.render.Json;

/**
 * The answers a script sends (triage --answers, the "answers" of a batch line) and a whole batch
 * line: each is answered or refused with a message, and a batch line always gives one JSON record.
 */
class AnswersFuzzTest extends rdptriage.FuzzTarget {

    @Override
    protected void check(FuzzedDataProvider data) {
        boolean line = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        if (line) {
            BatchCommand.Result r = BatchCommand.answer(Engines.compiled(), new BatchCommand.Line(1, text, null));
            assertTrue(!r.internal(), r.json());
            JsonNode record = parse(r.json());
            assertTrue(record.isObject() && record.has("id") && (record.has("result") != record.has("error")), r.json());
            return;
        }
        try {
            Map<String, String> answers = AnswerFile.parse(text, "fuzz");
            Engines.compiled().answers(answers);
        } catch (BadInput e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
