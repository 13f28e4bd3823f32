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
}
