package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Assessment.PlanItem;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.EvidenceLevel;
import rdptriage.knowledge.Fix;
import rdptriage.knowledge.Settings;
import rdptriage.knowledge.Step;
import rdptriage.knowledge.Unlisted;

/** The plan order: probability over effort, with checks, safe fixes and workarounds kept in order per cause. */
class FixPlanTest {

    private static final Step STEP = new Step("host", "gui", false, "Do it.", null);
    private static final Settings SETTINGS = new Settings(0.08, 0.85, 0.01, 6, 0.05, 5, 1.0);

    private static Cause cause(String id, int checkEffort, int fixEffort, Integer workaroundEffort) {
        List<Fix> fixes = new java.util.ArrayList<>();
        fixes.add(new Fix(id + "-fix", id + " fix", "low", "Drops sessions.", false, fixEffort, List.of(STEP), List.of(STEP), List.of(), List.of()));
        if (workaroundEffort != null) {
            fixes.add(new Fix(id + "-workaround", id + " workaround", "lowers-security", "Opens the host.", true, workaroundEffort,
                    List.of(STEP), List.of(STEP), List.of(), List.of()));
        }
        Check check = new Check(id + "-check", id + " check", "host", "gui", false, checkEffort, "tcp-3389-test", null, "Look.", List.of());
        return new Cause(id, id, "s", 0.1, new EvidenceLevel("microsoft", false, "n"), List.of(), List.of(check), fixes,
                List.of(STEP), List.of(), "", id + ".md");
    }

    private static List<String> titles(List<PlanItem> plan) {
        return plan.stream().map(PlanItem::title).toList();
    }

    @Test
    void cheapLikelyStepsComeFirstAndEachCauseKeepsCheckFixWorkaroundOrder() {
        Cause a = cause("a", 10, 5, null);
        Cause b = cause("b", 1, 30, 1);
        List<PlanItem> plan = FixPlan.build(List.of(a, b), new double[] {0.6, 0.3}, 0.0, null, Answers.NONE, SETTINGS);
        assertEquals(List.of("b check", "a check", "a fix", "b fix", "b workaround"), titles(plan));
        assertEquals(List.of(1, 2, 3, 4, 5), plan.stream().map(PlanItem::step).toList());
    }

    @Test
    void aCheapWorkaroundStillWaitsForItsExpensiveSafeFix() {
        Cause b = cause("b", 1, 60, 1);
        Cause c = cause("c", 2, 2, null);
        List<PlanItem> plan = FixPlan.build(List.of(b, c), new double[] {0.5, 0.3}, 0.0, null, Answers.NONE, SETTINGS);
        assertEquals(List.of("b check", "c check", "c fix", "b fix", "b workaround"), titles(plan));
    }

    @Test
    void aCheckWhoseQuestionIsAnsweredIsSkippedButADontKnowKeepsIt() {
        Cause a = cause("a", 1, 5, null);
        Answers answered = new Answers(java.util.Map.of("tcp-3389-test", "failed"));
        Answers unsure = new Answers(java.util.Map.of("tcp-3389-test", "dont-know"));
        assertEquals(List.of("a fix"), titles(FixPlan.build(List.of(a), new double[] {0.9}, 0.0, null, answered, SETTINGS)));
        assertEquals(List.of("a check", "a fix"), titles(FixPlan.build(List.of(a), new double[] {0.9}, 0.0, null, unsure, SETTINGS)));
    }

    @Test
    void unlikelyCausesStayOutOfThePlanButTheLeaderIsAlwaysIn() {
        Cause a = cause("a", 1, 1, null);
        Cause b = cause("b", 1, 1, null);
        assertEquals(List.of("a check", "a fix"), titles(FixPlan.build(List.of(a, b), new double[] {0.03, 0.01}, 0.0, null, Answers.NONE, SETTINGS)));
    }

    private static final Unlisted OUTCOME = new Unlisted(Unlisted.ID, "None of the known causes", "s", List.of(
            new Check("log", "read the log", "client", "gui", false, 3, null, null, null, "Read.", List.of()),
            new Check("xrdp", "read the xrdp logs", "host", "gui", false, 3, null, "host-os=not-windows", null, "Read.", List.of())),
            "unlisted.yaml");

    @Test
    void whenNoneOfTheKnownCausesLeadsWhatToCollectComesFirst() {
        Cause a = cause("a", 1, 1, null);
        List<PlanItem> plan = FixPlan.build(List.of(a), new double[] {0.3}, 0.6, OUTCOME, Answers.NONE, SETTINGS);
        assertEquals(List.of("read the log", "read the xrdp logs", "a check", "a fix"), titles(plan));
        assertEquals("collect", plan.get(0).kind());
        assertEquals(Unlisted.ID, plan.get(0).cause());
    }

