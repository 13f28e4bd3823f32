package rdptriage.render;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The one HTML renderer of the web Q&A and the static site: templates/ (shipped in the jar) with a model. */
public final class Pages {

    private final TemplateEngine engine = new TemplateEngine();

    public Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** Renders templates/{template}.html; thread-safe. */
    public String render(String template, Map<String, Object> model) {
        return engine.process(template, new Context(Locale.ROOT, model));
    }

    /** Renders one fragment without parameters of a template, e.g. a piece added to a page rendered once; thread-safe. */
    public String fragment(String template, String fragment, Map<String, Object> model) {
        return engine.process(template, Set.of(fragment), new Context(Locale.ROOT, model));
    }
}
