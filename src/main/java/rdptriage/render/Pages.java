package rdptriage.render;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The one HTML renderer of the web Q&A and the static site: templates/ (shipped in the jar) with a model. */
public final class Pages {

    private final TemplateEngine engine = new TemplateEngine();

    public Pages() {
        this(true);
    }

    /** {@code quick}: the commonest expressions evaluated directly ({@link QuickExpressions}); false: every expression through OGNL, for tests. */
    Pages(boolean quick) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        if (quick) {
            StandardDialect dialect = new StandardDialect();
            dialect.setVariableExpressionEvaluator(new QuickExpressions(new OGNLVariableExpressionEvaluator(true)));
            engine.setDialect(dialect);
        }
    }

    /** Renders templates/{template}.html; thread-safe. */
    public String render(String template, Map<String, Object> model) {
        return compact(engine.process(template, new Context(Locale.ROOT, model)));
    }

    /**
     * The page without the templates' indentation and blank lines (a tenth of a result page):
     * every run of line breaks and blanks after a line break becomes one line break, which HTML
     * reads as the same space, except inside pre and textarea, whose text is kept as it is. Text
     * from the knowledge or the user is escaped by then, so a raw "<pre" is always a tag.
     */
    static String compact(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && (html.startsWith("<pre", i) || html.startsWith("<textarea", i))) {
                String end = html.startsWith("<pre", i) ? "</pre>" : "</textarea>";
                int stop = html.indexOf(end, i);
                stop = stop < 0 ? n : stop + end.length();
                out.append(html, i, stop);
                i = stop;
            } else if (c == '\n') {
                out.append('\n');
                i++;
                while (i < n && (html.charAt(i) == ' ' || html.charAt(i) == '\t' || html.charAt(i) == '\n' || html.charAt(i) == '\r')) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Renders one fragment without parameters of a template, e.g. a piece added to a page rendered once; thread-safe. */
    public String fragment(String template, String fragment, Map<String, Object> model) {
        return engine.process(template, Set.of(fragment), new Context(Locale.ROOT, model));
    }
}
