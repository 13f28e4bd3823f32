package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rdptriage.inference.Engines;
import rdptriage.inference.Frames;
import rdptriage.inference.Host;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.CollectScript.Side;

/**
 * The PowerShell scripts cannot run on these machines: what can be checked without a PowerShell is
 * checked here (issue 14). The bash script runs for real in {@code LinuxCollectTest}.
 */
class CollectScriptTest {

    private static final KnowledgeBase KB = Engines.knowledge();
    /** What the scripts' own frame may run besides the knowledge's checks: printing, the date, and text from objects. */
    private static final Set<String> FRAME_CMDLETS = Set.of("Write-Output", "Out-String", "Get-Date", "Select-Object");

    @ParameterizedTest
    @EnumSource(Side.class)
    void everySideHasChecksAndEachIsOneTheKnowledgeMarksForCollection(Side side) {
        List<Check> checks = CollectScript.checks(KB, side);
        assertFalse(checks.isEmpty(), side + " has no checks to collect");
        for (Check k : checks) {
            assertTrue(k.collect(), k.id());
            assertTrue(k.answers() != null, k.id() + " answers a question");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"CLIENT", "HOST"})
    void everyCheckIsFramedAndWrappedSoThatItsErrorCannotStopTheRest(Side side) {
        String script = CollectScript.of(KB, side, Host.parse("srv-app01.corp.example.com")).text();
        for (Check k : CollectScript.checks(KB, side)) {
            int begin = script.indexOf("Write-Output " + CollectScript.quote(Frames.begin(k.id(), k.title())));
            int end = script.indexOf("Write-Output ('##### rdp-triage check " + k.id() + " end: ' + $Status + ' #####')");
            assertTrue(begin > 0 && end > begin, k.id() + " is framed");
            String block = script.substring(begin, end);
            int tryAt = block.indexOf("  try {\n");
            int catchAt = block.indexOf("  } catch {\n");
            String firstLine = k.command().strip().split("\n")[0].stripTrailing().replace("<host>", "$RdpHost");
            int commandAt = block.indexOf(firstLine);
            assertTrue(tryAt > 0 && commandAt > tryAt && catchAt > commandAt, k.id() + ": the command runs inside try/catch");
            if (k.elevated()) {
                assertTrue(block.indexOf("if (-not $IsAdmin)") < tryAt, k.id() + ": skipped, and says so, without admin rights");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"CLIENT", "HOST"})
    void bracesBracketsAndQuotesBalance(Side side) {
        for (Host host : new Host[] {null, Host.parse("10.0.0.5")}) {
            String script = CollectScript.of(KB, side, host).text();
            assertEquals("", unbalanced(script), side + " with host " + host);
        }
    }

    @Test
    void theBalanceCheckFindsWhatIsWrong() {
        assertEquals("", unbalanced("if ($a) { Write-Output 'a}' } # not this {\n$b = \"x`\"y\""));
        assertTrue(unbalanced("if ($a) { Write-Output 'a' ").contains("unclosed {"));
        assertTrue(unbalanced("Write-Output 'a").contains("unclosed quote"));
        assertTrue(unbalanced("Get-Date)").contains("')'"));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void theHostFillsEveryPlaceholder(Side side) {
        String script = CollectScript.of(KB, side, Host.parse("srv-app01.corp.example.com")).text();
        Matcher placeholder = Pattern.compile("<[a-z][a-z-]*>").matcher(script.replaceAll("(?m)^#.*$", ""));
        assertFalse(placeholder.find(), side + ": a placeholder is left: " + (placeholder.hitEnd() ? "" : placeholder.group()));
        assertTrue(script.contains("srv-app01.corp.example.com"), side + ": the host is in the script");
    }

    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"CLIENT", "HOST"})
    void besideTheKnowledgesChecksTheScriptOnlyPrints(Side side) {
        String script = CollectScript.of(KB, side, null).text();
        for (Check k : CollectScript.checks(KB, side)) {
            for (String line : k.command().strip().split("\n")) {
                script = script.replace(line.stripTrailing().replace("<host>", "$RdpHost"), "");
            }
        }
        Set<String> cmdlets = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b[A-Z][a-z]+-[A-Z][A-Za-z]+\\b").matcher(script.replaceAll("(?m)^#.*$", "").replaceAll("'[^']*'", "''"));
        while (m.find()) {
            cmdlets.add(m.group());
        }
        cmdlets.removeAll(FRAME_CMDLETS);
        assertEquals(Set.of(), cmdlets, side + ": the frame runs only " + FRAME_CMDLETS);
        assertFalse(Pattern.compile("(?i)install-module|import-module|invoke-webrequest|start-process").matcher(script).find());
    }

