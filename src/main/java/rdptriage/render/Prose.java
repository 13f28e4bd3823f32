package rdptriage.render;

import java.util.Arrays;
import java.util.List;

/** Plain knowledge text for HTML templates: blank lines separate paragraphs, line breaks inside one are spaces. */
public final class Prose {

    public static final Prose INSTANCE = new Prose();

    private Prose() {}

    public List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\n\\s*\\n"))
                .map(p -> p.strip().replaceAll("\\s*\\n\\s*", " "))
                .toList();
    }
}
