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
import java.util.function.Supplier;
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
import rdptriage.render.CollectScript;
import rdptriage.render.Links;
import rdptriage.render.Markdown;
import rdptriage.render.Pages;
import rdptriage.render.Prose;

/**
 * The troubleshooting site: every page by its path, rendered on demand by one renderer for both
 * front ends. The static site ({@code site}) renders them all in memory first (so a problem stops
 * the run before anything is written), then writes them to a fresh folder beside the target and
 * moves it into place, so no half-written site is ever left behind; same knowledge, same bytes. The
 * server ({@code serve}) renders each page once, on first request or while it warms up.
 */
public final class Site {

    /** The marker that says a folder was written by this generator and may be replaced by it. */
    static final String MARKER = ".rdp-triage-site";

    /**
     * Where an article the server serves takes the link back to the session it was opened from: a
     * comment the server replaces per request, so the article itself is rendered once. The static
     * site's articles have none.
     */
    public static final String BACK = "<!--rdp-triage: back to the session-->";

    static final String SITEMAP = "sitemap.html";
    static final String SEARCH_INDEX = "assets/search-index.js";

    /** A page of the site for the sitemap: where it is, its title and what it holds. */
    public record Page(String href, String title, String description) {}

    /** A page of the guide (the site's pages other than the articles) and what its template is given. */
    private record Guide(String path, String title, String template, String description, Supplier<Map<String, Object>> model) {}

    private final KnowledgeBase kb;
    private final Pages pages;
    private final Links top;
    private final Links below;
    private final boolean served;
    private final Once<AnswerEffects> effects;
    private final Once<CatalogueView> catalogue;
    private final Once<Markdown> markdown = new Once<>(Markdown::new);
    /** The costliest part (a triage per node), needed by the flowchart and the checklist only. */
    private final Once<GuidedPath.Node> walk;
    private final Once<List<String>> order;
    /** Each side's script, made once: the home page lists its SHA-256 and the site stores the file. */
    private final Map<CollectScript.Side, Once<CollectScript.Script>> scripts = new java.util.EnumMap<>(CollectScript.Side.class);
    private final List<Guide> guide;

    /** @param qa where the interactive Q&A is deployed (links to it on every page), or null */
    public Site(Engine engine, Pages pages, String qa) {
        this(engine, pages, Links.site("", qa), Links.site("../", qa), false);
    }

    /**
     * The site as the server answers it, beside the Q&A: every link from the server's root (so one
     * set of links holds at any depth), the Q&A on the same server, and a place in each article for
     * the link back to a session ({@link #BACK}).
     */
    public static Site served(Engine engine, Pages pages) {
        return new Site(engine, pages, Links.web(), Links.web(), true);
    }

    private Site(Engine engine, Pages pages, Links top, Links below, boolean served) {
        this.kb = engine.knowledge();
        this.pages = pages;
        this.top = top;
        this.below = below;
        this.served = served;
        this.effects = new Once<>(() -> AnswerEffects.of(engine));
        this.catalogue = new Once<>(() -> new CatalogueView(kb, effects.get(), top));
        this.walk = new Once<>(() -> new GuidedPath(engine).build());
        this.order = new Once<>(() -> order(walk.get()));
        for (CollectScript.Side side : CollectScript.Side.values()) {
            scripts.put(side, new Once<>(() -> CollectScript.of(kb, side, null)));
        }
        this.guide = List.of(
                new Guide("index.html", "Home: what 0x904 / 0x7 means", "home",
                        "What Remote Desktop error 0x904 / extended 0x7 means, what neighbouring codes point to, and the causes worth checking, with fixes.",
                        () -> Map.of("catalogue", catalogue.get(), "scripts",
                                CollectScript.links(this::script, side -> top.page(CollectScript.path(side))))),
                new Guide("codes.html", "Error-code reference", "codes",
                        "Every Remote Desktop disconnect code and dialog message, with its documented meaning, its source and the causes it points to.",
                        () -> Map.of("catalogue", catalogue.get())),
                new Guide("flow.html", "The guided triage as a flowchart", "flow",
                        "The questions the guided triage asks for 0x904 / 0x7, where each answer leads, and how to find out each answer.",
                        () -> Map.of("flow", new FlowChart(walk.get(), top), "questions", questions(order.get(), catalogue.get()))),
                new Guide("checklist.html", "Printable triage checklist", "standard-checklist",
                        "The standard triage order for 0x904 / 0x7 on paper: questions for the user, then one check per cause, safe checks first.",
                        () -> Map.of("checklist", new StandardChecklist(kb, catalogue.get(), order.get(), top))),
                new Guide("search.html", "Search", "search",
                        "Search the causes, error codes and questions of this guide, by code, command or words.",
                        Map::of));
    }

