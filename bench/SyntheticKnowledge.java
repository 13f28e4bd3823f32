import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A synthetic knowledge folder for the site benchmark (bench/site), so that the site has N causes
 * in all: the shipped causes plus N minus their number synthetic ones (none when N is not larger).
 *
 * <p>Usage, from the repository root: {@code java bench/SyntheticKnowledge.java N OUTDIR [SHIPPED]}
 * (SHIPPED defaults to {@code knowledge}). Writes {@code OUTDIR/causes/*.md}, for use as
 * {@code --knowledge OUTDIR}. Needs nothing beyond the JDK.
 *
 * <p>Synthetic cause k (1-based) is a copy of the shipped cause file number k - 1 modulo their
 * count (sorted by name), so every shipped cause is copied about equally often and the pages stay
 * realistic. Only three top-level lines of the front matter change: {@code id:} becomes
 * {@code <orig>-synthetic-<k>} (the file is named after it, as the knowledge reader requires),
 * {@code title:} gets " (synthetic k)" appended, and {@code prior:} becomes {@value #PRIOR}, inside
 * (0, 1) as validation requires. Everything else is kept, the article included: the ids of checks
 * and fixes (only unique within a cause), {@code confused_with} (still naming shipped causes), and
 * the source keys (all resolved by the shipped sources). No rule concludes evidence for a synthetic
 * cause, so {@code lint} reports that once per synthetic cause; the site does not read rules.
 *
 * <p>OUTDIR/causes must be missing or hold only synthetic causes from an earlier run (then replaced).
 */
public final class SyntheticKnowledge {

    /** Small enough that 4,980 synthetic causes weigh about half of the shipped ones together. */
    static final String PRIOR = "0.0001";

    private static final Pattern SYNTHETIC_FILE = Pattern.compile("[a-z0-9-]+-synthetic-[0-9]+\\.md");

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3 || !args[0].matches("[0-9]+")) {
            System.err.println("usage: java bench/SyntheticKnowledge.java N OUTDIR [SHIPPED_KNOWLEDGE_DIR]");
            System.exit(2);
        }
        int total = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]).resolve("causes");
        Path shippedDir = Path.of(args.length == 3 ? args[2] : "knowledge").resolve("causes");
        List<Path> shipped;
        try (Stream<Path> s = Files.list(shippedDir)) {
            shipped = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        if (shipped.isEmpty()) {
            throw new IllegalStateException("no causes in " + shippedDir);
        }
        int extra = Math.max(0, total - shipped.size());
        clear(out);
        Files.createDirectories(out);
        int width = Math.max(4, String.valueOf(extra).length());
        String[] texts = new String[shipped.size()];
        for (int i = 0; i < shipped.size(); i++) {
            texts[i] = Files.readString(shipped.get(i), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        for (int k = 1; k <= extra; k++) {
            int from = (k - 1) % shipped.size();
            String origId = baseName(shipped.get(from));
            String id = origId + "-synthetic-" + String.format("%0" + width + "d", k);
            String text = synthetic(texts[from], shipped.get(from), origId, id, k);
            Files.writeString(out.resolve(id + ".md"), text, StandardCharsets.UTF_8);
        }
        System.out.printf("%d synthetic causes in %s (%d shipped + %d synthetic = %d causes)%n",
                extra, out, shipped.size(), extra, shipped.size() + extra);
    }

    /** The shipped text with the top-level id, title and prior of its front matter replaced. */
    static String synthetic(String text, Path file, String origId, String id, int k) {
        if (!text.startsWith("---\n")) {
            throw new IllegalStateException(file + ": no front matter");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalStateException(file + ": front matter not closed");
        }
        String front = text.substring(0, end + 1);
        String id0 = field(front, "id", file);
        if (!id0.equals(origId)) {
            throw new IllegalStateException(file + ": id '" + id0 + "' differs from the file name");
        }
        front = replace(front, "id", id);
        front = replace(front, "title", withSuffix(field(front, "title", file), " (synthetic " + k + ")", file));
        field(front, "prior", file);
        front = replace(front, "prior", PRIOR);
        return front + text.substring(end + 1);
    }

    /** The value of the first top-level (unindented) {@code key:} line. */
    private static String field(String front, String key, Path file) {
        Matcher m = line(key).matcher(front);
        if (!m.find()) {
            throw new IllegalStateException(file + ": no top-level '" + key + ":' line in the front matter");
        }
        return m.group(1);
    }

    private static String replace(String front, String key, String value) {
        return line(key).matcher(front).replaceFirst(Matcher.quoteReplacement(key + ": " + value));
    }

    private static Pattern line(String key) {
        return Pattern.compile("(?m)^" + key + ":[ \\t]*(.*?)[ \\t]*$");
    }

    /** Appends to a one-line plain, 'single' or "double" quoted YAML scalar. */
    private static String withSuffix(String value, String suffix, Path file) {
        if (value.isEmpty() || value.startsWith(">") || value.startsWith("|")) {
            throw new IllegalStateException(file + ": title is not on one line: '" + value + "'");
        }
        char q = value.charAt(0);
        if ((q == '"' || q == '\'') && value.length() > 1 && value.charAt(value.length() - 1) == q) {
            return value.substring(0, value.length() - 1) + suffix + q;
        }
        return value + suffix;
    }

    /** Removes an earlier run's synthetic causes; refuses to touch anything else. */
    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        for (Path p : files) {
            if (!Files.isRegularFile(p) || !SYNTHETIC_FILE.matcher(p.getFileName().toString()).matches()) {
                throw new IllegalStateException(dir + " holds " + p.getFileName() + ", which is not a synthetic cause; "
                        + "choose another OUTDIR");
            }
        }
        for (Path p : files) {
            Files.delete(p);
        }
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        return name.substring(0, name.length() - ".md".length());
    }
}
