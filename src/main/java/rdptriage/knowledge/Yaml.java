package rdptriage.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parses YAML into records and turns every parse or type error into a {@link Problem} with its line. */
final class Yaml {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** Fields the loader fills in itself; they are not written in the files. */
    private static final Set<String> LOADER_FIELDS = Set.of("article", "file");

    private Yaml() {}

    /**
     * Reads {@code yaml} as {@code type}; on failure adds a problem to {@code problems}.
     * {@code firstLine} is the file line on which the YAML text starts (front matter starts on 2).
     */
    static <T> Optional<T> read(String yaml, Class<T> type, String file, int firstLine, List<Problem> problems) {
        try {
            T value = MAPPER.readValue(yaml, type);
            if (value == null) {
                problems.add(new Problem(file, firstLine, "is empty; expected a " + describe(type)));
            } else if (value instanceof Object[] items && java.util.Arrays.asList(items).contains(null)) {
                // "- " with nothing after it, or a bare value where the list's items are expected (found by fuzzing)
                int n = java.util.Arrays.asList(items).indexOf(null) + 1;
                problems.add(new Problem(file, firstLine, "item " + n + " of the list is empty; expected a "
                        + type.getComponentType().getSimpleName() + " with its fields"));
                return Optional.empty();
            }
            return Optional.ofNullable(value);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + firstLine - 1;
            if (e instanceof UnrecognizedPropertyException u) {
                // records are built once all fields are read, so the parser is past the field by then
                Matcher key = Pattern.compile("(?m)^[\\s-]*" + Pattern.quote(u.getPropertyName()) + "\\s*:").matcher(yaml);
                line = key.find() ? Text.lineAt(yaml, key.start()) + firstLine - 1 : line;
            }
            problems.add(new Problem(file, line, explain(e, type)));
            return Optional.empty();
        }
    }

    /**
     * Reads {@code yaml} as changes to {@code base}: the fields it names replace those of
     * {@code base}, the others keep their values. Problems as for {@link #read}.
     */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> update(T base, String yaml, Class<T> type, String file, List<Problem> problems) {
        Optional<java.util.Map> changes = read(yaml, java.util.Map.class, file, 1, problems);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, Object> merged = MAPPER.convertValue(base, java.util.Map.class);
        merged.putAll(changes.get());
        return read(MAPPER.valueToTree(merged).toString(), type, file, 1, problems);
    }

    private static String explain(JsonProcessingException e, Class<?> type) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString)
                    .filter(name -> !LOADER_FIELDS.contains(name)).sorted()
                    .collect(Collectors.joining(", "));
            return "unknown field '" + u.getPropertyName() + "'; expected one of: " + known;
        }
        String message = e.getOriginalMessage();
        return "is not a valid " + describe(type) + ": " + message.lines().findFirst().orElse(message);
    }

    private static String describe(Class<?> type) {
        return type.isArray() ? type.getComponentType().getSimpleName() + " list" : type.getSimpleName();
    }
}
