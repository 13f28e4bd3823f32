package rdptriage.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.Assessment;
import rdptriage.inference.Assessment.Ask;
import rdptriage.inference.Assessment.PlanItem;
import rdptriage.inference.Assessment.RankedCause;
import rdptriage.inference.Percent;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;
import rdptriage.knowledge.Step;

/**
 * One session as the HTML pages show it: the answers with their change and remove links, the
 * question on screen with a link per option, the ranking with bars, and the fix plan. The answers
 * are the session, so every link carries all of them.
 */
public final class SessionView {

    /** A given answer with the links that change or remove it. */
    public record Given(String question, String text, String label, String change, String remove) {}

    /** One option of the question on screen: its link, and whether it is the current answer. */
    public record Choice(String value, String label, String href, boolean current, int key) {}

    /** A ranked cause as a row with a bar: width is the percentage 0-100; words ready for the page. */
    public record Row(String id, String title, String percent, double width, String level, String levelClass,
                      List<Why> reasons, String reasonCount, String article) {}

    /** One reason of a row: for or against, the text, and its source key in brackets (or null). */
    public record Why(String side, String sign, String text, String source) {

        static Why of(Assessment.Reason r) {
            String side = r.weight() >= 0 ? "for" : "against";
            return new Why(side, side + ":", r.text(), r.source() == null ? null : "[" + r.source() + "]");
        }
    }

    private static final int LEADING = 6;

    /** The causes the result page shows with their reasons; the others are one click away. */
    public static final int TOP = 5;

    /** The plan steps the result page shows in full; the others are listed, each a link into the whole plan. */
    public static final int STEPS_IN_FULL = 8;

    private final KnowledgeBase kb;
    private final Assessment assessment;
    private final Links links;
    private final String changing;
    private final String baseUrl;
    private List<Given> given;
    private List<Choice> choices;
    private List<Row> rows;

    /**
     * @param changing the question whose answer is being changed (shown instead of the next question), or null
     * @param baseUrl  the absolute address of the Q&A, for the session link in the ticket note
     */
    public SessionView(KnowledgeBase kb, Assessment assessment, Links links, String changing, String baseUrl) {
        this(kb, assessment, links, changing, baseUrl, List.of());
    }

    /** An answer read from a pasted text, with links to change or remove it (the paste is not kept). */
    public record Read(String text, String label, String words, String check, String note, boolean taken, String change, String remove) {}

    private final List<Recognised.Line> recognised;

    /** @param recognised what was read from a text pasted with this request (empty without one) */
    public SessionView(KnowledgeBase kb, Assessment assessment, Links links, String changing, String baseUrl,
                       List<Recognised.Line> recognised) {
        this.recognised = List.copyOf(recognised);
        this.kb = kb;
        this.assessment = assessment;
        this.links = links;
        this.changing = changing;
        this.baseUrl = baseUrl;
    }

    /** What the paste of this request was read as, in the order found. */
    public List<Read> recognised() {
        return recognised.stream().map(l -> new Read(l.questionText(), l.label(), l.text(), l.check(), l.note(), l.taken(),
                links.triage(with(SessionLink.ASK, l.question())),
                answers().containsKey(l.question()) && l.taken() ? links.triage(without(l.question())) : null)).toList();
    }

    public Map<String, String> answers() {
        return assessment.answers();
    }

    /** What every link of the page carries: the answers, and the host when one was given. */
    private Map<String, String> session() {
        return assessment.session();
    }

    /** The host's name or address filled into the commands, or null. */
    public String host() {
        return assessment.host();
    }

    public List<Given> given() {
        if (given == null) {
            given = givenRows();
        }
        return given;
    }

    private List<Given> givenRows() {
        List<Given> rows = new ArrayList<>();
        answers().forEach((q, v) -> {
            Question question = kb.question(q);
            rows.add(new Given(q, question.text().strip(), question.label(v),
                    links.triage(with(SessionLink.ASK, q)), links.triage(without(q))));
        });
        return rows;
    }

    /** How sure the ranking is, in words (see {@link Certainty}). */
    public String certainty() {
        return Certainty.headline(assessment);
    }

    /** The leading outcome for a page title: a cause's title, or "None of the known causes". */
    public String subject() {
        return Certainty.subject(assessment);
    }

    /** The leading outcome's probability, rounded as everywhere. */
    public String leadingPercent() {
        return Percent.of(Certainty.leading(assessment));
    }

    /** The question on screen: the one being changed, else the engine's next question, else null. */
    public Ask question() {
        if (changing != null) {
            return Ask.of(kb.question(changing), "You are changing your answer; the others are kept.");
        }
        return assessment.nextQuestion();
    }

    /** Who runs the question's command and in which shell, e.g. "admin, PowerShell". */
    public String commandContext() {
        Ask q = question();
        return new Step(q.who(), q.shell(), false, null, null).context();
    }

    public boolean changing() {
        return changing != null;
    }

    public String planReady() {
        return assessment.planReady();
    }

