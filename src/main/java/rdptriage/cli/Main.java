package rdptriage.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import rdptriage.inference.BadInput;
import rdptriage.knowledge.KnowledgeException;

/** Entry point: rdp-triage triage | serve | site | batch | questions | causes | lint. */
@Command(name = "rdp-triage", mixinStandardHelpOptions = true, version = "rdp-triage 0.1.0",
        description = "Triage of the Remote Desktop error 0x904 / extended 0x7 and its neighbours.",
        subcommands = {TriageCommand.class, ServeCommand.class, SiteCommand.class, BatchCommand.class, QuestionsCommand.class, CausesCommand.class,
                LintCommand.class, CollectCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            MemoryBound.serve(args).ifPresent(System::exit);
        }
        // one buffered UTF-8 writer: batch writes hundreds of megabytes; commands flush where a person waits
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        // logging is set up here, on one thread: when site and serve load the rules and the templates
        // on two threads at once, SLF4J would otherwise print a warning about replayed calls
        org.slf4j.LoggerFactory.getILoggerFactory();
        int status = run(args, out, new PrintWriter(System.err, true));
        out.flush();
        System.exit(status);
    }

    /** Runs a command line with the given output streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> failure(e, line.getErr()));
        return cli.execute(args);
    }

    /** Bad input and bad knowledge are the user's to fix: a message, exit 2. Anything else is ours: exit 1. */
    private static int failure(Exception e, PrintWriter err) {
        if (e instanceof BadInput || e instanceof KnowledgeException) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println("internal error: " + e);
        if (System.getenv("RDP_TRIAGE_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set RDP_TRIAGE_DEBUG=1 to see the stack trace)");
        }
        return INTERNAL;
    }

    /** An option whose address ends up as a link (--base-url, --qa-url): only http(s), else exit 2 naming it. */
    static void requireWebAddress(String option, String url) {
        String wrong = url == null ? null : rdptriage.knowledge.WebAddress.problem(url);
        if (wrong != null) {
            throw new BadInput(option + " " + wrong);
        }
    }
}
