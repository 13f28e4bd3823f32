package rdptriage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.inference.Engine;
import rdptriage.render.Pages;
import rdptriage.site.Background;
import rdptriage.site.Site;

/** site: the static troubleshooting site, written to a folder. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = {"Writes the static troubleshooting site (home, one article per cause, the error-code reference)",
                "to a folder. It works from any static host and straight from disk."})
final class SiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write: new, empty, or one this command wrote before (replaced as a whole).")
    Path out;

    @Option(names = "--qa-url", paramLabel = "URL",
            description = "Where the interactive Q&A (rdp-triage serve) is deployed, e.g. https://rdp.example.org/; every page links to it.")
    String qaUrl;

    @Override
    public Integer call() {
        Main.requireWebAddress("--qa-url", qaUrl);
        long start = System.nanoTime();
        // Thymeleaf loads on its own thread while the knowledge is read and the rules load
        Background<Pages> pages = Background.start("warm-pages", Site::warmPages);
        Engine engine = engineOptions.engine();
        int files = new Site(engine, pages.get(), qaUrl).write(out);
        var o = spec.commandLine().getOut();
        o.printf("rdp-triage: wrote %d files to %s in %d ms%n", files, out, (System.nanoTime() - start) / 1_000_000);
        o.flush();
        return Main.OK;
    }
}
