package org.shirong.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Shirong's own statements on the engine's tables: their names as the engine has them, and DDL outside any transaction. */
final class EngineTables {

    /** Statements to run on one connection of the engine's. */
    interface Work {
        void run(Connection connection, Statement statement) throws SQLException;
    }

    private EngineTables() {
    }

    /** The engine table {@code name} (e.g. {@code ACT_RU_TASK}) with the engine's table prefix. */
    static String table(ProcessEngineConfigurationImpl configuration, String name) {
        String prefix = configuration.getDatabaseTablePrefix();
        return (prefix == null ? "" : prefix) + name;
    }

    /** Runs {@code work} on a connection of the engine's data source in auto-commit (as DDL needs), then restores it. */
    static void autoCommit(ProcessEngineConfigurationImpl configuration, Work work) throws SQLException {
        try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                work.run(connection, statement);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
