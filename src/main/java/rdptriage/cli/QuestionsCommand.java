package rdptriage.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;
import rdptriage.render.Json;

/** questions: the question catalogue with ids, help and option values. */
@Command(name = "questions", mixinStandardHelpOptions = true, description = "Lists every question with its options.")
final class QuestionsCommand implements Callable<Integer> {

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
            out.println(Json.pretty(Json.questions(kb)));
            return Main.OK;
        }
        for (Question q : kb.questions()) {
            out.printf(Locale.ROOT, "%s  (%s, about %d min)%n  %s%n", q.id(), q.who(), q.effort(), q.text().strip());
            q.options().forEach(o -> out.printf(Locale.ROOT, "    %-20s %s%n", o.value(), o.label()));
            out.println();
        }
        return Main.OK;
    }
}
