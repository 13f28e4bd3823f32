package rdptriage.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pasted command block (cmd or PowerShell) line by line for what lint needs to know: which
 * registry values a line writes, deletes or reads, which files it writes or reads, which PowerShell
 * nouns it changes or reads. Patterns, not a shell parser: they match the forms the knowledge uses
 * and Microsoft documents.
 */
final class Commands {

    private Commands() {}

    /** A registry value ({@code name} null for a whole key), with the key in a normalised form. */
    record Registry(String key, String name) {

        /** Parses {@code KEY /v NAME} as written in a fix's {@code changes:} list. */
        static java.util.Optional<Registry> declared(String text) {
            Matcher m = Pattern.compile("(?i)^\\s*(\\S.*?)\\s+/v\\s+(\\S+)\\s*$").matcher(text);
            return m.matches() ? java.util.Optional.of(new Registry(Commands.key(m.group(1)), m.group(2).toLowerCase(Locale.ROOT)))
                    : java.util.Optional.empty();
        }

        /** True when this entry (a key or a value) includes {@code other}: the same value, or anything under the key. */
        boolean covers(Registry other) {
            if (name == null) {
                return other.key.equals(key) || other.key.startsWith(key + "\\");
            }
            return key.equals(other.key) && name.equals(other.name);
        }

        @Override
        public String toString() {
            return name == null ? key : key + " /v " + name;
        }
    }

