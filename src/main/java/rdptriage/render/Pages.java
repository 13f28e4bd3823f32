package rdptriage.render;

import java.util.Locale;
import java.util.Map;
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
        return engine.process(template, new Context(Locale.ROOT, model));
    }
}
