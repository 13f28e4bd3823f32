package rdptriage.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * A question's informative answers (all but "I don't know"), worked out once: their values, where
 * each value sits, and for each answer the first one that acts alike ({@link Likelihood#alike}),
 * so that answers alike are tried once.
 */
record Informative(Question question, List<Option> options, String[] values, int[] alike, Map<String, Integer> positions) {

    static Informative of(KnowledgeBase kb, Optional<Map<String, Set<Integer>>> namedBy, Question q) {
        List<Option> options = q.informativeOptions();
        String[] values = new String[options.size()];
        int[] alike = new int[options.size()];
        Map<String, Integer> positions = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (int o = 0; o < values.length; o++) {
            values[o] = options.get(o).value();
            positions.putIfAbsent(values[o], o);
            Integer f = first.putIfAbsent(Likelihood.alike(kb, namedBy, q.id(), values[o]), o);
            alike[o] = f == null ? o : f;
        }
        return new Informative(q, options, values, alike, Map.copyOf(positions));
    }

    /** Where this value sits among the informative answers; -1 for "I don't know" or a value that is not one. */
    int position(String value) {
        Integer o = positions.get(value);
        return o == null ? -1 : o;
    }

    int size() {
        return values.length;
    }
}
