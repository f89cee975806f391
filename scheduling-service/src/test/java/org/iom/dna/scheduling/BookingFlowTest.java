package org.iom.dna.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Drives scheduling through the real broker: slots and families arrive as registry and intake
 * publish them, bookings leave as AppointmentBookedV1. Each test uses its own made-up country code
 * so that its slots are the only ones that can match.
 */
@QuarkusTest
class BookingFlowTest {

    private static final String SLOTS = "test.registry.slots.v1";
    private static final String REQUESTS = "test.intake.sampling-requests.v1";
    private static final String APPOINTMENTS = "test.scheduling.appointments.v1";

    /** Made-up country codes, one per test: the database is cleaned when the tests start. */
    private static final java.util.concurrent.atomic.AtomicInteger COUNTRIES =
            new java.util.concurrent.atomic.AtomicInteger();

    private static String country() {
        return "Q" + (char) ('A' + COUNTRIES.getAndIncrement());
    }

    private static String openSlot(UUID id, String centre, String country, LocalDate day, int hour, int capacity) {
        String starts = day.atTime(hour, 0).toInstant(ZoneOffset.UTC).toString();
        String ends = day.atTime(hour, 30).toInstant(ZoneOffset.UTC).toString();
        String json = """
                {"slotId": "%s", "centreCode": "%s", "country": "%s", "zone": "UTC", "localDate": "%s",
                 "localStart": "%02d:00:00", "startsAt": "%s", "endsAt": "%s", "capacity": %d}
                """.formatted(id, centre, country, day, hour, starts, ends, capacity);
        return TopicProbe.publish(SLOTS, centre, "org.iom.dna.registry.SlotOpened.v1", json);
    }

