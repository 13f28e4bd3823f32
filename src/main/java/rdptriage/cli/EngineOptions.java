package rdptriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Option;
import rdptriage.inference.BadInput;
import rdptriage.inference.Engine;
import rdptriage.inference.Lint;
import rdptriage.inference.RuleBase;
import rdptriage.knowledge.KnowledgeBase;

/** The --knowledge and --rules options every command shares, and the engine they build. */
final class EngineOptions {

    @Option(names = "--knowledge", paramLabel = "DIR",
            description = "A folder of extra knowledge (causes/, questions/, codes/, sources/) added to the built-in one.")
    List<Path> knowledge = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of extra DRL rules, compiled at start together with the built-in rules.")
    List<Path> rules = new ArrayList<>();

    List<KnowledgeBase.Root> roots() {
        folders(knowledge, "--knowledge");
        return knowledge.stream().map(p -> new KnowledgeBase.Root(p.toString(), p)).toList();
    }

    KnowledgeBase knowledgeBase() {
        return KnowledgeBase.load(roots());
    }

    /**
     * The built-in rules as compiled by the build, or, with --rules, all DRL compiled now. A help
     * desk's own folders are linted together with the built-in ones before the engine answers
     * anything: a rule that reads an option that does not exist would otherwise never fire.
     */
    Engine engine() {
        folders(rules, "--rules");
        // the rules load on another core while the knowledge is read: both take a few hundred ms cold
        CompletableFuture<RuleBase> base = CompletableFuture.supplyAsync(
                () -> rules.isEmpty() ? RuleBase.compiled() : RuleBase.compile(RuleBase.sources(rules)));
        KnowledgeBase kb = knowledgeBase();
        RuleBase rules;
        try {
            rules = base.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Engine engine = Engine.of(kb, rules);
        if (!knowledge.isEmpty() || !this.rules.isEmpty()) {
            Lint.check(engine, rules);
        }
        return engine;
    }

    static void folders(List<Path> dirs, String option) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new BadInput(option + " " + dir + ": no such folder");
            }
        }
    }
}
