package rdptriage.render;

import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Knowledge articles from Markdown to HTML. Raw HTML in the Markdown is escaped, not passed on, and
 * link targets are sanitised, so an extra knowledge folder cannot put script into a page. A source
 * key in brackets, such as [S10], becomes a link to that source in the page's list of sources. A section
 * can also be had as plain text, for the site's search index.
 */
public final class Markdown {

    // not before "(" or ":" (a Markdown link or link definition); before "[" it is the next key of a run like [S8][S10]
    private static final Pattern SOURCE_KEY = Pattern.compile("\\[([A-Za-z0-9][A-Za-z0-9_.-]*)\\](?![(:])");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown, Set<String> sourceKeys) {
        return renderer.render(parser.parse(
                replaceSources(markdown, sourceKeys, key -> "[\\[" + key + "\\]](#" + anchor(key) + ")")));
    }

    /**
     * The plain text of one "## heading" section (up to the next heading of the same level or above),
     * with source keys left out and white space collapsed; blank when there is no such section.
     */
    public String sectionText(String markdown, String heading, Set<String> sourceKeys) {
        PlainText text = new PlainText();
        boolean inside = false;
        for (Node n = parser.parse(replaceSources(markdown, sourceKeys, key -> "")).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() <= 2) {
                if (inside) {
                    break;
                }
                PlainText title = new PlainText();
                h.accept(title);
                inside = h.getLevel() == 2 && title.toString().equals(heading);
            } else if (inside) {
                n.accept(text);
            }
        }
        return text.toString();
    }

    private static String replaceSources(String markdown, Set<String> keys, Function<String, String> replacement) {
        Matcher m = SOURCE_KEY.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(keys.contains(key) ? replacement.apply(key) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The words of a Markdown tree without its markup: text, code and raw HTML as literal text, blocks apart. */
    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder out = new StringBuilder();

        @Override
        public void visit(Text t) {
            out.append(t.getLiteral());
        }

        @Override
        public void visit(Code c) {
            out.append(c.getLiteral());
        }

        @Override
        public void visit(HtmlInline h) {
            out.append(h.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak b) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak b) {
            out.append(' ');
        }

        @Override
        public void visit(Paragraph p) {
            visitChildren(p);
            out.append(' ');
        }

        @Override
        public void visit(FencedCodeBlock c) {
            out.append(c.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock c) {
            out.append(c.getLiteral()).append(' ');
        }

        @Override
        public void visit(HtmlBlock h) {
            out.append(h.getLiteral()).append(' ');
        }

        @Override
        public String toString() {
            return out.toString().strip().replaceAll("\\s+", " ");
        }
    }

    /** The anchor of a source in a page's list of sources. */
    public static String anchor(String key) {
        return "source-" + key;
    }
}
