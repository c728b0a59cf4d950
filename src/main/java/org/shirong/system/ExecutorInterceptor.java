package org.shirong.system;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Plugin;

/**
 * A MyBatis interceptor of the {@link Executor} alone. MyBatis offers every interceptor each statement's parameter,
 * statement and result handlers too, and {@link Plugin#wrap} reads the interceptor's annotations anew each time to
 * find that it has nothing to wrap: some 4 % of Shirong's CPU in benchmark W1 (issue 13).
 */
interface ExecutorInterceptor extends Interceptor {

    @Override
    default Object plugin(Object target) {
        return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }
}
