package org.shirong.system;

import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;

/**
 * Where a webapp runs its own queries (Cockpit's plugin API, Admin's metrics): a MyBatis session of its own that Camunda
 * builds from the engine's configuration, taking over its database, table prefix and history level but not its
 * statement timeout, so a Cockpit query ran for as long as the database took, while every statement of the engine is
 * cancelled after {@code jdbcStatementTimeout}. This is Camunda's session with the statement timeout and fetch size of
 * the engine's own MyBatis configuration, running commands as Camunda's executor does.
 */
final class WebappQuerySession implements CommandExecutor {

    private final QuerySessionFactory session = new EngineTimed();

    WebappQuerySession(ProcessEngineConfigurationImpl engine, List<String> mappingFiles) {
        session.initFromProcessEngineConfiguration(engine, mappingFiles);
    }

    @Override
    public <T> T executeCommand(Command<T> command) {
        return session.getCommandExecutorTxRequired().execute(command);
    }

    /** Camunda's query session, its MyBatis configuration given the engine's statement timeout and fetch size. */
    private static final class EngineTimed extends QuerySessionFactory {

        @Override
        protected void initSqlSessionFactory() {
            super.initSqlSessionFactory();
            Configuration engines = wrappedConfiguration.getSqlSessionFactory().getConfiguration();
            Configuration ours = sqlSessionFactory.getConfiguration();
            ours.setDefaultStatementTimeout(engines.getDefaultStatementTimeout());
            ours.setDefaultFetchSize(engines.getDefaultFetchSize());
        }
    }
}
