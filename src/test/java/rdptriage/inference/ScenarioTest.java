package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rdptriage.inference.Scenarios.Scenario;

/**
 * Typical answers for each cause put that cause first (or in the top 3 where the knowledge says it
 * cannot be told apart without host access), on both rule paths.
 */
class ScenarioTest {

    private static final Map<String, Integer> RANKS = new TreeMap<>();

    static List<Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void causeRanksWhereItsScenarioSays(Scenario s) {
        Assessment a = Engines.compiled().assess(Engines.compiled().answers(s.answers()));
        int rank = Scenarios.rank(a, s.cause());
        synchronized (RANKS) {
            RANKS.put(s.toString(), rank);
        }
        int allowed = "top3".equals(s.expect()) ? 3 : 1;
        assertTrue(rank <= allowed, () -> s + ": expected rank <= " + allowed + " but was " + rank + "; leaders: "
                + a.causes().subList(0, 3).stream().map(c -> c.id() + " " + Percent.of(c.probability()))
                        .collect(Collectors.joining(", ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void runtimeRulesAgreeWithCompiledRules(Scenario s) {
        Assessment compiled = Engines.compiled().assess(Engines.compiled().answers(s.answers()));
        Assessment runtime = Engines.runtime().assess(Engines.runtime().answers(s.answers()));
        assertEquals(compiled, runtime, s.toString());
    }

    @Test
    void everyCauseHasAtLeastThreeScenarios() {
        Map<String, Long> perCause = Scenarios.all().stream().collect(Collectors.groupingBy(Scenario::cause, Collectors.counting()));
        for (var cause : Engines.knowledge().causes()) {
            assertTrue(perCause.getOrDefault(cause.id(), 0L) >= 3, cause.id() + " has fewer than 3 scenarios");
        }
    }

    @AfterAll
    static void printAccuracy() {
        if (RANKS.isEmpty()) {
            return;
        }
        long first = RANKS.values().stream().filter(r -> r == 1).count();
        long top3 = RANKS.values().stream().filter(r -> r <= 3).count();
        System.out.printf("scenario accuracy: %d scenarios, cause first in %d (%.1f%%), in top 3 in %d (%.1f%%)%n",
                RANKS.size(), first, 100.0 * first / RANKS.size(), top3, 100.0 * top3 / RANKS.size());
    }
}
