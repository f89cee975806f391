package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** intake follows scheduling's AppointmentBookedV1 through the real broker. */
@QuarkusTest
class AppointmentEventsConsumerTest {

    @Test
    void shouldMarkRequestScheduledWhenWholeFamilyIsBookedAndIgnoreRedelivery() {
        String id = given().auth().oauth2(Tokens.indSystem()).contentType(ContentType.JSON)
                .body(Families.motherAndSon(Families.freshReference()))
                .post("/api/v1/sampling-requests").then().statusCode(201).extract().path("id");
        LocalDate day = LocalDate.now().plusDays(10);
        String booked = """
                {"appointmentId": "%s", "requestId": "%s", "centreCode": "ET-ADD", "zone": "Africa/Addis_Ababa",
                 "localDate": "%s", "sequence": 0, "bookedAt": "2026-11-28T10:00:00Z",
                 "members": [
                   {"memberRef": "P-1", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"},
                   {"memberRef": "P-2", "slotId": "%s", "startsAt": "%sT05:30:00Z", "localStart": "08:30:00"}]}
                """.formatted(UUID.randomUUID(), id, day, UUID.randomUUID(), day, UUID.randomUUID(), day);
        String eventId = TopicProbe.publish("test.scheduling.appointments.v1", id,
                "org.iom.dna.scheduling.AppointmentBooked.v1", booked);
        TopicProbe.publish("test.scheduling.appointments.v1", id,
                "org.iom.dna.scheduling.AppointmentBooked.v1", booked, eventId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.indSystem()).get("/api/v1/sampling-requests/" + id)
                        .then().statusCode(200)
                        .body("status", equalTo("SCHEDULED"))
                        .body("members[0].appointment.centreCode", equalTo("ET-ADD"))
                        .body("members[0].appointment.localTime", equalTo("08:30:00"))
                        .body("members[1].appointment.zone", equalTo("Africa/Addis_Ababa")));

        List<String> steps = given().auth().oauth2(Tokens.indSystem())
                .get("/api/v1/sampling-requests/" + id + "/history")
                .then().statusCode(200).body("to", hasItems("RECEIVED", "SCHEDULED")).extract().path("to");
        // The redelivered copy (same CloudEvents id) changed nothing.
        org.junit.jupiter.api.Assertions.assertEquals(List.of("RECEIVED", "SCHEDULED"), steps);
    }
}
