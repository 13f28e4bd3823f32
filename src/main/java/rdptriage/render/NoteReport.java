package rdptriage.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import rdptriage.inference.Assessment;
import rdptriage.inference.Assessment.PlanItem;
import rdptriage.inference.Assessment.RankedCause;
import rdptriage.inference.Assessment.Reason;
import rdptriage.inference.Percent;
import rdptriage.inference.Reading;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Step;

/**
 * The short ticket note (issue 13): plain text that reads the same in a ticket system that shows
 * Markdown and in one that does not, and never longer than {@link #MAX_CHARS}, the comment limit of
 * common ticket systems. The dialog's headline, the answers, the top causes with the reason that
 * weighs most for each, the next steps with their commands as far as they fit (at least the first),
 * the links to the session and its full plan, and the sources cited, as addresses.
 */
public final class NoteReport {

    public static final int MAX_CHARS = 4_000;
    private static final int CAUSES = 3;
    private static final int MAX_STEPS = 5;
    /** The answers take at most this much; the causes, the first step and the links need the rest. */
    private static final int ANSWERS_BUDGET = 1_200;

    private final KnowledgeBase kb;
    private final String baseUrl;

    public NoteReport(KnowledgeBase kb, String baseUrl) {
        this.kb = kb;
        this.baseUrl = baseUrl;
    }

    public String render(Assessment a, Reading reading) {
        Set<String> cited = new LinkedHashSet<>();
        StringBuilder head = new StringBuilder();
        head.append("RDP triage: ").append(Certainty.headline(a)).append(".\n\n");
        head.append("Answers:\n");
        if (a.answers().isEmpty()) {
            head.append("- none yet\n");
        }
        head.append(answers(a, reading));
        if (a.host() != null) {
            head.append("- Host: ").append(a.host()).append('\n');
        }
        head.append("\nMost likely:\n");
        List<RankedCause> causes = a.causes();
        for (int i = 0; i < causes.size() && i < CAUSES; i++) {
            RankedCause c = causes.get(i);
            head.append(i + 1).append(". ").append(Percent.of(c.probability())).append(' ').append(c.title()).append('\n');
            strongest(c).ifPresent(r -> {
                head.append("   ").append(r.text());
                if (r.source() != null && !r.source().isBlank()) {
                    head.append(" [").append(r.source()).append(']');
                    cited.add(r.source());
                }
                head.append('\n');
            });
        }
        head.append("   None of the known causes: ").append(Percent.of(a.unlisted())).append('\n');

        // one link: the result page reopens the session (its questions are a click away) and holds the whole plan
        String links = "\nSession, with the full plan, its risks, rollbacks and checks: " + SessionLink.result(baseUrl, a.session()) + "\n";
        List<String> steps = new ArrayList<>();
        int n = 0;
        for (PlanItem p : a.plan()) {
            if (n == MAX_STEPS) {
                break;
            }
            String full = step(++n, p, true);
            String shortForm = step(n, p, false);
            if (fits(head, plus(steps, full), links, sources(cited, p))) {
                steps.add(full);
                cited.addAll(p.sources());
            } else if (fits(head, plus(steps, shortForm), links, sources(cited, null))) {
                steps.add(shortForm);
            } else {
                break;
            }
        }
        String note = assemble(head, steps, links, sources(cited, null));
        if (note.length() <= MAX_CHARS) {
            return note;
        }
        // only a help desk's own knowledge (very long titles or reasons) gets here: keep the link, cut the rest
        String tail = "[cut at " + MAX_CHARS + " characters; the whole note is at the session link]\n" + links;
        return head.substring(0, Math.max(0, MAX_CHARS - tail.length() - 1)) + "\n" + tail;
    }

    /** Each answer with its question; for a long session by question id, and past the budget counted, not listed. */
    private String answers(Assessment a, Reading reading) {
        java.util.Map<String, String> read = Recognised.words(kb, reading);
        StringBuilder full = new StringBuilder();
        a.answers().forEach((q, v) -> full.append("- ").append(kb.question(q).text().strip()).append(' ')
                .append(kb.question(q).label(v)).append(read.containsKey(q) ? " (read from the ticket)" : "").append('\n'));
        if (full.length() <= ANSWERS_BUDGET) {
            return full.toString();
        }
        StringBuilder compact = new StringBuilder();
        int listed = 0;
        for (var e : a.answers().entrySet()) {
            String label = kb.question(e.getKey()).label(e.getValue());
            String line = "- " + e.getKey() + ": " + (label.length() > 70 ? label.substring(0, 67) + "..." : label) + "\n";
            if (compact.length() + line.length() > ANSWERS_BUDGET) {
                break;
            }
            compact.append(line);
            listed++;
        }
        if (listed < a.answers().size()) {
            compact.append("- and ").append(a.answers().size() - listed).append(" more answers, all in the session link below\n");
        }
        return compact.toString();
    }

    private boolean fits(StringBuilder head, List<String> steps, String links, String sources) {
        return assemble(head, steps, links, sources).length() <= MAX_CHARS;
    }

    private static List<String> plus(List<String> steps, String one) {
        List<String> all = new ArrayList<>(steps);
        all.add(one);
        return all;
    }

    private static String assemble(StringBuilder head, List<String> steps, String links, String sources) {
        StringBuilder b = new StringBuilder(head);
        if (!steps.isEmpty()) {
            b.append("\nNext steps:\n");
            steps.forEach(b::append);
        }
        return b.append(links).append(sources).toString();
    }

    /** One step: its kind, title and time; with {@code commands}, where each part runs and its commands. */
    private static String step(int n, PlanItem p, boolean commands) {
        StringBuilder b = new StringBuilder();
        b.append(n).append(". [").append(kind(p)).append("] ").append(p.title()).append(" (about ").append(p.effort()).append(" min)\n");
        if (commands) {
            for (Step s : p.steps()) {
                if (s.command() != null && !s.command().isBlank()) {
                    b.append("   ").append(s.context()).append(":\n");
                    s.command().strip().lines().forEach(l -> b.append("     ").append(l).append('\n'));
                }
            }
        } else {
            b.append("   (commands in the full plan)\n");
        }
        return b.toString();
    }

    private static String kind(PlanItem p) {
        return p.temporary() && "lowers-security".equals(p.risk()) ? "temporary workaround, lowers security"
                : "fix".equals(p.kind()) ? "fix, risk " + p.risk() : p.kind();
    }

    private String sources(Set<String> cited, PlanItem extra) {
        Set<String> keys = new LinkedHashSet<>(cited);
        if (extra != null) {
            keys.addAll(extra.sources());
        }
        StringBuilder b = new StringBuilder();
        for (String key : keys) {
            kb.source(key).ifPresent(s -> b.append(b.length() == 0 ? "\nSources:\n" : "").append("[").append(key).append("] ")
                    .append(s.url()).append('\n'));
        }
        return b.toString();
    }

    private static java.util.Optional<Reason> strongest(RankedCause c) {
        return c.reasons().stream().filter(r -> r.weight() > 0).max(java.util.Comparator.comparingDouble(Reason::weight));
    }
}