    public String stopReason() {
        return assessment.stopReason();
    }

    /** The number of the question on screen: one more than the answers given. */
    public int number() {
        return answers().size() + 1;
    }

    /**
     * A question whose options come from a table of numeric codes (dozens of them): it gets a field
     * to type the code as shown, and the full table folded away.
     */
    public boolean codeQuestion() {
        Ask q = question();
        return q != null && kb.question(q.id()).optionsFrom() != null
                && q.options().stream().anyMatch(o -> o.value().startsWith("0x"));
    }

    /** Every option of the question on screen; the first nine get number keys. */
    public List<Choice> choices() {
        if (choices == null) {
            choices = choiceRows();
        }
        return choices;
    }

    private List<Choice> choiceRows() {
        Ask q = question();
        if (q == null) {
            return List.of();
        }
        List<Choice> out = new ArrayList<>();
        String current = answers().get(q.id());
        List<String> given = current == null ? List.of() : Question.values(current);
        String base = links.triage(session());
        for (Option o : q.options()) {
            out.add(new Choice(o.value(), o.label(), answering(base, q.id(), o.value()), given.contains(o.value()),
                    out.size() < 9 ? out.size() + 1 : 0));
        }
        return out;
    }

    /** The question on screen takes several answers: its options are checkboxes of one form. */
    public boolean multiple() {
        Ask q = question();
        return q != null && q.multiple();
    }

    /** For a multiple question: the answers that can be ticked together (all but "I don't know"). */
    public List<Choice> tickable() {
        return choices().stream().filter(c -> !Option.DONT_KNOW.equals(c.value())).toList();
    }

    /** For a multiple question: the answers that stand alone, as links ("I don't know"). */
    public List<Choice> alone() {
        return choices().stream().filter(c -> Option.DONT_KNOW.equals(c.value())).toList();
    }

    /** The session with this answer: appended to the address (cheap), or replaced in place when changing. */
    private String answering(String base, String question, String value) {
        if (!answers().containsKey(question)) {
            return base + (session().isEmpty() ? "?" : "&") + SessionLink.pair(question, value);
        }
        Map<String, String> next = new LinkedHashMap<>(session());
        next.put(question, value);
        return links.triage(next);
    }

    /** For a code question: the options that are not in its code table (no code, another code, don't know). */
    public List<Choice> plainChoices() {
        return choices().stream().filter(c -> !inTable(c.value())).toList();
    }

    /** For a code question: the codes or messages of its table. */
    public List<Choice> codeChoices() {
        return choices().stream().filter(c -> inTable(c.value())).toList();
    }

    private boolean inTable(String value) {
        return kb.family(question().id(), value).isPresent();
    }

    /**
     * Unanswered questions asked in the same step as the code question on screen, with a field of
     * their own in its form (the extended code beside the code).
     */
    public List<Question> partners() {
        Ask q = question();
        if (q == null || !codeQuestion()) {
            return List.of();
        }
        return kb.askedWith(q.id()).stream().filter(p -> !answers().containsKey(p.id())).toList();
    }

    /** The other answers, carried as hidden fields by the form of a code or multiple question. */
    public Map<String, String> hidden() {
        Ask q = question();
        return q == null ? session() : without(q.id());
    }

    public List<Row> causes() {
        if (rows == null) {
            rows = causeRows();
        }
        return rows;
    }

    /** The leading causes, for the ranking beside a question. */
    public List<Row> leading() {
        return causes().subList(0, Math.min(LEADING, causes().size()));
    }

    /** The causes the result page shows first, with their reasons. */
    public List<Row> top() {
        return causes().subList(0, Math.min(TOP, causes().size()));
    }

    /** The other causes, folded away on the result page. */
    public List<Row> others() {
        return causes().subList(Math.min(TOP, causes().size()), causes().size());
    }

    private List<Row> causeRows() {
        List<Row> rows = new ArrayList<>();
        for (RankedCause c : assessment.causes()) {
            int n = c.reasons().size();
            rows.add(new Row(c.id(), c.title(), Percent.of(c.probability()), Math.round(c.probability() * 1000) / 10.0,
                    c.evidenceLevel(), "level level-" + kb.cause(c.id()).evidence().level(),
                    c.reasons().stream().map(Why::of).toList(), n == 1 ? "1 reason" : n + " reasons", article(c.id())));
        }
        return rows;
    }

    /** A cause's article, carrying the session so that the article links back to it. */
    public String article(String causeId) {
        return links.cause(causeId, session());
    }

    public String unlisted() {
        return Percent.of(assessment.unlisted());
    }

    public List<PlanItem> plan() {
        return assessment.plan();
    }

    /** The plan steps the result page shows in full. */
    public List<PlanItem> planFirst() {
        return plan().subList(0, Math.min(STEPS_IN_FULL, plan().size()));
    }

    /** The plan steps the result page lists by title only. */
    public List<PlanItem> planRest() {
        return plan().subList(Math.min(STEPS_IN_FULL, plan().size()), plan().size());
    }

