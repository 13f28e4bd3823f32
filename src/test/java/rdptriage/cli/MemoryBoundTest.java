package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java -jar rdp-triage.jar serve without a heap runs the server in a JVM with the launcher's bound. */
class MemoryBoundTest {

    @TempDir
    Path dir;

    @Test
    void theChildGetsTheBoundTheArchiveAndEverythingGivenBeforeAndAfterTheJar() throws IOException {
        Path jar = Files.createFile(dir.resolve("rdp-triage.jar"));
        String[] serve = {"serve", "--port", "9000"};
        List<String> plain = MemoryBound.childCommand("java", jar, new String[] {"-Dfile.encoding=UTF-8", "-jar", jar.toString(), "serve"}, serve)
                .orElseThrow();
        assertEquals(List.of("java", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50", "-Xmx256m", "-Dfile.encoding=UTF-8", "-jar", jar.toString(), "serve", "--port", "9000"), plain);
        Files.createFile(dir.resolve("rdp-triage-serve.jsa"));
        List<String> archived = MemoryBound.childCommand("java", jar, new String[] {"-jar", jar.toString()}, serve).orElseThrow();
        assertTrue(archived.contains("-XX:SharedArchiveFile=" + dir.resolve("rdp-triage-serve.jsa")), archived.toString());
    }

    /** java -XX:+UseParallelGC -Xmx1g -jar rdp-triage.jar serve stopped with "Multiple garbage collectors selected". */
    @Test
    void aCollectorChosenOnTheCommandLineIsKeptAndG1NotAdded() throws IOException {
        Path jar = Files.createFile(dir.resolve("rdp-triage.jar"));
        List<String> child = MemoryBound.childCommand("java", jar, new String[] {"-XX:+UseParallelGC", "-Xmx1g", "-jar", jar.toString()},
                new String[] {"serve"}).orElseThrow();
        assertEquals(List.of("java", "-Xmx256m", "-XX:+UseParallelGC", "-Xmx1g", "-jar", jar.toString(), "serve"), child);
    }

    @Test
    void withoutAJarThereIsNoChild() {
        assertTrue(MemoryBound.childCommand("java", dir.resolve("classes"), new String[] {"-cp", "classes", "rdptriage.cli.Main"},
                new String[] {"serve"}).isEmpty());
        // in the tests the classes come from target/classes, not a jar: the command runs in this JVM
        assertTrue(MemoryBound.childCommand(new String[] {"serve"}).isEmpty());
    }
}
