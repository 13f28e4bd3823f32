package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rdptriage.knowledge.Cause;

/**
 * Each cause's rule file in isolation (with the shared derivations): it concludes only its own
 * cause, and its cause's typical answers give it net positive evidence.
 */
class RuleFileTest {

    private static final Path RULES = Path.of("rules");

    @TestFactory
    Stream<DynamicTest> eachCauseFileAloneReactsToItsOwnScenarios() {
        return Engines.knowledge().causes().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(Cause cause) {
        List<RuleBase.Drl> files = new ArrayList<>(RuleBase.read("rules/shared", RULES.resolve("shared")));
        files.addAll(RuleBase.read("rules/causes", RULES.resolve("causes")).stream()
                .filter(d -> d.name().endsWith("/" + cause.id() + ".drl")).toList());
        assertTrue(files.size() > RuleBase.read("rules/shared", RULES.resolve("shared")).size(), "no rule file for " + cause.id());
        Engine alone = Engine.of(Engines.knowledge(), RuleBase.compile(files));
        var scenarios = Scenarios.all().stream().filter(s -> s.cause().equals(cause.id())).toList();
        assertFalse(scenarios.isEmpty(), "no scenarios for " + cause.id());
        for (var s : scenarios) {
            Assessment a = alone.assess(alone.answers(s.answers()));
            for (var ranked : a.causes()) {
                if (!ranked.id().equals(cause.id())) {
                    assertTrue(ranked.reasons().isEmpty(), cause.id() + ".drl concludes evidence for " + ranked.id());
                } else {
                    double net = ranked.reasons().stream().mapToDouble(Assessment.Reason::weight).sum();
                    assertTrue(net > 0, s + ": the file alone gives net weight " + net);
                }
            }
        }
    }
}
