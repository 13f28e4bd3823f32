package rdptriage.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import rdptriage.knowledge.Commands.Registry;
import rdptriage.knowledge.Commands.RegistryOp;

/**
 * Lint of the commands one cause gives, as a help-desk admin pastes them: no block holds a command
 * that stops to ask (the prompt would take the next pasted line as its answer) or a restart before
 * its last line; and a temporary or security-lowering fix records the state before it, rolls back
 * from that record rather than to fixed values, and has a verify command that reads every change back.
 */
final class CommandLint {

    private static final Pattern NET_STOP = Pattern.compile("(?i)\\bnet\\s+stop\\b");
    private static final Pattern TAKEOWN_RECURSIVE = Pattern.compile("(?i)\\btakeown\\b.*\\s/r\\b");
    private static final Pattern RESTART = Pattern.compile("(?i)\\bshutdown(\\.exe)?\\s.*/[rs]\\b|\\b(Restart|Stop)-Computer\\b");
    private static final Pattern TERMSERVICE_STOP = Pattern.compile("(?i)\\b(Stop|Restart)-Service\\b.*\\bTermService\\b");
    private static final Pattern GPRESULT_FILE = Pattern.compile("(?i)\\bgpresult\\b.*\\s/[hx]\\s");
    private static final Pattern VERSION_TEXT = Pattern.compile("(?i)\\bFileVersion(Raw)?\\b");
    /** Nouns whose verbs change nothing lint can read back, or that stand for the registry (read as such). */
    private static final Set<String> NOT_STATE = Set.of("ItemProperty", "Item", "Content", "Location", "Variable");

    private final String file;
    private final String text;
    private final List<Problem> problems;

