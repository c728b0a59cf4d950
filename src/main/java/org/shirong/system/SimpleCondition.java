package org.shirong.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition simple enough for Shirong to evaluate itself: comparisons of variables with literals ({@code ==}, {@code !=},
 * {@code eq}, {@code ne}; FEEL's {@code =}), joined by and/or/not and parentheses. Read from a sequence flow's JUEL
 * condition ({@code ${claimDecision == 'claim'}}) or a Camunda Form field's FEEL {@code conditional.hide}
 * ({@code =claimDecision != "return"}); anything else (a method call, arithmetic, {@code <}) is not read at all.
 * Evaluated in three values as FEEL does: {@code null} when a comparison cannot be decided (text against a number).
 */
final class SimpleCondition {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(==|!=|=|&&|\\|\\||!|\\(|\\))|'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_]*))");

    private sealed interface Node permits Var, Literal, Not, And, Or, Compare {
    }

    private record Var(String name) implements Node {
    }

    private record Literal(Object value) implements Node {
    }

    private record Not(Node operand) implements Node {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private record Compare(Node left, Node right, boolean equal) implements Node {
    }

    private final Node root;

    private SimpleCondition(Node root) {
        this.root = root;
    }

    /** A sequence flow's condition, {@code ${…}} or {@code #{…}}; empty when it is not this simple. */
    static Optional<SimpleCondition> juel(String expression) {
        String text = expression == null ? "" : expression.strip();
        if (!(text.startsWith("${") || text.startsWith("#{")) || !text.endsWith("}")) {
            return Optional.empty();
        }
        return parse(text.substring(2, text.length() - 1), false);
    }

    /** A Camunda Form's FEEL expression, {@code =…}; empty when it is not this simple. */
    static Optional<SimpleCondition> feel(String expression) {
        String text = expression == null ? "" : expression.strip();
        return text.startsWith("=") ? parse(text.substring(1), true) : Optional.empty();
    }

    private static Optional<SimpleCondition> parse(String text, boolean feel) {
        List<Object> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                return text.substring(at).isBlank() ? done(tokens, feel) : Optional.empty();
            }
            at = m.end();
            if (m.group(1) != null) {
                String op = m.group(1);
                if (op.equals("=") && !feel || (op.equals("==") || op.equals("&&") || op.equals("||") || op.equals("!")) && feel) {
                    return Optional.empty();
                }
                tokens.add(op.equals("=") ? "==" : op);
            } else if (m.group(2) != null || m.group(3) != null) {
                if (m.group(2) != null && feel) {
                    return Optional.empty();
                }
                String quoted = m.group(2) != null ? m.group(2) : m.group(3);
                tokens.add(new Literal(quoted.replaceAll("\\\\(.)", "$1")));
            } else if (m.group(4) != null) {
                tokens.add(new Literal(new BigDecimal(m.group(4))));
            } else {
                tokens.add(switch (m.group(5)) {
                    case "eq" -> feel ? new Var("eq") : "==";
                    case "ne" -> feel ? new Var("ne") : "!=";
                    case "and" -> "&&";
                    case "or" -> "||";
                    case "not" -> "!";
                    case "null" -> new Literal(null);
                    case "true" -> new Literal(Boolean.TRUE);
                    case "false" -> new Literal(Boolean.FALSE);
                    default -> new Var(m.group(5));
                });
            }
        }
        return done(tokens, feel);
    }

    private static Optional<SimpleCondition> done(List<Object> tokens, boolean feel) {
        Parser parser = new Parser(tokens);
        try {
            Node node = parser.or();
            return parser.at == tokens.size() ? Optional.of(new SimpleCondition(node)) : Optional.empty();
        } catch (IllegalStateException notSimple) {
            return Optional.empty();
        }
    }

    private static final class Parser {
        private final List<Object> tokens;
        private int at;

        Parser(List<Object> tokens) {
            this.tokens = tokens;
        }

        Node or() {
            Node left = and();
            while (next("||")) {
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = unary();
            while (next("&&")) {
                left = new And(left, unary());
            }
            return left;
        }

        Node unary() {
            if (next("!")) {
                return new Not(unary());
            }
            Node left = primary();
            if (next("==")) {
                return new Compare(left, operand(), true);
            }
            if (next("!=")) {
                return new Compare(left, operand(), false);
            }
            return left;
        }

        Node primary() {
            if (next("(")) {
                Node inner = or();
                if (!next(")")) {
                    throw new IllegalStateException();
                }
                return inner;
            }
            return operand();
        }

        Node operand() {
            if (at < tokens.size() && tokens.get(at) instanceof Node node) {
                at++;
                return node;
            }
            throw new IllegalStateException();
        }

        boolean next(String op) {
            if (at < tokens.size() && op.equals(tokens.get(at))) {
                at++;
                return true;
            }
            return false;
        }
    }

    /** This condition or the other: a field hidden by its own condition or by that of a group around it. */
    SimpleCondition or(SimpleCondition other) {
        return new SimpleCondition(new Or(root, other.root));
    }

    /** The variables the condition reads. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        collect(root, names, null);
        return names;
    }

    /** The text literals the condition compares with (what a gateway's conditions accept, for a message). */
    Set<String> texts() {
        Set<String> texts = new TreeSet<>();
        collect(root, null, texts);
        return texts;
    }

    private static void collect(Node node, Set<String> names, Set<String> texts) {
        if (node instanceof Var v && names != null) {
            names.add(v.name());
        } else if (node instanceof Literal l && texts != null && l.value() instanceof String s) {
            texts.add(s);
        } else if (node instanceof Not n) {
            collect(n.operand(), names, texts);
        } else if (node instanceof And a) {
            collect(a.left(), names, texts);
            collect(a.right(), names, texts);
        } else if (node instanceof Or o) {
            collect(o.left(), names, texts);
            collect(o.right(), names, texts);
        } else if (node instanceof Compare c) {
            collect(c.left(), names, texts);
            collect(c.right(), names, texts);
        }
    }

    /** True, false, or null when it cannot be decided (a text compared with a number, a variable that is no yes/no). */
    Boolean evaluate(Function<String, Object> values) {
        Object result = value(root, values);
        return result == null || result instanceof Boolean ? (Boolean) result : null;
    }

    private static Object value(Node node, Function<String, Object> values) {
        if (node instanceof Var v) {
            return values.apply(v.name());
        }
        if (node instanceof Literal l) {
            return l.value();
        }
        if (node instanceof Not n) {
            return value(n.operand(), values) instanceof Boolean b ? !b : null;
        }
        if (node instanceof Compare c) {
            Boolean equal = equal(value(c.left(), values), value(c.right(), values));
            return equal == null ? null : equal == c.equal();
        }
        boolean and = node instanceof And;
        Object l = value(and ? ((And) node).left() : ((Or) node).left(), values);
        Object r = value(and ? ((And) node).right() : ((Or) node).right(), values);
        // FEEL's three values: false and unknown is false, true or unknown is true
        Boolean decisive = !and;
        if (decisive.equals(l) || decisive.equals(r)) {
            return decisive;
        }
        return !decisive.equals(l) && l instanceof Boolean && !decisive.equals(r) && r instanceof Boolean ? !decisive : null;
    }

    private static Boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof String && b instanceof String || a instanceof Boolean && b instanceof Boolean) {
            return a.equals(b);
        }
        return null;
    }
}
