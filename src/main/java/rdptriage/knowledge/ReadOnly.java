package rdptriage.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that join a diagnostic script ({@code collect: true}) run on someone else's computer,
 * unattended, from a help desk's script: each must only read. An allow list, not a deny list: every
 * command word of the block (at the start of a line, after a pipe, a semicolon, an opening bracket
 * or an assignment) must be a PowerShell cmdlet with a verb that reads, or a native command known
 * to read, with the arguments that keep it reading ({@code reg query}, {@code wevtutil qe},
 * {@code certutil -store}...). Writing to a file, calling methods that are not known to read, and
 * reaching the network other than the RDP target's port 3389 or its name's lookup all fail, with
 * the file and the check named.
 */
final class ReadOnly {

    /** The sides a script is written for, and what a check needs to join one. */
    static final Set<String> SHELLS = Set.of("powershell", "cmd", "bash");

    /** PowerShell verbs that read; a cmdlet with any other verb fails (Set-, New-, Remove-, Start-, Invoke-, Install-...). */
    private static final Set<String> VERBS = Set.of("get", "test", "resolve", "select", "where", "format", "sort", "measure",
            "join", "split", "group", "compare", "convertto", "foreach");
    /** Cmdlets of a reading verb, with the argument that makes them change something. */
    private static final Map<String, String> DENIED_ARGUMENTS = Map.of("test-computersecurechannel", "-repair");
    /** Out- cmdlets that only turn objects into text. */
    private static final Set<String> OUT = Set.of("out-string", "out-host");
    /** .NET methods a reading block may call. */
    private static final Set<String> METHODS = Set.of("adddays", "addhours", "addminutes", "tostring", "getfolderpath", "trim",
            "split", "contains", "startswith", "endswith", "tolower", "toupper", "equals", "getcurrent", "isinrole", "substring",
            "indexof", "replace", "compareto", "getvaluenames", "getvalue");

    /** Native commands that read, each with what its arguments must (or must not) say. */
    private static final Map<String, Predicate<String>> NATIVE = Map.ofEntries(
            Map.entry("reg", args -> first(args).equals("query")),
            Map.entry("qwinsta", args -> !args.contains("/server")),
            Map.entry("quser", args -> !args.contains("/server")),
            Map.entry("query", args -> Set.of("session", "user").contains(first(args)) && !args.contains("/server")),
            Map.entry("netstat", args -> true),
            Map.entry("tasklist", args -> !args.contains("/s ")),
            Map.entry("findstr", args -> true),
            Map.entry("find", args -> true),
            Map.entry("whoami", args -> true),
            Map.entry("hostname", args -> true),
            Map.entry("ipconfig", args -> !Pattern.compile("/(flushdns|release|renew|registerdns|setclassid)").matcher(args).find()),
            Map.entry("nslookup", args -> true),
            Map.entry("cmdkey", args -> args.strip().equals("/list") || args.startsWith("/list:")),
            Map.entry("certutil", args -> args.contains("-store") && !Pattern.compile("-(delstore|addstore|repairstore|importpfx|setreg|f)\\b")
                    .matcher(args).find()),
            Map.entry("wevtutil", args -> Set.of("qe", "query-events", "gl", "get-log", "el", "enum-logs").contains(first(args))),
            Map.entry("sc.exe", args -> Set.of("query", "qc", "queryex", "qdescription").contains(first(args))),
            Map.entry("powercfg", args -> Pattern.compile("^/(a|availablesleepstates|lastwake|devicequery)\\b").matcher(args.strip()).find()),
            Map.entry("icacls", args -> !Pattern.compile("/(grant|deny|remove|setowner|reset|restore|save|setintegritylevel|inheritance)")
                    .matcher(args).find()),
            Map.entry("getent", args -> Set.of("hosts", "ahosts", "ahostsv4", "ahostsv6").contains(first(args))),
            Map.entry("nc", args -> args.contains("-z") && args.matches(".*\\s3389\\s*$")),
            Map.entry("xfreerdp", args -> args.strip().equals("/version")),
            Map.entry("xfreerdp3", args -> args.strip().equals("/version")),
            Map.entry("grep", args -> true),
            Map.entry("head", args -> true));

    /** In cmd, sc is the service tool; in PowerShell it names Set-Content, so only sc.exe reads there. */
    private static final Map<String, Predicate<String>> CMD_ONLY = Map.of(
            "sc", NATIVE.get("sc.exe"));

    /** Tests the network beyond the target's RDP port: only Test-NetConnection to port 3389 (or -CommonTCPPort RDP). */
    private static final Pattern TNC_RDP = Pattern.compile("(?i)-(?:port\\s+3389|commontcpport\\s+rdp)\\b");
    /** Where a command word can stand: line start, after | ; ( { && || or an assignment. */
    private static final Pattern COMMAND_WORD = Pattern.compile("(?:^|\\|\\||&&|[|;({]|(?<![-=!<>])=)\\s*([A-Za-z][\\w.]*(?:-[A-Za-z]+)?)");
    /** {@code <host>} inside single quotes, where PowerShell would not expand the script's {@code $RdpHost}. */
    private static final Pattern QUOTED_HOST = Pattern.compile("'[^'\n]*<host>[^'\n]*'");
    /** What cmd reads differently from PowerShell: variables, the escape character, command chaining. */
    private static final Pattern CMD_SYNTAX = Pattern.compile("%[A-Za-z_]+%|\\^|&");
    private static final Pattern METHOD = Pattern.compile("(?:\\.|::)([A-Za-z]+)\\(");

    private ReadOnly() {}

