package rdptriage.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge or the rules cannot be used; the message lists every problem with file and line. */
public class KnowledgeException extends RuntimeException {

    private final List<Problem> problems;

    public KnowledgeException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
