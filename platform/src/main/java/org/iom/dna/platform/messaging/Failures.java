package org.iom.dna.platform.messaging;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a transient failure (a dependency briefly away or busy: retry and it will pass) from the
 * others. Consumers retry transient failures for as long as they last and never dead-letter them;
 * the REST layer answers them with 503 and Retry-After.
 */
public final class Failures {

    /**
     * PostgreSQL SQLSTATE classes and codes that pass on their own: 08 connection, 40 transaction
     * rollback (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention
     * (admin shutdown, cannot connect now), 55P03 lock not available, 58 system error (I/O).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03");
    /** Exceptions named rather than imported: not every service has Hibernate's or Kafka's classes loaded alike. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException");

    private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";

    private Failures() {}

    /** True if the failure, or anything that caused it, is one that passes when retried later. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ContractViolation) {
                return false;
            }
            if (e instanceof SQLTransientException
                    || e instanceof SQLRecoverableException
                    || e instanceof ConnectException
                    || e instanceof SocketTimeoutException
                    || e instanceof TimeoutException
                    || isTransientSqlState(e)
                    || isNamedTransient(e)) {
                return true;
            }
        }
        return false;
    }

    /** True if the failure, or anything that caused it, is a {@link ContractViolation}. */
    public static boolean isContractViolation(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ContractViolation) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientSqlState(Throwable e) {
        if (!(e instanceof SQLException sql)) {
            return false;
        }
        if (sql.getSQLState() == null || sql.getSQLState().length() < 2) {
            // The connection pool (Agroal) gives up waiting for a connection without a SQLSTATE.
            return sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        String state = sql.getSQLState();
        return TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(state);
    }

    private static boolean isNamedTransient(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName()) || KAFKA_RETRIABLE.equals(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
