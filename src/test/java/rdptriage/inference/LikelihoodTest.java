package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdptriage.knowledge.KnowledgeBase;

/**
 * The probability model: the shortcuts (defaults stored by the build, answers whose rules read no
 * other answer taken from their weights alone) give exactly what fitting now and trying every
 * answer in context give, and the tables behave as distributions.
 */
class LikelihoodTest {

    private final KnowledgeBase kb = Engines.knowledge();
    private final Engine engine = Engines.compiled();
    private final Engine slow = Engine.inContext(kb, RuleBase.compiled());

    @Test
    void storedDefaultsAndTheShortcutRankAndAskExactlyAsTryingEveryAnswerInContext() {
        for (var s : Scenarios.all()) {
            Assessment fast = engine.assess(engine.answers(s.answers()));
            Assessment full = slow.assess(slow.answers(s.answers()));
            assertEquals(full.unlisted(), fast.unlisted(), 1e-12, s.toString());
            for (int i = 0; i < full.causes().size(); i++) {
                assertEquals(full.causes().get(i).id(), fast.causes().get(i).id(), s.toString());
                assertEquals(full.causes().get(i).probability(), fast.causes().get(i).probability(), 1e-12, s.toString());
            }
            assertEquals(full.nextQuestion() == null ? null : full.nextQuestion().id(),
                    fast.nextQuestion() == null ? null : fast.nextQuestion().id(), s.toString());
        }
    }

    @Test
    void theCodesAreReadInContextBecauseTheirRulesShareFamiliesAcrossTheDialog() {
        var partners = RuleCheck.partners(RuleBase.sources(List.of()), kb).orElseThrow();
        assertTrue(partners.get("extended-code").contains("error-code"), partners.get("extended-code").toString());
        assertTrue(partners.get("error-code").contains("dialog-message"), partners.get("error-code").toString());
    }

    @Test
    void aRuleReadingAnswersInAWayTheAnalysisCannotFollowSwitchesTheShortcutOff() {
        var drl = new RuleBase.Drl("rules/causes/x.drl", """
                rule "x: y"
                when
                    Answer( question matches "tcp.*" )
                then
                end
                """);
        assertTrue(RuleCheck.partners(List.of(drl), kb).isEmpty());
    }

    @Test
    void answersInTheOrderGivenMultiplyToTheSameRankingWhateverTheOrderOfQuestionsWithoutSharedRules() {
        Map<String, String> one = new java.util.LinkedHashMap<>();
        one.put("host-power", "maybe-asleep");
        one.put("azure-vm", "no");
        Map<String, String> other = new java.util.LinkedHashMap<>();
        other.put("azure-vm", "no");
        other.put("host-power", "maybe-asleep");
        Assessment a = engine.assess(engine.answers(one));
        Assessment b = engine.assess(engine.answers(other));
        assertEquals(a.unlisted(), b.unlisted(), 1e-12);
        for (int i = 0; i < a.causes().size(); i++) {
            assertEquals(a.causes().get(i).probability(), b.causes().get(i).probability(), 1e-12, a.causes().get(i).id());
        }
    }
}
