package rdptriage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rdptriage.inference.BadInput;
import rdptriage.inference.Clip;
import rdptriage.inference.Host;
import rdptriage.render.CollectScript;
import rdptriage.render.CollectScript.Side;

/** collect: the read-only diagnostic script of one side, assembled from the knowledge's checks (issue 14). */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Writes a read-only diagnostic script for one side: PowerShell for the Windows client or host,"
                + " bash for a Linux client. Paste everything it prints into the paste box (or triage --ticket FILE):"
                + " each check's output answers its question."},
        footer = {"", "Examples:", "  rdp-triage collect --side host > rdp-triage-collect-host.ps1",
                "  rdp-triage collect --side client --host srv-app01.corp.example.com --output collect-client.ps1",
                "  rdp-triage collect --side linux-client --host 10.0.0.5 --output collect.sh && bash collect.sh"})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--side", required = true, paramLabel = "SIDE", description = "client, host or linux-client.")
    String side;

    @Option(names = "--host", paramLabel = "NAME", description = "The remote computer's name or address, filled into the script"
            + " (without it, the script takes it as its argument; checks that need it are skipped and say so).")
    String host;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the script to FILE (default: standard output) and print its SHA-256.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Side s = Side.of(side);
        if (s == null) {
            throw new BadInput("--side '" + Clip.of(side) + "': expected one of " + Side.ids());
        }
        Host target = Host.parse(host);
        CollectScript.Script script = CollectScript.of(engineOptions.knowledgeBase(), s, target);
        if (output == null) {
            spec.commandLine().getOut().print(script.text());
            return Main.OK;
        }
        try {
            Files.writeString(output, script.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("--output " + output + ": cannot write it (" + e.getMessage() + ")");
        }
        spec.commandLine().getErr().printf("wrote %s: %s for the %s, SHA-256 %s%n", output, script.checkCount(), s.id, script.sha256());
        return Main.OK;
    }
}
