package rdptriage.knowledge;

import java.util.List;

/**
 * One documented code or dialog message: its documented name and meaning, and the family rules
 * reason about. {@code neutral} says why a code that moves no cause is still listed (see {@link Option}).
 */
public record CodeEntry(String code, Integer decimal, String name, String meaning, String family, List<String> sources,
                        String neutral) implements java.io.Serializable {

    public CodeEntry {
        sources = Nulls.list(sources);
    }
}
