package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * MyBatis reads the same properties of the engine's statement parameters through {@link OgnlPropertyReads} as through
 * OGNL's own accessor: the same value, or the same error, for every method, property and field name of a task query, an
 * authorization check and the other parameter objects, and for a name that is none of these; and the engine's
 * statements run with it.
 */
@SharesJvm
class OgnlPropertyReadsTest {

    @Test
    void everyNameReadsAsOgnlReadsIt() throws Exception {
        TaskQueryImpl query = new TaskQueryImpl();
        query.processInstanceBusinessKey("JT-1").taskDefinitionKey("Task_ClaimCase").dueBefore(new Date(0)).tenantIdIn("jiuting");
        query.or().taskCandidateGroup("chengguan").taskAssignee("chengguan1").endOr();
        CompositePermissionCheck permissions = new CompositePermissionCheck(true);
        permissions.addAtomicCheck(permission(Resources.TASK, Permissions.READ));
        permissions.addAtomicCheck(permission(Resources.PROCESS_DEFINITION, Permissions.READ_TASK));
        AuthorizationCheck check = new AuthorizationCheck("chengguan1", List.of("chengguan", "jiuting"), permissions, false);
        check.setAuthorizationCheckEnabled(true);
        query.setAuthCheck(check);
        TenantCheck tenants = new TenantCheck();
        tenants.setAuthTenantIds(List.of("jiuting"));
        ListQueryParameterObject list = new ListQueryParameterObject(query, 0, 10);
        list.setAuthCheck(check);

        ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();
        OgnlPropertyReads cached = new OgnlPropertyReads();
        int compared = 0;
        for (Object target : List.of(query, query.getQueries().get(1), check, permissions, permissions.getAtomicChecks().get(0),
                tenants, list)) {
            for (int round = 0; round < 2; round++) { // the second round reads what the first one remembered
                for (String name : names(target.getClass())) {
                    OgnlContext context = Ognl.createDefaultContext(target, myBatisMemberAccess());
                    assertThat(read(cached, context, target, name)).as(target.getClass().getSimpleName() + "." + name)
                            .isEqualTo(read(ognl, context, target, name));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(900);
    }

    @Test
    void theEnginesStatementsReadThroughIt() throws Exception {
        ProcessEngine engine = StandaloneEngines.inMemory("ognl-reads", new OgnlPropertyReadsPlugin());
        try {
            assertThat(OgnlRuntime.getPropertyAccessor(Object.class)).isInstanceOf(OgnlPropertyReads.class);
            Task task = engine.getTaskService().newTask();
            task.setName("核查整改结果");
            engine.getTaskService().saveTask(task);
            engine.getTaskService().addCandidateGroup(task.getId(), "ducha");
            assertThat(engine.getTaskService().createTaskQuery().or().taskCandidateGroup("ducha").taskAssignee("x").endOr()
                    .taskName("核查整改结果").list()).extracting(Task::getId).containsExactly(task.getId());
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("chengguan").count()).isZero();
        } finally {
            engine.close();
        }
    }

    private static PermissionCheck permission(Resources resource, Permissions permission) {
        PermissionCheck check = new PermissionCheck();
        check.setResource(resource);
        check.setResourceId("*");
        check.setPermission(permission);
        return check;
    }

    /** The value read, or the error's class and message. */
    private static Object read(ObjectPropertyAccessor accessor, OgnlContext context, Object target, String name) {
        try {
            Object value = accessor.getProperty(context, target, name);
            return value == null ? "null" : value;
        } catch (Exception e) {
            return List.of(e.getClass(), Objects.toString(e.getMessage()), String.valueOf(e.getCause()));
        }
    }

    /** Every public method's name and the property it reads, every field's name, and a name that is none of them. */
    private static List<String> names(Class<?> type) {
        TreeSet<String> names = new TreeSet<>(List.of("noSuchProperty", "class"));
        for (Method method : type.getMethods()) {
            String name = method.getName();
            names.add(name);
            for (String prefix : List.of("get", "is", "has")) {
                if (name.length() > prefix.length() && name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    names.add(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
                }
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                names.add(field.getName());
            }
        }
        // left out: what changes the target (a query's builder methods, setters) or waits, which a mapping never reads
        TreeSet<String> changing = new TreeSet<>(List.of("wait", "notify", "notifyAll"));
        for (Class<?> api : List.of(TaskQuery.class, Query.class)) {
            if (api.isAssignableFrom(type)) {
                for (Method method : api.getMethods()) {
                    changing.add(method.getName());
                }
            }
        }
        names.removeIf(n -> changing.contains(n) || n.startsWith("set") || n.startsWith("add") || n.startsWith("orderBy")
                || n.startsWith("initialize") || n.startsWith("ensure") || n.startsWith("validate") || n.startsWith("evaluate")
                || n.startsWith("execute") || n.startsWith("check") || n.equals("clear") || n.startsWith("merge"));
        return new ArrayList<>(names);
    }

    private static MemberAccess myBatisMemberAccess() throws Exception {
        Constructor<?> constructor = Class.forName("org.apache.ibatis.scripting.xmltags.OgnlMemberAccess").getDeclaredConstructor();
        constructor.setAccessible(true);
        return (MemberAccess) constructor.newInstance();
    }
}
