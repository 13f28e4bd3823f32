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
}
