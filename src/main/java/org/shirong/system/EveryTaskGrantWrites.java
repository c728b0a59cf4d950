package org.shirong.system;

import java.util.Map;
import java.util.Set;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Makes {@link EveryTaskReaders} forget its answers on every write to the authorization table the engine makes that may
 * grant or take away a permission on every resource ({@code *}): an inserted or deleted grant on {@code *} (or on no
 * resource), every updated or individually deleted authorization (an administrator's change: it may have been on
 * {@code *} before), and any statement not known to concern one resource only. The engine's routine writes, one task's
 * or process instance's grants and their removal times, do not make it forget.
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
class EveryTaskGrantWrites implements ExecutorInterceptor {

    private static final String NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
    // one resource's grants, given as the statement's resourceId
    private static final Set<String> ONE_RESOURCE = Set.of("insertAuthorization", "deleteAuthorizationsForResourceId",
            "deleteAuthorizationsForResourceIdAndUserId", "deleteAuthorizationsForResourceIdAndGroupId");
    // removal times of a process instance's grants, and their deletion when due: never a grant on every resource
    private static final Set<String> REMOVAL_TIMES = Set.of("updateAuthorizationsByRootProcessInstanceId",
            "updateAuthorizationsByProcessInstanceId", "deleteAuthorizationsByRemovalTime");

    private final EveryTaskReaders readers;

    EveryTaskGrantWrites(EveryTaskReaders readers) {
        this.readers = readers;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        if (statement.getId().startsWith(NAMESPACE)
                && mayConcernEveryResource(statement.getId().substring(NAMESPACE.length()), invocation.getArgs()[1])) {
            readers.forget();
        }
        return invocation.proceed();
    }

    static boolean mayConcernEveryResource(String statement, Object parameter) {
        String name = statement.replaceFirst("_(postgres|mysql|mssql|oracle|postgres_or_db2)$", "");
        if (REMOVAL_TIMES.contains(name)) {
            return false;
        }
        if (!ONE_RESOURCE.contains(name)) {
            return true;
        }
        Object resourceId = parameter instanceof AuthorizationEntity authorization ? authorization.getResourceId()
                : parameter instanceof Map<?, ?> map ? map.get("resourceId") : null;
        return !(resourceId instanceof String id) || Authorization.ANY.equals(id);
    }
}
