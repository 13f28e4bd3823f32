package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Assessment.PlanItem;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

class EngineTest {

    private final Engine engine = Engines.compiled();
    private final KnowledgeBase kb = Engines.knowledge();

    private Assessment assess(Map<String, String> answers) {
        return engine.assess(engine.answers(answers));
    }

    @Test
    void probabilitiesOfCausesAndUnlistedSumToOne() {
        for (var s : Scenarios.all()) {
            Assessment a = assess(s.answers());
            double sum = a.unlisted() + a.causes().stream().mapToDouble(Assessment.RankedCause::probability).sum();
            assertEquals(1.0, sum, 1e-9, s.toString());
        }
    }

    @Test
    void withoutAnswersTheRankingIsThePriors() {
        Assessment a = assess(Map.of());
        double total = kb.settings().unlistedPrior() + kb.causes().stream().mapToDouble(Cause::prior).sum();
        for (var c : a.causes()) {
            assertEquals(kb.cause(c.id()).prior() / total, c.probability(), 1e-9, c.id());
            assertTrue(c.reasons().isEmpty(), c.id() + " has reasons without answers");
        }
    }

    /** Answers "I don't know" to the engine's questions until the plan is offered; returns the number answered. */
    private Assessment untilThePlanIsReady(Map<String, String> answers) {
        Assessment a = assess(answers);
        while (a.planReady() == null && a.nextQuestion() != null) {
            answers.put(a.nextQuestion().id(), kb.question(a.nextQuestion().id()).option("dont-know").isPresent()
                    ? "dont-know" : kb.question(a.nextQuestion().id()).informativeOptions().get(0).value());
            a = assess(answers);
        }
        return a;
    }

    @Test
    void thePlanIsOfferedAfterTheSettingsNumberOfAnswersAndTheNextQuestionStaysOpen() {
        int after = kb.settings().planAfterAnswers();
        Map<String, String> answers = new java.util.LinkedHashMap<>(Map.of("error-code", "0x904"));
        Assessment a = untilThePlanIsReady(answers);
        assertEquals(after, a.answers().size(), "offered after " + a.answers().size() + " answers");
        assertNotNull(a.nextQuestion(), "the user can go on");
        assertTrue(a.planReady().startsWith(after + " questions answered"), a.planReady());
        answers.remove(a.answers().keySet().stream().reduce((x, y) -> y).orElseThrow());
        assertNull(assess(answers).planReady(), "one answer fewer: not offered yet");
    }

    @Test
    void theCodeAndTheExtendedCodeAreOneObservationForEachCause() {
        // outdated-client has a rule for 0x904 and another for 0x7, at +0.3 each: one event, counted once
        Assessment both = assess(Map.of("error-code", "0x904", "extended-code", "0x7"));
        var reasons = both.causes().stream().filter(c -> c.id().equals("outdated-client")).findFirst().orElseThrow().reasons();
        assertEquals(1, reasons.size(), reasons.toString());
        assertEquals(0.3, reasons.get(0).weight(), 1e-9);
        for (var c : both.causes()) {
            assertTrue(c.reasons().size() <= 1, c.id() + " counts the dialog more than once: " + c.reasons());
        }
    }

    @Test
    void everyKnownCauseIsRankedOnce() {
        Assessment a = assess(Map.of("error-code", "0x904"));
        assertEquals(kb.causes().size(), a.causes().size());
        assertEquals(kb.causes().size(), a.causes().stream().map(Assessment.RankedCause::id).distinct().count());
    }

    @Test
    void theFirstQuestionIsACheapOneTheUserCanAnswer() {
        Assessment a = assess(Map.of());
        assertNotNull(a.nextQuestion());
        assertEquals("user", a.nextQuestion().who(), a.nextQuestion().id());
        assertTrue(a.nextQuestion().effort() <= 2, a.nextQuestion().id() + " takes " + a.nextQuestion().effort() + " min");
        assertTrue(a.nextQuestion().why().startsWith("Asked because it best separates"), a.nextQuestion().why());
    }

    @Test
    void anAnsweredQuestionIsNeverAskedAgain() {
        for (var s : Scenarios.all()) {
            Assessment a = assess(s.answers());
            if (a.nextQuestion() != null) {
                assertFalse(s.answers().containsKey(a.nextQuestion().id()), s + " asks " + a.nextQuestion().id() + " again");
            }
        }
    }

    @Test
    void noneOfTheKnownCausesGrowsWhenTheAnswersFitNothingKnown() {
        double before = assess(Map.of()).unlisted();
        Assessment replaced = assess(Map.of("error-code", "0x3", "extended-code", "0x5"));
        assertTrue(replaced.unlisted() > 2 * before, "unlisted " + before + " -> " + replaced.unlisted());
    }

