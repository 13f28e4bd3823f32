package rdptriage.knowledge;

import java.util.List;

/**
 * A step of the knowledge that only applies to some sessions: {@code only_if: "question=value,value"}
 * limits it to sessions where that question is unanswered, "I don't know", or answered with one of
 * those values (the xrdp logs only for a host that may be xrdp; "if sessions drop after connecting"
 * only when the failure comes after the desktop appeared).
 */
public interface Conditional {

    String id();

    /** The raw condition, "question=value,value", or null when the step always applies. */
    String onlyIf();

    /** The question {@code onlyIf} reads, or null. */
    default String onlyIfQuestion() {
        String c = onlyIf();
        return c == null ? null : c.substring(0, Math.max(0, c.indexOf('=')));
    }

    /** The values {@code onlyIf} allows. */
    default List<String> onlyIfValues() {
        String c = onlyIf();
        return c == null ? List.of() : List.of(c.substring(c.indexOf('=') + 1).split(","));
    }
}
