package rdptriage.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/** The engines under test, built once per test JVM (the build-time model and the run-time DRL path), and sessions to put to them. */
public final class Engines {

    private static KnowledgeBase knowledge;
    private static Engine compiled;
    private static Engine runtime;

    private Engines() {}

    public static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = KnowledgeBase.load(List.of());
        }
        return knowledge;
    }

    /** The rules as compiled to the executable model by the build. */
    public static synchronized Engine compiled() {
        if (compiled == null) {
            compiled = Engine.of(knowledge(), RuleBase.compiled());
        }
        return compiled;
    }

    /** The same DRL compiled at run time, as for a help desk's --rules folder. */
    public static synchronized Engine runtime() {
        if (runtime == null) {
            runtime = Engine.of(knowledge(), RuleBase.compile(RuleBase.sources(List.of())));
        }
        return runtime;
    }

    /**
     * Sessions of 1 to 12 answers to any questions in any order, several answers to a question that
     * takes them; with {@code dialog}, the dialog's code (and half the time its extended code) first,
     * as a help desk's tickets start.
     */
    public static List<Answers> sessions(Engine engine, KnowledgeBase kb, int n, Random random, boolean dialog) {
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
