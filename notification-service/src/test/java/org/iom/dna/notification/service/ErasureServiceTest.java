package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.FamilyErasedV1;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.junit.jupiter.api.Test;

/**
 * An erased family's message records keep dates, channels and outcomes, but no member reference and no provider
 * error text; another family's records are untouched.
 */
@QuarkusTest
class ErasureServiceTest {

    @Inject
    DeliveryService deliveries;

    @Inject
    ErasureService erasures;

    private void book(AppointmentBookedV1 booked) {
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));
    }

    private void erase(UUID requestId) {
        QuarkusTransaction.requiringNew()
                .run(() -> erasures.familyErased(new FamilyErasedV1(requestId, "RETENTION", Instant.now())));
    }

    /** Read in a transaction of its own, so that rows loaded before the erasure are not served from memory. */
    private List<Delivery> of(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.forRequest(requestId));
    }

    @Test
    void shouldReplaceTheMembersReferencesTheSameWayInEveryMessage() {
        UUID requestId = UUID.randomUUID();
        String first = Bookings.member(IntakeContactStub.DOWN);
        String second = Bookings.member(IntakeContactStub.DOWN);
        book(Bookings.booked(requestId, UUID.randomUUID(), 0, first, second));
        book(Bookings.booked(requestId, UUID.randomUUID(), 1, first, second));
        Map<UUID, String> before = of(requestId).stream().collect(Collectors.toMap(d -> d.id, d -> d.memberRef));

        erase(requestId);

        List<Delivery> after = of(requestId);
        assertThat(after).hasSize(before.size());
        assertThat(after).extracting(d -> d.memberRef).containsOnly("#1", "#2");
        // One member, one new reference: messages that went to the same member still share one.
        Map<String, Set<String>> renamed = after.stream()
                .collect(Collectors.groupingBy(
                        d -> before.get(d.id), Collectors.mapping(d -> d.memberRef, Collectors.toSet())));
        assertThat(renamed.get(first)).hasSize(1);
        assertThat(renamed.get(second)).hasSize(1).doesNotContainAnyElementsOf(renamed.get(first));
        assertThat(after).allSatisfy(d -> assertThat(d.lastError).isNull());
    }

    @Test
    void shouldLeaveOtherFamiliesAlone() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        String member = Bookings.member(IntakeContactStub.DOWN);
        book(Bookings.booked(erased, Bookings.member(IntakeContactStub.DOWN)));
        book(Bookings.booked(kept, member));

        erase(erased);

        assertThat(of(kept)).extracting(d -> d.memberRef).containsOnly(member);
    }

    @Test
    void shouldChangeNothingWhenErasedTwice() {
        UUID requestId = UUID.randomUUID();
        book(Bookings.booked(requestId, Bookings.member(IntakeContactStub.DOWN)));
        erase(requestId);

        erase(requestId);

        assertThat(of(requestId)).extracting(d -> d.memberRef).containsOnly("#1");
    }
}
