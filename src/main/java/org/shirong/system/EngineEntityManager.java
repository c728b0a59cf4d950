package org.shirong.system;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;

/**
 * The engine's entity manager, except that the check of a new entity's id builds its message only when the id is
 * invalid. Camunda's check first writes the message, the whole entity as text (its dates formatted with their time
 * zone), for every row it inserts: about 5 % of the job threads' CPU when deadlines fall due (W3), and as much for
 * every history row elsewhere. An invalid id (none, or {@code *}) still fails exactly as in Camunda, with its message.
 */
class EngineEntityManager extends DbEntityManager {

    EngineEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
        super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity dbEntity) {
        String id = dbEntity.getId();
        if (id == null || Authorization.ANY.equals(id)) {
            super.validateId(dbEntity);
        }
    }
}
