package rdptriage.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The built-in knowledge, checked and serialised by the build, so a run starts without parsing
 * dozens of YAML files (about 0.3 s of a cold start). lint and --knowledge still read the YAML.
 */
public final class Bundle {

    static final String RESOURCE = "/knowledge.bundle";
    private static final ObjectInputFilter ONLY_KNOWLEDGE =
            ObjectInputFilter.Config.createFilter("rdptriage.knowledge.*;java.util.*;java.lang.*;!*");

    /** What the bundle holds: the knowledge as read from YAML, questions not yet expanded. */
    record Contents(List<Cause> causes, List<Question> questions, List<CodeTable> tables, List<Source> sources,
                    Settings settings, Unlisted unlisted, List<Signal> signals) implements Serializable {}

    private Bundle() {}

    /** Build step: reads the knowledge folder, fails on any problem, writes the bundle. */
    public static void main(String[] args) throws IOException {
        KnowledgeReader reader = new KnowledgeReader();
        KnowledgeBase.Loaded loaded = KnowledgeBase.finish(reader, List.of(new KnowledgeBase.Root("knowledge", Path.of(args[0]))));
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(System.err::println);
            throw new IllegalStateException(loaded.problems().size() + " problems in the knowledge; no bundle written");
        }
        Contents contents = new Contents(List.copyOf(reader.causes.values()), List.copyOf(reader.questions.values()),
                List.copyOf(reader.tables.values()), List.copyOf(reader.sources.values()), reader.settings,
                reader.unlisted, List.copyOf(reader.signals.values()));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(out))) {
            o.writeObject(contents);
        }
    }

    /** The bundle built into the jar, if there is one (there is none when running from source). */
    static Optional<Contents> builtIn() {
        InputStream in = Bundle.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        try (ObjectInputStream o = new ObjectInputStream(in)) {
            o.setObjectInputFilter(ONLY_KNOWLEDGE);
            return Optional.of((Contents) o.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in knowledge bundle cannot be read; rebuild with mvn package", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the built-in knowledge bundle does not match this build; rebuild with mvn package", e);
        }
    }
}
