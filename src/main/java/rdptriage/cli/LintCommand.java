package rdptriage.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.inference.Lint;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Problem;

/** lint: checks knowledge and rules together; every finding with file and line; exit 2 on any. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Validates the knowledge and the rules together (built-in plus --knowledge / --rules folders).",
                "Exit status 2 when anything is found."})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        EngineOptions.folders(engineOptions.rules, "--rules");
        Lint.Report report = Lint.run(KnowledgeBase.withBuiltIn(engineOptions.roots()), engineOptions.rules);
        var out = spec.commandLine().getOut();
        List<Problem> problems = report.problems();
        problems.forEach(out::println);
        if (!problems.isEmpty()) {
            out.println(problems.size() + (problems.size() == 1 ? " finding" : " findings"));
            return Main.BAD_INPUT;
        }
        out.println("lint: clean (" + report.summary() + ")");
        return Main.OK;
    }
}
