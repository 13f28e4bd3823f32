package rdptriage.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rdptriage.inference.Answers;
import rdptriage.inference.BadInput;
import rdptriage.inference.Assessment;
import rdptriage.inference.Assessment.Ask;
import rdptriage.inference.Engine;
import rdptriage.inference.Percent;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.render.TextReport;

/**
 * The help-desk conversation: one question at a time with its help, the leading causes after each
 * answer, "back" to undo, "change" to revise any earlier answer, "done" to finish.
 */
final class Interactive {

    private static final String COMMANDS =
            "Type the number or value of an answer, or ID=VALUE to answer any question (e.g. tcp-3389-test=failed);"
                    + " 'back' undoes the last answer or change; 'change' lists your answers, 'change N' revises answer N;"
                    + " 'done' shows the result now; 'help' shows this.";

    private final Engine engine;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Deque<Answers> history = new ArrayDeque<>();
    private final int width;
    private Ask forced;
    /** The answers before a 'change', while its question is open: what 'back' or the new answer starts from. */
    private Answers beforeChange;

    Interactive(Engine engine, BufferedReader in, PrintWriter out, int width) {
        this.engine = engine;
        this.in = in;
        this.out = out;
        this.width = width;
    }

    /** Runs the conversation from the given answers and returns the answers it ends with. */
    Answers run(Answers start) {
        Answers answers = start;
        out.print(TextReport.wrap("rdp-triage: " + COMMANDS, "", "  ", width));
        while (true) {
            Assessment a = engine.assess(answers);
            leaders(a);
            Ask ask = forced != null ? forced : a.nextQuestion();
            forced = null;
            if (ask == null) {
                out.println("No further question: " + a.stopReason() + ". Press Enter for the result, or type back / change.");
            } else {
                out.println();
                if (a.planReady() != null) {
                    out.println("The plan is ready (" + a.planReady() + "): type 'done' to see it, or answer to go on.");
                }
                out.print(TextReport.question(ask, width));
            }
            out.print("> ");
            out.flush();
            String line = read();
            if (line == null) {
                return answers;
            }
            Answers next = handle(line.strip(), ask, answers);
            if (next == null) {
                return answers;
            }
            answers = next;
        }
    }

    /** The answers after one line of input; null when the conversation is over. */
    private Answers handle(String line, Ask ask, Answers answers) {
        String word = line.toLowerCase(Locale.ROOT);
        if (word.equals("done") || word.equals("quit") || (ask == null && word.isEmpty())) {
            return null;
        }
        if (word.equals("help") || word.equals("?")) {
            out.print(TextReport.wrap(COMMANDS, "", "  ", width));
            return again(ask, answers);
        }
        if (word.equals("back")) {
            if (beforeChange != null) {
                // the change is abandoned: the answer it took away comes back
                Answers restored = beforeChange;
                beforeChange = null;
                return restored;
            }
            if (history.isEmpty()) {
                out.println("Nothing to undo yet.");
                return again(ask, answers);
            }
            return history.pop();
        }
        int eq = line.indexOf('=');
        if (eq > 0 && engine.knowledge().question(line.substring(0, eq).strip()) != null) {
            return answer(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), ask, answers);
        }
        if (word.startsWith("change")) {
            return change(word.substring("change".length()).strip(), ask, answers);
        }
        if (ask == null) {
            out.println("No question is open. " + COMMANDS);
            return answers;
        }
        String value = ask.multiple() ? chooseSeveral(ask, line) : choose(ask, line);
        if (value == null) {
            out.println("'" + line + "' is not one of the answers; type a number from 1 to " + ask.options().size()
                    + (ask.multiple() ? " (several separated by commas, e.g. 1,3)" : "") + ". " + COMMANDS);
            return again(ask, answers);
        }
        return answer(ask.id(), value, ask, answers);
    }

    /** {@code id} answered {@code value} on top of {@code answers}; one step for 'back' (a change and its new answer are one). */
    private Answers answer(String id, String value, Ask ask, Answers answers) {
        try {
            value = engine.answers(Map.of(id, value)).values().get(id);
        } catch (BadInput e) {
            out.println(e.getMessage());
            return again(ask, answers);
        }
        history.push(beforeChange != null ? beforeChange : answers);
        beforeChange = null;
        Answers next = answers.with(id, value);
        // a question asked in the same step (the extended code beside the code) comes at once
        engine.knowledge().askedWith(id).stream().filter(p -> !next.answered(p.id())).findFirst()
                .ifPresent(p -> forced = Ask.of(p, "Asked in the same step as the previous question."));
        return next;
    }

    private Answers change(String which, Ask ask, Answers answers) {
        List<String> ids = new ArrayList<>(answers.values().keySet());
        if (ids.isEmpty()) {
            out.println("No answers yet.");
            return again(ask, answers);
        }
        int n = number(which);
        if (n < 1 || n > ids.size()) {
            for (int i = 0; i < ids.size(); i++) {
                out.println("  " + (i + 1) + ") " + ids.get(i) + " = " + answers.values().get(ids.get(i)));
            }
            out.println("Type 'change N' to revise answer N.");
            return again(ask, answers);
        }
        String id = ids.get(n - 1);
        beforeChange = beforeChange != null ? beforeChange : answers;
        forced = Ask.of(engine.knowledge().question(id), "You asked to change this answer (it was "
                + answers.values().get(id) + ").");
        return answers.without(id);
    }

    private Answers again(Ask ask, Answers answers) {
        forced = ask;
        return answers;
    }

    private static String choose(Ask ask, String line) {
        int n = number(line);
        List<Option> options = ask.options();
        if (n >= 1 && n <= options.size()) {
            return options.get(n - 1).value();
        }
        return options.stream().map(Option::value).filter(v -> v.equalsIgnoreCase(line)).findFirst().orElse(null);
    }

    /** Several answers typed as numbers or values separated by commas or spaces, e.g. "1,3"; null if one is not an answer. */
    private static String chooseSeveral(Ask ask, String line) {
        List<String> values = new ArrayList<>();
        for (String part : line.split("[,\\s]+")) {
            String v = part.isEmpty() ? null : choose(ask, part);
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return String.join(Question.SEPARATOR, values);
    }

    private void leaders(Assessment a) {
        StringBuilder b = new StringBuilder("Leading now:");
        for (int i = 0; i < 3 && i < a.causes().size(); i++) {
            b.append("  ").append(Percent.of(a.causes().get(i).probability())).append(' ').append(a.causes().get(i).title())
                    .append(i < 2 ? ";" : "");
        }
        out.println();
        out.print(TextReport.wrap(b.toString(), "", "  ", width));
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String read() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
