package rdptriage.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import rdptriage.inference.AnswerEffects;
import rdptriage.inference.BadInput;
import rdptriage.inference.Engine;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;
import rdptriage.render.ArticleView;
import rdptriage.render.Assets;
import rdptriage.render.CatalogueView;
import rdptriage.render.Links;
import rdptriage.render.Markdown;
import rdptriage.render.Pages;
import rdptriage.render.Prose;

/**
 * Writes the static troubleshooting site: every page rendered in memory first (so a problem stops
 * the run before anything is written), then written to a fresh folder beside the target and moved
 * into place, so no half-written site is ever left behind. Same knowledge, same bytes.
 */
public final class Site {

    /** The marker that says a folder was written by this generator and may be replaced by it. */
    static final String MARKER = ".rdp-triage-site";

    /** A page of the site for the sitemap: where it is, its title and what it holds. */
    public record Page(String href, String title, String description) {}

    private final Engine engine;
    private final KnowledgeBase kb;
    private final Pages pages;
    private final String qa;

    /** @param qa where the interactive Q&A is deployed (links to it on every page), or null */
    public Site(Engine engine, Pages pages, String qa) {
        this.engine = engine;
        this.kb = engine.knowledge();
        this.pages = pages;
        this.qa = qa;
    }

    /** Every file of the site by its path, in a stable order. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        Links top = Links.site("", qa);
        Links below = Links.site("../", qa);
        // the guided path is the costliest part (a triage per node): it runs beside the rendering of the rest
        Background<GuidedPath.Node> walk = Background.start("guided-path", () -> new GuidedPath(engine).build());
        AnswerEffects effects = AnswerEffects.of(engine);
        CatalogueView catalogue = new CatalogueView(kb, effects, top);
        List<Page> sitemap = new ArrayList<>();

        put(files, sitemap, "index.html", "Home: what 0x904 / 0x7 means", "home", top, Map.of("catalogue", catalogue),
                "What Remote Desktop error 0x904 / extended 0x7 means, what neighbouring codes point to, and the causes worth checking, with fixes.");
        put(files, sitemap, "codes.html", "Error-code reference", "codes", top, Map.of("catalogue", catalogue),
                "Every Remote Desktop disconnect code and dialog message, with its documented meaning, its source and the causes it points to.");
        Markdown markdown = new Markdown();
        for (CatalogueView.Entry e : catalogue.causes()) {
            Cause c = kb.cause(e.id());
            put(files, sitemap, "causes/" + c.id() + ".html", c.title(), "cause", below, Map.of(
                    "article", new ArticleView(kb, effects, c, below, markdown)), c.summary().strip());
        }
        GuidedPath.Node path = walk.get();
        List<String> order = order(path);
        put(files, sitemap, "flow.html", "The guided triage as a flowchart", "flow", top, Map.of(
                        "flow", new FlowChart(path, top), "questions", questions(order, catalogue)),
                "The questions the guided triage asks for 0x904 / 0x7, where each answer leads, and how to find out each answer.");
        put(files, sitemap, "checklist.html", "Printable triage checklist", "standard-checklist", top, Map.of(
                        "checklist", new StandardChecklist(kb, catalogue, order, top)),
                "The standard triage order for 0x904 / 0x7 on paper: questions for the user, then one check per cause, safe checks first.");
        put(files, sitemap, "search.html", "Search", "search", top, Map.of(),
                "Search the causes, error codes and questions of this guide, by code, command or words.");
        files.put("assets/search-index.js", new SearchIndex(kb, codesByCause(effects), markdown).script());
        sitemap.add(new Page("sitemap.html", "Sitemap", "Every page of this guide."));
        sitemap.sort(Comparator.comparing((Page p) -> p.href().startsWith("causes/")));   // stable: guide pages, then articles
        files.put("sitemap.html", page("sitemap", top, Map.of("sitemap", List.copyOf(sitemap),
                "description", "Every page of the rdp-triage guide to Remote Desktop error 0x904 / extended 0x7.")));
        Assets.load().forEach((name, bytes) -> files.put("assets/" + name, bytes));
        files.put(MARKER, "Written by rdp-triage site; the next run replaces this folder as a whole.\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private void put(Map<String, byte[]> files, List<Page> sitemap, String path, String title, String template, Links links,
                     Map<String, Object> model, String description) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("description", description);
        files.put(path, page(template, links, m));
        sitemap.add(new Page(path, title, description));
    }

    /** For the search: each cause with the codes that point to it (hexadecimal codes; messages are found by their words). */
    private Map<String, List<String>> codesByCause(AnswerEffects effects) {
        Map<String, List<String>> codes = new TreeMap<>();
        for (Cause c : kb.causes()) {
            codes.put(c.id(), effects.pointingTo(c.id()).stream().map(p -> p.option().value())
                    .filter(v -> v.startsWith("0x")).toList());
        }
        return codes;
    }

