package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** site as a user runs it: a site on success; on bad knowledge, the file and field named and nothing written. */
class SiteCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSiteAndSaysWhere() {
        Path out = dir.resolve("site");
        Cli.Result r = Cli.run("site", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s)rdp-triage: wrote \\d+ files to .*site in \\d+ ms\\s*"), r.out());
        for (String page : List.of("index.html", "codes.html", "flow.html", "checklist.html", "search.html", "sitemap.html",
                "assets/search-index.js", "causes/rdp-certificate.html")) {
            assertTrue(Files.isRegularFile(out.resolve(page)), page);
        }
    }

    static Stream<Arguments> badKnowledge() {
        return Stream.of(
                Arguments.of("a missing article section",
                        (UnaryOperator<String>) s -> s.replace("## How it shows up", "## Symptoms"),
                        "article section '## How it shows up' is missing"),
                Arguments.of("a cross-link to an article that does not exist",
                        (UnaryOperator<String>) s -> s + "\nSee [the firewall article](no-such-cause.html).\n",
                        "article link 'no-such-cause.html' names unknown cause 'no-such-cause'"),
                Arguments.of("a citation of a source that does not exist",
                        (UnaryOperator<String>) s -> s + "\nAs documented [S9999].\n",
                        "source 'S9999' is not in any knowledge/sources/*.yaml"),
                Arguments.of("an unknown cause id in confused_with",
                        (UnaryOperator<String>) s -> s.replace("confused_with: [", "confused_with: [no-such-cause, "),
                        "confused_with names unknown cause 'no-such-cause'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badKnowledge")
    void badKnowledgeStopsTheRunNamingFileAndFieldAndLeavesTheEarlierSiteAlone(String what, UnaryOperator<String> spoil,
                                                                               String expected) throws IOException {
        Path out = dir.resolve("site");
        assertEquals(0, Cli.run("site", "--out", out.toString()).exit());
        byte[] home = Files.readAllBytes(out.resolve("index.html"));

        Path extra = dir.resolve("extra");
        Files.createDirectories(extra.resolve("causes"));
        String shipped = Files.readString(Path.of("knowledge/causes/host-asleep.md"));
        Path file = extra.resolve("causes/spoilt-cause.md");
        Files.writeString(file, spoil.apply(shipped.replace("id: host-asleep", "id: spoilt-cause")));

        Cli.Result r = Cli.run("site", "--knowledge", extra.toString(), "--out", out.toString());
        assertEquals(Main.BAD_INPUT, r.exit(), what);
        assertTrue(r.err().contains(file.toString()), "names the file: " + r.err());
        assertTrue(r.err().contains(expected), "names the field: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.out().isEmpty(), r.out());
        // the earlier site is untouched and nothing half-written lies beside it
        assertTrue(java.util.Arrays.equals(home, Files.readAllBytes(out.resolve("index.html"))));
        try (Stream<Path> beside = Files.list(dir)) {
            assertEquals(List.of("extra", "site"), beside.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedWithTheReason() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli.Result r = Cli.run("site", "--out", dir.toString());
        assertEquals(Main.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("holds other files; expected a new or empty folder"), r.err());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void aQaUrlThatIsNotHttpIsRefusedAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("site");
        for (String bad : List.of("javascript:alert(1)//", "data:text/html,x", "//evil.example/", "https://ex ample.org/")) {
            Cli.Result r = Cli.run("site", "--out", out.toString(), "--qa-url", bad);
            assertEquals(Main.BAD_INPUT, r.exit(), bad);
            assertTrue(r.err().contains("--qa-url '"), r.err());
            assertFalse(Files.exists(out), "nothing written for " + bad);
        }
        Cli.Result triage = Cli.run("triage", "--answer", "error-code=0x904", "--format", "markdown", "--base-url", "javascript:alert(1)");
        assertEquals(Main.BAD_INPUT, triage.exit());
        assertTrue(triage.err().contains("--base-url 'javascript:alert(1)' is not an http:// or https:// address"), triage.err());
    }

    @Test
    void everySitePageCarriesAContentSecurityPolicy() throws IOException {
        Path out = dir.resolve("site");
        assertEquals(0, Cli.run("site", "--out", out.toString(), "--qa-url", "https://rdp.example.org/").exit());
        try (var pages = Files.walk(out)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertTrue(Files.readString(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'"),
                        out.relativize(page).toString());
            }
        }
    }
}
