package rdptriage.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.runtime.KieSessionsPool;
import rdptriage.inference.Assessment.Ask;
import rdptriage.inference.Assessment.RankedCause;
import rdptriage.inference.Assessment.Reason;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;

/**
 * The engine facade: answers in, {@link Assessment} out. Stateless and thread-safe: each call takes
 * a session from a pool and gives it back reset.
 */
public final class Engine {

    /** The knowledge and the numbers derived from it once, shared by every evaluation. */
    record Model(KnowledgeBase kb, List<Cause> causes, Map<String, Integer> index, double[] logPriors,
                 double logUnlisted, Optional<Map<String, Set<Integer>>> namedBy) {

        Ranking rank(double[] logLikelihood, double logLikelihoodUnlisted) {
            return Ranking.of(logPriors, logUnlisted, logLikelihood, logLikelihoodUnlisted);
        }
    }

    private final Model model;
    private final KieSessionsPool pool;
    private final RuleGuard guard = new RuleGuard();
    private final Likelihood likelihood;
    private final java.util.Set<String> dialogRules;
    /** The rules' conclusions per answer, remembered; null when the rules could not be analysed (then every assessment runs Drools). */
    private volatile AnswerGroups groups;

    /** Whether assessments are put together from remembered conclusions and questions ruled out early ({@link #reference}: not). */
    private final boolean quick;

    private Engine(KnowledgeBase kb, RuleBase rules, boolean fitNow, boolean shortcut) {
        this(kb, rules, fitNow, shortcut, true);
    }

    private Engine(KnowledgeBase kb, RuleBase rules, boolean fitNow, boolean shortcut, boolean quick) {
        this.quick = quick;
        List<Cause> causes = kb.causes();
        Map<String, Integer> index = new HashMap<>();
        double[] logPriors = new double[causes.size()];
        for (int i = 0; i < causes.size(); i++) {
            index.put(causes.get(i).id(), i);
            logPriors[i] = Math.log(causes.get(i).prior());
        }
        this.model = new Model(kb, causes, Map.copyOf(index), logPriors, Math.log(kb.settings().unlistedPrior()),
                RuleCheck.namedBy(rules.sources()));
        this.pool = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
        this.dialogRules = RuleCheck.dialogRules(rules.sources());
        Likelihood.Stored stored = fitNow ? Likelihood.Stored.NONE
                : ModelDefaults.load(kb, rules.sources()).orElse(Likelihood.Stored.NONE);
        RuleCheck.Links links = shortcut ? RuleCheck.links(rules.sources(), kb) : new RuleCheck.Links(Optional.empty(), Optional.empty());
        Optional<Map<String, Set<String>>> partners = links.partners();
        this.likelihood = Likelihood.of(model, this::evaluation, stored, partners);
        this.groups = quick ? links.joins()
                .map(joins -> new AnswerGroups(joins, partners.get(), model.index(), this::evaluation, guard)).orElse(null) : null;
    }

    /** An engine on the given knowledge and rules. */
    public static Engine of(KnowledgeBase kb, RuleBase rules) {
        return new Engine(kb, rules, false, true);
    }

    /** An engine that fits every question's default now, ignoring what the build stored (for the build step). */
    static Engine fitted(KnowledgeBase kb, RuleBase rules) {
        return new Engine(kb, rules, true, true);
    }

    /**
     * An engine that fits its defaults now and tries every answer in the context of the others,
     * without the shortcut for answers whose rules read nothing else; tests hold the two alike.
     */
    static Engine inContext(KnowledgeBase kb, RuleBase rules) {
        return new Engine(kb, rules, true, false);
    }

    /**
     * The engine as {@link #of} builds it, but running every assessment on one Drools session and
     * valuing every question the search reaches exactly, as before the remembered conclusions
     * ({@link AnswerGroups}) and the early rough look ({@link NextQuestion}): tests hold the two identical.
     */
    static Engine reference(KnowledgeBase kb, RuleBase rules) {
        return new Engine(kb, rules, false, true, false);
    }

    public KnowledgeBase knowledge() {
        return model.kb();
    }

    /** Validates raw answers (question id to value) against the knowledge; throws {@link BadInput}. */
    public Answers answers(Map<String, String> raw) {
        return Answers.of(model.kb(), raw);
    }

    /**
     * Reads a pasted ticket, dialog, log or command output (knowledge/signals/) together with the
     * answers given; the given answers win. Throws {@link BadInput} for a paste over 64 KB.
     */
    public Reading read(String text, Answers given) {
        if (text == null || text.isBlank()) {
            return Reading.NONE.with(given);
        }
        return ticket().read(text).with(given);
    }

    private volatile Ticket ticket;

