package rdptriage.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve} runs within a stated memory bound however it is started (issue 12). The JVM's
 * default heap is a quarter of the machine's memory, and under load the server's heap grew to
 * 1.7 GB of RSS while its live set was 130 MB. A JVM cannot change its own maximum heap, so a
 * {@code java -jar rdp-triage.jar serve} started without one runs the server in a child JVM with
 * the launcher's options (bin/rdp-triage: G1 aiming at 50 ms pauses, {@value #HEAP} of heap and the
 * server's class-data archive) and waits for it; standard streams, signals and the exit status
 * pass through. A heap given on the command line (-Xmx, or any maximum under {@value #LIMIT_MB} MB)
 * is kept as given, and no second JVM starts; a larger one, given with -Xmx, comes after the bound
 * and wins. A collector chosen on the command line is kept, and G1 is then not added.
 */
final class MemoryBound {

    static final String HEAP = "256m";
    /** A maximum heap at or under this is taken as chosen (by -Xmx, the launcher, or a small machine). */
    static final long LIMIT_MB = 512;
    private static final String CHILD = "RDP_TRIAGE_BOUNDED";

    private MemoryBound() {}

    /** The exit status of the bounded child, or empty when this JVM runs the command itself. */
    static Optional<Integer> serve(String[] args) {
        if (System.getenv(CHILD) != null || Runtime.getRuntime().maxMemory() <= LIMIT_MB << 20) {
            return Optional.empty();
        }
        Optional<List<String>> command = childCommand(args);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(command.get()).inheritIO();
        pb.environment().put(CHILD, "1");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the shutdown hook stops the child
            }
        }
    }

    /** java, the launcher's options, this JVM's own options, -jar, the jar, the arguments; empty when not run from a jar. */
    static Optional<List<String>> childCommand(String[] args) {
        Path jar;
        try {
            jar = Path.of(MemoryBound.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return childCommand(java, jar, ProcessHandle.current().info().arguments().orElse(new String[0]), args);
    }

    /** The same from what it is made of: this JVM's command-line arguments, {@code jvmArgs}, up to -jar. */
    static Optional<List<String>> childCommand(String java, Path jar, String[] jvmArgs, String[] args) {
        int at = Arrays.asList(jvmArgs).indexOf("-jar");
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar") || at < 0) {
            return Optional.empty();
        }
        List<String> own = Arrays.asList(jvmArgs).subList(0, at);
        List<String> command = new ArrayList<>(List.of(java));
        if (own.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            command.addAll(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50"));   // a second collector stops the JVM before it starts
        }
        command.add("-Xmx" + HEAP);
        Path archive = jar.resolveSibling("rdp-triage-serve.jsa");
        if (Files.isRegularFile(archive) && own.stream().noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"))) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(own);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }
}
