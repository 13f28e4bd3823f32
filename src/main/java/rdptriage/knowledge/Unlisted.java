package rdptriage.knowledge;

import java.util.List;

/**
 * "None of the known causes" as an outcome of its own (knowledge/unlisted.yaml): what it means and
 * what to collect when it leads, so the plan shows where the connection fails instead of forcing
 * a cause. Its checks take part in the fix plan like a cause's, weighed by its probability.
 */
public record Unlisted(String id, String title, String summary, List<Check> collect, String file)
        implements java.io.Serializable {

    /** The id plan items and pages use for this outcome; no cause may take it. */
    public static final String ID = "unlisted";

    public Unlisted {
        collect = Nulls.list(collect);
    }
}
