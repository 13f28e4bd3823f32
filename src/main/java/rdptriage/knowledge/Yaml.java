package rdptriage.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses YAML into records and turns every parse or type error into a {@link Problem} with its line. */
final class Yaml {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

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
            }
            return Optional.ofNullable(value);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + firstLine - 1;
            problems.add(new Problem(file, line, explain(e, type)));
            return Optional.empty();
        }
    }

    private static String explain(JsonProcessingException e, Class<?> type) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
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
