package rdptriage.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rdptriage.knowledge.Problem;

/**
 * A help desk's DRL is code that runs inside rdp-triage, so it is read before anything is built
 * from it (issue 12). A rule's job is to read Answer, Code and Finding facts and conclude Evidence
 * or Finding facts; nothing in a rule file may reach the process, files, the network, threads or
 * reflection, import anything but those facts, or loop. Comments and quoted text are not read, so a
 * reason may say "System" freely. This is a deny list over the Java and MVEL a rule can hold; the
 * firing limit of {@link RuleGuard} bounds what it cannot see.
 */
final class RuleSafety {

    /** Classes that reach the process, files, network, threads, reflection or scripting. */
    private static final Pattern TYPES = Pattern.compile("\\b(System|Runtime|ProcessBuilder|ProcessHandle|Process|Thread|ThreadGroup"
            + "|ThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer|TimerTask|Class|ClassLoader|Module"
            + "|ModuleLayer|Method|Field|Constructor|Proxy|MethodHandles?|VarHandle|Unsafe|File|Files|Path|Paths|FileSystems?"
            + "|RandomAccessFile|FileInputStream|FileOutputStream|FileReader|FileWriter|PrintStream|PrintWriter|ObjectInputStream"
            + "|ObjectOutputStream|Socket|ServerSocket|DatagramSocket|SocketChannel|URL|URI|URLConnection|HttpURLConnection"
            + "|HttpClient|InetAddress|Naming|InitialContext|ScriptEngineManager|ScriptEngine|Compiler|ToolProvider|Instrumentation"
            + "|Desktop|Robot|SecurityManager|StackWalker|Unsafe)\\b");
    /** Fully qualified names of anything outside the rules' own package. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(java|javax|jdk|sun|com|org|net|io|kotlin|groovy|mvel2?)\\s*\\.\\s*[a-zA-Z_]");
    /** Calls that reach the same through an object at hand. */
    private static final Pattern CALLS = Pattern.compile("\\.\\s*(getClass|forName|getDeclared\\w*|getMethods?|getFields?"
            + "|getConstructors?|invoke\\w*|newInstance|setAccessible|exec|exit|halt|load|loadLibrary|getRuntime|start|run"
            + "|wait|notify\\w*|getResource\\w*)\\s*\\(");
    /** Loops and functions (which can recurse): a rule concludes from facts; it never needs to repeat. */
    private static final Pattern LOOPS = Pattern.compile("\\b(while|for|do)\\b\\s*[({]|(?m)^[ \\t]*function\\b");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+|function\\s+)?([\\w.*]+)");
    private static final Pattern ALLOWED_IMPORT = Pattern.compile("rdptriage\\.inference\\.(Answer|Code|Finding|Evidence)");

    private RuleSafety() {}

    /** What in this file could reach outside the rules, with its line; empty when nothing. */
    static List<Problem> check(RuleBase.Drl drl) {
        String code = codeOnly(drl.text());
        List<Problem> problems = new ArrayList<>();
        Matcher imp = IMPORT.matcher(code);
        while (imp.find()) {
            if (imp.group(1) != null || !ALLOWED_IMPORT.matcher(imp.group(2)).matches()) {
                problems.add(at(drl, imp.start(2), "imports '" + imp.group(2) + "'; a rule file may import only "
                        + "rdptriage.inference.Answer, Code, Finding and Evidence"));
            }
        }
        String body = IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length()));
        find(drl, body, TYPES, "uses %s, which reaches outside the rules (the process, files, network, threads or reflection)", problems);
        find(drl, body, QUALIFIED, "names a class outside the rules (%s...)", problems);
        find(drl, body, CALLS, "calls %s, which reaches outside the rules", problems);
        find(drl, body, LOOPS, "has a loop or a function (%s); a rule reads facts and concludes, once per match", problems);
        return problems;
    }

    private static void find(RuleBase.Drl drl, String code, Pattern p, String message, List<Problem> problems) {
        Matcher m = p.matcher(code);
        while (m.find()) {
            problems.add(at(drl, m.start(), String.format(message, m.group().replaceAll("[\\s.({]", ""))
                    + "; rules may only read Answer, Code and Finding facts and insert Evidence or Finding"));
        }
    }

    private static Problem at(RuleBase.Drl drl, int offset, String message) {
        return new Problem(drl.name(), rdptriage.knowledge.Text.lineAt(drl.text(), offset), message);
    }

    /** The text with comments and quoted strings blanked, same length and lines. */
    static String codeOnly(String text) {
        char[] c = text.toCharArray();
        int i = 0;
        while (i < c.length) {
            if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n') {
                    c[i++] = ' ';
                }
            } else if (c[i] == '/' && i + 1 < c.length && c[i + 1] == '*') {
                while (i < c.length && !(c[i] == '*' && i + 1 < c.length && c[i + 1] == '/')) {
                    c[i] = c[i] == '\n' ? '\n' : ' ';
                    i++;
                }
                for (int k = 0; k < 2 && i < c.length; k++) {
                    c[i++] = ' ';
                }
            } else if (c[i] == '"' || c[i] == '\'') {
                char quote = c[i++];
                while (i < c.length && c[i] != quote && c[i] != '\n') {
                    if (c[i] == '\\' && i + 1 < c.length) {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(c);
    }
}
