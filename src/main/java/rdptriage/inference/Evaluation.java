package rdptriage.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

/**
 * One evaluation on a pooled Drools session: the answers go in as facts and the rules fire; then
 * "what if" answers are tried one at a time. Truth maintenance (insertLogical) withdraws the
 * evidence of a tried answer when it is deleted, so each try costs only its own rules.
 *
 * <p>One rule counts once per cause, however many answers it matched, and the rules that read
 * nothing but the error dialog count once per cause together: the error code, the extended code
 * and the dialog message describe one event, so 0x904 and 0x7 are one observation, not two. The
 * strongest conclusion of such a group counts (and is the reason shown).
 */
final class Evaluation implements Weighing, RuleRuntimeEventListener {

    private final KieSession session;
    private final RuleGuard guard;
    private final KnowledgeBase kb;
    private final Map<String, Integer> causeIndex;
    private final List<FactHandle> trial = new ArrayList<>(2);
    /** The key under which the error dialog's rules count, once per cause. */
    static final String DIALOG = "the error dialog (code, extended code and message as one event)";

    /** Summed evidence weight per cause, kept current as evidence is inserted and withdrawn. */
    private final double[] live;
    /** The evidence in force, by cause and rule: each rule's strongest conclusion is what counts. */
    private final Map<String, List<Evidence>> byRule = new HashMap<>();
    /** The rule key each evidence in force was filed under (a withdrawal does not always name its rule). */
    private final Map<Evidence, String> filed = new HashMap<>();

    /** The rule names whose evidence is one observation per cause: the error dialog's rules. */
    private final Set<String> dialogRules;

    Evaluation(KieSession session, KnowledgeBase kb, Map<String, Integer> causeIndex, Set<String> dialogRules, RuleGuard guard) {
        this.session = session;
        this.guard = guard;
        this.dialogRules = dialogRules;
        this.kb = kb;
        this.causeIndex = causeIndex;
        this.live = new double[causeIndex.size()];
        session.addEventListener(this);
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Evidence e) {
            String rule = event.getRule() == null ? "" : event.getRule().getName();
            String key = e.cause() + '\u0000' + (dialogRules.contains(rule) ? DIALOG : rule);
            filed.put(e, key);
            change(e, key, true);
            if (log != null && causeIndex.containsKey(e.cause())) {
                log.add(new Came(key, e));
            }
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Evidence e) {
            String key = filed.remove(e);
            if (key != null) {
                change(e, key, false);
            }
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // rules never modify facts
    }

    private void change(Evidence e, String key, boolean inserted) {
        Integer i = causeIndex.get(e.cause());
        if (i == null) {
            return;
        }
        List<Evidence> list = byRule.computeIfAbsent(key, k -> new ArrayList<>(1));
        live[i] -= strongest(list);
        if (inserted) {
            list.add(e);
        } else {
            list.remove(e);
        }
        live[i] += strongest(list);
        if (list.isEmpty()) {
            byRule.remove(key);
        }
    }

    private static double strongest(List<Evidence> list) {
        return list.isEmpty() ? 0 : strongestOf(list).weight();
    }

    private static Evidence strongestOf(List<Evidence> list) {
        Evidence best = list.get(0);
        for (Evidence e : list) {
            if (Math.abs(e.weight()) > Math.abs(best.weight())) {
                best = e;
            }
        }
        return best;
    }

    /** Inserts one more answer and fires the rules. */
    @Override
    public void add(String question, String value) {
        insertAnswer(question, value, null);
        guard.fire(session);
    }

    @Override
    public List<Evidence> evidence() {
        List<Evidence> list = new ArrayList<>();
        for (List<Evidence> l : byRule.values()) {
            list.add(strongestOf(l));
        }
        return list;
    }

    @Override
    public double[] weights() {
        // evidence arrives in different orders on the two rule paths and is added and withdrawn
        // many times; rounding makes the sums independent of that order
        double[] w = new double[live.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.rint(live[i] * 1e9) / 1e9;
        }
        return w;
    }

    /**
     * The weights if {@code question} were answered {@code value} on top of the inserted answers.
     * The trial facts are deleted afterwards; the next fire withdraws what they justified.
     */
    double[] tryAnswer(String question, String value) {
        insertAnswer(question, value, trial);
        guard.fire(session);
        double[] w = weights();
        trial.forEach(session::delete);
        trial.clear();
        return w;
    }

