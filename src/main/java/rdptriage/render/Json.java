package rdptriage.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import rdptriage.inference.BadInput;
import rdptriage.knowledge.Question;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.Assessment;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Source;

/** The JSON contract of DESIGN.md: assessments and the question and cause catalogues, snake_case. */
public final class Json {

    /**
     * The shared mapper: snake_case names, and nulls kept only where the contract says so. A key
     * given twice in one object is an error, as a question given twice is in the address: the
     * parser would otherwise keep the last silently (issue 13).
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));

    private Json() {}

    /** The triage result; next_question is always present (null when nothing is worth asking). */
    public static Map<String, Object> assessment(Assessment a) {
        return assessment(a, rdptriage.inference.Reading.NONE);
    }

    /**
     * The triage result with what was read from a pasted text: {@code extracted} lists each answer
     * found (question, value, the matched text, the signal, and its status: applied, given,
     * overridden or conflict); it is always present, empty without a paste.
     */
    public static Map<String, Object> assessment(Assessment a, rdptriage.inference.Reading reading) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answers", a.answers());
        m.put("host", a.host());
        m.put("extracted", extracted(reading));
        m.put("causes", a.causes());
        m.put("unlisted", a.unlisted());
        m.put("next_question", a.nextQuestion());
        m.put("stop_reason", a.stopReason());
        m.put("plan_ready", a.planReady() != null || a.nextQuestion() == null);
        m.put("plan_ready_reason", a.planReady());
        m.put("plan", a.plan());
        return m;
    }

    private static List<Map<String, Object>> extracted(rdptriage.inference.Reading reading) {
        return reading.extracted().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("question", e.question());
            x.put("value", e.value());
            x.put("text", e.text());
            x.put("signal", e.signal());
            if (e.check() != null) {
                x.put("check", e.check());
            }
            x.put("status", e.status().id());
            return x;
        }).toList();
    }

    /** How many causes a compact result lists. */
    public static final int COMPACT_CAUSES = 3;

    /**
     * The short result of batch: the {@link #COMPACT_CAUSES} most likely causes (id, title,
     * probability, the strongest reason), {@code unlisted}, the next question (id and text, null
     * when nothing is worth asking) and what was read from a pasted text, as in the full result.
     * It needs no fix plan, so it can be made from {@code Engine#assessWithoutPlan}.
     */
    public static Map<String, Object> compact(Assessment a, rdptriage.inference.Reading reading) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("causes", a.causes().stream().limit(COMPACT_CAUSES).map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("title", c.title());
            x.put("probability", c.probability());
            if (!c.reasons().isEmpty()) {
                x.put("reason", c.reasons().get(0).text());
            }
            return x;
        }).toList());
        m.put("unlisted", a.unlisted());
        Assessment.Ask ask = a.nextQuestion();
        Map<String, Object> next = null;
        if (ask != null) {
            next = new LinkedHashMap<>();
            next.put("id", ask.id());
            next.put("text", ask.text());
        }
        m.put("next_question", next);
        m.put("extracted", extracted(reading));
        return m;
    }

    public static List<Map<String, Object>> questions(KnowledgeBase kb) {
        return kb.questions().stream().map(Json::question).toList();
    }

    private static Map<String, Object> question(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("text", q.text());
        m.put("help", q.help());
        m.put("command", q.command());
        m.put("shell", q.shell());
        m.put("who", q.who());
        m.put("effort", q.effort());
        m.put("options", q.options().stream().map(o -> Map.of("value", o.value(), "label", o.label())).toList());
        return m;
    }

    public static List<Map<String, Object>> causes(KnowledgeBase kb) {
        return kb.causes().stream().map(c -> cause(c, kb)).toList();
    }

    private static Map<String, Object> cause(Cause c, KnowledgeBase kb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("summary", c.summary().strip());
        m.put("prior", c.prior());
        m.put("evidence", Map.of("level", c.evidence().level(), "label", c.evidence().label(),
                "tied_to_code", c.evidence().tiedToCode(), "note", c.evidence().note().strip()));
        m.put("confused_with", c.confusedWith());
        m.put("confirm", c.confirm());
        m.put("fixes", c.fixes());
        m.put("verify", c.verify());
        m.put("sources", c.sources().stream().map(k -> kb.source(k).orElse(new Source(k, null, null, null))).toList());
        return m;
    }

    /**
     * Where and why a text is not valid JSON, for a message to the person who sent it: " at line 3,
     * column 7 (Unexpected character ...)", or the nesting limit in plain words.
     */
    public static String whyNotJson(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return " (nested deeper than " + com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH
                    + " levels, or a number or text over Jackson's limits)";
        }
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return at + " (" + e.getOriginalMessage() + ")";
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JSON that is safe inside a script, even one inlined in HTML: ASCII only, and {@code <}, {@code >},
     * {@code &} and the line separators U+2028 and U+2029 written as Unicode escapes, so no text can end
     * the script or the string it is in.
     */
    public static String script(Object value) {
        try {
            return MAPPER.writer().with(ScriptEscapes.INSTANCE).with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard JSON escapes plus the characters that mean something to an HTML parser. */
    private static final class ScriptEscapes extends CharacterEscapes {

        static final ScriptEscapes INSTANCE = new ScriptEscapes();

        private final int[] ascii = standardAsciiEscapesForJSON();

        private ScriptEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // non-ASCII, U+2028 and U+2029 included, is escaped by ESCAPE_NON_ASCII
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers given as JSON: an object of question id to a string or number (2308 for a decimal
     * code), or a list of them for several answers to one question; throws BadInput naming the
     * part that is not. {@code what} names where the object came from, for the message.
     */
    public static Map<String, String> answers(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new BadInput(what + ": expected a JSON object of question id to value, like {\"error-code\": \"0x904\"}");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            answers.put(e.getKey(), value(e.getKey(), e.getValue(), what));
        }
        return answers;
    }

    /** A string or number, or for several answers to one question a list of them (joined as one value). */
    private static String value(String question, JsonNode v, String what) {
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        if (v.isArray() && !v.isEmpty()) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual() && !item.isNumber()) {
                    break;
                }
                values.add(item.asText());
            }
            if (values.size() == v.size()) {
                return String.join(Question.SEPARATOR, values);
            }
        }
        throw new BadInput(what + ": the value of '" + question + "' must be a string, or a list of strings for several"
                + " answers, found " + (v.isArray() ? "a list holding " + (v.isEmpty() ? "nothing" : "something else") : v.getNodeType().name().toLowerCase()));
    }
}
