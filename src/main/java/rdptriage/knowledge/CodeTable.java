package rdptriage.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/** A disconnect-code table (main, extended or message) with the families its codes fall into. */
public record CodeTable(String table, String title, Map<String, String> families, List<CodeEntry> codes, @JsonIgnore String file) implements java.io.Serializable {

    public CodeTable {
        codes = Nulls.list(codes);
        families = families == null ? java.util.Map.of() : families;
    }
}
