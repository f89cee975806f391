package org.iom.dna.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is a hash chain: every row hashes its fields and the row before it, so an edited or deleted row
 * shows when the chain is checked. Each tampering test works inside a transaction that is rolled back, so the shared
 * trail stays intact for the others.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    @Inject
    EntityManager em;

    private long append(String recordId, AuditTrail.Outcome outcome) {
        return trail.append(new AuditTrail.Entry(
                Instant.now(),
                "5b0c7e2a-8f1d-4f3e-9a61-0c2d3e4f5a6b",
                "service-account-notification-service",
                "notification-service",
                "onrtac:" + UUID.randomUUID(),
                "127.0.0.1",
                "GET /internal/v1/sampling-requests/{id}/members/{personRef}/contact",
                "family-member",
                recordId,
                "P-1",
                "phone,email",
                outcome,
                "CONFIRMATION"));
    }

    /** Runs the tampering as the table's owner, with the append-only guard off, then rolls everything back. */
    private AuditTrail.Verification tamperedWith(Consumer<EntityManager> tampering) {
        AuditTrail.Verification[] seen = new AuditTrail.Verification[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("alter table audit_trail disable trigger audit_trail_append_only")
                        .executeUpdate();
                tampering.accept(em);
                seen[0] = trail.verify();
                QuarkusTransaction.setRollbackOnly();
            });
        } catch (QuarkusTransactionException rolledBack) {
            // as intended: the trail is as it was
        }
        return seen[0];
    }

    @Test
    void shouldFindTheChainIntactAfterAppending() {
        append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);
        long last = append(UUID.randomUUID().toString(), AuditTrail.Outcome.REFUSED);

        AuditTrail.Verification v = trail.verify();

        assertThat(v.intact()).isTrue();
        assertThat(v.headId()).isGreaterThanOrEqualTo(last);
    }

    @Test
    void shouldChainEachRowToTheOneBeforeIt() {
        long first = append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);
        long second = append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);

        String firstHash = hashOf(first);
        String secondPrev = QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select prev_hash from audit_trail where id = ?1")
                        .setParameter(1, second)
                        .getSingleResult());

        // Other tests may append in between; then the row before the second is theirs, not the first.
        if (second == first + 1) {
            assertThat(secondPrev).isEqualTo(firstHash);
        }
        assertThat(secondPrev).hasSize(64).isNotEqualTo(hashOf(second));
    }

    @Test
    void shouldFindAnEditedRow() {
        long edited = append(UUID.randomUUID().toString(), AuditTrail.Outcome.REFUSED);
        append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);

        AuditTrail.Verification v =
                tamperedWith(db -> db.createNativeQuery("update audit_trail set outcome = 'ALLOWED' where id = ?1")
                        .setParameter(1, edited)
                        .executeUpdate());

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(edited);
    }

    @Test
    void shouldFindADeletedRowAtTheRowAfterIt() {
        long deleted = append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);
        append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);

        AuditTrail.Verification v = tamperedWith(db -> db.createNativeQuery("delete from audit_trail where id = ?1")
                .setParameter(1, deleted)
                .executeUpdate());

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isGreaterThan(deleted);
    }

    @Test
    void shouldFindARowWhoseHashWasRecomputedButNotTheNextOnes() {
        long edited = append(UUID.randomUUID().toString(), AuditTrail.Outcome.REFUSED);
        append(UUID.randomUUID().toString(), AuditTrail.Outcome.ALLOWED);

        // A careful forger rewrites the row and its own hash; the next row still names the old hash.
        AuditTrail.Verification v = tamperedWith(db -> {
            db.createNativeQuery("update audit_trail set outcome = 'ALLOWED' where id = ?1")
                    .setParameter(1, edited)
                    .executeUpdate();
            db.createNativeQuery("update audit_trail a set hash = audit_trail_hash(a) where id = ?1")
                    .setParameter(1, edited)
                    .executeUpdate();
        });

        assertThat(v.firstBroken()).isGreaterThan(edited);
    }

    @Test
    void shouldRefuseToChangeARow() {
        long id = append(UUID.randomUUID().toString(), AuditTrail.Outcome.REFUSED);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("update audit_trail set outcome = 'ALLOWED' where id = ?1")
                                .setParameter(1, id)
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void shouldRefuseToDeleteARow() {
        long id = append(UUID.randomUUID().toString(), AuditTrail.Outcome.REFUSED);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery("delete from audit_trail where id = ?1")
                                .setParameter(1, id)
                                .executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void shouldListTheRowsOfOneRecordNewestFirst() {
        String record = UUID.randomUUID().toString();
        long first = append(record, AuditTrail.Outcome.ALLOWED);
        long second = append(record, AuditTrail.Outcome.NOT_FOUND);

        assertThat(trail.rows(record, 10)).extracting(AuditTrail.Row::id).containsExactly(second, first);
    }

    @Test
    void shouldNameTheOutcomeOfAStatus() {
        assertThat(AuditTrail.Outcome.of(200)).isEqualTo(AuditTrail.Outcome.ALLOWED);
        assertThat(AuditTrail.Outcome.of(403)).isEqualTo(AuditTrail.Outcome.REFUSED);
        assertThat(AuditTrail.Outcome.of(401)).isEqualTo(AuditTrail.Outcome.REFUSED);
        assertThat(AuditTrail.Outcome.of(404)).isEqualTo(AuditTrail.Outcome.NOT_FOUND);
        assertThat(AuditTrail.Outcome.of(400)).isEqualTo(AuditTrail.Outcome.INVALID);
        assertThat(AuditTrail.Outcome.of(503)).isEqualTo(AuditTrail.Outcome.FAILED);
    }

    private String hashOf(long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select hash from audit_trail where id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
    }
}
