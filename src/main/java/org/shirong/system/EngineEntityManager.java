package org.shirong.system;

import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;

/**
 * The engine's entity manager, except that the check of a new entity's id builds its message only when the id is
 * invalid, and that background work gives way to requests between the parts of a flush. Camunda's check first writes
 * the message, the whole entity as text (its dates formatted with their time zone), for every row it inserts: about 5 % of the job threads' CPU when deadlines fall due (W3), and as much for
 * every history row elsewhere. An invalid id (none, or {@code *}) still fails exactly as in Camunda, with its message.
 */
class EngineEntityManager extends DbEntityManager {

    EngineEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
        super(idGenerator, persistenceSession);
    }

    /**
     * Background work also gives way before the flush's dirty check of every cached entity and before the operations
     * are ordered: after a chunk's last process start these took an import's worker up to some 50 ms without a pause.
     */
    @Override
    protected void flushEntityCache() {
        ForegroundRequests.giveWay();
        super.flushEntityCache();
    }

    @Override
    protected void flushDbOperationManager() {
        ForegroundRequests.giveWay();
        super.flushDbOperationManager();
    }

    /**
     * The engine flushes a command's writes 50 operations at a time; background work (an import's chunk, some 6,500
     * rows) gives way to the requests in flight before each part ({@link ForegroundRequests#giveWay}), so that a report
     * does not wait for a whole chunk's flush. Other threads go straight on.
     */
    @Override
    protected void flushDbOperations(List<DbOperation> operationsToFlush, List<DbOperation> allOperations) {
        ForegroundRequests.giveWay();
        super.flushDbOperations(operationsToFlush, allOperations);
    }

    @Override
    protected void validateId(DbEntity dbEntity) {
        String id = dbEntity.getId();
        if (id == null || Authorization.ANY.equals(id)) {
            super.validateId(dbEntity);
        }
    }
}
