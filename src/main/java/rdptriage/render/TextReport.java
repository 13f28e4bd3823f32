package rdptriage.render;

import java.util.List;
import java.util.Locale;
import rdptriage.inference.Assessment;
import rdptriage.inference.Assessment.Ask;
import rdptriage.inference.Assessment.PlanItem;
import rdptriage.inference.Assessment.RankedCause;
import rdptriage.inference.Assessment.Reason;
import rdptriage.inference.Percent;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Step;

/**
 * The assessment as plain text for a terminal: answers, ranking with reasons, next question, fix
 * plan. Prose is wrapped at words to the terminal's width; a command never is, so that it can be
 * copied as it stands.
 */
public final class TextReport {

    private final KnowledgeBase kb;
    private final int width;
    private final StringBuilder out = new StringBuilder();

    public TextReport(KnowledgeBase kb) {
        this(kb, 80);
    }

    /** @param width the terminal's width in columns */
    public TextReport(KnowledgeBase kb, int width) {
        this.kb = kb;
        this.width = Math.max(40, width);
    }

    public String render(Assessment a, int shown) {
        return render(a, rdptriage.inference.Reading.NONE, shown);
    }

    /** The report, after what was read from a pasted text when there was one. */
    public String render(Assessment a, rdptriage.inference.Reading reading, int shown) {
        answers(a, Recognised.words(kb, reading));
        notTaken(reading);
        ranking(a, shown);
        if (a.nextQuestion() != null) {
            line("");
            para("", "  ", "Next question: " + a.nextQuestion().text().strip());
            para("  ", "  ", a.nextQuestion().why());
            if (a.planReady() != null) {
                para("  ", "  ", "(" + a.planReady() + ".)");
            }
        } else if (a.stopReason() != null) {
            line("");
            para("", "  ", "No further question: " + a.stopReason() + ".");
        }
        plan(a.plan());
        return out.toString();
    }

    /** The answers given, each read from a pasted text followed by the words it was read from. */
    private void answers(Assessment a, java.util.Map<String, String> read) {
        line("Answers");
        if (a.answers().isEmpty()) {
            line("  (none yet)");
        }
        a.answers().forEach((q, v) -> {
            para(String.format(Locale.ROOT, "  %-24s ", q), " ".repeat(27), kb.question(q).label(v));
            if (read.containsKey(q)) {
                para(" ".repeat(27), " ".repeat(29), "read from " + read.get(q));
            }
        });
        if (a.host() != null) {
            line(String.format(Locale.ROOT, "  %-24s %s (filled into the commands)", "host", a.host()));
        }
    }

    /** What the text said that was not taken: the user's own answer won, or the text said two things. */
    private void notTaken(rdptriage.inference.Reading reading) {
        List<Recognised.Line> lines = Recognised.notTaken(kb, reading);
        if (lines.isEmpty()) {
            return;
        }
        line("");
        line("Read from the text but not taken");
        for (Recognised.Line l : lines) {
            para(String.format(Locale.ROOT, "  %-24s ", l.question()), " ".repeat(27), l.label());
            para(" ".repeat(27), " ".repeat(29), "from " + l.from() + "; " + l.note());
        }
    }

    /** The leading causes with their reasons; the others on one line. */
    private void ranking(Assessment a, int shown) {
        line("");
        para("", "  ", "Causes, most likely first. " + Certainty.headline(a) + ".");
        List<RankedCause> causes = a.causes();
        for (int i = 0; i < causes.size() && i < shown; i++) {
            RankedCause c = causes.get(i);
            para(String.format(Locale.ROOT, "  %d. %4s  ", i + 1, Percent.of(c.probability())), "           ",
                    c.title() + "  [" + c.evidenceLevel() + "]");
            for (Reason r : c.reasons()) {
                para("           " + (r.weight() >= 0 ? "+ " : "- "), "             ",
                        r.text() + (r.source() == null ? "" : " [" + r.source() + "]"));
            }
        }
        // the causes not shown, also those an assessment cut to its top ones no longer carries
        int more = kb.causes().size() - Math.min(shown, causes.size());
        if (more > 0) {
            double rest = Math.max(0, 1 - a.unlisted() - causes.stream().limit(shown).mapToDouble(RankedCause::probability).sum());
            line("     ... " + more + " more, together " + Percent.of(rest));
        }
        line("     None of the known causes: " + Percent.of(a.unlisted()));
    }

