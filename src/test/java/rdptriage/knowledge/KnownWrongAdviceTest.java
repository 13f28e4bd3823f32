package rdptriage.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Engines;

/**
 * The statements in circulation that are wrong (domain-facts.md section 6) never appear in a
 * command, and commands that lower security appear only in fixes labelled so, with a rollback.
 */
class KnownWrongAdviceTest {

    private record Command(String where, String shell, String text, Fix fix) {}

    private static List<Command> commands() {
        List<Command> all = new ArrayList<>();
        for (Cause c : Engines.knowledge().causes()) {
            for (Check k : c.confirm()) {
                add(all, c.id() + " check " + k.id(), k.step(), null);
            }
            for (Fix f : c.fixes()) {
                f.steps().forEach(s -> add(all, c.id() + " fix " + f.id(), s, f));
                f.rollback().forEach(s -> add(all, c.id() + " rollback of " + f.id(), s, null));
            }
            c.verify().forEach(s -> add(all, c.id() + " verify", s, null));
        }
        return all;
    }

    private static void add(List<Command> all, String where, Step s, Fix fix) {
        if (s.command() != null) {
            all.add(new Command(where, s.shell(), s.command(), fix));
        }
    }

    private static List<String> offending(Pattern p) {
        return commands().stream().filter(c -> p.matcher(c.text()).find()).map(c -> c.where() + ": " + c.text().strip()).toList();
    }

    @Test
    void theServiceIsTermServiceNeverTermserv() {
        assertEquals(List.of(), offending(Pattern.compile("(?i)\\btermserv\\b")));
    }

    @Test
    void powerShellCmdletsAreNeverGivenForCommandPrompt() {
        Pattern cmdlet = Pattern.compile("\\b(Restart-Service|Get-Service|Set-ItemProperty|Get-ChildItem|Test-NetConnection|Get-NetFirewallRule|Set-NetFirewallRule|Get-WinEvent|Set-NetConnectionProfile)\\b");
        List<String> bad = commands().stream().filter(c -> "cmd".equals(c.shell()) && cmdlet.matcher(c.text()).find()
                && !c.text().contains("powershell")).map(c -> c.where() + ": " + c.text().strip()).toList();
        assertEquals(List.of(), bad);
    }

    @Test
    void freeRdpSecurityIsGivenAsSlashSecNeverDashDashSec() {
        assertEquals(List.of(), offending(Pattern.compile("--sec")));
    }

    @Test
    void theMachineKeysFolderIsNeverRenamedOrMoved() {
        assertEquals(List.of(), offending(Pattern.compile("(?i)(Rename-Item|\\bren(ame)?\\b|Move-Item|\\bmove\\b)[^\\n]*MachineKeys|MachineKeys_old")));
    }

    @Test
    void restartServiceTermServiceAlwaysHasForce() {
        assertEquals(List.of(), offending(Pattern.compile("(?i)Restart-Service\\s+(-Name\\s+)?TermService(?![^\\n]*-Force)")));
    }

    @Test
    void securityLoweringCommandsAppearOnlyInLabelledTemporaryFixes() {
        Pattern lowering = Pattern.compile("(?i)(AllowEncryptionOracle[^\\n]*(/d\\s*2|\\s2\\b))|(UserAuthentication[^\\n]*/d\\s*0)"
                + "|(SecurityLayer[^\\n]*/d\\s*0)|(Set-NetFirewallProfile[^\\n]*-Enabled\\s+False)|(state\\s+off)|(/cert:ignore)");
        List<String> bad = commands().stream()
                .filter(c -> lowering.matcher(c.text()).find())
                .filter(c -> c.fix() == null || !c.fix().lowersSecurity() || !c.fix().temporary() || c.fix().rollback().isEmpty())
                .map(c -> c.where() + ": " + c.text().strip()).toList();
        assertEquals(List.of(), bad);
    }
}
