package rdptriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A help desk's own folders are linted at the start of every command that uses the engine. */
class HelpDeskFoldersTest {

    @TempDir
    Path dir;

    private static final String RULE = """
            package rules.extra;

            import rdptriage.inference.Answer;
            import rdptriage.inference.Evidence;

            rule "extra: the TCP test was refused"
            when
                Answer( question == "tcp-3389-test", value == "refused" )
            then
                insertLogical( new Evidence( "firewall-blocking", 1.0, "Refused.", "S6" ) );
            end
            """;

    @Test
    @Timeout(120)
    void aRuleReadingAnOptionThatDoesNotExistStopsTriageSiteAndServeWithFileAndLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("extra.drl"), RULE);
        String[][] commands = {
                {"triage", "--rules", rules.toString(), "--answer", "error-code=0x904", "--format", "json"},
                {"site", "--rules", rules.toString(), "--out", dir.resolve("site").toString()},
                {"serve", "--rules", rules.toString(), "--port", "0"},
        };
        for (String[] command : commands) {
            Cli.Result r = Cli.run(command);
            assertEquals(2, r.exit(), command[0] + ": " + r.err());
            assertTrue(r.err().contains(rules + "/extra.drl:8: question 'tcp-3389-test' has no option 'refused'"),
                    command[0] + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out(), command[0]);
        }
        assertFalse(Files.exists(dir.resolve("site")), "nothing is written when the folders are refused");
    }

    @Test
    void aCorrectRuleIsAccepted() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        // an observation no shipped firewall-blocking rule reads on its own, so nothing is counted twice
        Files.writeString(rules.resolve("extra.drl"), RULE.replace("question == \"tcp-3389-test\", value == \"refused\"",
                "question == \"by-ip\", value == \"both-fail\""));
        Cli.Result r = Cli.run("triage", "--rules", rules.toString(), "--answer", "by-ip=both-fail", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"Refused.\""), r.out());
    }

    @Test
    @Timeout(120)
    void aRuleThatReachesOutsideTheRulesIsRefusedBeforeAnythingRunsIt() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path written = dir.resolve("written.txt");
        String[] actions = {
                "System.exit(0);",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + written + "\"), \"x\");",
                "while (true) { }",
                "Object o = \"\".getClass().forName(\"java.lang.Runtime\");",
        };
        String[] expected = {"uses System", "names a class outside the rules", "has a loop or a function", "calls getClass"};
        for (int i = 0; i < actions.length; i++) {
            // the reason may say System freely: quoted text is not code
            Files.writeString(rules.resolve("extra.drl"), RULE.replace("question == \"tcp-3389-test\", value == \"refused\"",
                    "question == \"by-ip\", value == \"both-fail\"").replace("\"Refused.\"", "\"System says no.\"")
                    .replace("    insertLogical(", "    " + actions[i] + "\n    insertLogical("));
            Cli.Result r = Cli.run("triage", "--rules", rules.toString(), "--answer", "by-ip=both-fail", "--format", "json");
            assertEquals(2, r.exit(), actions[i] + ": " + r.err());
            assertTrue(r.err().contains(rules + "/extra.drl:10: ") && r.err().contains(expected[i]), actions[i] + ": " + r.err());
            assertFalse(r.err().contains("System says"), "quoted text is not read as code: " + r.err());
        }
        assertFalse(Files.exists(written), "the rule never ran");
        // a function can recurse without a loop
        Files.writeString(rules.resolve("extra.drl"), RULE.replace("rule \"extra:", "function int deep(int n) { return deep(n + 1); }\n\nrule \"extra:"));
        Cli.Result recursive = Cli.run("triage", "--rules", rules.toString(), "--answer", "by-ip=both-fail");
        assertEquals(2, recursive.exit(), recursive.err());
        assertTrue(recursive.err().contains("extra.drl:6: has a loop or a function (function)"), recursive.err());
    }

    @Test
    @Timeout(120)
    void rulesThatKeepReactivatingEachOtherAreStoppedNamedAndDisabled() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        // each firing updates the fact it matched, which matches it again
        Files.writeString(rules.resolve("loop.drl"), """
                package rules.extra;

                import rdptriage.inference.Answer;

                rule "extra: look again"
                when
                    $a : Answer( question == "by-ip" )
                then
                    update( $a );
                end
                """);
        Cli.Result r = Cli.run("triage", "--rules", rules.toString(), "--answer", "by-ip=both-fail", "--format", "json");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("rule \"extra: look again\" fired past 20000 times in one assessment and is disabled"), r.err());
    }

    @Test
    void aKnowledgeFileThatIsNotUtf8OrHugeIsNamedWithExitTwo() throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb/sources"));
        Files.write(kb.resolve("latin1.yaml"), "- key: HD1\n  title: Caf\u00e9 wiki\n  url: https://wiki.example.org/\n  strength: secondary\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Result latin1 = Cli.run("triage", "--knowledge", dir.resolve("kb").toString(), "--answer", "error-code=0x904");
        assertEquals(2, latin1.exit(), latin1.err());
        assertTrue(latin1.err().contains("latin1.yaml:2: not valid UTF-8"), latin1.err());
        Files.delete(kb.resolve("latin1.yaml"));
        try (var out = Files.newOutputStream(kb.resolve("huge.yaml"))) {
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes();
            for (int i = 0; i < 70_000; i++) {
                out.write(line);
            }
        }
        Cli.Result huge = Cli.run("triage", "--knowledge", dir.resolve("kb").toString(), "--answer", "error-code=0x904");
        assertEquals(2, huge.exit(), huge.err());
        assertTrue(huge.err().contains("huge.yaml: larger than 4 MB"), huge.err());
        assertFalse(huge.err().contains("Exception"), huge.err());
    }

    @Test
    void aPlaceThatCannotBeWrittenOrListenedOnIsNamedWithExitTwo() {
        Cli.Result site = Cli.run("site", "--out", "/proc/rdp-triage-site");
        assertEquals(2, site.exit(), site.err());
        assertTrue(site.err().contains("--out /proc/rdp-triage-site: cannot write there"), site.err());
        Cli.Result serve = Cli.run("serve", "--bind", "999.1.1.1", "--port", "0");
        assertEquals(2, serve.exit(), serve.err());
        assertTrue(serve.err().contains("cannot listen on 999.1.1.1:0"), serve.err());
        assertFalse(site.err().contains("Exception") || serve.err().contains("internal error"), site.err() + serve.err());
    }
}