    @Test
    void aPeerToPeerVpnOnTheHostPointsAtItsFirewallWhereATunnelPointsOutside() {
        Map<String, String> common = Map.of("host-os", "win10-11", "tcp-3389-test", "failed");
        var withTunnel = new java.util.HashMap<>(common);
        withTunnel.put("unusual-setup", "tunnel");
        var withMesh = new java.util.HashMap<>(common);
        withMesh.put("unusual-setup", "mesh-vpn");
        Assessment tunnel = assess(withTunnel);
        Assessment mesh = assess(withMesh);
        assertTrue(mesh.unlisted() < tunnel.unlisted(), "unlisted tunnel " + tunnel.unlisted() + " mesh " + mesh.unlisted());
        for (String cause : List.of("network-profile", "firewall-blocking")) {
            assertTrue(probability(mesh, cause) > probability(tunnel, cause), cause);
        }
        List<String> firstTwo = mesh.causes().stream().limit(2).map(Assessment.RankedCause::id).toList();
        assertTrue(firstTwo.containsAll(List.of("network-profile", "firewall-blocking")), firstTwo.toString());
    }

    private static double probability(Assessment a, String cause) {
        return a.causes().stream().filter(c -> c.id().equals(cause)).findFirst().orElseThrow().probability();
    }

    @Test
    void askingStopsOnceTheLeaderIsConfident() {
        Assessment a = assess(Map.of("dialog-message", "credssp-oracle", "credssp-patched", "one-unpatched"));
        assertEquals("credssp-oracle", a.leader().id());
        assertTrue(a.leader().probability() >= kb.settings().stopWhenLeaderAbove());
        assertNull(a.nextQuestion());
        assertTrue(a.stopReason().contains("likely"), a.stopReason());
    }

    @Test
    void aSecurityLoweringWorkaroundNeverComesBeforeTheSafeFixOfItsCause() {
        for (var s : Scenarios.all()) {
            List<PlanItem> plan = assess(s.answers()).plan();
            for (int i = 0; i < plan.size(); i++) {
                PlanItem w = plan.get(i);
                if (!"workaround".equals(w.kind())) {
                    continue;
                }
                assertEquals("lowers-security", w.risk());
                assertFalse(w.rollback().isEmpty(), s + ": workaround without rollback");
                for (int j = i + 1; j < plan.size(); j++) {
                    PlanItem later = plan.get(j);
                    assertFalse(later.cause().equals(w.cause()) && "fix".equals(later.kind()),
                            s + ": workaround '" + w.title() + "' comes before safe fix '" + later.title() + "'");
                }
            }
        }
    }

    @Test
    void aCheckWhoseQuestionIsAnsweredIsLeftOutOfThePlan() {
        Assessment a = assess(Map.of("error-code", "0x904", "extended-code", "0x7", "cert-events", "yes"));
        for (PlanItem p : a.plan()) {
            if ("check".equals(p.kind())) {
                Cause c = kb.cause(p.cause());
                c.confirm().stream().filter(k -> k.title().equals(p.title()))
                        .forEach(k -> assertFalse("cert-events".equals(k.answers()), "check " + k.id() + " is answered already"));
            }
        }
    }

    @Test
    void unknownQuestionIsRejectedWithItsName() {
        BadInput e = assertThrows(BadInput.class, () -> engine.answers(Map.of("colour-of-cable", "blue")));
        assertTrue(e.getMessage().contains("unknown question 'colour-of-cable'"), e.getMessage());
    }

    @Test
    void valueThatIsNotAnOptionIsRejectedWithTheOptions() {
        BadInput e = assertThrows(BadInput.class, () -> engine.answers(Map.of("tcp-3389-test", "maybe")));
        assertTrue(e.getMessage().contains("question 'tcp-3389-test' has no option 'maybe'"), e.getMessage());
        assertTrue(e.getMessage().contains("succeeded, failed, dont-know"), e.getMessage());
    }

    @Test
    void codesAreUnderstoodInAnyCaseAndInDecimal() {
        Answers a = engine.answers(Map.of("error-code", "2308", "extended-code", "0X7"));
        assertEquals(Map.of("error-code", "0x904", "extended-code", "0x7"), a.values());
    }

    @Test
    void concurrentAssessmentsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<Map<String, String>> inputs = randomSessions(64, new Random(7));
        List<Assessment> expected = inputs.stream().map(this::assess).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Assessment>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Map<String, String> in : inputs) {
                    futures.add(pool.submit(() -> assess(in)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % inputs.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Random but valid sessions: 1 to 8 answers drawn from the real questions and options. */
    static List<Map<String, String>> randomSessions(int n, Random random) {
        List<Question> questions = Engines.knowledge().questions();
        List<Map<String, String>> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> answers = new java.util.LinkedHashMap<>();
            int count = 1 + random.nextInt(8);
            while (answers.size() < count) {
                Question q = questions.get(random.nextInt(questions.size()));
                answers.put(q.id(), q.options().get(random.nextInt(q.options().size())).value());
            }
            sessions.add(answers);
        }
        return sessions;
    }
}
