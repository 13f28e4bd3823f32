package rdptriage.knowledge;

import java.util.List;
import java.util.Map;

/** A disconnect-code table (main, extended or message) with the families its codes fall into. */
public record CodeTable(String table, String title, Map<String, String> families, List<CodeEntry> codes, String file) {

    public CodeTable {
        codes = Nulls.list(codes);
        families = families == null ? java.util.Map.of() : families;
    }
}
