package org.iom.dna.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.iom.dna.scheduling.testdata.Events.cancelled;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.next;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.testdata.Events;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** What country offices and admins read about families, and who is turned away. */
@QuarkusTest
class FamilyResourceTest {

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldAskForATokenWhenNoneIsSent() {
        given().get("/api/v1/families/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("unauthorized").toString()));
    }

    @Test
    void shouldRefuseTheIndsTokenWhichIsNotMeantForScheduling() {
        // The IND's client gets tokens for intake and notification only (their audience): here it is no token at all.
        given().auth()
                .oauth2(Tokens.indSystem())
                .get("/api/v1/families/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", equalTo(Problem.type("unauthorized").toString()));
    }

    @Test
    void shouldRefuseAMhacStaffTokenOnlyForWhatItsRoleMayNotDo() {
        // Staff tokens name every service: the role decides (403), not the audience.
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get("/api/v1/waitlist")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseMhacStaffAFamily() {
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get("/api/v1/families/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseMhacStaffTheWaitlist() {
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get("/api/v1/waitlist")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("forbidden").toString()));
    }

    @Test
    void shouldAskForATokenForTheWaitlist() {
        given().get("/api/v1/waitlist").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswerNotFoundForAFamilySchedulingHasNotReceived() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("not-found").toString()));
    }

    @Test
    void shouldAnswerBadRequestForARequestIdThatIsNotAUuid() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/families/not-a-request-id")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldShowABookedFamilysCentreDayAndEachMembersSlot() {
        SlotOpenedV1 first = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SlotOpenedV1 second = next(first, 1);
        SamplingRequestReceivedV1 family = family(first.country()).adults(2).build();
        scheduling.receive(List.of(first, second), List.of(family));
        Appointment appointment = scheduling.awaitBooked(family.requestId());

        FamilyView view = read("officer", family.requestId());

        assertThat(view.status()).isEqualTo("BOOKED");
        assertThat(view.appointment())
                .isEqualTo(new FamilyView.AppointmentView(
                        appointment.id,
                        first.centreCode(),
                        first.zone(),
                        first.localDate(),
                        0,
                        List.of(
                                new FamilyView.MemberSlot("P-1", first.slotId(), first.localStart(), first.startsAt()),
                                new FamilyView.MemberSlot(
                                        "P-2", second.slotId(), second.localStart(), second.startsAt()))));
    }

    @Test
    void shouldShowAWaitingFamilyWithoutAnAppointment() {
        SamplingRequestReceivedV1 family =
                family(uniqueCountry()).priority(Priority.URGENT).build();
        scheduling.receive(family);

        // Whether the first pass has tried it yet (and set a wait reason) is a race this test does not judge.
        assertThat(read("officer", family.requestId()))
                .usingRecursiveComparison()
                .ignoringFields("waitReason")
                .isEqualTo(new FamilyView(
                        family.requestId(),
                        "WAITING",
                        "URGENT",
                        family.deadline(),
                        family.receivedAt(),
                        null,
                        null,
                        null,
                        0,
                        null));
    }

    @Test
    void shouldLetAdminsReadAFamily() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();
        scheduling.receive(family);

        assertThat(read("admin", family.requestId()).requestId()).isEqualTo(family.requestId());
    }

    @Test
    void shouldListAWaitingFamilyOnTheWaitlist() {
        SamplingRequestReceivedV1 family =
                family(uniqueCountry()).priority(Priority.MEDICAL).build();
        scheduling.receive(family);

        assertThat(waitlist())
                .filteredOn(v -> v.requestId().equals(family.requestId()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.priority()).isEqualTo("MEDICAL");
                    assertThat(v.deadline()).isEqualTo(family.deadline());
                });
    }

    @Test
    void shouldLeaveBookedFamiliesOffTheWaitlist() {
        SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 family = family(slot.country()).build();
        scheduling.receive(List.of(slot), List.of(family));
        scheduling.awaitBooked(family.requestId());

        assertThat(waitlist()).extracting(FamilyView::requestId).doesNotContain(family.requestId());
    }

    @Test
    void shouldLeaveCancelledFamiliesOffTheWaitlist() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();
        scheduling.receive(family);
        scheduling.cancel(cancelled(family.requestId()));

        assertThat(waitlist()).extracting(FamilyView::requestId).doesNotContain(family.requestId());
    }

    @Test
    void shouldLeaveAdHocFamiliesOffTheWaitlist() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).adHoc().build();
        scheduling.receive(family);

        assertThat(waitlist()).extracting(FamilyView::requestId).doesNotContain(family.requestId());
    }

    @Test
    void shouldLeaveFamiliesWhoseDeadlineHasPassedOffTheWaitlist() {
        SamplingRequestReceivedV1 family = family(uniqueCountry())
                .deadline(LocalDate.now(Events.UTC).minusDays(3))
                .build();
        scheduling.receive(family);

        assertThat(waitlist()).extracting(FamilyView::requestId).doesNotContain(family.requestId());
    }

    private FamilyView read(String user, UUID requestId) {
        String body = given().auth()
                .oauth2(Tokens.user(user))
                .get("/api/v1/families/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return scheduling.read(body, FamilyView.class);
    }

    private List<FamilyView> waitlist() {
        String body = given().auth()
                .oauth2(Tokens.user("officer"))
                .get("/api/v1/waitlist")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return List.of(scheduling.read(body, FamilyView[].class));
    }
}
