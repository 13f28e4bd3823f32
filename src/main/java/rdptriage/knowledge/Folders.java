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

    public static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The name to show for a file: the label of its root folder, then its path inside that folder. */
    public static String display(String rootLabel, Path root, Path file) {
        return rootLabel + "/" + root.relativize(file).toString().replace('\\', '/');
    }
}
