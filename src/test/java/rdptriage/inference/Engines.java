package rdptriage.inference;

import java.util.List;
import rdptriage.knowledge.KnowledgeBase;

/** The engines under test, built once per test JVM: the build-time model and the run-time DRL path. */
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
}