    private static void family(UUID requestId, String country, String priority, LocalDate deadline, String... refs) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < refs.length; i++) {
            members.append(i == 0 ? "" : ",").append("""
                    {"memberRef": "%s", "ageOnDeadline": 30, "minor": false, "accompaniedBy": null,
                     "language": "ar", "needsInterpreter": false, "needsAccessibility": false,
                     "needsMedicalCare": false, "currentCountry": "%s"}""".formatted(refs[i], country));
        }
        String json = """
                {"requestId": "%s", "country": "%s", "adHocLocation": false, "preferredCentre": null, "priority": "%s", "deadline": "%s",
                 "receivedAt": "%s", "members": [%s]}
                """.formatted(requestId, country, priority, deadline, java.time.Instant.now(), members);
        TopicProbe.publish(REQUESTS, requestId.toString(), "org.iom.dna.intake.SamplingRequestReceived.v1", json);
    }

    private static boolean isBooking(ConsumerRecord<String, String> record) {
        return "org.iom.dna.scheduling.AppointmentBooked.v1".equals(TopicProbe.header(record, "ce_type"));
    }

    @Test
    void shouldBookFamilyIntoEarliestDayAndPublishAppointment() {
        String country = country();
        LocalDate day1 = LocalDate.now().plusDays(5);
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        openSlot(early, country + "-AAA", country, day1, 9, 1); // too small for two people
        openSlot(late, country + "-AAA", country, day1.plusDays(1), 9, 2);
        UUID requestId = UUID.randomUUID();
        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            family(requestId, country, "STANDARD", LocalDate.now().plusMonths(2), "P-1", "P-2");
            ConsumerRecord<String, String> booked = appointments.await(
                    r -> isBooking(r) && requestId.toString().equals(r.key()), Duration.ofSeconds(30));
            assertEquals("org.iom.dna.scheduling.AppointmentBooked.v1", TopicProbe.header(booked, "ce_type"));
            assertTrue(booked.value().contains("\"localDate\":\"" + day1.plusDays(1) + "\""), booked.value());
            assertTrue(booked.value().contains(late.toString()));
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + requestId)
                .then()
                .statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("appointment.centreCode", equalTo(country + "-AAA"))
                .body("appointment.members.size()", equalTo(2));
    }

    @Test
    void shouldWaitlistWhenFullAndServeHigherPriorityFirstWhenCapacityAppears() {
        String country = country();
        LocalDate deadline = LocalDate.now().plusMonths(1);
        UUID standard = UUID.randomUUID();
        UUID medical = UUID.randomUUID();
        family(standard, country, "STANDARD", deadline, "S-1");
        family(medical, country, "MEDICAL", deadline, "M-1");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.user("admin"))
                        .get("/api/v1/waitlist")
                        .then()
                        .statusCode(200)
                        .body(
                                "findAll { it.requestId == '" + standard + "' || it.requestId == '" + medical
                                        + "' }.requestId",
                                equalTo(List.of(medical.toString(), standard.toString()))));

        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            openSlot(
                    UUID.randomUUID(),
                    country + "-BBB",
                    country,
                    LocalDate.now().plusDays(7),
                    10,
                    1);
            ConsumerRecord<String, String> booked = appointments.await(
                    r -> isBooking(r)
                            && (medical.toString().equals(r.key())
                                    || standard.toString().equals(r.key())),
                    Duration.ofSeconds(30));
            assertEquals(medical.toString(), booked.key(), "one place: the medical case goes first");
            List<ConsumerRecord<String, String>> all = appointments.drain(Duration.ofSeconds(3));
            assertTrue(
                    all.stream()
                            .noneMatch(r -> isBooking(r) && standard.toString().equals(r.key())),
                    "capacity 1 is never exceeded");
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + standard)
                .then()
                .statusCode(200)
                .body("status", equalTo("WAITING"));
    }

    @Test
    void shouldFreeSlotsWhenTheIndCancelsAndBookTheNextFamily() {
        String country = country();
        LocalDate deadline = LocalDate.now().plusMonths(1);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            openSlot(
                    UUID.randomUUID(),
                    country + "-CCC",
                    country,
                    LocalDate.now().plusDays(6),
                    8,
                    1);
            family(first, country, "URGENT", deadline, "F-1");
            appointments.await(r -> first.toString().equals(r.key()) && isBooking(r), Duration.ofSeconds(30));
            family(second, country, "STANDARD", deadline, "S-1");
            appointments.await(
                    r -> second.toString().equals(r.key())
                            && "org.iom.dna.scheduling.FamilyWaitlisted.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));

            TopicProbe.publish(
                    REQUESTS,
                    first.toString(),
                    "org.iom.dna.intake.SamplingRequestCancelled.v1",
                    "{\"requestId\": \"" + first + "\", \"reason\": \"WITHDRAWN_BY_APPLICANT\", \"cancelledAt\": \""
                            + java.time.Instant.now() + "\"}");
            appointments.await(
                    r -> first.toString().equals(r.key())
                            && "org.iom.dna.scheduling.AppointmentCancelled.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            appointments.await(r -> second.toString().equals(r.key()) && isBooking(r), Duration.ofSeconds(30));
        }
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + first)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldMoveTheWholeFamilyWhenItsSlotIsWithdrawnOrCut() {
        String country = country();
        String centre = country + "-DDD";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        LocalDate day = LocalDate.now().plusDays(8);
        UUID requestId = UUID.randomUUID();
        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            openSlot(first, centre, country, day, 9, 2);
            family(requestId, country, "STANDARD", LocalDate.now().plusMonths(2), "P-1", "P-2");
            appointments.await(
                    r -> isBooking(r)
                            && requestId.toString().equals(r.key())
                            && r.value().contains(first.toString()),
                    Duration.ofSeconds(30));

            openSlot(second, centre, country, day.plusDays(1), 9, 2);
            TopicProbe.publish(
                    SLOTS,
                    centre,
                    "org.iom.dna.registry.SlotWithdrawn.v1",
                    "{\"slotId\": \"" + first + "\", \"centreCode\": \"" + centre + "\", \"reason\": \"CLOSURE\","
                            + " \"withdrawnAt\": \"" + java.time.Instant.now() + "\"}");
            ConsumerRecord<String, String> cancelled = appointments.await(
                    r -> requestId.toString().equals(r.key())
                            && "org.iom.dna.scheduling.AppointmentCancelled.v1".equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertTrue(cancelled.value().contains("SLOT_WITHDRAWN"));
            ConsumerRecord<String, String> moved = appointments.await(
                    r -> isBooking(r)
                            && requestId.toString().equals(r.key())
                            && r.value().contains(second.toString()),
                    Duration.ofSeconds(30));
            assertTrue(moved.value().contains("\"sequence\":1"), "a reschedule bumps the iCalendar sequence");

            openSlot(third, centre, country, day.plusDays(2), 9, 2);
            TopicProbe.publish(
                    SLOTS,
                    centre,
                    "org.iom.dna.registry.SlotChanged.v1",
                    "{\"slotId\": \"" + second + "\", \"centreCode\": \"" + centre + "\", \"capacity\": 1,"
                            + " \"status\": \"OPEN\", \"changedAt\": \"" + java.time.Instant.now() + "\"}");
            ConsumerRecord<String, String> movedAgain = appointments.await(
                    r -> isBooking(r)
                            && requestId.toString().equals(r.key())
                            && r.value().contains(third.toString()),
                    Duration.ofSeconds(30));
            assertTrue(movedAgain.value().contains("\"sequence\":2"));
            assertTrue(!movedAgain.value().contains(second.toString()), "the family stays together, not split 1 + 1");
        }
    }

    @Test
    void shouldNeverBookInsideTheTravelLeadTime() {
        String country = country();
        UUID tooSoon = UUID.randomUUID();
        UUID inTime = UUID.randomUUID();
        openSlot(tooSoon, country + "-EEE", country, LocalDate.now().plusDays(1), 9, 2); // lead time is 2 days
        openSlot(inTime, country + "-EEE", country, LocalDate.now().plusDays(5), 9, 2);
        UUID requestId = UUID.randomUUID();
        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            family(requestId, country, "STANDARD", LocalDate.now().plusMonths(1), "P-1");
            ConsumerRecord<String, String> booked = appointments.await(
                    r -> isBooking(r) && requestId.toString().equals(r.key()), Duration.ofSeconds(30));
            assertTrue(booked.value().contains(inTime.toString()), booked.value());
        }
    }

    @Test
    void shouldWaitlistRatherThanBookAfterTheDeadline() {
        String country = country();
        LocalDate deadline = LocalDate.now().plusDays(10);
        openSlot(UUID.randomUUID(), country + "-FFF", country, deadline.plusDays(1), 9, 2);
        UUID requestId = UUID.randomUUID();
        try (TopicProbe appointments = TopicProbe.open(APPOINTMENTS)) {
            family(requestId, country, "STANDARD", deadline, "P-1");
            ConsumerRecord<String, String> decided =
                    appointments.await(r -> requestId.toString().equals(r.key()), Duration.ofSeconds(30));
            assertEquals("org.iom.dna.scheduling.FamilyWaitlisted.v1", TopicProbe.header(decided, "ce_type"));
        }
    }

    @Test
    void shouldServeTheEarlierDeadlineThenTheEarlierArrivalWithinOnePriority() {
        String country = country();
        UUID laterDeadline = UUID.randomUUID();
        UUID earlierDeadline = UUID.randomUUID();
        UUID arrivedLast = UUID.randomUUID();
        family(laterDeadline, country, "STANDARD", LocalDate.now().plusDays(40), "A-1");
        family(earlierDeadline, country, "STANDARD", LocalDate.now().plusDays(20), "B-1");
        family(arrivedLast, country, "STANDARD", LocalDate.now().plusDays(20), "C-1");
        List<String> expected = List.of(earlierDeadline.toString(), arrivedLast.toString(), laterDeadline.toString());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.user("officer"))
                        .get("/api/v1/waitlist")
                        .then()
                        .statusCode(200)
                        .body(
                                "requestId.findAll { "
                                        + expected.stream()
                                                .map(id -> "it == '" + id + "'")
                                                .collect(java.util.stream.Collectors.joining(" || "))
                                        + " }",
                                equalTo(expected)));
    }

    @Test
    void shouldAnswerProblemsForMissingTokenWrongRoleAndUnknownFamily() {
        given().get("/api/v1/waitlist").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get("/api/v1/waitlist")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/families/" + UUID.randomUUID())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
