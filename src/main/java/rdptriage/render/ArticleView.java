package rdptriage.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import rdptriage.inference.Percent;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.Check;
import rdptriage.knowledge.Fix;
import rdptriage.knowledge.Step;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Source;

/** One cause as a full article: the Markdown body as HTML, checks, fixes, verify steps and sources. */
public final class ArticleView {

    /** Another cause this one is often confused with. */
    public record Related(String id, String title, String href) {}

    private final KnowledgeBase kb;
    private final Cause cause;
    private final Links links;
    private final String html;

    public ArticleView(KnowledgeBase kb, Cause cause, Links links, Markdown markdown) {
        this.kb = kb;
        this.cause = cause;
        this.links = links;
        Set<String> keys = kb.sources().stream().map(Source::key).collect(Collectors.toSet());
        this.html = markdown.html(cause.article(), keys);
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
                .map(id -> new Related(id, kb.cause(id).title(), links.cause(id)))
                .toList();
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