    CommandLint(String file, String text, List<Problem> problems) {
        this.file = file;
        this.text = text;
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
            if (f.temporary() || f.lowersSecurity()) {
                reversible(f, c.verify());
            }
        }
        c.verify().forEach(s -> block("verify of " + c.id(), s.shell(), s.command(), "\nverify:"));
    }

    /** A question's command: the same paste rules. */
    void question(Question q) {
        block("question '" + q.id() + "'", q.shell(), q.command(), "command:");
    }

    // ---- paste safety ----

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

    // ---- temporary and security-lowering fixes ----

    private void reversible(Fix f, List<Step> verify) {
        String at = "id: " + f.id();
        String kind = f.lowersSecurity() ? "lowers security" : "is temporary";
        List<Registry> exported = new ArrayList<>();
        Set<String> recorded = new LinkedHashSet<>();
        Set<Registry> written = new LinkedHashSet<>();
        Set<Registry> changed = new LinkedHashSet<>();
        Set<String> nouns = new LinkedHashSet<>();
        List<String> recordedExports = new ArrayList<>();
        List<Problem> unrecorded = new ArrayList<>();
        for (Step s : f.steps()) {
            for (String line : Commands.lines(s.command())) {
                List<String> writes = Commands.writes(line);
                recorded.addAll(writes);
                for (RegistryOp op : Commands.registry(line)) {
                    switch (op.op()) {
                        case "get" -> {
                            if (!writes.isEmpty()) {
                                exported.addAll(selected(op.target(), line));
                            }
                        }
                        case "export" -> {
                            exported.add(op.target());
                            recordedExports.add(op.file());
                        }
                        case "add", "set", "new", "copy" -> {
                            uncovered(f, op.target(), exported, line, unrecorded);
                            written.add(op.target());
                            changed.add(op.target());
                        }
                        case "delete", "remove" -> {
                            uncovered(f, op.target(), exported, line, unrecorded);
                            changed.add(op.target());
                        }
                        default -> { }
                    }
                }
                Commands.cmdlets(line).stream()
                        .filter(c -> !c.verb().equals("Get") && !NOT_STATE.contains(c.noun()))
                        .forEach(c -> nouns.add(c.noun()));
                Commands.Netsh.of(line).filter(Commands.Netsh::change).ifPresent(n -> nouns.add(n.context()));
            }
        }
        for (String declared : f.changes()) {
            Registry.declared(declared).ifPresentOrElse(r -> {
                uncovered(f, r, exported, null, unrecorded);
                written.add(r);
                changed.add(r);
            }, () -> nouns.add(declared.strip()));
        }
        if (changed.isEmpty() && nouns.isEmpty()) {
            return;
        }
        String what = describe(changed, nouns);
        if (recorded.isEmpty()) {
            problem(at, null, "fix '" + f.id() + "' " + kind + " and changes " + what + ", but no step records the state"
                    + " before it (reg export KEY C:\\" + f.id() + "-before.reg, or Export-Csv for other state)");
            return;
        }
        problems.addAll(unrecorded);
        Set<String> restored = new LinkedHashSet<>();
        Set<Registry> deletedInRollback = new LinkedHashSet<>();
        for (Step s : f.rollback()) {
            for (String line : Commands.lines(s.command())) {
                restored.addAll(Commands.reads(line));
                Commands.registry(line).stream().filter(op -> op.op().equals("delete") || op.op().equals("remove"))
                        .forEach(op -> deletedInRollback.add(op.target()));
            }
        }
        if (restored.stream().noneMatch(recorded::contains)) {
            problem(at, null, "rollback of fix '" + f.id() + "' sets fixed values instead of restoring the state its steps"
                    + " recorded in " + String.join(", ", recorded) + " (reg import, Import-Csv ...)");
        }
        for (Registry r : written) {
            boolean deleted = deletedInRollback.stream().anyMatch(d -> d.covers(r));
            boolean imported = recordedExports.stream().anyMatch(restored::contains);
            if (!deleted && imported) {
                problem(at, null, "rollback of fix '" + f.id() + "' imports the record but does not first delete " + r
                        + ", which the fix writes: a value that did not exist before would stay");
            }
        }
        for (Registry r : changed) {
            if (verify.stream().flatMap(s -> Commands.lines(s.command()).stream()).noneMatch(line -> reads(line, r))) {
                problem(at, null, "fix '" + f.id() + "' " + kind + " and changes " + r + ", but no verify command reads it"
                        + " back (reg query \"KEY\" /v NAME) to prove it was undone");
            }
        }
        for (String noun : nouns) {
            boolean netsh = noun.startsWith("netsh ");
            boolean read = verify.stream().flatMap(s -> Commands.lines(s.command()).stream()).anyMatch(line -> netsh
                    ? Commands.Netsh.of(line).filter(n -> !n.change() && n.context().equals(noun)).isPresent()
                    : Commands.cmdlets(line).stream().anyMatch(c -> c.verb().equals("Get") && c.noun().equalsIgnoreCase(noun)));
            if (!read) {
                problem(at, null, "fix '" + f.id() + "' " + kind + " and changes " + noun + " state, but no verify command"
                        + " reads it back (" + (netsh ? noun + " ... show" : "Get-" + noun) + ") to prove it was undone");
            }
        }
    }

    private static final Pattern SELECT = Pattern.compile("(?i)\\bSelect-Object\\s+(?:-Property\\s+)?([\\w\\s,]+?)\\s*(\\||$)");

    /**
     * What a Get-ItemProperty line that writes a file records: the value it names, the values it
     * selects with Select-Object, or else every value of the key.
     */
    private static List<Registry> selected(Registry read, String line) {
        if (read.name() != null) {
            return List.of(read);
        }
        java.util.regex.Matcher m = SELECT.matcher(line);
        if (!m.find()) {
            return List.of(read);
        }
        return java.util.Arrays.stream(m.group(1).split(","))
                .map(n -> new Registry(read.key(), n.strip().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private void uncovered(Fix f, Registry r, List<Registry> exported, String line, List<Problem> into) {
        if (exported.stream().noneMatch(e -> e.covers(r))) {
            into.add(locate("id: " + f.id(), line, "fix '" + f.id() + "' changes " + r + " before any step has exported its key"
                    + " (reg export \"KEY\" C:\\" + f.id() + "-before.reg), so its rollback cannot restore what was there"));
        }
    }

    /** True when the line reads the registry value (or the whole key it sits in). */
    private static boolean reads(String line, Registry r) {
        return Commands.registry(line).stream()
                .filter(op -> op.op().equals("query") || op.op().equals("get"))
                .anyMatch(op -> op.target().key().equals(r.key())
                        && (op.target().name() == null || r.name() == null || op.target().name().equals(r.name())));
    }

    private static String describe(Set<Registry> registry, Set<String> nouns) {
        List<String> parts = new ArrayList<>();
        registry.forEach(r -> parts.add(r.toString()));
        nouns.forEach(parts::add);
        return String.join(", ", parts);
    }

    private void problem(String owner, String line, String message) {
        problems.add(locate(owner, line, message));
    }

    /** A problem at {@code line} of the block owned by {@code owner} (or at the owner, or nowhere). */
    private Problem locate(String owner, String line, String message) {
        int from = text.indexOf(owner);
        int at = line == null || from < 0 ? from : text.indexOf(line, from);
        if (at < 0) {
            at = from;
        }
        return new Problem(file, at < 0 ? 0 : Text.lineAt(text, at), message);
    }
}
