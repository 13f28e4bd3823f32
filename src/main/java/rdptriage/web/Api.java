package rdptriage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import rdptriage.inference.Answers;
import rdptriage.inference.Assessment;
import rdptriage.inference.Host;
import rdptriage.inference.BadInput;
import rdptriage.inference.Clip;
import rdptriage.inference.Reading;
import rdptriage.inference.AssessmentCache;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.Json;

/** The JSON endpoints: the same JSON as the CLI's --format json, and a health check. */
final class Api {

    private final AssessmentCache engine;
    private final KnowledgeBase kb;
    private final String health;
    private String questions;
    private String causes;

    Api(AssessmentCache engine) {
        this.engine = engine;
        this.kb = engine.engine().knowledge();
        this.health = String.format("{\"status\":\"ok\",\"causes\":%d,\"questions\":%d}%n",
                kb.causes().size(), kb.questions().size());
    }

    /**
     * GET: the answers in the query. POST: {"ticket": "...", "answers": {...}}, either or both; the
     * ticket is read into answers and the given answers win. Both answer the JSON of triage --format json.
     */
    Response triage(Request r) {
        if (r.posted()) {
            return posted(r);
        }
        Query query = Query.parse(r.rawQuery());
        String hostName = query.take(Assessment.HOST);
        Answers.Checked checked = query.answers(kb);
        List<String> problems = new java.util.ArrayList<>(checked.problems());
        Host host = SessionPages.host(hostName, problems);
        if (!problems.isEmpty()) {
            return problems(problems, checked.valid().values());
        }
        return Response.json(200, Json.pretty(Json.assessment(engine.assess(checked.valid()).forHost(host))) + "\n");
    }

    private Response posted(Request r) {
        if (r.tooLarge()) {
            return problems(List.of("the request body is larger than " + Server.MAX_BODY + " bytes; expected"
                    + " {\"ticket\": \"...\", \"answers\": {...}} with a ticket of at most 64 KB"), Map.of());
        }
        Map<String, String> raw;
        String text;
        Host host;
        try {
            JsonNode body = Json.MAPPER.readTree(r.body());
            if (body == null || !body.isObject()) {
                throw new BadInput("expected a JSON object {\"ticket\": \"...\", \"answers\": {...}}");
            }
            for (var names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("ticket") && !name.equals("answers") && !name.equals(Assessment.HOST)) {
                    throw new BadInput("unknown field '" + Clip.of(name) + "'; expected \"ticket\" (a text), \"answers\" (an object)"
                            + " and \"host\" (the computer's name or address)");
                }
            }
            JsonNode ticket = body.get("ticket");
            if (ticket != null && !ticket.isTextual() && !ticket.isNull()) {
                throw new BadInput("\"ticket\" must be a string: the pasted ticket, dialog, log or command output");
            }
            text = ticket == null || ticket.isNull() ? null : ticket.asText();
            raw = body.has("answers") ? Json.answers(body.get("answers"), "\"answers\"") : Map.of();
            JsonNode h = body.get(Assessment.HOST);
            host = Host.parse(h == null || h.isNull() ? null : h.asText());
        } catch (JsonProcessingException e) {
            return problems(List.of("the body is not valid JSON" + Json.whyNotJson(e) + "; expected {\"ticket\": \"...\", \"answers\": {...}}"), Map.of());
        } catch (BadInput e) {
            return problems(List.of(e.getMessage()), Map.of());
        }
        Answers.Checked checked = Answers.check(kb, raw);
        if (!checked.problems().isEmpty()) {
            return problems(checked.problems(), checked.valid().values());
        }
        try {
            Reading reading = engine.engine().read(text, checked.valid());
            return Response.json(200, Json.pretty(Json.assessment(engine.assess(reading.answers()).forHost(host), reading)) + "\n");
        } catch (BadInput e) {
            return problems(List.of(e.getMessage()), checked.valid().values());
        }
    }

    private static Response problems(List<String> problems, Map<String, String> valid) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", String.join("; ", problems));
        error.put("problems", problems);
        error.put("answers", valid);
        return Response.json(400, Json.pretty(error) + "\n");
    }

    /** The catalogues are written on first use, not at start: Jackson's first run costs ~0.1 s before "ready". */
    synchronized Response questions(Request r) {
        if (questions == null) {
            questions = Json.pretty(Json.questions(kb)) + "\n";
        }
        return Response.json(200, questions);
    }

    synchronized Response causes(Request r) {
        if (causes == null) {
            causes = Json.pretty(Json.causes(kb)) + "\n";
        }
        return Response.json(200, causes);
    }

    Response health(Request r) {
        return Response.json(200, health);
    }
}
