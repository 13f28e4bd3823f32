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
        List<Answers> sessions = new ArrayList<>(helpDesk(quick, kb, 250, new Random(11)));
        sessions.addAll(random(quick, kb, 250, new Random(12)));
        for (int round = 0; round < 2; round++) {
            // the second round finds everything remembered
            for (Answers a : sessions) {
                assertEquals(Json.write(Json.assessment(reference.assess(a))), Json.write(Json.assessment(quick.assess(a))),
                        a.values().toString());
            }
        }
    }

    /** As bench/EngineBenchmark.java makes them: the dialog's codes first, then up to six more answers. */
    static List<Answers> helpDesk(Engine engine, KnowledgeBase kb, int n, Random random) {
        List<Question> questions = kb.questions();
        String[] main = {"0x904", "0x904", "0x204", "0x108", "0x1B07", "0x807"};
        String[] ext = {"0x7", "0x0", "0x5", "dont-know"};
        List<Answers> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("error-code", main[random.nextInt(main.length)]);
            if (random.nextBoolean()) {
                a.put("extended-code", ext[random.nextInt(ext.length)]);
            }
            int more = random.nextInt(7);
            while (a.size() < 2 + more) {
                Question q = questions.get(random.nextInt(questions.size()));
                a.putIfAbsent(q.id(), q.options().get(random.nextInt(q.options().size())).value());
            }
            list.add(engine.answers(a));
        }
        return list;
    }

    /** Any questions in any order, several answers to a question that takes them. */
    static List<Answers> random(Engine engine, KnowledgeBase kb, int n, Random random) {
        List<Question> questions = kb.questions();
        List<Answers> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> a = new LinkedHashMap<>();
            int size = 1 + random.nextInt(12);
            while (a.size() < size) {
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
