package rdptriage.render;

import java.util.List;
import rdptriage.inference.Assessment;
import rdptriage.inference.Assessment.PlanItem;
import rdptriage.inference.Assessment.RankedCause;
import rdptriage.inference.Assessment.Reason;
import rdptriage.inference.Percent;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Step;

/**
 * The ticket note an agent pastes into a ticket: answers, ranked causes with reasons, the fix plan
 * with risks, rollbacks and verify steps, and the link that reopens the session in a browser.
 */
public final class MarkdownReport {

    private static final int CAUSES_SHOWN = 5;

    private final KnowledgeBase kb;
    private final String baseUrl;
    private final StringBuilder out = new StringBuilder();

    public MarkdownReport(KnowledgeBase kb, String baseUrl) {
        this.kb = kb;
        this.baseUrl = baseUrl;
    }

    public String render(Assessment a) {
        return render(a, rdptriage.inference.Reading.NONE);
    }

    /** The note, with what was read from a pasted text when there was one (the text itself is not repeated). */
    public String render(Assessment a, rdptriage.inference.Reading reading) {
        line("## RDP triage");
        line("");
        line("Session: " + SessionLink.of(baseUrl, a.session()));
        line("");
        java.util.Map<String, String> read = Recognised.words(kb, reading);
        line("### Answers");
        line("");
        if (a.answers().isEmpty()) {
            line("- (none yet)");
        }
        a.answers().forEach((q, v) -> line("- " + kb.question(q).text().strip() + " **" + escape(kb.question(q).label(v)) + "**"
                + (read.containsKey(q) ? " (read from " + escape(read.get(q)) + ")" : "")));
        if (a.host() != null) {
            line("- Host: **" + escape(a.host()) + "** (filled into the commands)");
        }
        java.util.List<Recognised.Line> notTaken = Recognised.notTaken(kb, reading);
        if (!notTaken.isEmpty()) {
            line("");
            line("Read from the text but not taken:");
            line("");
            notTaken.forEach(l -> line("- " + escape(l.questionText()) + " **" + escape(l.label()) + "** (from " + escape(l.from())
                    + "; " + escape(l.note()) + ")"));
        }
        causes(a);
        if (a.nextQuestion() != null) {
            line("");
            line("Still open: " + a.nextQuestion().text().strip() + " (" + a.nextQuestion().why() + ")");
        }
        plan(a.plan());
        return out.toString();
    }

    private void causes(Assessment a) {
        line("");
        line("### Causes, most likely first");
        line("");
        line(escape(Certainty.headline(a)) + ".");
        line("");
        List<RankedCause> causes = a.causes();
        for (int i = 0; i < causes.size() && i < CAUSES_SHOWN; i++) {
            RankedCause c = causes.get(i);
            line((i + 1) + ". **" + Percent.of(c.probability()) + " " + escape(c.title()) + "** (" + c.evidenceLevel() + ")");
            for (Reason r : c.reasons()) {
                line("   - " + (r.weight() >= 0 ? "for: " : "against: ") + escape(r.text())
                        + (r.source() == null ? "" : " [" + r.source() + "]"));
            }
        }
        line("");
        line("None of the known causes: " + Percent.of(a.unlisted()));
    }

    private void plan(List<PlanItem> plan) {
        if (plan.isEmpty()) {
            return;
        }
        line("");
        line("### Fix plan");
        for (PlanItem p : plan) {
            line("");
            line(p.step() + ". **" + escape(p.title()) + "** (" + TextReport.label(p) + "; " + escape(p.causeTitle())
                    + ", " + Percent.of(p.probability()) + "; about " + p.effort() + " min)");
            steps(p.steps());
            if (p.riskNote() != null) {
                line("   - Risk: " + escape(TextReport.oneLine(p.riskNote())));
            }
            if (!p.rollback().isEmpty()) {
                line("   - Rollback:");
                steps(p.rollback());
            }
            if (!p.verify().isEmpty()) {
                line("   - Verify:");
                steps(p.verify());
            } else if (p.verifiesElsewhere()) {
                line("   - Verify: as in step " + p.verifyStep() + ".");
            }
        }
    }

    private void steps(List<Step> steps) {
        for (Step s : steps) {
            line("   - (" + s.context() + ")" + (s.text() == null ? "" : " " + escape(TextReport.oneLine(s.text()))));
            if (s.command() != null) {
                line("     ```" + fence(s.shell()));
                s.command().strip().lines().forEach(c -> line("     " + c));
                line("     ```");
            }
        }
    }

    private static String fence(String shell) {
        return switch (shell == null ? "" : shell) {
            case "powershell" -> "powershell";
            case "cmd" -> "bat";
            case "bash" -> "sh";
            default -> "";
        };
    }

    /** Markdown-significant characters in prose are escaped so a title cannot break the note. */
    static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
