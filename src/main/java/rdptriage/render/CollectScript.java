package rdptriage.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import rdptriage.inference.Frames;
import rdptriage.inference.Host;
import rdptriage.inference.Ticket;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Signal;

/**
 * A diagnostic script for one side (issue 14), assembled from the knowledge's checks marked
 * {@code collect: true} and nothing hand-written beside them but the frame around each: PowerShell
 * for the Windows client and host (Windows PowerShell 5.1 and PowerShell 7), bash for a Linux
 * client. Each check's output is printed between the markers of {@link Frames}, so that the whole
 * output pasted into the paste box answers the checks' questions; an error in one check never stops
 * the next; a check that needs rights the script lacks is skipped and says so. The PowerShell
 * scripts end with a summary, one line per check, read with the same signals as the paste box.
 */
public final class CollectScript {

    /** The sides a script is written for: where its checks run, in which shell. */
    public enum Side {
        CLIENT("client", "client", Set.of("powershell", "cmd"), "ps1", "PowerShell, on the Windows computer that fails to connect"),
        HOST("host", "host", Set.of("powershell", "cmd"), "ps1", "PowerShell, on the remote computer itself (elevated for every check)"),
        LINUX_CLIENT("linux-client", "client", Set.of("bash"), "sh", "bash, on a Linux computer that connects with FreeRDP or Remmina");

        public final String id;
        final String where;
        final Set<String> shells;
        public final String extension;
        /** What it is and where it runs, for a person choosing one. */
        final String what;

        Side(String id, String where, Set<String> shells, String extension, String what) {
            this.id = id;
            this.where = where;
            this.shells = shells;
            this.extension = extension;
            this.what = what;
        }

        /** The side with this id; null when there is none. */
        public static Side of(String id) {
            for (Side s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }

        public static String ids() {
            return String.join(", ", java.util.Arrays.stream(values()).map(s -> s.id).toList());
        }

        boolean takes(Check k) {
            return k.collect() && where.equals(k.where()) && shells.contains(k.shell());
        }
    }

    /** A script as a page offers it: its file, its address (with the session's host), what it checks and its SHA-256. */
    public record Link(String fileName, String href, String what, String sha256) {}

    /** The script's file name, text, SHA-256 (hex) of its UTF-8 bytes, and how many checks it runs. */
    public record Script(String fileName, String text, String sha256, int checks) {

        /** "1 check", "12 checks". */
        public String checkCount() {
            return checks + (checks == 1 ? " check" : " checks");
        }
    }

    /** All the checks' output together stays under the paste box's 64 KB: each gets its share, at most this. */
    static final int MAX_OUTPUT_PER_CHECK = 6000;
    static final int OUTPUT_BUDGET = 56_000;

    private CollectScript() {}

    /** Where a side's script stands, from the root of the site and of the server: collect/host.ps1 and so on. */
    public static String path(Side side) {
        return "collect/" + side.id + "." + side.extension;
    }

    /**
     * The sides' scripts as a page offers them: {@code script} gives each side's script (made or
     * remembered by the caller), {@code href} its address.
     */
    public static List<Link> links(java.util.function.Function<Side, Script> script,
                                   java.util.function.Function<Side, String> href) {
        List<Link> links = new ArrayList<>();
        for (Side side : Side.values()) {
            Script s = script.apply(side);
            if (s.checks() > 0) {
                links.add(new Link(s.fileName(), href.apply(side), side.what + "; " + s.checkCount(), s.sha256()));
            }
        }
        return links;
    }

    /** The checks a side's script runs, in the order of the causes, each command once. */
    public static List<Check> checks(KnowledgeBase kb, Side side) {
        List<Check> checks = new ArrayList<>();
        Set<String> commands = new LinkedHashSet<>();
        for (Cause c : kb.causes()) {
            for (Check k : c.confirm()) {
                if (side.takes(k) && commands.add(k.command().strip())) {
                    checks.add(k);
                }
            }
        }
        return checks;
    }

