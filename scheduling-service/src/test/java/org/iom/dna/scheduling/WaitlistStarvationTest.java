package org.iom.dna.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * A waitlist full of families that cannot be booked must not hide a new family that can: every new
 * family gets its first decision, however many higher-priority families wait in vain before it.
 */
@QuarkusTest
@TestProfile(WaitlistStarvationTest.SmallPasses.class)
class WaitlistStarvationTest {

    private static final String SLOTS = "test.registry.slots.v1";
    private static final String REQUESTS = "test.intake.sampling-requests.v1";
    private static final String APPOINTMENTS = "test.scheduling.appointments.v1";
    private static final String WAITLISTED = "org.iom.dna.scheduling.FamilyWaitlisted.v1";
    private static final String BOOKED = "org.iom.dna.scheduling.AppointmentBooked.v1";

    /** Three families per pass, so that four unbookable ones fill every pass. */
    public static class SmallPasses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheduling.waitlist.pass-size", "3");
        }
    }

    @Test
    void aNewFamilyIsTriedBehindAFullPassOfFamiliesThatCannotBeBooked() {
        LocalDate deadline = LocalDate.now().plusMonths(1);
        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            List<String> unbookable = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                UUID id = UUID.randomUUID();
                unbookable.add(id.toString());
                // Unaccompanied minors come first in the waitlist, but no centre of theirs has a slot.
                family(id, "ZX", "UNACCOMPANIED_MINOR", deadline);
            }
            for (String id : unbookable) {
                appointments.await(
                        r -> WAITLISTED.equals(TopicProbe.header(r, "ce_type")) && id.equals(r.key()),
                        Duration.ofSeconds(30));
            }

            UUID newcomer = UUID.randomUUID();
            openSlot("ZY", LocalDate.now().plusDays(6));
            family(newcomer, "ZY", "STANDARD", deadline);
            ConsumerRecord<String, String> booked = appointments.await(
                    r -> newcomer.toString().equals(r.key()) && !WAITLISTED.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertEquals(BOOKED, TopicProbe.header(booked, "ce_type"));
        }
    }

    private static void openSlot(String country, LocalDate day) {
        String json = """
                {"slotId": "%s", "centreCode": "%s-AAA", "country": "%s", "zone": "UTC", "localDate": "%s",
                 "localStart": "09:00:00", "startsAt": "%s", "endsAt": "%s", "capacity": 2}
                """.formatted(
                        UUID.randomUUID(),
                        country,
                        country,
                        day,
                        day.atTime(9, 0).toInstant(ZoneOffset.UTC),
                        day.atTime(9, 30).toInstant(ZoneOffset.UTC));
        TopicProbe.publish(SLOTS, country + "-AAA", "org.iom.dna.registry.SlotOpened.v1", json);
    }

    private static void family(UUID requestId, String country, String priority, LocalDate deadline) {
        String json = """
                {"requestId": "%s", "country": "%s", "adHocLocation": false, "preferredCentre": null,
                 "priority": "%s", "deadline": "%s", "receivedAt": "%s",
                 "members": [{"memberRef": "P-1", "ageOnDeadline": 30, "minor": false, "accompaniedBy": null,
                   "language": "ar", "needsInterpreter": false, "needsAccessibility": false,
                   "needsMedicalCare": false, "currentCountry": "%s"}]}
                """.formatted(requestId, country, priority, deadline, Instant.now(), country);
        TopicProbe.publish(REQUESTS, requestId.toString(), "org.iom.dna.intake.SamplingRequestReceived.v1", json);
    }
}
