package rdptriage.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import rdptriage.knowledge.KnowledgeBase;

/**
 * One evaluation on a pooled Drools session: the answers go in as facts and the rules fire; then
 * "what if" answers are tried one at a time. Truth maintenance (insertLogical) withdraws the
 * evidence of a tried answer when it is deleted, so each try costs only its own rules.
 */
final class Evaluation implements AutoCloseable {

    private final KieSession session;
    private final KnowledgeBase kb;
    private final Map<String, Integer> causeIndex;
    private final List<FactHandle> trial = new ArrayList<>(2);

    Evaluation(KieSession session, KnowledgeBase kb, Map<String, Integer> causeIndex) {
        this.session = session;
        this.kb = kb;
        this.causeIndex = causeIndex;
    }

    /** Inserts every answer (and its decoded code) and fires the rules. */
    void insert(Answers answers) {
        answers.values().forEach((q, v) -> insertAnswer(q, v, null));
        session.fireAllRules();
    }

    /** The evidence in force now. */
    List<Evidence> evidence() {
        List<Evidence> list = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(Evidence.class))) {
            list.add((Evidence) o);
        }
        return list;
    }

    /** Summed weight per cause (indexed as the knowledge lists causes) for the evidence in force. */
    double[] weights() {
        double[] w = new double[causeIndex.size()];
        for (Object o : session.getObjects(new ClassObjectFilter(Evidence.class))) {
            Evidence e = (Evidence) o;
            Integer i = causeIndex.get(e.cause());
            if (i != null) {
                w[i] += e.weight();
            }
        }
        // the rule paths insert evidence in different orders; rounding the sums makes the result
        // independent of summation order, so equal evidence always gives identical probabilities
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.rint(w[i] * 1e9) / 1e9;
        }
        return w;
    }

    /**
     * The weights if {@code question} were answered {@code value} on top of the inserted answers.
     * The trial facts are deleted afterwards; the next fire withdraws what they justified.
     */
    double[] tryAnswer(String question, String value) {
        insertAnswer(question, value, trial);
        session.fireAllRules();
        double[] w = weights();
        trial.forEach(session::delete);
        trial.clear();
        return w;
    }

    private void insertAnswer(String question, String value, List<FactHandle> handles) {
        FactHandle a = session.insert(new Answer(question, value));
        FactHandle c = kb.family(question, value).map(f -> session.insert(new Code(value, f))).orElse(null);
        if (handles != null) {
            handles.add(a);
            if (c != null) {
                handles.add(c);
            }
        }
    }

    @Override
    public void close() {
        session.dispose();
    }
}
