package org.iom.dna.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Which failures a consumer waits out (transient) and which it parks (contract violations). */
class FailuresTest {

    @Test
    void connectionLossIsTransient() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertTrue(Failures.isTransient(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
    }

    @Test
    void deadlockAndSerializationFailureAreTransient() {
        assertTrue(Failures.isTransient(new LockAcquisitionException("deadlock", new SQLException("x", "40P01"))));
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("could not serialize", "40001"))));
    }

    @Test
    void adminShutdownIsTransient() {
        assertTrue(
                Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void poolAcquisitionTimeoutIsTransient() {
        assertTrue(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void lostOptimisticLockIsTransient() {
        assertTrue(Failures.isTransient(new OptimisticLockException("row changed")));
    }

    @Test
    void brokerAwayIsTransient() {
        assertTrue(Failures.isTransient(new NotLeaderOrFollowerException("leader moved")));
        assertTrue(Failures.isTransient(new IllegalStateException(new ConnectException("refused"))));
    }

    @Test
    void constraintViolationIsNotTransient() {
        assertFalse(Failures.isTransient(new SQLException("duplicate key", "23505")));
    }

    @Test
    void recordTooLargeIsNotTransient() {
        assertFalse(Failures.isTransient(new RecordTooLargeException("too large")));
    }

    @Test
    void contractViolationIsNeverTransientEvenIfCausedByAnOutage() {
        ContractViolation violation = new ContractViolation("bad", new SQLException("x", "08006"));
        assertFalse(Failures.isTransient(violation));
        assertTrue(Failures.isContractViolation(new IllegalStateException(violation)));
    }

    @Test
    void aBugIsNeitherTransientNorAContractViolation() {
        NullPointerException bug = new NullPointerException();
        assertFalse(Failures.isTransient(bug));
        assertFalse(Failures.isContractViolation(bug));
    }
}
