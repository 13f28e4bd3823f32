package rdptriage.render;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/** The one HTML renderer of the web Q&A and the static site: templates/ (shipped in the jar) with a model. */
public final class Pages {

    private final TemplateEngine engine = new TemplateEngine();

    public Pages() {
        this(true);
    }

    /** {@code quick}: the commonest expressions evaluated directly ({@link QuickExpressions}); false: every expression through OGNL, for tests. */
    Pages(boolean quick) {
        ClassLoaderTemplateResolver resolver = new CompactResolver();
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
        return engine.process(template, new Context(Locale.ROOT, model));
    }

    /**
     * A template without its indentation and blank lines (a tenth of a result page): every run of
     * line breaks and blanks after a line break becomes one line break, which HTML reads as the same
     * space, except inside pre and textarea, whose text is kept as it is. Done once, when a template
     * is loaded, so that no page pays for it (on each rendered page it cost as much as the rest of
     * the rendering).
     */
    static String compact(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        int verbatim = verbatimFrom(html, 0);
        while (i < n) {
            int line = html.indexOf('\n', i);
            line = line < 0 ? n : line;
            if (verbatim < line) {
                String end = html.startsWith("<pre", verbatim) ? "</pre>" : "</textarea>";
                int stop = html.indexOf(end, verbatim);
                stop = stop < 0 ? n : stop + end.length();
                out.append(html, i, stop);
                i = stop;
                verbatim = verbatimFrom(html, i);
                continue;
            }
            out.append(html, i, line);
            if (line == n) {
                break;
            }
            out.append('\n');
            i = line + 1;
            while (i < n && (html.charAt(i) == ' ' || html.charAt(i) == '\t' || html.charAt(i) == '\n' || html.charAt(i) == '\r')) {
                i++;
            }
        }
        return out.toString();
    }

    /** Where the next pre or textarea element starts, at or after {@code from}; the length if none does. */
    private static int verbatimFrom(String html, int from) {
        int pre = html.indexOf("<pre", from);
        int area = html.indexOf("<textarea", from);
        int n = html.length();
        return Math.min(pre < 0 ? n : pre, area < 0 ? n : area);
    }

    /** Templates from templates/ in the jar, each read through {@link #compact} when it is loaded. */
    private static final class CompactResolver extends ClassLoaderTemplateResolver {

        CompactResolver() {
            super(Pages.class.getClassLoader());
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                String template, String resourceName, String characterEncoding, Map<String, Object> attributes) {
            return new Compacted(super.computeTemplateResource(configuration, ownerTemplate, template, resourceName,
                    characterEncoding, attributes));
        }
    }

    /** A template resource whose text is read compacted. */
    private record Compacted(ITemplateResource source) implements ITemplateResource {

        @Override
        public String getDescription() {
            return source.getDescription();
        }

        @Override
        public String getBaseName() {
            return source.getBaseName();
        }

        @Override
        public boolean exists() {
            return source.exists();
        }

        @Override
        public Reader reader() throws IOException {
            try (Reader in = source.reader()) {
                StringWriter text = new StringWriter();
                in.transferTo(text);
                return new StringReader(compact(text.toString()));
            }
        }

        @Override
        public ITemplateResource relative(String location) {
            return new Compacted(source.relative(location));
        }
    }

    /** Renders one fragment without parameters of a template, e.g. a piece added to a page rendered once; thread-safe. */
    public String fragment(String template, String fragment, Map<String, Object> model) {
        return engine.process(template, Set.of(fragment), new Context(Locale.ROOT, model));
    }
}
