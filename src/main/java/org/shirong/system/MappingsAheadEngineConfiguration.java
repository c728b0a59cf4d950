package org.shirong.system;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;

/**
 * Camunda Spring Boot's engine configuration, which takes the MyBatis mappings {@link EngineMappingsAhead} read while
 * the application started, instead of reading them now; everything it then sets on them is what the engine's own
 * {@code initSqlSessionFactory} sets. Without mappings read ahead for this database, it is the engine's own.
 */
class MappingsAheadEngineConfiguration extends SpringProcessEngineConfiguration {

    private final EngineMappingsAhead.Read ahead;

    MappingsAheadEngineConfiguration(EngineMappingsAhead.Read ahead) {
        this.ahead = ahead;
    }

    @Override
    protected void initSqlSessionFactory() {
        if (ahead != null && (sqlSessionFactory != null || isUseSharedSqlSessionFactory)) {
            ahead.drop();
        } else if (ahead != null) {
            Configuration mappings = ahead.forEngine(databaseType, databaseTablePrefix);
            if (mappings != null) {
                mappings.setEnvironment(new Environment("default", transactionFactory, dataSource));
                mappings.setDefaultStatementTimeout(jdbcStatementTimeout);
                if (isJdbcBatchProcessing()) {
                    mappings.setDefaultExecutorType(ExecutorType.BATCH);
                }
                sqlSessionFactory = new DefaultSqlSessionFactory(mappings);
                return;
            }
        }
        super.initSqlSessionFactory();
    }
}