    @Override
    public double[][] tryEach(Informative q, double[] base) {
        double[][] w = new double[q.size()][];
        for (int o = 0; o < w.length; o++) {
            if (q.alike()[o] != o) {
                w[o] = w[q.alike()[o]].clone();
                continue;
            }
            double[] t = tryAnswer(q.question().id(), q.values()[o]);
            for (int c = 0; c < t.length; c++) {
                t[c] -= base[c];
            }
            w[o] = t;
        }
        return w;
    }

    /** A weight is a whole number of these units: 1e-9, as {@link #weights()} rounds. */
    static final double UNIT = 1e9;

    /** A weight that is not a whole number of units (1e-9) cannot be summed in units exactly. */
    static final class OffGrid extends RuntimeException {
        OffGrid(Evidence e) {
            super("evidence weight " + e.weight() + " of " + e.cause() + " is not a multiple of 1e-9", null, false, false);
        }
    }

    /**
     * The weight in whole units of 1e-9: sums of these are exactly the sums {@link #weights()} rounds,
     * whatever the order evidence came and went in; {@link OffGrid} for a weight that is not a whole number of units.
     */
    static long units(Evidence e) {
        double x = e.weight() * UNIT;
        long k = Math.round(x);
        if (Math.abs(x - k) > 1e-3 || Math.abs(e.weight()) > 1e6) {
            throw new OffGrid(e);
        }
        return k;
    }

    /** One conclusion as the rules made it: the key it counts under (cause and rule, or cause and the error dialog) and the evidence. */
    record Came(String key, Evidence evidence) {}

    /** The conclusions made so far, in the order they came, when recording ({@link #recording()}). */
    private List<Came> log;

    /** This evaluation, recording from now on the conclusions that come, for {@link #addRecorded} and {@link #tryRecorded}. */
    Evaluation recording() {
        log = new ArrayList<>();
        return this;
    }

    /** Adds one more answer, as {@link #add}, and returns the conclusions it brought, in the order they came. */
    List<Came> addRecorded(String question, String value) {
        int before = log.size();
        add(question, value);
        return List.copyOf(log.subList(before, log.size()));
    }

    /**
     * The conclusions {@code question} answered {@code value} would bring on top of the answers in,
     * in the order they came; the trial facts are deleted afterwards and what they justified withdrawn.
     */
    List<Came> tryRecorded(String question, String value) {
        int before = log.size();
        insertAnswer(question, value, trial);
        guard.fire(session);
        List<Came> came = List.copyOf(log.subList(before, log.size()));
        trial.forEach(session::delete);
        trial.clear();
        guard.fire(session);
        log.subList(before, log.size()).clear();
        return came;
    }

    /**
     * The rules that conclude evidence if {@code question} were answered {@code value} on top of the
     * inserted answers and were not concluding before, by cause (for lint).
     */
    Map<String, List<String>> tryRules(String question, String value) {
        java.util.Set<String> before = new java.util.HashSet<>(byRule.keySet());
        insertAnswer(question, value, trial);
        guard.fire(session);
        Map<String, List<String>> rules = new java.util.TreeMap<>();
        for (String key : byRule.keySet()) {
            if (!before.contains(key)) {
                int cut = key.indexOf('\u0000');
                rules.computeIfAbsent(key.substring(0, cut), c -> new ArrayList<>()).add(key.substring(cut + 1));
            }
        }
        trial.forEach(session::delete);
        trial.clear();
        guard.fire(session);
        rules.values().forEach(java.util.Collections::sort);
        return rules;
    }

    /** One Answer fact per value (several for a multiple question), and a Code fact beside a decoded code. */
    private void insertAnswer(String question, String value, List<FactHandle> handles) {
        for (String v : Question.values(value)) {
            FactHandle a = session.insert(new Answer(question, v));
            FactHandle c = kb.family(question, v).map(f -> session.insert(new Code(v, f))).orElse(null);
            if (handles != null) {
                handles.add(a);
                if (c != null) {
                    handles.add(c);
                }
            }
        }
    }

    @Override
    public void close() {
        session.removeEventListener(this);
        session.dispose();
    }
}
