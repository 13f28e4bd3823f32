package rdptriage.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import rdptriage.knowledge.Commands.Registry;
import rdptriage.knowledge.Commands.RegistryOp;

/**
 * A temporary or security-lowering fix can be undone exactly: its steps record the state before
 * they change it, its rollback restores from that record rather than to fixed values, and a verify
 * command of the cause reads every change back.
 */
final class Reversibility {

    /** Nouns whose verbs change nothing lint can read back, or that stand for the registry (read as such). */
    private static final Set<String> NOT_STATE = Set.of("ItemProperty", "Item", "Content", "Location", "Variable");

    private final Locator locator;
    private final List<Problem> problems;

    Reversibility(Locator locator, List<Problem> problems) {
        this.locator = locator;
        this.problems = problems;
    }

    void cause(Cause c) {
        c.fixes().stream().filter(f -> f.temporary() || f.lowersSecurity()).forEach(f -> reversible(f, c.verify()));
    }

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
            into.add(locator.at("id: " + f.id(), line, "fix '" + f.id() + "' changes " + r + " before any step has exported its key"
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
        problems.add(locator.at(owner, line, message));
    }
}
