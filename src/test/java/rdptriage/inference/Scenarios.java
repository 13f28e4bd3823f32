package rdptriage.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The scenario files in src/test/resources/scenarios: typical answers for each cause and where it must rank. */
public final class Scenarios {

    public static final Path DIR = Path.of("src/test/resources/scenarios");

    /** One scenario: the cause it is about, its name, "first" or "top3", and the answers. */
    public record Scenario(String cause, String name, String expect, Map<String, String> answers) {

        @Override
        public String toString() {
            return cause + ": " + name;
        }
    }

    record File(String cause, List<Entry> scenarios) {}

    record Entry(String name, String expect, LinkedHashMap<String, String> answers) {}

    private static final ObjectMapper YAML = new YAMLMapper();

    private Scenarios() {}

    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                File f = YAML.readValue(p.toFile(), File.class);
                for (Entry e : f.scenarios()) {
                    all.add(new Scenario(f.cause(), e.name(), e.expect(), e.answers()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The 1-based rank of the scenario's cause in an assessment. */
    public static int rank(Assessment a, String cause) {
        for (int i = 0; i < a.causes().size(); i++) {
            if (a.causes().get(i).id().equals(cause)) {
                return i + 1;
            }
        }
        throw new AssertionError("cause " + cause + " is not in the assessment");
    }
}
