package org.shirong.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The log of one test as production writes it ({@code @RegisterExtension final CapturedLog log = new CapturedLog()};
 * its events in {@code log.list}): the engine's command-context logger, which logs a failed command's ERROR and which
 * logback-test.xml silences, is put back to INFO for the test.
 */
final class CapturedLog extends ListAppender<ILoggingEvent> implements BeforeEachCallback, AfterEachCallback {

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

    private Level engineContextLevel;

    @Override
    public void beforeEach(ExtensionContext context) {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger engineContext = logback.getLogger(ENGINE_CONTEXT);
        engineContextLevel = engineContext.getLevel();
        engineContext.setLevel(Level.INFO);
        list.clear();
        start();
        logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        logback.getLogger(ENGINE_CONTEXT).setLevel(engineContextLevel);
    }
}
