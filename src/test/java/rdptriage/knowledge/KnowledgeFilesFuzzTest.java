package rdptriage.knowledge;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A help desk's knowledge files (a cause's Markdown with its YAML front matter, a question, sources,
 * signals, a code table): any content is read or reported as problems with their file, never an
 * exception of another kind.
 */
class KnowledgeFilesFuzzTest extends rdptriage.FuzzTarget {

    private static final List<String> FILES = List.of("causes/fuzz-cause.md", "questions/fuzz-question.yaml",
            "sources/fuzz.yaml", "signals/fuzz.yaml", "codes/client.yaml", "engine.yaml", "unlisted.yaml");
    private static Path root;

    private static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("rdp-triage-fuzz");
            for (String f : FILES) {
                Files.createDirectories(root.resolve(f).getParent());
            }
        }
        return root;
    }

    @Override
    protected void check(FuzzedDataProvider data) throws IOException {
        Path kb = root();
        String file = FILES.get(data.consumeInt(0, FILES.size() - 1));
        for (String f : FILES) {
            Files.deleteIfExists(kb.resolve(f));
        }
        Files.write(kb.resolve(file), data.consumeRemainingAsBytes());
        KnowledgeReader reader = new KnowledgeReader();
        try {
            reader.read(new KnowledgeBase.Root("kb", kb));
        } catch (KnowledgeException expected) {
            // a problem named with its file: what a help desk sees
        } catch (UncheckedIOException e) {
            throw new AssertionError("an I/O failure on a file that exists", e);
        }
    }
}