    /** The command lines of a block: blank lines and comments (#, rem, ::) left out. */
    static List<String> lines(String block) {
        List<String> lines = new ArrayList<>();
        if (block == null) {
            return lines;
        }
        for (String line : block.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith("::") && !s.regionMatches(true, 0, "rem ", 0, 4)) {
                lines.add(s);
            }
        }
        return lines;
    }

    // a key or file argument: double-quoted, single-quoted or bare
    private static final String ARG = "(\"[^\"]*\"|'[^']*'|[^\\s\"';|]+)";
    private static final Pattern REG = Pattern.compile("(?i)\\breg(?:\\.exe)?\\s+(add|delete|query|export|import|copy)\\s+" + ARG + "(.*)");
    private static final Pattern REG_NAME = Pattern.compile("(?i)(?:^|\\s)/v\\s+" + ARG);
    private static final Pattern REG_DEFAULT = Pattern.compile("(?i)(?:^|\\s)/ve\\b");
    private static final Pattern PS_PROPERTY = Pattern.compile(
            "(?i)\\b(Set|New|Remove|Get)-ItemProperty(Value)?\\b((?:\\s+(?:-\\w+(?::\\S+)?|" + ARG + "))*)");
    private static final Pattern PS_PATH = Pattern.compile("(?i)(?:-(?:Literal)?Path\\s+|^\\s*(?!-))" + ARG);
    private static final Pattern PS_NAME = Pattern.compile("(?i)-Name\\s+" + ARG);
    private static final Pattern VERB_NOUN = Pattern.compile("\\b(Set|Add|New|Remove|Disable|Enable|Stop|Get)-([A-Z][A-Za-z]+)\\b");

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** A registry key in one spelling: HKLM\... in lower case, without the PowerShell drive or trailing backslash. */
    static String key(String raw) {
        String k = unquote(raw.strip()).replace('/', '\\');
        k = k.replaceFirst("(?i)^Registry::", "");
        k = k.replaceFirst("(?i)^HKEY_LOCAL_MACHINE", "HKLM").replaceFirst("(?i)^HKEY_CURRENT_USER", "HKCU");
        k = k.replaceFirst("(?i)^(HKLM|HKCU):", "$1");
        while (k.endsWith("\\")) {
            k = k.substring(0, k.length() - 1);
        }
        return k.toLowerCase(Locale.ROOT);
    }

    private static boolean registryPath(String raw) {
        return key(raw).matches("hk(lm|cu|cr|u|cc)\\\\.*");
    }

    /** What the line does to the registry: the op (add, delete, query, export, import, copy, set, new, remove, get) and its target. */
    record RegistryOp(String op, Registry target, String file, String rest) {}

    static List<RegistryOp> registry(String line) {
        List<RegistryOp> ops = new ArrayList<>();
        Matcher m = REG.matcher(line);
        while (m.find()) {
            String op = m.group(1).toLowerCase(Locale.ROOT);
            String rest = m.group(3);
            if (op.equals("import")) {
                ops.add(new RegistryOp(op, null, file(m.group(2)), rest));
                continue;
            }
            String name = null;
            Matcher v = REG_NAME.matcher(rest);
            if (v.find()) {
                name = unquote(v.group(1)).toLowerCase(Locale.ROOT);
            } else if (REG_DEFAULT.matcher(rest).find()) {
                name = "(default)";
            }
            String file = null;
            if (op.equals("export")) {
                Matcher f = Pattern.compile("^\\s*" + ARG).matcher(rest);
                file = f.find() ? file(f.group(1)) : null;
            }
            ops.add(new RegistryOp(op, new Registry(key(m.group(2)), name), file, rest));
        }
        Matcher p = PS_PROPERTY.matcher(line);
        while (p.find()) {
            String args = p.group(3);
            Matcher path = PS_PATH.matcher(args);
            if (!path.find() || !registryPath(path.group(1))) {
                continue;
            }
            Matcher name = PS_NAME.matcher(args);
            String n = name.find() ? unquote(name.group(1)).toLowerCase(Locale.ROOT) : null;
            ops.add(new RegistryOp(p.group(1).toLowerCase(Locale.ROOT), new Registry(key(path.group(1)), n), null, args));
        }
        return ops;
    }

    /** A placeholder such as {@code <host>}: its angle brackets are not redirections. */
    static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern REDIRECT = Pattern.compile("(?<![0-9&])>>?\\s*" + ARG);
    private static final Pattern PS_WRITE = Pattern.compile("(?i)\\b(?:Out-File|Export-Csv|Export-Clixml|Set-Content|Add-Content)\\b(?:\\s+-(?:File)?Path)?\\s+" + ARG);
    private static final Pattern ICACLS_SAVE = Pattern.compile("(?i)\\bicacls\\b.*?/save\\s+" + ARG);
    private static final Pattern PS_READ = Pattern.compile("(?i)(?<![-\\w])(?:Import-Csv|Import-Clixml|Get-Content|type)\\b(?:\\s+-(?:Literal)?Path)?\\s+" + ARG);
    private static final Pattern NETSH_EXPORT = Pattern.compile("(?i)\\bnetsh\\s+advfirewall\\s+export\\s+" + ARG);
    private static final Pattern NETSH_IMPORT = Pattern.compile("(?i)\\bnetsh\\s+advfirewall\\s+import\\s+" + ARG);
    private static final Pattern NETSH = Pattern.compile("(?i)\\bnetsh\\s+(\\w+)\\b(.*)");
    private static final Pattern ICACLS_RESTORE = Pattern.compile("(?i)\\bicacls\\b\\s+" + ARG + "\\s+/restore\\s+" + ARG);

    /** The files a line writes: reg export, icacls /save, redirections, Out-File and the like. */
    static List<String> writes(String line) {
        List<String> files = new ArrayList<>();
        registry(line).stream().filter(op -> op.op().equals("export") && op.file() != null).forEach(op -> files.add(op.file()));
        String bare = PLACEHOLDER.matcher(line).replaceAll("X");
        for (Pattern p : List.of(REDIRECT, PS_WRITE, ICACLS_SAVE, NETSH_EXPORT)) {
            Matcher m = p.matcher(bare);
            while (m.find()) {
                String f = file(m.group(m.groupCount()));
                if (!f.equals("nul") && !f.equals("$null") && !f.equals("/dev/null") && !f.startsWith("&")) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    /** The files a line reads back: reg import, icacls /restore, Import-Csv, Import-Clixml, Get-Content, type. */
    static List<String> reads(String line) {
        List<String> files = new ArrayList<>();
        registry(line).stream().filter(op -> op.op().equals("import")).forEach(op -> files.add(op.file()));
        Matcher m = PS_READ.matcher(line);
        while (m.find()) {
            files.add(file(m.group(1)));
        }
        m = ICACLS_RESTORE.matcher(line);
        while (m.find()) {
            files.add(file(m.group(2)));
        }
        m = NETSH_IMPORT.matcher(line);
        while (m.find()) {
            files.add(file(m.group(1)));
        }
        return files;
    }

    /**
     * What a netsh line does in its context (advfirewall, interface, ...): "change" for set, add,
     * delete, reset or import, "read" for show, or null.
     */
    record Netsh(String context, boolean change) {

        static java.util.Optional<Netsh> of(String line) {
            Matcher m = NETSH.matcher(line);
            if (!m.find()) {
                return java.util.Optional.empty();
            }
            String rest = " " + m.group(2).toLowerCase(Locale.ROOT) + " ";
            String context = "netsh " + m.group(1).toLowerCase(Locale.ROOT);
            if (rest.matches(".*\\s(set|add|delete|reset|import)\\s.*")) {
                return java.util.Optional.of(new Netsh(context, true));
            }
            return rest.matches(".*\\sshow\\s.*") ? java.util.Optional.of(new Netsh(context, false)) : java.util.Optional.empty();
        }
    }

    /** A file path in one spelling (lower case, unquoted), so C:\A.reg and "c:\a.reg" are one file. */
    static String file(String raw) {
        return unquote(raw.strip()).toLowerCase(Locale.ROOT);
    }

    /** A PowerShell verb-noun on the line, e.g. Add-LocalGroupMember -> (Add, LocalGroupMember). */
    record Cmdlet(String verb, String noun) {}

    static List<Cmdlet> cmdlets(String line) {
        List<Cmdlet> list = new ArrayList<>();
        Matcher m = VERB_NOUN.matcher(line);
        while (m.find()) {
            list.add(new Cmdlet(m.group(1), m.group(2)));
        }
        return list;
    }
}
