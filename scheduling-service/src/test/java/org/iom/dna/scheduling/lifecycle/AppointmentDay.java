package org.iom.dna.scheduling.lifecycle;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.Attendance;
import org.iom.dna.scheduling.rest.AttendanceRequest;
import org.iom.dna.scheduling.rest.HandBookingRequest;
import org.iom.dna.scheduling.testdata.Events;
import org.iom.dna.testing.Tokens;

/**
 * An appointment day that is today: a zone where it is morning now, so that slots later "today" exist whatever
 * the hour the tests run, and calls to the day's API as staff would make them.
 */
final class AppointmentDay {

    private static final AtomicInteger COUNTRIES = new AtomicInteger();
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A zone where it is between 08:00 and 12:00 now. */
    static final ZoneId MORNING = ZoneOffset.ofHours(
            Math.max(-12, 8 - Instant.now().atZone(ZoneOffset.UTC).getHour()));

    private AppointmentDay() {}

    /** Today in {@link #MORNING}. */
    static LocalDate today() {
        return LocalDate.now(MORNING);
    }

    private static final AtomicInteger CENTRES = new AtomicInteger();

    /**
     * A country of this test's own. Digit-led, like {@code Events.uniqueCountry}, because the registry's tests
     * publish slots of random letter-pair countries to the shared test topic, which this application reads too.
     */
    static String uniqueCountry() {
        return Events.uniqueCountry();
    }

    /**
     * A centre code of this test's own, letters only as the API requires. Its slots carry the test's country
     * explicitly (not the code's first two letters).
     */
    static String uniqueCentre() {
        int n = CENTRES.getAndIncrement();
        return "ZQ-" + (char) ('A' + (n / 676) % 26) + (char) ('A' + (n / 26) % 26) + (char) ('A' + n % 26);
    }

    /** A half-hour slot of a centre in {@link #MORNING}, starting at {@code startsAt}, in {@code country}. */
    static SlotOpenedV1 slotAt(String centre, String country, Instant startsAt, int capacity) {
        SlotOpenedV1 slot = Events.slot(centre, MORNING, startsAt, capacity);
        return new SlotOpenedV1(
                slot.slotId(),
                centre,
                country,
                slot.zone(),
                slot.localDate(),
                slot.localStart(),
                slot.startsAt(),
                slot.endsAt(),
                capacity);
    }

    /** A half-hour slot today at {@code hour}:00 in {@link #MORNING}. */
    static SlotOpenedV1 slotToday(String centre, String country, int hour, int capacity) {
        return slotAt(centre, country, today().atTime(hour, 0).atZone(MORNING).toInstant(), capacity);
    }

    /** The slot that starts when {@code previous} ends, at the same centre, in the same country. */
    static SlotOpenedV1 next(SlotOpenedV1 previous, int capacity) {
        return slotAt(previous.centreCode(), previous.country(), previous.endsAt(), capacity);
    }

    static ValidatableResponse dayList(String user, String centre, LocalDate date) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .get("/api/v1/centres/{c}/days/{d}", centre, date.toString())
                .then()
                .log()
                .ifValidationFails();
    }

    static ValidatableResponse record(String user, UUID appointmentId, String memberRef, AttendanceRequest body) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(json(body))
                .put("/api/v1/appointments/{a}/members/{m}/attendance", appointmentId, memberRef)
                .then()
                .log()
                .ifValidationFails();
    }

    static ValidatableResponse close(String user, String centre, LocalDate date) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .post("/api/v1/centres/{c}/days/{d}/close", centre, date.toString())
                .then()
                .log()
                .ifValidationFails();
    }

    static ValidatableResponse bookByHand(String user, UUID requestId, HandBookingRequest body) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(json(body))
                .put("/api/v1/families/{id}/appointment", requestId)
                .then()
                .log()
                .ifValidationFails();
    }

    static AttendanceRequest sampled(String memberRef, String kit) {
        return new AttendanceRequest(Attendance.SAMPLED, true, memberRef, kit, null);
    }

    static AttendanceRequest outcome(Attendance attendance) {
        return new AttendanceRequest(attendance, null, null, null, null);
    }

    static HandBookingRequest handBooking(String centre, LocalDate date) {
        return new HandBookingRequest(centre, date, false, null);
    }

    /** The request as the service's clients send it (ISO dates, the records' field names). */
    static String json(Object request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
