package rdptriage.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads knowledge folders file by file, keeping every problem it meets instead of stopping at the first. */
final class KnowledgeReader {

    final Map<String, Cause> causes = new LinkedHashMap<>();
    final Map<String, Question> questions = new LinkedHashMap<>();
    final Map<String, CodeTable> tables = new LinkedHashMap<>();
    final Map<String, Source> sources = new LinkedHashMap<>();
    final Map<String, Signal> signals = new LinkedHashMap<>();
    final Map<String, String> texts = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();
    Settings settings = Settings.DEFAULTS;
    Unlisted unlisted;

    /** Starts from the knowledge in a bundle, already checked when the bundle was built. */
    void seed(Bundle.Contents bundle) {
        bundle.causes().forEach(c -> causes.put(c.id(), c));
        bundle.questions().forEach(q -> questions.put(q.id(), q));
        bundle.tables().forEach(t -> tables.put(t.table(), t));
        bundle.sources().forEach(s -> sources.put(s.key(), s));
        bundle.signals().forEach(s -> signals.put(s.id(), s));
        settings = bundle.settings();
        unlisted = bundle.unlisted();
    }

    void read(KnowledgeBase.Root root) {
        for (Path p : Folders.list(root.path().resolve("sources"), ".yaml")) {
            String file = root.display(p);
            String text = Folders.read(p);
            parse(file, text, Source[].class, 1).ifPresent(list -> {
                for (Source s : list) {
                    String wrong = WebAddress.problem(s.url());
                    if (wrong != null) {
                        problems.add(new Problem(file, Text.lineOf(text, "key: " + s.key()), "source '" + s.key() + "': url " + wrong));
                    }
                    put(sources, s.key(), s, file, "source", "key: " + s.key());
                }
            });
        }
        for (Path p : Folders.list(root.path().resolve("codes"), ".yaml")) {
            String file = root.display(p);
            String text = Folders.read(p);
            parse(file, text, CodeTable.class, 1).ifPresent(t -> {
                new Validation(file, text, problems).table(t, baseName(p, ".yaml"));
                CodeTable before = tables.get(t.table());
                if (before != null && (part(file, t) || part(before.file(), t))) {
                    tables.put(t.table(), merge(before, t, file, text));
                } else {
                    put(tables, t.table(), withFile(t, file), file, "code table", "table:");
                }
            });
        }
        for (Path p : Folders.list(root.path().resolve("signals"), ".yaml")) {
            String file = root.display(p);
            String text = Folders.read(p);
            parse(file, text, Signal.Catalogue.class, 1).ifPresent(set -> {
                new Validation(file, text, problems).signals(set);
                for (Signal s : set.signals()) {
                    put(signals, s.id(), withFile(s, file), file, "signal", "id: " + s.id());
                }
            });
        }
        for (Path p : Folders.list(root.path().resolve("questions"), ".yaml")) {
            String file = root.display(p);
            String text = Folders.read(p);
            parse(file, text, Question.class, 1).ifPresent(q -> {
                new Validation(file, text, problems).question(q, baseName(p, ".yaml"));
                put(questions, q.id(), withFile(q, file), file, "question", "id:");
            });
        }
        for (Path p : Folders.list(root.path().resolve("causes"), ".md")) {
            readCause(root.display(p), Folders.read(p), baseName(p, ".md"));
        }
        Path outcome = root.path().resolve("unlisted.yaml");
        if (java.nio.file.Files.isRegularFile(outcome)) {
            // a folder's unlisted.yaml replaces what to collect when no known cause fits
            String file = root.display(outcome);
            String text = Folders.read(outcome);
            texts.put(file, text);
            parse(file, text, Unlisted.class, 1).ifPresent(u -> {
                new Validation(file, text, problems).unlisted(u);
                unlisted = new Unlisted(u.id(), u.title(), u.summary(), u.collect(), file);
            });
        }
        Path engine = root.path().resolve("engine.yaml");
        if (java.nio.file.Files.isRegularFile(engine)) {
            // a folder's engine.yaml changes only the settings it names
            String file = root.display(engine);
            String text = Folders.read(engine);
            texts.put(file, text);
            Yaml.update(settings, text, Settings.class, file, problems).ifPresent(s -> settings = s);
            if (!(settings.defaultPull() > 0)) {
                problems.add(new Problem(file, 0, "default_pull must be a number above 0 (0.1 in the shipped engine.yaml), found "
                        + settings.defaultPull()));
            }
        }
    }

