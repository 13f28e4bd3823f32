package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

/**
 * The next-question search tries codes of one family once, when no rule names the code itself.
 * These tests check the analysis behind that, and that such codes really do act alike.
 */
class AlikeAnswersTest {

    @Test
    void theAnalysisFindsTheCodesAndValuesRulesName() {
        Set<String> read = RuleCheck.valuesRead(RuleBase.sources(List.of())).orElseThrow();
        assertTrue(read.containsAll(Set.of("0x1807", "0x2107", "succeeded", "maybe-asleep")), read.toString());
        assertTrue(!read.contains("0x904"), "0x904 is read through its family only");
    }

    @Test
    void aValueARuleLeavesOutIsNamedAndTheRestOfItsFamilyStillShares() {
        var drl = new RuleBase.Drl("rules/causes/x.drl", """
                rule "x: y"
                when
                    Code( family == "logon-failed", value != "0x1807" )
                then
                end
                """);
        assertEquals(Optional.of(Set.of("0x1807", "logon-failed")), RuleCheck.valuesRead(List.of(drl)));
    }

    @Test
    void aValueTestedAnyOtherWayTurnsTheSharingOff() {
        // (==, !=, in and not in name their values; a pattern test cannot be read)
        var drl = new RuleBase.Drl("rules/causes/x.drl", """
                rule "x: y"
                when
                    Answer( question == "tcp-3389-test", value matches "fail.*" )
                then
                end
                """);
        assertEquals(Optional.empty(), RuleCheck.valuesRead(List.of(drl)));
        var family = new RuleBase.Drl("rules/causes/x.drl", """
                rule "x: y"
                when
                    Code( family.startsWith("logon") )
                then
                end
                """);
        assertEquals(Optional.empty(), RuleCheck.valuesRead(List.of(family)), "a family tested by a method call");
    }

    @Test
    void codesOfOneFamilyThatNoRuleNamesRankTheCausesAlike() {
        Engine engine = Engines.compiled();
        KnowledgeBase kb = Engines.knowledge();
        Set<String> read = RuleCheck.valuesRead(RuleBase.sources(List.of())).orElseThrow();
        for (Question q : kb.questions()) {
            Map<String, Assessment> byFamily = new LinkedHashMap<>();
            for (var o : q.informativeOptions()) {
                var family = kb.family(q.id(), o.value());
                if (family.isEmpty() || read.contains(o.value())) {
                    continue;
                }
                Assessment a = engine.assess(engine.answers(Map.of("tcp-3389-test", "succeeded", q.id(), o.value())));
                Assessment first = byFamily.putIfAbsent(family.get(), a);
                if (first != null) {
                    for (int i = 0; i < a.causes().size(); i++) {
                        assertEquals(first.causes().get(i).id(), a.causes().get(i).id(), q.id() + " " + o.value());
                        assertEquals(first.causes().get(i).probability(), a.causes().get(i).probability(), 0.0, q.id() + " " + o.value());
                    }
                }
            }
        }
    }
}
