package org.iom.dna.scheduling.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.bookByHand;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.handBooking;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.record;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.sampled;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.slotToday;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.minor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.FamilyErasedV1;
import org.iom.dna.events.SamplingRequestErasedV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.service.ErasureService;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/**
 * An erased case leaves nothing here that leads to a person: members' references become positions wherever they
 * appear, attendance details that name or trace someone go; outcomes and dates stay; notification is told next.
 */
@QuarkusTest
class ErasureTest {

    private static final String OFFICER = "officer";

    @Inject
    SchedulingState scheduling;

    @Inject
    ErasureService erasures;

    @Inject
    EntityManager em;

    /** A mother and her son, sampled today; the son's consent given by his mother. */
    private SamplingRequestReceivedV1 sampledToday() {
        String country = uniqueCountry();
        String centre = AppointmentDay.uniqueCentre();
        SamplingRequestReceivedV1 family = family(country)
                .members(adult("P-MOTHER", country), minor("P-SON", "P-MOTHER", country))
                .build();
        SlotOpenedV1 slot = slotToday(centre, country, 13, 2);
        scheduling.receive(List.of(slot), List.of(family));
        UUID appointment = UUID.fromString(bookByHand(OFFICER, family.requestId(), handBooking(centre, today()))
                .statusCode(200)
                .extract()
                .path("id"));
        record(OFFICER, appointment, "P-MOTHER", sampled("P-MOTHER", "KIT-MOTHER"))
                .statusCode(200);
        record(OFFICER, appointment, "P-SON", sampled("P-MOTHER", "KIT-SON")).statusCode(200);
        return family;
    }

    private void erase(UUID requestId) {
        QuarkusTransaction.requiringNew()
                .run(() -> erasures.requestErased(new SamplingRequestErasedV1(requestId, "RETENTION", Instant.now())));
    }

    @SuppressWarnings("unchecked")
    private List<String> column(String sql, UUID requestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) em.createNativeQuery(sql).setParameter(1, requestId).getResultList().stream()
                        .map(String::valueOf)
                        .toList());
    }

    @Test
    void shouldReplaceEveryMemberReferenceByItsPosition() {
        SamplingRequestReceivedV1 family = sampledToday();

        erase(family.requestId());

        assertThat(column(
                        "select member_ref || '>' || coalesce(accompanied_by, '') from case_member"
                                + " where request_id = ?1 order by position",
                        family.requestId()))
                .containsExactly("#1>", "#2>#1");
        assertThat(column(
                        "select s.member_ref from appointment_member s join appointment a on a.id = s.appointment_id"
                                + " where a.request_id = ?1 order by 1",
                        family.requestId()))
                .containsExactly("#1", "#2");
        assertThat(column(
                        "select r.member_ref from attendance_record r join appointment a on a.id = r.appointment_id"
                                + " where a.request_id = ?1 order by 1",
                        family.requestId()))
                .containsExactly("#1", "#2");
    }

    @Test
    void shouldDropConsentAndKitNumbersAndKeepTheOutcomes() {
        SamplingRequestReceivedV1 family = sampledToday();

        erase(family.requestId());

        assertThat(column(
                        "select r.attendance || '|' || coalesce(r.consent_given_by, '-') || '|'"
                                + " || coalesce(r.kit_number, '-') from attendance_record r"
                                + " join appointment a on a.id = r.appointment_id where a.request_id = ?1",
                        family.requestId()))
                .containsExactly("SAMPLED|-|-", "SAMPLED|-|-");
    }

    @Test
    void shouldTellNotificationOnceTheFamilyIsErased() {
        SamplingRequestReceivedV1 family = sampledToday();

        erase(family.requestId());

        assertThat(scheduling.published(family.requestId(), FamilyErasedV1.TYPE, FamilyErasedV1.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("RETENTION"));
    }

    @Test
    void shouldIgnoreTheErasureOfACaseItNeverHad() {
        UUID unknown = UUID.randomUUID();

        erase(unknown);

        assertThat(scheduling.published(unknown, FamilyErasedV1.TYPE, FamilyErasedV1.class))
                .isEmpty();
    }
}
