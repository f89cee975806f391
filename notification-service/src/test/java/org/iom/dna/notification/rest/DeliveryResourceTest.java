package org.iom.dna.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.notification.service.DeliveryService;
import org.iom.dna.notification.support.Bookings;
import org.iom.dna.notification.support.IntakeContactStub;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Country offices and admins read every message sent, or tried, to a family; nobody else may. */
@QuarkusTest
class DeliveryResourceTest {

    private static final String DELIVERIES = "/api/v1/deliveries";

    @Inject
    DeliveryService deliveries;

    @Test
    void shouldRefuseACallerWithoutAToken() {
        Response response =
                given().queryParam("requestId", UUID.randomUUID().toString()).get(DELIVERIES);

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void shouldRefuseMhacStaff() {
        assertProblem(forRequest(as(Tokens.user("staff-addis")), UUID.randomUUID()), 403, "forbidden");
    }

    @Test
    void shouldRefuseATokenNotMeantForThisService() {
        // notification-service's own client gets tokens for intake, scheduling and the registry only.
        assertProblem(forRequest(as(Tokens.notificationService()), UUID.randomUUID()), 401, "unauthorized");
    }

    @Test
    void shouldRefuseTheIndsSystem() {
        assertProblem(forRequest(as(Tokens.indSystem()), UUID.randomUUID()), 403, "forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "admin"})
    void shouldLetCountryOfficesAndAdminsRead(String user) {
        forRequest(as(Tokens.user(user)), UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void shouldNameTheMissingRequestIdWhenItIsNotGiven() {
        Response response = as(Tokens.user("officer")).get(DELIVERIES);

        JsonPath problem = assertProblem(response, 400, "validation");
        assertThat(problem.getList("errors.path")).containsExactly("requestId");
    }

    @Test
    void shouldAnswerAnEmptyListForARequestWithoutDeliveries() {
        JsonPath body = forRequest(as(Tokens.user("officer")), UUID.randomUUID())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(body.getList("$")).isEmpty();
    }

    @Test
    void shouldShowEachDeliveryOfTheRequestWithTheAppointmentItIsAbout() {
        // Intake is down for these members: the deliveries stay as booked while the test reads them.
        String first = Bookings.member(IntakeContactStub.DOWN);
        String second = Bookings.member(IntakeContactStub.DOWN);
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), first, second);
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));

        List<Map<String, Object>> listed = forRequest(as(Tokens.user("officer")), booked.requestId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList(CONFIRMATIONS); // the reminders are listed too

        assertThat(listed).extracting(d -> d.get("memberRef")).containsExactlyInAnyOrder(first, second);
        assertThat(listed)
                .allSatisfy(d -> assertThat(d)
                        .containsEntry("kind", DeliveryService.CONFIRMATION)
                        .containsEntry("channel", "SMS")
                        .containsEntry("centreCode", Bookings.CENTRE)
                        .containsEntry("localDate", booked.localDate().toString())
                        .containsEntry("localStart", "08:30:00"));
    }

    @Test
    void shouldNotShowAnotherRequestsDeliveries() {
        AppointmentBookedV1 other = Bookings.booked(UUID.randomUUID(), Bookings.member(IntakeContactStub.DOWN));
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(other));
        AppointmentBookedV1 mine = Bookings.booked(UUID.randomUUID(), Bookings.member(IntakeContactStub.DOWN));
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(mine));

        List<String> members = forRequest(as(Tokens.user("officer")), mine.requestId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList(CONFIRMATIONS + ".memberRef", String.class);

        assertThat(members).containsExactly(mine.members().get(0).memberRef());
    }

    @Test
    void shouldNeverShowAnAddress() {
        AppointmentBookedV1 booked = Bookings.booked(UUID.randomUUID(), Bookings.member("M"));
        QuarkusTransaction.requiringNew().run(() -> deliveries.appointmentBooked(booked));

        String body = forRequest(as(Tokens.user("officer")), booked.requestId()).asString();

        assertThat(body).doesNotContain(IntakeContactStub.DOMAIN);
    }

    private static final String CONFIRMATIONS = "findAll { it.kind == '" + DeliveryService.CONFIRMATION + "' }";

    private static Response forRequest(RequestSpecification caller, UUID requestId) {
        return caller.queryParam("requestId", requestId.toString()).get(DELIVERIES);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static JsonPath assertProblem(Response response, int status, String type) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonPath body = response.jsonPath();
        assertThat(body.getString("type")).isEqualTo(Problem.type(type).toString());
        return body;
    }
}
