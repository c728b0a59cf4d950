package org.shirong.system;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's FEEL engine for decision tables, answering the cells whose result is plain without evaluating them:
 * the unary test {@code -} (any input), a string literal such as {@code "EXPOSED_GARBAGE"} tested against a string
 * input, a string literal or a whole number as an output, and an input expression that names a string variable
 * ({@code category}).
 * Everything else goes to the engine's own FEEL engine. The Scala FEEL engine of Camunda 7.24 parses each cell on every
 * evaluation and builds its ~150 built-in functions anew for each: the dispatch table of a case (about 44 rules) cost
 * a fifth of Shirong's CPU in W1 (issue 13). The answers are the FEEL engine's (LiteralFeelEngineTest compares them).
 */
class LiteralFeelEngine implements FeelEngine {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\\\]*\"");
    /** A whole number FEEL gives to Java as a {@code Long} (at most 18 digits: always within a long). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words FEEL reads as something other than a variable's name. */
    private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "between", "in",
            "instance", "of", "if", "then", "else", "for", "return", "some", "every", "satisfies", "function", "external");

    private final FeelEngine feel;

    LiteralFeelEngine(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        String text = expression.strip();
        if (STRING_LITERAL.matcher(text).matches()) {
            @SuppressWarnings("unchecked")
            T literal = (T) text.substring(1, text.length() - 1);
            return literal;
        }
        if (WHOLE_NUMBER.matcher(text).matches()) {
            @SuppressWarnings("unchecked")
            T number = (T) Long.valueOf(text);
            return number;
        }
        String named = NAME.matcher(text).matches() && !FEEL_WORDS.contains(text) ? stringValue(variableContext, text) : null;
        if (named != null) {
            @SuppressWarnings("unchecked")
            T value = (T) named;
            return value;
        }
        return feel.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        String text = expression.strip();
        if ("-".equals(text)) {
            return true;
        }
        String input = STRING_LITERAL.matcher(text).matches() ? stringValue(variableContext, inputVariable) : null;
        if (input != null) {
            return input.equals(text.substring(1, text.length() - 1));
        }
        return feel.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }

    /** The variable's value when it is a string, else null (absent, null, or of another type: left to FEEL). */
    private static String stringValue(VariableContext variableContext, String name) {
        if (name == null || !variableContext.containsVariable(name)) {
            return null;
        }
        TypedValue value = variableContext.resolve(name);
        return value != null && value.getValue() instanceof String s ? s : null;
    }
}
