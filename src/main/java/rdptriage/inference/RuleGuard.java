package rdptriage.inference;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import rdptriage.knowledge.KnowledgeException;
import rdptriage.knowledge.Problem;

/**
 * Bounds every firing of the rules (issue 12): at most {@link #MAX_FIRINGS} rule firings and
 * {@link #MAX_MILLIS} ms each time answers go in. A rule that runs past either (rules that keep
 * re-activating each other, a condition that takes seconds) is named, disabled for the rest of the
 * process, and the assessment in hand fails with a message that says so; the next one runs without
 * it. The shipped rules fire a few hundred times at most for a full session.
 */
final class RuleGuard {

    static final int MAX_FIRINGS = 20_000;
    static final long MAX_MILLIS = 2_000;

    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    /** A rule ran past the limits and is now disabled: the rules are at fault, as for any knowledge problem. */
    static final class Runaway extends KnowledgeException {
        Runaway(String message) {
            super(List.of(new Problem("rules", 0, message)));
        }
    }

    /** How many rules have been disabled so far: what was concluded before a change may differ now. */
    int disabled() {
        return disabled.size();
    }

    /** Fires the session's rules within the limits; throws {@link Runaway} naming the rule that broke them. */
    void fire(KieSession session) {
        long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000;
        String[] last = {null};
        boolean[] late = {false};
        int fired = session.fireAllRules(match -> {
            String rule = match.getRule().getName();
            if (disabled.contains(rule)) {
                return false;
            }
            if (late[0] || System.nanoTime() > deadline) {
                late[0] = true;
                return false;
            }
            last[0] = rule;
            return true;
        }, MAX_FIRINGS);
        if (late[0] || fired >= MAX_FIRINGS) {
            String rule = last[0] == null ? "(unknown)" : last[0];
            disabled.add(rule);
            String message = "rule \"" + rule + "\" " + (late[0] ? "ran past " + MAX_MILLIS + " ms" : "fired past " + MAX_FIRINGS + " times")
                    + " in one assessment and is disabled until rdp-triage restarts; fix the rule (lint names its file)";
            throw new Runaway(message);
        }
    }
}
