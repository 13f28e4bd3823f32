package rdptriage.render;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Knowledge articles from Markdown to HTML. Raw HTML in the Markdown is escaped, not passed on, and
 * link targets are sanitised, so an extra knowledge folder cannot put script into a page. A source
 * key in brackets, such as [S10], becomes a link to that source in the page's list of sources.
 */
public final class Markdown {

    // not before "(" or ":" (a Markdown link or link definition); before "[" it is the next key of a run like [S8][S10]
    private static final Pattern SOURCE_KEY = Pattern.compile("\\[([A-Za-z0-9][A-Za-z0-9_.-]*)\\](?![(:])");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown, Set<String> sourceKeys) {
        return renderer.render(parser.parse(linkSources(markdown, sourceKeys)));
    }

    private static String linkSources(String markdown, Set<String> keys) {
        Matcher m = SOURCE_KEY.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    keys.contains(key) ? "[\\[" + key + "\\]](#" + anchor(key) + ")" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The anchor of a source in a page's list of sources. */
    public static String anchor(String key) {
        return "source-" + key;
    }
}
