package rdptriage.inference;

import java.util.HashMap;
import java.util.Map;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * The chance that a question gets an answer other than "I don't know", by who can answer it (the
 * user at the client, an admin on the host, the network team), learnt from this session's own
 * answers with Laplace's rule of succession: (known + 1) / (asked + 2). With nothing asked yet it
 * is one half for everyone, so the first choice is the information per minute alone; each "I
 * don't know" from the admin side makes the next host-side question worth less, and each known
 * answer worth more. No number here is fitted: who is at hand differs from one ticket to the next.
 */
record AnswerRate(Map<String, double[]> counts) {

    static AnswerRate of(KnowledgeBase kb, Answers answers) {
        Map<String, double[]> counts = new HashMap<>();
        answers.values().forEach((id, value) -> kb.findQuestion(id).ifPresent(q -> {
            double[] c = counts.computeIfAbsent(q.who(), w -> new double[2]);
            c[1]++;
            if (!Option.DONT_KNOW.equals(value)) {
                c[0]++;
            }
        }));
        return new AnswerRate(counts);
    }

    private static final double[] NOTHING_ASKED = new double[2];

    /** The chance that {@code q} gets a known answer. */
    double of(Question q) {
        double[] c = counts.getOrDefault(q.who(), NOTHING_ASKED);
        return (c[0] + 1) / (c[1] + 2);
    }
}