    /** The signals are compiled on the first paste, not at start: most runs never read one. */
    private Ticket ticket() {
        Ticket t = ticket;
        if (t == null) {
            synchronized (this) {
                if (ticket == null) {
                    ticket = new Ticket(model.kb());
                }
                t = ticket;
            }
        }
        return t;
    }

    /** Ranks the causes for these answers, chooses the next question and orders the fix plan. */
    public Assessment assess(Answers answers) {
        return assess(answers, true);
    }

    /**
     * Ranks the causes and chooses the next question, without the fix plan (its list is empty): for
     * output that does not show the plan, such as batch's compact records.
     */
    public Assessment assessWithoutPlan(Answers answers) {
        return assess(answers, false);
    }

    /** Whether an assessment has been made: the first runs as the reference does (see {@link #assess(Answers, boolean)}). */
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    private Assessment assess(Answers answers, boolean plan) {
        // the first assessment of the process runs on one session, valuing questions exactly, as the
        // reference does (the same results): a one-shot triage would only fill memory it never reads
        boolean first = !started.get() && started.compareAndSet(false, true);
        AnswerGroups g = groups;
        if (g != null && !first) {
            try {
                return assess(answers, g.start(), plan, quick);
            } catch (Evaluation.OffGrid e) {
                // a weight the sums in units cannot hold exactly: every assessment runs on one session from now on
                groups = null;
            }
        }
        return assess(answers, evaluation(), plan, quick && !first);
    }

    private Assessment assess(Answers answers, Weighing weighing, boolean plan, boolean early) {
        try (Weighing ev = weighing) {
            double[] log = new double[model.causes().size()];
            double logUnlisted = 0;
            java.util.Set<String> before = new java.util.HashSet<>();
            for (var answer : answers.values().entrySet()) {
                var q = model.kb().question(answer.getKey());
                double[] l = likelihood.read(ev, q, answer.getValue(), before);
                before.add(q.id());
                for (int i = 0; i < log.length; i++) {
                    log[i] += l[i];
                }
                logUnlisted += likelihood.logUnlisted(q, answer.getValue());
            }
            List<Evidence> evidence = ev.evidence();
            Ranking ranking = model.rank(log, logUnlisted);
            NextQuestion.Choice choice = new NextQuestion(model, likelihood, ev, ranking, ev.weights(), early).choose(answers);
            return assessment(answers, evidence, ranking, choice, plan);
        }
    }

    Likelihood likelihood() {
        return likelihood;
    }

    /** An evaluation on a pooled session with no answer yet, to read or try answers on; the caller closes it. */
    Evaluation evaluation() {
        return new Evaluation(pool.newKieSession(), model.kb(), model.index(), dialogRules, guard);
    }

    Model model() {
        return model;
    }

    private Assessment assessment(Answers answers, List<Evidence> evidence, Ranking ranking, NextQuestion.Choice choice,
                                  boolean plan) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < model.causes().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -ranking.probability(i)).thenComparing(i -> i));
        Map<String, List<Evidence>> byCause = new HashMap<>();
        for (Evidence e : evidence) {
            byCause.computeIfAbsent(e.cause(), k -> new ArrayList<>()).add(e);
        }
        List<RankedCause> ranked = new ArrayList<>();
        List<Cause> rankedCauses = new ArrayList<>();
        double[] probabilities = new double[order.size()];
        for (int r = 0; r < order.size(); r++) {
            Cause c = model.causes().get(order.get(r));
            probabilities[r] = ranking.probability(order.get(r));
            rankedCauses.add(c);
            ranked.add(new RankedCause(c.id(), c.title(), probabilities[r], c.evidence().label(), reasons(byCause.getOrDefault(c.id(), List.of()))));
        }
        Ask ask = choice.question() == null ? null : ask(choice);
        int planAfter = model.kb().settings().planAfterAnswers();
        String planReady = ask != null && answers.values().size() >= planAfter
                ? answers.values().size() + " questions answered; more answers can still sharpen it"
                : null;
        return new Assessment(answers.values(), ranked, ranking.unlisted(), ask, choice.stopReason(), planReady,
                plan ? FixPlan.build(rankedCauses, probabilities, ranking.unlisted(), model.kb().unlisted(), answers,
                        model.kb().settings()) : List.of());
    }

    private Ask ask(NextQuestion.Choice c) {
        return Ask.of(c.question(), NextQuestion.why(c, model.causes()));
    }

    private static List<Reason> reasons(List<Evidence> evidence) {
        return evidence.stream()
                .sorted(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())).thenComparing(Evidence::reason))
                .map(e -> new Reason(e.weight(), e.reason(), e.source() == null || e.source().isEmpty() ? null : e.source()))
                .toList();
    }
}