    @Test
    void aCollectStepLimitedByOnlyIfIsLeftOutWhenTheAnswerRulesItOut() {
        Cause a = cause("a", 1, 1, null);
        Answers windows = Answers.of(Engines.knowledge(), java.util.Map.of("host-os", "win10-11"));
        Answers xrdp = Answers.of(Engines.knowledge(), java.util.Map.of("host-os", "not-windows"));
        assertEquals(List.of("read the log", "a check", "a fix"),
                titles(FixPlan.build(List.of(a), new double[] {0.3}, 0.6, OUTCOME, windows, SETTINGS)));
        assertEquals(List.of("read the log", "read the xrdp logs", "a check", "a fix"),
                titles(FixPlan.build(List.of(a), new double[] {0.3}, 0.6, OUTCOME, xrdp, SETTINGS)));
    }

    @Test
    void anUnlikelyUnlistedOutcomeAddsNothingToThePlan() {
        Cause a = cause("a", 1, 1, null);
        assertEquals(List.of("a check", "a fix"),
                titles(FixPlan.build(List.of(a), new double[] {0.96}, 0.04, OUTCOME, Answers.NONE, SETTINGS)));
    }

    private static Fix fix(String id, int effort, List<String> after, String onlyIf) {
        return new Fix(id, id, "low", "Drops sessions.", false, effort, List.of(STEP), List.of(STEP), List.of(), after, onlyIf, List.of());
    }

    private static Cause withFixes(String id, Fix... fixes) {
        return new Cause(id, id, "s", 0.1, new EvidenceLevel("microsoft", false, "n"), List.of(), List.of(), List.of(fixes),
                List.of(STEP), List.of(), "", id + ".md");
    }

    @Test
    void aFixWaitsForTheFixesItComesAfterThoughItIsCheaper() {
        Cause dns = withFixes("dns", fix("for-now", 5, List.of(), null), fix("flush-cache", 2, List.of("correct-record"), null),
                fix("correct-record", 15, List.of(), null), fix("hosts-entry", 5, List.of(), null));
        List<PlanItem> plan = FixPlan.build(List.of(dns), new double[] {0.9}, 0.0, null, Answers.NONE, SETTINGS);
        assertEquals(List.of("for-now", "correct-record", "flush-cache", "hosts-entry"), titles(plan));
    }

    @Test
    void aFixTheAnswersRuleOutIsLeftOutAndAnUnansweredOrDontKnowKeepsIt() {
        Cause gw = withFixes("gw", fix("policies", 5, List.of(), null),
                fix("udp-off", 5, List.of(), "failure-moment=about-a-minute,mid-session"));
        var kb = Engines.knowledge();
        assertEquals(List.of("policies"), titles(FixPlan.build(List.of(gw), new double[] {0.9}, 0.0, null,
                Answers.of(kb, java.util.Map.of("failure-moment", "immediately")), SETTINGS)));
        assertEquals(List.of("policies", "udp-off"), titles(FixPlan.build(List.of(gw), new double[] {0.9}, 0.0, null,
                Answers.of(kb, java.util.Map.of("failure-moment", "about-a-minute")), SETTINGS)));
        assertEquals(List.of("policies", "udp-off"), titles(FixPlan.build(List.of(gw), new double[] {0.9}, 0.0, null,
                Answers.of(kb, java.util.Map.of("failure-moment", "dont-know")), SETTINGS)));
        assertEquals(List.of("policies", "udp-off"), titles(FixPlan.build(List.of(gw), new double[] {0.9}, 0.0, null, Answers.NONE, SETTINGS)));
    }

    @Test
    void eachCausesVerifyStepsStandOnceUnderItsFirstFixAndItsLaterFixesPointThere() {
        Cause a = withFixes("a", fix("first", 5, List.of(), null), fix("second", 10, List.of(), null), fix("third", 20, List.of(), null));
        List<PlanItem> plan = FixPlan.build(List.of(a), new double[] {0.9}, 0.0, null, Answers.NONE, SETTINGS);
        assertEquals(List.of(STEP), plan.get(0).verify());
        assertEquals(List.of(), plan.get(1).verify());
        assertEquals(List.of(), plan.get(2).verify());
        assertEquals(List.of(1, 1, 1), plan.stream().map(PlanItem::verifyStep).toList());
        assertEquals(List.of(false, true, true), plan.stream().map(PlanItem::verifiesElsewhere).toList());
    }

