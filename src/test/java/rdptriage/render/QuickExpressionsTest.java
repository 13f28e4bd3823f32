package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Answers;
import rdptriage.inference.Assessment;
import rdptriage.inference.Engine;
import rdptriage.inference.Engines;
import rdptriage.inference.Host;
import rdptriage.inference.Reading;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

/** Pages rendered with the commonest expressions evaluated directly are byte for byte those OGNL renders. */
class QuickExpressionsTest {

    @Test
    void pagesAreTheSameAsThroughOgnl() {
        Engine engine = Engines.compiled();
        KnowledgeBase kb = engine.knowledge();
        Pages direct = new Pages();
        Pages ognl = new Pages(false);
        Random random = new Random(21);
        List<Question> questions = kb.questions();
        Links links = Links.web();
        for (int i = 0; i < 120; i++) {
            Map<String, String> raw = new LinkedHashMap<>();
            if (i % 3 != 0) {
                raw.put("error-code", i % 2 == 0 ? "0x904" : "0x204");
            }
            for (int k = random.nextInt(6); k > 0; k--) {
                Question q = questions.get(random.nextInt(questions.size()));
                raw.putIfAbsent(q.id(), q.options().get(random.nextInt(q.options().size())).value());
            }
            Answers answers = engine.answers(raw);
            Reading reading = i % 5 == 0 ? engine.read("Error code: 0x904\nExtended error code: 0x7", answers) : Reading.NONE.with(answers);
            Assessment a = engine.assess(reading.answers()).forHost(i % 4 == 0 ? Host.parse("srv01") : null);
            String changing = i % 7 == 0 && !raw.isEmpty() ? raw.keySet().iterator().next() : null;
            for (String template : List.of("triage", "result", "checklist")) {
                Map<String, Object> model = new HashMap<>();
                model.put("view", new SessionView(kb, a, links, changing, "http://example.test", Recognised.of(kb, reading)));
                model.put("links", links);
                model.put("brand", links.start());
                model.put("text", Prose.INSTANCE);
                model.put("problems", i % 6 == 0 ? List.of("a problem") : List.of());
                model.put("description", "d");
                model.put("scripts", List.of(new CollectScript.Link("rdp-triage-collect-host.ps1", "/collect/host.ps1?host=srv01",
                        "PowerShell, on the remote computer; 12 checks", "ab".repeat(32))));
                assertEquals(ognl.render(template, model), direct.render(template, model), template + " " + raw);
            }
        }
    }
}
