package org.shirong.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, one node at a time goes through start-up: the first use of the DataSource takes a
 * session-level advisory lock on a connection of its own, before the engine creates or updates its
 * schema, Flyway migrates, Shirong deploys and seeds, and gives it back once the application is
 * ready. Two nodes started together on an empty database otherwise both create the engine's tables
 * and one of them dies. If a node dies while starting, PostgreSQL drops its lock with its connection.
 * Other databases (the embedded H2, one process) need nothing.
 */
@Component
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
    /** The advisory lock's key: "Shirong" in ASCII, so that it does not meet another application's key by chance. */
    static final long KEY = 0x0053_6869_726f_6e67L;

    private Connection holder;
    private boolean tried;

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !tried) {
            tried = true;
            acquire(dataSource);
        }
        return bean;
    }

    private void acquire(DataSource dataSource) {
        try {
            Connection connection = ownConnection(dataSource);
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            if (!lock(connection, "select pg_try_advisory_lock(?)")) {
                LOG.info("另一节点正在初始化数据库（建表、迁移、部署、同步组织机构），等待其完成后再启动…");
                lock(connection, "select pg_advisory_lock(?)");
                LOG.info("另一节点已完成启动，本节点继续启动");
            }
            holder = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("无法取得启动锁（PostgreSQL advisory lock）：" + e.getMessage(), e);
        }
    }

    /** A connection outside the pool where possible, so that closing it surely ends the session and its lock. */
    private static Connection ownConnection(DataSource dataSource) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null) {
                return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
            }
        }
        return dataSource.getConnection();
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Object value = result.getObject(1);
                return !(value instanceof Boolean acquired) || acquired;
            }
        }
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            lock(connection, "select pg_advisory_unlock(?)");
        } catch (SQLException e) {
            LOG.warn("启动锁解锁失败，随连接关闭释放：{}", e.getMessage());
        } finally {
            holder = null;
        }
    }

    /** A start that failed: closing the connection ends the session, and the lock with it. */
    @Override
    public synchronized void destroy() {
        if (holder != null) {
            try {
                holder.close();
            } catch (SQLException e) {
                LOG.debug("启动锁的连接已关闭：{}", e.getMessage());
            }
            holder = null;
        }
    }
}