    /**
     * Where step {@code n} of the plan stands in full: on this page when it shows the whole plan or
     * the step is among the first, else in the whole plan.
     */
    public String stepLink(int n, boolean whole) {
        return (whole || n <= STEPS_IN_FULL ? "" : wholePlan()) + "#step-" + n;
    }

    /**
     * Printed lines the checklist may fill: two A4 pages at its print size (8.4 pt, 10 mm margins:
     * about 78 lines a page), less a margin for the estimate below being rough.
     */
    static final int CHECKLIST_LINES = 120;
    private static final int PROSE_PER_LINE = 120;
    private static final int CODE_PER_LINE = 105;

    /**
     * The plan steps the printed checklist shows in full: as many, in order, as fit two printed
     * pages beside its head (the answers, the top causes) and the titles of the others; at least one.
     */
    public List<PlanItem> checklistFull() {
        return plan().subList(0, checklistSteps());
    }

    /** The plan steps the printed checklist lists by title only. */
    public List<PlanItem> checklistRest() {
        return plan().subList(checklistSteps(), plan().size());
    }

    private Integer checklistSteps;

    /** How many steps the checklist shows in full, worked out once per page (the template asks five times). */
    private int checklistSteps() {
        if (checklistSteps == null) {
            checklistSteps = stepsFittingTwoPages();
        }
        return checklistSteps;
    }

    private int stepsFittingTwoPages() {
        List<PlanItem> plan = plan();
        int answers = given().stream().mapToInt(g -> (g.text().length() + g.label().length() + 54) / 55).sum();
        int head = 9 + prose(shareable().length()) + (answers + 1) / 2 + prose(certainty().length())
                + top().stream().mapToInt(c -> prose(c.title().length() + c.level().length() + 10)).sum();
        int used = head;
        int n = 0;
        while (n < plan.size()) {
            int rest = plan.size() - n - 1;
            int restLines = rest == 0 ? 0 : 3 + rest;   // two columns, but a title often takes two lines
            int lines = printedLines(plan.get(n));
            if (n > 0 && used + lines + restLines > CHECKLIST_LINES) {
                break;
            }
            used += lines;
            n++;
        }
        return n;
    }

    /** About how many printed lines a step takes on the checklist: title, steps, risk, rollback, verify. */
    static int printedLines(PlanItem p) {
        int lines = prose(p.title().length() + p.causeTitle().length() + 20);   // the title line with its kind and cause
        lines += steps(p.steps());
        if (p.riskNote() != null) {
            lines += prose(p.riskNote().length() + 6);
        }
        if (!p.rollback().isEmpty()) {
            lines += 1 + steps(p.rollback());
        }
        lines += p.verify().isEmpty() ? (p.verifiesElsewhere() ? 1 : 0) : 1 + steps(p.verify());
        return lines;
    }

    private static int steps(List<Step> steps) {
        int lines = 0;
        for (Step s : steps) {
            lines += s.text() == null ? 1 : prose(s.text().strip().length());
            if (s.command() != null) {
                for (String line : s.command().strip().split("\n")) {
                    lines += Math.max(1, (line.length() + CODE_PER_LINE - 1) / CODE_PER_LINE);
                }
            }
        }
        return lines;
    }

    private static int prose(int chars) {
        return Math.max(1, (chars + PROSE_PER_LINE - 1) / PROSE_PER_LINE);
    }

    public String wholePlan() {
        return links.plan(session());
    }

    /** The full Markdown note, as plain text at its own address. */
    public String markdownNote() {
        return links.note(session());
    }

    /** The plan step's label: check, fix with its risk, or a temporary workaround that lowers security. */
    public String kind(PlanItem p) {
        return TextReport.label(p);
    }

    public String percent(double p) {
        return Percent.of(p);
    }

    public String triage() {
        return links.triage(session());
    }

    public String result() {
        return links.result(session());
    }

    public String checklist() {
        return links.checklist(session());
    }

    public String restart() {
        return links.triage(Map.of());
    }

    /** The fields a form that sets the host carries: every answer (the host is the form's own field). */
    public Map<String, String> answerFields() {
        return answers();
    }

    /** The absolute session address, to paste into a ticket or a chat. */
    public String shareable() {
        return SessionLink.of(baseUrl, session());
    }

    /** The same note as {@code triage --format note}: plain text, at most 4,000 characters. */
    public String shortNote() {
        return new NoteReport(kb, baseUrl).render(assessment, rdptriage.inference.Reading.NONE);
    }

    /** The same note as {@code triage --format markdown}. */
    public String ticketNote() {
        return new MarkdownReport(kb, baseUrl).render(assessment);
    }

    private Map<String, String> with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(session());
        m.put(key, value);
        return m;
    }

    private Map<String, String> without(String question) {
        Map<String, String> m = new LinkedHashMap<>(session());
        m.remove(question);
        return m;
    }
}