    /** Windows PowerShell 5.1 reads a .ps1 without a byte-order mark in the ANSI code page: only ASCII survives it. */
    @ParameterizedTest
    @EnumSource(Side.class)
    void scriptsAreAsciiSoThatWindowsPowerShell51ReadsThemAsWritten(Side side) {
        String script = CollectScript.of(KB, side, Host.parse("10.0.0.5")).text();
        for (int i = 0; i < script.length(); i++) {
            assertTrue(script.charAt(i) < 128, side + ": '" + script.charAt(i) + "' at " + i + ": "
                    + script.substring(Math.max(0, i - 60), Math.min(script.length(), i + 20)));
        }
    }

    @Test
    void aPatternOutsideAsciiReadsTheSameWrittenAsEscapes() {
        String ascii = CollectScript.ascii("services bureau à distance|прослуш");
        assertTrue(ascii.chars().allMatch(c -> c < 128), ascii);
        assertTrue(Pattern.compile(ascii).matcher("Running TermService services bureau à distance").find());
        assertTrue(Pattern.compile(ascii).matcher("rdp-tcp 65536 прослушивание").find());
        assertFalse(Pattern.compile(ascii).matcher("services bureau a distance").find(), ascii);
    }

    @Test
    void theScriptsOwnOutputStaysUnderThePasteLimit() {
        for (Side side : Side.values()) {
            int checks = CollectScript.checks(KB, side).size();
            int share = Math.min(CollectScript.MAX_OUTPUT_PER_CHECK, CollectScript.OUTPUT_BUDGET / checks);
            assertTrue(checks * (share + 400) < rdptriage.inference.Ticket.MAX_CHARS, side + ": " + checks + " checks of " + share);
            assertTrue(CollectScript.of(KB, side, null).text().contains(String.valueOf(share)), side + " cuts each output at " + share);
        }
    }

    @Test
    void theSameSideAndHostGiveTheSameBytesAndTheSha256OfThem() throws Exception {
        CollectScript.Script a = CollectScript.of(KB, Side.HOST, null);
        CollectScript.Script b = CollectScript.of(KB, Side.HOST, null);
        assertEquals(a, b);
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(a.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))), a.sha256());
        assertEquals("rdp-triage-collect-host.ps1", a.fileName());
        assertEquals("rdp-triage-collect-linux-client.sh", CollectScript.of(KB, Side.LINUX_CLIENT, null).fileName());
    }

    /** What RE2 reads and .NET does not: \\Q...\\E, (?P<name>, POSIX classes, \\pL without braces, \\C. */
    private static final Pattern NOT_DOTNET = Pattern.compile("(?<!\\\\)\\\\Q|\\(\\?P<|\\[\\[:|(?<!\\\\)\\\\[pP][A-Za-z]|(?<!\\\\)\\\\C");

    @Test
    void theDotNetGuardFindsRe2OnlySyntaxButNotAnEscapedBackslash() {
        for (String re2 : new String[] {"\\Qa.b\\E", "(?P<code>0x[0-9a-f]+)", "[[:alpha:]]+", "\\pL+", "a\\Cb"}) {
            assertTrue(NOT_DOTNET.matcher(re2).find(), re2);
        }
        assertFalse(NOT_DOTNET.matcher("hkey_local_machine\\\\software\\\\policies\\\\control \\p{L}").find());
    }

    @Test
    void theSummaryPatternsAreTheReadersOwnAndCompile() {
        for (Side side : new Side[] {Side.CLIENT, Side.HOST}) {
            for (Check k : CollectScript.checks(KB, side)) {
                for (String[] r : CollectScript.readers(KB, k)) {
                    Pattern.compile(r[0]);
                    assertFalse(NOT_DOTNET.matcher(r[0]).find(), r[0] + ": not .NET syntax");
                    assertTrue(r[1].startsWith(k.answers() + ": "), r[1]);
                }
            }
        }
    }

    /**
     * What does not balance in a PowerShell text: brackets outside strings and comments, and
     * quotes ('' and `" escapes as PowerShell reads them); empty when all do.
     */
    static String unbalanced(String ps) {
        Deque<Character> open = new ArrayDeque<>();
        int i = 0;
        while (i < ps.length()) {
            char c = ps.charAt(i);
            if (c == '#' && (i == 0 || ps.charAt(i - 1) == '\n' || ps.charAt(i - 1) == ' ')) {
                int nl = ps.indexOf('\n', i);
                i = nl < 0 ? ps.length() : nl;
                continue;
            }
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= ps.length()) {
                        return "unclosed quote from offset " + i;
                    }
                    char d = ps.charAt(j);
                    if (c == '"' && d == '`') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < ps.length() && ps.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                i = j + 1;
                continue;
            }
            if ("({[".indexOf(c) >= 0) {
                open.push(c);
            } else if (")}]".indexOf(c) >= 0) {
                char want = c == ')' ? '(' : c == '}' ? '{' : '[';
                if (open.isEmpty() || open.pop() != want) {
                    return "'" + c + "' at offset " + i + " closes nothing open";
                }
            }
            i++;
        }
        return open.isEmpty() ? "" : "unclosed " + open.peek();
    }
}