    private void plan(List<PlanItem> plan) {
        if (plan.isEmpty()) {
            return;
        }
        line("");
        line("Fix plan (most likely and cheapest first)");
        for (PlanItem p : plan) {
            if (p.step() > SessionView.STEPS_IN_FULL) {
                if (p.step() == SessionView.STEPS_IN_FULL + 1) {
                    line("");
                    para("", "", "The other " + (plan.size() - SessionView.STEPS_IN_FULL)
                            + " steps, in full with --format markdown or on the session's result page:");
                }
                para(String.format(Locale.ROOT, "%2d. ", p.step()), "    ", "[" + label(p) + "] " + p.title());
                continue;
            }
            line("");
            para(String.format(Locale.ROOT, "%2d. ", p.step()), "    ", "[" + label(p) + "] " + p.title());
            para("    for: ", "         ", p.causeTitle() + " (" + Percent.of(p.probability()) + "), about " + p.effort() + " min");
            steps("", p.steps());
            if (p.riskNote() != null) {
                para("    Risk: ", "          ", p.riskNote());
            }
            if (!p.rollback().isEmpty()) {
                line("    Rollback:");
                steps("  ", p.rollback());
            }
            if (!p.verify().isEmpty()) {
                line("    Verify:");
                steps("  ", p.verify());
            } else if (p.verifiesElsewhere()) {
                line("    Verify: as in step " + p.verifyStep() + ".");
            }
        }
    }

    static String label(PlanItem p) {
        return label(p.kind(), p.risk());
    }

    /** A step's kind in words: check, fix with its risk, or a temporary workaround that lowers security. */
    static String label(String kind, String risk) {
        return switch (kind) {
            case "check" -> "check";
            case "collect" -> "collect, changes nothing";
            case "workaround" -> "TEMPORARY WORKAROUND, LOWERS SECURITY";
            default -> "fix, risk: " + risk;
        };
    }

    private void steps(String indent, List<Step> steps) {
        for (Step s : steps) {
            para(indent + "    ", indent + "      ", "(" + s.context() + ") " + (s.text() == null ? "" : oneLine(s.text())));
            if (s.command() != null) {
                s.command().strip().lines().forEach(c -> line(indent + "        " + c));
            }
        }
    }

    /** The question as shown in the interactive terminal: text, help, numbered options. */
    public static String question(Ask q) {
        return question(q, 80);
    }

    /**
     * The question for a terminal {@code width} columns wide: prose wrapped at words, the long code
     * lists in as many columns as fit; a command is never wrapped, so it can be copied as it is.
     */
    public static String question(Ask q, int width) {
        StringBuilder b = new StringBuilder();
        b.append(wrap(q.text().strip(), "", "", width));
        b.append(wrap("How to find out (" + q.who() + ", about " + q.effort() + " min): " + oneLine(q.help()), "  ", "    ", width));
        if (q.command() != null) {
            q.command().strip().lines().forEach(l -> b.append("      ").append(l).append('\n'));
        }
        b.append(wrap(q.why(), "  ", "    ", width));
        List<Option> options = q.options();
        if (q.multiple()) {
            b.append("  Several answers can be true: type each number, separated by commas (e.g. 1,3).\n");
        }
        if (options.size() <= LONG_LIST) {
            for (int i = 0; i < options.size(); i++) {
                b.append(wrap(String.format(Locale.ROOT, "%2d) %s", i + 1, options.get(i).label()), "  ", "      ", width));
            }
        } else {
            columns(b, options, width);
        }
        return b.toString();
    }

    private static final int LONG_LIST = 15;
    /** The narrowest column worth having: a number, a code and the start of its meaning. */
    private static final int MIN_CELL = 36;

    /** A long list (the code tables) in as many columns of short labels as the width holds (at most 3). */
    private static void columns(StringBuilder b, List<Option> options, int width) {
        int count = Math.max(1, Math.min(3, (width - 1) / MIN_CELL));
        int cellWidth = (width - 1) / count;
        int rows = (options.size() + count - 1) / count;
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < count; c++) {
                int i = c * rows + r;
                if (i < options.size()) {
                    String cell = String.format(Locale.ROOT, " %2d) %s", i + 1, options.get(i).label());
                    line.append(String.format(Locale.ROOT, "%-" + cellWidth + "s",
                            cell.length() > cellWidth - 1 ? cell.substring(0, cellWidth - 4) + "..." : cell));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append(wrap("(type the number, or the code as the dialog shows it, e.g. 0x904)", "  ", "   ", width));
    }

    /** {@code text} broken at spaces into lines of at most {@code width}, the first indented by {@code first}. */
    public static String wrap(String text, String first, String rest, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : oneLine(text).split(" ")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        return out.append(line.toString().stripTrailing()).append('\n').toString();
    }

    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** Prose wrapped at words to the width: {@code first} before its first line, {@code rest} before the others. */
    private void para(String first, String rest, String text) {
        out.append(wrap(text, first, rest, width));
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
