package rdptriage.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything rdp-triage knows: causes, questions, code tables and sources, checked for consistency. */
public final class KnowledgeBase {

    /** A knowledge folder and the label its files are shown under ("knowledge" for the built-in one). */
    public record Root(String label, Path path) {

        public String display(Path file) {
            return Folders.display(label, path, file);
        }
    }

    /** The result of reading: the knowledge (possibly incomplete) and every problem found. */
    public record Loaded(KnowledgeBase knowledge, List<Problem> problems, Map<String, String> texts) {}

    private final Map<String, Cause> causes;
    private final Map<String, Question> questions;
    private final Map<String, CodeTable> tables;
    private final Map<String, Source> sources;
    private final Map<String, Signal> signals;
    private final Settings settings;
    private final Unlisted unlisted;
    private final Map<String, Map<String, String>> aliases = new HashMap<>();
    /** For each question, the questions asked in the same step with it (asked_with), worked out once. */
    private final Map<String, List<Question>> partners = new HashMap<>();
    private final Map<String, Map<String, String>> families = new HashMap<>();

    private KnowledgeBase(KnowledgeReader r) {
        this.causes = new LinkedHashMap<>(r.causes);
        this.tables = new LinkedHashMap<>(r.tables);
        this.sources = new LinkedHashMap<>(r.sources);
        this.signals = new LinkedHashMap<>(r.signals);
        this.settings = r.settings;
        this.unlisted = r.unlisted;
        this.questions = new LinkedHashMap<>();
        r.questions.values().forEach(q -> questions.put(q.id(), expand(q)));
        for (Question q : questions.values()) {
            if (q.askedWith() != null) {
                partners.computeIfAbsent(q.askedWith(), k -> new java.util.ArrayList<>()).add(q);
            }
        }
        partners.replaceAll((k, v) -> List.copyOf(v));
    }

    public static Root builtInRoot() {
        return new Root("knowledge", Folders.builtIn("knowledge"));
    }

    /**
     * Loads the built-in knowledge (from the bundle the build made, or else from its YAML) plus the
     * given folders; throws listing every problem if any.
     */
    public static KnowledgeBase load(List<Root> extra) {
        KnowledgeReader reader = new KnowledgeReader();
        Bundle.builtIn().ifPresentOrElse(reader::seed, () -> reader.read(builtInRoot()));
        Loaded loaded = finish(reader, extra);
        if (!loaded.problems().isEmpty()) {
            throw new KnowledgeException(loaded.problems());
        }
        return loaded.knowledge();
    }

    public static List<Root> withBuiltIn(List<Root> extra) {
        List<Root> roots = new ArrayList<>();
        roots.add(builtInRoot());
        roots.addAll(extra);
        return roots;
    }

    /** Reads the given folders in order and reports problems instead of throwing. */
    public static Loaded read(List<Root> roots) {
        return finish(new KnowledgeReader(), roots);
    }

    static Loaded finish(KnowledgeReader reader, List<Root> roots) {
        roots.forEach(reader::read);
        KnowledgeBase kb = new KnowledgeBase(reader);
        kb.crossCheck(reader);
        return new Loaded(kb, List.copyOf(reader.problems), Map.copyOf(reader.texts));
    }

    public List<Cause> causes() {
        return List.copyOf(causes.values());
    }

    public Optional<Cause> findCause(String id) {
        return Optional.ofNullable(causes.get(id));
    }

    public Cause cause(String id) {
        return findCause(id).orElseThrow(() -> new IllegalArgumentException("unknown cause '" + id + "'"));
    }

    public List<Question> questions() {
        return List.copyOf(questions.values());
    }

    public Optional<Question> findQuestion(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    public Question question(String id) {
        return findQuestion(id).orElseThrow(() -> new IllegalArgumentException("unknown question '" + id + "'"));
    }

    /** The questions asked together with {@code id} as one step (their {@code asked_with} names it). */
    public List<Question> askedWith(String id) {
        return partners.getOrDefault(id, List.of());
    }

    public List<CodeTable> tables() {
        return List.copyOf(tables.values());
    }

    /** A code table by its name, e.g. "main". */
    public Optional<CodeTable> findTable(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<Source> source(String key) {
        return Optional.ofNullable(sources.get(key));
    }

    public List<Source> sources() {
        return List.copyOf(sources.values());
    }

    /** The keys of every source, e.g. "S10": what an article may cite in brackets. */
    public Set<String> sourceKeys() {
        return Collections.unmodifiableSet(sources.keySet());
    }

    /** What words in a pasted ticket, dialog, log or command output mean (knowledge/signals/). */
    public List<Signal> signals() {
        return List.copyOf(signals.values());
    }

    /** "None of the known causes" as an outcome: its title and what to collect when it leads. */
    public Unlisted unlisted() {
        return unlisted;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The option value meant by {@code raw} for a question: exact, case-insensitive, or for a code
     * question also the decimal form (2308 for 0x904).
     */
    public Optional<String> resolve(String questionId, String raw) {
        Map<String, String> known = aliases.get(questionId);
        return known == null || raw == null ? Optional.empty()
                : Optional.ofNullable(known.get(raw.strip().toLowerCase(Locale.ROOT)));
    }

    /** The code family of an answer to a code question, e.g. error-code 0x904 -> socket-closed. */
    public Optional<String> family(String questionId, String value) {
        Map<String, String> byValue = families.get(questionId);
        return byValue == null ? Optional.empty() : Optional.ofNullable(byValue.get(value));
    }

    private Question expand(Question q) {
        Map<String, String> alias = new HashMap<>();
        List<Option> options = new ArrayList<>();
        CodeTable table = q.optionsFrom() == null ? null : tables.get(q.optionsFrom());
        if (table != null) {
            Map<String, String> byValue = new HashMap<>();
            for (CodeEntry e : table.codes()) {
                options.add(new Option(e.code(), label(e), e.neutral()));
                byValue.put(e.code(), e.family());
                if (e.decimal() != null) {
                    alias.put(String.valueOf(e.decimal()), e.code());
                }
            }
            families.put(q.id(), byValue);
        }
        options.addAll(q.options());
        options.forEach(o -> alias.put(o.value().toLowerCase(Locale.ROOT), o.value()));
        aliases.put(q.id(), alias);
        return new Question(q.id(), q.text(), q.help(), q.command(), q.shell(), q.who(), q.effort(), q.multiple(), options,
                q.optionsFrom(), q.askedWith(), q.file());
    }

    /**
     * A short option label: a dialog message is shown by its text; a numeric code by its number and
     * the first sentence of its documented meaning.
     */
    private static String label(CodeEntry e) {
        if (e.decimal() == null && e.name() != null) {
            return e.name().strip();
        }
        String m = e.meaning().strip().replaceAll("\\s+", " ");
        int end = m.indexOf(". ");
        return e.code() + ": " + (end < 0 ? m : m.substring(0, end + 1));
    }

    private void crossCheck(KnowledgeReader r) {
        CrossCheck check = new CrossCheck(this, r.texts, r.problems);
        causes.values().forEach(check::cause);
        check.priors(causes(), settings);
        questions.values().forEach(check::question);
        tables.values().forEach(check::table);
        check.unlisted(unlisted);
        signals.values().forEach(check::signal);
    }
}
