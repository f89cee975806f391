package org.iom.dna.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.hibernate.PessimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures a consumer waits out and the API answers with 503 (transient), and which it parks
 * (contract violations) or reports as a bug. Getting this wrong either parks records during an outage
 * or retries a poisoned record for ever.
 */
class FailuresTest {

    @Test
    void shouldWaitOutALostDatabaseConnection() {
        SQLException refused = new SQLException("Connection refused", "08001");

        assertThat(Failures.isTransient(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)))
                .isTrue();
    }

    @Test
    void shouldWaitOutADeadlock() {
        assertThat(Failures.isTransient(new LockAcquisitionException("deadlock", new SQLException("x", "40P01"))))
                .isTrue();
    }

    @Test
    void shouldWaitOutASerializationFailure() {
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("could not serialize", "40001"))))
                .isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"08006", "40001", "53300", "57P01", "57P03", "58030", "55P03"})
    void shouldWaitOutThePostgresStatesThatPassOnTheirOwn(String sqlState) {
        assertThat(Failures.isTransient(new SQLException("postgres says no", sqlState)))
                .isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"23505", "23503", "42601", "42P01", "22001", "55000", "P0001"})
    void shouldNotRetryThePostgresStatesThatComeBackTheSame(String sqlState) {
        assertThat(Failures.isTransient(new SQLException("postgres says no", sqlState)))
                .isFalse();
    }

    @Test
    void shouldWaitOutAPoolThatGaveUpWaitingForAConnection() {
        assertThat(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void shouldNotRetryASqlFailureWithoutStateThatIsNotAPoolTimeout() {
        assertThat(Failures.isTransient(new SQLException("something else"))).isFalse();
        assertThat(Failures.isTransient(new SQLException((String) null))).isFalse();
        assertThat(Failures.isTransient(new SQLException("truncated state", "0")))
                .isFalse();
    }

    @Test
    void shouldWaitOutTheJdbcTransientAndRecoverableFailures() {
        assertThat(Failures.isTransient(new SQLTransientConnectionException("gone")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLRecoverableException("reconnect")))
                .isTrue();
    }

    @Test
    void shouldWaitOutANetworkTimeoutOrRefusal() {
        assertThat(Failures.isTransient(new SocketTimeoutException("read timed out")))
                .isTrue();
        assertThat(Failures.isTransient(new TimeoutException("no answer"))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void shouldWaitOutALostOptimisticLock() {
        assertThat(Failures.isTransient(new OptimisticLockException("row changed")))
                .isTrue();
        assertThat(Failures.isTransient(new StaleObjectStateException("Delivery", "id")))
                .isTrue();
    }

    @Test
    void shouldWaitOutALockThatWasNotGranted() {
        assertThat(Failures.isTransient(new PessimisticLockException("busy", null, "select")))
                .isTrue();
        assertThat(Failures.isTransient(new LockTimeoutException("busy"))).isTrue();
        assertThat(Failures.isTransient(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void shouldWaitOutABrokerThatIsMovingALeader() {
        assertThat(Failures.isTransient(new NotLeaderOrFollowerException("leader moved")))
                .isTrue();
    }

    @Test
    void shouldWaitOutABrokerThatDoesNotAnswerInTime() {
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("metadata")))
                .isTrue();
    }

    @Test
    void shouldFindATransientCauseDeepInTheChain() {
        Throwable deep = new IllegalStateException(
                "service", new RuntimeException("repository", new SQLException("terminating", "57P01")));

        assertThat(Failures.isTransient(deep)).isTrue();
    }

    @Test
    void shouldNotRetryAUniqueKeyViolation() {
        SQLException duplicate = new SQLException("duplicate key", "23505");

        assertThat(Failures.isTransient(duplicate)).isFalse();
        assertThat(Failures.isTransient(new ConstraintViolationException("duplicate", duplicate, "uq")))
                .isFalse();
    }

    @Test
    void shouldNotRetryARecordTheBrokerRefusesAsTooLarge() {
        assertThat(Failures.isTransient(new RecordTooLargeException("too large")))
                .isFalse();
    }

    @Test
    void shouldNeverRetryAContractViolationEvenWhenAnOutageCausedIt() {
        ContractViolation violation = new ContractViolation("bad", new SQLException("x", "08006"));

        assertThat(Failures.isTransient(violation)).isFalse();
    }

    @Test
    void shouldFindAContractViolationWrappedInAnotherFailure() {
        ContractViolation violation = new ContractViolation("bad");

        assertThat(Failures.isContractViolation(new IllegalStateException(violation)))
                .isTrue();
    }

    @Test
    void shouldTreatABugAsNeitherTransientNorAContractViolation() {
        NullPointerException bug = new NullPointerException();

        assertThat(Failures.isTransient(bug)).isFalse();
        assertThat(Failures.isContractViolation(bug)).isFalse();
    }

    @Test
    void shouldStopWhenAFailureNamesItselfAsItsCause() {
        RuntimeException loop = new RuntimeException("loops") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertThat(Failures.isTransient(loop)).isFalse();
        assertThat(Failures.isContractViolation(loop)).isFalse();
    }
}
