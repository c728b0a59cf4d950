package org.shirong.system;

import java.util.Set;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Tells {@link FilterCountCache} of every insert, update and delete the engine makes in the tables a task query can read
 * (tasks, identity links, variables, authorizations, executions, filters, definitions, identities), including bulk
 * statements, and again when that transaction commits or rolls back: a count read while the change was not yet
 * committed is not kept. Sees the statements MyBatis executes for the engine, whichever command or entity caused them;
 * each engine table is written only by its own entity's mapping, whose namespace names it.
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
class TaskDataWrites implements Interceptor {

    private static final Set<String> TASK_QUERY_ENTITIES = Set.of("TaskEntity", "IdentityLinkEntity",
            "VariableInstanceEntity", "AuthorizationEntity", "ExecutionEntity", "FilterEntity", "ProcessDefinitionEntity",
            "CaseExecutionEntity", "CaseDefinitionEntity", "MembershipRelation", "GroupEntity", "UserEntity",
            "TenantEntity", "TenantMembershipEntity");

    private final FilterCountCache cache;
    // The command context whose transaction already bumps the cache when it ends.
    private final ThreadLocal<CommandContext> endsWatched = new ThreadLocal<>();

    TaskDataWrites(FilterCountCache cache) {
        this.cache = cache;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        if (readByTaskQueries(statement.getId())) {
            cache.engineDataChanged();
            watchTransactionEnd();
        }
        return invocation.proceed();
    }

    static boolean readByTaskQueries(String statementId) {
        int lastDot = statementId.lastIndexOf('.');
        String namespace = lastDot < 0 ? "" : statementId.substring(0, lastDot);
        return TASK_QUERY_ENTITIES.contains(namespace.substring(namespace.lastIndexOf('.') + 1));
    }

    private void watchTransactionEnd() {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null || endsWatched.get() == commandContext) {
            return;
        }
        endsWatched.set(commandContext);
        TransactionContext transaction = commandContext.getTransactionContext();
        transaction.addTransactionListener(TransactionState.COMMITTED, ended -> transactionEnded(commandContext));
        transaction.addTransactionListener(TransactionState.ROLLED_BACK, ended -> transactionEnded(commandContext));
    }

    private void transactionEnded(CommandContext commandContext) {
        cache.engineDataChanged();
        if (endsWatched.get() == commandContext) {
            endsWatched.remove();
        }
    }
}
