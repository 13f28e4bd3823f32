package rdptriage.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.CodeEntry;
import rdptriage.knowledge.CodeTable;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Step;
import rdptriage.render.CatalogueView;
import rdptriage.render.Json;
import rdptriage.render.Markdown;

/**
 * The site's offline search index, assets/search-index.js: one entry per cause, per code of every code
 * table and per question, each with the fields search.js matches. It is a script that sets
 * {@code window.RDP_SEARCH_INDEX}, because a page opened from disk may load a script but not fetch JSON.
 * Same knowledge, same bytes.
 */
public final class SearchIndex {

    /** The article section whose text is searched as a cause's symptoms. */
    static final String SYMPTOMS = "How it shows up";

    /** What comes before the JSON; a semicolon and a line break come after it. */
    static final String PREFIX = "\"use strict\";\n// Written by rdp-triage site: the index that assets/search.js searches.\n"
            + "window.RDP_SEARCH_INDEX = ";

    private static final Pattern HEX = Pattern.compile("\\b0[xX]\\p{XDigit}+\\b");
    private static final int SNIPPET = 180;

    private final KnowledgeBase kb;
    private final Map<String, List<String>> codesByCause;
    private final Markdown markdown;
    private final Set<String> sourceKeys;
    /** Every numeric code of the tables by its lower-case spelling, for codes mentioned in an article. */
    private final Map<String, List<CodeEntry>> known;

    /** @param codesByCause cause id to the codes that point to it (e.g. "0x904", "2308"); may be empty */
    public SearchIndex(KnowledgeBase kb, Map<String, List<String>> codesByCause, Markdown markdown) {
        this.kb = kb;
        this.codesByCause = codesByCause;
        this.markdown = markdown;
        this.sourceKeys = kb.sourceKeys();
        this.known = kb.tables().stream().flatMap(t -> t.codes().stream())
                .filter(e -> e.decimal() != null)
                .collect(Collectors.groupingBy(e -> e.code().toLowerCase(Locale.ROOT)));
    }

    /** The script, UTF-8 (it is ASCII: every other character is escaped). */
    public byte[] script() {
        return (PREFIX + Json.script(Map.of("entries", entries())) + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Causes, then codes table by table, then questions, each in the order of the knowledge. */
    private List<Map<String, Object>> entries() {
        List<Map<String, Object>> entries = new ArrayList<>();
        kb.causes().forEach(c -> entries.add(cause(c)));
        kb.tables().forEach(t -> t.codes().forEach(e -> entries.add(code(t, e))));
        kb.questions().forEach(q -> entries.add(question(q)));
        return entries;
    }

    private Map<String, Object> cause(Cause c) {
        return entry("cause", c.title(), "causes/" + c.id() + ".html", c.summary(), fields(
                "title", c.title(),
                "summary", c.summary(),
                "symptoms", markdown.sectionText(c.article(), SYMPTOMS, sourceKeys),
                "commands", String.join("\n", commands(c)),
                "codes", String.join(" ", codes(c))));
    }

    private Map<String, Object> code(CodeTable t, CodeEntry e) {
        String title = e.decimal() == null ? e.name() : e.code() + " " + e.name();
        return entry("code", title, "codes.html#" + CatalogueView.anchorOf(t, e), t.title() + ": " + e.meaning(), fields(
                "code", e.code(),
                "decimal", e.decimal() == null ? null : String.valueOf(e.decimal()),
                "name", e.name(),
                "meaning", e.meaning()));
    }

    private Map<String, Object> question(Question q) {
        return entry("question", q.text(), "flow.html#q-" + q.id(), q.help(), fields(
                "text", q.text(),
                "help", q.help(),
                "command", q.command()));
    }

    private static Map<String, Object> entry(String kind, String title, String href, String snippet, Map<String, String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("title", title.strip());
        m.put("href", href);
        m.put("snippet", snippet(snippet));
        m.put("fields", fields);
        return m;
    }

    /** Name and text pairs; blank texts are left out. */
    private static Map<String, String> fields(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                m.put(pairs[i], pairs[i + 1].strip());
            }
        }
        return m;
    }

    /** Every command of the cause's confirm checks, fix steps, rollback steps and verify steps, once each. */
    private static Set<String> commands(Cause c) {
        return c.steps().map(Step::command).filter(s -> s != null && !s.isBlank()).map(String::strip)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The codes given for the cause, then every hexadecimal code its summary and article mention, with the
     * decimal form of those that are in a code table (so 2308 finds a cause that mentions 0x904).
     */
    private Set<String> codes(Cause c) {
        Set<String> codes = new LinkedHashSet<>(codesByCause.getOrDefault(c.id(), List.of()));
        Matcher m = HEX.matcher(c.summary() + "\n" + c.article());
        while (m.find()) {
            List<CodeEntry> entries = known.getOrDefault(m.group().toLowerCase(Locale.ROOT), List.of());
            codes.add(entries.isEmpty() ? "0x" + m.group().substring(2).toUpperCase(Locale.ROOT) : entries.get(0).code());
            entries.forEach(e -> codes.add(String.valueOf(e.decimal())));
        }
        return codes;
    }

    /** The text in one line, cut at a word near {@value #SNIPPET} characters. */
    static String snippet(String text) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (s.length() <= SNIPPET) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SNIPPET);
        return s.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET).replaceAll("[\\s.,;:]+$", "") + "\u2026";
    }
}
