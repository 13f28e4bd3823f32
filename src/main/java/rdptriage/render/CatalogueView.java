package rdptriage.render;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import rdptriage.inference.Percent;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.CodeEntry;
import rdptriage.knowledge.CodeTable;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Source;

/** The knowledge as a whole, for the site's home and reference pages: causes ranked a priori, and the code tables. */
public final class CatalogueView {

    /** A cause as the home page lists it: how likely before any answer, and its cheapest check. */
    public record Entry(String id, String title, String summary, String prior, String level, String levelClass,
                        int cheapest, String href) {}

    private final KnowledgeBase kb;
    private final Links links;

    public CatalogueView(KnowledgeBase kb, Links links) {
        this.kb = kb;
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

    public List<CodeTable> tables() {
        return kb.tables();
    }

    /** An entry of a code table, e.g. code("main", "0x904"). */
    public Optional<CodeEntry> code(String table, String code) {
        return kb.tables().stream().filter(t -> t.table().equals(table)).findFirst()
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
        return table.table() + "-" + entry.code().replaceAll("[^A-Za-z0-9-]", "-");
    }
}
