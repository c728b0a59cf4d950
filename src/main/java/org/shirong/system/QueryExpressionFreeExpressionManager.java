package org.shirong.system;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager, except that it never creates an expression for a query: the
 * last line behind {@link QueryExpressionGuard}, for a path that builds or loads a query that guard
 * does not see (a filter stored before the guard existed, a future endpoint). Queries evaluate their
 * expressions only in {@code AbstractQuery.evaluateExpressions}, so that caller is recognised on the stack.
 */
class QueryExpressionFreeExpressionManager extends SpringExpressionManager {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    QueryExpressionFreeExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
    }

    @Override
    public Expression createExpression(String expression) {
        if (calledByQuery()) {
            throw new BadUserRequestException(QueryExpressionGuard.MESSAGE);
        }
        return super.createExpression(expression);
    }

    private static boolean calledByQuery() {
        return STACK.walk(frames -> frames.limit(16).anyMatch(frame -> "evaluateExpressions".equals(frame.getMethodName())
                && AbstractQuery.class.isAssignableFrom(frame.getDeclaringClass())));
    }
}
