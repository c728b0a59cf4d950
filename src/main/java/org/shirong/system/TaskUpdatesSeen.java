package org.shirong.system;

import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's entity manager ({@link EngineEntityManager}), noting for each task it is about to update what the task
 * was before: the engine keeps a task's previous state only until it schedules the update, and {@link TaskDataWrites}
 * sees the update only after.
 */
class TaskUpdatesSeen extends EngineEntityManager {

    private static final Field PREVIOUS_STATE = CommandFields.of(CachedDbEntity.class, "copy");

    /** A task's persistent state before and after the update being flushed. */
    record TaskUpdate(Map<?, ?> before, Map<?, ?> after) {
    }

    private final Map<TaskEntity, TaskUpdate> updates = new IdentityHashMap<>();

    TaskUpdatesSeen(IdGenerator idGenerator, PersistenceSession persistenceSession) {
        super(idGenerator, persistenceSession);
    }

    @Override
    protected void flushCachedEntity(CachedDbEntity cached) {
        if (cached.getEntity() instanceof TaskEntity task && cached.getEntityState() == DbEntityState.PERSISTENT) {
            if (CommandFields.read(PREVIOUS_STATE, cached) instanceof Map<?, ?> before && task.getPersistentState() instanceof Map<?, ?> after) {
                updates.put(task, new TaskUpdate(before, after));
            } else {
                updates.remove(task);
            }
        }
        super.flushCachedEntity(cached);
    }

    /** The update of {@code task} being flushed in this command, or null when not known. */
    static TaskUpdate pendingUpdate(TaskEntity task) {
        var commandContext = Context.getCommandContext();
        if (commandContext != null && commandContext.getSession(DbEntityManager.class) instanceof TaskUpdatesSeen seen) {
            return seen.updates.get(task);
        }
        return null;
    }

    /** Opens this entity manager for every command in place of the engine's own. */
    static SessionFactory factory(java.util.function.Supplier<IdGenerator> idGenerator) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return DbEntityManager.class;
            }

            @Override
            public Session openSession() {
                return new TaskUpdatesSeen(idGenerator.get(), Context.getCommandContext().getSession(PersistenceSession.class));
            }
        };
    }
}
