package rdptriage.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.Conditional;
import rdptriage.knowledge.Fix;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Settings;
import rdptriage.knowledge.Unlisted;
import rdptriage.inference.Assessment.PlanItem;

/**
 * Orders checks and fixes by probability over effort (the classic optimal troubleshooting order).
 * Within a cause the order is kept: checks, then safe fixes, then fixes that lower security, so a
 * security-lowering workaround never comes before the safe fix of its cause.
 *
 * <p>"None of the known causes" is an outcome like the causes: when it is among the outcomes the
 * plan covers, what to collect ({@link Unlisted#collect()}) comes in, weighed by its probability;
 * when it leads, those steps come first, before any cause's.
 */
final class FixPlan {

    private record Candidate(String id, String causeTitle, Cause cause, double probability, int rank, int order,
                             String kind, String title, int effort, double score, Check check, Fix fix) {}

    private FixPlan() {}

    static List<PlanItem> build(List<Cause> ranked, double[] probabilities, double unlisted, Unlisted outcome,
                                Answers answers, Settings s) {
        List<Candidate> all = new ArrayList<>();
        // the rank "none of the known causes" takes among the outcomes
        int unlistedRank = 0;
        while (unlistedRank < probabilities.length && probabilities[unlistedRank] > unlisted) {
            unlistedRank++;
        }
        boolean covered = outcome != null && unlistedRank < s.planMaxCauses()
                && (unlistedRank == 0 || unlisted >= s.planMinProbability());
        int causesCovered = covered ? s.planMaxCauses() - 1 : s.planMaxCauses();
        for (int rank = 0; rank < ranked.size() && rank < causesCovered; rank++) {
            if (rank > 0 && probabilities[rank] < s.planMinProbability()) {
                break;
            }
            all.addAll(candidates(ranked.get(rank), probabilities[rank], rank, answers));
        }
        if (covered) {
            all.addAll(collect(outcome, unlisted, unlistedRank, answers));
        }
        Comparator<Candidate> order = Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::rank).thenComparingInt(Candidate::order);
        all.sort(unlistedRank == 0 && covered
                ? Comparator.comparing((Candidate c) -> c.cause() != null).thenComparing(order) : order);
        List<PlanItem> plan = new ArrayList<>();
        java.util.Map<String, Integer> verifiedAt = new java.util.HashMap<>();
        for (Candidate c : all) {
            int step = plan.size() + 1;
            Integer first = c.fix() == null ? null : verifiedAt.putIfAbsent(c.id(), step);
            plan.add(item(step, c, first));
        }
        return plan;
    }

    /** What to collect for "none of the known causes", in its fixed order, leaving out checks that do not apply. */
    private static List<Candidate> collect(Unlisted u, double p, int rank, Answers answers) {
        List<Candidate> list = new ArrayList<>();
        checks(list, u.id(), u.title(), null, "collect", u.collect(), p, rank, answers);
        return list;
    }

    /**
     * Adds the checks that still apply, in their order, each score capped by the one before; a
     * check is left out when the question it answers is answered already or only_if rules it out.
     * Returns the last cap, for what follows them.
     */
    private static double checks(List<Candidate> list, String id, String title, Cause cause, String kind, List<Check> checks,
                                 double p, int rank, Answers answers) {
        double cap = Double.MAX_VALUE;
        for (Check k : checks) {
            if (k.answers() != null && answers.known(k.answers()) || !applies(k, answers)) {
                continue;
            }
            cap = Math.min(cap, p / k.effort());
            list.add(new Candidate(id, title, cause, p, rank, list.size(), kind, k.title(), k.effort(), cap, k, null));
        }
        return cap;
    }

    /** A step limited by only_if applies unless its question is answered with a value it does not name. */
    private static boolean applies(Conditional k, Answers answers) {
        if (k.onlyIf() == null || !answers.known(k.onlyIfQuestion())) {
            return true;
        }
        return Question.values(answers.values().get(k.onlyIfQuestion())).stream().anyMatch(k.onlyIfValues()::contains);
    }

    /**
     * A cause's steps in their fixed order: its checks, then its safe fixes, then those that lower
     * security, each group in the order of the data except where a fix names others it comes
     * {@code after}; fixes the answers rule out are left out, and so are those that lower security
     * when no safe fix is left before them. Each score is capped by the one before, which keeps that order.
     */
    private static List<Candidate> candidates(Cause cause, double p, int rank, Answers answers) {
        List<Candidate> list = new ArrayList<>();
        double cap = checks(list, cause.id(), cause.title(), cause, "check", cause.confirm(), p, rank, answers);
        boolean safeFix = false;
        for (boolean lowering : new boolean[] {false, true}) {
            for (Fix f : inDependencyOrder(cause.fixes())) {
                // a fix that lowers security only ever follows a safe fix of its cause, also when the answers ruled those out
                if (f.lowersSecurity() == lowering && applies(f, answers) && (!lowering || safeFix)) {
                    safeFix |= !lowering;
                    cap = Math.min(cap, p / f.effort());
                    list.add(new Candidate(cause.id(), cause.title(), cause, p, rank, list.size(), lowering ? "workaround" : "fix", f.title(),
                            f.effort(), cap, null, f));
                }
            }
        }
        return list;
    }

    /**
     * The fixes in the order of the data, except that a fix waits for the fixes it names in
     * {@code after} (lint refuses circles and unknown names; one left anyway ends the wait).
     */
    static List<Fix> inDependencyOrder(List<Fix> fixes) {
        if (fixes.stream().allMatch(f -> f.after().isEmpty())) {
            return fixes;
        }
        List<Fix> waiting = new ArrayList<>(fixes);
        List<Fix> done = new ArrayList<>();
        java.util.Set<String> pending = new java.util.HashSet<>();
        fixes.forEach(f -> pending.add(f.id()));
        while (!waiting.isEmpty()) {
            Fix next = waiting.stream().filter(f -> f.after().stream().noneMatch(pending::contains))
                    .findFirst().orElse(waiting.get(0));
            waiting.remove(next);
            pending.remove(next.id());
            done.add(next);
        }
        return done;
    }

    /**
     * One step of the plan. A cause's verify steps stand once, under its first fix in the plan;
     * {@code verifiedAt} is that fix's step when this is a later one, which then points there.
     */
    private static PlanItem item(int step, Candidate c, Integer verifiedAt) {
        if (c.check() != null) {
            Check k = c.check();
            return new PlanItem(step, c.id(), c.causeTitle(), c.kind(), c.title(), c.effort(),
                    c.probability(), "none", null, false, List.of(k.step()), List.of(), List.of(), 0, k.sources());
        }
        Fix f = c.fix();
        return new PlanItem(step, c.cause().id(), c.cause().title(), c.kind(), c.title(), c.effort(),
                c.probability(), f.risk(), f.riskNote(), f.temporary(), f.steps(), f.rollback(),
                verifiedAt == null ? c.cause().verify() : List.of(), verifiedAt == null ? step : verifiedAt, f.sources());
    }
}
