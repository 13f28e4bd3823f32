package rdptriage.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process with captured output and, optionally, scripted standard input. */
final class Cli {

    record Result(int exit, String out, String err) {}

    private Cli() {}

    static Result run(String... args) {
        return runWithInput("", args);
    }

    static Result runWithInput(String input, String... args) {
        return runWithBytes(input.getBytes(StandardCharsets.UTF_8), args);
    }

    static synchronized Result runWithBytes(byte[] input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }
}
