package rdptriage.inference;

import java.util.TreeMap;

/**
 * Remembers the most recent assessments by answer set, for a server where many sessions pass
 * through the same first answers. An assessment depends only on the answers (the knowledge and the
 * rules do not change while the process runs), so a remembered one is exactly what the engine
 * would compute again. Capacity 0 turns it off.
 */
public final class AssessmentCache {

    private final Engine engine;
    private final int capacity;
    private final Recent<String, Assessment> recent;

    public AssessmentCache(Engine engine, int capacity) {
        this.recent = new Recent<>(capacity);
        this.engine = engine;
        this.capacity = capacity;
    }

    public Engine engine() {
        return engine;
    }

    /** The assessment for these answers, listing them in the order given. */
    public Assessment assess(Answers answers) {
        if (capacity == 0) {
            return engine.assess(answers);
        }
        Assessment a = recent.get(key(answers), k -> engine.assess(answers));
        // remembered under another order of the same answers, perhaps: list them as given this time
        return new Assessment(answers.values(), a.causes(), a.unlisted(), a.nextQuestion(), a.stopReason(), a.planReady(), a.plan());
    }

    private static String key(Answers answers) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(answers.values()).forEach((q, v) -> key.append(q).append('=').append(v).append('&'));
        return key.toString();
    }
}
