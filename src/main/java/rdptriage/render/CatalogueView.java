package rdptriage.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rdptriage.inference.AnswerEffects;
import rdptriage.inference.Percent;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.CodeEntry;
import rdptriage.knowledge.CodeTable;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Source;

/** The knowledge as a whole, for the site's home and reference pages: causes ranked a priori, and the code tables. */
public final class CatalogueView {

    /** A cause as the home page lists it: how likely before any answer, and its cheapest check. */
    public record Entry(String id, String title, String summary, String prior, String level, String levelClass,
                        int cheapest, String href) {}

    /** A cause a code points to, with its probability after that code alone. */
    public record Pointer(String title, String href, String percent) {}

    /**
     * A row of the decoder: a code of a table with the causes it points to, or a run of neighbouring
     * codes of one family that point to the same causes (then the meaning is the family's).
     */
    public record Decoded(CodeTable table, List<CodeEntry> entries, String anchor, String meaning, List<Pointer> pointsTo) {

        public CodeEntry first() {
            return entries.get(0);
        }

        public boolean message() {
            return first().decimal() == null;
        }
    }

    private final KnowledgeBase kb;
    private final AnswerEffects effects;
    private final Links links;

    public CatalogueView(KnowledgeBase kb, AnswerEffects effects, Links links) {
        this.kb = kb;
        this.effects = effects;
        this.links = links;
    }

    /** Causes by prior per minute of their cheapest check: the order a careful engineer looks in. */
    public List<Entry> causes() {
        return kb.causes().stream()
                .sorted(Comparator.comparingDouble((Cause c) -> -c.prior() / cheapest(c)).thenComparing(Cause::id))
                .map(c -> new Entry(c.id(), c.title(), c.summary().strip(), Percent.of(c.prior()), c.evidence().label(),
                        "level level-" + c.evidence().level(), cheapest(c), links.cause(c.id())))
                .toList();
    }

    private static int cheapest(Cause c) {
        return c.confirm().stream().mapToInt(Check::effort).min().orElse(60);
    }

    /**
     * The causes a code points to on its own (see {@link AnswerEffects#pointsTo}); empty when no
     * cause of this knowledge base is tied to it.
     */
    public List<Pointer> pointsTo(CodeTable table, CodeEntry entry) {
        return kb.questions().stream().filter(q -> table.table().equals(q.optionsFrom())).findFirst()
                .map(q -> pointsTo(q, entry.code()))
                .orElse(List.of());
    }

    /** The causes an answer points to on its own; empty for an answer that tells nothing ("I don't know"). */
    public List<Pointer> pointsTo(Question q, String value) {
        if (!q.option(value).map(Option::informative).orElse(false)) {
            return List.of();
        }
        return effects.pointsTo(q.id(), value, AnswerEffects.POINTS_FLOOR, AnswerEffects.POINTS_LIMIT).stream()
                .map(p -> new Pointer(kb.cause(p.cause()).title(), links.cause(p.cause()), Percent.of(p.probability())))
                .toList();
    }

    /**
     * The decoder: every code that points to at least one cause, table by table; codes of one family
     * that point to the same causes share a row, at the place of the first of them.
     */
    public List<Decoded> decoder() {
        List<Decoded> out = new ArrayList<>();
        for (CodeTable t : kb.tables()) {
            Map<String, List<CodeEntry>> rows = new LinkedHashMap<>();
            Map<String, List<Pointer>> to = new HashMap<>();
            for (CodeEntry e : t.codes()) {
                List<Pointer> p = pointsTo(t, e);
                if (p.isEmpty()) {
                    continue;
                }
                String key = (e.family() == null ? "code " + e.code() : "family " + e.family()) + " -> " + p;
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
                to.put(key, p);
            }
            rows.forEach((key, entries) -> {
                CodeEntry first = entries.get(0);
                String meaning = entries.size() == 1 ? first.meaning() : family(t, first);
                out.add(new Decoded(t, List.copyOf(entries), anchor(t, first), meaning, to.get(key)));
            });
        }
        return out;
    }

    public List<CodeTable> tables() {
        return kb.tables();
    }

    /** An entry of a code table, e.g. code("main", "0x904"). */
    public Optional<CodeEntry> code(String table, String code) {
        return kb.findTable(table)
                .flatMap(t -> t.codes().stream().filter(e -> e.code().equals(code)).findFirst());
    }

    public String family(CodeTable table, CodeEntry entry) {
        return entry.family() == null ? "" : table.families().getOrDefault(entry.family(), entry.family());
    }

    public Source source(String key) {
        return kb.source(key).orElse(new Source(key, key, null, null));
    }

    /** The anchor of a code on the reference page, e.g. main-0x904. */
    public String anchor(CodeTable table, CodeEntry entry) {
        return anchorOf(table, entry);
    }

    public static String anchorOf(CodeTable table, CodeEntry entry) {
        return table.table() + "-" + entry.code().replaceAll("[^A-Za-z0-9-]", "-");
    }
}
