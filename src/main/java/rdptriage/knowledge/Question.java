package rdptriage.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * A question that separates causes, with "how to find out" help, who can answer it (user, admin,
 * network) and its effort in minutes. {@code optionsFrom} names the code table its options come from.
 */
public record Question(String id, String text, String help, String command, String shell, String who,
                       int effort, List<Option> options, String optionsFrom, @JsonIgnore String file) implements java.io.Serializable {

    public Question {
        options = Nulls.list(options);
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** The label of one of its options, or the value itself if it is not one. */
    public String label(String value) {
        return option(value).map(Option::label).orElse(value);
    }

    public List<Option> informativeOptions() {
        return options.stream().filter(Option::informative).toList();
    }
}
