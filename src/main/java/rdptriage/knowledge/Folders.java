package rdptriage.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** File access for knowledge and rules: folders on disk, or the built-in copies inside the jar. */
public final class Folders {

    private Folders() {}

    /** The built-in folder {@code name} (knowledge, rules, templates) from the class path, in a jar or not. */
    public static Path builtIn(String name) {
        URL url = Folders.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("built-in folder '" + name + "' is missing from the class path");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            try {
                return FileSystems.getFileSystem(uri).getPath("/" + name);
            } catch (FileSystemNotFoundException notOpenYet) {
                return FileSystems.newFileSystem(uri, Map.of()).getPath("/" + name);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open built-in folder '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Files under {@code dir} (recursively) whose name ends with {@code suffix}, sorted by path. */
    public static List<Path> list(Path dir, String suffix) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(suffix))
                    .filter(java.nio.file.Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A knowledge or rule file is text of a few tens of KB; this is far above any, and far below harm. */
    static final long MAX_FILE_BYTES = 4L << 20;

    /**
     * A knowledge or rule file as text. One larger than {@link #MAX_FILE_BYTES} (checked while
     * reading, so a file that grows or a device is never read whole) or not valid UTF-8 is
     * refused with its name, as any other problem of the knowledge.
     */
    public static String read(Path file) {
        byte[] bytes;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw problem(file, "cannot read it (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw problem(file, "larger than " + (MAX_FILE_BYTES >> 20) + " MB; a knowledge or rule file is a few tens of KB");
        }
        return Text.strictUtf8(bytes).orElseGet(() -> failUtf8(file, bytes));
    }

    private static String failUtf8(Path file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int bad = text.indexOf('\uFFFD');
        int line = bad < 0 ? 0 : (int) text.substring(0, bad).chars().filter(c -> c == '\n').count() + 1;
        throw new KnowledgeException(java.util.List.of(new Problem(file.toString(), line,
                "not valid UTF-8; save the file as UTF-8 (a knowledge file written in another encoding shows its accents wrongly)")));
    }

    private static KnowledgeException problem(Path file, String message) {
        return new KnowledgeException(java.util.List.of(new Problem(file.toString(), 0, message)));
    }

    /** The name to show for a file: the label of its root folder, then its path inside that folder. */
    public static String display(String rootLabel, Path root, Path file) {
        return rootLabel + "/" + root.relativize(file).toString().replace('\\', '/');
    }
}
