package rdptriage.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rdptriage.knowledge.Signal;

/**
 * The words a signal cannot match without, worked out once from its pattern, so that reading a
 * long paste runs only the patterns whose words it holds. Sound by construction for the RE2 syntax
 * signals use, and checked by lint, which reads every example through it.
 */
final class RequiredWords {

    private RequiredWords() {}

    /**
     * Words a signal cannot match without, any one of which must appear: each phrase of
     * {@code words:}; for a regex, for each top-level alternative the literal text (letters,
     * digits, spaces) that every match of it contains, taken from a literal run or from a group
     * that is not optional (then any of the group's own alternatives' words). Empty when some
     * alternative has no such word of at least 3 characters: the pattern then always runs.
     */
    static List<String> of(Signal s) {
        if (s.regex() == null) {
            return s.words().stream().map(w -> Ticket.even(w.strip()).text().toLowerCase(Locale.ROOT)).toList();
        }
        List<String> needs = needsOf(s.regex());
        return needs == null ? List.of() : needs;
    }

    /** The words one of which every match of {@code regex} contains, or null if there are none. */
    private static List<String> needsOf(String regex) {
        List<String> all = new ArrayList<>();
        for (String alternative : alternatives(regex)) {
            List<String> one = sequence(alternative);
            if (one == null) {
                return null;
            }
            all.addAll(one);
        }
        return all;
    }

    /** For one sequence: the best of its mandatory parts (literal runs, groups not made optional). */
    private static List<String> sequence(String seq) {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < seq.length(); i++) {
            char c = seq.charAt(i);
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == ':' || c == '=') {
                run.append(Character.toLowerCase(c));
                continue;
            }
            if (c == '?' || c == '*' || c == '{') {
                run.setLength(Math.max(0, run.length() - 1));   // a quantifier makes the character before it optional
            }
            best = better(best, run);
            run.setLength(0);
            if (c == '(') {
                int close = tokenEnd(seq, i);
                String body = seq.substring(i + 1, Math.min(close, seq.length()));
                char after = close + 1 < seq.length() ? seq.charAt(close + 1) : ' ';
                if (after != '?' && after != '*' && after != '{') {
                    List<String> inner = needsOf(body.replaceFirst("^\\?(?:P<[a-z_]+>|[a-z]*:)", ""));
                    if (inner != null && (best == null || score(inner) > score(best))) {
                        best = inner;
                    }
                }
            }
            i = tokenEnd(seq, i);   // an escape (\b, \., \d) or a class is one character, never a literal
        }
        return better(best, run);
    }

    private static List<String> better(List<String> best, StringBuilder run) {
        String word = run.toString().strip();
        if (word.length() < 3) {
            return best;
        }
        return best == null || word.length() > score(best) ? List.of(word) : best;
    }

    /** How selective a set of words is: its shortest word's length. */
    private static int score(List<String> words) {
        return words.stream().mapToInt(String::length).min().orElse(0);
    }

    /**
     * The index of the last character of the token that starts at {@code i}: an escape (two
     * characters), a class (to its ]), a group (to its matching ), nested groups and classes
     * skipped whole), or the character itself.
     */
    private static int tokenEnd(String regex, int i) {
        char c = regex.charAt(i);
        if (c == '\\') {
            return i + 1;
        }
        if (c == '[') {
            return classEnd(regex, i);
        }
        if (c != '(') {
            return i;
        }
        for (int j = i + 1; j < regex.length(); j = tokenEnd(regex, j) + 1) {
            if (regex.charAt(j) == ')') {
                return j;
            }
        }
        return regex.length();
    }

    /** The index of the ] closing the class that opens at {@code open} ("[]" and "[^]" start with a literal ]). */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            i += regex.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** The top-level alternatives of a regex (split at | outside groups and classes). */
    private static List<String> alternatives(String regex) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < regex.length(); i = tokenEnd(regex, i) + 1) {
            if (regex.charAt(i) == '|') {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }
}
