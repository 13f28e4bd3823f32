package rdptriage.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;

/**
 * Evaluates the commonest expression of the templates, a variable followed by calls of methods
 * without arguments ({@code ${view.question().text()}}), by calling those methods directly, and hands
 * every other expression to OGNL. OGNL gives the same values but spends most of a question page's
 * time finding out, for each link of such a chain on every evaluation, whether it is an indexed
 * property. Whenever the direct way would not do exactly what OGNL does (a null in the chain, a
 * method that is not a public one of a public class, a method that throws, restricted variable
 * access, a selection), OGNL evaluates the expression.
 */
final class MethodChains implements IStandardVariableExpressionEvaluator {

    private static final Pattern CHAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*\\(\\))+");
    /** A chain: the variable and the methods called one after the other; NONE for another expression. */
    private record Chain(String variable, String[] methods) {}

    private static final Chain NONE = new Chain(null, null);
    private static final Method UNUSABLE;

    static {
        try {
            UNUSABLE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IStandardVariableExpressionEvaluator ognl;
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();
    /** Per class and method name, the method to call, or UNUSABLE when OGNL must do it. */
    private final Map<Class<?>, Map<String, Method>> methods = new ConcurrentHashMap<>();

    MethodChains(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        String exp = expression.getExpression();
        if (exp == null || expression.getUseSelectionAsRoot() || expContext.getRestrictVariableAccess()
                || !(context instanceof ITemplateContext)) {
            return ognl.evaluate(context, expression, expContext);
        }
        Chain chain = chains.computeIfAbsent(exp, MethodChains::parse);
        if (chain == NONE) {
            return ognl.evaluate(context, expression, expContext);
        }
        Object target = context.getVariable(chain.variable());
        for (String name : chain.methods()) {
            Method m = target == null ? UNUSABLE : method(target.getClass(), name);
            if (m == UNUSABLE) {
                return ognl.evaluate(context, expression, expContext);
            }
            try {
                target = m.invoke(target);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return ognl.evaluate(context, expression, expContext);
            }
        }
        if (!expContext.getPerformTypeConversion()) {
            return target;
        }
        return StandardExpressions.getConversionService(context.getConfiguration()).convert(context, target, String.class);
    }

    private static Chain parse(String exp) {
        String e = exp.strip();
        if (!CHAIN.matcher(e).matches()) {
            return NONE;
        }
        String[] parts = e.split("\\.");
        String[] methods = new String[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            methods[i - 1] = parts[i].substring(0, parts[i].length() - 2);
        }
        return new Chain(parts[0], methods);
    }

    /**
     * The method OGNL would call: the public one of that name without parameters, of a public class
     * or interface of this program, of the collections or of String; UNUSABLE when in doubt.
     */
    private Method method(Class<?> type, String name) {
        return methods.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> {
            Method m = visible(type, n);
            if (m == null || Modifier.isStatic(m.getModifiers()) || !allowed(m.getDeclaringClass())) {
                return UNUSABLE;
            }
            return m;
        });
    }

    /** The method of that name without parameters as declared by {@code type} when it is public, else by a public supertype. */
    private static Method visible(Class<?> type, String name) {
        if (type == null) {
            return null;
        }
        if (accessible(type)) {
            try {
                Method m = type.getMethod(name);
                if (accessible(m.getDeclaringClass())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            Method m = visible(i, name);
            if (m != null) {
                return m;
            }
        }
        return visible(type.getSuperclass(), name);
    }

    private static boolean accessible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(Class<?> type) {
        String n = type.getName();
        return n.startsWith("rdptriage.") || n.startsWith("java.util.") && !n.startsWith("java.util.concurrent.")
                || n.equals("java.lang.String");
    }
}
