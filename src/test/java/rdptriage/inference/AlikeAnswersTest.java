package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * The next-question search tries codes that no test of the rules can tell apart once. These tests
 * check the analysis behind that, and that such codes really do act alike.
 */
class AlikeAnswersTest {

    @Test
    void theAnalysisFindsTheCodesValuesAndFamiliesRulesName() {
        Map<String, Set<Integer>> named = RuleCheck.namedBy(RuleBase.sources(List.of())).orElseThrow();
        assertTrue(named.keySet().containsAll(Set.of("0x1807", "0x2107", "succeeded", "maybe-asleep", "socket-closed")),
                named.keySet().toString());
        assertTrue(!named.containsKey("0x904"), "0x904 is read through its family only");
    }

    @Test
    void aValueATestLeavesOutIsNamedAndTheRestOfItsFamilyStillShares() {
        var drl = new RuleBase.Drl("rules/causes/x.drl", """
                rule "x: y"
                when
                    Code( family == "logon-failed", value != "0x1807" )
                then
                end
                """);
        assertEquals(Optional.of(Map.of("logon-failed", Set.of(0), "0x1807", Set.of(1))), RuleCheck.namedBy(List.of(drl)));
    }

    @Test
    void familiesNamedByTheSameTestsShareAKeyAndOthersDoNot() {
        KnowledgeBase kb = Engines.knowledge();
        Optional<Map<String, Set<Integer>>> named = RuleCheck.namedBy(RuleBase.sources(List.of()));
        // two FreeRDP errors whose families no rule names act as one; a named family stays apart
        assertEquals(Likelihood.alike(kb, named, "client-message", "freerdp-connect-cancelled"),
                Likelihood.alike(kb, named, "client-message", "freerdp-activation-timeout"));
        assertNotEquals(Likelihood.alike(kb, named, "error-code", "0x904"), Likelihood.alike(kb, named, "error-code", "0x204"));
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
        assertEquals(Optional.empty(), RuleCheck.namedBy(List.of(drl)));
        var family = new RuleBase.Drl("rules/causes/x.drl", """
                rule "x: y"
                when
                    Code( family.startsWith("logon") )
                then
                end
                """);
        assertEquals(Optional.empty(), RuleCheck.namedBy(List.of(family)), "a family tested by a method call");
    }

    @Test
    void codesThatShareAKeyRankTheCausesAlike() {
        Engine engine = Engines.compiled();
        KnowledgeBase kb = Engines.knowledge();
        Optional<Map<String, Set<Integer>>> named = RuleCheck.namedBy(RuleBase.sources(List.of()));
        int shared = 0;
        for (Question q : kb.questions()) {
            Map<String, Assessment> byKey = new LinkedHashMap<>();
            for (var o : q.informativeOptions()) {
                if (kb.family(q.id(), o.value()).isEmpty()) {
                    continue;
                }
                Assessment a = engine.assess(engine.answers(Map.of("tcp-3389-test", "succeeded", q.id(), o.value())));
                Assessment first = byKey.putIfAbsent(Likelihood.alike(kb, named, q.id(), o.value()), a);
                if (first != null) {
                    shared++;
                    for (int i = 0; i < a.causes().size(); i++) {
                        assertEquals(first.causes().get(i).id(), a.causes().get(i).id(), q.id() + " " + o.value());
                        assertEquals(first.causes().get(i).probability(), a.causes().get(i).probability(), 0.0, q.id() + " " + o.value());
                    }
                }
            }
        }
        assertTrue(shared > 50, "many codes share a key: " + shared);
    }
}
