package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void compactDropsIndentationAndBlankLinesButKeepsPreAndTextareaAsTheyAre() {
        String html = "<ul>\n    <li>a</li>\n\n\t  <li>b</li>\n</ul>\n  <pre>  one\n    two\n</pre>\n   <p>x\n  y</p>"
                + "<textarea>\n  kept\n\n</textarea>\n  end";
        assertEquals("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>  one\n    two\n</pre>\n<p>x\ny</p>"
                + "<textarea>\n  kept\n\n</textarea>\nend", Pages.compact(html));
    }

    @Test
    void compactKeepsAnUnclosedPreToTheEnd() {
        assertEquals("<p>a\n<pre>\n  b\n  c", Pages.compact("<p>a\n   <pre>\n  b\n  c"));
        assertEquals("", Pages.compact(""));
        assertEquals("no line break", Pages.compact("no line break"));
    }

    @Test
    void renderedPagesCarryNoTemplateIndentationOutsidePre() {
        String page = new Pages().render("error", Map.of(
                "links", Links.web(), "brand", Links.web().start(), "text", Prose.INSTANCE,
                "heading", "Not found", "message", "No page here", "description", "d"));
        assertTrue(page.contains("No page here"), page);
        String outsidePre = page.replaceAll("(?s)<pre.*?</pre>|<textarea.*?</textarea>", "");
        assertFalse(Pattern.compile("\n[ \t]").matcher(outsidePre).find(), "a line starts with indentation:\n" + page);
    }
}
