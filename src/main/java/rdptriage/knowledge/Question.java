package rdptriage.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * A question that separates causes, with "how to find out" help, who can answer it (user, admin,
 * network) and its effort in minutes. {@code optionsFrom} names the code table its options come from.
 * A {@code multiple} question takes several answers at once (a host renamed and a new VPN client),
 * written as one value: the option values joined by commas, in the order of the options.
 * {@code askedWith} names the question this one is asked together with, as one step (the extended
 * code sits on the same dialog as the code).
 */
public record Question(String id, String text, String help, String command, String shell, String who,
                       int effort, boolean multiple, List<Option> options, String optionsFrom, String askedWith,
                       @JsonIgnore String file)
        implements java.io.Serializable {

    /** What joins the values of several answers to one question. */
    public static final String SEPARATOR = ",";

    /** One answer added to what was given before for the same question: kept once, else joined. */
    public static String add(String before, String added) {
        return before.equals(added) ? before : before + SEPARATOR + added;
    }

    /** The option values an answer holds: one, or several for a multiple question. */
    public static List<String> values(String answer) {
        return List.of(answer.split(SEPARATOR, -1));
    }

    public Question {
        options = Nulls.list(options);
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** The label of one of its options (the labels of each, for several answers), or the value itself if it is not one. */
    public String label(String value) {
        return values(value).stream().map(v -> option(v).map(Option::label).orElse(v))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public List<Option> informativeOptions() {
        return options.stream().filter(Option::informative).toList();
    }
}
