package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database away (the pool's timeout carries a connection failure of SQL state 08) and the pool exhausted (its
 * timeout without a cause, the database answering) are both answered 503, but only the first has its ERRORs left out of
 * the log: an exhausted pool is a fault to be seen (diffreview-s60 R3).
 */
@SharesJvm
class DatabaseUnavailableTest {

    private static final SQLException REFUSED = new SQLException("Connection refused", "08001");
    private static final Throwable AWAY = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5001ms",
                    "08001", REFUSED));
    private static final Throwable EXHAUSTED = new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5001ms"));

    @Test
    void aPoolTimeoutCarryingAConnectionFailureIsTheDatabaseAway() {
        assertThat(DatabaseUnavailable.away(AWAY)).isTrue();
        assertThat(DatabaseUnavailable.poolExhausted(AWAY)).isFalse();
        assertThat(DatabaseUnavailable.causes(AWAY)).isTrue();
    }

    @Test
    void aPoolTimeoutWithoutACauseIsAnExhaustedPoolStillAnswered503() {
        assertThat(DatabaseUnavailable.away(EXHAUSTED)).isFalse();
        assertThat(DatabaseUnavailable.poolExhausted(EXHAUSTED)).isTrue();
        assertThat(DatabaseUnavailable.causes(EXHAUSTED)).isTrue();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("anything else"))).isFalse();
    }

    @Test
    void onlyTheDatabaseAwayHasTheEnginesErrorLeftOutOfTheLog() {
        DatabaseAwayLogging filter = new DatabaseAwayLogging();
        ch.qos.logback.classic.Logger engineContext = new LoggerContext().getLogger("org.camunda.bpm.engine.context");
        assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 Exception while closing command context", null,
                AWAY)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 Exception while closing command context", null,
                EXHAUSTED)).isEqualTo(FilterReply.NEUTRAL);
    }
}