    /**
     * In the real knowledge, over every scenario: verify once per cause, after: kept, only_if obeyed,
     * and a fix that lowers security only after a safe fix of its cause, also when only_if left some out.
     */
    @Test
    void everyScenariosPlanVerifiesEachCauseOnceKeepsAfterAndObeysOnlyIf() {
        Engine engine = Engines.compiled();
        var kb = engine.knowledge();
        for (Scenarios.Scenario sc : Scenarios.all()) {
            Assessment a = engine.assess(engine.answers(sc.answers()));
            java.util.Map<String, Integer> verified = new java.util.HashMap<>();
            java.util.Map<String, Integer> fixAt = new java.util.HashMap<>();
            for (PlanItem p : a.plan()) {
                if (!p.verify().isEmpty()) {
                    assertEquals(null, verified.put(p.cause(), p.step()), sc + ": verify of " + p.cause() + " twice");
                }
                if (p.kind().equals("workaround")) {
                    assertEquals(true, a.plan().stream().anyMatch(q -> q.cause().equals(p.cause()) && q.kind().equals("fix")
                            && q.step() < p.step()), sc + ": " + p.title() + " lowers security without a safe fix before it");
                }
                if (p.kind().equals("fix") || p.kind().equals("workaround")) {
                    assertEquals(verified.get(p.cause()), (Integer) p.verifyStep(), sc + ": " + p.title());
                    Fix f = kb.cause(p.cause()).fixes().stream().filter(x -> x.title().equals(p.title())).findFirst().orElseThrow();
                    for (String before : f.after()) {
                        if (!fixAt.containsKey(before)) {
                            String title = kb.cause(p.cause()).fixes().stream().filter(x -> x.id().equals(before)).findFirst().orElseThrow().title();
                            assertEquals(false, a.plan().stream().anyMatch(q -> q.title().equals(title) && q.step() > p.step()),
                                    sc + ": " + f.id() + " before " + before);
                        }
                    }
                    fixAt.put(f.id(), p.step());
                    if (f.onlyIf() != null && a.answers().containsKey(f.onlyIfQuestion())) {
                        String v = a.answers().get(f.onlyIfQuestion());
                        assertEquals(true, v.equals("dont-know") || rdptriage.knowledge.Question.values(v).stream().anyMatch(f.onlyIfValues()::contains),
                                sc + ": " + f.id() + " is ruled out by " + f.onlyIfQuestion() + "=" + v);
                    }
                }
            }
        }
    }

    @Test
    void theRealGatewayPlanLeavesOutTurningUdpOffWhenTheFailureComesRightAfterConnect() {
        Engine engine = Engines.compiled();
        var base = new java.util.LinkedHashMap<String, String>(java.util.Map.of("error-code", "0x904", "rd-gateway", "yes"));
        base.put("failure-moment", "immediately");
        List<String> now = titles(engine.assess(engine.answers(base)).plan());
        base.put("failure-moment", "about-a-minute");
        List<String> later = titles(engine.assess(engine.answers(base)).plan());
        String udp = "If gateway sessions drop after connecting: turn off UDP on the gateway";
        assertEquals(false, now.contains(udp), now.toString());
        assertEquals(true, later.contains(udp), later.toString());
    }

    @Test
    void topCutsTheRankingAndKeepsOnlyThePlanStepsOfThoseCausesRenumbered() {
        Engine engine = Engines.compiled();
        Assessment a = engine.assess(engine.answers(java.util.Map.of("error-code", "0x904", "extended-code", "0x7")));
        Assessment two = a.top(2);
        assertEquals(a.causes().subList(0, 2), two.causes());
        java.util.Set<String> kept = java.util.Set.of(a.causes().get(0).id(), a.causes().get(1).id());
        assertEquals(a.plan().stream().filter(p -> kept.contains(p.cause())).map(PlanItem::title).toList(), titles(two.plan()));
        for (PlanItem p : two.plan()) {
            assertEquals(two.plan().indexOf(p) + 1, p.step());
            if (p.verifiesElsewhere()) {
                assertEquals(p.cause(), two.plan().get(p.verifyStep() - 1).cause());
                assertEquals(false, two.plan().get(p.verifyStep() - 1).verify().isEmpty());
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(BadInput.class, () -> a.top(0));
    }

    @Test
    void aWorkaroundIsLeftOutWhenTheAnswersRuleOutEverySafeFixOfItsCause() {
        Fix safe = fix("safe", 5, List.of(), "failure-moment=about-a-minute");
        Fix lowering = new Fix("lowering", "lowering", "lowers-security", "Opens the host.", true, 1, List.of(STEP), List.of(STEP),
                List.of(), List.of(), null, List.of());
        Cause c = withFixes("c", safe, lowering);
        var kb = Engines.knowledge();
        assertEquals(List.of(), titles(FixPlan.build(List.of(c), new double[] {0.9}, 0.0, null,
                Answers.of(kb, java.util.Map.of("failure-moment", "immediately")), SETTINGS)));
        assertEquals(List.of("safe", "lowering"), titles(FixPlan.build(List.of(c), new double[] {0.9}, 0.0, null, Answers.NONE, SETTINGS)));
    }
}
