package rdptriage.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import rdptriage.inference.BadInput;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
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

    private final KnowledgeBase kb;
    private final Pages pages;
    private final String qa;

    /** @param qa where the interactive Q&A is deployed (links to it on every page), or null */
    public Site(KnowledgeBase kb, Pages pages, String qa) {
        this.kb = kb;
        this.pages = pages;
        this.qa = qa;
    }

    /** Every file of the site by its path, in a stable order. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        Links top = new Links("", qa);
        Links below = new Links("../", qa);
        CatalogueView catalogue = new CatalogueView(kb, top);
        files.put("index.html", page("home", top, Map.of("catalogue", catalogue,
                "description", "What Remote Desktop error 0x904 / extended 0x7 means, and the causes worth checking, with fixes.")));
        files.put("codes.html", page("codes", top, Map.of("catalogue", catalogue,
                "description", "Every Remote Desktop disconnect code and dialog message, with its documented meaning and source.")));
        Markdown markdown = new Markdown();
        for (Cause c : kb.causes()) {
            files.put("causes/" + c.id() + ".html", page("cause", below, Map.of(
                    "article", new ArticleView(kb, c, below, markdown), "description", c.summary().strip())));
        }
        Assets.load().forEach((name, bytes) -> files.put("assets/" + name, bytes));
        files.put(MARKER, "Written by rdp-triage site; the next run replaces this folder as a whole.\n".getBytes(StandardCharsets.UTF_8));
        return files;
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
        } catch (IOException e) {
            delete(fresh);
            throw new UncheckedIOException("cannot write the site to " + target + ": " + e.getMessage(), e);
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
            throw new UncheckedIOException("cannot read " + target + ": " + e.getMessage(), e);
        }
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