    /** What in the check stops it from joining a script; empty when it may. */
    static List<String> problems(Check k) {
        String name = "check '" + k.id() + "' has collect: true";
        List<String> found = new java.util.ArrayList<>();
        if (!"client".equals(k.where()) && !"host".equals(k.where())) {
            found.add(name + " but runs on '" + k.where() + "'; scripts are written for the client and the host only");
        }
        if (!SHELLS.contains(k.shell()) || "bash".equals(k.shell()) && !"client".equals(k.where())) {
            found.add(name + " but its shell is '" + k.shell() + "'; expected powershell or cmd (Windows), or bash on a client");
        }
        if (k.answers() == null) {
            found.add(name + " but answers no question; a collected output must answer one (answers:)");
        }
        if (Text.blank(k.command())) {
            found.add(name + " but has no command");
            return found;
        }
        Matcher placeholder = Commands.PLACEHOLDER.matcher(k.command());
        while (placeholder.find()) {
            if (!placeholder.group().equals("<host>")) {
                found.add(name + " but its command has the placeholder " + placeholder.group() + ", which a script cannot fill;"
                        + " only <host> is filled (collect --host)");
            }
        }
        if (!"bash".equals(k.shell()) && QUOTED_HOST.matcher(k.command()).find()) {
            found.add(name + " but its command puts <host> in single quotes, where the script's $RdpHost would not be"
                    + " expanded; use double quotes or none");
        }
        for (String line : Commands.lines(k.command())) {
            if ("cmd".equals(k.shell()) && CMD_SYNTAX.matcher(line.replace("2>&1", "")).find()) {
                found.add(name + " but '" + line + "' uses cmd's own syntax (%VAR%, ^ or &), and a script runs cmd checks from"
                        + " PowerShell; write it so that both shells read it the same way");
            }
            line(k, name, line, found);
        }
        return found;
    }

    private static void line(Check k, String name, String line, List<String> found) {
        String text = unquoted(line, false);
        String code = unquoted(line, true);
        if (!Commands.writes(text).isEmpty()) {
            found.add(name + " but '" + line + "' writes into a file; a collected check only prints");
        }
        Matcher m = METHOD.matcher(text);
        while (m.find()) {
            if (!METHODS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                found.add(name + " but '" + line + "' calls the method " + m.group(1) + "(), which is not known to only read");
            }
        }
        Matcher w = COMMAND_WORD.matcher(code);
        while (w.find()) {
            String word = w.group(1);
            String rest = segment(code, w.end());
            String why = judge(k.shell(), word, rest);
            if (why != null) {
                found.add(name + " but '" + line + "' " + why + "; only commands that read may join a script (the allow list"
                        + " is in knowledge/README.md, \"Diagnostic scripts\")");
            }
        }
    }

    /** Why a command word fails the allow list, or null if it reads. */
    private static String judge(String shell, String word, String args) {
        String w = word.toLowerCase(Locale.ROOT);
        String a = args.toLowerCase(Locale.ROOT);
        if (w.matches("[a-z]+-[a-z]+") && !"bash".equals(shell)) {   // in bash a hyphenated word is a program: the list below decides
            String verb = w.substring(0, w.indexOf('-'));
            if (w.startsWith("out-") && !OUT.contains(w) || !w.startsWith("out-") && !VERBS.contains(verb)) {
                return "runs " + word + ", which changes state or writes";
            }
            if (DENIED_ARGUMENTS.containsKey(w) && a.contains(DENIED_ARGUMENTS.get(w))) {
                return "runs " + word + " with an argument that changes state";
            }
            if (w.equals("test-netconnection") && !TNC_RDP.matcher(a).find()) {
                return "tests a port other than the RDP port 3389";
            }
            return null;
        }
        Predicate<String> rule = NATIVE.get(w.endsWith(".exe") && !w.equals("sc.exe") ? w.substring(0, w.length() - 4) : w);
        if (rule == null && "cmd".equals(shell)) {
            rule = CMD_ONLY.get(w);
        }
        if (rule == null) {
            return "runs " + word + ", which is not on the list of commands that read";
        }
        return rule.test(" " + a.strip() + " ") ? null : "runs " + word + " with arguments that change state or reach another computer";
    }

    /** The first argument, in lower case. */
    private static String first(String args) {
        String s = args.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** The rest of a pipeline segment from {@code from}: up to the next | ; or end of line. */
    private static String segment(String code, int from) {
        int end = code.length();
        for (char c : new char[] {'|', ';', '}', ')'}) {
            int i = code.indexOf(c, from);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return code.substring(from, end);
    }

    /**
     * The line with the text inside quotes blanked (to zeros, which no command word starts with), and with {@code tables} the keys and values of
     * hashtables too (but not a command in brackets there), so that words there are not taken for commands.
     */
    static String unquoted(String line, boolean tables) {
        StringBuilder out = new StringBuilder(line.length());
        char quote = 0;
        int table = 0;
        int parens = 0;   // inside a hashtable: (Get-Date) is code again
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (table > 0 && (c == '(' || c == ')')) {
                parens += c == '(' ? 1 : -1;
            }
            if (quote != 0) {
                out.append(c == quote ? c : '0');
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (tables && (c == '@' && i + 1 < line.length() && line.charAt(i + 1) == '{' || table > 0 && c == '{')) {
                table++;
                out.append(c);
            } else if (table > 0 && c == '}') {
                table--;
                out.append(c);
            } else {
                out.append(table > 0 && parens <= 0 && Character.isLetterOrDigit(c) ? '0' : c);
            }
        }
        return out.toString();
    }
}
