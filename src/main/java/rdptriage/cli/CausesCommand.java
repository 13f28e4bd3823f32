package rdptriage.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.render.Json;

/** causes: the cause catalogue with priors and how well each is documented. */
@Command(name = "causes", mixinStandardHelpOptions = true, description = "Lists every known cause; JSON includes checks, fixes and sources.")
final class CausesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        KnowledgeBase kb = engineOptions.knowledgeBase();
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.pretty(Json.causes(kb)));
            return Main.OK;
        }
        for (Cause c : kb.causes()) {
            out.printf(Locale.ROOT, "%-26s prior %4.0f%%  %-26s %s%n", c.id(), c.prior() * 100, c.evidence().label(), c.title());
        }
        return Main.OK;
    }
}
