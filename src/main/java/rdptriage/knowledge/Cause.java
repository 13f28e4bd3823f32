package rdptriage.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.stream.Stream;

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

    /** Every step the cause gives: its checks, its fixes with their rollbacks, and its verify steps. */
    public Stream<Step> steps() {
        return Stream.of(confirm.stream().map(Check::step),
                fixes.stream().flatMap(f -> Stream.concat(f.steps().stream(), f.rollback().stream())),
                verify.stream()).flatMap(s -> s);
    }
}
