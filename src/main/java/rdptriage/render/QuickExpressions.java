package rdptriage.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.util.StandardExpressionUtils;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Evaluates the expressions the templates use most, a variable followed by calls of methods
 * without arguments or by getters ({@code ${view.question().text()}}, {@code ${h.key}}), and such
 * chains joined by {@code !}, {@code and}, {@code or}, {@code ? :}, {@code + 'text'}, {@code < n},
 * {@code > n} and {@code == null}, by calling the methods directly; every other expression goes to
 * OGNL. OGNL gives the same values but spent about half of a question page's time on them, mostly
 * asking for each link of a chain, on every evaluation, whether it is an indexed property.
 *
 * <p>Each operator is evaluated as OGNL evaluates it, and only for the types where that is plain
 * (a Boolean for {@code !}, {@code and}, {@code or} and {@code ?}; integers for {@code <} and
 * {@code >}; a text on one side of {@code +}); whenever a value is of another type, a link of a
 * chain is null, a method is one OGNL might not call (not public, not allowed by Thymeleaf's rules
 * for expressions) or throws, OGNL evaluates the whole expression instead.
 */
final class QuickExpressions implements IStandardVariableExpressionEvaluator {

    /** An expression parsed; evaluates it or throws {@link #OGNL} when OGNL must. */
    private interface Node {
        Object eval(IExpressionContext context, boolean restricted);
    }

    /** Thrown when OGNL must evaluate the expression; no stack trace, it is control flow. */
    private static final RuntimeException OGNL = new RuntimeException("left to OGNL", null, false, false) {};

    /** The marker of an expression this class does not parse. */
    private static final Node NONE = (c, r) -> {
        throw OGNL;
    };

    private final IStandardVariableExpressionEvaluator ognl;
    private final Map<String, Node> parsed = new ConcurrentHashMap<>();
    /** Per class and member ("name()" for a method call, "name" for a getter), the method to call, or NO_METHOD. */
    private final Map<Class<?>, Map<String, Method>> methods = new ConcurrentHashMap<>();

    private static final Method NO_METHOD;

