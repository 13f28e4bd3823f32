package rdptriage.inference;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Signal;

/**
 * Reads what a help desk already has (a ticket's prose, the error dialog, a client log, a command's
 * output) into answers, by the signals of knowledge/signals/. Every pattern is RE2, so reading is
 * linear in the text; the text is never kept.
 *
 * <p>The text is first evened out (curly quotes made straight, every run of white space one space),
 * so a phrase matches however the paste was wrapped. A match lying inside a longer match of another
 * signal is dropped: "Extended error code: 0x7" is not also an "Error code: 0x7".
 */
public final class Ticket {

    /** The most text one paste may hold: 64 KB. */
    public static final int MAX_CHARS = 64 * 1024;
    /** Matches kept per signal: a long log repeats its lines, and one is enough to show why. */
    private static final int MAX_HITS = 20;
    /** The matched words shown beside an answer are cut to this length. */
    private static final int SHOWN = 160;

    /**
     * A signal ready to read: its pattern, and words one of which must appear (lower case) for the
     * pattern to match at all, so most patterns never run over a long paste; empty: always run.
     */
    private record Compiled(Signal signal, Pattern pattern, List<String> needs, boolean code) {}

    private record Hit(Compiled c, int start, int end, String code) {}

    private final KnowledgeBase kb;
    private final List<Compiled> compiled = new ArrayList<>();

    public Ticket(KnowledgeBase kb) {
        this.kb = kb;
        for (Signal s : kb.signals()) {
            compiled.add(new Compiled(s, pattern(s), RequiredWords.of(s), s.regex() != null && s.regex().contains("(?P<code>")));
        }
    }

    /**
     * The RE2 pattern of a signal: its regex, or its phrases as whole words; case is ignored. Its
     * text is also valid .NET: the diagnostic scripts' summary reads their output with it.
     */
    public static Pattern pattern(Signal s) {
        if (s.regex() != null) {
            return Pattern.compile(s.regex(), Pattern.CASE_INSENSITIVE);
        }
        List<String> phrases = new ArrayList<>();
        for (String w : s.words()) {
            String even = even(w.strip()).text();
            String quoted = literal(even);
            phrases.add((word(even.charAt(0)) ? "\\b" : "") + quoted + (word(even.charAt(even.length() - 1)) ? "\\b" : ""));
        }
        return Pattern.compile(String.join("|", phrases), Pattern.CASE_INSENSITIVE);
    }

    /** Reads a paste; throws BadInput when it is longer than 64 KB, naming its size and the limit. */
    public Reading read(String text) {
        return text == null || text.isBlank() ? Reading.NONE : Reading.of(kb, find(text, false));
    }

