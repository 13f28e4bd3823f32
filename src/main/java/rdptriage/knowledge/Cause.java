package rdptriage.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** One known cause of the failure, with how to confirm it, how to fix it and where the knowledge comes from. */
public record Cause(String id, String title, String summary, double prior, EvidenceLevel evidence,
                    List<String> confusedWith, List<Check> confirm, List<Fix> fixes, List<Step> verify,
                    List<String> sources, @JsonIgnore String article, @JsonIgnore String file) implements java.io.Serializable {

    public Cause {
        confusedWith = Nulls.list(confusedWith);
        confirm = Nulls.list(confirm);
        fixes = Nulls.list(fixes);
        verify = Nulls.list(verify);
        sources = Nulls.list(sources);
    }
}
