package rdptriage.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rdptriage.inference.AnswerEffects;
import rdptriage.inference.Percent;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.CodeTable;
import rdptriage.knowledge.Fix;
import rdptriage.knowledge.Step;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Source;

/** One cause as a full article: the Markdown body as HTML, checks, fixes, verify steps and sources. */
public final class ArticleView {

    /** Another cause this one is often confused with, and the questions that tell the two apart. */
    public record Related(String id, String title, String href, List<Telling> telling) {}

    /** A question whose answer {@code here} points to this cause and {@code there} to the other one. */
    public record Telling(String question, String href, String here, String there) {}

    /** A code or message of the error that points to this cause, with its probability after it alone. */
    public record Pointer(String what, String value, String label, String percent) {}

    /** How many questions that tell two causes apart an article shows. */
    static final int TELLING = 3;

    private final KnowledgeBase kb;
    private final Cause cause;
    private final Links links;
    private final AnswerEffects effects;
    private final String html;

    public ArticleView(KnowledgeBase kb, AnswerEffects effects, Cause cause, Links links, Markdown markdown) {
        this.kb = kb;
        this.effects = effects;
        this.cause = cause;
        this.links = links;
        this.html = markdown.html(cause.article(), kb.sourceKeys());
    }

    public Cause cause() {
        return cause;
    }

    public String body() {
        return html;
    }

    public String prior() {
        return Percent.of(cause.prior());
    }

    public List<Related> confusedWith() {
        return cause.confusedWith().stream()
                .map(id -> new Related(id, kb.cause(id).title(), links.cause(id), telling(id)))
                .toList();
    }

    private List<Telling> telling(String other) {
        return effects.separating(cause.id(), other, TELLING).stream()
                .map(s -> new Telling(s.question().text(), links.question(s.question().id()), s.first().label(), s.second().label()))
                .toList();
    }

    /** The codes and messages of the error that point to this cause. */
    public List<Pointer> pointers() {
        return effects.pointingTo(cause.id()).stream()
                .map(p -> new Pointer(what(p.question().optionsFrom()), p.option().value(), p.option().label(), Percent.of(p.probability())))
                .toList();
    }

    private String what(String table) {
        return kb.findTable(table).map(CodeTable::title).orElse(table);
    }

    /** Every source cited by the cause, its checks and fixes, or in its article, in the order of the knowledge. */
    public List<Source> sources() {
        Set<String> cited = new HashSet<>(cause.sources());
        cause.confirm().forEach(k -> cited.addAll(k.sources()));
        cause.fixes().forEach(f -> cited.addAll(f.sources()));
        return kb.sources().stream()
                .filter(s -> cited.contains(s.key()) || cause.article().contains("[" + s.key() + "]"))
                .toList();
    }

    /** A fix's kind in the words of the fix plan. */
    public String kind(Fix fix) {
        return TextReport.label(fix.lowersSecurity() ? "workaround" : "fix", fix.risk());
    }

    /** A check's single step as a list, for the shared steps fragment. */
    public List<Step> steps(Check check) {
        return List.of(check.step());
    }

    public String anchor(String key) {
        return Markdown.anchor(key);
    }
}
