package org.shirong.system;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Reads the engine's MyBatis mappings (Camunda's {@code mappings.xml}, 55 mapper files, some 1,800 statements) on a
 * thread of its own from the moment the application context is created, while Spring scans and configures the rest
 * (issue 13, W6): the engine reads them at every start, 2–3 s of one core on this machine, and until now on the main
 * thread after everything before it. The read is the engine's own ({@link XMLConfigBuilder} with the properties
 * {@link ProcessEngineConfigurationImpl#initSqlSessionFactoryProperties} gives), for the database the configured JDBC
 * URL names; {@link MappingsAheadEngineConfiguration} takes it only if that is the database and table prefix the
 * engine then finds, and reads the mappings itself otherwise.
 */
class EngineMappingsAhead implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "shirongEngineMappingsAhead";
    /** Shirong's own application, as its configuration ({@code config/application.yaml}) names it. */
    static final String APPLICATION = "shirong";
    static final String MAPPINGS = "org/camunda/bpm/engine/impl/mapping/mappings.xml";
    private static final Logger LOG = LoggerFactory.getLogger(EngineMappingsAhead.class);

    /**
     * The mappings being read for one database type and table prefix; handed out once (or dropped), so that a read the
     * engine does not take is not kept for the application's life.
     */
    static final class Read {

        private final String databaseType;
        private final String tablePrefix;
        private final AtomicReference<FutureTask<Configuration>> mappings;
        private volatile boolean taken;

        Read(String databaseType, String tablePrefix, FutureTask<Configuration> mappings) {
            this.databaseType = databaseType;
            this.tablePrefix = tablePrefix;
            this.mappings = new AtomicReference<>(mappings);
        }

        /** The mappings read ahead if they were read for this database type and prefix, or null (read them then). */
        Configuration forEngine(String engineDatabaseType, String engineTablePrefix) {
            FutureTask<Configuration> read = mappings.getAndSet(null);
            if (read == null) {
                return null;
            }
            if (!databaseType.equals(engineDatabaseType) || !tablePrefix.equals(engineTablePrefix)) {
                read.cancel(true);
                LOG.info("流程引擎的数据库为 {}（表前缀“{}”），预先读取的是 {}（“{}”）的映射：改为当场读取",
                        engineDatabaseType, engineTablePrefix, databaseType, tablePrefix);
                return null;
            }
            try {
                Configuration configuration = read.get();
                taken = true;
                return configuration;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                LOG.warn("预先读取流程引擎的 MyBatis 映射失败，改为当场读取：{}", e.getCause().toString());
                return null;
            }
        }

        /** Whether an engine took the mappings read ahead. */
        boolean taken() {
            return taken;
        }

        /** The engine reads nothing (a session factory given or shared): the read is dropped. */
        void drop() {
            FutureTask<Configuration> read = mappings.getAndSet(null);
            if (read != null) {
                read.cancel(true);
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (!APPLICATION.equals(environment.getProperty("spring.application.name"))) {
            return; // another application on this class path (the benchmark's bare engine) reads its mappings as usual
        }
        String databaseType = databaseType(environment);
        if (databaseType == null) {
            return; // another database, or one Spring Boot makes up itself: the engine reads the mappings as usual
        }
        String prefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader() : EngineMappingsAhead.class.getClassLoader();
        FutureTask<Configuration> mappings = new FutureTask<>(() -> read(databaseType, prefix, loader));
        Thread thread = new Thread(mappings, "shirong-engine-mappings");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        context.getBeanFactory().registerSingleton(BEAN, new Read(databaseType, prefix, mappings));
    }

    /** The engine's database type for the configured JDBC URL (as the engine names it), or null if not one of Shirong's. */
    static String databaseType(Environment environment) {
        String configured = environment.getProperty("camunda.bpm.database.type");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String url = environment.getProperty("spring.datasource.url", "").toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        return null;
    }

    /** What {@code ProcessEngineConfigurationImpl.initSqlSessionFactory} reads, without the environment it sets after. */
    static Configuration read(String databaseType, String prefix, ClassLoader loader) throws Exception {
        long started = System.nanoTime();
        Properties properties = new Properties();
        properties.put("prefix", prefix);
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, prefix, databaseType);
        try (InputStream in = loader.getResourceAsStream(MAPPINGS)) {
            if (in == null) {
                throw new IllegalStateException(MAPPINGS + " not found");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            Configuration configuration = new XMLConfigBuilder(reader, "", properties).parse();
            LOG.debug("流程引擎的 MyBatis 映射已预先读取（{}，{} 毫秒）", databaseType, (System.nanoTime() - started) / 1_000_000);
            return configuration;
        }
    }
}
