package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.junit.jupiter.api.Test;

@SharesJvm
class ExecutorInterceptorTest {

    @Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
    static final class CountingUpdates implements ExecutorInterceptor {
        int updates;

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            updates++;
            return invocation.proceed();
        }
    }

    @Test
    void wrapsTheExecutorAndInterceptsItsUpdates() throws Exception {
        CountingUpdates interceptor = new CountingUpdates();
        Executor executor = mock(Executor.class);

        Executor wrapped = (Executor) interceptor.plugin(executor);
        wrapped.update(null, "parameter");

        assertThat(wrapped).isNotSameAs(executor);
        assertThat(interceptor.updates).isEqualTo(1);
        verify(executor).update(null, "parameter");
    }

    @Test
    void leavesTheStatementsHandlersAsTheyAre() {
        StatementHandler handler = mock(StatementHandler.class);

        assertThat(new CountingUpdates().plugin(handler)).isSameAs(handler);
    }
}
