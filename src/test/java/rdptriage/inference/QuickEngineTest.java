package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
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
        List<Answers> sessions = new ArrayList<>(sessions(quick, kb, 250, new Random(11), true));
        sessions.addAll(sessions(quick, kb, 250, new Random(12), false));
        for (int round = 0; round < 2; round++) {
            // the second round finds everything remembered
            for (Answers a : sessions) {
                assertEquals(Json.write(Json.assessment(reference.assess(a))), Json.write(Json.assessment(quick.assess(a))),
                        a.values().toString());
            }
        }
    }

    /**
     * Sessions of 1 to 12 answers to any questions in any order, several answers to a question that
     * takes them; with {@code dialog}, the dialog's code (and half the time its extended code) first,
     * as a help desk's tickets start.
     */
    static List<Answers> sessions(Engine engine, KnowledgeBase kb, int n, Random random, boolean dialog) {
        List<Question> questions = kb.questions();
        String[] codes = {"0x904", "0x904", "0x204", "0x108", "0x1B07", "0x807"};
        String[] extended = {"0x7", "0x0", "0x5", "dont-know"};
        List<Answers> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> a = new LinkedHashMap<>();
            if (dialog) {
                a.put("error-code", codes[random.nextInt(codes.length)]);
                if (random.nextBoolean()) {
                    a.put("extended-code", extended[random.nextInt(extended.length)]);
                }
            }
            for (int size = a.size() + 1 + random.nextInt(dialog ? 7 : 12); a.size() < size; ) {
                Question q = questions.get(random.nextInt(questions.size()));
                List<Option> options = q.options();
                String v = options.get(random.nextInt(options.size())).value();
                String w = options.get(random.nextInt(options.size())).value();
                if (q.multiple() && !v.equals(w) && !v.equals(Option.DONT_KNOW) && !w.equals(Option.DONT_KNOW)) {
                    v = v + Question.SEPARATOR + w;
                }
                a.putIfAbsent(q.id(), v);
            }
            list.add(engine.answers(a));
        }
        return list;
    }
}
