package rdptriage.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.Fix;
import rdptriage.knowledge.Settings;
import rdptriage.inference.Assessment.PlanItem;

/**
 * Orders checks and fixes by probability over effort (the classic optimal troubleshooting order).
 * Within a cause the order is kept: checks, then safe fixes, then fixes that lower security, so a
 * security-lowering workaround never comes before the safe fix of its cause.
 */
final class FixPlan {

    private record Candidate(Cause cause, double probability, int rank, int order, String kind, String title,
                             int effort, double score, Check check, Fix fix) {}

    private FixPlan() {}

    static List<PlanItem> build(List<Cause> ranked, double[] probabilities, Answers answers, Settings s) {
        List<Candidate> all = new ArrayList<>();
        for (int rank = 0; rank < ranked.size() && rank < s.planMaxCauses(); rank++) {
            if (rank > 0 && probabilities[rank] < s.planMinProbability()) {
                break;
            }
            all.addAll(candidates(ranked.get(rank), probabilities[rank], rank, answers));
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::rank).thenComparingInt(Candidate::order));
        List<PlanItem> plan = new ArrayList<>();
        for (Candidate c : all) {
            plan.add(item(plan.size() + 1, c));
        }
        return plan;
    }

    /** A cause's steps in their fixed order; each score is capped by the one before, which keeps that order. */
    private static List<Candidate> candidates(Cause cause, double p, int rank, Answers answers) {
        List<Candidate> list = new ArrayList<>();
        double cap = Double.MAX_VALUE;
        int order = 0;
        for (Check k : cause.confirm()) {
            if (k.answers() != null && answers.known(k.answers())) {
                continue;
            }
            cap = Math.min(cap, p / k.effort());
            list.add(new Candidate(cause, p, rank, order++, "check", k.title(), k.effort(), cap, k, null));
        }
        for (boolean lowering : new boolean[] {false, true}) {
            for (Fix f : cause.fixes()) {
                if (f.lowersSecurity() == lowering) {
                    cap = Math.min(cap, p / f.effort());
                    list.add(new Candidate(cause, p, rank, order++, lowering ? "workaround" : "fix", f.title(),
                            f.effort(), cap, null, f));
                }
            }
        }
        return list;
    }

    private static PlanItem item(int step, Candidate c) {
        if (c.check() != null) {
            Check k = c.check();
            return new PlanItem(step, c.cause().id(), c.cause().title(), c.kind(), c.title(), c.effort(),
                    c.probability(), "none", null, false, List.of(k.step()), List.of(), List.of(), k.sources());
        }
        Fix f = c.fix();
        return new PlanItem(step, c.cause().id(), c.cause().title(), c.kind(), c.title(), c.effort(),
                c.probability(), f.risk(), f.riskNote(), f.temporary(), f.steps(), f.rollback(),
                c.cause().verify(), f.sources());
    }
}
