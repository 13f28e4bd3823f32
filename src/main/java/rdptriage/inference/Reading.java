package rdptriage.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

/**
 * What a paste was read as: each answer found, with the words that produced it, and what became of
 * it. An answer the user gives wins over one read from the text; two different answers to a
 * one-answer question are a contradiction, shown and not applied. Nothing of the text is kept
 * beyond the matched words.
 */
public record Reading(List<Extracted> extracted, Answers answers) {

    public static final Reading NONE = new Reading(List.of(), Answers.NONE);

    /**
     * One answer found in the text by a signal, before it is weighed against the user's answers;
     * {@code check}: the diagnostic-script check whose framed output it was read from, or null.
     */
    public record Found(String question, String value, String text, String signal, String check) {}

    /** What became of an answer found in the text. */
    public enum Status {
        /** taken as an answer */
        APPLIED,
        /** the user gave the same answer */
        GIVEN,
        /** the user gave another answer, which is kept */
        OVERRIDDEN,
        /** the text says several things for a one-answer question; none is taken */
        CONFLICT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An answer found in the text, the words that produced it, the signal that read them, the
     * script check whose output held them (or null) and its status.
     */
    public record Extracted(String question, String value, String text, String signal, String check, Status status) {}

    public Reading {
        extracted = List.copyOf(extracted);
    }

    /** The answers found, one-answer questions with several different values marked as contradictions. */
    static Reading of(KnowledgeBase kb, List<Found> found) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Found f : found) {
            values.computeIfAbsent(f.question(), k -> new LinkedHashSet<>()).add(f.value());
        }
        Map<String, String> answers = new LinkedHashMap<>();
        Set<String> conflicting = new java.util.HashSet<>();
        values.forEach((question, vs) -> {
            Question q = kb.question(question);
            if (vs.size() > 1 && !q.multiple()) {
                conflicting.add(question);
            } else {
                answers.put(question, String.join(Question.SEPARATOR, vs));
            }
        });
        List<Extracted> out = new ArrayList<>();
        Set<String> shown = new java.util.HashSet<>();
        for (Found f : found) {
            if (shown.add(f.question() + "=" + f.value())) {
                out.add(new Extracted(f.question(), f.value(), f.text(), f.signal(), f.check(),
                        conflicting.contains(f.question()) ? Status.CONFLICT : Status.APPLIED));
            }
        }
        return new Reading(out, Answers.of(kb, answers));
    }

    /**
     * The session's answers: those read from the text first (the ticket came first), then the
     * user's, which win wherever both answer a question.
     */
    public Reading with(Answers given) {
        if (extracted.isEmpty()) {
            return new Reading(extracted, given);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        answers.values().forEach((q, v) -> {
            if (!given.answered(q)) {
                merged.put(q, v);
            }
        });
        merged.putAll(given.values());
        List<Extracted> out = new ArrayList<>();
        for (Extracted e : extracted) {
            Status status = e.status();
            if (status == Status.APPLIED && given.answered(e.question())) {
                boolean same = Question.values(given.values().get(e.question())).contains(e.value());
                status = same ? Status.GIVEN : Status.OVERRIDDEN;
            }
            out.add(new Extracted(e.question(), e.value(), e.text(), e.signal(), e.check(), status));
        }
        return new Reading(out, new Answers(merged));
    }
}
