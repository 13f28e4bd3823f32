package rdptriage.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Words in a pasted ticket, error dialog, client log or command output that mean answers
 * (knowledge/signals/). A signal matches by {@code words} (phrases, any one of them, case and
 * spacing ignored, whole words at both ends) or by {@code regex} (RE2 syntax, so matching stays
 * linear in the text). {@code means} lists answers as {@code question=value}; a code question may
 * take {@code question={code}}, the number captured by the regex's group {@code code} in any
 * notation (0x904, 0x0904, 2308). {@code notAfter} lists words that undo a match when one of them
 * comes shortly before it in the same sentence ("we do not use ngrok"; "n't" matches any
 * contraction). Every example must produce the answers; no near miss may.
 */
public record Signal(String id, List<String> words, String regex, List<String> means, List<String> notAfter,
                     List<String> sources, List<String> examples, List<String> nearMisses, @JsonIgnore String file)
        implements java.io.Serializable {

    /** The placeholder in {@code means} for the code a regex captured. */
    public static final String CODE = "{code}";

    public Signal {
        words = Nulls.list(words);
        means = Nulls.list(means);
        notAfter = Nulls.list(notAfter);
        sources = Nulls.list(sources);
        examples = Nulls.list(examples);
        nearMisses = Nulls.list(nearMisses);
    }

    /** The question of one {@code means} entry ("error-code={code}" gives "error-code"). */
    public static String question(String meaning) {
        int eq = meaning.indexOf('=');
        return eq < 0 ? meaning.strip() : meaning.substring(0, eq).strip();
    }

    /** The value of one {@code means} entry, possibly {@link #CODE}. */
    public static String value(String meaning) {
        int eq = meaning.indexOf('=');
        return eq < 0 ? "" : meaning.substring(eq + 1).strip();
    }

    /** One file of signals: a title saying what texts they read, and the signals. */
    public record Catalogue(String title, List<Signal> signals) {

        public Catalogue {
            signals = Nulls.list(signals);
        }
    }
}
