package rdptriage.knowledge;

import java.util.List;
import java.util.regex.Pattern;
import rdptriage.knowledge.Commands.RegistryOp;

/**
 * Paste safety of the commands one cause gives, as a help-desk admin pastes them: no multi-line
 * block holds a command that stops to ask (the prompt would take the next pasted line as its
 * answer), and no block restarts the computer before its last line or runs a command known to fail
 * or mislead as written.
 */
final class PasteSafety {

    private static final Pattern NET_STOP = Pattern.compile("(?i)\\bnet\\s+stop\\b");
    private static final Pattern TAKEOWN_RECURSIVE = Pattern.compile("(?i)\\btakeown\\b.*\\s/r\\b");
    private static final Pattern RESTART = Pattern.compile("(?i)\\bshutdown(\\.exe)?\\s.*/[rs]\\b|\\b(Restart|Stop)-Computer\\b");
    private static final Pattern TERMSERVICE_STOP = Pattern.compile("(?i)\\b(Stop|Restart)-Service\\b.*\\bTermService\\b");
    private static final Pattern GPRESULT_FILE = Pattern.compile("(?i)\\bgpresult\\b.*\\s/[hx]\\s");
    private static final Pattern VERSION_TEXT = Pattern.compile("(?i)\\bFileVersion(Raw)?\\b");

    private final Locator locator;
    private final List<Problem> problems;

    PasteSafety(Locator locator, List<Problem> problems) {
        this.locator = locator;
        this.problems = problems;
    }

    void cause(Cause c) {
        for (Check k : c.confirm()) {
            block("check '" + k.id() + "'", k.shell(), k.command(), "id: " + k.id());
        }
        for (Fix f : c.fixes()) {
            String at = "id: " + f.id();
            f.steps().forEach(s -> block("fix '" + f.id() + "'", s.shell(), s.command(), at));
            f.rollback().forEach(s -> block("rollback of fix '" + f.id() + "'", s.shell(), s.command(), at));
        }
        c.verify().forEach(s -> block("verify of " + c.id(), s.shell(), s.command(), "\nverify:"));
    }

    /** Checks outside a cause (what to collect for "none of the known causes"): the same paste rules. */
    void checks(String owner, List<Check> checks) {
        for (Check k : checks) {
            block(owner + " check '" + k.id() + "'", k.shell(), k.command(), "id: " + k.id());
        }
    }

    /** A question's command: the same paste rules. */
    void question(Question q) {
        block("question '" + q.id() + "'", q.shell(), q.command(), "command:");
    }

    private void block(String owner, String shell, String command, String near) {
        if (!"cmd".equals(shell) && !"powershell".equals(shell)) {
            return;
        }
        List<String> lines = Commands.lines(command);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (TERMSERVICE_STOP.matcher(line).find() && !line.matches("(?i).*\\s-Force\\b.*")) {
                problem(near, line, owner + ": '" + line + "' fails without -Force, because TermService has a dependent"
                        + " service (UmRdpService)");
            }
            if (GPRESULT_FILE.matcher(line).find() && !line.matches("(?i).*\\s/f\\b.*")) {
                problem(near, line, owner + ": '" + line + "' stops with an error when the report file exists"
                        + " (gpresult /H or /X without /F)");
            }
            if (VERSION_TEXT.matcher(line).find()) {
                problem(near, line, owner + ": '" + line + "' reads a version that can mislead: the FileVersion text of"
                        + " Windows files can lag behind the file, and FileVersionRaw is empty before PowerShell 5.0;"
                        + " read the four parts FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart");
            }
            if (RESTART.matcher(line).find() && i < lines.size() - 1) {
                problem(near, line, owner + ": '" + line + "' restarts the computer before the lines after it run;"
                        + " a restart must be the last line of its block");
            }
            String prompt = lines.size() > 1 ? prompts(line) : null;
            if (prompt != null) {
                problem(near, line, owner + ": '" + line + "' " + prompt + "; pasted as a block, the prompt takes the"
                        + " next line as its answer");
            }
        }
    }

    /** Why a line stops to ask, or null when it does not. */
    private static String prompts(String line) {
        for (RegistryOp op : Commands.registry(line)) {
            boolean force = op.rest().matches("(?is).*(^|\\s)/f\\b.*");
            if (!force && (op.op().equals("add") || op.op().equals("delete") || op.op().equals("copy"))) {
                return "asks for confirmation (reg " + op.op() + " without /f)";
            }
            if (op.op().equals("export") && !op.rest().matches("(?is).*(^|\\s)/y\\b.*") && !guarded(line, op.file())) {
                return "asks before overwriting an existing file (reg export without /y; or give the backup a step of its own)";
            }
        }
        if (NET_STOP.matcher(line).find() && !line.matches("(?i).*\\s/y\\b.*")) {
            return "asks Y/N when the service has dependent services, as TermService has (net stop without /y)";
        }
        if (TAKEOWN_RECURSIVE.matcher(line).find() && !line.matches("(?i).*\\s/d\\s+[yn]\\b.*")) {
            return "asks for each folder it may not list (takeown /r without /d Y)";
        }
        return null;
    }

    /** True when the line runs only if {@code file} does not exist yet (Test-Path, if not exist): nothing to overwrite. */
    private static boolean guarded(String line, String file) {
        String l = line.toLowerCase(java.util.Locale.ROOT);
        return file != null && (l.matches(".*test-path\\s+(-path\\s+|-literalpath\\s+)?[\"']?" + Pattern.quote(file) + ".*")
                || l.matches(".*if\\s+not\\s+exist\\s+[\"']?" + Pattern.quote(file) + ".*"));
    }

    private void problem(String owner, String line, String message) {
        problems.add(locator.at(owner, line, message));
    }
}