    private void readCause(String file, String text, String expectedId) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            problems.add(new Problem(file, 1, "must start with a '---' line opening the YAML front matter"));
            return;
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0) {
            problems.add(new Problem(file, 1, "front matter is not closed by a '---' line"));
            return;
        }
        String front = normalized.substring(4, end + 1);
        String article = normalized.substring(end + 5);
        texts.put(file, normalized);
        Yaml.read(front, Cause.class, file, 2, problems).ifPresent(raw -> {
            Cause c = new Cause(raw.id(), raw.title(), raw.summary(), raw.prior(), raw.evidence(), raw.confusedWith(),
                    raw.confirm(), raw.fixes(), raw.verify(), raw.sources(), article, file);
            new Validation(file, normalized, problems).cause(c, expectedId);
            put(causes, c.id(), c, file, "cause", "id:");
        });
    }

    private <T> Optional<T> parse(String file, String text, Class<T> type, int firstLine) {
        texts.put(file, text);
        return Yaml.read(text, type, file, firstLine, problems);
    }

    private <T> void put(Map<String, T> map, String id, T value, String file, String kind, String near) {
        if (id == null) {
            return;
        }
        if (map.containsKey(id)) {
            problems.add(new Problem(file, Text.lineOf(texts.getOrDefault(file, ""), near),
                    kind + " '" + id + "' is defined twice (also in " + fileOf(map.get(id)) + ")"));
            return;
        }
        map.put(id, value);
    }

    private static String fileOf(Object value) {
        if (value instanceof Cause c) return c.file();
        if (value instanceof Question q) return q.file();
        if (value instanceof CodeTable t) return t.file();
        if (value instanceof Signal s) return s.file();
        return "another source file";
    }

    private static Question withFile(Question q, String file) {
        return new Question(q.id(), q.text(), q.help(), q.command(), q.shell(), q.who(), q.effort(), q.multiple(), q.options(),
                q.optionsFrom(), q.askedWith(), file);
    }

    private static CodeTable withFile(CodeTable t, String file) {
        return new CodeTable(t.table(), t.title(), t.families(), t.codes(), file);
    }

    private static Signal withFile(Signal s, String file) {
        return new Signal(s.id(), s.words(), s.regex(), s.means(), s.notAfter(), s.sources(), s.examples(), s.nearMisses(), file);
    }

    /**
     * A table continued in another file (codes/client-freerdp.yaml continues table client): its
     * families and codes are added; a code given twice is a problem.
     */
    private CodeTable merge(CodeTable before, CodeTable more, String file, String text) {
        Map<String, String> families = new LinkedHashMap<>(before.families());
        more.families().forEach(families::putIfAbsent);
        List<CodeEntry> codes = new ArrayList<>(before.codes());
        java.util.Set<String> seen = new java.util.HashSet<>();
        before.codes().forEach(e -> seen.add(e.code()));
        for (CodeEntry e : more.codes()) {
            if (!seen.add(e.code())) {
                problems.add(new Problem(file, Text.lineOf(text, "\"" + e.code() + "\""), "code '" + e.code()
                        + "' of table '" + more.table() + "' is defined twice (also in " + before.file() + ")"));
            } else {
                codes.add(e);
            }
        }
        boolean first = !part(before.file(), before);
        return new CodeTable(before.table(), first ? before.title() : more.title(), families, codes, first ? before.file() : file);
    }

    /** Whether a table's file continues it (codes/client-freerdp.yaml for table client). */
    private static boolean part(String file, CodeTable t) {
        return file.substring(file.lastIndexOf('/') + 1).startsWith(t.table() + "-");
    }

    private static String baseName(Path p, String suffix) {
        String name = p.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }
}
