package rdptriage.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.inference.Answers;
import rdptriage.inference.Assessment;
import rdptriage.inference.BadInput;
import rdptriage.inference.Engine;
import rdptriage.inference.Host;
import rdptriage.inference.Reading;

/** triage: interactive in a terminal, or the assessment for given answers (scripts, tickets). */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Ranks the causes for the answers given and prints the fix plan.",
                "Asks questions one at a time when run in a terminal without answers."})
final class TriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--answer", paramLabel = "ID=VALUE",
            description = {"An answer, e.g. --answer error-code=0x904 (repeatable).",
                    "Several answers to a question that takes them: --answer recent-change=host-renamed,network-change",
                    "or the same question twice."})
    List<String> answer = new ArrayList<>();

    @Option(names = "--answers", paramLabel = "FILE", description = "A JSON object of question id to value; - reads standard input.")
    String answersFile;

    @Option(names = "--ticket", paramLabel = "FILE",
            description = {"A ticket, error dialog, client log or command output to read answers from (at most 64 KB);",
                    "- reads standard input. Answers given with --answer/--answers win over what is read."})
    String ticketFile;

    @Option(names = "--host", paramLabel = "NAME",
            description = "The remote computer's name or address: fills <host> (and <ip-address> for an address) in every command.")
    String host;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, markdown (the full ticket note) or note (the short ticket note, at most 4,000 characters, plain text); default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--base-url", defaultValue = "http://localhost:8080",
            description = "Where the browser Q&A runs, for the session link in the ticket note (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--top", paramLabel = "N",
            description = "Only the N most likely causes, and the plan's steps for them (default: every cause; the text shows 5 with their reasons).")
    Integer top;

    @Option(names = "--interactive", description = "Ask questions even when standard input is not a terminal.")
    boolean interactive;

    @Override
    public Integer call() {
        Main.requireWebAddress("--base-url", baseUrl);
        if (top != null && top < 1) {   // before any question is asked, so no answer is lost to it
            throw new BadInput("--top must be at least 1, found " + top);
        }
        if ("-".equals(ticketFile) && "-".equals(answersFile)) {
            throw new BadInput("--ticket - and --answers - both read standard input; give one of them as a file");
        }
        if (!interactive && answer.isEmpty() && answersFile == null && ticketFile == null && System.console() == null
                && pipedInput()) {
            throw new BadInput("standard input holds text, but it is read only with --interactive (answers typed as the "
                    + "questions come), --answers - (a JSON object) or --ticket - (a ticket, dialog or log to read answers from)");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        if (answersFile != null) {
            raw.putAll(AnswerFile.read(answersFile, System.in));
        }
        raw.putAll(AnswerFlags.parse(answer));
        Host target = Host.parse(host);
        String text = ticketFile == null ? null : TicketFile.read(ticketFile, System.in);
        Engine engine = engineOptions.engine();
        Reading reading = engine.read(text, engine.answers(raw));
        Answers answers = reading.answers();
        var out = spec.commandLine().getOut();
        boolean terminal = System.console() != null && raw.isEmpty() && answersFile == null && ticketFile == null
                && format != Format.json;
        if (interactive || terminal) {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            answers = new Interactive(engine, in, out, Terminal.width()).run(answers);
        }
        Assessment assessment = engine.assess(answers).forHost(target);
        if (top != null) {
            assessment = assessment.top(top);
        }
        out.print(Reports.render(engine.knowledge(), assessment, reading, format, baseUrl, top, Terminal.width()));
        if (interactive || terminal) {
            // the conversation's answers, to reopen in the browser or paste into the ticket
            out.println();
            out.println("Session: " + rdptriage.render.SessionLink.of(baseUrl, assessment.session()));
        }
        out.flush();
        return Main.OK;
    }

    /** Whether something is waiting on standard input (a pipe or a redirected file with content). */
    private static boolean pipedInput() {
        try {
            return System.in.available() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
