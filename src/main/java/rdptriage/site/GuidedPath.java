package rdptriage.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rdptriage.inference.Assessment;
import rdptriage.inference.Assessment.RankedCause;
import rdptriage.inference.Engine;
import rdptriage.inference.Percent;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * The guided triage written out as a tree, by running the engine itself: from the error 0x904 /
 * extended 0x7, the question the Q&A asks first, then for each answer the question it asks next,
 * until a cause is at least {@link #LIKELY} likely, the engine stops asking, or {@link #DEPTH}
 * questions have been asked. Answers that lead to the same thing are drawn as one branch.
 */
public final class GuidedPath {

    /** The answers every path starts from: the error this site is about. */
    public static final Map<String, String> START = Map.of("error-code", "0x904", "extended-code", "0x7");
    /** How many questions deep the picture goes; the Q&A goes on from there. */
    static final int DEPTH = 3;
    /** A branch ends once its leading cause is at least this likely. */
    static final double LIKELY = 0.5;
    /** A leaf names the causes at least this share of its leader's probability, at most two. */
    private static final double NEAR_LEADER = 0.6;

    /** A cause at the end of a branch, with its probability there. */
    public record Outcome(String cause, String title, String percent) {}

    /** A point of the path: a question with its branches, or an end with its leading causes. */
    public record Node(Question question, List<Branch> branches, List<Outcome> outcomes, boolean likely, boolean stopped) {

        public boolean isQuestion() {
            return question != null;
        }
    }

    /** The answers (one or more) that lead to the same next node. */
    public record Branch(List<Option> answers, Node next) {}

    private final Engine engine;

    public GuidedPath(Engine engine) {
        this.engine = engine;
    }

    /** The whole tree from {@link #START}. */
    public Node build() {
        return node(new TreeMap<>(START), 0);
    }

    private Node node(Map<String, String> answers, int depth) {
        Assessment a = engine.assess(engine.answers(answers));
        RankedCause leader = a.leader();
        if (a.nextQuestion() == null || leader.probability() >= LIKELY || depth == DEPTH) {
            List<Outcome> outcomes = new ArrayList<>();
            for (RankedCause c : a.causes()) {
                if (outcomes.size() == 2 || c.probability() < leader.probability() * NEAR_LEADER) {
                    break;
                }
                outcomes.add(new Outcome(c.id(), c.title(), Percent.of(c.probability())));
            }
            return new Node(null, List.of(), outcomes, leader.probability() >= LIKELY, a.nextQuestion() == null);
        }
        Question q = engine.knowledge().question(a.nextQuestion().id());
        // answers whose subtrees read the same are one branch; insertion order keeps the options' order
        Map<String, Branch> branches = new LinkedHashMap<>();
        for (Option o : q.informativeOptions()) {
            Map<String, String> next = new TreeMap<>(answers);
            next.put(q.id(), o.value());
            Node child = node(next, depth + 1);
            String shape = shape(child);
            Branch same = branches.get(shape);
            List<Option> options = new ArrayList<>(same == null ? List.of() : same.answers());
            options.add(o);
            branches.put(shape, new Branch(List.copyOf(options), same == null ? child : same.next()));
        }
        return new Node(q, List.copyOf(branches.values()), List.of(), false, false);
    }

    /** What a reader sees of a subtree: its questions, answers and outcomes, not how it was reached. */
    private static String shape(Node n) {
        if (!n.isQuestion()) {
            StringBuilder s = new StringBuilder(n.stopped() ? "stop" : "end");
            n.outcomes().forEach(o -> s.append(' ').append(o.cause()).append(' ').append(o.percent()));
            return s.toString();
        }
        StringBuilder s = new StringBuilder("? ").append(n.question().id()).append(" (");
        for (Branch b : n.branches()) {
            b.answers().forEach(o -> s.append(o.value()).append(','));
            s.append(": ").append(shape(b.next())).append("; ");
        }
        return s.append(')').toString();
    }
}
