package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.Json;

/**
 * The engine as it runs (conclusions remembered per answer and put together, questions ruled out
 * early from rough tables) gives exactly what one Drools session per assessment with every reached
 * question valued exactly gives: the same JSON, to the last digit, for sessions like a help desk's
 * and for random ones with several answers to one question and "I don't know".
 */
class QuickEngineTest {

    @Test
    void theQuickEngineAssessesExactlyAsTheReferenceDoes() {
        KnowledgeBase kb = Engines.knowledge();
        Engine quick = Engine.of(kb, RuleBase.compiled());
        Engine reference = Engine.reference(kb, RuleBase.compiled());
        List<Answers> sessions = new ArrayList<>(Engines.sessions(quick, kb, 250, new Random(11), true));
        sessions.addAll(Engines.sessions(quick, kb, 250, new Random(12), false));
        for (int round = 0; round < 2; round++) {
            // the second round finds everything remembered
            for (Answers a : sessions) {
                assertEquals(Json.write(Json.assessment(reference.assess(a))), Json.write(Json.assessment(quick.assess(a))),
                        a.values().toString());
            }
        }
    }
}
