package rdptriage.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import rdptriage.knowledge.Folders;

/** The style sheet, script and icon under templates/assets/, shared by the web Q&A and the static site. */
public final class Assets {

    private Assets() {}

    /** Every asset by its path below assets/ (e.g. "app.css"), read once. */
    public static Map<String, byte[]> load() {
        Path dir = Folders.builtIn("templates/assets");
        Map<String, byte[]> files = new TreeMap<>();
        for (Path p : Folders.list(dir, "")) {
            try {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read asset " + p + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(files);
    }

    public static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            default -> "application/octet-stream";
        };
    }
}