    /** The script for a side; {@code host} (or null) fills the target's name into it. */
    public static Script of(KnowledgeBase kb, Side side, Host host) {
        List<Check> checks = checks(kb, side);
        int share = Math.min(MAX_OUTPUT_PER_CHECK, OUTPUT_BUDGET / Math.max(1, checks.size()));
        String text = side == Side.LINUX_CLIENT ? bash(kb, checks, host, share) : powershell(kb, side, checks, host, share);
        return new Script("rdp-triage-collect-" + side.id + "." + side.extension, text, sha256(text), checks.size());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    // ---- PowerShell ---------------------------------------------------------------------------

    private static String powershell(KnowledgeBase kb, Side side, List<Check> checks, Host host, int share) {
        StringBuilder s = new StringBuilder();
        s.append("# rdp-triage: read-only checks of the Remote Desktop ").append(side == Side.HOST ? "host" : "client")
                .append(" (").append(checks.size()).append(" checks from the knowledge base).\n");
        s.append("# It changes nothing, installs nothing, writes no file, and reaches no other computer")
                .append(side == Side.CLIENT ? " except the host on port 3389 and the lookup of its name" : "").append(".\n");
        s.append("# Runs on Windows PowerShell 5.1 and PowerShell 7. Checks that need an elevated PowerShell are skipped,\n");
        s.append("# and say so, when it is not elevated. Run it, then paste everything it printed into rdp-triage's paste box:\n");
        s.append("#   powershell -NoProfile -ExecutionPolicy Bypass -File .\\rdp-triage-collect-").append(side.id)
                .append(".ps1 | Tee-Object -FilePath rdp-triage-output.txt\n");
        s.append("# Made by: rdp-triage collect --side ").append(side.id).append(host == null ? "" : " --host " + host.name()).append("\n");
        s.append("param([string]$RdpHost = '").append(host == null ? "" : host.name()).append("')\n");
        s.append("$ErrorActionPreference = 'Continue'\n");
        s.append("$IsAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole(")
                .append("[Security.Principal.WindowsBuiltInRole]::Administrator)\n");
        s.append("$Results = @()\n");
        s.append("Write-Output ('# rdp-triage collect, side ").append(side.id)
                .append(", ' + (Get-Date -Format s) + ', ' + $env:COMPUTERNAME + ', PowerShell ' + $PSVersionTable.PSVersion + ', elevated: ' + $IsAdmin)\n");
        for (Check k : checks) {
            s.append('\n');
            s.append("# ---- ").append(k.id()).append(" (answers ").append(k.answers()).append(k.elevated() ? "; needs an elevated PowerShell" : "")
                    .append(")\n");
            s.append("Write-Output ").append(quote(Frames.begin(k.id(), k.title()))).append('\n');
            s.append("$Status = '").append(Frames.OK).append("'\n");
            s.append("$Text = ''\n");
            String skip = k.elevated() ? "if (-not $IsAdmin) { $Status = 'skipped: needs an elevated PowerShell (Run as administrator)' }\n"
                    : "";
            if (k.command().contains("<host>")) {
                skip += (skip.isEmpty() ? "if" : "elseif") + " (-not $RdpHost) { $Status = 'skipped: no host given; run the script with -RdpHost NAME' }\n";
            }
            s.append(skip).append(skip.isEmpty() ? "" : "else {\n");
            s.append("  try {\n");
            s.append("    $Text = & {\n");
            command(s, k, "      ", "$RdpHost");
            s.append("    } 2>&1 | Out-String -Width 250\n");
            s.append("  } catch {\n");
            s.append("    $Status = 'error: ' + ($_.Exception.Message -replace '\\s+', ' ')\n");
            s.append("  }\n");
            s.append(skip.isEmpty() ? "" : "}\n");
            s.append("if ($Text.Length -gt ").append(share).append(") { $Text = $Text.Substring(0, ").append(share)
                    .append(") + \"`n[rdp-triage collect cut \" + ($Text.Length - ").append(share).append(") + ' more characters]' }\n");
            s.append("Write-Output $Text.TrimEnd()\n");
            s.append("Write-Output ('##### rdp-triage check ").append(k.id()).append(" end: ' + $Status + ' #####')\n");
            s.append("$Results += [pscustomobject]@{ Id = '").append(k.id()).append("'; Status = $Status; Text = $Text; Readers = @(\n");
            List<String[]> readers = readers(kb, k);
            for (int i = 0; i < readers.size(); i++) {
                s.append("    [pscustomobject]@{ Pattern = ").append(quote(readers.get(i)[0])).append("; Found = ").append(quote(readers.get(i)[1]))
                        .append(" }").append(i + 1 < readers.size() ? "," : "").append('\n');
            }
            s.append(") }\n");
        }
        s.append('\n');
        s.append("# ---- summary: one line per check, read with the same patterns as rdp-triage's paste box\n");
        s.append("Write-Output ''\n");
        s.append("Write-Output ").append(quote(Frames.SUMMARY)).append('\n');
        s.append("foreach ($r in $Results) {\n");
        s.append("  $Found = @()\n");
        s.append("  if ($r.Status -eq 'ok') {\n");
        s.append("    $Even = (($r.Text -replace '[\\u2018\\u2019]', \"'\") -replace '[\\u201C\\u201D]', '\"') -replace '\\s+', ' '\n");
        s.append("    foreach ($p in $r.Readers) {\n");
        s.append("      try { if ([regex]::IsMatch($Even, $p.Pattern, 'IgnoreCase')) { $Found += $p.Found } } catch { }\n");
        s.append("    }\n");
        s.append("  }\n");
        s.append("  $Line = if ($r.Status -ne 'ok') { $r.Status } elseif ($Found.Count -gt 0) { ($Found | Select-Object -Unique) -join '; ' }")
                .append(" elseif ($r.Text.Trim() -eq '') { 'no output: nothing of this kind found' }")
                .append(" else { 'nothing recognised; read its output above' }\n");
        s.append("  Write-Output ($r.Id + ': ' + $Line)\n");
        s.append("}\n");
        return s.toString();
    }

    /**
     * For a check, each signal that reads its output into an answer to its question, as a pattern
     * and what it found ("termservice: Running"); signals that capture a code or can be negated by
     * the words before them are left to the paste box.
     */
    static List<String[]> readers(KnowledgeBase kb, Check k) {
        List<String[]> readers = new ArrayList<>();
        Question q = kb.question(k.answers());
        for (Signal s : kb.signals()) {
            if (!s.notAfter().isEmpty() || s.regex() != null && s.regex().contains("(?P<")) {
                continue;
            }
            for (String meaning : s.means()) {
                if (Signal.question(meaning).equals(q.id())) {
                    readers.add(new String[] {ascii(Ticket.pattern(s).pattern()), q.id() + ": " + q.label(Signal.value(meaning))});
                }
            }
        }
        return readers;
    }

    /**
     * A pattern with every character outside ASCII written as \\uXXXX, which .NET (and Java) read
     * the same: Windows PowerShell 5.1 reads a script without a byte-order mark in the ANSI code
     * page, so the scripts are ASCII throughout.
     */
    static String ascii(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            out.append(c < 128 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    /**
     * A PowerShell single-quoted string: nothing in it is expanded; a quote is doubled. Text outside
     * ASCII (a title's dash, a label's curly quote) is written in its nearest ASCII, for the same
     * reason as {@link #ascii}; these strings are only shown, never matched.
     */
    static String quote(String text) {
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\u2013\u2014]", "-").replaceAll("[\u2018\u2019]", "'").replaceAll("[\u201C\u201D]", "\"")
                .replace("\u2026", "...").replaceAll("[^\\x00-\\x7F]", "?");
        return "'" + plain.replace("'", "''") + "'";
    }

    // ---- bash ---------------------------------------------------------------------------------

    private static String bash(KnowledgeBase kb, List<Check> checks, Host host, int share) {
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env bash\n");
        s.append("# rdp-triage: read-only checks from a Linux client (FreeRDP, Remmina) towards a Remote Desktop host\n");
        s.append("# (").append(checks.size()).append(" checks from the knowledge base). It changes nothing, installs nothing, writes no file,\n");
        s.append("# and reaches only the host on port 3389 and the lookup of its name. A check whose program is missing\n");
        s.append("# is skipped and says so. Run it, then paste everything it printed into rdp-triage's paste box:\n");
        s.append("#   bash rdp-triage-collect-linux-client.sh [HOST] | tee rdp-triage-output.txt\n");
        s.append("# Made by: rdp-triage collect --side linux-client").append(host == null ? "" : " --host " + host.name()).append("\n");
        s.append("RDP_HOST=\"${1:-").append(host == null ? "" : host.name()).append("}\"\n");
        s.append("echo \"# rdp-triage collect, side linux-client, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -sr)\"\n");
        for (Check k : checks) {
            String program = k.command().strip().split("\\s+")[0];
            s.append('\n');
            s.append("# ---- ").append(k.id()).append(" (answers ").append(k.answers()).append(")\n");
            s.append("echo ").append(shellQuote(Frames.begin(k.id(), k.title()))).append('\n');
            if (k.command().contains("<host>")) {
                s.append("if [ -z \"$RDP_HOST\" ]; then\n");
                s.append("  status='skipped: no host given; run the script with the host as its first argument'\n");
                s.append("elif ! command -v ").append(program).append(" >/dev/null 2>&1; then\n");
            } else {
                s.append("if ! command -v ").append(program).append(" >/dev/null 2>&1; then\n");
            }
            s.append("  status=").append(shellQuote("skipped: " + program + " is not installed")).append('\n');
            s.append("else\n");
            s.append("  out=$( {\n");
            command(s, k, "    ", "\"$RDP_HOST\"");
            s.append("  } 2>&1 )\n");
            s.append("  rc=$?\n");
            s.append("  [ ${#out} -gt ").append(share).append(" ] && out=\"${out:0:").append(share)
                    .append("}\"$'\\n'\"[rdp-triage collect cut $(( ${#out} - ").append(share).append(" )) more characters]\"\n");
            s.append("  printf '%s\\n' \"$out\"\n");
            s.append("  status=\"").append(Frames.OK).append(", exit status $rc\"\n");
            s.append("fi\n");
            s.append("echo \"##### rdp-triage check ").append(k.id()).append(" end: $status #####\"\n");
        }
        return s.toString();
    }

    /** A check's command lines as the script runs them: indented, with the script's variable for {@code <host>}. */
    private static void command(StringBuilder s, Check k, String indent, String host) {
        for (String line : k.command().strip().split("\n")) {
            s.append(indent).append(line.stripTrailing().replace("<host>", host)).append('\n');
        }
    }

    /** A bash single-quoted string. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
