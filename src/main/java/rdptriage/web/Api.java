package rdptriage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.Answers;
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

    Response triage(Request r) {
        Answers.Checked checked = Query.parse(r.rawQuery()).answers(kb);
        List<String> problems = checked.problems();
        if (!problems.isEmpty()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", String.join("; ", problems));
            error.put("problems", problems);
            error.put("answers", checked.valid().values());
            return Response.json(400, Json.pretty(error) + "\n");
        }
        return Response.json(200, Json.pretty(Json.assessment(engine.assess(checked.valid()))) + "\n");
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
