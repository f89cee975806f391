package org.iom.dna.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * This service's audit trail of personal data (table {@code audit_trail}, platform's {@code db/platform} migration):
 * appended to in a transaction of its own, so that a refused or failed call is recorded too; checked by recomputing
 * its hash chain.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final String VERIFY = resource("/audit/verify.sql");

    /** One call of an {@link Audited} operation. */
    public record Entry(
            Instant at,
            String subject,
            String actor,
            String clientId,
            String tokenId,
            String source,
            String operation,
            String recordType,
            String recordId,
            String personRef,
            String fields,
            Outcome outcome,
            String statedPurpose) {}

    /** One row as stored: the entry's references, never personal data, with the row's id and hash. */
    public record Row(
            long id,
            Instant at,
            String subject,
            String actor,
            String clientId,
            String tokenId,
            String source,
            String operation,
            String recordType,
            String recordId,
            String personRef,
            String fields,
            String outcome,
            String statedPurpose,
            String hash) {

        static Row of(Object[] r) {
            Object at = r[1];
            return new Row(
                    ((Number) r[0]).longValue(),
                    at instanceof java.sql.Timestamp t
                            ? t.toInstant()
                            : at instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) at,
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    (String) r[10],
                    (String) r[11],
                    (String) r[12],
                    (String) r[13],
                    (String) r[14]);
        }
    }

    public enum Outcome {
        ALLOWED,
        /** 401 or 403. */
        REFUSED,
        NOT_FOUND,
        /** Another 4xx: the request was refused as invalid. */
        INVALID,
        /** 5xx. */
        FAILED;

        public static Outcome of(int status) {
            if (status < 400) {
                return ALLOWED;
            }
            if (status == 401 || status == 403) {
                return REFUSED;
            }
            if (status == 404) {
                return NOT_FOUND;
            }
            return status < 500 ? INVALID : FAILED;
        }
    }

    /**
     * @param rows how many rows the trail has
     * @param firstBroken the first row that breaks the chain; null when it holds
     * @param headId the last row, null for an empty trail
     * @param headHash its hash: note it, to see later that no row was cut off the end
     */
    public record Verification(long rows, Long firstBroken, Long headId, String headHash) {
        public boolean intact() {
            return firstBroken == null;
        }
    }

    private final EntityManager em;

    AuditTrail(EntityManager em) {
        this.em = em;
    }

    /** Appends the entry in a transaction of its own. @return its id */
    public long append(Entry e) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select audit_trail_append(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                                .setParameter(1, e.at())
                                .setParameter(2, cut(e.subject(), 100))
                                .setParameter(3, cut(e.actor(), 200))
                                .setParameter(4, cut(e.clientId(), 100))
                                .setParameter(5, cut(e.tokenId(), 100))
                                .setParameter(6, cut(e.source(), 100))
                                .setParameter(7, cut(e.operation(), 300))
                                .setParameter(8, cut(e.recordType(), 50))
                                .setParameter(9, cut(e.recordId(), 100))
                                .setParameter(10, cut(e.personRef(), 100))
                                .setParameter(11, cut(e.fields(), 300))
                                .setParameter(12, e.outcome().name())
                                .setParameter(13, cut(e.statedPurpose(), 100))
                                .getSingleResult())
                        .longValue());
    }

    /** Checks the chain, within the caller's transaction if there is one (so a test can tamper and roll back). */
    public Verification verify() {
        Object[] row = QuarkusTransaction.joiningExisting()
                .call(() -> (Object[]) em.createNativeQuery(VERIFY).getSingleResult());
        return new Verification(
                ((Number) row[0]).longValue(),
                row[1] == null ? null : ((Number) row[1]).longValue(),
                row[2] == null ? null : ((Number) row[2]).longValue(),
                (String) row[3]);
    }

    /** The latest rows about one record (a request id), newest first; all records when null. */
    @SuppressWarnings("unchecked")
    public List<Row> rows(String recordId, int limit) {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select id, at, subject, actor, client_id, token_id, source,"
                                + " operation, record_type, record_id, person_ref, fields, outcome, stated_purpose, hash"
                                + " from audit_trail where (cast(?1 as text) is null or record_id = ?1)"
                                + " order by id desc limit ?2")
                        .setParameter(1, recordId)
                        .setParameter(2, limit)
                        .getResultList());
        return rows.stream().map(Row::of).toList();
    }

    /**
     * Writes the chain's head to the log once a day: the log is kept apart from the database, so rows cut off the
     * end of the trail later show as a head that no longer matches.
     */
    @Scheduled(every = "24h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void logHead() {
        Verification v = verify();
        if (v.intact()) {
            LOG.infof("audit trail: %d rows, head %s %s", v.rows(), v.headId(), v.headHash());
        } else {
            LOG.errorf("audit trail: chain broken at row %d (%d rows)", v.firstBroken(), v.rows());
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(AuditTrail.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
