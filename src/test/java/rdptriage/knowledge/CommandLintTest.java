package rdptriage.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of command lint (PasteSafety, Reversibility, and the backup and prior checks of
 * CrossCheck): each small bad fixture is caught with its file, fix and line,
 * and the corrected fixture passes. (The shipped knowledge passing is LintTest's first test.)
 */
class CommandLintTest {

    @TempDir
    Path dir;

    private static final String CAUSE = """
            ---
            id: test-cause
            title: A cause added by a help desk
            summary: A cause used to test the command lint.
            prior: 0.01
            evidence:
              level: community
              tied_to_code: false
              note: Only for tests.
            confirm:
              - id: look
                title: Look at it
                where: host
                shell: cmd
                elevated: false
                effort: 2
                command: reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections
            fixes:
            FIXES
            verify:
              - where: client
                shell: gui
                text: Connect again.
            VERIFY
            sources: [S7]
            ---
            """ + Fixtures.ARTICLE;

    /** A safe fix whose one step is {@code command} in {@code shell}. */
    private static String safeFix(String id, String shell, String command) {
        return """
                  - id: %s
                    title: A fix
                    risk: low
                    risk_note: Drops sessions.
                    effort: 5
                    steps:
                      - where: host
                        shell: %s
                        elevated: true
                        command: |
                %s
                    rollback:
                      - where: host
                        shell: gui
                        text: Undo it.
                """.formatted(id, shell, indent(command, 10));
    }

    private static String indent(String block, int spaces) {
        return block.lines().map(l -> " ".repeat(spaces) + l).collect(Collectors.joining("\n"));
    }

    private List<Problem> lint(String fixes, String verify) throws IOException {
        Path kb = dir.resolve("kb");
        Files.createDirectories(kb.resolve("causes"));
        Files.writeString(kb.resolve("engine.yaml"), "unlisted_prior: 0.07\n");
        Files.writeString(kb.resolve("causes/test-cause.md"), CAUSE.replace("FIXES\n", fixes).replace("VERIFY\n", verify));
        return ownProblems(kb);
    }

    /** The problems in the fixture's files (the shipped knowledge has its own test). */
    private static List<Problem> ownProblems(Path kb) {
        return KnowledgeBase.read(KnowledgeBase.withBuiltIn(List.of(new KnowledgeBase.Root("kb", kb)))).problems()
                .stream().filter(p -> p.file().startsWith("kb/")).toList();
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        return problems.get(0);
    }

    private static void found(Problem p, int line, String... texts) {
        assertEquals("kb/causes/test-cause.md", p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        for (String text : texts) {
            assertTrue(p.message().contains(text), p.toString());
        }
    }

    // ---- paste safety ----

    @Test
    void aNetStopWithoutYesInABlockIsCaughtAtItsLine() throws IOException {
        String fix = safeFix("restart-it", "cmd", "net stop TermService\nnet start TermService");
        found(only(lint(fix, "")), 29, "fix 'restart-it'", "net stop TermService", "without /y", "takes the next line");
        assertEquals(List.of(), lint(safeFix("restart-it", "cmd", "net stop TermService /y\nnet start TermService"), ""));
    }

    @Test
    void aRegDeleteWithoutForceInABlockIsCaught() throws IOException {
        String fix = safeFix("drop-value", "cmd", """
                reg delete "HKLM\\SOFTWARE\\Test" /v Value
                net start TermService""");
        found(only(lint(fix, "")), 29, "fix 'drop-value'", "reg delete without /f");
        // one line alone shows its prompt to the person who pasted it
        assertEquals(List.of(), lint(safeFix("drop-value", "cmd", "reg delete \"HKLM\\SOFTWARE\\Test\" /v Value"), ""));
    }

    @Test
    void aBackupExportWithoutOverwriteInABlockIsCaught() throws IOException {
        String fix = safeFix("export-it", "cmd", """
                reg export "HKLM\\SOFTWARE\\Test" C:\\export-it-before.reg
                reg add "HKLM\\SOFTWARE\\Test" /v Value /t REG_DWORD /d 1 /f""");
        found(only(lint(fix, "")), 29, "reg export without /y");
        // an export that runs only when its file does not exist yet has nothing to overwrite
        assertEquals(List.of(), lint(safeFix("export-it", "cmd", """
                if not exist C:\\export-it-before.reg reg export "HKLM\\SOFTWARE\\Test" C:\\export-it-before.reg
                reg add "HKLM\\SOFTWARE\\Test" /v Value /t REG_DWORD /d 1 /f"""), ""));
    }

    @Test
    void aRecursiveTakeownWithoutDefaultAnswerIsCaught() throws IOException {
        String fix = safeFix("own-it", "cmd", "takeown /f C:\\Test /a /r\nicacls C:\\Test /t /c /grant \"BUILTIN\\Administrators:(F)\"");
        found(only(lint(fix, "")), 29, "takeown /r without /d Y");
        assertEquals(List.of(), lint(safeFix("own-it", "cmd",
                "takeown /f C:\\Test /a /r /d Y\nicacls C:\\Test /t /c /grant \"BUILTIN\\Administrators:(F)\""), ""));
    }

    @Test
    void aRestartBeforeTheLastLineIsCaught() throws IOException {
        String fix = safeFix("reboot", "cmd", "shutdown /r /t 0\nreg query \"HKLM\\SOFTWARE\\Test\"");
        found(only(lint(fix, "")), 29, "restarts the computer before the lines after it run");
        assertEquals(List.of(), lint(safeFix("reboot", "cmd", "reg query \"HKLM\\SOFTWARE\\Test\"\nshutdown /r /t 0"), ""));
    }

    @Test
    void restartingTermServiceWithoutForceIsCaught() throws IOException {
        found(only(lint(safeFix("restart", "powershell", "Restart-Service TermService"), "")), 29, "fails without -Force");
    }

    @Test
    void aGpresultReportWithoutOverwriteIsCaughtEvenAlone() throws IOException {
        found(only(lint(safeFix("report", "cmd", "gpresult /H C:\\report.html"), "")), 29, "without /F");
        assertEquals(List.of(), lint(safeFix("report", "cmd", "gpresult /H C:\\report.html /F"), ""));
    }

    @Test
    void aVersionReadFromTheTextOrTheRawPropertyIsCaught() throws IOException {
        String read = "(Get-Item \"$env:SystemRoot\\System32\\tspkg.dll\").VersionInfo.";
        found(only(lint(safeFix("version", "powershell", read + "FileVersion"), "")), 29, "read the four parts");
        found(only(lint(safeFix("version", "powershell", read + "FileVersionRaw"), "")), 29, "empty before PowerShell 5.0");
        assertEquals(List.of(), lint(safeFix("version", "powershell", "$v = " + read + "FileBuildPart"), ""));
    }

    // ---- one backup file per fix ----

    @Test
    void twoFixesWritingOneBackupFileAreCaught() throws IOException {
        String fixes = safeFix("first", "cmd", "reg export \"HKLM\\SOFTWARE\\Test\" C:\\shared-before.reg")
                + safeFix("second", "cmd", "reg export \"HKLM\\SOFTWARE\\Other\" c:\\SHARED-before.reg");
        Problem p = only(lint(fixes, ""));
        found(p, 34, "fix 'second' writes c:\\shared-before.reg", "fix 'first'", "its own backup file");
    }

    // ---- temporary and security-lowering fixes ----

    private static final String RECORD = "reg export \"HKLM\\SOFTWARE\\Policies\\Test\" C:\\workaround-before.reg";
    private static final String CHANGE = "reg add \"HKLM\\SOFTWARE\\Policies\\Test\" /v Weak /t REG_DWORD /d 1 /f";
    private static final String UNDO = "reg delete \"HKLM\\SOFTWARE\\Policies\\Test\" /v Weak /f\nreg import C:\\workaround-before.reg";
    private static final String READ_BACK = """
              - where: host
                shell: cmd
                elevated: false
                text: The value is gone or back to what it was.
                command: reg query "HKLM\\SOFTWARE\\Policies\\Test" /v Weak
            """;

    /** A safe fix, then a security-lowering workaround with the given steps and rollback (each a cmd block). */
    private static String workaround(List<String> steps, String rollback, String changes) {
        StringBuilder y = new StringBuilder(safeFix("safe", "gui", "Do the safe thing."));
        y.append("""
                  - id: workaround
                    title: Workaround only
                    risk: lowers-security
                    risk_note: Weakens the host.
                    temporary: true
                    effort: 5
                """).append(changes).append("    steps:\n");
        for (String step : steps) {
            y.append("      - where: host\n        shell: cmd\n        elevated: true\n        command: |\n")
                    .append(indent(step, 10)).append('\n');
        }
        y.append("    rollback:\n      - where: host\n        shell: cmd\n        elevated: true\n        command: |\n")
                .append(indent(rollback, 10)).append('\n');
        return y.toString();
    }

    @Test
    void aWorkaroundThatRecordsRestoresAndReadsBackPasses() throws IOException {
        assertEquals(List.of(), lint(workaround(List.of(RECORD, CHANGE), UNDO, ""), READ_BACK));
    }

    @Test
    void aRecordOfTheOneValueChangedIsARecordToo() throws IOException {
        // exporting the whole key would bring back its other values on rollback; recording the one value is enough
        String record = "Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Policies\\Test' | Select-Object Weak | Export-Csv -Path"
                + " C:\\workaround-before.csv -NoTypeInformation";
        String undo = "reg delete \"HKLM\\SOFTWARE\\Policies\\Test\" /v Weak /f\n"
                + "Import-Csv C:\\workaround-before.csv | Where-Object Weak | ForEach-Object { reg add \"HKLM\\SOFTWARE\\Policies\\Test\""
                + " /v Weak /t REG_DWORD /d $_.Weak /f }";
        assertEquals(List.of(), lint(workaround(List.of(record, CHANGE), undo, ""), READ_BACK));
        Problem p = only(lint(workaround(List.of(record.replace("Select-Object Weak", "Select-Object Strong"), CHANGE), undo, ""),
                READ_BACK));
        found(p, 50, "changes hklm\\software\\policies\\test /v weak before any step has exported its key");
    }

    @Test
    void aWorkaroundThatRecordsNothingIsCaught() throws IOException {
        Problem p = only(lint(workaround(List.of(CHANGE), "reg add \"HKLM\\SOFTWARE\\Policies\\Test\" /v Weak /t REG_DWORD /d 0 /f",
                ""), READ_BACK));
        found(p, 34, "fix 'workaround' lowers security", "no step records the state before it");
    }

    @Test
    void aRollbackToAFixedValueIsCaught() throws IOException {
        Problem p = only(lint(workaround(List.of(RECORD, CHANGE),
                "reg add \"HKLM\\SOFTWARE\\Policies\\Test\" /v Weak /t REG_DWORD /d 0 /f", ""), READ_BACK));
        found(p, 34, "rollback of fix 'workaround' sets fixed values", "c:\\workaround-before.reg");
    }

    @Test
    void anImportThatLeavesAnAddedValueBehindIsCaught() throws IOException {
        Problem p = only(lint(workaround(List.of(RECORD, CHANGE), "reg import C:\\workaround-before.reg", ""), READ_BACK));
        found(p, 34, "does not first delete hklm\\software\\policies\\test /v weak");
    }

    @Test
    void aChangeMadeBeforeTheExportIsCaught() throws IOException {
        Problem p = only(lint(workaround(List.of(CHANGE, RECORD), UNDO, ""), READ_BACK));
        found(p, 45, "changes hklm\\software\\policies\\test /v weak before any step has exported its key");
    }

    @Test
    void aWorkaroundNoVerifyReadsBackIsCaught() throws IOException {
        Problem p = only(lint(workaround(List.of(RECORD, CHANGE), UNDO, ""), ""));
        found(p, 34, "no verify command reads it back", "/v weak");
    }

    @Test
    void aChangeDeclaredForARunCommandScriptMustBeReadBack() throws IOException {
        String declared = "    changes: ['HKLM\\SOFTWARE\\Policies\\Test /v Layer', 'NetFirewallRule']\n";
        List<Problem> problems = lint(workaround(List.of(RECORD, CHANGE),
                "reg delete \"HKLM\\SOFTWARE\\Policies\\Test\" /v Weak /f\nreg delete \"HKLM\\SOFTWARE\\Policies\\Test\" /v Layer /f\n"
                        + "reg import C:\\workaround-before.reg", declared), READ_BACK);
        assertEquals(2, problems.size(), problems.toString());
        found(problems.get(0), 34, "changes hklm\\software\\policies\\test /v layer, but no verify command reads it back");
        found(problems.get(1), 34, "changes NetFirewallRule state", "Get-NetFirewallRule");
    }

    // ---- priors ----

    @Test
    void priorsThatSumPastOneAreCaughtAtTheCauseThatTakesThemOver() throws IOException {
        Path kb = dir.resolve("kb");
        List<Problem> problems = lint("", "");   // writes the cause with prior 0.01 and unlisted_prior 0.07: sum 1.00
        assertTrue(problems.stream().noneMatch(p -> p.message().contains("sum to")), problems.toString());
        Files.writeString(kb.resolve("engine.yaml"), "stop_when_leader_above: 0.9\n");   // unlisted stays 0.08: 1.01
        problems = ownProblems(kb);
        Problem p = problems.stream().filter(x -> x.message().contains("sum to")).findFirst()
                .orElseThrow(() -> new AssertionError("no priors finding"));
        found(p, 5, "sum to 1.010; expected at most 1");
    }
}
