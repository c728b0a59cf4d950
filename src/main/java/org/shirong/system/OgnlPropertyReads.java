package org.shirong.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * MyBatis' property reads in the engine's SQL mappings ({@code <if test="authCheck.shouldPerformAuthorizationCheck">},
 * {@code tenantCheck.isTenantCheckEnabled}, a query's {@code orQueryActive} …) with the method found once per class
 * and name. MyBatis' OGNL caches a property's method only when it is a getter named {@code get…}/{@code is…}; for any
 * other name (the engine's mappings use many) it searches all public methods of the class again on every read,
 * lower-casing each name: 13 % of the CPU of a task query over HTTP (a {@code TaskQueryImpl} has some 400 methods).
 * Which method is read, the access check on it, a field read when there is no method, and the errors are OGNL's own
 * ({@code ObjectPropertyAccessor.getPossibleProperty}); only the search is remembered (a class's methods do not change).
 */
final class OgnlPropertyReads extends ObjectPropertyAccessor {

    private final ClassValue<ConcurrentMap<String, Optional<Method>>> readMethods = new ClassValue<>() {
        @Override
        protected ConcurrentMap<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Makes this the accessor of every object OGNL has no more specific accessor for (maps, lists … keep theirs). */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, new OgnlPropertyReads());
    }

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
        if (target == null) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            // OgnlRuntime.getMethodValue(context, target, name, true), with the method looked up once
            Method method = readMethod(target.getClass(), name);
            if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
                try {
                    return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
                } catch (InvocationTargetException e) {
                    throw new OgnlException(name, e.getTargetException());
                }
            }
            return OgnlRuntime.getFieldValue(context, target, name, true);
        } catch (OgnlException e) {
            throw e;
        } catch (Exception e) {
            throw new OgnlException(name, e);
        }
    }

    Method readMethod(Class<?> type, String name) {
        return readMethods.get(type).computeIfAbsent(name, n -> {
            Method getter = OgnlRuntime.getGetMethod(type, n);
            return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, n, null));
        }).orElse(null);
    }
}