    /**
     * Every answer each signal finds, before answers found twice are merged, so lint can credit each
     * signal with what it reads itself. {@code all}: keep matches lying inside a longer one too
     * (an example of a phrase may sit inside another signal's longer match).
     */
    List<Reading.Found> find(String text, boolean all) {
        if (text.length() > MAX_CHARS) {
            throw new BadInput("the pasted text is " + text.length() + " characters long; at most " + MAX_CHARS
                    + " (64 KB) are read: paste the error dialog, the ticket and the relevant lines of the log");
        }
        Even even = even(text);
        String lower = even.text().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (Compiled c : compiled) {
            if (!c.needs().isEmpty() && c.needs().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher m = c.pattern().matcher(even.text());
            int kept = 0;
            while (kept < MAX_HITS && m.find()) {
                if (m.end() == m.start()) {
                    break;   // a pattern that matches nothing at all is refused by the knowledge check
                }
                hits.add(new Hit(c, m.start(), m.end(), c.code() ? m.group("code") : null));
                kept++;
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(h -> -(h.end() - h.start())));
        List<Frames.Frame> frames = Frames.in(text);
        List<Reading.Found> found = new ArrayList<>();
        for (Hit h : hits) {
            if (!all && (inside(h, hits) || negated(h, even.text()))) {
                continue;
            }
            String shown = shown(text, even, h);
            String check = Frames.checkAt(frames, even.origin()[h.start()]);
            for (String meaning : h.c().signal().means()) {
                value(meaning, h.code()).ifPresent(v ->
                        found.add(new Reading.Found(Signal.question(meaning), v, shown, h.c().signal().id(), check)));
            }
        }
        return found;
    }

    /** How far before a match a word of not_after: undoes it, within the same sentence. */
    private static final int NEGATION_REACH = 40;

    /** Whether a word of the signal's not_after: comes shortly before the hit, in the same sentence. */
    private static boolean negated(Hit h, String text) {
        List<String> words = h.c().signal().notAfter();
        if (words.isEmpty()) {
            return false;
        }
        String before = text.substring(Math.max(0, h.start() - NEGATION_REACH), h.start()).toLowerCase(Locale.ROOT);
        int stop = Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf("? ")), Math.max(before.lastIndexOf("! "), before.lastIndexOf("; ")));
        for (String token : before.substring(stop + 1).split("[^\\p{L}']+")) {
            for (String w : words) {
                String n = w.strip().toLowerCase(Locale.ROOT);
                if (token.equals(n) || n.startsWith("n'") && token.endsWith(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a hit lies inside a longer hit of another signal. */
    private static boolean inside(Hit h, List<Hit> hits) {
        for (Hit o : hits) {
            if (o.start() > h.start()) {
                break;
            }
            if (o != h && o.c() != h.c() && o.end() >= h.end() && o.end() - o.start() > h.end() - h.start()) {
                return true;
            }
        }
        return false;
    }

    /** The option an answer names; a {code} is the captured number in any notation, or "other" if unknown. */
    private Optional<String> value(String meaning, String code) {
        String question = Signal.question(meaning);
        String value = Signal.value(meaning);
        if (!Signal.CODE.equals(value)) {
            return Optional.of(value);
        }
        Long n = number(code);
        if (n == null) {
            return Optional.empty();
        }
        Optional<String> known = kb.resolve(question, "0x" + Long.toHexString(n)).or(() -> kb.resolve(question, Long.toString(n)));
        if (known.isPresent()) {
            return known;
        }
        return kb.findQuestion(question).flatMap(q -> q.option("other")).map(Option::value);
    }

    /** A code written as 0x904, 0x0904, 0X904 or 2308; null if it is none of these. */
    static Long number(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        try {
            return c.startsWith("0x") ? Long.parseLong(c.substring(2), 16) : Long.parseLong(c);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The words of the original text a hit covers, on one line and cut to a readable length. */
    private static String shown(String original, Even even, Hit h) {
        int from = even.origin()[h.start()];
        int to = h.end() >= even.origin().length ? original.length() : even.origin()[h.end() - 1] + 1;
        String words = Frames.withoutMarkers(original.substring(from, Math.max(from, to))).replaceAll("\\s+", " ").strip();
        if (words.isEmpty()) {
            return "(no output)";
        }
        return words.length() <= SHOWN ? words : words.substring(0, SHOWN - 1) + "…";
    }

    /** The text evened out, and for each of its characters the offset it came from. */
    record Even(String text, int[] origin) {}

    static Even even(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] origin = new int[s.length() + 1];
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                origin[out.length()] = i - 1;
                out.append(' ');
            }
            space = false;
            origin[out.length()] = i;
            out.append(switch (ch) {
                case '\u2018', '\u2019', '\u02BC', '\u2032' -> '\'';
                case '\u201C', '\u201D', '\u201E' -> '"';
                case '\u2013', '\u2014' -> '-';
                default -> ch;
            });
        }
        return new Even(out.toString(), java.util.Arrays.copyOf(origin, out.length()));
    }

    /** A phrase as a pattern that matches it literally, in a syntax Java, RE2 and .NET share (no \\Q...\\E). */
    static String literal(String phrase) {
        StringBuilder out = new StringBuilder(phrase.length() + 8);
        for (char c : phrase.toCharArray()) {
            if ("\\.[]{}()*+?^$|#-".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean word(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