    static {
        try {
            NO_METHOD = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    QuickExpressions(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        String exp = expression.getExpression();
        if (exp == null || expression.getUseSelectionAsRoot() || !(context instanceof ITemplateContext)
                || expContext.getRestrictInstantiationAndStatic() && StandardExpressionUtils.containsOGNLInstantiationOrStaticOrParam(exp)) {
            // (in such a restricted place, as in th:href, OGNL refuses the expression)
            return ognl.evaluate(context, expression, expContext);
        }
        Node node = parsed.computeIfAbsent(exp, this::parse);
        Object value;
        try {
            value = node.eval(context, expContext.getRestrictVariableAccess());
        } catch (RuntimeException e) {
            // OGNL evaluates it again, and fails the same way if it fails
            return ognl.evaluate(context, expression, expContext);
        }
        if (!expContext.getPerformTypeConversion()) {
            return value;
        }
        return StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value, String.class);
    }

    // --- parsing -------------------------------------------------------------------------------

    private Node parse(String exp) {
        try {
            Parser p = new Parser(tokens(exp));
            Node n = p.conditional();
            return p.done() ? n : NONE;
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    private static List<String> tokens(String exp) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < exp.length()) {
            char c = exp.charAt(i);
            if (c == ' ') {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < exp.length() && (Character.isLetterOrDigit(exp.charAt(j)) || exp.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(exp.substring(i, j));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < exp.length() && Character.isDigit(exp.charAt(j))) {
                    j++;
                }
                if (j < exp.length() && (Character.isLetter(exp.charAt(j)) || exp.charAt(j) == '.') || j - i > 9) {
                    throw OGNL; // 1L, 1.5, 1e3, a long: OGNL's numbers
                }
                tokens.add(exp.substring(i, j));
                i = j;
            } else if (c == '\'') {
                int j = exp.indexOf('\'', i + 1);
                if (j < 0 || exp.substring(i + 1, j).indexOf('\\') >= 0 || j - i <= 2) {
                    throw OGNL; // escapes, '' and 'x' (a character to OGNL): OGNL's
                }
                tokens.add(exp.substring(i, j + 1));
                i = j + 1;
            } else if (exp.startsWith("==", i) || exp.startsWith("!=", i) || exp.startsWith("&&", i) || exp.startsWith("||", i)) {
                tokens.add(exp.substring(i, i + 2));
                i += 2;
            } else if ("!?:+<>.()".indexOf(c) >= 0) {
                if ((c == '<' || c == '>') && i + 1 < exp.length() && exp.charAt(i + 1) == '=') {
                    throw OGNL;
                }
                tokens.add(String.valueOf(c));
                i++;
            } else {
                throw OGNL;
            }
        }
        return tokens;
    }

    /** Recursive descent in OGNL's precedence: ? :, or, and, == !=, < >, +, !, then literals and chains. */
    private final class Parser {
        private final List<String> tokens;
        private int at;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return at == tokens.size();
        }

        private String peek() {
            return at < tokens.size() ? tokens.get(at) : "";
        }

        private boolean take(String... any) {
            for (String t : any) {
                if (peek().equals(t)) {
                    at++;
                    return true;
                }
            }
            return false;
        }

        Node conditional() {
            Node test = or();
            if (!take("?")) {
                return test;
            }
            Node yes = conditional();
            if (!take(":")) {
                throw OGNL;
            }
            Node no = conditional();
            return (c, r) -> bool(test.eval(c, r)) ? yes.eval(c, r) : no.eval(c, r);
        }

        private Node or() {
            return logical(this::and, true, "or", "||");
        }

        private Node and() {
            return logical(this::equality, false, "and", "&&");
        }

        /**
         * OGNL's or and and: the first operand whose truth decides ({@code decides}: true for or)
         * is the value, else the last operand's value.
         */
        private Node logical(java.util.function.Supplier<Node> operand, boolean decides, String... operators) {
            Node left = operand.get();
            while (take(operators)) {
                Node a = left;
                Node b = operand.get();
                left = (c, r) -> {
                    Object v = a.eval(c, r);
                    return bool(v) == decides ? v : b.eval(c, r);
                };
            }
            return left;
        }

        private Node equality() {
            return comparison(this::relation, "==", "!=", (left, right, eq) -> {
                if (right != NULL && left != NULL) {
                    throw OGNL; // only comparisons with null are plain
                }
                Node other = right == NULL ? left : right;
                return (c, r) -> (other.eval(c, r) == null) == eq;
            });
        }

        private Node relation() {
            return comparison(this::sum, ">", "<", (left, right, greater) -> (c, r) -> {
                int a = integer(left.eval(c, r));
                int b = integer(right.eval(c, r));
                return greater ? a > b : a < b;
            });
        }

        /** An operand, or two joined by {@code first} or {@code second} (told apart by the flag). */
        private Node comparison(java.util.function.Supplier<Node> operand, String first, String second, Compare compare) {
            Node left = operand.get();
            boolean isFirst = peek().equals(first);
            if (!take(first, second)) {
                return left;
            }
            return compare.of(left, operand.get(), isFirst);
        }

        private Node sum() {
            Node left = unary();
            while (take("+")) {
                Node a = left;
                Node b = unary();
                left = (c, r) -> {
                    Object x = a.eval(c, r);
                    Object y = b.eval(c, r);
                    if (!(x instanceof String && (y instanceof String || y instanceof Integer)
                            || y instanceof String && x instanceof Integer)) {
                        throw OGNL; // numbers add, null throws: OGNL's way
                    }
                    return x.toString() + y;
                };
            }
            return left;
        }

        private Node unary() {
            if (take("!")) {
                Node n = unary();
                return (c, r) -> !bool(n.eval(c, r));
            }
            return primary();
        }

        private Node primary() {
            String t = peek();
            if (t.isEmpty()) {
                throw OGNL;
            }
            at++;
            if (t.startsWith("'")) {
                String text = t.substring(1, t.length() - 1);
                return (c, r) -> text;
            }
            if (Character.isDigit(t.charAt(0))) {
                Integer n = Integer.valueOf(t);
                return (c, r) -> n;
            }
            switch (t) {
                case "null":
                    return NULL;
                case "true":
                    return (c, r) -> Boolean.TRUE;
                case "false":
                    return (c, r) -> Boolean.FALSE;
                case "(":
                    Node inner = conditional();
                    if (!take(")")) {
                        throw OGNL;
                    }
                    return inner;
                default:
                    break;
            }
            if (!Character.isLetter(t.charAt(0)) || KEYWORDS.contains(t)) {
                throw OGNL;
            }
            List<String> links = new ArrayList<>();
            while (take(".")) {
                String name = peek();
                if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || KEYWORDS.contains(name)) {
                    throw OGNL;
                }
                at++;
                if (take("(")) {
                    if (!take(")")) {
                        throw OGNL; // arguments: OGNL
                    }
                    links.add(name + "()");
                } else {
                    links.add(name);
                }
            }
            return new Chain(t, links.toArray(new String[0]));
        }
    }

    private interface Compare {
        Node of(Node left, Node right, boolean first);
    }

    private static final List<String> KEYWORDS = List.of("and", "or", "not", "null", "true", "false", "new", "instanceof",
            "in", "eq", "ne", "lt", "gt", "le", "ge", "bor", "band", "xor", "shl", "shr", "ushr");

    private static final Node NULL = (c, r) -> null;

    /** OGNL's truth of a Boolean; anything else goes to OGNL. */
    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw OGNL;
    }

    private static int integer(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        throw OGNL;
    }

    // --- chains --------------------------------------------------------------------------------

    /** A variable and the methods called or getters read one after the other. */
    private final class Chain implements Node {
        private final String variable;
        private final String[] links;

        Chain(String variable, String[] links) {
            this.variable = variable;
            this.links = links;
        }

        @Override
        public Object eval(IExpressionContext context, boolean restricted) {
            if (restricted && variable.equals("param")) {
                throw OGNL;
            }
            Object target = context.getVariable(variable);
            for (String link : links) {
                if (target == null) {
                    throw OGNL;
                }
                Method m = method(target, link);
                if (m == NO_METHOD) {
                    throw OGNL;
                }
                try {
                    target = m.invoke(target);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw OGNL;
                }
            }
            return target;
        }
    }

    /**
     * The method OGNL would call for this link on this target: for "name()", the public method of
     * that name without parameters; for "name", its getter getName() or isName() on anything but a
     * map, collection, iterator, enumeration, array or class (which OGNL reads its own ways). The
     * method must be declared by a public class or interface and be one Thymeleaf lets expressions
     * call; NO_METHOD otherwise.
     */
    private Method method(Object target, String link) {
        Class<?> type = target.getClass();
        return methods.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(link, l -> {
            boolean call = l.endsWith("()");
            String name = call ? l.substring(0, l.length() - 2) : l;
            if (target instanceof Class || !call && (target instanceof Map || target instanceof Iterable
                    || target instanceof Iterator || target instanceof java.util.Enumeration || type.isArray())) {
                return NO_METHOD;
            }
            Method m;
            if (call) {
                m = visible(type, name);
            } else {
                String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                Method get = visible(type, "get" + cap);
                Method is = visible(type, "is" + cap);
                if (is != null && is.getReturnType() != boolean.class && is.getReturnType() != Boolean.class) {
                    is = null;
                }
                if (get != null && is != null) {
                    return NO_METHOD;
                }
                m = get != null ? get : is;
            }
            if (m == null || Modifier.isStatic(m.getModifiers()) || !ExpressionUtils.isMemberAllowed(target, m.getName())) {
                return NO_METHOD;
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
}