    /**
     * A renderer with its template engine, expression language and the layout loaded: worth
     * starting while the rules load.
     */
    public static Pages warmPages() {
        Pages pages = new Pages();
        pages.render("sitemap", Map.of("links", Links.site("", null), "brand", "index.html", "text", Prose.INSTANCE,
                "description", "warm-up", "sitemap", List.of(new Page("index.html", "Home", "warm-up"))));
        return pages;
    }

    /** The questions in the order the guided path first asks them (the error's codes first); others are not in it. */
    private static List<String> order(GuidedPath.Node root) {
        Set<String> seen = new LinkedHashSet<>(new TreeMap<>(GuidedPath.START).keySet());   // read off the error first
        Deque<GuidedPath.Node> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {           // breadth first: the order a reader meets them in
            GuidedPath.Node n = todo.removeFirst();
            if (n.isQuestion()) {
                seen.add(n.question().id());
                n.branches().forEach(b -> todo.addLast(b.next()));
            }
        }
        return List.copyOf(seen);
    }

    private List<QuestionHelp> questions(List<String> order, CatalogueView catalogue) {
        return kb.questions().stream()
                .sorted(Comparator.comparingInt((Question q) -> order.indexOf(q.id()) < 0 ? Integer.MAX_VALUE : order.indexOf(q.id()))
                        .thenComparing(Question::id))
                .map(q -> QuestionHelp.of(q, catalogue))
                .toList();
    }

    private byte[] page(String template, Links links, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("links", links);
        model.put("brand", links.root() + "index.html");
        model.put("text", Prose.INSTANCE);
        return pages.render(template, model).getBytes(StandardCharsets.UTF_8);
    }

    /** Renders everything, then replaces {@code out} as a whole; returns the number of files written. */
    public int write(Path out) {
        Path target = out.toAbsolutePath().normalize();
        refuseForeignFolder(target);
        Map<String, byte[]> files = files();
        Path parent = target.getParent();
        Path fresh = parent.resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            delete(fresh);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = fresh.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Path old = parent.resolve(target.getFileName() + ".old-" + ProcessHandle.current().pid());
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
            return files.size();
        } catch (IOException | UncheckedIOException e) {
            try {
                delete(fresh);
            } catch (UncheckedIOException ignored) {
                // nothing of the new site could be written there either
            }
            throw new BadInput("--out " + target + ": cannot write there (" + why(e) + "); expected a folder you can write to");
        }
    }

    /** A folder with other content is the user's: never replace it. */
    private static void refuseForeignFolder(Path target) {
        if (!Files.isDirectory(target)) {
            if (Files.exists(target)) {
                throw new BadInput("--out " + target + " is a file; expected a folder (new, empty, or an earlier site)");
            }
            return;
        }
        try (Stream<Path> s = Files.list(target)) {
            boolean empty = s.findAny().isEmpty();
            if (!empty && !Files.exists(target.resolve(MARKER))) {
                throw new BadInput("--out " + target + " holds other files; expected a new or empty folder, or one this "
                        + "command wrote before (it has a " + MARKER + " file)");
            }
        } catch (IOException e) {
            throw new BadInput("--out " + target + ": cannot read it (" + why(e) + "); expected a folder you can write to");
        }
    }

    /** An I/O failure in a person's words: the file and the system's reason, without the exception's class. */
    private static String why(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof java.nio.file.FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : t instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : t instanceof java.nio.file.NoSuchFileException ? "no such file or folder" : t.getClass().getSimpleName();
            return f.getFile() + ": " + reason;
        }
        return t.getMessage();
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
