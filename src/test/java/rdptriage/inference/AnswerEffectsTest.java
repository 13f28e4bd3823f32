package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/** The site's decoder and "tell them apart" questions must say what a triage would say. */
class AnswerEffectsTest {

    private final Engine engine = Engines.compiled();
    private final AnswerEffects effects = AnswerEffects.of(engine);

    private double probability(Map<String, String> answers, String cause) {
        return engine.assess(engine.answers(answers)).causes().stream()
                .filter(c -> c.id().equals(cause)).findFirst().orElseThrow().probability();
    }

    @Test
    void whatACodePointsToIsWhatATriageWithThatCodeAloneRanksHighest() {
        int seen = 0;
        for (String q : List.of("error-code", "extended-code", "dialog-message")) {
            for (Option o : engine.knowledge().question(q).informativeOptions()) {
                var pointers = effects.pointsTo(q, o.value(), AnswerEffects.POINTS_FLOOR, AnswerEffects.POINTS_LIMIT);
                var ranked = engine.assess(engine.answers(Map.of(q, o.value()))).causes();
                for (int i = 0; i < pointers.size(); i++) {
                    assertEquals(ranked.get(i).id(), pointers.get(i).cause(), q + "=" + o.value());
                    assertEquals(ranked.get(i).probability(), pointers.get(i).probability(), 1e-9, q + "=" + o.value());
                    assertTrue(pointers.get(i).probability() >= AnswerEffects.POINTS_FLOOR);
                    seen++;
                }
            }
        }
        assertTrue(seen > 30, "only " + seen + " pointers checked");
    }

    @Test
    void aCodeNoRuleReadsPointsNowhere() {
        // 0x3 "Remote disconnection by server." is in Microsoft's table but no cause of ours is tied to it
        assertEquals(List.of(), effects.pointsTo("error-code", "0x3", AnswerEffects.POINTS_FLOOR, AnswerEffects.POINTS_LIMIT));
    }

    @Test
    void aQuestionThatTellsTwoCausesApartMovesTheirOddsApartInATriage() {
        int checked = 0;
        for (Cause c : engine.knowledge().causes()) {
            for (String other : c.confusedWith()) {
                for (AnswerEffects.Separator s : effects.separating(c.id(), other, 3)) {
                    Question q = s.question();
                    assertTrue(q.optionsFrom() == null, "the error's own codes are left to the decoder");
                    Map<String, String> first = Map.of(q.id(), s.first().value());
                    Map<String, String> second = Map.of(q.id(), s.second().value());
                    double oddsFirst = probability(first, c.id()) / probability(first, other);
                    double oddsSecond = probability(second, c.id()) / probability(second, other);
                    assertTrue(oddsFirst / oddsSecond >= 3 - 1e-9, c.id() + " vs " + other + " by " + q.id());
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " separating questions checked");
    }

    @Test
    void theCredSspQuestionTellsTheOracleMismatchFromAnNlaFailure() {
        var separators = effects.separating("credssp-oracle", "nla-authentication", 3);
        assertFalse(separators.isEmpty());
        var patched = separators.stream().filter(s -> s.question().id().equals("credssp-patched")).findFirst().orElseThrow();
        assertEquals("one-unpatched", patched.first().value());
        assertEquals("both", patched.second().value());
    }

    @Test
    void theCodesPointingToACauseAreThoseWhosePointersNameIt() {
        var pointed = effects.pointingTo("name-resolution");
        assertTrue(pointed.stream().anyMatch(p -> p.option().value().equals("0x104")), "DNS name lookup failure");
        pointed.forEach(p -> assertTrue(effects.pointsTo(p.question().id(), p.option().value(), AnswerEffects.POINTS_FLOOR,
                AnswerEffects.POINTS_LIMIT).stream().anyMatch(x -> x.cause().equals("name-resolution"))));
    }
}