    /**
     * Every page and generated file of the site by its path from the site's root (the fixed assets
     * aside); those that need the guided path come last, so that {@link #files()} renders the rest
     * while it is walked.
     */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        kb.causes().forEach(c -> paths.add(article(c.id())));
        paths.add(SEARCH_INDEX);
        if (!served) {   // the server answers these addresses itself, with the session's host filled in
            for (CollectScript.Side side : CollectScript.Side.values()) {
                paths.add(CollectScript.path(side));
            }
        }
        guide.forEach(g -> paths.add(g.path()));
        paths.add(SITEMAP);
        paths.sort(Comparator.comparing(p -> p.equals("flow.html") || p.equals("checklist.html")));
        return List.copyOf(paths);
    }

    /** A side's diagnostic script as the site offers it: without a host, which the script then takes as its argument. */
    private CollectScript.Script script(CollectScript.Side side) {
        return scripts.get(side).get();
    }

    /** The path of a cause's article. */
    public static String article(String causeId) {
        return "causes/" + causeId + ".html";
    }

    /** One page of the site, one of {@link #paths()}. */
    public byte[] render(String path) {
        for (Guide g : guide) {
            if (g.path().equals(path)) {
                return page(g.template(), top, g.model().get(), g.description());
            }
        }
        if (path.equals(SITEMAP)) {
            return page("sitemap", top, Map.of("sitemap", sitemap()),
                    "Every page of the rdp-triage guide to Remote Desktop error 0x904 / extended 0x7.");
        }
        for (CollectScript.Side side : CollectScript.Side.values()) {
            if (path.equals(CollectScript.path(side))) {
                return script(side).text().getBytes(StandardCharsets.UTF_8);
            }
        }
        if (path.equals(SEARCH_INDEX)) {
            return new SearchIndex(kb, codesByCause(effects.get()), markdown.get()).script();
        }
        Cause c = path.startsWith("causes/") && path.endsWith(".html")
                ? kb.findCause(path.substring("causes/".length(), path.length() - ".html".length())).orElse(null) : null;
        if (c == null) {
            throw new IllegalArgumentException("the site has no page " + path);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("article", new ArticleView(kb, effects.get(), c, below, markdown.get()));
        if (served) {
            model.put("back", BACK);
        }
        return page("cause", below, model, c.summary().strip());
    }

    /** Every file of the site by its path, in a stable order. */
    public Map<String, byte[]> files() {
        Background.start("guided-path", walk);
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : paths()) {
            files.put(path, render(path));
        }
        Assets.load().forEach((name, bytes) -> files.put("assets/" + name, bytes));
        files.put(MARKER, "Written by rdp-triage site; the next run replaces this folder as a whole.\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The guide's pages, then the articles in the order worth checking. */
    private List<Page> sitemap() {
        List<Page> sitemap = new ArrayList<>();
        guide.forEach(g -> sitemap.add(new Page(g.path(), g.title(), g.description())));
        sitemap.add(new Page(SITEMAP, "Sitemap", "Every page of this guide."));
        for (CatalogueView.Entry e : catalogue.get().causes()) {
            Cause c = kb.cause(e.id());
            sitemap.add(new Page(article(c.id()), c.title(), c.summary().strip()));
        }
        return List.copyOf(sitemap);
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

    private byte[] page(String template, Links links, Map<String, Object> extra, String description) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("links", links);
        model.put("brand", links.root() + "index.html");
        model.put("text", Prose.INSTANCE);
        model.put("description", description);
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
