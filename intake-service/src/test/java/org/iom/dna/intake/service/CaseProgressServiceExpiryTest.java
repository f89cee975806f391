package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.testdata.Events;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** A case whose deadline passes before every member is sampled becomes EXPIRED; sampled and cancelled cases stay. */
@QuarkusTest
class CaseProgressServiceExpiryTest {

    @Inject
    IntakeApi api;

    @Inject
    CaseProgressService progress;

    @Inject
    EntityManager em;

    /** The API refuses past deadlines, so time is moved on in the database instead. */
    private void deadline(String id, LocalDate day) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update sampling_request set deadline = ?1 where id = ?2")
                        .setParameter(1, day)
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate());
    }

    private void deadlinePassed(String id) {
        deadline(id, LocalDate.now().minusDays(1));
    }

    private static void inTransaction(Runnable step) {
        QuarkusTransaction.requiringNew().run(step);
    }

    @Test
    void shouldExpireAReceivedCaseWhoseDeadlinePassed() {
        String id = api.submitted();
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void shouldSayInTheHistoryWhichDeadlinePassed() {
        String id = api.submitted();
        deadlinePassed(id);

        progress.expireOverdue();

        api.history(Tokens.user("officer"), id)
                .body("transitions[1].to", equalTo("EXPIRED"))
                .body(
                        "transitions[1].cause",
                        equalTo("deadline " + LocalDate.now().minusDays(1) + " passed before sampling"));
    }

    @Test
    void shouldNotExpireACaseOnTheDayOfItsDeadline() {
        String id = api.submitted();
        deadline(id, LocalDate.now());

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("RECEIVED");
    }

    @Test
    void shouldExpireAWaitlistedCase() {
        String id = api.submitted();
        inTransaction(() -> progress.waitlisted(Events.waitlisted(UUID.fromString(id))));
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void shouldExpireAScheduledCase() {
        String id = api.submitted();
        inTransaction(() -> progress.appointmentBooked(Events.booked(UUID.fromString(id), UUID.randomUUID())));
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void shouldExpireAPartlySampledCase() {
        String id = api.submitted();
        inTransaction(
                () -> progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.MOTHER, "SAMPLED")));
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void shouldExpireACaseWhoseMemberCannotBeReached() {
        String id = api.submitted();
        inTransaction(() -> progress.memberUnreachable(Events.unreachable(UUID.fromString(id), Families.MOTHER)));
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("EXPIRED");
    }

    @Test
    void shouldKeepASampledCaseSampled() {
        String id = api.submitted();
        inTransaction(
                () -> progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.MOTHER, "SAMPLED")));
        inTransaction(() -> progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.SON, "SAMPLED")));
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("SAMPLED");
    }

    @Test
    void shouldKeepACancelledCaseCancelled() {
        String id = api.submitted();
        api.cancel(id, CancellationReason.DUPLICATE).statusCode(200);
        deadlinePassed(id);

        progress.expireOverdue();

        assertThat(api.status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void shouldExpireACaseOnlyOnce() {
        String id = api.submitted();
        deadlinePassed(id);

        progress.expireOverdue();
        progress.expireOverdue();

        assertThat(api.transitions(id)).containsExactly("RECEIVED", "EXPIRED");
    }

    @Test
    void shouldNotReopenAnExpiredCaseWhenItsFamilyIsSampledLate() {
        String id = api.submitted();
        deadlinePassed(id);
        progress.expireOverdue();

        inTransaction(
                () -> progress.attendanceRecorded(Events.attended(UUID.fromString(id), Families.MOTHER, "SAMPLED")));

        api.get(Tokens.indSystem(), id)
                .body("status", equalTo("EXPIRED"))
                .body("members[0].outcome", equalTo("SAMPLED"));
    }
}
