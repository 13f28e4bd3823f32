package rdptriage.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/** Validated answers, question id to option value, in the order given. This is the whole session. */
public record Answers(Map<String, String> values) {

    public static final Answers NONE = new Answers(Map.of());

    public Answers {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Raw answers split into the valid ones and a message for each one that is not. */
    public record Checked(Answers valid, List<String> problems) {}

    /**
     * Checks raw answers against the knowledge: every question must exist and every value must be
     * one of its options (case-insensitive; codes also in decimal). Throws naming each problem.
     */
    public static Answers of(KnowledgeBase kb, Map<String, String> raw) {
        Checked checked = check(kb, raw);
        if (!checked.problems().isEmpty()) {
            throw new BadInput(String.join("\n", checked.problems()));
        }
        return checked.valid();
    }

    /** Like {@link #of} but keeps every valid answer and lists the problems instead of throwing. */
    public static Checked check(KnowledgeBase kb, Map<String, String> raw) {
        Map<String, String> valid = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        raw.forEach((question, value) -> {
            var q = kb.findQuestion(question);
            if (q.isEmpty()) {
                errors.add("unknown question '" + Clip.of(question) + "'; see the question ids with: rdp-triage questions");
                return;
            }
            resolve(kb, q.get(), value, errors).ifPresent(v -> valid.put(question, v));
        });
        return new Checked(new Answers(valid), List.copyOf(errors));
    }

    /**
     * One raw value, or several joined by commas for a multiple question, as the option values they
     * name, in the order of the question's options; empty after adding a message to {@code errors}.
     */
    private static java.util.Optional<String> resolve(KnowledgeBase kb, Question q, String raw, List<String> errors) {
        List<String> parts = Question.values(raw).stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (parts.size() > 1 && !q.multiple()) {
            errors.add("question '" + q.id() + "' takes one answer, found " + parts.size() + " ('" + Clip.of(raw)
                    + "'); expected one of: " + expected(q));
            return java.util.Optional.empty();
        }
        java.util.Set<String> chosen = new java.util.HashSet<>();
        for (String part : parts.isEmpty() ? List.of(raw) : parts) {
            var v = kb.resolve(q.id(), part);
            if (v.isEmpty()) {
                errors.add("question '" + q.id() + "' has no option '" + Clip.of(part) + "'; expected one of: " + expected(q));
                return java.util.Optional.empty();
            }
            chosen.add(v.get());
        }
        if (chosen.size() > 1 && chosen.contains(Option.DONT_KNOW)) {
            errors.add("question '" + q.id() + "': \"I don't know\" cannot be given together with other answers ('"
                    + Clip.of(raw) + "')");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(q.options().stream().map(Option::value).filter(chosen::contains)
                .collect(Collectors.joining(Question.SEPARATOR)));
    }

    public boolean answered(String question) {
        return values.containsKey(question);
    }

    /** Answered with something other than "I don't know". */
    public boolean known(String question) {
        String v = values.get(question);
        return v != null && !Option.DONT_KNOW.equals(v);
    }

    public Answers with(String question, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(question, value);
        return new Answers(copy);
    }

    public Answers without(String question) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(question);
        return new Answers(copy);
    }

    private static String expected(Question q) {
        return q.options().stream().map(Option::value).collect(Collectors.joining(", "));
    }
}
