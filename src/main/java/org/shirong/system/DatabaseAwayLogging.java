package org.shirong.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.stereotype.Component;

/**
 * While the database is away (restarted, the network to it down), the ERRORs with stack traces that the engine and Spring
 * log for a failure of that kind ({@link DatabaseUnavailable#away}) are left out, so that each request or job is told in
 * one WARN line (README 崩溃与多节点: 日志只记一行 WARN; pgreview-s59 P2: a 30-s outage under load wrote 19 ERRORs and
 * 4,800 stack lines). A request's line is {@link DatabaseUnavailable}'s 503, a job's {@link ExpectedFailureLogging}'s;
 * so the engine's ENGINE-16004 (closing a command) and Spring's "Application exception overridden by rollback exception"
 * for such a failure go to DEBUG. The job acquisition (ENGINE-14019) and Spring's scheduled tasks have no line of their
 * own: theirs becomes one WARN line here. The pool's WARN that it dropped a broken connection keeps its line but not its
 * stack trace. Every other ERROR, and these loggers' other failures, are logged as before.
 */
@Component
class DatabaseAwayLogging extends TurboFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAwayLogging.class);
    private static final String NAME = "shirong-database-away";

    /** The loggers whose ERRORs for a lost connection are left out; true: told here in one WARN line instead. */
    private static final Map<String, Boolean> LOGGERS = Map.of(
            "org.camunda.bpm.engine.context", false,
            "org.springframework.transaction.support.TransactionTemplate", false,
            "org.springframework.transaction.interceptor.TransactionInterceptor", false,
            "org.camunda.bpm.engine.jobexecutor", true,
            "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", true);
    /** The pool's WARN that it dropped a broken connection: its line is kept, without the stack trace. */
    private static final String POOL = "com.zaxxer.hikari.pool.ProxyConnection";

    @PostConstruct
    void install() {
        setName(NAME);
        start();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            // one per logging context: Spring Boot resets it when an application starts, a later one replaces an earlier;
            // kept after the application closes, for the job executor's last acquisitions while it stops
            context.getTurboFilterList().removeIf(filter -> NAME.equals(filter.getName()));
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null || level != Level.ERROR && !(level == Level.WARN && logger.getName().equals(POOL))) {
            return FilterReply.NEUTRAL;
        }
        Throwable failure = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (failure == null || !DatabaseUnavailable.away(failure)) {
            return FilterReply.NEUTRAL;
        }
        if (level == Level.WARN) {
            Object[] args = t != null ? params : java.util.Arrays.copyOf(params, params.length - 1);
            LoggerFactory.getLogger(POOL).warn(MessageFormatter.basicArrayFormat(format, args));
            return FilterReply.DENY;
        }
        Boolean toldHere = LOGGERS.get(logger.getName());
        if (toldHere == null) {
            return FilterReply.NEUTRAL;
        }
        if (toldHere) {
            LOG.warn("数据库暂时无法连接：{}未能执行，稍后自动再试（{}）", what(logger.getName(), format, failure),
                    DatabaseUnavailable.rootCause(failure));
        }
        LOG.debug("{}: {}", logger.getName(), format, failure);
        return FilterReply.DENY;
    }

    /** What failed, for the WARN line: the job acquisition, or the scheduled task (its method in Shirong's code). */
    private static String what(String logger, String format, Throwable failure) {
        if (logger.startsWith("org.camunda")) {
            String id = format == null ? "" : format.split(" ", 2)[0];
            return "作业执行器取作业（" + id + "）";
        }
        String task = null; // the outermost of Shirong's methods on the stack: the scheduled one
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("org.shirong.") && !frame.getClassName().contains("$$")) {
                task = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName();
            }
        }
        if (task != null) {
            return "定时任务 " + task + " ";
        }
        return "定时任务";
    }
}
