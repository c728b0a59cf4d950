package org.shirong.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * The engine's table names with their prefix, for Shirong's own SQL that joins the engine's tables (the 驾驶舱's waiting
 * case work, the cases counted under the office while they wait for 重新派遣): asked of the engine
 * ({@link ManagementService#getTableName}) once per entity, on Shirong's behalf, since the engine lets only administrators
 * ask. Plugins that run before the engine is built use {@link EngineTables#table} instead.
 */
@Component
public class EngineTableNames {

    private final ManagementService managementService;
    private final SystemAccess systemAccess;
    private final Map<Class<?>, String> names = new ConcurrentHashMap<>();

    public EngineTableNames(ManagementService managementService, SystemAccess systemAccess) {
        this.managementService = managementService;
        this.systemAccess = systemAccess;
    }

    /** The table of the engine's {@code entity} ({@code Task.class}: {@code ACT_RU_TASK}, with the prefix). */
    public String of(Class<?> entity) {
        String name = names.get(entity);
        if (name == null) {
            name = systemAccess.run(() -> managementService.getTableName(entity));
            names.put(entity, name);
        }
        return name;
    }
}
