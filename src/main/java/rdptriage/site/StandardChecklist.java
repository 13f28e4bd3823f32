package rdptriage.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.render.CatalogueView;
import rdptriage.render.Links;

/**
 * The standard triage on paper: first what the user can answer, then each cause's cheapest check
 * that those answers do not already give, the safe ones first (from the user's computer before the host, without elevation before with),
 * and within that in the home page's order (likely and cheap first). Same check, one line.
 */
public final class StandardChecklist {

    /** A cause a check is for. */
    public record For(String title, String href) {}

    /** A check to tick off. */
    public record Item(String title, String context, int effort, boolean elevated, String command, String text, List<For> causes) {}

    /** A question to ask the person, with its possible answers. */
    public record Ask(String text, String href, String answers) {}

    /** Checks run in one place. */
    public record Group(String title, List<Item> items) {}

    private final List<Ask> asks;
    private final List<Group> groups;

    /** @param order question ids in the order the guided path first asks them */
    public StandardChecklist(KnowledgeBase kb, CatalogueView catalogue, List<String> order, Links links) {
        List<Question> asked = kb.questions().stream().filter(q -> "user".equals(q.who())).toList();
        this.asks = asked.stream()
                .sorted(Comparator.comparingInt((Question q) -> order.indexOf(q.id()) < 0 ? Integer.MAX_VALUE : order.indexOf(q.id()))
                        .thenComparingInt(Question::effort).thenComparing(Question::id))
                .map(q -> new Ask(q.text(), links.question(q.id()), q.optionsFrom() != null
                        ? "Write it down exactly: ________________"
                        : q.informativeOptions().stream().map(Option::label).collect(Collectors.joining(" / "))))
                .toList();
        // each cause's cheapest check that the questions above do not already cover, causes in the home
        // page's order; a check shared by causes is one item
        Set<String> covered = asked.stream().map(Question::id).collect(Collectors.toSet());
        Map<String, Item> items = new LinkedHashMap<>();
        for (CatalogueView.Entry e : catalogue.causes()) {
            Check k = kb.cause(e.id()).confirm().stream().filter(c -> c.answers() == null || !covered.contains(c.answers()))
                    .min(Comparator.comparingInt(Check::effort)).orElse(null);
            if (k == null) {
                continue;
            }
            String key = k.command() == null ? k.title() : k.command().strip();
            Item before = items.get(key);
            List<For> causes = new ArrayList<>(before == null ? List.of() : before.causes());
            causes.add(new For(e.title(), e.href()));
            items.put(key, new Item(k.title(), k.step().context(), k.effort(), k.elevated(), k.command(), k.text(), List.copyOf(causes)));
        }
        List<Item> all = new ArrayList<>(items.values());
        all.sort(Comparator.comparing(Item::elevated));   // stable: keeps the home page's order within each
        this.groups = List.of(
                group("From the user's computer", all, "client"),
                group("On the host (ask its administrator)", all, "host"),
                group("In the cloud portal", all, "azure"),
                group("On the network", all, "network"))
                .stream().filter(g -> !g.items().isEmpty()).toList();
    }

    private static Group group(String title, List<Item> all, String where) {
        return new Group(title, all.stream().filter(i -> i.context().startsWith(where)).toList());
    }

    public List<Ask> asks() {
        return asks;
    }

    public List<Group> groups() {
        return groups;
    }
}
