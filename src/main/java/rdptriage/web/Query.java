package rdptriage.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.Answers;
import rdptriage.inference.Clip;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

/**
 * A query string read defensively: percent-decoding errors, repeated names and an oversized query
 * are reported as problems naming the part concerned, and every pair that could be read is kept.
 */
record Query(Map<String, String> pairs, List<String> problems) {

    /** Far above any real session (37 questions), far below what could hurt the server. */
    static final int MAX_LENGTH = 4096;
    static final int MAX_PAIRS = 64;

    static Query parse(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return new Query(pairs, problems);
        }
        String text = raw;
        if (text.length() > MAX_LENGTH) {
            problems.add("the address is too long: its query has " + raw.length() + " characters, at most "
                    + MAX_LENGTH + " are read; the rest was ignored");
            int cut = text.lastIndexOf('&', MAX_LENGTH);
            text = text.substring(0, Math.max(cut, 0));
        }
        String[] parts = text.split("&");
        int read = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (++read > MAX_PAIRS) {
                problems.add("the address has more than " + MAX_PAIRS + " parts; the rest was ignored");
                break;
            }
            pair(part, pairs, problems);
        }
        return new Query(pairs, List.copyOf(problems));
    }

    private static void pair(String part, Map<String, String> pairs, List<String> problems) {
        int eq = part.indexOf('=');
        String name;
        String value;
        try {
            name = decode(eq < 0 ? part : part.substring(0, eq));
            value = eq < 0 ? "" : decode(part.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            problems.add("'" + Clip.of(part) + "' is not valid URL encoding (a % must be followed by two hex digits)");
            return;
        }
        if (eq < 0) {
            problems.add("'" + Clip.of(name) + "' has no value; expected question-id=value");
            return;
        }
        if (value.isBlank()) {
            return;   // a form field left empty (the extended code beside the code) answers nothing
        }
        // a name given again adds an answer (the checkboxes of a multiple question); the answers check
        // then refuses it, naming both, for a question that takes one
        pairs.merge(name, value, Question::add);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The pairs as answers: the valid ones, and the query's problems followed by the answers' problems. */
    Answers.Checked answers(KnowledgeBase kb) {
        Answers.Checked checked = Answers.check(kb, pairs);
        List<String> all = new ArrayList<>(problems);
        all.addAll(checked.problems());
        return new Answers.Checked(checked.valid(), List.copyOf(all));
    }

    /**
     * A form body (application/x-www-form-urlencoded) read for the one field it must hold; other
     * fields are reported, the field's value is kept whole (a pasted ticket is far longer than a query).
     */
    static Query form(String body, String field) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String part : body.split("&")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (part.isEmpty()) {
                continue;
            }
            if (!field.equals(name)) {
                problems.add("the form field '" + Clip.of(name) + "' was ignored; only '" + field + "' is read from the form");
                continue;
            }
            try {
                pairs.put(field, decode(eq < 0 ? "" : part.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                problems.add("the pasted text is not valid form encoding (a % must be followed by two hex digits); it was not read");
            }
        }
        return new Query(pairs, List.copyOf(problems));
    }

    /** Removes and returns a parameter that is not an answer (e.g. "ask"). */
    String take(String name) {
        return pairs.remove(name);
    }
}
